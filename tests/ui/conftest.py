"""A small fake assistant for the AppTests: canned answers, the real corpus PDFs for page images."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from assistant import quarantine
from assistant.answer import Answer, Citation, ToolCall
from assistant.conversation import Conversation, Turn
from assistant.pages.page_images import PassageImage, passage_image, passage_images
from assistant.settings import REPO_ROOT, get_settings
from calculators.registry import CALCULATORS
from ingest.manifest import info_for
from ingest.pipeline import parse_pdf_in_process

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
                "suspect": False,
            }
        ]

    def ingest_upload(self, filename: str, data: bytes, progress: Any = None) -> list[str]:
        """Checks the file with the real parser and the real quarantine; indexes nothing."""
        if not data.startswith(b"%PDF-"):
            raise ValueError(f"{filename} : ce n'est pas un PDF (en-tête %PDF absent)")
        self.uploads.append((filename, len(data)))
        data_dir = get_settings().data_dir
        path = data_dir / "uploads" / Path(filename).name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        parsed = parse_pdf_in_process(path, info_for(path, {}))
        quarantine.check_upload(data_dir, path.stem, filename, parsed)
        if progress:
            progress("Indexation", 0.5)
        return [f"{filename}: indexé"]

    def suspicious_documents(self) -> dict[str, dict[str, Any]]:
        return quarantine.held(get_settings().data_dir)

    def confirm_document(self, document: str) -> bool:
        return quarantine.release(get_settings().data_dir, document)

    def passage_images(
        self,
        document: str,
        page: int,
        quote: str,
        page_end: int | None = None,
        crop: bool = True,
        resolution: int = 216,
    ) -> tuple[PassageImage, ...]:
        path = self.pdf_path(document)
        return passage_images(path, page, quote, page_end=page_end, crop=crop, resolution=resolution)

    def pdf_path(self, document: str) -> Path:
        return self.pdf_dir / f"{document}.pdf"

    def passage_image(
        self, document: str, page: int, quote: str, page_end: int | None = None, crop: bool = True
    ) -> PassageImage:
        return passage_image(self.pdf_path(document), page, quote, page_end=page_end, crop=crop)


def fill_interview_profile(at: AppTest, name: str, wish: str) -> None:
    """The interview page's profile form filled (a CDI employee at level 3, in the branch since 2012, last
    trained in 2020, tutor of one mission in 2025) with `name` and `wish`: the words the privacy tests then
    look for in logs and files, and the page tests in the sheet."""
    at.text_input(key="iv_name").input(name)
    at.selectbox(key="iv_contract").set_value("CDI")
    at.selectbox(key="iv_level").set_value(3)
    at.date_input(key="iv_branch_start").set_value(date(2012, 9, 1))
    at.date_input(key="iv_org_start").set_value(date(2015, 3, 1))
    at.date_input(key="iv_last_training").set_value(date(2020, 5, 1))
    at.text_area(key="iv_wish").input(wish)
    at.toggle(key="iv_is_tutor").set_value(True)
    at.run()
    at.date_input(key="iv_missions_0_start").set_value(date(2025, 2, 1))
    at.date_input(key="iv_missions_0_end").set_value(date(2025, 6, 20))
    at.run()


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


ASSETS = REPO_ROOT / "ui" / "assets"


def fixed_html_bodies() -> set[str]:
    """The only HTML the UI may insert: its own style sheet and scroll script, read from ui/assets/."""
    css = (ASSETS / "theme.css").read_text(encoding="utf-8")
    return {f"<style>{css}</style>", (ASSETS / "scroll_to_answer.html").read_text(encoding="utf-8")}


def only_fixed_html(at: Any) -> bool:
    """No user or PDF text ever reaches `st.html`: every HTML element is one of the fixed assets."""
    allowed = fixed_html_bodies()
    return all(element.proto.body in allowed for element in at.get("html"))
