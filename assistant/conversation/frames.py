"""Whose facts and which subject a message belongs to: fact frames, digressions and requests about the answer.

A conversation is not one growing question. Three structures of the messages themselves decide what a
new message is read against, whatever the subject:

* **fact frames** — facts belong to a person and to a calculator. "Le tuteur de mon collègue a trois
  alternants…" then "Moi je n'en ai qu'un, de janvier à juin" speaks of another person: the user's facts
  are not merged into the colleague's question, the question is asked again with the user's facts
  alone (`new_person`). The person is read from the grammar of the case: the user when the facts are
  told in the first person ("moi", "je suis", "j'ai"), someone else when an individual is named ("mon
  collègue", "ma voisine", "M. Perret", "la salariée") and the user only handles the file ("je gère le
  dossier de M. Perret : CDD depuis 2 mois"). A message whose own facts are a case of another calculator
  than the previous one ("et j'anime aussi une formation interne qui finit le 12 juin" after a tutor's
  bonus) is a new calculator frame: answered alone (`exchange`, by the router's reading of it alone).
* **digressions** — a message the user opens as a step aside ("Petite parenthèse : …", "Au passage, …",
  "Au fait, …") is answered alone; the next message that does not continue it (no "et", pronoun,
  demonstrative or word of its own in common with it) is read against the subject before it, as if
  the digression had not happened (`continues`, `Conversation.context`).
* **requests about the previous answer** — "explique plus simplement", "avec des mots simples",
  "résume", "je comprends pas", "comme si j'avais dix ans": nothing new is asked, the previous answer
  is to be said again plainly (`restates`); answered by the rule the previous question asked about,
  never by a clarification of the user's case nor a refusal.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from assistant.conversation import vocabulary as v
from assistant.conversation.resolution import Context
from assistant.conversation.slots import find_slots
from assistant.conversation.statements import person
from assistant.conversation.subject import find_subject
from text.folding import same_length

_DIGRESSION = v.RE_DIGRESSION
_RESTATE = v.RE_RESTATE
_RESTATE_FILLER = v.RE_RESTATE_FILLER
_QUESTION = v.RE_QUESTION_WORDS
_LEAD_IN = v.RE_LEAD_IN
_PRONOUN = v.RE_PRONOUN
# (not "ça", "cela": "ça fait combien ?" points to no thing of the digression)
_DEMONSTRATIVE = re.compile(r"\b(?:ce (?!qu|dont)|cet|cette|ces|celui|celle|ceux|celles)\b")
_POINTED = v.RE_POINTED
_USER_CASE = v.RE_USER_CASE
_NAMED_OTHER = v.RE_NAMED_OTHER
_ME = re.compile(r"\bmoi\b")
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
# Words every message and answer may hold, which say nothing of what they are about.
_COMMON = frozenset(
    {
        "pour",
        "avec",
        "dans",
        "sont",
        "elle",
        "elles",
        "est-ce",
        "quel",
        "quelle",
        "quels",
        "quelles",
        "combien",
        "cette",
        "cela",
        "faut",
        "peut",
        "tout",
        "tous",
        "toute",
        "toutes",
        "sans",
        "mais",
        "donc",
        "comme",
        "fait",
        "etre",
        "avoir",
        "votre",
        "notre",
        "leur",
        "leurs",
        "selon",
        "entre",
        "depuis",
        "quand",
        "aussi",
        "plus",
        "moins",
        "tres",
        "bien",
        "alors",
        "encore",
        "deja",
        "apres",
        "avant",
        "chaque",
        "dont",
    }
)


_GIVEN_NAME = re.compile(r"\s*([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)\b")


def case_person(text: str) -> Literal["other", "user"] | None:
    """Whose case a message tells: the user's ("moi", "je suis", "j'ai"), another named individual's
    ("mon collègue", "Mme Martin", "je gère le dossier de M. Perret"), or None when it names nobody."""
    folded = same_length(text).lower()
    if _USER_CASE.search(folded):
        return "user"
    if _NAMED_OTHER.search(folded):
        return "other"
    return None


def person_names(text: str) -> set[str]:
    """The names given to the individuals a message speaks of: the capitalised word after a relation
    or a title ("ma collègue Sonia", "Mme Said", "M. Perret")."""
    folded = same_length(text).lower()
    names: set[str] = set()
    for m in _NAMED_OTHER.finditer(folded):
        after = _GIVEN_NAME.match(text, m.end())
        if after is not None:
            names.add(after.group(1))
    return names


def new_person(message: str, earlier: str, today: date) -> bool:
    """The message tells facts of another person's case than the earlier question's ("Moi je n'en ai
    qu'un, de janvier à juin" after "Le tuteur de mon collègue a trois alternants…"; "et ma collègue
    Sonia, en CDD…" after Julien's case)."""
    # (the earlier question may tell the user's case by a possessive or an inverted "je" alone: "ai-je droit … ma
    # caisse ?", which `statements.person` reads)
    labels = case_label(message), case_label(earlier)
    if labels[0] and labels[1] and find_slots(message, today):
        # "Agent A : 2 ans de CDI …" then "Agent B : CDI depuis 10 mois …": each case under a label of its own
        return labels[0] != labels[1]
    mine, before = case_person(message), case_person(earlier) or ("user" if person(earlier) == "user" else None)
    if not find_slots(message, today) and not _ME.search(same_length(message).lower()):
        # ("et pour moi ?" asks the same about the user, whose facts are still to ask; "et pour mon collègue
        # bachelier ?" after the user's own case is another person's, whose facts are not the user's)
        # (the other person named by a relation or a title, "mon collègue", "Mme Said": a pronoun names nobody)
        return mine == "other" and person(earlier) == "user" and bool(find_slots(earlier, today))
    if mine == before == "other":  # two named colleagues are two people
        named, named_before = person_names(message), person_names(earlier)
        # ("pour mon collègue de 22 ans" after "pour un salarié ordinaire": someone in particular after anyone)
        if named and named_before:
            return not named & named_before
        # ("et pour lui, mon neveu de 40 ans ?" after "mon fils de 20 ans": two relations are two people)
        relations, relations_before = _relations(message), _relations(earlier)
        if relations and relations_before and not relations & relations_before:
            return True
        return _definite(message) != _definite(earlier)
    return mine is not None and before is not None and mine != before


# A case told under a label naming a person ("Agent A :", "Second salarié :", "Cas n° 2 - l'alternante :"): the
# label's words before the colon, a person's noun among them
_LABEL = re.compile(r"(?:^|[,;.!?]\s*)\s*(?:et\s+)?(?P<label>[^:,;?!.]{1,40}?)\s*:\s*\S")
_LABEL_PERSON = re.compile(
    r"\b(?:agent|agente|salariee?|collegue|collaborat(?:eur|rice)|alternante?|apprentie?|stagiaire|tut(?:eur|rice)|"
    r"candidate?|personne|cas|dossier|demandeu(?:r|se)|beneficiaire)s?\b"
)


def case_label(text: str) -> str | None:
    """The label a message tells its case under ("Agent B : CDI depuis 10 mois…" → "agent b"), a phrase of at most
    four words naming a person before a colon (the latest when there are several); None otherwise. Two different
    labels are two people's cases, whose facts are not merged into one another's question."""
    labels = [" ".join(m.group("label").split()) for m in _LABEL.finditer(same_length(text).lower())]
    named = [label for label in labels if len(label.split()) <= 4 and _LABEL_PERSON.search(label)]
    # (a question rewritten from earlier messages holds its latest case last: "Je suis RH …, agent A : …")
    return named[-1] if named else None


def _relations(text: str) -> set[str]:
    """The relation or title nouns by which a message names someone in particular ("mon fils", "ma collègue":
    "fils", "collegue"), without gender or number: two different ones name two people."""
    found = set()
    for m in _NAMED_OTHER.finditer(same_length(text).lower()):
        words = m.group().split()
        if len(words) == 2 and not re.match(r"une?\b", words[0]):
            found.add(re.sub(r"(?:e|s|es)$", "", words[1]))
    return found


def _definite(text: str) -> bool:
    """The message names an individual in particular ("mon collègue", "Mme Said", "la salariée"), not anyone ("un
    salarié", "une collègue"): an indefinite article names a kind of person, whom any case may fit."""
    return any(not re.match(r"une?\b", m.group()) for m in _NAMED_OTHER.finditer(same_length(text).lower()))


def is_digression(message: str) -> bool:
    """The message is opened as a step aside ("Petite parenthèse :", "Au passage,", "Au fait,")."""
    return bool(_DIGRESSION.match(same_length(message).lower()))


def without_digression_mark(message: str) -> str:
    m = _DIGRESSION.match(same_length(message).lower())
    return message[m.end() :] if m else message


def starts_afresh(message: str) -> bool:
    """The message marks a change of subject ("Autre chose :", "rien à voir, mais…") or a step aside ("Au fait,")."""
    return bool(v.RE_SWITCH.match(same_length(message))) or is_digression(message)


def continues(message: str, digression: str) -> bool:
    """The message goes on with the digression (`digression`: its question as understood): it opens
    with "et", "non", points back with a pronoun or a demonstrative, or shares a word of its own with it."""
    folded = same_length(message).lower()
    # (the pronoun of "la caisse doit-elle …" repeats its noun: it points back to nothing)
    pointing = _PRONOUN.search(v.RE_NOUN_INVERSION.sub(" ", folded))
    if _LEAD_IN.match(folded) or pointing or _DEMONSTRATIVE.search(folded):
        return True
    return _shares_words(folded, without_digression_mark(digression))


def shares_words(message: str, question: str) -> bool:
    """The message shares a word of its own with `question` ("ces cours" after "mes cours ont-ils lieu … ?")."""
    return _shares_words(same_length(message).lower(), question)


def case_beneath(message: str, context: Context, today: date) -> Context | None:
    """An earlier case the message takes up again after a general question on something else, unmarked
    ("Je suis tutrice depuis le 1er mars." — "C'est quoi l'AFEST ?" — "Si ma mission finit le 31 août,
    combien de points ?"): the message tells facts, names no subject, does not point back (no "et",
    pronoun or demonstrative) and has no word in common with the last question and its answer, but has
    with an earlier case (a calculation, a clarification, facts stated). None when nothing says so."""
    folded = same_length(message).lower()
    if context.case or find_subject(message) is not None or not find_slots(message, today):
        return None
    if _LEAD_IN.match(folded) or _PRONOUN.search(folded) or _DEMONSTRATIVE.search(folded):
        return None
    if _shares_words(folded, f"{context.question} {context.lead}"):
        return None
    return next(
        (e for e in context.stack if (e.case or e.stated) and _shares_words(folded, f"{e.question} {e.lead}")),
        None,
    )


def _shares_words(folded: str, text: str) -> bool:
    words = {w[:5] for w in _WORD.findall(same_length(text).lower()) if w not in _COMMON}
    return any(w[:5] in words for w in _WORD.findall(folded) if w not in _COMMON)


_SELF_CLAUSE = re.compile(
    r"(?:^|[,;:.!?]\s*)(?:moi,? )?(?:je |j')(?:ne |n')?(?:suis|debute|connais|m'y connais|y connais|sais|comprends)\b"
    r"(?:(?!\b(?:pourquoi|comment|quand|quel\w*|combien|qui|quoi|ou|si)\b)[^,;:.!?])*(?=[,;:.!?]|$)"
)


def restated_for_case(message: str, today: date) -> str | None:
    """The case a request to say it again simply is made for ("Plus simplement, pour un jeune de 20 ans qui
    vise un niveau 3 ?"): the message without the request, when what is left states facts and names no
    subject of its own (the previous question applies to that case); None otherwise."""
    folded = same_length(message).lower()
    request = _RESTATE.search(folded)
    if request is None or find_subject(message) is not None:
        return None
    rest = (message[: request.start()] + " " + message[request.end() :]).strip(" ,;:?!.…")
    return rest if rest and find_slots(rest, today) else None


def restates(message: str, today: date, context: Context | None = None) -> bool:
    """The message asks for the previous answer again in another form ("explique plus simplement",
    "avec des mots simples", "je comprends pas trop", "résume") and asks nothing of its own: no named
    thing but the previous subject, no fact, and nothing left once the request, its courtesy words and the words
    of the previous question and answer (`context`: "ma prime de tuteur, ça donne quoi ?") are set aside."""
    folded = same_length(message).lower()
    if not _RESTATE.search(folded):
        return False
    named = find_subject(message)
    previous = context.subject if context is not None else None
    if named is not None and not (previous is not None and named.same_as(previous)):
        return False
    request_set_aside = _RESTATE.sub(" ", folded)  # ("comme si j'avais dix ans" holds no fact of a case)
    if find_slots(request_set_aside, today):
        return False
    # a clause saying who asks or how well they follow ("je ne suis pas juriste", "je débute") asks nothing
    request_set_aside = _RESTATE.sub(" ", _SELF_CLAUSE.sub(" ", folded))
    if context is not None:  # ("ce nombre de tuteurs": the thing a demonstrative points at is the exchange's)
        request_set_aside = _POINTED.sub(" ", request_set_aside)
    rest = re.sub(r"[^\w']+|\b\d+\b|\b\w'", " ", _RESTATE_FILLER.sub(" ", request_set_aside)).split()
    said = (
        {w[:5] for w in re.findall(r"[a-z]{4,}", same_length(f"{context.question} {context.lead}").lower())}
        if context
        else set()
    )
    return not [w for w in rest if w[:5] not in said]
