"""lookup30: an entry of a list named by its rare acronym leads (assistant.answering.named_entry), on the real texts.

The protocole's annexe 1 lists « DAMC : dispositif d'accès aux métiers de contrôle – formation initiale des
Inspecteurs » among the certifications open to the Pro-A; the avenant's annexe 1 writes « Le diplôme d'État
d'accompagnant éducatif et social (DEAES) est obligatoire pour exercer le métier. »
"""

from __future__ import annotations

from assistant.answering.named_entry import acronyms, entry_led, holds, rare_acronyms


def test_an_acronym_defined_on_a_row_or_in_an_annex_names_an_entry() -> None:
    assert rare_acronyms("Le DAMC qu'on voit sur la liste des certifications Pro-A, ça désigne quoi ?") == ["DAMC"]
    assert rare_acronyms("Le DEES figurant dans l’annexe, c’est quel diplôme ?") == ["DEES"]
    # defined in an annex’s prose, not on a row: read as the subject of a follow-up it was not (lookup30)
    assert rare_acronyms("Le DEAES est-il dans la liste Pro-A, le diplôme de moniteur éducateur ?") == []


def test_common_or_undefined_acronyms_name_no_entry() -> None:
    # RNCP and CQP stand in many sections; CDI and CPAM are defined by no row of the texts
    assert rare_acronyms("Le CQP est-il inscrit au RNCP ?") == []
    assert rare_acronyms("En CDI à la CPAM, ai-je droit à la Pro-A ?") == []


def test_a_question_in_capitals_names_nothing_by_them() -> None:
    assert acronyms("LE DAMC C'EST QUOI ?") == []


def test_holds_reads_the_acronym_as_a_word() -> None:
    assert holds("– DAMC : dispositif d’accès aux métiers de contrôle", "DAMC")
    assert not holds("Le DEAES-2021 arrive", "DEAES")


def test_the_passage_holding_the_entry_leads() -> None:
    ranked = ["La Pro-A concerne les salariés en CDI.", "– DAMC : dispositif d’accès aux métiers de contrôle"]
    assert entry_led("Le DAMC de la liste Pro-A, c'est quoi ?", ranked, str) == list(reversed(ranked))
    assert entry_led("La liste Pro-A, c'est quoi ?", ranked, str) == ranked
