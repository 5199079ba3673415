"""A text's title block answers questions about the text itself, not about its rules.

Why: an agreement opens with a block that holds its title, its NOR, its parties and the formula that
introduces the articles ("Entre l'organisation professionnelle d'employeurs : UCANSS, d'une part, et le
syndicat de salariés : PSTE CFDT, d'autre part, il a été convenu ce qui suit"); the model convention opens
with the same formula ("entre les soussignés : D'une part, …"). A question that names the text ("le
protocole formation de décembre 2019 a-t-il une date de fin ?", "l'accord de 2019 s'impose-t-il à toutes
les caisses ?") shares the text's name with that block, which then outranks the article that answers (the
duration and the binding force are in the accord's last article). The block answers only what it holds
beyond the text's name: who signed it (employers, unions, their names), its NOR, the convention it belongs
to. So the block is kept when the question shares one of those words with it; otherwise it is left out of
the passages found (unless nothing else was found).

The words naming a text are read from the manifest (every indexed text's title, kind and date, since a
text is named by another's title too: the avenant's "à l'accord du 19 décembre 2019"); the block is told
by its place and its drafting formula (the first, unnumbered section, holding "d'une part" or "les
soussignés"), not by a list of questions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from assistant.answering.document_facts import MONTHS, folded
from ingest.models import Chunk, DocumentInfo
from knowledge.french import analyze
from knowledge.hybrid import Evidence

# The drafting formula naming the parties of a text: what makes a first section a title block.
_PARTIES = re.compile(r"\bd.une part\b|\bsoussigne")
_TEXT_KINDS = "protocole accord avenant convention circulaire fiche texte"
# What the parties' formula stands for: the block names the text's signatories without writing the word.
_SIGNATORIES = "signataire signataires signé signée signés signer signent signature parties"


def is_title_block(chunk: Chunk) -> bool:
    """The text's opening block: its first section, unnumbered, naming the parties."""
    return chunk.section_number == "" and chunk.section_ordinal == 0 and bool(_PARTIES.search(folded(chunk.text)))


def _naming_words(manifest: Mapping[str, DocumentInfo]) -> frozenset[str]:
    return _names(tuple(sorted((info.title, info.kind, info.signed or "") for info in manifest.values())))


@lru_cache(maxsize=8)
def _names(texts: tuple[tuple[str, str, str], ...]) -> frozenset[str]:
    words: set[str] = set(analyze(_TEXT_KINDS))
    for title, kind, signed in texts:
        words.update(analyze(f"{title} {kind}"))
        if len(signed) >= 7:
            words.update(analyze(f"{MONTHS[int(signed[5:7]) - 1]} {signed[:4]}"))
    return frozenset(words)


# A part of the text named as where to read ("son préambule", "l'annexe 4", "l'article 11", "le titre II"): the
# question asks that part, not the block above it, even with the block's words ("les signataires").
_ANOTHER_PART = re.compile(
    r"\b(?:preambule|annexes?\s+(?:\d|[ivx]+\b)|articles?\s+\d|art\.?\s*\d|titre\s+(?:[ivx]+|\d)\b|partie\s+[ivx]+\b)"
)


def asks_the_block(question: str, chunk: Chunk, manifest: Mapping[str, DocumentInfo]) -> bool:
    """The question shares with the block a word that is not a word naming a text ("syndicat", "employeurs",
    "NOR", a party's name), or asks who signed it (what the parties' formula says)."""
    if _ANOTHER_PART.search(folded(question)):
        return False  # "les intentions des signataires, telles que les énonce son préambule": read in the part named
    names = _naming_words(manifest)
    asked = set(analyze(question)) - names
    return bool(asked & ((_own_words(chunk.text, names) | set(analyze(_SIGNATORIES))) - names))


def _own_words(text: str, names: frozenset[str]) -> set[str]:
    """The words of the block after the text's own title: what stands above it names the collective agreement the
    text belongs to ("Convention collective nationale / IDCC : 218 | ORGANISMES DE SÉCURITÉ SOCIALE"), the
    BOCC's running header, not the text (a question on "chaque organisme" does not ask the block)."""
    paragraphs = [set(analyze(p)) for p in text.split("\n\n")]
    titled = [n for n, words in enumerate(paragraphs) if words and words <= names]
    return set().union(*paragraphs[titled[-1] + 1 :]) if titled else set().union(*paragraphs)


def without_title_blocks(
    question: str, evidence: Sequence[Evidence], manifest: Mapping[str, DocumentInfo]
) -> list[Evidence]:
    """The passages found, less a title block that the question does not ask about (all of them when nothing
    else was found). Left among them, the block was quoted first: the answer's lead is chosen by the words a
    passage shares with the question, and the block holds every word of the text's name."""
    kept = [e for e in evidence if not is_title_block(e.chunk) or asks_the_block(question, e.chunk, manifest)]
    return kept or list(evidence)


def asks_its_title_block(question: str, evidence: Sequence[Evidence], manifest: Mapping[str, DocumentInfo]) -> bool:
    """A title block is among the passages found and the question asks what it holds (who signed, the NOR)."""
    return any(is_title_block(e.chunk) and asks_the_block(question, e.chunk, manifest) for e in evidence)
