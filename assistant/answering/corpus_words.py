"""The words the indexed texts use at all: a question whose subject holds another word is not theirs.

Why: "Mon CPF peut-il payer des heures d'auto-école ?" shares "CPF" and "heures" with the financing
article, and the router names a corpus topic, so the word coverage let the article answer. Whether the
texts could speak of a subject is read from the texts themselves, not from a list of topics: a word of
the subject that no passage of the index uses, in any inflection, and that is no typing slip of one
they use, names something the texts do not treat ("auto-école", "coiffure", "correctif"). The vocabulary
is built once per loaded index (a few milliseconds for the shipped corpus), so an uploaded text's words
count as soon as it is indexed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence

from assistant.answering.units import PREFIX
from assistant.routing.extraction.folding import fold
from assistant.routing.subject import speaks_of
from ingest.models import Chunk
from knowledge.everyday import shipped_glossary
from knowledge.everyday_index import section_rows
from knowledge.french import analyze
from text.folding import without_accents

MIN_LETTERS = 5  # shorter words are acronyms, abbreviations and slang ("gc", "cos", "lol"), not subjects
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")  # "auto-ecole" is one word, not "auto" and "ecole"


class CorpusWords:
    """The folded words of the passages and their analysed stems (cut at `PREFIX`, as the subject's)."""

    def __init__(self, texts: Sequence[str]) -> None:
        words: set[str] = set()
        for text in texts:
            found = _WORD.findall(fold(text))
            words.update(found)
            words.update(part for word in found if "-" in word for part in word.split("-"))
        self.words = frozenset(words)
        self.stems = frozenset(t[:PREFIX] for t in analyze(" ".join(sorted(words))))
        self._by_length: dict[int, list[str]] = {}
        for word in words:
            self._by_length.setdefault(len(word), []).append(word)

    def knows(self, word: str) -> bool:
        """`word` (folded) is one of the texts' words: as written, by its stem, or one typing slip away
        (a letter missing, added, changed or two swapped: "formaton", "tutorta")."""
        if len(word) < MIN_LETTERS or word in self.words:
            return True
        if "-" in word:  # a compound is known as a compound ("pro-a", "face-a-face"), or as one word
            return word.replace("-", "") in self.words
        stems = [t[:PREFIX] for t in analyze(word)]
        if not stems or any(s in self.stems for s in stems):
            return True
        return any(
            _one_slip(word, other)
            for n in (len(word) - 1, len(word), len(word) + 1)
            for other in self._by_length.get(n, ())
        )

    def uses(self, word: str) -> bool:
        """`word` (folded) is one of the texts' words as written or by its stem, typing slips not counted: an
        attribute asked is checked word for word ("salaire" is no slip of "salarié")."""
        if word in self.words:
            return True
        stems = [t[:PREFIX] for t in analyze(word)]
        return not stems or any(s in self.stems for s in stems)


def _one_slip(a: str, b: str) -> bool:
    """One insertion, deletion, substitution or swap of two neighbours turns `a` into `b`."""
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])
    return a[i:] == b[i + 1 :]


_LOCK = threading.Lock()
_CACHE: dict[int, tuple[Sequence[str], CorpusWords]] = {}


def corpus_words(texts: Sequence[str]) -> CorpusWords:
    """The vocabulary of `texts`, built once per list (the retriever hands the same list until it reloads)."""
    with _LOCK:
        cached = _CACHE.get(id(texts))
        if cached is not None and cached[0] is texts:
            return cached[1]
        built = CorpusWords(texts)
        _CACHE.clear()
        _CACHE[id(texts)] = (texts, built)
        return built


class CorpusPhrases:
    """Every passage of the texts as its analysed terms in order, headings included (`Chunk.context_text`): whether
    the texts speak of a phrase at all — its words close together in one passage (`subject.speaks_of`) — not
    only whether they use each of its words. "la branche des banques": the texts use "branche" and a word of
    "banques" nowhere; "la fonction publique": both words are theirs, never together."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.folded = [fold(text) for text in texts]
        self.plain = [without_accents(text) for text in texts]  # the capitals kept: names are read as written
        self.sequences = [[t[:PREFIX] for t in analyze(fold(text))] for text in texts]
        self.sets = [set(sequence) for sequence in self.sequences]
        # the words written in lower case somewhere: common nouns, not only names ("éducation", not "Cpam")
        self.lowercase = frozenset(fold(w) for text in texts for w in re.findall(r"(?<![\w-])[a-zà-ÿ][\w-]*", text))

    def speaks_of(self, phrase: str) -> bool:
        """Some passage holds the words of `phrase` (folded) close together; a short word of it (three or four
        letters) stands for the passages' words it begins ("la sécu": "sécurité")."""
        terms = [t for t in dict.fromkeys(t[:PREFIX] for t in analyze(phrase.replace("-", " "))) if not t.isdigit()]
        if not terms:
            return True
        short = [w for w in terms if 3 <= len(w) <= 4 and w.isalpha()]
        for passage, sequence in zip(self.sets, self.sequences, strict=True):
            if short:
                sequence = [next((w for w in short if t.startswith(w)), t) for t in sequence]
                passage = set(sequence)
            if speaks_of(terms, passage, sequence):
                return True
        return False

    def writes_name(self, name: str) -> bool:
        """Some passage writes `name` word for word with its first capital ("Urssaf" for "URSSAF" too; not "la
        Poste" for "un poste", nor "l'Assistance publique" for "une assistance")."""
        plain = without_accents(name)
        rest = r"\W+".join(map(re.escape, plain[1:].split(" ")))
        # a clipped name of theirs ("la Sécu": "Sécurité sociale") begins one of their names
        end = r"[a-z]*" if len(plain) <= 4 and not plain.isupper() else ""
        pattern = re.compile(rf"(?<![\w-]){re.escape(plain[0])}(?i:{rest}){end}(?![\w-])")
        return any(pattern.search(text) for text in self.plain)

    def spells_out(self, acronym: str) -> bool:
        """Some passage writes the words whose initials make `acronym` (folded), linking words aside: "aah" is
        "allocation aux adultes handicapés". Each word of three letters at least, so that no run of short words
        spells it by chance."""
        links = r"(?:\s+(?:de|du|des|aux|au|a|la|le|les|et|en|pour|d|l)\b)*\s+"
        pattern = re.compile(r"\b" + links.join(rf"{re.escape(c)}[a-z-]{{2,}}" for c in acronym) + r"\b")
        return any(pattern.search(text) for text in self.folded)

    def writes_lowercase(self, word: str) -> bool:
        """`word` (folded) is written in lower case in some passage: a common noun, not only a name."""
        return word in self.lowercase

    def names_dated(self, kind: str, year: str, window: int = 8) -> bool:
        """Some passage or title writes a text of this `kind` (folded: "convention", "decret") with `year` at
        most `window` analysed terms after it: "la loi du 5 septembre 2018", "protocole d'accord du 19 décembre
        2019"."""
        stems = {t[:PREFIX] for t in analyze(kind)}
        for sequence in self.sequences:
            for i, term in enumerate(sequence):
                if term in stems and year in sequence[i + 1 : i + 1 + window]:
                    return True
        return False


_PHRASES: dict[int, tuple[object, CorpusPhrases]] = {}


def corpus_phrases(passages: Iterable[Chunk], names: Sequence[str] = ()) -> CorpusPhrases:
    """The phrases of the retriever's `passages()` (the same object until the index reloads), built once, with
    the `names` of the indexed texts (titles and kinds: "la circulaire", "le protocole d'accord")."""
    with _LOCK:
        cached = _PHRASES.get(id(passages))
        if cached is not None and cached[0] is passages:
            return cached[1]
        built = CorpusPhrases([c.context_text for c in passages] + list(names))
        _PHRASES.clear()
        _PHRASES[id(passages)] = (passages, built)
        return built


def foreign_words(phrase: str, original: str, vocabulary: CorpusWords) -> list[str]:
    """The words of a subject `phrase` (folded) the texts never use, leaving out figures and the words the
    question writes with a capital (a name: "Karim", "UGECAM", "Qualiopi" are the user's case, not a
    subject the texts could be expected to spell)."""
    capitalised = {fold(w) for w in re.findall(r"\b[A-ZÀ-Ý][\w-]*", original)}
    found = []
    for word in _WORD.findall(phrase):
        if word in capitalised or vocabulary.knows(word):
            continue
        found.append(word)
    return found


_GLOSSED: dict[tuple[str, str, str, str], list[list[str]]] = {}


def glossed_sequences(chunk: Chunk) -> list[list[str]]:
    """The analysed terms (folded, cut at `PREFIX`) of each everyday term and question glossing the passage's
    section (`knowledge.everyday`), one sequence each: a phrase is matched within one of them, never across."""
    key = (chunk.document, chunk.section_number, chunk.section_title, str(chunk.metadata.get("original_number", "")))
    with _LOCK:
        cached = _GLOSSED.get(key)
    if cached is not None:
        return cached
    rows = section_rows(chunk, shipped_glossary())
    built = [[t[:PREFIX] for t in analyze(fold(item))] for row in rows for item in (*row.terms, *row.questions)]
    with _LOCK:
        _GLOSSED[key] = built
    return built


def glossary_speaks(chunk: Chunk, subjects: Sequence[Sequence[str]]) -> bool:
    """The everyday glossary of the passage's section speaks of one of the `subjects` (analysed terms, as
    `answerable._subjects` reads them): "le job qui vérifie chez les familles" is the subject of the CQP
    contrôleur allocataire's section, whose text says "vérifiant la conformité de la situation … de
    l'allocataire". The caller gives only the best passage retrieved (`answerable._any_speaks`): an everyday word
    covers a question only with the section it glosses ranked first. Measured: counted for the three best
    passages, incidental words of the glossary's questions and terms ("au bout de combien d'années", "payés",
    "caisse d'allocations familiales") let six out-of-scope questions through on seven sets; for the best one,
    one."""
    for sequence in glossed_sequences(chunk):
        present = set(sequence)
        if any(speaks_of(list(subject), present, sequence) for subject in subjects):
            return True
    return False
