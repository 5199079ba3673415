"""Which retrieved passage answers: a ranking learnt from the released evaluation items, across generations.

Why (issue #13, properties and wrong passages): about a third of each unseen set asks what a text says in everyday
words, and half of those failed on held-out sets by citing a section next to the one that answers or by leading
with a sentence that does not hold the fact asked. Measured on the tuning pool (rank21, docs/evaluation/rank21.md):
the expected section is among the ten passages retrieved for 3,039 of the 3,160 non-calculator questions (96 %), but
first by the composer's relevance (`passage_ranking.passage_relevance`) for only 2,500 (79 %): the loss is in the
choice, not in the retrieval. The fixes tried before were word lists (everyday names, named parts), which do not
transfer to the next generation. Every released item, though, carries `expect.sources`: 3,160 labelled questions
over fifteen generations say which passage answers. The signals the product already computes are weighed by a model
learnt on them instead of by hand:

- the composer's relevance (best unit in its heading's context, dense rank) and its gap to the best passage;
- the passage's place in the retrieval's order, its dense and keyword ranks, its e5 cosine (as a gap to the best)
  and its BM25 score (as a share of the best);
- the trained section model's probability for the passage's section (`assistant.routing.scope_model`, on the
  question's e5 vector) and whether it is the model's first section among the passages;
- how much of the question's subject terms its heading holds (`units.query_weights`), and its length.

A listwise model (softmax over one question's candidates, maximising the probability of its passages that stand for
an expected source, the scorer's `cites` rule), L2-regularised, trained by a deterministic full-batch gradient
descent (numpy only, `fit`). It only reorders the passages the composer already has: nothing is searched, nothing
new is quoted, and whether the texts answer at all is decided before (`silent`), never here.

Training data: the files named on the command line of `python -m bench.passage_model train FILES…` (the tuning pool:
held-out, fresh, the near-miss sets and every unseen set from 2026 to 2026t, retrain25). **The validation sets
(2026x) and the held-out sets (2026y, 2026z) are NOT in the training data**: the shipped file lists the files it was
trained on and a test fails when one of them is a validation or held-out set (`training_sets.EXCLUDED_SETS`), and
when the listed files' `LABELS` change without retraining (`training_sets.training_digest`).
Leave-one-generation-out (train on all generations but one, test on it) is `python -m bench.passage_model cross
FILES…`: the model's first passage is an expected one for 3,609 of the 4,117 questions instead of 3,281, better on
each of the 20 generations left out, worse on none; `compare` sets it against the shipped model (docs/evaluation/
rank21.md, retrain22.md, retrain25.md).
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.answering.units import query_weights, unit_terms
from knowledge.everyday import shipped_glossary
from knowledge.everyday_index import section_rows
from knowledge.hybrid import Evidence

if TYPE_CHECKING:
    from assistant.answering.meaning import UnitMeaning
    from assistant.routing.scope_model import ScopeReading

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).parent / "data" / "passage_model.npz"
FEATURES = (
    "relevance",  # the composer's relevance, the routed topic's bonus left out (the training reads no route)
    "relevance_gap",  # … minus the best passage's
    "retrieval_place",  # 1 / (1 + place in the retrieval's order)
    "dense_rank",  # 1 / the dense rank (0 when the dense search did not return it)
    "keyword_rank",  # 1 / the BM25 rank
    "cosine_gap",  # the e5 cosine minus the best one among the passages
    "keyword_share",  # the BM25 score as a share of the best one
    "section_probability",  # the section model's probability for the passage's section
    "section_first",  # the passage's section is the section model's first among the passages
    "heading_terms",  # share of the question's subject terms (weighted) its heading holds
    "length",  # log of the passage's characters
    "fused_share",  # the retrieval's fused score as a share of the best one
    "relevance_place",  # 1 / (1 + place by relevance)
)
# The items' fields the model learns from (which questions it reads, and their expected passages): the digest of the
# training files over these fields is stored with the weights (`training_sets.training_digest`).
LABELS = ("id", "question", "kind", "expect.route", "expect.sources")
L2 = 0.01  # ridge weight on the standardised features
STEPS = 400
RATE = 0.5


def section_probability(item: Evidence, reading: ScopeReading | None) -> float:
    """The section model's probability for the passage's section(s) (both numberings of a consolidated article)."""
    if reading is None or reading.inside is None:
        return 0.0
    keys = list({row.key for row in section_rows(item.chunk, shipped_glossary())})
    return reading.mass(keys) if keys else 0.0


def candidate_features(
    question: str, evidence: Sequence[Evidence], relevance: Sequence[float], reading: ScopeReading | None
) -> np.ndarray:
    """One row of `FEATURES` per passage, in the retrieval's order (`relevance[i]` is passage i's)."""
    weights = query_weights(question)
    total = sum(weights.values()) or 1.0
    best = max(relevance, default=0.0)
    cosines = [e.scores.get("dense") for e in evidence]
    known = [c for c in cosines if c is not None]
    top_cosine, low_cosine = (max(known), min(known)) if known else (0.0, 0.0)
    keyword = [e.scores.get("bm25", 0.0) for e in evidence]
    top_keyword = max(keyword, default=0.0) or 1.0
    fused_top = max((e.score for e in evidence), default=0.0) or 1.0
    probabilities = [section_probability(e, reading) for e in evidence]
    top_probability = max(probabilities, default=0.0)
    order = sorted(range(len(evidence)), key=lambda i: (-relevance[i], i))
    relevance_place = {i: n for n, i in enumerate(order)}
    rows = []
    for i, item in enumerate(evidence):
        heading = unit_terms(f"{item.chunk.section_title} {item.chunk.section_path}")
        dense, bm25 = item.ranks.get("dense"), item.ranks.get("bm25")
        cosine = cosines[i]
        rows.append(
            [
                relevance[i],
                relevance[i] - best,
                1.0 / (i + 1),
                1.0 / dense if dense else 0.0,
                1.0 / bm25 if bm25 else 0.0,
                (cosine if cosine is not None else low_cosine) - top_cosine,
                keyword[i] / top_keyword,
                probabilities[i],
                float(top_probability > 0 and probabilities[i] == top_probability),
                sum(w for term, w in weights.items() if term in heading) / total,
                math.log(len(item.chunk.text) + 1),
                item.score / fused_top,
                1.0 / (relevance_place[i] + 1),
            ]
        )
    return np.asarray(rows, dtype=np.float64).reshape(len(evidence), len(FEATURES))


@dataclass(frozen=True)
class PassageModel:
    """Weights on the standardised features, the standardiser, and what it was trained on."""

    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    files: tuple[str, ...] = ()
    digest: str = ""

    def scores(self, features: np.ndarray) -> np.ndarray:
        """One score per passage (higher answers better; only their order within a question means anything)."""
        if not len(features):
            return np.zeros(0)
        return np.asarray(((features - self.mean) / self.scale) @ self.weights)


@dataclass(frozen=True)
class Group:
    """One question's candidates: their features and which stand for an expected source."""

    features: np.ndarray
    positive: np.ndarray  # bool, one per candidate
    generation: str = ""


def fit(groups: Sequence[Group], l2: float = L2, steps: int = STEPS, rate: float = RATE) -> PassageModel:
    """The listwise model on `groups` (those with at least one positive): a softmax over each question's candidates,
    the log of the probability its positives get maximised; deterministic full-batch gradient descent."""
    kept = [g for g in groups if len(g.features) and g.positive.any()]
    if not kept:
        raise ValueError("aucune question dont un passage retrouvé est attendu")
    stacked = np.concatenate([g.features for g in kept])
    mean = stacked.mean(axis=0)
    scale = stacked.std(axis=0)
    scale[scale == 0] = 1.0
    depth = max(len(g.features) for g in kept)
    x = np.zeros((len(kept), depth, len(FEATURES)))
    present = np.zeros((len(kept), depth), dtype=bool)
    positive = np.zeros((len(kept), depth))
    for n, g in enumerate(kept):  # padded to one depth; the padding gets no probability
        x[n, : len(g.features)] = (g.features - mean) / scale
        present[n, : len(g.features)] = True
        positive[n, : len(g.features)] = g.positive
    weights = np.zeros(len(FEATURES))
    for _ in range(steps):
        logits = np.where(present, x @ weights, -np.inf)
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        target = p * positive
        target /= target.sum(axis=1, keepdims=True)
        gradient = np.einsum("gk,gkf->f", p - target, x)
        weights -= rate * (gradient / len(kept) + l2 * weights)
    return PassageModel(weights, mean, scale)


def first_hits(model: PassageModel | None, groups: Sequence[Group], depth: int = 1) -> int:
    """How many groups have a positive among the first `depth` passages: by `model`, or by relevance (None)."""
    relevance = FEATURES.index("relevance")
    hits = 0
    for group in groups:
        key = -group.features[:, relevance] if model is None else -model.scores(group.features)
        order = np.lexsort((np.arange(len(key)), key))
        hits += bool(group.positive[order[:depth]].any())
    return hits


def save(model: PassageModel, path: Path = MODEL_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        weights=model.weights,
        mean=model.mean,
        scale=model.scale,
        features=np.array(FEATURES),
        files=np.array(model.files),
        digest=np.array(model.digest),
    )
    return path


@functools.cache
def shipped_passage_model(path: Path = MODEL_PATH) -> PassageModel | None:
    """The shipped model, or None when absent, unreadable or trained on other features (the order is then the
    composer's relevance alone)."""
    try:
        with np.load(path) as data:
            if tuple(str(f) for f in data["features"]) != FEATURES:
                log.warning("passage model trained on other features: %s", path)
                return None
            files = tuple(str(f) for f in data["files"])
            return PassageModel(data["weights"], data["mean"], data["scale"], files, str(data["digest"]))
    except (OSError, KeyError, ValueError):
        log.warning("passage model unavailable: %s", path)
        return None


def section_reading(question: str, meaning: UnitMeaning | None) -> ScopeReading | None:
    """The section model's reading of the question's e5 vector (None without the product's embedder or model)."""
    from assistant.routing.scope_model import shipped_model

    model = shipped_model()
    vector = meaning.question_vector(question) if meaning is not None else None
    if model is None or vector is None:
        return None
    return model.read(vector)


def learnt_scores(
    question: str, evidence: Sequence[Evidence], relevance: Sequence[float], reading: ScopeReading | None
) -> np.ndarray | None:
    """The shipped model's score of each passage (retrieval order), or None without a model or a section reading:
    the features would then not be those it was trained on, and the composer's relevance orders alone."""
    model = shipped_passage_model()
    if model is None or reading is None or reading.inside is None or not evidence:
        return None
    return model.scores(candidate_features(question, evidence, relevance, reading))
