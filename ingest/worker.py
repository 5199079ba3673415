"""Child process entry point for `ingest.pipeline.parse_pdf`: parse one PDF, pickle the outcome.

Run as `python -m ingest.worker REQUEST RESULT [MEMORY_BYTES]`; it always writes
("ok", ParsedDocument) or ("error", reason) unless the operating system kills it (memory or time
limit). The memory limit is set here, first thing, rather than by the parent between fork and
exec: the parent starts several children from threads, where a `preexec_fn` may deadlock.
"""

from __future__ import annotations

import pickle
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


def main(request: Path, result: Path, memory: int | None = None) -> int:
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
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None))
