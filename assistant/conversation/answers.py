"""A bare "oui" or "non" answering a clarification, turned into the statement it stands for.

A clarification may end with a closed question ("Votre emploi est-il menacé par des évolutions
économiques ou technologiques ?", "Avez-vous déjà bénéficié d'un CEP ?"). The user's "oui" or "non"
means nothing to the calculators' readers on its own, so it is rewritten as the statement the
question asks about ("Mon emploi est menacé par…", "Je n'ai pas bénéficié d'un CEP"), which is then
put after the pending question like any other answer. The statement is built from the question's
own words — subject-verb inversion undone, "votre" made "mon" — so a new yes/no question in a
clarification needs no new code. An open question ("Quel est votre diplôme ?") or an alternative
("Êtes-vous en CDI ou en CDD ?") has no yes/no answer and is left alone.
"""

from __future__ import annotations

import re

from text.folding import same_length

# "oui", "non" and their usual variants, at the start of a message; what follows them is kept.
YES = (
    r"^(?:oui|ouais|ouep|yes|exact|exactement|tout a fait|absolument|bien sur|en effet|affirmatif|"
    r"c'est (?:bien )?le cas|c'est exact|c'est ca|effectivement)\b"
)
NO = (
    r"^(?:non|nan|no|pas du tout|absolument pas|jamais|aucun(?:e)?|pas vraiment|pas encore|"
    r"ce n'est pas le cas|negatif)\b"
)
# Words that only strengthen the yes or no ("non, jamais", "oui, c'est le cas", "non merci").
_FILLER = (
    r"^(?:\s|[,;:.!…-])*(?:(?:jamais|pas du tout|du tout|absolument|tout a fait|bien sur|c'est (?:bien )?le cas|"
    r"ce n'est pas le cas|pas encore|merci|effectivement|exact|en effet|il l'est|elle l'est|je l'ai|"
    r"pas|non|oui)\b(?:\s|[,;:.!…-])*)*"
)
_OPEN = re.compile(
    r"^(?:quel|quelle|quels|quelles|combien|comment|quand|ou|pourquoi|qui|que|qu'|a quel|a quelle|"
    r"depuis (?:quand|combien)|de quel|de quelle|dans quel|dans quelle|sur quel|sur quelle|pour quel|"
    r"en quel|en quelle|lequel|laquelle)\b"
)
# "Êtes-vous en CDI ou en CDD ?": an alternative between named things is not answered by yes or no.
_ALTERNATIVE = re.compile(r"\bou (?:en |un |une |le |la |les |a |au )?(?:[A-Z]{2,}|cdd|cdi)\b")
_INVERSION = re.compile(r"\b(?P<verb>[^\W\d_]+)-(?:t-)?(?P<who>il|elle|ils|elles|on|vous)\b", re.IGNORECASE)
# The verbs of "vous" in a clarification, in the first person ("êtes-vous" → "je suis").
_FIRST_PERSON = {
    "etes": "suis",
    "avez": "ai",
    "pouvez": "peux",
    "voulez": "veux",
    "faites": "fais",
    "allez": "vais",
    "devez": "dois",
    "disposez": "dispose",
}
_POSSESSIVES = ((r"\bvotre\b", "mon"), (r"\bvos\b", "mes"), (r"\bvous\b", "je"))


# Endings of feminine nouns and adjectives ("certification", "dernière", "mission"): "votre" becomes "ma".
_FEMININE = re.compile(r"(?:tion|sion|te|ure|ence|ance|iere|ie|ise|ee|ine|elle|ette|ade|ude|ite)$")


def _my(word: str) -> str:
    """ "mon" or "ma" for "votre" before `word` ("mon emploi", "ma certification", "mon organisme")."""
    folded = same_length(word.lower())
    if folded[:1] in "aeiouh":
        return "mon"
    return "ma" if _FEMININE.search(folded) else "mon"


def yes_or_no(text: str) -> tuple[bool, str] | None:
    """(True for yes / False for no, what the message says after it) — None when it is neither."""
    folded = same_length(text)
    for answer, pattern in ((True, YES), (False, NO)):
        m = re.match(pattern, folded)
        if m:
            filler = re.match(_FILLER, folded[m.end() :])
            at = m.end() + (filler.end() if filler else 0)
            return answer, text[at:].strip(" ?.!…,;")
    return None


def closed_question(asked: str) -> str | None:
    """The last yes/no question of a clarification's text, if it has one."""
    questions = re.findall(r"[^?.!\n]*\?", asked)
    for question in reversed(questions):
        question = question.strip()
        folded = same_length(question)
        if _OPEN.match(folded) or _ALTERNATIVE.search(question) or _ALTERNATIVE.search(folded):
            continue
        if _INVERSION.search(question):
            return question
    return None


def statement(question: str, yes: bool) -> str:
    """ "Votre emploi est-il menacé… ?" → "Mon emploi est menacé…" (yes) / "…n'est pas menacé…" (no)."""
    m = _INVERSION.search(question)
    if m is None:
        return question
    verb, who = m.group("verb"), m.group("who").lower()
    subject = ""
    if who == "vous":
        verb = _FIRST_PERSON.get(same_length(verb.lower()), re.sub(r"ez$", "e", verb.lower()))
        subject = "je "
    elif m.start() == 0:  # "Peut-il … ?": no subject before the verb
        subject = f"{who} "
    if not yes:
        verb = f"n'{verb} pas" if same_length(verb[:1].lower()) in "aeiouh" else f"ne {verb} pas"
    head = question[: m.start()]
    tail = question[m.end() :].rstrip(" ?")
    if not yes:
        tail = re.sub(r"\s+déjà\b", "", tail)
    text = f"{head}{subject}{verb}{tail}".strip()
    text = re.sub(r"\bje (?=[aeiouhéê])", "j'", text, flags=re.IGNORECASE)
    text = re.sub(r"\bvotre (\w+)", lambda m: f"{_my(m.group(1))} {m.group(1)}", text, flags=re.IGNORECASE)
    for pattern, word in _POSSESSIVES:
        text = re.sub(pattern, word, text, flags=re.IGNORECASE)
    return text[:1].upper() + text[1:]


# An open question on a date or a length of time ("À quelle date avez-vous obtenu votre certification ?",
# "Depuis combien de temps travaillez-vous dans votre organisme actuel ?"): its interrogative, and the
# preposition the answer takes in the statement ("depuis 2 ans").
_WHEN = re.compile(
    r"^(?P<ask>a quelle date|depuis combien de temps|depuis quand|en quelle annee|quand)\b\s*(?:\([^)]*\)\s*)?"
)


def open_statement(asked: str, answer: str) -> str | None:
    """ "À quelle date avez-vous obtenu (ou obtiendrez-vous) votre certification ?" answered "le 20
    novembre" → "J'ai obtenu ma certification le 20 novembre": the terse answer to the clarification's
    one question on a date or a length of time, as the statement it completes, built from the
    question's own words (as `statement` does for a yes or a no) so that the readers find the date
    next to what it dates. None when the clarification asks several things or none of that kind."""
    questions = [q.strip() for q in re.findall(r"[^?.!\n]*\?", asked)]
    if len(questions) != 1:
        return None
    question = questions[0]
    m = _WHEN.match(same_length(question))
    if m is None:
        return None
    rest = re.sub(r"\s*\([^)]*\)", "", question[m.end() :])
    if not _INVERSION.search(rest):
        return None
    said = statement(rest, True)
    words = answer.strip(" ?.!…,;")
    folded = same_length(words).lower()
    if m.group("ask").startswith("depuis") and not folded.startswith("depuis"):
        words = f"depuis {words}"
    elif not re.match(r"(?:le|en|du|au|a|des|fin|debut|mi|vers|il y a|depuis|avant|apres)\b", folded):
        # "20 novembre 2026" → "le 20 novembre 2026"; "juin 2021" → "en juin 2021"
        day = re.match(r"\d{1,2}(?:er)?\s", folded)
        words = f"{'le' if day else 'en'} {words}"
    return f"{said} {words}"
