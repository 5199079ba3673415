"""Going back to an earlier person's case: "Revenons à Agnès : …", "et pour Julien ?", "et pour elle ?".

Facts belong to a person (`frames`): after a colleague's case then the user's own ("Et moi, en CDI
depuis quatre ans ?"), a message may take up the first person's case again. It names that person as
the earlier message did — a first name or a surname after "M." / "Mme", capitalised in both messages —
or, right after the user's own case, points to the other person by a pronoun ("et pour elle ?", "et
lui, alors ?"). The earlier question of that person is then the one the message follows up, with its
facts; what the message asks is read against it as if it had been the last question.

The other way round, a message telling a new person's facts and asking nothing of its own ("Et moi, avec 18 mois
dans le métier ?" after "Mon collègue a 8 mois d'expérience … : peut-il passer par la VAE ?") asks the previous
question's asking clause of that person (`asked_for_person`): the rule just applied, rerun on the new facts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from assistant.conversation import vocabulary as v
from assistant.conversation.backrefs import EarlierTurn
from assistant.conversation.restate import capitalised, lower_first
from assistant.conversation.slots import find_slots
from assistant.conversation.statements import person
from assistant.conversation.subject import find_subject
from text.folding import same_length

# "revenons à", "pour revenir à", "retour à", "et pour", "concernant", "quant à", "et" — then the person
_TO_PERSON = re.compile(
    r"^(?:(?:et\s+)?(?:revenons|revenir|pour revenir|pour en revenir|j'en reviens|je reviens|on revient|retour|"
    r"retournons|je retourne)\s+"
    r"(?:a|au|sur)\s+(?:(?:le cas|la situation|le dossier) (?:de |d')\s*)?|(?:et\s+)?(?:pour|concernant|quant a|"
    r"s'agissant de|cote)\s+|et\s+|(?:et\s+)?(?:le cas|la situation|le dossier) (?:de |d')\s*)"
    r"(?P<who>(?:(?:m\.|mme|mlle|monsieur|madame)\s+)?\S+)"
    r"\s*(?:[:,;?]\s*|$|(?=\s))"
)
_PRONOUN = re.compile(
    r"^(?:et\s+)?(?:pour|concernant|quant a|cote)\s+(?P<who>elle|lui|la premiere|le premier|l'autre)\b\s*[:,;?]?\s*"
    r"|^et\s+(?P<who2>elle|lui|l'autre)\b\s*(?:,\s*|alors\s*|\?\s*|$)"
)
# "je reviens à mon agent en CDD :", "pour en revenir à ma collègue en CDI," — a case named by a possessive noun
# phrase, then what is asked of it
_TO_CASE = re.compile(
    r"^(?:et\s+)?(?:revenons|revenir|pour revenir|pour en revenir|j'en reviens|je reviens|on revient|on en revient|"
    r"retour|retournons|je retourne|reprenons|je reprends|on reprend)\s+(?:a|au|sur)?\s*"
    r"(?P<phrase>(?:mon|ma|mes|notre|nos|cet|cette|ce)\s+[^:,;?]{3,60}?)\s*[:,;?]\s*"
)
_CASE_STOP = frozenset(
    {"mon", "ma", "mes", "notre", "nos", "cet", "cette", "ce", "de", "du", "des", "en", "le", "la", "les"}
)
_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?")
_TITLE = re.compile(r"(?:m\.|mme|mlle|monsieur|madame)\s+", re.IGNORECASE)


def back_to_person(body: str, turns: Sequence[EarlierTurn]) -> tuple[EarlierTurn, str] | None:
    """The earlier turn of the person `body` goes back to, and what it asks of that case ("" for nothing
    else); None when it names no earlier person or names the last one."""
    if len(turns) < 2:
        return None
    folded = same_length(body).lower()
    m = _TO_PERSON.match(folded)
    if m is not None:
        who = body[m.start("who") : m.end("who")]
        name = _TITLE.sub("", who).strip(" ,;:?!.")
        if _NAME.fullmatch(name) and find_subject(name) is None:
            word = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
            if word.search(turns[-1].question):
                return None  # the last case is that person's: an ordinary follow-up
            for turn in reversed(turns[:-1]):
                if word.search(turn.question):
                    return turn, body[m.end() :].strip()
    p = _PRONOUN.match(folded)
    if p is not None and person(turns[-1].question) == "user":
        # "et pour elle ?" right after the user's own case: the person spoken of before it
        for turn in reversed(turns[:-1]):
            if person(turn.question) == "other":
                return turn, body[p.end() :].strip()
    return None


def back_to_case(body: str, turns: Sequence[EarlierTurn]) -> tuple[EarlierTurn, str] | None:
    """ "je reviens à mon agent en CDD : …": the latest earlier turn whose question holds every word of the
    case's noun phrase (the last one included: after a digression the context is the one beneath it), and what
    the message asks of it; None when the message goes back to no such case, or to a subject of the texts
    ("ma prime de tuteur": `backrefs.going_back`)."""
    case = _TO_CASE.match(same_length(body).lower())
    if case is None or find_subject(case.group("phrase")) is not None:
        return None
    words = [w for w in re.findall(r"[a-z0-9]+", case.group("phrase")) if w not in _CASE_STOP]
    rest = body[case.end() :].strip()
    if not words or not rest:
        return None
    return next(((t, rest) for t in reversed(turns) if _holds(t.question, words)), None)


def _holds(question: str, words: Sequence[str]) -> bool:
    """Whether `question` holds every word (a plural "s" aside) of a noun phrase that names a case."""
    held = {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", same_length(question).lower())}
    return all(w.rstrip("s") in held for w in words)


# a relative pronoun after a word ("moi, qui ai …", "mon collègue de 22 ans qui n'a …") asks nothing
_RELATIVE = re.compile(r"(?<=[a-z0-9])[ ,]+qu(?:i|e|')\b")
_CLAUSE_END = re.compile(r"[:;.!?]\s+")


def asked_for_person(body: str, question: str, subject: str, today: date) -> str | None:
    """The previous question asked of the person `body` tells the facts of ("moi, avec 18 mois dans le métier :
    peut-il passer par la VAE ?"): its asking clause — its last clause, when it holds no fact of the earlier
    person's case — after the new facts, the subject (`subject`) named first when the clause does not name it. None
    when the message asks something of its own, or the clause tells facts (the earlier facts would mix with the new
    ones). A clause in the first person asked of a colleague ("puis-je demander le CQP par la VAE ?") is kept: the
    facts read are the message's alone, whoever the clause's pronoun names."""
    folded = same_length(body).lower()
    if v.RE_QUESTION_WORDS.search(_RELATIVE.sub(" ", folded)):
        return None
    clauses = [c for c in _CLAUSE_END.split(question.strip()) if c.strip()]
    asking = clauses[-1].strip().rstrip(" ?") if clauses else ""
    # (an indefinite "un salarié" is anyone, no fact of a case)
    facts = [s for s in find_slots(asking, today) if not re.match(r"(?i)une?\b", s.text)]
    if not asking or facts:
        return None
    told = body.strip().rstrip(" ?!.…")
    if find_subject(asking) is None and subject:  # ("ma certification fait 1 400 heures": of the Pro-A)
        return f"{capitalised(subject)} : {lower_first(told)}, {lower_first(asking)} ?"
    return f"{capitalised(told)} : {lower_first(asking)} ?"
