"""How a follow-up's standalone question is worded once `followups` has decided what it means.

The decision (which case: completion, circumstance, reference…) and the wording are apart so that
each reads on its own: this module only edits text — the pending question completed with the user's
answer, the earlier question with a fact changed or added, the same question about another subject,
a demonstrative's complement put in place — and never looks at the conversation beyond the
`Context` it is given.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.conversation import vocabulary as v
from assistant.conversation.answers import closed_question, open_statement, statement, yes_or_no
from assistant.conversation.bare_values import two_ends, written_out
from assistant.conversation.fact_merge import merge_facts
from assistant.conversation.resolution import Context, Resolution
from assistant.conversation.slots import find_slots
from assistant.conversation.subject import Subject, find_subject
from assistant.conversation.subject import subjects_in as find_subjects
from text.folding import same_length

# "le calcul de l'allocation vacances": a noun with its article and its complement, which "celui de …" replaces
_NOUN_OF = re.compile(
    r"\b(?P<article>le|la|les|l')\s*[a-z]+ (?P<complement>(?:de la |de l'|du |des |de |d')[^,;:?!.]+)"
)
_ARTICLES_OF = {"celui": ("le", "l'"), "celle": ("la", "l'"), "ceux": ("les",), "celles": ("les",)}
_ORDINARY_CASE = v.RE_ORDINARY_CASE
_BARE_NUMBER = re.compile(r"^\s*(\d+(?:[,.]\d+)?)\s*[?.!]?\s*$")
_BARE_LENGTH = re.compile(r"^\s*(?:environ |a peu pres )?\d{1,3} *(?:mois|ans?|annees?|semaines?)\s*[?.!]*\s*$")


def about_other_subject(context: Context, subject: Subject, typed: str = "") -> Resolution:
    """ "Et pour la VAE ?" after a question on the CEP: the same question, about the VAE (named by the
    user's own words `typed`, article included, when given: "le formateur interne", not his bonus)."""
    found = find_subject(context.question)
    if found is None or not found.same_as(context.subject):
        return Resolution(f"{capitalised(subject.name)} : {context.question}", "circumstance", subject)
    start, end = found.span
    article = re.search(r"\b(?:le|la|les|un|une) $|\bl'$", same_length(context.question[max(0, start - 4) : start]))
    if article:
        start, name = start - len(article.group(0)), typed or subject.display
        name = capitalised(name) if start == 0 else name
    else:
        # "Je suis tutrice …" then "et si j'avais été formatrice interne …": the role in the user's words, without an
        # article where the earlier one had none (the subject's name, "prime de formateur interne", is no role)
        name = re.sub(r"^(?:le|la|les|un|une) |^l'", "", typed, flags=re.IGNORECASE) if typed else subject.name
    return Resolution(context.question[:start] + name + context.question[end:], "circumstance", subject)


def typed_with_article(text: str, subject: Subject) -> str:
    """The words `text` names `subject` by, with the article in front of them ("le formateur interne")."""
    start, end = subject.span
    article = re.search(r"\b(?:le|la|les|un|une) $|\bl'$", same_length(text[max(0, start - 4) : start]))
    return text[start - len(article.group(0)) if article else start : end]


def complement_replaced(question: str, body: str, demonstrative: re.Match[str]) -> str | None:
    """ "et dans celui de la gratification annuelle ?" after "…entre dans le calcul de l'allocation
    vacances ?": the previous question with the complement of its last noun of the demonstrative's
    gender and number replaced ("…dans le calcul de la gratification annuelle ?"); None when it has none."""
    articles = _ARTICLES_OF[demonstrative.group("pronoun")]
    folded = same_length(question)
    at_articles = (_NOUN_OF.match(folded, a.start()) for a in re.finditer(r"\b(?:le|la|les|l')", folded))
    nouns = [m for m in at_articles if m is not None and m.group("article") in articles]
    if not nouns:
        return None
    start, end = nouns[-1].span("complement")
    end = start + len(folded[start:end].rstrip())
    complement = body[demonstrative.start("complement") : demonstrative.end("complement")]  # folding keeps offsets
    return question[:start] + complement.strip() + question[end:]


def completed(context: Context, body: str, today: date) -> str:
    """The pending question completed by the user's answer (a bare number gets the unit asked for)."""
    assert context.pending is not None
    body = written_out(body, today) or body  # "1/02 → 31/05/2026": the dates as the readers read them
    number = _BARE_NUMBER.match(body)
    units = [v.BARE_NUMBER_UNITS[m] for m in context.missing if m in v.BARE_NUMBER_UNITS]
    if number and len(set(units)) == 1:
        body = f"{number.group(1)} {units[0]}"
    elif v.PERIOD_FACTS & set(context.missing) and _BARE_LENGTH.match(same_length(body)):
        body = f"pendant {body.strip(' ?.!')}"  # "5 mois" answering "sur quelle période ?"
    elif v.PERIOD_FACTS & set(context.missing):
        # "arrivée le 1er avril 2026 et partie le 15 août" answering "sur quelle période ?": the two ends, a period
        body = two_ends(body, single_days(body, today)) or body
    merged = merge_facts(context.pending, body, today)
    if merged.replaced and len(merged.replaced) >= len(find_slots(body, today)):
        return merged.text
    if merged.replaced:
        # the answer tells more than the facts it replaces ("CDI depuis 2015, et mon diplôme … un BTS" after "en
        # poste depuis six mois" and a question back on the contract and the diploma): what was asked for is the
        # rest, which a merge would drop, so the whole answer follows the question it answers
        return appended(context.pending, body)
    said = open_statement(context.asked, body) if context.asked and find_slots(body, today) else None
    if said:  # a sentence of its own after the question: "… ? J'ai obtenu ma certification le 20 mai."
        return f"{context.pending.rstrip()} {said}."
    return appended(context.pending, body)


def single_days(body: str, today: date) -> list[tuple[tuple[int, int], date, bool]]:
    """The message's single days (no period among its facts), with their spans, for `bare_values.two_ends`."""
    slots = [s for s in find_slots(body, today) if s.kind in ("date", "period")]
    if any(s.kind != "date" or s.when is None or s.when.precision != "day" for s in slots):
        return []
    return [(s.span, s.when.start, s.when.year_inferred) for s in slots if s.when is not None]


def changed(questions: tuple[str, ...], body: str, today: date) -> str:
    """The most recent of `questions` holding a fact the follow-up changes, with the new fact in
    place; the first question with the follow-up added when none holds one."""
    for question in questions:
        merged = merge_facts(question, body, today)
        if merged.replaced:
            return with_question(question, merged.text, body)
    # "et pour une bénéficiaire du RSA ?" after "Quelle durée … en temps normal ?": the new case is not the
    # ordinary one the earlier question asked about, so its "en temps normal" goes
    folded = same_length(questions[0])
    ordinary = _ORDINARY_CASE.search(folded)
    question = questions[0][: ordinary.start()] + questions[0][ordinary.end() :] if ordinary else questions[0]
    return appended(capitalised(re.sub(r"^\s*[,;:]\s*", "", question)), body)


_QUESTION = v.RE_QUESTION_WORDS


def with_question(earlier: str, merged: str, body: str) -> str:
    """`merged` (the earlier message with the follow-up's facts in place) followed by what the follow-up
    asks when the earlier message asked nothing: a statement of facts ("Je suis tutrice depuis le 1er
    mars.") completed by "si ma mission se termine le 31 août, combien de points pour moi ?"."""
    asking = asking_part(body) if "?" not in earlier else ""
    return appended(merged, asking) if asking else merged


def asking_part(body: str) -> str:
    """The clauses of a follow-up from the first one that asks ("combien de points pour moi ?" in "si ma
    mission se termine le 31 août, combien de points pour moi ?"), or "" when none asks."""
    clauses = re.split(r"(?<=[,;:])\s+", body.strip())
    for i, clause in enumerate(clauses):
        if _QUESTION.search(same_length(clause).lower()):
            return " ".join(clauses[i:])
    return ""


def appended(question: str, addition: str) -> str:
    head = question.rstrip(" ?.!…")
    tail = addition.strip(" ?.!…,;")
    return f"{head}, {lower_first(tail)} ?" if tail else question


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym ("CDD", "VAE")."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[:2].isupper():
        return text
    return text[:1].lower() + text[1:]


# an interrogative pronoun choosing among things ("lequel est le plus récent ?"), after a question asking a list
_WHICH_OF = re.compile(r"^(?:lequel|laquelle|lesquels|lesquelles)\b")
_LIST_ASKED = re.compile(r"\b(?:quels|quelles)\b")


def chooses_among(body_folded: str, question: str) -> bool:
    """The message (folded) opens with "lequel / laquelle …" and the previous `question` asked a list."""
    return bool(_WHICH_OF.match(body_folded)) and bool(_LIST_ASKED.search(same_length(question).lower()))


# "Quels CQP ont été créés à la demande de …", "Quelles certifications sont éligibles …": the things listed
_LISTED = re.compile(
    r"\b(?:quels|quelles) (?P<noun>[^?]+?) "
    r"(?P<verb>ont ete|sont|ont|peuvent|figurent|existent|relevent)\b(?P<rest>[^?]*)"
)


def chosen_among(question: str, body: str) -> str:
    """ "Lequel est le plus récent ?" asked among what `question` listed: "Parmi les CQP créés à la demande
    de la branche Recouvrement, lequel est le plus récent ?" (the list's noun and what qualifies it), else
    the previous question with the choice added."""
    m = _LISTED.search(same_length(question).lower())
    if m is None:
        return appended(question, body)
    noun, rest = question[m.start("noun") : m.end("noun")], question[m.start("rest") : m.end("rest")].rstrip(" ?")
    verb = "" if m.group("verb") in ("ont ete", "sont") else " qui " + question[m.start("verb") : m.end("verb")]
    return f"Parmi les {noun}{verb}{rest}, {lower_first(body.strip())}"


def yes_or_no_completed(text: str, folded: str, context: Context, today: date) -> Resolution | None:
    """ "oui" / "non" to a clarification's yes/no question: the pending question completed with the
    statement it stands for ("…, mon emploi est menacé par des évolutions…")."""
    if not (context.pending and context.asked):
        return None
    closed = closed_question(context.asked)
    lead = v.RE_LEAD_IN.match(folded)
    said = yes_or_no(text[lead.end() if lead else 0 :]) if closed else None
    if closed is None or said is None:
        return None
    yes, rest = said
    body = statement(closed, yes) + (f", {lower_first(rest)}" if rest else "")
    return Resolution(completed(context, body, today), "completion", context.subject)


_ASKING = re.compile(r"(?:^|[.:!]\s+)(?P<clause>[^.:!?]+\?)\s*$")


def asked_of_mentioned(question: str, previous: Subject | None, mentioned: Subject) -> str:
    """The question `question` asked (its last asking clause, after any scene set before it) about `mentioned`
    instead of `previous`: the previous subject's words in that clause replaced by the words the conversation
    named the other thing with ("Côté formatrice occasionnelle, quel est le taux mensuel de la prime ?")."""
    m = _ASKING.search(question)
    clause = m.group("clause").strip() if m else question
    named = next((s for s in find_subjects(clause) if previous is not None and s.same_as(previous)), None)
    if named is None:
        return f"{capitalised(mentioned.name)} : {lower_first(clause)}"
    start, end = named.span
    return capitalised(clause[:start] + mentioned.display + clause[end:])
