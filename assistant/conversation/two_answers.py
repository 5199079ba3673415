"""The two previous answers set side by side: "lequel est le plus avantageux ?", "c'est pareil pour les
deux ?", "quelle différence entre les deux dans le versement ?".

After two answers on two subjects (the tutor's bonus, then the internal trainer's; the Pro-A, then the
contrat de professionnalisation), a message that compares and names neither side is about both answers.
A new search on the last subject answers only one side; the comparison is built instead from what the two
answers cited, each side with its own citation, so the figures and conditions shown are the ones the
answers relied on.

The request is read from the message's grammar (`about_answer.asks_comparison`): a comparative construction
(`comparison.compares`: plus/moins, mieux, différence, pareil, …) or a pronoun standing for the two
things ("les deux", "lequel", "laquelle des deux", "l'un ou l'autre"), with no named thing of its own.
For each side, the sentence shown is the cited sentence that best matches the aspect the message asks
about ("dans le versement" → the sentences on when the bonus is paid); when the message names no aspect,
the side's own lead when it speaks of the aspect of the question both answers were about ("à quel niveau
RNCP…"), else its cited sentence that does (a lead on another point of the part), else the lead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from assistant.answer import Answer, Citation
from assistant.conversation import wording
from assistant.conversation.cited_parts import lead_text, renumbered, sentences
from assistant.conversation.state import Turn
from ingest.models import Chunk
from text.folding import same_length

_WORD = re.compile(r"[a-z0-9]{3,}")
# words of asking and comparing, which say nothing of the aspect compared
_FRAME_WORDS = (
    "les deux tous toutes lequel laquelle lesquels lesquelles entre eux elles plus moins mieux pire "
    "difference differences different differente pareil pareille pareils identique identiques meme "
    "compare compares comparer comparaison avantageux avantageuse interessant interessante favorable "
    "eleve elevee haut haute bas basse grand grande important importante superieur inferieur quel quelle "
    "quels quelles est sont donc fond alors c'est qu'est que qui quoi pour dans des une avec par sur cas "
    "ceux celui celle entre deux autre l'autre l'un l'une chose choses vraiment finalement bref ont "
    "dessus dessous davantage loin longtemps premier premiere second seconde gagnant"
)
_FRAME = frozenset(_FRAME_WORDS.split())
_STOP_WORDS = (
    "les des une est pas que qui dans pour par sur aux avec son ses sont ont elle ils cette ces leur peut etre "
    "fait plus tout tous quel quelle quels quelles combien comment quand"
)
_STOP = frozenset(_STOP_WORDS.split())


def _stems(text: str, drop: frozenset[str] = _STOP) -> set[str]:
    """Word beginnings (four letters: "versement" and "versée", "durée" and "dure" meet)."""
    return {w[:4] for w in _WORD.findall(same_length(text).lower()) if w not in drop}


def sides(answered: Sequence[Turn]) -> tuple[Turn, Turn] | None:
    """The two answers compared: the last two that answered (neither refused nor asking back), when they
    are about two things — two subjects, or two questions."""
    usable = [t for t in answered if t.route not in ("refusal", "clarify") and t.citations and t.lead]
    if len(usable) < 2:
        return None
    first, second = usable[-2], usable[-1]
    if first.subject is not None and second.subject is not None and not first.subject.same_as(second.subject):
        return first, second
    if same_length(first.resolved).lower() != same_length(second.resolved).lower():
        return first, second
    return None


def _side_sentence(turn: Turn, aspect: set[str], texts: dict[str, str]) -> tuple[Citation, str] | None:
    """The sentence of `turn`'s citations that best matches `aspect`; None when none shares a word with it
    (the side's lead is shown then)."""
    best: tuple[float, Citation, str] | None = None
    lead = _stems(lead_text(turn.lead))
    for citation in turn.citations:
        for sentence in sentences(texts.get(citation.evidence_id, citation.quote)):
            words = _stems(sentence)
            shared = len(words & aspect)
            if not shared:
                continue
            score = shared + 0.5 * (bool(words & lead) and len(words & lead) >= len(words) / 2)
            if best is None or score > best[0]:
                best = (score, citation, sentence)
    return None if best is None else (best[1], best[2])


def _label(turn: Turn, other: Turn) -> str:
    if turn.subject is not None and not turn.subject.same_as(other.subject):
        return turn.subject.display[:1].upper() + turn.subject.display[1:]
    return f"« {turn.question.strip()} »"


def compare(
    answered: Sequence[Turn], message: str, typed: str, passages: Iterable[Chunk] | None = None
) -> Answer | None:
    """The two previous answers side by side, each with the cited sentence on the aspect asked; None when
    the conversation holds no two answers on two things. `passages`: the indexed passages, whose whole text
    is read for a cited one (a citation's quote holds only the sentences its answer showed)."""
    pair = sides(answered)
    if pair is None:
        return None
    # a cited passage is read with the other passages of its part (a part cut in several passages)
    parts = {c.evidence_id: (c.document, c.path) for t in pair for c in t.citations}
    whole: dict[tuple[str, str], list[str]] = {}
    for chunk in passages or ():
        if (chunk.document, chunk.section_path) in parts.values():
            whole.setdefault((chunk.document, chunk.section_path), []).append(chunk.text)
    texts = {evidence: "\n".join(whole[part]) for evidence, part in parts.items() if part in whole}
    aspect = _stems(message, _STOP | _FRAME)
    asked = bool(aspect)  # the message names the aspect compared ("dans le versement")
    if not asked:  # "c'est pareil pour les deux ?": the aspect of the question the answers were about
        names = {t.subject.display for t in pair if t.subject is not None}
        aspect = _stems(pair[0].resolved, _STOP | _FRAME) - _stems(" ".join(names))
    lines: list[str] = []
    citations: list[Citation] = []
    for turn, other in (pair, pair[::-1]):
        # the side's own answer when it speaks of the question's aspect; else its cited sentence that does
        on_aspect = asked or not (_stems(lead_text(turn.lead)) & aspect)
        found = _side_sentence(turn, aspect, texts) if aspect and on_aspect else None
        if found is not None:
            citation, sentence = found
            text = f"« {sentence} »"
        else:
            citation = _lead_citation(turn)
            text = re.sub(r"\s*\[\d+\]", "", lead_text(turn.lead))
        if citation not in citations:
            citations.append(citation)
        lines.append(f"- {_label(turn, other)} : {text} [{citations.index(citation) + 1}]")
    return Answer(typed, wording.compared_answers("\n".join(lines)), "retrieval", citations=renumbered(citations, 1))


def _lead_citation(turn: Turn) -> Citation:
    """The citation the lead's first marker points to, else the answer's first citation."""
    marker = re.search(r"\[(\d+)\]", turn.lead)
    number = int(marker.group(1)) if marker else 0
    return next((c for c in turn.citations if c.number == number), turn.citations[0])
