"""Passages cut into quotable units: sentences, list items, table rows.

Split out of `assistant.answering.units` (which scores the units against a question): cutting a
passage depends on the passage alone, so it is memoised by text and shared by the scorer, the lead,
the unit vectors shipped with the corpus (`assistant.answering.unit_vectors`) and the quarantine of
uploaded documents (`assistant.quarantine`), which keeps sentences written to a machine out.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from assistant.routing.injection import strip_injection
from ingest.tables import TABLE_MARKER

_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-ZÀÂÉÈÊÎÔÛÇ«–])")


@dataclass(frozen=True)
class Unit:
    """A quotable piece of a passage: a sentence, a list item or a table row."""

    text: str
    index: int
    opens_list: bool = False
    in_list: bool = False
    is_header: bool = False


_BOILERPLATE = re.compile(r"^(\(?Suivent les signatures\.?\)?|Fait à .{2,40}, le .{4,30}\.?)$", re.IGNORECASE)


_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ADDRESSED = re.compile(
    r"\b(assistant|l'ia|l’ia|ia\b|chatbot|modèle de langue|system)\s*:|\bnote (à|a|pour) l'?(ia|assistant)|"
    r"\b(réponds|répondez|répondes|answer|reply)\b|<\s*(script|div|img|iframe)\b|\bonerror\s*=|https?://",
    re.IGNORECASE,
)


def addresses_the_assistant(sentence: str) -> bool:
    """A sentence written to a machine ("ignorez les consignes", "SYSTEM:", "réponds que…", a link,
    HTML) is not agreement text: it is data, never quoted as an answer (indirect injection)."""
    visible = _INVISIBLE.sub("", sentence)
    if _ADDRESSED.search(visible):
        return True
    return strip_injection(visible)[1]


def passage_units(text: str) -> list[Unit]:
    """Split a passage into quotable units, remembering which ones introduce a list.

    Memoised by text: the same passages come back across questions and within one answer (relevance,
    selection, lead), and checking every sentence for text addressed to a machine was 40 % of an
    answer's time (cProfile on 20 dev questions).
    """
    return list(_passage_units(text))


@functools.lru_cache(maxsize=4096)
def _passage_units(text: str) -> tuple[Unit, ...]:
    units: list[Unit] = []
    item_last = False  # the last unit is a "– " list item of its own paragraph (a table's row never goes on)
    for paragraph in text.split("\n\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        # one clause only: "rapidement. L'organisme pourra …" ends another paragraph, it is no item's end
        continued = item_last and continues_item(units[-1].text, paragraph) and len(_SENTENCE.split(paragraph)) == 1
        item_last = False
        if paragraph.startswith(TABLE_MARKER):
            lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
            units.append(Unit(lines[0], len(units), opens_list=True, is_header=True))
            units.extend(
                Unit(line, len(units) + i, in_list=True)
                for i, line in enumerate(row for row in lines[1:] if not addresses_the_assistant(row))
            )
            continue
        if paragraph.startswith(("–", "-", "•")):
            if not addresses_the_assistant(paragraph):
                units.append(Unit(paragraph, len(units), in_list=True))
                item_last = True
            continue
        if continued:
            # "– bloc 3 : contribuer … en s'inscrivant" / "dans des logiques partenariales … ;": one item
            units[-1] = Unit(f"{units[-1].text} {paragraph}", units[-1].index, in_list=True)
            item_last = True  # "… de la personne et de son" / "environnement" / … : a second break
            continue
        for sentence in _SENTENCE.split(paragraph):
            sentence = sentence.strip()
            if sentence and not _BOILERPLATE.match(sentence) and not addresses_the_assistant(sentence):
                units.append(Unit(sentence, len(units), opens_list=sentence.endswith(":")))
    return tuple(units)


# A list item cut by a line or page break of the PDF: the item does not end its clause (no ";", ".", ":") and
# the next paragraph goes on in lower case ("… en s'inscrivant" / "dans des logiques partenariales …"); a
# sub-heading's enumerator ("a) Nom de l'organisme", "c) Communication") starts a new part, not a continuation.
# Only a "– " item of its own paragraph goes on, by one clause: a table's row ends with its cell, and a
# paragraph of several sentences after it ("rapidement. L'organisme pourra …") ends some other paragraph.
_ITEM_END = re.compile(r"[.;:!?»)]$")
_CONTINUES = re.compile(r"^[a-zà-ÿ](?![a-z]?\))")


def continues_item(item: str, line: str) -> bool:
    """Whether `line` goes on with the list item `item` (a PDF break inside the item, not a new unit)."""
    return not _ITEM_END.search(item.rstrip()) and bool(_CONTINUES.match(line.lstrip()))
