"""Figures of `ccn-assistant bench --llm` (bench.llm): the extractive default beside the model, per set.

Latencies are from the question to the answer a reader can use: the quoted answer for the
default; for the model, the checked text (and, for the first token, the first piece of its
draft). Questions the model was not asked (calculations, refusals, clarifications) count in the
pass rates of both columns with the same answer, and in no model latency.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import quantiles
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench.llm import Outcome


def _percentile(values: Sequence[float], pct: int) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return quantiles(values, n=100, method="inclusive")[pct - 1]


def _rate(good: int, total: int) -> dict[str, Any]:
    return {"good": good, "total": total, "rate": good / total if total else None}


def summarise(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Pass rates per set and overall, and the model's costs and faults on the questions it phrased."""
    sets: dict[str, Any] = {}
    for name in dict.fromkeys(o.set for o in outcomes):
        rows = [o for o in outcomes if o.set == name]
        sets[name] = {
            "questions": len(rows),
            "extractive_pass": _rate(sum(o.extractive_pass for o in rows), len(rows)),
            "model_pass": _rate(sum(o.model_pass for o in rows), len(rows)),
        }
    consulted = [o for o in outcomes if o.consulted]
    model_s = [o.model_s for o in consulted]
    first = [o.first_token_s for o in consulted if o.first_token_s is not None]
    quoted_s = [o.extractive_s for o in consulted]
    return {
        "sets": sets,
        "questions": len(outcomes),
        "extractive_pass": _rate(sum(o.extractive_pass for o in outcomes), len(outcomes)),
        "model_pass": _rate(sum(o.model_pass for o in outcomes), len(outcomes)),
        "consulted": len(consulted),
        "consulted_extractive_pass": _rate(sum(o.extractive_pass for o in consulted), len(consulted)),
        "consulted_model_pass": _rate(sum(o.model_pass for o in consulted), len(consulted)),
        "extractive_cited": _rate(sum(o.extractive_cited for o in consulted), len(consulted)),
        "model_cited": _rate(sum(o.cited for o in consulted), len(consulted)),
        "fallback": sum(o.fallback for o in consulted),
        "failed": sum(o.failed for o in consulted),
        "guard_removed_sentences": sum(o.removed for o in consulted),
        "guard_touched_answers": sum(o.removed > 0 for o in consulted),
        "invented_figure_answers": sum(bool(o.invented) for o in consulted),
        "extractive_p50_s": _percentile(quoted_s, 50),
        "extractive_p95_s": _percentile(quoted_s, 95),
        "model_p50_s": _percentile(model_s, 50),
        "model_p95_s": _percentile(model_s, 95),
        "first_token_p50_s": _percentile(first, 50),
        "first_token_p95_s": _percentile(first, 95),
    }


def _pct(rate: dict[str, Any]) -> str:
    if rate["rate"] is None:
        return "—"
    return f"{rate['good']}/{rate['total']} ({rate['rate']:.0%})"


def _s(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} s"


def markdown_table(summary: dict[str, Any]) -> str:
    """The comparison as a Markdown table (docs/LLM.md)."""
    lines = ["| mesure | réponse citée (défaut) | modèle |", "|---|---|---|"]
    for name, row in summary["sets"].items():
        lines.append(
            f"| réussite, {name} ({row['questions']} q.) | {_pct(row['extractive_pass'])} | {_pct(row['model_pass'])} |"
        )
    lines += [
        f"| réussite, tous jeux | {_pct(summary['extractive_pass'])} | {_pct(summary['model_pass'])} |",
        f"| réussite, questions rédigées par le modèle ({summary['consulted']}) | "
        f"{_pct(summary['consulted_extractive_pass'])} | {_pct(summary['consulted_model_pass'])} |",
        f"| réponses qui citent un passage | {_pct(summary['extractive_cited'])} | {_pct(summary['model_cited'])} |",
        f"| phrases retirées par le garde-fou des chiffres | — | {summary['guard_removed_sentences']} "
        f"(dans {summary['guard_touched_answers']} réponses) |",
        f"| brouillons avec un chiffre absent des passages | — | {summary['invented_figure_answers']} |",
        f"| repli sur la réponse citée (rien de vérifiable, panne) | — | {summary['fallback']} "
        f"(dont {summary['failed']} pannes) |",
        f"| latence p50 / p95 | {_s(summary['extractive_p50_s'])} / {_s(summary['extractive_p95_s'])} | "
        f"{_s(summary['model_p50_s'])} / {_s(summary['model_p95_s'])} |",
        f"| premier mot p50 / p95 | {_s(summary['extractive_p50_s'])} / {_s(summary['extractive_p95_s'])} | "
        f"{_s(summary['first_token_p50_s'])} / {_s(summary['first_token_p95_s'])} |",
    ]
    return "\n".join(lines)
