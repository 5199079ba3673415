"""Give back to a demonstrative the name it points to when that name was in the wrapper cut around the question.

Why (issue #13 p4, released 2026k u26k-181, u26k-191): a message pasted with a wrapper — a tag, a code comment, a
memo — states a claim about a named thing ("<regle>niveau RNCP du CQP gestionnaire conseil = 3</regle>", "// FIXME:
le CQP inspecteur du recouvrement a été créé en 1998") and then asks about it by a demonstrative: "À quel niveau ce
CQP est-il inscrit ?". The wrapper is cut before anything reads the question (`noise`, `injection`), its figures with
it, as they must be; but the name went with them, and "ce CQP" alone was answered about another CQP (level 6 instead
of 5) or refused. French grammar says where the referent is: a demonstrative determiner ("ce", "cet", "cette",
"ces") before a noun the question never names in full points back to the last mention of that noun before it. When
that mention is in the text cut away, the demonstrative phrase becomes the definite noun phrase of the mention ("le
CQP gestionnaire conseil"): the name comes back, the claim's figures do not.

The name is the noun and the words after it up to the claim's own verb, a figure, a symbol or a sentence break:
the subject noun phrase of the claim. Its verb is recognised by the closed class of the verbs a claim states with
(`calculator_inputs.facts`'s `_STATES` family) and by the participles after an auxiliary.
"""

from __future__ import annotations

import re

from assistant.routing.extraction.folding import fold

# "ce CQP", "cet accord", "cette prime", "ces CQP": a demonstrative determiner and its head noun.
_DEMONSTRATIVE = re.compile(r"\b(ce|cet|cette|ces)\s+([a-z][\w-]*)", re.IGNORECASE)
# Where the subject noun phrase of a claim ends: its verb (the forms a claim states with, an auxiliary), a
# relative pronoun, a figure, a symbol or a break.
_PHRASE_END = re.compile(
    r"^(?:est|sont|etait|etaient|sera|seront|serait|a|ont|avait|aura|date|datent|remonte\w*|compte\w*|vaut|valent|"
    r"dure\w*|passe\w*|rapporte\w*|donne\w*|existe\w*|comporte\w*|comprend\w*|inclut|contient|"
    r"qui|que|dont|ou|et|selon|depuis|avant|apres|en|au|aux|pour|sur|avec|sans|par|dans)$"
)
_WORD = re.compile(r"[a-z][a-z'-]*")
_MAX_NAME_WORDS = 5


def restore_antecedents(question: str, original: str) -> str:
    """`question` with each demonstrative phrase whose noun it never names in full replaced by the noun phrase
    of the wrapper cut from `original` ("ce CQP" → "le CQP gestionnaire conseil"); unchanged otherwise."""
    if question == original:
        return question
    folded_question = fold(question)
    folded_original = fold(original)
    replacements: list[tuple[int, int, str]] = []
    for m in _DEMONSTRATIVE.finditer(folded_question):
        noun = m.group(2)
        if _named_in_full(folded_question, noun):
            continue  # "ce CQP gestionnaire conseil", or the name elsewhere in the question: nothing to restore
        name = _name_in(folded_original, original, noun, folded_question)
        if name is None:
            continue
        article = "les" if m.group(1).lower() == "ces" else ("l'" if re.match(r"[aeiouyh]", noun) else "le")
        if article == "le" and m.group(1).lower() == "cette":
            article = "la"
        joiner = "" if article == "l'" else " "
        replacements.append((m.start(), m.end(), f"{article}{joiner}{name}"))
    for start, end, text in reversed(replacements):
        question = question[:start] + text + question[end:]
    return question


def _named_in_full(folded_question: str, noun: str) -> bool:
    """Whether the question itself names the noun with words of its own ("ce CQP gestionnaire conseil", or the
    name in another mention): then the demonstrative has its referent in the question."""
    return any(_name_after(folded_question, m.end()) for m in re.finditer(rf"\b{re.escape(noun)}\b", folded_question))


def _name_in(folded_original: str, original: str, noun: str, folded_question: str) -> str | None:
    """The noun phrase of the noun's last mention outside the question (in the wrapper cut away), in the original's
    spelling: the noun and the words of its name."""
    mentions = [m for m in re.finditer(rf"\b{re.escape(noun)}\b", folded_original)]
    for m in reversed(mentions):
        words = _name_after(folded_original, m.end())
        if not words:
            continue
        end = m.end() + words[-1][1]
        phrase = original[m.start() : end]
        if fold(phrase) in folded_question:
            continue  # the question's own mention
        return re.sub(r"\s+", " ", phrase)
    return None


def _name_after(folded: str, start: int) -> list[tuple[str, int]]:
    """The words naming the noun at `start` (each with its end relative to `start`): up to the claim's verb, a
    figure, a symbol or a break; "de"/"du"/"des" only between two words of the name ("inspecteur du recouvrement",
    "offres de services")."""
    words: list[tuple[str, int]] = []
    pos = start
    pending: list[tuple[str, int]] = []
    while len(words) < _MAX_NAME_WORDS:
        gap = re.match(r"[ \t]+", folded[pos:])
        if gap is None:
            break
        word = _WORD.match(folded[pos + gap.end() :])
        if word is None:
            break
        token = word.group()
        pos += gap.end() + word.end()
        if token in ("de", "du", "des", "d'"):
            pending.append((token, pos - start))
            continue
        if _PHRASE_END.match(token) or token.endswith(("-il", "-elle", "-ils", "-elles")):
            break
        words += [*pending, (token, pos - start)]
        pending = []
    return words
