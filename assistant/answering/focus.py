"""What an open question asks about: the subject words next to its asking word ("qui", "où", "quel…").

Split out of `assistant.answering.units` (which scores units against the whole question): the lead
(`assistant.answering.lead.choose_lead`) prefers, among relevant sentences, one holding the words the
asking word points at over the one restating the question's premise.
"""

from __future__ import annotations

import re

from assistant.answering.units import query_weights, unit_terms

# The words that ask for something the question does not say: who, where, when, how, which, why.
_OPEN_ASKING = re.compile(
    r"\b(?:qui|où|ou|quand|comment|pourquoi|quoi|lequel|laquelle|lesquel\w*|quel(?:le)?s?)\b", re.IGNORECASE
)
_WORD = re.compile(r"[\wà-ÿ'’-]+|[,;:.?!()]")  # punctuation ends the asking clause
_PRONOUNS = frozenset(
    [
        "il",
        "ils",
        "elle",
        "elles",
        "on",
        "en",
        "y",
        "le",
        "la",
        "les",
        "lui",
        "leur",
        "nous",
        "vous",
        "je",
        "tu",
        "ce",
        "cela",
        "ça",
    ]
)
FOCUS_SPAN = 2  # content words on each side of the asking word that carry what it asks about…
FOCUS_REACH = 4  # … within this many words of it


def focus_terms(question: str) -> frozenset[str]:
    """The subject terms next to a "qui / où / quand / comment" of the question: what it asks about.

    "la formation garantie, elle est inscrite où ?" asks where it is *inscrite*; "qui doit faire la
    promotion du CEP ?" who does the *promotion*. The rest of the question (the formation guaranteed,
    the CEP) is its premise, which the sentence restating it covers better than the one answering:
    a sentence holding the focus word answers, the premise's restatement does not. Only the subject
    words of `query_weights` count (framing words such as "doit", "faire" are skipped, not counted).
    "quel" counts too: "financée dans quel cadre de l'organisme ?" asks about the *cadre* of the
    *organisme*, which the sentence restating the guaranteed training does not hold. Empty for a question
    without such a word ("combien" asks for a kind of figure instead: `units.asked_figure_kind`). A bare
    "ou" counts only at the end ("elle est inscrite ou ?", typed without accent), never as the conjunction.
    """
    subject = query_weights(question)
    if not subject:
        return frozenset()
    words = _WORD.findall(question)
    focus: set[str] = set()
    for n, word in enumerate(words):
        lowered = word.lower()
        if not _OPEN_ASKING.fullmatch(lowered):
            continue
        if lowered == "ou" and n + 1 < len(words) and words[n + 1][0].isalnum():
            continue
        before = range(n - 1, max(-1, n - 1 - FOCUS_REACH), -1)
        for side in (before, range(n + 1, min(len(words), n + 1 + FOCUS_REACH))):
            found = 0
            for k in side:
                if _OPEN_ASKING.fullmatch(words[k].lower()) or not words[k][0].isalnum():
                    break
                if words[k].lower() in _PRONOUNS:
                    continue
                keys = {t for t in unit_terms(words[k]) if t in subject}
                if keys:
                    focus |= keys
                    found += 1
                    if found >= FOCUS_SPAN:
                        break
    return frozenset(focus)
