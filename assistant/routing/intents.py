"""The router's topic vocabulary: weighted cues for each corpus topic, and the calculators it leads to.

Everything the router recognises by wording lives as data, so that covering a new paraphrase
means adding a pattern, never a branch in `assistant/router.py`. The vocabularies are split by
concern: corpus topics here, what the router refuses or neutralises (out-of-corpus subjects,
injected instructions, imposed claims) in `assistant.routing.guard_vocabulary`, and what the calculator
inputs need (is a case described, what is asked, follow-up questions) in
`assistant.routing.calculator_vocabulary`. Patterns are regular expressions over *folded* text
(`assistant.routing.extraction.folding.fold`: lower case, no accents, straight apostrophes), so
"Prime de tutorat", "prime de TUTORAT" and "prîme de tutorat" all read the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    """One weighted piece of evidence for a topic: a pattern and how much it counts."""

    pattern: str
    weight: float


def compile_cues(cues: tuple[Cue, ...]) -> tuple[tuple[re.Pattern[str], float], ...]:
    """Compile a topic's cues once, at import time (the router scores every question)."""
    return tuple((re.compile(c.pattern), c.weight) for c in cues)


# A topic wins when its summed cue weights reach this score; below it a question is "unknown".
TOPIC_THRESHOLD = 2.5

# The example bank's vote (`assistant.routing.meaning`) adds this weight times a topic's share to its
# cue score: a unanimous vote alone passes the threshold, as a cue naming the topic does.
MEANING_WEIGHT = 3.0
# Out of scope by meaning: the vote's majority, at least this share, and its weighted share plus the
# margin above the best corpus topic's combined score.
OUT_OF_SCOPE_SHARE = 0.6
OUT_OF_SCOPE_MARGIN = 0.5

# Topics of the corpus. Weights: 3 = names the topic on its own, 1-2 = supporting word.
TOPIC_CUES: dict[str, tuple[Cue, ...]] = {
    "tutor_bonus": (
        Cue(r"\btut(?:eur|eurs|rice|rices|orat|orale|orales)\b", 4),
        Cue(r"(?<!applications )(?<!applis )(?<!professionnelles )(?<!situation )\btutore(?:e|s|es)?\b", 2),
        Cue(r"\bmaitre d'apprentissage\b", 4),
        Cue(r"\b(?:je suis|j'ai ete|je serai|je vais etre|je deviens)\b[^.?!]{0,15}\btut", 1),
        Cue(
            # (the person's role decides, not the contract's name: "il a tutoré un contrat pro" is a tutor's case)
            # ("guider" too, art. 4.3's "mission d'accompagnement tutoré": "pour avoir guidé notre alternante")
            r"\b(?:(?:encadr|accompagn|epaul|tutor|guid)(?:e|es|ee|ees|ent|er|ais|ait|erai|erais|ons)"
            r"|pren(?:ds|d|dre|ais|ait|drai) en charge)"
            r"\b[^.?!]{0,30}"
            # (unless the contract is spoken of again: "… un contrat pro, combien dure ce contrat ?" asks of it)
            r"\b(?:apprenti|alternant|stagiaire|nouvel? embauche"
            r"|contrats? (?:de )?pro(?:fessionnalisation)?\b(?![^?]*\b(?:contrat|professionnalisation)))",
            3,
        ),
        # "deux alternants suivis", "l'apprentie que je suis", "suivre un alternant": the tutor's own work
        Cue(r"\b(?:apprenti|alternant|stagiaire)e?s? (?:suivie?s?|encadree?s?|accompagnee?s?)\b", 3),
        # "un alternant lui a été confié", "on m'a confié une apprentie": a trainee entrusted is a tutorat
        Cue(
            r"\b(?:apprenti|alternant|stagiaire)e?s?\b[^.?!]{0,25}\bconfiee?s?\b"
            r"|\bconfie\w* (?:un|une) (?:apprenti|alternant)",
            3,
        ),
        Cue(
            # (the noun too: "le suivi d'un apprenti", "le suivi de mon alternante")
            r"\b(?:suivre|suivi|suivais|suivrai|je suis) (?:un|une|deux|trois|mon|ma|mes|des|l'|les|d'un|d'une|de mon|"
            r"de ma|de mes|de l'|des) ?"
            r"(?:apprenti|alternant)",
            3,
        ),
        # the asker with their own trainee ("Et moi, avec mon alternant, combien de points ?"): the tutor's pairing,
        # a topic with the bonus's words beside it only
        Cue(r"\bavec (?:mon|ma|mes|notre|nos) (?:apprenti|alternant)e?s?\b", 2),
        Cue(r"\bprime\b", 1),
        Cue(r"\bpoints?\b", 0.5),
        Cue(r"\bproratis", 0.5),
    ),
    "trainer_bonus": (
        Cue(r"\bformat(?:eur|eurs|rice|rices) (?:interne|occasionnel|a titre accessoire)", 4),
        Cue(r"\ba titre accessoire\b", 3),
        Cue(r"\bafest\b", 3),
        Cue(r"\bformat(?:eur|rice)\b", 2),
        Cue(
            r"\ban(?:ime|imes|imer|ime|imerai|imais|imait)\b[^.?!]{0,40}\b(?:action|formation|session|module)",
            2,
        ),
        # "l'action de formation que j'anime", "la session que j'ai animée": the user's own training action
        Cue(r"\b(?:actions?|formations?|sessions?|modules?)(?: de formation)? que (?:j'|nous )(?:ai |avons )?an\w*", 3),
        # "deux sessions animées pour mes collègues": the action named first, the trainer's verb after it
        Cue(r"\b(?:actions?|sessions?|modules?)(?: de formation)? anime(?:e|es|s)?\b", 3),
        Cue(r"\bformations? internes?\b", 1.5),
        Cue(r"\bprime\b", 1),
    ),
    "vae": (
        Cue(r"\bvae\b", 4.5),
        Cue(r"\bvalidation des acquis\b", 4.5),
        # the scheme named by what it does, in the asker's words: "la validation de mon expérience", "validation
        # d'acquis", "faire valider mon expérience" (code du travail: "valider les acquis de son expérience")
        Cue(
            r"\bvalid\w* (?:de |des |d')?(?:mes |mon |ses |son |leurs? |l'|les |ces |cette )?(?:acquis|experiences?)\b",
            4.5,
        ),
        Cue(r"\bconge\b", 0.5),
        Cue(r"\bheures?\b", 0.5),
    ),
    "cep": (
        Cue(r"\bconseil en evolution professionnelle\b", 4),
        Cue(r"\bcep\b", 3),
        Cue(r"\bevolution professionnelle\b", 1.5),
        # the adviser rather than the advice ("voir un conseiller en évolution", "un conseiller carrière"), and the
        # operators art. 5 names ("dispensé par l'un des organismes habilités : Pôle emploi, Association pour
        # l'emploi des cadres (APEC), mission locale, CAP emploi …")
        Cue(r"\bconseill(?:er|ere)s? (?:en |d')?(?:evolution|carriere)\b", 3),
        Cue(r"\b(?:apec|cap emploi|pole emploi|france travail|mission locale)\b", 2),
        Cue(r"\bdemi-?\s?journee\b", 1),
        Cue(r"\b(?:autorisation d')?absence\b", 1),
    ),
    "training_guarantee": (
        Cue(r"\bgarantie individuelle\b", 4),
        # art. 8's title without its adjective: "la garantie d'accès à la formation"
        Cue(r"\bgarantie d'acces a (?:la |une )?formation\b", 4),
        Cue(r"\bderniere formation\b", 3),
        # the last training by another of its nouns ("dernière action suivie", "dernier stage de formation", "dernière
        # session") or by the adjective alone after the noun ("… une formation ? Ma dernière remonte à 2022")
        Cue(r"\bderni(?:ere|er) (?:action|session|stage|module)s?\b", 3),
        Cue(r"\bformation\b[^!]{0,40}\b(?:ma|sa|la|leur) derniere (?:remonte|date|etait|a eu lieu)\b", 3),
        # art. 8's guarantee named as the ground of a claim: "au titre de la garantie"
        Cue(r"\bau titre de la garantie\b", 3),
        # art. 8's own verb: "Le bénéfice d'une formation est ainsi garanti" ("la formation garantie", "lui garantir
        # une formation")
        Cue(r"\bformations? garanties?\b|\bgaranti\w* (?:une |la |sa |leur |d'une )?formation\b", 3),
        # ("pas formée depuis son arrivée": the participle says it as the noun does)
        Cue(r"\b(?:pas|aucune?|jamais)\b[^.?!]{0,25}\b(?:formations?|stages?|formee?s?)\b[^.?!]{0,25}\bdepuis\b", 3),
        Cue(r"\bdepuis\b[^.?!]{0,30}\bsans (?:aucune )?formation\b", 3),
        # the same length said as "ça fait longtemps que …": "ça fait longtemps que je n'ai pas été formé"
        Cue(
            r"\b(?:ca|cela) fait (?:longtemps|des annees|un bail|une eternite|un (?:bon |certain )?moment|"
            r"(?:bien |un bon )?(?:quelques|plusieurs|\d+) ans)\b[^.?!]{0,30}"
            r"\b(?:pas|plus|aucune?|jamais)\b[^.?!]{0,20}\b(?:formations?|stages?|formee?s?)\b",
            3,
        ),
        Cue(r"\bformations?\b[^.?!]{0,40}\b(?:pas|plus|aucune)\b[^.?!]{0,20}\bdepuis\b", 3),
        Cue(
            r"\b(?:employeur|organisme|caisse)\b[^.?!]{0,30}\b(?:proposer|faire suivre|fait suivre|offrir)\b"
            r"[^.?!]{0,15}\bformat",
            1.5,
        ),
        Cue(r"\b(?:\d+|quatre|cinq|six) ans sans (?:aucune )?formation\b", 3),
        Cue(r"\bdroit (?:d'acces )?a (?:une |la )?formation\b", 1.5),
    ),
    "professional_reviews": (
        Cue(r"\bentretiens? professionnels?\b", 4),
        Cue(r"\bentretiens? (?:pros?|de bilan|bilan)\b", 3),
        Cue(r"\bbilan (?:a|des|de) (?:6|six) ans\b", 3),
        Cue(r"\bentretiens?\b", 1.5),
        Cue(r"\b(?:embauche|recrute|arrive|entre)e?s?\b", 0.5),
    ),
    "pro_a": (
        Cue(
            # "pro a" alone is a word pair of everyday French ("pro à temps plein") unless a determiner or the
            # start of the message stands before it, as before any scheme's name ("pro a de 600 heures, …")
            r"\bpro ?- ?a\b|\bproa\b|(?:^|\b(?:la|une|en|de|dispositif|ma|ta|sa|notre|votre|leur|cette|une autre) )"
            r"pro a\b(?! (?:duree|temps))",
            4,
        ),
        Cue(r"\b(?:promotion|reconversion) (?:ou (?:promotion|reconversion) )?(?:par|en) (?:l')?alternance\b", 4),
        Cue(r"\breconversion\b", 1),
    ),
    "professionalisation": (
        Cue(r"\bcontrats? (?:de )?pro(?:fessionnalisation)?\b", 3.5),
        Cue(r"(?<!contrat de )(?<!contrats de )\bprofessionnalisation\b", 2.5),
        Cue(r"\b(?:remuner|paye|payee|salaire|coefficient)", 0.5),
        Cue(r"\bcadre conventionnel\b", 2),  # art. 3.6: pay "par référence au cadre conventionnel"
    ),
    "contribution": (
        Cue(r"\bcontribution (?:conventionnelle )?supplementaire\b", 4),
        Cue(r"\bcontribution conventionnelle\b", 4),
        Cue(r"\bmasse salariale\b", 3),
        Cue(r"\bcontribution\b", 3),
        Cue(r"\b0[,.]15 ?%", 1.5),
        Cue(r"\bfonds mutualises\b", 1),
        # the payroll and the payment in other words: "salaires bruts annuels", "versement conventionnel
        # supplémentaire", "les fonds communs de la branche"
        Cue(r"\b(?:versement|cotisation)s? (?:conventionnel(?:le)?s? )?supplementaires?\b", 4),
        Cue(r"\bsalaires? bruts?\b", 2),
        Cue(r"\bfonds communs?\b", 1),
        # what the organisation pays the branch for training, named by the payer's side (art. 10: "une contribution
        # conventionnelle supplémentaire"): "la somme due à la branche pour la formation", "la cotisation formation
        # de branche", "ce qu'on verse à la branche"
        Cue(
            # (a payment said due to the branch, or the training's: "la cotisation prévoyance de branche" is not it)
            r"\b(?:somme|montant|cotisation|versement|contribution)s?\b[^.?!]{0,20}\b(?:due?s?|a verser|versee?s?|"
            r"payee?s?) (?:a|pour) la branche\b|\bcotisation (?:de )?formation (?:de |a la )?branche\b",
            3,
        ),
    ),
    "cqp_certification": (
        Cue(r"\btronc commun\b", 2),
        Cue(r"\b(?:epreuves?|notes?|moyenne|eliminatoires?|coefficients?)\b", 1.5),
        Cue(r"\b(?:ecrite?|orale?)\b", 1),
        Cue(r"\b(?:applications?|applis?) (?:pro(?:fessionnelles?)? )?tutorees\b", 2.5),
        Cue(r"\bcertifie(?:e|s)?\b", 1.5),
        Cue(r"\bcqp\b", 1),
        Cue(r"\b(?:/ ?20|sur 20)\b", 1),
        # A grade given for a named exam, either order: "14 à l'écrit", "écrit : 9", "TC 9".
        Cue(
            r"\b\d{1,2}(?:[,.]\d{1,2})? ?(?:/ ?20 |sur 20 )?(?:a|en|au|aux) (?:l'|la |le |les )?"
            r"(?:epreuves? (?:d'|de l'|de )?)?(?:ecrit|oral|tronc commun|option|applications? )"
            r"|\b(?:ecrite?|orale?|tronc commun|tc|apt)\b ?[:=]? ?\d{1,2}(?:[,.]\d{1,2})?\b"
            r"(?! ?(?:%|h\b|heures?|ans?\b|mois))"
            r"|\b\d{1,2}(?:[,.]\d{1,2})? ?(?:/ ?20 |sur 20 )?(?:partout|a toutes les epreuves|a chaque epreuve)\b",
            2.5,
        ),
    ),
    "training_path": (
        Cue(r"\bprem'? ?ss\b", 3),
        Cue(r"\bpass(?: formation)?\b", 1.5),
        Cue(r"\bparcours (?:de formation|cqp|certifiant)\b", 2),
        Cue(r"\bamplitude\b", 2),
        Cue(r"\b12 ?(?:€|euros?) ?(?:/|de l'|par) ?h", 2),
        Cue(r"\bpris\w* en charge\b", 1),
    ),
    "cqp": (
        Cue(r"\bcqp\b", 2.5),
        Cue(r"\bcertificats? de qualification professionnelle\b", 3),
        Cue(r"\b(?:rncp|jury|cpnefp|gestionnaire conseil|conseiller offres? de services?)\b", 1.5),
    ),
    "points": (
        Cue(r"\b\d+(?:[,.]\d+)? ?(?:points?|pts)\b[^.?!]{0,40}(?:\beuros?\b|€)", 6),
        Cue(r"(?:\beuros?\b|€)[^.?!]{0,40}\b\d+(?:[,.]\d+)? ?(?:points?|pts)\b", 6),
        Cue(r"\bconverti", 1),
    ),
    # Other in-corpus subjects without a calculator: they only keep a question from being refused.
    "other_corpus": (
        Cue(r"\b(?:cpf|compte personnel de formation|abondement)\b", 3),
        Cue(r"\b(?:opco|cpnefp|alternance|plan de developpement des competences)\b", 3),
        Cue(r"\bapprentissage\b", 1.5),
        Cue(r"\b(?:accord|protocole|avenant) (?:du|de) (?:19 decembre 2019|11 octobre 2022|2019|2022)\b", 3),
        Cue(r"\b(?:accompagnant educatif et social|assistante? de service social)\b", 3),
        Cue(r"\beconomie sociale (?:et )?familiale\b", 3),
        Cue(r"\b(?:institut 4\.10|en3s|ucanss)\b", 3),
    ),
}


# Each topic's name in the texts' own words, with the words that already name it. A question routed to
# a topic by meaning may name it in the user's words only ("le contrat de pro"); the search and the
# answer's scoring then read the name too, so the article that says "contrat de professionnalisation"
# is found rather than the one sharing the user's short word ("Pro-A"). A question holding one of the
# naming words (an acronym included: "VAE", "CEP") names its topic already and is searched unchanged.
TOPIC_NAMES: dict[str, tuple[str, str]] = {
    "tutor_bonus": ("tuteur tutrice tutorat tutorale", "prime de tutorat"),
    "trainer_bonus": ("formateur formatrice", "prime de formateur interne à titre accessoire"),
    "vae": ("vae validation", "validation des acquis de l'expérience"),
    "cep": ("cep conseil", "conseil en évolution professionnelle"),
    "training_guarantee": ("garantie", "garantie individuelle d'accès à la formation"),
    "professional_reviews": ("entretien entretiens", "entretien professionnel"),
    "pro_a": ("pro-a proa reconversion", "Pro-A, reconversion ou promotion par alternance"),
    "professionalisation": ("professionnalisation", "contrat de professionnalisation"),
    "contribution": ("contribution", "contribution conventionnelle supplémentaire"),
}
