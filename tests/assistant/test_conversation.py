"""Conversations end to end on the shipped corpus: follow-ups, carried-over facts, the clarify exchange.

Each test plays a conversation through `Assistant.ask(question, conversation)` with the real index
and checks what the user would see: the figure recomputed, the article cited, the line saying how
the message was understood — and that a question naming its own subject is answered alone.
"""

from __future__ import annotations

import io
import json
import logging
import threading
from datetime import date
from typing import Any

import pytest

from assistant.conversation import Conversation
from assistant.conversation.replay import replay
from assistant.service import Assistant

pytestmark = pytest.mark.integration
TODAY = date(2026, 11, 29)
PROTOCOLE = "accord-2019-12-19-formation-professionnelle"


def _points(answer: Any) -> float:
    return float(answer.tool_calls[0].result["value"])


def test_a_pronoun_follow_up_is_answered_about_the_previous_subject(assistant: Assistant) -> None:
    conversation = Conversation()
    assistant.ask("Qu'est-ce que le conseil en évolution professionnelle ?", conversation, today=TODAY)
    answer = assistant.ask("Qui le dispense ?", conversation, today=TODAY)
    assert answer.text.startswith("Pour le conseil en évolution professionnelle :")
    assert answer.resolved_question == "Conseil en évolution professionnelle : qui le dispense ?"
    assert any(c.document == PROTOCOLE and c.section.endswith("5") for c in answer.citations)
    assert "APEC" in answer.text or "Apec" in answer.text


def test_tutor_bonus_is_recomputed_with_three_trainees(assistant: Assistant) -> None:
    """Art. 4.3: "7 points par mois, par salarié tutoré" — three trainees over three months: 63 points."""
    conversation = Conversation()
    first = assistant.ask(
        "Je tutore un salarié du 1er janvier au 31 mars 2025, combien de points ?", conversation, today=TODAY
    )
    assert first.route == "calculator" and _points(first) == 21
    again = assistant.ask("Et avec trois stagiaires ?", conversation, today=TODAY)
    assert again.route == "calculator"
    assert _points(again) == 63
    assert len(again.tool_calls[0].arguments["missions"]) == 3
    assert again.text.startswith("Question comprise : « Je tutore trois stagiaires du 1er janvier au 31 mars 2025")


def test_moving_the_end_of_the_mission_changes_the_months_counted(assistant: Assistant) -> None:
    """Art. 4.3: "7 points par mois" — January to May is five months: 35 points."""
    conversation = Conversation()
    assistant.ask("Je tutore un salarié du 1er janvier au 31 mars 2025, combien de points ?", conversation, today=TODAY)
    answer = assistant.ask("Et si la mission s'arrête fin mai ?", conversation, today=TODAY)
    assert answer.route == "calculator" and _points(answer) == 35
    mission = answer.tool_calls[0].arguments["missions"][0]
    assert (mission["start"], mission["end"]) == ("2025-01-01", "2025-05-31")


def test_the_answer_to_a_clarification_completes_the_question(assistant: Assistant) -> None:
    conversation = Conversation()
    asked = assistant.ask("Combien de points pour ma prime de tuteur ?", conversation, today=TODAY)
    assert asked.route == "clarify" and asked.follow_up
    assert conversation.pending is not None
    answer = assistant.ask("du 1er septembre au 30 novembre 2025, deux salariés", conversation, today=TODAY)
    assert answer.route == "calculator" and _points(answer) == 42  # 2 × 3 months × 7 points
    assert conversation.pending is None


def test_a_correction_replaces_the_amount(assistant: Assistant) -> None:
    """Avenant 2022, art. 5: "0,15 % de la masse salariale brute" — 3 M€ gives 4 500 €."""
    conversation = Conversation()
    first = assistant.ask("Quelle contribution pour une masse salariale de 10 M€ ?", conversation, today=TODAY)
    assert first.route == "calculator"
    answer = assistant.ask("non pardon, 3 M€ seulement", conversation, today=TODAY)
    assert answer.route == "calculator"
    assert float(answer.tool_calls[0].result["value"]) == 4500


def test_a_question_naming_its_own_subject_starts_afresh(assistant: Assistant) -> None:
    conversation = Conversation()
    assistant.ask("C'est quoi la Pro-A ?", conversation, today=TODAY)
    answer = assistant.ask("Combien d'heures de congé pour préparer une VAE ?", conversation, today=TODAY)
    assert answer.resolved_question is None
    assert "Pro-A" not in answer.text.split("\n", 1)[0]
    assert conversation.last is not None and conversation.last.subject is not None
    assert conversation.last.subject.name == "VAE"


def test_an_out_of_scope_switch_is_refused(assistant: Assistant) -> None:
    conversation = Conversation()
    assistant.ask("C'est quoi la Pro-A ?", conversation, today=TODAY)
    answer = assistant.ask("Et combien de jours de congés payés ai-je par an ?", conversation, today=TODAY)
    assert answer.route == "refusal"
    assert answer.resolved_question is None


def test_history_is_replayed_for_the_json_contract(assistant: Assistant) -> None:
    answer = replay(
        assistant,
        "Et pour une masse salariale de 20 millions d'euros ?",
        ["Quelle est la contribution conventionnelle ?"],
        today=TODAY,
        id="h1",
    )
    data = answer.to_contract()
    assert data["id"] == "h1" and data["route"] == "calculator"
    assert "30 000" in data["answer"]
    assert data["question"] == "Et pour une masse salariale de 20 millions d'euros ?"
    assert "20 millions" in data["resolved_question"] and "contribution" in data["resolved_question"]


def test_conversations_of_two_users_do_not_mix(assistant: Assistant) -> None:
    first, second = Conversation(), Conversation()
    assistant.ask("C'est quoi la Pro-A ?", first, today=TODAY)
    assistant.ask("Qu'est-ce que la VAE ?", second, today=TODAY)
    answers: dict[str, Any] = {}

    def follow(name: str, conversation: Conversation) -> None:
        answers[name] = assistant.ask("qui peut en bénéficier ?", conversation, today=TODAY)

    threads = [threading.Thread(target=follow, args=a) for a in (("pro_a", first), ("vae", second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers["pro_a"].text.startswith("Pour la Pro-A :")
    assert answers["vae"].text.startswith("Pour la VAE :")


def test_the_conversation_stays_out_of_logs(assistant: Assistant, caplog: pytest.LogCaptureFixture) -> None:
    conversation = Conversation()
    with caplog.at_level(logging.DEBUG):
        assistant.ask("Je tutore un salarié de mars à mai 2025, combien de points ?", conversation, today=TODAY)
        assistant.ask("Et avec deux stagiaires ?", conversation, today=TODAY)
        logging.getLogger("test").info("conversation: %r", conversation)
    assert "stagiaires" not in caplog.text and "tutore" not in caplog.text
    assert repr(conversation) == "Conversation(2 tours)"


def test_chat_command_with_piped_stdin(assistant: Assistant, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    import assistant.service as service
    from cli.main import main

    monkeypatch.setattr(service, "get_assistant", lambda: assistant)
    monkeypatch.setattr(assistant.library, "ensure_index", lambda **_kw: None)
    script = "C'est quoi la Pro-A ?\net qui la finance ?\n/sources\n/nouveau\nqui la finance ?\n/quitter\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(script))
    assert main(["chat", "--today", "2026-11-29"]) == 0
    out = capsys.readouterr().out
    assert "Pour la Pro-A :" in out  # the follow-up was read in context
    assert "Nouvelle conversation." in out
    after_reset = out.split("Nouvelle conversation.", 1)[1]
    assert "Pour la Pro-A" not in after_reset  # /nouveau forgot the Pro-A
    sources = out.split("et qui la finance", 1)[-1]
    assert "[1]" in sources and "p. " in sources


def test_ask_json_file_with_history(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch, capsys: Any, tmp_path
) -> None:
    import assistant.service as service
    from cli.main import main

    monkeypatch.setattr(service, "get_assistant", lambda: assistant)
    monkeypatch.setattr(assistant.library, "ensure_index", lambda **_kw: None)
    lines = [
        {
            "id": "a",
            "history": ["Combien de points pour ma prime de tuteur ?"],
            "question": "du 1er septembre au 30 novembre 2025, deux salariés",
        },
        {"id": "b", "history": "pas une liste", "question": "x"},
    ]
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps(lines[0], ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["ask", "--json", "--file", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "a" and data["route"] == "calculator" and "42" in data["answer"]
    path.write_text(json.dumps(lines[1], ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["ask", "--json", "--file", str(path)]) == 2
    assert "history" in capsys.readouterr().err


def test_a_bare_yes_answers_the_clarification(assistant: Assistant) -> None:
    """Avenant 2022, art. 2: the VAE leave is "porté à 48 heures" when the job is threatened — "oui"
    to "Votre emploi est-il menacé… ?" gives 48 hours."""
    conversation = Conversation()
    asked = assistant.ask("Combien d'heures de congé pour préparer ma VAE ?", conversation, today=TODAY)
    assert asked.route == "clarify" and "menacé" in (asked.follow_up or "")
    answer = assistant.ask("oui", conversation, today=TODAY)
    assert answer.route == "calculator"
    assert answer.tool_calls[0].arguments["job_threatened"] is True
    assert "48" in answer.text and "mon emploi est menacé" in (answer.resolved_question or "")


def test_thanks_do_not_break_the_thread(assistant: Assistant) -> None:
    """ "ok merci" between two questions: the next follow-up still reads the question before it, and
    /sources still shows that answer's passages."""
    conversation = Conversation()
    first = assistant.ask("Combien d'heures de congé VAE on a ?", conversation, today=TODAY)
    thanks = assistant.ask("ok merci", conversation, today=TODAY)
    assert thanks.text.startswith("Je vous en prie.") and not thanks.citations and not thanks.follow_up
    assert [c.document for c in conversation.last_citations] == [c.document for c in first.citations]
    answer = assistant.ask("et si j'ai seulement un CAP ?", conversation, today=TODAY)
    assert answer.route == "calculator" and "48" in answer.text


def test_why_takes_up_the_previous_question_with_its_passages(assistant: Assistant) -> None:
    conversation = Conversation()
    first = assistant.ask("Je suis en CDD, je peux faire une Pro-A ?", conversation, today=TODAY)
    answer = assistant.ask("pourquoi ?", conversation, today=TODAY)
    assert answer.text.startswith("Je reprends la question « Je suis en CDD, je peux faire une Pro-A ? »")
    assert {(c.document, c.section) for c in answer.citations} == {(c.document, c.section) for c in first.citations}
    assert any(c.section.endswith("2.3") for c in answer.citations)


def test_a_count_carried_by_en_reruns_the_calculator(assistant: Assistant) -> None:
    """Art. 4.3: 7 points per month and per trainee — "j'en ai deux" over six months: 84 points."""
    conversation = Conversation()
    first = assistant.ask(
        "Je suis tuteur d'un alternant de janvier à juin 2026, combien de points ?", conversation, today=TODAY
    )
    assert _points(first) == 42
    answer = assistant.ask("et si j'en ai deux ?", conversation, today=TODAY)
    assert answer.route == "calculator" and _points(answer) == 84


def test_a_follow_up_on_words_the_texts_never_use_is_not_read_against_the_old_subject(assistant: Assistant) -> None:
    """ "et les tickets resto ?" after the trainer's bonus: the texts never speak of them, so the message is
    answered alone (refused), not as a question on the bonus."""
    conversation = Conversation()
    assistant.ask("La prime de formateur interne c'est combien ?", conversation, today=TODAY)
    answer = assistant.ask("et les tickets resto ?", conversation, today=TODAY)
    assert answer.route == "refusal" and answer.resolved_question is None
    other = Conversation()  # words the texts use stay a follow-up
    assistant.ask("Parle-moi du CQP gestionnaire conseil", other, today=TODAY)
    kept = assistant.ask("et son numéro RNCP ?", other, today=TODAY)
    assert kept.resolved_question is not None and "35729" in kept.text


def test_a_clarification_cites_the_article_of_the_rule_it_applies(assistant: Assistant) -> None:
    """The clarification applies art. 2.3 ("La Pro-A concerne les salariés en contrat à durée
    indéterminée…", up to the licence): that article is cited, not 2.1, the scheme's purpose, which the
    search ranks first."""
    answer = assistant.ask("Ai-je le droit de partir en Pro-A ? Je suis en CDI.", today=TODAY)
    assert answer.route == "clarify"
    assert [c.section for c in answer.citations] == ["Article 2.3"]


def test_a_bare_length_after_the_tutor_clarification_reruns_the_calculator(assistant: Assistant) -> None:
    """Art. 4.3: "il correspond à 7 points par mois, complet ou non" — a mission of 8 months: 56 points,
    the length given alone as the answer to the clarification."""
    conversation = Conversation()
    asked = assistant.ask("Je deviens tutrice d'une alternante, quelle prime en points ?", conversation, today=TODAY)
    assert asked.route == "clarify"
    answer = assistant.ask("8 mois", conversation, today=TODAY)
    assert answer.route == "calculator" and _points(answer) == 56


def test_a_mission_length_after_sur_or_dure_is_read(assistant: Assistant) -> None:
    """Art. 4.3: "7 points par mois, complet ou non" — "sur 2 mois" and "qui dure 4 mois" are lengths."""
    on = assistant.ask("Tutrice sur 2 mois, combien de points ça fait ?", Conversation(), today=TODAY)
    assert on.route == "calculator" and _points(on) == 14
    lasts = assistant.ask("Ma mission de tuteur dure 4 mois, quelle prime en points ?", Conversation(), today=TODAY)
    assert lasts.route == "calculator" and _points(lasts) == 28
    rule = assistant.ask("Combien de stagiaires un tuteur encadre-t-il sur 6 mois ?", Conversation(), today=TODAY)
    assert rule.route != "calculator"
