"""What every calculator-input reader needs from a question, read once, and the readings they share.

Each topic's reader asks the same things — is the user speaking of their own case, do they ask for
a figure, which dates and durations are there — so those are read once into `Facts`. The helpers
below answer the questions several readers ask of those dates and durations (which are periods,
which are part of a date, which are thresholds being asked about).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from assistant.routing import calculator_vocabulary
from assistant.routing.extraction.conjunctions import mask_conjunctions
from assistant.routing.extraction.corrections import drop_corrected
from assistant.routing.extraction.dates import DateSpan, parse_dates
from assistant.routing.extraction.folding import fold
from assistant.routing.extraction.holidays import name_days
from assistant.routing.extraction.horizon import horizon_of
from assistant.routing.extraction.quantities import Duration, parse_durations
from assistant.routing.extraction.situation import parse_contract, parse_diploma_level, parse_work_time
from assistant.routing.extraction.spelled import spell_digits
from assistant.routing.extraction.year_parts import name_year_parts
from calculators.dates import add_years
from calculators.result import CalcError

_FIRST_PERSON = re.compile(calculator_vocabulary.FIRST_PERSON)
_CASE_SUBJECT = re.compile(calculator_vocabulary.CASE_SUBJECT)
_NAMED_PERSON = re.compile(calculator_vocabulary.NAMED_PERSON)
_CASE_FOR_SOMEONE = re.compile(calculator_vocabulary.CASE_FOR_SOMEONE)
# A person named by a first name, as an adviser writes a file: "Pour Karim, technicien en CDI, …",
# "Dossier de Nadia : …", "Concernant Julien qui …" (read on the original text, capitals kept).
_FIRST_NAME = re.compile(
    # (or as the one whose interview it is: "Pour l'entretien de Sophie, CDD de 10 mois, …")
    r"\b(?:[Pp]our|[Cc]oncernant|[Dd]ossier d[e']|[Cc]as d[e']|[Ss]ituation d[e']|[Qq]uid d[e']"
    r"|[Ee]ntretiens? (?:pros? |professionnels? |de bilan |annuels? )?d[e'])\s*"
    r"(?P<name>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\b"
    # (or ending the question: "On est à jour des entretiens professionnels pour Paul ?")
    r"(?=\s*[,:;(?]|\s+(?:est|a|qui|travaille|souhaite|veut|voudrait|aimerait|en|vient|sera|était)\b)"
)
# A fact told of someone by a pronoun, in a sentence that asks nothing: "il a déjà fait un CEP en 2023.", "elle est
# entrée en mars 2019 en CDI;" (an adviser describing an employee). The same words in the question ("la prime, elle
# est versée quand ?") tell no case: the sentence must end before any question mark.
_TOLD_OF_SOMEONE = re.compile(
    r"(?:^|[.;:!\n,]\s*)(?:et )?(?:il|elle) (?:n'|ne )?(?:a|est|avait|etait|travaille|dispose|totalise|cumule)\b"
    r"[^.?!;:\n]*(?:[.;:\n]|$)"
)
_ASKING_FRAME = re.compile(calculator_vocabulary.ASKING_FRAME)
_AMOUNT = re.compile(calculator_vocabulary.AMOUNT_ASK)
_ASKS = re.compile(calculator_vocabulary.COMPUTE_ASK)
_GENERAL = re.compile(calculator_vocabulary.GENERAL_PHRASING)
_THRESHOLD = re.compile(calculator_vocabulary.THRESHOLD_WORDS)


@dataclass(frozen=True)
class Facts:
    """The cleaned question and what every reader needs from it: dates, durations, its phrasing.

    `personal`: the user speaks of themselves, or of a colleague's case in the third person ("une
    collègue est en CDD depuis 3 mois", "pour Mme Diallo"); `asks`: they ask for a figure or a yes/no;
    `amount`: they ask for an amount or a date (not only whether they are entitled); `general`: a rule is asked about
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
    # the date to come the question is asked at ("D'ici mars 2027, …": `extraction.horizon`), kept out of `dates`
    horizon: date | None = None


@dataclass
class Plan:
    """A reader's outcome: the calculator, its arguments, what is still missing, and its assumptions."""

    calculator: str
    arguments: dict[str, Any]
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # the rule's result is asked for the case told (`asked_result`): the missing inputs are asked back, the
    # router's own check of a case asked (`own_case.asks_own_case`) already made
    asked: bool = False


def read_facts(text: str, folded: str, today: date) -> Facts:
    """Read once what all readers use; `folded` is `extraction.folding.fold(text)`.

    Numbers written in words ("dix-huit mois", "le quinze mars deux mille vingt-sept") are rewritten
    in digits first (`extraction.spelled`), so every reader sees them as it sees "18 mois"; a figure the
    user takes back ("sept, euh non pardon, six") is dropped (`extraction.corrections`).
    """
    # "de la fête du Travail au 14 juillet", "la veille du 14 juillet 2023": days named by the calendar, as dates
    # "sur tout le premier semestre": the half-year's first and last days
    spelled = name_year_parts(name_days(drop_corrected(spell_digits(text)), today), today)
    if spelled != text:
        text, folded = spelled, fold(spelled)
    unframed = _ASKING_FRAME.sub(" ", folded)
    personal = bool(
        _FIRST_PERSON.search(unframed)
        or _CASE_SUBJECT.search(unframed)
        or _NAMED_PERSON.search(unframed)
        or _CASE_FOR_SOMEONE.search(unframed)
        or _FIRST_NAME.search(text)
        or terse_case(text)
        or bool(_TOLD_OF_SOMEONE.search(unframed))
    )
    asked = mask_conjunctions(folded)  # "quand je suis en formation": a circumstance, not a date asked
    classes = [m.span() for m in _CLASS_CLAUSE.finditer(folded)] + claimed_rules(folded) + time_of_asking(folded)
    dates = [d for d in parse_dates(text, today) if not _inside(d.span, classes)]
    horizon = horizon_of(folded, dates, today)  # the moment asked at is no event of the case
    return Facts(
        text=text,
        folded=folded,
        today=today,
        dates=[d for d in dates if d is not horizon],
        durations=[d for d in parse_durations(text) if not _inside(d.span, classes) and not _is_age(text, folded, d)],
        personal=personal,
        # a case asked at a date to come ("D'ici fin 2027, ma caisse aura-t-elle l'obligation de … ?") asks its result
        asks=bool(_ASKS.search(asked)) or (horizon is not None and personal and "?" in folded),
        general=not personal and bool(_GENERAL.search(folded)),
        amount=bool(_AMOUNT.search(asked)),
        horizon=horizon.end if horizon is not None else None,
    )


def names_by_first_name(text: str) -> bool:
    """Whether the message names the person its case is about by a first name, as an adviser writes a file
    ("Pour Karim, technicien en CDI, …", "On est à jour des entretiens pour Paul ?"): one person's case."""
    return bool(_FIRST_NAME.search(text))


def time_of_asking(folded: str) -> list[tuple[int, int]]:
    """Spans of "aujourd'hui" / "à ce jour" that date the asking, not an event of a case.

    "… l'accord parle d'un OPCO : vers qui se tourner aujourd'hui pour un contrat pro ?": in a clause that asks
    who, what or how, and names nobody, "aujourd'hui" says which rule is in force now; it is no certification,
    hire or training date. "J'ai eu mon CQP aujourd'hui, quel salaire ?" keeps it (its own clause, a person's
    event), and so does "quel salaire si je suis certifié aujourd'hui ?" (a person in the clause).
    """
    spans: list[tuple[int, int]] = []
    for clause in re.finditer(r"[^.?!:;,]*\?", folded):
        text = clause.group(0)
        if not _WH_ASK.search(text) or _SOMEONE.search(text) or re.search(r"\b(?:quand|date)\b", text):
            continue
        spans += [(clause.start() + m.start(), clause.start() + m.end()) for m in _NOW.finditer(text)]
    return spans


_NOW = re.compile(r"\b(?:aujourd'hui|a ce jour|actuellement|en ce moment|a present|desormais)\b")
_WH_ASK = re.compile(r"\b(?:qui|quel\w*|quoi|comment|combien|lequel|laquelle|lesquel\w*)\b")


# A relative clause that defines a class of people ("ceux qui n'ont eu aucune formation depuis quatre ans",
# "les salariés ayant plus de 5 ans d'ancienneté"): its dates and lengths are the class's definition, a
# condition of the rule asked about, not anyone's case. A singular head ("un salarié qui a 3 ans
# d'ancienneté") is a hypothetical case and keeps its facts.
_CLASS_CLAUSE = re.compile(
    r"\b(?:ceux|celles|tous ceux|toutes celles|les (?:salariee?s|agents|personnes|collaborat(?:eurs|rices)|"
    r"employee?s|gens|beneficiaires|candidate?s|tuteurs|tutrices|formateurs|formatrices))"
    r"(?: \w+)? (?:qui|dont|n'ayant|ayant|justifiant|totalisant)\b[^,.;:?!]*"
)


# A quotation that names nobody ("ma collègue m'a dit : « la prime formateur est rétroactive au 1er janvier
# 2020 »", 'on lit "le congé VAE passe à 48 h en 2019"') states a rule someone claims, not the asker's case:
# its dates and lengths are the claim's, to be checked against the texts, never facts to compute with. A
# quotation addressed to someone ("« Votre mission a couru du 1er mars au 31 août »", "« Tu seras tutrice
# à partir de janvier »") is that person's case and keeps its facts.
_QUOTATION = re.compile(r"«(?P<q>[^«»]{8,400})»|\u201c(?P<c>[^\u201c\u201d]{8,400})\u201d|\"(?P<s>[^\"]{8,400})\"")
_SOMEONE = re.compile(
    r"\b(?:je|j'|tu|t'|vous|votre|vos|nous|notre|nos|mon|ma|mes|ton|ta|tes|il|elle|ils|elles|lui|son|sa|ses|"
    r"m'|me|moi|te|toi|madame|monsieur|mme|m\.)(?=\W|$)"
)


# A claim states something: its quotation has a finite verb ("la prime est due", "le tutorat rapporte"). A line
# of a file or a form ("« Agent X — formation garantie (art. 8) — aucune formation depuis 01/2022 »") has none:
# it records someone's case, whose facts are kept.
_STATES = re.compile(
    r"\b(?:est|sont|etait|etaient|sera|seront|serait|a|ont|avait|aura|passe|passent|rapporte\w*|donne\w*|vaut|"
    r"valent|dure\w*|existe\w*|s'applique\w*|commence\w*|court|courent|doit|doivent|peut|peuvent|faut|touche\w*|"
    r"beneficie\w*|ouvre\w*|verse|versent|augmente\w*|baisse\w*)\b"
)


def claimed_rules(folded: str) -> list[tuple[int, int]]:
    """The spans of the quotations in `folded` that state something and name no person: a rule claimed, not a
    case told."""
    spans = []
    for m in _QUOTATION.finditer(folded):
        quoted = next(m.group(g) for g in ("q", "c", "s") if m.group(g) is not None)
        # « ils m'ont dit que la Pro-A dure 5 ans minimum »: the person is the one told, the claim what follows
        quoted = _REPORTED.sub("", quoted, count=1)
        if _STATES.search(quoted) and not _SOMEONE.search(quoted):
            spans.append(m.span())
    return spans


# The lead of a reported claim inside a quotation: "ils m'ont dit que", "on m'a affirmé que", "il paraît que".
_REPORTED = re.compile(
    r"^[^.?!]{0,40}?\b(?:dit|dite|disent|affirme\w*|explique\w*|assure\w*|pretend\w*|raconte\w*|ecrit|repondu|"
    r"annonce\w*|parait|soutenu|certifie\w*)\s+(?:que|qu')\s*"
)


def quoted_claims(folded: str) -> list[tuple[int, int]]:
    """The spans of quotations that are someone else's words, in a message that asks outside them (issue #13 p4).

    "Offre d'emploi vue en ligne : « Contrat pro, rémunéré sur la base du niveau 1 pendant la formation ». Pour
    un emploi visé de niveau 3, quelle base … ?": the quote asks nothing, names no person, and its lead-in tells
    no case of the user's own (no first person: "mon contrat indique « … »" would), so its figures are the
    source's claim, never the case's facts; the question outside the quote gives the case.
    """
    if "?" not in _QUOTATION.sub(" ", folded):
        return []
    spans = []
    for m in _QUOTATION.finditer(folded):
        quoted = next(m.group(g) for g in ("q", "c", "s") if m.group(g) is not None)
        lead = folded[max(folded.rfind(c, 0, m.start()) for c in ".?!\n") + 1 : m.start()]
        if "?" not in quoted and not _SOMEONE.search(quoted) and not _SOMEONE.search(lead):
            spans.append(m.span())
    return spans


def outside_claims(facts: Facts) -> str:
    """The folded message with the quoted claims blanked (`quoted_claims`), positions kept, for readers that
    search the text itself (a level, a contract) rather than the dates and lengths already read."""
    folded = facts.folded
    for start, end in quoted_claims(folded):
        folded = folded[:start] + " " * (end - start) + folded[end:]
    return folded


def _inside(span: tuple[int, int], clauses: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in clauses)


def asking_sentence(folded: str) -> str:
    """The sentence that asks: from the last sentence break before the last question mark to it; the
    whole text when there is no question mark (a case told, or a question without its mark)."""
    end = folded.rfind("?")
    if end < 0:
        return folded
    start = max(folded.rfind(mark, 0, end) for mark in ".!;\n")
    return folded[start + 1 : end + 1]


def terse_case(text: str) -> bool:
    """A case told in bare fragments, without a subject: "CDI, bac pro, Pro-A possible ?", "CDD 12 mois,
    licence : Pro-A ?". The message opens on a fact (a contract, a diploma, a length), before its first
    break, and states at least two, or it is only short fragments of which one states a fact (the scheme
    named first: "VAE CQP GC, 2 ans d'expérience, recevable ?"); whoever it is about, it is a case, not a
    rule asked."""
    if _SUBJECT.search(text.lower()):
        return False
    lead = re.split(r"[,;:.?!/\n]", text, maxsplit=1)[0]
    opens = parse_contract(lead) is not None or parse_diploma_level(lead) is not None or bool(parse_durations(lead))
    found = (parse_contract(text) is not None) + (parse_diploma_level(text) is not None) + bool(parse_durations(text))
    # "Quatre ans à mi-temps comme gestionnaire : recevable ?": a working time is said of someone's work, never of
    # a rule, so with the length it opens on it is a case's second fact
    found += opens and parse_work_time(lead) is not None
    return found >= 2 if opens else found >= 1 and _only_fragments(text)


def _only_fragments(text: str) -> bool:
    """Three or more fragments of a few words each, no sentence among them: "VAE CQP GC, 2 ans d'expérience,
    recevable ?", "Pro-A ; CDD 9 mois ; possible ?". The scheme named first is the question's frame, the fact
    after it the case."""
    fragments = [f for f in re.split(r"[,;:.?!/\n]", text) if f.strip()]
    return len(fragments) >= 3 and all(len(f.split()) <= 5 for f in fragments)


# A grammatical subject named: "un salarié …", "la Pro-A dure …" — then the message is not bare fragments.
_SUBJECT = re.compile(
    r"\b(?:un|une|le|la|les|l'|ce|cette|mon|ma|mes|son|sa|notre)\s*(?:salari|agent|personne|collegue|pro)"
)


def dated_periods(facts: Facts) -> list[DateSpan]:
    """Dated periods: ranges, ongoing periods, else whole months ("en avril 2025").

    An open start closed by a later end date ("depuis le 1er septembre … se termine le 31 août
    2026") is one period.
    """
    periods: list[DateSpan] = []
    dates = [
        replace(d, kind="from") if _said_to_start(facts, d, month_ok=_ended_next(facts, i)) else d
        for i, d in enumerate(facts.dates)
    ]
    consumed: set[int] = set()
    for i, d in enumerate(dates):
        if i in consumed:
            continue
        if d.kind in ("since", "from") and i + 1 < len(dates):
            ended = re.search(_ENDED, facts.folded[d.span[1] : dates[i + 1].span[0]])
            nxt = _end_after(dates[i + 1], d, ended=ended is not None)
            d = _start_before(d, nxt)
            between = facts.folded[d.span[1] : nxt.span[0]]
            if nxt.kind == "point" and nxt.end >= d.start and re.search(_END_WORDS, between):
                periods.append(replace(d, end=nxt.end, kind="range", span=(d.span[0], nxt.span[1])))
                dates[i + 1] = replace(nxt, kind="from")
                consumed.add(i + 1)
                continue
        if d.kind in ("range", "since"):
            periods.append(d)
        elif d.kind == "from" and facts.dates[i].kind == "point" and d.start <= facts.today:
            # "j'ai commencé le 3 mars" with no end said: a period still running, counted to today
            periods.append(replace(d, end=max(d.start, facts.today), kind="since"))
    if not periods:  # "en avril 2025": a whole month, unless a period is stated elsewhere
        periods = [d for d in dates if d.kind == "point" and d.precision == "month"]
    return periods


def _start_before(start: DateSpan, end: DateSpan) -> DateSpan:
    """A yearless start said before an end of a stated year ("commencé le 1er mars, il finira le 31
    décembre 2026") is the last such date on or before that end, not the next one after today."""
    if not start.year_inferred or end.year_inferred or start.start <= end.end:
        return start
    shifted = start
    try:
        while shifted.start > end.end and shifted.start.year > end.end.year - 2:
            shifted = replace(shifted, start=add_years(shifted.start, -1), end=add_years(shifted.end, -1))
    except CalcError:
        return start
    return shifted if shifted.start <= end.end else start


def _end_after(end: DateSpan, start: DateSpan, *, ended: bool = False) -> DateSpan:
    """A yearless end date stated after a start is the first such date on or after the start, and for an
    ongoing period ("depuis mars … se termine le 15 décembre") on or after today: the stated end is kept,
    never cut at today nor moved to a past year. An end told in the past tense ("depuis le 1er avril 2026 ; sa
    mission s'est achevée le 30 septembre") is already behind: the first such date on or after the start."""
    if not end.year_inferred or end.kind != "point":
        return end
    floor = max(start.start, start.end) if start.kind == "since" and not ended else start.start
    shifted = end
    while shifted.end < floor and shifted.start.year < floor.year + 2:
        try:
            shifted = replace(shifted, start=add_years(shifted.start, 1), end=add_years(shifted.end, 1))
        except CalcError:
            return end
    return shifted


# What says a date ends a period ("jusqu'au", "se termine", "elle part le 30 juin"); "au" only between two dates
_END_VERBS = (
    r"\b(?:jusqu\w*|fin\w*|termin\w*|achev\w*|(?:prend|pris|prendra) fin|se clot|clos\w*|clotur\w*|s'arret\w*|echeance|"
    # the compound tenses of the same verbs ("la mission s'est arrêtée le 14 mars", "elle a cessé le …")
    r"(?:est|a ete|sont|ont ete|etait|s'est|se sont|s'etait) arretee?s?|cesse\w*|part|partira|quitte\w*)\b"
)
_END_WORDS = _END_VERBS + r"|\bau\b"
# An end told in a past tense: "s'est achevée", "a pris fin", "s'était terminée", "ont fini"
_ENDED = (
    r"\b(?:s'est|se sont|s'etait|s'etaient|a|ont|avait|avaient|est|sont|etait|etaient) (?:(?:bien|deja) )?"
    r"(?:achev|termin|fini|clos|clotur|arret|pris fin)\w*"
)

# A day said to be when something started: "le 15 janvier j'ai commencé", "début de la mission le 3
# mars", "entrée en fonction le 2 mai", "j'ai démarré le tutorat le 1er février".
_START_WORDS = (
    r"\b(?:commenc\w*|debut\w*|demarr\w*|devien\w*|confiee?s?|entamee?s?|entree? en (?:fonctions?|mission)|"
    r"pris (?:mes|ses|leurs) fonctions|prise de (?:fonctions?|poste)|lancee?s?|ouvert\w*)\b"
)


def _ended_next(facts: Facts, i: int) -> bool:
    """Whether the date after the i-th is said to end something ("a commencé en janvier 2026 et se termine fin juin
    2026"): then a month said to start is that period's start, not only when a role began."""
    if i + 1 >= len(facts.dates) or facts.dates[i + 1].kind != "point":
        return False
    between = facts.folded[facts.dates[i].span[1] : facts.dates[i + 1].span[0]]
    return len(between) <= 40 and re.search(_END_VERBS, between) is not None


def _said_to_start(facts: Facts, d: DateSpan, *, month_ok: bool = False) -> bool:
    """Whether a one-day date is said, in its own clause, to be when something started (and not an end); a named
    month too when `month_ok` (an end is said right after it).

    The clause runs from the last break before the date to the next break or conjunction after it (a
    comma, a full stop, "et", "jusqu'au"): what a date is about is said in the words bound to it.
    """
    relative_month = d.precision == "month" and not d.year_inferred and re.search(r"\bmois\b", fold(d.text))
    named_month = month_ok and d.precision == "month"
    if d.kind != "point" or not (
        d.precision == "day" or facts.folded.startswith("il y a", d.span[0]) or relative_month or named_month
    ):
        return False  # a day, a time ago ("commencée il y a 3 mois") or "le mois dernier", not a named month
    before = re.split(r"[,.;:!?]", facts.folded[max(0, d.span[0] - 50) : d.span[0]])[-1]
    after = re.split(r"[,.;:!?]|\b(?:et|puis|mais|jusqu\w*|au)\b", facts.folded[d.span[1] : d.span[1] + 50])[0]
    clause = f"{before} {after}"
    return bool(re.search(_START_WORDS, clause)) and not re.search(_END_VERBS, clause)


def outside_dates(facts: Facts, durations: list[Duration], *, keep_since: bool = False) -> list[Duration]:
    """Durations that are not part of a date expression ("depuis 8 mois" is a date).

    With `keep_since`, an ongoing period given as a length ("je travaille à 80 % depuis 3 ans") still
    counts as a length: where only the amount of experience matters, it is one.
    """
    spans = [d.span for d in facts.dates if not (keep_since and d.kind == "since")]
    return [x for x in durations if not any(s <= x.span[0] < e for s, e in spans)]


def not_threshold(facts: Facts, durations: list[Duration]) -> list[Duration]:
    """Durations stated as a fact, not as a limit being asked about ("plus de 12 mois")."""
    return [x for x in durations if not _THRESHOLD.search(facts.folded[max(0, x.span[0] - 25) : x.span[0]])]


def not_cited(facts: Facts, durations: list[Duration]) -> list[Duration]:
    """Durations of the case, not figures the user quotes from a text ("la circulaire parle de 3 ans",
    "l'article 2.4 parle de 36 mois, puis de 24 mois": the second continues the quotation)."""
    kept: list[Duration] = []
    previous: Duration | None = None  # the last quoted duration
    for x in durations:
        quoted = bool(_CITED.search(facts.folded[max(0, x.span[0] - 45) : x.span[0]]))
        if previous is not None and re.fullmatch(_CONTINUED, facts.folded[previous.span[1] : x.span[0]]):
            quoted = True
        previous = x if quoted else None
        if not quoted:
            kept.append(x)
    return kept


def _is_age(text: str, folded: str, duration: Duration) -> bool:
    """Whether years stated are a person's age or a distance in time, no length of anything (`read_facts`).

    "À 61 ans, à deux ans de la retraite, puis-je encore engager une VAE ?": years after "à" place the person in
    their life (an age, a distance to an event); "j'ai 58 ans", "âgée de 30 ans", "un jeune de 18 ans" tell an
    age. Neither is a length of activity, of a contract or of a scheme, which a noun says after the years or
    before "de" ("j'ai 5 ans d'expérience", "une ancienneté de 10 ans"). The age a rule needs (art. 2.4, 3.3: "les
    personnes âgées de 16 à 25 ans") is read from the text by its reader (`professionalisation_terms.AGE`).
    """
    if duration.unit != "year":
        return False
    before, after = folded[max(0, duration.span[0] - 16) : duration.span[0]], folded[duration.span[1] :]
    if _AT_YEARS.search(text[max(0, duration.span[0] - 16) : duration.span[0]].lower()):  # "à", not "il a"
        return True
    return bool(_TOLD_AGE.search(before)) and not _OF_A_LENGTH.match(after)


# "à 61 ans", "à deux ans de la retraite"; not "remonte à cinq ans", "date de à peine 3 ans" (years ago: a length)
_AT_YEARS = re.compile(
    r"(?:^|[^\w'])(?<!\d )(?<!remonte )(?<!remontent )(?<!remontait )(?<!date )(?<!datent )(?<!datait )"
    r"à (?:(?:presque|bientôt|peine|environ|près de) )?$"
)
_LENGTH_NOUN = (
    r"anciennete|experience|activite|contrat|duree|carriere|mission|periode|pratique|service|travail|emploi|cdd|"
    r"cdi|absence|conge|formation|tutorat|chomage|inscription|engagement|plus|moins|total|cumul|parcours|vae|pro-a"
)
_TOLD_AGE = re.compile(
    r"(?:\bj'ai|\b(?:il|elle|on) a|\bagee?s? de|\b(?:mes|ses|leurs) |\bvais avoir|\bva avoir|\bfeter? mes"
    rf"|\b(?:un|une|mon|ma|son|sa|notre|votre|leur|cet|cette|ce|des|les|jeunes?) (?!(?:{_LENGTH_NOUN})\b)[a-z]+ de) $"
)
_OF_A_LENGTH = re.compile(r"\s*(?:et demi\s*)?(?:d'|de |d |dans |comme |en |chez |au sein|a |au |passe)")


_CONTINUED = r"\s*(?:,|;|et|ou|puis|, puis|, et|, ou|mais)\s*(?:aussi |encore |ensuite )?(?:de |d'|a )?(?:plus de )?"
_CITED = re.compile(
    r"\b(?:circulaire|accord|avenant|texte|article|loi|fiche|convention|protocole|regle|on m'a dit)\b"
    r"(?:[^.?!;]|\.\d){0,25}"
    r"\b(?:parle|parlent|dit|disent|prevoit|prevoient|exige|exigent|impose|demande|mentionne|indique|fixe|"
    r"evoque|precise)\w* (?:de |d'|qu'il faut |que )?(?:\w+ ){0,2}$"
)


def year_notes(spans: list[DateSpan]) -> list[str]:
    """A note for each year the user left out, so the answer can say which year was assumed."""
    return [f"Année non précisée pour « {d.text} » : {d.start.year} retenue." for d in spans if d.year_inferred]


def near(facts: Facts, span: tuple[int, int], pattern: str, before: int = 60, after: int = 0) -> bool:
    """Whether `pattern` occurs around a span: what a figure is about is usually said next to it."""
    return bool(re.search(pattern, facts.folded[max(0, span[0] - before) : span[1] + after]))
