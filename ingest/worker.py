"""Child process entry point for `ingest.pipeline.parse_pdf`: parse one PDF, pickle the outcome.

Run as `python -m ingest.worker REQUEST RESULT`; it always writes ("ok", ParsedDocument) or
("error", reason) unless the operating system kills it (memory or time limit).
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from ingest.models import IngestError


def main(request: Path, result: Path) -> int:
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
        outcome = ("error", f"PDF illisible ({type(exc).__name__})")
    tmp = result.with_suffix(".part")
    tmp.write_bytes(pickle.dumps(outcome))
    tmp.replace(result)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
