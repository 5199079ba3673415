"""Error details stay on the server (issue #19, defect 6).

A forged widget state made the server send a traceback with file paths to a client that had not
logged in. `ccn-assistant ui` now starts Streamlit with `client.showErrorDetails = "none"`: the
browser gets a generic message, the traceback goes to the server's log.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from cli.commands.ui import streamlit_command

SECRET = "/srv/ccn-assistant/secret_module.py"


def test_the_ui_starts_with_error_details_off() -> None:
    command = streamlit_command(8765, "127.0.0.1", headless=True)
    options = dict(zip(command[5::2], command[6::2], strict=False))
    assert options["--client.showErrorDetails"] == "none"


@pytest.fixture
def details_off() -> Iterator[None]:
    before = config.get_option("client.showErrorDetails"), config.get_option("logger.enableRich")
    config.set_option("client.showErrorDetails", "none")
    config.set_option("logger.enableRich", False)  # through `logging` (rich prints to the console instead)
    yield
    config.set_option("client.showErrorDetails", before[0])
    config.set_option("logger.enableRich", before[1])


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        detail = logging.Formatter().formatException(record.exc_info) if record.exc_info else ""
        self.texts.append(record.getMessage() + detail)


def test_a_crash_shows_no_detail_in_the_browser_and_logs_it(details_off: None, tmp_path: Path) -> None:
    script = tmp_path / "page.py"
    script.write_text(f"raise RuntimeError('état de widget invalide dans {SECRET}')\n", encoding="utf-8")
    handler = Records()
    loggers = [logging.getLogger(name) for name in ("streamlit", "streamlit.error_util")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        at = AppTest.from_file(str(script), default_timeout=30)
        at.run()
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
    assert at.exception, "the crash was not reported at all"
    shown = at.exception[0]
    assert SECRET not in shown.message and not shown.stack_trace, (shown.message, shown.stack_trace)
    assert any(SECRET in text for text in handler.texts), "the detail was not logged on the server"
