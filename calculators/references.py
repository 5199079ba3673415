"""The articles the calculators apply, in one place.

Document ids are the corpus file stems (see `corpus/manifest.json`); sections use each document's own
numbering ("4.3" in the protocole, "3" for the avenant's article 3, roman headings in the circular), so
an answer can map a calculator's references back to retrieved passages. When the avenant of
11 October 2022 rewrote or created a protocole article, the label gives the consolidated number.
"""

from __future__ import annotations

from calculators.result import Reference

PROTOCOLE = "accord-2019-12-19-formation-professionnelle"
AVENANT = "avenant-2022-10-11-formation-professionnelle"
CIRCULAIRE_CQP_GC = "cqp-gestionnaire-conseil-mise-en-oeuvre"
CONVENTION_CQP_COS = "convention-formation-cqp-conseiller-offres-de-service"
FICHE_CQP = "cqp-regime-general"

_P = "Protocole d'accord du 19 décembre 2019"
_A = "Avenant du 11 octobre 2022"
_C = "Circulaire CQP gestionnaire conseil"

# Protocole d'accord du 19 décembre 2019
PRO_A_LIST = Reference(PROTOCOLE, "2.2", f"{_P}, article 2.2 — Qualifications accessibles (Pro-A)")
PRO_A_BENEFICIARIES = Reference(PROTOCOLE, "2.3", f"{_P}, article 2.3 — Bénéficiaires de la Pro-A")
PRO_A_DURATION = Reference(PROTOCOLE, "2.4", f"{_P}, article 2.4 — Durée de la Pro-A")
PRO_A_TRAINING = Reference(PROTOCOLE, "2.5", f"{_P}, article 2.5 — Durée de la formation (Pro-A)")
PRO_A_ANNEX = Reference(PROTOCOLE, "Annexe 1", f"{_P}, annexe 1 — Certifications éligibles à la Pro-A")
PRO_CONTRACT_BENEFICIARIES = Reference(
    PROTOCOLE, "3.3", f"{_P}, article 3.3 — Bénéficiaires du contrat de professionnalisation"
)
PRO_CONTRACT_DURATION = Reference(PROTOCOLE, "3.4", f"{_P}, article 3.4 — Durée du contrat de professionnalisation")
PRO_CONTRACT_TRAINING = Reference(
    PROTOCOLE, "3.5", f"{_P}, article 3.5 — Durée de la formation (contrat de professionnalisation)"
)
PRO_CONTRACT_PAY = Reference(PROTOCOLE, "3.6", f"{_P}, article 3.6 — Rémunération des bénéficiaires")
TUTOR_ORGANISATION = Reference(
    PROTOCOLE, "4.2", f"{_P}, article 4.2 — Organisation de la fonction tutorale (3 salariés au maximum)"
)
TUTOR_BONUS = Reference(PROTOCOLE, "4.3", f"{_P}, article 4.3 — Reconnaissance de l'activité tutorale")
CEP = Reference(PROTOCOLE, "5", f"{_P}, article 5 — Conseil en évolution professionnelle")
PROFESSIONAL_REVIEW = Reference(PROTOCOLE, "6", f"{_P}, article 6 — Entretien professionnel")
VAE_PROTOCOLE = Reference(
    PROTOCOLE,
    "7",
    f"{_P}, article 7 — Validation des acquis de l'expérience (rédaction de l'avenant de 2022)",
)
TRAINING_GUARANTEE = Reference(
    PROTOCOLE, "8", f"{_P}, article 8 — Garantie individuelle d'accès à la formation professionnelle"
)
CONTRIBUTION = Reference(
    PROTOCOLE,
    "9",
    f"{_P}, article 9 — Contribution conventionnelle supplémentaire (devenu article 10 après l'avenant de 2022)",
)

# Avenant du 11 octobre 2022
PRO_A_LIST_2022 = Reference(AVENANT, "1", f"{_A}, article 1 — Ajouts à la liste des certifications Pro-A")
VAE_2022 = Reference(AVENANT, "2", f"{_A}, article 2 — Nouvelle rédaction de l'article 7 (VAE : une année d'activité)")
VAE_LEAVE = Reference(AVENANT, "2", f"{_A}, article 2 — Congé VAE (article 7 du protocole dans sa rédaction modifiée)")
TRAINER_BONUS = Reference(
    AVENANT,
    "3",
    "Article 9.3 (créé par l'avenant du 11 octobre 2022, art. 3) — Prime du formateur interne à titre accessoire",
)
RENUMBERING = Reference(AVENANT, "4", f"{_A}, article 4 — Renumérotation des articles 9, 10 et 11")
CONTRIBUTION_2023_2025 = Reference(
    AVENANT, "5", f"{_A}, article 5 — Taux maintenu à 0,15 % pour 2023 à 2025 (article 10 du protocole)"
)
AVENANT_EFFECT = Reference(
    AVENANT, "6", f"{_A}, article 6 — Date d'effet (prime rétroactive au 1er janvier 2022, extension)"
)

# Circulaire CQP gestionnaire conseil (sections are its roman headings)
CQP_PATH = Reference(CIRCULAIRE_CQP_GC, "IV", f"{_C}, IV — Le parcours de formation (amplitude de deux ans)")
CQP_CERTIFICATION = Reference(CIRCULAIRE_CQP_GC, "V", f"{_C}, V — Certification, proclamation des résultats")
CQP_VAE = Reference(CIRCULAIRE_CQP_GC, "VI", f"{_C}, VI — La VAE")
CQP_FUNDING = Reference(CIRCULAIRE_CQP_GC, "IX", f"{_C}, IX — Financement du parcours de formation")

# Convention de formation CQP conseiller offres de service
PATH_ORGANISATION = Reference(
    CONVENTION_CQP_COS,
    "7",
    "Convention de formation CQP conseiller offres de service, article 7 — Organisation du parcours",
)
