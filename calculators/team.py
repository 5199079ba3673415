"""A one-person rule summed over a team: each group of people sharing the deciding facts, times its count.

Why: a manager asks for a team ("3 agents n'ont pas le bac et 4 l'ont, aucun poste menacé : combien d'heures de
congé VAE au total ?"), but each rule of the texts is written for one person ("Le congé pour préparer la validation
des acquis de l'expérience (VAE) d'une durée de 24 heures est augmenté pour les agents n'ayant pas atteint le niveau 4
… à 48 heures maximum", avenant 2022, art. 2). The total is the person's rule applied to each group's facts, times
the group's head count, added up: nothing is assumed of a group beyond what its own facts and the rule decide, and a
group whose facts do not decide leaves the total undecided with its missing inputs named.

Groups arrive as a list of mappings `{"count": 3, <the rule's own arguments>}`, or as text for the command line and
the forms: "3:diploma_level=3,job_threatened=non;4:diploma_level=4". The rule's own spec takes them as its `groups`
argument (`registry`: `vae_leave(groups=…)`), so a team is the same calculator, not another one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from calculators.numbers import count_fr, format_number
from calculators.result import CalcError, CalcResult, Reference

# The rules written for one person whose value adds up over people (hours of leave, points of a premium).
TEAM_RULES = ("vae_leave",)


def parse_groups(value: Any) -> list[dict[str, Any]]:
    """Groups from a list of mappings, or from "N:key=value,key=value;N:…"; `CalcError` when malformed."""
    if isinstance(value, str):
        groups: list[dict[str, Any]] = []
        for part in filter(None, (p.strip() for p in value.split(";"))):
            head, _, rest = part.partition(":")
            group: dict[str, Any] = {"count": head.strip()}
            for pair in filter(None, (p.strip() for p in rest.split(","))):
                key, sep, val = pair.partition("=")
                if not sep:
                    raise CalcError(f"« groups » : « {pair} » n'est pas de la forme clé=valeur.")
                group[key.strip()] = val.strip()
            groups.append(group)
        value = groups
    if not isinstance(value, Sequence) or not value or not all(isinstance(g, Mapping) for g in value):
        raise CalcError("« groups » : liste de groupes attendue, chacun avec son effectif (« count »).")
    out = []
    for group in value:
        try:
            count: int = int(str(group.get("count", "")).strip())
        except ValueError:
            raise CalcError("« groups » : chaque groupe doit avoir un effectif entier (« count »).") from None
        if count < 1:
            raise CalcError("« groups » : l'effectif d'un groupe est d'au moins une personne.")
        out.append({**{k: v for k, v in group.items() if k != "count"}, "count": count})
    return out


def team_total(rule: str, groups: Any, run: Callable[..., CalcResult], title: str = "") -> CalcResult:
    """The rule `rule` (French `title`) applied to each group's facts (`run(**facts)`), times its count, summed."""
    if rule not in TEAM_RULES:
        raise CalcError(
            f"« rule » : règle non additionnable par personne : « {rule} » (possibles : {', '.join(TEAM_RULES)})."
        )
    parsed = parse_groups(groups)
    results = [(group["count"], run(**{k: v for k, v in group.items() if k != "count"})) for group in parsed]
    first = results[0][1]
    unit = first.unit
    people = sum(count for count, _ in results)
    steps: list[str] = []
    missing: list[str] = []
    references: list[Reference] = []
    warnings: list[str] = []
    total = 0.0
    for n, (count, result) in enumerate(results, start=1):
        for reference in result.references:
            if reference not in references:
                references.append(reference)
        warnings += [w for w in result.warnings if w not in warnings]
        if result.value is None or not isinstance(result.value, int | float) or result.missing:
            missing += [m for m in result.missing if m not in missing]
            steps.append(f"Groupe {n} ({count_fr(count, 'personne')}) : non décidé — {result.summary}")
            continue
        total += count * result.value
        steps.append(
            f"Groupe {n} ({count_fr(count, 'personne')}) : {_figure(result.value)} {unit} × {count} = "
            f"{_figure(count * result.value)} {unit}."
        )
    decided = not missing
    operation = " + ".join(f"{count} × {_figure(r.value)}" for count, r in results if isinstance(r.value, int | float))
    summary = (
        f"{title or rule} pour l'ensemble ({count_fr(people, 'personne')}) : au plus "
        f"{_figure(total)} {unit} au total ({operation} {unit})."
        if decided
        else f"Total non décidé pour l'ensemble ({count_fr(people, 'personne')}) : "
        + " ; ".join(
            f"groupe {n} ({count_fr(c, 'personne')}), {r.summary}" for n, (c, r) in enumerate(results, 1) if r.missing
        )
    )
    return CalcResult(
        name=rule,
        value=total if decided else None,
        unit=unit,
        summary=summary,
        formula=f"total = somme, pour chaque groupe, de l'effectif × la règle d'une personne ({first.formula})",
        steps=steps,
        references=references,
        warnings=warnings,
        details={"rule": rule, "people": people, "groups": [{"count": c, "value": r.value} for c, r in results]},
        missing=missing,
    )


def _figure(value: Any) -> str:
    return format_number(value) if isinstance(value, int | float) else str(value)


# The rules whose one-unit value adds up over identical units, and the unit each counts: the 2013 funding of the CQP
# path is per trainee (circular IX: "la prise en charge … à hauteur de 12 € par heure", hours "par stagiaire"), the
# supplementary contribution per organisation (art. 10: "0,15 % de leur masse salariale brute", each organisation's).
COUNTED_RULES: dict[str, tuple[str, str]] = {
    "training_path_hours": ("stagiaire", "stagiaires"),
    "supplementary_contribution": ("organisme", "organismes"),
}


def times_count(result: CalcResult, count: int) -> CalcResult:
    """One unit's result (one trainee's funding, one organisation's contribution) for `count` identical units: the
    total leads, then the one unit's result as computed. Why: "pour deux stagiaires", "cinq caisses de la même
    taille" ask the total, and the rule is written for one; nothing else of the unit changes."""
    if result.name not in COUNTED_RULES:
        raise CalcError(f"« count » : la règle « {result.name} » ne s'additionne pas par unité.")
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise CalcError("« count » : le nombre d'unités identiques est un entier d'au moins 1.")
    if count == 1:
        return result
    if not isinstance(result.value, int | float) or isinstance(result.value, bool) or result.unit != "€":
        raise CalcError(
            "« count » : seul un montant en euros s'additionne par unité (indiquez les heures à financer ou la masse "
            "salariale)."
        )
    singular, plural = COUNTED_RULES[result.name]
    total = result.value * count
    one, all_ = _figure(result.value), _figure(total)
    lead = f"Pour {count_fr(count, singular, plural)} : {all_} € au total ({count} × {one} €)."
    return replace(
        result,
        value=total,
        summary=f"{lead} Pour un {singular} : {result.summary}",
        formula=f"total = {count} × ({result.formula})",
        steps=[*result.steps, f"{count_fr(count, singular, plural)} × {one} € = {all_} €."],
        details={**result.details, "count": count, "per_unit": result.value},
    )
