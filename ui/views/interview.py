"""Préparer un entretien professionnel (HR advisors): employee profile → preparation sheet.

The profile lives only in this session's widgets (keys starting with `iv_`), is never logged, and the
"Effacer le profil" button removes it with the sheet. The rules are in `interview`.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

from assistant.catalog import LEVEL_NAMES
from interview import (
    CONTRACTS,
    STATUS_LABELS,
    EmployeeProfile,
    Period,
    PreparationSheet,
    SheetItem,
    prepare_sheet,
    sheet_to_markdown,
    sheet_to_pdf,
)
from interview.link import profile_from_query
from ui import backend
from ui.components.calc_result import french_date, render_steps
from ui.components.text import escape_markdown

PREFIX = "iv_"
SHEET = "iv_sheet"
MIN_DATE, MAX_DATE = date(1950, 1, 1), date(2100, 12, 31)
UNSET = "Non précisé"
MAX_ROWS = 10
BADGES = {
    "ok": "green",
    "attention": "orange",
    "info": "blue",
    "missing": "gray",
    "not_applicable": "gray",
    "error": "red",
}


def clear_profile() -> None:
    """Forget everything typed on this page and the sheet produced from it (and the chat's link)."""
    for key in [k for k in st.session_state if str(k).startswith(PREFIX)]:
        del st.session_state[key]
    st.query_params.clear()
    st.session_state["iv_prefilled"] = True


def prefill_from_link() -> None:
    """Fill the form once from the profile the chat put in the URL (interview.link); typed values stay."""
    if st.session_state.get("iv_prefilled"):
        return
    st.session_state["iv_prefilled"] = True
    linked = profile_from_query(st.query_params.to_dict())
    if linked is None:
        return
    flag = {True: "Oui", False: "Non", None: None}
    values = {
        "iv_contract": linked.contract or None,
        "iv_level": linked.diploma_level,
        "iv_branch_start": linked.branch_start,
        "iv_org_start": linked.organisation_start,
        "iv_months_employee": linked.months_as_employee,
        "iv_wish": linked.career_wish or None,
        "iv_last_training": linked.last_training,
        "iv_never_trained": linked.never_trained or None,
        "iv_threat": flag[linked.job_threatened],
        "iv_cep5": flag[linked.cep_in_last_5_years],
        "iv_far": flag[linked.provider_far],
    }
    for key, days in (("iv_interviews", linked.interviews), ("iv_bilans", linked.bilans)):
        if days:
            values[f"{key}_count"] = len(days)
            values.update({f"{key}_{index}": day for index, day in enumerate(days)})
    st.session_state.update({key: value for key, value in values.items() if value is not None})


def _date(label: str, key: str, help: str | None = None) -> date | None:
    value = st.date_input(
        label, value=None, min_value=MIN_DATE, max_value=MAX_DATE, format="DD/MM/YYYY", key=key, help=help
    )
    return value if isinstance(value, date) else None


def _tristate(label: str, key: str) -> bool | None:
    choice = st.radio(label, [UNSET, "Oui", "Non"], horizontal=True, key=key)
    return None if choice == UNSET else choice == "Oui"


def _dates(label: str, key: str) -> tuple[date, ...]:
    count = int(st.number_input(label, min_value=0, max_value=MAX_ROWS, value=0, step=1, key=f"{key}_count"))
    columns = st.columns(2)  # two per row: each field wide enough for JJ/MM/AAAA
    found = []
    for index in range(count):
        with columns[index % 2]:
            day = _date(f"Date {index + 1}", f"{key}_{index}")
        if day:
            found.append(day)
    return tuple(found)


def _periods(word: str, key: str, trainees: bool) -> tuple[Period, ...]:
    count = int(
        st.number_input(f"Nombre de {word}s", min_value=1, max_value=MAX_ROWS, value=1, step=1, key=f"{key}_count")
    )
    found = []
    for index in range(count):
        columns = st.columns([2, 2, 1] if trainees else 2)
        with columns[0]:
            start = _date(f"{word.capitalize()} {index + 1} : début", f"{key}_{index}_start")
        with columns[1]:
            end = _date(f"{word.capitalize()} {index + 1} : fin", f"{key}_{index}_end")
        people = 1
        if trainees:
            with columns[2]:
                people = int(
                    st.number_input(
                        "Stagiaires", min_value=1, max_value=10, value=1, step=1, key=f"{key}_{index}_trainees"
                    )
                )
        if start and end:
            found.append(Period(start, end, people))
    return tuple(found)


def profile_form() -> EmployeeProfile:
    """The form; returns the profile as currently typed."""
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown("##### Situation")
        name = st.text_input(
            "Nom ou initiales (facultatif)", key="iv_name", help="Figure seulement en titre de la fiche exportée."
        )
        contract = st.selectbox(
            "Type de contrat", [None, *CONTRACTS], format_func=lambda c: UNSET if c is None else c, key="iv_contract"
        )
        level = st.selectbox(
            "Niveau de diplôme le plus élevé",
            [None, *LEVEL_NAMES],
            format_func=lambda lv: UNSET if lv is None else LEVEL_NAMES[lv],
            key="iv_level",
        )
        branch_start = _date("Entrée dans la branche (Sécurité sociale)", "iv_branch_start")
        organisation_start = _date("Entrée dans l'organisme actuel", "iv_org_start")
        months = st.number_input(
            "Activité salariée totale, en mois (facultatif)",
            min_value=0,
            max_value=720,
            value=None,
            step=1,
            key="iv_months_employee",
            placeholder="déduite de l'entrée dans la branche",
            help="À renseigner si le salarié a travaillé hors de la branche (en CDD : sur les 5 dernières années).",
        )
        st.markdown("##### Projet")
        wish = st.text_area(
            "Souhait d'évolution professionnelle",
            key="iv_wish",
            placeholder="ex. : devenir manager opérationnel, contrôleur du recouvrement…",
            height=80,
        )
        threatened = _tristate("Emploi menacé par les évolutions économiques ou technologiques", "iv_threat")
    with right:
        st.markdown("##### Formation et entretiens")
        last_training = _date("Date de la dernière formation suivie", "iv_last_training")
        never_trained = st.checkbox(
            "Aucune formation depuis l'entrée dans l'organisme",
            key="iv_never_trained",
            disabled=last_training is not None,
            help="Les 4 ans sans formation de la garantie individuelle se comptent alors depuis l'embauche.",
        )
        interviews = _dates("Entretiens professionnels déjà réalisés (nombre)", "iv_interviews")
        bilans = _dates("Entretiens de bilan déjà réalisés (nombre)", "iv_bilans")
        cep_recent = _tristate("Conseil en évolution professionnelle suivi dans les 5 dernières années", "iv_cep5")
        far = _tristate("Organisme de CEP particulièrement éloigné du domicile", "iv_far")
        st.markdown("##### Activités de tuteur ou de formateur")
        tutor_missions: tuple[Period, ...] = ()
        trainer_actions: tuple[Period, ...] = ()
        if st.toggle("Tuteur (missions de tutorat)", key="iv_is_tutor"):
            tutor_missions = _periods("mission", "iv_missions", trainees=True)
        if st.toggle("Formateur interne à titre accessoire", key="iv_is_trainer"):
            trainer_actions = _periods("action", "iv_actions", trainees=False)
    return EmployeeProfile(
        contract=contract or "",
        organisation_start=organisation_start,
        branch_start=branch_start,
        months_as_employee=int(months) if months is not None else None,
        diploma_level=level,
        last_training=last_training,
        never_trained=never_trained and last_training is None,
        interviews=interviews,
        bilans=bilans,
        cep_in_last_5_years=cep_recent,
        provider_far=far,
        job_threatened=threatened,
        tutor_missions=tutor_missions,
        trainer_actions=trainer_actions,
        career_wish=wish.strip(),
        name=name.strip(),
    )


def _badge(item: SheetItem) -> str:
    return f":{BADGES[item.status]}-badge[{STATUS_LABELS[item.status]}]"


def render_sheet(sheet: PreparationSheet) -> None:
    st.subheader(sheet.heading)
    st.caption(f"Établie le {french_date(sheet.today.isoformat())}.")
    with st.expander("Profil retenu"):
        st.markdown("\n".join(f"- {escape_markdown(line)}" for line in sheet.profile_lines))
    st.markdown("#### Échéances")
    if sheet.deadlines:
        lines = []
        for d in sheet.deadlines:
            state = d.state(sheet.today)
            colour = "green" if state == "à venir" else "red"
            lines.append(f"- **{french_date(d.by.isoformat())}** — {escape_markdown(d.what)} :{colour}-badge[{state}]")
        st.markdown("\n".join(lines))
    else:
        st.caption("Aucune échéance datée : complétez les dates d'entrée et de dernière formation.")
    st.markdown("#### Droits et obligations")
    for item in sheet.items:
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(item.title)}** {_badge(item)}")
            st.markdown(escape_markdown(item.summary))
            if item.note:
                st.caption(escape_markdown(item.note))
            if item.result is not None:
                with st.expander("Calcul et références"):
                    render_steps(item.result.to_dict())
            elif item.all_references:
                st.caption(" ; ".join(escape_markdown(r.label) for r in item.all_references))
    st.markdown("#### Points d'information (article 6)")
    for point in sheet.information_points:
        line = f"**{escape_markdown(point.topic)}** : {escape_markdown(point.text)}"
        if point.emphasis:
            st.warning(line, icon=":material/priority_high:")
        else:
            st.markdown(f"- {line}")
    st.caption("Source : " + escape_markdown(sheet.information_points[0].reference.label))


st.title("Préparer un entretien professionnel")
st.caption(
    "Pour les conseillers RH : décrivez le salarié pour obtenir les droits et échéances qui s'appliquent, avec "
    "leur calcul et leurs articles. Les données saisies restent dans cette session, ne sont jamais "
    "journalisées ni enregistrées, et s'effacent avec le bouton « Effacer le profil »."
)
prefill_from_link()
profile = profile_form()
run, clear, _ = st.columns([1, 1, 2])
with run:
    prepare = st.button("Préparer la fiche", type="primary", icon=":material/assignment:", width="stretch")
with clear:
    st.button("Effacer le profil", icon=":material/delete:", on_click=clear_profile, width="stretch")

if prepare:
    sheet = prepare_sheet(profile, date.today(), point_values_file=backend.settings().point_values_file)
    st.session_state[SHEET] = {"profile": profile, "sheet": sheet}  # exports are built on click only

stored = st.session_state.get(SHEET)
if stored is not None:
    st.divider()
    if stored["profile"] != profile:
        st.info("Le profil a changé depuis la préparation : cliquez à nouveau sur « Préparer la fiche ».")
    markdown_col, pdf_col, _ = st.columns([1, 1, 2])
    with markdown_col:
        st.download_button(
            "Exporter en Markdown",
            partial(sheet_to_markdown, stored["sheet"]),
            file_name="fiche-entretien-professionnel.md",
            mime="text/markdown",
            icon=":material/description:",
            on_click="ignore",
            width="stretch",
        )
    with pdf_col:
        st.download_button(
            "Exporter en PDF",
            partial(sheet_to_pdf, stored["sheet"]),
            file_name="fiche-entretien-professionnel.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
            on_click="ignore",
            width="stretch",
        )
    render_sheet(stored["sheet"])
