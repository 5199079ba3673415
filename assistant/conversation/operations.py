"""The previous answer acted on (`about_answer.read`): its sentence quoted, its neighbour asked, the
exchange summed up, a figure heard elsewhere set against it.

Quoting and summing up are answered from what the earlier answers cited and led with — nothing is
searched again, so the sentence shown is the one the answer relied on, with its citation. The
neighbouring part and the wording before the avenant are questions naming a part of the cited
document, answered like any question (the answer says which part it understood). A figure heard
elsewhere re-asks the previous question and says, first, whether the cited passages hold that figure.
The French sentences of these answers are in `assistant.conversation.wording`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from assistant.answer import Answer, Citation
from assistant.answering.named_parts import in_force as part_in_force
from assistant.conversation import needs, two_answers, wording
from assistant.conversation.about_answer import Request
from assistant.conversation.cited_parts import (
    best_sentence,
    document_name,
    document_of,
    effect_part,
    lead_text,
    led_sentences,
    neighbour,
    part_question,
    renumbered,
    section_number,
    sentences,
)
from assistant.conversation.reshaping import one_sentence
from assistant.conversation.state import Turn
from assistant.conversation.state import answered as answered_turns
from calculators.numbers import format_euros
from ingest.models import Chunk
from text.folding import same_length

MAX_SUMMARY = 5
MAX_SOURCES = 4  # the parts a "quelle page ?" answer lists


@dataclass(frozen=True)
class Outcome:
    """An answer written from the earlier turns, or a question to answer like any other."""

    answer: Answer | None = None
    question: str = ""


def operate(request: Request, turns: Sequence[Turn], passages: Iterable[Chunk] | None, typed: str) -> Outcome | None:
    """What `request` yields after `turns` (asides left out, oldest first); None when the earlier
    answers give it nothing to work on (no citation), so the message is read as usual."""
    answered = answered_turns(turns)
    if not answered:
        return None
    last = answered[-1]
    if request.operation in ("quote", "rule"):
        return _quote(last, typed, figure=request.operation == "rule", aspect=request.aspect)
    if request.operation == "summary":
        return _summary(answered, typed)
    if request.operation == "draft":
        return _draft(last, typed)
    if request.operation == "sentence":
        said = one_sentence(answered, typed, passages)
        return None if said is None else Outcome(answer=said)
    if request.operation == "compare":
        compared = two_answers.compare(answered, typed, typed, passages)
        return None if compared is None else Outcome(answer=compared)
    if request.operation == "needs":
        needed = needs.still_needed(last, typed)
        if isinstance(needed, Answer):
            return Outcome(answer=needed)
        return None if needed is None else Outcome(question=needed)
    if request.operation == "source":
        return _source(last, typed, request.aspect)
    if request.operation == "decides":
        return _decides(last, typed, passages)
    cited = [c for c in last.citations if section_number(c.section)]
    led = best_sentence(cited, last.lead, last.resolved)
    if led is not None:  # the part the answer led with comes first
        cited.insert(0, led[0])
    if request.operation in ("next", "previous"):
        if not cited or passages is None:
            return None
        step = 1 if request.operation == "next" else -1
        number = neighbour(passages, cited[0], step, request.unit)
        if number is None:
            return None
        return Outcome(question=part_question(cited[0], number))
    if request.operation == "since":
        return _since(last, passages)
    if request.operation == "original":
        # a part the avenant rewrote, completed or renumbered, among all the parts the answer cited
        amended = [c for c in cited if "avenant" in same_length(c.section).lower()]
        if not amended or re.search(r"\bcree?e? par l'avenant", same_length(amended[0].section).lower()):
            # a rule the avenant brought ("et avant 2022 ?", an article it created): when the avenant took effect
            return _since(last, passages)
        # the number the part had as published: "Article 10 (ancien article 9, …)" → 9
        former = re.search(r"ancien(?:ne)? article (\d{1,2}(?:\.\d{1,2})*)", same_length(amended[0].section).lower())
        number = former.group(1) if former else section_number(amended[0].section)
        return Outcome(question=part_question(amended[0], number, original=True))
    return None


def _since(last: Turn, passages: Iterable[Chunk] | None) -> Outcome | None:
    """When the rule the last answer cited took effect: the part of the text that brought it — an avenant
    the answer cites, or names as having written the cited part — saying its date of effect."""
    if passages is None:
        return None
    chunks = list(passages)
    amending = any("avenant" in same_length(c.section).lower() for c in last.citations)
    order = sorted(
        dict.fromkeys(c.document for c in last.citations),
        key=lambda d: 0 if amending and "avenant" in d else 1,
    )
    for document in order:
        number = effect_part(chunks, document)
        if number:
            citation = next(c for c in last.citations if c.document == document)
            return Outcome(question=part_question(citation, number))
    return None


# how the texts say whose decision a rule is: a consent or a choice ("d'un commun accord", "sur la base du
# volontariat", "à sa demande", "choisi par"), then a condition it is granted on ("lorsque", "dès lors que")
_CONSENT = re.compile(r"\b(?:accord|volontariat|demande|choisi\w*|decid\w*|autoris\w*|consent\w*|agre\w*)\b")
_CONDITION = re.compile(r"\b(?:lorsque|des lors|sous reserve|conformement|a condition|sauf|uniquement)\b")
_PARTY = re.compile(r"\b(?:direction|employeurs?|organismes?|hierarchi\w*|manager|salarie|interesse|beneficiaire)\b")


def _decides(last: Turn, typed: str, passages: Iterable[Chunk] | None) -> Outcome | None:
    """ "mon chef peut-il refuser la formation que je choisis ?": the sentence of the rule the last answer applied
    that says whose decision it is — a consent or a choice first, a condition next, the parties named, then the
    words it shares with the message and with the question it answered — quoted with its citation. The rule is the
    cited parts; when none of their sentences says it about a word of the exchange, the other parts of their article
    (4.2 beside a cited 4.3: who chooses the tutor). None when no sentence of them says any of it."""
    if last.route == "refusal" or not last.citations:
        return None
    asked = _stems(typed)
    # (the thing a pronoun of the message stands for, "de me la verser", is named by the question answered)
    before = _stems(last.resolved) - asked
    best = _deciding(last.citations, asked, before, relevant=True) or _deciding(
        _same_article(last.citations, passages), asked, before, relevant=False
    )
    if best is None:
        return None
    citation, sentence = best
    cited = renumbered([citation], 1)
    text = wording.decided_by(f"« {sentence} » [1]", _where(cited[0]))
    return Outcome(answer=Answer(typed, text, "retrieval", citations=cited))


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", same_length(text).lower())}


def _deciding(
    citations: Sequence[Citation], asked: set[str], before: set[str], *, relevant: bool
) -> tuple[Citation, str] | None:
    """The best sentence of `citations` saying whose decision or on what condition (`_decides`); with `relevant`,
    only one sharing a word with the message or the question answered."""
    scored: list[tuple[int, int, Citation, str]] = []
    seen: set[str] = set()
    for citation in citations:
        for sentence in sentences(citation.quote):
            folded = same_length(sentence).lower()
            if _heading(sentence) or folded in seen:
                continue
            seen.add(folded)
            said = 4 * len(set(_CONSENT.findall(folded))) + 2 * len(set(_CONDITION.findall(folded)))
            words = _stems(folded)
            if not said or (relevant and not (asked | before) & words):
                continue
            score = said + bool(_PARTY.search(folded)) + 2 * len(asked & words) + len(before & words)
            scored.append((score, -len(scored), citation, sentence))
    if not scored:
        return None
    _, _, citation, sentence = max(scored)
    return citation, sentence


def _same_article(citations: Sequence[Citation], passages: Iterable[Chunk] | None) -> list[Citation]:
    """The passages in force of the articles the citations belong to ("4.2" and "4.1" for a cited "4.3"), as
    citations of their own part, not already cited."""
    if passages is None:
        return []
    articles = {
        (c.document, section_number(c.section).split(".")[0]): c for c in citations if section_number(c.section)
    }
    cited = {(c.document, section_number(c.section)) for c in citations}
    found: list[Citation] = []
    for chunk in passages:
        number = chunk.section_number
        known = articles.get((chunk.document, number.split(".")[0]))
        if known is None or (chunk.document, number) in cited or part_in_force(chunk) is False:
            continue
        found.append(
            Citation(
                number=0,
                evidence_id=chunk.id,
                document=chunk.document,
                section=chunk.label,
                page=chunk.page_start,
                quote=chunk.text,
                title=known.title,
                path=chunk.section_path,
                page_end=chunk.page_end,
            )
        )
    return found


def _where(citation: Citation) -> str:
    label = re.sub(r"\s*\(.*", "", citation.section).strip() or citation.path.split(" › ")[-1]
    label = label[:1].lower() + label[1:] if label[:1].isupper() and not label[:2].isupper() else label
    name = document_name(citation)
    return f"{label} ({name[:1].upper() + name[1:]})"


def _quote(last: Turn, typed: str, *, figure: bool = False, aspect: str = "") -> Outcome | None:
    """The sentences the last answer led with, word for word, each with where it stands. `figure`: when none
    of them holds a figure, the first cited sentence that does is added (the rule an example would show).
    `aspect` ("sur le montant"): the cited sentences that speak of it, when some do, rather than the lead."""
    named = _named_documents(last.citations, typed)
    found = _about(named or last.citations, aspect) or led_sentences(named or last.citations, last.lead, last.resolved)
    if not found and named:  # the named text's sentence closest to the answer, the lead being another's
        best = best_sentence(named, last.lead + " " + last.resolved, last.resolved)
        found = [best] if best is not None else []
    if not found:
        return None
    if figure and not any(re.search(r"\d", sentence) for _, sentence in found):
        with_figure = next(((c, x) for c in last.citations for x in sentences(c.quote) if re.search(r"\d", x)), None)
        if with_figure is not None:
            found = [*found, with_figure]
    citations: list[Citation] = []
    lines: list[str] = []
    for citation, sentence in found:
        if citation not in citations:
            citations.append(citation)
        number = citations.index(citation) + 1
        lines.append(f"« {sentence} » [{number}]")
    cited = renumbered(citations, 1)
    where = _where(cited[0]) if len(cited) == 1 else wording.quoted_where_several()
    text = wording.quoted(where, "\n".join(lines))
    return Outcome(answer=Answer(typed, text, "retrieval", citations=cited))


def _source(last: Turn, typed: str, aspect: str = "") -> Outcome | None:
    """ "c'est à quelle page ?", "ça vient de quel document ?": where the last answer's passages stand — each part it
    cited, its text and its page, with the sentence it relied on — read from its own citations (nothing searched
    again); the part it led with first, or the part stating what the message points at ("l'article qui fixe ce
    maximum": `aspect`); only the named text's parts when the message names one by its kind ("de la
    circulaire"). None when the last answer cited nothing (a refusal): the previous question is then asked again."""
    if not last.citations:
        return None
    pool = _named_documents(last.citations, typed) or list(last.citations)
    led = dict(_about(pool, aspect)[:1] or led_sentences(pool, last.lead, last.resolved))
    parts: list[Citation] = []
    for citation in sorted(pool, key=lambda c: c not in led):  # (stable: the lead's part, then the answer's order)
        if not any((c.document, c.section) == (citation.document, citation.section) for c in parts):
            parts.append(citation)
    lines: list[str] = []
    for number, citation in enumerate(parts[:MAX_SOURCES], start=1):
        best = best_sentence([citation], last.lead + " " + last.resolved, last.resolved)
        sentence = led.get(citation) or (best[1] if best else next(iter(sentences(citation.quote)), ""))
        pages = str(citation.page)
        if citation.page_end and citation.page_end != citation.page:
            pages = f"{citation.page} à {citation.page_end}"
        part, creator = _part_named(citation), _CREATED_BY.search(citation.section)
        if creator is not None:
            # an article the avenant created is printed in the avenant: its page is the avenant's (art. 9.3 is on
            # the avenant's page 4, not on the protocole's)
            part = f"{part} ({creator.group(0)})"
            pages = wording.pages_of(pages, creator.group("text"))
        lines.append(wording.source_line(part, pages, sentence, number))
    cited = renumbered(parts[:MAX_SOURCES], 1)
    return Outcome(answer=Answer(typed, wording.sources(lines), "retrieval", citations=cited))


# "Article 9.3 (créé par l'avenant du 11 octobre 2022, art. 3)": the text that created a consolidated article
_CREATED_BY = re.compile(r"cr[ée]{2}e? par (?P<text>l'avenant du [^,)]+)(?:, art\. \d+)?")


def _part_named(citation: Citation) -> str:
    """ "l'article 4.3 « Reconnaissance de l'activité tutorale » du protocole d'accord du 19 décembre 2019", "la
    partie IV « Le parcours de formation » du document …": the cited part by its label and its own heading."""
    label = re.sub(r"\s*\(.*", "", citation.section).strip()
    heading = citation.path.split(" › ")[-1].strip() if citation.path else ""
    heading = re.sub(r"^(?:article\s+)?[\dIVXL.]+(?:er)?\s*[–|-]\s*", "", heading, flags=re.IGNORECASE).strip()
    if not label:
        label, heading = heading, ""
    folded_heading, folded_label = same_length(heading).lower(), same_length(label).lower()
    if heading and (folded_heading in folded_label or folded_label in folded_heading):
        heading = ""
    named = f" « {heading} »" if heading and len(heading) < 90 else ""
    if re.match(r"(?i)(?:article|annexe)\b", label):
        part = f"l'{label[:1].lower()}{label[1:]}" if label.lower().startswith("a") else label
    elif re.fullmatch(r"[IVXL]+", label):
        part = f"la partie {label}"
    else:
        part = f"la partie « {label} »"
    name = document_name(citation)
    if _KIND.match(same_length(name).lower()):  # "du protocole d'accord …", "de l'avenant …"
        return f"{part}{named} {document_of(name)}"
    return f"{part}{named} du document « {citation.title or citation.document} »"


def _about(citations: Sequence[Citation], aspect: str) -> list[tuple[Citation, str]]:
    """The cited sentences holding every content word of `aspect` (a word's first five letters: "monta", "verse" for
    "versement"), at most two; none when `aspect` is empty or no sentence holds them."""
    words = [w[:5] for w in re.findall(r"[a-z]{4,}", aspect) if w not in _ASPECT_STOP]
    if not words:
        return []
    found: list[tuple[Citation, str]] = []
    for citation in citations:
        for sentence in sentences(citation.quote):
            folded = same_length(sentence).lower()
            if all(w in folded for w in words) and sentence not in [x for _, x in found]:
                found.append((citation, sentence))
    return found[:2]


_ASPECT_STOP = frozenset({"cette", "leur", "leurs", "point", "sujet", "question"})
_KIND = re.compile(r"\b(avenant|accord|protocole|circulaire|convention|fiche)\b")


def _named_documents(citations: Sequence[Citation], message: str) -> list[Citation]:
    """The citations of the text the message names by its kind ("la phrase de l'avenant"): those whose
    document's own name starts with that word."""
    kinds = set(_KIND.findall(same_length(message).lower()))
    if not kinds:
        return []

    def head(citation: Citation) -> str:
        name = same_length(document_name(citation)).lower()
        return re.split(r"\s+(?:du|de|des)\s+", re.sub(r"^(?:le|la|les|l')\s*", "", name))[0]

    return [c for c in citations if any(k in head(c) for k in kinds)]


def _thread(answered: Sequence[Turn]) -> list[Turn]:
    """The turns of the current subject, oldest first: back to the last question asked afresh on another
    subject (the follow-ups after a question belong to its thread)."""
    thread: list[Turn] = []
    for turn in reversed(answered):
        if turn.route == "refusal":  # a refused question answered nothing: it neither ends nor joins the thread
            continue
        if thread and turn.kind == "new" and thread[0].kind == "new" and not _same_subject(turn, thread[0]):
            break  # a question asked afresh on another subject: the thread starts after it
        thread.insert(0, turn)
        if len(thread) >= MAX_SUMMARY:
            break
    return thread


def _figures(thread: Sequence[Turn], said: str, start: int) -> list[tuple[Citation, str]]:
    """The figures a summary keeps that the leads did not say: for each part cited in the thread (three at
    most), its first sentence holding a figure, when no lead holds a figure of that part."""
    kept: list[tuple[Citation, str]] = []
    seen: set[tuple[str, str]] = set()
    for turn in thread:
        for citation in turn.citations:
            key = (citation.document, citation.section)
            if key in seen or len(kept) >= 3:
                continue
            seen.add(key)
            sentence = next((x for x in sentences(citation.quote) if re.search(r"\d", x) and not _heading(x)), "")
            numbers = re.findall(r"\d+(?:[,.]\d+)?", sentence)
            if sentence and not any(re.search(rf"(?<![\d,.]){re.escape(n)}(?![\d])", said) for n in numbers):
                kept.append((replace(citation, number=start + len(kept) + 1), sentence))
    return kept


def _heading(sentence: str) -> bool:
    """A part's heading read as a sentence ("Article 9.4 | Reconnaissance de la fonction"): no rule to keep."""
    return "|" in sentence or bool(re.fullmatch(r"(?:article|annexe|titre)\s+[\w.]+\W*", same_length(sentence).lower()))


def _asked_sentence(turn: Turn, said: str) -> tuple[Citation, str] | None:
    """The sentence of the turn's citations that its own message asked about: the one sharing most content words
    with the message as typed (one at least, of five letters or more), not already said; None when none does."""
    asked = {w[:6] for w in re.findall(r"[a-z]{5,}", same_length(turn.question).lower())} - _ASKED_STOP
    best: tuple[int, Citation, str] | None = None
    for citation in turn.citations:
        for sentence in sentences(citation.quote):
            folded = same_length(sentence).lower()
            if _heading(sentence) or folded in said:
                continue
            shared = len(asked & {w[:6] for w in re.findall(r"[a-z]{5,}", folded)})
            if shared and (best is None or shared > best[0]):
                best = (shared, citation, sentence)
    return None if best is None else (best[1], best[2])


_ASKED_STOP = frozenset({"quelle", "combie", "commen", "cette", "est-ce", "celle", "celui", "depuis", "pendan"})


def _same_subject(a: Turn, b: Turn) -> bool:
    """Two questions asked afresh on the same subject ("Le tuteur est désigné comment ?", then "Combien de
    points pour un tuteur du … au … ?") belong to one thread."""
    if a.subject is not None and b.subject is not None:
        return a.subject.same_as(b.subject) or a.subject.topic == b.subject.topic
    return a.topic is not None and a.topic == b.topic


def _summary(answered: Sequence[Turn], typed: str) -> Outcome | None:
    """Each answer of the current subject in one line (its lead), numbered, with its citations."""
    points: list[str] = []
    citations: list[Citation] = []
    seen: set[str] = set()
    for turn in _thread(answered):
        if turn.route in ("refusal", "clarify") or not turn.lead or not turn.citations:
            continue
        lead = lead_text(turn.lead)
        key = same_length(re.sub(r"\[\d+\]", "", lead)).lower()
        if any(key in k or k in key for k in seen):  # "c'est dans quel article ?" answered the same lead again
            # (a question of its own answered under the same lead, "est-ce pris en compte pour l'allocation
            # vacances ?": what it added is the cited sentence it asked about)
            asked = _asked_sentence(turn, " ".join(seen))
            if asked is not None:
                citation, sentence = asked
                seen.add(same_length(sentence).lower())
                citations.append(replace(citation, number=len(citations) + 1))
                points.append(f"« {sentence} » [{len(citations)}]")
            continue
        seen.add(key)
        used = [int(n) for n in re.findall(r"\[(\d+)\]", lead)]
        kept = [c for c in turn.citations if c.number in used] or list(turn.citations[:1])
        numbers = {c.number: len(citations) + i + 1 for i, c in enumerate(kept)}
        lead = _renumber_markers(lead, numbers)
        if not re.search(r"\[\d+\]", lead):
            lead = f"{lead.rstrip()} [{len(citations) + 1}]"
        citations.extend(renumbered(kept, len(citations) + 1))
        points.append(lead)
    if not points:
        return None
    figures = _figures(_thread(answered), " ".join(points), len(citations))
    citations.extend(c for c, _ in figures)
    points.extend(f"« {sentence} » [{c.number}]" for c, sentence in figures)
    subject = next((t.subject for t in _thread(answered) if t.subject is not None), None)
    head = wording.summary_head(subject.display if subject is not None else None)
    body = "\n".join(f"{i}. {point}" for i, point in enumerate(points, 1))
    return Outcome(answer=Answer(typed, f"{head}\n\n{body}", "retrieval", citations=citations))


def _draft(last: Turn, typed: str) -> Outcome | None:
    """A letter asked to be written from the last answer: writing it is not this assistant's task (it answers from the
    texts), so it says so and gives what the letter would state: the answer's lead, with its citations."""
    if last.route in ("refusal", "clarify") or not last.lead or not last.citations:
        return None
    lead = lead_text(last.lead)
    used = [int(n) for n in re.findall(r"\[(\d+)\]", lead)]
    kept = [c for c in last.citations if c.number in used] or list(last.citations[:1])
    lead = _renumber_markers(lead, {c.number: i for i, c in enumerate(kept, 1)})
    if not re.search(r"\[\d+\]", lead):
        lead = f"{lead.rstrip()} [1]"
    citations = renumbered(kept, 1)
    where = "; ".join(_where(c) for c in citations)
    text = wording.draft_declined(lead, where)
    return Outcome(answer=Answer(typed, text, "retrieval", citations=citations))


def _renumber_markers(text: str, numbers: dict[int, int]) -> str:
    """The citation markers of an earlier answer's lead, in the numbering of the new answer."""

    def number(m: re.Match[str]) -> str:
        old = int(m.group(1))
        return f"[{numbers[old]}]" if old in numbers else ""

    return re.sub(r"\[(\d+)\]", number, text)


def checked(reply: Answer, figure: str, *, rate: str = "") -> str:
    """The sentence put in front of the previous answer asked again: whether the cited passages hold the
    figure the user heard ("10"), and the sentence they hold instead."""
    calculated = None if rate else _against_result(reply, figure)  # (a rate is no total to set against it)
    if calculated is not None:  # "donc 600 000 €, je note ?" after a calculation: its result, the figure not echoed
        return calculated
    number = re.match(r"\d+(?:[,.]\d+)?", figure)
    if number is None or not reply.citations:
        return ""
    digits = number.group(0).replace(",", ".")
    body = re.escape(digits).replace(r"\.", "[.,]")
    pattern = re.compile(r"(?<![\d,.])" + body + r"(?![\d]|[,.]\d)")
    lead = reply.text.split("\n\n")[0]
    found = best_sentence(reply.citations, lead, reply.resolved_question or reply.question)
    holds = [c for c in reply.citations if pattern.search(c.quote)]
    if holds:
        return wording.figure_found(figure, holds[0].number)
    # ("10 points par mois" set against the answer: the sentence stating the texts' figure in points, not the one
    # the lead shares the most words with)
    same_unit = _of_unit(reply.citations, figure[number.end() :])
    found = same_unit or found
    if found is None:
        return wording.figure_absent(figure)
    citation, sentence = found
    return wording.figure_instead(figure, sentence, citation.number)


def _of_unit(citations: Sequence[Citation], unit: str) -> tuple[Citation, str] | None:
    """The first cited sentence holding a figure in `unit` ("points", "heures", "%"), None without a unit or one."""
    word = re.match(r"\s*(%|€|[^\W\d_]{2,})", unit)
    if word is None:
        return None
    stem = re.escape(same_length(word.group(1)).lower().rstrip("s"))
    figure = re.compile(rf"\d\s*{stem}")
    for citation in citations:
        for sentence in sentences(citation.quote):
            if figure.search(same_length(sentence).lower()):
                return citation, sentence
    return None


# a unit said back, as the calculators write it; the multiplier of an amount
_UNITS = (
    (re.compile(r"^(?:milliards?)"), "€", 1_000_000_000),
    (re.compile(r"^(?:millions?|m€)"), "€", 1_000_000),
    (re.compile(r"^(?:k€)"), "€", 1_000),
    (re.compile(r"^(?:€|euros?)"), "€", 1),
    (re.compile(r"^points?"), "points", 1),
    (re.compile(r"^(?:heures?|h)\b"), "heures", 1),
)


def _against_result(reply: Answer, figure: str) -> str | None:
    """Whether the figure said back is the calculation's result, when the answer is one calculation in that
    unit: "Oui : le calcul donne bien 35 points." / "Non : le calcul donne 60 000 €, …" — a wrong figure is not
    repeated (the user would read it as confirmed). None when the figure is of another kind than the result."""
    results = [t.result for t in reply.tool_calls if isinstance(t.result.get("value"), (int, float))]
    if len(results) != 1:
        return None
    value, unit = float(results[0]["value"]), str(results[0].get("unit") or "")
    folded = same_length(figure).lower().strip()
    number = re.match(r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})*(?:,\d+)?|\d+(?:,\d+)?", folded)
    if number is None:
        return None
    rest = folded[number.end() :].strip()
    said_unit = next(((u, times) for pattern, u, times in _UNITS if pattern.match(rest)), None)
    if said_unit is None or said_unit[0] != unit:
        return None
    said = float(re.sub(r"[ \u00a0\u202f.]", "", number.group()).replace(",", ".")) * said_unit[1]
    shown = format_euros(value) if unit == "€" else f"{value:g} {unit}".replace(".", ",")
    return wording.result_confirmed(shown) if abs(said - value) < 0.005 else wording.result_corrected(shown)
