"""A rule's result asked for a case told, the fact that decides it not given: which rule, and what to ask back.

Why (issue #13 class 1): "Sur quelle base je suis payé pendant mon contrat de pro ?", "il me faudra combien d'heures
de cours pour ma Pro-A ?", "mon entretien de bilan est-il en retard ?", "est-ce que je suis reçue ?" ask the outcome
of one rule for the asker's own case (or a colleague's, an agent's, a recruit's), and that outcome depends on a fact
the message does not give (the classification level aimed at, the Pro-A's total hours, the hire date, the grades).
Quoting the article as if asked for anyone answers a question nobody asked; the question back asks for that fact
only, after the rule's own statement (publicodes-like: decide when the known facts decide, else ask what decides).

A topic of the router can hold several rules (the contrat de professionnalisation's pay base, length and training
share; the Pro-A's right and its hours; the CQP's certification and its path): the rule is the one whose result the
asking sentence names (`RESULTS`: the words of each rule's result, as its article states it — art. 3.6 "rémunérés …
sur la base du coefficient", art. 3.4 "la durée … peut être portée jusqu'à 36 mois", art. 3.5 "la durée totale de
l'action de formation", avenant art. 2 "Pro-A … 150 heures"). A fact the message gives that is that rule's deciding
input in other words is left to the topic's reader: only facts of another kind than the deciding input (a year, a
length when hours decide) let the question back through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.routing import calculator_vocabulary
from assistant.routing.calculator_inputs.facts import Facts, Plan, asking_sentence, not_threshold, outside_dates
from assistant.routing.calculator_inputs.professionalisation_terms import TRAINING_ASK
from assistant.routing.extraction.conjunctions import mask_conjunctions


@dataclass(frozen=True)
class AskedResult:
    """One rule's result as a message asks it: the topic, the calculator, the words of its result in the asking
    sentence, the inputs that decide it (asked back), and the kind of fact that would be that input if told."""

    topic: str
    calculator: str
    result: re.Pattern[str]
    deciding: tuple[str, ...]
    told_as: str  # "date": a date or a length could be the input; "hours": a count of hours; "": neither


_DATE_ASK = (
    r"(?:(?:a partir|des|jusqu'a) (?:de )?quand|\bquand\b|quelle date|quel (?:mois|jour|delai)|avant quand"
    # "la date butoir de mon employeur", "l'échéance": the last day the rule gives, a date of the case
    r"|\bdate (?:butoir|limite)|\bdernier delai\b|\becheance\b)"
)
# art. 3.4: the action lasts 6 to 12 months, up to 24 or 36 for some publics: its length asked, or a length the
# contract would have ("peut-il prétendre à un contrat de pro de 36 mois ?")
_LENGTH_WORDS = r"(?:duree|durer|dure|allong\w*|prolong\w*|porte\w*|combien de (?:temps|mois)|jusqu'a combien)"
_CONTRACT = r"(?:contrat|action|professionnalisation)"
_LENGTH = re.compile(
    rf"\b{_LENGTH_WORDS}\b[^?]{{0,60}}\b{_CONTRACT}\b|\b{_CONTRACT}\b[^?]{{0,60}}\b{_LENGTH_WORDS}\b"
    r"|\bcontrat\b[^?]{0,30}\b\d+ (?:mois|ans?)\b"
)
# art. 3.6: "sont rémunérés, au minimum, sur la base du coefficient de qualification du niveau 2": the base asked,
# not the day it changes ("mon salaire change à partir de quand ?": "à compter du 1er jour du mois qui suit
# l'obtention de la certification", which the article answers as it stands)
_PAY = re.compile(
    rf"^(?!.*{_DATE_ASK}).*(?:\bsur quel(?:le)? (?:base|coefficient|grille|niveau)\b"
    # "quel sera mon salaire minimum ?": the pay of the person asked, the verb between
    r"|\bquel(?:le)? (?:(?:sera|serait|est) )?(?:(?:mon|ma|son|sa|leur|notre) )?(?:coefficient|salaire|remuneration|"
    r"base|grille)\b"
    r"|\bcombien\b[^?]*\b(?:pay|remuner|touch|gagn)\w*|\b(?:pay|remuner)\w* combien\b)"
)
# avenant art. 2: the Pro-A's training at least 150 hours, 15 % of its total
_HOURS = re.compile(
    r"\b(?:combien|nombre|volume|minimum|maximum)(?: (?:minim|maxim)\w*)? d'heures\b"
    r"|\bduree (?:minimale |maximale )?de (?:la )?formation\b"
    r"|\bheures?\b[^?]{0,40}\b(?:minimum|maximum|au moins|au plus|minimales?|maximales?)\b"
)
# circular of 2013, VIII: the path ends within the time allowed after its first day (Prem'ss)
_PATH_END = re.compile(
    r"\b(?:jusqu'a quand|avant quand|quel delai|date limite)\b[^?]*\b(?:boucl|termin|fini|achev|parcours)\w*"
    # "mon parcours doit se terminer avant quelle date ?": the end named first, its date asked after
    r"|\b(?:boucl|termin|fini|achev)\w*\b[^?]{0,20}\b(?:avant|pour|a) quel(?:le)? (?:date|jour|mois)\b"
)
# art. 6: "tous les 6 ans, au moins deux entretiens professionnels et un entretien de bilan"
_LATE = re.compile(r"\b(?:en retard|a jour|en regle|dans les (?:temps|delais|clous)|hors delai|depasse\w*)\b")
# art. 8: "Celle-ci intervient dans l'année suivant cette période de 4 ans": when, or whether, a training is owed
_OFFERED_WHEN = re.compile(
    rf"{_DATE_ASK}[^?]*\b(?:propos\w*|form\w*|garanti\w*|stages?|envoy\w*)\b"
    r"|\b(?:me|m'|lui|leur|nous) doi\w*(?:-(?:il|elle|on))? (?:une |la |sa |ma )?formation\b|\bdroit a une formation\b"
)
# circular V: certified with an average of 10 and no eliminating grade
# the person the subject of the verdict ("est-ce que je suis reçue ?", "est-elle certifiée ?"), not the goal a
# question sets ("que dois-je remplir pour être certifiée ?": the conditions asked, which the circular states)
_PASSED = re.compile(
    r"\b(?:je suis|suis-je|il est|elle est|est-(?:il|elle)|ai-je ete|a-t-(?:il|elle) ete|sera(?:i|is)?-je|serai)"
    # the certificate may be named after the verdict, the alternative said: "suis-je certifié gestionnaire conseil
    # ou non ?"
    r" (?:bien )?(?:recue?|reussie?|admise?|certifiee?|validee?)(?: [a-z' -]{0,40}?)?(?: ou (?:non|pas))?\s*\?"
    # the certificate as the object: "est-ce que je l'ai obtenu ?", "l'ai-je eu ?"
    r"|\b(?:je l'ai|l'ai-je|il l'a|elle l'a|l'a-t-(?:il|elle)) (?:bien )?(?:obtenue?|eue?|decrochee?|validee?|reussie?)"
    r"(?: ou (?:non|pas))?\s*\?"
)

RESULTS: tuple[AskedResult, ...] = (
    AskedResult("professionalisation", "professionalisation_training_share", TRAINING_ASK, ("contract_total",), ""),
    AskedResult("professionalisation", "professionalisation_contract", _PAY, ("target_level",), ""),
    AskedResult("professionalisation", "professionalisation_duration", _LENGTH, ("public",), ""),
    AskedResult("pro_a", "pro_a_training_hours", _HOURS, ("total_hours",), "hours"),
    AskedResult("training_guarantee", "training_guarantee", _OFFERED_WHEN, ("last_training",), "date"),
    AskedResult("professional_reviews", "professional_reviews", _LATE, ("hire_date",), "date"),
    AskedResult("cqp", "training_path_hours", _PATH_END, ("first_premss_day",), "date"),
    AskedResult("cqp", "cqp_certification", _PASSED, ("grades",), ""),
    AskedResult("cqp_certification", "cqp_certification", _PASSED, ("grades",), ""),
)

_ASKED_WHEN = re.compile(r"\b(?:des|jusqu'a|a partir de|avant|pour) quand\b")

# a property of the scheme asked, not its result for the case: "qu'est-ce que", "comment ça marche", "pourquoi",
# a hypothesis the question states ("si je suis à temps partiel"), a concession ("même si")
_PROPERTY = re.compile(
    r"\b(?:qu'est-ce que|c'est quoi|comment|pourquoi|qui (?:fixe|decide|paie|finance|choisit)|"
    r"si (?!oui\b|non\b)|meme si|en cas d[e'])"
)


# A bound of the rule asked ("jusqu'à quelle proportion", "au maximum"), with no person in the asking clause: the
# bound is the same for every case (art. 3.5: "dans la limite de 70 %"), so the texts answer it, whoever says "chez
# nous" before it. With a person ("combien d'heures au minimum pour la Pro-A de mon agent ?") it is the case's result.
_BOUND = re.compile(
    r"\bjusqu'a (?:quel\w*|combien)\b|\bau (?:maximum|plus|minimum|moins)\b|\bmaxim\w*|\bminim\w*|\bplafon\w*"
)
_PERSON = re.compile(
    r"\b(?:je|j'|me|m'|moi|mon|ma|mes|il|elle|ils|elles|lui|son|sa|ses|leur|leurs|notre|nos|vous|votre|vos)(?=\W|$)"
    # a person of the case in the third person ("de la personne que nous allons recruter", "notre recrue")
    r"|\b(?:personnes?|recrues?|salariee?s?|agente?s?|collaborat(?:eur|rice)s?|alternante?s?|apprentie?s?|"
    r"candidate?s?|stagiaires?|embauchee?s?)\b" + "|" + calculator_vocabulary.CASE_FOR_SOMEONE
)


def plan_asked_result(topic: str | None, facts: Facts, *, read: bool = False) -> Plan | None:
    """The rule whose result the message asks for a case it tells, with the inputs that decide it to ask back.

    None when no case is told (a rule asked for anyone: "combien d'heures de formation dans une Pro-A ?" is the
    avenant's sentence), when the asking sentence names no rule's result of the topic, asks a property of the
    scheme, or when the message tells a fact that could be the deciding input in other words (the topic's reader
    reads it or it is answered by the texts, never asked again). `read`: the topic's reader saw the message and
    found no fact of the case in it (its figures are the rule's: "l'entretien de bilan des six ans").
    """
    if topic is None or facts.general or not facts.personal:
        return None
    sentence = asking_sentence(facts.folded).rsplit(":", 1)[-1]
    if len(sentence.split()) < 4:  # "… pendant 6 mois. Combien ?": the whole message is the question
        sentence = facts.folded
    # "quand je suis en formation, …" states a circumstance; "dès quand", "jusqu'à quand" always ask a date
    if not _ASKED_WHEN.search(sentence):
        sentence = mask_conjunctions(sentence)
    if _PROPERTY.search(sentence):
        return None
    if _BOUND.search(sentence) and not _PERSON.search(sentence.rsplit(":", 1)[-1]):
        return None  # "chez nous, la part de formation peut monter jusqu'à quelle proportion ?": the rule's bound
    for asked in RESULTS:
        if asked.topic != topic or not asked.result.search(sentence):
            continue
        if not read and _told(facts, asked.told_as):
            return None
        return Plan(asked.calculator, {}, list(asked.deciding), asked=True)
    return None


def _told(facts: Facts, kind: str) -> bool:
    """Whether the message gives a fact that could be the rule's deciding input (a date, a length, hours)."""
    lengths = not_threshold(facts, outside_dates(facts, facts.durations))
    if kind == "date":
        return bool(facts.dates or lengths)
    if kind == "hours":
        return any(d.unit == "hour" for d in lengths)
    return False
