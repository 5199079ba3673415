"""The attribute a question asks of something the texts name, and whether the best passages state it (issue #21).

Why: the texts NAME many things whose rules they do not make — a CQP in the fiche, a diploma in the Pro-A list or
an annexe, the CPF, the OPCO — and state only some of their attributes (a CQP's RNCP level, its blocks, the year
it was created). "Quel salaire touche un gestionnaire conseil une fois son CQP obtenu ?", "Quel est le taux de
réussite au CQP COS ?", "Combien de places au CQP manager opérationnel en 2027 ?" name such a thing, so the
subject check finds passages about it; but what is asked of it — its pay, its success rate, its places — is
stated nowhere, and quoting the fiche answers another question.

What is asked is read from the question's grammar, not from a list of attributes:

* "quel(le) [est] [le/la] N …" — the noun after the singular interrogative determiner ("quel salaire",
  "quelle est la durée"): one value, which the passages name; a plural ("quelles sont les conditions") asks for
  a list, whose items the passages give without the noun that gathers them;
* "combien de N" — a count of N, which a passage states only as a figure just before N ("4 blocs", "3 salariés",
  "deux entretiens").

The check applies only where the thing asked about is one the texts name without making its rules (the router's
catch-all topic `other_corpus`, the CQPs, or no topic): for the schemes whose rules the texts make (the tutor's
bonus, the contrat de professionnalisation, the VAE leave…), a user's word for an attribute the article states
in its own words ("le plafond de la prime", "le salaire d'un contrat pro") is a synonym, not a silence, and the
silent details of those rules are another check's (`answering.silent`). That is the criterion: whether the
entity's rules are what the texts are about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.answer_types import DATE, FLOOR, LIMIT, PERCENT, REASON, asked_types
from assistant.answering.answer_types import holds as holds_kind
from assistant.answering.corpus_words import CorpusPhrases, CorpusWords
from assistant.answering.units import PREFIX
from assistant.routing.extraction.folding import fold
from assistant.routing.subject import speaks_of
from knowledge.french import analyze
from knowledge.hybrid import Evidence

# The topics of things the texts name without making their rules (the router's topics).
NAMED_ONLY_TOPICS = frozenset({"other_corpus", "cqp"})
# A possessive stands for the article ("quel est son taux d'insertion ?": the rate, scope20).
# Singular only: "quelles sont les conditions", "quels sont les emplois" ask for a list, whose items the texts give
# without the noun that gathers them; "quel est le taux", "quel salaire" ask for one value, which they name.
_WHICH = re.compile(
    r"\b(?:quel|quelle)\s+(?:(?:est|etait|serait)(?:-(?:il|elle|ce))?\s+)?(?:(?:le|la|l|son|sa|leur)\s+)?([a-z][a-z-]{2,})"
)
_HOW_MANY = re.compile(r"\bcombien\s+(?:de|d)\s+([a-z][a-z-]{2,})")
# What follows an interrogative without being a noun of what is asked: verbs and pronouns of the frame.
_NOT_NOUNS = frozenset(
    re.findall(
        r"\S+",
        """est sont etait sera serait peut peuvent doit doivent faut fait font ont a y il elle ils elles on ce cela
    ca je tu nous vous me te se mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs un une des temps
    fois maniere facon""",
    )
)
_NUMBER_WORDS = frozenset(
    re.findall(
        r"\S+",
        "un une deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente quarante cinquante "
        "soixante cent mille plusieurs",
    )
)
DEPTH = 5
# Nouns of time asked by "quel" ("quelle année", "à quelle date"): the answer is a figure (a year, a date), which
# the passages write without the noun ("créé en 2015").
# Nouns asking for a purpose: stated by a clause ("afin de", "a pour objet de", "vise à"), not by the noun.
_PURPOSE = frozenset(
    w.rstrip("sx")[:PREFIX] for w in ("but", "raison", "objectif", "interet", "finalite", "motif", "utilite")
)
_WHEN = frozenset(w.rstrip("sx")[:PREFIX] for w in ("annee", "an", "date", "jour", "mois", "semaine", "heure"))
# Nouns asking a length of time ("quelle est la durée"): stated by a figure with a unit of time ("6 et 12 mois", "40
# heures", "5,5 jours"), not by any figure (a CQP's creation year, its RNCP number).
_LENGTHS = frozenset({"duree"[:PREFIX]})


# A price asked: "combien coûte", "à quel prix", "quel budget / coût / tarif". Stated only by an amount, a figure
# with its currency ("1 200 €", "350 euros"): the convention's blank "coût unitaire H.T. ….. €" states none, and
# the preamble naming the Institut 4.10 states no price of its catalogue.
_PRICE_VERB = re.compile(r"\bcombien\s+(?:ca\s+|cela\s+)?(?:coute|coutent|coutera|couterait|facture|factur\w+)\b")
_PRICE_NOUNS = frozenset(w.rstrip("sx")[:PREFIX] for w in ("prix", "cout", "tarif", "budget", "frais"))
_AMOUNT = re.compile(r"\d[\d  .,]*\s*(?:€|euros?\b|eur\b|k€)", re.IGNORECASE)
# A pay asked by its verb (oos17): "combien gagne un inspecteur", "combien touche un titulaire du CQP". Stated only
# by an amount or a number of points ("7 points par mois"): the fiche's creation year or RNCP number states no pay.
_PAY_VERB = re.compile(
    r"\bcombien\s+(?:(?:gagne|gagnent|gagnera|gagnerait|touche|touchent|touchera|toucherait|percoit|percoivent)\b|"
    r"(?:est|sont|sera|serait)\s+(?:paye|payes|payee|payees|remunere|remuneres|remuneree|remunerees)\b)"
)
_PAID = re.compile(r"\d[\d  .,]*\s*points?\b", re.IGNORECASE)


def asks_pay(question: str) -> bool:
    """The question asks someone's pay by its verb: "combien gagne …", "combien touchent …", "combien est payé …"."""
    return _PAY_VERB.search(fold(question.replace("’", "'"))) is not None


def asks_price(question: str) -> bool:
    """The question asks what something costs: "combien coûte …", "à quel prix", "quel est le budget de …"."""
    text = fold(question.replace("’", "'")).replace("'", " ")
    which, _ = asked_attributes(question)
    verb = _PRICE_VERB.search(text)
    if verb is not None and _GOVERNED.search(text[: verb.start()]):
        return False  # "qui fixe combien coûtent les formations ?": who is asked, the price is what they fix (scope16)
    return verb is not None or any(_key(noun) in _PRICE_NOUNS for noun in which)


# An interrogative and its verb before "combien coûte": the price is the object of what is asked ("qui fixe combien
# coûtent…", "comment savoir combien coûte…").
_GOVERNED = re.compile(r"\b(?:qui|comment|quand|pourquoi)\s+(?:[a-z-]+\s+){0,3}\S")


# "quel est le taux de réussite", "quel numéro de téléphone": the interrogative's noun and its complement.
_WHICH_OF = re.compile(
    r"\b(?:quel|quelle)\s+(?:(?:est|etait|serait)(?:-(?:il|elle|ce))?\s+)?(?:(?:le|la|l|son|sa|leur)\s+)?([a-z][a-z-]{2,})\s+"
    r"(?:de la|de l|du|des|de|d)\s+([a-z][a-z-]{4,})"
)


def asked_complements(question: str) -> list[tuple[str, str]]:
    """The nouns after "quel" with their complement, folded, names written with a capital left out: "Quel est le
    taux de réussite au CQP ?" → [("taux", "reussite")]; "… quel numéro de l'Urssaf ?" → []."""
    original = question.replace("’", "'")
    names = {fold(w) for w in re.findall(r"\b[A-ZÀ-Ý][\w-]*", original)}
    text = fold(original).replace("'", " ")
    return [(m.group(1), m.group(2)) for m in _WHICH_OF.finditer(text) if _noun(m.group(1)) and m.group(2) not in names]


def asked_attributes(question: str) -> tuple[list[str], list[str]]:
    """The nouns a question asks of its subject: after "quel…" (`which`) and after "combien de" (`counted`),
    folded. "Quel est le taux de réussite au CQP ?" → (["taux"], []); "Combien de places … ?" → ([], ["places"])."""
    text = fold(question.replace("’", "'")).replace("'", " ")
    which = [m.group(1) for m in _WHICH.finditer(text) if _noun(m.group(1))]
    counted = [m.group(1) for m in _HOW_MANY.finditer(text) if _noun(m.group(1))]
    return which, counted


def attribute_terms(question: str) -> set[str]:
    """The analysed terms of the nouns the question asks of its subject (`asked_attributes`): "quelle est la durée …"
    → {"dur"}; what is asked, not the thing it is asked of."""
    which, counted = asked_attributes(question)
    return {_stem(noun) for noun in (*which, *counted)}


def _noun(word: str) -> bool:
    """Not a frame word, nor a verb with its subject pronoun after it ("est-il", "peut-on")."""
    return word not in _NOT_NOUNS and not re.search(r"-(?:t-)?(?:il|elle|ils|elles|on|ce)$", word)


def _stem(word: str) -> str:
    terms = analyze(word)
    return terms[0][:PREFIX] if terms else word[:PREFIX]


def unstated_attribute(
    question: str, evidence: Sequence[Evidence], vocabulary: CorpusWords, phrases: CorpusPhrases | None = None
) -> str | None:
    """An attribute the question asks (`asked_attributes`) that none of the best passages states (else None): a
    noun after "quel" that the texts never use at all (`vocabulary`), or a count ("combien de N") that none of the
    best passages gives as a figure before N.

    A noun after "quel" that the texts use elsewhere is left alone: measured on unseen-2026g, "quelle démarche
    auprès d'Uniformation" (the texts: "la demande de prise en charge"), "à quel taux horaire" ("12 € de
    l'heure") and "quelle attestation" were the user's words for what the best passages state in theirs."""
    which, counted = asked_attributes(question)
    if evidence and asks_price(question) and not any(_AMOUNT.search(e.chunk.context_text) for e in evidence[:DEPTH]):
        return "prix"  # "combien coûte une journée au catalogue de l'Institut 4.10 ?": no passage states an amount
    if evidence and asks_pay(question):
        paid = (_AMOUNT.search(e.chunk.context_text) or _PAID.search(e.chunk.context_text) for e in evidence[:DEPTH])
        if not any(paid):
            return "remuneration"  # "combien gagne un inspecteur du recouvrement ?": no amount in its passages
    if not (which or counted) or not evidence:
        return None
    sequences = [[t[:PREFIX] for t in analyze(fold(e.chunk.context_text))] for e in evidence[:DEPTH]]
    for noun in which:
        stem = _stem(noun)
        if _key(noun) in _LENGTHS:
            if not any(_counts(e.chunk.text, "mois") for e in evidence[:DEPTH]):
                return noun  # "quelle est la durée de la formation du CQP X": no length of time in its passages
            continue
        if _measured(noun, evidence):
            continue  # "en quelle année", "quel pourcentage": a figure is its answer, whatever words say it
        if _key(noun) in _PURPOSE and any(holds_kind(REASON, e.chunk.context_text) for e in evidence[:DEPTH]):
            continue  # "dans quel but", "quel intérêt": a purpose clause ("afin de", "a pour objet") is its answer
        if _bound_held(_as_written(noun, question), evidence):
            continue  # "à quel rythme", "quelle part", "quel plancher": a period, a share or a bound is its answer
        if not vocabulary.uses(noun) and not any(stem in sequence for sequence in sequences):
            return noun
    for noun in counted:
        if not any(_counts(e.chunk.context_text, noun) for e in evidence[:DEPTH]):
            return noun
    if phrases is None:
        return None
    for noun, complement in asked_complements(question):
        # "le taux de réussite": a pair the texts never write anywhere ("taux de prise en charge" is theirs) is an
        # attribute they state of nothing, so of this thing neither, unless a best passage writes the pair (the
        # fiche's "réussite" of an exam is no success rate)
        if phrases.speaks_of(f"{noun} {complement}") or _measured(noun, evidence):
            continue  # "quel pourcentage du personnel": a figure answers it, whatever words say it
        pair = [_stem(noun), _stem(complement)]
        if any(speaks_of(pair, set(sequence), sequence) for sequence in sequences):
            continue
        # both words in the best passages, apart: the user's pair for what they state ("le numéro d'enregistrement":
        # "enregistrée au RNCP … sous le numéro"); one of them in none: stated of nothing here ("taux de réussite")
        if not all(any(stem in sequence for sequence in sequences) for stem in pair):
            return f"{noun} {complement}"
    return None


# The kinds of answer a noun after "quel" may ask by itself, each stated in the texts by its form, not by the noun:
# a period ("à quel rythme ?" → "tous les 3 ans"), a share ("quelle part ?" → "70 %"), a bound ("quel plancher ?" →
# "au minimum"; "quel plafond ?" → "ne peut excéder"). The noun is the user's word for what the sentence's form says
# (u26o-023, u26m-013, u26k-204 were refused on "rythme", "part", "plancher", none a word of the texts).
_BOUND_KINDS = (DATE, PERCENT, LIMIT, FLOOR)


def _as_written(noun: str, question: str) -> str:
    """The question's own spelling of a folded noun ("frequence" → "fréquence"), which `asked_types` reads, with the
    word after it: "quel est son salaire plancher ?" asks a lower bound by its second word (u26n-014)."""
    words = re.findall(r"[\wÀ-ÿ-]+", question)
    at = next((n for n, w in enumerate(words) if fold(w) == noun), None)
    return noun if at is None else " ".join(words[at : at + 2])


def _bound_held(noun: str, evidence: Sequence[Evidence]) -> bool:
    """The noun asks a period, a share or a bound (`answer_types.asked_types` of "quel <noun>") and a best passage
    holds an answer of that kind (`answer_types.holds`)."""
    kinds = [kind for kind in asked_types(f"quel {noun}") if kind in _BOUND_KINDS]
    return any(holds_kind(kind, e.chunk.context_text) for kind in kinds for e in evidence[:DEPTH])


def _measured(noun: str, evidence: Sequence[Evidence]) -> bool:
    """A time or a unit asked ("quelle année", "quel pourcentage") that a figure of the best passages may answer."""
    measured = _key(noun) in _WHEN or any(_key(noun) in family for family in _UNIT_FAMILIES)
    return measured and any(re.search(r"\d", e.chunk.context_text) for e in evidence[:DEPTH])


def _key(word: str) -> str:
    """A word's form without its plural mark, cut like the stems ("blocs" and "bloc", "heures" and "heure")."""
    return word.rstrip("sx")[:PREFIX]


# Units of measure, by family: a count of one is stated by a figure with any unit of its family ("combien de jours"
# → "1 demi-journée", "combien d'années" → "4 ans"); a mark out of N ("/60") is a number of points; "quel
# pourcentage" is answered by a figure with "%" (u26e-118 was refused before this: "pourcentage" is no word of theirs).
_UNIT_FAMILIES = tuple(
    frozenset(_key(w) for w in family.split())
    for family in (
        "heure h jour journee demi-journee mois an annee semaine",
        "point pt /",
        "euro €",
        "pourcentage pourcent %",
    )
)


# A count of people: the user's noun for them ("combien de personnes peut-il épauler ?") is seldom the texts' ("chaque
# tuteur accompagne, au maximum, 3 salariés"), as a count of days is seldom said in days; a figure before any noun
# of this family states it. The family is the answers' own measure of people (`answering.claims`, "people"), for
# counts only: "quelle personne" asks who, not how many.
_PEOPLE = frozenset(_key(w) for w in ("personne", "salarie", "stagiaire", "beneficiaire", "alternant", "apprenti"))
_COUNT_FAMILIES = (*_UNIT_FAMILIES, _PEOPLE)


def _counts(text: str, noun: str) -> bool:
    """The passage gives a number of `noun`: a figure or a number word just before it, an adjective or a linking
    word allowed between ("4 blocs de compétences", "deux entretiens professionnels", "3 salariés"); for a unit or
    people, a figure with any noun of its family ("combien de personnes" → "3 salariés")."""
    key = _key(noun)
    family = next((f for f in _COUNT_FAMILIES if key in f), frozenset({key}))
    words = re.findall(r"\d+(?:[,.]\d+)?|[a-z-]+|[€/%]", fold(text))
    for i, word in enumerate(words):
        if _key(word) not in family:
            continue
        before = words[max(0, i - 3) : i]
        if any(w[0].isdigit() or w in _NUMBER_WORDS for w in before):
            return True
        if word == "/" and i + 1 < len(words) and words[i + 1][0].isdigit():
            return True  # "/60": sixty points
    return _labelled(fold(text), family)


def _labelled(folded: str, family: frozenset[str]) -> bool:
    """A table cell labelled by the unit, its figure after the colon: the flattened rows of a table read "Durée
    totale En jours : 5,5; dont : nb d'heures de formation (…) : 40" (convention, art. 7), the unit in the column's
    label and the figure after it."""
    for match in _LABEL.finditer(folded):
        if any(_key(word) in family for word in re.findall(r"[a-z-]+", match.group(1))):
            return True
    return False


# A label and its figure in a flattened table row: the text from the last cell boundary to ": <figure>".
_LABEL = re.compile(r"(?:^|[;\n—|])([^;\n—|:]{1,120}):\s*\d")


# A situation the question puts the thing in: "pendant un arrêt maladie", "après ma retraite", "durant un congé
# sabbatique" (not "d'après", which names a source).
_SITUATION = re.compile(
    r"(?<!\bd )\b(?:pendant|durant|apres|au cours d)\s+(?:un|une|le|la|les|l|mon|ma|mes|son|sa|ses|leur|leurs)\s+"
    r"([a-z][a-z-]{3,}(?:\s+(?:de|d|du|des|en)?\s*[a-z][a-z-]{3,})?)"
)


def unstated_situation(question: str, phrases: CorpusPhrases) -> str | None:
    """A situation the question asks the thing under that the texts never speak of (else None): "Mon CPF reste-t-il
    utilisable après ma retraite ?" → "retraite"; "… pendant un congé sabbatique" → "conge sabbatique". The texts
    name the CPF and say what their abondements cover; under which situations a right of the law applies is the
    law's, not theirs. Used for the things the texts only name (`answerable.names_only`), like the attributes."""
    text = fold(question.replace("’", "'")).replace("'", " ")
    for match in _SITUATION.finditer(text):
        if not phrases.speaks_of(match.group(1)):
            return match.group(1)
    return None
