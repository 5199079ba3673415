"""Reader for the CEP absence (art. 5): contract, total seniority and seniority in the organisation.

Users state lengths of service in many ways ("7 ans d'ancienneté dont 3 dans ma caisse", "depuis
3 ans ici", "10 ans avant"); telling total seniority from time in the organisation is most of the
work, so it has its own module.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from assistant.routing.calculator_inputs.facts import Facts, Plan
from assistant.routing.extraction.dates import DateSpan
from assistant.routing.extraction.numbers import parse_number
from assistant.routing.extraction.quantities import Duration
from assistant.routing.extraction.situation import parse_contract, parse_far
from calculators.dates import add_years

# "c'est mon premier emploi": all the salaried seniority is the time in the organisation.
_FIRST_JOB = (
    r"\b(?:mon|son|leur|notre) (?:tout )?premier (?:emploi|poste|job|boulot|contrat|travail)\b|"
    r"\bpremiere experience (?:professionnelle|salariee)\b|\b(?:jamais|pas) (?:travaille|ete salariee?) "
    r"(?:avant|auparavant|ailleurs)\b|\bsorti\w* (?:de l'ecole|d'etudes|des etudes)\b"
)
_ORG_AFTER = (
    r"^ *(?:de (?:boite|maison|caisse|organisme|entreprise|structure)\b|"  # "7 ans de boîte", "10 ans de maison"
    # "14 mois de CDI à la CAF": the contract said between the length and the place
    r"(?:(?:de|en) (?:cdi|cdd|contrat(?: a duree (?:in)?determinee)?) )?"
    r"(?:dans|au sein d[eu']|chez|a la|a l')\s*(?:ma|mon|notre|cette|cet|l'|la|le|les)? ?"
    r"(?:caisse|organisme|entreprise|structure|cpam|caf|urssaf|carsat|msa|cgss|agence|etablissement|"
    r"employeur|boite|service|ugecam|union|direction|maison|poste)|ici\b|chez nous\b|"
    # "ça fait 10 mois que je suis là": the length of the user's presence where they speak from, also with the
    # contract or the post said in between ("ça fait quinze ans que je suis en CDI dans mon organisme")
    r"que (?:je|j'|il|elle|on) ?(?:suis|est|travaille|bosse|exerce)\w*(?: [^.?!;,]{0,30}?)? "
    r"(?:ici|la|chez nous|(?:dans|au sein d[eu']|chez|a la|a l')\s*(?:ma|mon|notre|cette|cet|l'|la|le|sa|son)? ?"
    r"(?:caisse|organisme|entreprise|structure|cpam|caf|urssaf|carsat|msa|cgss|agence|etablissement|employeur|"
    r"boite|ugecam|maison))\b)"
)
_FIRST_MONTH = (
    r"\b(?:mon|son|ma|sa) (?:tout )?premier(?:e)? (?:mois|semaine|jour)s? (?:ici|dans|au sein|chez|a la|a l')|"
    r"\b(?:arrive|embauche|recrute)e?s? (?:il y a|depuis) (?:\d+|une|deux|trois) (?:jours|semaines?)\b"
)
_PRIOR_AFTER = (
    r"\b(?:avant|auparavant|precedemment|ailleurs|anterieure?s?)\b"
    # "deux ans dans une autre boîte", "chez un autre employeur", "dans d'autres caisses": another organisation
    r"|\b(?:une?|d'|l'|les|des) ?autres? (?:employeur|boite|caisse|entreprise|organisme|structure|societe|"
    r"administration|branche|job|poste|emploi)s?\b"
)
_TOTAL_AFTER = (
    r"\b(?:en tout|au total|totale?s?|tous employeurs|de carriere|au cours des (?:5|cinq) dernieres|"
    r"sur les (?:5|cinq) dernieres|sur (?:les )?(?:5|cinq) (?:dernieres )?(?:ans|annees))\b"
    # "ça fait une douzaine d'années que je suis salarié", "12 ans comme salariée": art. 5's "ancienneté en tant que
    # salarié" in the asker's words, whatever the employer
    r"|\bque (?:je suis|j'etais|il est|elle est|il etait|elle etait) salarie\w*|\b(?:comme|en tant que) salarie\w*"
)
# "3 ans de carrière en tout, tous ici": the whole seniority was acquired in the organisation.
_ALL_HERE = (
    r"\b(?:tous|toutes|tout|entierement|uniquement|exclusivement|seulement|toujours)\b(?: \w+)? "
    r"(?:ici|chez nous|dans (?:ma|mon|la|le|cette|cet|notre) (?:caisse|organisme|entreprise|structure)|"
    r"au sein de (?:ma|mon|la|notre|cette) \w+)"
    # "toujours dans la même caisse", "le même employeur depuis le début", "jamais changé d'employeur"
    r"|\b(?:meme|seul|unique) (?:employeur|organisme|caisse|entreprise|boite|structure)\b"
    r"|\bjamais (?:change|quitte)\w* (?:d'employeur|d'organisme|de caisse|de boite|la caisse|l'organisme)"
    # "et c'est tout mon parcours salarié (sur les 5 dernières années)": nothing before it
    r"|\b(?:c'est|c'etait|voila|ca fait) (?:tout|toute|l'ensemble de) (?:mon|ma|son|sa) (?:parcours|experience|"
    r"activite|anciennete|carriere|vie professionnelle)\b"
)


def plan_cep(facts: Facts) -> Plan | None:
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
        and not re.search(r"\b(?:il y a|des|les|sur)\s*$", facts.folded[max(0, d.span[0] - 8) : d.span[0]])
    ]
    org: float | None = None
    total: float | None = None
    prior = 0.0
    ranges: dict[str, Duration] = {}  # "entre 20 et 30 mois": a range that may straddle a threshold
    unplaced: list[Duration] = []
    for i, d in enumerate(seniority):
        kind = _labelled_kind(facts.folded, d) or _seniority_kind(
            facts.folded, d, first=i == 0, last=i + 1 == len(seniority)
        )
        if kind is None:
            unplaced.append(d)
        if kind in ("total", "org") and d.low is not None:
            ranges[kind] = d
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
        elif re.search(_FIRST_MONTH, facts.folded):
            org = 0.0  # "c'est mon premier mois ici": not one full month yet
    if org is None:
        org = _months_since_month(facts)
    if org is None:
        org = _months_since_entry(facts)
    if org is None and total is not None and re.search(_ALL_HERE, facts.folded):
        org = total
    if total is None and org is not None and re.search(_ALL_HERE, facts.folded):
        total = org  # "en CDD dans ma caisse depuis 6 mois, et c'est tout mon parcours salarié"
    if org is None and total is None and len(unplaced) == 1 and re.search(_ALL_HERE, facts.folded):
        org = total = unplaced[0].months  # "CDI / 10 ans / tous ici": one length, all of it here
    if total is None:
        # "en CDI depuis un an et demi dans mon organisme, et salarié depuis 2012": the career's start, said apart
        working = _months_working_since(facts)
        total = working if working is not None and working != org else None
    notes: list[str] = []
    if total is None and prior:
        total = (org or 0.0) + prior
    recent = _cep_recent(facts)
    if recent and facts.personal:  # a CEP in the last 5 years decides, whatever the contract (art. 5)
        dated = _cep_date(facts)  # "en mars 2022 : à partir de quand ?": the date the 5 years are past
        if dated is None:
            return Plan("cep_absence", {"cep_in_last_5_years": True})
        said, day = dated
        notes = (
            []
            if said is None
            else [f"Conseil daté « {said} » : dernier jour retenu, le délai de 5 ans étant alors sûr."]
        )
        return Plan("cep_absence", {"cep_in_last_5_years": True, "last_cep": day}, notes=notes)
    if not (contract or seniority or recent or org is not None) and not (facts.personal and facts.asks):
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
    # a range across the article's threshold leaves the condition open: that figure is asked, not guessed
    for kind, name, thresholds in (("total", "total", (24, 60)), ("org", "org", (4, 12))):
        ranged = ranges.get(kind)
        if ranged is None or ranged.low is None:
            continue
        low = ranged.low * (ranged.months or 0) / ranged.value if ranged.value else ranged.low
        relevant = (
            thresholds if contract not in ("CDI", "CDD") else (thresholds[1] if contract == "CDI" else thresholds[0],)
        )
        if any(low < t <= (ranged.months or 0) for t in relevant):
            notes.append(f"« {ranged.text} » : fourchette de part et d'autre du seuil de l'article 5, à préciser.")
            if name == "total":
                total = None
            else:
                org = None
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
    if total is not None and contract == "CDD" and total > 60:
        # "CDD, 12 ans de carrière": a CDD's activity is counted over the last 5 years (art. 5), 60 months at most
        notes.append("CDD : l'activité salariée est comptée sur les 5 dernières années, soit 60 mois au plus.")
        total = 60.0
        org = None if org is None else min(org, total)
    if total is not None:
        arguments["months_as_employee"] = round(total)
    if org is not None:
        arguments["months_in_organisation"] = round(org)
    far = parse_far(facts.text)
    if far is not None:
        arguments["provider_far"] = far
    if recent is not None:
        arguments["cep_in_last_5_years"] = recent
    return Plan("cep_absence", arguments, list(dict.fromkeys(missing)), notes)


def _months_since_month(facts: Facts) -> float | None:
    """Time in the organisation from "depuis mars 2014" or "en CDI depuis 2015": a month or a year, whose
    first and last days bound the time; the lower bound is kept when no threshold of article 5 (4 and 12
    months here, 24 and 60 in all) falls between the two, and nothing otherwise (then it is asked)."""
    for d in facts.dates:
        if d.kind != "since" or d.precision not in ("month", "year") or _of_the_past_job(facts, d):
            continue
        stated = _stated_since(facts, d)
        if stated is None or stated >= facts.today:
            continue
        low = (facts.today - stated).days / 30.44
        high = (facts.today - d.start).days / 30.44
        if not any(low < t <= high for t in (4, 12, 24, 60)):
            return low
    return None


# Words of a whole working life, before a "depuis" date: "salarié depuis 2012", "je travaille depuis 2008",
# "dans la vie active depuis 2010", "en activité depuis mars 2015"
_WORKING_SINCE = re.compile(
    r"\b(?:salarie\w*|travaill\w*|carriere|en activite|vie active|cotis\w*|sur le marche du travail)\b[^.?!;,]{0,15}$"
)


def _months_working_since(facts: Facts) -> float | None:
    """Total seniority as an employee from "salarié depuis 2012": counted from the last day the date can mean, a
    lower bound kept only when no threshold of article 5 (24 and 60 months) falls between its two readings."""
    for d in facts.dates:
        if d.kind != "since" or not _WORKING_SINCE.search(facts.folded[max(0, d.span[0] - 40) : d.span[0]]):
            continue
        stated = d.start if d.precision == "day" else _stated_since(facts, d)
        if stated is None or stated >= facts.today:
            continue
        low = (facts.today - stated).days / 30.44
        high = (facts.today - d.start).days / 30.44
        if not any(low < t <= high for t in (24, 60)):
            return low
    return None


def _of_the_past_job(facts: Facts, d: DateSpan) -> bool:
    """Whether a "depuis" date closes a length said of the time before or elsewhere ("27 mois de salariat ailleurs
    depuis 2022"): it dates that earlier career, not the time in the organisation."""
    before = re.split(r"[.;!?]", facts.folded[max(0, d.span[0] - 40) : d.span[0]])[-1]
    return bool(re.search(_PRIOR_AFTER, before))


def _stated_since(facts: Facts, d: DateSpan) -> date | None:
    """The last day a "depuis <mois|année>" can mean: the end of that month or year."""
    if d.precision == "year":
        return date(d.start.year, 12, 31)
    nxt = date(d.start.year + (d.start.month == 12), d.start.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _months_since_entry(facts: Facts) -> float | None:
    """Time in the organisation from the date of entry ("entrée dans la caisse en 2003", "embauché en
    mars 2019"), counted from the last day the date can mean: a lower bound, which decides only when
    it already meets the condition."""
    for d in facts.dates:
        if d.kind != "point" or d.end >= facts.today:
            continue
        before = facts.folded[max(0, d.span[0] - 70) : d.span[0]]
        # "arrivée à l'Urssaf il y a trois ans": a date counted back from today needs no preposition
        ago = facts.folded.startswith("il y a", d.span[0]) and re.search(_ENTRY_WORD + r"[^.?!;]{0,60}$", before)
        if ago or re.search(_ENTRY_BEFORE, before):
            return (facts.today - d.end).days / 30.44
    return None


_ENTRY_WORD = (
    r"(?:\b(?:entree?s?|arrivee?s?|embauchee?s?|recrutee?s?|titularisee?s?|rentree?s?|rejoint|integree?s?)\b"
    # "j'ai signé un contrat … à la Caf il y a 3 mois": the contract signed here starts the time here
    r"|\bsigne \w+ (?:cdi|cdd|contrat)\b"
    # a move from one organisation to this one ("passé de la CPAM à l'Urssaf", "mutée de la CAF vers la
    # Carsat"), not a change of contract ("passé de CDD en CDI")
    r"|\b(?:passee?s?|mutee?s?|transferee?s?) (?:de|d'|du|des)\b[^.?!;]{0,30}\b(?:a|au|aux|vers|chez|dans)\b"
    r"(?! (?:un |le |en )?(?:cdi|cdd|contrat))"
    r"|\bmutee?s?\b)"
)
# "entrée dans la caisse en mars 2019", and the label of a form or a payslip: "Entrée : 01/09/2025", "date
# d'embauche - 03/2020"
_ENTRY_BEFORE = (
    _ENTRY_WORD + r"(?:[^.?!;]{0,40}\b(?:en|le|depuis|au|a|le \d{1,2}|debut|fin)\s*(?:\w+ )?|\s*(?:[:=]|-)\s*)$"
)


# A length given after its label, as in a form or an adviser's note: "Dans l'organisme : 3 ans",
# "ici depuis 18 mois", "Ancienneté : 8 ans", "ancienneté totale 6 ans".
_ORG_LABEL = (
    r"(?:\b(?:dans|au sein d[eu']|chez|a la|a l'|en)\s*(?:l'|la |le |ma |mon |notre |cette |cet )?"
    r"(?:caisse|organisme|entreprise|structure|boite|maison|cpam|caf|urssaf|carsat|msa|cgss|ugecam)"
    r"|\bici|\banciennete (?:dans|au sein d[eu']|chez)\s*(?:l'|la |le |ma |mon |notre )?\w+)"
    r"\s*(?:[:=-]\s*|depuis\s*)?$"
)
_TOTAL_LABEL = (
    r"\b(?:anciennete|experience|activite|salariat)(?: (?:totale|salariee|globale|professionnelle|en tout))?"
    # the article's own window for a CDD ("au cours des 5 dernières années"), said in the label
    r"(?: (?:sur|au cours des|durant|pendant|dans) (?:les )?(?:5|cinq) (?:dernieres )?(?:ans|annees)(?: dernieres)?)?"
    r"\s*(?:[:=-]\s*|de\s*)?$"
)


def _labelled_kind(folded: str, d: Duration) -> str | None:
    """Whether a length follows a label of time in the organisation or of total seniority, in its clause."""
    before = re.split(r"[.;,/!?\n]", folded[max(0, d.span[0] - 80) : d.span[0]])[-1]
    if re.search(_ORG_LABEL, before):
        return "org"
    if re.search(_TOTAL_LABEL, before):
        return "total"
    return None


def _seniority_kind(folded: str, d: Duration, *, first: bool, last: bool) -> str | None:
    """Whether a length of service is total seniority, time in the organisation, or time before it.

    "7 ans d'ancienneté dont 3 dans ma caisse": total, then organisation. "depuis 3 ans dans ma
    caisse": organisation. "10 ans d'expérience salariée avant": before. "7 ans d'ancienneté en
    tout": total. A bare "d'ancienneté" / "d'expérience" is read as total seniority.
    """
    after = folded[d.span[1] : d.span[1] + 60]
    # the length's own clause: "10 mois que je suis là et avant 2 ans ailleurs" puts "avant" in the next one
    clause = re.split(r"[.;]| et | mais | puis ", after)[0]
    before = folded[max(0, d.span[0] - 40) : d.span[0]]
    if not last and re.match(r"^[^.?!;]{0,30}\bdont\b", after):
        return "total"
    # "après 8 ans à la CPAM", "et avant ça deux ans …": where they were before
    if re.search(r"\b(?:apres|avant|auparavant)(?: (?:ca|cela))?\s*,?\s*$", before):
        return "prior"
    if (not first and re.search(r"\bdont\s*$", before)) or re.match(_ORG_AFTER, after):
        return "org"
    if re.match(r"^ *d'anciennete " + _ORG_AFTER[3:], after):
        return "org"
    if re.search(_PRIOR_AFTER, clause) or re.search(r"\b(?:avant|auparavant)\b[^.?!]*$|\bapres\s*$", before):
        return "prior"
    if re.search(_TOTAL_AFTER, clause) or re.match(r"^ *(?:d'(?:anciennete|experience|activite)|de salariat)", after):
        return "total"
    return "org" if re.search(r"\bdepuis\s*$", before) else None


def _cep_date(facts: Facts) -> tuple[str | None, date] | None:
    """The day of the CEP already had, when dated in its clause: the day said, or the last day of the month or year
    said ("en mars 2022": the 5 years are surely past from 31 March 2027), with that month or year as written."""
    done = _cep_done(facts.folded)
    if done is None:
        return None
    for d in facts.dates:
        if d.kind == "point" and d.end < facts.today and d.span[0] < done.end() + 40 and d.span[1] > done.start():
            return (None, d.start) if d.precision == "day" else (d.text, d.end)
    return None


_CEP_DONE = re.compile(
    # in its clause: "j'ai eu 2 ans ailleurs : CEP possible ?" names the CEP after the colon, as the question;
    # the adviser met stands for the advice had ("j'ai déjà rencontré un conseiller en évolution professionnelle")
    # ("puis-je déjà poser la demi-journée pour voir un conseiller ?" asks ahead: no advice had)
    r"\b(?:deja(?! (?:poser|demander|prendre|partir|aller|y aller|avoir|beneficier|faire (?:la|une|ma) demande))"
    r"|j'ai (?:eu|fait|beneficie|suivi|realise|rencontre|vu|consulte)"
    # told of the person an adviser describes: "une salariée en CDI depuis dix ans a eu un CEP en avril 2022"
    r"|(?<!\bsi )(?<!\bs'il )(?:\b(?:il|elle|qui)|[a-z]{3,}) a (?:eu|fait|beneficie|suivi|realise))\b[^.?!:;]{0,40}"
    r"\b(?:cep|conseil en evol|conseill(?:er|ere) en evol)[^.?!]*"
)


# The CEP had, told by a pronoun or "dernier" standing for the CEP the message names ("J'en ai eu une en septembre
# 2022", "Mon dernier date de novembre 2022"), as "j'ai eu un CEP" tells it; not in a hypothesis ("si j'en ai déjà eu
# un il y a trois ans": the rule asked on a supposed case)
_CEP_HAD_ANAPHORA = re.compile(
    r"(?<!\bsi )\bj'en ai (?:deja )?(?:eu|fait|beneficie|suivi)\b[^.?!]*"
    r"|\b(?:mon|le) dernier\b (?:(?:cep|conseil)\b[^.?!]{0,30})?(?:date|remonte|a eu lieu|etait)\b[^.?!]*"
)
_CEP_NAMED = re.compile(r"\b(?:cep|conseil en evolution)\b")


def _cep_done(folded: str) -> re.Match[str] | None:
    """The clause telling the CEP already had: in the first person, or by a pronoun standing for it."""
    done = _CEP_DONE.search(folded)
    if done is None and _CEP_NAMED.search(folded):
        done = _CEP_HAD_ANAPHORA.search(folded)
    return done


def _cep_recent(facts: Facts) -> bool | None:
    """Whether the user already had a CEP in the last 5 years ("déjà fait un CEP il y a 2 ans")."""
    folded = facts.folded
    if re.search(r"\bjamais\b[^.?!]{0,40}\b(?:cep|conseil en evolution)", folded) or re.search(
        r"\b(?:premier|premiere fois)\b[^.?!]{0,15}\b(?:cep|conseil en evolution)", folded
    ):
        return False
    done = _cep_done(folded)
    if not done:
        return None
    # "j'ai fait un CEP en mars 2023": the date said with it tells whether it falls in the last 5 years, counted
    # back from the date the question is asked at ("D'ici mai 2027, pourrai-je … ?": `Facts.horizon`) or today
    limit = add_years(facts.horizon or facts.today, -5)
    for d in facts.dates:
        if d.kind == "point" and d.end < facts.today and d.span[0] < done.end() + 40 and d.span[1] > done.start():
            return True if d.start >= limit else False if d.end < limit else None
    ago = re.search(r"\bil y a (\d+|un|une|deux|trois|quatre|cinq|six|sept|huit) ans?\b", folded)
    return not (ago and parse_number(ago.group(1)) >= 5)
