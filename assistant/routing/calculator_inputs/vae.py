"""Readers for VAE: the leave to prepare it, and the CQP's experience condition.

The leave depends on the diploma held and on a threat to the job; the CQP by VAE depends on years of
activity, continuous or not (art. 7 as rewritten in 2022): part-time years count as years, the
2013 circular's full-time-equivalent condition being one the agreement replaced.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from assistant.routing.calculator_inputs.facts import Facts, Plan, not_cited, not_threshold, outside_dates
from assistant.routing.calculator_inputs.team import Group, head_count, read_groups
from assistant.routing.extraction.dates import DateSpan
from assistant.routing.extraction.situation import parse_diploma_level, parse_job_threatened, parse_work_time

# "validation des acquis professionnels (et personnels)", "VAP", "VAPP": the admission to higher studies on
# one's experience, another scheme than the VAE ("validation des acquis de l'expérience") of art. 7
_OTHER_VALIDATION = r"\bvalidation des acquis professionnels\b|\bvapp?\b"
_THE_VAE = r"\b(?:vae|acquis de l'experience)\b"
_ASKS_REQUEST_LIMIT = re.compile(r"\bcombien\b[^.?!]{0,20}\b(?:demandes|dossiers|candidatures|fois)\b")


def plan_vae(facts: Facts) -> Plan | None:
    """VAE: the CQP's experience condition, or the leave (24 h; 48 h below level 4 or job threatened)."""
    if re.search(_OTHER_VALIDATION, facts.folded) and not re.search(
        r"\b(?:vae|acquis de l'experience)\b", facts.folded
    ):
        return None  # the VAP, an admission to higher studies, is not the VAE whose leave art. 7 sets: the texts answer
    cqp = re.search(r"\b(?:cqp|gestionnaire conseil|certificat de qualification)\b", facts.folded)
    leave = re.search(r"\b(?:conge|heures?|jours?|absence|combien de temps|autorisation)\b", facts.folded)
    if cqp and not leave:
        return _cqp_vae(facts)
    team = _team_leave(facts) if leave else None
    if team is not None:  # "3 n'ont pas le bac et 4 l'ont : combien d'heures au total ?": each group by its facts
        return team
    diploma = parse_diploma_level(facts.text)
    threatened = parse_job_threatened(facts.text) if facts.personal else None
    # "en 2021, combien d'heures de congé VAE ?": the leave of a past date (before the avenant of 2022
    # the branch text set no number of hours)
    dated = next((d for d in facts.dates if d.kind == "point" and not d.year_inferred), None)
    if diploma is None and threatened is None and dated is None:
        if facts.personal and facts.asks and leave and not facts.general:
            return Plan("vae_leave", {}, ["diploma_level"])
        return None
    arguments: dict[str, Any] = {}
    if diploma is not None:
        arguments["diploma_level"] = diploma
    if threatened is not None:
        arguments["job_threatened"] = threatened
    if dated is not None and leave:
        arguments["on"] = dated.start
    if not arguments:
        return None
    return Plan("vae_leave", arguments)


# The team's total asked: "au total", "en tout", "pour l'ensemble", "à eux tous", "cumulées".
_TOTAL_ASKED = re.compile(
    r"\b(?:au total|en tout|pour l'ensemble|pour (?:eux|elles) (?:tous|toutes)|a (?:eux|elles) "
    r"(?:tous|toutes|\d+)|cumule\w*|total\w*)\b"
)


# People told apart, one by one ("l'un sans diplôme, l'autre avec un BTS, le troisième …"): not one group sharing facts.
_EACH_APART = re.compile(r"\bl'une?\b|\bl'autre\b|\bles? (?:deuxieme|troisieme|second|seconde|dernier|derniere)\b")


def _team_leave(facts: Facts) -> Plan | None:
    """The leave of a team told in groups (`team.read_groups`), each group's diploma and threat read in its own words;
    a threat said once for all ("aucun poste menacé") holds for every group that says none of its own."""
    groups = read_groups(facts.folded, facts.text)
    if len(groups) < 2:
        # "Quatre techniciens, tous titulaires d'un BTS, … combien d'heures en tout ?": one team sharing its facts,
        # whose total is asked; the person's rule times the head count
        shared = _TOTAL_ASKED.search(facts.folded) and not _EACH_APART.search(facts.folded)
        team = head_count(facts.folded) if shared else None
        if team is None or team < 2:
            return None
        groups = [Group(team, facts.text)]
    for_all = parse_job_threatened(facts.text)
    said = []
    for group in groups:
        level = parse_diploma_level(group.words)
        threatened = parse_job_threatened(group.words)
        threatened = for_all if threatened is None else threatened
        if level is None and threatened is None:
            return None  # a counted clause that tells nothing the leave turns on: not a team split by it
        facts_said = [f"diploma_level={level}"] if level is not None else []
        facts_said += [f"job_threatened={'oui' if threatened else 'non'}"] if threatened is not None else []
        said.append(f"{group.count}:{','.join(facts_said)}")
    return Plan("vae_leave", {"groups": ";".join(said)})


def _cqp_vae(facts: Facts) -> Plan | None:
    """CQP gestionnaire conseil by VAE: years of activity related to the CQP (art. 7: continuous or not)."""
    if _ASKS_REQUEST_LIMIT.search(facts.folded):
        return None  # "combien de demandes par an ?": the rule's limit is asked, not the user's case
    experience = [
        d
        for d in not_cited(facts, not_threshold(facts, outside_dates(facts, facts.durations, keep_since=True)))
        if d.months and not re.match(r"\s*dernier", facts.folded[d.span[1] :])
    ]
    earlier = _earlier_request(facts)
    obtained = _earlier_certificate(facts)
    if obtained is not None and facts.personal and not experience and not earlier:
        # "j'ai obtenu Oméga+ en mai 2011 : aurai-je un oral ?": the date decides the jury's procedure (circular VI)
        return Plan("cqp_vae_eligibility", {"earlier_certificate_on": obtained}, ["experience_years"])
    if earlier and facts.personal and not experience:
        return Plan("cqp_vae_eligibility", {"requests_this_year": earlier})
    if not experience or not facts.personal:
        if facts.personal and facts.asks:
            return Plan("cqp_vae_eligibility", {}, ["experience_years"])
        return None
    years = sum((d.months or 0) / 12 for d in experience)
    notes = []
    arguments: dict[str, Any] = {"experience_years": round(years, 2)}
    work = parse_work_time(facts.text)
    if work and work.part_time:
        notes.append(
            "Temps partiel mentionné : l'article 7 compte une activité, continue ou non, sans conversion en "
            "équivalent temps plein."
        )
        if work.fraction is not None:  # "4 ans à 80 %": the circular's full-time equivalent is computed
            arguments["time_share"] = round(work.fraction * 100, 2)
    if earlier:
        arguments["requests_this_year"] = earlier
    if obtained is not None:
        arguments["earlier_certificate_on"] = obtained
    return Plan("cqp_vae_eligibility", arguments, notes=notes)


# The earlier certifications of circular VI, as folded ("Oméga+" → "omega+", "Tam Tam", "Sm'pro")
_EARLIER_CERTIFICATE = re.compile(r"\b(?:tam ?tam|vademecaf|omega ?\+?|sm'? ?pro|startech)(?![a-z])")


def _earlier_certificate(facts: Facts) -> date | None:
    """The date a Tam Tam, Vadémécaf, Oméga+, Sm'pro or Startech certification was obtained, when the message
    names one and dates it within its clause ("j'ai obtenu Oméga+ en mai 2011", "décroché Tam Tam en 2011")."""
    named = _EARLIER_CERTIFICATE.search(facts.folded)
    if named is None:
        return None
    near = [
        d
        for d in facts.dates
        if d.kind == "point"
        and abs(d.span[0] - named.end()) <= 40
        and not re.search(r"[.?!:;]", _between(facts, named, d))
    ]
    return near[0].start if near else None


def _between(facts: Facts, named: re.Match[str], dated: DateSpan) -> str:
    """The text between a certification's name and a date, in either order."""
    start, end = sorted((named.end(), dated.span[0]))
    return facts.folded[start:end]


def _earlier_request(facts: Facts) -> int | None:
    """1 when a VAE request was already filed in the year of the one planned ("déjà une demande cette
    année"; "déposée en mars 2026 … en redéposer une en octobre 2026"): the circular allows one a year."""
    already = r"\bdeja\b[^.?!]{0,40}\b(?:demande|dossier|candidature|postule)\w*\b[^.?!]{0,70}\bcette annee\b"
    if re.search(already, facts.folded):
        return 1
    filed = re.search(
        r"\b(?:demande|dossier|candidature)\b[^.?!]{0,60}\b(?:depose|envoye|fait|rejete|refuse)"
        r"|\b(?:depose|envoye|fait)e?s? (?:une|ma|mon|un) (?:demande|dossier|candidature)\b",
        facts.folded,
    )
    if not filed:
        return None
    # "déposée en février ; puis-je en déposer une deuxième en septembre de la même année ?": the year is said to be
    # the same, so the months need no year of their own (circular VI: "Un candidat ne pourra déposer qu'une demande
    # de VAE par an pour le CQP gestionnaire conseil.")
    if re.search(r"\b(?:de )?(?:la|cette) meme annee\b|\bdans la meme annee\b", facts.folded[filed.start() :]):
        return 1
    dated = [d for d in facts.dates if d.kind == "point" and not d.year_inferred]
    first = next((d for d in dated if d.span[0] > filed.start() and d.span[0] < filed.end() + 40), None)
    if first is None:
        return None
    later = [d for d in dated if d.span[0] > first.span[1]]
    planned = later[-1].start if later else facts.today
    return 1 if planned.year == first.start.year and planned >= first.start else None
