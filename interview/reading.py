"""An HR adviser's description of an employee, read into an `EmployeeProfile` without guessing.

"Prépare l'entretien de M. X, CDI depuis 2010, BTS, dernière formation en 2020, veut devenir
contrôleur" holds a contract, a hire year, a diploma, a last training and a career wish. The figures
are read by the same parsers the chat's calculators use (`assistant.routing.extraction`: dates,
diploma, contract, job threat); this module only decides which date is which, from the words of the
clause it sits in ("formation" → last training, "entretien" → past interview, "bilan", "branche",
"embauche"/"depuis" → entry into the organisme).

Why nothing is guessed: a fact the adviser did not give is listed in `missing`, and the sheet shows
the item as "Information à compléter". A date given only as a year or a month is kept at its first
day and listed in `approximations`, so the adviser sees which deadlines to check. A seniority given
as a length ("depuis 12 ans", "12 ans d'ancienneté") is *not* turned into a hire date — today minus
12 years would be an invented day — it is reported, and the hire date is asked for.

Privacy: the text and the profile are personal data; nothing here logs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.routing.extraction.dates import DateSpan, parse_dates
from assistant.routing.extraction.folding import prepare
from assistant.routing.extraction.situation import parse_contract, parse_diploma_level, parse_job_threatened
from assistant.routing.extraction.spelled import spell_digits
from calculators.dates import format_date_fr
from calculators.qualification_levels import LEVEL_NAMES
from interview.profile import CONTRACTS, EmployeeProfile

# Which profile date a date stands for, by the nearest keyword of its clause (folded text).
DATE_ROLES: dict[str, str] = {
    "last_training": r"\bformations?\b|\bforme(?:e|s)?\b|\bstages?\b",
    "bilan": r"\bbilans?\b",
    "interview": r"\bentretiens?\b",
    "branch_start": r"\bbranche\b|\bsecurite sociale\b|\binstitution\b",
    "organisation_start": r"\bembauch\w*|\brecrut\w*|\barriv\w*|\bentre(?:e|s|es)?\b|\bcd[id]\b|\bcontrat\b|"
    r"\banciennete\b|\borganisme\b|\bcaisse\b|\bdepuis\b",
}
# A request to prepare an interview, and the signs that a particular employee is described.
REQUEST = re.compile(
    r"\b(?:prepar\w*|fiche|preparation)\b[^.?!]{0,40}\bentretiens?\b"
    r"|\bentretiens? (?:pro(?:fessionnel)?s? )?(?:de|d'|pour|avec) (?:m\.|mme|mlle|monsieur|madame|mon |ma |notre |"
    r"un |une |cet |cette |l'agent|la salariee|le salarie)"
)
# The rights the sheet covers, by the words an adviser names one with (folded text).
ONE_RIGHT = re.compile(
    r"\bpro ?- ?a\b|\bcep\b|\bconseil en evolution\b|\bvae\b|\bvalidation des acquis\b|\bgarantie individuelle\b"
    r"|\bcontrat de pro\w*|\bcpf\b|\bcompte personnel de formation\b"
)
# What a precise question asks (folded text): a date, the one who acts ("qui" opening a clause). Counts of hours or
# points ("combien d'heures d'absence pourra-t-elle poser ?") are the sheet's own rights, which it answers.
PRECISE = re.compile(
    r"\b(?:quand|quelle date|avant quel(?:le)?s?|a partir de quel(?:le)?s?)\b|(?:^\s*|[,?]\s*|\bet )qui\b"
)
NAME = re.compile(r"\b(?:M\.|Mme|Mlle|Monsieur|Madame)\s+([A-ZÀ-Ý][\w'-]*(?:\s+[A-ZÀ-Ý][\w'-]*)?)")
# An employee named by a first name as the one whose interview it is ("l'entretien de Julie", "entretien pro de
# Sonia", "pour l'entretien professionnel de Karim"): read on the text as written, capitals kept; an acronym or a
# scheme's name ("entretien de Pro-A") is no first name.
FIRST_NAME = re.compile(
    r"\b[Ee]ntretiens? (?:pros? |professionnels? |annuels? )?(?:de|d'|pour|avec)\s*"
    r"(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)\b(?!-)"
)
WISH = re.compile(
    r"\b(?:veut|voudrait|souhaite|souhaiterait|aimerait|envisage de|vise a|projet(?: professionnel)? ?:?)\s+"
    r"(?P<wish>(?:devenir|evoluer|passer|aller|acceder|preparer|se former|se reconvertir)[^.;!?\n]*)"
)
SENIORITY = re.compile(r"\b\d+(?:[,.]\d+)? ?(?:ans?|annees?|mois)\b[^.,;]{0,20}\banciennete\b")
RELATIVE_DATE = re.compile(r"^(?:il y a|depuis)\s+(?:\w+\s+){1,2}(?:mois|ans?|annees?|semaines?|jours?)\b")
CEP_DONE = re.compile(
    r"\b(?:deja|a) (?:suivi|eu|beneficie d'un|fait) (?:un |une )?(?:cep|conseil en evolution)"
    r"|\b(?:cep|conseil en evolution professionnelle) (?:deja )?(?:suivi|realise|fait)"
)
CEP_NOT_DONE = re.compile(r"\b(?:jamais|pas|aucun)\b[^.;]{0,25}\b(?:cep|conseil en evolution)")
NO_TRAINING = re.compile(r"\b(?:jamais|aucune?|pas)\b[^.;,]{0,25}\b(?:formations?|formee?s?)\b")
NO_INTERVIEW = re.compile(r"\b(?:aucun|jamais|pas)\b[^.;,]{0,25}\bentretiens?\b")


@dataclass(frozen=True)
class ProfileReading:
    """The profile read from a description, what was read, what is missing, what is approximate."""

    profile: EmployeeProfile
    read: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    approximations: tuple[str, ...] = ()
    facts: int = field(default=0, repr=False)


def is_interview_request(text: str) -> bool:
    """Whether the text asks to prepare an interview for a described employee (not how interviews work).

    "Comment préparer mon entretien professionnel ?" asks about the rule: it names no employee and gives
    no fact, so it is left to the usual answer.
    """
    original, folded = prepare(text)
    first_name = FIRST_NAME.search(original)
    if not (REQUEST.search(folded) or first_name) or asks_one_right(folded) or asks_precisely(folded):
        return False
    # a first name alone is a file only with a fact of it ("l'entretien de Julie, CDI depuis 2020, …")
    return bool(NAME.search(original)) or read_profile(text, date.today()).facts >= (1 if first_name else 2)


def asks_one_right(folded: str) -> bool:
    """Whether the question asked is about one right ("on prépare son entretien : elle peut prétendre à la
    Pro-A ?"): the ordinary answer gives it first (and asks for what it lacks), where the sheet would bury
    it among all the others. A short heading before the asking clause is part of it: a follow-up asked in a
    conversation names its subject so ("… n'a qu'un CAP. Pro-A : est-il éligible, lui ?", conv27)."""
    asking = [clause for clause in _asking_clauses(folded) if "?" in clause]
    named = {m.group(0) for clause in asking for m in ONE_RIGHT.finditer(clause)}
    return len(named) == 1


def _asking_clauses(folded: str) -> list[str]:
    """The clauses of `folded` (split at sentence ends, semicolons and colons), a heading of at most three words
    kept with the clause it heads ("pro-a : est-il eligible ?")."""
    clauses: list[str] = []
    for sentence in re.split(r"[.;!\n]", folded):
        parts = sentence.split(":")
        if len(parts) == 2 and len(parts[0].split()) <= 3:
            parts = [sentence]
        clauses.extend(parts)
    return clauses


def asks_precisely(folded: str) -> bool:
    """Whether the question asked wants one precise thing — a date, who acts ("Je prépare l'entretien de
    bilan de Mme Roussel : il doit avoir lieu avant quand ?", "… qui doit faire quoi, avant et après ?"): the
    ordinary answer gives it first (the calculator's date, or the question back for the fact it lacks; the
    article's sentence), where the sheet would bury it among every right. "Qu'est-ce qui est en retard ?",
    "de quoi dois-je l'informer ?" ask for the preparation itself, which the sheet is."""
    asking = [clause for clause in re.split(r"[.;:!\n]", folded) if "?" in clause]
    return any(PRECISE.search(clause) for clause in asking)


def _clauses(folded: str) -> list[tuple[int, int]]:
    """Spans of the clauses (between commas, semicolons, colons, full stops, brackets and line breaks).

    "et" does not end a clause: "entretiens en mars 2019 et le 4 avril 2022" gives both dates one role.
    """
    spans, start = [], 0
    for m in re.finditer(r"[,;.:\n()]", folded):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(folded)))
    return spans


def _role(folded: str, span: tuple[int, int], clauses: list[tuple[int, int]]) -> str | None:
    """The role of the date at `span`: the keyword of its clause nearest before it, else nearest after."""
    start, end = next(((s, e) for s, e in clauses if s <= span[0] < e), (0, len(folded)))
    before, after = folded[start : span[0]], folded[span[1] : end]
    best: tuple[int, str] | None = None
    for role, pattern in DATE_ROLES.items():
        for m in re.finditer(pattern, before):
            if best is None or m.start() > best[0] or (m.start() == best[0] and role < best[1]):
                best = (m.start(), role)
    if best is not None:
        return best[1]
    nearest: tuple[int, str] | None = None
    for role, pattern in DATE_ROLES.items():
        found = re.search(pattern, after)
        if found and (nearest is None or found.start() < nearest[0]):
            nearest = (found.start(), role)
    return nearest[1] if nearest else None


def _day(d: DateSpan) -> date:
    return d.end if d.kind == "range" else d.start


def read_profile(text: str, today: date) -> ProfileReading:
    """Read what the description says of the employee; everything else is listed as missing."""
    original, folded = prepare(spell_digits(text))  # "embauchée le premier mars deux mille vingt" reads as digits
    clauses = _clauses(folded)
    read: list[str] = []
    missing: list[str] = []
    approx: list[str] = []
    roles: dict[str, list[date]] = {}
    seniority: list[str] = []
    for d in parse_dates(original, today):
        role = _role(folded, d.span, clauses)
        if role is None:
            approx.append(f"Date « {d.text} » : son objet n'a pas été compris, elle n'est pas utilisée.")
            continue
        if RELATIVE_DATE.match(folded[d.span[0] : d.span[1]]) and role in ("organisation_start", "branch_start"):
            seniority.append(d.text)
            continue
        roles.setdefault(role, []).append(_day(d))
        if d.precision != "day":
            given = "seule l'année est indiquée" if d.precision == "year" else "seul le mois est indiqué"
            approx.append(
                f"« {d.text} » : {given}, "
                f"date retenue au {format_date_fr(_day(d))} — les échéances qui en dépendent sont à vérifier."
            )
        if d.year_inferred:
            approx.append(f"« {d.text} » : année non précisée, {d.start.year} retenue.")
    seniority += [original[m.start() : m.end()] for m in SENIORITY.finditer(folded)]

    contract = parse_contract(original)
    known_contract = contract if contract in CONTRACTS else ("Autre" if contract else "")
    if known_contract:
        read.append(f"Contrat : {contract}")
    else:
        missing.append("le type de contrat (CDI, CDD…)")
    level = parse_diploma_level(original)
    if level is not None:
        read.append(f"Diplôme : {LEVEL_NAMES.get(level, str(level))}")
    else:
        missing.append("le niveau de diplôme")
    organisation = min(roles.get("organisation_start", []), default=None)
    if organisation:
        read.append(f"Entrée dans l'organisme : {format_date_fr(organisation)}")
    elif seniority:
        missing.append(
            f"la date d'entrée dans l'organisme (ancienneté indiquée : « {seniority[0]} » ; la date n'en est "
            "pas déduite)"
        )
    else:
        missing.append("la date d'entrée dans l'organisme")
    branch = min(roles.get("branch_start", []), default=None)
    if branch:
        read.append(f"Entrée dans la branche : {format_date_fr(branch)}")
    last_training = max(roles.get("last_training", []), default=None)
    never_trained = last_training is None and bool(NO_TRAINING.search(folded))
    if last_training:
        read.append(f"Dernière formation : {format_date_fr(last_training)}")
    elif never_trained:
        read.append("Dernière formation : aucune depuis l'entrée dans l'organisme")
    else:
        missing.append("la date de la dernière formation")
    interviews = tuple(sorted(set(roles.get("interview", []))))
    bilans = tuple(sorted(set(roles.get("bilan", []))))
    no_interview = bool(NO_INTERVIEW.search(folded))
    if interviews:
        read.append("Entretiens professionnels passés : " + ", ".join(format_date_fr(x) for x in interviews))
    elif no_interview:
        read.append("Entretiens professionnels passés : aucun")
    else:
        missing.append("les dates des entretiens professionnels passés (comptés comme non réalisés)")
    if bilans:
        read.append("Entretiens de bilan passés : " + ", ".join(format_date_fr(x) for x in bilans))
    wish_match = WISH.search(folded)
    wish = original[wish_match.start("wish") : wish_match.end("wish")].strip() if wish_match else ""
    if wish:
        read.append(f"Souhait d'évolution : {wish}")
    else:
        missing.append("le souhait d'évolution professionnelle")
    threatened = parse_job_threatened(original)
    if threatened is not None:
        read.append("Emploi menacé : " + ("oui" if threatened else "non"))
    cep_recent = True if CEP_DONE.search(folded) else (False if CEP_NOT_DONE.search(folded) else None)
    if cep_recent is not None:
        read.append("Conseil en évolution professionnelle dans les 5 ans : " + ("oui" if cep_recent else "non"))
    name = NAME.search(original)
    profile = EmployeeProfile(
        contract=known_contract,
        organisation_start=organisation,
        branch_start=branch,
        diploma_level=level,
        last_training=last_training,
        never_trained=never_trained,
        interviews=interviews,
        bilans=bilans,
        cep_in_last_5_years=cep_recent,
        job_threatened=threatened,
        career_wish=wish,
        name=name.group(0) if name else "",
    )
    facts = len(read) + len(seniority)
    return ProfileReading(profile, tuple(read), tuple(missing), tuple(approx), facts)
