"""Train and cross-validate the learnt passage ranking (`assistant.answering.passage_model`) on labelled questions.

    .venv/bin/python -m bench.passage_model train FILES…   # write assistant/answering/data/passage_model.npz
    .venv/bin/python -m bench.passage_model cross FILES…   # leave-one-generation-out table (markdown)
    .venv/bin/python -m bench.passage_model compare FILES…   # the shipped model against the retrained one

FILES are evaluation sets of this repository (JSONL, `expect.sources`), named explicitly: the tuning pool, never
the validation (2026x) or held-out (2026y, 2026z) sets (`training_sets.EXCLUDED_SETS`), which are refused. The
shipped model's files are listed in it (`PassageModel.files`) and in docs/evaluation/retrain22.md (the retrain
command). Each non-calculator question expecting a source is searched as the product searches (`Retriever.search`,
ten passages), read by the section model (`scope_model` on the question's e5 vector), and each passage is labelled
positive when it stands for an expected source (`bench.retrieval.section_matches`, the scorer's `cites` rule). The
candidates' features are cached by the training files' digest under the data directory
(`cache/passage-groups-<digest>.npz`): searching them takes about ten minutes on two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from assistant.answering.glossary_places import model_reading
from assistant.answering.passage_model import (
    FEATURES,
    LABELS,
    Group,
    PassageModel,
    candidate_features,
    first_hits,
    fit,
    save,
    shipped_passage_model,
)
from assistant.answering.passage_ranking import passage_relevance
from assistant.answering.training_sets import EXCLUDED_SETS, training_digest
from assistant.answering.units import idf_weights, query_weights
from assistant.settings import REPO_ROOT, get_settings
from bench.retrieval import section_matches

SKIPPED_KINDS = frozenset({"numeric", "eligibility", "clarify", "refusal"})  # the calculators' and refusals' items
SKIPPED_ROUTES = frozenset({"refusal", "calculator", "clarify"})
DEPTH = 10  # passages searched per question, as `service._retrieve` asks (max(top_k, 10))


def generation(path: Path) -> str:
    """The set's generation: "2026k" for unseen-2026k.jsonl and in-scope-near-miss-2026b.jsonl's "2026b"; "base"
    for dev, held-out and fresh (written before the generations)."""
    stem = path.stem
    return stem.rsplit("-", 1)[1] if "-2026" in stem else "base"


def questions(path: Path) -> list[dict[str, object]]:
    """The items of a set that the passage ranking decides: a source expected, no calculator, clarification or
    refusal expected."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        expect = item.get("expect") or {}
        if not expect.get("sources") or expect.get("route") in SKIPPED_ROUTES or item.get("kind") in SKIPPED_KINDS:
            continue
        out.append(item)
    return out


def checked(files: Sequence[str]) -> list[Path]:
    paths = [Path(f) for f in files]
    for path in paths:
        if any(name in path.name for name in EXCLUDED_SETS):
            raise SystemExit(f"{path.name}: les jeux de validation et réservés ne s'entraînent pas")
    return paths


def extract(paths: Sequence[Path]) -> list[Group]:
    """Each question's candidates as the product retrieves them, with their features and labels."""
    from assistant.service import Assistant

    assistant = Assistant(get_settings())
    retriever = assistant.retriever
    groups: list[Group] = []
    start = time.perf_counter()
    for path in paths:
        for item in questions(path):
            text = str(item["question"])
            sources = item["expect"]["sources"]  # type: ignore[index]
            evidence = retriever.search(text, DEPTH)
            if not evidence:
                continue
            reading = model_reading(assistant._read_glossary(text))
            idf = idf_weights([e.chunk.context_text for e in evidence], query_weights(text))
            relevance = [passage_relevance(text, e, idf, i) for i, e in enumerate(evidence)]
            positive = np.array(
                [
                    any(
                        doc == s["document"] and section_matches(section, str(s.get("section", "")))
                        for s in sources
                        for doc, section in e.sources
                    )
                    for e in evidence
                ]
            )
            groups.append(Group(candidate_features(text, evidence, relevance, reading), positive, generation(path)))
        print(f"{path.name}: {len(groups)} ({time.perf_counter() - start:.0f} s)", file=sys.stderr, flush=True)
    return groups


def cached_groups(paths: Sequence[Path], digest: str) -> list[Group]:
    cache = get_settings().data_dir / "cache" / f"passage-groups-{digest}.npz"
    if cache.exists():
        with np.load(cache) as data:
            bounds = data["bounds"]
            return [
                Group(data["features"][a:b], data["positive"][a:b], str(g))
                for a, b, g in zip(bounds[:-1], bounds[1:], data["generations"])
            ]
    groups = extract(paths)
    cache.parent.mkdir(parents=True, exist_ok=True)
    bounds = np.cumsum([0, *(len(g.features) for g in groups)])
    np.savez_compressed(
        cache,
        features=np.concatenate([g.features for g in groups]),
        positive=np.concatenate([g.positive for g in groups]),
        bounds=bounds,
        generations=np.array([g.generation for g in groups]),
    )
    return groups


def left_out(groups: Sequence[Group]) -> Iterator[tuple[str, list[Group], PassageModel]]:
    """Leave one generation out: each generation's name, its groups, and the model fitted on every other
    generation's groups that found an expected passage (`cross_table`, `compare_table`)."""
    found = [g for g in groups if g.positive.any()]
    for name in sorted({g.generation for g in groups}):
        yield name, [g for g in groups if g.generation == name], fit([g for g in found if g.generation != name])


def cross_table(groups: Sequence[Group]) -> str:
    """Leave one generation out: top-1 / top-3 of the model trained on the others against the relevance order."""
    lines = [
        "| generation | questions | found in 10 | top-1 relevance → model | top-3 relevance → model |",
        "|---|---|---|---|---|",
    ]
    totals = np.zeros(6, dtype=int)
    better = worse = 0
    for name, test, model in left_out(groups):
        row = np.array(
            [
                len(test),
                sum(bool(g.positive.any()) for g in test),
                first_hits(None, test),
                first_hits(model, test),
                first_hits(None, test, 3),
                first_hits(model, test, 3),
            ]
        )
        totals += row
        better += row[3] > row[2]
        worse += row[3] < row[2]
        lines.append(f"| {name} | {row[0]} | {row[1]} | {row[2]} → {row[3]} | {row[4]} → {row[5]} |")
    lines.append(f"| all | {totals[0]} | {totals[1]} | {totals[2]} → {totals[3]} | {totals[4]} → {totals[5]} |")
    lines.append(f"\nThe model's top-1 is better on {better} generations, worse on {worse}.")
    return "\n".join(lines)


def compare_table(groups: Sequence[Group], shipped: PassageModel) -> str:
    """Per generation, first hits of the shipped model against the model retrained on every other generation of
    `groups` (leave one out): before retraining, whether the retrain would move anything. A generation the shipped
    model was trained on is marked (its figure is in sample: it weighs less)."""
    seen = {generation(Path(name)) for name in shipped.files}
    lines = [
        "| generation | shipped trained on it | questions | top-1 relevance / shipped → retrained |"
        " top-3 relevance / shipped → retrained |",
        "|---|---|---|---|---|",
    ]
    totals = np.zeros(7, dtype=int)
    better = worse = 0
    for name, test, model in left_out(groups):
        row = np.array(
            [
                len(test),
                first_hits(None, test),
                first_hits(shipped, test),
                first_hits(model, test),
                first_hits(None, test, 3),
                first_hits(shipped, test, 3),
                first_hits(model, test, 3),
            ]
        )
        totals += row
        better += row[3] > row[2]
        worse += row[3] < row[2]
        lines.append(
            f"| {name} | {'yes' if name in seen else 'no'} | {row[0]} | {row[1]} / {row[2]} → {row[3]} |"
            f" {row[4]} / {row[5]} → {row[6]} |"
        )
    lines.append(
        f"| all | | {totals[0]} | {totals[1]} / {totals[2]} → {totals[3]} | {totals[4]} / {totals[5]} → {totals[6]} |"
    )
    lines.append(
        f"\nThe retrained model's top-1 is better than the shipped one on {better} generations, worse on {worse}."
    )
    return "\n".join(lines)


def train(paths: Sequence[Path], groups: Sequence[Group], digest: str) -> PassageModel:
    model = fit(groups)
    names = tuple(os.path.relpath(p.resolve(), REPO_ROOT) for p in paths)
    return PassageModel(model.weights, model.mean, model.scale, names, digest)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("train", "cross", "compare"))
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    paths = checked(args.files)
    digest = training_digest(paths, LABELS)
    groups = cached_groups(paths, digest)
    if args.command == "cross":
        print(cross_table(groups))
        return 0
    if args.command == "compare":
        shipped = shipped_passage_model()
        if shipped is None:
            raise SystemExit("no shipped passage model to compare with")
        print(compare_table(groups, shipped))
        return 0
    model = train(paths, groups, digest)
    print(save(model))
    print(dict(zip(FEATURES, np.round(model.weights, 3))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
