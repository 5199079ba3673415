"""Extractive composition on real passages: quoted units, lists kept whole, citations as data."""

from __future__ import annotations

from assistant.answering import wording
from assistant.answering.citations import drop_unknown_markers, markers_in
from assistant.answering.composer import guarded_lead, passage_units, query_weights, select_units
from assistant.answering.disagreement import quantities
from assistant.answering.lead_opening import asked_figure, yes_or_no

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


# -- answer first (issue #13, point 3) ------------------------------------------------------------
TUTOR_42 = "Afin d’optimiser l’accomplissement de sa mission, chaque tuteur accompagne, au maximum, 3 salariés."
PRORATA_43 = (
    "La prime n’entre pas dans la base de calcul de l’allocation vacances et de la gratification annuelle et "
    "n’est pas proratisée en fonction de la durée de travail contractuelle du salarié."
)


def test_the_figure_asked_for_opens_the_lead() -> None:
    assert asked_figure("Combien de salariés un tuteur peut-il accompagner au maximum ?", TUTOR_42) == "3 salariés"
    # Two figures of the unit asked: no single figure can open the answer.
    both = "Le congé d’une durée de 24 heures est augmenté, pour certains agents, à 48 heures maximum."
    assert asked_figure("Combien d'heures de congé pour une VAE ?", both) is None
    assert asked_figure("Qui peut bénéficier de la Pro-A ?", TUTOR_42) is None


def test_oui_non_only_when_the_sentence_plainly_says_it() -> None:
    """Art. 4.3: « … n’est pas proratisée en fonction de la durée de travail contractuelle du salarié »."""
    assert yes_or_no("La prime de tutorat est-elle proratisée pour un salarié à temps partiel ?", PRORATA_43) is False
    # A figure in the question ("10 points") must never be confirmed by a bare "oui".
    assert yes_or_no("C'est 10 points par mois pour les tuteurs, tu confirmes ?", TUTOR_43) is None
    # An exception in the sentence ("hormis") makes a bare oui/non wrong either way.
    hormis = "Tous les CQP délivrés par le Régime général sont inscrits au RNCP (hormis le CQP Gestionnaire Carrière)."
    assert yes_or_no("Tous les CQP du régime général sont-ils inscrits au RNCP ?", hormis) is None
    assert yes_or_no("Combien de salariés un tuteur peut-il accompagner ?", TUTOR_42) is None  # not closed


def test_a_lead_with_a_figure_absent_from_the_passages_is_removed() -> None:
    lead = wording.lead_line(TUTOR_42.replace("3 salariés", "5 salariés"), 1, figure="5 salariés")
    assert guarded_lead(lead, [TUTOR_42]) == ""
    sound = wording.lead_line(TUTOR_42, 1, figure="3 salariés")
    assert guarded_lead(sound, [TUTOR_42]) == sound


def test_quantities_compare_durations_across_units() -> None:
    """« d’au moins une année » (art. 7) and « au minimum de 3 ans » (circular, VI) are two durations."""
    assert quantities("d’au moins une année, en lien avec la certification") == {"durée": {12.0}}
    assert quantities("au minimum de 3 ans, dans les 8 dernières années") == {"durée": {36.0}}
    assert quantities("7 points par mois") == {"points": {7.0}}  # "par mois" is a rate, not a figure


def test_a_ceiling_asked_in_other_words_scores_the_sentence_that_states_it() -> None:
    """Art. 4.3: « la prime peut atteindre un montant correspondant au maximum à 252 points par année civile »
    answers "le plafond annuel" although neither word is in it (`units.EQUIVALENT_WORDS`)."""
    from assistant.answering.units import unit_scores

    question = "Quel est le plafond annuel de la prime de tutorat ?"
    units = passage_units(TUTOR_43)
    scores = unit_scores(question, units, {})
    best = units[max(range(len(units)), key=lambda i: scores[i])]
    assert "252 points" in best.text


def test_the_figure_of_the_kind_asked_outranks_other_figures() -> None:
    """Annexe 1 of the avenant: « Ce diplôme de niveau 3 est accessible par l'apprentissage et la VAE »: "quel
    niveau ?" is answered by "niveau 3", not by another sentence holding a date."""
    from assistant.answering.units import asked_figure_kind, score_unit

    kind = asked_figure_kind("Ce diplôme, il est de quel niveau ?")
    assert kind is not None and kind.search("Ce diplôme de niveau 3 est accessible")
    weights = query_weights("Ce diplôme, il est de quel niveau ?")
    level = score_unit("Ce diplôme de niveau 3 est accessible par la VAE.", weights, {}, True, asked=kind)
    dated = score_unit("Le niveau du diplôme a été réformé le 30 août 2021.", weights, {}, True, asked=kind)
    assert level > dated
    assert asked_figure_kind("Dans quels cas la Pro-A dure-t-elle plus longtemps ?") is None


def test_a_length_written_in_words_is_a_figure_of_the_kind_asked() -> None:
    """Art. 7 (avenant 2022): « … dès lors que la personne justifie d'une activité, continue ou non, d'au
    moins une année, en lien avec la certification recherchée. » "Quelle durée d'expérience ?" is
    answered by "une année" although no digit is written."""
    from assistant.answering.units import asked_figure_kind, score_unit

    question = "Quelle durée d'expérience faut-il pour demander une VAE ?"
    kind = asked_figure_kind(question)
    sentence = (
        "La validation des acquis de l'expérience permet d'accéder à tout ou partie d'une certification "
        "professionnelle dès lors que la personne justifie d'une activité, continue ou non, d'au moins une "
        "année, en lien avec la certification recherchée."
    )
    assert kind is not None and kind.search(sentence) and not kind.search("une fois par an")
    weights = query_weights(question)
    assert score_unit(sentence, weights, {}, True, asked=kind) > score_unit(sentence, weights, {}, True)


def test_the_routed_topic_is_named_in_the_texts_words_only_when_the_question_does_not() -> None:
    """ "le contrat de pro" is searched as the contrat de professionnalisation; a question that already
    says "contrat de professionnalisation" is searched unchanged."""
    from assistant.answering.dispositifs import named_query

    assert named_query("le contrat de pro, il sert à quoi ?", "professionalisation").endswith(
        "(contrat de professionnalisation)"
    )
    plain = "À quoi sert le contrat de professionnalisation ?"
    assert named_query(plain, "professionalisation") == plain
    assert named_query(plain, None) == plain
