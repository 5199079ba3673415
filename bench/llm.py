"""`ccn-assistant bench --llm`: the same questions answered by the extractive default and by a model.

The model is whatever OpenAI-compatible server `CCN_LLM_BASE_URL` names (e.g. the local one of
`ccn-assistant llm serve`, docs/LLM.md). Each question is asked twice in the same run, on one
shared index: once by an assistant without a model (the default), once by an assistant with
the model, whose retrieval answers keep their model draft pending (`ask(..., draft=True)`) so
the draft can be streamed and timed here: time to first token, total time, the sentences the
number guard removed and the figures the draft wrote that no passage holds. In the conversation
sets the model assistant also rewrites follow-ups (assistant.conversation.rewrite), so its
answers there measure both uses of the model.

Both variants are scored per question by the shared scorer (`shared/eval/score.py`); figures are
computed by `bench.llm_report`. Bounded by `--limit` (questions per set).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import logging
import sys
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.settings import Settings

log = logging.getLogger(__name__)
REPO_ROOT = Path(__file__).resolve().parent.parent  # as assistant.settings.REPO_ROOT, without importing it

SHARED_EVAL = REPO_ROOT.parent / "shared" / "eval"
SETS: dict[str, tuple[Path, date]] = {  # name → (questions, the `today` eval/run-all.sh gives it)
    "dev": (SHARED_EVAL / "dev.jsonl", date(2025, 11, 25)),
    "fresh": (REPO_ROOT / "eval" / "fresh.jsonl", date(2025, 11, 25)),
    "dev-conversations": (SHARED_EVAL / "dev-conversations.jsonl", date(2025, 11, 25)),
    "conversations-2026": (REPO_ROOT / "eval" / "conversations-2026.jsonl", date(2026, 11, 29)),
}
DEFAULT_JSON = REPO_ROOT / "artifacts" / "bench-llm.json"
SCORER = SHARED_EVAL / "score.py"


class BenchSetupError(Exception):
    """Why the comparison cannot run, in French for the command line."""


@dataclass
class Outcome:
    """One question, answered both ways."""

    set: str
    id: str
    route: str
    extractive_s: float
    extractive_pass: bool
    model_pass: bool
    model_s: float  # until the checked model text exists (the quoted answer's time included)
    consulted: bool = False  # a retrieval answer: the model was asked to phrase it
    first_token_s: float | None = None  # from the question to the model's first token
    fallback: bool = False  # no checked text: the quoted answer stands
    failed: bool = False  # the server failed or timed out
    removed: int = 0  # sentences the number guard removed
    invented: list[str] = field(default_factory=list)  # draft figures found in no passage given
    cited: bool = False  # the model's final text cites a passage
    extractive_cited: bool = False
    model_text: str = ""
    understood: str = ""  # the standalone question a follow-up was read as (the model rewrites them)


def add_llm_arguments(parser: argparse.ArgumentParser) -> None:
    """`--llm` and its options, added to `ccn-assistant bench`."""
    parser.add_argument(
        "--llm",
        action="store_true",
        help="comparer la réponse citée par défaut et celle du modèle (CCN_LLM_BASE_URL) sur les jeux de questions",
    )
    parser.add_argument("--limit", type=int, default=None, help="avec --llm : questions au plus par jeu")
    parser.add_argument(
        "--sets",
        default=",".join(SETS),
        help=f"avec --llm : jeux de questions, séparés par des virgules ({','.join(SETS)})",
    )


def run_llm_command(args: argparse.Namespace) -> int:
    from assistant.settings import get_settings
    from bench.llm_report import markdown_table, summarise

    settings = get_settings()
    try:
        names = [n.strip() for n in str(args.sets).split(",") if n.strip()]
        unknown = [n for n in names if n not in SETS]
        if unknown:
            raise BenchSetupError(f"jeu(x) inconnu(s) : {', '.join(unknown)} (choix : {', '.join(SETS)})")
        if args.limit is not None and args.limit < 1:
            raise BenchSetupError("--limit attend un entier ≥ 1")
        check_server(settings)
        from bench.suite import DEFAULT_JSON as BENCH_JSON

        given = getattr(args, "json", None)
        path = given if given is not None and given != BENCH_JSON else DEFAULT_JSON  # never overwrite bench.json
        outcomes = compare(
            settings,
            names,
            args.limit,
            progress=lambda m: print(m, file=sys.stderr, flush=True),
            on_outcome=lambda done: write_results(path, done, summarise(done)),
        )
    except BenchSetupError as exc:
        print(f"erreur : {exc}", file=sys.stderr)
        return 1
    summary = summarise(outcomes)
    print(markdown_table(summary))
    write_results(path, outcomes, summary)
    print(f"\nRésultats détaillés : {path}", file=sys.stderr)
    return 0


def write_results(path: Path, outcomes: Sequence[Outcome], summary: dict[str, Any]) -> None:
    """The summary and every question's detail, rewritten after each question.

    A model answer takes from seconds to minutes on a CPU, so a run is often stopped before its
    end; written as it goes, what was measured (drafts, verdicts, timings) survives the stop.
    The file is replaced whole (temporary file, then rename) so a reader never sees half of it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(path.suffix + ".tmp")
    partial.write_text(
        json.dumps({"summary": summary, "outcomes": [asdict(o) for o in outcomes]}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    partial.replace(path)


def check_server(settings: Settings) -> None:
    """The model server answers `/models`, or a French explanation of what to start."""
    if not settings.llm_base_url:
        raise BenchSetupError(
            "aucun modèle configuré : démarrez-en un (ccn-assistant llm serve) puis définissez CCN_LLM_BASE_URL"
        )
    if importlib.util.find_spec("langchain_openai") is None:
        raise BenchSetupError('langchain-openai manque : pip install -e ".[llm]"')
    url = settings.llm_base_url.rstrip("/") + "/models"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
    except OSError as exc:
        raise BenchSetupError(f"le serveur du modèle ne répond pas à {url} ({exc})") from exc


def load_scorer(path: Path = SCORER) -> Callable[[dict[str, Any], dict[str, Any]], bool]:
    """score.py's verdict on one answer (its printed tally silenced)."""
    spec = importlib.util.spec_from_file_location("ccn_score", path)
    if spec is None or spec.loader is None or not path.exists():
        raise BenchSetupError(f"scorer introuvable : {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def passes(question: dict[str, Any], answer: dict[str, Any]) -> bool:
        with contextlib.redirect_stdout(io.StringIO()):
            return bool(module.score([question], [{**answer, "id": question.get("id")}]) == 1.0)

    return passes


def load_set(name: str, limit: int | None) -> list[dict[str, Any]]:
    path, _ = SETS[name]
    if not path.exists():
        raise BenchSetupError(f"jeu de questions introuvable : {path}")
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return items[:limit] if limit else items


def compare(
    settings: Settings,
    names: list[str],
    limit: int | None,
    *,
    progress: Callable[[str], None] = lambda _m: None,
    on_outcome: Callable[[list[Outcome]], None] = lambda _done: None,
    scorer: Path = SCORER,
) -> list[Outcome]:
    """Every question of `names` (at most `limit` each) answered without and with the model."""
    from assistant.service import Assistant
    from interview.skill import InterviewSkill

    passes = load_scorer(scorer)
    timeout = max(settings.llm_timeout_s, 300.0)  # a small model on a busy CPU: minutes, not a failure
    plain = Assistant(settings.model_copy(update={"llm_base_url": ""}))
    plain.library.ensure_index()
    model = Assistant(settings.model_copy(update={"llm_timeout_s": timeout}), retriever=plain.retriever)
    for assistant in (plain, model):
        assistant.add_skill(InterviewSkill(settings.point_values_file))
    outcomes: list[Outcome] = []
    for name in names:
        items = load_set(name, limit)
        _, today = SETS[name]
        for n, item in enumerate(items, start=1):
            outcome = _one(name, item, today, plain, model, passes)
            outcomes.append(outcome)
            on_outcome(outcomes)
            progress(
                f"[{name} {n}/{len(items)}] {outcome.id}: cité {'ok' if outcome.extractive_pass else 'échec'}, "
                f"modèle {'ok' if outcome.model_pass else 'échec'}"
                + (f" ({outcome.model_s:.1f} s)" if outcome.consulted else " (sans modèle)")
            )
    return outcomes


def _ask(assistant: Any, item: dict[str, Any], today: date, *, draft: bool) -> tuple[Any, float]:
    """The answer to `item` after its history (a fresh conversation), and the seconds the last ask took."""
    from assistant.conversation.state import Conversation

    conversation = Conversation()
    for earlier in item.get("history") or []:
        assistant.ask(earlier, conversation, today=today, draft=True)  # earlier turns: quoted, no model wait
    started = time.perf_counter()
    answer = assistant.ask(item["question"], conversation, today=today, id=item.get("id"), draft=draft)
    return answer, time.perf_counter() - started


def _one(name: str, item: dict[str, Any], today: date, plain: Any, model: Any, passes: Callable[..., bool]) -> Outcome:
    from assistant.answering.citations import markers_in

    quoted, quoted_s = _ask(plain, item, today, draft=False)
    quoted_contract = quoted.to_contract()
    answer, asked_s = _ask(model, item, today, draft=True)
    contract = answer.to_contract()
    outcome = Outcome(
        set=name,
        id=str(item.get("id")),
        route=answer.route,
        extractive_s=quoted_s,
        extractive_pass=passes(item, quoted_contract),
        model_pass=False,
        model_s=asked_s,
        extractive_cited=bool(markers_in(quoted.text)),
        understood=answer.resolved_question or "",
    )
    draft = answer.draft
    if draft is not None:
        outcome.consulted = True
        result = draft.finish()
        outcome.model_s = asked_s + (draft.total_s or 0.0)
        outcome.first_token_s = asked_s + draft.first_token_s if draft.first_token_s is not None else None
        outcome.failed = draft.failed
        outcome.invented = sorted(draft.invented_figures())
        outcome.model_text = draft.raw
        if result is None:
            outcome.fallback = True
        else:
            outcome.removed = len(result.removed)
            contract["answer"] = answer.text.replace(draft.quoted, result.text, 1) if draft.quoted else result.text
            contract["citations"] = [c.to_contract() for c in draft.book.citations() if c.number in result.cited]
        outcome.cited = result is not None and bool(result.cited)  # the model's own text, not the fallback
    outcome.model_pass = passes(item, contract)
    return outcome
