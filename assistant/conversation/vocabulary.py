"""The words a follow-up is recognised by, as data: lead-ins, corrections, question words, named things.

Resolving "et pour un CDD ?" or "qui la finance ?" needs to know three things about a message, all
read here from *folded* text (`text.folding.same_length`: lower case, no accents, straight
apostrophes): how it opens (a lead-in such as "et", a correction such as "non, plutôt"), whether it
asks a question of its own (a question word), and which named thing of the corpus it speaks of
(the Pro-A, a CQP, the tutor bonus…). Keeping these as tables means a new wording is a new entry,
never a new branch in `assistant.conversation.followups`. Each pattern is compiled once, at the end of
this module (`RE_<NAME>`), for every conversation module that reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.conversation.listed_certifications import listed_certifications

# Words that open a message continuing the previous one ("et", "alors", "mais") — removed before reading.
# (with the connectors that only link to the previous question, "à l'inverse, …", "en revanche, …", when a
# question follows them)
LEAD_IN = (
    r"^(?:\s|[,;:.!…-])*(?:(?:et|alors|mais|ok|d'accord|bon|ah|hmm|euh|puis|sinon)\b(?:\s|[,;:.!…-])*|"
    r"(?:a l'inverse|inversement|a l'oppose|dans l'autre sens|en sens inverse|en revanche|par contre|"
    r"reciproquement|pareillement|de la meme facon|du coup)\s*,?\s+(?=\w)|"
    # a hypothesis put to the previous question ("Imaginons un 6 à l'écrit", "Supposons qu'elle finisse en mai"):
    # the circumstance it changes follows
    r"(?:imaginons|imagine|imaginez|supposons|suppose|supposez|admettons|mettons|prenons le cas ou)"
    r"(?: que| qu'|,)?\s*(?=\w))+"
)

# The lead-ins that oppose the message to the previous question ("à l'inverse", "dans l'autre sens").
OPPOSITE = r"\b(?:a l'inverse|inversement|a l'oppose|dans l'autre sens|en sens inverse|a contrario)\b"

# An explicit change of subject ("rien à voir, mais…", "autre question :"): whatever follows is a new
# question, answered alone (and refused alone when the texts do not cover it), never glued to the last topic.
SWITCH = (
    r"^(?:\s|[,;:.!…-])*(?:(?:ok|bon|merci|sinon|alors|et)\b(?:\s|[,;:.!…-])*)*"
    r"(?:(?:ca|cela|ceci)?\s*(?:n'a )?rien a voir|sans (?:aucun )?rapport|aucun rapport|"
    r"(?:j'ai )?(?:une )?(?:autre|nouvelle) question|(?:un )?autre sujet|changement de sujet|changeons de sujet|"
    r"dans un (?:tout )?autre (?:registre|domaine)|tout autre chose|autre chose|(?:une )?question a part|"
    # "autre calcul :", "nouvelle simulation :": another thing of the kind the conversation is made of
    r"(?:un |une )?(?:autre|nouvelle?|deuxieme|second|seconde) "
    r"(?:calcul|simulation|cas|situation|demande|point)(?=\s*[:,])|"
    # "autre diplôme de la même liste :": another certification than the one spoken of (conv24)
    r"(?:un |une )?autre (?:diplome|certification|certificat|cqp)\b[^:,?]{0,30}(?=\s*[:,])|"
    r"(?:passons|changeons|parlons maintenant) (?:a|au|aux|de|du|d')|je change de sujet|nouveau sujet)\b"
)

# A demonstrative standing for a noun of the previous question ("et dans celui de la gratification ?" after
# "…le calcul de l'allocation vacances ?"): the message continues that question, whatever its own words say.
DEMONSTRATIVE = r"\b(?P<pronoun>celui|celle|ceux|celles) (?P<complement>(?:de la |de l'|du |des |de |d').+?)\s*[?!.…]*$"

# A message that only thanks or greets continues nothing ("ok merci", "super, merci beaucoup !").
COURTESY = (
    r"^(?:\s|[,;:.!…-])*(?:(?:et|ok|okay|oui|ouais|d'accord|merci|super|parfait|genial|top|cool|tres bien|bien|entendu|"
    r"bonjour|bonsoir|salut|au revoir|beaucoup|bien recu|c'est note|(?:bien )?note|compris|je vois|ca marche|vu)\b"
    r"(?:\s|[,;:.!…-])*)+$"
)

# A message opened as a digression ("Petite parenthèse : …", "Au passage, …", "Au fait, …"): the user says it
# steps aside from the conversation's subject; what it asks is answered alone, without the facts stated
# before, and the next message that does not continue it goes back to the subject before it (`frames`).
DIGRESSION = (
    r"^(?:\s|[,;:.!…-])*(?:(?:ok|bon|et|alors|sinon|merci)\b(?:\s|[,;:.!…-])*)*"
    r"(?:(?:une |petite |petite question |question )*(?:parenthese|aparte|annexe)|entre parentheses|au passage|"
    r"en passant|"
    r"soit dit en passant|au fait|par curiosite|hors sujet|petite digression|digression)\b(?:\s|[,;:.!…-])*"
    # ("hors sujet mais …", "au passage, mais …": the "mais" belongs to the mark, it continues nothing)
    r"(?:mais\b(?:\s|[,;:.!…-])*)?"
)

# A request about the previous answer's form, not about a new thing: to say it more simply, in other words,
# shorter, or an avowal of not understanding ("explique plus simplement", "avec des mots simples", "résume",
# "je comprends pas", "comme si j'avais dix ans"). Answered by the previous answer's rule again (`frames`).
RESTATE = (
    r"\b(?:plus (?:simple(?:ment)?|clair(?:ement)?|court|facile(?:ment)?|concret|concretement)|"
    r"(?:avec des|avec un|en|dans un) (?:mots|termes|langage|langue) (?:simples?|clairs?|courants?|ordinaires?|"
    r"de tous les jours)|sans (?:le )?jargon|"
    # said for someone else to follow ("avec des mots qu'il comprendrait", "pour qu'un enfant comprenne", "à sa
    # portée"): a form of the answer, whoever the listener is
    r"(?:(?:avec des|en) (?:mots|termes)|pour) (?:que |qu')(?:[a-z']+ ){0,3}?(?:(?:le|la|les|l') ?)?"
    r"(?:puisse\w* |pourrai\w* |sache\w* )?(?:compren\w*|saisi\w*|suive\w*)|a (?:sa|leur|ta|la) portee\b(?: d'\w+)?|"
    r"en (?:bref|resume|gros|clair|deux mots|une phrase|quelques mots|d'autres (?:mots|termes)|francais courant)|"
    r"(?:explique\w*|dis|dire|redis|dis-le|dis-moi|formule\w*)(?:[- ](?:moi|le|la|ca|nous))?"
    r" (?:autrement|simplement|clairement|mieux|differemment|a nouveau)|"
    r"reformule\w*|resume\w*|simplifie\w*|vulgarise\w*|(?:en |une )?version (?:courte|simple|simplifiee|abregee)|"
    r"redi(?:[st]|re)\w*|repete\w*|reexplique\w*|comme si j'avais \w+ ans|comme a un enfant|"
    r"(?:je |j')?(?:ne )?(?:comprends|saisis|suis) pas|(?:j'ai |je n'ai )?pas (?:bien |tout |trop )?(?:compris|saisi)|"
    r"(?:(?:c'est|ca reste|c'etait) )?(?:pas (?:tres |assez |vraiment )?clair|(?:un peu |trop |tres |assez )?"
    r"(?:flou|complique|obscur|technique|confus|abstrait))|"
    r"hein|c'est-a-dire)\b"
)
# The words around a request about the answer's form that ask nothing themselves ("tu peux", "stp", "le dire").
RESTATE_FILLER = (
    r"\b(?:tu|vous|peux|pouvez|peux-tu|pouvez-vous|pourrais|pourriez|pourrais-tu|pourriez-vous|me|moi|le|la|l'|les|"
    r"ca|cela|stp|svp|s'il|te|plait|plais|merci|dire|dis|dis-le|explique|expliquer|expliquez|explique-moi|"
    r"encore|un|une|peu|trop|pas|bien|mieux|je|j'|ne|n'|c'est|est|en|fait|oui|non|euh|bon|ok|alors|et|mais|"
    r"donc|vraiment|tout|sa|ta|reponse|phrase|ce|que|qu'|as|dit|ecrit|ai|rien|autrement|simplement|clairement|"
    r"concretement|plus|s'te|st|svp|please|vite|fois|pour|nous|"
    # an empty predicate asks the answer's meaning, nothing new: "ça veut dire quoi pour moi ?", "ça donne quoi ?"
    r"veut|voudrait|signifie|donne|quoi|ici|avec|de|des|du|a|ma|mon|mes|ton|tes|son|ses)\b"
)

# Openings that correct a fact of the previous message ("non, plutôt en CDD", "pardon, 3 M€").
CORRECTION = (
    r"^(?:\s|[,;:.!…-])*(?:non\b|plutot\b|pardon\b|en fait\b|en realite\b|je me suis trompee?\b|"
    r"erreur\b|correction\b|je voulais dire\b|je rectifie\b|rectification\b|oups\b|attends?\b|"
    r"ah non\b|au temps pour moi\b|autant pour moi\b|je (?:corrige|rectifie|precise)\b|petite (?:correction|erreur)\b|"
    r"(?:je me suis|j'ai) mal (?:exprimee?|explique|ecrit)\b|je reformule\b)(?:\s|[,;:.!…-])*"
    r"(?:(?:plutot|c'est|c'etait|il s'agit d'un|il s'agit d'une|je voulais dire|en fait|pas)\b(?:\s|[,;:.!…-])*)*"
)

# The old value a correction names to set it aside ("le 1er janvier et non le 1er mars", "44 millions, pas 40",
# "25 millions au lieu de 20", "pas jusqu'au 27 mars"): never a fact of the case, so it is taken out before the
# facts are read; only a value (a figure, a month, a number from two up) is taken out, so "et non salarié d'une
# filiale" or ", pas encore" stay.
OLD_VALUE = (
    r"(?:,\s*|\s+et\s+|\s+mais\s+)(?:non|pas)(?: pas)?\s+(?P<old>[^,;.?!:]{1,40}?)(?=\s*(?:[,;.?!:]|$))"
    r"|\s*\bau lieu (?:de |d'|du |des )(?P<instead>[^,;.?!:]{1,40}?)(?=\s*(?:[,;.?!:]|$))"
)
_VALUE = (
    r"\d|\b(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|cent)\b"
)

# A message opening with one of these after its lead-in only changes a circumstance of the previous
# question ("et pour un CDD ?", "et avec trois stagiaires ?", "et si la mission s'arrête fin mai ?").
CIRCUMSTANCE_OPENING = (
    r"^(?:pour|avec|sans|si|s'il|s'ils|s'elle|s'elles|en|dans|sur|chez|a|au|aux|apres|avant|depuis|du|des|"
    r"entre|jusqu'|pendant|durant|sous|par|quand\b(?= (?:on|je|il|elle|c'est|ils|elles|l'|la|le|les|un|une))|"
    r"lorsqu'|lorsque|dans le cas|au cas|en cas|cette fois|maintenant|aussi|meme chose|pareil)\b"
)

# Adverbials saying a question is about the ordinary case ("en temps normal", "d'habitude"): a follow-up
# adding a circumstance ("et pour une bénéficiaire du RSA ?", "et au grand maximum ?") asks about another
# case, so they are taken out of the earlier question it is added to.
ORDINARY_CASE = (
    r"\s*,?\s*\b(?:en temps (?:normal|ordinaire)|d'habitude|habituellement|normalement|en general|"
    r"en regle generale|en principe|dans le cas general|classiquement|en standard|de base)\b"
)

# A message that questions the previous answer itself — its reason, its source, its certainty ("pourquoi ?",
# "sur quel article ?", "tu es sûr ?") — is answered by the previous question again, with its passages.
META = (
    r"^(?:pourquoi(?: (?:ca|cela|donc|non|pas|ce chiffre|cette reponse))?|pour quelle raison|comment ca|"
    r"(?:(?:tu es|t'es|vous etes|c'est) (?:bien )?(?:sure?|certaine?)|sure?|certaine?|vraiment|serieux)"
    r"(?= *(?:[?!.,;…]|$))|"
    r"tu confirmes?|vous confirmez|confirmez?|c'est (?:bien )?(?:vrai|exact|juste|correct)|"
    r"(?:c'est|c'est ecrit|c'est dit|c'est prevu|ca se trouve|ca vient|c'est tire) (?:ou|d'ou|dans quel\w* \w+)|"
    r"ou est-ce (?:que c'est )?(?:ecrit|prevu|dit)|d'ou (?:ca vient|tu tiens ca|vous tenez ca|vient \w+ \w+)|"
    r"(?:d'ou )?(?:tu|vous) (?:sors|sortez|tires|tirez|tiens|tenez|prends|prenez) (?:ca|cela|cette info\w*|ce chiffre)"
    r"(?: d'ou)?|"
    r"(?:dans|sur|selon|d'apres|a) (?:quel|quels|quelle|quelles) (?:article|texte|passage|document|source)s?"
    r"(?: (?:tu te bases|vous vous basez|tu t'appuies|vous vous appuyez|c'est|ca)\w*)?|"
    r"(?:quel|quels|quelle|quelles) (?:est|sont) (?:l'article|le texte|la source|les sources|la reference)|"
    r"(?:quel|quels|quelle|quelles) (?:article|texte|source|reference|passage)s?|(?:la |tes |vos |les )?sources?|"
    r"sur quoi (?:tu te bases|vous vous basez|tu t'appuies|vous vous appuyez|c'est base)|"
    r"(?:tu peux|vous pouvez|peux-tu|pouvez-vous) (?:me )?(?:citer|montrer|donner|preciser) "
    r"(?:le texte|l'article|la source|tes sources|vos sources|la reference)|"
    r"cite[sz]? (?:le texte|l'article|tes sources|vos sources|la source))\b"
)

# A follow-up asking a calculation's points in euros ("et en euros ?", "ça fait combien en €?").
# The previous answer's quantity asked in another unit ("et en jours, ça fait combien ?", "en mois ?", "et en
# nombre de semaines ?"): nothing else is asked, so it is the previous question with the unit added.
# A text of the corpus named by its kind and what qualifies it ("l'avenant de 2022", "la convention du CQP
# conseiller offres de service", "dans la circulaire de mise en oeuvre"): a named thing inside it names the text.
_TEXT_KIND = r"(?:avenant|accord|protocole|circulaire|convention|fiche|annexe)s?"
_TEXT_STOP = r"(?:il|elle|ils|elles|sur|en|combien|que|qui|quel\w*|c'est|est|a|ont|prevoit|dit|dans|pour|on|y)\b"
_TEXT_QUALIFIER = (
    r"(?:\s+(?:de|du|d'|des)\s+(?:(?:19|20)\d\d|l'avenant|l'accord|formation|mise en oeuvre|(?:la )?branche|"
    rf"(?:l'|le |la )?(?:cqp|parcours|certificat)s?\b(?:\s+(?!{_TEXT_STOP})[a-z']+){{0,4}})"
    r"|\s+(?:d'origine|initial\w*))*"
)
TEXT_NAME = rf"\b(?:dans |selon |d'apres )?(?:l'|le |la |les |cet |cette |ce )(?P<kind>{_TEXT_KIND})\b{_TEXT_QUALIFIER}"

IN_UNIT = (
    r"^(?:en|au) (?:nombre (?:de |d')|combien (?:de |d'))?"
    r"(?P<unit>jours?|demi-journees?|heures?|semaines?|mois|annees?|ans)\b"
    r"(?:\s*,?\s*(?:(?:ca|cela|c'|ce qui)\s*(?:fait|donne|represente|est|ferait|donnerait)|combien (?:ca|cela) fait)"
    r"\s*(?:combien|quoi)?(?: au juste| exactement| a peu pres)?)?\s*[?!.…]*$"
)
IN_EUROS = r"\b(?:en euros?|en €|combien d'euros|en argent|en brut|quel montant|montant en euros?)(?!\w)|€ ?\?"

# An elliptic follow-up that only names a thing ("et les tickets resto ?", "et pour la mutuelle ?"), with
# no verb or pronoun of its own: when the texts never use its words it is a new subject, not a follow-up.
# ("c'est plafonné ?" says the same thing as the texts' "dans la limite de" in other words: not checked.)
NOUN_PHRASE = (
    r"^(?:(?:pour|avec|sur|a propos|niveau|cote|question) (?:de |d'|du |des )?)?"
    r"(?:les?|la|l'|des|du|un|une|mon|ma|mes|son|sa|ses|leur|leurs|notre|nos|votre|vos)\b"
    r"(?!.*\b(?:c'est|est|sont|ca|cela|il|elle|ils|elles|on|je|j'|peut|peuvent|doit|faut)\b)"
)

# Words by which a message asks its own question ("qui la finance ?", "combien de blocs ?").
QUESTION_WORDS = (
    r"\b(?:qui|que|qu'|quoi|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|quand|combien|"
    r"comment|ou|pourquoi|est-ce|peut-on|puis-je|dois-je|faut-il|y a-t-il|"
    r"existe-t-il|a-t-on|s'agit-il|est-il|est-elle|sont-ils|sont-elles|peut-il|peut-elle|"
    r"\w+-(?:t-)?(?:il|elle|on|ils|elles|je))\b"
)

# A request to be told about something ("Parle-moi du master…", "Explique-moi la VAE.", "J'aimerais en
# savoir plus sur…"): it asks, even without a question word, so the things it names are its subject,
# never facts of the user's own case.
REQUEST = (
    r"^(?:\s|[,;:.!…-])*(?:(?:parle|explique|dis|decris|presente|raconte|detaille|rappelle|resume|precise|"
    r"donne|montre|indique|cite|liste|renseigne|eclaire)[sz]?(?:-moi|-nous|-lui| moi| nous)?\b|"
    r"(?:je |j')(?:voudrais|veux|souhaite|souhaiterais|aimerais|cherche a|ai besoin de) "
    r"(?:savoir|connaitre|comprendre|en savoir|des informations|des infos|un point)|"
    r"j'ai (?:entendu parler|lu|vu)|on m'a parle|renseignements? sur|informations? sur|infos? sur)"
)

# A message whose words, once its subject and its lead-in are set aside, ask nothing of their own ("et pour
# l'inspecteur, c'est plus haut ?", "même question pour le CQP MO", "pareil pour la VAE ?"): it asks the
# previous question again, about the subject it names.
EMPTY_PREDICATE = (
    r"^(?:\s|[,;:.!?…-])*(?:(?:et|alors|mais|pour|avec|sur|chez|a propos|concernant|quant|de|du|des|d'|la|le|les|l'|"
    r"un|une|au|aux|c'est|ca|cela|il|elle|ils|elles|est|sont|plus|moins|aussi|egalement|pareil|idem|meme|memes|"
    r"question|chose|haut|bas|eleve|elevee|long|longue|court|courte|grand|grande|different|differente|cas|"
    r"alors|donc|la-dessus|dessus|maintenant)(?!\w)(?:\s|[,;:.!?…-])*)+$"
)

# Whose case a message speaks of: another person ("il", "sa", "mon collègue", "Mme Martin", "la salariée")
# or the user ("je", "j'", "moi", "mon"). Facts stated about one are not the other's (`followups.person`).
THIRD_PERSON = (
    r"(?<!faut-)(?<!a-t-)(?<!agit-)(?<!suffit-)\b(?:il|elle|ils|elles|lui|son|sa|ses|leur|leurs)\b|"
    r"\b(?:collegues?|collaborat(?:eur|rice)s?|salarie\w*|agents?|alternant\w*|apprenti\w*|tut(?:eur|rice)s?|"
    r"candidat\w*|beneficiaire\w*|m\.|mme|mr|madame|monsieur|mademoiselle)\b"
)
FIRST_PERSON = r"\b(?:je|j'|moi|me|m'|mon|ma|mes|nous|notre|nos)(?!\w)"

# The user telling their own case: "moi", or a first-person subject with being, having or doing a
# job's part ("je suis tutrice", "j'ai un CAP", "je n'en ai qu'un", "j'anime", "je vise").
USER_CASE = (
    r"\bmoi\b|\b(?:je|j')\s*(?:ne |n')?(?:en |y )?(?:suis|ai|avais|serai|travaille|anime|vise|prepare|"
    r"passe|tutore|encadre|accompagne|forme|prends|touche|compte|cumule)\b"
)
# An individual other than the user, named: a title, a relation, a colleague ("mon collègue", "ma
# voisine de bureau", "M. Perret", "la salariée", "un agent"). Trainees the user tutors are not named
# individuals of their own case ("je suis tutrice d'un alternant").
NAMED_OTHER = (
    r"\b(?:m\.|mme|mlle|monsieur|madame|mademoiselle)(?=\s)|"
    r"\b(?:mon|ma|mes|notre|nos|un|une|le|la|ce|cet|cette|l')\s*"
    r"(?:collegue|voisin|voisine|collaborat(?:eur|rice)|salariee?|agent|conjointe?|epouse?|mari|fils|fille|"
    r"amie?|frere|soeur|manageur|manager|cheffe?|responsable|binome|homologue|adjointe?|"
    r"neveu|niece|cousine?|pere|mere|oncle|tante|compagne|compagnon|beau-frere|belle-soeur)s?\b"
)

# "c'est proratisé ?" asks a question of its own, but "et si c'était en février 2019 ?" only changes a
# fact: after a hypothetical "si" these words do not make a new question.
COPULA = r"\b(?:c'est|c'etait|ce serait|ca|cela)\b"
HYPOTHESIS = r"^(?:si|s'il|s'ils|s'elle|s'elles|et si)\b"

# Subject pronouns and possessives: a message holding one speaks of something said before, whatever topic
# a classifier finds in its other words ("et elle dure combien ?", "son numéro RNCP ?").
# ("faut-il", "y a-t-il", "s'agit-il" are impersonal: their "il" points to nothing).
# "n'y a pas droit", "y a-t-il droit", "en bénéficie": a clitic standing for the thing just spoken of
# ("m'y rendre", "s'y inscrire": "y" after a reflexive pronoun is the place just spoken of; "j'y ai droit" after a
# thing the message names itself, "et pour mes tickets, j'y ai droit ?", stands for that thing)
CLITIC_BACK = r"\b(?:n'y|[mts]'y|y a|y ont|y avoir|y accede\w*|y ouvre\w*|en benefici\w*|n'en benefici\w*)\b"

PRONOUN = (
    r"(?<!faut-)(?<!a-t-)(?<!agit-)(?<!suffit-)\bil\b"
    r"|\b(?:elle|ils|elles|son|sa|ses|leur|leurs|celui-ci|celle-ci|ceux-ci|celles-ci)\b"
)

# A plural pronoun as subject ("elles s'appliquent depuis quand ?") points back to a plural phrase of
# the previous question ("les certifications ajoutées en 2022"), not to the dispositif it named.
PLURAL_PRONOUN = r"\b(?:elles|ils)\b"

# Pronouns and possessives that point back to the previous topic ("qui la finance ?", "son numéro").
BACK_REFERENCE = (
    r"\b(?:le|la|les|l'|lui|leur|en|y|il|elle|ils|elles|son|sa|ses|ce dispositif|cette prime|ce cqp|"
    r"ce contrat|cet entretien|ce conge|ce droit|cette aide|celui-ci|celle-ci|ca|cela)\b"
)

# What the follow-up of a missing input is answered with when the user gives a bare number
# ("18" to "Quelle durée (en mois) ?"): the unit the reader needs to recognise it.
# Facts a clarification asks as periods (a bonus's missions or actions): a bare length answering it
# ("5 mois") is how long they last, written "pendant 5 mois" as the readers expect a length.
PERIOD_FACTS = frozenset({"missions", "actions"})

BARE_NUMBER_UNITS: dict[str, str] = {
    "months": "mois",
    "months_as_employee": "mois",
    "months_in_organisation": "mois",
    "fte_experience_years": "ans",
    "total_hours": "heures",
    "payroll": "euros",
    "points": "points",
}


@dataclass(frozen=True)
class Entity:
    """A named thing of the corpus a conversation can keep talking about.

    `pattern` finds it in folded text; `name` is how a resolved question names it ("Pro-A"),
    `display` how an answer does, with its article ("la Pro-A"). `topic` is the router's topic it
    belongs to, so a follow-up about it is routed the same way.
    """

    key: str
    pattern: str
    name: str
    display: str
    topic: str


# The most specific first: "prime de tutorat" before "tutorat", a named CQP before "les CQP". The
# CQP titles are those the corpus names (the fiche "Les certificats de qualification professionnelle
# du Régime général", the circulaire and the convention), with the abbreviations employees use.
ENTITIES: tuple[Entity, ...] = (
    Entity(
        "pro_a",
        r"\bpro ?- ?a\b|\bproa\b|\b(?:la|une|en|de|ma|sa|cette) pro a\b|"
        r"\b(?:promotion|reconversion) (?:ou (?:promotion|reconversion) )?par (?:l')?alternance\b",
        "Pro-A",
        "la Pro-A",
        "pro_a",
    ),
    Entity(
        "cep",
        r"\bconseil en evolution professionnelle\b|\bcep\b",
        "conseil en évolution professionnelle",
        "le conseil en évolution professionnelle",
        "cep",
    ),
    Entity("vae", r"\bvae\b|\bvalidation des acquis\b", "VAE", "la VAE", "vae"),
    Entity(
        "professionalisation",
        r"\bcontrats? (?:de )?pro(?:fessionnalisation)?\b|\bprofessionnalisation\b",
        "contrat de professionnalisation",
        "le contrat de professionnalisation",
        "professionalisation",
    ),
    Entity(
        "tutor_bonus",
        r"\bprimes? (?:de |du |d'un |d'une )?(?:tutorat|tuteur|tutrice|tutelle)\b",
        "prime de tutorat",
        "la prime de tutorat",
        "tutor_bonus",
    ),
    Entity(
        "tutoring",
        r"\btutorat\b|\btut(?:eur|eurs|rice|rices)\b|\bmaitres? d'apprentissage\b",
        "tuteur",
        "le tutorat",
        "tutor_bonus",
    ),
    Entity(
        "trainer_bonus",
        r"\bprimes? (?:de |du |d'un |d'une )?format(?:eur|rice)s?(?: internes?)?\b|"
        r"\bformat(?:eur|eurs|rice|rices) (?:internes?|occasionnel\w*|a titre accessoire)\b",
        "prime de formateur interne",
        "la prime de formateur interne",
        "trainer_bonus",
    ),
    Entity(
        "professional_reviews",
        r"\bentretiens? (?:professionnels?|pros?|de bilan|bilan)\b|\bbilan (?:a|des|de) (?:6|six) ans\b",
        "entretien professionnel",
        "l'entretien professionnel",
        "professional_reviews",
    ),
    Entity(
        "training_guarantee",
        r"\bgarantie individuelle\b",
        "garantie individuelle d'accès à la formation",
        "la garantie individuelle d'accès à la formation",
        "training_guarantee",
    ),
    Entity(
        "contribution",
        r"\bcontributions? (?:conventionnelles?|supplementaires?)(?: supplementaires?)?\b",
        "contribution conventionnelle supplémentaire",
        "la contribution conventionnelle supplémentaire",
        "contribution",
    ),
    Entity(
        "cpf",
        r"\bcpf\b|\bcompte personnel de formation\b",
        "compte personnel de formation",
        "le compte personnel de formation",
        "other_corpus",
    ),
    Entity("premss", r"\bprem'? ?ss\b", "parcours Prem'ss", "le parcours Prem'ss", "training_path"),
    *(
        Entity(f"cqp:{name}", rf"(?:\bcqps? (?:de |d'|du )?)?(?:{pattern})", f"CQP {name}", f"le CQP {name}", "cqp")
        for name, pattern in (
            ("gestionnaire conseil", r"\bgestionnaires? conseils?\b|\bcqp gc\b"),
            ("conseiller offres de services", r"\bconseill(?:er|ere)s? (?:en )?offres? de services?\b|\bcqp cos\b"),
            ("manager opérationnel", r"\bmanagers? operationnel\w*|\bcqp mo\b"),
            ("délégué de l'Assurance Maladie", r"\bdelegue\w* (?:de l'|d')assurance maladie\b|\bcqp dam\b"),
            ("gestionnaire carrière", r"\bgestionnaires? carrieres?\b"),
            ("inspecteur du recouvrement", r"\binspect(?:eur|rice)s? du recouvrement\b"),
            ("contrôleur allocataire", r"\bcontrol(?:eur|euse)s? allocataires?\b"),
            ("contrôleur du recouvrement", r"\bcontrol(?:eur|euse)s? du recouvrement\b"),
        )
    ),
    Entity(
        "cqp",
        r"\bcqp\b|\bcertificats? de qualification professionnelle\b",
        "CQP",
        "les CQP",
        "cqp",
    ),
    # the certifications the avenant of 2022 added to the Pro-A list, each described by an annex of its own
    *(Entity(c.key, c.pattern, c.name, c.display, "pro_a") for c in listed_certifications()),
)

# How the answer names a topic when no named thing was found (the router's topic names).
TOPIC_ENTITIES: dict[str, str] = {e.topic: e.key for e in ENTITIES if e.key != "tutoring" and ":" not in e.key} | {
    "cqp_certification": "cqp"
}

# Each pattern compiled once, for every module of the conversation that reads it.
RE_LEAD_IN = re.compile(LEAD_IN)
RE_SWITCH = re.compile(SWITCH)
# who or where asked, first thing in the message: "qui peut me le faire ?", "vers quels organismes me tourner ?",
# "auprès de qui ?", "où ça se passe ?" (an actor or a place, which no fact of a computed case changes)
RE_ACTOR_ASKED = re.compile(
    r"^(?:(?:et|mais|alors|donc|concretement|du coup|ok|d'accord|en pratique|pratiquement)[ ,]*)*"
    r"(?:qui\b|aupres de qui|a qui|ou\b|vers (?:quel\w*|qui)\b|"
    r"(?:a |aupres de |vers |par )?quel\w* (?:organismes?|structures?|interlocuteurs?|instances?|services?|"
    r"personnes?|acteurs?)\b)"
)
RE_DEMONSTRATIVE = re.compile(DEMONSTRATIVE)
RE_COURTESY = re.compile(COURTESY)
RE_DIGRESSION = re.compile(DIGRESSION)
RE_RESTATE = re.compile(RESTATE)
RE_RESTATE_FILLER = re.compile(RESTATE_FILLER)
RE_CORRECTION = re.compile(CORRECTION)
RE_CIRCUMSTANCE_OPENING = re.compile(CIRCUMSTANCE_OPENING)
RE_ORDINARY_CASE = re.compile(ORDINARY_CASE)
RE_META = re.compile(META)
RE_IN_EUROS = re.compile(IN_EUROS)
RE_NOUN_PHRASE = re.compile(NOUN_PHRASE)
RE_QUESTION_WORDS = re.compile(QUESTION_WORDS)
RE_REQUEST = re.compile(REQUEST)
RE_EMPTY_PREDICATE = re.compile(EMPTY_PREDICATE)
RE_THIRD_PERSON = re.compile(THIRD_PERSON)
RE_FIRST_PERSON = re.compile(FIRST_PERSON)
RE_IN_UNIT = re.compile(IN_UNIT)
RE_TEXT_NAME = re.compile(TEXT_NAME)
RE_USER_CASE = re.compile(USER_CASE)
RE_NAMED_OTHER = re.compile(NAMED_OTHER)
RE_COPULA = re.compile(COPULA)
RE_HYPOTHESIS = re.compile(HYPOTHESIS)
RE_PRONOUN = re.compile(PRONOUN)
# a demonstrative and the thing it points at in the exchange, with its complement ("ce maximum de tutorés")
RE_POINTED = re.compile(r"\b(?:ce|cet|cette|ces) [a-z-]+(?: (?:de |d'|des |du )[a-z-]+)?")
# A subject pronoun inverted after the verb of a clause whose subject is a noun phrase ("la caisse doit-elle …",
# "mon employeur peut-il …"): it repeats that noun, it points back to nothing said before
RE_NOUN_INVERSION = re.compile(
    r"\b(?:le|la|les|l'|mon|ma|mes|ton|ta|tes|notre|nos|votre|vos|un|une|des|ce|cet|cette|ces)\s*[a-z][a-z'-]+"
    r"(?:\s+[a-z][a-z'-]+){0,3}?\s+[a-z]+-(?:t-)?(?:il|elle|ils|elles)\b"
)
RE_OLD_VALUE = re.compile(OLD_VALUE)
RE_VALUE = re.compile(_VALUE)
RE_CLITIC_BACK = re.compile(CLITIC_BACK)
RE_REFLEXIVE_Y = re.compile(r"\b[mts]'y\b")
RE_OPPOSITE = re.compile(OPPOSITE)
RE_PLURAL_PRONOUN = re.compile(PLURAL_PRONOUN)
RE_BACK_REFERENCE = re.compile(BACK_REFERENCE)
