"""Other words for a calculator's subject reach its calculator (vocabulary as data in `routing.intents`; calc18).

Art. 9 (devenu 10): "une contribution conventionnelle supplémentaire … correspondant à 0,15 % de leur masse
salariale brute" — said "versement conventionnel supplémentaire", "salaires bruts", "fonds communs de la branche".
Art. 4.3: "chaque salarié qui exerce … une mission de tuteur … perçoit, à ce titre, une prime" — said "j'ai épaulé un
apprenti". Avenant art. 3 (art. 9.3): "7 points par mois pour chaque action de formation" — said "deux sessions
animées". Art. 8: "garanti à tous les salariés présents qui n'en auraient pas suivi depuis 4 ans" — said "plus aucun
stage depuis".
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.router import route

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("question", "calculator", "key", "value"),
    [
        (
            "Trois millions d'euros de salaires bruts : combien pour notre versement conventionnel supplémentaire ?",
            "supplementary_contribution",
            "payroll",
            3_000_000,
        ),
        (
            "Salaires bruts de 12 M€ cette année : que verser aux fonds communs de la branche ?",
            "supplementary_contribution",
            "payroll",
            12_000_000,
        ),
        (
            "J'ai épaulé une apprentie du 1er février au 30 juin 2026 : combien de points de prime ?",
            "tutor_bonus",
            "missions",
            [{"start": date(2026, 2, 1), "end": date(2026, 6, 30), "trainees": 1}],
        ),
        (
            "Deux modules animés du 2 au 6 mars 2026 et du 9 au 13 avril 2026 : combien de points ?",
            "trainer_bonus",
            "actions",
            [
                {"start": date(2026, 3, 2), "end": date(2026, 3, 6)},
                {"start": date(2026, 4, 9), "end": date(2026, 4, 13)},
            ],
        ),
        (
            "Plus aucun stage pour moi depuis le 5 avril 2022 : jusqu'à quand la caisse doit-elle me former ?",
            "training_guarantee",
            "last_training",
            date(2022, 4, 5),
        ),
    ],
)
def test_other_words_reach_the_calculator(question, calculator, key, value) -> None:
    decision = route(question, TODAY)
    assert (decision.route, decision.calculator) == ("calculator", calculator)
    assert decision.arguments[key] == value
