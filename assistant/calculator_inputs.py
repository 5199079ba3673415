"""Calculator inputs read from a question, one reader per topic of the router.

The router (`assistant/router.py`) has chosen a topic; the reader for that topic looks for the
figures the topic's calculator needs — dates, amounts, grades, durations, the user's situation —
and says which calculator to run with which keyword arguments (the names and kwargs of
docs/ARCHITECTURE.md), what is still missing, or that the question is about the rule itself and
not the user's case (None: retrieval answers it). Readers never guess a missing input: they list
it, and the router asks for it. Assumptions they do make (a year left out, an ongoing mission)
are returned as French notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from assistant import intents
from assistant.extraction.dates import DateSpan, format_date_fr, parse_dates, shift_months
from assistant.extraction.grades import parse_grades
from assistant.extraction.numbers import parse_number
from assistant.extraction.quantities import Duration, count_of, parse_counts, parse_durations, parse_money
from assistant.extraction.situation import (
    parse_contract,
    parse_diploma_level,
    parse_far,
    parse_job_threatened,
    parse_work_time,
)

_FIRST_PERSON = re.compile(intents.FIRST_PERSON)
_CASE_SUBJECT = re.compile(intents.CASE_SUBJECT)
_ASKING_FRAME = re.compile(intents.ASKING_FRAME)
_AMOUNT = re.compile(intents.AMOUNT_ASK)
_ASKS = re.compile(intents.COMPUTE_ASK)
_GENERAL = re.compile(intents.GENERAL_PHRASING)
_THRESHOLD = re.compile(intents.THRESHOLD_WORDS)
_PRO_A_CERTS = {name: tuple(re.compile(p) for p in pats) for name, pats in intents.PRO_A_CERTIFICATIONS.items()}


@dataclass(frozen=True)
class Facts:
    """The cleaned question and what every reader needs from it: dates, durations, its phrasing.

    `personal`: the user speaks of themselves, or of a colleague's case in the third person ("une
    collègue est en CDD depuis 3 mois"); `asks`: they ask for a figure or a yes/no; `amount`: they ask
    for an amount or a date (not only whether they are entitled); `general`: a rule is asked about
    ("peut-elle durer plus de 12 mois ?"), not a case.
    """

    text: str
    folded: str
    today: date
    dates: list[DateSpan]
    durations: list[Duration]
    personal: bool
    asks: bool
    general: bool
    amount: bool = False


@dataclass
class Plan:
    """A reader's outcome: the calculator, its arguments, what is still missing, and its assumptions."""

    calculator: str
    arguments: dict[str, Any]
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_facts(text: str, folded: str, today: date) -> Facts:
    """Read once what all readers use; `folded` is `extraction.folding.fold(text)`."""
    unframed = _ASKING_FRAME.sub(" ", folded)
    personal = bool(_FIRST_PERSON.search(unframed) or _CASE_SUBJECT.search(unframed))
    return Facts(
        text=text,
        folded=folded,
        today=today,
        dates=parse_dates(text, today),
        durations=parse_durations(text),
        personal=personal,
        asks=bool(_ASKS.search(folded)),
        general=not personal and bool(_GENERAL.search(folded)),
        amount=bool(_AMOUNT.search(folded)),
    )


# --- shared readings ----------------------------------------------------------------------------


def _periods(facts: Facts) -> list[DateSpan]:
    """Dated periods: ranges, ongoing periods, else whole months ("en avril 2025").

    An open start closed by a later end date ("depuis le 1er septembre … se termine le 31 août
    2026") is one period.
    """
    periods: list[DateSpan] = []
    dates = list(facts.dates)
    for i, d in enumerate(dates):
        if d.kind in ("since", "from") and i + 1 < len(dates):
            nxt = dates[i + 1]
            between = facts.folded[d.span[1] : nxt.span[0]]
            if nxt.kind == "point" and nxt.end >= d.start and re.search(_END_WORDS, between):
                periods.append(replace(d, end=nxt.end, kind="range", span=(d.span[0], nxt.span[1])))
                dates[i + 1] = replace(nxt, kind="from")  # consumed
                continue
        if d.kind in ("range", "since"):
            periods.append(d)
    if not periods:  # "en avril 2025": a whole month, unless a period is stated elsewhere
        periods = [d for d in dates if d.kind == "point" and d.precision == "month"]
    return periods


_END_WORDS = r"\b(?:jusqu\w*|fin\w*|termin\w*|achev\w*|prend fin|se clot|au)\b"


def _outside_dates(facts: Facts, durations: list[Duration], *, keep_since: bool = False) -> list[Duration]:
    """Durations that are not part of a date expression ("depuis 8 mois" is a date).

    With `keep_since`, an ongoing period given as a length ("je travaille à 80 % depuis 3 ans") still
    counts as a length: where only the amount of experience matters, it is one.
    """
    spans = [d.span for d in facts.dates if not (keep_since and d.kind == "since")]
    return [x for x in durations if not any(s <= x.span[0] < e for s, e in spans)]


def _not_threshold(facts: Facts, durations: list[Duration]) -> list[Duration]:
    """Durations stated as a fact, not as a limit being asked about ("plus de 12 mois")."""
    return [x for x in durations if not _THRESHOLD.search(facts.folded[max(0, x.span[0] - 25) : x.span[0]])]


def _year_notes(spans: list[DateSpan]) -> list[str]:
    """A note for each year the user left out, so the answer can say which year was assumed."""
    return [f"Année non précisée pour « {d.text} » : {d.start.year} retenue." for d in spans if d.year_inferred]


def _near(facts: Facts, span: tuple[int, int], pattern: str, before: int = 60, after: int = 0) -> bool:
    """Whether `pattern` occurs around a span: what a figure is about is usually said next to it."""
    return bool(re.search(pattern, facts.folded[max(0, span[0] - before) : span[1] + after]))


# --- readers, one per topic -------------------------------------------------------------------


def _tutor(facts: Facts) -> Plan | None:
    """Tutor bonus (art. 4.3): one mission per dated period, or per trainee over a single period.

    Each trainee is a mission, as in `calculators.tutor_bonus`; "depuis" runs the mission to today.
    """
    periods = _periods(facts)
    count = count_of(facts.text, "trainee") or 1
    notes = _year_notes(periods)
    if not periods:
        periods = _periods_from_duration(facts, notes)
    if not periods:
        role = re.search(
            r"\b(?:je suis|j'ai ete|je serai|je vais etre|je deviens|j'encadre|j'accompagne)\b"
            r"[^.?!]{0,20}\b(?:tut|maitre|encadr|accompagn)",
            facts.folded,
        )
        if facts.personal and (facts.amount or (role and not facts.asks)) and not facts.general:
            return Plan("tutor_bonus", {}, ["missions"])
        return None
    copies = [count] if len(periods) == 1 else _counts_per_period(facts, periods, "trainee")
    missions = [
        {"start": p.start, "end": p.end, "trainees": 1} for p, n in zip(periods, copies, strict=True) for _ in range(n)
    ]
    if any(p.kind == "since" for p in periods):
        notes.append(f"Mission en cours : décompte arrêté au {format_date_fr(facts.today)}.")
    work = parse_work_time(facts.text)
    if work and work.part_time:
        notes.append("Temps partiel mentionné : la prime de tutorat n'est pas proratisée (art. 4.3).")
    return Plan("tutor_bonus", {"missions": missions, "as_of": facts.today}, notes=notes)


def _counts_per_period(facts: Facts, periods: list[DateSpan], noun: str) -> list[int]:
    """For several periods, the count said with each ("2 stagiaires de janvier à juin, puis 1 de
    septembre à décembre"; "de janvier à juin avec 2 apprentis, puis de septembre à décembre avec 3").

    When a count comes before the first period, each count announces the period that follows it;
    otherwise each count describes the period it follows. A period without a count has 1 trainee.
    """
    counts = [c for c in parse_counts(facts.text) if c.noun == noun]
    bounds = [0] + [p.span[1] for p in periods]
    leading = any(c.span[0] < periods[0].span[0] for c in counts)
    result: list[int] = []
    for i, period in enumerate(periods):
        if leading:
            window = (bounds[i], period.span[0])
        else:
            window = (period.span[1], periods[i + 1].span[0] if i + 1 < len(periods) else len(facts.folded))
        inside = [c for c in counts if window[0] <= c.span[0] < window[1]]
        result.append(min(inside[-1 if leading else 0].value, 10) if inside else 1)
    return [max(1, n) for n in result]


def _periods_from_duration(facts: Facts, notes: list[str]) -> list[DateSpan]:
    """A period built from "pendant 5 mois" (anchored on a start date when one is given)."""
    months = [
        d
        for d in _outside_dates(facts, facts.durations)
        if d.months
        and re.search(
            r"\b(?:pendant|durant|pour|(?:tutorat|mission|tutelle|accompagnement|action|formation|session)"
            r" (?:de|d'une duree de))"
            r" (?:environ |presque |plus de )?$",
            facts.folded[max(0, d.span[0] - 40) : d.span[0]],
        )
    ]
    if not months or facts.general or re.search(r"\b(?:maxim\w*|plafon\w*|au plus)\b", facts.folded):
        return []
    length = max(1, round(months[0].months or 1))
    if length > 600:
        return []
    starts = [d for d in facts.dates if d.kind in ("from", "point")]
    if starts:
        start = starts[0].start
    elif re.search(r"\b(?:vais|serai|sera|prochain\w*)\b", facts.folded):
        start = shift_months(facts.today.replace(day=1), 1)
    else:
        start = shift_months(facts.today.replace(day=1), -length)
        notes.append(f"Dates non précisées : période de {length} mois civils retenue, close avant ce mois-ci.")
    end = shift_months(start, length) - timedelta(days=1)
    return [DateSpan(start, end, "range", "day", months[0].text, months[0].span)]


def _trainer(facts: Facts) -> Plan | None:
    """Trainer bonus (avenant 2022, art. 9.3): one action per dated period, or per counted action.

    A lone end date ("formation terminée le 15 novembre") is an action of that day: the payment
    month depends only on the end, and a note says the start was not given.
    """
    periods = _periods(facts)
    notes = _year_notes(facts.dates)
    if not periods:
        ends = [d for d in facts.dates if d.kind == "point" and d.precision == "day"]
        if ends:
            periods = ends
            notes.append("Date de début non précisée : chaque action est comptée sur le mois de sa fin.")
        else:
            periods = _periods_from_duration(facts, notes)
    if not periods:
        if facts.personal and facts.amount and not facts.general:
            return Plan("trainer_bonus", {}, ["actions"])
        return None
    count = count_of(facts.text, "action") or 1
    copies = count if len(periods) == 1 else 1
    actions = [{"start": p.start, "end": p.end} for p in periods for _ in range(copies)]
    return Plan("trainer_bonus", {"actions": actions}, notes=notes)


def _vae(facts: Facts) -> Plan | None:
    """VAE: the CQP's experience condition, or the leave (24 h; 48 h below level 4 or job threatened)."""
    cqp = re.search(r"\b(?:cqp|gestionnaire conseil|certificat de qualification)\b", facts.folded)
    leave = re.search(r"\b(?:conge|heures?|jours?|absence|combien de temps|autorisation)\b", facts.folded)
    if cqp and not leave:
        return _cqp_vae(facts)
    diploma = parse_diploma_level(facts.text)
    threatened = parse_job_threatened(facts.text) if facts.personal else None
    if diploma is None and threatened is None:
        if facts.personal and facts.asks and leave and not facts.general:
            return Plan("vae_leave", {}, ["diploma_level"])
        return None
    arguments: dict[str, Any] = {}
    if diploma is not None:
        arguments["diploma_level"] = diploma
    if threatened is not None:
        arguments["job_threatened"] = threatened
    return Plan("vae_leave", arguments)


def _cqp_vae(facts: Facts) -> Plan | None:
    """CQP gestionnaire conseil by VAE: experience in full-time-equivalent years (mi-temps counts half)."""
    experience = [
        d
        for d in _not_threshold(facts, _outside_dates(facts, facts.durations, keep_since=True))
        if d.months and not re.match(r"\s*dernier", facts.folded[d.span[1] :])
    ]
    if not experience or not facts.personal:
        if facts.personal and facts.asks:
            return Plan("cqp_vae_eligibility", {}, ["fte_experience_years"])
        return None
    years = 0.0
    for d in experience:
        work = parse_work_time(facts.folded[d.span[1] : d.span[1] + 40]) or parse_work_time(facts.text)
        if work and work.part_time and work.fraction is None:
            return Plan("cqp_vae_eligibility", {}, ["work_time_fraction"])
        years += (d.months or 0) / 12 * (work.fraction if work and work.fraction else 1.0)
    arguments: dict[str, Any] = {"fte_experience_years": round(years, 2)}
    if re.search(r"\bdeja\b[^.?!]{0,40}\b(?:demande|dossier|candidature)\b[^.?!]{0,30}\bcette annee\b", facts.folded):
        arguments["requests_this_year"] = 1
    return Plan("cqp_vae_eligibility", arguments)


# "c'est mon premier emploi": all the salaried seniority is the time in the organisation.
_FIRST_JOB = (
    r"\b(?:mon|son|leur|notre) (?:tout )?premier (?:emploi|poste|job|boulot|contrat|travail)\b|"
    r"\bpremiere experience (?:professionnelle|salariee)\b|\b(?:jamais|pas) (?:travaille|ete salariee?) "
    r"(?:avant|auparavant|ailleurs)\b|\bsorti\w* (?:de l'ecole|d'etudes|des etudes)\b"
)
_ORG_AFTER = (
    r"^ *(?:(?:dans|au sein d[eu']|chez|a la|a l')\s*(?:ma|mon|notre|cette|cet|l'|la|le|les)? ?"
    r"(?:caisse|organisme|entreprise|structure|cpam|caf|urssaf|carsat|msa|cgss|agence|etablissement|"
    r"employeur|boite|service|ugecam|union|direction|maison|poste)|ici\b|chez nous\b)"
)
_PRIOR_AFTER = r"\b(?:avant|auparavant|precedemment|ailleurs|anterieure?s?|d'autres employeurs|autre employeur)\b"
_TOTAL_AFTER = (
    r"\b(?:en tout|au total|totale?s?|tous employeurs|de carriere|au cours des (?:5|cinq) dernieres|"
    r"sur les (?:5|cinq) dernieres)\b"
)


def _cep(facts: Facts) -> Plan | None:
    """CEP absence (art. 5): contract, total seniority and time in the organisation.

    When only the time in the organisation is given and it already meets the total-seniority
    condition, it stands for the total (a lower bound that decides); otherwise the total is asked.
    """
    contract = {"CUI-CDI": "CDI", "CUI-CDD": "CDD"}.get(parse_contract(facts.text) or "", parse_contract(facts.text))
    seniority = [
        d
        for d in facts.durations
        if d.months
        and not re.match(r"\s*dernier", facts.folded[d.span[1] :])
        and not re.search(r"\b(?:il y a|des|les)\s*$", facts.folded[max(0, d.span[0] - 8) : d.span[0]])
    ]
    org: float | None = None
    total: float | None = None
    prior = 0.0
    for i, d in enumerate(seniority):
        kind = _seniority_kind(facts.folded, d, first=i == 0, last=i + 1 == len(seniority))
        if kind == "total":
            total = d.months
        elif kind == "org":
            org = d.months
        elif kind == "prior":
            prior += d.months or 0.0
    if org is None:
        since = [d for d in facts.dates if d.kind == "since" and d.precision == "day"]
        if since:
            delta = facts.today - since[0].start
            org = delta.days / 30.44
    notes: list[str] = []
    if total is None and prior:
        total = (org or 0.0) + prior
    if not (contract or seniority) and not (facts.personal and facts.asks):
        return None
    if facts.general and not seniority:
        return None
    threshold = 60 if contract == "CDI" else 24
    if total is None and org is not None and org >= threshold:
        total = org
        notes.append("Ancienneté totale non précisée : au moins celle acquise dans l'organisme.")
    elif total is None and org is not None and re.search(_FIRST_JOB, facts.folded):
        total = org
        notes.append("Premier emploi : l'ancienneté salariée totale est celle acquise dans l'organisme.")
    missing = [
        name
        for name, value in (
            ("contract", contract),
            ("months_in_organisation", org),
            ("months_as_employee", total),
        )
        if value is None
    ]
    arguments: dict[str, Any] = {}
    if contract in ("CDI", "CDD"):
        arguments["contract"] = contract
    elif contract:
        notes.append(f"Contrat « {contract} » : préciser s'il s'agit d'un CDI ou d'un CDD.")
        missing.insert(0, "contract")
    if total is not None:
        arguments["months_as_employee"] = round(total)
    if org is not None:
        arguments["months_in_organisation"] = round(org)
    far = parse_far(facts.text)
    if far is not None:
        arguments["provider_far"] = far
    recent = _cep_recent(facts)
    if recent is not None:
        arguments["cep_in_last_5_years"] = recent
    return Plan("cep_absence", arguments, list(dict.fromkeys(missing)), notes)


def _seniority_kind(folded: str, d: Duration, *, first: bool, last: bool) -> str | None:
    """Whether a length of service is total seniority, time in the organisation, or time before it.

    "7 ans d'ancienneté dont 3 dans ma caisse": total, then organisation. "depuis 3 ans dans ma
    caisse": organisation. "10 ans d'expérience salariée avant": before. "7 ans d'ancienneté en
    tout": total. A bare "d'ancienneté" / "d'expérience" is read as total seniority.
    """
    after = folded[d.span[1] : d.span[1] + 60]
    clause = after.split(".")[0]
    before = folded[max(0, d.span[0] - 40) : d.span[0]]
    if not last and re.match(r"^[^.?!,;]{0,30}\bdont\b", after):
        return "total"
    if (not first and re.search(r"\bdont\s*$", before)) or re.match(_ORG_AFTER, after):
        return "org"
    if re.match(r"^ *d'anciennete " + _ORG_AFTER[3:], after):
        return "org"
    if re.search(_PRIOR_AFTER, clause) or re.search(r"\b(?:avant|auparavant)\b[^.?!]*$", before):
        return "prior"
    if re.search(_TOTAL_AFTER, clause) or re.match(r"^ *d'(?:anciennete|experience|activite)", after):
        return "total"
    return "org" if re.search(r"\bdepuis\s*$", before) else None


def _cep_recent(facts: Facts) -> bool | None:
    """Whether the user already had a CEP in the last 5 years ("déjà fait un CEP il y a 2 ans")."""
    folded = facts.folded
    if re.search(r"\b(?:jamais|premier|premiere fois)\b[^.?!]{0,40}\b(?:cep|conseil en evolution)", folded):
        return False
    if not re.search(
        r"\b(?:deja|j'ai (?:eu|fait|beneficie|suivi|realise))\b[^.?!]{0,40}\b(?:cep|conseil en evol)", folded
    ):
        return None
    ago = re.search(r"\bil y a (\d+|un|une|deux|trois|quatre|cinq|six|sept|huit) ans?\b", folded)
    return not (ago and parse_number(ago.group(1)) >= 5)


def _guarantee(facts: Facts) -> Plan | None:
    """Training guarantee (art. 8): the last training's date, preferring one said next to "formation"."""
    candidates = [d for d in facts.dates if d.kind in ("point", "range", "since")]
    if not candidates:
        if facts.personal and facts.asks and not facts.general:
            return Plan("training_guarantee", {}, ["last_training"])
        return None
    about_training = [d for d in candidates if _near(facts, d.span, r"\bformation", before=50)]
    chosen = (about_training or candidates)[0]
    last = chosen.end if chosen.kind == "range" else chosen.start
    notes = _year_notes([chosen])
    if chosen.precision != "day":
        notes.append(f"Date approximative (« {chosen.text} ») : retenue au {format_date_fr(last)}.")
    return Plan("training_guarantee", {"last_training": last, "as_of": facts.today}, notes=notes)


def _reviews(facts: Facts) -> Plan | None:
    """Professional reviews (art. 6): each date goes to the nearest keyword before it (embauche, entretien, bilan)."""
    hire: date | None = None
    interviews: list[date] = []
    bilans: list[date] = []
    notes: list[str] = []
    for d in facts.dates:
        before = facts.folded[: d.span[0]]
        label = _last_keyword(
            before,
            {
                "hire": r"embauch|recrut|arriv|entre(?:e|s)? (?:dans|a|au|chez)|"
                r"debut de (?:mon )?contrat|depuis",
                "bilan": r"bilan",
                "interview": r"entretien",
            },
        )
        if d.kind == "since" or (label == "hire" and hire is None):
            hire = d.start
        elif label == "bilan":
            bilans.append(d.start)
        else:
            interviews.append(d.start)
        if d.precision != "day":
            notes.append(f"Date approximative (« {d.text} ») : retenue au {format_date_fr(d.start)}.")
    notes += _year_notes(facts.dates)
    if hire is None:
        if (facts.personal and facts.asks and not facts.general) or interviews or bilans:
            return Plan("professional_reviews", {}, ["hire_date"], notes)
        return None
    arguments: dict[str, Any] = {"hire_date": hire}
    if interviews:
        arguments["interviews"] = interviews
    if bilans:
        arguments["bilans"] = bilans
    arguments["as_of"] = facts.today
    return Plan("professional_reviews", arguments, notes=notes)


def _last_keyword(before: str, labels: dict[str, str]) -> str | None:
    """Which label's keyword comes last in `before` (the nearest one to a date)."""
    best, position = None, -1
    for label, pattern in labels.items():
        for m in re.finditer(pattern, before):
            if m.start() > position:
                best, position = label, m.start()
    return best


def _pro_a(facts: Facts) -> Plan | None:
    """Pro-A: stated hours, then a stated length, then a named certification, then eligibility."""
    stated = _not_threshold(facts, _outside_dates(facts, facts.durations))
    hours = [d for d in stated if d.unit == "hour"]
    if hours and not facts.general:
        arguments: dict[str, Any] = {"total_hours": max(d.value for d in hours)}
        if re.search(_EXTENDED_PUBLIC, facts.folded):
            arguments["extended_public"] = True
        return Plan("pro_a_training_hours", arguments)
    months = [
        d
        for d in stated
        if d.months
        and d.unit in ("month", "year")
        and _near(facts, d.span, _PRO_A_LENGTH, before=40, after=25)
        and not re.search(r"\b(?:j'ai|agee? de|depuis|il y a)\s*$", facts.folded[max(0, d.span[0] - 12) : d.span[0]])
    ]
    if months and not facts.general and (facts.personal or not facts.asks or re.search(r"\bdur\w*\b", facts.folded)):
        length = round(months[0].months or 0)
        arguments = {"months": length}
        case = _pro_a_case(facts)
        if case:
            arguments["case"] = case
        return Plan("pro_a_duration", arguments, ["case"] if length > 12 and case is None else [])
    certification = next(
        (name for name, pats in _PRO_A_CERTS.items() if any(p.search(facts.folded) for p in pats)), None
    )
    attribute = re.search(_ATTRIBUTE_ASK, facts.folded) and not re.search(_ASKS_ON_LIST, facts.folded)
    if re.search(_ASKS_LIST, facts.folded) and not attribute:
        if certification:
            return Plan("pro_a_certification", {"certification": certification, "as_of": facts.today})
        named = re.search(_NAMED_CERTIFICATION, facts.folded)
        if named:  # a certification outside the list, named as the subject of the question
            group = "name" if named.group("name") else "name2"
            name = facts.text[named.start(group) : named.end(group)].strip()
            return Plan("pro_a_certification", {"certification": name, "as_of": facts.today})
    return _pro_a_eligibility(facts)


def _pro_a_eligibility(facts: Facts) -> Plan | None:
    """Pro-A beneficiaries (art. 2.3): the contract, and for a CDI the diploma (below the licence)."""
    contract = parse_contract(facts.text)
    diploma = parse_diploma_level(facts.text)
    wants = re.search(r"\b(?:beneficier|eligible|droit|acceder|acces|puis-je|peux-je|pourrais|ouvert)", facts.folded)
    if not facts.personal or facts.general or not (contract or diploma is not None or (wants and facts.asks)):
        return None
    arguments: dict[str, Any] = {}
    missing = []
    if contract:
        arguments["contract"] = contract
    else:
        missing.append("contract")
    if diploma is not None:
        arguments["diploma_level"] = diploma
    elif contract in (None, "CDI", "CUI-CDI"):
        missing.append("diploma_level")
    return Plan("pro_a_eligibility", arguments, missing)


_ASKS_LIST = (
    r"\b(?:eligible|liste|ouvert|accessible|possible|puis-je|peut-on|peux|prepar\w*|faire|financ\w*|"
    r"accepte|autorise|compatible|concerne)"
)
# "Dans quel type d'organisme se fait la formation d'infirmier de la liste Pro-A ?": a question about
# an entry of the list (its provider, its family), which the annex answers, not whether it is listed.
_ATTRIBUTE_ASK = r"\b(?:quel(?:le)?s?|qui|ou|comment|pourquoi|combien|en quoi)\b"
_ASKS_ON_LIST = (
    r"\b(?:eligible|ouvert\w*|accessible|possible|puis-je|peut-on|peux|pourrais|figure\w*|fait partie|"
    r"inscrit\w*|compatible|autorise\w*|accepte\w*|prepar\w*|financ\w*)\b"
)
# A certification named as what the question is about ("Le BTS comptabilité est-il éligible à la
# Pro-A ?", "préparer un titre professionnel de comptable en Pro-A"): checked against the list even
# when it is not on it, so that the answer can say so.
_CERTIFICATION_NOUN = (
    r"(?:bts|dut|but|cap|bep|bp|bac(?: pro(?:fessionnel)?)?|licence(?: pro(?:fessionnelle)?)?|master|mba|"
    r"titre(?: professionnel)?|diplome(?: d'etat)?|de|cqp|deug|dcg|dscg|certificat)"
)
_NAMED_CERTIFICATION = (
    rf"\b(?:le|la|l'|un|une|ce|cette) ?(?P<name>{_CERTIFICATION_NOUN}\b[^?.,;:!]{{0,50}}?)"
    r"\s+(?=(?:est-(?:il|elle)|est|figure|fait-(?:il|elle) partie|fait partie|peut-(?:il|elle)|"
    r"serait|ouvre|en pro ?-? ?a|par la pro ?-? ?a|dans le cadre)\b)"
    rf"|\bprepar\w* (?:le|la|l'|un|une|mon|ma) ?(?P<name2>{_CERTIFICATION_NOUN}\b[^?.,;:!]{{0,50}}?)"
    r"\s+(?=(?:en|par|avec|dans le cadre d'une|via) (?:la |une )?pro ?-? ?a\b)"
)
_PRO_A_LENGTH = r"\bpro ?- ?a\b|\bpro a\b|\bdur\w*|\bpendant\b|\bprevu\w*|\bs'et\w*|\bavenant\b"
_EXTENDED_PUBLIC = (
    r"\bqualification (?:est )?insuffisante\b|\bl\. ?6325-1-1\b|\bpublics? (?:prioritaires?|vises?)\b"
    r"|\bfaiblement qualifie|\bbas niveau de qualification\b"
)


def _pro_a_case(facts: Facts) -> str | None:
    """Which extension of article 2.4 the user's situation falls under, if they say it."""
    folded = facts.folded
    if re.search(
        r"\b(?:rsa|revenu de solidarite|ass|allocation de solidarite|aah|adultes handicapes|"
        r"contrat unique d'insertion|cui)\b",
        folded,
    ):
        return "minimum_social_benefit"
    age = re.search(r"\b(?:j'ai|age de|agee? de)\s*(\d{2}) ans\b(?! d)", folded)
    if re.search(r"\bdemandeur d'emploi\b|\bjeune\b", folded) or (age and 16 <= int(age.group(1)) <= 25):
        return "young_or_jobseeker"
    if re.search(r"\b(?:qualification reconnue|cqp|diplome|titre) [^.?!]{0,30}\b(?:branche|rncp)\b|\bcqp\b", folded):
        return "branch_qualification"
    return None


def _professionalisation(facts: Facts) -> Plan | None:
    """Contrat de professionnalisation (art. 3.6): the targeted level and the certification date."""
    points = [
        d
        for d in facts.dates
        if d.kind in ("point", "from")
        and d.precision in ("day", "month")
        and _near(facts, d.span, _CERTIFICATION_WORDS, before=80, after=40)
    ]
    level = re.search(r"\bniveau ([1-9])\b", facts.folded)
    contract_months = [
        d for d in facts.durations if d.unit in ("month", "year") and _near(facts, d.span, r"\bcontrat", before=40)
    ]
    arguments: dict[str, Any] = {}
    if points:
        arguments["certification_date"] = points[0].start
    if level and (facts.personal or points):
        arguments["target_level"] = int(level.group(1))
    if contract_months and arguments:
        arguments["months"] = round(contract_months[0].months or 0)
    if arguments:
        return Plan("professionalisation_contract", arguments, notes=_year_notes(points))
    if not (facts.personal and facts.asks) or facts.general:
        return None
    if re.search(r"\b(?:quand|a partir de|date|cadre conventionnel|certification|obten\w*|obtiendr\w*)", facts.folded):
        return Plan("professionalisation_contract", {}, ["certification_date"])
    if re.search(r"\b(?:remuner\w*|paye|payee|salaire|coefficient)\b", facts.folded):
        return Plan("professionalisation_contract", {}, ["target_level"])
    return None


_CERTIFICATION_WORDS = (
    r"\b(?:certif\w*|diplome|qualification|cqp|titre|obten\w*|obtiendr\w*|reussi\w*|decroch\w*|admise?|"
    r"examen|jury|valid\w*)"
)


def _contribution(facts: Facts) -> Plan | None:
    """Supplementary contribution (art. 9): the gross payroll in euros, and the year when said."""
    amounts = [m.amount for m in parse_money(facts.text) if m.amount >= 1000]
    if not amounts:
        bare = re.search(r"\bmasse salariale[^.?!]{0,40}?(\d{1,3}(?:[ .]\d{3}){2,}|\d{6,})", facts.folded)
        amounts = [parse_number(bare.group(1))] if bare else []
    amounts = [a for a in amounts if a <= 1e15]  # beyond any payroll: a typo, not a figure
    years = [d.start.year for d in facts.dates if d.kind in ("point", "range") and d.precision == "year"]
    if not amounts:
        if facts.personal and facts.asks and not facts.general:
            return Plan("supplementary_contribution", {}, ["payroll"])
        return None
    arguments: dict[str, Any] = {"payroll": max(amounts)}
    if years:
        arguments["year"] = years[0]
    return Plan("supplementary_contribution", arguments)


def _cqp_grades(facts: Facts) -> Plan | None:
    """CQP certification: all five grades are needed; the missing ones are asked by name."""
    grades = parse_grades(facts.text)
    if not grades:
        if facts.personal and re.search(r"\b(?:certifie\w*|reussi|admis|obtenu|mes notes|moyenne)\b", facts.folded):
            return Plan("cqp_certification", {}, ["grades"])
        return None
    arguments: dict[str, Any] = dict(grades)
    if re.search(r"\b(?:pas|jamais|sans)\b[^.?!]{0,20}\bpass\b", facts.folded):
        arguments["pass_completed"] = False
    elif re.search(
        r"\bpass\b[^.?!]{0,15}\b(?:suivi|valide|fait)|\b(?:suivi|valide|fait)\b[^.?!]{0,20}\bpass\b",
        facts.folded,
    ):
        arguments["pass_completed"] = True
    missing = [key for key in intents.GRADE_LABELS if key not in grades]
    return Plan("cqp_certification", arguments, missing)


def _training_path(facts: Facts) -> Plan | None:
    """CQP training path: first Prem'ss day and end date (two-year span), hours to fund at 12 €/h."""
    arguments: dict[str, Any] = {}
    for d in facts.dates:
        if d.kind == "range":
            arguments.setdefault("first_premss_day", d.start)
            arguments.setdefault("end_date", d.end)
        elif _near(facts, d.span, r"\b(?:fin|termin\w*|finir|finirai|achev\w*|examen|jusqu)", before=40):
            arguments.setdefault("end_date", d.start)
        else:
            arguments.setdefault("first_premss_day", d.start)
    funding = re.search(r"\b(?:pris\w* en charge|financ\w*|rembours\w*|cout\w*|€|euros?)", facts.folded)
    hours = [d for d in _not_threshold(facts, facts.durations) if d.unit == "hour"]
    if hours and funding:
        arguments["hours"] = hours[0].value
    if arguments:
        return Plan("training_path_hours", arguments, notes=_year_notes(facts.dates))
    if (
        facts.personal
        and facts.asks
        and not facts.general
        and re.search(r"\b(?:amplitude|jusqu'a quand|date limite|finir|terminer)\b", facts.folded)
    ):
        return Plan("training_path_hours", {}, ["first_premss_day"])
    return None


def _points(facts: Facts) -> Plan | None:
    """Points to euros: the points, and the point value or date when the user gives them."""
    found = re.search(r"(?<![\d,.])(\d+(?:[,.]\d+)?) ?(?:points?|pts)\b", facts.folded)
    if not found:
        return None
    arguments: dict[str, Any] = {"points": parse_number(found.group(1))}
    value = re.search(
        r"\b(?:valeur du point|le point|un point|par point)\b[^.?!\d]{0,25}(\d+(?:[,.]\d+)?) ?(?:€|euros?)"
        r"|(\d+(?:[,.]\d+)?) ?(?:€|euros?) (?:le|par) point\b",
        facts.folded,
    )
    if value:
        arguments["point_value"] = parse_number(value.group(1) or value.group(2))
    dated = [d for d in facts.dates if d.precision in ("day", "month")]
    if dated:
        arguments["on"] = dated[0].start
    return Plan("points_to_euros", arguments)


RESOLVERS: dict[str, Callable[[Facts], Plan | None]] = {
    "tutor_bonus": _tutor,
    "trainer_bonus": _trainer,
    "vae": _vae,
    "cep": _cep,
    "training_guarantee": _guarantee,
    "professional_reviews": _reviews,
    "pro_a": _pro_a,
    "professionalisation": _professionalisation,
    "contribution": _contribution,
    "cqp_certification": _cqp_grades,
    "training_path": _training_path,
    "points": _points,
}


def plan_for(topic: str | None, facts: Facts) -> Plan | None:
    """The calculator plan for a topic's question, or None when retrieval answers it."""
    reader = RESOLVERS.get(topic or "")
    return reader(facts) if reader else None
