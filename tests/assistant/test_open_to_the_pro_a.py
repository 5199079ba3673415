"""What "ouvert à la Pro-A" is said of: a certification on the list, or the asker's access (art. 2.2, 2.3).

Art. 2.3 (« La Pro-A concerne les salariés en contrat à durée indéterminée … ») makes a person's access depend on
their contract and diploma; the annexe lists the certifications the Pro-A leads to. "Certifications ouvertes à la
Pro-A" speaks of the list, so no question back about the asker's contract is due.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.router import route

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    "question",
    [
        "Notre service RH affiche douze diplômes ouverts à la Pro-A : est-ce le bon compte ?",
        "Je lis que les titres ouverts à la Pro-A ont changé en 2022, lesquels ?",
    ],
)
def test_a_certification_open_to_the_pro_a_is_not_the_asker_s_case(question: str) -> None:
    assert route(question, TODAY).calculator != "pro_a_eligibility"


def test_the_pro_a_open_to_the_asker_is_still_their_case() -> None:
    decision = route("La Pro-A m'est-elle ouverte ?", TODAY)
    assert (decision.route, decision.calculator) == ("clarify", "pro_a_eligibility")
