"""The real local model (docs/LLM.md), when one is running: slow, skipped without it, never in CI.

Start it with `ccn-assistant llm serve`, then run
`CCN_TEST_LLM_URL=http://127.0.0.1:8012/v1 pytest -m slow tests/assistant/test_local_model_real.py`.
"""

from __future__ import annotations

import os
import urllib.request
from datetime import date

import pytest

from assistant.settings import Settings

pytestmark = [pytest.mark.slow, pytest.mark.integration]
URL = os.environ.get("CCN_TEST_LLM_URL", "")


@pytest.fixture
def model_url() -> str:
    pytest.importorskip("langchain_openai")
    if not URL:
        pytest.skip("CCN_TEST_LLM_URL absent: no local model server to test")
    try:
        with urllib.request.urlopen(URL.rstrip("/") + "/models", timeout=5):
            pass
    except OSError:
        pytest.skip(f"no model server answers at {URL}")
    return URL


def test_tutor_bonus_is_worded_with_its_figure_and_citation(real_settings: Settings, model_url: str) -> None:
    """The issue's observation: a correct, cited French answer to "Combien touche un tuteur ?"."""
    from assistant.service import Assistant

    settings = real_settings.model_copy(update={"llm_base_url": model_url, "llm_timeout_s": 600.0})
    answer = Assistant(settings).ask("Combien touche un tuteur ?", today=date(2025, 11, 25), draft=True)
    assert answer.draft is not None
    result = answer.draft.finish()
    assert result is not None, answer.draft.raw
    assert result.cited
    assert "7 points" in result.text.replace("\u00a0", " ")
