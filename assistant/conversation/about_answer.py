"""Requests about the previous answer itself: the answer is an object of the conversation.

After an answer, the user may act on it rather than ask about its subject: have its sentence quoted
word for word ("la phrase exacte", "recopie-moi le passage", "mot pour mot ?"), move to the part of
the text next to the one it cited ("et l'article suivant ?", "le point d'avant"), read the wording it
had before the avenant ("la version de 2019", "avant l'avenant, ça disait quoi ?"), have the
exchange summed up ("résume tout ça", "récapitule en trois points"), set a figure heard elsewhere
against it ("tu es sûr ? on m'a dit 10", "ma DRH parle de 1 %"), set the two previous answers side by side
("lequel des deux est le plus avantageux ?": `two_answers.py`), or ask what the answer depends on or still
needs ("ça dépend de quoi ?", "tu as besoin de savoir quoi ?": `needs.py`).

A new retrieval on the subject answers none of these: they are operations on what the answer cited.
The request is read from the message's own grammar — a verb of reproducing and its object (phrase,
passage, texte), a part word and a direction (suivant, précédent), a word of the earlier wording
(d'origine, avant l'avenant, version de 2019), a verb of summing up, a verb of hearsay before a figure —
and only when nothing else is left in the message (no subject, case or question of its own). The
neighbouring part is found in the parsed structure of the cited document (its section numbers), and
is then asked by name (`cited_parts`: "Que dit l'article 6 du protocole d'accord du 19 décembre 2019 ?"), so the
answer comes from the part itself (`assistant.answering.named_parts`); so does the earlier wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.conversation import forms
from assistant.conversation.comparison import COMPARATIVE
from assistant.conversation.subject import find_subject
from text.folding import same_length

Operation = Literal[
    "quote",
    "rule",
    "next",
    "previous",
    "original",
    "summary",
    "check",
    "source",
    "since",
    "compare",
    "needs",
    "decides",
    "reason",
    "draft",
    "sentence",
    "table",
]

_COURTESY = forms.COURTESY
_ASK = forms.POLITE_ASK
# a verb of reproducing, then what it reproduces
_REPRODUCE = (
    r"(?:cite|citez|citer|recopie|recopiez|recopier|copie|copiez|copier|colle|collez|coller|reproduis|reproduisez|"
    r"reproduire|lis|lisez|lire|redonne|redonnez|donne|donnez|donner|montre|montrez|montrer|envoie|envoyez|"
    r"ecris|ecrivez|mets|mettez|affiche|affichez|avoir)"
)
_TEXT_OBJECT = (
    r"(?:(?:phrase|passage|citation|texte|extrait|formulation|redaction|termes|mots|ligne|alinea|paragraphe|"
    r"libelle|wording|disposition|clause)s?|ce (?:que|qu') (?:dit|disent|prevoit|prevoient|ecrit|enonce)\w* "
    r"(?:l'|le |la |les |ton |ta |votre )?(?:avenant|accord|protocole|circulaire|convention|fiche|texte|article|"
    r"passage|document|source)s?)"
)
_EXACT = (
    r"(?:exacte?s?|precise?s?|integral\w*|original\w*|mot (?:pour|a) mot|texto|verbatim|entier|entiere|"
    r"textuel\w*|litteral\w*|entre guillemets|"
    r"complete?s?|tel(?:le)?s? qu(?:'il|'elle|'ils|'elles|e) (?:est|sont|l'a|figure)\w*(?: ecrit\w*| redige\w*)?|"
    r"tel quel|du texte|de l'article|de la source|exactement|en entier)"
)
# the text a quote is asked from: "de l'avenant", "du protocole", "de cet article", "de la circulaire"
_SOURCE_NAME = (
    r"(?:de |du |des |dans )(?:l'|la |le |les |cet |cette |ce |ton |ta |votre )?(?:avenant|accord|protocole|"
    r"circulaire|convention|fiche|texte|article|passage|document|source|reponse|"
    # the part quoted named by its kind ("le libellé exact de la clause", "de cette disposition")
    r"clause|disposition|stipulation|phrase|paragraphe|alinea|regle)s?(?: (?:de )?(?:19|20)\d\d)?"
)
# the verb of a relative clause naming the rule quoted ("la phrase qui fixe ce maximum", "le passage qui prévoit
# cette durée"); the thing it governs, after a demonstrative, is what of the answer is quoted
_SETS = (
    r"(?:dit|dis|prevoit|prevoient|disent|parle|parlent|indique|fixe|pose|ecrit|enonce|mentionne|etablit|definit|"
    r"encadre|regle|limite|plafonne|accorde|garantit|donne|ouvre|impose|precise|traite|justifie|explique)\w*"
)
_RELATIVE_ASPECT = re.compile(
    rf"\b(?:qui|que|ou) (?:le |la |l'|en |te |vous )?{_SETS} (?:ce|cet|cette|ces) (?P<aspect>[a-z][a-z-]{{2,30}})\b"
)
_QUOTE = re.compile(
    # ("colle-moi ici la formulation du texte": where it is to be put says nothing of what is quoted)
    rf"^(?:et )?{_ASK}?(?:{_REPRODUCE}(?:-moi|-nous| moi)?\s+(?:(?:ici|la|juste|simplement)\s+)?(?:{_EXACT}\s+)*"
    r"(?:(?:le|la|les|l'|ta|tes|votre|vos|cette|ce)\s*)?"
    rf"{_TEXT_OBJECT}(?:\s+{_EXACT})*|(?:quel(?:le)?s? (?:est|sont|etait) )?(?:(?:le|la|les|l')\s*)?{_TEXT_OBJECT}"
    rf"\s+{_EXACT}(?:\s+{_EXACT})*"
    rf"|{_REPRODUCE}(?:-moi|-nous| moi)?(?: (?:le|la) (?:texte|phrase))?\s+{_EXACT}|mot (?:pour|a) mot|texto"
    rf"|(?:c'est|c'etait) (?:ecrit|redige|formule|dit) comment(?: exactement)?"
    rf"|(?:quels? (?:sont|est) )?(?:les|le) (?:termes|mots) exacts?)"
    rf"(?:[\s,]+(?:{_COURTESY}|exactement|precisement|la-dessus|la dessus|sur ce point|"
    rf"{_EXACT}|{_SOURCE_NAME}|(?:le |la |les |l')?{_TEXT_OBJECT}|"
    rf"(?:qui|que|ou) (?:le |la |l'|en |te |vous )?{_SETS}(?: (?:ca|cela|la regle|ce que tu dis|"
    r"(?:ce|cet|cette|ces) [a-z][a-z-]{2,30}(?: (?:de |d')?[a-z][a-z-]{2,30})?))?"
    r"))*$"
)
_PART_WORD = r"(?:article|point|paragraphe|partie|section|sous-partie|chapitre|alinea|titre|annexe)"
_NEXT = r"(?:suivant\w*|d'apres|qui suit|qui vient apres|juste apres|d'ensuite|d'a cote)"
_PREVIOUS = r"(?:precedent\w*|d'avant|d'au-dessus|qui precede|juste avant|d'avant celui-ci|anterieur)"
_NEIGHBOUR = re.compile(
    rf"\b(?:l'|le |la )?(?P<unit>{_PART_WORD})\s+(?:(?P<next>{_NEXT})|(?P<previous>{_PREVIOUS}))"
    rf"|\b(?:le |la |l')?(?:(?P<next2>suivant\w*)|(?P<previous2>precedent\w*))\s+(?P<unit2>{_PART_WORD})"
)
# what may stand around the neighbour ("et l'article qui suit, il traite de quoi ?", "que dit l'article d'après ?")
_NEIGHBOUR_REST = re.compile(
    r"^(?:(?:et|alors|ok|d'accord|merci|du coup)\b|(?:que|qu'est-ce que|qu'est-ce qu')\s*(?:dit|prevoit|contient)|"
    r"(?:il|elle|ca|cela)?\s*(?:traite|parle|porte|dit|prevoit|contient|concerne|raconte|aborde)\w*|"
    r"de quoi|sur quoi|quoi|-t-il|-t-elle|-il|-elle|il|elle|ca|dans|de|du|le|la|les|l'|sur|ce|cet|cette|texte|meme|"
    rf"document|{_PART_WORD}|{_COURTESY}|[\s,;:?!.…-])*$"
)
_ORIGINAL = re.compile(
    r"\b(?:version|redaction|texte|formulation|ecriture)s? (?:de 2019|d'origine|initiale?|originale?|premiere|"
    r"ancienne|d'avant|precedente|avant (?:l'avenant|modification|la modification|2022))\b|"
    r"\b(?:ancienne|premiere|precedente) (?:version|redaction|formulation)\b|"
    r"\bavant (?:l'avenant|sa modification|la modification|d'etre modifie\w*|(?:le |l')?(?:11 )?(?:octobre )?2022)\b|"
    r"\bdans (?:l'accord|le protocole(?: d'accord)?) (?:de 2019|d'origine|initial)\b|\bau depart\b|\ba l'origine\b"
)
_ORIGINAL_REST = re.compile(
    r"^(?:(?:et|alors|mais|ok|du coup)\b|(?:il|elle|ca|cela|le texte|l'article|la regle)\s*|"
    # ("et dans le protocole de 2019 d'origine, c'était prévu ?": whether the earlier text held the rule at all)
    r"(?:disai\w*|prevoyai\w*|etai\w*|dit|prevoit|prevu\w*|existai\w*|deja|donnait|fixait|c'etait|c'est|quoi|que|"
    r"qu'|comment|protocole|accord|texte|d'origine|initial\w*|"
    r"combien|ecrit|redige\w*|formule\w*|sur ce point|de 2019|de 2022|exactement|avant|le|la|l'|les|dans|selon|"
    r"d'apres|sur|en|"
    r",|;|:|\?|!|\.|\s)+)*$"
)
# a summing-up asked by its verb ("résume", "récapitule", "synthétise", "condense"), or by its noun as the object
# of a verb of giving or making ("donne-moi la synthèse", "fais-moi un récap", "tu peux m'écrire un résumé ?"),
# or by the noun alone ("un résumé ?", "la synthèse, stp"), or by what is to be retained ("que dois-je retenir ?")
_SUMMARY_NOUN = r"(?:resume|recap\w*|synthese|bilan|point|essentiel|grandes lignes|version (?:courte|abregee|resumee))"
_SUMMARY = re.compile(
    rf"^(?:(?:et|bref|donc|alors|ok|bon|en bref|au final|en somme|pour finir|pour conclure)[ ,]+)*(?:{_ASK})?"
    r"(?:(?:fais|faites|fait|faire|donne|donnez|donner|redonne|ecris|ecrivez|ecrire|redige|redigez|rediger|"
    r"envoie|envoyez|mets|mettez|propose|proposez|proposer)(?:-moi|-nous| moi)?\s+"
    rf"(?:un |une |le |la |l'|les |ton |ta |votre |petit |petite |court |courte |rapide )*{_SUMMARY_NOUN}"
    r"|resume\w*|recapitul\w*|synthetise\w*|condense\w*|recap"
    r"|(?:un |une |la |le |l')?(?:petit |petite |court |courte )?(?:resume|recap\w*|synthese)"
    r"|(?:qu'est-ce que (?:je dois|j'en|on|il faut)|que (?:dois-je|faut-il|doit-on)|je (?:dois )?retiens quoi|"
    r"on retient quoi)(?: (?:en )?retenir)?)\b"
)
# what the summing-up is of: the exchange, pointed back at ("tout ça", "ta réponse", "ce que j'obtiens", "ce à quoi
# j'ai droit", "l'essentiel") — never a thing named (a subject of the texts, a part by its number)
_SUMMARY_REST = re.compile(
    r"^(?:(?:de |sur |d')?(?:tout ca|tout cela|ca|cela|ces reponses|tes reponses|vos reponses|ce qu'on a dit|"
    r"ce qui precede|l'echange|notre echange|la conversation|ce que tu m'as dit|ce que vous m'avez dit|"
    r"ce qu'on vient de voir|le tout|l'ensemble|l'essentiel|les grandes lignes|"
    r"(?:ta|votre|tes|vos|la|les|cette|ces) (?:derniere |dernieres |precedente |precedentes )?"
    r"(?:reponses?|explications?|echanges?)(?: (?:precedente|precedentes|d'avant|de (?:tout a l'heure|avant)))?|"
    # a relative clause pointing back at what was said or obtained: "ce que j'obtiens", "ce à quoi j'ai droit"
    r"ce (?:que|qu'|qui|dont|a quoi|sur quoi) ?[a-z' -]{1,50})|"
    r"en (?:\w+ )?(?:points?|phrases?|lignes?|mots)|(?:moi|nous|le|la|les|en|y|retenir|a retenir|je dois|"
    r"il faut|finalement|au final|en (?:gros|bref|somme|resume))|"
    r"(?:brievement|rapidement|simplement|rapide|court|bref|succinct\w*|vite)|"
    rf"{_COURTESY}|[\s,;:?!.…-])*$"
)
# "depuis quand ?", "ça s'applique à partir de quand ?", "en 2021, elle existait déjà ?": when the rule started
_SINCE = re.compile(
    r"\bdepuis quand\b|\ba (?:partir|compter) de quand\b|\b(?:ca|cela|c') ?(?:date|est) de quand\b|"
    r"\bdate d'(?:effet|entree en vigueur|application)\b|\ben vigueur depuis\b|"
    r"\bquand (?:est-ce que )?(?:c'est|ca|il|elle) (?:est )?entre\w* en vigueur\b|"
    r"\b(?:en|avant) (?:19|20)\d\d\b.*\b(?:deja|existai\w*|s'appliquai\w*|etai\w* (?:possible|ouvert\w*|prevu\w*))\b|"
    r"\b(?:existai\w*|s'appliquai\w*) (?:deja )?(?:en|avant) (?:19|20)\d\d\b"
)
# "tu as pris ça dans quel texte ?", "ça vient de quel article ?", "c'est tiré d'où ?": where the answer comes from
_SOURCE = re.compile(
    r"\b(?:(?:quel|quels|quelle|quelles) (?:article|texte|passage|document|source|reference|accord|avenant|partie|"
    r"paragraphe|page|circulaire|convention|fiche|section|chapitre|alinea|annexe)s?|d'ou|ou)\b"
)
_SOURCE_REST = re.compile(
    r"^(?:(?:et|mais|alors|ok|du coup|tu|vous|as|avez|t'as|a|on|ca|cela|ce|cette|chiffre|info\w*|reponse|regle|"
    r"le|la|l'|les|c'est|c'etait|est-ce que|est-ce|que|qu'|il|elle|ils|elles|dans|de|du|des|sur|a partir|en|"
    r"pris|prends|prenez|tire\w*|trouve\w*|lu|vu|sorti\w*|sors|sortez|vient|viennent|venait|provient|"
    r"ecrit\w*|dit\w*|mentionne\w*|figure\w*|indique\w*|prevu\w*|precis\w*|exactement|donc|"
    # where the user would read it: "je retrouve ça dans quel document ?", "c'est à quelle page du texte ?"
    r"je|j'|on|se|me|m'|peux|peut|dire|dis|dites|retrouve\w*|trouver|lire|lis|voir|vois|verifie\w*|est-ce|"
    # what the answer rests on: "sur quelle source tu te bases ?", "tu t'appuies sur quel texte ?"
    r"te|t'|base\w*|appui\w*|fonde\w*|"
    # the rule the answer gave, by what it set: "quel passage fixe ce montant ?"
    r"fixe\w*|prevoi\w*|montant|duree|taux|chiffre|nombre|plafond|"
    r"texte|accord|avenant|protocole|circulaire|convention|fiche|document|article|"
    rf"{_COURTESY})\b|[\s,;:?!.…'-])*$"
)
# "le numéro de l'article", "la référence exacte du texte", "son intitulé ?": where the answer comes from, by
# the noun that names a part's or a text's reference
_SOURCE_NOUN = re.compile(
    # ("la page ?", "tes sources ?", "quelle est la source ?": the noun of where it is written, said alone)
    r"\b(?:numero|references?|intitule|titre|nom|sources?|pages?|preuves?)s?\b(?: (?:exacte?|precise?)s?)?"
    r"(?: (?:de l'|du |de la |de cet |de cette |de ce |d'un |d'une |de ton |de ta |d')"
    r"(?:article|texte|document|partie|paragraphe|point|passage|accord|avenant|source|alinea|section)s?)?"
)
_SOURCE_NOUN_REST = re.compile(
    r"^(?:(?:et|mais|alors|ok|du coup|tu|vous|as|avez|quel|quelle|quels|quelles|est|sont|c'est|quoi|me|m'|nous|"
    r"peux|pouvez|pourrais|pourriez|donne\w*|dis|dites|indique\w*|montre\w*|cite\w*|ca|cela|"
    r"precise\w*|rappelle\w*|moi|-moi|le|la|l'|les|son|sa|ses|ton|ta|tes|votre|vos|aussi|exactement|precisement|"
    rf"{_COURTESY})\b|[\s,;:?!.…'-])*$"
)
# "tu peux me le prouver ?", "démontre-le": the answer's ground asked for, which is where it is written
_PROOF = re.compile(r"\b(?:prouve|prouvez|prouver|demontre|demontrez|demontrer)(?:-le|-la|-moi)?\b")
# "la phrase exacte sur le montant", "le passage concernant le versement": what of the answer is to be quoted
_ASPECT = re.compile(
    r"[\s,]+(?:sur|concernant|au sujet (?:de|du|des)|a propos (?:de|du|des)|relative? (?:a|au|aux))\s+"
    r"(?P<aspect>(?:le |la |les |l'|ce |cette |son |sa |ses |leur )?[a-z' -]{3,40}?)$"
)
# "on m'a dit 10", "ma DRH parle de 1 %", "je croyais que c'était 300 points": a figure heard elsewhere
_HEARSAY = re.compile(
    r"\b(?:on (?:m'a|nous a) (?:dit|parle|explique|affirme|assure)|m'a (?:dit|parle|explique|affirme|assure|"
    r"indique|annonce)|(?:il|elle|on|ils|elles) (?:parle\w*|dit|disent|affirme\w*|pretend\w*|soutien\w*|"
    r"annonce\w*|evoque\w*)|parle\w* (?:de|d')|je (?:croyais|pensais|pense|crois)|j'(?:avais compris|ai compris|"
    r"avais entendu|ai entendu|ai lu|avais lu)|il parait|(?:d'apres|selon) (?:ma|mon|mes|un|une|le|la|l')|"
    r"(?:ecrit|affiche|indique) (?:sur|dans)|\bdi(?:t|sent|sait)\b|"
    # the user's own count set against the answer: "moi j'aurais compté 10 points par mois", "je trouve 50"
    r"j'(?:aurais|avais) (?:compte|calcule|dit|cru|pense|trouve)|j'ai (?:compte|calcule|trouve)|je (?:trouve|calcule)|"
    r"j'obtiens|(?:ca|cela) (?:ne )?(?:me )?(?:fait|donne) (?:pas )?plutot)"
)
# a figure of the answer said back with doubt, and nothing else: "35 seulement ?", "que 7 points ?", "vraiment 48 h ?"
_DOUBTED_FIGURE = re.compile(
    r"^(?:(?:et )?(?:que|seulement|juste|vraiment|uniquement|pas plus de) )?\d+(?:[ ,.]\d+)*"
    r"(?: ?(?:%|€|euros?|points?|heures?|h|mois|ans?|annees?|jours?|salaries?|alternants?))?"
    r"(?: (?:seulement|vraiment|c'est tout|pas plus|et pas plus|uniquement))?$"
)
_DOUBT_WORD = re.compile(
    r"^(?:(?:et )?(?:que|seulement|juste|vraiment|uniquement|pas plus de) )|"
    r"(?:seulement|vraiment|c'est tout|pas plus|uniquement)$"
)
# the answer doubted, first thing in the message
_DOUBT = re.compile(
    r"^(?:(?:tu es|t'es|vous etes|c'est) (?:bien )?(?:sure?|certaine?)|sure?|certaine?|vraiment|serieux|ah bon|"
    r"tu confirmes?|vous confirmez|c'est (?:bien )?(?:vrai|exact|juste|correct)|"
    r"(?:tu|vous) (?:ne )?(?:te|vous) trompe\w*)\b"
)
_SPELLED = (
    r"(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|"
    r"soixante|cent)(?:[ -](?:et[ -])?(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix))?\s+"
    r"(?:heures?|mois|ans?|annees?|jours?|journees?|points?|salaries?|alternants?|minutes?|semaines?)(?: et demie?)?"
)
_SPELLED_FIGURE = re.compile(_SPELLED)
_FIGURE = re.compile(
    r"(?<![\w,.])(\d+(?:[,.]\d+)?)(?:\s*(%|€|euros?|points?|heures?|h\b|mois|ans?|jours?|"
    r"salaries?|alternants?|minutes?|semaines?))?"
)


# a figure said back as what the user takes from the answer, asking for confirmation: "donc 1 800 € à verser, je
# note ça ?", "si je comprends bien, 600 000 euros, c'est bien ça ?" — a lead of conclusion, or a confirmation asked
# at the end (a fact of the case is told, not submitted for confirmation)
_CONCLUDING = re.compile(
    r"^(?:(?:donc|alors|ok|d'accord|bon|du coup|en gros|bref|autrement dit|en resume|"
    r"si je (?:comprends|resume) bien|si j'ai bien compris|(?:ca|cela) (?:fait|donne|ferait))[ ,:]+)+"
)
_CONFIRMING = re.compile(
    r"[ ,;:-]*(?:c'est (?:bien )?(?:ca|cela|correct|exact|juste|bon|le bon (?:chiffre|montant|total))|"
    r"je (?:note|retiens|mets|compte|prevois|provisionne|peux noter)(?: (?:bien|ca|cela|donc))*|"
    r"on est (?:bien )?d'accord|n'est-ce pas|(?:tu|vous) (?:me )?(?:le )?confirme[sz]?|c'est ca|hein|oui)$"
)


# a figure with its unit, thousands grouped ("1 800 €", "600 000 euros", "12 M€", "42 points")
_RESTATED_FIGURE = re.compile(
    r"(?<![\w,.])\d{1,3}(?:[ \u00a0\u202f.]\d{3})*(?:,\d+)?\s*(?:millions? d'euros|millions?|milliards?|m€|k€|%|€|"
    r"euros?|points?|heures?|h\b|mois|ans?|annees?|jours?|journees?|demi-journees?)"
)


def restated_figure(message: str) -> str | None:
    """The figure (with its unit) a message says back for confirmation ("Donc 1 800 € de contribution, je note
    ça ?"), as typed; None for any other message. A figure without a unit, or a message longer than a sentence
    said back, states a fact or asks something else."""
    folded = re.sub(r"\s+", " ", same_length(message).lower()).strip(" ?!.…")
    confirm = _CONFIRMING.search(folded)
    lead = _CONCLUDING.match(folded)
    if confirm is None or (lead is None and not re.match(r"\d", folded)) or len(folded.split()) > 16:
        return None
    figure = _RESTATED_FIGURE.search(folded, lead.end() if lead else 0)
    if figure is None or figure.start() >= confirm.start():
        return None
    return message_figure(message, figure)


# a rate after a figure: "par mois", "/an", "chaque mois"
_RATE = re.compile(r"\s*(?:par|/|chaque)\s*(?:mois|ans?|annees?|heures?|jours?|semaines?|salaries?|actions?)\b")


# a letter asked to be written: a verb of writing (or "un modèle de") then a piece of correspondence ("rédige-moi un
# mail", "tu peux m'écrire le courrier", "fais-moi un modèle de lettre", "un message type pour ma RH")
_LETTER = r"(?:e-?mails?|mails?|courriels?|courriers?|lettres?|messages?|notes?|demandes? (?:ecrite|formelle)s?)"
_DRAFT = re.compile(
    r"\b(?:redige|redigez|rediger|redigerais|ecris|ecrivez|ecrire|prepare|preparez|preparer|fais|faites|faire|"
    r"formule|formulez|formuler|propose|proposez|proposer)[sz]?(?:-moi|-nous| moi| nous)?\s+(?:m'|me |nous )?"
    r"(?:un |une |le |la |l'|ce |cette |mon |ma )?"
    r"(?:petit |petite |court |courte |bref |breve |modele de |exemple de )*"
    rf"{_LETTER}\b"
    rf"|\b(?:un |une )?(?:modele|exemple|trame) (?:de |d')?{_LETTER}\b|\b{_LETTER} types?\b"
)


@dataclass(frozen=True)
class Request:
    """What the message asks of the previous answer, and the figure it sets against it ("check")."""

    operation: Operation
    unit: str = ""  # the part word of a neighbour ("article", "point")
    figure: str = ""  # the figure heard elsewhere, as typed ("10", "1 %")
    aspect: str = ""  # what of the answer a quote is asked about ("le montant"), folded
    rate: str = ""  # what the figure is per ("par mois" in "j'aurais compté 12 points par mois"), folded


# a pronoun standing for the two things just spoken of ("lequel des deux", "c'est pareil pour les deux ?")
_BOTH = re.compile(
    r"\b(?:les deux|tous les deux|toutes les deux|l'un (?:ou|et) l'autre|l'une (?:ou|et) l'autre|entre (?:eux|elles))\b"
)
# one of the two picked, or the two compared: "lequel des deux", "laquelle", "compare-les" ("lesquelles" picks
# among many: no comparison of two answers)
_WHICH_OF_TWO = re.compile(r"\b(?:lequel|laquelle) des deux\b|\bcompare[sz]?-les\b|\bles comparer\b")
_WHICH = re.compile(r"\b(?:lequel|laquelle)\b")
# a question back on what the answer depends on or still needs: "ça dépend de quoi ?", "tu as besoin de
# savoir quoi ?", "qu'est-ce qui fait varier le montant ?", "quelles informations te manquent ?", "pourquoi
# tu me demandes ça ?"
_NEEDS = re.compile(
    r"\bdepend(?:ent|rait)? de quoi\b|\bde quoi (?:ca |cela |il |elle |c'est )?depend\b|"
    r"\b(?:as|avez|aurais|auriez|a) besoin de (?:savoir |connaitre )?(?:quoi|quel\w*)\b|\bbesoin de quoi\b|"
    r"\b(?:il |qu'il )?(?:te|vous) (?:faut|manque)\w* (?:quoi|quel\w*)\b|"
    r"\bquel\w* (?:informations?|infos?|elements?|precisions?|donnees|renseignements?|faits?|criteres?) "
    r"(?:te|vous|il) (?:manque\w*|faut|faudrait)\b|"
    r"\bqu'est-ce qui (?:fait (?:varier|changer|bouger)|change|compte|joue|entre en (?:compte|jeu)|determine)\b|"
    r"\bpourquoi (?:tu |vous )?(?:me |m')?(?:demandes?|demandez|poses?|posez) (?:ca|cela|cette question|la question)\b|"
    r"\b(?:tu veux|vous voulez) savoir quoi\b"
)


# what may stand around that question back: it asks nothing else ("qu'est-ce qui change sur mon contrat ?" does)
_NEEDS_REST = re.compile(
    r"^(?:(?:et|mais|alors|donc|du coup|au juste|au fond|en fait|exactement|precisement|vraiment|ca|cela|c'|"
    r"tu|vous|t'|on|il|le|la|les|l'|ce|cette|mon|ma|dans|pour|de|du|en|moi|nous|ici|montant|calcul|resultat|reponse|chiffre|"
    r"duree|droit|cas|tout|la-dessus|comme|infos?|informations?|elements?|precisions?|renseignements?|"
    rf"{_COURTESY})\b|[\s,;:?!.…'-])*$"
)
# the answers themselves named as what is compared: "par rapport à ta réponse précédente", "d'une réponse à l'autre",
# "entre tes deux réponses", "entre les deux calculs" (a pronoun standing for them: `_BOTH`)
_ANSWERS = re.compile(
    r"\b(?:(?:ta|votre|la) (?:reponse|explication|calcul|resultat) (?:precedente?|d'avant|de tout a l'heure)|"
    r"(?:tes|vos|les) (?:deux|2) (?:reponses|calculs|resultats|explications)|"
    r"d'un(?:e)? (?:reponse|calcul|resultat|cas) a l'autre|(?:la|ta|votre) (?:premiere|1re) reponse)\b"
)
_GAP = re.compile(
    r"\b(?:ecarts?|distingue\w*|differe\w*|se ressemble\w*|en commun|(?:ne )?change\w* (?:rien|quoi|quelque chose))\b"
)


def asks_comparison(message: str) -> bool:
    """The message compares two things it does not name: a pronoun standing for both, or a short
    comparative construction alone ("c'est pareil ?"); a named thing of the corpus makes it a comparison with
    that thing instead (`comparison.py`, `followups`)."""
    folded = same_length(message).lower()
    if find_subject(message) is not None:
        return False
    if _WHICH_OF_TWO.search(folded):
        return True
    compared = bool(COMPARATIVE.search(folded) or _GAP.search(folded))
    pair = bool(_BOTH.search(folded) or _ANSWERS.search(folded))
    return (pair and (compared or bool(_WHICH.search(folded)))) or (bool(_WHICH.search(folded)) and compared)


def doubted_figure(message: str) -> str | None:
    """The figure of a message that only says a figure back with doubt ("35 seulement ?"), as digits; None for
    any other message. The exchange checks that the previous answer gave it (else it is a new fact)."""
    body = re.sub(r"\s+", " ", same_length(message).lower()).strip(" ?!.…")
    if not (_DOUBTED_FIGURE.match(body) and _DOUBT_WORD.search(body)):
        return None
    return re.sub(r"\D", "", re.search(r"\d+(?:[ ,.]\d+)*", body).group())  # type: ignore[union-attr]


def read(message: str) -> Request | None:
    """The request about the previous answer that `message` makes, None when it makes none."""
    folded = same_length(message).lower().strip()
    folded = re.sub(r"\s+", " ", folded)
    body = folded.strip(" ?!.…")
    # the answer in another form: one sentence, a table ("… que je peux coller dans un mail": forms.py)
    if forms.asks_sentence(body) and forms.names_nothing(body):
        return Request("sentence")
    if forms.asks_table(folded):
        return Request("table", aspect=forms.table_aspect(body))
    if not _QUOTE.match(body) and _QUOTE.match(forms.without_purpose(body)):
        body = forms.without_purpose(body)  # ("cite-moi la phrase exacte, je dois la recopier dans ma note")
    if _QUOTE.match(body):
        # ("recopie la phrase qui fixe ce maximum": the cited sentences on the maximum, when some hold it)
        relative = _RELATIVE_ASPECT.search(body)
        named = relative.group("aspect") if relative and relative.group("aspect") not in _NO_ASPECT else ""
        return Request("quote", aspect=named)
    aspect = _ASPECT.search(body)
    if aspect is not None and _QUOTE.match(body[: aspect.start()]) and find_subject(aspect.group("aspect")) is None:
        # ("le texte sur la VAE" names a subject of its own: a question on it, not on the answer)
        return Request("quote", aspect=aspect.group("aspect"))
    neighbour = _NEIGHBOUR.search(body)
    if neighbour is not None and _NEIGHBOUR_REST.match(body[: neighbour.start()] + " " + body[neighbour.end() :]):
        ahead = neighbour.group("next") or neighbour.group("next2")
        unit = neighbour.group("unit") or neighbour.group("unit2") or "article"
        return Request("next" if ahead else "previous", unit=unit)
    if _ORIGINAL.search(body) and _ORIGINAL_REST.match(_ORIGINAL.sub(" ", body)):
        return Request("original")
    summary = _SUMMARY.match(body)
    if summary is not None and _points_back_only(body[summary.end() :], _SUMMARY_REST):
        return Request("summary")
    if _DRAFT.search(body):  # ("rédige-moi un mail à la RH pour réclamer ces points": a letter, from the answer)
        return Request("draft")
    if _SINCE.search(body) and len(body.split()) <= 12:
        return Request("since")
    source = _SOURCE.search(body)
    if source is not None and _SOURCE_REST.match(_SOURCE.sub(" ", body)) and len(body.split()) <= 10:
        return Request("source")
    noun = _SOURCE_NOUN.search(body)
    if noun is not None and _SOURCE_NOUN_REST.match(_SOURCE_NOUN.sub(" ", body)) and len(body.split()) <= 12:
        return Request("source")
    if _PROOF.search(body) and _SOURCE_NOUN_REST.match(_PROOF.sub(" ", body)):
        return Request("source")
    if _NEEDS.search(body) and _NEEDS_REST.match(_NEEDS.sub(" ", body)):
        return Request("needs")
    if _REASON.match(body):
        return Request("reason")
    if _DECIDES.search(body) and len(body.split()) <= 16:  # (a subject named must be the previous one: exchange)
        return Request("decides")
    if asks_comparison(body):
        return Request("compare")
    if doubted_figure(body) is not None:
        return Request("check")
    restated = restated_figure(message)
    if restated is not None:  # "donc 600 000 euros, c'est bien ça ?": checked against the answer
        return Request("check", figure=restated)
    hearsay = _HEARSAY.search(body)
    figure = None
    if hearsay is not None:
        figure = _FIGURE.search(body, hearsay.end()) or _SPELLED_FIGURE.search(body, hearsay.end())
    if figure is not None and _PART_BEFORE.search(body[: figure.start()]):
        figure = None  # ("d'après le tableau de l'article 7": a part's number, no figure heard elsewhere)
    if hearsay is not None and figure is not None and len(body.split()) <= 16:
        # ("j'aurais compté 12 points par mois": the rate said with the figure is part of it)
        rate = _RATE.match(body, figure.end())
        return Request("check", figure=message_figure(message, figure), rate=rate.group().strip() if rate else "")
    if hearsay is not None and _DOUBT.match(body) and len(body.split()) <= 20:
        # "tu es sûr ? on m'a dit que l'écrit comptait plus": the answer doubted, with a claim and no figure
        return Request("check")
    return None


# "mon chef peut-il refuser ?", "ma direction peut-elle écarter ma candidature ?", "l'employeur a-t-il le droit de
# m'imposer la formation ?": whether someone may decide against the user, asked of the rule just applied — a modal
# of permission, its clitics, then a verb of deciding for or against
_DECIDES = re.compile(
    r"\b(?:peu[tx]|peuvent|pourrai\w*|(?:a|ont)(?:-t)?-(?:il|elle|ils|elles|on) le droit|(?:a|ont) le droit|"
    r"(?:est|sont)-(?:il|elle|ils|elles) en droit|est en droit)(?:-t)?(?:-il|-elle|-ils|-elles|-on)?"
    r"(?: (?:me|m'|te|t'|le|la|l'|lui|nous|vous|les|leur|en|y|donc|vraiment|quand meme|legalement|de|d'))*\s*"
    r"(?:refuser|ecarter|rejeter|s'opposer|s'y opposer|opposer|imposer|obliger|forcer|contraindre|interdire|exiger|"
    # ("reporter", "retirer" are left out: "peut-on reporter les points ?", "retirer un dossier" decide nothing)
    r"supprimer|annuler|bloquer|empecher|dire non|reprocher|sanctionner|penaliser|"
    r"ne pas (?:accepter|retenir|verser|"
    r"accorder|payer))\b"
)
# "et la raison de ce refus ?", "quel est le motif de cette réponse ?", "qu'est-ce qui justifie ce résultat ?": the
# reason of the previous answer, asked by a noun of reason pointing back at it
_REASON = re.compile(
    r"^(?:(?:et|mais|alors|donc|ok|du coup)[ ,]+)*(?:(?:quel(?:le)? (?:est|serait|etait) |c'est quoi |"
    r"(?:tu peux|vous pouvez|peux-tu|pouvez-vous) (?:me |m')?(?:donner|dire|expliquer) |"
    r"(?:explique|expliquez|donne|donnez|dis|dites)(?:-moi| moi)? )?(?:la|le|les) "
    r"(?:raison|motif|justification|explication|fondement)s?|qu'est-ce qui (?:justifie|explique|motive))"
    r"(?: (?:de |d')?(?:ce|cet|cette|ces|ta|votre|la|le) "
    r"(?:refus|non|reponse|resultat|conclusion|decision|calcul|chiffre|montant)s?| (?:de |d')?(?:ca|cela))?"
    r"(?: (?:exactement|precisement|au juste))?$"
)
# a part named by its number: the figure after it is the part's, not a value ("l'article 7", "annexe 2")
_PART_BEFORE = re.compile(r"\b(?:article|annexe|art\.?|alinea|titre|page|chapitre|section)\s*$")
_NO_ASPECT = frozenset({"point", "regle", "chiffre", "passage", "phrase", "texte", "article"})


def _points_back_only(rest: str, pattern: re.Pattern[str]) -> bool:
    """What follows a request's verb points back at the exchange and names nothing of its own: no subject of the
    texts ("résume-moi la Pro-A" asks about the Pro-A), no part or figure by its number."""
    return bool(pattern.match(rest)) and find_subject(rest) is None and not re.search(r"\d", rest)


def message_figure(message: str, match: re.Match[str]) -> str:
    """The figure as the user typed it (folding keeps offsets)."""
    return message[match.start() : match.end()].strip()
