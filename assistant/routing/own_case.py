"""Whether a question tells the user's own case, and what to ask back when the case is incomplete.

Why apart from the router: these are the decide-or-ask rules of docs/CALCULATORS.md (a rule that
decides with partial facts answers as soon as the known facts decide; only the inputs that could
still change the result are asked for), which the router applies after it has read the topic and
the facts. `follow_up` words the question back.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.routing import calculator_vocabulary
from assistant.routing.extraction.conjunctions import mask_conjunctions
from assistant.routing.extraction.folding import fold
from assistant.routing.intents import TOPIC_CUES, TOPIC_NAMES, TOPIC_THRESHOLD, compile_cues
from calculators.registry import CALCULATORS
from calculators.result import CalcError

_FIRST_PERSON = re.compile(calculator_vocabulary.FIRST_PERSON)
_ASKING_FRAME = re.compile(calculator_vocabulary.ASKING_FRAME)


def first_person(folded: str) -> bool:
    """The user speaks of their own case ("je", "mon", "nous"), politeness framing aside."""
    return bool(_FIRST_PERSON.search(_ASKING_FRAME.sub(" ", folded)))


# A third person's own agreement: "sa convention collective", "son accord de branche", "leur branche". The texts
# indexed are the branch's own; someone who has an agreement of their own ("ma sœur travaille dans une mutuelle :
# … sa convention collective ?") is under another one. A training agreement ("sa convention de formation", the CQP
# COS's) is one of the texts.
_ANOTHER_AGREEMENT = re.compile(
    r"\b(?:sa|son|ses|leur|leurs) (?:propres? )?(?:convention(?:s)? collective|convention(?! de formation)|"
    r"accord(?:s)? (?:de branche|collectif|d'entreprise)|branche|ccn|idcc)s?\b"
)


def under_another_agreement(folded: str) -> bool:
    """The case told is someone's under their own agreement, not the branch's: no calculator of the texts applies.

    The branch's calculators apply its texts to its employees; a person whose rule is asked from "sa convention
    collective" or "son accord de branche" is another employer's, whatever their scheme is called (a VAE leave, a
    tutor's bonus): the figures of the texts would be given for a case they do not govern.
    """
    return bool(_ANOTHER_AGREEMENT.search(folded))


def still_missing(calculator: str, arguments: dict[str, Any], missing: list[str]) -> tuple[list[str], str | None]:
    """The inputs worth asking for, and what the rule already says with the known ones.

    For a rule that decides with partial inputs, the inputs are those its result says could still change
    it (none when the known facts decide), and the rule's summary states what is known (with no fact
    yet, the rule itself: "Congé VAE : 24 heures, porté jusqu'à 48 heures si…", so that a question
    back still answers what the texts say); otherwise the reader's list, led by the rule's statement when no
    fact was read yet (`rule_statement`: a tutor asking his bonus learns the rate). Inputs a reader
    needs that are not the calculator's parameters are kept. Impossible arguments are left for the
    answer step to explain.
    """
    spec = CALCULATORS.get(calculator)
    if spec is not None and not spec.partial and not arguments:
        return missing, rule_statement(calculator)  # "tuteur, ma prime ?": the rate first, then the dates
    if spec is None or not spec.partial:
        return missing, None
    try:
        result = spec.run(**arguments)
    except CalcError:
        return missing, None
    names = {p.name for p in spec.params}
    kept = [m for m in missing if m not in names or m in result.missing]  # the reader's order first
    still = list(dict.fromkeys(kept + result.missing))
    return still, (result.summary if still else None)  # with no fact yet, the rule itself leads


def rule_statement(calculator: str) -> str | None:
    """The rule a calculator applies, stated with its figures, for a question back given before any fact.

    "Je suis tuteur, ma prime fait combien ?" gives no dates, yet the texts answer the rate (art. 4.3: "il
    correspond à 7 points par mois, complet ou non"): the registry's description of the rule says it, so the
    question back leads with it. A description worded as a question (a list lookup) or without a figure states
    no rule and is left out.
    """
    spec = CALCULATORS.get(calculator)
    if spec is None:
        return None
    text = spec.description_fr.strip()
    if text.endswith("?") or not re.search(r"\d", text):
        return None
    return text


def asks_own_case(text: str, calculator: str, arguments: dict[str, Any], missing: list[str]) -> bool:
    """Whether a question the calculator cannot yet decide is about the user's own case, worth a question back.

    It is when the facts read already bear on the rule's decision (a contract, grades, dates), or when
    the asking sentence asks a value (an amount, a date) with the user or their case as its subject
    ("combien je vais toucher ?", "on doit prévoir son entretien avant quelle date ?"). Otherwise
    ("je fais de l'AFEST, je peux toucher une prime ?", "la moyenne minimum pour être certifié ?",
    "quelle absence si l'organisme est loin de chez moi ?") the rule is the answer; so it is for a yes/no
    on one's own right under an eligibility rule ("puis-je bénéficier de la Pro-A ?").
    """
    spec = CALCULATORS.get(calculator)
    names = {p.name for p in spec.params} if spec is not None else set()
    if _bears_on_decision(calculator, arguments) or any(m not in names and m != "grades" for m in missing):
        return True  # facts read, or one the reader could not place ("un CQP de niveau 5": which level?)
    folded = mask_conjunctions(fold(text))  # "… due quand même ?" asks no date
    sentences = _SENTENCE_BREAK.split(folded)  # an emoji ends a sentence in a chat message
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    if not asking:
        return True  # a case told without a question ("je suis tuteur d'un alternant.")
    # "… pendant 6 mois. Combien ?": a question of a word or two has the earlier sentence's subject;
    # "Deux questions pour notre bulletin : combien … pour un tuteur ?": the context before a colon is not
    # the subject of the question after it
    asking = [_after_colon(s) for s in asking]
    asking = [folded if len(s.split()) < 4 else s for s in asking]
    verdict_only = calculator in calculator_vocabulary.VERDICT_ONLY  # its only value is oui/non
    # "combien d'absence si l'organisme est loin de chez moi ?": a value asked under a hypothesis the question
    # itself states is the rule's value in that case, which the texts give without the missing facts; so is a
    # rate asked ("c'est combien par mois ?", "la prime mensuelle ?"): the rule states it per unit
    valued = [s for s in asking if _VALUE_ASK.search(s) and not _HYPOTHESIS.search(s) and not _PER_UNIT.search(s)]
    if not verdict_only and any(_OWN_SUBJECT.search(s) for s in valued):
        return True
    # "puis-je bénéficier de la Pro-A ?", "mon expérience, c'est assez ?": one's own right (a rule deciding with
    # partial inputs, or one whose only result is a verdict)
    partial = spec is not None and (spec.partial or verdict_only)
    # "en activité partielle, ai-je quand même accès à la Pro-A ?": whether a circumstance the question states
    # takes the right away is asked (a concession), which the rule on that circumstance answers
    return partial and any(
        _OWN_SUBJECT.search(s) and not _WHAT_ASK.search(s) and not _CONCESSION.search(s) for s in asking
    )


def _after_colon(sentence: str) -> str:
    """The clause after the sentence's last colon when it is a question of its own (four words or more)."""
    tail = sentence.rsplit(":", 1)[-1]
    return tail if len(tail.split()) >= 4 else sentence


def _bears_on_decision(calculator: str, arguments: dict[str, Any]) -> bool:
    """Some fact read changes what the rule still needs (a partial rule), or any fact was read (the others)."""
    spec = CALCULATORS.get(calculator)
    if not arguments or spec is None:
        return False
    if not spec.partial:
        return True
    try:
        return set(spec.run(**arguments).missing) != set(spec.run().missing)
    except CalcError:
        return True


_CONCESSION = re.compile(r"\bpourtant\b|\bmalgre\b|\bmeme (?:si|en|avec|sans|pendant)\b")
_PER_UNIT = re.compile(
    r"\bpar (?:mois|an|annee|jour|semaine|action|session|alternant|apprenti|stagiaire|salarie|tutore|mission)\b"
    r"|\b(?:mensuel|annuel|journalier|horaire)(?:le)?s?\b"
)
_HYPOTHESIS = re.compile(r"\bsi (?!oui\b|non\b|possible\b|besoin\b|necessaire\b)|\bs'ils?\b|\ben cas d[e']")
_WHAT_ASK = re.compile(r"\b(?:quel\w*|combien|comment|pourquoi|quand|quoi|lequel|laquelle|lesquel\w*)\b")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?\u2026])\s+|\s*[\u2600-\u27bf\U0001f000-\U0001faff]+\s*")
_VALUE_ASK = re.compile(calculator_vocabulary.VALUE_ASK)
_OWN_SUBJECT = re.compile(
    calculator_vocabulary.FIRST_PERSON
    + r"|\b(?:on|il|elle|ils|elles|son|sa|ses|leur|leurs|lui)\b|"
    + calculator_vocabulary.CASE_SUBJECT
)


def follow_up(missing: list[str], calculator: str | None = None) -> str:
    """One French message asking for every missing input (worded for the calculator when it matters)."""
    wording = {**calculator_vocabulary.FOLLOW_UPS, **calculator_vocabulary.FOLLOW_UPS_FOR.get(calculator or "", {})}
    grades = [calculator_vocabulary.GRADE_LABELS[m] for m in missing if m in calculator_vocabulary.GRADE_LABELS]
    if "grades" in missing:  # the question gave no grade: the follow-up already asks for all five
        grades = []
    parts = [wording[m] for m in missing if m in wording]
    if grades:
        parts.append(f"Il me manque votre note (sur 20) : {', '.join(grades)}.")
    return " ".join(dict.fromkeys(parts))


def which_calculator(folded: str) -> tuple[list[str], str] | None:
    """Several calculators whose title names what the user asks the value of, and the question back.

    "Je voudrais la prime pour ma mission, ça fait combien ?": the tutor's bonus (art. 4.3) and the internal
    trainer's (art. 9.3) are both "prime", both paid per month of a mission; which one, and its dates, decide
    the figure. The calculators are found by their registry titles ("Prime de tutorat", "Prime de formateur
    interne …"), so a calculator added later under the same noun is asked about too. Only when the user asks a
    value of their own case and names the noun alone (no topic was found).
    """
    if not (first_person(folded) and _VALUE_ASK.search(folded)):
        return None
    for noun in dict.fromkeys(fold(spec.title_fr).split()[0] for spec in CALCULATORS.values()):
        if len(noun) < 4 or not re.search(rf"\b(?:la|ma|une|cette|sa|notre) {noun}\b(?! d)", folded):
            continue
        sharing = [name for name, spec in CALCULATORS.items() if fold(spec.title_fr).split()[0] == noun]
        if len(sharing) > 1:
            titles = " ou ".join(f"la {_lower_first(CALCULATORS[n].title_fr)}" for n in sharing)
            return sharing, f"De quelle {noun} s'agit-il : {titles} ? Indiquez aussi les dates de début et de fin."
    return None


def _lower_first(title: str) -> str:
    return title[:1].lower() + title[1:]


def names_its_topic(folded: str, topic: str | None, share: float = 0.0) -> bool:
    """Whether the message names its topic's scheme: one of the topic's naming words (`intents.TOPIC_NAMES`:
    "cep", "conseil", "formateur"), its cues reaching the topic threshold without the example bank's vote ("à titre
    accessoire"), or the bank reading it clearly (`share`, the user's own words for it); a topic without cues (the
    CQP's exams, the points) is named by its reader's facts.

    A question back asks the facts of one scheme's case; a message read into that scheme by a weak cue and the
    bank's vote alone ("des jours d'absence" for the CEP's half-day: art. 5, "une autorisation d'absence rémunérée
    de 1 demi-journée en vue de réaliser un conseil en évolution professionnelle") has not asked about that scheme,
    and asking "êtes-vous en CDI ?" would put words in its mouth.
    """
    cues = _TOPIC_CUES.get(topic or "")
    if cues is None or share >= CLEAR_SHARE:  # a clear reading of the bank names it in the user's words
        return True
    names = TOPIC_NAMES.get(topic or "", ("", ""))[0].split()  # "conseil en évolution pro": "conseil"
    if any(re.search(rf"\b{re.escape(name)}s?\b", folded) for name in names):  # "mes tutorats"
        return True
    if topic in _TITLED_TOPICS and _CQP_TITLE.search(folded):  # "certifié gestionnaire conseil"
        return True
    return sum(weight for pattern, weight in cues if pattern.search(folded)) >= TOPIC_THRESHOLD


# The branch's CQPs named by their titles (circular of 2013: "CQP gestionnaire conseil"; the COS agreement: "CQP
# conseiller offres de service"): the title names the scheme as "CQP" does, so a question back on its grades is asked
# of a scheme the message named ("suis-je certifié gestionnaire conseil ?").
_TITLED_TOPICS = frozenset({"cqp", "cqp_certification"})
_CQP_TITLE = re.compile(r"\bcqp\b|\bgestionnaire conseil\b|\bconseill(?:er|ere) (?:en )?offres? de services?\b")


# The example bank's share above which a topic is read clearly (as `answering.answerable` reads it).
CLEAR_SHARE = 0.75


_TOPIC_CUES = {topic: compile_cues(cues) for topic, cues in TOPIC_CUES.items()}
