"""A profile as the query string of the interview page, and back: the chat's sheet opens the page prefilled.

The chat reads a profile from an adviser's message (`interview.reading`); its answer links to the page
"Préparer un entretien professionnel" (`/entretien`) with the profile in the URL, and the page fills
its form from it, so both prepare the sheet from the same `EmployeeProfile` and show the same figures.

Privacy: a URL can end up in a browser history or a proxy log, so the name is never put in it (the
page asks for it, optionally); the facts the rights depend on are. Unknown or malformed values are
dropped, never replaced by a default: the page then shows the field empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from urllib.parse import urlencode

from interview.profile import CONTRACTS, EmployeeProfile

PAGE_PATH = "entretien"  # the page's url_path in ui/app.py

_DATES = {"organisme": "organisation_start", "branche": "branch_start", "formation": "last_training"}
_DATE_LISTS = {"entretiens": "interviews", "bilans": "bilans"}
_FLAGS = {"cep5": "cep_in_last_5_years", "eloigne": "provider_far", "menace": "job_threatened"}
MAX_DATES = 10
MAX_WISH = 300


def profile_query(profile: EmployeeProfile) -> dict[str, str]:
    """The profile's facts as query parameters (the name left out)."""
    query: dict[str, str] = {}
    if profile.contract.strip():
        query["contrat"] = profile.contract.strip()
    for key, name in _DATES.items():
        value = getattr(profile, name)
        if value is not None:
            query[key] = value.isoformat()
    if profile.months_as_employee is not None:
        query["activite"] = str(profile.months_as_employee)
    if profile.diploma_level is not None:
        query["diplome"] = str(profile.diploma_level)
    for key, name in _DATE_LISTS.items():
        values = getattr(profile, name)
        if values:
            query[key] = ",".join(d.isoformat() for d in values)
    for key, name in _FLAGS.items():
        value = getattr(profile, name)
        if value is not None:
            query[key] = "oui" if value else "non"
    if profile.never_trained and profile.last_training is None:
        query["formation"] = "aucune"
    if profile.career_wish.strip():
        query["souhait"] = profile.career_wish.strip()[:MAX_WISH]
    return query


def page_link(profile: EmployeeProfile) -> str:
    """Relative URL of the interview page prefilled with `profile`."""
    query = profile_query(profile)
    return PAGE_PATH + ("?" + urlencode(query) if query else "")


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def profile_from_query(params: Mapping[str, str]) -> EmployeeProfile | None:
    """The profile the query parameters describe, or None when they carry none of its facts."""
    fields: dict[str, object] = {}
    contract = str(params.get("contrat", "")).strip()
    if contract in CONTRACTS:
        fields["contract"] = contract
    for key, name in _DATES.items():
        value = _date(str(params.get(key, "")))
        if value is not None:
            fields[name] = value
    if "last_training" not in fields and str(params.get("formation", "")).strip().lower() == "aucune":
        fields["never_trained"] = True
    months = str(params.get("activite", "")).strip()
    if months.isdigit():
        fields["months_as_employee"] = int(months)
    level = str(params.get("diplome", "")).strip()
    if level.isdigit() and 0 <= int(level) <= 8:
        fields["diploma_level"] = int(level)
    for key, name in _DATE_LISTS.items():
        found = [_date(part) for part in str(params.get(key, "")).split(",")[:MAX_DATES]]
        dates = tuple(d for d in found if d is not None)
        if dates:
            fields[name] = dates
    for key, name in _FLAGS.items():
        answer = str(params.get(key, "")).strip().lower()
        if answer in ("oui", "non"):
            fields[name] = answer == "oui"
    wish = str(params.get("souhait", "")).strip()
    if wish:
        fields["career_wish"] = wish[:MAX_WISH]
    if not fields:
        return None
    fields.setdefault("contract", "")
    return EmployeeProfile(**fields)  # type: ignore[arg-type]
