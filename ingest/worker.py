"""Child process entry point for `ingest.pipeline.parse_pdf`: parse one PDF, pickle the outcome.

Run as `python -m ingest.worker REQUEST RESULT [MEMORY_BYTES [TIMEOUT_S [PARENT_PID]]]`; it always
writes ("ok", ParsedDocument) or ("error", reason) unless the operating system kills it (memory or
time limit). The limits are set here, first thing, rather than by the parent between fork and
exec: the parent starts several children from threads, where a `preexec_fn` may deadlock.

A worker must not outlive its parent (a killed `ingest` used to leave it parsing, holding agreement
text in /tmp): on Linux it asks the kernel for SIGKILL when the parent goes (`PR_SET_PDEATHSIG`),
and everywhere an alarm ends it at its own time limit even if nobody waits for it any more.
"""

from __future__ import annotations

import contextlib
import math
import os
import pickle
import signal
import sys
from pathlib import Path

from ingest.models import IngestError


def limit_memory(memory: int) -> None:
    """Cap this process's address space, before pdfplumber is imported or the PDF is opened."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):  # not on this platform: the time limit still holds
        pass


PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int | None) -> None:
    """SIGKILL this process when its parent dies (Linux); exit now if the parent is already gone."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if parent_pid and os.getppid() != parent_pid:  # died before the request above took effect
        os._exit(1)


def limit_time(seconds: float) -> None:
    """End this process (SIGALRM's default action) `seconds` from now, whatever it is doing."""
    if hasattr(signal, "alarm") and seconds > 0:
        signal.alarm(max(1, math.ceil(seconds)))


def main(
    request: Path,
    result: Path,
    memory: int | None = None,
    timeout_s: float | None = None,
    parent_pid: int | None = None,
) -> int:
    die_with_parent(parent_pid)
    if timeout_s:
        limit_time(timeout_s)
    if memory is not None:
        limit_memory(memory)
    from ingest.pipeline import parse_pdf_in_process

    path, info, max_pages = pickle.loads(request.read_bytes())
    try:
        outcome: tuple[str, object] = ("ok", parse_pdf_in_process(Path(path), info, max_pages))
    except IngestError as exc:
        outcome = ("error", exc.reason)
    except MemoryError:
        outcome = ("error", "mémoire insuffisante pour analyser ce PDF (limite dépassée)")
    except RecursionError:
        outcome = ("error", "structure PDF trop imbriquée")
    except Exception as exc:  # the parent must always get an answer
        print(f"ingest.worker: {type(exc).__name__}", file=sys.stderr)  # the error's name, for the log only
        outcome = ("error", "PDF illisible (structure non reconnue)")
    tmp = result.with_suffix(".part")
    tmp.write_bytes(pickle.dumps(outcome))
    tmp.replace(result)
    return 0


if __name__ == "__main__":
    argv = sys.argv[1:]
    sys.exit(
        main(
            Path(argv[0]),
            Path(argv[1]),
            int(argv[2]) if len(argv) > 2 else None,
            float(argv[3]) if len(argv) > 3 else None,
            int(argv[4]) if len(argv) > 4 else None,
        )
    )
