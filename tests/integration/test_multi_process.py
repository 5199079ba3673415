"""Scale-out: two assistant processes share one Chroma server and keep answering during a re-index.

    .venv/bin/pytest -m integration tests/integration/test_multi_process.py

The deployment of docs/PERFORMANCE.md, in miniature and on the loopback interface only: one
`chroma run` server, the corpus indexed into it once (hash embedder, so no model is needed),
two assistant processes (as two UI replicas would be) answering the tutor-bonus questions in
a bounded loop, and a third process that forces a rebuild of the protocole (`ingest --rebuild`)
while they answer. Each process has its own data directory: they share nothing but the server.
Every answer, before, during and after the rebuild, must cite article 4.3 and say "7 points";
both assistants must answer while the rebuild runs and then load the new index generation.

Known failure with the default settings (xfail, strict): the rebuild deletes the replaced
generation's passages as soon as it switches the pointer, while a running retriever keeps
searching the generations of its snapshot until its next check (every 30 s). In that window its
dense search finds nothing of the rebuilt documents, the fused ranking is dominated by other
documents, and the retrieval question is refused. With readers that check for a new generation
before each search (`refresh_s=0`), the same scenario passes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.settings import REPO_ROOT
from knowledge.metadata import COLLECTION
from tests.servers import stop_process

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ACCORD_PDF = REPO_ROOT / "corpus" / "pdf" / "accord-2019-12-19-formation-professionnelle.pdf"
REFRESH_S = 30.0  # knowledge.factory.open_retriever's default `refresh_s`, used by the assistant


def env_for(chroma_url: str, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCN_")}
    env.update(
        CCN_CHROMA_URL=chroma_url,
        CCN_DATA_DIR=str(data_dir),
        CCN_EMBEDDING_BACKEND="hash",
        CCN_COLLECTION=COLLECTION,
        PYTHONPATH=str(REPO_ROOT),
    )
    return env


def ingest(env: dict[str, str], *args: str, timeout_s: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", "ingest", *args],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )


def read_records(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.endswith("}")]


def last_switch_at(chroma_url: str) -> float:
    """When the last unit of the shared index was switched to a new generation."""
    from knowledge.embedder import HashEmbedder
    from knowledge.store import ChromaStore

    embedder = HashEmbedder()
    store = ChromaStore.open(base_name=COLLECTION, embedder_name=embedder.name, dim=embedder.dim, url=chroma_url)
    return max(float(record.info.get("indexed_at", 0.0)) for record in store.units().values())


def reloaded_since(records: list[dict[str, Any]], moment: float) -> bool:
    """The assistant loaded the index after `moment` (so it searches the newest generations)."""
    return any(r["last_reload_at"] >= moment for r in records)


def wait_for(
    condition: Any, timeout_s: float, what: str, procs: list[subprocess.Popen[bytes]], logs: list[Path]
) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        for proc, log in zip(procs, logs):
            if proc.poll() is not None:
                err = log.read_text(errors="replace")[-2000:] if log.exists() else ""
                pytest.fail(f"un assistant s'est arrêté (code {proc.returncode}) en attendant {what}: {err}")
        if time.monotonic() > deadline:
            pytest.fail(f"délai dépassé en attendant {what}")
        time.sleep(0.2)


STALE_SNAPSHOT = pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="a retriever's snapshot points at the deleted generation for up to refresh_s (30 s) after a rebuild: "
    "dense search misses the rebuilt documents and the retrieval question is refused",
)


@pytest.mark.parametrize(
    "refresh_s",
    [pytest.param(None, id="default-refresh", marks=STALE_SNAPSHOT), pytest.param(0.0, id="refresh-every-search")],
)
def test_two_assistants_keep_answering_while_a_third_process_reindexes(
    chroma_server: str, tmp_path: Path, refresh_s: float | None
) -> None:
    first = ingest(env_for(chroma_server, tmp_path / "ingest-1"))
    assert first.returncode == 0, first.stdout + first.stderr
    assert "indexé" in first.stdout

    stop = tmp_path / "stop"
    outs = [tmp_path / f"assistant-{i}.jsonl" for i in (1, 2)]
    logs = [tmp_path / f"assistant-{i}.log" for i in (1, 2)]
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for i, (out, log) in enumerate(zip(outs, logs), start=1):
            with log.open("wb") as err:
                procs.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "tests.integration.ask_loop", str(out), str(stop), "--max-s", "300"]
                        + ([] if refresh_s is None else ["--refresh-s", str(refresh_s)]),
                        env=env_for(chroma_server, tmp_path / f"assistant-{i}"),
                        cwd=REPO_ROOT,
                        stdout=subprocess.DEVNULL,
                        stderr=err,
                    )
                )
        wait_for(lambda: all(read_records(o) for o in outs), 120, "les premières réponses", procs, logs)

        started = time.time()
        rebuild = ingest(env_for(chroma_server, tmp_path / "ingest-2"), "--rebuild", str(ACCORD_PDF))
        finished = time.time()
        assert rebuild.returncode == 0, rebuild.stdout + rebuild.stderr
        assert "accord-2019-12-19-formation-professionnelle: indexé" in rebuild.stdout

        switched = last_switch_at(chroma_server)
        assert started < switched < finished

        def reloaded_after_rebuild() -> bool:
            return all(reloaded_since(read_records(o), switched) for o in outs)

        wait_for(
            reloaded_after_rebuild,
            (REFRESH_S if refresh_s is None else refresh_s) + 60,
            "le rechargement du nouvel index",
            procs,
            logs,
        )
        stop.touch()
        for proc, log in zip(procs, logs):
            proc.wait(60)
            assert proc.returncode == 0, log.read_text(errors="replace")[-2000:]
    finally:
        stop.touch()
        for proc in procs:
            stop_process(proc)

    for out in outs:
        records = read_records(out)
        assert records, f"{out.name}: aucune réponse"
        for record in records:
            assert record["error"] is None, record
            assert record["route"] in ("retrieval", "calculator"), record
            assert any("4.3" in section for section in record["sections"]), record
            assert record["seven_points"], record
        during = [r for r in records if started <= r["t"] <= finished]
        assert during, f"{out.name}: aucune réponse pendant la réindexation ({finished - started:.1f} s)"
        assert reloaded_since(records, switched), f"{out.name}: nouvelle génération de l'index jamais chargée"
