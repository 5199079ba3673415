"""`ccn-assistant eval` (being built)."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("eval", help="(en cours de construction)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    print("ccn-assistant eval: pas encore disponible", file=sys.stderr)
    return 2
