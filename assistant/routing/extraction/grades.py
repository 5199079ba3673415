"""CQP exam grades named in French text: "écrit 9", "oral : 10/20", "12 en tronc commun", "10 partout".

The CQP certification calculator needs each of its five grades by name; users give them in either
order (label then grade, grade then label) and sometimes as one grade for every exam.
"""

from __future__ import annotations

import re

from assistant.routing.extraction.folding import prepare
from assistant.routing.extraction.numbers import parse_number

# "celui de l'option", "celle du socle": a pronoun standing for the grade or the test just named.
_PRONOUN = r"(?:(?:celui|celle|ceux|celles) (?:du |de la |de l'|de |d'|en |sur l'|sur le |sur )?)"
# The circular's own names of the common part (IV, "Le parcours de formation"): "tronc commun interbranche
# (Prem'ss – préparation aux essentiels des métiers de la sécurité sociale)", "Prem'ss : acquisition du socle
# de compétences transverses", "Ce socle interbranche est donc organisé par les CRFP … et validé par un
# contrôle continu". A user who names the part ("Prem'ss 13", "12 au contrôle continu du socle") names the
# common part's continuous assessment; the option is the other one.
# "13 au commun", "contrôle continu commun 12": the common part said by its adjective alone, next to a grade
_COMMON_PART = (
    r"(?:tronc commun(?: interbranches?)?|socle(?: commun| interbranches?)?|interbranches?|prem'?ss|tc|commun\b)"
)
GRADE_LABELS: dict[str, str] = {
    # "contrôle du socle", "contrôle d'option": the continuous assessment named by its part, "continu" left out
    "continuous_common": rf"(?:(?:(?:controles?(?: continus?)?|cc|notes?) (?:du |de |en |sur le |d'|au )?|{_PRONOUN})?"
    rf"{_COMMON_PART})",
    "continuous_option": rf"(?:(?:controles?(?: continus?)?|cc|notes?) (?:de l'|d'|en |sur l'|sur |de |du |a l')?"
    rf"|{_PRONOUN})?(?:option|(?:ma |sa |la )?specialite)",  # "14 sur ma spécialité": the option, the trade chosen
    "written": r"(?:epreuve )?ecrite?",
    "oral": r"(?:epreuve )?orale?",
    # the circular's table names the test "Applications professionnelles tutorées" and describes it as "Mises en
    # situation professionnelles guidées par un tuteur": either name is that test's
    # "la pratique tutorée": the same test in a candidate's words
    # "applications 9", "tutorées 13": of the five tests only this one is applications or tutored, so either word
    # alone names it (the circular's table: "Applications professionnelles tutorées")
    "tutored": r"(?:(?:applications?|applis?|pratiques?) (?:pro(?:fessionnelles?)? )?tutorees?|\bapt\b"
    # (each word alone only where it stands alone: "applis tutorées" is one label, never two)
    r"|(?:applications?|applis?)(?: pro(?:fessionnelles?)?)?\b(?! (?:pro\w* )?tutore)"
    r"|(?<!applis )(?<!appli )(?<!applications )(?<!application )(?<!pratiques )(?<!pratique )(?<!pro )"
    r"(?<!professionnelles )(?<!professionnelle )\btutorees?\b"
    # "13 en mises en situation avec ma tutrice", "mises en situation 10": the test named without its adjective
    r"|mises? en situations?(?: "
    r"(?:(?:professionnelles? )?(?:tutorees?|guidees?(?: par (?:un|le|mon|son) tuteur)?)|professionnelles?))?)",
}

# "10 partout": one grade for every exam ("à chacune des cinq évaluations", "aux cinq épreuves": the CQP GC has five).
ALL_EXAMS = (
    r"(?:partout|a (?:toutes les|chaque) (?:(?:cinq|5) )?(?:epreuves?|notes?|evaluations?|matieres?)|"
    r"(?:a chacune des|aux) (?:(?:\d|cinq) )?(?:epreuves|notes|evaluations|matieres)|"
    r"dans (?:toutes les|chaque) (?:epreuves?|matieres?)|sur (?:toute la ligne|tout))\b"
)

_GRADE = r"(?P<g>\d{1,2}(?:[,.]\d{1,2})?)(?: */ *20| sur 20)?"
# What may stand between a label and its grade ("à l'écrit il a eu 9", "oral (note) : 10") or between a
# grade and its label ("6 pile à l'écrit", "11 (TC)").
_LABEL_TO_GRADE = (
    r"(?: *\([^()]{0,12}\))? *(?:[:=]|-|de|a|note|: *note|(?:c'est|c'etait|est|etait|vaut|valait|fait) (?:de |a )?|"
    r"(?:(?:j'ai|il a|elle a|on a|ai|a) )?(?:eu|obtenu)"
    r"(?: une note de| la note de)?|j'ai|il a|elle a)?"
)
_SCALED = r"(?P<g>\d{1,2}(?:[,.]\d{1,2})?)(?: */ *20| sur 20)"
# Up to three words between a label and its grade, none a number or another exam ("m'a donné", "validé avec",
# "ont été notées"), within the clause.
_BRIDGE = (
    r" +(?!(?:et|ou|mais|sauf)\b)(?:(?:m'|l'|a |ai |ont |a ete |ont ete |est )?[a-z]+(?:e|es|s)? +){1,3}?"
    r"(?<!\ble )(?<!\bdu )(?<!\bau )(?<!\ben )(?<!\bdepuis )(?<!\bdes )(?:avec |de |a |par )?"
)
# A figure that is a date, a length or a count, not a grade ("Prem'ss le 7 septembre", "l'oral dure 45 minutes").
_NOT_A_GRADE = (
    r"(?![\d%-])(?! *(?:er |eme )?(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|"
    r"decembre|h\b|heures?|ans?|annees?|mois|jours?|semaines?|minutes?|mn|candidats?|personnes?|stagiaires?)\b)"
)
_FILLER = r"(?:(?:pile|tout rond|tout juste|juste|seulement|pas plus|ric-rac|ric rac|tout pile) *)?"
_PREPOSITION = r"(?:a|en|au|aux|pour|dans|sur|de|d') *(?:l'|la +|le +|les +)?(?:epreuves? +(?:d'|de l'|de +)?)?"
# "9 en tronc commun et en option", "10 à l'écrit, à l'oral et aux applications tutorées": one grade for
# each label of a list.
_NEXT_LABEL = r"^ *(?:,|et|, et) *(?:{prep})?(?P<label>{labels})\b"


def parse_grades(text: str) -> dict[str, float]:
    """Named CQP grades (out of 20), keyed like the `cqp_certification` calculator's arguments.

    Reads "écrit 9", "oral : 10/20", "tronc commun 12, option 11", "applications professionnelles
    tutorées 14", "à l'écrit il a eu 9", and the other order, "j'ai eu 8 à l'oral", "12 en tronc commun",
    "12 de contrôle continu en tronc commun", "6 pile à l'écrit", "11 (TC) / 12 (option)". A grade
    followed by several labels ("9 en tronc commun et en option") is each one's. A number is given to one
    label only; a grade above 20 is not a grade and is ignored. "10 partout" (or "à toutes les
    épreuves") gives that grade to every exam not named otherwise.
    """
    _, folded = prepare(text)
    grades: dict[str, float] = {}
    used: set[int] = set()
    patterns = (
        [(key, rf"\b{label}\b{_LABEL_TO_GRADE} *{_GRADE}(?![\d%-])", False) for key, label in GRADE_LABELS.items()]
        + [
            (key, rf"(?<![\d,.-]){_GRADE} *{_FILLER}(?:{_PREPOSITION}\b{label}\b|\( *{label} *\))", True)
            for key, label in GRADE_LABELS.items()
        ]
        # "9/20 écrit": a grade on its scale needs no preposition before its label
        + [(key, rf"(?<![\d,.-]){_SCALED} *\b{label}\b", False) for key, label in GRADE_LABELS.items()]
        # "l'écrit m'a donné 9", "Prem'ss validé avec 12", "les APT ont été notées 14": a short verb phrase
        + [(key, rf"\b{label}\b{_BRIDGE}{_GRADE}{_NOT_A_GRADE}", False) for key, label in GRADE_LABELS.items()]
        # "mon écrit au CQP gestionnaire conseil : 6/20": the exam's certification named before a colon and a grade
        # on its scale
        + [(key, rf"\b{label}\b(?: [a-z']+){{1,4}} *: *{_SCALED}", False) for key, label in GRADE_LABELS.items()]
    )
    for key, pattern, grade_first in patterns:
        if key in grades:
            continue
        for m in re.finditer(pattern, folded):
            value = parse_number(m.group("g"))
            if m.start("g") in used or not 0 <= value <= 20:
                continue
            grades[key] = value
            used.add(m.start("g"))
            if grade_first:
                _shared_grade(folded, m.end(), value, grades)
            break
    _listed_then_graded(folded, grades)
    everywhere = re.search(rf"(?<![\d,.]){_GRADE} *{ALL_EXAMS}", folded)
    if everywhere and 0 <= parse_number(everywhere.group("g")) <= 20:
        for key in GRADE_LABELS:
            grades.setdefault(key, parse_number(everywhere.group("g")))
    for key, value in _continuous_pair(folded).items():
        grades.setdefault(key, value)
    grades.update(_respective(folded))  # a paired list is more precise than one grade shared by a list
    grades.update(_replacements(folded))
    return grades


# "12, 11, 9, 14 et 13 (TC, option, écrit, oral, APT)", "respectivement 12, 10 et 8 en TC, à l'écrit et à
# l'oral": a list of grades, then the list of the exams they are for, in the same order.
_GRADE_LIST = (
    r"(?<![\d,.])(?P<grades>\d{1,2}(?:[,.]5)?(?: */ *20)?(?: *(?:,|;|/|et|-) *\d{1,2}(?:[,.]5)?(?: */ *20)?){1,4})"
)


def _respective(folded: str) -> dict[str, float]:
    """Grades listed before the exams they belong to, paired in order when both lists have the same length."""
    labels = "|".join(f"(?:{label})" for label in GRADE_LABELS.values())
    found: dict[str, float] = {}
    for m in re.finditer(_GRADE_LIST, folded):
        values = [parse_number(v) for v in re.findall(r"\d{1,2}(?:[,.]5)?(?= */ *20|(?!\d))", m.group("grades"))]
        values = [v for v in values if v != 20]  # "/20" is the scale, not a grade
        after = re.match(
            r" *(?:\(|:|respectivement|en|au|aux|a|pour)?[^\d.?!]{0,20}?"
            rf"(?P<names>(?:(?:a |en |au |aux |de )?(?:l'|la |le |les )?(?:{labels})\b *(?:,|;|/|et|-)? *){{2,5}})",
            folded[m.end() :],
        )
        if after is None:
            continue
        names = re.findall(rf"(?:{labels})", after.group("names"))
        keys = [next(k for k, label in GRADE_LABELS.items() if re.fullmatch(label, n)) for n in names]
        if len(keys) == len(values) and len(set(keys)) == len(keys) and all(0 <= v <= 20 for v in values):
            found.update(zip(keys, values, strict=True))
    return found


# A grade said to replace another for the same exam: "7 à l'oral au lieu de 10", "avec 5 à l'écrit à la
# place", "10 partout sauf l'écrit où j'ai 6", "et si j'avais eu 8 à l'oral ?". The last one said wins.
_INSTEAD = r" *(?:,? *(?:au lieu d[eu']|a la place|plutot qu|et non (?:pas )?))"
_EXCEPT = (
    r"\b(?:sauf|excepte|hormis|a part) *(?:{prep}|l'|la |le |les )?(?P<label>{labels})\b[^\d.?!]{{0,20}}?"
    r"{grade}(?![\d%-])"
)
# A grade supposed after the list ("Et avec 7 à l'écrit ?", "Imaginons un 6 à l'oral", "mettons 12 en option"):
# the hypothesis replaces that exam's grade, the others stay.
_SUPPOSED = (
    r"\b(?:et )?(?:avec|imaginons|supposons|mettons|admettons|disons)(?: que j'aie| qu'il ait| qu'elle ait)?"
    r"(?: eu)?(?: un| une| seulement| juste)? *{grade} *{filler}(?:{prep})?"
)
_IF_HAD = r"\bsi (?:j'avais|il avait|elle avait|on avait|j'ai|il a|elle a) (?:eu|obtenu) *{grade} *{filler}(?:{prep})?"
# "l'écrit passe à 11", "si l'oral remontait à 12", "l'option descend de 9 à 7", "l'APT devient 14": the exam
# named first, then a verb of change and its new grade.
_CHANGED_TO = (
    r"(?P<label>{labels})\b *(?:passe|passait|passerait|remonte|remontait|monte|montait|descend|descendait|"
    r"tombe|tombait|baisse|baissait|grimpe|grimpait|devient|devenait|est ramenee?|etait ramenee?|est portee?|"
    r"etait portee?) *(?:de *\d{{1,2}}(?:[,.]\d{{1,2}})?(?: */ *20)? *)?(?:a|en)? *{grade}(?![\d%-])"
)


def _replacements(folded: str) -> dict[str, float]:
    """The grades said to replace what the list gave (see above), keyed by exam."""
    found: dict[str, tuple[int, float]] = {}
    labels = "|".join(f"(?:{label})" for label in GRADE_LABELS.values())
    forms = [
        rf"(?<![\d,.-]){_GRADE} *{_FILLER}(?:{_PREPOSITION})?(?P<label>{labels})\b(?={_INSTEAD})",
        _EXCEPT.format(prep=_PREPOSITION, labels=labels, grade=_GRADE),
        _IF_HAD.format(grade=_GRADE, filler=_FILLER, prep=_PREPOSITION) + rf"(?P<label>{labels})\b",
        _CHANGED_TO.format(labels=labels, grade=_GRADE),
        _SUPPOSED.format(grade=_GRADE, filler=_FILLER, prep=_PREPOSITION) + rf"(?P<label>{labels})\b",
    ]
    for form in forms:
        for m in re.finditer(form, folded):
            value = parse_number(m.group("g"))
            key = next((k for k, label in GRADE_LABELS.items() if re.fullmatch(label, m.group("label"))), None)
            if key is not None and 0 <= value <= 20 and m.start() >= found.get(key, (-1, 0.0))[0]:
                found[key] = (m.start(), value)
    return {key: value for key, (_, value) in found.items()}


def _shared_grade(folded: str, end: int, value: float, grades: dict[str, float]) -> None:
    """Give `value` to each label listed right after the one it was read for ("et en option")."""
    labels = "|".join(f"(?:{label})" for label in GRADE_LABELS.values())
    pattern = re.compile(_NEXT_LABEL.format(prep=_PREPOSITION, labels=labels))
    while (m := pattern.match(folded[end:])) is not None:
        key = next(k for k, label in GRADE_LABELS.items() if re.fullmatch(label, m.group("label")))
        if re.match(r" *(?:[:=]|-)? *\d", folded[end + m.end() :]):
            return  # "…, oral 12": the next label has its own grade
        grades.setdefault(key, value)
        end += m.end()


def _listed_then_graded(folded: str, grades: dict[str, float]) -> None:
    """One grade after a list of exams is each one's: "option, écrit et APT à 13", "l'écrit et l'oral : 12"."""
    labels = "|".join(f"(?:{label})" for label in GRADE_LABELS.values())
    item = rf"(?:{_PREPOSITION}|l'|la |le |les )?(?:{labels})\b"
    listed = re.compile(rf"(?P<names>{item}(?: *(?:,|et|, et) *{item}){{1,4}}) *(?:[:=]|a|de|en)? *{_GRADE}(?![\d%-])")
    for m in listed.finditer(folded):
        value = parse_number(m.group("g"))
        if not 0 <= value <= 20:
            continue
        for name in re.findall(rf"(?:{labels})", m.group("names")):
            key = next(k for k, label in GRADE_LABELS.items() if re.fullmatch(label, name))
            grades.setdefault(key, value)


# The circular's table (V) lists the continuous assessments under one heading, in this order: "Contrôles
# continus / - Tronc commun /20 … / - Option /20 …". Two grades said under that heading alone ("contrôles
# continus 8 et 9", "pour les contrôles continus j'ai 14 et 12", "14 et 12 en contrôle continu", the heading in
# the singular) follow the table's order.
_PAIR_AFTER = re.compile(
    r"(?<![\d,.])(?P<a>\d{1,2}(?:[,.]\d{1,2})?)(?: */ *20)? *(?:et|,|/|-|puis) *(?P<b>\d{1,2}(?:[,.]\d{1,2})?)"
    r"(?: */ *20)? *(?:aux|au|en|pour les|pour le|a mes|dans les|sur les) (?:deux |2 )?(?:controles? continus?|cc)\b"
)
_PAIR = re.compile(
    r"\b(?:controles? continus?|cc)\b(?P<between>[^\d.?!;]{0,25}?)"
    r"(?P<a>\d{1,2}(?:[,.]\d{1,2})?)(?: */ *20)? *(?:et|,|/|-|puis) *"
    r"(?P<b>\d{1,2}(?:[,.]\d{1,2})?)(?: */ *20)?(?![\d%-])"
)


def _continuous_pair(folded: str) -> dict[str, float]:
    """Two grades after the continuous assessments' heading: the common part's, then the option's."""
    labels = "|".join(f"(?:{label})" for label in GRADE_LABELS.values())
    for m in _PAIR.finditer(folded):
        if re.search(rf"\b(?:{labels})\b", m.group("between")):
            continue  # "contrôle continu du socle 12, option 11": each grade has its own label
        if re.match(rf" *(?:{_PREPOSITION})?(?:{labels})\b", folded[m.end() :]):
            continue  # "contrôles continus 8 et 9 en option": the grades are named otherwise
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if 0 <= a <= 20 and 0 <= b <= 20:
            return {"continuous_common": a, "continuous_option": b}
    after = _PAIR_AFTER.search(folded)  # "j'ai eu 10 et 12 aux contrôles continus"
    if after and all(0 <= parse_number(after.group(k)) <= 20 for k in "ab"):
        return {
            "continuous_common": parse_number(after.group("a")),
            "continuous_option": parse_number(after.group("b")),
        }
    return {}
