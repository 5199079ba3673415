"""The form the user wants the previous answer in: one sentence, a table, or copied for a message of theirs.

"Mets-moi ça en une phrase que je peux coller dans un mail à mon équipe", "fais-moi un tableau qui compare
leurs durées", "cite-moi la phrase exacte, je dois la recopier dans ma note": the message asks for nothing new,
it reshapes what was just answered. Where the user will put the result (a mail, a note, a poster, "pour mon
équipe") is a purpose clause that says nothing of the content (`without_purpose`); what is left is read from its
grammar — a short-form noun ("une phrase", "une ligne") or a table noun, a verb of putting or writing, a pronoun
pointing back — and only when nothing else is left (no subject, no question word of its own). `operations` and
`reshaping` write the answer from the previous turn's answer and citations (`about_answer.read` calls these).
"""

from __future__ import annotations

import re

from assistant.conversation.subject import find_subject

# where the result will go: a piece of writing or a medium…
_MEDIUM = (
    r"(?:e-?mails?|mails?|courriels?|messages?|notes?|affiches?|comptes?[- ]rendus?|fiches?|diaporamas?|slides?|"
    r"presentations?|intranet|newsletters?|lettres?|courriers?|reponses?|supports?|rapports?|tableau d'affichage|"
    r"teams|slack|sms|post|documents?|dossiers?)"
)
# …or a verb of passing it on
_PASS_ON = (
    r"(?:coller|colle|copier|recopier|inserer|envoyer|transferer|transmettre|afficher|diffuser|partager|poster|"
    r"integrer|citer|cite|montrer|reprendre|mettre (?:dans|sur)|glisser|faire suivre|lire)"
)
# the clause saying it: "que je peux coller dans un mail à mon équipe", "pour mon courriel à l'équipe RH", ", je dois
# la recopier dans ma note au directeur", "pour l'envoyer par mail à mon délégué" — it runs to the end of the message
_PURPOSE = re.compile(
    r"(?:[\s,;:-]+(?:pour|afin de|afin d'|que (?:je|j'|tu|on|l'on|nous|vous)|qu'on|a (?=\w+er\b))|"
    r"[\s]*[,;:-]\s*(?:je|j'|on)\b)(?:(?![?!]).)*?"
    rf"\b(?:{_MEDIUM}|{_PASS_ON})\b(?:(?![?!]).)*$"
)
# a courtesy word around a request, and the polite ways of asking ("tu peux me…", "j'aimerais"): read here and by
# `about_answer`'s requests on the last answer
COURTESY = r"(?:s'il (?:te|vous) plait|stp|svp|merci|please|alors|donc|du coup|bon|ok|d'accord)"
POLITE_ASK = (
    r"(?:(?:est-ce que )?(?:tu peux|vous pouvez|peux-tu|pouvez-vous|pourrais-tu|pourriez-vous|tu pourrais|"
    r"vous pourriez|je voudrais|j'aimerais|je veux|on peut avoir|puis-je avoir)\s+(?:me |m'|nous )?)"
)
# a verb that puts the answer in another form, its clitics after it
_RESHAPE = (
    r"(?:mets|mettez|mettre|ecris|ecrivez|ecrire|reformule\w*|redis|redites|redire|dis|dites|dire|resume\w*|"
    r"condense\w*|fais|faites|faire|donne|donnez|donner|formule\w*|synthetise\w*|redige\w*|transforme\w*|"
    r"traduis|traduisez|traduire|presente\w*|dresse\w*|propose\w*|montre\w*|tourne\w*|range\w*|organise\w*)"
    r"(?:-(?:moi|nous|le|la|les|en))*(?: (?:moi|nous))?"
)
_POINTING = r"(?:(?:me |m'|nous )?(?:ca|cela|le|la|les|tout ca|l'essentiel|l'info|(?:ta|cette|la) reponse)\s+)?"
# "en une phrase", "en une seule ligne", "une phrase courte", "en deux mots"
_SHORT = (
    r"(?:(?:en|sur) )?(?:une|1|une seule|une petite|une courte|une simple|une breve) "
    r"(?:seule |petite |courte |simple |breve )?(?:phrase|ligne)(?: (?:courte|simple|claire|seule|breve))*"
    r"|en (?:deux|quelques|peu de) mots"
)
_SENTENCE = re.compile(
    rf"^(?:(?:et|alors|ok|bon|bref|donc|du coup)[ ,]+)*(?:{POLITE_ASK})?(?:{_RESHAPE}\s+{_POINTING})?(?:{_SHORT})"
    rf"(?:[\s,;:.!?-]+(?:{COURTESY}|max(?:imum)?|pas plus|seulement|simplement|stp|svp))*$"
)
# a table asked: by its verb ("fais-moi un tableau", "présente-moi ça sous forme de tableau", "mets les deux cas dans
# un tableau") or by its noun alone opening the message ("un tableau comparant leurs publics, ce serait plus lisible")
_TABLE_NOUN = re.compile(r"\btableaux?\b(?: (?:comparatif|recapitulatif|de synthese|synthetique))?")
_TABLE = re.compile(
    rf"\b{_RESHAPE}\b[^?!]*?\b(?:un|en|sous forme de|sous forme d'un|dans un|le|ton) (?:petit |rapide )?tableau\b"
    r"|^(?:(?:et|alors|ok|bon|du coup)[ ,]+)*(?:un |en |sous forme de )?(?:petit )?tableau\b"
    r"|\b(?:sous forme (?:de|d'un)|en|dans un) (?:petit )?tableau\b"
)
# a question word: the message asks something of its own, it does not only reshape the answer
_QUESTION = re.compile(r"\b(?:combien|quel\w*|quand|comment|pourquoi|qui est|est-ce que|ou se|quoi|que dit)\b|\?")


def without_purpose(body: str) -> str:
    """The message without the clause saying where its result will go ("…, je dois la recopier dans ma note")."""
    return _PURPOSE.sub("", body).strip(" ,;:-")


def asks_sentence(body: str) -> bool:
    """The message asks for the previous answer in one sentence (or a line, a few words), and nothing else."""
    return bool(_SENTENCE.match(without_purpose(body).strip(" ?!.…")))


def asks_table(body: str) -> bool:
    """The message asks for what was just answered as a table ("fais-moi un tableau qui compare leurs durées"),
    naming no question of its own."""
    rest = without_purpose(body).strip(" !.…")
    return bool(_TABLE.search(rest)) and not _QUESTION.search(rest.rstrip("?"))


def table_aspect(body: str) -> str:
    """What a table request compares the things on ("leurs durées" → "durees", "le niveau visé et le coefficient
    minimum" → "niveau vise coefficient minimum"): its content words, folded, without the request's own words."""
    rest = _TABLE_NOUN.sub(" ", without_purpose(body))
    words = [w for w in re.findall(r"[a-z][a-z-]{3,}", rest) if w not in _ASPECT_STOP and not re.match(_RESHAPE, w)]
    return " ".join(words)


_ASPECT_STOP = frozenset(
    {
        *("leurs", "leur", "avec", "pour", "entre", "dans", "sous", "forme", "petit", "petite", "compare", "compares"),
        *("comparant", "comparer", "comparatif", "cote", "autre", "plus", "lisible", "clair", "claire", "pratique"),
        *("possible", "serait", "colonne", "colonnes", "ligne", "lignes", "deux", "trois", "cette", "ceux", "celles"),
        *("moi", "nous", "tout", "cela", "bien", "face", "tableau", "tableaux"),
    }
)


def names_nothing(body: str) -> bool:
    """No subject of the texts is named in what the message says besides its purpose."""
    return find_subject(without_purpose(body)) is None
