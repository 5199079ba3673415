"""Whether a named text speaks of something: "l'accord dit-il quelque chose de l'égalité femmes-hommes ?",
"la circulaire parle-t-elle de Tam Tam ?", "l'avenant évoque-t-il le télétravail ?".

Why: such a question asks about the text, not about a rule, and its subject is often one the texts only
touch in a preamble or an annexe (equal access to training, remote work in the managers' annexes). The
ordinary steps read the subject alone and refuse it as general labour law when the bank of labour topics
knows it ("l'égalité professionnelle"), although the text named does say something. Here the question's
grammar says it asks whether the text mentions a subject (a verb of saying after the text, then "de",
"sur", "à propos de" or a direct object); the text is the one it names (`document_questions.which_document`,
with the text that amends it or that it amends, read together); the subject's words are looked for in that
text's sentences, and a sentence holding most of them (light stems, so "égalité" meets "égal") answers
"Oui", quoted and cited; between sentences holding as many of them, one the named text wrote itself comes
first (the protocol of 2019 is read with its avenant, and its consolidation holds the annexes the avenant
added: "le protocole parle-t-il de X ?" is answered from the protocol's own preamble first). It is tried on
the refusal and retrieval routes, never on a calculation. When no sentence holds them, nothing is said here:
the ordinary steps answer or refuse as before, so a text never "mentions" what it does not hold.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping

from assistant.answering import wording
from assistant.answering.citations import CitationBook
from assistant.answering.document_facts import folded
from assistant.answering.document_questions import FRAME, which_document
from assistant.answering.splitting import passage_units
from ingest.models import DocumentInfo
from knowledge.hybrid import Evidence

MENTIONS = "Oui, {source} en parle [{n}] : « {sentence} »"
ALSO = "Aussi, {source} [{n}] : « {sentence} »"

# "dit-il quelque chose de", "parle-t-elle de", "évoque-t-il", "aborde-t-il" (not "prévoit-il une prime ?": a rule)
_ASKS_MENTION = re.compile(
    r"\b(?:dit|disent|parle|parlent|evoque|evoquent|aborde|abordent|mentionne|mentionnent|traite|traitent|"
    r"cite|citent)(?:-t)?-(?:il|elle|ils|elles)\b"
    r"(?:\s+(?:quelque chose|quoi que ce soit|qqch|quoi|rien))?"
    r"\s*(?:de|d'|du|des|sur|a propos d[eu']?|concernant)?\s*(?P<subject>[^?]+)"
)
# An interrogative before the verb asks what the text says, not whether it speaks of it: "quel organisme l'accord
# cite-t-il pour les personnes handicapées ?" asks for the body (a fact of the rule), "qui l'avenant cite-t-il ?".
_ASKS_WHICH = re.compile(
    r"\b(?:quel(?:le)?s?|lequel|laquelle|lesquel(?:le)?s|combien|qui|que|qu'|quoi|comment|pourquoi|quand)\b"
)
_STOP_TEXT = (
    "le la les l de du des d un une et ou a au aux en sur par pour que qui quoi ce ces cet cette entre dans "
    "avec son sa ses leur leurs ne pas plus tout tous toute toutes meme chose choses pareil"
)
_STOP = set(_STOP_TEXT.split())
SEARCHED = 6
SHARE = 2 / 3  # of the subject's words one sentence must hold
MAX_QUOTES = 2

Search = Callable[[str, int, list[str]], list[Evidence]]


def mention_words(question: str) -> list[str]:
    """The words of what the question asks a text to mention (empty when it asks no such thing)."""
    text = folded(question)
    match = _ASKS_MENTION.search(text)
    if match is None or _ASKS_WHICH.search(text[: match.start()].rpartition(":")[2]):
        return []
    words = re.findall(r"[a-z0-9]+", match["subject"])
    return [w for w in words if w not in _STOP and w not in FRAME and len(w) > 2]


def mention_subject(question: str) -> set[str] | None:
    """The light stems of what the question asks a text to mention; None when it asks no such thing."""
    return {w[:5] for w in mention_words(question)} or None


def writers(item: Evidence) -> set[str]:
    """The texts that wrote a passage: its document, or for a consolidated article the avenants that rewrote or
    added it (the consolidated protocol holds the avenant's annexes: the avenant wrote them, not the protocol)."""
    amended_by = {d for d in str(item.chunk.metadata.get("amended_by") or "").split(",") if d}
    return amended_by or {item.document}


def answer_mention(
    question: str,
    manifest: Mapping[str, DocumentInfo],
    search: Search,
    book: CitationBook,
    names: Mapping[str, str],
) -> str | None:
    """ "Oui", the sentence of the named text that holds the subject, cited; None to leave it to the ordinary steps."""
    subject = mention_subject(question)
    if not subject:
        return None
    document = which_document(question, manifest)
    if document is None:
        return None
    info = manifest[document]
    together = [document] + [d for d, i in manifest.items() if i.amends == document or d == info.amends]
    needed = max(1, math.ceil(SHARE * len(subject)))
    found: list[tuple[int, bool, int, Evidence, str]] = []
    for rank, item in enumerate(search(" ".join(mention_words(question)), SEARCHED, together)):
        for unit in passage_units(item.chunk.text):
            stems = {w[:5] for w in re.findall(r"[a-z0-9]+", folded(unit.text)) if len(w) > 2}
            held = len(subject & stems)
            if held >= needed and not unit.is_header:
                found.append((-held, document not in writers(item), rank, item, unit.text))
    if not found:
        return None
    found.sort(key=lambda f: f[:3])
    lines: list[str] = []
    for _, _, _, item, sentence in found[:MAX_QUOTES]:
        n = book.cite(item, sentence)
        source = wording.source_phrase(item.citation, names.get(item.document, item.document))
        lines.append((ALSO if lines else MENTIONS).format(source=source, n=n, sentence=sentence))
    return "\n".join(lines)
