"""When the texts are silent on a detail of a rule they do set, say so, then give the nearest rule.

Why (issues #13 p3 and #21): "La prime de tuteur est-elle soumise aux cotisations ?", "le tuteur a-t-il
deux heures par semaine ?", "l'écrit du CQP dure combien de temps ?" are about a rule the texts set (the
tutor bonus, the tutor's time, the CQP's exams), but they ask an ATTRIBUTE of it that no passage states.
Quoting the rule as if it answered misleads ("Oui : la prime est versée…" to "en chèque ou par
virement ?"); refusing loses the rule the employee needs. The right answer says which detail the texts do
not state, in the user's own words, then the rule they do state, cited.

The mechanism reads two things, neither from a list of questions:
- the asked attribute, from the question's grammar: what kind of detail it asks (`Detail.kind`: social
  charges and tax, a format or modality, an expense item, a frequency or time of day, a duration or
  delay, a count, a later year of a rule dated by years, the form of a request, working time), and
  the words naming it;
- whether the subject's passages state that attribute, from the texts' own drafting: each kind of
  attribute has the forms a text uses to state it ("d'une durée de", "N heures", "au maximum N
  salariés", "pour les années 2023 à 2025", "cotisations", "présentiel ou distanciel"). A duration or a
  count must be stated in a sentence naming the subject's head noun (the oral's "40 à 45 mn" does not
  state the written exam's length).

Criterion against the scope check (scope9, `answerable`): a detail of a rule the texts SET is answered
here, only on the retrieval route, after the scope check let the question through; an attribute of
something the texts only NAME (a certification's pay, its success rate) has no kind here and stays with
the scope check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from assistant.answering import wording
from assistant.answering.glossary_places import GlossaryReading, led_to_section, lifted_by_model
from assistant.answering.silent_kinds import KINDS, NUMBER, Kind, rx
from assistant.answering.splitting import passage_units
from assistant.routing.subject import asks_the_law, subject_phrase
from knowledge.french import analyze
from knowledge.hybrid import Evidence
from text.folding import same_length

TOP = 5  # the subject's passages: the best five of the search (as the scope check reads them)
DEEP = 10  # a duration or a count is looked for in sentences naming the subject's head: the best ten passages

# A rule the texts date by years ("Pour les années 2023 à 2025, le taux … est maintenu à 0,15 %", "pour l'année
# 2013", "jusqu'au 31 décembre 2019"): a question about a later year finds no rule for it.
_DATED = rx(
    r"\b(?:pour|au titre de) (?:les annees|l.annee|l.exercice) (20\d\d)(?: (?:a|et|-) (20\d\d))?|"
    r"\bjusqu.au \d{1,2}(?:er)? \w+ (20\d\d)\b"
)
_YEAR = re.compile(r"\b(20\d\d)\b")
# "juin 2026", "le 1er mars 2027": the year of a date in the user's case, not a year asked of a rule
_DAY = re.compile(
    r"(?:\b\d{1,2}(?:er)?|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\s*$"
)


@dataclass(frozen=True)
class Detail:
    """The asked detail the subject's passages do not state."""

    kind: str
    words: str  # the user's words naming it, as typed
    noun: str  # the generic name, for words holding a figure
    remainder: str  # the question without those words: what the nearest rule is searched and composed for

    def sentence(self) -> str:
        """ "Les textes ne précisent pas le régime social et fiscal (« soumise aux cotisations sociales »)."."""
        return wording.texts_silent_on(self.noun, self.words)


def _fold(text: str) -> str:
    return same_length(text).lower().replace("\u2019", "'")


def asked_details(question: str) -> list[tuple[Kind, tuple[int, int]]]:
    """Every kind of detail the question asks, with the span of its words (the grammar of the question only)."""
    folded = _fold(question)
    found: list[tuple[Kind, tuple[int, int]]] = []
    for kind in KINDS:
        match = kind.asked.search(folded)
        if match:
            start, end = match.span()
            other = _ALTERNATIVE.match(folded, end)  # "le matin ou l'après-midi": both alternatives are the detail
            end = other.end() if other else end
            if kind.in_sentence:  # "combien d'heures d'épreuve": the unit's complement belongs to the detail
                complement = _COMPLEMENT.match(folded, end)
                end = complement.end() if complement else end
            found.append((kind, (start, end)))
    return found


_COMPLEMENT = re.compile(r" (?:de |d')(?!la |le |les |l')[\w-]+")


_ALTERNATIVE = re.compile(r" ou (?:(?:l'|le |la |les |en |par |a |au |sur )?(?!une?\b|des\b)[\w-]+)(?=[\s?!.,]|$)")


def _subject(question: str, span: tuple[int, int]) -> tuple[str, str]:
    """The question without the detail's words (and its years), and the head noun phrase of what is left."""
    rest = _YEAR.sub(" ", question[: span[0]] + " " + question[span[1] :])
    return rest, subject_phrase(rest, predicate=False) or subject_phrase(rest)


def _head(rest: str, phrase: str, known: set[str]) -> set[str]:
    """The analysed terms of the subject's head noun: the first word of the head noun phrase of the question
    without the detail's words ("l'écrit du CQP … combien d'heures d'épreuve" → "écrit"), with the word right
    after it when no preposition stands between them ("l'épreuve écrite": "épreuve écrite", not the oral's
    "épreuve orale"; "la formation garantie"). A year is when, not what ("En 2028, la prime…": "prime"); a word
    the passages never use cannot name their subject ("euh la pro a…": "pro")."""
    words = [w for w in phrase.split() if set(analyze(w)[:1]) <= known and analyze(w)]
    if not words:
        return set()
    head = set(analyze(words[0])[:1])
    folded = " ".join(_fold(rest).replace("'", " ").split())
    if len(words) > 1 and re.search(rf"\b{re.escape(words[0])} {re.escape(words[1])}\b", folded):
        head.update(analyze(words[1])[:1])
    return head


def _name_of_head(rest: str, phrase: str, known: set[str]) -> set[str]:
    """The name written in capitals right after the subject's head noun ("le module PASS", "l'option RECOUVREMENT"):
    a table row names the thing by its name alone ("Organisme(s) de formation : PASS formation; Durée totale En
    jours : 5,5", convention, art. 7), without the head noun the question puts before it."""
    first_word = phrase.split()[:1]
    tokens = rest.replace("'", " ").replace("’", " ").split()
    for first, second in pairwise(tokens):
        name = second.strip("?,.;:!")
        if first_word and _fold(first).lower() == first_word[0] and len(name) >= 3 and name.isupper():
            terms = set(analyze(name)[:1])
            return terms if terms and terms <= known else set()
    return set()


def _heads(question: str, span: tuple[int, int], known: set[str]) -> list[set[str]]:
    """The head of the question's subject (and the name written after it), and of its last clause when a comma sets
    a frame before it ("Au CQP gestionnaire conseil, l'épreuve écrite compte pour … ?": the written exam's row
    states it)."""
    rest, phrase = _subject(question, span)
    heads = [_head(rest, phrase, known), _name_of_head(rest, phrase, known)]
    # "… et en combien de temps le jury national publie-t-il … ?": the subject inverted after the detail
    after = question[span[1] :]
    heads.append(_head(after, subject_phrase(after, predicate=False) or subject_phrase(after), known))
    # "quelle durée d'expérience faut-il … ?": the detail's own complement names what is measured
    complement = re.search(r"(?:\bde |\bd')([\w-]+)\s*$", _fold(question[span[0] : span[1]]))
    if complement is not None:
        heads.append(set(analyze(complement.group(1))[:1]) & known)
    before = question[: span[0]]
    if "," in before:
        cut = before.rindex(",") + 1
        heads.append(_head(*_subject(question[cut:], (span[0] - cut, span[1] - cut)), known))
    return [h for h in heads if h]


def _sentences_naming(head: set[str], passages: Sequence[Evidence]) -> list[str]:
    """The sentences, list items and table rows of the passages that name the head noun, or follow one that does
    (a pronoun takes the head up: "Il bénéficie du temps nécessaire…")."""
    found: list[str] = []
    for evidence in passages:
        previous = False
        for unit in passage_units(evidence.chunk.text):
            names = head <= set(analyze(unit.text))
            if names or (previous and _TAKEN_UP.match(unit.text)):
                found.append(_fold(unit.text) + (_ROW if unit.in_list else ""))
            previous = names
    return found


def _titled(heads: list[set[str]], kind: Kind, passages: Sequence[Evidence]) -> list[str]:
    """The sentences of a section whose own title names the subject and the detail: "3.4. Durée et nature du
    contrat" states the contract's length in "La durée de l'action de professionnalisation est comprise entre 6 et
    12 mois", although the sentence names the action."""
    detail = {_singular(w) for w in _words(kind.noun) if len(w) > 3}
    found: list[str] = []
    for evidence in passages:
        title = evidence.chunk.section_title
        if detail & {_singular(w) for w in _words(title)} and any(h <= set(analyze(title)) for h in heads):
            found.extend(_fold(u.text) for u in passage_units(evidence.chunk.text))
    return found


_ROW = "\x00"  # marks a table row or list item: its figures stand in cells ("Total/200 : /60"), not before a noun


# A sentence opening on a pronoun or a demonstrative takes the previous sentence's subject up.
_TAKEN_UP = re.compile(r"^(?:Il|Elle|Ils|Elles|Celui-ci|Celle-ci|Ceux-ci|Celles-ci|Ce|Cette|Ces|Cet)\b")


def _states_count(noun: str, sentence: str) -> bool:
    """A sentence of the subject states the count: the noun after a figure, a bound ("au maximum, 3"), a row's
    figure."""
    if sentence.endswith(_ROW) and re.search(r"\d", sentence):
        return True
    if re.search(rf"\bau (?:maximum|plus|moins),? {NUMBER}\b", sentence):
        return True
    stem = analyze(noun)[:1]
    terms = analyze(sentence)
    near = [i for i, t in enumerate(terms) if t[:1].isdigit()]  # "absence rémunérée de 1 demi-journée"
    return bool(stem) and any(t == stem[0] and any(abs(i - j) <= 4 for j in near) for i, t in enumerate(terms))


_BOUND_ASKED = re.compile(r"\b(?:max|maxi|maximum|maximal\w*|au plus|minimum|minimal\w*|au moins|plafond\w*)\b")
_BOUND = re.compile(rf"\b(?:au (?:maximum|plus|moins)|dans la limite (?:de|d')),? (?:de )?{NUMBER}\b")


# A plural pronoun taking the counted subject up, then a figure of people or things (not a unit of measure): "Les
# assistants de service social exercent … Ils représentent plus de 2 500 salariés" (annexe 2 of the avenant) counts
# the assistants in other words than their name.
_COUNTED_BY_PRONOUN = re.compile(
    r"^(?:ils|elles)\b(?=.*\b\d+(?:[ .,]\d+)*\s+(?!(?:h|heures?|jours?|semaines?|mois|ans?|annees?|points?|euros?|"
    r"pour)\b)[a-z]{3,})"
)


def _figured(noun: str, sentence: str) -> bool:
    """The asked noun right after a figure ("7 points", "3 salariés"): the count of that very thing, wherever."""
    stem = analyze(noun)[:1]
    return bool(stem) and any(analyze(m.group(1))[:1] == stem for m in re.finditer(rf"\b{NUMBER} (\w+)", sentence))


def _sentences_sharing(question: str, span: tuple[int, int], passages: Sequence[Evidence]) -> list[str]:
    """The sentences sharing two analysed terms with the question without its detail: the subject said in other
    words than its head ("… entre une session d'examen et la réunion du jury" → "Il se réunira dans un délai
    maximal d'un mois après chaque session d'examen")."""
    terms = set(analyze(_YEAR.sub(" ", question[: span[0]] + " " + question[span[1] :])))
    if len(terms) < 2:
        return []
    return [
        _fold(u.text) for e in passages for u in passage_units(e.chunk.text) if len(terms & set(analyze(u.text))) >= 2
    ]


def _later_year(question: str, passages: Sequence[Evidence], today: date) -> tuple[int, int] | None:
    """The span of a year asked after the last year a dated rule of the passages covers, if any."""
    folded = _fold(question)
    asked = [
        m for m in _YEAR.finditer(question) if int(m.group(1)) >= today.year and not _DAY.search(folded[: m.start()])
    ]
    if not asked:
        return None
    last = 0
    for evidence in passages[:2]:  # the rule asked about is the best passage's, not any dated one nearby
        for match in _DATED.finditer(_fold(evidence.chunk.text)):
            years = [int(y) for y in match.groups() if y]
            last = max(last, *years)
    if not last:
        return None
    for match in asked:
        if int(match.group(1)) > last:
            return match.span()
    return None


def unstated_detail(question: str, evidence: Sequence[Evidence], today: date, top: int = TOP) -> Detail | None:
    """The first detail the question asks that the subject's passages do not state, or None.

    None when the question asks no detail of a kind above, or when the passages state each one asked:
    "à combien de points s'élève la prime du tuteur ?" is stated ("7 points par mois"), and so is
    "l'absence pour le CEP dure combien de temps ?" ("1 demi-journée")."""
    deep = list(evidence[: max(top, DEEP)])
    passages = deep[:top]
    if not passages:
        return None
    year = _later_year(question, passages, today)
    if year is not None:
        rest = question[: year[0]] + question[year[1] :]
        return Detail("year", question[year[0] : year[1]], "la règle applicable à l'année demandée", rest)
    known = {term for e in deep for term in analyze(e.chunk.text)}
    for kind, span in asked_details(question):
        words = question[span[0] : span[1]].strip()
        heads = _heads(question, span, known)
        if kind.in_sentence:
            naming = [t for h in heads for t in _sentences_naming(h, deep)]
            sentences = naming + _sentences_sharing(question, span, deep)
            sentences += _titled(heads, kind, deep)
            if kind.name == "count":
                counted = re.search(r"combien (?:de |d')(\S+)", _fold(question)[span[0] : span[1]])
                noun = counted.group(1) if counted else ""
                every = [_fold(u.text) for e in passages for u in passage_units(e.chunk.text)]
                stated = any(_states_count(noun, s) for s in sentences) or any(_figured(noun, s) for s in every)
                stated = stated or any(_COUNTED_BY_PRONOUN.match(s) for s in naming)
                # a thing the passages never name ("combien d'alternants") may be counted under their own word
                # ("3 salariés"): not judged
                stated = stated or not set(analyze(noun)[:1]) <= known
                # "combien d'alternants max": a bound asked is stated by a bound of the passages ("au maximum, 3")
                stated = stated or bool(_BOUND_ASKED.search(_fold(question)) and any(_BOUND.search(t) for t in every))
            else:
                stated = any(kind.stated.search(s) for s in sentences)
        else:  # the passages naming the subject's head (in either clause), else the best three
            own = [e for e in passages if any(h <= set(analyze(e.chunk.text)) for h in heads)] or passages[:3]
            stated = any(kind.stated.search(_fold(e.chunk.text)) for e in own)
        if not stated:
            rest = question[: span[0]] + f" {kind.stands_for} " + question[span[1] :]
            return Detail(kind.name, words, kind.noun, " ".join(rest.split()))
    return None


def detail_and_passages(
    question: str, evidence: Sequence[Evidence], today: date, search: Callable[[str], list[Evidence]]
) -> tuple[Detail, list[Evidence]] | None:
    """The detail no passage of the subject states, and the passages to compose the nearest rule from.

    The question's own search may miss the passage that states the detail (its words pull towards other
    passages), so a detail found unstated is checked again in the best passages of the subject alone (the
    question without the detail, `Detail.remainder`) as well; those come first for the nearest rule."""
    detail = unstated_detail(question, evidence, today)
    if detail is None:
        return None
    found = search(detail.remainder)
    seen = {e.id for e in found}
    merged = found + [e for e in evidence if e.id not in seen]
    best = found[:TOP] + [e for e in evidence[:TOP] if e.id not in seen]
    pool = best + [e for e in found[TOP:DEEP] + list(evidence[TOP:DEEP]) if e not in best]
    detail = unstated_detail(question, pool, today, top=len(best))
    return (detail, merged) if detail is not None else None


def refused_for_its_detail(
    question: str,
    today: date,
    search: Callable[[str], list[Evidence]],
    is_silent: Callable[[str, list[Evidence]], bool],
) -> tuple[Detail, list[Evidence]] | None:
    """A question the scope check refused only for the words of its detail: the detail and its subject's passages.

    "Le tuteur a-t-il droit à une décharge horaire chiffrée ?" holds words no passage speaks of ("décharge
    horaire"), so the scope check finds no passage on its subject; without the detail's words the subject is
    the tutor, which the texts set rules for. The same check (`is_silent`, the scope check's own) decides on
    the question without the detail: an out-of-scope subject ("le congé maternité dure combien de temps ?")
    stays refused, and so does a question that asks the legal rule ("selon le code du travail, pas la convention")."""
    if asks_the_law(question):
        return None
    for kind, span in asked_details(question):
        rest = " ".join((question[: span[0]] + f" {kind.stands_for} " + question[span[1] :]).split())
        if len(analyze(rest)) < 2:
            continue
        evidence = search(rest)
        if not evidence or is_silent(rest, evidence):
            continue
        # a rule the texts set has its own heading ("… compétences du tuteur"): every word of the subject must be
        # in the headings of the best passages; "la formation AFGSU", only named in a list, stays refused
        # (the words themselves, not their stems: "assister à ma cérémonie" is not "assistante de service social")
        titles = " ".join(f"{e.chunk.section_path} {e.chunk.section_title}" for e in evidence[:3])
        headings = {_singular(w) for w in _words(titles)}
        words = [_singular(w) for w in _words(subject_phrase(rest)) if not w[:1].isdigit()]
        if not words or not all(word in headings for word in words):
            continue
        detail = unstated_detail(question, evidence, today)
        if detail is not None:
            return detail, evidence
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[\w-]+", _fold(text))


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


# The lead's opener: oui/non, the figure read off the sentence, or "En bref" (assistant.answering.wording.lead_line).
_OPENER = re.compile(r"^(?:[^\n:]{1,40}) : ")


def silent_answer(detail: Detail, composed: str) -> str:
    """The silence sentence, then the nearest rule composed for the rest of the question.

    The composed lead's opener is replaced: a "Oui"/"Non" or a figure in front would answer the detail the
    texts do not state ("Oui : la prime est versée…" to "en chèque ou par virement ?")."""
    if not composed:
        return detail.sentence()
    lead = _OPENER.sub("", composed, count=1) if _OPENER.match(composed) else composed
    return f"{detail.sentence()} {wording.NEAREST_RULE} : {wording.lower_first(lead)}"


@dataclass(frozen=True)
class DetailReading:
    """What the retrieval step composes from: the question (without a detail no passage states), its
    passages, and the detail to name first ("Les textes ne précisent pas …"), if any."""

    query: str
    evidence: list[Evidence]
    detail: Detail | None


def read_for_detail(
    query: str,
    evidence: list[Evidence],
    today: date,
    search: Callable[[str], list[Evidence]],
    is_silent: Callable[[str, list[Evidence]], bool],
    glossary: GlossaryReading | None = None,
) -> DetailReading | None:
    """The question as the retrieval step answers it; None when the texts do not speak of its subject (refuse).

    A question the texts are silent on may be refused only for its detail's words (`refused_for_its_detail`);
    one they answer may still ask a detail no passage of the rule states (`detail_and_passages`). Before refusing,
    a passage of the section the trained models read the question as asking (`glossary_places.lifted_by_model`,
    with the question's `glossary` reading) is put first if it is among the best and then answers; then the passages
    of the section the model alone names with confidence (`glossary_places.led_to_section`, searched by its heading
    when retrieval missed it), which answer when the same check passes on them."""
    if asks_the_law(query):  # the legal rule asked: the texts' nearest rule is not its answer
        return None if not evidence or is_silent(query, evidence) else DetailReading(query, evidence, None)
    silent = not evidence or is_silent(query, evidence)
    if silent:
        lifted = lifted_by_model(query, evidence, glossary)
        if lifted is not None and not is_silent(query, lifted):
            evidence, silent = lifted, False
    led: list[Evidence] = []
    if silent:  # prop14: the section the model alone names with confidence, searched by its heading when not found
        led = led_to_section(query, evidence, glossary, search) or []
        if led and not is_silent(query, led):
            evidence, silent = led, False
        else:
            led = []
    if silent:
        found = refused_for_its_detail(query, today, search, is_silent)
    else:
        found = detail_and_passages(query, evidence, today, search)
        if found is None:
            return DetailReading(query, evidence, None)
    if found is None:
        return None
    detail, passages = found
    if led:  # the nearest rule is the section's own: the remainder's search comes after its passages
        passages = led + [e for e in passages if e.id not in {item.id for item in led}]
    return DetailReading(detail.remainder, passages, detail)
