"""`ccn-assistant` command line: one subcommand per module in `cli.commands`.

Each command module exposes `register(subparsers)`, which adds its parser and sets `handler`;
heavy imports happen inside handlers so `--help` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

COMMANDS = ("ingest", "sections", "ask", "chat", "calc", "eval", "bench", "ui", "llm")


class OneLineFormatter(logging.Formatter):
    """Without -v, a log record is one line: its traceback is kept for `-v` (it names files and code)."""

    def __init__(self) -> None:
        super().__init__("%(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        return self.formatMessage(_with_message(record))


def _with_message(record: logging.LogRecord) -> logging.LogRecord:
    record.message = record.getMessage()
    return record


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ccn-assistant",
        description="Assistant sur les textes de la formation professionnelle (IDCC 218).",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="journalisation détaillée")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")
    for name in COMMANDS:
        module = importlib.import_module(f"cli.commands.{name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        logging.Formatter("%(levelname)s %(name)s: %(message)s") if args.verbose else OneLineFormatter()
    )
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, handlers=[handler])
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except Exception as exc:  # never a traceback: one French line, the detail with -v
        return report_failure(exc)


def report_failure(exc: Exception) -> int:
    """One line on stderr for an error no command handled: the storage fault named, else its type."""
    from assistant.faults import storage_fault

    logging.getLogger("cli").debug("échec de la commande", exc_info=exc)
    fault = storage_fault(exc)
    if fault is not None:
        print(f"erreur : {fault.message}", file=sys.stderr)
    else:
        print(f"erreur inattendue ({type(exc).__name__}) : relancez avec -v pour le détail", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
