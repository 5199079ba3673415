"""A sum, a share or an office-holder asked, that no passage of the sections found states: the texts are silent (#21).

Why: the texts name many bodies, diplomas and schemes whose figures they never give — the EN3S master's fees, what
a CQP's jury members are paid, the salary after a CQP, the share of candidates who pass it, a scheme's rate for
another year or another payer. "Une fois le CQP de manager opérationnel en poche, je passe à quel salaire brut ?"
finds the CQP's passage of the fiche (its RNCP level, its blocks), and quoting it answers another question. The
attribute checks before this one (`attributes.unstated_attribute`) read the noun after "quel" against the whole
corpus's vocabulary — "salaire", "montant", "taux" are words of the texts, so they never find these silent — and run
only for the things the texts only name (`answerable.names_only`), not for a question the router put on a scheme
("le montant du RSA en contrat de professionnalisation", "France VAE finance à hauteur de combien ?").

What is read here is the form of the value, not the subject's words:
- asked: a money noun governed by "quel" ("quel montant / salaire / tarif / prix / coût / budget / barème /
  taux horaire"), a money verb governed by "combien" ("combien coûte / gagne / touche"), "à hauteur de combien",
  "combien d'euros", "combien … par heure"; or a share governed by "quel" ("quel pourcentage", "quel taux de
  réussite"). A plural ("quels frais sont couverts ?", "quels coûts ?") asks which kinds, a list the texts give in
  words; "qui fixe combien coûtent …" asks who (`GOVERNED`); a figure in euros of the user's own ("un point à 5,50
  €") is something to compute from.
- stated: the texts write a sum as a figure in euros or points ("12 €/h pour l'année 2013", "7 points par mois"; a
  percentage of a headcount, "25 à 32 % de salariés", is no sum), and a share as a percentage, or leave its blank
  in a template ("….. %"). A pay asked ("quel salaire") is also stated by a pay rule in words ("la rémunération …
  de la classification"): the contrat de professionnalisation's article gives no figure but is the answer. Who holds
  an office in a body ("qui préside la CPNEFP ?", "qui dirige l'EN3S ?") is stated only by a sentence with the
  office's own word ("présidé", "la direction"): the texts name bodies, never the persons in them (no question of
  the pool asking this was in scope). A sum asked for a year ("en 2025") is stated only by a sentence naming no year
  or that one: the circular's one rate is "pour l'année 2013".
- where: every passage of the sections the best passages belong to (a circular's chapter is cut into several
  passages; its one figure may sit in a passage the search did not rank).
Measured over the tuning pool (docs/evaluation/oos27.md): far more out-of-scope questions answered than in-scope ones
lost; a count or a length asked is left alone (oos24: in-scope questions ask them of the texts' schemes in words the
texts do not state, and are answered with the nearest rule). oos28 measured a stricter reading — a figure of the
asked kind in a sentence or passage naming the thing — and it still loses far more in-scope answers (tables without
units, lengths computed from the user's dates) than it refuses out-of-scope ones (docs/evaluation/oos28.md). Two
narrow forms are read (oos28): a named fee, though plural ("quels sont les frais d'inscription / de scolarité"), is
a sum; a timetable ("jour par jour", "semaine par semaine", "le programme détaillé") is stated only by a passage
numbering days or weeks — the texts give a module's total length and content, never its timetable.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from assistant.answering.answer_types import PERCENT as PERCENT_KIND
from assistant.answering.answer_types import holds
from assistant.routing.extraction.folding import fold
from ingest.models import Chunk
from knowledge.hybrid import Evidence

MONEY = "montant"
SHARE = "pourcentage"
OFFICE = "nom de personne"
SCHEDULE = "programme détaillé"

# After "quel": an optional verb and article ("quel est le", "quelle sera sa").
_DET = r"(?:(?:est|sera|serait|etait)(?:-(?:il|elle|ce))?\s+)?(?:(?:le|la|l|son|sa|leur|mon|ma|votre|notre)\s+)?"
_MONEY = re.compile(
    r"\bquel(?:le)?\s+"
    + _DET
    + r"(?:montant|salaire|(?:tarif|taux)\s+horaire|tarif|prix|cout|budget|remuneration|bareme|indemnite|"
    r"gratification)\b|"
    r"\bcombien\s+(?:ca\s+|cela\s+)?(?:coute\w*|gagne\w*|touche\w*|percoi\w*|factur\w*)\b|"
    r"\bhauteur\s+de\s+combien\b|\bcombien\s+d\s*euros\b|\bindemnis\w+\s*,?\s*(?:et\s+)?combien\b|"
    r"\bcombien\b[^?]{0,40}\b(?:par\s+heure|de\s+l\s*heure)\b|"
    # oos28: one named fee, though plural ("quels sont les frais d'inscription", "combien coûtent les frais de
    # scolarité"): its complement names a single sum; "quels frais sont couverts ?" (no complement) asks a list
    r"\b(?:quel(?:le)?s?\s+(?:sont\s+)?(?:les\s+|vos\s+|ses\s+)?|combien\s+[a-z]+\s+(?:les\s+)?|"
    r"combien\s+s\s+elevent\s+(?:les\s+)?)frais\s+(?:d\s*inscription|de\s+scolarite|de\s+dossier|d\s*examen|"
    r"de\s+concours)\b"
)
# "quel pourcentage", "quelle proportion", "quel taux de réussite / d'emploi" (not "taux de prise en charge", the
# texts' own rate, nor a tax rate, which another check reads).
_SHARE = re.compile(
    r"\bquel(?:le)?\s+" + _DET + r"(?:pourcentage|proportion|taux\s+(?:de|d)\s+(?!prise\b|tva\b)[a-z]+)\b"
)
# A price is a thing's cost ("combien coûte", "quel prix / coût / tarif"); an hourly rate ("tarif / taux horaire") is
# what a payer funds per hour, a rule of the payer's, read with the year it is asked for.
_PRICE = re.compile(r"\b(?:coute\w*|prix|cout|tarif|factur\w*)$|\bfrais\b")
# Who holds an office in a body: "qui préside / dirige / siège / représente …", "qui est à la tête de …", "quel est le
# nom du directeur …". The texts name bodies and never the persons in them; they state an office only with its own
# word ("présidé par", "la direction de"), which `_OFFICE_STEMS` reads in the sections' passages.
_OFFICE = re.compile(
    r"\bqui\s+(?:(?:est|sont)\s+(?:a\s+la\s+tete|(?:le|la|les)\s+(?:president|presidente|directeur|directrice|dirigeant)s?)|"
    r"(?:preside|dirige|represente)(?:nt|ra|ront)?)\b|"
    r"\bquel(?:le)?\s+(?:est\s+)?(?:le\s+|la\s+)?(?:nom\s+(?:du|de\s+la)\s+)?(?:president|presidente|directeur|directrice)\b"
)
# oos28: a schedule asked unit by unit ("jour par jour", "semaine par semaine", "séance par séance") or "le programme
# détaillé": the texts give a course's total length and its modules, never its timetable. Stated only by a passage
# numbering that unit ("jour 1", "semaine 2", "J2", "deuxième journée"; "le premier jour de la formation" dates a
# start, it numbers nothing), which `_SCHEDULED` reads.
_SCHEDULE = re.compile(
    r"\b(jour|journee|semaine|seance|heure|mois)s?\s*,?\s+par\s+\1s?\b|\bprogramme\s+(?:precis\s+et\s+)?detaille\b"
)
_SCHEDULED = re.compile(
    r"\b(?:jour|journee|semaine|seance)\s*(?:n\s*o\s*)?\d{1,2}\b|\bj\s?[1-9]\b|"
    r"\b(?:[2-9]e|deuxieme|second|seconde|troisieme)\s+(?:jour|journee|semaine|seance)\b"
)
_OFFICE_STEMS = {
    "presid": "presid",
    "dirig": "dirig direct",
    "direct": "dirig direct",
    "tete": "tete",
    "represent": "represent",
}
# An interrogative and its verb before "combien": the sum is the object of what is asked ("qui fixe combien …").
GOVERNED = re.compile(r"\b(?:qui|comment|quand|pourquoi)\s+(?:[a-z-]+\s+){0,3}(?=combien)")
# A sum of the user's own, in euros: something to compute from, not a figure asked of the texts.
_USER_SUM = re.compile(r"\d[\d  .,]*\s*(?:€|euros?\b)", re.IGNORECASE)
# A sum stated: euros or points (a percentage of a headcount, "25 à 32 % de salariés", is no sum).
_SUM = re.compile(r"\d[\d  .,]*\s*(?:€|euros?\b|eur\b|k€|points?\b)", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")
_BLANK_SHARE = re.compile(r"\.{3,}\s*%")
# A pay asked is also stated by the pay rule in words (folded stems).
_PAY_NOUNS = ("salaire", "remuneration", "indemnite", "gratification")
_PAY_WORDS = ("salaire", "remunera", "indemn", "gratifi")


DEPTH = 5  # the best passages whose sections are read


@dataclass(frozen=True)
class AskedValue:
    """The kind of value asked (`MONEY`, `SHARE`), the user's words asking it (folded), and whether it is a price
    ("combien coûte", "quel prix / coût / tarif"), which keeps its partial answer for a scheme the texts make
    (`unstated_price`: "Combien coûte une Pro-A à l'employeur ?" is answered by who finances it)."""

    kind: str
    words: str
    price: bool = False
    years: frozenset[str] = frozenset()  # the years the question names ("en 2026"): a sum of another year is no answer


def asked_value(question: str) -> AskedValue | None:
    """The sum or the share the question asks by its grammar (see the module's docstring), else None."""
    if _USER_SUM.search(question):
        return None
    text = fold(question.replace("’", "'")).replace("'", " ")
    money = _MONEY.search(text)
    if money is not None and not GOVERNED.search(text[: money.end()]):
        price = bool(_PRICE.search(money.group(0)))
        return AskedValue(MONEY, money.group(0), price, frozenset(_YEAR.findall(text)))
    share = _SHARE.search(text)
    if share is not None:
        return AskedValue(SHARE, share.group(0))
    office = _OFFICE.search(text)
    if office is not None:
        return AskedValue(OFFICE, office.group(0))
    schedule = _SCHEDULE.search(text)
    if schedule is not None:
        return AskedValue(SCHEDULE, schedule.group(0))
    return None


def value_stated(asked: AskedValue, texts: Iterable[str]) -> bool:
    """Whether one of the passages states a value of the asked kind (see the module's docstring)."""
    texts = list(texts)
    if asked.kind == OFFICE:
        stems = [stem for key, forms in _OFFICE_STEMS.items() if key in asked.words for stem in forms.split()]
        return any(stem in fold(t) for stem in stems for t in texts)
    if asked.kind == SCHEDULE:
        return any(_SCHEDULED.search(fold(t)) for t in texts)
    if asked.kind == SHARE:
        return any(holds(PERCENT_KIND, t) or _BLANK_SHARE.search(t) for t in texts)
    if any(
        _of_year(sentence, asked.years) for t in texts for sentence in _SENTENCE_END.split(t) if _SUM.search(sentence)
    ):
        return True
    if any(noun in asked.words for noun in _PAY_NOUNS):
        return any(word in fold(t) for word in _PAY_WORDS for t in texts)
    return False


def _of_year(sentence: str, years: frozenset[str]) -> bool:
    """A sentence stating a sum answers a question naming `years` when it names none of its own or one of those:
    "à raison de 12 €/h pour l'année 2013" is the 2013 rate, no answer to "à quel tarif horaire … en 2025 ?"."""
    written = set(_YEAR.findall(sentence))
    return not years or not written or bool(written & years)


def unstated_value(question: str, section_texts: Iterable[str], priced_thing: bool) -> AskedValue | None:
    """The value the question asks, when none of the sections' passages states one (else None). `priced_thing`:
    the thing asked of is one the texts only name or describe (`unstated_price.UNPRICED_TOPICS`), so a price asked
    of it is refused too; of a scheme whose rules they make, a price keeps the silent reading's partial answer."""
    asked = asked_value(question)
    if asked is None or (asked.price and not priced_thing) or value_stated(asked, section_texts):
        return None
    return asked


_SECTIONS: dict[int, tuple[object, dict[tuple[str, str], list[str]]]] = {}
_LOCK = threading.Lock()


def section_texts(passages: Iterable[Chunk], evidence: Sequence[Evidence], depth: int = DEPTH) -> Iterator[str]:
    """Every passage of the sections the best `depth` passages belong to (by document and heading path), the best
    passages' own texts first; the sections are read once per passage list (the retriever's `passages()`, the same
    object until the index reloads). Lazy: `unstated_value` reads them only when the question asks a value, so the
    first messages that ask none (most) pay nothing."""
    with _LOCK:
        cached = _SECTIONS.get(id(passages))
        if cached is None or cached[0] is not passages:
            by_section: dict[tuple[str, str], list[str]] = {}
            for chunk in passages:
                by_section.setdefault((chunk.document, chunk.section_path), []).append(chunk.text)
            cached = (passages, by_section)
            _SECTIONS.clear()
            _SECTIONS[id(passages)] = cached
    sections = cached[1]
    best = [e.chunk for e in evidence[:depth]]
    yield from (c.context_text for c in best)
    for key in dict.fromkeys((c.document, c.section_path) for c in best):
        yield from sections.get(key, [])
