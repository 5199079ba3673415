"""A small fake assistant for the AppTests: canned answers, the real corpus PDFs for page images."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.answer import Answer, Citation, ToolCall
from assistant.conversation import Conversation, Turn
from assistant.pages.page_images import PassageImage, passage_image
from assistant.settings import REPO_ROOT, get_settings
from calculators.registry import CALCULATORS

APP = str(REPO_ROOT / "ui" / "app.py")
PROTOCOLE = "accord-2019-12-19-formation-professionnelle"
TUTOR_QUOTE = (
    "Le montant de la prime est proportionnel à la durée de la mission d'accompagnement tutoré effectuée dans "
    "l'organisme ; il correspond à 7 points par mois, complet ou non."
)


def tutor_citation(quote: str = TUTOR_QUOTE) -> Citation:
    return Citation(
        number=1,
        evidence_id=f"{PROTOCOLE}:4.3:0:abc",
        document=PROTOCOLE,
        section="Article 4.3",
        page=6,
        quote=quote,
        title="Protocole d'accord du 19 décembre 2019 relatif à la formation professionnelle",
        path="Titre II › Article 4 › 4.3",
        page_end=6,
    )


class FakeAssistant:
    """Answers from a table; records what it was asked."""

    def __init__(self, pdf_dir: Path) -> None:
        self.pdf_dir = pdf_dir
        self.questions: list[str] = []
        self.conversations: list[Conversation | None] = []
        self.uploads: list[tuple[str, int]] = []
        self.indexed = 0

    @property
    def library(self) -> FakeAssistant:
        """The real assistant keeps its documents in `Assistant.library`; the fake is its own library."""
        return self

    def ensure_index(self, progress: Callable[[str, float], None] | None = None) -> None:
        self.indexed += 1
        if progress:
            progress("Indexation", 1.0)

    def ask(self, question: str, conversation: Conversation | None = None, today: Any = None) -> Answer:
        """Like `Assistant.ask`: in a conversation, a reply to a pending clarification completes it."""
        self.conversations.append(conversation)
        pending = conversation.pending if conversation is not None else None
        asked = f"{pending.resolved} {question}" if pending is not None else question
        answer = self._answer(asked)
        answer.question = question
        answer.resolved_question = asked if asked != question else None
        if conversation is not None:
            conversation.record(Turn(question, asked, "new", answer.route, follow_up=answer.follow_up))
        return answer

    def _answer(self, question: str) -> Answer:
        self.questions.append(question)
        lowered = question.lower()
        if "2025" in lowered and "tut" in lowered:
            result = CALCULATORS["tutor_bonus"].run(missions=["2025-02-01:2025-06-20"], as_of="2025-07-01")
            applied = f"Textes appliqués : {result.references[0].label} [1]."
            return Answer(
                question,
                f"{result.summary}\n\nCalcul : {result.formula}\n\n{applied}",
                "calculator",
                citations=[tutor_citation()],
                tool_calls=[
                    ToolCall(
                        "tutor_bonus", {"missions": [{"start": "2025-02-01", "end": "2025-06-20"}]}, result.to_dict()
                    )
                ],
            )
        if "mission" in lowered or "ma prime" in lowered:
            follow = "Quelles sont les dates de début et de fin de votre mission de tutorat ?"
            return Answer(question, follow, "clarify", follow_up=follow)
        if "script" in lowered:
            evil = "<script>alert('x')</script> ![img](http://evil.example/x.png) :red[rouge] $x^2$"
            return Answer(question, f"Passage : « {evil} » [1]", "retrieval", citations=[tutor_citation(evil)])
        return Answer(
            question,
            "Selon l'article 4.3 — protocole d'accord du 19 décembre 2019 [1] :\n- « il correspond à 7 points par "
            "mois, complet ou non. »",
            "retrieval",
            citations=[tutor_citation()],
        )

    def documents(self) -> list[dict[str, Any]]:
        return [
            {
                "unit": PROTOCOLE,
                "document": PROTOCOLE,
                "title": "Protocole d'accord du 19 décembre 2019 relatif à la formation professionnelle",
                "kind": "accord",
                "signed": "2019-12-19",
                "in_force": "2020-04-30",
                "amends": None,
                "pages": 12,
                "chunks": 42,
                "consolidation": "version consolidée",
            }
        ]

    def ingest_upload(self, filename: str, data: bytes, progress: Any = None) -> list[str]:
        if not data.startswith(b"%PDF-"):
            raise ValueError(f"{filename} : ce n'est pas un PDF (en-tête %PDF absent)")
        self.uploads.append((filename, len(data)))
        if progress:
            progress("Indexation", 0.5)
        return [f"{filename}: indexé"]

    def pdf_path(self, document: str) -> Path:
        return self.pdf_dir / f"{document}.pdf"

    def passage_image(
        self, document: str, page: int, quote: str, page_end: int | None = None, crop: bool = True
    ) -> PassageImage:
        return passage_image(self.pdf_path(document), page, quote, page_end=page_end, crop=crop)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings pointing at a temporary data dir (feedback, point values), password off."""
    monkeypatch.setenv("CCN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("CCN_UI_PASSWORD", raising=False)
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


@pytest.fixture
def fake_assistant(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> FakeAssistant:
    from assistant import service

    fake = FakeAssistant(REPO_ROOT / "corpus" / "pdf")
    monkeypatch.setattr(service, "get_assistant", lambda: fake)
    return fake


def _has_index(data_dir: Path) -> bool:
    index = data_dir / "index"
    return index.is_dir() and any(index.rglob("*.sqlite3"))


@pytest.fixture(scope="session")
def real_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data dir for tests with the real assistant: the project's own if its index exists,
    else a temporary one (the app then indexes the shipped corpus on first start, 1–2 minutes)."""
    default = get_settings().data_dir
    return default if _has_index(default) else tmp_path_factory.mktemp("ccn-data")


@pytest.fixture
def real_assistant(real_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings and the process-wide assistant pointed at `real_data_dir`, password off."""
    from assistant import service

    monkeypatch.setenv("CCN_DATA_DIR", str(real_data_dir))
    monkeypatch.delenv("CCN_UI_PASSWORD", raising=False)
    get_settings.cache_clear()
    service.get_assistant.cache_clear()
    yield real_data_dir
    get_settings.cache_clear()
    service.get_assistant.cache_clear()
