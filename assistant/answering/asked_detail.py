"""The detail a message asks that the lead sentence does not state, found in the lead's own section.

Why: the lead is chosen by the whole message, and the sentence that best matches the whole message is often the one
restating what the asker already said. "Ceux qui vérifient sur pièces les cotisations des très petites entreprises :
vers quel métier peuvent-ils évoluer ?" is led by "Le Contrôleur du recouvrement contribue par le contrôle sur pièces
… des Très Petites Entreprises" (it names the CQP the asker describes), while the answer, "pourra envisager une
mobilité fonctionnelle vers le métier d'Inspecteur du recouvrement", sits further down the same section, in a passage
the search did not even return. "Nos EPA peuvent-ils soutenir leurs alternants avec des engagements financiers
propres ?" is led by "Les EPA ont la faculté de soutenir le recours à l'alternance", and the sentence on the
"engagements financiers" ("font l'objet d'une convention de partenariat") is left out.

The reading is one of form, never of a question's words:
- what is asked: the terms of the message's asking clause (`routing.subject.asking_clause`: the clause after the
  premise and its colon; the message itself when it has none), weighted by their rarity in the passages;
- what the lead leaves out: those terms that neither the lead sentences nor the section's own headings hold (a light
  stem and a shared beginning of five letters count as the same word: "exercer" and "l'exercice");
- where the detail is: the units of the lead's section, the passages the search returned and the ones that follow
  them in the same section (a flat section — a CQP's part of the fiche, a circular's chapter — is cut into several
  passages), scored by how much of the uncovered mass they hold, times the answer type the clause asks for
  (`answer_types`), near-ties decided by meaning (e5).
When the asking clause follows a premise and the lead holds none of its terms, the detail replaces the lead (the lead
only identified what the premise describes); otherwise it follows the lead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from assistant.answering.answer_types import (
    AMOUNT,
    CONDITION,
    DECIDES,
    asked_types,
    asks_money,
    closes,
    holds,
    type_factor,
)
from assistant.answering.lead_opening import asked_figure
from assistant.answering.meaning import UnitMeaning
from assistant.answering.passages import PickedPassage
from assistant.answering.units import Unit, idf_weights, passage_units, query_weights, unit_terms
from assistant.routing.subject import asking_clause
from ingest.models import Chunk

UNCOVERED_SHARE = 0.2  # the lead leaves at least this share of the asked (idf-weighted) mass unsaid…
DETAIL_SHARE = 0.5  # … and a unit of its section holds at least this share of what is left
MIN_ASKED_TERMS = 2  # an asking clause with fewer subject terms ("c'est possible ?") is read with the whole message
NEAR_TIE = 0.85  # units within this share of the best detail score are compared by meaning
MAX_FOLLOWING = 4  # passages of the same section read after the retrieved ones
COSINE_MARGIN = 0.02  # a detail following the lead is at most this much further from the message (e5)
MIN_HELD_TERMS = 2  # a detail following the lead holds this many of the words it left unsaid
WHOLE_DETAIL_TERMS = 3  # a detail holding all of at least this many unsaid words needs no e5 check
PREFIX = 5  # two stems sharing their first five letters are one word ("exerc" of "exercer", "exerci" of "exercice")
CLAUSE_MARGIN = 0.005  # a unit read by meaning is this much closer to the asking clause than the lead (e5)
# facts29: a sum in euros ("12 €/h", "1 500 euros"), what a clause asking money by its unit wants
_EUROS = re.compile(r"\d[\d\s.,]*\s*(?:€|euros?\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Detail:
    """The unit stating the asked detail, and whether it replaces the lead (else it follows it)."""

    unit: Unit
    replaces: bool
    added: bool  # read from a passage of the section that was not retrieved (to be added to the quoted units)


def asked_clause(question: str) -> tuple[str, bool]:
    """The clause whose terms are asked, and whether it follows a premise ("…, ceux qui… : vers quel métier ?")."""
    clause = asking_clause(question).strip()
    if clause and clause != question.strip() and len(query_weights(clause)) >= MIN_ASKED_TERMS:
        return clause, True
    return question, False


def _states(unit: Unit) -> bool:
    """A sentence that states something: not a list's item, a table's row, a heading, a line announcing what follows
    ("Pour aller plus loin :", "2 voies possibles pour obtenir le CQP :") nor a fragment cut from its sentence (a
    footnote's continuation starting in lower case)."""
    text = unit.text.strip()
    if unit.is_header or unit.in_list or unit.opens_list or text.endswith(":"):
        return False
    return bool(text) and not text[0].islower()


def _holds(term: str, bag: set[str] | frozenset[str]) -> bool:
    if term in bag:
        return True
    return len(term) >= PREFIX and any(len(t) >= PREFIX and t[:PREFIX] == term[:PREFIX] for t in bag)


def _own_heading(chunk: Chunk) -> str:
    """The headings that name the section's subject: its article's and its own ("Article 9 – Le formateur interne à
    titre accessoire › 9.2 – Périmètre"), not the title grouping articles ("Titre IV – Financement de la formation
    professionnelle" names no detail of the contribution's article)."""
    parts = [p for p in chunk.section_path.split(" › ") if not p.lower().startswith("titre")]
    return " ".join([*parts, chunk.section_title])


def section_units(
    passage: PickedPassage, following: Callable[[Chunk], Chunk | None] | None, seen: set[str]
) -> list[Unit]:
    """The units of the passages that follow the lead's passage in its section and were not retrieved, numbered
    after the passage's own units (`seen`: the texts of the passages already read)."""
    if following is None:
        return []
    texts: list[str] = []
    chunk: Chunk | None = passage.item.chunk
    for _ in range(MAX_FOLLOWING):
        chunk = following(chunk) if chunk is not None else None
        if chunk is None:
            break
        if " ".join(chunk.text.split()) not in seen:
            texts.append(chunk.text)
    if not texts:
        return []
    start = max((u.index for u in passage.units), default=-1) + 1
    return [replace(u, index=start + u.index) for u in passage_units("\n\n".join(texts))]


def asked_detail(
    question: str,
    passage: PickedPassage,
    lead_units: Sequence[Unit],
    following: Callable[[Chunk], Chunk | None] | None,
    meaning: UnitMeaning | None,
    contexts: Sequence[str],
) -> Detail | None:
    """The unit of the lead's section stating what the message asks and the lead does not say; None when the lead
    says it, or when no unit of the section says enough of it (`contexts`: the retrieved passages' texts, for the
    terms' rarity)."""
    if not lead_units or any(u.is_header for u in lead_units):
        return None
    clause, after_premise = asked_clause(question)
    seen = {" ".join(u.text.split()) for u in passage.units}
    extra = section_units(passage, following, {" ".join(t.split()) for t in contexts})
    weights = query_weights(clause)
    idf = idf_weights([*contexts, *(u.text for u in extra)], weights)
    asked = {t: w * idf[t] for t, w in weights.items() if idf.get(t, 0.0) > 0}
    total = sum(asked.values())
    if total <= 0:
        return None
    chunk = passage.item.chunk
    said = unit_terms(" ".join(u.text for u in lead_units))
    covered = said | unit_terms(_own_heading(chunk))
    # a yes/no question is decided by the rule its lead states, never replaced by another sentence: measured, "mon
    # employeur doit-il m'en proposer une ?" lost its rule for "Non : le salarié bénéficie d'un droit…"
    kinds = asked_types(clause)
    yes_no = closes(clause) and CONDITION not in kinds  # "que faut-il de plus pour exercer ?" asks what is required
    replaces = after_premise and not yes_no and not any(_holds(t, said) for t in asked)
    typed = bool(kinds - {DECIDES})  # a kind of answer asked: a place, a date, a body, a condition…
    if not replaces and any(u.in_list or u.opens_list for u in lead_units):
        return None  # a lead that is a list or a table's row: the detail would be another row
    if not replaces and any(asked_figure(question, u.text) for u in lead_units):
        return None  # the lead states the figure asked ("3 salariés :"): it answers
    leading = {u.text for u in lead_units}
    # the section's sentences that state something (`_states`): a row read alone answers for its row only
    pool = [u for u in passage.units if u.text not in leading and _states(u)]
    pool += [u for u in extra if " ".join(u.text.split()) not in seen and _states(u)]
    # what the lead leaves unsaid and its section says: a word of the premise the section never uses ("un ancien
    # stagiaire devenu agent") is not a detail it could state
    said_here = unit_terms(" ".join(u.text for u in pool))
    left = {t: m for t, m in asked.items() if not _holds(t, covered) and _holds(t, said_here)}
    mass = sum(left.values())
    if mass <= 0 or mass < UNCOVERED_SHARE * total:
        return None
    scored: list[tuple[float, Unit]] = []
    for unit in pool:
        bag = unit_terms(unit.text)
        held = [t for t in left if _holds(t, bag)]
        weight = sum(left[t] for t in held)
        factor = type_factor(kinds, unit.text)
        # the detail says two of the words the lead left unsaid ("engagements financiers"), or, in place of a lead
        # that only named what the premise describes, one of them in a sentence of the kind asked ("que faut-il pour
        # exercer ?" and "l'exercice du métier est subordonné à…"); one word alone is too weak a sign to follow a lead
        # (measured: "Un numéro d'identification sera communiqué…" after the lead on the examination's sessions)
        enough = len(held) >= MIN_HELD_TERMS or (replaces and factor > 1.0)
        # in place of the lead, a sentence of the kind the clause asks ("dans quels organismes s'exerce le métier ?"
        # and "exerce son activité dans une Urssaf"), never one that only shares its words ("l'exercice du métier est
        # subordonné à un agrément": a condition, not a place)
        enough = enough and not (replaces and typed and factor <= 1.0)
        if weight >= DETAIL_SHARE * mass and enough:
            scored.append((weight / mass * factor, unit))
    if not scored:
        return None
    best = max(s for s, _ in scored)
    near = [(s, u) for s, u in scored if s >= NEAR_TIE * best]
    if meaning is not None and len(near) > 1:
        cosines = meaning.similarities(clause, [u.text for _, u in near])
        if all(c is not None for c in cosines):
            near = [(s + (c or 0.0), u) for (s, u), c in zip(near, cosines)]
    unit = max(near, key=lambda pair: (pair[0], -pair[1].index))[1]
    says_all = len(left) >= WHOLE_DETAIL_TERMS and all(_holds(t, unit_terms(unit.text)) for t in left)
    if not replaces and meaning is not None and not says_all:
        # following the lead, it is about the message as much as the lead is (e5): "un point spécifique est fait sur
        # cette activité" shares two words with the message but does not say what it asks. A unit saying every one of
        # three or more words the lead left unsaid says what is asked, whatever a cosine difference of a hundredth
        # says (measured: "engagements financiers spécifiques" sat 0.00004 past the margin on one machine, inside it
        # on another)
        lead_cosine, cosine = meaning.similarities(question, [lead_units[0].text, unit.text])
        if lead_cosine is not None and cosine is not None and cosine < lead_cosine - COSINE_MARGIN:
            return None
    return Detail(unit, replaces, " ".join(unit.text.split()) not in seen)


def meaning_clause(question: str) -> str:
    """The asking clause read for its meaning: `asked_clause`, and within it the part after the last semicolon when
    that part asks on its own ("Je n'ai suivi aucune formation depuis 2021 ; qui décide laquelle je suivrai ?"):
    a premise is often joined to the question by a semicolon rather than a colon. "" when no premise precedes it."""
    clause, after_premise = asked_clause(question)
    head, semicolon, tail = clause.rpartition(";")
    if semicolon and "?" not in head and len(query_weights(tail)) >= MIN_ASKED_TERMS:
        return tail.strip()
    return clause if after_premise else ""


def _asked_kinds(clause: str) -> frozenset[str]:
    """The kinds of answer the clause asks (`asked_types`, a yes/no's `DECIDES` aside), a sum asked by its unit
    ("combien d'euros ?", "quel taux horaire ?") among them."""
    return asked_types(clause) - {DECIDES} | ({AMOUNT} if asks_money(clause) else set())


def _typed_question(question: str) -> str:
    """A message with no premise that asks one kind of answer (a date, a body, a place, an amount…): read whole as
    its asking clause (facts27). "" otherwise: a yes/no or open question with no premise keeps its lead alone."""
    return question if _asked_kinds(question) else ""


def clause_detail(
    question: str,
    passage: PickedPassage,
    lead_units: Sequence[Unit],
    following: Callable[[Chunk], Chunk | None] | None,
    meaning: UnitMeaning | None,
    contexts: Sequence[str],
    found: Detail | None = None,
) -> Detail | None:
    """The unit of the lead's section closest in meaning to the asking clause alone, when the lead (chosen on the
    whole message) does not answer that clause; it follows the lead.

    Why: after a premise, the lead often restates the premise. "En 2013, une candidate ne pouvait pas finir son
    parcours à temps : vers qui devait-elle se tourner ?" is led by "Les candidats … devront donc terminer leur
    parcours en 2013"; the answer, "Les difficultés … doivent être adressées au CRFP", shares no word with "vers qui se
    tourner" (`asked_detail`'s lexical reading misses it) but is the section's sentence closest in meaning to the
    asking clause, and it names a body. "Ma direction vient de me désigner tutrice ; est-ce qu'on doit me libérer du
    temps pour ça ?" is led by "Un tuteur est désigné pour toute formation…", which holds no word of the clause.

    What tells that the lead misses the clause is read on form, and so is what may follow it (the e5 cosines are flat,
    so meaning only ranks units the form admits):
    - a clause asking a kind of answer (a body, a date, a condition, a bound: `answer_types`) whose kind the lead
      does not state: units stating that kind;
    - a clause asking a sum of money by its unit ("combien d'euros de l'heure ?") whose lead states no sum in euros:
      units stating euros, ranked by meaning with no margin over the lead (facts29: the form is the evidence);
    - any other clause (yes/no, "quel diplôme ?") none of whose words the lead holds: units holding one of them.
    `found`: the detail the lexical reading chose (`asked_detail`); it stands when it replaces the lead or answers.
    """
    clause = meaning_clause(question) or _typed_question(question)
    if meaning is None or not clause or not lead_units or (found is not None and found.replaces):
        return None
    if any(u.is_header or u.in_list or u.opens_list for u in lead_units):
        return None
    said = " ".join(u.text for u in lead_units) + (" " + found.unit.text if found is not None else "")
    kinds = _asked_kinds(clause)
    terms = set(query_weights(clause))
    # facts29: a sum asked by its unit ("combien d'euros de l'heure ?", "à quel tarif horaire ?") that the lead does
    # not state in euros: only a sentence stating euros answers it (a lead naming a cost, « pris en charge », does not)
    money = asks_money(clause) and not _EUROS.search(said)
    if money:

        def admitted(text: str) -> bool:
            return bool(_EUROS.search(text))

    elif kinds:
        if any(holds(kind, said) for kind in kinds):
            return None

        def admitted(text: str) -> bool:
            return any(holds(kind, text) for kind in kinds)

    else:
        said_terms = unit_terms(said)
        if found is not None or any(_holds(t, said_terms) for t in terms):
            return None

        def admitted(text: str) -> bool:
            bag = unit_terms(text)
            return any(_holds(t, bag) for t in terms)

    seen = {" ".join(u.text.split()) for u in passage.units}
    extra = section_units(passage, following, {" ".join(t.split()) for t in contexts})
    leading = {u.text for u in lead_units}
    pool = [u for u in passage.units if u.text not in leading and _states(u)]
    pool += [u for u in extra if " ".join(u.text.split()) not in seen and _states(u)]
    pool = [u for u in pool if admitted(u.text)]
    if not pool:
        return None
    cosines = meaning.similarities(clause, [lead_units[0].text, *(u.text for u in pool)])
    if any(c is None for c in cosines):
        return None  # only when every unit has its vector: never a partial comparison
    lead_cosine, rest = cosines[0] or 0.0, [c or 0.0 for c in cosines[1:]]
    best = max(range(len(pool)), key=lambda i: (rest[i], -pool[i].index))
    # facts29: for a sum asked by its unit, the form is the evidence and e5 only ranks the sentences stating euros: the
    # lead « 1 Le nombre d'heures est indiqué … » of "en 2013, combien d'euros de l'heure ?" stood nearer the clause
    # than « … à raison de 12 €/h pour l'année 2013 »
    if not money and rest[best] < lead_cosine + CLAUSE_MARGIN:
        return None
    unit = pool[best]
    return Detail(unit, False, " ".join(unit.text.split()) not in seen)
