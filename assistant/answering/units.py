"""Passages cut into quotable units (sentences, list items, table rows) and scored against a question.

The lexical half of the answer writer: which words of the question are its subject (framing words
such as "combien", "peut-il" removed), how rare each is among the retrieved passages, and how much of
that subject a unit covers, with the figure a "combien" question asks for counted in. The meaning half
(e5 similarity) is `assistant.answering.meaning`; the composer combines both.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence

from assistant.answering.answer_types import LARGEST_BOUND, WHO, asked_types, largest_bounds, type_factor
from assistant.answering.conditions import CASES_FOLLOW, MAX_LIST_ITEMS, stated_case
from assistant.answering.conditions import NUMBER_WORDS as _NUMBER_WORDS
from assistant.answering.conditions import TIME_NOUNS as _TIME_NOUNS
from assistant.answering.list_request import asks_list
from assistant.answering.splitting import Unit as Unit  # re-exported: the scorer's callers cut passages too
from assistant.answering.splitting import addresses_the_assistant as addresses_the_assistant
from assistant.answering.splitting import passage_units as passage_units
from ingest.tables import TABLE_MARKER
from knowledge.french import analyze, weighted_query

MAX_UNITS = 6
WHOLE_PASSAGE_CHARS = 900
MIN_UNITS = 3  # the three most relevant sentences are quoted whenever they share a word with the question
CONTEXT_WEIGHT = 0.6
_FIGURE = re.compile(
    r"\d|\b(une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|demi)[- ]"
    r"(an|ans|année|années|mois|heures?|jours?|journée|semaines?|points?|fois)\b",
    re.IGNORECASE,
)
_REFERS_BACK = re.compile(r"^(Il|Elle|Ils|Elles|Celle-ci|Celui-ci|Ce dernier|Ce|Cet|Cette|Ces)\b")
_ASKS_FIGURE = re.compile(
    r"\b(combien|quel(le)?s? (est|sont) (le|la|les) (montant|taux|dur[ée]e|nombre|niveau|num[ée]ro)|"
    r"quelle dur[ée]e|quel niveau|quel num[ée]ro|quel taux|quel montant|au maximum|maximal|minimum|"
    r"touch\w*|per[çc]oi\w*|percevoir|montant|dure|durent|combien de temps)\b",
    re.IGNORECASE,
)
_ENUMERATION = re.compile(
    r"\b(quel(le)?s|lesquel|liste|qui peut|qui sont|lesquelles|conditions|"
    # a request to enumerate, by its verb ("cite-moi toutes les missions", "énumère les publics")
    r"cite[sz]?|citer|énum[èé]r\w*|nomme[sz]?|recense[sz]?)\b",
    re.IGNORECASE,
)


# Words that frame a question rather than carry its subject ("peut-il", "faut-il", "avoir lieu").
_FILLER_TEXT = (
    "peut peuvent pouvoir faut falloir doit doivent devoir dois avoir lieu fait faire quoi combien comment "
    "quand quel quelle quels quelles qui dont sert servir existe exister ai as mon ma mes je suis droit "
    "savoir connaitre dire déjà ça cela donne donner aussi si vais va vas voudrais veux aimerais bonjour merci "
    "svp stp moi me toi te est-ce vraiment bien alors donc vaut valoir fois "
    # A pronoun standing for what is asked ("ceux qui peuvent…") and the verbs of a request to enumerate
    # ("cite-moi", "énumère", "dresse la liste") say how it is asked, not about what.
    "ceux celles cite citer cite-moi énumère énumérer énumère-moi dresse dresser nomme nommer nomme-moi "
    "recense recenser"
)
# "cite-moi toutes les missions": the quantifier after a verb of enumerating says how much is asked; it must not
# pull the lead to "en tout état de cause". Elsewhere it is the subject ("tous nos CQP sont au RNCP ?").
_ENUMERATED_ALL = re.compile(
    r"\b((?:cit|énum[èé]r|enumer|nomm|recens|donn|list|dress)[\wà-ÿ]*(?:-(?:moi|nous))?\s+)tou(?:te)?s\s+",
    re.IGNORECASE,
)
PREFIX = 6  # a light stem: "bénéficier" and "bénéficiaires" meet at "benefi"


def _key(term: str) -> str:
    return term[:PREFIX]


_FILLER = frozenset(_key(t) for t in analyze(_FILLER_TEXT))


def query_weights(question: str) -> dict[str, float]:
    """Subject terms of the question (acronyms expanded), framing words removed."""
    weights: dict[str, float] = {}
    question = _ENUMERATED_ALL.sub(r"\1", question)
    for term, weight in weighted_query(question.replace("%", " pourcentage ")).items():
        key = _key(term)
        if key in _FILLER or not key:
            continue
        weights[key] = max(weights.get(key, 0.0), weight)
    if _SHARE_OF.search(question) and "part" in weights:
        weights[_PARTIAL] = max(weights.get(_PARTIAL, 0.0), weights["part"])
    return weights


# "qu'une partie de la prestation", "une partie des séances": a share of something is said by the texts with the
# adjective ("réalisation totale ou partielle"). One way only, and only the noun with its article: the stemmer
# gives "partie" the stem of "part" ("quelque part", "quelle part"), "en partie" is an adverb, and a sentence's
# "tout ou partie du personnel" must not answer a question's "temps partiel".
_SHARE_OF = re.compile(r"\b(?:une|la|cette|quelle|grande|petite)\s+partie\s+(?:de|du|des|d['’])", re.IGNORECASE)
_PARTIAL = _key("partiel")  # "partielle", "partiellement" meet there (a light stem)


# Words an employee uses for what the texts say otherwise: each group is one subject term when a passage
# is scored ("le plafond annuel" is answered by "au maximum à 252 points par année civile"; "le rôle du
# formateur" by "a pour mission de…"). General French equivalences, never a question's wording.
EQUIVALENT_WORDS = (
    "plafond plafonné maximum maximal",
    "annuel annuellement année",
    "rôle mission",
    "objectif objet finalité",
    "paye payer financement financé",
    "payé versé verser versement",  # "quand est-elle payée ?" ↔ "cette prime est versée en une seule fois"
    "décider définir fixer déterminer",  # "qui décide ?" is answered by "la CPNEFP définit…"
    "issue fin fini terme",  # "une fois l'entretien fini" ↔ "à l'issue de l'entretien"
    "taux pourcentage",  # a "%" in the question is read as "pourcentage" (`query_weights`)
    "emploi métier job",
    "déterminée indéterminée",  # "à durée déterminée ?" is answered by "pour une durée indéterminée"
    "payant gratuit gratuitement",  # "c'est payant ?" is answered by "accessible gratuitement"
    "choisi choisit choisir retenu retient retenir",  # "comment est-on choisi ?" ↔ "le salarié est retenu sur la base…"
    "prorata proratisée mi-temps",  # "à mi-temps, la prime est réduite ?" ↔ "n'est pas proratisée"
    "obligatoire obligé volontariat volontaire",  # "c'est obligatoire ?" is answered by "sur la base du volontariat"
    "dénonciation dénoncer dénoncée retirer résilier résiliation",  # "se retirer de la convention" ↔ "une dénonciation"
    "explicite explicitement clairement expressément",  # "sans le dire clairement" ↔ "une dénonciation explicite"
)


def _equivalents() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group in EQUIVALENT_WORDS:
        keys = {_key(analyze(word)[0]) for word in group.split() if analyze(word)}
        for key in keys:
            table.setdefault(key, set()).update(keys)
    return {key: frozenset(keys) for key, keys in table.items()}


_EQUIVALENTS = _equivalents()


def unit_terms(text: str) -> set[str]:
    """The text's terms (light stems), each with its `EQUIVALENT_WORDS` (memoised by text)."""
    return set(_unit_terms(text))


@functools.lru_cache(maxsize=16384)
def _unit_terms(text: str) -> frozenset[str]:
    terms = {_key(t) for t in analyze(text.replace("%", " pourcentage "))}  # read as `query_weights` reads it
    return frozenset(terms.union(*(_EQUIVALENTS[t] for t in terms if t in _EQUIVALENTS)))


def idf_weights(texts: Sequence[str], terms: Iterable[str]) -> dict[str, float]:
    """Rarer in the retrieved passages → more telling (a local inverse document frequency)."""
    bags = [unit_terms(t) for t in texts]
    n = max(1, len(bags))
    weights: dict[str, float] = {}
    for term in terms:
        df = sum(term in b for b in bags)
        # A word found in no passage ("touche") tells nothing about which sentence answers.
        weights[term] = 1.0 + math.log((n + 1) / (1 + df)) if df else 0.0
    return weights


def score_unit(
    unit_text: str,
    weights: dict[str, float],
    idf: dict[str, float],
    wants_figure: bool,
    context: set[str] | frozenset[str] = frozenset(),
    asked: re.Pattern[str] | None = None,
    kinds: frozenset[str] = frozenset(),
    named_before: str = "",
) -> float:
    """Share of the question's (idf-weighted) terms found in the unit; terms of its heading or
    of the sentence it refers back to ("Il est dispensé par…") count at a discount."""
    if not weights:
        return 0.0
    terms = unit_terms(unit_text)
    total = sum(w * idf.get(t, 1.0) for t, w in weights.items())
    if total <= 0:
        return 0.0
    hit = sum(
        w * idf.get(t, 1.0) * (1.0 if t in terms else CONTEXT_WEIGHT if t in context else 0.0)
        for t, w in weights.items()
    )
    score = hit / total if total else 0.0
    table = unit_text.startswith(TABLE_MARKER)
    of_asked_kind = asked is not None and not table and bool(asked.search(unit_text))
    has_figure = of_asked_kind or (bool(_FIGURE.search(unit_text)) and not table)
    if asked is not None and not of_asked_kind and asked.pattern.startswith(_COUNTED):
        has_figure = False  # "quel niveau ?" is answered by "niveau 3", not by a sentence dated 2016
    if score > 0 and of_asked_kind:
        score *= ASKED_FIGURE_BOOST  # "quel niveau ?" → "ce diplôme de niveau 3", not a sentence dated 2021
    elif score > 0 and has_figure:
        score *= 1.35 if wants_figure else 1.1
    elif wants_figure:
        score *= 0.6  # "combien…?" is answered by a sentence with a figure
    if score > 0 and not table:
        # "quelle part ?" → a percentage (`answer_types`); a pronoun subject is read with the sentence naming it
        score *= type_factor(kinds, f"{named_before} {unit_text}" if named_before else unit_text)
    return score


ASKED_FIGURE_BOOST = 1.6
_ASKED_NOUN = re.compile(
    r"\bcombien\s+(?:de|d['’])\s*([a-zà-ÿ]{3,})|\bquel(?:le)?s?\s+(?:(?:est|sont)\s+(?:le|la|les)\s+)?([a-zà-ÿ]{3,})",
    re.IGNORECASE,
)
_COUNTED = "(?#counted)"  # marks the pattern of a counted noun (see `asked_figure_kind`)
_ASKING_WORD = re.compile(r"\b(?:combien|quel(?:le)?s?|quand|comment|où|pourquoi|qui)\b", re.IGNORECASE)
_COUNTED_NOUN = re.compile(r"(?:niveau|numéro|numero|salarié|tuteur|bloc|point)s?$")
_NOT_A_KIND = frozenset({"est", "sont", "pour", "dans", "cas", "conditions", "condition"})


def asked_figure_kind(question: str) -> re.Pattern[str] | None:
    """A figure of the kind the question asks for: "combien de salariés" → "3 salariés", "quel niveau" →
    "niveau 3", "combien de temps" → any length of time. None when the question names no kind."""
    match = _ASKED_NOUN.search(question)
    noun = (match.group(1) or match.group(2) or "").lower() if match else ""
    counted = _COUNTED_SUBJECT.search(question) if not noun else None
    if counted:  # "Les tuteurs, ils sont combien ?" asks "combien de tuteurs ?"
        noun = counted.group(1).lower()
    if len(noun) < 3 or noun in _NOT_A_KIND:
        return None
    stem = re.escape(noun[:4])
    if _COUNTED_NOUN.match(noun) and len(_ASKING_WORD.findall(question)) == 1:
        # A noun always written with its figure ("niveau 3", "3 salariés"), asked alone: a sentence with
        # another figure does not answer ("créé quand et de quel niveau ?" asks two things: not marked).
        # a level of education is written by the years after the baccalauréat too: "justifier d'un titre à Bac+ 4"
        degree = r"|\bbac\s*\+\s*\d" if noun.startswith("niveau") else ""
        return re.compile(rf"{_COUNTED}\d[\d\u00a0 ,.]*\s?{stem}\w*|\b{stem}\w*\s+(?:n°\s*)?\d{degree}", re.IGNORECASE)
    if noun.startswith(("temps", "dur")):  # "24 heures", and lengths written out: "d'au moins une année"
        # "pour une durée indéterminée" answers "pour combien de temps ?" too: a length with no figure.
        return re.compile(
            rf"(?:\d[\d\u00a0 ,.]*|\b{_NUMBER_WORDS}\s)\s?{_TIME_NOUNS}\b|\bdurée (?:in)?déterminée\b", re.IGNORECASE
        )
    # "six options", "trois blocs": a count written out is a figure of the kind asked too.
    return re.compile(rf"(?:\d[\d\u00a0 ,.]*|\b{_COUNT_WORDS}\s)\s?{stem}\w*|\b{stem}\w*\s+(?:n°\s*)?\d", re.IGNORECASE)


# A subject put in front and counted by its pronoun: "Les formateurs internes, ils sont combien … ?",
# "Ces salariés, combien sont-ils ?". Its head noun is what the question counts.
_COUNTED_SUBJECT = re.compile(
    r"^\s*(?:les|des|ces|nos|vos|leurs)\s+([a-zà-ÿ]{3,})[^,?]{0,60},\s*(?:(?:ils|elles)\s+sont\s+combien|combien\s+sont-(?:ils|elles))",
    re.IGNORECASE,
)
_COUNT_WORDS = r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt)"


def unit_scores(question: str, units: Sequence[Unit], idf: dict[str, float], heading: str = "") -> list[float]:
    """Score every unit of a passage for the question (see `score_unit`)."""
    weights = query_weights(question)
    wants_figure = bool(_ASKS_FIGURE.search(question))
    asked = asked_figure_kind(question) if wants_figure else None
    enumerates = asks_enumeration(question)
    heading_terms = unit_terms(heading) if heading else set()
    kinds = asked_types(question)
    who = WHO in kinds
    scores = []
    previous: set[str] = set()
    naming_text = ""
    for position, unit in enumerate(units):
        context = set(heading_terms)
        if _REFERS_BACK.match(unit.text) or _QUALIFIES.match(unit.text):
            context |= previous  # "Toutefois, … cette durée peut être portée…": the rule it qualifies
        # "qui ?" and "La CPNEFP définit… Elle détermine… À cet égard, elle fixe…": the body a pronoun subject
        # stands for is named up the chain of pronoun subjects.
        pronoun = bool(PRONOUN_SUBJECT.match(unit.text))
        named_before = naming_text if who and pronoun else ""
        value = score_unit(unit.text, weights, idf, wants_figure, context, asked, kinds, named_before)
        if unit.is_header:
            value *= 0.5
        if unit.opens_list and not unit.is_header and _announces_nothing(units, position):
            value *= DANGLING  # "peut exercer les emplois suivants :" followed by no list answers nothing
        if enumerates and (unit.opens_list or unit.is_header):
            value *= 1.3
        scores.append(value)
        previous = unit_terms(unit.text)
        naming_text = naming_text if pronoun else unit.text
    for i, unit in enumerate(units):
        if unit.opens_list and not unit.is_header and scores[i] > 0 and CASES_FOLLOW.search(unit.text):
            case = stated_case(units, i, weights, heading_terms, unit_terms)
            if case is not None:
                lifted = score_unit(f"{unit.text} {case.text}", weights, idf, wants_figure, heading_terms, asked, kinds)
                scores[i] = max(scores[i], lifted * (1.3 if enumerates else 1.0))
    for i, largest in enumerate(largest_bounds(kinds, [u.text for u in units])):
        scores[i] *= LARGEST_BOUND if largest else 1.0
    only = _only_list(units)
    if only is not None and _ASKS_MANY.search(question) and max(scores, default=0.0) > 0:
        # "quels objectifs ?" asked of a passage holding one list ("Les parties signataires ont souhaité :
        # – ajouter … – augmenter … – valoriser …"): the list is the answer, whatever its introduction's words.
        scores[only] = max(scores[only], max(scores) * LIST_ANSWER)
    return scores


LIST_ANSWER = 1.05  # the one list of a passage leads a question asking for several things
# A plural interrogative: the question asks for several things ("quels objectifs", "lesquelles").
_ASKS_MANY = re.compile(r"\b(?:quel(?:le)?s|lesquel(?:le)?s)\b", re.IGNORECASE)
MIN_ITEMS = 2


def _only_list(units: Sequence[Unit]) -> int | None:
    """The introduction of the passage's one list of items (a table is not counted), None when it has none
    or several."""
    openers = [
        i
        for i, unit in enumerate(units)
        if unit.opens_list
        and not unit.is_header
        and sum(1 for u in units[i + 1 : i + 1 + MIN_ITEMS] if u.in_list and not u.is_header) >= MIN_ITEMS
    ]
    return openers[0] if len(openers) == 1 else None


DANGLING = 0.3


def _announces_nothing(units: Sequence[Unit], i: int) -> bool:
    """A list introduction ("… les emplois suivants :") followed by a sentence, not by its items: the list
    is missing from the passage (drawn as a picture in the PDF), so the introduction alone answers nothing.
    The last unit of a passage may announce a list in the next passage: it is not judged here."""
    following = i + 1 < len(units) and not (units[i + 1].in_list or units[i + 1].is_header)
    return following and bool(_ANNOUNCES_LIST.search(units[i].text))


# An introduction that announces a list by name ("les emplois suivants :", "ci-après :"), not a sentence
# ending on a colon before a paragraph of another kind ("… entre les soussignés : D'une part, …").
_ANNOUNCES_LIST = re.compile(r"\b(?:suivante?s?|ci-(?:après|dessous))\s*:\s*$", re.IGNORECASE)


# A sentence that qualifies the one before: its subject is the rule stated there.
_QUALIFIES = re.compile(r"^(?:Toutefois|Cependant|Néanmoins|Par dérogation|Par exception|En revanche)\b")
# A sentence whose subject is a pronoun ("Il est dispensé par…", "À cet égard, elle fixe…"): what it stands for is
# named before it (read by `unit_scores` and `lead.choose_lead` for "qui ?").
PRONOUN_SUBJECT = re.compile(r"^(?:[^,]{2,30},\s*)?(?:Il|Elle|Ils|Elles|il|elle|ils|elles)\b")


def select_units(
    question: str,
    passage: str,
    max_units: int = MAX_UNITS,
    idf: dict[str, float] | None = None,
    budget: int | None = None,
    heading: str = "",
) -> list[Unit]:
    """The units of `passage` that answer `question`, in reading order, lists kept together.

    A short passage (one article of a few sentences) is quoted whole: the agreement's own
    wording, complete, beats a clever excerpt that drops the condition in the next sentence.
    """
    units = passage_units(passage)
    if not units:
        return []
    if len(passage) <= WHOLE_PASSAGE_CHARS:
        return units
    scores = unit_scores(question, units, idf or {}, heading)
    best = max(scores)
    enumerates = asks_enumeration(question)
    if budget is None:
        budget = 900 if _ASKS_FIGURE.search(question) or enumerates else 650
    if best <= 0:
        chosen = {0}
    else:
        chosen = set()
        used = 0
        for rank, i in enumerate(sorted(range(len(units)), key=lambda i: -scores[i])):
            if len(chosen) >= max_units or scores[i] <= 0 or (rank >= MIN_UNITS and scores[i] < best * 0.45):
                break
            if units[i].in_list and scores[i] < best * 0.8:
                continue  # list items come with their introduction, not on their own
            over_budget = chosen and used + len(units[i].text) > budget
            if over_budget and not (enumerates and units[i].in_list and scores[i] >= best * 0.8):
                continue  # a list question keeps every matching row, whatever their length
            chosen.add(i)
            used += len(units[i].text)
    # A chosen list introduction brings its items (or its table); a chosen item its introduction;
    # a sentence that refers back ("Il", "Elle", "Cette prime") brings the one before.
    for i in sorted(chosen):
        if units[i].opens_list:
            j = i + 1
            if j < len(units) and units[j].is_header:
                chosen.add(j)
                j += 1
            while j < len(units) and units[j].in_list and j - i <= MAX_LIST_ITEMS:
                chosen.add(j)
                j += 1
        elif units[i].in_list:
            k = i - 1
            while k >= 0 and units[k].in_list:
                k -= 1
            if k >= 0 and (units[k].opens_list or units[k].is_header):
                chosen.add(k)
        elif i > 0 and _REFERS_BACK.match(units[i].text) and not units[i - 1].in_list:
            chosen.add(i - 1)
    return [units[i] for i in sorted(chosen)]


def continues(sentence: str) -> bool:
    """Whether a sentence goes on from the one before it: it refers back ("Cette durée…", "Il…") or qualifies it
    ("Toutefois, …"), so it speaks of what that sentence named."""
    return bool(_REFERS_BACK.match(sentence) or _QUALIFIES.match(sentence))


ASKS_FIGURE = _ASKS_FIGURE  # "combien", "quel montant", "quelle durée"… (the lead puts the figure first)
ENUMERATION = _ENUMERATION  # "quels", "qui peut", "conditions"… (a list answers)


def asks_enumeration(question: str) -> bool:
    """A list answers the message: a word asking for several things ("quels", "conditions", "cite") or a request for
    a list by its form ("liste-moi", "point par point", "en puces": `list_request`)."""
    return bool(_ENUMERATION.search(question)) or asks_list(question)


REFERS_BACK = _REFERS_BACK  # "Il", "Elle", "Celle-ci"… (a sentence that needs the one before)
# Words that say which kind of figure a question asks for ("quelle durée", "combien de temps"), not its subject.
FIGURE_FRAMING = frozenset(_key(t) for t in analyze("durée dure durent temps montant nombre taux"))
