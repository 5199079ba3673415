"""The assistant: route a question, run a calculator or retrieve passages, write a cited answer.

Orchestrated as a small langchain pipeline (`RunnableLambda` steps: route → answer), so a
server-side language model (`CCN_LLM_BASE_URL`) can phrase retrieval answers; by default the
answer is composed deterministically from the passages (assistant.answering.composer). In every case the
figures come from the texts or from `calculators`, and every citation maps to a retrieved
passage (assistant.answering.citations); the number guard removes any sentence with a figure that does not.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from langchain_core.runnables import RunnableLambda

from assistant import quarantine
from assistant.answer import Answer, ToolCall
from assistant.answering.citations import CitationBook, drop_unknown_markers
from assistant.answering.composer import compose_calculation, compose_retrieval, query_weights, select_units, unit_terms
from assistant.answering.number_guard import guard_numbers
from assistant.library import IndexReport, index_pdfs
from assistant.pages.page_images import PassageImage, passage_image, passage_images
from assistant.routing.router import RouteDecision, route
from assistant.settings import Settings, get_settings
from calculators.dates import format_date_fr
from calculators.registry import CALCULATORS
from calculators.result import CalcError, CalcResult, Reference
from ingest.manifest import load_manifest
from ingest.models import DocumentInfo
from knowledge.hybrid import Evidence, Retriever

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]

COVERED_TOPICS = (
    "la Pro-A, le contrat de professionnalisation, le tutorat et sa prime, la prime de formateur interne, "
    "le conseil en évolution professionnelle, l'entretien professionnel, la VAE et son congé, la garantie "
    "individuelle d'accès à la formation, la contribution conventionnelle supplémentaire, l'abondement du CPF "
    "et les CQP du Régime général (dont le CQP gestionnaire conseil)"
)
_PAST_YEAR = re.compile(r"\b(?:en|au|avant)\s+(20[0-2]\d)\b")
MIN_COVERAGE = 0.34
INSTRUCTIONS = "instructions"  # the router's refusal topic for a message made only of instructions


def french_date(value: str | None) -> str:
    if not value:
        return ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return format_date_fr(day)


def short_name(info: DocumentInfo) -> str:
    """How an answer names a document: "protocole d'accord du 19 décembre 2019", …"""
    if info.kind == "accord" and info.signed:
        return f"protocole d'accord du {french_date(info.signed)}"
    if info.kind == "avenant" and info.signed:
        return f"avenant du {french_date(info.signed)}"
    return info.title


@dataclass
class _State:
    """What flows through the pipeline for one question."""

    question: str
    today: date
    started: float
    decision: RouteDecision | None = None
    answer: Answer | None = None


class Assistant:
    """One per process: holds the retriever (models loaded once) and answers questions."""

    def __init__(self, settings: Settings, retriever: Retriever | None = None) -> None:
        self.settings = settings
        self._retriever = retriever
        self._lock = threading.Lock()
        self.manifest = load_manifest(settings.manifest_file)
        self.document_names = {d: short_name(i) for d, i in self.manifest.items()}
        self.titles = {d: i.title for d, i in self.manifest.items()}
        self._chain = RunnableLambda(self._route_step) | RunnableLambda(self._answer_step)
        self._llm: Any = None
        if settings.llm_base_url:
            from assistant.answering.llm import make_phraser

            self._llm = make_phraser(settings)

    # -- index --------------------------------------------------------------------------------
    @property
    def retriever(self) -> Retriever:
        with self._lock:
            if self._retriever is None:
                from knowledge.factory import open_retriever

                self._retriever = open_retriever(
                    data_dir=self.settings.data_dir,
                    chroma_url=self.settings.chroma_url,
                    collection=self.settings.collection,
                    embedding_backend=self.settings.embedding_backend,
                    embedding_model=self.settings.embedding_model,
                )
            return self._retriever

    def index_ready(self) -> bool:
        return self.retriever.size > 0

    def ensure_index(self, progress: Progress | None = None) -> IndexReport | None:
        """Index the shipped corpus if the index is empty (first start); None when already there."""
        if self.index_ready():
            return None
        report = index_pdfs(self.settings, progress=progress)
        self.retriever.refresh(force=True)
        return report

    def reindex(self, pdfs: list[Path] | None = None, progress: Progress | None = None) -> IndexReport:
        report = index_pdfs(self.settings, pdfs, progress=progress)
        self.retriever.refresh(force=True)
        return report

    def ingest_upload(self, filename: str, data: bytes, progress: Progress | None = None) -> list[str]:
        """Validate and index an uploaded PDF; raise ValueError (French) for a bad file."""
        name = Path(filename).name
        if not name.lower().endswith(".pdf"):
            raise ValueError(f"{name} : seuls les fichiers PDF sont acceptés")
        limit = self.settings.max_upload_mb * 1024 * 1024
        if len(data) > limit:
            raise ValueError(f"{name} : fichier trop volumineux (limite {self.settings.max_upload_mb} Mo)")
        if not data.lstrip()[:1024].startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
            raise ValueError(f"{name} : ce n'est pas un PDF (en-tête %PDF absent)")
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem).strip("-.") or "document"
        uploads = self.settings.uploads_dir
        uploads.mkdir(parents=True, exist_ok=True)
        target = uploads / f"{stem}.pdf"
        staging = uploads / f".{stem}.pdf.part"
        staging.write_bytes(data)
        from ingest.models import IngestError
        from ingest.pipeline import parse_pdf

        try:  # validate fully before the file joins the corpus
            parsed = parse_pdf(
                staging, max_pages=self.settings.max_pages, timeout_s=self.settings.parse_timeout_s, max_bytes=limit
            )
        except IngestError as exc:
            staging.unlink(missing_ok=True)
            raise ValueError(f"{name} : {exc.reason}") from None
        suspects, total = quarantine.suspicious_passages(parsed)
        if suspects:  # held before it can be searched; released only by `confirm_document`
            quarantine.hold(self.settings.data_dir, target.stem, name, suspects, total)
        staging.replace(target)
        report = self.reindex([target], progress=progress)
        if report.failed:
            raise ValueError("; ".join(report.lines()))
        if not suspects:
            quarantine.release(self.settings.data_dir, target.stem)
        return report.lines()

    def suspicious_documents(self) -> dict[str, dict[str, Any]]:
        """Uploaded documents held out of answers (*contenu suspect*), with the passages found."""
        return quarantine.held(self.settings.data_dir)

    def confirm_document(self, document: str) -> bool:
        """Someone read the flagged passages and confirms the document: answers may use it again."""
        return quarantine.release(self.settings.data_dir, document)

    def documents(self) -> list[dict[str, Any]]:
        """Indexed documents with their metadata and consolidation status, for the UI."""
        units = self.retriever.store.units()
        held = quarantine.held_documents(self.settings.data_dir)
        rows = []
        for unit, record in sorted(units.items()):
            info = record.info or {}
            document = str(info.get("document") or unit)
            meta = self.manifest.get(document)
            consolidated = unit != document
            rows.append(
                {
                    "unit": unit,
                    "document": document,
                    "title": meta.title if meta else str(info.get("title", document)),
                    "kind": meta.kind if meta else str(info.get("kind", "document")),
                    "signed": meta.signed if meta else None,
                    "in_force": meta.in_force if meta else None,
                    "amends": meta.amends if meta else None,
                    "pages": meta.pages if meta else info.get("pages"),
                    "chunks": record.chunk_count,
                    "consolidation": "version consolidée"
                    if consolidated
                    else (f"modifie {meta.amends}" if meta and meta.amends else "texte d'origine"),
                    "suspect": document in held,
                }
            )
        return rows

    def is_official(self, document: str) -> bool:
        """Shipped agreements (in the manifest) outrank PDFs uploaded later."""
        return document in self.manifest

    def pdf_path(self, document: str) -> Path:
        info = self.manifest.get(document)
        shipped = self.settings.pdf_dir / (info.file if info and info.file else f"{document}.pdf")
        return shipped if shipped.exists() else self.settings.uploads_dir / f"{document}.pdf"

    def passage_image(
        self, document: str, page: int, quote: str, page_end: int | None = None, crop: bool = True
    ) -> PassageImage:
        """The page of `document` holding `quote`, passage highlighted (cached; see assistant.pages.page_images).

        Raises FileNotFoundError when the PDF is missing, OSError/ValueError when it is unreadable.
        """
        return passage_image(self.pdf_path(document), page, quote, page_end=page_end, crop=crop)

    def passage_images(
        self, document: str, page: int, quote: str, page_end: int | None = None, crop: bool = True, resolution: int = 216
    ) -> tuple[PassageImage, ...]:
        """Every page holding part of `quote` (two for a passage running onto the next page)."""
        return passage_images(
            self.pdf_path(document), page, quote, page_end=page_end, crop=crop, resolution=resolution
        )

    # -- answering -----------------------------------------------------------------------------
    def ask(self, question: str, *, today: date | None = None, id: str | None = None) -> Answer:
        """Answer one question (thread-safe: no per-question state lives on `self`)."""
        state = _State(question=question or "", today=today or date.today(), started=time.perf_counter())
        answer: Answer = self._chain.invoke(state)
        answer.id = id
        answer.timings_ms["total"] = (time.perf_counter() - state.started) * 1000
        return answer

    def _route_step(self, state: _State) -> _State:
        t = time.perf_counter()
        text = state.question.strip()
        limit = self.settings.max_question_chars
        if not text:
            state.answer = Answer(
                state.question,
                "Posez une question sur les textes de la formation "
                "professionnelle (par exemple : « Combien touche un tuteur ? »).",
                "clarify",
            )
        elif len(text) > limit:
            state.answer = Answer(
                state.question,
                f"Votre question fait {len(text)} caractères ; la limite est de {limit}. Reformulez-la plus "
                "brièvement.",
                "clarify",
            )
        else:
            state.decision = route(text, state.today)
        if state.answer is not None:
            state.answer.timings_ms["route"] = (time.perf_counter() - t) * 1000
        else:
            state.started_route = (time.perf_counter() - t) * 1000  # type: ignore[attr-defined]
        return state

    def _answer_step(self, state: _State) -> Answer:
        if state.answer is not None:
            return state.answer
        decision = state.decision
        assert decision is not None
        timings = {"route": getattr(state, "started_route", 0.0)}
        if decision.route == "refusal":
            answer = self._refusal(state.question, decision.refusal_topic)
        elif decision.route == "calculator" and decision.calculator:
            answer = self._calculate(state, decision, timings)
        elif decision.route == "clarify":
            answer = self._clarify(state, decision, timings)
        else:
            answer = self._retrieve(state, decision, timings)
        if decision.injection:
            answer.text = (
                "Je ne suis pas les instructions contenues dans une question : je réponds uniquement "
                "d'après les textes.\n\n" + answer.text
            )
        if decision.refusal_topic and decision.refusal_topic != INSTRUCTIONS and answer.route != "refusal":
            answer.text += (
                f"\n\nLes textes indexés ne traitent pas {_of(decision.refusal_topic)} : "
                "adressez-vous à votre service RH pour ce point."
            )
        answer.timings_ms.update(timings)
        return answer

    def _refusal(self, question: str, topic: str | None) -> Answer:
        if topic == INSTRUCTIONS:  # only instructions, no question: the preface already says why
            return Answer(
                question,
                f"Posez une question sur les textes : ils couvrent la formation professionnelle dans la branche "
                f"(IDCC 218) : {COVERED_TOPICS}.",
                "refusal",
            )
        subject = _of(topic) if topic else "de cette question"
        text = (
            f"Les textes indexés ne traitent pas {subject} : je ne peux pas vous répondre sans risquer "
            f"d'inventer. Ils couvrent la formation professionnelle dans la branche (IDCC 218) : "
            f"{COVERED_TOPICS}. Pour cette question, adressez-vous à votre service RH ou à votre "
            "représentant du personnel."
        )
        return Answer(question, text, "refusal")

    def _search(self, query: str, k: int, **kwargs: Any) -> list[Evidence]:
        """Every search of an answer: documents held as *contenu suspect* are never searched."""
        held = quarantine.held_documents(self.settings.data_dir)
        if held:
            wanted = kwargs.get("document")
            pool = [wanted] if isinstance(wanted, str) else list(wanted or self._indexed_documents())
            kwargs["document"] = [d for d in pool if d not in held]
            if not kwargs["document"]:
                return []
        return self.retriever.search(query, k=k, **kwargs)

    def _indexed_documents(self) -> list[str]:
        return sorted({str(r.info.get("document") or u) for u, r in self.retriever.store.units().items()})

    def _retrieve(self, state: _State, decision: RouteDecision, timings: dict[str, float]) -> Answer:
        query = decision.topic_query or state.question
        t = time.perf_counter()
        as_of = self._as_of(query)
        evidence = self._search(query, max(self.settings.top_k, 10), as_of=as_of)
        timings["retrieve"] = (time.perf_counter() - t) * 1000
        if not evidence or self._silent(query, evidence):
            return self._refusal(state.question, None)
        t = time.perf_counter()
        book = CitationBook(self.titles, self.retriever.locate)
        text = ""
        if self._llm is not None:
            text = self._phrase_with_llm(query, evidence, book)
        if not text:
            book = CitationBook(self.titles, self.retriever.locate)
            text = compose_retrieval(
                query,
                evidence,
                book,
                self.document_names,
                following=self.retriever.following,
                official=self.is_official,
            )
        timings["compose"] = (time.perf_counter() - t) * 1000
        return Answer(state.question, text, "retrieval", citations=book.citations())

    def _phrase_with_llm(self, query: str, evidence: list[Evidence], book: CitationBook) -> str:
        """Ask the configured model; keep only cited ids that exist and figures found in the texts."""
        try:
            draft = str(self._llm(query, evidence))
        except Exception:
            log.warning("language model unavailable; falling back to quoting", exc_info=True)
            return ""
        numbers = {i + 1: e for i, e in enumerate(evidence)}
        used = sorted({int(n) for n in re.findall(r"\[(\d+)\]", draft) if int(n) in numbers})
        if not used:
            return ""
        renumber = {n: book.cite(numbers[n]) for n in used}
        text = re.sub(r"\[(\d+)\]", lambda m: f"[{renumber.get(int(m.group(1)), 0)}]", draft)
        text = drop_unknown_markers(text, book.numbers)
        guarded = guard_numbers(text, [numbers[n].chunk.text for n in used])  # cited passages only
        if guarded.changed:
            log.info("number guard removed %d sentence(s)", len(guarded.removed))
        return guarded.text if guarded.text.strip() else ""

    def _as_of(self, query: str) -> date | None:
        match = _PAST_YEAR.search(query)
        if match and int(match.group(1)) < date.today().year:
            return date(int(match.group(1)), 12, 31)
        return None

    def _silent(self, query: str, evidence: list[Evidence]) -> bool:
        """True when the best passages share too few words with the question: the texts are silent."""
        terms = set(query_weights(query))
        if len(terms) < 2:
            return False
        found: set[str] = set()
        for e in evidence[:3]:
            found |= unit_terms(e.chunk.context_text)
        return len(terms & found) / len(terms) < MIN_COVERAGE

    def _reference_passages(self, refs: list[Reference], query: str) -> dict[tuple[str, str], Evidence]:
        found: dict[tuple[str, str], Evidence] = {}
        for ref in refs:
            key = (ref.document, ref.section)
            if key in found:
                continue
            hits = self._search(f"{ref.label} {query}", 15, document=ref.document)
            for e in hits:
                if key in e.sources or _same_section(e.section, ref.section):
                    found[key] = e
                    break
        return found

    def _calculate(self, state: _State, decision: RouteDecision, timings: dict[str, float]) -> Answer:
        name = decision.calculator or ""
        t = time.perf_counter()
        try:
            result: CalcResult = CALCULATORS[name].run(**decision.arguments)
        except CalcError as exc:
            timings["calculate"] = (time.perf_counter() - t) * 1000
            return Answer(
                state.question,
                f"Je ne peux pas faire ce calcul : {exc} Pouvez-vous préciser ou corriger ?",
                "clarify",
                follow_up=str(exc),
            )
        timings["calculate"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        query = decision.topic_query or state.question
        passages = self._reference_passages(result.references, query)
        timings["retrieve"] = (time.perf_counter() - t) * 1000
        book = CitationBook(self.titles, self.retriever.locate)
        numbers: dict[tuple[str, str], int] = {}
        for key, evidence in passages.items():
            units = select_units(query, evidence.chunk.text)
            numbers[key] = book.cite(evidence, "\n".join(u.text for u in units) or None)
        text = compose_calculation(result, numbers)
        notes = [n for n in decision.notes if n]
        if notes:
            text += "\n\nHypothèses : " + " ".join(notes)
        call = ToolCall(name=name, arguments=decision.json_arguments(), result=result.to_dict())
        return Answer(state.question, text, "calculator", citations=book.citations(), tool_calls=[call])

    def _clarify(self, state: _State, decision: RouteDecision, timings: dict[str, float]) -> Answer:
        text = decision.follow_up or "Pouvez-vous préciser votre question ?"
        citations = []
        if decision.also_retrieve or decision.topic:
            t = time.perf_counter()
            evidence = self._search(decision.topic_query or state.question, 3)
            timings["retrieve"] = (time.perf_counter() - t) * 1000
            if evidence and not self._silent(decision.topic_query or state.question, evidence):
                book = CitationBook(self.titles, self.retriever.locate)
                top = evidence[0]
                units = select_units(decision.topic_query or state.question, top.chunk.text)
                number = book.cite(top, "\n".join(u.text for u in units) or None)
                text += f"\n\nLa règle applicable figure à l'{_lower(top.citation)} [{number}]."
                citations = book.citations()
        return Answer(state.question, text, "clarify", citations=citations, follow_up=decision.follow_up)


def _of(topic: str) -> str:
    """ "de congés payés", "d'indemnité de licenciement": the preposition elided before a vowel."""
    return f"d'{topic}" if topic[:1].lower() in "aeiouyhéèêàâîôû" else f"de {topic}"


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if re.match(r"[A-ZÀÉÈ][a-zà-ÿ]", text) else text


def _same_section(got: str, want: str) -> bool:
    if not got or not want:
        return False
    return got == want or got.startswith(want + ".") or want.startswith(got + ".")


@lru_cache(maxsize=1)
def get_assistant() -> Assistant:
    """The process-wide assistant (models and index loaded once, shared by UI sessions)."""
    return Assistant(get_settings())
