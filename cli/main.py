"""`ccn-assistant` command line: one subcommand per module in `cli.commands`.

Each command module exposes `register(subparsers)`, which adds its parser and sets `handler`;
heavy imports happen inside handlers so `--help` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

COMMANDS = ("ingest", "sections", "ask", "chat", "calc", "eval", "bench", "ui")


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
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
