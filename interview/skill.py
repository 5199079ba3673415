"""The interview sheet in the chat: an adviser describes an employee, the chat answers with the sheet.

`InterviewSkill` is the `assistant.skills.Skill` the front ends register on the assistant (the assistant
cannot import `interview`). When a message asks to prepare an interview for a described employee
(`interview.reading.is_interview_request`), it reads the profile (`read_profile`), prepares the sheet
with `interview.sheet.prepare_sheet` — the very function the interview page calls, so the figures are
the page's — and writes it as the chat's plain text: what was read, what to check (facts not given,
dates known only by their year or month), the deadlines, each right with its formula, steps and
cited articles, the art. 6 information points, and a link that opens the page prefilled.

Privacy: the profile is personal data; nothing here logs it. The name stays out of the link.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from assistant.answer import Link, ToolCall
from assistant.skills import Cite, SkillReply
from calculators.dates import format_date_fr
from calculators.result import Reference
from interview.link import page_link, profile_query
from interview.reading import ProfileReading, is_interview_request, read_profile
from interview.rights import STATUS_LABELS
from interview.sheet import PreparationSheet, prepare_sheet

LINK_LABEL = "Ouvrir la fiche pré-remplie dans « Préparer un entretien professionnel »"


def chat_sheet(
    text: str, today: date, point_values_file: str | Path | None = None
) -> tuple[ProfileReading, PreparationSheet]:
    """The profile read from `text` and the sheet the interview page prepares for it."""
    reading = read_profile(text, today)
    return reading, prepare_sheet(reading.profile, today, point_values_file=point_values_file)


def _markers(references: list[Reference], cite: Cite) -> str:
    numbers = sorted({n for n in (cite(r) for r in references) if n is not None})
    return "".join(f" [{n}]" for n in numbers)


def sheet_text(reading: ProfileReading, sheet: PreparationSheet, cite: Cite, link: str) -> str:
    """The sheet as the chat's text: plain lines and "- " lists, `[n]` markers from `cite`."""
    out = [f"{sheet.heading}, au {format_date_fr(sheet.today)}.", "", "Ce que j'ai lu dans votre message :"]
    out += [f"- {line}" for line in reading.read] or ["- aucun élément du profil"]
    checks = [f"Non indiqué : {what}." for what in reading.missing] + list(reading.approximations)
    if checks:
        out += ["", "À vérifier :"]
        out += [f"- {line}" for line in checks]
    out += ["", "Échéances :"]
    out += [
        f"- {format_date_fr(d.by)} : {d.what}{' (échéance dépassée)' if d.by < sheet.today else ''}"
        for d in sheet.deadlines
    ] or ["- aucune échéance datée (dates d'entrée et de dernière formation nécessaires)."]
    out += ["", "Droits et obligations :"]
    for item in sheet.items:
        out.append(
            f"- {item.title} — {STATUS_LABELS[item.status]} : {item.summary}" + _markers(item.all_references, cite)
        )
        if item.note:
            out.append(f"  {item.note}")
        if item.result is not None:
            out.append(f"  Calcul : {item.result.formula}.")
            out += [f"  {n}. {step}" for n, step in enumerate(item.result.steps, start=1)]
    out += ["", "Points d'information de l'entretien (article 6) :"]
    out += [f"- {p.topic} : {p.text}" + _markers([p.reference], cite) for p in sheet.information_points]
    out += ["", f"{LINK_LABEL} : {link}"]
    return "\n".join(out)


class InterviewSkill:
    """Answers an adviser's interview request with the preparation sheet (see the module docstring)."""

    name = "interview_sheet"

    def __init__(self, point_values_file: str | Path | None = None) -> None:
        self.point_values_file = point_values_file

    def reply(self, question: str, today: date) -> SkillReply | None:
        if not is_interview_request(question):
            return None
        reading, sheet = chat_sheet(question, today, self.point_values_file)
        link = page_link(reading.profile)
        references: dict[tuple[str, str], Reference] = {}
        for item in sheet.items:
            for reference in item.all_references:
                references.setdefault((reference.document, reference.section), reference)
        for point in sheet.information_points:
            references.setdefault((point.reference.document, point.reference.section), point.reference)
        arguments = {"profil": profile_query(reading.profile)}
        calls = [
            ToolCall(item.result.name, arguments, item.result.to_dict())
            for item in sheet.items
            if item.result is not None
        ]
        return SkillReply(
            compose=lambda cite: sheet_text(reading, sheet, cite, link),
            references=list(references.values()),
            tool_calls=calls,
            links=[Link(LINK_LABEL, link)],
            route="calculator",
        )
