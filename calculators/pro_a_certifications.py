"""The branch's Pro-A certification list (protocole du 19 décembre 2019, art. 2.2 and annex 1; avenant
du 11 octobre 2022, art. 1 and 6).

The Pro-A only leads to the certifications of this list: annex 1 of 2019, plus the five
certifications the avenant of 2022 added, open only from the avenant's extension (avenant art. 6:
"l'entrée en vigueur de l'article 1 … est conditionnée à l'extension du présent avenant par le
ministère chargé du travail, date à laquelle ces certifications seront ouvertes à la Pro-A"). The
corpus does not give that date: without one configured (`corpus/amendments.json`, or the
`extension_date` argument) the answer is "sous réserve de l'extension", undecided, never "yes".

The list is data, with the words that recognise each entry in a user's phrasing ("assistante
sociale" is the DE d'assistant de service social). A wording that names another kind of
certification than the entry it resembles ("CQP manager stratégique" is not the Master manager
stratégique), or that resembles several entries, is asked about rather than matched to the closest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from calculators import references as ref
from calculators.amendment_dates import SIGNED_2022, avenant_2022_dates
from calculators.dates import format_date_fr
from calculators.pro_a import fold_wording
from calculators.result import CalcError, CalcResult

AVENANT_SIGNED = SIGNED_2022


@dataclass(frozen=True)
class Certification:
    """An entry of the Pro-A list and the words that recognise it in a user's phrasing."""

    title: str
    family: str
    provider: str
    added_2022: bool
    keywords: tuple[str, ...]
    abbreviations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    def matches(self, folded: str) -> bool:
        """True when every keyword occurs in the folded text, an alias does, or an abbreviation is a word of it."""
        words = set(folded.split())
        return (
            all(k in folded for k in self.keywords)
            or any(a in folded for a in self.aliases)
            or any(a in words for a in self.abbreviations)
        )

    @property
    def kind(self) -> str:
        """The kind of certification its title names (CQP, diplôme d'État, master…)."""
        return kind_of(fold_wording(self.title)) or "autre"


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
        ("assistante sociale", "assistant social", "assistante de service social", "assistant de service social"),
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


_KINDS = (
    ("cqp", r"\bcqp\b|certificat de qualification"),
    ("master", r"\bmaster\b|\bmba\b"),
    ("diplome d'etat", r"\bdiplome d ?etat\b|\bde(?:as|ass|me|es|aes|cesf)\b"),
    ("autre diplome", r"\b(?:licence|bts|dut|but|bac|cap|titre professionnel|doctorat)\b"),
)
_GENERIC = {"diplome", "etat", "certificat", "qualification", "professionnelle", "formation", "initiale"}


def kind_of(folded: str) -> str | None:
    """The kind of certification a folded wording names, if it names one."""
    return next((kind for kind, pattern in _KINDS if re.search(pattern, folded)), None)


def find_certifications(name: str) -> list[Certification]:
    """The list entries a user's wording designates (several when it is ambiguous)."""
    folded = fold_wording(name)
    return [c for c in PRO_A_CERTIFICATIONS if c.matches(folded)]


def near_misses(name: str) -> list[Certification]:
    """Entries the wording resembles without designating them.

    Either the wording designates an entry but names another kind of certification ("CQP manager
    stratégique" against the Master manager stratégique), or it designates none but all its
    distinctive words are in an entry's title, i.e. it is that title cut short ("CQP manager").
    """
    folded = fold_wording(name)
    stated = kind_of(folded)
    found = find_certifications(name)
    if found:
        return [c for c in found if stated and c.kind != stated]
    words = {w for w in folded.split() if len(w) >= 5 and w not in _GENERIC}

    def within(title: str) -> bool:
        title_words = set(fold_wording(title).split())
        return all(w in title_words or w + "s" in title_words or w.rstrip("s") in title_words for w in words)

    return [c for c in PRO_A_CERTIFICATIONS if words and within(c.title)]


def _ask(certification: str, candidates: list[Certification], steps: list[str], why: str) -> CalcResult:
    """An undecided result asking which entry of the list the user means."""
    titles = " ; ".join(c.title for c in candidates)
    steps.append(f"« {certification.strip()} » {why} : {titles}.")
    return CalcResult(
        name="pro_a_certification",
        value="à préciser",
        unit="",
        summary=(
            f"« {certification.strip()} » ne désigne pas avec certitude une certification de la liste Pro-A. "
            f"Laquelle visez-vous : {titles} ?"
        ),
        formula="certification ∈ annexe 1 (2019) ∪ ajouts de l'avenant de 2022 (après extension)",
        steps=steps,
        references=[ref.PRO_A_LIST, ref.PRO_A_ANNEX, ref.PRO_A_LIST_2022],
        warnings=["Vérifiez l'intitulé exact de la certification visée."],
        eligible=None,
        details={"candidates": [c.title for c in candidates]},
        missing=["certification"],
        verdict="eligible",
    )


# The "Sanction de l'action de formation" column of the list (annexe 1 of the protocole, avenant art. 1).
_CQP = "Certificat de qualification professionnelle (CQP)"
_RNCP = "Titre ou diplôme professionnel enregistré au RNCP"
_STATE = "Diplôme d'État"
SANCTIONS: dict[str, str] = {
    "CQP conseiller offres de services": _RNCP,
    "CQP gestionnaire conseil de la sécurité sociale": _CQP,
    "CQP contrôleur allocataire": _CQP,
    "CQP contrôleur du recouvrement": _CQP,
    "DAMC : dispositif d'accès aux métiers de contrôle – formation initiale des inspecteurs": (
        "Qualification reconnue dans les classifications d'une convention collective nationale de branche (CCN)"
    ),
    "CQP délégué de l'assurance maladie": _CQP,
    "Diplôme d'État d'infirmier": _RNCP,
    "Diplôme d'État d'aide-soignant": _STATE,
    "Diplôme d'État de moniteur éducateur": _STATE,
    "Diplôme d'État d'éducateur spécialisé (DEES)": _RNCP,
    "CQP manager opérationnel": _CQP,
    "Diplôme d'État accompagnant éducatif et social (AES)": _STATE,
    "Diplôme d'État assistante de service social": _STATE,
    "Diplôme d'État de conseiller en économie sociale familiale": _STATE,
    "Master manager stratégique": "Diplôme de l'enseignement supérieur",
}


def pro_a_certification(
    certification: str, as_of: date | None = None, extension_date: date | None = None
) -> CalcResult:
    """Whether a certification is on the branch's Pro-A list on `as_of` (2019 annex + 2022 additions).

    `extension_date` is the date of the avenant's extension order; by default the one configured in
    `corpus/amendments.json`, if any.
    """
    if not fold_wording(certification):
        raise CalcError("Indiquez l'intitulé de la certification visée.")
    today = as_of or date.today()
    extension = extension_date or avenant_2022_dates().pro_a_extension
    found = find_certifications(certification)
    steps = [
        "Article 2.2 : la Pro-A donne accès aux certifications figurant sur la liste de la branche (annexe "
        "1 du protocole) ; l'avenant du 11 octobre 2022 (article 1) y ajoute cinq certifications, ouvertes "
        "à la date de son extension (article 6).",
    ]
    warnings: list[str] = []
    listed = [c.title for c in PRO_A_CERTIFICATIONS]
    references = [ref.PRO_A_LIST, ref.PRO_A_ANNEX]
    misses = near_misses(certification)
    if misses:
        why = "nomme un autre type de certification que" if found else "ressemble à"
        return _ask(certification, misses, steps, why)
    if len(found) > 1:
        return _ask(certification, found, steps, "correspond à plusieurs certifications")
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
            verdict="eligible",
        )
    match = found[0]
    sanction = SANCTIONS.get(match.title)
    steps.append(
        f"Certification reconnue : {match.title} ({match.family}, {match.provider}"
        + (f" ; sanction de l'action de formation : {sanction}" if sanction else "")
        + ")."
    )
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
    elif extension is None:
        eligible = None
        references += [ref.PRO_A_LIST_2022, ref.AVENANT_EFFECT]
        steps.append(
            "Elle a été ajoutée par l'avenant du 11 octobre 2022 (article 1) ; l'article 6 subordonne son "
            "ouverture à l'extension de l'avenant, dont la date ne figure pas dans les textes."
        )
        summary = (
            f"{match.title} a été ajoutée à la liste Pro-A par l'avenant du 11 octobre 2022, sous réserve de "
            "l'extension de l'avenant : elle est ouverte à la Pro-A à compter de la date de l'arrêté "
            "d'extension, que les textes ne donnent pas."
        )
        warnings.append(
            "Vérifiez la date de l'arrêté d'extension de l'avenant du 11 octobre 2022 (elle peut être "
            "renseignée dans corpus/amendments.json)."
        )
    elif today < extension:
        eligible = False
        references += [ref.PRO_A_LIST_2022, ref.AVENANT_EFFECT]
        steps.append(
            f"Ajoutée par l'avenant de 2022, ouverte à compter de son extension le {format_date_fr(extension)}."
        )
        summary = (
            f"Au {format_date_fr(today)}, {match.title} n'est pas encore ouverte à la Pro-A : elle le sera à "
            f"compter de l'extension de l'avenant du 11 octobre 2022, le {format_date_fr(extension)}."
        )
    else:
        eligible = True
        references += [ref.PRO_A_LIST_2022, ref.AVENANT_EFFECT]
        steps.append(f"Ajoutée par l'avenant de 2022, ouverte depuis son extension le {format_date_fr(extension)}.")
        summary = (
            f"{match.title} figure sur la liste Pro-A depuis l'extension de l'avenant du 11 octobre 2022, le "
            f"{format_date_fr(extension)}."
        )
    return CalcResult(
        name="pro_a_certification",
        value={True: "inscrite", False: "non inscrite", None: "sous réserve de l'extension de l'avenant"}[eligible],
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
            "sanction": sanction,
            "added_2022": match.added_2022,
            "subject_to_extension": match.added_2022,
            "extension_date": extension if match.added_2022 else None,
            "as_of": today,
        },
        verdict="eligible",
    )
