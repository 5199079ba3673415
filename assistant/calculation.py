"""The calculator route's two steps, kept apart from the service that sequences the routes.

`outside_the_rule` decides whether a question the router sent to a calculator (or to a clarification) is
about the rule that calculator applies at all, with the same subject check as retrieval's, so that an
out-of-scope question does not escape it by carrying a date or a contract type. `calculate` answers every
calculation a message asks (`asked_calculations`), each with its formula and the articles it
applies, cited in one list. Both take the service's search and citation book as callables, so this module
holds no state and the service stays a plain sequence of steps.

A message asking two things that two calculators answer gets both computed, in the order asked
(`asked_calculations`): "CDI, CAP, elle prépare une VAE pour le DE d'aide-soignant : combien d'heures de congé,
et ce diplôme est-il accessible en Pro-A ?" asks the VAE leave (avenant art. 2) and the Pro-A list (annexe 1).
The message is cut into its asking clauses by its grammar (`answering.clauses.asking_parts`), each clause is
routed alone with the context said first, and every clause another calculator answers with the message's facts
is computed too; the calculator the whole message was routed to keeps its own reading. It lives here, above
routing and answering, because it uses both.
"""

from __future__ import annotations

import json
import re
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache

from assistant.answer import Answer, ToolCall
from assistant.answering import wording
from assistant.answering.answerable import (
    CALCULATION_OUTSIDE_SHARE,
    names_foreign_member,
    names_foreign_subject,
    off_subject,
    qualified_elsewhere,
    reads_as_topic,
)
from assistant.answering.attributes import asks_price, unstated_attribute
from assistant.answering.census import asked_census, unstated_census
from assistant.answering.citations import CitationBook
from assistant.answering.clauses import asking_parts
from assistant.answering.composer import compose_calculation
from assistant.answering.corpus_words import CorpusPhrases, CorpusWords
from assistant.answering.qualifiers import foreign_qualifier, named_actors
from assistant.answering.references import Search, cite_passages, reference_passages
from assistant.answering.units import select_units
from assistant.routing.case_owner import of_the_person, someone_else
from assistant.routing.extraction.folding import fold
from assistant.routing.extraction.quantities import parse_day_length
from assistant.routing.extraction.spelled import spell_digits
from assistant.routing.meaning import Reading
from assistant.routing.own_case import under_another_agreement
from assistant.routing.router import RouteDecision, route
from assistant.tools import run_calculator
from calculators.horizon import at_horizon
from calculators.hours_in_days import hours_in_days
from calculators.result import CalcError, CalcResult
from knowledge.hybrid import Evidence
from text.folding import same_length

# Above this share of out-of-scope reading, the best passage being the applied article does not keep a calculation
# from the subject check: a question mostly about something else may still land on the closest article.
APPLIED_ARTICLE_OUTSIDE_SHARE = 0.6


_RESULTS: OrderedDict[tuple[str, str, date], CalcResult] = OrderedDict()
_KEPT = 16  # the results of the last few decisions: one answer reads its calculation at most twice


def run_once(decision: RouteDecision) -> CalcResult:
    """The routed calculator's result, computed once for one answer however many steps read it.

    The subject check (`applies`) and the calculation (`calculate`) both need the result of the same decision;
    a calculator is a pure function of its arguments (and of today's date when none is given, hence the key),
    so the second reading takes the first one's result. `CalcError` is raised each time, never kept.
    """
    name = decision.calculator or ""
    key = (name, json.dumps(decision.json_arguments(), sort_keys=True, default=str), date.today())
    if key in _RESULTS:
        _RESULTS.move_to_end(key)
        return _RESULTS[key]
    result = run_calculator(name, decision.arguments)
    _RESULTS[key] = result
    while len(_RESULTS) > _KEPT:
        _RESULTS.popitem(last=False)
    return result


def applies(decision: RouteDecision, evidence: list[Evidence]) -> bool:
    """Whether one of `evidence` is an article the routed calculator applies (its result's references)."""
    try:
        result = run_once(decision)
    except CalcError:  # an impossible or missing input: explained later, by the calculation or the question back
        return False
    wanted = {(r.document, r.section) for r in result.references}
    return any(
        doc == d and (sec == w or sec.startswith(w + ".") or w.startswith(sec + "."))
        for e in evidence
        for doc, sec in e.sources
        for d, w in wanted
        if sec and w
    )


# A year, which dates what is asked ("en 2026") and is no figure to compute from.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _own_figure(query: str) -> bool:
    """The question gives a figure of its own, a year apart ("pour 14 stagiaires", "2 M€"): what a calculation
    computes from."""
    return bool(re.search(r"\d", _YEAR.sub("", query)))


def _timed(search: Search, query: str, k: int, timings: dict[str, float]) -> list[Evidence]:
    """`search(query, k)`, its time recorded as the answer's retrieval time (each of the subject checks' searches)."""
    t = time.perf_counter()
    found = search(query, k)
    timings["retrieve"] = (time.perf_counter() - t) * 1000
    return found


def outside_the_rule(
    query: str,
    decision: RouteDecision,
    vocabulary: CorpusWords,
    phrases: CorpusPhrases,
    search: Search,
    timings: dict[str, float],
) -> bool:
    """A calculation or clarification whose question is about something else: refused instead.

    The router picks a calculator on its cues and facts; the subject check (`off_subject`) is the same as
    retrieval's. One extra search, only when the bank reads the question partly out of scope or its subject
    holds a word the texts never use.
    """
    if decision.route not in ("calculator", "clarify"):
        return False
    if under_another_agreement(fold(query)):  # "ma sœur, dans une mutuelle : … selon sa convention collective ?"
        return True
    # "le CQP coiffeur": no rule of the texts applies (unless the bank reads the topic clearly)
    foreign = not reads_as_topic(decision) and names_foreign_subject(query, vocabulary)
    foreign = foreign or names_foreign_member(query, vocabulary)  # "le CQP coiffeur": another branch's
    if foreign_qualifier(query, vocabulary, phrases):  # "un contrat pro dans le BTP": another branch's rule
        return True
    # a statistic is no calculation (oos19): "combien d'accompagnateurs AFEST ont été reconnus depuis 2022 ?" names
    # the trainer's bonus, whose calculator would count the asker's months; refused when no best passage states the
    # count (`census`), as retrieval does
    # the census and the price checks read the same five best passages: searched once, when one of them asks
    best_five = cache(lambda: _timed(search, query, 5, timings))
    if asked_census(query, phrases) is not None and unstated_census(query, best_five(), phrases) is not None:
        return True
    # a price asked, with no figure of the user's to compute it from (oos19): "quel est le prix par stagiaire du module
    # Prem'ss ?" names the CQP course, whose calculator gives hours; the convention leaves its price blank ("coût
    # unitaire H.T .....X....."), so no best passage states an amount (`unstated_attribute`)
    if (
        decision.calculator != "contribution"
        and asks_price(query)
        and not _own_figure(query)
        and unstated_attribute(query, best_five(), vocabulary, phrases) == "prix"
    ):
        return True
    if decision.outside < CALCULATION_OUTSIDE_SHARE and not foreign and not named_actors(query):
        return False
    evidence = _timed(search, query, 3, timings)
    if qualified_elsewhere(query, evidence, vocabulary, phrases):  # "l'État nous verse…"
        return True
    # "on envisage de recruter en mars deux jeunes en contrat pro sur des postes de niveau 3 : quel coefficient
    # minimal ?": the best passage is the very article the calculator applies (art. 3.6): the rule's question
    if not foreign and decision.outside < APPLIED_ARTICLE_OUTSIDE_SHARE and applies(decision, evidence[:1]):
        return False
    return off_subject(query, evidence, decision, foreign)


MAX_CALCULATIONS = 3  # as many as `asking_parts` cuts at most


def asked_calculations(
    question: str,
    decision: RouteDecision,
    today: date,
    meaning: Callable[[str], Reading | None] | None = None,
    *,
    case: bool = False,
) -> list[RouteDecision]:
    """The calculations the message asks, in the order of its clauses; `[decision]` when it asks one."""
    if decision.route != "calculator" or not decision.calculator:
        return [decision]
    parts = asking_parts(question)
    if len(parts) < 2:
        return [decision]
    found: list[RouteDecision] = []
    for part in parts[:MAX_CALCULATIONS]:
        asked = part if part.rstrip().endswith("?") else part.rstrip() + " ?"
        alone = route(asked, today, meaning, case=case)
        if alone.route != "calculator" or not alone.calculator:
            continue
        if alone.calculator == decision.calculator:
            alone = decision  # the whole message's reading of its own calculator
        if all(d.calculator != alone.calculator for d in found):
            found.append(replace(alone, injection=decision.injection))
    if all(d.calculator != decision.calculator for d in found):
        found.insert(0, decision)
    return found if len(found) > 1 else [decision]


def calculate(
    question: str,
    query: str,
    decision: RouteDecision,
    today: date,
    *,
    case: bool,
    read_meaning: Callable[[str], Reading | None],
    new_book: Callable[[], CitationBook],
    search: Search,
    timings: dict[str, float],
) -> Answer:
    """The calculation asked, or each of those a message asks in its clauses (`asked_calculations`), one after
    the other with their articles cited in one list; a second one that cannot run is left out."""
    asked = asked_calculations(query, decision, today, read_meaning, case=case)
    book = new_book()
    texts: list[str] = []
    calls: list[ToolCall] = []
    for each in asked:
        name = each.calculator or ""
        t = time.perf_counter()
        try:
            result: CalcResult = run_once(each)
        except CalcError as exc:
            timings["calculate"] = (time.perf_counter() - t) * 1000
            if each is not decision:
                continue
            return Answer(question, wording.calculation_impossible(str(exc)), "clarify", follow_up=str(exc))
        timings["calculate"] = (time.perf_counter() - t) * 1000
        if each.horizon is not None:  # "D'ici mars 2027, …": the rule's date, and whether it falls by then
            result = at_horizon(result, each.horizon)
        days = parse_day_length(spell_digits(query))
        if days is not None:  # "à combien de demi-journées de quatre heures correspond le congé ?"
            result = hours_in_days(result, days[0], half=days[1])
        t = time.perf_counter()
        passages = reference_passages(search, result.references, each.topic_query or query)
        timings["retrieve"] = (time.perf_counter() - t) * 1000
        numbers = cite_passages(book, passages, each.topic_query or query)
        text = compose_calculation(_said_of_person(result, query), numbers)
        if each is decision:  # "durée, part de formation, salaire": what the calculator left unanswered, cited
            text += rest_of_question(query, result, book, search)
        notes = [n for n in each.notes if n]
        if notes:
            text += "\n\n" + wording.assumptions(notes)
        texts.append(text)
        calls.append(ToolCall(name=name, arguments=each.json_arguments(), result=result.to_dict()))
    return Answer(question, "\n\n".join(texts), "calculator", citations=book.citations(), tool_calls=calls)


def _said_of_person(result: CalcResult, query: str) -> CalcResult:
    """The result's sentence and warnings said of the person whose case the question tells, when it is someone
    else's (an adviser's "Léa n'a que le brevet : combien d'heures de congé VAE ?"): "car son niveau de
    qualification…", not "votre", which would speak of the adviser (`case_owner`, as the questions back)."""
    folded = fold(query)
    if not someone_else(query, folded):
        return result
    return replace(
        result,
        summary=of_the_person(result.summary, folded),
        warnings=[of_the_person(w, folded) for w in result.warnings],
    )


# What a calculation leaves of the question (issue #13 p1): "Résume-moi tout ce à quoi j'ai droit en Pro-A … : durée,
# part de formation, salaire" lists three things, the duration calculator answers one; "entre le congé VAE et une
# Pro-A, lequel me donne le plus d'heures ?" names two schemes, the VAE leave's calculator answers one. The rest is
# answered from the texts, cited, never dropped nor replaced by a question back.
_FINAL_LIST = re.compile(r":\s*(?P<items>[^:?!;]{3,140}?)\s*[.?!]*\s*$")
_ITEM_SPLIT = re.compile(r"\s*(?:,|\bet\b|\bou\b)\s*")
_BETWEEN = re.compile(
    r"\bentre (?:les? |la |l'|une? |des )?(?P<a>[^,;:?]{2,40}?) et (?:les? |la |l'|une? |des )?(?P<b>[^,;:?]{2,40}?)"
    r"\s*(?:,|\?|$)"
)
_ARTICLE = re.compile(r"^(?:(?:les?|la|une?|des|du|de|mon|ma|mes)\s+|l'\s*|d'\s*)")
# A list item that asks ("quand", "à quel tarif", "c'est combien"), or is a circumstance ("pour préparer …") or a
# fact ("employé en CDI"), is no thing asked by its name: only noun phrases make the list ("durée, salaire").
_NOT_A_NOUN = re.compile(
    r"\b(?:quel\w*|quand|combien|comment|qui|ou|pourquoi|est|c'est|peut|puis|dois|sont|ai|suis)\b|^(?:pour|a|sur|en|avec|"
    r"dans|par|si|chez)\b|\b(?:cdi|cdd|titulaire|employee?|salariee?)\b|\d"
)
_STOP = {"avec", "pour", "dans", "plus", "moins", "quel", "quelle", "quels", "quelles", "tout", "tous", "cette"}


def asked_aspects(query: str) -> tuple[list[str], bool]:
    """The things a message asks side by side, and whether they are two sides compared: the items of a final list
    after a colon ("… : durée, part de formation, salaire"), or the two sides of "entre X et Y"."""
    folded = same_length(query).lower()  # positions kept: the aspects are shown in the user's own words
    between = _BETWEEN.search(folded)
    if between:
        return [_ARTICLE.sub("", between["a"]).strip(), _ARTICLE.sub("", between["b"]).strip()], True
    listed = _FINAL_LIST.search(folded)
    if not listed:
        return [], False
    items = [_ARTICLE.sub("", i).strip() for i in _ITEM_SPLIT.split(listed["items"]) if i.strip()]
    if not 2 <= len(items) <= 6 or any(len(i.split()) > 4 or not _content(i) or _NOT_A_NOUN.search(i) for i in items):
        return [], False
    # "… : le congé VAE ou la Pro-A ?": two things set against each other
    return items, len(items) == 2 and re.search(r"\bou\b", listed["items"]) is not None


def _content(text: str) -> set[str]:
    """The words of four letters or more that carry `text`'s meaning, cut to five letters (plural, gender)."""
    return {w[:5] for w in re.findall(r"[a-z][a-z-]{3,}", fold(text)) if w not in _STOP}


def rest_of_question(query: str, result: CalcResult, book: CitationBook, search: Search) -> str:
    """The sentences of the texts answering what `result` leaves unanswered of `query`, cited; "" when nothing is."""
    aspects, compared = asked_aspects(query)
    stated = _content(" ".join([result.summary, result.formula, *result.steps]))
    rest = [a for a in aspects if not _content(a) & stated]
    if not rest or len(rest) == len(aspects):
        return ""  # all answered, or none: the calculator did not answer this message's list at all
    if compared:  # the other side, with what is compared of both ("le plus d'heures de formation payées")
        folded = same_length(query).lower()
        between = _BETWEEN.search(folded) or _FINAL_LIST.search(folded)
        asked = (
            (folded[between.end() :] if between and between.re is _BETWEEN else folded[: between.start()])
            if between
            else ""
        )
        wanted = f"{rest[0]} {asked}"
    else:
        titles = _content(" ".join(r.label for r in result.references)) & _content(query)
        wanted = " ".join([*sorted(titles), *rest])
    applied = {(r.document, r.section) for r in result.references}
    hits = [e for e in search(wanted, 4) if not any(key in applied for key in e.sources)]
    if not hits:
        return ""
    units = select_units(wanted, hits[0].chunk.text, max_units=3)
    if not units:
        return ""
    n = book.cite(hits[0], "\n".join(u.text for u in units))
    shown = [_as_written(query, a) for a in rest]
    lines = [wording.rest_of_question(", ".join(shown), n), *(wording.quoted_line(u.text) for u in units)]
    return "\n\n" + "\n".join(lines)


def _as_written(query: str, aspect: str) -> str:
    """`aspect` (read on the accent-folded message) as the user wrote it."""
    start = same_length(query).lower().find(aspect)
    return query[start : start + len(aspect)] if start >= 0 else aspect


def rest_of_clarification(query: str, asked: str, book: CitationBook, search: Search) -> str:
    """The asking clauses a question back leaves unanswered, answered from the texts, cited; "" when none is.

    "Combien de temps d'absence pour un conseil en évolution professionnelle, et mes frais de repas seront-ils
    remboursés ?": the question back states the half-day and asks the contract and the seniority that decide the
    right; the costs do not depend on them (art. 5: "Les frais de transport et de repas … lui sont remboursés"),
    so they are answered now instead of being dropped until the user replies. A clause is left to the question
    back when it shares a content word with it (`asked`: what the question back says and asks).
    """
    parts = asking_parts(query)
    if len(parts) < 2:
        return ""
    stated = _content(asked)
    rest = [p for p in parts if not _content(_own_clause(p)) & stated]
    if not rest or len(rest) == len(parts):
        return ""
    blocks: list[str] = []
    for part in rest:
        clause = _own_clause(part)
        hits = search(part, 3)
        units = select_units(clause, hits[0].chunk.text, max_units=2) if hits else []
        if not units:
            continue
        n = book.cite(hits[0], "\n".join(u.text for u in units))
        shown = clause.strip(" ?!.")
        blocks.append("\n".join([wording.rest_of_question(shown, n), *(wording.quoted_line(u.text) for u in units)]))
    return "".join(f"\n\n{block}" for block in blocks)


def _own_clause(part: str) -> str:
    """An asking part without the context `asking_parts` put before it ("<context> : <clause>")."""
    return part.rpartition(" : ")[2]
