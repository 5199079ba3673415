"""Derive `corpus_questions.jsonl` (in-scope rows of the example bank) from every section of the corpus.

Run by hand, never at run time, after `python -m cli.main ingest` (it reads the indexed passages under
`CCN_DATA_DIR`)::

    python assistant/routing/data/make_corpus_questions.py

Why (issue #21, false refusals): the hand-written rows of `examples.jsonl` cover the 2019 agreement's
articles well, but the avenant's annexes, the CQP fiches, the CQP gestionnaire conseil circular and the
COS training convention had few rows or none, so a question about them had only out-of-scope fiches
among its nearest examples and was refused. Each section of the corpus gets a few employee-style
questions built from its own heading and its most characteristic phrases (the two-word phrases its text
uses most, weighed against the rest of the corpus), in three registers: a plain question, a question
on the phrase, and a phone-typed one (lower case, no accents). Deterministic: same index, same rows.

Each row's intent is the topic the hand-written rows give the same article (the majority over its
section), else the topic its heading names by the router's cues, else the hand-written rows' majority
over its parent article; a section with no hand-written row is `cqp` for the CQP texts
and `other_corpus` otherwise (answered by retrieval). `origin` tags the section it comes from; the
`section`/`document` fields that steer retrieval (`meaning.topic_articles`) are only set when the topic
came from hand-written rows of that very section, so the generated rows never change retrieval.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "corpus_questions.jsonl"
EXAMPLES = HERE / "examples.jsonl"
PROTOCOLE = "accord-2019-12-19-formation-professionnelle"
CQP_DOCUMENTS = ("cqp-", "convention-formation-cqp")
PHRASES = 2  # characteristic phrases per section

_STOP = set(
    """a à au aux avec ce ces cet cette dans de des du d elle en et est être il ils l la le les leur leurs
    lui ne ni nos notre nous on ou où par pas pour qu que qui sa se ses si son sont sur ta te tes ton tu un
    une vos votre vous y ainsi afin entre lors dont sous chaque tout tous toute toutes peut peuvent doit
    doivent être été sera seront fait faire plus moins même autre autres aussi cas article articles présent
    présente accord avenant titre annexe alinéa cadre compte ci dessus dessous selon après avant notamment
    également lorsque ceux celle celles celui leurs sein via hors non""".split()  # noqa: SIM905 (a word list reads better as text)
)


def fold(text: str) -> str:
    """Lower case without accents: how a message typed on a phone often reads."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


def words(text: str) -> list[str]:
    return re.findall(r"[a-zàâçéèêëîïôûùüÿœæ]+(?:['’][a-zàâçéèêëîïôûùüÿœæ]+)?", text.lower())


def bigrams(text: str) -> list[str]:
    """Two content words in a row (no stop word), the simplest noun-phrase proxy in French text."""
    tokens = words(text)
    out = []
    for left, right in itertools.pairwise(tokens):
        if (
            {left, right} & (_STOP | _JUNK)
            or len(left) < 4
            or len(right) < 4
            or "'" in left + right
            or "’" in left + right
        ):
            continue
        out.append(f"{left} {right}")
    return out


_HEADING_NUMBER = re.compile(r"^(?:Article|Titre|Annexe)?\s*[\dIVX.]+\s*[–-]\s*")
_JUNK = {"ans", "mois", "nom", "partie", "années", "dernières", "prévues", "révolus", "organisera", "age", "âge"}


def sections(data_dir: Path) -> list[dict[str, str]]:
    """The corpus's sections (document, number, title, text), read from the indexed passages."""
    from knowledge.passage_files import read_generation

    folders = sorted((data_dir / "index" / "passages").iterdir())
    merged: dict[tuple[str, str, str], dict[str, str]] = {}
    for folder in folders:
        for file in sorted(folder.glob("*.npz")):
            generation = read_generation(folder, file.stem)
            if generation is None:
                continue
            for text, meta in zip(generation.texts, generation.metadatas, strict=True):
                if meta.get("consolidated"):
                    continue  # the consolidated reading repeats the protocole and the avenant
                key = (
                    str(meta["document"]),
                    str(meta.get("section_number") or ""),
                    str(meta.get("section_title") or ""),
                )
                path = [p.strip() for p in str(meta.get("section_path") or "").split("›") if p.strip()]
                parent = _HEADING_NUMBER.sub("", path[-2]) if len(path) >= 2 else ""
                entry = merged.setdefault(
                    key, {"document": key[0], "number": key[1], "title": key[2], "parent": parent, "text": ""}
                )
                entry["text"] += "\n" + text
    return sorted(merged.values(), key=lambda s: (s["document"], s["number"], s["title"]))


def hand_topics() -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """The majority intent of the hand-written rows per (document, section) and per parent article."""
    exact: dict[tuple[str, str], Counter[str]] = {}
    parent: dict[tuple[str, str], Counter[str]] = {}
    for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if not row.get("section") or row["intent"] == "out_of_scope":
            continue
        document = row.get("document") or PROTOCOLE
        exact.setdefault((document, row["section"]), Counter())[row["intent"]] += 1
        parent.setdefault((document, row["section"].split(".")[0]), Counter())[row["intent"]] += 1
    return (
        {k: c.most_common(1)[0][0] for k, c in exact.items()},
        {k: c.most_common(1)[0][0] for k, c in parent.items()},
    )


def title_topic(title: str) -> str | None:
    """The corpus topic the section's heading names by the router's own cues ("La VAE" in the CQP
    circular is the VAE topic, as the hand-written rows on a CQP's VAE are), or None."""
    from assistant.routing.extraction.folding import fold as fold_cue
    from assistant.routing.intents import TOPIC_CUES, TOPIC_THRESHOLD, compile_cues

    folded = fold_cue(title)
    scores = {
        topic: sum(weight for pattern, weight in compile_cues(cues) if pattern.search(folded))
        for topic, cues in TOPIC_CUES.items()
    }
    best = max(scores, key=lambda topic: scores[topic])
    return best if scores[best] >= TOPIC_THRESHOLD else None


def clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip(" .:")
    return title[:1].lower() + title[1:] if title[:2] != title[:2].upper() else title


def questions(section: dict[str, str], phrases: list[str], document_name: str) -> list[str]:
    title = clean_title(section["title"])
    parent = section["parent"]
    if parent and not parent.lower().startswith(("les certificats", "contexte, enjeux", "annexes")):
        title = f"{clean_title(parent)} – {title}"  # "bénéficiaires concernés" alone says nothing
    if title.lower() in ("préambule", "conclusion"):
        title = f"{title} de {document_name}"
    out = [f"Que prévoient les textes sur {title} ?"]
    for phrase in phrases:
        out.append(f"{title} : qu'est-ce qui est prévu pour {phrase} ?")
    if phrases:
        out.append(fold(f"{phrases[0]} {title} c quoi les regles"))
    return out


def document_names() -> dict[str, str]:
    return {
        PROTOCOLE: "l'accord de 2019",
        "avenant-2022-10-11-formation-professionnelle": "l'avenant de 2022",
        "convention-formation-cqp-conseiller-offres-de-service": "la convention de formation du CQP",
        "cqp-gestionnaire-conseil-mise-en-oeuvre": "la circulaire du CQP gestionnaire conseil",
        "cqp-regime-general": "la fiche des CQP",
    }


def main() -> None:
    data_dir = Path(os.environ.get("CCN_DATA_DIR", "data"))
    parts = sections(data_dir)
    document_frequency: Counter[str] = Counter()
    per_section = []
    for part in parts:
        counts = Counter(bigrams(part["text"]))
        per_section.append(counts)
        document_frequency.update(set(counts))
    exact, parent = hand_topics()
    names = document_names()
    rows = []
    for part, counts in zip(parts, per_section, strict=True):
        if not part["title"] or len(part["text"]) < 200:
            continue
        title_words = set(words(part["title"]))
        scored = sorted(
            (
                (-n * math.log(len(parts) / document_frequency[b]), b)
                for b, n in counts.items()
                if n >= 2 and not set(b.split()) <= title_words
            ),
        )
        phrases = [b for _, b in scored[:PHRASES]]
        key = (part["document"], part["number"])
        intent = exact.get(key)
        steer = intent is not None
        if intent is None:
            intent = title_topic(part["title"])
        if intent is None:
            intent = parent.get((part["document"], part["number"].split(".")[0]))
        if intent is None:
            intent = "cqp" if part["document"].startswith(CQP_DOCUMENTS) else "other_corpus"
        origin = {"document": part["document"], "section": part["number"], "title": part["title"]}
        for text in questions(part, phrases, names.get(part["document"], "ce texte")):
            row: dict[str, object] = {"intent": intent, "text": text}
            if steer:
                row["section"] = part["number"]
                if part["document"] != PROTOCOLE:
                    row["document"] = part["document"]
            row["origin"] = origin
            rows.append(row)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} rows from {len(parts)} sections -> {OUT}")


if __name__ == "__main__":
    main()
