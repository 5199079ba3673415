"""The catalogue of calculators: each one's name, French title and description, parameters and function.

`CALCULATORS[name].run(**kwargs)` accepts JSON-like values — ISO date strings, "true"/"oui", French
decimals ("0,15"), lists of `{start, end}` objects or "2025-02-01:2025-06-20" strings — coerces them to
what the calculator expects (`calculators.spec`, `calculators.coercion`), and raises `CalcError` with a
French message on a missing, unknown or malformed argument. Names and keyword arguments follow the
table of `docs/ARCHITECTURE.md`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from calculators.bonus_runs import run_both_bonuses, run_points_to_euros, run_trainer_bonus, run_tutor_bonus
from calculators.cep_absence import cep_absence
from calculators.contribution import supplementary_contribution
from calculators.cqp_certification import cqp_certification
from calculators.pro_a import MAX_MONTHS, pro_a_duration, pro_a_eligibility, pro_a_training_hours
from calculators.pro_a_certifications import pro_a_certification
from calculators.pro_a_list_lookup import pro_a_certifications
from calculators.professional_reviews import professional_reviews
from calculators.professionalisation import professionalisation_contract
from calculators.professionalisation_terms import professionalisation_duration, professionalisation_training_share
from calculators.result import CalcError, CalcResult
from calculators.spec import CalculatorSpec, Param
from calculators.team import team_total, times_count
from calculators.training_guarantee import training_guarantee
from calculators.training_path import training_path_hours
from calculators.vae import cqp_vae_eligibility, vae_leave
from calculators.vae_experience import vae_experience

_AS_OF = Param("as_of", "date", "date de référence (par défaut : aujourd'hui)")
_POINT_VALUE = Param(
    "point_value", "float", "valeur du point en euros, si vous la connaissez (sinon celle configurée pour l'assistant)"
)
_POINT_FILE = Param("point_values_file", "str", "fichier JSON des valeurs du point (configuration)", hidden=True)
_MONTHS_LOW = Param(
    "months_low",
    "int",
    "durée connue par une fourchette (« de 4 à 6 mois ») : son bas, en mois ; les dates donnent le haut",
)
_LEVEL_HELP = "niveau de diplôme atteint, de 0 à 8 (CAP = 3, bac = 4, BTS = 5, licence = 6) ou nom du diplôme"
_CASES = tuple(MAX_MONTHS)
_PRO_PUBLIC = (  # the facts that place an employee in a public of art. 3.4 (L. 6325-1-1)
    Param("age", "int", "âge du salarié en années"),
    Param(
        "without_diploma", "bool", "sans second cycle du secondaire validé ni diplôme technologique ou professionnel"
    ),
    Param("jobseeker_months", "int", "mois d'inscription sur la liste des demandeurs d'emploi"),
    Param("minimum_benefit", "bool", "bénéficiaire du RSA, de l'ASS, de l'AAH ou ancien titulaire d'un CUI"),
)
# Rules that decide with missing inputs and name in `CalcResult.missing` those that could change them.
PARTIAL_RULES = frozenset(
    {
        "vae_leave",
        "cqp_vae_eligibility",
        "cep_absence",
        "training_guarantee",
        "professional_reviews",
        "pro_a_eligibility",
        "pro_a_certification",
        "cqp_certification",
    }
)


def _vae_leave_or_team(groups: str | None = None, **facts: Any) -> CalcResult:
    """One person's VAE leave, or a team's total when `groups` is given (`calculators.team`): each group's facts run
    through this same spec, so they are checked and coerced as one person's are."""
    if groups is None:
        return vae_leave(**facts)
    if facts:
        raise CalcError("« groups » : les faits de chaque personne se donnent dans son groupe, pas à côté.")
    return team_total("vae_leave", groups, lambda **one: CALCULATORS["vae_leave"].run(**one), "Congé VAE")


def _counted(rule: Callable[..., CalcResult]) -> Callable[..., CalcResult]:
    """A one-unit rule that also takes `count`, the number of identical units whose total is asked
    (`calculators.team.times_count`): "pour deux stagiaires", "cinq caisses de la même taille"."""

    def run(count: int | None = None, **facts: Any) -> CalcResult:
        result = rule(**facts)
        return result if count is None else times_count(result, count)

    run.__doc__ = rule.__doc__
    return run


_COUNT_HELP = "nombre d'unités identiques dont le total est demandé (stagiaires, organismes de même taille)"

_SPECS = [
    CalculatorSpec(
        "tutor_bonus",
        "Prime de tutorat",
        "Prime du tuteur : 7 points par mois de mission, complet ou non, plafonnée à 252 points par année "
        "civile, versée à l'issue de la mission (protocole, art. 4.3 et 4.2).",
        [
            Param(
                "missions",
                "period_list",
                "missions de tutorat : début, fin et, si plusieurs stagiaires sur la même période, leur "
                "nombre (ex. 2025-02-01:2025-06-20 ou 2025-01-01:2025-12-31:2)",
                required=True,
                item_keys=("trainees",),
            ),
            _AS_OF,
            _POINT_VALUE,
            _POINT_FILE,
            _MONTHS_LOW,
            Param("tutors", "int", "tuteurs ayant chacun ces mêmes missions (prime et plafond comptés par tuteur)"),
        ],
        run_tutor_bonus,
    ),
    CalculatorSpec(
        "trainer_bonus",
        "Prime de formateur interne à titre accessoire",
        "Prime du formateur interne à titre accessoire : 7 points par mois pour chaque action de formation, "
        "versée le mois suivant la fin de l'action, due depuis le 1er janvier 2022 (avenant 2022, art. 3 et "
        "6).",
        [
            Param(
                "actions",
                "period_list",
                "actions de formation animées : début et fin (ex. 2025-04-03:2025-04-04)",
                required=True,
            ),
            _POINT_VALUE,
            _POINT_FILE,
            _MONTHS_LOW,
        ],
        run_trainer_bonus,
    ),
    CalculatorSpec(
        "tutor_and_trainer_bonus",
        "Primes de tutorat et de formateur interne",
        "Les deux primes d'un même message, chacune selon sa règle : tutorat (protocole, art. 4.3) et "
        "formateur interne à titre accessoire (avenant 2022, art. 3 et 6), avec leur total.",
        [
            Param(
                "missions", "period_list", "missions de tutorat : début, fin", required=True, item_keys=("trainees",)
            ),
            Param("actions", "period_list", "actions de formation animées : début et fin", required=True),
            _AS_OF,
            _POINT_VALUE,
            _POINT_FILE,
        ],
        run_both_bonuses,
    ),
    CalculatorSpec(
        "vae_leave",
        "Congé pour préparer une VAE",
        "Durée du congé VAE : 24 heures, jusqu'à 48 heures sous le niveau 4 (bac) ou si l'emploi est menacé "
        "(avenant 2022, art. 2).",
        [
            Param("diploma_level", "level", _LEVEL_HELP),
            Param("job_threatened", "bool", "emploi menacé par les évolutions économiques ou technologiques"),
            Param(
                "on",
                "date",
                "date à laquelle le congé est pris (avant l'avenant de 2022, pas de durée conventionnelle)",
            ),
            Param(
                "groups",
                "str",
                "une équipe en groupes de même situation, « effectif:paramètre=valeur,… » séparés par « ; » (ex. "
                "3:diploma_level=3,job_threatened=non;4:diploma_level=4) : le total des heures de l'équipe",
            ),
        ],
        _vae_leave_or_team,
    ),
    CalculatorSpec(
        "cqp_vae_eligibility",
        "VAE du CQP gestionnaire conseil",
        "Recevabilité d'une VAE du CQP gestionnaire conseil : au moins une année d'activité, continue ou non, "
        "en lien avec le CQP (protocole, art. 7, rédaction de l'avenant 2022), une demande par an (circulaire, "
        "VI) ; les 3 ans de la circulaire de 2013 sont signalés comme règle antérieure remplacée.",
        [
            Param(
                "experience_years",
                "float",
                "années d'activité, continue ou non, en lien avec le CQP",
            ),
            Param("requests_this_year", "int", "demandes de VAE de ce CQP déjà déposées cette année"),
            Param("time_share", "float", "quotité de travail en % d'un temps plein (temps partiel : années en ETP)"),
            Param(
                "earlier_certificate_on",
                "date",
                "date d'obtention d'une certification Tam Tam, Vadémécaf, Oméga+, Sm'pro ou Startech (jury sur dossier "
                "entre juin 2009 et décembre 2013)",
            ),
        ],
        cqp_vae_eligibility,
    ),
    CalculatorSpec(
        "vae_experience",
        "Expérience requise pour une VAE",
        "VAE ouverte dès 1 année d'activité, continue ou non, en lien avec la certification recherchée "
        "(protocole, art. 7).",
        [
            Param(
                "months", "float", "mois d'activité en lien avec la certification, périodes additionnées", required=True
            )
        ],
        vae_experience,
    ),
    CalculatorSpec(
        "cep_absence",
        "Absence pour un conseil en évolution professionnelle",
        "Droit à une absence rémunérée d'une demi-journée (une journée si l'organisme est éloigné) pour un "
        "conseil en évolution professionnelle (protocole, art. 5).",
        [
            Param("contract", "str", "type de contrat (CDI ou CDD)"),
            Param(
                "months_as_employee",
                "int",
                "mois d'ancienneté salariée au total (en CDD : d'activité salariée sur les 5 dernières années)",
            ),
            Param("months_in_organisation", "int", "mois passés dans l'organisme actuel"),
            Param("provider_far", "bool", "organisme habilité particulièrement éloigné du domicile"),
            Param(
                "cep_in_last_5_years",
                "bool",
                "conseil en évolution professionnelle déjà suivi dans les 5 ans",
            ),
            Param(
                "last_cep",
                "date",
                "conseil en évolution professionnelle déjà suivi : sa date (5 ans après, une nouvelle absence est "
                "possible)",
            ),
        ],
        cep_absence,
    ),
    CalculatorSpec(
        "training_guarantee",
        "Garantie individuelle d'accès à la formation",
        "Sans formation depuis 4 ans, une formation doit intervenir dans l'année suivante : date limite et "
        "situation à une date donnée (protocole, art. 8).",
        [
            Param("last_training", "date", "date de la dernière formation suivie"),
            _AS_OF,
            Param("hire_date", "date", "date d'embauche (décompte depuis l'embauche si aucune formation suivie)"),
        ],
        training_guarantee,
    ),
    CalculatorSpec(
        "professional_reviews",
        "Entretiens professionnels",
        "Tous les 6 ans depuis l'embauche, au moins deux entretiens professionnels et un entretien de bilan "
        ": conformité et calendrier (protocole, art. 6).",
        [
            Param("hire_date", "date", "date d'embauche"),
            Param("interviews", "date_list", "dates des entretiens professionnels déjà réalisés"),
            Param("bilans", "date_list", "dates des entretiens de bilan déjà réalisés"),
            _AS_OF,
            Param(
                "in_force_from",
                "date",
                "entrée en vigueur retenue pour l'article 6 (par défaut le 19 décembre 2019)",
            ),
            Param("headcount", "int", "effectif d'une équipe (sans date d'embauche) : minimum dû sur 6 ans"),
            Param("people", "str", "plusieurs salariés et leur date d'embauche : « Paul:2021-04-01;Inès:2023-09-15 »"),
            Param("horizon", "date", "date à venir à laquelle compter les entretiens dus (« d'ici le … »)"),
        ],
        professional_reviews,
    ),
    CalculatorSpec(
        "pro_a_eligibility",
        "Éligibilité à la Pro-A",
        "Pro-A : salariés en CDI ou CUI-CDI n'ayant pas atteint le niveau licence (protocole, art. 2.3).",
        [
            Param("contract", "str", "type de contrat (CDI, CUI-CDI, CDD…)"),
            Param("diploma_level", "level", _LEVEL_HELP),
        ],
        pro_a_eligibility,
    ),
    CalculatorSpec(
        "pro_a_duration",
        "Durée de la Pro-A",
        "Pro-A de 6 à 12 mois, jusqu'à 24 mois si la qualification l'exige, 36 mois pour les publics "
        "prioritaires (protocole, art. 2.4).",
        [
            Param("months", "int", "durée envisagée en mois (sans elle : la durée maximale du cas)"),
            Param(
                "case",
                "str",
                "situation : standard, branch_qualification, young_or_jobseeker, minimum_social_benefit",
                choices=_CASES,
            ),
            Param("start", "date", "date de début de la Pro-A (pour dater sa fin au plus tard)"),
        ],
        pro_a_duration,
    ),
    CalculatorSpec(
        "pro_a_training_hours",
        "Heures de formation de la Pro-A",
        "Formation d'au moins 15 % de la durée totale sans descendre sous 150 heures, jusqu'à 70 % pour les "
        "publics visés (protocole, art. 2.5).",
        [
            Param("total_hours", "float", "durée totale de la Pro-A en heures", required=True),
            Param(
                "extended_public",
                "bool",
                "salarié visé à L. 6325-1-1 ou à la qualification insuffisante (70 %)",
            ),
            Param(
                "total_hours_low",
                "float",
                "durée totale connue par une fourchette (« entre 1 000 et 1 400 heures ») : son bas, en heures",
            ),
        ],
        pro_a_training_hours,
    ),
    CalculatorSpec(
        "pro_a_certification",
        "Certification éligible à la Pro-A",
        "La certification figure-t-elle sur la liste Pro-A de la branche (annexe 1 du protocole et ajouts "
        "de l'avenant 2022, sous réserve d'extension) ?",
        [
            Param("certification", "str", "intitulé de la certification visée", required=True),
            _AS_OF,
            Param(
                "extension_date",
                "date",
                "date de l'arrêté d'extension de l'avenant de 2022 (par défaut : corpus/amendments.json)",
            ),
        ],
        pro_a_certification,
    ),
    CalculatorSpec(
        "pro_a_certifications",
        "Certifications éligibles à la Pro-A (plusieurs)",
        "Chacune des certifications nommées figure-t-elle sur la liste Pro-A de la branche (annexe 1 du "
        "protocole et ajouts de l'avenant 2022, sous réserve d'extension) ?",
        [
            Param("certifications", "str", "intitulés des certifications, séparés par « ; »", required=True),
            _AS_OF,
        ],
        pro_a_certifications,
    ),
    CalculatorSpec(
        "professionalisation_contract",
        "Contrat de professionnalisation",
        "Base de rémunération pendant la formation, date de passage au cadre conventionnel et durée du "
        "contrat de professionnalisation (protocole, art. 3.3 à 3.6).",
        [
            Param("target_level", "int", "niveau de classification de la qualification visée (3, 4…)"),
            Param("certification_date", "date", "date d'obtention de la certification"),
            Param("months", "int", "durée du contrat en mois"),
            Param(
                "case",
                "str",
                "situation pour la durée (standard, branch_qualification, young_or_jobseeker, minimum_social_benefit)",
                choices=_CASES,
            ),
        ],
        professionalisation_contract,
    ),
    CalculatorSpec(
        "professionalisation_duration",
        "Durée du contrat de professionnalisation selon le public",
        "Contrat de professionnalisation de 6 à 12 mois, jusqu'à 24 mois si la qualification l'exige, jusqu'à "
        "36 mois pour les publics de l'article L. 6325-1-1 déduits de l'âge, du diplôme, de l'inscription "
        "comme demandeur d'emploi et des minima sociaux (protocole, art. 3.4).",
        [
            Param("months", "int", "durée envisagée en mois"),
            *_PRO_PUBLIC,
            Param("qualification_requires", "bool", "la nature de la qualification visée exige une durée plus longue"),
        ],
        professionalisation_duration,
    ),
    CalculatorSpec(
        "professionalisation_training_share",
        "Part de formation du contrat de professionnalisation",
        "Formation jusqu'à 70 % de la durée totale du contrat pour les publics de l'article L. 6325-1-1 et "
        "les salariés à la qualification insuffisante (protocole, art. 3.5).",
        [
            Param("total_hours", "float", "durée totale du contrat en heures"),
            Param("total_months", "float", "durée totale du contrat en mois (à défaut des heures)"),
            Param("planned_training", "float", "durée de formation prévue, dans la même unité que la durée totale"),
            *_PRO_PUBLIC,
            Param(
                "insufficient_qualification",
                "bool",
                "qualification insuffisante au regard des métiers institutionnels",
            ),
        ],
        professionalisation_training_share,
    ),
    CalculatorSpec(
        "supplementary_contribution",
        "Contribution conventionnelle supplémentaire",
        "0,15 % de la masse salariale brute, maintenu pour 2023 à 2025 (protocole, art. 9 devenu 10 ; "
        "avenant 2022, art. 5).",
        [
            Param("payroll", "float", "masse salariale brute en euros", required=True),
            Param("year", "int", "année concernée"),
            Param("years", "str", "plusieurs années : une ligne par année et le total (« 2023, 2024 », « 2023-2025 »)"),
            Param("payrolls", "str", "avec « years » : la masse salariale de chaque année, séparées par ;"),
            Param("payroll_low", "float", "bas d'une fourchette de masse salariale (« payroll » en est le haut)"),
            Param("count", "int", _COUNT_HELP),
        ],
        _counted(supplementary_contribution),
    ),
    CalculatorSpec(
        "cqp_certification",
        "Certification du CQP gestionnaire conseil",
        "Total sur 200 (coefficients 1, 1, 3, 3, 2), moyenne d'au moins 10/20, écrit ou oral ≤ 6 "
        "éliminatoire, Pass suivi (circulaire, V).",
        [
            Param("continuous_common", "float", "note de contrôle continu du tronc commun (/20)"),
            Param("continuous_option", "float", "note de contrôle continu de l'option (/20)"),
            Param("written", "float", "note de l'épreuve écrite (/20)"),
            Param("oral", "float", "note de l'épreuve orale (/20)"),
            Param("tutored", "float", "note des applications professionnelles tutorées (/20)"),
            Param("pass_completed", "bool", "Pass formation suivi"),
        ],
        cqp_certification,
    ),
    CalculatorSpec(
        "training_path_hours",
        "Parcours de formation CQP",
        "Heures de Pass (40 h) et PREM'SS (61 h), amplitude de deux ans depuis le premier jour de PREM'SS, "
        "financement 2013 à 12 €/h (circulaire, IV et IX ; convention, art. 7).",
        [
            Param("first_premss_day", "date", "premier jour de PREM'SS"),
            Param("end_date", "date", "date de fin prévue du parcours"),
            Param("hours", "float", "heures à financer (taux 2013 de 12 €/h)"),
            Param("count", "int", _COUNT_HELP),
        ],
        _counted(training_path_hours),
    ),
    CalculatorSpec(
        "points_to_euros",
        "Conversion de points en euros",
        "Convertit des points de prime en euros avec la valeur du point configurée (table datée) ou fournie "
        "; les textes ne fixent pas cette valeur.",
        [
            Param("points", "float", "nombre de points", required=True),
            Param("on", "date", "date de versement (valeur du point en vigueur à cette date)"),
            _POINT_VALUE,
            _POINT_FILE,
        ],
        run_points_to_euros,
    ),
]

CALCULATORS: dict[str, CalculatorSpec] = {
    spec.name: replace(spec, partial=spec.name in PARTIAL_RULES) for spec in _SPECS
}


def get_calculator(name: str) -> CalculatorSpec:
    """The calculator called `name`, or a `CalcError` listing the known ones."""
    try:
        return CALCULATORS[name]
    except KeyError:
        raise CalcError(f"Calculateur inconnu : « {name} » (disponibles : {', '.join(CALCULATORS)}).") from None


def run_calculator(name: str, **kwargs: Any) -> CalcResult:
    """Run a calculator by name with JSON-like arguments."""
    return get_calculator(name).run(**kwargs)
