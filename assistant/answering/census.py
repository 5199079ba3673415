"""A count of what happened or exists — a statistic — asked of the texts, and whether they state it (scope16, #21).

Why: "Combien de salariés de la branche ont signé une Pro-A en 2023 ?", "Combien de managers opérationnels ont été
certifiés en 2021 ?", "Combien d'établissements Ugecam y a-t-il en Bretagne ?" name a scheme or a body the texts
speak of, so the subject check finds its passages and the answer quoted the Pro-A's beneficiaries, the manager's
CQP or the Ugecam's annexe, sometimes with a figure of another count ("plus de 14 000 managers", "243"). The texts
make rules; the few counts they state are of what exists ("8 Certificats de Qualification Professionnelle", "plus de
14 000 managers opérationnels"), never of what happened in a year or in a region.

What is asked is read from the message's grammar, not from a list of statistics:

* "combien de N" — N a noun of things or people, not a unit of measure (a count of months, hours or points asks a
  rule's measure: `attributes` and `silent` check those);
* followed in its clause by a verb in a past tense of the third person ("ont signé", "ont été certifiés", "a
  rejoint", "avaient obtenu"): the count of an event, a statistic; or by a year ("en 2023", "au second semestre
  2013") or a place named with a capital ("en Bretagne") that fixes when or where things are counted.

Such a count is stated only by a best passage that writes a figure (digits, or a number word other than the article
"un / une") just before N or a noun of its family, and, when the question fixes a year or a place, writes that year or
that name too. The check runs whatever topic the router read: a statistic is no rule's matter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.corpus_words import CorpusPhrases
from assistant.routing.extraction.folding import fold
from assistant.routing.subject import acronyms
from knowledge.hybrid import Evidence

# The best passages read for the figure (as `attributes.DEPTH`).
DEPTH = 5
# How many words may stand between the figure and the noun counted ("8 Certificats de Qualification Professionnelle",
# "plus de 14 000 managers opérationnels", "2 DRSM").
FIGURE_SPAN = 5
# ... or after it, in a span naming their number: "dont le nombre est en progression (plus de 3 000 en 2021)".
NUMBER_SPAN = 14
_NUMBER_NOUNS = frozenset({"nombre", "effectif", "effectifs"})
# An adjective right after the counted noun, by the endings of French adjectives: "managers opérationnels",
# "travailleurs sociaux", "managers stratégiques", "formateurs permanents" (a plural in -ants/-ents; "comptent", a
# verb, ends in -ent) (not "certifications maison", a noun).
_ADJECTIVE = re.compile(r"\s*([a-z]+(?:iques?|els?|elles?|aux|ales?|ifs|ives?|aires?|iens?|iennes?|ants|ents))\b")

_HOW_MANY = re.compile(r"\bcombien\s+(?:de|d)\s+([a-z][a-z-]{2,})")
# A past tense in the third person after the counted noun, within its clause: "ont signé", "ont été certifiés",
# "a rejoint", "avaient obtenu". The participle ends as French participles do. Not "être" with a participle: "combien
# de tuteurs sont prévus" asks the rule's number in the passive, not an event.
_PAST = re.compile(
    r"^[^?.;:!]{0,80}?\b(?:ont|avaient|auront|a|avait)\s+(?:(?:deja|bien|effectivement)\s+)?"
    r"(?:ete\s+)?(?![a-z]+(?:er|ir|re|oir)\b)[a-z]{3,}(?:e|es|ee|ees|i|is|ie|ies|u|us|ue|ues|int|ints|ait|aits|ert|erts)\b"
)
# A count of what a body holds, in the present (oos19): "combien de formateurs permanents compte l'Institut 4.10 ?",
# "combien de salariés emploie l'Ucanss ?" — the body named with its capital right after the verb (read on the
# original). Stated only where a best passage writes the figure before the noun, as for an event. Not a list or a
# text's part ("combien de certifications compte la liste de l'avenant ?": the rule's own content).
_EXISTS = re.compile(
    r"^[^?.;:!]{0,60}?\b(?:compte|comptent|emploie|emploient|regroupe|regroupent)\s+(?:le|la|les|l')\s*[A-ZÀ-Ý]"
)
# A year fixing when things are counted: "en 2023", "au second semestre 2013", "depuis 2015". Not a year naming a
# text ("selon l'avenant de 2022", "d'après les annexes de 2022"): that one says where to read, not what to count.
_YEAR = re.compile(r"\b(?:en|depuis|semestre|trimestre|debut|fin|annee)\s+((?:19|20)\d\d)\b")
# A place fixing where they are counted: "en Bretagne", "à Lyon" (a capital, as written).
_PLACE = re.compile(r"\b(?:en|à)\s+([A-ZÀ-Ý][a-zà-ÿ-]{2,})\b")
# Units of a rule's measure: a count of them is no statistic.
_UNITS = frozenset(
    re.findall(
        r"\S+",
        """heure heures h jour jours journee journees demi-journee demi-journees mois an ans annee annees semaine
    semaines point points euro euros fois pourcent pourcentage minute minutes temps""",
    )
)
# Number words that count; "un / une" are also articles ("un poste de manager"), so they do not.
_NUMBER_WORDS = frozenset(
    re.findall(
        r"\S+",
        "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante "
        "cinquante soixante cent cents mille millier milliers plusieurs",
    )
)


def asked_census(question: str, phrases: CorpusPhrases | None = None) -> tuple[str, list[str], list[str]] | None:
    """The noun a question counts as a statistic, with the years and places that fix the count (else None).

    "Combien de salariés de la branche ont signé une Pro-A en 2023 ?" → ("salaries", ["2023"], []); "Combien
    d'établissements Ugecam y a-t-il en Bretagne ?" → ("etablissements", [], ["Bretagne"]), with the texts'
    `phrases`, only when they never write "Bretagne"; "Combien de managers opérationnels …" counts "managers
    operationnels" (an adjective after the noun is part of what is counted); "Combien de salariés un tuteur peut-il
    suivre ?" → None (a rule's limit: present tense, no year, no place)."""
    original = question.replace("’", "'")
    text = fold(original).replace("'", " ")
    match = _HOW_MANY.search(text)
    if match is None or match.group(1) in _UNITS or not _countable(match.group(1), original):
        return None
    after = text[match.end() :]
    qualifier = _ADJECTIVE.match(after)  # "managers opérationnels": not the strategic managers' count
    noun = f"{match.group(1)} {qualifier.group(1)}" if qualifier else match.group(1)
    # "Depuis 2005, combien de CQP…" as "… en 2021 ?"; a year told in a sentence or clause of its own before the
    # asking one ("Nous avons 5 agents embauchés en 2021 : combien d'entretiens … ?") dates the asker's case (a hire),
    # not the count
    asking = max(text.rfind(mark, 0, match.start()) for mark in ".:;!?") + 1
    years = _YEAR.findall(text[asking:])
    # a place the texts write ("en Caf") is the asker's context; one they never write fixes a count they cannot hold
    places = [p for p in _PLACE.findall(original[match.end() :]) if phrases is None or not phrases.writes_name(p)]
    if not (_PAST.search(after) or _EXISTS.search(original[match.end() :]) or years or places):
        return None
    return noun, years, places


def unstated_census(question: str, evidence: Sequence[Evidence], phrases: CorpusPhrases | None = None) -> str | None:
    """The statistic a question asks (`asked_census`) when none of the best passages states it, else None: no
    passage writes a figure before the noun counted, or none that does writes the year or place the question fixes."""
    asked = asked_census(question, phrases)
    if asked is None or not evidence:
        return None
    noun, years, places = asked
    names = acronyms(question)
    for item in evidence[:DEPTH]:
        body = item.chunk.text
        if not _counts(_spelled(body, names), noun):
            continue
        folded = fold(body)
        if all(year in folded for year in years) and all(fold(place) in folded for place in places):
            return None
    return " ".join([noun, *years, *places])


def _counts(text: str, noun: str) -> bool:
    """A figure or a counting number word stands at most `FIGURE_SPAN` words before `noun` (its words in a row, other
    forms of them allowed), or after it with "nombre" or "effectif" (`NUMBER_SPAN`)
    (`KEY_LETTERS`: the fiche's "8 Certificats de Qualification Professionnelle" counts "certifications")."""
    keys = [_key(w) for w in noun.split()]
    words = re.findall(r"\d+(?:[,.]\d+)?|[a-z][a-z-]*", fold(text).replace("'", " "))
    for i in range(len(words)):
        if [_key(w) for w in words[i : i + len(keys)]] != keys:
            continue
        if any(_figure(w) for w in words[max(0, i - FIGURE_SPAN) : i]):
            return True
        # "le manager stratégique, dont le nombre est en progression (plus de 3 000 en 2021)": the figure after it
        after = words[i + 1 : i + 1 + NUMBER_SPAN]
        if _NUMBER_NOUNS & set(after) and any(_figure(w) for w in after):
            return True
    return False


def _figure(word: str) -> bool:
    return word[0].isdigit() or word in _NUMBER_WORDS


# The letters two forms of one noun share: "certifications" and "certificats", "managers" and "manager".
KEY_LETTERS = 7


def _key(word: str) -> str:
    return word.rstrip("sx")[:KEY_LETTERS]


def _countable(noun: str, question: str) -> bool:
    """A plural ("combien de salariés") or a name with its capital ("combien de CQP", "d'Urssaf"): things counted one
    by one; a
    singular is a quantity ("combien de contribution", the calculators' matter)."""
    written = re.search(rf"\b{re.escape(noun)}\b", fold(question))
    return noun.endswith(("s", "x")) or (written is not None and question[written.start()].isupper())


# The linking words an acronym's letters skip ("Certificats de Qualification Professionnelle": CQP).
_LINKS = r"(?:\s+(?:de|du|des|aux|au|a|la|le|les|et|en|pour)\b|\s+[dl]')*\s*"


def _spelled(text: str, names: list[str]) -> str:
    """The passage, folded, with each spelled-out form of an acronym of the question followed by it, even where the
    passage also writes the acronym elsewhere: "8 Certificats de Qualification Professionnelle" counts CQPs."""
    spelled = fold(text)
    for name in names:
        pattern = r"\b" + _LINKS.join(rf"{letter}[a-z0-9-]*" for letter in name) + r"\b"
        spelled = re.sub(pattern, rf"\g<0> {name}", spelled)
    return spelled
