"""One message of a conversation, from what was typed to the recorded turn.

The assistant (assistant.service) answers one standalone question at a time; this module is what
makes a message a question in context, so that the service stays about answering. For each message:

1. `followups.resolve` reads it against the conversation so far (the router's reading of the message
   alone tells whether it names a subject of its own, or one outside the texts);
2. an elliptic addition the texts never use ("et les tickets resto ?") is no follow-up on them;
3. a configured model server may reword a follow-up (`_rewritten`), checked like user input;
4. the resolved question is answered like any question — routing, calculators, number guard — by the
   `answer` callable the service passes, and the answer says how the message was understood;
5. the turn is recorded (`state.turn_of`), for the next message to refer to.

Everything here is deterministic except the optional rewrite, which still goes through routing and
the number guard because it is answered by the same `answer` as a typed question.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Protocol

from assistant.answer import Answer
from assistant.answering import wording
from assistant.conversation import about_answer, pointing, reshaping
from assistant.conversation import vocabulary as v
from assistant.conversation import wording as wording_conv
from assistant.conversation.about_answer import Request
from assistant.conversation.answered_place import place_questions
from assistant.conversation.case_facts import case_facts, computed, needs_case, with_facts
from assistant.conversation.comparison import compared_question, first_paragraph
from assistant.conversation.elision import contracted
from assistant.conversation.examples import asks_only_example, worked_example
from assistant.conversation.followups import Context, Resolution, resolve
from assistant.conversation.frames import continues, shares_words, starts_afresh
from assistant.conversation.headcount import counted_question, head_count
from assistant.conversation.operations import checked, operate
from assistant.conversation.other_text import points_back_to
from assistant.conversation.pleasantry import without_asker, without_pleasantry
from assistant.conversation.restate import capitalised, lower_first
from assistant.conversation.rewrite import Rewriter, checked_rewrite
from assistant.conversation.said_back import without_answer_figures
from assistant.conversation.set_aside import without_set_aside
from assistant.conversation.siblings import part_question, sibling_question
from assistant.conversation.slots import find_slots
from assistant.conversation.source_request import asks_source, source_of_other
from assistant.conversation.state import Conversation, turn_of
from assistant.conversation.statements import adds_to_statement, describes_case, states_facts
from assistant.conversation.subject import message_subject
from assistant.conversation.switch import in_previous_answer, own_phrase, stands_alone_after_refusal
from assistant.conversation.told_person import speaks_of_told
from assistant.conversation.totals import asks_total, total_question
from assistant.routing.english import in_french
from assistant.routing.meaning import Reading
from assistant.routing.router import RouteDecision, route
from ingest.models import Chunk
from text.folding import same_length

log = logging.getLogger(__name__)


class AnswerFn(Protocol):
    """The service's answer to a standalone question, with the routing decision taken (None when none
    was: an empty or too long question, a skill's answer). `case`: the question holds facts of someone's
    case stated in earlier messages, which the rule is applied to (`Resolution.case`)."""

    def __call__(self, text: str, *, case: bool = False) -> tuple[Answer, RouteDecision | None]: ...


def converse(
    conversation: Conversation,
    typed: str,
    today: date,
    *,
    answer: AnswerFn,
    uses_words: Callable[[str], bool],
    rewriter: Rewriter | None,
    max_chars: int,
    meaning: Callable[[str], Reading | None] | None = None,
    passages: Callable[[], Iterable[Chunk]] | None = None,
) -> Answer:
    """Resolve `typed` against `conversation`, answer what it means, record the turn.

    `uses_words` says whether the texts use a phrase at all (one lexical search): a follow-up that
    only adds words the texts never use is read as a new question instead. The caller holds the
    conversation's lock. `meaning` is the router's reading by the example bank (None: cues alone), for
    the topic switches decided by what the message alone means (`assistant.conversation.switch`).
    `passages` gives the indexed passages, whose structure says which part is next to a cited one.
    """
    text = " ".join(typed.split())
    # "Question de mon binôme au plateau téléphonique : …": who asks is no subject of the exchange (pleasantry.py)
    unframed = without_asker(text)
    framed, text = unframed != text, unframed
    context = conversation.context()
    if context is not None:  # "Bon, laissons le salaire. Ce certificat… ?": what is dropped is not asked (set_aside.py)
        text = without_set_aside(text)
        # "Merci, c'est plus clair. Question suivante : …": the acknowledgement asks nothing (pleasantry.py)
        text = without_pleasantry(text, today)
    if context is not None and text.endswith("?"):
        # "Sorry, switching to English: how long can it last at most?": a follow-up is read by its French grammar,
        # so a question written in English is read in French first, as the router reads one alone (noise.py)
        text = _in_french(text)
    said_back = without_answer_figures(text, context.question, context.lead) if context is not None else text
    # "ces 30 000 €, c'est en plus … ?": the answer's amount pointed at, no new payroll; asking nothing of the case,
    # a question about the previous subject ("Contribution conventionnelle supplémentaire : ce montant, …")
    about_figure = said_back != text and context is not None and context.subject is not None
    text = said_back
    resolution = Resolution(text, "new", message_subject(text))
    alone_answer: tuple[Answer, RouteDecision | None] | None = None
    unheard = False  # the thing the message adds is in words the texts never use ("et les tickets resto ?")
    request = about_answer.read(text) if context is not None and text and len(text) <= max_chars else None
    doubted = about_answer.doubted_figure(text) if request is not None else None
    if doubted is not None and context is not None and doubted not in re.sub(r"(?<=\d)[\s.](?=\d)", "", context.lead):
        request = None  # ("et que 3 ?": a figure the answer did not give is a fact of the case, not a doubt)
    if request is None and context is not None and text and len(text) <= max_chars:
        # "donne-moi l'article précis qui fixe ce maximum": the source asked with the exchange's own words
        request = asks_source(text, f"{context.question} {context.lead}")
        other = None if request is not None else source_of_other(text, f"{context.question} {context.lead}")
        if other is not None:  # "et pour un contrat pro, c'est écrit où ?": that follow-up answered, then its source
            sourced = _source_of_follow_up(conversation, context, other, typed, today, answer)
            if sourced is not None:
                return sourced
    within: str | None = None
    if request is not None and context is not None and _asks_of_something_else(request.operation, text, context, today):
        # ("depuis quand le CQP manager opérationnel y est-il ouvert ?": that thing within the previous subject)
        within = _within_subject(text, context) if request.operation == "since" else None
        request = None if within is None else request
    if within is not None and request is not None and passages is not None:
        # the text that brought the thing into the subject, found by asking it there, then its date of effect
        found, _ = answer(within)
        last = replace(conversation.answered[-1], citations=tuple(found.citations))
        brought = operate(request, [last], passages(), typed)
        resolution = Resolution(brought.question if brought and brought.question else within, "reference", None)
    elif request is not None and context is not None and request.operation == "table":
        # "fais-moi un tableau qui compare leurs durées": the things the exchange named, side by side (reshaping.py)
        shaped = reshaping.table(
            conversation.turns, typed, request.aspect, passages() if passages else None, lambda q: answer(q)[0]
        )
        if shaped is not None:
            return _recorded(conversation, shaped, typed)
        request = None
    elif request is not None and context is not None:  # the previous answer itself acted on (about_answer.py)
        outcome = operate(request, conversation.turns, passages() if passages else None, typed)
        if outcome is not None and outcome.answer is not None:
            return _recorded(conversation, outcome.answer, typed)
        if outcome is not None:
            resolution = Resolution(outcome.question, "reference", None)
        elif request.operation in ("check", "source", "reason") and context.question:
            resolution = Resolution(context.question, "meta", context.subject)
        else:
            request = None
    about_figure = about_figure and request is None and not find_slots(text, today)
    # "ça fait combien en tout pour les deux ?" after two bonus calculations: their periods computed together
    total = (
        total_question(conversation.turns)
        if request is None and context is not None and asks_total(text) and not find_slots(text, today)
        else None
    )
    # "et pour une équipe de six agents ?" after a calculation for one: the same case for that many (headcount.py)
    counted = _head_count(context, text, today) if request is None and total is None and text else None
    if total is not None and context is not None:
        resolution = Resolution(total, "circumstance", context.subject, case=True, recast=True)
    elif counted is not None and context is not None:
        resolution = Resolution(counted, "circumstance", context.subject, case=True, recast=True)
    elif about_figure and context is not None and context.subject is not None:
        subject = context.subject
        resolution = Resolution(f"{capitalised(subject.name)} : {lower_first(text)}", "reference", subject)
    elif request is None and context is not None and (sibling := sibling_question(text, context.question)):
        # "et l'oral ?" after "l'écrit c'est quel coeff ?": the part named takes its sibling's place (siblings.py)
        resolution = Resolution(capitalised(sibling), "circumstance", context.subject, recast=True)
    elif request is None and context is not None and (of_part := part_question(text, context.question)):
        # "Elle dure combien de temps ?" after "Je passe l'oral du CQP gestionnaire conseil : qui l'organise ?": the
        # part the previous question named, not its thing, is what the pronoun speaks of (siblings.py)
        resolution = Resolution(of_part, "reference", context.subject, recast=True)
    elif request is None and context is not None and text and len(text) <= max_chars:
        alone = route(text, today)  # the message's own topic: a new subject starts afresh
        refused = alone.route == "refusal" or alone.refusal_topic is not None
        # "et le repas du midi, pas remboursé ?" after the passage on transport and meal costs: no thing of its own
        in_last_answer = _speaks_of_last_answer(conversation, text, context.question, today)
        refused = refused and not (in_last_answer and alone.topic is None)
        resolution = resolve(text, context, today, own_topic=alone.topic, refused=refused)
        unheard = bool(resolution.addition) and not uses_words(resolution.addition)
        if unheard:
            # "et les tickets resto ?": words the texts never use are no follow-up on them; unless a clitic or a
            # pronoun ties them to the thing just spoken of ("et mes billets de train pour m'y rendre ?"): a
            # question of its own about that subject, never a change to the facts of its case (pointing.py)
            resolution = _about_subject(text, context) or Resolution(text, "new", None)
        if resolution.is_follow_up and not resolution.restate and _other_calculator(alone, context):
            # "et j'anime aussi une formation interne…" after a tutor's bonus: a case of another calculator,
            # whose facts are not the first calculation's (a new fact frame)
            resolution = Resolution(text, "new", message_subject(text))
        if resolution.kind in ("reference", "circumstance", "completion"):
            # the message alone, read by meaning (switch.py): a topic after a refusal, a subject of its own
            meant = route(text, today, meaning) if meaning is not None else alone
            # ("là-dessus", "sur ce point" point back to the refused question's named subject: no new topic)
            points_back = resolution.subject is not None and points_back_to(text)
            if context.refused and not resolution.case and not points_back and stands_alone_after_refusal(meant):
                resolution = Resolution(text, "new", message_subject(text))
            elif (
                resolution.kind != "completion"
                and not resolution.recast
                and not in_last_answer
                and not pointing.points_back(
                    text
                )  # ("Vrai ou faux : elle …", "qui n'y a pas droit" keep the previous thing)
                and meant.topic is None
                and not find_slots(text, today)
                and own_phrase(text, " ".join(filter(None, (context.question, context.pending))))
            ):
                alone_answer = answer(text)
                # (refused alone, the follow-up is still the case when a calculator computes it with the case's
                # facts: "Du coup, je pourrai en faire une ?"; case_facts.py)
                cased = (
                    _with_case(conversation, resolution, resolution.text, text, alone_answer, answer, today)
                    if alone_answer[0].route == "refusal" and needs_case(*alone_answer)
                    else None
                )
                if cased is not None:
                    resolution, alone_answer = cased
                elif alone_answer[0].route == "refusal":  # the scope check reads its own subject outside the texts
                    resolution = Resolution(text, "new", None)
                else:
                    alone_answer = None
        if resolution.kind in ("reference", "circumstance", "completion") and rewriter is not None:
            resolution = _rewritten(rewriter, conversation, text, resolution, max_chars)
    if resolution.is_follow_up:  # ("d'une Pro-A" → "d'le contrat de professionnalisation": written as French does)
        resolution = replace(resolution, text=contracted(resolution.text))
    # (a new question in a conversation is asked as resolved: without the thanks that opened it)
    asked = (
        resolution.text if resolution.is_follow_up or ((context is not None or framed) and resolution.text) else typed
    )
    decision: RouteDecision | None = None
    if resolution.kind == "aside":  # "ok merci": nothing to look up, the conversation goes on
        reply = Answer(typed, wording.courtesy_reply("merci" in text.lower()), "clarify")
    elif alone_answer is not None:
        reply, decision = alone_answer
    else:
        reply, decision = answer(asked, case=resolution.case)
        # "Peut-elle y aller par la Pro-A, vu son contrat ?": the person whose facts an adviser told before the
        # questions in between (told_person.py), answered by the texts' general rule instead of her case
        told = (
            speaks_of_told(text, conversation.answered, today)
            if context is not None and reply.route == "retrieval" and resolution.kind in ("new", "reference")
            else None
        )
        if context is not None and resolution.kind != "meta" and (needs_case(reply, decision) or told is not None):
            # the answer needed the case told in earlier messages: asked again with its facts (case_facts.py)
            retried = _with_case(conversation, resolution, asked, text, (reply, decision), answer, today, since=told)
            if retried is not None:
                resolution, (reply, decision) = retried
                asked = resolution.text
        if context is not None and (
            _refused_follow_up(text, resolution, reply, decision, context)
            or _refused_alone_after_answer(text, resolution, reply, context)
        ):
            # the question as resolved was refused though the turn it follows was answered from the texts
            plain = _answered_plainly(text, context, answer) or _answered_where_read(
                text, resolution, conversation, answer
            )
            if plain is not None:
                resolution, (reply, decision) = plain
                asked = resolution.text
        example = worked_example(answer, asked, text, reply, today, resolution.subject) if context is not None else None
        if example is not None:  # "un exemple ?" after a rule: calculated on facts stated for the example
            reply, decision = example
        elif context is not None and asks_only_example(text):  # no calculation: the rule's own sentence
            quoted = operate(Request("rule"), conversation.turns, None, typed)
            if quoted is not None and quoted.answer is not None:
                return _recorded(conversation, quoted.answer, typed, wording_conv.no_example())
        if resolution.restate and reply.route == "clarify" and resolution.subject is not None:
            # the question still tells a case ("Je suis en CDI. Ai-je droit… ?"): its subject's conditions instead
            reply, decision = answer(wording.conditions_of(resolution.subject.display))
    if context is not None and not unheard and _unanswered_in_scope(text, resolution, reply, decision, context):
        # a question of the texts' field the search found nothing for, right after a turn answered from one text:
        # read within that text ("le module d'accueil, il était pris en charge pour combien d'heures ?")
        placed = _answered_where_read(text, resolution, conversation, answer)
        if placed is not None:
            resolution, (reply, decision) = placed
    reply.question = typed
    if request is not None and request.operation == "check" and reply.route != "refusal":
        # "tu es sûr ? on m'a dit 10": whether the cited passages hold that figure, before the answer again
        reply.text = "\n\n".join(filter(None, (checked(reply, request.figure, rate=request.rate), reply.text)))
    if resolution.restate:  # the answer's lead and where it comes from, without the rest
        reply.text = "\n\n".join(reply.text.split("\n\n")[:2])
    lead = first_paragraph(reply.text)
    if resolution.compared_with and context is not None and context.lead and reply.route != "refusal":
        # "et par rapport au contrat pro ?": the new side answered, the other side's earlier answer recalled
        reply.text += "\n\n" + wording.comparison_recall(resolution.compared_with, context.lead)
    if resolution.is_follow_up:
        reply.resolved_question = resolution.text
        if resolution.compared_with:  # the question kept names both sides
            reply.resolved_question = compared_question(resolution.text, resolution.compared_with)
        reply.text = f"{_understood(resolution)}\n\n{reply.text}"
    statement = _statement(text, resolution, bool(context and context.stated), today)
    conversation.record(
        turn_of(
            reply,
            typed,
            asked,
            "aside" if not statement and _refused_statement(text, resolution, reply, today) else resolution.kind,
            topic=decision.topic if decision else None,
            subject=None if decision is None or decision.route == "refusal" else resolution.subject,
            missing=decision.missing if decision else (),
            statement=statement,
            lead=lead,
            digression=resolution.digression
            or bool(context and context.digression and resolution.is_follow_up and continues(text, context.question)),
        )
    )
    return reply


def _with_case(
    conversation: Conversation,
    resolution: Resolution,
    asked: str,
    typed: str,
    first: tuple[Answer, RouteDecision | None],
    answer: AnswerFn,
    today: date,
    *,
    since: int | None = None,
) -> tuple[Resolution, tuple[Answer, RouteDecision | None]] | None:
    """The question asked again with the facts of the case stated in earlier messages in front of it, and its subject
    named when the resolved question does not name it ("Garantie individuelle d'accès à la formation : …"), kept when a
    calculator then computes or asks for fewer inputs (`case_facts.computed`); None when nothing would be added or
    the retry is no better. `since`: the turn where the case of the person spoken of begins (`told_person`)."""
    subject = resolution.subject
    question = asked
    if subject is not None and same_length(subject.name).lower() not in same_length(asked).lower():
        question = f"{capitalised(subject.name)} : {lower_first(asked)}"
    facts = case_facts(conversation.answered, question, today, since=since)
    if not facts and question == asked:
        return None
    retried = with_facts(facts, question, today, typed=typed)
    retry = answer(retried, case=True)
    if not computed(first, retry):
        return None
    kind = "circumstance" if resolution.kind in ("new", "reference") else resolution.kind
    return replace(resolution, text=retried, kind=kind, case=True), retry


def _head_count(context: Context | None, text: str, today: date) -> str | None:
    """The previous question asked for the head count the message states after a calculation."""
    if context is None or not context.turns or context.turns[-1].calculator is None:
        return None
    count = head_count(text, context.question, today)
    if count is None:
        return None
    return counted_question(context.question, count, context.turns[-1].calculator, today)


def _refused_statement(text: str, resolution: Resolution, reply: Answer, today: date) -> bool:
    """A message that asks nothing and tells no fact of a case ("Ok, noté, je transmets à ma responsable.", "Les
    objectifs ont été tenus.") and that the scope check refused as a new question is no subject the next message
    continues: it is recorded as an aside, so the next message is read against the turn before it
    (conversations-2026p: c26p-07). Facts told without asking stay a statement (`_statement`)."""
    if resolution.kind != "new" or reply.route != "refusal" or "?" in text or find_slots(text, today):
        return False
    folded = same_length(text).lower()
    return not (v.RE_QUESTION_WORDS.search(folded) or v.RE_REQUEST.match(folded))


def _recorded(conversation: Conversation, reply: Answer, typed: str, heading: str = "") -> Answer:
    """Record an answer written from the earlier turns (a quote, a summary): the conversation stays on
    the subject, the question and the lead of the answer it acted on. `heading`: a sentence put before it."""
    if heading:
        reply.text = f"{heading}\n\n{reply.text}"
    last = conversation.answered[-1]
    # (the citations stay the answer acted on: "et avant l'avenant ?" after a quote reads them)
    conversation.record(replace(last, question=typed, kind="meta", route=reply.route))
    return reply


def _source_of_follow_up(
    conversation: Conversation,
    context: Context,
    other: tuple[str, Request],
    typed: str,
    today: date,
    answer: AnswerFn,
) -> Answer | None:
    """ "Et pour un contrat pro, c'est écrit où ?": the follow-up the message makes besides its source request
    ("et pour un contrat pro ?", resolved against the conversation) is answered first and recorded as the turn, so
    the conversation goes on about it; the reply is where that answer is written (`operations.operate`), said after
    the question understood. None when that answer cites nothing (the message is then read as usual)."""
    rest, request = other
    alone = route(rest, today)
    followed = resolve(rest, context, today, own_topic=alone.topic, refused=alone.route == "refusal")
    followed = replace(followed, text=contracted(followed.text))
    found, decision = answer(followed.text, case=followed.case)
    if found.route == "refusal" or not found.citations:
        return None
    turn = turn_of(
        found,
        typed,
        followed.text,
        followed.kind,
        topic=decision.topic if decision else None,
        subject=followed.subject,
        missing=decision.missing if decision else (),
        lead=first_paragraph(found.text),
    )
    outcome = operate(request, [turn], None, typed)
    if outcome is None or outcome.answer is None:
        return None
    reply = outcome.answer
    reply.question, reply.resolved_question = typed, followed.text
    # ("La réponse s'appuie sur :", the answer just understood, not the previous one)
    text = reply.text.replace(wording_conv.sources([]).strip(), wording_conv.sources([], previous=False).strip(), 1)
    reply.text = f"{wording.understood_question(followed.text)}\n\n{text}"
    conversation.record(turn)
    return reply


def _asks_of_something_else(operation: str, text: str, context: Context, today: date) -> bool:
    """A message read as "depuis quand ?" or "peut-il refuser ?" that asks about something else than the rule the
    previous answer applied: it names a subject of its own ("l'employeur peut-il refuser une Pro-A ?" after the CEP;
    "depuis quand le CQP manager opérationnel y est-il ouvert ?"), or, for a refusal, it marks a change of subject
    or a step aside ("Autre chose : mon employeur peut-il m'imposer trois jours de télétravail ?") or tells facts
    of its own."""
    if operation not in ("decides", "since"):
        return False
    named = message_subject(text)
    if named is not None and not (context.subject is not None and named.same_as(context.subject)):
        return True
    return operation == "decides" and (starts_afresh(text) or bool(find_slots(text, today)))


def _within_subject(text: str, context: Context) -> str | None:
    """ "Et depuis quand le CQP manager opérationnel y est-il ouvert ?" → "… est-il ouvert, à la Pro-A ?": the clitic
    "y" of a message naming a thing of its own stands for "à" the previous subject; None without either."""
    folded = same_length(text).lower()
    clitic = re.search(r"\s+y\b", folded)
    if context.subject is None or clitic is None:
        return None
    bare = (text[: clitic.start()] + text[clitic.end() :]).rstrip(" ?")
    return f"{bare}, à {context.subject.display} ?"


def _in_french(text: str) -> str:
    """An English follow-up read in French (`routing.english.in_french`), from its sentence that asks: the words
    said before it ("Sorry, switching to English:") ask nothing; any other message as it is."""
    french = in_french(text)
    if french == text:
        return text
    clauses = re.split(r"(?<=[.!:;])\s+", french)
    asking = next((i for i, clause in enumerate(clauses) if "?" in clause), 0)
    return " ".join(clauses[asking:])


def _about_subject(text: str, context: Context) -> Resolution | None:
    """ "Conseil en évolution professionnelle : et mes billets de train pour m'y rendre ?": the message asked about
    the previous subject when it points back to it (`pointing.points_back`) and states no fact; else None."""
    if context.subject is None or not pointing.points_back(text):
        return None
    return Resolution(f"{capitalised(context.subject.name)} : {lower_first(text)}", "reference", context.subject)


def _speaks_of_last_answer(conversation: Conversation, text: str, question: str, today: date) -> bool:
    """The message names a thing the last answered turn's cited passages speak of (`switch.in_previous_answer`)."""
    answered = conversation.answered
    if not answered or answered[-1].route == "refusal":
        return False
    return in_previous_answer(text, question, [c.quote for c in answered[-1].citations], today)


def _other_calculator(alone: RouteDecision, context: Context) -> bool:
    """The message alone is a case of another calculator than the one that answered the last turn (one it
    runs, or one whose missing facts it asks: "et j'anime aussi une formation interne : combien ?")."""
    last = context.turns[-1].calculator if context.turns else None
    runs = alone.route in ("calculator", "clarify") and bool(alone.calculator)
    return runs and last is not None and alone.calculator != last


def _statement(text: str, resolution: Resolution, after_statement: bool, today: date) -> bool:
    """Whether the message states facts of a case that the next questions are about: a new message
    stating them, one that describes a case even when it was answered as a change to the previous
    question (an adviser's "Il est en CDI depuis 2018."), or one adding to facts just stated. The
    answer to a clarification is part of the question it completes, never a statement of its own."""
    if resolution.kind == "completion":
        return False
    if (resolution.kind == "new" or after_statement) and states_facts(text, today):
        return True
    return describes_case(text, today) or (after_statement and adds_to_statement(text))


def _understood(resolution: Resolution) -> str:
    """What the answer says it understood: the subject alone when only the subject was put in front
    of the message, else the whole resolved question, so a misreading shows."""
    if resolution.restate:
        return wording.understood_simpler(resolution.text)
    if resolution.kind == "meta":
        return wording.understood_again(resolution.text)
    if resolution.compared_with:
        return wording.understood_comparison(resolution.text, resolution.compared_with)
    if resolution.kind == "reference" and resolution.subject is not None and not resolution.rewritten:
        return wording.understood_subject(resolution.subject.display)
    return wording.understood_question(resolution.text)


def _rewritten(
    rewriter: Rewriter, conversation: Conversation, text: str, resolution: Resolution, max_chars: int
) -> Resolution:
    """The model server's standalone question when it passes `checked_rewrite`, else `resolution`."""
    earlier: Sequence[str] = [t.resolved for t in conversation.turns[-3:]]
    try:
        draft = str(rewriter(earlier, text))
    except Exception:
        log.warning("language model unavailable; follow-up resolved without it", exc_info=True)
        return resolution
    checked = checked_rewrite(draft, [*earlier, text], max_chars)
    if checked is None or " ".join(checked.split()).casefold() == text.casefold():
        return resolution  # a rewrite that only repeats the message would lose the rule-based reading
    return replace(resolution, text=checked, rewritten=True)


def _refused_follow_up(
    text: str, resolution: Resolution, reply: Answer, decision: RouteDecision | None, context: Context
) -> bool:
    """A follow-up refused as resolved, though the turn it follows was answered from the texts and the refusal names
    no subject outside them ("et les tickets resto ?" names one: that refusal stands)."""
    if not resolution.is_follow_up or resolution.kind in ("meta", "completion") or reply.route != "refusal":
        return False
    if "?" not in text and not v.RE_QUESTION_WORDS.search(same_length(text).lower()):
        return False  # a statement asks nothing to answer ("Il est aussi tuteur d'un alternant."): an aside
    return not (context.refused or decision is None or decision.refusal_topic is not None)


def _refused_alone_after_answer(text: str, resolution: Resolution, reply: Answer, context: Context) -> bool:
    """A message refused as a new question because the scope check read it alone ("Et mon salaire pendant ces
    cours, il est maintenu ?": salary), though it continues the answered turn by its form: a lead-in ("et",
    "donc"), a pronoun or a demonstrative pointing back ("ces cours"), and no named thing of its own."""
    if resolution.kind != "new" or reply.route != "refusal" or context.refused or "?" not in text:
        return False
    if message_subject(text) is not None:
        return False
    folded = same_length(text).lower()
    # (a change of subject, "Autre chose :", "Et sinon, mes RTT ?", or nothing shared with the question it would
    # continue: the refusal of a subject of its own stands)
    if v.RE_SWITCH.match(folded) or re.search(r"\bsinon\b", folded) or not shares_words(text, context.question):
        return False
    return bool(
        v.RE_LEAD_IN.match(folded)
        or _THEREFORE.match(folded)
        or v.RE_POINTED.search(folded)
        or v.RE_PRONOUN.search(folded)
    )


_THEREFORE = re.compile(r"^\W*(?:donc|du coup|dans ce cas)\b")


def _unanswered_in_scope(
    text: str, resolution: Resolution, reply: Answer, decision: RouteDecision | None, context: Context
) -> bool:
    """A new question the router read as one of the texts' field (no refusal, no subject outside them), that the
    answer refused for want of a passage, right after an answered turn: the scope check's reading stands; only the
    search is tried again, within the text that answered the turn before (`_answered_where_read`)."""
    if resolution.kind != "new" or reply.route != "refusal" or context.refused or "?" not in text:
        return False
    return decision is not None and decision.route != "refusal" and decision.refusal_topic is None


def _answered_where_read(
    text: str, resolution: Resolution, conversation: Conversation, answer: AnswerFn
) -> tuple[Resolution, tuple[Answer, RouteDecision | None]] | None:
    """The refused follow-up asked within the text that answered the turn it follows (`answered_place`);
    None when that turn cited nothing or these are refused too."""
    answered = conversation.answered
    if not answered or answered[-1].route == "refusal":
        return None
    for question in place_questions(text, resolution.text, answered[-1].citations):
        found = answer(question)
        # (the text read is named, so the search finds something there whatever is asked: its lead must share a
        # word with the message, "et combien gagne un AES ?" is not answered by the avenant's bonus article)
        if found[0].route != "refusal" and shares_words(text, _lead_sentence(found[0].text)):
            return Resolution(question, "reference", resolution.subject), found
    return None


def _lead_sentence(text: str) -> str:
    """The answer's lead, without the heading that names its subject or the question understood."""
    paragraphs = [
        p
        for p in text.split("\n\n")
        if not p.startswith("Question comprise") and not (p.startswith("Pour ") and p.rstrip().endswith(":"))
    ]
    return paragraphs[0] if paragraphs else ""


def _answered_plainly(
    text: str, context: Context, answer: AnswerFn
) -> tuple[Resolution, tuple[Answer, RouteDecision | None]] | None:
    """The refused follow-up asked in a plainer form: put to the previous subject ("CQP gestionnaire conseil : et à
    quel tarif horaire ?") rather than appended to the whole earlier question, else the message alone; None when
    these are refused too."""
    tries: list[Resolution] = []
    if context.subject is not None:
        subject = context.subject
        tries.append(Resolution(f"{capitalised(subject.name)} : {lower_first(text)}", "reference", subject))
    tries.append(Resolution(text, "new", message_subject(text)))
    for tried in tries:
        found = answer(tried.text)
        if found[0].route != "refusal":
            return tried, found
    return None
