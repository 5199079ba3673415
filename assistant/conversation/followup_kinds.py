"""Which case a message is against the turn it continues: new, completion, circumstance, reference, meta, aside.

Split from `assistant.conversation.followups` (the entry point, whose docstring lists the cases): that module reads
what surrounds the message (thanks, digressions, stacked frames, facts stated earlier) and hands the message and the
context it continues to `resolve_followup`, which tells the cases apart from the message's own words
(`assistant.conversation.vocabulary`) and rereads a message aimed at an earlier turn as a follow-up of that turn.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from assistant.conversation import frames, wording
from assistant.conversation import vocabulary as v
from assistant.conversation.antecedents import pronoun_antecedent, pronoun_beside_named, same_question
from assistant.conversation.backrefs import (
    EarlierTurn,
    both_subjects,
    earlier_question,
    going_back,
    head_noun_subject,
    mentioned_by_head,
    ordinal_subject,
)
from assistant.conversation.comparison import compares
from assistant.conversation.fact_merge import merge_facts
from assistant.conversation.named_ones import other_person
from assistant.conversation.other_case import asks_ordinary_case, ordinary_question, other_end
from assistant.conversation.other_text import in_other_text
from assistant.conversation.persons import asked_for_person, back_to_case, back_to_person
from assistant.conversation.pointing import opposes, points_back, shows_subject
from assistant.conversation.resolution import Context, Resolution, earlier_context
from assistant.conversation.restate import (
    about_other_subject,
    appended,
    asked_of_mentioned,
    capitalised,
    changed,
    chooses_among,
    chosen_among,
    complement_replaced,
    completed,
    lower_first,
    typed_with_article,
    with_question,
    yes_or_no_completed,
)
from assistant.conversation.rule_questions import asks_of_rule
from assistant.conversation.scaling import scaled_question
from assistant.conversation.slots import find_slots
from assistant.conversation.statements import sets_scene
from assistant.conversation.subject import (
    after_subject_clause,
    asks_nothing_else,
    find_subject,
    points_to,
    subject_of,
    subjects_in,
)
from text.folding import same_length

_LEAD_IN = v.RE_LEAD_IN
_CORRECTION = v.RE_CORRECTION
_OPENING = v.RE_CIRCUMSTANCE_OPENING
_QUESTION = v.RE_QUESTION_WORDS
_COPULA = v.RE_COPULA
_HYPOTHESIS = v.RE_HYPOTHESIS
_PLURAL = v.RE_PLURAL_PRONOUN
# "dont on parlait", "de tout à l'heure", "que j'ai évoqué": the thing named was talked about before
_RECALL = re.compile(
    r"\s*,?\s*(?:dont (?:on|nous|je|tu|vous) (?:t'|vous )?(?:parl\w*|a parle|avons parle|ai parle|as parle)"
    r"|de tout a l'heure|(?:que|qu') (?:j'ai|on a|tu as|vous avez) (?:evoqu|mentionn|cit)\w*)"
)
_PRONOUN = v.RE_PRONOUN
_COURTESY = v.RE_COURTESY
_BACK_REFERENCE = v.RE_BACK_REFERENCE
_REQUEST = v.RE_REQUEST
_EMPTY_PREDICATE = v.RE_EMPTY_PREDICATE
_META = v.RE_META
_IN_EUROS = v.RE_IN_EUROS
_IN_UNIT = v.RE_IN_UNIT
_NOUN_PHRASE = v.RE_NOUN_PHRASE
_DEMONSTRATIVE = v.RE_DEMONSTRATIVE
_FIRST_PERSON = v.RE_FIRST_PERSON
# "ne … que" / "n'… qu'": a restriction, whose "que" is no question word
_RESTRICTIVE = re.compile(r"\b(?:ne|n')\s*(?:[\w-]+\s+){1,3}?que\b")


def resolve_followup(
    message: str, context: Context | None, today: date, *, own_topic: str | None, refused: bool
) -> Resolution:
    """The standalone question `message` means against the turn `context` holds (the case it is: module docstring);
    what surrounds the message (thanks, digressions, facts stated earlier) is read before, by `followups.resolve`."""
    text = re.sub(r"\s+", " ", message).strip()
    own_subject = find_subject(text)
    if context is None or not text:
        return Resolution(text, "new", own_subject)
    folded = same_length(text)
    answered = yes_or_no_completed(text, folded, context, today)
    if answered is not None:
        return answered
    if _COURTESY.match(folded):  # after the yes/no check: "oui" answers a pending yes/no question
        return Resolution(text, "aside", None)
    if frames.restates(text, today, context):
        # "explique plus simplement": the rule the previous question asked about, said again; after a
        # clarification, the question as typed (its subject named), not the case it was completed into
        typed = context.typed if context.pending and find_subject(context.typed) else ""
        return Resolution(typed or context.question, "meta", context.subject, restate=True)
    for_case = frames.restated_for_case(text, today)
    if for_case is not None:  # "plus simplement, pour un jeune de 20 ans ?": the previous question, for that case
        return Resolution(appended(context.pending or context.question, for_case), "circumstance", context.subject)
    undone = _undone(text, folded, context)
    if undone is not None:  # "non, finalement j'avais raison au début": the question before the correction
        return Resolution(undone, "circumstance", context.subject, case=context.case)
    correction = _CORRECTION.match(folded)
    body_at = correction.end() if correction else 0
    lead = _LEAD_IN.match(folded[body_at:])
    if lead:
        body_at += lead.end()
    body, body_folded = text[body_at:], folded[body_at:]
    if correction:  # "le 1er janvier et non le 1er mars": the value set aside is no fact of the case
        body = _without_old_value(body)
        body_folded = same_length(body)
    other = None if correction else other_person(body, context.pending or context.question, today)
    if other is not None:
        # "et pour Léa ?" after "Paul du …, Léa du … combien pour Paul ?": the same question about her (named_ones.py)
        return Resolution(other, "circumstance", context.subject, case=context.case, recast=True)
    scaled = None if correction else scaled_question(body, _own_case(context, body_folded), today)
    if scaled is not None:
        # "et si ça avait duré deux fois plus longtemps ?": the previous case, its period or amount scaled (scaling.py)
        return Resolution(scaled, "circumstance", context.subject, case=context.case, recast=True)
    if not correction and asks_ordinary_case(body) and not find_slots(body, today):
        # "et pour quelqu'un qui n'est dans aucun de ces cas ?": the previous question without its particular case
        ordinary = ordinary_question(context.pending or context.question, context.subject)
        if ordinary is not None:
            return Resolution(ordinary, "circumstance", context.subject)
    turned = other_end(context.pending or context.question, text) if not correction else None
    if turned is not None:  # "et au maximum ?" after a minimum: the previous question about the other end
        return Resolution(turned, "circumstance", context.subject)
    person_case = back_to_person(body, context.turns)
    if person_case is not None:  # "revenons à Agnès : combien de temps ?": that person's case, its facts kept
        turn, rest = person_case
        return _followed(turn, rest, context, today, own_topic=own_topic, refused=refused, case=True)
    if lead and context.subject is not None and opposes(folded[:body_at], body) and not find_slots(body, today):
        # "et à l'inverse, sa durée la plus courte ?": the previous subject, the message's own thing (pointing.py)
        return Resolution(f"{capitalised(context.subject.name)} : {lower_first(body)}", "reference", context.subject)
    case_back = back_to_case(body, context.turns)
    if case_back is not None:
        turn, rest = case_back
        if turn.subject is not None and not merge_facts(turn.question, rest, today).replaced:
            # "je reviens à mon agent en CDD : quelle durée d'absence ?": a question of its own on that case's subject
            return Resolution(f"{capitalised(turn.subject.name)} : {lower_first(rest)}", "reference", turn.subject)
        return _followed(turn, rest, context, today, own_topic=own_topic, refused=refused, case=True)
    back = going_back(body, context.turns) or ordinal_subject(body, context.turns)
    if back is not None and not re.search(r"[a-z]", same_length(back.rest).lower()):  # "et le premier ?"
        return about_other_subject(context, back.subject)
    if back is not None:  # "revenons à la première : elle est versée quand ?"
        return Resolution(f"{capitalised(back.subject.name)} : {lower_first(back.rest)}", "reference", back.subject)
    other_text = in_other_text(text, context) if not correction else None
    if other_text is not None:  # "et l'avenant de 2022, il a changé quoi là-dessus ?": that text, same subject
        return other_text
    recalled = earlier_question(body, context.turns)
    if recalled is not None:  # "reprends le premier calcul avec 9 mois": that question, its facts changed
        turn, rest = recalled
        return _followed(turn, rest, context, today, own_topic=own_topic, refused=refused)
    slots = find_slots(body, today)
    if (
        slots
        and not correction
        and not context.pending
        and own_topic not in (None, context.topic)
        and sets_scene(context.typed, today)
    ):
        # "Je reçois Mme Said pour son entretien pro." then her facts on another topic: the first message only
        # set the scene (it asked nothing and told no fact), so the facts are read on their own, not as a change
        # to it
        return Resolution(text, "new", own_subject)
    again = None if own_subject is not None or slots else same_question(body, context.question)
    # "même chose pour ma casquette de formatrice ?": a thing the previous question named besides its subject
    other_side = again or (lead and own_subject is None and not slots)
    mentioned = mentioned_by_head(body, context.question, context.subject) if other_side else None
    if mentioned is not None and not _QUESTION.search(body_folded):
        return Resolution(asked_of_mentioned(context.question, context.subject, mentioned), "circumstance", mentioned)
    if again is not None:  # "même question pour les APT": the previous question about them
        return Resolution(again, "circumstance", context.subject)
    if own_subject is None and not slots and not context.pending and chooses_among(body_folded, context.question):
        # "Lequel est le plus récent ?" after "Quels CQP ont été créés à la demande de la branche
        # Recouvrement ?": one of the things the previous question listed, chosen among them
        return Resolution(chosen_among(context.question, body), "circumstance", context.subject)
    # ("et si ça ne faisait que 3 ans ?": the "que" of "ne … que" restricts, it asks nothing)
    unrestricted = _RESTRICTIVE.sub(lambda m: m.group()[:-3] + "   ", body_folded)
    asks = bool(_QUESTION.search(unrestricted)) or (
        bool(_COPULA.search(body_folded)) and not _HYPOTHESIS.match(body_folded)
    )
    # "et l'oral ?", "et son numéro RNCP ?": after "et", a few words without a question of their own
    # mean the previous question again, about them
    # (words, not the "?" typed apart as French typography wants)
    elliptic = bool(lead) and not asks and len(re.findall(r"[^\W\d_]+|\d+", body_folded.replace("'", " "))) <= 5
    demonstrative = _DEMONSTRATIVE.search(body_folded) if not asks else None
    circumstance = bool(correction) or (not asks and (bool(_OPENING.match(body_folded)) or bool(slots) or elliptic))
    previous = context.subject
    if own_subject is not None and previous is not None and not slots and points_to(text, own_subject, previous):
        # "sa date de création, à ce CQP ?": the one just spoken of, named by its kind
        return Resolution(f"{capitalised(previous.name)} : {lower_first(body)}", "reference", previous)
    known = [previous, *subjects_in(context.pending or context.question)]
    # A topic the router finds in a message that continues the previous one ("et …", "non, …", "elle …")
    # is not a new subject: only a named one is.
    continues = bool(correction or lead or demonstrative or _PRONOUN.search(body_folded))
    switched = (own_subject is not None and not any(own_subject.same_as(k) for k in known)) or (
        own_subject is None and own_topic is not None and own_topic != context.topic and not continues
    )
    # "je corrige : il vise un niveau 5": a fact of the previous question replaced, whatever the message
    # alone reads as
    corrects = bool(correction) and bool(merge_facts(context.pending or context.question, body, today).replaced)
    framed = previous or subject_of(context.topic, None)
    if framed is not None and not correction and frames.new_person(body, context.pending or context.question, today):
        # "Moi je n'en ai qu'un, de janvier à juin" after a colleague's case: the user's facts, a frame of their own;
        # asking nothing else, the previous question's asking clause asked of them
        for_person = asked_for_person(body, context.pending or context.question, framed.name, today)
        text = for_person or f"{capitalised(framed.name)} : {lower_first(body)}"
        return Resolution(text, "reference", framed, case=True)
    told = "?" not in text and not _QUESTION.search(body_folded) and _FIRST_PERSON.search(body_folded)
    if context.case and lead and not switched and told:
        # "et mon poste n'est pas menacé." after a calculation on the user's case: one more fact of that case,
        # whatever the words read alone (completing the case, as an answer to a clarification does)
        return Resolution(appended(context.pending or context.question, body), "completion", previous, case=True)
    # ("Vrai ou faux : elle compte dans la gratification annuelle ?": the previous subject, pointing.py)
    # (the previous subject is a thing of the texts even when its message was refused for other words)
    back_to_previous = previous is not None and (
        points_back(body) or shows_subject(body, f"{previous.name} {previous.display}")
    )
    # ("et si ça ne faisait que 3 ans ?": a fact of the previous case changed, refused alone for saying nothing else)
    changes_fact = bool(slots) and not asks and bool(_OPENING.match(body_folded))
    kept = demonstrative or corrects or back_to_previous or changes_fact
    if refused and own_topic is None and not kept:
        # ("et dans celui de la gratification ?" names a noun of the previous question, not a new subject)
        return Resolution(text, "new", None)
    meta = _META.match(body_folded)
    if meta and not correction and not (own_subject is not None and not any(own_subject.same_as(k) for k in known)):
        rest = body_folded[meta.end() :].strip(" ?!.…,;")
        if len(rest.split()) <= 6 and not _QUESTION.search(rest) and not find_slots(body[meta.end() :], today):
            return Resolution(context.question, "meta", previous)
    if context.points is not None and _IN_EUROS.search(body_folded) and not slots and not switched:
        # "et en euros ?" after a bonus in points: those points converted (the point's value on the day)
        points = f"{context.points:g}".replace(".", ",")
        return Resolution(wording.points_in_euros(points), "circumstance", previous)
    in_unit = _IN_UNIT.match(body_folded.strip())
    if in_unit and not switched and not context.pending and not correction:
        # "et en jours, ça fait combien ?": the previous question, its quantity asked in that unit
        unit = body[in_unit.start() : in_unit.end("unit")]
        return Resolution(appended(context.question, unit), "circumstance", previous)
    if context.pending and not asks and (slots or not switched or len(body.split()) <= 6):
        # the answer to the clarification ("CDD", "le CQP gestionnaire conseil", "du 1er au 30 mars")
        return Resolution(completed(context, body, today), "completion", previous)
    recall = _RECALL.search(body_folded)
    if recall and not asks and own_subject is not None:
        # "et l'oral du CQP dont on parlait ?": the earlier question on that subject, not the last one
        for turn in reversed(context.turns[:-1]):
            # (the name may be shorter than the earlier one: "le CQP" for "le CQP gestionnaire conseil")
            if turn.subject is not None and (
                own_subject.same_as(turn.subject) or own_subject.topic == turn.subject.topic
            ):
                named = (body[: recall.start()] + body[recall.end() :]).strip()
                return Resolution(appended(turn.question, named), "reference", turn.subject)
    # (a message naming both sides, "la VAE ou le CEP, lequel… ?", is a comparison of its own: answered alone)
    named_sides = {s.name for s in subjects_in(body)}
    if switched and own_subject is not None and previous is not None and len(named_sides) == 1 and compares(body):
        # "c'est plus ou moins que le formateur interne ?": the previous question about the new side, both named
        # each side named in the form the previous question named the other: the user's words when they were
        # not the texts' name ("le tuteur" for the tutor's bonus, then "le formateur interne"), else the name
        side = find_subject(context.question)
        other = typed_with_article(context.question, side) if side and side.same_as(previous) else previous.display
        canonical = same_length(other).lower() == same_length(previous.display).lower()
        typed = "" if canonical else typed_with_article(text, own_subject)
        about_new_side = about_other_subject(context, own_subject, typed).text
        other = lower_first(other) if re.match(r"(?:le|la|les|l')\b", same_length(other).lower()) else other
        return Resolution(about_new_side, "circumstance", own_subject, compared_with=other)
    beside = None
    if switched and own_subject is not None and not correction:
        beside = pronoun_beside_named(body, own_subject, context.pending or context.question, own_subject.topic)
    if beside is not None:  # "Il est ouvert à la Pro-A ?" after the diploma: "il" is the diploma, not the Pro-A
        return Resolution(f"{capitalised(beside.name)} : {lower_first(body)}", "reference", beside)
    if switched:
        asked = after_subject_clause(body, own_subject) if correction else ""
        # "non, je parlais du formateur interne, pas du tuteur : elle est versée quand, sa prime ?"
        if asked and own_subject is not None:
            return Resolution(f"{capitalised(own_subject.name)} : {lower_first(asked)}", "reference", own_subject)
        if (
            own_subject is not None
            and previous is not None
            and ((circumstance and not asks) or asks_nothing_else(body, own_subject))
        ):
            return about_other_subject(context, own_subject)
        return Resolution(text, "new", own_subject)
    if context.pending and slots:
        return Resolution(completed(context, body, today), "completion", previous)
    if circumstance and demonstrative and not slots:
        replaced = complement_replaced(context.question, body, demonstrative)
        if replaced is not None:
            return Resolution(replaced, "circumstance", previous)
    if circumstance:
        questions = _stating(context.question, *context.earlier) if correction else (context.question,)
        addition = body if elliptic and not correction and not slots and _NOUN_PHRASE.match(body_folded) else ""
        return Resolution(changed(questions, body, today), "circumstance", previous, addition=addition)
    if context.refused and previous is None and own_subject is None:
        # "et c'est payé combien ?" after a refusal: still the refused subject, not an older one
        return Resolution(appended(context.question, body), "circumstance", None)
    # (the subject of the previous answer's lead when the question had none: "un professionnel extérieur" answered
    # with the CEP's article)
    topical = (subject_of(context.topic, None) or find_subject(context.lead)) if not (previous or own_subject) else None
    if topical is not None and shows_subject(body, f"{topical.name} {topical.display}"):
        # "vers quels organismes me tourner pour ce conseil ?" after a question on the CEP that did not name it:
        # the demonstrative shows the subject of its topic or of its answer
        return Resolution(f"{capitalised(topical.name)} : {lower_first(body)}", "reference", topical)
    if own_subject is not None or (previous is None and not context.case):
        return Resolution(text, "new", own_subject)
    if not (asks or _BACK_REFERENCE.search(body_folded) or text.endswith("?")):
        return Resolution(text, "new", None)
    turns = context.turns
    earlier_subject = None if slots else both_subjects(body, turns) or head_noun_subject(body, previous, turns)
    # "il donne quel diplôme ?" after "Le master … de la liste Pro-A": not la Pro-A, by the pronoun's gender
    earlier_subject = earlier_subject or (None if slots else pronoun_antecedent(body, previous, context.question))
    if earlier_subject is not None:  # "il peut cumuler les deux primes ?", "son contrat dure combien ?"
        return Resolution(f"{capitalised(earlier_subject.name)} : {lower_first(body)}", "reference", earlier_subject)
    if context.pending and asks and not slots and previous is not None:
        # a question of its own instead of the fact the clarification asked for ("il se déclenche au bout
        # de combien d'années ?"): a general question about the subject, not the user's case completed
        return Resolution(f"{capitalised(previous.name)} : {lower_first(body)}", "reference", previous)
    plural = previous is not None and bool(_PLURAL.search(body_folded)) and not previous.display.startswith("les ")
    # a request to be told about something is no case to add to, even when a calculator answered it
    # ("Parle-moi du master…" names the master, not a diploma the user holds)
    case = context.case and (context.pending is not None or not _REQUEST.match(same_length(context.question)))
    if case and not slots and previous is not None and _asks_of_subject(body, body_folded, context):
        return Resolution(f"{capitalised(previous.name)} : {lower_first(body)}", "reference", previous)
    if case or plural:  # the user's own case, or a plural phrase of the previous question
        earlier = context.pending or context.question
        merged = merge_facts(earlier, body, today) if slots else None
        if merged is not None and merged.replaced:  # "et si j'en anime deux autres, ça fait combien ?"
            return Resolution(with_question(earlier, merged.text, body), "circumstance", previous)
        return Resolution(appended(earlier, body), "circumstance", previous)
    assert previous is not None
    return Resolution(f"{capitalised(previous.name)} : {lower_first(body)}", "reference", previous)


# a correction taken back: "finalement si, c'était bien trois", "non, j'avais raison au début", "oublie ma
# correction", "je confondais", "comme je disais au départ"
_UNDO = re.compile(
    r"\b(?:j'avais (?:raison|bon)|finalement,? (?:si|non)\b|c'etait bien\b|"
    r"oublie (?:ma correction|ce que je viens de dire|ca)|je confond\w*|comme je (?:disais|l'avais dit)|"
    r"(?:au|du) (?:debut|depart)\b[^.?!]{0,20}\b(?:raison|bon|juste|exact))"
)
_ASKING = re.compile(r"[^.!?]*\?\s*$")


def _asks_of_subject(body: str, folded: str, context: Context) -> bool:
    """After a calculation, a message stating no fact of the case asks of the subject, not of the case computed:
    who or where ("et qui peut me le faire, ce conseil ?", which no fact of the case changes, even while a calculator
    waits for an input), the place of the subject ("et mon trajet pour m'y rendre, il est remboursé ?": the reflexive
    "m'y", "s'y"), or a question of its own about the rule ("est-ce que ça remplace la contribution légale ?", "je
    devrai le payer de ma poche ?": `rule_questions`). Appended to the case, each would run the same calculation on
    the same facts again."""
    if v.RE_ACTOR_ASKED.match(folded):
        return True
    return not context.pending and bool(v.RE_REFLEXIVE_Y.search(folded) or asks_of_rule(body, context.question))


def _undone(text: str, folded: str, context: Context) -> str | None:
    """The question as it stood before the last message's correction, when this message takes the correction back;
    a question of its own after the taking back is asked of it ("… C'est conforme ?")."""
    if not context.earlier or not _UNDO.search(folded) or not _CORRECTION.match(same_length(context.typed).lower()):
        return None
    before = context.earlier[0]
    asked = _ASKING.search(text)
    own = asked.group().strip() if asked and not _UNDO.search(same_length(asked.group()).lower()) else ""
    return appended(before, lower_first(own)) if own and own not in before else before


# the user's own thing: "le triple de la nôtre", "deux fois mon budget"
_OWN = re.compile(r"\b(?:notre|nos|la notre|le notre|les notres|mon|ma|mes|le mien|la mienne|chez nous|chez moi)\b")


def _own_case(context: Context, body_folded: str) -> str:
    """The question a scaling applies to: the last one, unless it was a hypothesis ("et si elle était deux fois plus
    petite ?") and the message scales the user's own figure ("… le triple de la nôtre"): the question before it,
    whose facts the hypothesis did not change."""
    question = context.pending or context.question
    typed = same_length(context.typed).lower().lstrip(" ,")
    if context.earlier and _HYPOTHESIS.match(re.sub(r"^(?:et|mais|alors)\s+", "", typed)) and _OWN.search(body_folded):
        return context.earlier[0]
    return question


def _without_old_value(body: str) -> str:
    """The correction without the old value it sets aside ("c'est 44 millions, pas 40" → "c'est 44 millions")."""
    folded = same_length(body).lower()
    for match in reversed(list(v.RE_OLD_VALUE.finditer(folded))):
        old = match.group("old") or match.group("instead") or ""
        if v.RE_VALUE.search(old):
            body = body[: match.start()] + body[match.end() :]
    return body


def _stating(*questions: str) -> tuple[str, ...]:
    """The questions (most recent first), each a follow-up appended to an earlier one ("… quelle prime, c'est
    versé à quel moment ?") replaced by the earlier question that stated the facts: a corrected fact is changed in
    the calculation it was given for, not in a later question about something else."""
    stated: list[str] = []
    for at, question in enumerate(questions):
        older = [q for q in questions[at + 1 :] if len(q) < len(question)]
        origin = next((q for q in reversed(older) if question.startswith(q.rstrip(" ?.!…"))), question)
        stated.append(origin)
    return tuple(dict.fromkeys(stated))


def _followed(
    turn: EarlierTurn,
    rest: str,
    context: Context,
    today: date,
    *,
    own_topic: str | None,
    refused: bool,
    case: bool = False,
) -> Resolution:
    """`rest` read as a follow-up of the earlier `turn`, as if it had been the last question: its facts
    replaced by the ones `rest` changes, else `rest` asked of it."""
    recalc = merge_facts(turn.question, rest, today)
    if recalc.replaced or not rest:
        return Resolution(recalc.text if recalc.replaced else turn.question, "reference", turn.subject, case=case)
    # "pour revenir à ma première question : cette prime est-elle réduite … ?": the rest is read
    # as a follow-up of that question, as if it had been the last one
    reread = resolve_followup(rest, earlier_context(turn, context), today, own_topic=own_topic, refused=refused)
    if (reread.kind == "new" and reread.subject is None) or (case and reread.kind == "new"):
        return Resolution(appended(turn.question, rest), "reference", turn.subject, case=case)
    if reread.kind == "meta":
        return replace(reread, kind="reference")
    return replace(reread, case=reread.case or case)
