"""`ccn-assistant bench [--quick] [--only PARTS] [--repeat N] [--scale 10,100,1000] [--json FILE]`.

Measures ingestion, retrieval (hybrid / BM25 / dense), answers (cold start, warm latency per
route, memory), load (`--load 1,2,4`: concurrent conversations in threads and processes) and a
synthetic corpus grown 10× to 1,000×; prints a report and writes every
figure to JSON (`artifacts/bench.json`). Results and commands: docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from bench.suite import add_arguments

    parser = sub.add_parser(
        "bench",
        help="mesurer les performances (ingestion, recherche, réponses, montée en charge)",
        description="Mesure l'ingestion, la recherche, les réponses et la montée en charge ; écrit un JSON.",
    )
    from bench.llm import add_llm_arguments

    add_arguments(parser)
    add_llm_arguments(parser)  # --llm: the extractive default beside a language model (docs/LLM.md)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.llm:
        from bench.llm import run_llm_command

        return run_llm_command(args)
    from bench.suite import run_command

    return run_command(args)
