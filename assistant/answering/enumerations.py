"""Questions that ask for an enumeration ("quels sont les CQP ?", "combien de CQP ?", "la liste des
certifications ajoutées par l'avenant") answered with the members themselves (issue #13).

The question is read by its own grammar: an enumerating phrase ("quels/quelles (sont les) N",
"combien de N", "la liste des N", "cite/donne-moi les N", "tous les N") gives the asked noun N. The
answer is given only when N names a family of the texts (`enumeration_families`: the words of its
heading, table header or members' shared first word), so "quelles sont les conditions pour…" is left
to the ordinary pipeline: no family of the texts is named "conditions". Among the families N names,
the one whose title, path and document share most words with the question is taken. Its members are
then filtered by the question's own words that some members carry and others do not ("du
recouvrement", "famille 06"), by N itself when N is the first word of only some members ("les CQP de
la liste Pro-A"), and to the members an amendment brought when the question names the amending text.

The answer leads with the count and the members, each with its citation, at most `SHOWN` lines,
then how many more and where to find them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from assistant.answering.citations import CitationBook
from assistant.answering.corpus_words import corpus_words
from assistant.answering.enumeration_families import Family, Member, fold, read_families, stem, words
from assistant.answering.per_index import PerIndex
from assistant.answering.wording import french_date
from assistant.routing.subject import asking_clause
from ingest.models import DocumentInfo
from knowledge.hybrid import Evidence

SHOWN = 15
# the asked noun, and a second one coordinated with it ("quels titres et diplômes")
_NOUN = r"(?P<noun>[a-z][a-z0-9'-]*)(?:\s+(?:et|ou)\s+(?:les\s+|des\s+)?(?P<second>[a-z][a-z0-9'-]*))?"
_ASKS = [
    re.compile(r"\bquel(?:le)?s\s+(?:sont\s+)?(?:donc\s+)?(?:tou(?:te)?s\s+)?(?:les\s+|des\s+)?" + _NOUN),
    re.compile(r"\bcombien\s+(?:y\s+a[- ]t[- ]il\s+|existe[- ]t[- ]il\s+|en\s+tout\s+)?d(?:e\s+|')" + _NOUN),
    re.compile(r"\bliste\s+(?:complete\s+|exhaustive\s+)?(?:des|de)\s+" + _NOUN),
    re.compile(
        # the imperative, or the infinitive after "peux-tu", "pourriez-vous", "merci de"
        r"\b(?:cite|citez|citer|enumere|enumerez|enumerer|donne|donnez|donner|liste|listez|lister|nomme|nommez|"
        r"nommer|indique|indiquez|indiquer)"
        r"(?:[- ](?:moi|nous))?\s+(?:les|tous\s+les|toutes\s+les)\s+" + _NOUN
    ),
]
_COUNTING = re.compile(r"\bcombien\b")
# a second question the list would not answer ("… et depuis quand ?"): left to the ordinary pipeline
# ("combien d'options ont démarré en 2013, et dans combien de caisses ?")
_OTHER_QUESTION = re.compile(
    r"\b(?:quand|pourquoi|comment)\b|\bcombien\b.*\bcombien\b|\bquel(?:le)?s?\b.*\bquel(?:le)?s?\b"
    # two interrogatives of different kinds: "combien de CQP …, et depuis quelle année … ?"
    # ("combien de N … et quels sont-ils ?" asks the list itself)
    r"|\bcombien\b.*\bquel(?:le)?s?\s+(?!sont\b|est\b|ils\b|elles\b)[a-z]"
    r"|\bc'est\b|\best-ce\b"  # "la liste des certifs, c'est l'État qui la fait ?": the list is the topic
)
# A list named as the place to read ("selon la liste des …", "dans la liste des …", "d'après la liste"): what is asked
# comes after it.
_WHERE_TO_READ = re.compile(
    r"\b(?:selon|dans|d'apres|apres|sur|parmi|figurant\s+sur)\s+(?:la|cette|leur|notre|votre)\s+$"
)
# words of the enumerating phrase itself, never a qualifier
_GRAMMAR = frozenset(
    words(
        "quels quelles combien liste cite citez enumere donne donnez listez nomme indique moi tous toutes "
        "existe existent sont il y a-t-il peut peuvent figurent figure quel etc svp stp bien"
    )
)


@dataclass(frozen=True)
class Asked:
    """What an enumeration question asks: the noun, whether it counts, and its other words."""

    noun: str
    counting: bool
    words: list[str]
    complement: list[str]  # the words after the asked noun's "de/du/des" ("articles du code…")
    text: str = ""  # the question as written
    filters: tuple[str, ...] = ()  # the words that may filter the members: the asked part's (`_asked_words`)


def read_enumeration(question: str) -> Asked | None:
    """The asked noun of an enumerating question (None for any other question)."""
    text = fold(question)
    if _OTHER_QUESTION.search(text):
        return None
    for pattern in _ASKS:
        match = pattern.search(text)
        if match and _WHERE_TO_READ.search(text[: match.start()]):
            continue  # "selon la liste des certifications Pro-A, qui forme au master ?": the list is where to read
        if match:
            nouns = [match.group("noun"), match.group("second") or ""]
            candidates = [stem(n) for n in nouns if stem(n) not in _GRAMMAR and words(n)]
            if candidates:
                noun = "|".join(candidates)  # the first one naming a family wins (`_names`)
                after = re.match(
                    r"\s+(?:de\s+la|de\s+l'|du|des|de|d')\s*((?:[a-z0-9'-]+\s*){1,2})", text[match.end() :]
                )
                complement = words(after.group(1)) if after else []
                asked_words = tuple(_asked_words(question))
                return Asked(noun, bool(_COUNTING.search(text)), words(question), complement, question, asked_words)
    return None


# The asker speaking of themselves: "je prépare …", "j'encadre …", "nous recrutons …", "mon équipe …".
_FIRST_PERSON = re.compile(r"\b(?:je|j|nous|on|mon|ma|mes|notre|nos)\b")


def _asked_words(question: str) -> list[str]:
    """The words that may filter the list: those of the asking clause, and of what comes before it only when
    that does not speak of the asker ("Je prépare le programme d'un futur chef d'équipe : en combien de blocs
    … et lesquels ?" asks for every block; "équipe" is the asker's situation, not a filter). A qualifier said
    first ("Pour la branche Famille : quels CQP ?") speaks of no one and still filters."""
    asking = asking_clause(question)
    before = question[: question.rfind(asking)] if asking and asking in question else ""
    kept = asking if _FIRST_PERSON.search(fold(before).replace("'", " ")) else question
    return words(kept)


def _names(asked: Asked, family: Family) -> str | None:
    """The asked noun (one of the phrase's nouns) that names this family, if any."""
    for noun in asked.noun.split("|"):
        for known in family.nouns:
            if noun == known or (len(noun) >= 5 and known.startswith(noun)):
                return noun
    return None


def _document_words(info: DocumentInfo) -> set[str]:
    """How a question names a document: its kind ("avenant", "accord"), its year, its title's words."""
    found = set(words(info.kind)) | set(words(info.title))
    if info.signed:
        found.add(info.signed[:4])
    return found


def _member_words(member: Member) -> set[str]:
    return set(words(member.label + " " + member.detail))


def _named_members(question: set[str], families: list[Family]) -> list[set[str]]:
    """The members of the texts' headings and tables the question names by all their own words ("le
    CQP conseiller offres de service"): its subject, which a family must speak of to answer it."""
    named = []
    for family in families:
        if family.kind not in ("headings", "table"):
            continue
        for member in family.members:
            own = set(words(member.label)) - {member.head}
            if own and own <= question:
                named.append(own)
    return named


def _named_documents(question: set[str], documents: Mapping[str, DocumentInfo]) -> set[str]:
    """The documents the question names by a word of their title that no other title has ("la
    convention", "l'avenant")."""
    owners: dict[str, set[str]] = {}
    for document, info in documents.items():
        for word in words(info.title):
            owners.setdefault(word, set()).add(document)
    return {next(iter(found)) for word, found in owners.items() if len(found) == 1 and word in question}


def _acronyms(question: str) -> set[str]:
    """Names the question writes in capitals ("CQP GC", "COS"): a subject the family must speak of."""
    return {fold(a) for a in re.findall(r"\b[A-Z]{2,6}\b", question)}


def _knows_acronym(family: Family, acronym: str) -> bool:
    """The family's words or its passage hold it, or the initials of consecutive words of its heading
    or members spell it ("GC": gestionnaire conseil)."""
    if acronym in family.context or acronym in words(family.chunk.text):
        return True
    for text in [family.chunk.section_path, family.title] + [m.label for m in family.members]:
        found = words(text)
        if acronym in found:
            return True
        initials = "".join(w[0] for w in found)
        if len(acronym) >= 2 and acronym in initials:
            return True
    return False


def _speaks_of(family: Family, subject: set[str]) -> bool:
    return subject <= family.context or any(subject <= _member_words(m) for m in family.members)


def _pick(asked: Asked, families: list[Family], documents: Mapping[str, DocumentInfo]) -> tuple[Family, str] | None:
    best: tuple[tuple[int, int, int], Family, str] | None = None
    question = set(asked.words)
    subjects = _named_members(question, families)
    texts = _named_documents(question, documents)
    acronyms = _acronyms(asked.text)
    for order, family in enumerate(families):
        if _inserted_whole(family, families):
            continue  # the avenant's table of certifications added: the consolidated list holds them, and the rest
        noun = _names(asked, family)
        if noun is None or not all(_speaks_of(family, subject) for subject in subjects):
            continue  # "les options du CQP conseiller offres de service": not the CQP gestionnaire conseil's
        if not all(_knows_acronym(family, a) for a in acronyms):
            continue  # "le CQP GC, combien de blocs ?": not the CQP manager opérationnel's blocks
        if texts and not texts & {family.document, family.amended_by}:
            continue  # "la convention CQP COS : quelles options ?": the convention's, not another text's
        named = question & _document_words(documents[family.document]) if family.document in documents else set()
        overlap = len((question - {noun}) & (family.context | named))
        if "article" in family.heads and (
            not (named if family.kind == "articles" else overlap)
            or (asked.complement and not set(asked.complement) & (named | family.context))
        ):
            continue  # "quels articles du code du travail ?": a list of articles belongs to a text named
        pure = all(m.head == noun for m in family.members)
        score = (overlap, int(pure), -order)
        if best is None or score > best[0]:
            best = (score, family, noun)
    return (best[1], best[2]) if best else None


def _inserted_whole(family: Family, families: list[Family]) -> bool:
    """The family is an amendment's insert that another family holds whole, as its added members: the avenant of
    2022's table "Modification de l'article 2" (five certifications) is read into annexe 1's list of the Pro-A, whose
    fifteen entries are the list in force. "Quels diplômes du soin … par alternance ?" is answered from the list in
    force (l'infirmier, l'aide-soignant, of 2019), and a question naming the avenant still gets its five entries
    (`_filtered` keeps the added members)."""
    labels = {m.label for m in family.members}
    return any(
        other.amended_by == family.document and labels <= {m.label for m in other.members if m.added}
        for other in families
        if other is not family
    )


def _filtered(
    question: str, asked: Asked, family: Family, noun: str, documents: Mapping[str, DocumentInfo]
) -> tuple[list[Member], str]:
    """The members the question's own words keep, and a phrase saying which filter applied."""
    members = family.members
    how: list[str] = []
    coordinated = len(asked.noun.split("|")) > 1  # "quels titres et diplômes": both kinds asked
    if noun in family.heads and noun not in family.named_by and not coordinated:
        members = [m for m in members if m.head == noun]
    amending = documents.get(family.amended_by)
    if amending is not None and set(asked.words) & _document_words(amending) - family.context:
        added = [m for m in members if m.added]
        if added:
            members = added
            since = f" du {french_date(amending.signed)}" if amending.signed else ""
            how.append(f"entrées ajoutées par l'avenant{since}")
    ignored = _GRAMMAR | {noun} | family.context | family.nouns
    for word in dict.fromkeys(asked.filters or asked.words):
        if word in ignored or len(word) < 2:
            continue
        keeping = [m for m in members if word in _member_words(m)]
        if keeping and len(keeping) < len(members):
            members = keeping
            how.append(f"dont l'intitulé ou les colonnes contiennent « {_display(question, word, 1)} »")
    return members, ", ".join(how)


def _display(question: str, noun: str, count: int) -> str:
    """The asked noun as the question wrote it ("CQP", "certifs", "diplômes"), plural after 2 and more."""
    shown = noun
    for word in re.findall(r"[\w-]+", question):
        if stem(fold(word)) == noun:
            shown = word if word.isupper() else word.lower()
            break
    plural = count > 1 and not shown.isupper() and shown[-1] not in "sx"
    return shown + "s" if plural else shown


def _cite(member: Member, book: CitationBook) -> int:
    return book.cite(Evidence(member.chunk.id, member.chunk, 1.0), member.label)


def _line(member: Member, n: int, family: Family, question: str = "") -> str:
    detail = _columns(member.detail, question) if family.kind == "table" else ""
    page = f", page {member.chunk.page_start}" if family.kind != "table" else ""
    return f"– {member.label}" + (f" ({detail})" if detail else "") + f"{page} [{n}]"


def _columns(detail: str, question: str) -> str:
    """The row's columns to show: its first one, or the whole row when the question names a column of the table
    ("la liste des épreuves avec leur coefficient": "Coefficient : 3; Note éliminatoire : ≤ 6; Total/200 : /60"),
    as the user asks for the rows' data, not only their names."""
    cells = [c.strip() for c in detail.split(";") if c.strip()]
    asked = set(words(question))
    if any(asked & set(words(cell.partition(" : ")[0])) for cell in cells):
        return "; ".join(cells)
    return cells[0] if cells else ""


def answer_enumeration(
    question: str,
    families: list[Family],
    documents: Mapping[str, DocumentInfo],
    book: CitationBook,
    names: Mapping[str, str],
    knows: Callable[[str], bool] = lambda word: True,
) -> str | None:
    """The enumeration a question asks for, led by the count, or None when it asks for none."""
    asked = read_enumeration(question)
    if asked is None:
        return None
    picked = _pick(asked, families, documents)
    if picked is None:
        return None
    family, noun = picked
    if not all(knows(w) for w in re.findall(r"[a-z]+", fold(question)) if stem(w) not in _GRAMMAR):
        return None  # "la liste Pro-A de la branche des assurances": a subject the texts never name
    members, how = _filtered(question, asked, family, noun, documents)
    whole = book.cite(Evidence(family.chunk.id, family.chunk, 1.0))
    document = names.get(family.document, family.document)
    where = f"« {family.title} »" + (f" ({document})" if fold(document) != fold(family.title) else "")
    total = len(family.members)
    shown = _display(question, noun, len(members))
    if len(members) == total:
        lead = f"{total} {shown} figurent dans {where} [{whole}] :"
    else:
        lead = (
            f"{len(members)} {shown}"
            + (f" ({how})" if how else "")
            + f" parmi les {total} entrées de {where} [{whole}] :"
        )
    lines = [lead]
    for member in members[:SHOWN]:
        n = whole if member.chunk.id == family.chunk.id else _cite(member, book)
        lines.append(_line(member, n, family, question))
    if len(members) > SHOWN:
        lines.append(f"… et {len(members) - SHOWN} autres, à lire dans {where}.")
    return "\n".join(lines)


class EnumerationAnswerer:
    """The service's door: the families read once per loaded index (keyed like `TextsAnswerer`)."""

    def __init__(
        self, manifest: Mapping[str, DocumentInfo], titles: Mapping[str, str], names: Mapping[str, str]
    ) -> None:
        self._manifest = manifest
        self._titles = dict(titles)
        self._names = names
        self._families: PerIndex[list[Family]] = PerIndex(lambda passages: read_families(passages, self._titles), [])

    def families(self, retriever: Any) -> list[Family]:
        return self._families.get(retriever)

    def answer(self, question: str, retriever: Any) -> tuple[str, CitationBook] | None:
        if read_enumeration(question) is None:
            return None  # most questions: no index read at all
        book = CitationBook(self._titles, getattr(retriever, "locate", None))
        vocabulary = corpus_words(retriever.passage_texts())
        text = answer_enumeration(
            question, self.families(retriever), self._manifest, book, self._names, vocabulary.knows
        )
        return (text, book) if text else None
