"""Local servers for tests: a real `chroma run` on the loopback interface, free ports, clean stops."""

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


def chroma_binary() -> str | None:
    local = Path(sys.executable).parent / "chroma"
    return str(local) if local.exists() else shutil.which("chroma")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_process(proc: subprocess.Popen[bytes], grace_s: float = 10.0) -> None:
    """Terminate, then kill if it does not exit within `grace_s`."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(grace_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[str]:
    """URL of a `chroma run --host 127.0.0.1` on a free port, stopped whatever the test does."""
    binary = chroma_binary()
    if binary is None:
        pytest.skip("binaire `chroma` introuvable: mode serveur non testable ici")
    port = free_port()
    log_path = tmp_path / "chroma.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [binary, "run", "--path", str(tmp_path / "chroma-server"), "--host", "127.0.0.1", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"chroma run n'a pas démarré: {log_path.read_text()[-2000:]}")
                time.sleep(0.2)
            yield url
        finally:
            stop_process(proc)
