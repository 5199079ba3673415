"""Chroma server mode: a real `chroma run` on 127.0.0.1, indexed and queried over HTTP."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.models import ParsedDocument
from knowledge.embedder import HashEmbedder
from knowledge.hybrid import Retriever
from knowledge.indexer import Indexer, plan_units
from knowledge.store import ChromaStore
from tests.knowledge.conftest import one_chunk_per_section

pytestmark = pytest.mark.integration


def chroma_binary() -> str | None:
    local = Path(sys.executable).parent / "chroma"
    return str(local) if local.exists() else shutil.which("chroma")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[str]:
    binary = chroma_binary()
    if binary is None:
        pytest.skip("binaire `chroma` introuvable (paquet chromadb sans CLI): mode serveur non testable ici")
    port = free_port()
    log = (tmp_path / "chroma.log").open("w")
    proc = subprocess.Popen(
        [binary, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.close()
                pytest.fail(f"chroma run n'a pas démarré: {(tmp_path / 'chroma.log').read_text()[-2000:]}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        log.close()


def test_index_and_search_through_a_chroma_server(chroma_server: str, small_corpus: list[ParsedDocument]) -> None:
    embedder = HashEmbedder()

    def open_store() -> ChromaStore:
        return ChromaStore.open(base_name="ccn", embedder_name=embedder.name, dim=embedder.dim, url=chroma_server)

    units, _ = plan_units(small_corpus, chunker=one_chunk_per_section)
    statuses = Indexer(open_store(), embedder).sync(units)
    assert {s.status for s in statuses} == {"indexed"}
    assert {s.status for s in Indexer(open_store(), embedder).sync(units)} == {"unchanged"}

    # a second client (another user of the shared server) sees the same index
    retriever = Retriever(open_store(), embedder)
    assert retriever.size == 5
    best = retriever.search("taux de la contribution conventionnelle", 3)[0]
    assert (best.document, best.section) == ("accord-tutorat", "9")
    dense = retriever.search("numéro RNCP du CQP", 2, mode="dense", document="fiche-cqp")
    assert dense and {e.document for e in dense} == {"fiche-cqp"}
