"""Skills registered by the front ends answer before the router; the interview sheet is cited like a calculation."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.service import Assistant
from assistant.skills import SkillReply
from interview.skill import LINK_LABEL, InterviewSkill

pytestmark = pytest.mark.integration
TODAY = date(2026, 11, 29)
PROTOCOLE = "accord-2019-12-19-formation-professionnelle"
EXAMPLE = (
    "Prépare l'entretien de M. X, CDI depuis 2010, BTS, dernière formation en 2020, veut devenir contrôleur "
    "du recouvrement"
)


class Declines:
    name = "declines"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def reply(self, question: str, today: date) -> SkillReply | None:
        self.seen.append(question)
        return None


@pytest.fixture(scope="module")
def assistant(real_assistant: Any, real_settings: Any) -> Assistant:
    assert isinstance(real_assistant, Assistant)
    return Assistant(real_settings, retriever=real_assistant.retriever, skills=[Declines(), InterviewSkill()])


def test_adviser_description_yields_the_cited_sheet(assistant: Assistant) -> None:
    answer = assistant.ask(EXAMPLE, today=TODAY)
    assert answer.route == "calculator"
    assert "Fiche de préparation de l'entretien professionnel" in answer.text
    assert "Non indiqué : les dates des entretiens professionnels passés" in answer.text
    assert "seule l'année est indiquée" in answer.text
    names = {call.name for call in answer.tool_calls}
    assert {"professional_reviews", "training_guarantee", "cep_absence", "pro_a_eligibility"} <= names
    sections = {(c.document, c.section.split()[-1]) for c in answer.citations}
    for section in ("6", "8", "5", "2.3"):
        assert any(doc == PROTOCOLE and sec.startswith(section) for doc, sec in sections), section
    assert answer.links and answer.links[0].label == LINK_LABEL
    assert answer.links[0].url.startswith("entretien?contrat=CDI&organisme=2010-01-01")
    assert "M. X" not in answer.links[0].url
    assert answer.to_contract()["links"][0]["url"] == answer.links[0].url


def test_declining_skills_leave_the_question_to_the_router(assistant: Assistant) -> None:
    answer = assistant.ask("Combien de salariés un tuteur peut-il accompagner au maximum ?", today=TODAY)
    assert answer.route == "retrieval" and not answer.links
    declining = assistant.skills[0]
    assert isinstance(declining, Declines) and declining.seen[-1].startswith("Combien de salariés")


def test_a_skill_is_registered_once(assistant: Assistant) -> None:
    before = len(assistant.skills)
    assistant.add_skill(InterviewSkill())
    assert len(assistant.skills) == before
