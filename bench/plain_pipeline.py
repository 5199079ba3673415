"""Side by side: the product against the pipeline a user would build first, on the same questions.

    .venv/bin/ccn-assistant bench --only plain            # part of the bench (also in --report)
    .venv/bin/python -m bench.plain_pipeline [--repeat 2]  # alone, prints JSON

The plain pipeline (here only, never in the product): pdfplumber's page text
(`ingest.pdf_reader.page_texts`), langchain's `RecursiveCharacterTextSplitter` (1,000 characters,
200 of overlap, per page, as in langchain's tutorials), a Chroma collection embedded with the
product's own embedder (so only the pipeline differs), and as the answer the top 5 passages quoted
with their document and page. It has no routing: every question gets passages, none a calculation
or a refusal.

Both run in this process, in the same run, on the same dev questions:

- **recall@5**, two ways. *Text*: a top-5 passage holds a run of 8 words of the expected article's
  text (the article as the product's parse and consolidation give it, wherever the passage comes
  from): the one criterion both pipelines can be held to. *Label* (the product only): a top-5
  passage is that article (`bench.retrieval.recall_at_k`, the figure of the retrieval part).
- **answers**: every dev question answered by each, scored by `shared/eval/score.py` (its pass rate
  and its "facts" line: the expected figures in the answer text). The plain pipeline's citations
  name a page, not an article, so the score's citation check fails them: that is what its user
  gets. The answers are written to `<work dir>/plain/answers-*.jsonl` for `score.py` to re-read.
- **latency**: p50 / p95 per question, question embedding included (query caches off): the whole
  answer for the product, search and quoting for the plain pipeline.

The plain collection is kept in `<work dir>/plain/chroma` keyed by passage text, so a second run
embeds nothing; the product's index is `<work dir>/data` (shipped vectors and parses).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import io
import json
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.measure import summary

REPO_ROOT = Path(__file__).resolve().parent.parent
CHUNK_SIZE, CHUNK_OVERLAP, TOP_K = 1000, 200, 5
RUN_WORDS = 8  # a shared run of 8 words: the passage holds the article's own text


@dataclass(frozen=True)
class PlainPassage:
    id: str
    document: str
    page: int
    text: str


def plain_passages(pdfs: Sequence[Path]) -> list[PlainPassage]:
    """pdfplumber page text split by `RecursiveCharacterTextSplitter`, page by page."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from ingest.pdf_reader import page_texts

    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    out = []
    for pdf in pdfs:
        for number, text in enumerate(page_texts(pdf), start=1):
            for piece in splitter.split_text(text):
                key = hashlib.sha256(f"{pdf.stem}|{number}|{piece}".encode()).hexdigest()[:20]
                out.append(PlainPassage(key, pdf.stem, number, piece))
    return out


class PlainPipeline:
    """Chroma over the plain passages, embedded with the product's embedder; top 5 quoted."""

    def __init__(self, passages: Sequence[PlainPassage], embedder: Any, folder: Path) -> None:
        from knowledge.store import ChromaStore

        self.embedder = embedder
        self.passages = {p.id: p for p in passages}
        self.store = ChromaStore.open(base_name="plain", embedder_name=embedder.name, dim=embedder.dim, path=folder)
        present = set(self.store.chunk_ids())
        new = [p for p in passages if p.id not in present]
        if new:
            vectors = embedder.embed_documents([p.text for p in new])
            metas: list[dict[str, str | int | float | bool]] = [{"document": p.document, "page": p.page} for p in new]
            self.store.add_chunks([p.id for p in new], [p.text for p in new], vectors, metas)
        self.embedded = len(new)

    def search(self, question: str, k: int = TOP_K) -> list[PlainPassage]:
        hits = self.store.query(self.embedder.embed_query(question), k)
        return [self.passages[h.id] for h in hits if h.id in self.passages]

    def answer(self, qid: str, question: str) -> dict[str, Any]:
        """The answer contract of `ccn-assistant ask --json`: the passages quoted, cited by page."""
        found = self.search(question)
        text = "\n\n".join(f"« {' '.join(p.text.split())} » ({p.document}, p. {p.page})" for p in found)
        citations = [
            {"document": p.document, "section": "", "page": p.page, "quote": p.text, "number": n}
            for n, p in enumerate(found, start=1)
        ]
        return {"id": qid, "question": question, "answer": text, "route": "retrieval", "citations": citations}


def _words(text: str) -> list[str]:
    from text.folding import without_accents

    return re.findall(r"[a-z0-9]+", without_accents(text).lower())


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + RUN_WORDS]) for i in range(max(0, len(words) - RUN_WORDS + 1))}


def article_runs(retriever: Any, sources: Sequence[tuple[str, str]]) -> set[tuple[str, ...]]:
    """The 8-word runs of the expected articles' passages, as the product's index holds them."""
    from bench.retrieval import section_matches

    runs: set[tuple[str, ...]] = set()
    for chunk in retriever._snapshot.chunks:
        if any(chunk.document == d and section_matches(chunk.section_number, s) for d, s in sources):
            runs |= _runs(chunk.text)
    return runs


def _score(score_py: Path, questions: list[dict[str, Any]], answers: list[dict[str, Any]]) -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location("ccn_eval_score", score_py)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(score_py)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rate = float(module.score(questions, answers))
    lines = dict(line.split(": ", 1) for line in out.getvalue().splitlines() if ": " in line)
    return {"pass_rate": rate, "lines": lines}


def run_plain(
    questions_path: Path, work_dir: Path, *, repeat: int = 2, backend: str = "", model: str = "", score_py: Path
) -> dict[str, Any]:
    """Both pipelines on the dev questions: recall@5, score.py, latency (JSON-ready)."""
    from assistant.library import index_pdfs
    from assistant.service import Assistant
    from assistant.settings import Settings, get_settings
    from bench.retrieval import load_questions, recall_at_k
    from interview.skill import InterviewSkill
    from knowledge.embedder import make_embedder

    base = get_settings()
    settings = Settings(
        data_dir=work_dir / "data",
        embedding_backend=backend or base.embedding_backend,
        embedding_model=model or base.embedding_model,
    )
    index_pdfs(settings)
    assistant = Assistant(settings)
    assistant.add_skill(InterviewSkill(settings.point_values_file))
    retriever = assistant.library.retriever
    retriever.set_query_cache(0)

    start = time.perf_counter()
    passages = plain_passages(sorted(settings.pdf_dir.glob("*.pdf")))
    plain = PlainPipeline(
        passages, make_embedder(settings.embedding_backend, settings.embedding_model), work_dir / "plain" / "chroma"
    )
    plain_build_s = time.perf_counter() - start

    raw = [json.loads(line) for line in questions_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with_sources = load_questions(questions_path)
    text_hits = {"product": 0, "plain": 0}
    for q in with_sources:
        runs = article_runs(retriever, q.sources)
        ours = [e.chunk.text for e in retriever.search(q.text, TOP_K)]
        theirs = [p.text for p in plain.search(q.text)]
        text_hits["product"] += any(_runs(t) & runs for t in ours)
        text_hits["plain"] += any(_runs(t) & runs for t in theirs)
    label_recall, label_misses = recall_at_k(retriever, with_sources, TOP_K, "hybrid")

    answers: dict[str, list[dict[str, Any]]] = {"product": [], "plain": []}
    times: dict[str, list[float]] = {"product": [], "plain": []}
    for n in range(repeat):
        for item in raw:
            t0 = time.perf_counter()
            mine = assistant.ask(item["question"], id=item["id"]).to_contract()
            t1 = time.perf_counter()
            other = plain.answer(item["id"], item["question"])
            t2 = time.perf_counter()
            times["product"].append((t1 - t0) * 1000)
            times["plain"].append((t2 - t1) * 1000)
            if n == 0:
                answers["product"].append(mine)
                answers["plain"].append(other)
    out_dir = work_dir / "plain"
    out_dir.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {
        "questions": len(raw),
        "with_sources": len(with_sources),
        "plain_passages": len(passages),
        "plain_embedded_now": plain.embedded,
        "plain_build_s": plain_build_s,
        "product_passages": retriever.size,
        "splitter": {"chunk_size": CHUNK_SIZE, "chunk_overlap": CHUNK_OVERLAP},
        "repeat": repeat,
    }
    for name in ("product", "plain"):
        path = out_dir / f"answers-{name}.jsonl"
        path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in answers[name]), encoding="utf-8")
        result[name] = {
            "recall_at_5_text": text_hits[name] / max(1, len(with_sources)),
            "score": _score(score_py, raw, answers[name]),
            "latency_ms": summary(times[name]),
            "answer_chars": summary([len(a.get("answer", "")) for a in answers[name]]),
            "answers_file": str(path),
        }
    # Longer passages hold an article's words more often: the recall is read with their sizes.
    result["plain"]["passage_chars"] = summary([len(p.text) for p in passages])
    result["product"]["passage_chars"] = summary([len(t) for t in retriever._snapshot.chunks.texts])
    result["product"]["recall_at_5_label"] = label_recall
    result["product"]["label_misses"] = label_misses
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.plain_pipeline", description=__doc__)
    parser.add_argument("--questions", type=Path, default=REPO_ROOT.parent / "shared" / "eval" / "dev.jsonl")
    parser.add_argument("--score", type=Path, default=REPO_ROOT.parent / "shared" / "eval" / "score.py")
    parser.add_argument("--work-dir", type=Path, default=REPO_ROOT / "artifacts" / "bench")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    result = run_plain(args.questions, args.work_dir, repeat=args.repeat, score_py=args.score)
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
