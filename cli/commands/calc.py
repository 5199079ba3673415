"""`ccn-assistant calc [NOM] [options]`: run a calculator from the command line.

The options of each calculator are generated from `calculators.registry`, so `calc NOM --help` always
matches what the calculator accepts. Values are passed as text and coerced by the registry: dates as
ISO (`2025-02-01`), lists by repeating the option (`--mission 2025-02-01:2025-06-20 --mission ...`).
`--json` prints `CalcResult.to_dict()`; otherwise a readable French report. Impossible input prints
a one-line error and exits with status 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

from calculators.registry import CALCULATORS
from calculators.result import CalcError, CalcResult
from calculators.spec import TYPE_LABELS, CalculatorSpec, Param

logger = logging.getLogger(__name__)

LIST_OPTION_NAMES = {"missions": "mission", "actions": "action", "interviews": "interview", "bilans": "bilan"}
POINT_FILE_PARAM = "point_values_file"


def option_name(param: Param) -> str:
    """`--as-of` for `as_of`; lists take a singular option repeated once per item (`--mission`)."""
    name = LIST_OPTION_NAMES.get(param.name, param.name) if param.type.endswith("_list") else param.name
    return "--" + name.replace("_", "-")


def _help(param: Param) -> str:
    parts = [param.help, TYPE_LABELS[param.type]]
    if param.type.endswith("_list"):
        parts.append("option à répéter")
    if param.required:
        parts.append("obligatoire")
    return " ; ".join(parts).replace("%", "%%")  # argparse %-formats help strings


def _add_calculator(sub: argparse._SubParsersAction[argparse.ArgumentParser], spec: CalculatorSpec) -> None:
    parser = sub.add_parser(
        spec.name,
        help=spec.title_fr.replace("%", "%%"),
        description=f"{spec.title_fr}. {spec.description_fr}",
    )
    for param in spec.public_params:
        kwargs: dict[str, Any] = {"dest": param.name, "help": _help(param)}
        if param.type == "bool":
            kwargs["action"] = argparse.BooleanOptionalAction
        elif param.type.endswith("_list"):
            kwargs.update(action="append", metavar="DÉBUT:FIN" if param.type == "period_list" else "DATE")
        else:
            kwargs["metavar"] = {"date": "AAAA-MM-JJ", "int": "N", "float": "X"}.get(param.type, "TEXTE")
            if param.choices:
                kwargs["metavar"] = "{" + ",".join(param.choices) + "}"
        parser.add_argument(option_name(param), **kwargs)
    if any(p.name == POINT_FILE_PARAM for p in spec.params):
        parser.add_argument(
            "--point-values-file",
            dest=POINT_FILE_PARAM,
            metavar="FICHIER",
            help="table JSON datée des valeurs du point (défaut : <dossier de données>/point_values.json)",
        )
    parser.add_argument("--json", action="store_true", help="afficher le résultat complet en JSON")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `calc` and one sub-command per calculator of the registry."""
    parser = sub.add_parser(
        "calc",
        help="calculs déterministes : primes, droits, échéances, certification",
        description="Calculs déterministes sur les textes conventionnels. Sans NOM : liste des calculateurs.",
    )
    calc_sub = parser.add_subparsers(dest="calc_name", metavar="NOM")
    for spec in CALCULATORS.values():
        _add_calculator(calc_sub, spec)
    parser.set_defaults(handler=run)


def list_calculators() -> str:
    """One line per calculator: its name and French title."""
    width = max(len(name) for name in CALCULATORS)
    lines = ["Calculateurs disponibles (ccn-assistant calc NOM --help pour leurs paramètres) :"]
    lines += [f"  {name.ljust(width)}  {spec.title_fr}" for name, spec in CALCULATORS.items()]
    return "\n".join(lines)


def format_result(spec: CalculatorSpec, result: CalcResult) -> str:
    """A readable French report: result, formula, reasoning, articles applied, points of attention."""
    lines = [spec.title_fr, "", result.summary, ""]
    if result.value is not None:
        lines.append(f"Valeur : {result.value} {result.unit}".rstrip())
    if result.eligible is not None:
        lines.append(f"Éligible : {'oui' if result.eligible else 'non'}")
    if result.certified is not None:
        lines.append(f"Certifié : {'oui' if result.certified else 'non'}")
    if result.verdict and result.eligible is None and result.certified is None:
        lines.append("Éligible : non décidé" if result.verdict == "eligible" else "Certifié : non décidé")
    if result.missing:  # the inputs that could still change the result (partial-input rules)
        options = ", ".join(option_name(spec_param) for spec_param in spec.params if spec_param.name in result.missing)
        lines.append(f"Informations qui peuvent changer le résultat : {options}")
    lines += [f"Formule : {result.formula}", "", "Raisonnement :"]
    lines += [f"  {number}. {step}" for number, step in enumerate(result.steps, start=1)]
    if result.references:
        lines += ["", "Références :"]
        lines += [f"  - {r.label} [{r.document}, {r.section}]" for r in result.references]
    if result.warnings:
        lines += ["", "Points de vigilance :"]
        lines += [f"  - {warning}" for warning in result.warnings]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Run the chosen calculator; a `CalcError` becomes a one-line message and exit status 2."""
    name = getattr(args, "calc_name", None)
    if not name:
        print(list_calculators())
        return 0
    spec = CALCULATORS[name]
    kwargs = {p.name: getattr(args, p.name) for p in spec.public_params if getattr(args, p.name) is not None}
    if any(p.name == POINT_FILE_PARAM for p in spec.params):
        point_file = getattr(args, POINT_FILE_PARAM, None)
        if point_file is None:
            from assistant.settings import get_settings

            point_file = str(get_settings().point_values_file)
        kwargs[POINT_FILE_PARAM] = point_file
    try:
        result = spec.run(**kwargs)
    except CalcError as exc:
        print(f"erreur : {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # never a traceback for the user; details in the debug log
        logger.debug("calculateur %s en échec", name, exc_info=True)
        print(f"erreur interne du calculateur {name} : {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_result(spec, result))
    return 0
