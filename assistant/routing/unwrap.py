"""Find the question inside a wrapper that hides it or hides something else beside it (issue #13, point 4).

Why apart from `noise`: `noise` cuts wrappers by their form (code, markup, turns, orders). Two forms
hide text from that reading altogether:

* a link whose parameters carry the question (`…/assistant?mode=raw&q=Le+CQP+…+%3F`): the address is
  junk to a reader, but one of its values, once decoded, is a sentence that asks something. That
  value is the question; the other parameters (`answer=niveau%207`, `override=true`) are not kept.
* a sentence written in no language the assistant reads: text encoded (ROT13), written backwards,
  or scrambled, put beside a plain question so that it is "decoded and applied". Its words are
  neither the corpus's nor those of the questions employees ask (the routing bank), so it cannot
  be the question; it is cut, and counted as an order (an encoded sentence has no other purpose).

* a message written in leetspeak ("l4 pr1m3 d3 tut3ur", "C0NG3 V4E"): digits standing for the letters
  they look like, inside words. Each such word is read with its letters back when the message holds
  several of them and most come back as words the assistant knows (`decode_leet`); a figure ("20
  points"), an article number ("4.3"), an ordinal ("1er") or a code ("RNCP34", "B2") is left alone.

All are decided from the text itself and from the bank's own vocabulary, not from a list of wrapper
phrases: any encoding that turns words into non-words is caught, whatever it is called.
"""

from __future__ import annotations

import functools
import json
import re
from urllib.parse import parse_qsl, unquote_plus, urlsplit

from assistant.routing.extraction.folding import fold

_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
MIN_QUESTION_WORDS = 3  # a parameter value read as the question: a sentence of this many words, with a "?"

# A sentence is written in no language the assistant reads when this share of its words (of
# `MIN_LETTERS` letters or more, at least `MIN_FOREIGN` of them) are no word of the bank's questions.
FOREIGN_SHARE = 1.0
MIN_FOREIGN = 5
MIN_LETTERS = 3
_WORD = re.compile(r"[a-z]+")
# Sentences, and a bracketed aside apart from what it stands beside ("Ibhf qrirm… (c'est du ROT13, décode)").
_SENTENCE = re.compile(r"[^.!?\n()]*[.!?\n()]*")


# Digits that stand for letters in leetspeak; "1" reads "i" or "l", whichever gives a known word.
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"}
# A word mixing letters and those digits, a digit touching a letter ("p01nt5", "l4", "3st"); not "4.3", "1er"
# stays a candidate only if the whole message is leet (see `decode_leet`).
_LEET_TOKEN = re.compile(r"(?<![\w.,])(?=\w*[a-zA-Z])(?=\w*[0134578])[a-zA-Z0134578]{2,}(?![\w]|[.,]\d)")
MIN_LEET_WORDS = 3  # a message is leet when this many words are, ...
# ... and this share of them (two at least) decode to words the assistant knows: the bank's vocabulary is the
# questions' own (a few thousand words), so everyday words ("pourtant", "toute") may be missing from it
LEET_KNOWN_SHARE = 0.35
MIN_LEET_KNOWN = 2
_ORDINAL = re.compile(r"^\d+(?:er|re|e|eme|nd|nde)$", re.IGNORECASE)  # "1er", "2e": never leet


def decode_leet(text: str, vocabulary: frozenset[str] | None = None) -> tuple[str, bool]:
    """The text with its leetspeak words spelt in letters, and whether any was (see the module's docstring).

    Decided on the whole message: a lone "B2" or "4e" in a plain question is never touched, because a
    message is read as leet only when `MIN_LEET_WORDS` of its words mix letters and look-alike digits and
    enough of those decode to words of the routing bank or French function words; an ordinal ("1er") never is."""
    vocabulary = known_words() if vocabulary is None else vocabulary
    tokens = [m for m in _LEET_TOKEN.finditer(text) if re.search(r"\d", m.group()) and not _ORDINAL.match(m.group())]
    if len(tokens) < MIN_LEET_WORDS:
        return text, False
    decoded = {m.group(): _decoded(m.group(), vocabulary) for m in tokens}
    known = [w for w in decoded.values() if fold(w).lower() in vocabulary]
    if len(known) < max(MIN_LEET_KNOWN, LEET_KNOWN_SHARE * len(decoded)):
        return text, False
    return _LEET_TOKEN.sub(lambda m: decoded.get(m.group(), m.group()), text), True


def _decoded(word: str, vocabulary: frozenset[str]) -> str:
    """The word with letters for its digits; "1" as "l" when "i" gives no known word and "l" does."""
    upper = word.isupper() or not any(c.isalpha() and c.islower() for c in word)
    letters = {k: (v.upper() if upper else v) for k, v in _LEET.items()}
    first = "".join(letters.get(c, c) for c in word)
    if fold(first).lower() not in vocabulary and "1" in word:
        other = "".join(("L" if upper else "l") if c == "1" else letters.get(c, c) for c in word)
        if fold(other).lower() in vocabulary:
            return other
    return first


def questions_in_links(text: str) -> tuple[str, list[str]]:
    """The text with each link replaced by the values of its parameters that ask a question (decoded).

    Returns the text and the links so replaced (the caller reads them for orders: `override=true`). A
    link without such a value is left as it is (the junk cut of `noise` removes it)."""
    found: list[str] = []

    def replace(match: re.Match[str]) -> str:
        asked = [v for v in _parameter_values(match.group()) if _asks(v)]
        if not asked:
            return match.group()
        found.append(match.group())
        return "\n" + "\n".join(asked) + "\n"

    return _URL.sub(replace, text), found


def _parameter_values(url: str) -> list[str]:
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    values = [v for _, v in parse_qsl(parts.query, keep_blank_values=False)]
    values += [unquote_plus(parts.fragment)] if parts.fragment else []
    return [re.sub(r"\s+", " ", v).strip() for v in values]


def _asks(value: str) -> bool:
    return "?" in value and len(re.findall(r"\w+", value)) >= MIN_QUESTION_WORDS


@functools.cache
def known_words() -> frozenset[str]:
    """The folded words of every question of the routing bank (hand-written, derived from the corpus's
    headings, and the ministry's fiches): the French employees ask in, several thousand words; and French's
    function words (Snowball's stop list), which every sentence of French holds."""
    from assistant.routing.meaning import BANK_FILES, DATA_DIR
    from knowledge.french import STOP_WORDS

    words: set[str] = set(STOP_WORDS)
    for name in BANK_FILES:
        path = DATA_DIR / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                words.update(_WORD.findall(fold(row.get("text", "") + " " + row.get("fiche", ""))))
    return frozenset(words)


def is_foreign(sentence: str, vocabulary: frozenset[str] | None = None) -> bool:
    """The sentence is written in no language the assistant reads (see the module's docstring)."""
    vocabulary = known_words() if vocabulary is None else vocabulary
    words = [w for w in _WORD.findall(fold(sentence)) if len(w) >= MIN_LETTERS]
    unknown = [w for w in words if w not in vocabulary]
    return len(unknown) >= MIN_FOREIGN and len(unknown) >= FOREIGN_SHARE * len(words)


def drop_foreign(text: str, vocabulary: frozenset[str] | None = None) -> tuple[str, bool]:
    """The text without its sentences written in no language the assistant reads, when a sentence that
    asks (a "?") in plain words remains; and whether one was cut. A message that is all foreign words
    is left whole: it may be a question the assistant does not understand, not a wrapper."""
    sentences = [m.group() for m in _SENTENCE.finditer(text) if m.group().strip()]
    foreign = [is_foreign(s, vocabulary) for s in sentences]
    if not any(foreign) or not any("?" in s and not f for s, f in zip(sentences, foreign, strict=True)):
        return text, False
    kept = [s for s, f in zip(sentences, foreign, strict=True) if not f]
    return "".join(kept).strip(), True
