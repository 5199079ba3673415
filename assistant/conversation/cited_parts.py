"""The parts and sentences a previous answer cited: what the operations on that answer act on.

Apart from `about_answer` (which reads the request from the message's grammar): the neighbouring part of a
cited one is found in the parsed structure of its document (its section numbers), the document is named as
the texts name it, and the sentence an answer led with is found among its citations' quotes by the words they
share. `operations`, `two_answers` and `needs` use them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from assistant.answer import Citation
from assistant.answering.named_parts import in_force as part_in_force
from assistant.conversation import wording
from ingest.models import Chunk
from text.folding import same_length

# (an abbreviation ends no sentence: "l'article L. 6325-14", "art. 4", "R. 6323-2")
_SENTENCE_END = re.compile(r"(?<=[.;!?])(?<!\b[LRD]\.)(?<!\bart\.)\s+(?=[«“\"A-ZÀ-Ý0-9–-])|\n+")
_WORD = re.compile(r"[a-z0-9]{3,}")
_MARKER = re.compile(r"\s*\[\d+\]")


def without_markers(text: str) -> str:
    """An answer's text without its citation markers ("[1]"): they number that answer's passages, so a sentence
    recalled into another answer (a comparison, a table, a quote) must not carry them."""
    return _MARKER.sub("", text)


_STOP_WORDS = (
    "les des une est pas que qui dans pour par sur aux avec son ses sont ont elle ils cette ces leur "
    "peut etre fait plus tout tous quel quelle quels quelles combien comment quand"
)
_STOP = frozenset(_STOP_WORDS.split())


def section_number(label: str) -> str:
    """ "Article 9.3 (créé par l'avenant…)" → "9.3"; "" when the label carries no number."""
    m = re.match(r"\s*(?:article|art\.?|annexe)?\s*(\d{1,2}(?:\.\d{1,2})*)", same_length(label).lower())
    return m.group(1) if m else ""


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split("."))


def neighbour(
    chunks: Iterable[Chunk], citation: Citation, step: int, unit: str, *, in_force: bool = True
) -> str | None:
    """The number of the part next to the cited one in its document's structure (`step` +1 or -1): for
    an article, the next article ("4.3" → "5", "5" → "6"); for a point, the next numbered part at the
    same depth in the same article ("2.5" → "2.6"), else the next article. Read from the section numbers
    of the indexed passages of the document (annexes and unnumbered headings are not counted)."""
    number = section_number(citation.section)
    if not number or same_length(citation.section).lower().lstrip().startswith("annexe"):
        return None
    numbers: set[tuple[int, ...]] = set()
    for chunk in chunks:
        if chunk.document != citation.document or not re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", chunk.section_number):
            continue
        if (part_in_force(chunk) if in_force else not chunk.metadata.get("consolidated")) is False:
            continue
        numbers.add(_key(chunk.section_number))
    here = _key(number)
    if unit in ("article", "titre", "chapitre", "partie"):
        candidates = sorted({n[:1] for n in numbers})
        here = here[:1]
    else:  # a point of the same article, at the same depth; past its last one, the next article
        siblings = sorted(n for n in numbers if len(n) == len(here) and n[:-1] == here[:-1])
        if here in siblings and 0 <= siblings.index(here) + step < len(siblings):
            return ".".join(map(str, siblings[siblings.index(here) + step]))
        candidates = sorted({n[:1] for n in numbers})
        here = here[:1]
    if here not in candidates:
        return None
    at = candidates.index(here) + step
    return ".".join(map(str, candidates[at])) if 0 <= at < len(candidates) else None


def document_name(citation: Citation) -> str:
    """The cited document as the texts name it ("le protocole d'accord du 19 décembre 2019")."""
    title = citation.title or citation.document
    head = re.split(r"\s+(?:relatif|relative|portant|sur la|à l'accord)\b", title)[0].strip()
    return head[:1].lower() + head[1:]


def document_of(name: str) -> str:
    """ "de l'avenant …", "du protocole …", "de la circulaire …"."""
    if re.match(r"(?:le|la|les|l')\b", same_length(name).lower()):
        return "de " + name
    if same_length(name[:1]).lower() in "aeiouh":
        return "de l'" + name
    feminine = name.lower().startswith(("circulaire", "convention", "fiche", "liste"))
    return f"de la {name}" if feminine else f"du {name}"


def part_question(citation: Citation, number: str, *, original: bool = False) -> str:
    """The standalone question naming a part of the cited document, answered from that part."""
    part = f"l'article {number} {document_of(document_name(citation))}"
    if original:
        return wording.part_as_published(part)
    return wording.part_asked(part)


_EFFECT = re.compile(r"date d'effet|entree en vigueur|duree et date|prise d'effet")


def effect_part(chunks: Iterable[Chunk], document: str) -> str:
    """The number of the part of `document` that says when it takes effect ("Durée et date d'effet du
    présent avenant"), read from its headings; "" when it has none."""
    for chunk in chunks:
        if chunk.document == document and _EFFECT.search(same_length(chunk.section_title).lower()):
            number = section_number(chunk.section_number)
            if number:
                return number
    return ""


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if len(s.strip()) > 20]


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(same_length(text).lower()) if w not in _STOP}


def best_sentence(citations: Sequence[Citation], lead: str, question: str) -> tuple[Citation, str] | None:
    """The cited sentence the previous answer led with: the one sharing most words with its lead (then
    with its question); None when no cited sentence shares three words with them."""
    lead_words, question_words = _words(re.sub(r"\[\d+\]", "", lead)), _words(question)
    scored: list[tuple[float, int, Citation, str]] = []
    for citation in citations:
        for at, sentence in enumerate(sentences(citation.quote)):
            words = _words(sentence)
            shared = 2 * len(words & lead_words) + len(words & question_words)
            if words and shared >= 6:  # a long sentence shares more words by its length alone
                scored.append((shared / len(words) ** 0.5, at, citation, sentence))
    if not scored:
        return None
    best = max(scored, key=lambda s: s[0])
    return best[2], best[3]


def led_sentences(citations: Sequence[Citation], lead: str, question: str) -> list[tuple[Citation, str]]:
    """The cited sentences the previous answer's lead is made of, in its order ("7 points par mois… Dans
    ce cadre, … 252 points": both), each found by `best_sentence`; at most three."""
    found: list[tuple[Citation, str]] = []
    for part in sentences(lead_text(lead))[:3] or [lead]:
        best = best_sentence(citations, part, question)
        if best is not None and best[1] not in [s for _, s in found]:
            found.append(best)
    return found


def renumbered(citations: Sequence[Citation], start: int) -> list[Citation]:
    return [replace(c, number=start + i) for i, c in enumerate(citations)]


def lead_text(lead: str) -> str:
    """The lead paragraph without its "En bref :" opening."""
    return re.sub(r"^\s*En bref\s*:\s*", "", lead).strip()
