"""Readers for the contrat de professionnalisation by public (art. 3.4, 3.5) and for VAE access (art. 7).

The length (up to 12, 24 or 36 months) and the training share (up to 70 %) depend on who the
employee is: age, diploma, months on the job seekers' list, a minimum social benefit. These readers
find those facts next to the words that introduce them and hand them to the calculators, which say
what stays conditional on a fact not given. They run before the topic's general reader
(`certification.plan_professionalisation`, `vae.plan_vae`) and decline (None) when the question
carries none of their figures, so the other readers and retrieval keep their questions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from assistant.routing.calculator_inputs.facts import Facts, Plan, near, not_threshold, outside_dates
from assistant.routing.extraction.quantities import Duration
from assistant.routing.extraction.situation import diploma_only_denied, parse_diploma_level

# An age: "j'ai 19 ans", "âgée de 22 ans", and any person named with a determiner then "de NN ans" ("un
# nouvel embauché de 24 ans", "mon fils de 20 ans", "une intérimaire de 30 ans"), the noun not being a length's
# ("une ancienneté de 10 ans", "un contrat de 2 ans").
_LENGTH_NOUNS = (
    r"anciennete|experience|activite|contrat|duree|carriere|mission|periode|pratique|service|travail|emploi|cdd|"
    r"cdi|absence|conge|formation|tutorat|chomage|inscription|engagement|plus|moins|total|cumul|parcours|vae"
)
_PERSON_WORD = rf"(?!(?:{_LENGTH_NOUNS})\b)[a-z]+"
AGE = re.compile(
    r"(?:\bj'ai|\bagee?s? de|\bjeunes? de|\b(?:salariee?|personne|candidate?|demandeu(?:r|se) d'emploi|femme|homme|"
    r"alternante?|beneficiaire|il a|elle a)(?: \w+)? de"
    rf"|\b(?:un|une|mon|ma|son|sa|notre|votre|leur|cet|cette|ce) {_PERSON_WORD}(?:-[a-z]+)?(?: {_PERSON_WORD})? de)"
    r" (1[5-9]|[2-6]\d) ans\b"
)
JOBSEEKER = r"\b(?:demandeu\w* d'emploi|inscrite?s?|chomage|pole emploi|france travail)\b"
BENEFIT = re.compile(
    r"\b(?:rsa|ass|aah|revenu de solidarite active|allocation de solidarite specifique|"
    r"allocation aux adultes handicapes|contrat unique d'insertion|cui)\b"
)
TRAINING_ASK = re.compile(
    r"\b(?:heures? de formation|mois de formation|part (?:de (?:la )?)?formation|duree (?:de (?:la )?)?formation|"
    # "quelle part maximale en formation", "quel pourcentage du temps en formation", "la proportion de formation"
    r"(?:part|proportion|pourcentage|quota|fraction|temps)\b[^.?!]{0,25}\b(?:en|de|a la|consacree? a la) formation|"
    r"temps (?:de|en) formation|combien d'heures|70 ?%|formation\b[^.?!]{0,40}\b(?:maximum|au plus|plafond|"
    r"depasser|exceder))"
)
LENGTH_ASK = re.compile(
    r"\b(?:duree|combien de (?:temps|mois)|durer|dure|allong\w*|prolong\w*|porte\w* a|jusqu'a combien|"
    r"mois maximum|maximum)\b"
)
# Whether a stated length is allowed, asked as a permission of anyone: "autorisé ?", "c'est légal ?", and
# the modal of any person, "peut-elle avoir un contrat de 30 mois ?", "pourrait-il signer 24 mois ?", "a-t-il
# le droit à 36 mois ?" (a third person's hypothetical case is a case: the rule is applied to it).
ALLOWED_ASK = re.compile(
    r"\b(?:autoris\w*|possible|permis|accept\w*|legal\w*|conforme|valable|c'est bon|ok|"
    r"(?:peu[tx]|peuvent|puis|pourr\w*)(?:-(?:je|tu|il|elle|on|ils|elles|t-(?:il|elle|on)))?|"
    r"(?:a|ai|as|ont)(?:-t)?-(?:je|il|elle|on|ils|elles) (?:le )?droit|(?:a|ont) (?:le )?droit)\b"
)
CONTRACT_WORDS = r"\b(?:contrat|dure|durer|durera|duree|total|au total)\b"


def _public(facts: Facts, used: list[Duration]) -> dict[str, Any]:
    """The art. 3.4 public facts said in the question; `used` collects the durations they consumed."""
    found: dict[str, Any] = {}
    age = AGE.search(facts.folded)
    if age:
        found["age"] = int(age.group(1))
        used += [d for d in facts.durations if d.span[0] == age.start(1)]
    level = parse_diploma_level(facts.text)
    # "il n'a pas son bac" leaves open a CAP, a vocational diploma: no answer to art. 3.4's condition, which is asked
    if level is not None and not (diploma_only_denied(facts.text) and level > 2):
        found["without_diploma"] = level <= 2  # CAP/BEP are vocational diplomas, the bac a second cycle
    seeker = [
        d
        for d in facts.durations
        if d.unit in ("month", "year") and near(facts, d.span, JOBSEEKER, before=60) and d not in used
    ]
    if seeker:
        found["jobseeker_months"] = round(seeker[0].months or 0)
        used.append(seeker[0])
    benefit = BENEFIT.search(facts.folded)
    if benefit:
        negated = re.search(r"\b(?:pas|ni|sans|plus)\b(?: \w+){0,3} $", facts.folded[: benefit.start()][-40:] + " ")
        found["minimum_benefit"] = not negated
    return found


def plan_professionalisation_terms(facts: Facts) -> Plan | None:
    """Training share (art. 3.5) when a total is given and training asked; length by public (art. 3.4)."""
    used: list[Duration] = []
    public = _public(facts, used)
    stated = [d for d in not_threshold(facts, outside_dates(facts, facts.durations)) if d not in used]
    hours = sorted((d.value for d in stated if d.unit == "hour"), reverse=True)
    months = [
        d for d in stated if d.unit in ("month", "year") and near(facts, d.span, CONTRACT_WORDS, before=40, after=5)
    ]
    if TRAINING_ASK.search(facts.folded) and (hours or months):
        arguments: dict[str, Any] = dict(public)
        if hours:
            arguments["total_hours"] = hours[0]
            if len(hours) > 1:
                arguments["planned_training"] = hours[1]
        else:
            arguments["total_months"] = months[0].months
        if re.search(r"\bqualification\b[^.?!]{0,20}\binsuffisante\b", facts.folded):
            arguments["insufficient_qualification"] = True
        return Plan("professionalisation_training_share", arguments)
    # "Contrat pro de 30 mois pour un demandeur d'emploi de 40 ans : autorisé ?": a stated length asked about
    allowed_ask = bool(months) and ALLOWED_ASK.search(facts.folded) is not None
    if (LENGTH_ASK.search(facts.folded) or allowed_ask) and public and (facts.personal or months or "age" in public):
        arguments = dict(public)
        if months:
            arguments["months"] = round(months[0].months or 0)
        if re.search(r"\bl'exige\b|\bqualification (?:qui )?(?:exige|necessite)\b", facts.folded):
            arguments["qualification_requires"] = True
        return Plan("professionalisation_duration", arguments)
    return None


VAE_ASK = re.compile(
    r"\b(?:puis-je|peut-(?:il|elle)|ai-je droit|suffi\w*|assez|eligible|recevable|acceder|demander|faire|"
    r"ouvert\w*|possible|je peux|on peut|(?:me|se) lancer|commencer|entamer|engager|candidater|postuler)\b"
)
VAE_OTHER = re.compile(r"\b(?:cqp|gestionnaire conseil|conge|heures?|absence|autorisation|combien de temps)\b")


def plan_vae_experience(facts: Facts) -> Plan | None:
    """VAE access (art. 7): months of activity stated, and whether they are enough asked."""
    if VAE_OTHER.search(facts.folded) or not facts.personal or not VAE_ASK.search(facts.folded):
        return None
    experience = [
        d
        for d in not_threshold(facts, outside_dates(facts, facts.durations, keep_since=True))
        if d.unit in ("month", "year", "week")
    ]
    if not experience:
        return None
    return Plan("vae_experience", {"months": round(sum(d.months or 0 for d in experience), 1)})


def first_of(*readers: Callable[[Facts], Plan | None]) -> Callable[[Facts], Plan | None]:
    """A topic's reader that tries `readers` in order and keeps the first plan."""

    def read(facts: Facts) -> Plan | None:
        for reader in readers:
            plan = reader(facts)
            if plan is not None:
                return plan
        return None

    return read
