"""`ccn-assistant calc` (being built)."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("calc", help="(en cours de construction)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    print("ccn-assistant calc: pas encore disponible", file=sys.stderr)
    return 2
