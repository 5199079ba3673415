"""What users say of their own situation: diploma level, contract, working time, job threat, distance.

Eligibility rules (VAE leave, Pro-A, CEP absence) turn on these facts, and the wordings are
negated or aimed at the future as often as they are stated ("je n'ai pas le bac", "je prépare un
BTS", "j'étais en CDD"); the parsers here keep those apart.

Diploma levels follow the French national nomenclature of 2019 (décret n° 2019-14):

* 0 — no diploma ("sans diplôme", "aucun diplôme"), as in `calculators.qualification_levels`;
* 2 — brevet des collèges, CFG, CléA (below CAP; the nomenclature's level 3 is the first diploma);
* 3 — CAP, BEP, DEAES, "titre professionnel de niveau 3";
* 4 — baccalauréat (général, technologique, professionnel), BP, BT, DAEU, "niveau bac";
* 5 — BTS, DUT, DEUG, DEUST, "bac+2";
* 6 — licence (pro), bachelor, BUT, maîtrise / master 1, "bac+3", "bac+4";
* 7 — master, DEA, DESS, diplôme d'ingénieur, "bac+5";
* 8 — doctorat, "bac+8".

A diploma the user is *preparing* ("je prépare un BTS", "préparer le master en Pro-A") is not one
they hold, so mentions after such verbs are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.routing.extraction.folding import prepare
from assistant.routing.extraction.numbers import NUMBER_WORDS

# Diploma wordings per level (folded); acronyms apart, matched only when written in capitals
# ("CAP", not "cap"; "BUT", not "but").
DIPLOMA_WORDS: dict[int, tuple[str, ...]] = {
    0: (
        r"sans (?:aucun )?diplomes?",
        r"aucun diplome",
        r"pas (?:de|d'un) diplome",
        r"non diplomee?",
        r"pas diplomee?",
        # a form's terse slot: "Diplôme : aucun", "diplôme - néant", "diplômes : rien"
        r"diplomes? ?[:=-]? ?(?:aucun|neant|rien|non|sans|zero|0)",
    ),
    # "je n'ai que le brevet": the brevet des collèges, unless another brevet is named
    2: (
        r"brevet des colleges",
        r"dnb",
        r"cfg",
        r"clea",
        r"(?:le|un|mon|son|du|au) brevet(?! (?:pro\w*|de technicien\w*|d'etudes\w*|de maitrise|federal|d'etat))",
    ),
    3: (
        r"certificat d'aptitude professionnelle",
        r"brevet d'etudes professionnelles",
        r"deaes",
        r"titre professionnel de niveau 3",
    ),
    4: (
        r"bac(?:calaureat)?(?: (?:pro|professionnel|techno|technologique|general|stmg))?(?! ?\+)",
        r"brevet professionnel",
        r"brevet de technicien(?! superieur)",
        r"daeu",
    ),
    5: (r"bac ?\+ ?2", r"deug", r"deust", r"brevet de technicien superieur"),
    6: (
        r"bac ?\+ ?[34]",
        r"licences?(?: pro(?:fessionnelle)?)?",
        r"bachelor",
        r"maitrise(?! (?:des|de la|de l'|du|d'))",  # "maîtrise des risques" names no diploma
        r"master 1",
        r"m1",
    ),
    7: (
        r"bac ?\+ ?5",
        r"masters?(?! 1)",
        r"dea",
        r"dess",
        r"diplome d'ingenieur",
        r"ingenieure? diplomee?",
        r"grande ecole",
        r"mba",
    ),
    8: (r"doctorat", r"phd", r"bac ?\+ ?8", r"docteur"),
}
DIPLOMA_ACRONYMS: dict[int, tuple[str, ...]] = {
    3: ("CAP", "BEP", "CAPA", "BEPA"),
    4: ("BP", "BT"),
    5: ("BTS", "DUT", "BTSA"),
    6: ("BUT",),
}
# "un diplôme de niveau 5": the level is read from the text.
DIPLOMA_LEVEL_WORDING = r"\b(?:diplome|titre)s? (?:\w+ ){0,2}(?:de |du )?niveau ([1-8])\b"
# Words announcing a diploma the user aims at, not one they hold.
TARGET_WORDS = (
    r"\b(?:prepar\w*|vis\w*|obten\w*|obtiendr\w*|passer|faire|suivre|integrer|acceder|reprendre|decrocher|"
    r"entrer en|candidat\w* (?:a|au))\s+(?:[\w']+\s+){0,3}$"
    r"|\b(?:vers|pour) (?:un|une|le|la|l') ?$|\ben pro-? ?a\s+$"
    # a wish said of the diploma itself: "il voudrait le master …", "elle souhaite passer un BTS"
    r"|\b(?:voudr\w*|veu[tx]|souhait\w*|aimerai\w*|envisag\w*|rev\w+ (?:de|d'))\s+"
    r"(?:(?:passer|preparer|faire|obtenir|decrocher|suivre|viser|reprendre)\s+)?(?:le|la|l'|un|une|son|sa)\s*$"
)
# "le master manager stratégique qu'on peut faire en Pro-A": the words after it say the diploma is aimed at.
AIMED_AFTER = (
    r"[\w+-]+(?: (?!(?:peu\w*|pui\w*|pourr\w*|est|suis|ai|a|ont|sont|doi\w*)\b)[\w'+]+){0,4}? "
    r"(?:qu'(?:on|il|elle|je|ils|elles) (?:peu\w*|pourr\w*|veu\w*|voudr\w*|souhait\w*|"
    r"prepar\w*|vis\w*)|(?:en|par|via) (?:la )?pro ?-? ?a\b|a preparer\b|a passer\b"
    # "le master … de la liste Pro-A m'intéresse": a diploma wished for, or one of a list of targets
    r"|m'interess\w*|me (?:tente|plait|plairait|motive)|m'attire|(?:de|dans|sur) la liste\b)"
)

# The contract unique d'insertion by its names and the wordings of an assisted contract ("un contrat aidé
# d'insertion", "CUI-CAE"); one described as ending ("qui s'arrête dans huit mois", "de 12 mois") is held for a
# fixed term, which art. 2.3 sets apart ("bénéficiaires d'un contrat unique d'insertion à durée indéterminée").
_CUI = r"(?:contrat unique d'insertion|cui(?:[ -]cae)?|contrats? aides?(?: d'insertion)?|contrat d'insertion)"
_ENDING = r"(?:qui )?(?:s'arrete|se termine|prend fin|finit|s'acheve|expire|court jusqu|de \d+ mois)"
CONTRACTS: tuple[tuple[str, str], ...] = (
    (rf"\bcui[ -]?cdi\b|\b{_CUI} (?:a|en) duree indeterminee\b", "CUI-CDI"),
    (rf"\bcui[ -]?cdd\b|\b{_CUI} (?:a|en) duree determinee\b|\b{_CUI},? {_ENDING}", "CUI-CDD"),
    (rf"\b{_CUI}\b", "CUI"),
    (r"\bcdi\b|\bcontrat a duree indeterminee\b|\ba duree indeterminee\b", "CDI"),
    (r"\bcdd\b|\bcontrat a duree determinee\b|\ba duree determinee\b", "CDD"),
    (r"\binterim(?:aire)?\b", "interim"),
    (r"\b(?:je suis|en) (?:contrat d')?apprenti(?:e|ssage)\b", "apprentissage"),
    (r"\b(?:je suis |)en contrat (?:de )?pro(?:fessionnalisation)?\b", "professionnalisation"),
)

# A contract described instead of named, as art. 2.3 and art. 5 distinguish them (a contract "à durée
# indéterminée" or "à durée déterminée"): "sans date de fin", "durée pas limitée", "pour une durée illimitée" say
# the first, "mon contrat s'arrête en juin", "une date de fin de contrat", "pour une durée limitée" the second.
# Read only after a word of the hiring or the contract in the same sentence (`_CONTRACT_ANCHOR`): "une mission
# sans date de fin" describes no contract.
DESCRIBED_CONTRACTS: tuple[tuple[str, str], ...] = (
    (
        r"\b(?:sans|pas de|aucune|n'a pas de) (?:date de )?(?:fin|terme|echeance)\b"
        r"|\bduree (?:pas |non |jamais )?(?:illimitee|indefinie|indeterminee)\b|\bduree (?:pas|non|jamais) limitee\b"
        r"|\b(?:pas|non) limitee? dans le temps\b|\bsans limit(?:e|ation) de (?:duree|temps)\b",
        "CDI",
    ),
    (
        r"\bcontrat(?: de travail)? (?:s'arrete|se termine|prend fin|finit|s'acheve|expire|court jusqu)\w*"
        r"|\b(?:une|avec|a) date de fin\b|\bduree (?:limitee|determinee)\b|\blimitee? dans le temps\b",
        "CDD",
    ),
)
_CONTRACT_ANCHOR = r"\b(?:contrat|embauch|recrut|engag|signe|poste)\w*[^.?!;]{0,60}$"


def without_contract_description(folded: str) -> str:
    """`folded` with the words describing a contract blanked (same length): "une durée illimitée" tells the
    contract, it does not ask how long something lasts."""
    for pattern, _name in DESCRIBED_CONTRACTS:
        folded = re.sub(pattern, lambda m: " " * len(m.group(0)), folded)
    return folded


@dataclass(frozen=True)
class WorkTime:
    """Working time stated by the user: `fraction` 0.5 for "mi-temps", None for "temps partiel" alone."""

    part_time: bool
    fraction: float | None
    text: str


def parse_diploma_level(text: str) -> int | None:
    """Highest diploma level the user says they hold (see the module docstring for the mapping).

    A negated diploma ("je n'ai pas le bac", "sans licence") says the level is *below* it, which
    is what the rules compare against ("n'ayant pas atteint le niveau 4"), so it gives that level
    minus one when nothing positive is said.
    """
    held, below = _diploma_mentions(text)
    if held:
        return max(held)
    return max(0, min(below) - 1) if below else None


def diploma_only_denied(text: str) -> bool:
    """Whether the message says only which diploma the person does not hold ("il n'a pas son bac"): the level is
    then a bound, "below the bac", which does not say whether a lower diploma (a CAP) is held."""
    held, below = _diploma_mentions(text)
    return not held and bool(below)


def _diploma_mentions(text: str) -> tuple[list[int], list[int]]:
    """The levels of the diplomas said to be held, and of those said not to be (see `parse_diploma_level`)."""
    original, folded = prepare(text)
    mentions: list[tuple[int, int]] = []  # (position, level)
    for level, words in DIPLOMA_WORDS.items():
        mentions += [(m.start(), level) for m in re.finditer(rf"\b(?:{'|'.join(words)})\b", folded)]
    for level, acronyms in DIPLOMA_ACRONYMS.items():
        mentions += [(m.start(), level) for m in re.finditer(rf"\b(?:{'|'.join(acronyms)})\b", original)]
    mentions += [(m.start(), int(m.group(1))) for m in re.finditer(DIPLOMA_LEVEL_WORDING, folded)]
    held: list[int] = []
    below: list[int] = []
    for position, level in mentions:
        if folded.startswith("cap emploi", position):
            continue
        before = folded[max(0, position - 40) : position]
        if re.search(TARGET_WORDS, before) or re.match(AIMED_AFTER, folded[position:]):
            continue
        if level > 0 and re.search(r"\b(?:pas|sans|ni|jamais|aucun(?:e)?)\b (?:[\w']+ ){0,2}$", before):
            below.append(level)
        else:
            held.append(level)
    return held, below


def parse_contract(text: str) -> str | None:
    """The user's employment contract: "CDI", "CDD", "CUI-CDI", "CUI-CDD", "CUI", "interim", …

    When several are named ("j'étais en CDD, je suis en CDI"), the one after "je suis (en)" wins,
    else the last one; a negated one ("pas en CDI") is skipped.
    """
    _, folded = prepare(text)
    mentions: list[tuple[int, str, bool]] = []
    taken: list[tuple[int, int]] = []
    for pattern, name in CONTRACTS:
        for m in re.finditer(pattern, folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            before = folded[max(0, m.start() - 30) : m.start()]
            if re.search(r"\b(?:pas|plus|jamais|ni) (?:en |sous |d'un |de )?$", before):
                continue
            taken.append((m.start(), m.end()))
            is_current = bool(
                re.search(r"\b(?:je suis|suis|j'ai|je travaille|actuellement|maintenant)\b[^.?!]*$", before)
            ) or bool(re.match(r" *(?:\(\w+\) *)?depuis\b", folded[m.end() :]))  # "CDI depuis 10 mois": held now
            mentions.append((m.start(), name, is_current and not re.search(_BEFORE_NOW, before)))
    for pattern, name in DESCRIBED_CONTRACTS:
        for m in re.finditer(pattern, folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            before = folded[max(0, m.start() - 80) : m.start()]
            if "contrat" not in m.group(0) and not re.search(_CONTRACT_ANCHOR, before):
                continue
            taken.append((m.start(), m.end()))
            mentions.append((m.start(), name, False))
    if not mentions:
        return None
    mentions.sort()
    current = [name for _, name, is_current in mentions if is_current]
    # "après 6 ans d'intérim", "avant, j'étais en CDD": a contract the user had before is not the one held now
    earlier = {start for start, _, _ in mentions if re.search(_BEFORE_NOW, folded[max(0, start - 30) : start])}
    later = [name for start, name, _ in mentions if start not in earlier]
    return current[0] if current else later[-1] if later else mentions[-1][1]


# Words that put a contract before the present one: "après 6 ans d'intérim", "avant en CDD", "j'étais en CDD",
# "mon ancien CDD", "auparavant sous contrat aidé".
_BEFORE_NOW = (
    r"(?:\b(?:apres|avant|auparavant|precedemment|anciennement)\b[^.?!;,]{0,22}"
    r"|\b(?:j'etais|il etait|elle etait|j'ai ete|ancien|ancienne|precedent|precedente)\b[^.?!;,]{0,12})$"
)


def parse_work_time(text: str) -> WorkTime | None:
    """Working time: "mi-temps" (0.5), "temps partiel à 80 %" (0.8), "4/5" (0.8), "temps plein" (1.0).

    "temps partiel" without a rate gives `fraction=None`: the caller asks when it matters.
    """
    _, folded = prepare(text)
    m = re.search(r"\b(?:mi|demi)-? ?temps\b", folded)
    if m:
        return WorkTime(True, 0.5, m.group(0))
    partial = re.search(r"\btemps (?:partiel|non complet)\b", folded)
    fifth = re.search(
        r"\b(?P<n>[1-4]) ?(?:/ ?5(?:e|eme)?s?|cinquiemes?)\b|\b(?P<w>quatre|trois|deux) cinquiemes?\b", folded
    )
    pct = re.search(r"(?<![\d,.])(?P<pct>[1-9]\d) ?%", folded)
    if pct and not (
        partial
        or re.search(r"\btravaill|\bbosse|\btemps\b|\bquotite\b|\bemploye\w* a\b", folded)
        or re.search(r"(?<!jusqu')\b(?:a|suis a|etais a) (?P<p>[1-9]\d) ?%", folded)
    ):
        pct = None
    if not (partial or fifth or pct):
        full = re.search(r"\btemps (?:plein|complet)\b", folded)
        return WorkTime(False, 1.0, full.group(0)) if full else None
    fraction: float | None = None
    if fifth:
        fraction = (int(fifth.group("n")) if fifth.group("n") else NUMBER_WORDS[fifth.group("w")]) / 5
    elif pct:
        fraction = int(pct.group("pct")) / 100
    wording = next(x.group(0) for x in (partial, fifth, pct) if x)
    return WorkTime(True, fraction, wording)


def parse_job_threatened(text: str) -> bool | None:
    """Whether the user says their job is threatened (True/False), or None when not said."""
    _, folded = prepare(text)
    threat = re.search(
        # (a team's jobs too: "dont les postes sont menacés")
        r"\b(?:emplois?|postes?|metiers?)\b[^.?!]{0,30}\bmenace|\bmenace\w* (?:sur|de suppression)"
        r"|suppression de (?:mon |notre )?(?:poste|emploi|service)|\brestructuration\b|\bplan social\b"
        r"|\breorganisation\b"
        # the threat said by what may happen to the job (avenant art. 2: "dont l'emploi est menacé par les évolutions
        # économiques ou technologiques"): "son poste risque de disparaître", "un métier voué à être supprimé"
        r"|\b(?:emplois?|postes?|metiers?)\b[^.?!]{0,40}\b(?:disparai\w*|disparition|supprim\w*|suppression)\b",
        folded,
    )
    if not threat:
        return None
    # the threat denied: "mon poste n'est pas menacé", "aucun poste menacé", "poste non menacé", "sans menace sur
    # l'emploi", "pas de menace", "personne n'est menacé"
    denied = (
        r"\b(?:n'est|ne sont|n'etait|n'est plus|n'etaient|ne va|ne vont|ne risque|ne devrait|ne doit) "
        r"(?:pas|plus|nullement)\b[^.?!]{0,25}(?:menace|disparai|supprim)"
        r"|\b(?:aucune?|nul|nulle|sans|pas de|pas d'|ni)\b ?(?:(?:mon|son|leur|notre|le|la|l') ?)?"
        r"(?:emplois?|postes?|metiers?|menaces?)\b(?:[^.?!]{0,15}\bmenace)?"
        r"|\b(?:non|pas|jamais) menace|\bpersonne n'est menace"
    )
    return not re.search(denied, folded)


def parse_far(text: str) -> bool | None:
    """Whether the advice provider is said to be far from home ("éloigné", "à 80 km", "loin")."""
    _, folded = prepare(text)
    if re.search(r"\b(?:pas|non) (?:tres |trop )?(?:eloigne|loin)", folded):
        return False
    if re.search(r"\beloigne\w*|\bloin\b|\ba \d+ ?km\b|\b\d+ ?km\b|\bdistance\b", folded):
        return True
    return None
