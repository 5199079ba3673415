"""CQP exam grades named in French text: "écrit 9", "oral : 10/20", "12 en tronc commun", "10 partout".

The CQP certification calculator needs each of its five grades by name; users give them in either
order (label then grade, grade then label) and sometimes as one grade for every exam.
"""

from __future__ import annotations

import re

from assistant.routing.extraction.folding import prepare
from assistant.routing.extraction.numbers import parse_number

GRADE_LABELS: dict[str, str] = {
    "continuous_common": r"(?:(?:(?:controles? continus?|cc) (?:du |de |en |sur le )?)?tronc commun"
    r"(?: interbranches?)?|tc)",
    "continuous_option": r"(?:(?:controles? continus?|cc) (?:de l'|d'|en |sur l'|sur )?)?option",
    "written": r"(?:epreuve )?ecrite?",
    "oral": r"(?:epreuve )?orale?",
    "tutored": r"(?:(?:applications?|applis?) (?:pro(?:fessionnelles?)? )?tutorees?|\bapt\b|mises? en situation "
    r"(?:professionnelles? )?tutorees?)",
}

# "10 partout": one grade for every exam.
ALL_EXAMS = (
    r"(?:partout|a (?:toutes les|chaque) (?:epreuves?|notes?|evaluations?|matieres?)|"
    r"dans (?:toutes les|chaque) (?:epreuves?|matieres?)|sur (?:toute la ligne|tout))\b"
)

_GRADE = r"(?P<g>\d{1,2}(?:[,.]\d{1,2})?)(?: */ *20| sur 20)?"


def parse_grades(text: str) -> dict[str, float]:
    """Named CQP grades (out of 20), keyed like the `cqp_certification` calculator's arguments.

    Reads "écrit 9", "oral : 10/20", "tronc commun 12, option 11", "applications professionnelles
    tutorées 14", and the other order, "j'ai eu 8 à l'oral", "12 en tronc commun", "12 de contrôle
    continu en tronc commun". A number is given to one label only; a grade above 20 is not a grade and
    is ignored. "10 partout" (or "à toutes les épreuves") gives that grade to every exam not named
    otherwise.
    """
    _, folded = prepare(text)
    grades: dict[str, float] = {}
    used: set[int] = set()
    patterns = [
        (key, rf"\b{label}\b *(?:[:=]|-|de|a|note|: *note)? *{_GRADE}(?![\d%])") for key, label in GRADE_LABELS.items()
    ] + [
        (
            key,
            rf"(?<![\d,.]){_GRADE} *(?:a|en|au|aux|pour|dans|sur|de|d') *(?:l'|la +|le +|les +)?"
            rf"(?:epreuves? +(?:d'|de l'|de +)?)?\b{label}\b",
        )
        for key, label in GRADE_LABELS.items()
    ]
    for key, pattern in patterns:
        if key in grades:
            continue
        for m in re.finditer(pattern, folded):
            value = parse_number(m.group("g"))
            if m.start("g") in used or not 0 <= value <= 20:
                continue
            grades[key] = value
            used.add(m.start("g"))
            break
    everywhere = re.search(rf"(?<![\d,.]){_GRADE} *{ALL_EXAMS}", folded)
    if everywhere and 0 <= parse_number(everywhere.group("g")) <= 20:
        for key in GRADE_LABELS:
            grades.setdefault(key, parse_number(everywhere.group("g")))
    return grades
