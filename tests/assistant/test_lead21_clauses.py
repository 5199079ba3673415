"""A message asking two things gets each answered: clauses opened by a preposition governing the interrogative, by
"tous les combien", or after a spoken question ending on its asking word (lead21, #13 class 3).

On main at the seventeenth session's start, "…, et à partir de quand …", "…, et sur la base de quel texte ?", "…, et
tous les combien d'années …" and "Pro-A, c'est pour qui, ça dure combien ?" were read as one question, so the second
clause had no lead of its own. One sentence answering both clauses still leads alone (a clause whose sentence the
answer already holds adds nothing: giving such a clause its next best sentence was tried and withdrawn, see
docs/evaluation/lead21.md). Wordings are this module's own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.clauses import asking_clauses, asking_parts

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("message", "second"),
    [
        # a preposition governing the interrogative's phrase opens a clause of its own
        (
            "Le contrat pro vise un poste de niveau 3 : quelle base de paie pendant la formation, et à partir de quand "
            "change-t-elle après la certification ?",
            "à partir de quand change-t-elle après la certification ?",
        ),
        (
            "Mes repas du jour du CEP sont-ils remboursés, et sur la base de quel texte ?",
            "sur la base de quel texte ?",
        ),
        ("La prime de tuteur est de combien, et au bout de combien de mois est-elle versée ?", None),
        # "tous les combien": the asking word third
        (
            "Quel taux de contribution versent les caisses, et tous les combien d'années est-il renégocié ?",
            "tous les combien d'années est-il renégocié ?",
        ),
        # a spoken question ending on its asking word, then a comma
        ("Pro-A, c'est pour qui, ça dure combien ?", "ça dure combien ?"),
        ("Le formateur interne, il est payé quand, ça fait combien de points ?", None),
    ],
)
def test_a_second_clause_is_cut(message: str, second: str | None) -> None:
    clauses = asking_clauses(message)
    assert len(clauses) == 2, clauses
    if second is not None:
        assert clauses[1] == second


@pytest.mark.parametrize(
    "message",
    [
        # "quand" after a noun is a conjunction, "qui" a relative: one question
        "Qui prend en charge la rémunération et des frais annexes quand un salarié part en Pro-A ?",
        "Les frais de repas des salariés qui vont au CEP sont-ils remboursés ?",
        # a comma after a clause not ending on its asking word: a fronted adjunct, one question
        "Pour la Pro-A, qui finance les coûts pédagogiques ?",
        "Quand la mission de tutorat se termine, la prime est-elle versée en une fois ?",
        "Si je suis en CDD, combien de mois d'activité faut-il pour le CEP ?",
        # a complement, not a clause: "de diplôme et d'expérience"
        "Quelles sont les conditions de diplôme et d'expérience pour le CQP ?",
    ],
)
def test_one_question_stays_whole(message: str) -> None:
    assert asking_parts(message) == [message]


def test_a_fronted_adjunct_is_no_subject_for_the_next_clause() -> None:
    """ "Une fois signée, la convention …": the clause after the comma has its own subject, so the words before it
    are an adjunct; the next clause is read with the first clause, which names the thing asked about."""
    parts = asking_parts("Une fois signée, la convention est validée par qui et suivie par quel organisme ?")
    assert len(parts) == 2, parts
    assert "convention" in parts[1]


def test_a_dislocated_subject_still_goes_with_each_clause() -> None:
    parts = asking_parts("Le CQP manager opérationnel, c'est quel niveau RNCP, et il a été créé en quelle année ?")
    assert len(parts) == 2, parts
    assert parts[1].startswith("Le CQP manager opérationnel : ")


def _leads(text: str) -> str:
    """The answer's lead paragraphs: what stands before the quoted passages ("D'après …")."""
    return text.split("\n\nD'après")[0]


@pytest.mark.integration
def test_one_sentence_answering_both_clauses_adds_nothing(assistant: Any) -> None:
    """Art. 4.3's « Cette prime est versée en une seule fois à l'issue de la mission … objectifs pédagogiques
    préalablement fixés avec l'intéressé » answers both clauses; the first clause's next best (« 7 points par mois »)
    does not lead it."""
    answer = assistant.ask(
        "La prime de tutrice est-elle versée chaque mois ? Et avec qui les objectifs pédagogiques sont-ils fixés ?",
        today=TODAY,
    )
    leads = _leads(answer.text)
    assert "une seule fois" in leads
    assert "7 points" not in leads
