"""A length or a count asked of a thing named by its acronym, that no sentence about that thing states (#21, oos30).

Why: the texts name diplomas and schemes by their acronyms without giving their figures — the AFGSU the DEAES
requires, the AFEST of the 2018 law — and a question asking how long one lasts finds the nearest passage that
states some length ("le congé VAE de 24 heures"), which answers another question. oos28 measured a loose reading of
"a figure of the asked kind about the named thing" and found it lost far more in-scope answers than it refused:
the texts' tables carry their units in their headers only (a cell "Durée totale En jours : 8,5" under Prem'ss), the
thing is named by the section's heading rather than by the sentence, and the question's rare words are often noise
around it. This reading is the narrow one that measured favourable over the tuning pool (docs/evaluation/oos30.md):

- asked: the asking sentence's grammar asks a length ("combien d'heures / de jours / de temps", "quelle durée",
  "dure combien", "quel délai") or a count ("combien de <nom>", "quel nombre");
- the thing: an acronym of the asking sentence (two capitals or more, "AFGSU", "DEAES"), outside a relative clause
  ("une recrue qui n'a ni bac ni CAP" qualifies the person, it is not what is asked of), that the texts write
  (never as an ordinary lower-case word: "NOTE" is the word "note"). Its long form is the phrase of the texts whose
  words' initials spell it ("conseiller en économie sociale et familiale" for CESF), read as the same thing;
- stated: a sentence of the whole corpus names it (or its long form), in its own words or in its section's heading
  path, and states a figure of the asked kind — a number with a unit of time, or a table cell whose header carries
  the unit ("Durée totale En jours : 5,5", "nb d'heures d'évaluation : 14"); for a count, any number.
Only when the asking sentence names such acronyms and none of them is stated is the question refused. The whole
corpus is read, not the retrieved sections: what is stated about the thing does not depend on what the search found.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.routing.extraction.folding import fold
from ingest.models import Chunk

DURATION = "nombre d'heures ou de jours"
COUNT = "nombre"

_UNIT = r"(?:heures?|h|jours?|journees?|demi-journees?|semaines?|mois|ans|annees?|minutes?|mn|min)"
_DURATION = re.compile(
    r"\bcombien\s+de\s+temps\b|\bquelle\s+(?:est\s+(?:la\s+)?)?duree\b|\bdure(?:nt|ra)?\s+combien\b|"
    r"\bcombien\s+(?:d\s*|de\s+)" + _UNIT + r"\b|\bvolume\s+horaire\b|\bquel\s+delai\b"
)
_COUNT = re.compile(
    r"\bcombien\s+(?:de|d)\s+(?!temps\b|" + _UNIT + r"\b|euros?\b)[a-z]+|\bquel\s+(?:est\s+le\s+)?nombre\b"
)
_NUMBER = r"(?:\d+(?:[,.]\d+)?|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente)"
_LENGTH = re.compile(r"\b" + _NUMBER + r"\s*" + _UNIT + r"\b")
# A table cell whose header carries the unit: "Durée totale En jours : 5,5", "nb d'heures d'évaluation : 14".
_LENGTH_CELL = re.compile(r"\b(?:en\s+|d\s*)?" + _UNIT + r"\b[^:;]{0,60}:\s*\d")
_ANY_NUMBER = re.compile(
    r"\b(?!(?:19|20)\d\d\b)\d+\b|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze)\s+[a-z]"
)
# "l'AFGSU", "d'EN3S": an elided article before it, not a word's end ("PREM'SS" is one word)
_ACRONYM = re.compile(r"(?<![\w-])(?<!\w\w['’])([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)(?![\w'’-])")
# A framing phrase opening the sentence, closed by a comma ("Pour la newsletter RH, résume …", "Dans ma CAF, …"): it
# says what the answer is for or where the asker stands, not what is asked of; a fronted noun phrase ("L'AFGSU de
# niveau 2, c'est combien de jours ?") is the topic and stays.
_FRAME = re.compile(
    r"^(?:(?:pour|dans|selon|d['’]apr[eè]s|chez|avec|sur|avant|apr[eè]s|depuis|lors)\b[^,?]*,\s*)+", re.IGNORECASE
)
_RELATIVE = re.compile(r"(?<=\w)\s+(?:qui|que|qu['’]|dont|où)\s*")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n+")
_QUESTION_END = re.compile(r"(?<=[.!?:])\s+|\n+")  # a line break too: a pasted card or header before the question
_SMALL = frozenset({"de", "d", "des", "du", "en", "et", "la", "le", "l", "les", "aux", "au", "a"})


@dataclass(frozen=True)
class AskedExtent:
    """The kind asked (`DURATION`, `COUNT`) and the acronyms (folded) it is asked of."""

    kind: str
    names: frozenset[str]


def _folded(text: str) -> str:
    return fold(text.replace("’", "'")).replace("'", " ")


def asked_extent(question: str) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """The kind of figure the asking sentence asks, the acronyms of its main clause and those of its opening
    framing phrase (not yet checked against the texts), else None. The frame's are not what is asked of, but one
    the texts state a figure for keeps the question answered ("Pour un parcours CQP GC, combien d'heures … l'OPCA
    pouvait-il prendre en charge ?": the CQP's table is the answer)."""
    parts = [p for p in _QUESTION_END.split(question.strip()) if p.strip()]
    asking = [p for p in parts if "?" in p]
    sentence = asking[-1] if asking else (parts[-1] if parts else "")
    text = _folded(sentence)
    kind = DURATION if _DURATION.search(text) else COUNT if _COUNT.search(text) else None
    if kind is None:
        return None
    frame = _FRAME.match(sentence)
    opening = frame.group(0) if frame else ""
    main = _RELATIVE.split(sentence[len(opening) :])[0]
    names = _acronyms(main)
    return (kind, names, _acronyms(opening)) if names else None


def _acronyms(text: str) -> frozenset[str]:
    return frozenset(_folded(m.group(1)).strip() for m in _ACRONYM.finditer(text))


@dataclass
class _Corpus:
    """Every sentence of the corpus with its passage's heading path (folded), the corpus's words, its whole text
    folded (with the headings) and as written (where an acronym used as an ordinary lower-case word is found)."""

    sentences: list[tuple[str, str]]
    words: list[str]
    folded: str
    raw: str


_CACHE: dict[int, tuple[object, _Corpus]] = {}
_LOCK = threading.Lock()


def _corpus(passages: Iterable[Chunk]) -> _Corpus:
    """Read once per passage list (the retriever's `passages()`, the same object until the index reloads)."""
    with _LOCK:
        cached = _CACHE.get(id(passages))
        if cached is None or cached[0] is not passages:
            sentences: list[tuple[str, str]] = []
            raw: list[str] = []
            for chunk in passages:
                heading = _folded(f"{chunk.document.replace('-', ' ')} {chunk.section_path}")
                raw.append(chunk.text)
                sentences.extend((heading, _folded(s)) for s in _SENTENCE_END.split(chunk.text) if s.strip())
            words = " ".join(body for _, body in sentences).split()
            folded = " ".join(f"{heading} {body}" for heading, body in sentences)
            cached = (passages, _Corpus(sentences, words, folded, " ".join(raw)))
            _CACHE.clear()
            _CACHE[id(passages)] = cached
    return cached[1]


def _long_forms(acronym: str, words: Sequence[str]) -> set[str]:
    """The phrases of the texts whose words' initials spell the acronym, small words allowed inside
    ("conseiller en economie sociale et familiale" for "cesf")."""
    letters = acronym.replace(" ", "")
    found: set[str] = set()
    for start, first in enumerate(words):
        if not first or first[0] != letters[0] or first in _SMALL:
            continue
        got: list[str] = []
        index, matched = start, 0
        while index < len(words) and matched < len(letters):
            word = words[index]
            if word in _SMALL and got:
                got.append(word)
            elif word and word[0] == letters[matched]:
                got.append(word)
                matched += 1
            else:
                break
            index += 1
        if matched == len(letters):
            found.add(" ".join(got))
    return found


def _about(phrase: str, text: str) -> bool:
    return re.search(r"\b" + re.escape(phrase) + r"\b", text) is not None


def states_figure(kind: str, sentence: str) -> bool:
    """Whether a folded sentence states a figure of the kind: a number with its unit of time, or a table cell whose
    header carries the unit ("duree totale en jours : 8,5"); for a count, any number but a year."""
    if kind == DURATION:
        return bool(_LENGTH.search(sentence) or _LENGTH_CELL.search(sentence))
    return bool(_ANY_NUMBER.search(sentence))


def unstated_extent(question: str, passages: Iterable[Chunk]) -> AskedExtent | None:
    """The length or count asked of acronyms the texts write but never give that figure for (see the module's
    docstring), else None."""
    asked = asked_extent(question)
    if asked is None:
        return None
    kind, candidates, framing = asked
    corpus = _corpus(passages)

    def written(acronyms: frozenset[str]) -> frozenset[str]:
        # an acronym the texts write, and never as an ordinary word ("NOTE" is "note", "CAF" is not "caf")
        return frozenset(n for n in acronyms if _about(n, corpus.folded) and not _about(n, corpus.raw))

    names = written(candidates)
    if not names:
        return None
    read = names | written(framing)
    phrases = {form for name in read for form in {name} | _long_forms(name, corpus.words)}
    for heading, sentence in corpus.sentences:
        if states_figure(kind, sentence) and any(_about(p, sentence) or _about(p, heading) for p in phrases):
            return None
    return AskedExtent(kind, names)
