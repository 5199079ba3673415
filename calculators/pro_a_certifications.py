"""The branch's Pro-A certification list (protocole du 19 décembre 2019, art. 2.2 and annex 1; avenant
du 11 octobre 2022, art. 1 and 6).

The Pro-A only leads to the certifications of this list: annex 1 of 2019, plus the five
certifications the avenant of 2022 added, open only from the avenant's extension (avenant art. 6),
whose date the corpus does not give. The list is data, with the words that recognise each entry in
a user's phrasing, so the assistant can say whether a named certification is on it and since when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from calculators import references as ref
from calculators.dates import format_date_fr
from calculators.pro_a import fold_wording
from calculators.result import CalcError, CalcResult

AVENANT_SIGNED = date(2022, 10, 11)


@dataclass(frozen=True)
class Certification:
    """An entry of the Pro-A list and the words that recognise it in a user's phrasing."""

    title: str
    family: str
    provider: str
    added_2022: bool
    keywords: tuple[str, ...]
    abbreviations: tuple[str, ...] = ()

    def matches(self, folded: str) -> bool:
        """True when every keyword occurs in the folded text, or one abbreviation is a word of it."""
        words = set(folded.split())
        return all(k in folded for k in self.keywords) or any(a in words for a in self.abbreviations)


PRO_A_CERTIFICATIONS = (
    Certification(
        "CQP conseiller offres de services",
        "01 – Gestion des situations clients",
        "Institut 4.10",
        False,
        ("conseiller", "offre"),
        ("cos",),
    ),
    Certification(
        "CQP gestionnaire conseil de la sécurité sociale",
        "01 – Gestion des situations clients",
        "Institut 4.10",
        False,
        ("gestionnaire conseil",),
    ),
    Certification(
        "CQP contrôleur allocataire",
        "02 – Métiers du contrôle et maîtrise des risques externes",
        "Institut 4.10",
        False,
        ("controleur allocataire",),
    ),
    Certification(
        "CQP contrôleur du recouvrement",
        "02 – Métiers du contrôle et maîtrise des risques externes",
        "Institut 4.10",
        False,
        ("controleur", "recouvrement"),
    ),
    Certification(
        "DAMC : dispositif d'accès aux métiers de contrôle – formation initiale des inspecteurs",
        "02 – Métiers du contrôle et maîtrise des risques externes",
        "Institut 4.10",
        False,
        ("acces aux metiers de controle",),
        ("damc",),
    ),
    Certification(
        "CQP délégué de l'assurance maladie",
        "07 – Métiers de la régulation du système de soins",
        "Institut 4.10",
        False,
        ("delegue", "assurance maladie"),
        ("dam",),
    ),
    Certification(
        "Diplôme d'État d'infirmier",
        "06 – Métiers de l'offre de soins et prise en charge du handicap",
        "Organismes agréés de type IFSI",
        False,
        ("infirmi",),
        ("ide",),
    ),
    Certification(
        "Diplôme d'État d'aide-soignant",
        "06 – Métiers de l'offre de soins et prise en charge du handicap",
        "Organismes agréés de type Instituts AS-AP",
        False,
        ("aide soignant",),
        ("deas",),
    ),
    Certification(
        "Diplôme d'État de moniteur éducateur",
        "06 – Métiers de l'offre de soins et prise en charge du handicap",
        "Organismes agréés par le ministère des solidarités et de la santé",
        False,
        ("moniteur educateur",),
        ("deme",),
    ),
    Certification(
        "Diplôme d'État d'éducateur spécialisé (DEES)",
        "06 – Métiers de l'offre de soins et prise en charge du handicap",
        "Organismes agréés par le ministère des solidarités et de la santé",
        False,
        ("educateur specialise",),
        ("dees",),
    ),
    Certification(
        "CQP manager opérationnel",
        "17 – Management et pilotage",
        "Institut 4.10",
        True,
        ("manager operationnel",),
    ),
    Certification(
        "Diplôme d'État accompagnant éducatif et social (AES)",
        "06 – Offre de soins et prise en charge du handicap",
        "Organismes agréés par le ministère des solidarités et de la santé",
        True,
        ("accompagnant educatif",),
        ("aes", "deaes"),
    ),
    Certification(
        "Diplôme d'État assistante de service social",
        "04 – Intervention et développement social",
        "Organismes agréés par le ministère des solidarités et de la santé",
        True,
        ("service social",),
        ("deass",),
    ),
    Certification(
        "Diplôme d'État de conseiller en économie sociale familiale",
        "04 – Intervention et développement social",
        "Organismes agréés par le ministère des solidarités et de la santé",
        True,
        ("economie sociale",),
        ("cesf", "decesf"),
    ),
    Certification(
        "Master manager stratégique",
        "17 – Management et pilotage",
        "EN3S",
        True,
        ("manager strategique",),
    ),
)


def find_certifications(name: str) -> list[Certification]:
    """The list entries a user's wording designates (several when it is ambiguous)."""
    folded = fold_wording(name)
    return [c for c in PRO_A_CERTIFICATIONS if c.matches(folded)]


def pro_a_certification(certification: str, as_of: date | None = None) -> CalcResult:
    """Whether a certification is on the branch's Pro-A list on `as_of` (2019 annex + 2022 additions)."""
    if not fold_wording(certification):
        raise CalcError("Indiquez l'intitulé de la certification visée.")
    today = as_of or date.today()
    found = find_certifications(certification)
    steps = [
        "Article 2.2 : la Pro-A donne accès aux certifications figurant sur la liste de la branche (annexe "
        "1 du protocole) ; l'avenant du 11 octobre 2022 (article 1) y ajoute cinq certifications, ouvertes "
        "à la date de son extension (article 6).",
    ]
    warnings: list[str] = []
    listed = [c.title for c in PRO_A_CERTIFICATIONS]
    references = [ref.PRO_A_LIST, ref.PRO_A_ANNEX]
    if not found:
        steps.append(f"« {certification.strip()} » ne correspond à aucune certification de la liste.")
        return CalcResult(
            name="pro_a_certification",
            value="non inscrite",
            unit="",
            summary=(
                f"« {certification.strip()} » ne figure pas sur la liste des certifications éligibles à la "
                "Pro-A de la branche (annexe 1 du protocole et ajouts de l'avenant de 2022)."
            ),
            formula="certification ∈ annexe 1 (2019) ∪ ajouts de l'avenant de 2022 (après extension)",
            steps=steps,
            references=[*references, ref.PRO_A_LIST_2022],
            warnings=["Vérifiez l'intitulé exact : la recherche porte sur les intitulés de la liste."],
            eligible=False,
            details={"list": listed},
        )
    if len(found) > 1:
        warnings.append(
            "Intitulé ambigu, plusieurs certifications correspondent : " + " ; ".join(c.title for c in found) + "."
        )
    match = found[0]
    steps.append(f"Certification reconnue : {match.title} ({match.family}, {match.provider}).")
    if not match.added_2022:
        eligible = True
        steps.append("Elle figure à l'annexe 1 du protocole du 19 décembre 2019.")
        summary = f"{match.title} figure sur la liste des certifications éligibles à la Pro-A (annexe 1 du protocole)."
    elif today < AVENANT_SIGNED:
        eligible = False
        references.append(ref.PRO_A_LIST_2022)
        steps.append(f"Elle a été ajoutée par l'avenant du 11 octobre 2022, postérieur au {format_date_fr(today)}.")
        summary = (
            f"Au {format_date_fr(today)}, {match.title} ne figurait pas encore sur la liste Pro-A : elle y "
            "a été ajoutée par l'avenant du 11 octobre 2022, sous réserve de son extension."
        )
    else:
        eligible = True
        references += [ref.PRO_A_LIST_2022, ref.AVENANT_EFFECT]
        steps.append("Elle a été ajoutée par l'avenant du 11 octobre 2022 (article 1).")
        summary = (
            f"{match.title} figure sur la liste Pro-A depuis l'avenant du 11 octobre 2022, à compter de "
            "l'extension de cet avenant par le ministère chargé du travail."
        )
        warnings.append(
            "L'ouverture à la Pro-A des certifications ajoutées en 2022 est conditionnée à l'extension de "
            "l'avenant (article 6) ; la date de l'arrêté d'extension ne figure pas dans les textes : "
            "vérifiez-la."
        )
    return CalcResult(
        name="pro_a_certification",
        value="inscrite" if eligible else "non inscrite",
        unit="",
        summary=summary,
        formula="certification ∈ annexe 1 (2019) ∪ ajouts de l'avenant de 2022 (après extension)",
        steps=steps,
        references=references,
        warnings=warnings,
        eligible=eligible,
        details={
            "certification": match.title,
            "family": match.family,
            "provider": match.provider,
            "added_2022": match.added_2022,
            "subject_to_extension": match.added_2022,
            "as_of": today,
        },
    )
