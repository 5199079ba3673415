"""The kinds of detail a question may ask of a rule, as data: how a question asks each, how a text states it.

Split out of `assistant.answering.silent` (the mechanism): each `Kind` pairs the grammar of the asking side
(what the user writes: "soumise aux cotisations", "en visio", "combien de temps", "le matin ou l'après-midi")
with the drafting forms of the stating side (what a collective agreement writes when it does set that detail:
"cotisations", "présentiel ou distanciel", "d'une durée de 24 heures", "au maximum, 3 salariés"), and the
generic name the answer uses for it. The patterns run on folded text (accents removed, same length).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER = r"(?:\d+(?:[,.]\d+)?|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente)"


@dataclass(frozen=True)
class Kind:
    """A kind of detail: how a question asks it, how a text states it, how the answer names it."""

    name: str
    asked: re.Pattern[str]  # on the folded question (same length: spans map back to the user's words)
    stated: re.Pattern[str]  # on the folded passage or sentence
    noun: str  # the answer's generic name for it, used when the user's words hold a figure
    in_sentence: bool = False  # stated only in a sentence naming the subject's head noun
    stands_for: str = ""  # the class the detail belongs to, put in its place to find the nearest rule


def rx(pattern: str) -> re.Pattern[str]:
    """A pattern on folded text (accents removed, lower case)."""
    return re.compile(pattern, re.IGNORECASE)


KINDS: tuple[Kind, ...] = (
    Kind(
        "social",
        rx(
            r"\bsoumis\w* (?:a l.|a|aux) ?(?:impots?|cotisations?|charges)\b|\bimpots?(?: sur le revenu)?\b|"
            r"\bcotisations? sociales\b|\bcharges sociales\b|\bcsg\b|\bcrds\b|\bimposables?\b|"
            r"\bdefiscalis\w+|\bfiscalis\w+|"
            r"\b(?:en )?(?:brut|net) ou (?:en )?(?:brut|net)\b|\bnet d.impots?\b"
        ),
        rx(r"\bcotisation|\bcharges sociales|\bimpos|\bimpot|\bfiscal|\bcsg\b|\bbrut ou net|\bnet\b"),
        "le régime social et fiscal",
        stands_for="montant",
    ),
    Kind(
        "modality",
        rx(
            r"\b(?:a distance|(?:en|par) visio\w*|visioconference|(?:en )?distanciel|en ligne|e-?learning|"
            r"(?:par|au) telephone|en teletravail|en presentiel)\b"
        ),
        rx(r"\bdistance\b|\bdistanciel|\bvisio|\bpresentiel|\ben ligne\b|\be-?learning|\btelephon|\bteletravail"),
        "cette modalité",
        stands_for="déroulement",
    ),
    Kind(
        "form",
        rx(r"\b(?:par (?:ecrit|courrier|mail|e-mail|lettre|oral)|en recommande|lettre recommandee)\b"),
        rx(r"\bpar ecrit\b|\becrit\b(?!e)|\bcourrier|\bmail\b|\blettre\b|\bformulaire|\brecommande"),
        "la forme de la demande",
    ),
    Kind(
        "expense",
        rx(
            r"\b(?:(?:mes |les |des |nos |ses |vos )?frais (?:de |d.))?"
            r"(?:nuits? d.hotel|nuitees?|hotel|hebergement|parking|peage|taxi|avion|billets? de train|"
            r"indemnites? kilometriques?|frais kilometriques)\b"
        ),
        rx(r"\bhotel|\bnuitee|\bhebergement|\bparking|\bpeage|\btaxi|\bavion|\bkilometr|\bbillet"),
        "ce frais",
        stands_for="frais",
    ),
    Kind(
        "expenses",
        rx(r"\b(?:mes |les |des |nos |ses |vos )?frais\b(?: (?:de|d.) ?\w+)?(?= .*\brembours|.*\bpris en charge)"),
        rx(r"\bfrais\b|\brembours|\bprise? en charge\b|\bprend(?:re)? en charge"),
        "la prise en charge de ces frais",
    ),
    Kind(
        "schedule",
        rx(
            r"\b(?:par|chaque) (?:semaine|jour|trimestre|semestre)\b|\bhebdomadaire\w*|\bquotidien\w*|"
            r"\btrimestriel\w*|\ble matin\b|\bl.apres-midi\b|\ble soir\b|\ble samedi\b|\ble dimanche\b|"
            r"\b(?:le |en )?week-?end\b|\ba quelle heure\b|\bquels? jours?\b"
        ),
        rx(
            r"\bsemaine|\bhebdomadaire|\bquotidien|\btrimestr|\bsemestr|\bmatin\b|\bapres-midi|\bsoir\b|"
            r"\bsamedi|\bdimanche|\bweek-?end|\bhoraire|\btemps de travail\b"
        ),
        "le moment ou la fréquence",
    ),
    Kind(
        "frequency",
        rx(r"\btous les combien\b|\ba quelle (?:frequence|periodicite|cadence)\b|\bcombien de fois\b"),
        rx(r"\btous les\b|\bchaque\b|\bpar (?:an|annee|mois|semaine)\b|\bfois par\b|\bannuel|\bmensuel|\bperiodi"),
        "la fréquence",
        in_sentence=True,
    ),
    Kind(
        "withdrawal",
        rx(
            r"\b(?:abandonner|renoncer a|arreter|quitter|interrompre|mettre fin a|se retirer de|lacher) "
            r"(?:sa|son|ses|la|le|les|ma|mon|mes|l')\s?(?:mission|tutorat|formation|role|fonction|pro-a|parcours|vae)\b"
        ),
        rx(r"\brenonc|\babandon|\binterrompu|\binterruption|\brupture\b|\bretrait\b|\bmettre fin\b|\bmet fin\b"),
        "le cas d'un arrêt en cours de route",
        stands_for="mission",
    ),
    Kind(
        "payment",
        rx(
            r"\bpar (?:cheque|virement)\b|\ben (?:especes|liquide)\b|"
            r"\bsur (?:le|la|mon|ma|son|sa) (?:bulletin|fiche) de (?:paie|salaire)\b"
        ),
        rx(r"\bcheque|\bvirement|\bespeces\b|\bbulletin de (?:paie|salaire)|\bfiche de (?:paie|salaire)"),
        "le mode de versement",
    ),
    Kind(
        "splitting",
        rx(r"\ben plusieurs fois\b|\ben (?:deux|trois|2|3) fois\b|\bfractionn\w+|\ben une (?:seule )?fois\b"),
        rx(r"\bfractionn|\ben une (?:seule )?fois\b|\ben plusieurs fois\b"),
        "le fractionnement",
    ),
    Kind(
        "overtime",
        rx(r"\bheures? (?:supplementaires?|complementaires?|sup)\b|\brecuper\w+"),
        rx(r"\bheures? (?:supplementaires?|complementaires?)|\brecuper"),
        "le cas des heures supplémentaires ou de leur récupération",
    ),
    Kind(
        "price",
        rx(
            r"\bcombien (?:coute|coutent|ca coute)\b|\bquel (?:est le )?(?:cout|prix|tarif)\b|\ba quel (?:prix|tarif)\b"
        ),
        rx(r"\d ?(?:€|euros?\b)"),
        "le coût chiffré",
        stands_for="coût",
    ),
    Kind(
        "working-time",
        rx(r"\b(?:a |en )?(?:temps partiel|mi-temps|temps plein|temps complet)\b"),
        rx(r"\btemps partiel|\bmi-temps|\btemps plein|\btemps complet|\bduree (?:du|de) travail"),
        "le cas du temps de travail",
    ),
    Kind(
        "duration",
        rx(
            r"\b(?:combien de temps|en combien de temps|quelle duree|dure(?:-t-(?:il|elle)|nt)? combien|"
            r"combien d.heures|combien de minutes|combien de jours|combien de semaines|"
            r"(?:nombre|minimum|maximum) (?:minimum |maximum )?d.heures|combien dure\w*|combien d'(?:ans|annees)|"
            r"combien de mois|"
            r"(?:dans )?(?:quel|un) delai(?: precis| maximum| maximal)?|a l.avance|decharge horaire\w*(?: \w+)?)\b"
        ),
        rx(
            rf"(?<!par )(?<!tous les ){NUMBER} ?(?:a {NUMBER} ?)?(?:h\b|heures?|mn\b|min\b|minutes?|jours?|"
            rf"semaines?|mois|ans?|annees?)\b|\bdemi-?journee|\bjournee\b|\btemps necessaire\b|"
            # a column labelled by its unit, the figure after it: "Durée totale En jours : 5,5" (convention, art. 7)
            rf"\ben (?:heures|jours|semaines|mois|annees) ?: ?{NUMBER}"
        ),
        "la durée ou le délai",
        in_sentence=True,
    ),
    Kind(
        "count",
        rx(
            r"\bcombien (?:de |d')(?!temps\b|heures?\b|minutes?\b|jours?\b|semaines?\b|mois\b|ans?\b|annees?\b|fois\b)"
            r"(\w+)"
        ),
        rx(rf"\b{NUMBER} [a-z]|\bau (?:maximum|plus|moins),? {NUMBER}\b"),
        "ce nombre",
        in_sentence=True,
    ),
)
