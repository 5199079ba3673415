"""`ccn-assistant bench` (being built)."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("bench", help="(en cours de construction)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    print("ccn-assistant bench: pas encore disponible", file=sys.stderr)
    return 2
