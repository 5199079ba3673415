"""Preparation sheet for an entretien professionnel: the rights and deadlines a profile opens.

An HR advisor describes an employee (`EmployeeProfile`); `prepare_sheet` runs the calculators of
`calculators.registry` that apply — CEP absence, garantie individuelle, VAE leave, Pro-A eligibility
and certifications, entretien/bilan schedule, tutor and trainer bonuses — and lists the points the
interviewer must inform about (protocole, art. 6). Each item keeps the calculator's working and the
articles it applied. `sheet_to_markdown` and `sheet_to_pdf` export the sheet.

Privacy: a profile is personal data. This module never logs it, and `EmployeeProfile`'s repr leaves
the name and the career wish out, so an accidental log line cannot carry them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from calculators import references as ref
from calculators.dates import format_date_fr
from calculators.pro_a import PRO_A_CERTIFICATIONS, Certification, find_certifications
from calculators.qualification_levels import BAC_LEVEL, LEVEL_NAMES
from calculators.registry import CALCULATORS
from calculators.result import CalcError, CalcResult, Reference

Status = Literal["ok", "attention", "info", "missing", "not_applicable", "error"]

STATUS_LABELS: dict[str, str] = {
    "ok": "Favorable",
    "attention": "À traiter",
    "info": "Pour information",
    "missing": "Information à compléter",
    "not_applicable": "Non applicable",
    "error": "Données incohérentes",
}

CONTRACTS = ("CDI", "CDD", "CUI-CDI", "Autre")
CDD_WINDOW_MONTHS = 60
LOW_QUALIFICATION_MAX_LEVEL = BAC_LEVEL - 1  # below the bac (CAP, BEP or none)

CPF_TOP_UP = Reference(
    ref.PROTOCOLE,
    "10",
    "Protocole d'accord du 19 décembre 2019, article 10 — Abondement du compte personnel de formation "
    "(devenu article 11 après l'avenant de 2022)",
)
TRAINER_RECOGNITION = Reference(
    ref.AVENANT,
    "3",
    "Article 9.4 (créé par l'avenant du 11 octobre 2022, art. 3) — Point spécifique sur l'activité de "
    "formateur lors de l'entretien annuel",
)


# ---------------------------------------------------------------- input


@dataclass(frozen=True)
class Period:
    """A tutoring mission or a training action the employee ran, with its trainees for a mission."""

    start: date
    end: date
    trainees: int = 1


@dataclass(frozen=True)
class EmployeeProfile:
    """What the advisor knows about the employee. Every field is optional but the contract.

    `months_as_employee` is the total salaried activity (for a CDD: within the last 5 years); when
    left empty it is derived from `branch_start`, else from `organisation_start`. `name` and
    `career_wish` stay out of the repr (personal data never reaches a log line).
    """

    contract: str = "CDI"
    organisation_start: date | None = None
    branch_start: date | None = None
    months_as_employee: int | None = None
    diploma_level: int | None = None
    last_training: date | None = None
    interviews: tuple[date, ...] = ()
    bilans: tuple[date, ...] = ()
    cep_in_last_5_years: bool | None = None
    provider_far: bool | None = None
    job_threatened: bool | None = None
    tutor_missions: tuple[Period, ...] = ()
    trainer_actions: tuple[Period, ...] = ()
    career_wish: str = field(default="", repr=False)
    name: str = field(default="", repr=False)


# ---------------------------------------------------------------- output


@dataclass(frozen=True)
class SheetItem:
    """One right or obligation on the sheet, with the calculation behind it when there is one."""

    key: str
    title: str
    status: Status
    summary: str
    result: CalcResult | None = None
    note: str = ""
    references: tuple[Reference, ...] = ()

    @property
    def all_references(self) -> list[Reference]:
        """The calculator's references, then the item's own, without duplicates."""
        seen: dict[tuple[str, str, str], Reference] = {}
        for reference in [*(self.result.references if self.result else []), *self.references]:
            seen.setdefault((reference.document, reference.section, reference.label), reference)
        return list(seen.values())


@dataclass(frozen=True)
class Deadline:
    """A dated step the interview should plan for."""

    by: date
    what: str
    source: str


@dataclass(frozen=True)
class InformationPoint:
    """Something art. 6 asks the interviewer to inform the employee about."""

    topic: str
    text: str
    reference: Reference = ref.PROFESSIONAL_REVIEW
    emphasis: bool = False


@dataclass(frozen=True)
class PreparationSheet:
    today: date
    heading: str
    profile_lines: tuple[str, ...]
    items: tuple[SheetItem, ...]
    deadlines: tuple[Deadline, ...]
    information_points: tuple[InformationPoint, ...]


# ---------------------------------------------------------------- helpers


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 when `end` is before `start`)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(0, months)


def _run(name: str, **kwargs: Any) -> CalcResult:
    return CALCULATORS[name].run(**kwargs)


def _calc_item(
    key: str,
    title: str,
    compute: Callable[[], CalcResult],
    status_of: Callable[[CalcResult], Status],
    note: str = "",
    references: tuple[Reference, ...] = (),
) -> SheetItem:
    """Run one calculator; impossible input becomes an "error" item with the calculator's message."""
    try:
        result = compute()
    except CalcError as exc:
        return SheetItem(key, title, "error", str(exc), note=note, references=references)
    return SheetItem(key, title, status_of(result), result.summary, result, note, references)


def _eligibility_status(result: CalcResult) -> Status:
    return "ok" if result.eligible else "info"


def _contract_kind(contract: str) -> str:
    text = contract.strip().upper()
    if text in {"CDI", "CUI-CDI"}:
        return "CDI"
    if text == "CDD":
        return "CDD"
    return ""


def _level_text(level: int | None) -> str:
    return "non renseigné" if level is None else LEVEL_NAMES.get(level, str(level))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


# Words of a career wish that say nothing about the certification aimed at.
_WISH_STOPWORDS = {
    "devenir",
    "souhaite",
    "souhaiterait",
    "voudrait",
    "evoluer",
    "evolution",
    "metier",
    "metiers",
    "poste",
    "postes",
    "emploi",
    "formation",
    "former",
    "passer",
    "obtenir",
    "preparer",
    "vers",
    "dans",
    "avec",
    "pour",
    "sante",
    "securite",
    "sociale",
    "social",
}


def relevant_certifications(wish: str) -> list[Certification]:
    """Pro-A certifications a free-text career wish points to (title keywords, then significant words)."""
    folded = _fold(wish)
    if not folded:
        return []
    found = find_certifications(wish)
    words = [w for w in folded.split() if len(w) >= 5 and w not in _WISH_STOPWORDS]
    for certification in PRO_A_CERTIFICATIONS:
        haystack = _fold(f"{certification.title} {certification.family}")
        if certification not in found and any(word in haystack for word in words):
            found.append(certification)
    return found


# ---------------------------------------------------------------- items


def _cep_item(profile: EmployeeProfile, today: date) -> SheetItem:
    title = "Absence pour un conseil en évolution professionnelle (CEP)"
    kind = _contract_kind(profile.contract)
    if not kind:
        return SheetItem(
            "cep_absence",
            title,
            "not_applicable",
            f"L'article 5 vise les salariés en CDI ou en CDD (contrat indiqué : {profile.contract.strip()}).",
            references=(ref.CEP,),
        )
    if profile.organisation_start is None:
        return SheetItem(
            "cep_absence",
            title,
            "missing",
            "Indiquez la date d'entrée dans l'organisme pour vérifier les conditions d'ancienneté.",
            references=(ref.CEP,),
        )
    in_organisation = months_between(profile.organisation_start, today)
    if profile.months_as_employee is not None:
        as_employee, origin = profile.months_as_employee, "ancienneté salariée indiquée"
    elif profile.branch_start is not None:
        as_employee, origin = months_between(profile.branch_start, today), "ancienneté dans la branche"
    else:
        as_employee, origin = in_organisation, "ancienneté dans l'organisme"
    notes = [f"Activité salariée retenue : {as_employee} mois ({origin})."]
    if kind == "CDD" and as_employee > CDD_WINDOW_MONTHS:
        as_employee = CDD_WINDOW_MONTHS
        notes.append("En CDD, seule l'activité des 5 dernières années compte : 60 mois retenus.")
    if in_organisation > as_employee:
        in_organisation = as_employee
        notes.append("Ancienneté dans l'organisme ramenée à l'activité salariée retenue.")
    if profile.months_as_employee is None:
        notes.append("Si le salarié a travaillé avant d'entrer dans la branche, indiquez son ancienneté salariée.")
    kwargs: dict[str, Any] = {
        "contract": kind,
        "months_as_employee": as_employee,
        "months_in_organisation": in_organisation,
    }
    if profile.provider_far is not None:
        kwargs["provider_far"] = profile.provider_far
    if profile.cep_in_last_5_years is not None:
        kwargs["cep_in_last_5_years"] = profile.cep_in_last_5_years
    return _calc_item("cep_absence", title, lambda: _run("cep_absence", **kwargs), _eligibility_status, " ".join(notes))


def _guarantee_item(profile: EmployeeProfile, today: date) -> SheetItem:
    title = "Garantie individuelle d'accès à la formation"
    if profile.last_training is None:
        return SheetItem(
            "training_guarantee",
            title,
            "missing",
            "Date de la dernière formation non renseignée : sans formation depuis 4 ans, une formation doit "
            "intervenir dans l'année qui suit. Vérifiez-la avant l'entretien.",
            references=(ref.TRAINING_GUARANTEE,),
        )
    last = profile.last_training

    def status(result: CalcResult) -> Status:
        return "ok" if result.details.get("status") == "not_open" else "attention"

    return _calc_item(
        "training_guarantee", title, lambda: _run("training_guarantee", last_training=last, as_of=today), status
    )


def _vae_item(profile: EmployeeProfile) -> SheetItem:
    kwargs: dict[str, Any] = {}
    if profile.diploma_level is not None:
        kwargs["diploma_level"] = profile.diploma_level
    if profile.job_threatened is not None:
        kwargs["job_threatened"] = profile.job_threatened
    return _calc_item(
        "vae_leave",
        "Congé pour préparer une validation des acquis de l'expérience (VAE)",
        lambda: _run("vae_leave", **kwargs),
        lambda _result: "info",
    )


def _pro_a_item(profile: EmployeeProfile) -> SheetItem:
    kwargs: dict[str, Any] = {"contract": profile.contract if profile.contract != "Autre" else "autre contrat"}
    if profile.diploma_level is not None:
        kwargs["diploma_level"] = profile.diploma_level
    return _calc_item(
        "pro_a_eligibility",
        "Reconversion ou promotion par l'alternance (Pro-A)",
        lambda: _run("pro_a_eligibility", **kwargs),
        _eligibility_status,
    )


def _certification_items(profile: EmployeeProfile, today: date) -> list[SheetItem]:
    title = "Certifications Pro-A en lien avec le projet"
    matches = relevant_certifications(profile.career_wish)
    if not matches:
        listing = " ; ".join(c.title for c in PRO_A_CERTIFICATIONS)
        summary = (
            "Aucune certification de la liste Pro-A ne correspond au souhait exprimé."
            if profile.career_wish.strip()
            else "Souhait d'évolution non renseigné."
        )
        return [
            SheetItem(
                "pro_a_certifications",
                title,
                "info",
                summary,
                note=f"Certifications accessibles par la Pro-A : {listing}.",
                references=(ref.PRO_A_LIST, ref.PRO_A_ANNEX, ref.PRO_A_LIST_2022),
            )
        ]

    def check(certification: Certification) -> Callable[[], CalcResult]:
        return lambda: _run("pro_a_certification", certification=certification.title, as_of=today)

    return [
        _calc_item(
            f"pro_a_certification:{number}",
            f"{title} : {certification.title}",
            check(certification),
            _eligibility_status,
        )
        for number, certification in enumerate(matches, start=1)
    ]


def _reviews_item(profile: EmployeeProfile, today: date) -> SheetItem:
    title = "Entretiens professionnels et entretien de bilan"
    if profile.organisation_start is None:
        return SheetItem(
            "professional_reviews",
            title,
            "missing",
            "Indiquez la date d'entrée dans l'organisme pour établir le calendrier des entretiens (périodes "
            "de 6 ans depuis l'embauche).",
            references=(ref.PROFESSIONAL_REVIEW,),
        )
    hire = profile.organisation_start

    def status(result: CalcResult) -> Status:
        details = result.details
        due = details.get("interviews_still_due") or details.get("bilan_due")
        return "attention" if due or not details.get("past_periods_compliant", True) else "ok"

    return _calc_item(
        "professional_reviews",
        title,
        lambda: _run(
            "professional_reviews",
            hire_date=hire,
            interviews=list(profile.interviews),
            bilans=list(profile.bilans),
            as_of=today,
        ),
        status,
    )


def _bonus_items(profile: EmployeeProfile, today: date, point_values_file: str | None) -> list[SheetItem]:
    items: list[SheetItem] = []
    extra: dict[str, Any] = {"point_values_file": point_values_file} if point_values_file else {}
    if profile.tutor_missions:
        missions = [{"start": m.start, "end": m.end, "trainees": m.trainees} for m in profile.tutor_missions]
        items.append(
            _calc_item(
                "tutor_bonus",
                "Prime de tutorat",
                lambda: _run("tutor_bonus", missions=missions, as_of=today, **extra),
                lambda _result: "info",
            )
        )
    if profile.trainer_actions:
        actions = [{"start": a.start, "end": a.end} for a in profile.trainer_actions]
        items.append(
            _calc_item(
                "trainer_bonus",
                "Prime de formateur interne à titre accessoire",
                lambda: _run("trainer_bonus", actions=actions, **extra),
                lambda _result: "info",
                note="Un point spécifique sur l'activité de formateur est fait lors de l'entretien annuel "
                "d'évaluation et d'accompagnement (article 9.4).",
                references=(TRAINER_RECOGNITION,),
            )
        )
    return items


# ---------------------------------------------------------------- art. 6 information points


def information_points(profile: EmployeeProfile) -> list[InformationPoint]:
    """What the interviewer informs the employee about (art. 6), adapted to the profile."""
    low = profile.diploma_level is not None and profile.diploma_level <= LOW_QUALIFICATION_MAX_LEVEL
    points = [
        InformationPoint(
            "Conseil en évolution professionnelle",
            "Modalités d'utilisation et d'accès au conseil en évolution professionnelle, ou orientation vers "
            "les interlocuteurs compétents.",
        ),
        InformationPoint(
            "Compte personnel de formation",
            "Modalités d'utilisation du compte personnel de formation et abondements éventuels (la CPNEFP "
            "fixe chaque année les publics et formations visés par l'abondement de branche).",
        ),
        InformationPoint(
            "Abondement de branche",
            "Les salariés des 2 premiers niveaux des grilles de classification peuvent bénéficier d'un "
            "abondement pour accéder aux certifications spécifiques à la branche.",
            reference=CPF_TOP_UP,
        ),
        InformationPoint(
            "Validation des acquis de l'expérience",
            "Modalités d'accès à la VAE (au moins 1 année d'activité en lien avec une certification inscrite "
            "au RNCP ; les CQP de la branche sont accessibles par la VAE).",
        ),
        InformationPoint("Bilan de compétences", "Modalités d'accès aux bilans de compétences."),
        InformationPoint(
            "Document de présentation",
            "Présenter le document de présentation des dispositifs de formation professionnelle validé par la CPNEFP.",
        ),
        InformationPoint(
            "Faible niveau de qualification",
            "Attention particulière à l'information des salariés détenant un faible niveau de qualification, "
            "pour faciliter leur accès à la formation"
            + (" : le salarié est concerné (niveau inférieur au bac)." if low else "."),
            emphasis=low,
        ),
        InformationPoint(
            "Après l'entretien",
            "L'interlocuteur se rapproche du service des ressources humaines pour tenir compte des besoins "
            "en formation (évolution de l'emploi, projet professionnel) dans le plan de développement des "
            "compétences.",
        ),
    ]
    if profile.trainer_actions:
        points.append(
            InformationPoint(
                "Formateur interne à titre accessoire",
                "Faire un point spécifique sur l'activité de formateur interne lors de l'entretien annuel "
                "d'évaluation et d'accompagnement.",
                reference=TRAINER_RECOGNITION,
            )
        )
    return points


# ---------------------------------------------------------------- the sheet


def _deadlines(items: list[SheetItem]) -> list[Deadline]:
    """Dated steps from the calculators, same date and step merged ("entretien professionnel (× 2)")."""
    found: list[tuple[date, str, str]] = []
    for item in items:
        result = item.result
        if result is None:
            continue
        if result.name == "training_guarantee":
            if result.details.get("status") == "not_open":
                found.append((result.details["opens_on"], "ouverture de la garantie individuelle", item.key))
            else:
                found.append((result.details["deadline"], "formation à réaliser (garantie individuelle)", item.key))
        if result.name == "professional_reviews":
            found += [(step["by"], step["what"], item.key) for step in result.details.get("schedule", [])]
    merged: dict[tuple[date, str, str], int] = {}
    for key in found:
        merged[key] = merged.get(key, 0) + 1
    return sorted(
        (
            Deadline(by, what if count == 1 else f"{what} (× {count})", source)
            for (by, what, source), count in merged.items()
        ),
        key=lambda d: d.by,
    )


def _profile_lines(profile: EmployeeProfile, today: date) -> list[str]:
    lines = [f"Contrat : {profile.contract}"]
    if profile.branch_start:
        lines.append(
            f"Entrée dans la branche : {format_date_fr(profile.branch_start)} "
            f"({months_between(profile.branch_start, today)} mois)"
        )
    if profile.organisation_start:
        lines.append(
            f"Entrée dans l'organisme : {format_date_fr(profile.organisation_start)} "
            f"({months_between(profile.organisation_start, today)} mois)"
        )
    if profile.months_as_employee is not None:
        lines.append(f"Activité salariée totale : {profile.months_as_employee} mois")
    lines.append(f"Niveau de diplôme : {_level_text(profile.diploma_level)}")
    lines.append(
        "Dernière formation : " + (format_date_fr(profile.last_training) if profile.last_training else "non renseignée")
    )
    lines.append(
        "Entretiens professionnels passés : "
        + (", ".join(format_date_fr(d) for d in sorted(profile.interviews)) or "aucun renseigné")
    )
    lines.append(
        "Entretiens de bilan passés : "
        + (", ".join(format_date_fr(d) for d in sorted(profile.bilans)) or "aucun renseigné")
    )
    if profile.tutor_missions:
        lines.append(f"Missions de tutorat : {len(profile.tutor_missions)}")
    if profile.trainer_actions:
        lines.append(f"Actions de formation animées : {len(profile.trainer_actions)}")
    if profile.career_wish.strip():
        lines.append(f"Souhait d'évolution : {profile.career_wish.strip()}")
    return lines


def prepare_sheet(
    profile: EmployeeProfile, today: date | None = None, *, point_values_file: str | Path | None = None
) -> PreparationSheet:
    """Run the calculators that apply to `profile` on `today` and gather the art. 6 information points."""
    day = today or date.today()
    file = str(point_values_file) if point_values_file else None
    items = [
        _reviews_item(profile, day),
        _guarantee_item(profile, day),
        _cep_item(profile, day),
        _vae_item(profile),
        _pro_a_item(profile),
        *_certification_items(profile, day),
        *_bonus_items(profile, day, file),
    ]
    heading = "Fiche de préparation de l'entretien professionnel"
    if profile.name.strip():
        heading += f" — {profile.name.strip()}"
    return PreparationSheet(
        today=day,
        heading=heading,
        profile_lines=tuple(_profile_lines(profile, day)),
        items=tuple(items),
        deadlines=tuple(_deadlines(items)),
        information_points=tuple(information_points(profile)),
    )


# ---------------------------------------------------------------- exports


def _md(text: str) -> str:
    """Escape what Markdown would interpret in free text (user input, calculator echoes)."""
    return re.sub(r"([\\`*_\[\]<>|~$])", r"\\\1", text)


def sheet_to_markdown(sheet: PreparationSheet) -> str:
    """The sheet as a Markdown document."""
    out = [f"# {_md(sheet.heading)}", "", f"Établie le {format_date_fr(sheet.today)}.", "", "## Profil", ""]
    out += [f"- {_md(line)}" for line in sheet.profile_lines]
    out += ["", "## Échéances", ""]
    out += [
        f"- **{format_date_fr(d.by)}** : {_md(d.what)}{' — échéance dépassée' if d.by < sheet.today else ''}"
        for d in sheet.deadlines
    ] or ["- Aucune échéance datée."]
    out += ["", "## Droits et obligations", ""]
    for item in sheet.items:
        out += [f"### {_md(item.title)}", "", f"*{STATUS_LABELS[item.status]}* — {_md(item.summary)}", ""]
        if item.note:
            out += [_md(item.note), ""]
        if item.result:
            out += [f"Formule : `{item.result.formula.replace('`', '')}`", ""]
            out += [f"{n}. {_md(step)}" for n, step in enumerate(item.result.steps, start=1)]
            out.append("")
            if item.result.warnings:
                out += ["Points de vigilance :", ""]
                out += [f"- {_md(w)}" for w in item.result.warnings]
                out.append("")
        refs = item.all_references
        if refs:
            out.append("Références : " + " ; ".join(_md(r.label) for r in refs))
            out.append("")
    out += ["## Points d'information (article 6)", ""]
    for point in sheet.information_points:
        mark = " ⚠" if point.emphasis else ""
        out.append(f"- **{_md(point.topic)}**{mark} : {_md(point.text)} ({_md(point.reference.label)})")
    out += [
        "",
        "---",
        "Fiche indicative établie à partir des textes conventionnels (IDCC 218) ; à vérifier avant tout engagement.",
        "",
    ]
    return "\n".join(out)


FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/local/share/fonts/DejaVuSans.ttf"),
)

_TRANSLITERATION = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "…": "...",
        "›": ">",
        "→": "->",
        "≥": ">=",
        "≤": "<=",
        "€": "EUR",
        "×": "x",
        "∈": "dans",
        "∪": "+",
        "⚠": "(!)",
        "•": "-",
        "œ": "oe",
        "Œ": "OE",
        "\u202f": " ",
        "\u00a0": " ",
    }
)


def unicode_font() -> Path | None:
    """A DejaVu Sans TTF from the system or from matplotlib, if either is installed."""
    for candidate in FONT_CANDIDATES:
        if candidate.is_file():
            return candidate
    try:
        import matplotlib  # optional

        bundled = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    except Exception:  # matplotlib absent or broken: core fonts then
        return None
    return bundled if bundled.is_file() else None


def to_latin1(text: str) -> str:
    """Text the PDF core fonts can show: typographic signs transliterated, the rest replaced."""
    return text.translate(_TRANSLITERATION).encode("latin-1", "replace").decode("latin-1")


def sheet_to_pdf(sheet: PreparationSheet, font_path: Path | Literal["auto"] | None = "auto") -> bytes:
    """The sheet as a PDF (fpdf2): DejaVu Sans when available, else Helvetica with transliterated text."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title(to_latin1(sheet.heading))
    font = unicode_font() if font_path == "auto" else font_path
    if font is not None:
        pdf.add_font("body", "", str(font))
        bold = font.with_name(font.stem + "-Bold" + font.suffix)
        pdf.add_font("body", "B", str(bold if bold.is_file() else font))
        family, clean = "body", (lambda text: text)
    else:
        family, clean = "helvetica", to_latin1
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def write(text: str, size: float = 10, style: str = "", gap: float = 1.5, indent: float = 0) -> None:
        pdf.set_font(family, style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, size * 0.5, clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)

    write(sheet.heading, 15, "B", 2)
    write(f"Établie le {format_date_fr(sheet.today)}.", 9, gap=3)
    write("Profil", 12, "B")
    for line in sheet.profile_lines:
        write(f"• {line}", 9.5, gap=0.5, indent=3)
    pdf.ln(2)
    write("Échéances", 12, "B")
    for deadline in sheet.deadlines or ():
        late = " — échéance dépassée" if deadline.by < sheet.today else ""
        write(f"• {format_date_fr(deadline.by)} : {deadline.what}{late}", 9.5, gap=0.5, indent=3)
    if not sheet.deadlines:
        write("Aucune échéance datée.", 9.5, indent=3)
    pdf.ln(2)
    write("Droits et obligations", 12, "B")
    for item in sheet.items:
        write(item.title, 10.5, "B", 0.5)
        write(f"[{STATUS_LABELS[item.status]}] {item.summary}", 9.5, gap=0.8, indent=3)
        if item.note:
            write(item.note, 9, gap=0.8, indent=3)
        if item.result:
            write(f"Formule : {item.result.formula}", 9, "", 0.5, indent=3)
            for number, step in enumerate(item.result.steps, start=1):
                write(f"{number}. {step}", 8.5, gap=0.3, indent=6)
            for warning in item.result.warnings:
                write(f"Vigilance : {warning}", 8.5, gap=0.3, indent=6)
        refs = item.all_references
        if refs:
            write("Références : " + " ; ".join(r.label for r in refs), 8.5, gap=2.5, indent=3)
    write("Points d'information (article 6)", 12, "B")
    for point in sheet.information_points:
        write(
            f"• {point.topic}{' (!)' if point.emphasis else ''} : {point.text}",
            9.5,
            "B" if point.emphasis else "",
            0.8,
            indent=3,
        )
    pdf.ln(3)
    write(
        "Fiche indicative établie à partir des textes conventionnels (IDCC 218) ; à vérifier avant tout engagement.",
        8,
    )
    return bytes(pdf.output())
