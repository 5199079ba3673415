"""Reader for Pro-A questions: training hours, length, a certification on the list, or eligibility.

One topic covers four calculators; the reader picks the one the question gives figures for, in a
fixed order (hours, then a length, then a named certification, then the user's eligibility).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from assistant.routing import calculator_vocabulary
from assistant.routing.calculator_inputs.certification_list import several_certifications
from assistant.routing.calculator_inputs.facts import (
    Facts,
    Plan,
    asking_sentence,
    near,
    not_cited,
    not_threshold,
    outside_dates,
)
from assistant.routing.calculator_inputs.professionalisation_terms import AGE
from assistant.routing.extraction.situation import parse_contract, parse_diploma_level, without_contract_description
from calculators.pro_a import fold_wording, pro_a_eligibility
from calculators.pro_a_certifications import kind_of

_PRO_A_CERTS = {
    name: tuple(re.compile(p) for p in pats) for name, pats in calculator_vocabulary.PRO_A_CERTIFICATIONS.items()
}


def plan_pro_a(facts: Facts) -> Plan | None:
    """Pro-A: stated hours, then a stated length, then a named certification, then eligibility.

    A case whose stated contract or diploma already closes the Pro-A (art. 2.3: a CDD, a licence) is
    answered by that first, whatever term of the Pro-A it asks about: "CDD de 18 mois : une Pro-A de
    10 mois est possible ?" is not a question about 10 months.
    """
    several = several_certifications(facts)
    if several is not None:
        return several
    closed = _closed_by_the_case(facts)
    if closed is not None:
        return closed
    stated = not_cited(facts, not_threshold(facts, outside_dates(facts, facts.durations)))
    hours = [d for d in stated if d.unit == "hour"]
    if hours and not facts.general:
        longest = max(hours, key=lambda d: d.value)
        arguments: dict[str, Any] = {"total_hours": longest.value}
        if longest.low is not None:  # "entre 1 000 et 1 400 heures": the rule applied to both ends
            arguments["total_hours_low"] = longest.low
        if re.search(_EXTENDED_PUBLIC, facts.folded):
            arguments["extended_public"] = True
        return Plan("pro_a_training_hours", arguments)
    months = [
        d
        for d in stated
        if d.months
        and d.unit in ("month", "year")
        and near(facts, d.span, _PRO_A_LENGTH, before=40, after=25)
        and not re.search(r"\b(?:j'ai|agee? de|depuis|il y a)\s*$", facts.folded[max(0, d.span[0] - 12) : d.span[0]])
        and not re.search(_CONTRACT_LENGTH, facts.folded[max(0, d.span[0] - 30) : d.span[0]])
    ]
    started = _dated_start(facts)
    if started is not None and (re.search(_END_ASK, asking_sentence(facts.folded)) or facts.horizon is not None):
        # "une Pro-A … démarre le 1er février 2027 : jusqu'à quand au plus tard ?": a dated case, its last day asked;
        # asked at a horizon ("sera-t-elle terminée d'ici septembre 2027 ?"), its last day against that date
        arguments = {"start": started}
        if months:
            arguments["months"] = round(months[0].months or 0)
        case = _pro_a_case(facts)
        if case:
            arguments["case"] = case
        return Plan("pro_a_duration", arguments)
    if months and not facts.general and (facts.personal or not facts.asks or re.search(r"\bdur\w*\b", facts.folded)):
        length = round(months[0].months or 0)
        arguments = {"months": length}
        case = _pro_a_case(facts)
        if case:
            arguments["case"] = case
        return Plan("pro_a_duration", arguments, ["case"] if length > 12 and case is None else [])
    case = _pro_a_case(facts)
    if case and re.search(_LENGTH_ASK, without_contract_description(facts.folded)) and not facts.general:
        return Plan("pro_a_duration", {"case": case})  # the case alone gives the longest Pro-A (art. 2.4)
    if (
        facts.personal
        and not facts.general
        and re.search(_LENGTH_ASK, without_contract_description(asking_sentence(facts.folded)))
    ):
        # "En CDI avec un bac+2, la Pro-A peut durer combien de temps pour moi ?": the length is asked, and
        # a case that names no extension of article 2.4 is the general one
        # a date tells when the Pro-A starts ("je démarre une Pro-A le mois prochain"), none of art. 2.4's cases
        told = parse_contract(facts.text) or parse_diploma_level(facts.text) or facts.durations
        # "combien de mois peut durer ma Pro-A à moi ?" tells nothing of the case: whether it is one of art. 2.4's
        # extensions (a young person, a job seeker, a qualification requiring it) is asked, not assumed away; the
        # length is the case's result asked ("jusqu'où puis-je étirer sa durée ?"), so the question back stands
        if told or AGE.search(facts.folded):
            return Plan("pro_a_duration", {})
        clause = asking_sentence(facts.folded).rsplit(":", 1)[-1]
        own = _OWN_ASKED.search(clause) is not None and not _RULE_LENGTH_ASKED.search(clause)
        return Plan("pro_a_duration", {}, ["case"], asked=own)
    certification = _listed_certification(facts)
    attribute = re.search(_ATTRIBUTE_ASK, facts.folded) and not re.search(_ASKS_ON_LIST, facts.folded)
    if re.search(_ASKS_LIST, facts.folded) and not attribute:
        if certification:
            return Plan("pro_a_certification", {"certification": certification, "as_of": facts.today})
        named = re.search(_NAMED_CERTIFICATION, facts.folded)
        if named and re.fullmatch(_GENERIC_NOUN, (named.group("name") or named.group("name2") or "").strip()):
            named = None  # "ce diplôme est-il accessible en Pro-A ?": the bare noun names none, it refers back
        if named and not re.search(
            _HELD_BEFORE, facts.folded[max(0, named.start() - 25) : named.start()]
        ):  # a certification outside the list, named as the subject of the question
            group = "name" if named.group("name") else "name2"
            name = facts.text[named.start(group) : named.end(group)].strip()
            return Plan("pro_a_certification", {"certification": name, "as_of": facts.today})
    return _pro_a_eligibility(facts)


# the Pro-A's start said with its date ("démarre le 1er février 2027", "commencera en mars 2027"), and its end asked
_STARTS = r"\b(?:demarr|commenc|debut|a partir d|a compter d)\w*\b[^.?!;:]{0,15}$"
_END_ASK = (
    # "jusqu'à quand", "jusqu'à quelle date", "jusqu'à quel mois": the last day asked, as the end's own words
    r"\bjusqu'(?:a|au|en) (?:quand|quel(?:le)? (?:date|jour|mois))\b|\bdate (?:de fin|limite|butoir)\b|"
    r"\bquelle date\b[^?]{0,30}\b(?:termin|fini|achev|cess|fin)\w*|\bquand\b[^?]{0,30}\b(?:termin|fini|achev|cess)\w*"
    r"|\b(?:fin|terme) (?:au plus tard|maximale?)\b|\b(?:termin|fini|achev)\w* (?:au plus tard )?quand\b"
    # the last day named as such: "son dernier jour", "la dernière date", "l'échéance", "quand s'arrête-t-elle"
    r"|\b(?:dernier|ultime) jour\b|\bderniere (?:date|journee)\b|\becheance\b"
    r"|\bquand\b[^?]{0,30}\b(?:s'arret|arret|prend\w* fin)\w*"
)


def _dated_start(facts: Facts) -> date | None:
    """The first day of the Pro-A when the message dates its start (a day or a month said after a verb of starting)."""
    for d in facts.dates:
        if (
            d.kind == "point"
            and d.precision in ("day", "month")
            and re.search(_STARTS, facts.folded[max(0, d.span[0] - 30) : d.span[0]])
        ):
            return d.start
    return None


def _closed_by_the_case(facts: Facts) -> Plan | None:
    """The eligibility plan when the person's stated contract or diploma closes the Pro-A (art. 2.3)."""
    if not (facts.personal or re.search(_SOMEONE, facts.folded)):
        return None
    contract = parse_contract(facts.text)
    diploma = parse_diploma_level(facts.text)
    if contract is None and diploma is None:
        return None
    if pro_a_eligibility(contract, diploma).eligible is not False:
        return None
    return Plan("pro_a_eligibility", _known(contract, diploma))


def _listed_certification(facts: Facts) -> str | None:
    """The listed certification a question names, by its list title; the user's own words when they name
    another kind of certification than that entry ("CQP manager stratégique" is not the Master manager
    stratégique), so that the calculator asks which one is meant instead of taking the closest."""
    for name, pats in _PRO_A_CERTS.items():
        match = next((m for p in pats if (m := p.search(facts.folded))), None)
        if match is None:
            continue
        start = max(0, match.start() - 30)
        lead = re.search(
            r"(?:\b(?:cqp|master|mba|diplome d'etat|licence|bts|titre)\b[^.?!,;]*)$",
            facts.folded[start : match.start()],
        )
        if lead:
            stated = kind_of(fold_wording(lead.group(0)))
            if stated and stated != kind_of(fold_wording(name)):
                return facts.text[start + lead.start() : match.end()].strip()
        return name
    return None


# a thing the Pro-A is open to, right before "ouvert(e)s": the list's members, not a person's access
_THING_OPEN = re.compile(r"\b(?:certifications?|diplomes?|titres?|formations?|qualifications?|cqp|metiers?)\s*$")


def _pro_a_eligibility(facts: Facts) -> Plan | None:
    """Pro-A beneficiaries (art. 2.3): the contract, and for a CDI the diploma (below the licence)."""
    contract = parse_contract(facts.text)
    diploma = parse_diploma_level(facts.text)
    wants = re.search(
        # "s'il peut partir en Pro-A : est-ce possible ?": going on the scheme, asked as possible, is access to it
        r"\b(?:beneficier|eligible|droit|acceder|acces|puis-je|peux-je|pourrais|ouvert|pretendre|possible|"
        # "est-ce que je rentre dans les critères ?", "je remplis les conditions ?": the conditions met
        r"criteres?|rempli\w*|concernee?|(?:r?entre|rentrer?|correspond\w*) (?:dans|a) (?:les|le|la|ses|ces))",
        facts.folded,
    )
    if wants and wants.group(0).startswith("ouvert") and _THING_OPEN.search(facts.folded[: wants.start()]):
        wants = None  # "dix certifications ouvertes à la Pro-A": what is open is a certification, not the asker
    asked = facts.asks or "?" in facts.text  # "elle peut prétendre à la Pro-A ?"
    if not facts.personal:
        # "Un salarié en CDI titulaire d'une licence peut-il faire une Pro-A ?": a case described in the
        # third person is answered when what it states decides article 2.3, otherwise the rule is quoted.
        someone = re.search(_SOMEONE, facts.folded)
        decided = (contract or diploma is not None) and not pro_a_eligibility(contract, diploma).missing
        return Plan("pro_a_eligibility", _known(contract, diploma)) if someone and decided and asked else None
    if facts.general or not (contract or diploma is not None or (wants and asked)):
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


# A person described in the third person: the case the facts are about ("un salarié en CDI titulaire…").
_SOMEONE = (
    r"\b(?:un|une|le|la|ce|cette|l')\s*(?:salariee?|agent|collegue|collaborat(?:eur|rice)|personne|employee?|"
    r"technicien(?:ne)?|gestionnaire|conseill(?:er|ere)|candidate?|alternante?)\b|\bquelqu'un\b"
)


def _known(contract: str | None, diploma: int | None) -> dict[str, Any]:
    known: dict[str, Any] = {"contract": contract} if contract else {}
    return known | ({"diploma_level": diploma} if diploma is not None else {})


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
    # "DE" (a diplôme d'État) is no preposition: "un de mes agents … peut partir en Pro-A" names no certification
    r"titre(?: professionnel)?|diplome(?: d'etat)?|de(?! (?:mes|mon|ma|nos|notre|vos|votre|ses|son|sa|leurs?|la|le|les|"
    r"ces|ce|cet|cette)\b| ?l')|cqp|deug|dcg|dscg|certificat)"
)
# The nouns of any certification ("ce diplôme", "le titre", "cette certification"): alone, they name none.
_GENERIC_NOUN = r"(?:diplome(?: d'etat)?|titre(?: professionnel)?|certificat(?:ion)?|cqp|de)"
_NAMED_CERTIFICATION = (
    rf"\b(?:le|la|l'|un|une|ce|cette) ?(?P<name>{_CERTIFICATION_NOUN}\b[^?.,;:!]{{0,50}}?)"
    r"\s+(?=(?:est-(?:il|elle)|est|figure|fait-(?:il|elle) partie|fait partie|peut-(?:il|elle)|"
    r"serait|ouvre|en pro ?-? ?a|par la pro ?-? ?a|dans le cadre)\b)"
    rf"|\bprepar\w* (?:le|la|l'|un|une|mon|ma) ?(?P<name2>{_CERTIFICATION_NOUN}\b[^?.,;:!]{{0,50}}?)"
    r"\s+(?=(?:en|par|avec|dans le cadre d'une|via) (?:la |une )?pro ?-? ?a\b)"
)
# "titulaire d'une licence peut-il faire une Pro-A ?": a certification held, not the one aimed at.
_HELD_BEFORE = (
    r"\b(?:titulaires?|diplomee?s?|detent(?:eur|rice)s?|possed\w*|j'ai|il a|elle a|ayant|avec|deja)\s*(?:d'|de |du )?$"
)
# "en CDD de 18 mois", "un contrat de 2 ans": the contract's length, not the Pro-A's.
_CONTRACT_LENGTH = (
    r"\b(?:cdd|cdi|contrat(?: a duree (?:in)?determinee)?|interim|mission|cui)(?:(?: [a-z]+)? d(?:e |')| )$"
)
# The asker or their case in the asking clause ("puis-je", "ma Pro-A", "pour moi"): the length is asked of one's own
# Pro-A, not of the scheme ("une Pro-A dure entre combien et combien de mois ?")
_OWN_ASKED = re.compile(r"\b(?:je|j'|moi|me|m'|ma|mon|mes|puis-je|pourrai-je|pourrais-je)(?=\W|$)")
# The length asked as the rule gives it, or something else asked beside it: the usual length ("normalement", "en
# principe"), its minimum (art. 2.4: "comprise entre 6 et 12 mois", the same for every case; only the longest depends
# on it), or another noun ("quel document vient modifier mon contrat … pour préciser la durée ?": the avenant)
_RULE_LENGTH_ASKED = re.compile(
    r"\b(?:normalement|en principe|en general|habituellement|d'ordinaire|minimum|minimale?s?)\b"
    r"|\bquel(?:le)?s? (?!dur\w*|temps\b|longueur|periode)[a-z]+"
)
_LENGTH_ASK = (
    r"\b(?:dur(?!ee (?:in)?determinee)\w*|combien de (?:temps|mois)|jusqu'a (?:quand|combien)|maximum|max|"
    r"au plus|allong\w*|prolong\w*)\b"
)
_PRO_A_LENGTH = r"\bpro ?- ?a\b|\bpro a\b|\bdur\w*|\bpendant\b|\bprevu\w*|\bs'et\w*|\bavenant\b"
_EXTENDED_PUBLIC = (
    r"\bqualification (?:est )?insuffisante\b|\bl\. ?6325-1-1\b|\bpublics? (?:prioritaires?|vises?)\b"
    r"|\bfaiblement qualifie|\bbas niveau de qualification\b"
    # art. 2.5's "dont la qualification est insuffisante" said with the adjective: "peu qualifié", "pas assez
    # qualifiée", "insuffisamment qualifié", "une qualification trop faible"
    r"|\b(?:peu|insuffisamment|pas (?:assez|suffisamment)|trop peu) qualifie|\bqualification (?:trop )?faible\b"
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
    # (the ages art. 3.4 reads: "mon collègue de 22 ans" as well as "j'ai 22 ans"; art. 2.4 lists the same publics)
    age = AGE.search(folded)
    if re.search(r"\bdemandeur d'emploi\b|\bjeune\b", folded) or (age and 16 <= int(age.group(1)) <= 25):
        return "young_or_jobseeker"
    if re.search(
        r"\b(?:qualification reconnue|cqp|diplome|titre) [^.?!]{0,30}\b(?:branche|rncp)\b|\bcqp\b"
        r"|\bqualifications? (?:de|de la|par la) branche\b",
        folded,
    ):
        return "branch_qualification"
    return None
