"""How a question about a text is read: which text it names and which of its facts it asks.

A text is named as users name it, read from the manifest and the titles (`names_of`): the title's head
noun ("Protocole", "Avenant", "Convention"), the manifest's kind (accord, avenant, circulaire, fiche),
the year and month of signature, and the CQP a title names, with its initials ("COS", "GC"). The facts
are asked by the everyday words for a text's metadata (`_ASKS`); what is left once the text's names,
these words and the question's grammar are set aside is the question's own subject (`own_subject`),
which the answer must cover or leave to the ordinary retrieval.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from assistant.answering import document_facts as df
from assistant.answering.document_facts import DocumentFacts, folded
from ingest.models import DocumentInfo

# How a question asks for each attribute (folded, accent-free). These are the everyday words for a
# text's metadata, not any question's wording: see tests/assistant/test_documents.py for wordings.
_ASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        df.RENUMBERING,
        re.compile(
            r"\bnumero|\bnumerot|\brenumer|\bdevenu|\bd.origine\b|\bpasse\b|\bcorrespond|"
            r"\bdeviennent\b|\bporte quel\b|\bs.appelle\b|\bancien(ne)? article|\ba quel article\b"
        ),
    ),
    (
        df.SIGNATORIES,
        re.compile(
            r"\bqui\b[^?]*\bsign|\bsignataire|"
            r"\b(syndicats?|organisations?|parties?|employeurs?|patronal)\b[^?]*\bsign|"
            r"\bsign\w*\b[^?]*\b(cote|syndicats?|organisations?|employeurs?|salaries)\b|"
            r"\bcote (syndic|salari|employeur|patron)"
        ),
    ),
    (
        df.SIGNATURE,
        re.compile(r"\b(ou|quand|date|lieu|ville|jour)\b[^?]*\bsign|\bsign\w*\b[^?]*\b(ou|quand|date|lieu|ville)\b"),
    ),
    (
        df.DATE,
        re.compile(
            r"\bdate (de|du) quand\b|\bdatee?\b|\bde quand\b|\bquelle annee\b|"
            r"\bquand\b[^?]*\b(ecrit|publie|redige|paru|sorti)"
        ),
    ),
    (
        df.DURATION,
        re.compile(
            r"jusqu.(a|au) quand|\bvalable|\bexpir|duree (in)?determinee|combien de temps|pour quelle duree|"
            r"\bconclue? pour\b|prend fin|limite dans le temps|\bcaduc|date (de fin|limite)|\bfin de validite"
        ),
    ),
    (
        df.REVISION,
        re.compile(
            r"\bdenon|\brevis|\bresili|\bsortir d(?:e|u|es)\b|\brevoir\b|\brenegoci|\bpreavis|\bprevenance|\bmettre fin"
        ),
    ),
    (df.APPROVAL, re.compile(r"\bagre(e|ee|ment)\b|\bagree?s?\b")),
    (df.EXTENSION, re.compile(r"\bextension\b|\betendue?\b")),
    (
        df.EFFECT,
        re.compile(
            r"\bvigueur\b|\bprend effet|\bdate d.effet|\bretroacti|\bdepuis quand\b|\ba partir de quand\b|"
            r"\btout de suite\b|\b(?:des|depuis|a partir de) (?:la|sa|leur) signature|\bsubordonn|"
            r"\bsous (quelle|quelles) conditions?\b|"
            r"\bd.application\b|\bapplicable\b"
        ),
    ),
    (
        df.SCOPE,
        re.compile(
            r"\bs.appliqu\w*\b[^?]*\ba (qui|toutes?|tous|l.ensemble|quels?|quelles?)\b|\bimperati|"
            r"\btoutes les caisses\b|\btous les organismes\b|\bqui l.ont signe"
        ),
    ),
    (df.NOR, re.compile(r"\bnor\b|numero d.enregistrement|reference officielle")),
    (
        df.SMALL_FIRMS,
        re.compile(r"moins de \d+ salaries|\bpetites? (structures?|entreprises?|organismes?)\b|\bpme\b|\btpe\b"),
    ),
    (df.PURPOSE, re.compile(r"\bloi\b|\bdecoule|\bfondement|base legale|\btranspos")),
    (
        df.CHANGES,
        re.compile(
            r"\bchang|\bmodifi|\bapport|\bnouveaute|\bajout|quoi de neuf|"
            r"\bobjectifs?\b|\bbut\b|\bsouhait|\bvoulu|en gros|\bresum|\bcherch\w* a\b|\bvis(?:e|ait)\b|"
            r"\ba quoi sert|\bsert a quoi|\bcontenu\b|\bque contient"
        ),
    ),
)

# Words that frame a question about a text rather than name a subject of its own.
_FRAME_TEXT = (
    "accord avenant protocole texte textes convention circulaire fiche document formation professionnelle "
    "signe signee signes signataire signataires signature cote syndicats syndicat salaries employeurs "
    "organisation organisations partie parties valable jusqu quand depuis date datee dates annee quelle "
    "quel quels quelles combien temps duree conclu conclue denonce denoncee denoncer revise reviser revision "
    "agree agreee agrement extension etendu vigueur effet application applique appliquer applicable "
    "numero numerotation article articles ancien ancienne maintenant aujourd actuel actuelle porte devenu "
    "change changee changes changer modifie modifications apporte nouveautes ajoute voulu objectif objectifs "
    "pourquoi comment est-ce est-il est-elle a-t-il a-t-elle peut peut-il peut-elle etre avec quoi elle "
    "parle branche regime general securite sociale pour les des une dans sous condition conditions "
    "preavis prevenance lieu ville jour quand ecrit publie redige gros points trois deux laquelle lequel "
    "prevoit prevu prevoient regles regle particulieres particuliere specifiques dispositions clause clauses "
    "stipulations dit disent neuf nouveau nouvelle nouvelles resume cherche faire vise visait sert contenu "
    "contient"
)
_FRAME = set(_FRAME_TEXT.split()) | {df.folded(m) for m in df.MONTHS}  # "l'avenant d'octobre 2022"
FRAME = frozenset(_FRAME)  # for `part_answers`: the same words frame a question about a part of a text
# French function words (grammar, not subject): they never make a question's own subject.
_STOP_TEXT = (
    "le la les l de du des d un une et ou a au aux en sur par que qui quoi ce c ca se s il elle est son sa ses "
    "ils elles sont sera seront etait etaient etre avoir avait cette ceci cela celle celles celui ceux avec pour "
    "dans leur leurs tout toute tous toutes mais plus moins encore aussi donc alors comme quand quel quelle "
    "quels quelles lequel laquelle dont chez entre vers sans selon depuis vous nous mon notre votre tres bien "
    "fait faut peut peuvent doit doivent avez ont apres avant fallait falloir puisse puissent"
)
_STOP = set(_STOP_TEXT.split())


@dataclass(frozen=True)
class DocumentQuestion:
    document: str
    attributes: tuple[str, ...]


def names_of(info: DocumentInfo) -> tuple[set[str], set[str], str]:
    """How users name a text: its head words and kind, the CQP it names (words and initials), its year."""
    title = folded(info.title)
    first = [w for w in re.findall(r"[a-z]+", title) if w not in _STOP and len(w) > 2][:1]
    heads = set(first) - {"certificats"}  # the title's head noun: "Protocole", "Avenant", "Convention"
    heads.add(folded(info.kind))
    if info.kind == "fiche":
        heads.add("cqp")
    cqp: set[str] = set()
    named = re.search(r"\bcqp\s+([a-z ]+?)(?:\s+de la\b|$)", title)
    if named:
        words = [w for w in named.group(1).split() if w not in _STOP and len(w) > 1]
        cqp = set(words) | {"".join(w[0] for w in words)}
    return heads, cqp, (info.signed or "")[:7]


def which_document(question: str, manifest: Mapping[str, DocumentInfo]) -> str | None:
    """The one text the question names, or None (no text named, or two equally)."""
    text = folded(question)
    words = set(re.findall(r"[a-z0-9]+", text))
    scores: dict[str, int] = {}
    for document, info in manifest.items():
        heads, cqp, signed = names_of(info)
        score = len(heads & words)
        if cqp and (cqp & words) and score:
            score += 1
        if signed:
            year = signed[:4]
            if year in words:
                score += 2
                if df.french_day(info.signed).split()[1] in text:
                    score += 1
        if score:
            scores[document] = score
    if not scores:
        return None
    best = max(scores.values())
    winners = [d for d, s in scores.items() if s == best]
    # "l'avenant au protocole": the amending text, named with the one it amends
    amending = [d for d in winners if manifest[d].amends in winners]
    if len(winners) == 2 and len(amending) == 1:
        return amending[0]
    return winners[0] if len(winners) == 1 else None


def asked_attributes(question: str) -> tuple[str, ...]:
    text = folded(question)
    return tuple(attribute for attribute, cue in _ASKS if cue.search(text))


def read_question(
    question: str, manifest: Mapping[str, DocumentInfo], renumbered: Mapping[str, str] | None = None
) -> DocumentQuestion | None:
    """The document a question is about and the attributes it asks; a question naming an article by
    its old and its new number ("article 12 … alors que c'est l'article 11") asks the renumbering."""
    attributes = asked_attributes(question)
    numbers = re.findall(r"\barticles?\s+(\d+)", folded(question))
    if renumbered and any(renumbered.get(a) == b or renumbered.get(b) == a for a in numbers for b in numbers):
        attributes = (df.RENUMBERING, *[a for a in attributes if a != df.RENUMBERING])
    if not re.search(r"\barticle|\bnumerot|\brenumer", folded(question)):  # renumbering is about articles
        attributes = tuple(a for a in attributes if a != df.RENUMBERING)
    if not attributes:
        return None
    document = which_document(question, manifest)
    if document is None:
        if df.RENUMBERING in attributes and re.search(r"\barticles?\b", folded(question)):
            return DocumentQuestion("", (df.RENUMBERING,))
        return None
    return DocumentQuestion(document, attributes)


def content_words(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z]+", text) if len(w) > 3 and w not in _STOP}


def own_subject(question: str, known: DocumentFacts) -> set[str]:
    """The question's words that neither name the text nor frame a question about it (the words by which
    it asks for an attribute included: "revoir", "expire", "tout de suite")."""
    heads, cqp, _ = names_of(known.info)
    frame = {w[:6] for w in _FRAME | heads | cqp}
    text = folded(question)
    for _, cue in _ASKS:
        text = cue.sub(" ", text)
    return {w for w in content_words(text) if w not in frame and not w.isdigit()}
