"""Several certifications looked up in the branch's Pro-A list at once (protocole art. 2.2 and annex 1;
avenant du 11 octobre 2022, art. 1 and 6).

"Une candidate au DE d'infirmier, un au DE d'aide-soignant, une au master manager stratégique : lesquels
figurent sur la liste ?" asks the list about each name. Each one is looked up by `pro_a_certification`, with
its own answer (listed, added in 2022 under the extension's reserve, not listed, or which entry is meant);
the answer lists them in the order they were named.
"""

from __future__ import annotations

import re
from datetime import date

from calculators.pro_a_certifications import pro_a_certification
from calculators.result import CalcError, CalcResult


def split_names(certifications: str) -> list[str]:
    """The names of a " ; "-separated list, blanks dropped and repeats kept once."""
    return list(dict.fromkeys(n.strip() for n in re.split(r"\s*;\s*", certifications or "") if n.strip()))


def pro_a_certifications(certifications: str, as_of: date | None = None) -> CalcResult:
    """Whether each certification named (separated by ";") is on the Pro-A list on `as_of`."""
    names = split_names(certifications)
    if not names:
        raise CalcError("Indiquez les intitulés des certifications visées, séparés par « ; ».")
    results = [pro_a_certification(name, as_of) for name in names]
    listed = sum(1 for r in results if r.eligible is True)
    steps = [results[0].steps[0]]
    for name, result in zip(names, results, strict=True):
        steps.append(f"« {name} » : {result.summary}")
    references = list(dict.fromkeys(r for result in results for r in result.references))
    warnings = list(dict.fromkeys(w for result in results for w in result.warnings))
    return CalcResult(
        name="pro_a_certifications",
        value=listed,
        unit="certification(s) inscrite(s)",
        summary=" ".join(r.summary for r in results),
        formula=results[0].formula,
        steps=steps,
        references=references,
        warnings=warnings,
        details={"certifications": [r.to_dict() for r in results]},
        missing=[],
    )
