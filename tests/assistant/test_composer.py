"""Extractive composition on real passages: quoted units, lists kept whole, citations as data."""

from __future__ import annotations

from assistant.answering.citations import drop_unknown_markers, markers_in
from assistant.answering.composer import passage_units, query_weights, select_units

TUTOR_43 = (
    "La fonction tutorale est considérée comme un accroissement de compétences, à prendre prioritairement en "
    "compte dans le cadre du dispositif de développement professionnel.\n\n"
    "Un point spécifique est fait sur cette activité, pour les salariés concernés, à l’occasion de l’entretien "
    "annuel d’évaluation et d’accompagnement.\n\n"
    "De plus, chaque salarié qui exerce, au-delà des activités liées à son emploi, une mission de tuteur, dans le "
    "cadre d’un dispositif sanctionné par un examen qui prévoit des phases tutorées, perçoit, à ce titre, une prime."
    "\n\nCette prime est versée en une seule fois à l’issue de la mission de tutorat lorsque celle-ci s’est "
    "réalisée conformément aux objectifs pédagogiques préalablement fixés avec l’intéressé.\n\n"
    "Le montant de la prime est proportionnel à la durée de la mission d’accompagnement tutoré effectuée dans "
    "l’organisme ; il correspond à 7 points par mois, complet ou non.\n\n"
    "Dans ce cadre, la prime peut atteindre un montant correspondant au maximum à 252 points par année civile et "
    "par tuteur.\n\n"
    "La prime n’entre pas dans la base de calcul de l’allocation vacances et de la gratification annuelle et "
    "n’est pas proratisée en fonction de la durée de travail contractuelle du salarié."
)
LIST_PASSAGE = (
    "Le tuteur a pour mission de contribuer principalement à :\n\n– accueillir, aider, informer et guider le "
    "bénéficiaire de la formation ;\n\n– veiller au respect de l’emploi du temps du bénéficiaire avec le manager ;"
    "\n\nLe tutorat est un levier majeur."
)
TABLE_PASSAGE = (
    "Les épreuves sont les mêmes pour toutes les options.\n\n"
    "Tableau : Epreuve ou évaluation | Coefficient | Note éliminatoire\n"
    "– Epreuve écrite — Coefficient : 3; Note éliminatoire : ≤ 6\n"
    "– Epreuve orale — Coefficient : 3; Note éliminatoire : ≤ 6"
)


def test_units_are_sentences_list_items_and_table_rows() -> None:
    units = passage_units(LIST_PASSAGE + "\n\n" + TABLE_PASSAGE)
    assert units[0].opens_list
    assert [u.in_list for u in units[1:3]] == [True, True]
    header = next(u for u in units if u.is_header)
    assert header.text.startswith("Tableau")


def test_figure_question_quotes_the_figures() -> None:
    text = "\n".join(u.text for u in select_units("Combien de points par mois pour la prime de tutorat ?", TUTOR_43))
    assert "7 points par mois" in text


def test_ceiling_question_quotes_the_ceiling() -> None:
    text = "\n".join(u.text for u in select_units("Quel est le montant maximal de la prime de tutorat ?", TUTOR_43))
    assert "252 points" in text


def test_list_introduction_brings_its_items() -> None:
    units = select_units("Quelles sont les missions du tuteur ?", LIST_PASSAGE * 3)
    texts = [u.text for u in units]
    assert any(t.startswith("– accueillir") for t in texts)
    assert any(t.endswith(":") for t in texts)


def test_query_weights_drop_question_framing() -> None:
    weights = query_weights("À quelle fréquence les entretiens professionnels doivent-ils avoir lieu ?")
    assert set(weights) == {"freque", "entret", "profes"}


def test_unknown_citation_markers_are_dropped() -> None:
    text = drop_unknown_markers("Selon l'article 4.3 [1], la prime est due [4].", {1})
    assert markers_in(text) == [1]
    assert "[4]" not in text
