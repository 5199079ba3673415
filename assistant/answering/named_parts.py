"""Which part of the texts a message names, and which passages hold it.

Users point into the texts as they read them: "l'article 4.3", "art 9 de l'avenant", "l'annexe 2",
"le titre IV", "la partie VI de la circulaire", "le titre sur le tutorat", "le chapitre sur la VAE".
Nothing here is typed per text: the parts are read from the parsed structure of every indexed
document (its section numbers, and the headings of each passage's path, "Titre IV – Financement de
la formation professionnelle › Article 10 – …"), so an uploaded text is resolved the same way.

Numbers of an amended text have two readings: the text as published ("l'accord d'origine", "dans mon
PDF de 2019") and the text in force, consolidated after the avenant's renumbering ("le protocole
consolidé", "l'article actuel"). A message that says which one is read so; otherwise the reading
whose passages hold more of the message's own words wins, the text in force on a tie.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from assistant.answering.document_facts import folded
from assistant.answering.document_questions import FRAME, which_document
from ingest.models import Chunk, DocumentInfo

ARTICLE, ANNEXE, TITRE, PARTIE, HEADING = "article", "annexe", "titre", "partie", "heading"

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}
_PATH_SEPARATOR = " › "
# "article 9.3", "art. 9", "art 10.1", "l'article 2 de l'avenant"
_ARTICLE = re.compile(  # "l'article 1er" is article 1
    r"\b(?:articles?|art\.?)\s*(\d{1,2}(?:\.\d{1,2})*)(?:er)?\b(?!\s*(?:%|€|euros?|ans?\b|mois\b|heures?\b))"
)
_ANNEXE = re.compile(r"\bannexe\s+(\d{1,2}|[ivx]{1,5})\b")
_TITRE = re.compile(r"\btitre\s+([ivx]{1,5}|\d{1,2})\b(?!\s*(?:%|€))")
_PARTIE = re.compile(r"\b(?:partie|chapitre|section|point|paragraphe)\s+([ivx]{1,5}|\d{1,2})\b")
# "le titre sur le tutorat", "le chapitre consacré à la VAE", "la partie qui traite du financement"
_ABOUT = re.compile(
    r"\b(?P<kind>titre|chapitre|partie|section|article|annexe|paragraphe|rubrique|passage)\s+"
    r"(?:qui (?:parle|traite|porte)\s+(?:de|d'|des|du|sur)|consacree?s?\s+(?:a|au|aux)|relatif\w*\s+(?:a|au|aux)|"
    r"sur|concernant|traitant\s+(?:de|d'|des|du)|dedie\w*\s+(?:a|au|aux))\s*"
    r"(?:l'|la |le |les |un |une |des |du |de |d')?(?P<words>[^,?;:.!()]+)"
)
# The message says which numbering it reads.
_ORIGINAL = re.compile(
    r"\bd.origine\b|\boriginel\w*|\binitia(?:l|le|ux)\b|\bancien(?:ne)?s?\b|\bavant (?:l.avenant|2022|sa modification)|"
    r"\bversion (?:de )?2019\b|\bpdf de 2019\b|\bpremiere version\b"
)
_CURRENT = re.compile(
    r"\bconsolide\w*|\ben vigueur\b|\bactuel\w*|\baujourd.hui\b|\bmaintenant\b|\bnouvel(?:le)? numerotation\b|"
    r"\bdepuis l.avenant\b|\bmodifie par l.avenant\b|\bversion (?:de )?2022\b"
)
_STOP_TEXT = (
    "le la les l de du des d un une et ou a au aux en sur par que qui quoi ce c ca se s il elle est son "
    "sa ses dans pour avec leur leurs tout tous toutes cette"
)
_STOP = set(_STOP_TEXT.split())
KIND_PRIORITY = ("accord", "avenant")  # a part named without its text: the agreement, then its avenant


@dataclass(frozen=True)
class PartReference:
    """A part the message names: its kind, its number ("9.3", "Annexe 2", "Titre IV", "VI") or title
    words, the document if the message names one, and the numbering it reads ("original", "current", "")."""

    kind: str
    number: str
    words: frozenset[str]
    document: str | None
    reading: str
    span: tuple[int, int]  # where it is named, in the folded message


@dataclass(frozen=True)
class ResolvedPart:
    """The passages of a named part, in reading order, with the headings that name it."""

    reference: PartReference
    document: str
    chunks: tuple[Chunk, ...]
    label: str  # "l'article 9.3", "l'annexe 2", "le titre IV", "la partie VI"
    title: str  # the part's own heading title ("Montant", "Assistant(e) de service social")
    current: bool  # read in the text in force (else as published, before an avenant renumbered it)


def roman(text: str) -> int:
    """ "iv" → 4; a number written in digits is read as such."""
    if text.isdigit():
        return int(text)
    values = [_ROMAN[c] for c in text.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def title_words(text: str) -> set[str]:
    """A heading's or a message's content words (light stems), and a heading's initials: "Validation des
    acquis de l'expérience" is also "vae", "Conseil en évolution professionnelle" also "cep"."""
    words = [w for w in re.findall(r"[a-z0-9]+", folded(text)) if w not in _STOP and len(w) > 1]
    stems = {w[:6] for w in words if len(w) > 2}
    if len(words) >= 2:
        stems.add("".join(w[0] for w in words if not w.isdigit()))
    return stems


# Where the subject named after "le titre sur…" ends: a verb or a preposition opening the rest of the message.
_SUBJECT_ENDS = re.compile(
    r"\b(?:dans|selon|pour|chez|en|et|ou|qui|que|dit|disent|parle|traite|prevoit|contient|porte|est|sont|"
    r"il|elle|ca|c)\b"
)


def subject_words(text: str) -> set[str]:
    """The words naming a part's subject ("la VAE dans la circulaire" → {"vae"}): up to the first verb or
    preposition that opens the rest of the message, the words naming a text left out."""
    head = _SUBJECT_ENDS.split(text, maxsplit=1)[0]
    words = [w for w in re.findall(r"[a-z0-9]+", head) if w not in _STOP and w not in FRAME and len(w) > 2]
    return {w[:6] for w in words}


def read_references(question: str, manifest: Mapping[str, DocumentInfo]) -> list[PartReference]:
    """The parts the message names, in the order it names them."""
    text = folded(question)
    text = re.sub(r"\s+", " ", text)
    document = which_document(question, manifest)
    reading = "original" if _ORIGINAL.search(text) else "current" if _CURRENT.search(text) else ""
    found: list[PartReference] = []

    def add(kind: str, number: str, words: frozenset[str], span: tuple[int, int]) -> None:
        if kind != HEADING and _of_own_document(text, span[1], manifest):
            return  # "l'article 9 de mon contrat de travail": a part of the user's own paper, not of the texts
        if all(r.span[0] >= span[1] or r.span[1] <= span[0] for r in found):
            found.append(PartReference(kind, number, words, document, reading, span))

    for match in _ABOUT.finditer(text):
        words = frozenset(subject_words(match["words"]))
        if words:
            add(HEADING, match["kind"], words, match.span())
    for match in _ARTICLE.finditer(text):
        add(ARTICLE, match.group(1), frozenset(), match.span())
    for match in _ANNEXE.finditer(text):
        add(ANNEXE, f"Annexe {roman(match.group(1))}", frozenset(), match.span())
    for match in _TITRE.finditer(text):
        add(TITRE, _to_roman(roman(match.group(1))), frozenset(), match.span())
    for match in _PARTIE.finditer(text):
        add(
            PARTIE,
            match.group(1).upper() if not match.group(1).isdigit() else match.group(1),
            frozenset(),
            match.span(),
        )
    return sorted(found, key=lambda r: r.span)


# A part said to belong to a paper of the user's own ("l'article 9 de mon contrat de travail", "l'annexe 2 de notre
# règlement intérieur", "art. 3 de sa convention de stage"): a possessive, then the paper's name.
_OWN_PAPER = re.compile(
    r"\s*(?:,\s*)?(?:de|du|d')\s*(?:mon|ma|mes|notre|nos|votre|vos|son|sa|ses|leur|leurs)\s+((?:[a-z0-9-]+\s*){1,4})"
)
# Words that name one of the texts as the user holds it ("mon PDF de 2019", "notre accord", "ma version"): the
# part is then the texts' own.
_TEXT_WORDS_TEXT = "pdf texte textes document version exemplaire copie accord avenant protocole circulaire fiche"
_TEXT_WORDS = frozenset(_TEXT_WORDS_TEXT.split())


def _of_own_document(text: str, end: int, manifest: Mapping[str, DocumentInfo]) -> bool:
    """Whether the part named just before `end` is said to belong to a paper of the user's own that is none of the
    indexed texts (a contract of employment, an internal rule book): its number says nothing of the texts."""
    match = _OWN_PAPER.match(text, end)
    if match is None:
        return False
    paper = match.group(1)
    if set(re.findall(r"[a-z0-9]+", paper)) & _TEXT_WORDS:
        return False
    return which_document(paper, manifest) is None


def _to_roman(value: int) -> str:
    out = ""
    for number, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out


def _heading_parts(path: str) -> list[tuple[str, str]]:
    """ "Titre IV – Financement … › Article 10 – Abondement …" → [("Titre IV", "Financement …"), …]."""
    parts = []
    for heading in path.split(_PATH_SEPARATOR):
        head, _, title = heading.partition(" – ")
        parts.append((head.strip(), title.strip()))
    return parts


IN_FORCE, PUBLISHED = "current", "original"
_OPEN_END = 99991231


def in_force(chunk: Chunk) -> bool:
    """A passage of the text in force: consolidated, or published and never superseded."""
    try:
        return int(chunk.metadata.get("valid_to") or _OPEN_END) >= _OPEN_END
    except (TypeError, ValueError):
        return True


def _candidates(reference: PartReference, chunks: Iterable[Chunk]) -> dict[tuple[str, str], list[Chunk]]:
    """The passages matching the reference, by (document, view): the text in force and the text as
    published; a document never amended has one view (in force)."""
    found: dict[tuple[str, str], list[Chunk]] = {}
    for chunk in chunks:
        if reference.document and chunk.document != reference.document:
            continue
        if not _matches(reference, chunk):
            continue
        if in_force(chunk):
            found.setdefault((chunk.document, IN_FORCE), []).append(chunk)
        if not chunk.metadata.get("consolidated"):
            found.setdefault((chunk.document, PUBLISHED), []).append(chunk)
    for document, _ in list(found):
        current, published = found.get((document, IN_FORCE)), found.get((document, PUBLISHED))
        if current and published and [c.id for c in current] == [c.id for c in published]:
            del found[(document, PUBLISHED)]
    return found


def _matches(reference: PartReference, chunk: Chunk) -> bool:
    number = chunk.section_number
    heads = _heading_parts(chunk.section_path)
    if reference.kind == ARTICLE:
        return (
            bool(number)
            and number[:1].isdigit()
            and (number == reference.number or number.startswith(reference.number + "."))
        )
    if reference.kind == ANNEXE:
        return number == reference.number
    if reference.kind == TITRE:
        return any(head.lower() == f"titre {reference.number.lower()}" for head, _ in heads)
    if reference.kind == PARTIE:
        return number.upper() == reference.number or any(head.upper() == reference.number for head, _ in heads)
    return False


def resolve(
    reference: PartReference,
    chunks: Sequence[Chunk],
    manifest: Mapping[str, DocumentInfo],
    subject: set[str],
) -> ResolvedPart | None:
    """The passages of the named part: in the document named, else the one whose passages hold most
    of the message's own words (`subject`), the agreement first on a tie; the numbering the message
    reads, else the one holding more of its words, the text in force on a tie."""
    if reference.kind == HEADING:
        return _by_heading(reference, chunks, manifest)
    found = _candidates(reference, chunks)
    if not found:
        return None

    def rank(key: tuple[str, str]) -> tuple[int, int, int, int]:
        document, view = key
        shared = len(subject & title_words(" ".join(f"{c.section_title} {c.text}" for c in found[key])))
        kind = manifest[document].kind if document in manifest else ""
        priority = KIND_PRIORITY.index(kind) if kind in KIND_PRIORITY else len(KIND_PRIORITY)
        # the numbering the message reads first, then its words, then the text in force, the agreement
        return (int(view == reference.reading), shared, int(view == IN_FORCE), -priority)

    best = max(found, key=rank)
    part = sorted(found[best], key=lambda c: (c.section_ordinal, c.ordinal))
    return ResolvedPart(
        reference, best[0], tuple(part), _label(reference), _title(reference, part), best[1] == IN_FORCE
    )


def _label(reference: PartReference) -> str:
    if reference.kind == ARTICLE:
        return f"l'article {reference.number}"
    if reference.kind == ANNEXE:
        return f"l'{reference.number.lower()}"
    if reference.kind == TITRE:
        return f"le titre {reference.number}"
    return f"la partie {reference.number}"


def _title(reference: PartReference, part: Sequence[Chunk]) -> str:
    first = part[0]
    for head, title in _heading_parts(first.section_path):
        if reference.kind == TITRE and head.lower().startswith("titre"):
            return title
        if reference.kind == ANNEXE and head == reference.number:
            return title
        if reference.kind == PARTIE and head.upper() == reference.number:
            return title
        if reference.kind == ARTICLE and head in (f"Article {reference.number}", reference.number):
            return title
    return first.section_title


def _by_heading(
    reference: PartReference, chunks: Sequence[Chunk], manifest: Mapping[str, DocumentInfo]
) -> ResolvedPart | None:
    """ "le titre sur le tutorat" → the widest heading whose title holds every word named (or its
    initials: "la VAE" → "Validation des acquis de l'expérience"), in the document named if any."""
    best: tuple[int, int, int] | None = None
    chosen: tuple[str, str, str, bool] | None = None
    for chunk in chunks:
        if reference.document and chunk.document != reference.document:
            continue
        if not in_force(chunk):
            continue
        for depth, (head, title) in enumerate(_heading_parts(chunk.section_path)):
            if not title:
                continue
            if not reference.words <= title_words(title):  # every word named, or the title's initials
                continue
            kind = manifest[chunk.document].kind if chunk.document in manifest else ""
            priority = KIND_PRIORITY.index(kind) if kind in KIND_PRIORITY else len(KIND_PRIORITY)
            score = (-priority, -depth, 0)  # the widest part so named: "Article 4 – Tutorat", not its 4.1
            if best is None or score > best:
                best, chosen = score, (chunk.document, head, title, True)
    if chosen is None:
        return None
    document, head, title, current = chosen
    heading = f"{head} – {title}"
    part = [
        c for c in chunks if c.document == document and in_force(c) and heading in c.section_path.split(_PATH_SEPARATOR)
    ]
    part.sort(key=lambda c: (c.section_ordinal, c.ordinal))
    number = head.removeprefix("Article ").strip()
    kind = (
        ARTICLE
        if head.startswith("Article") or number[:1].isdigit()
        else TITRE
        if head.startswith("Titre")
        else ANNEXE
        if head.startswith("Annexe")
        else PARTIE
    )
    if kind == TITRE:
        number = head.removeprefix("Titre ").strip()
    named = PartReference(kind, number, reference.words, document, reference.reading, reference.span)
    return ResolvedPart(named, document, tuple(part), _label(named), title, current)
