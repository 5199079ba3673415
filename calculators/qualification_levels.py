"""The French qualification levels (nomenclature of 2019, levels 1 to 8; 0 for no qualification).

The VAE leave turns on "niveau 4 (bac)" and the Pro-A on "le grade de la licence" (level 6), so users
may give either a level number or a diploma name; this module maps common names to levels and
rejects anything else with a French message.
"""

from __future__ import annotations

import re

from calculators.result import CalcError
from text.folding import without_accents

MIN_LEVEL, MAX_LEVEL = 0, 8
LICENCE_LEVEL = 6
BAC_LEVEL = 4

LEVEL_NAMES = {
    0: "sans qualification",
    1: "niveau 1 (savoirs de base)",
    2: "niveau 2",
    3: "niveau 3 (CAP, BEP)",
    4: "niveau 4 (baccalauréat)",
    5: "niveau 5 (bac + 2 : BTS, DUT)",
    6: "niveau 6 (licence, bachelor, BUT)",
    7: "niveau 7 (master)",
    8: "niveau 8 (doctorat)",
}

ALIASES = {
    "aucun": 0,
    "sans diplome": 0,
    "aucun diplome": 0,
    "brevet": 2,  # the brevet des collèges, below the CAP (a brevet professionnel is named in full)
    "brevet des colleges": 2,
    "dnb": 2,
    "cfg": 2,
    "cap": 3,
    "bep": 3,
    "bac": 4,
    "baccalaureat": 4,
    "bac pro": 4,
    "brevet professionnel": 4,
    "bts": 5,
    "dut": 5,
    "deust": 5,
    "bac+2": 5,
    "licence": 6,
    "licence pro": 6,
    "licence professionnelle": 6,
    "but": 6,
    "bachelor": 6,
    "bac+3": 6,
    "bac+4": 6,
    "maitrise": 6,
    "master": 7,
    "master 2": 7,
    "ingenieur": 7,
    "bac+5": 7,
    "doctorat": 8,
    "bac+8": 8,
}


def _fold(text: str) -> str:
    text = without_accents(text).lower().strip()
    text = re.sub(r"\s*\+\s*", "+", text)
    return re.sub(r"^niveau\s+", "", text)


def parse_level(value: object, what: str = "niveau de diplôme") -> int:
    """A level 0–8 from a number ("3", 3) or a diploma name ("CAP", "bac", "licence")."""
    if isinstance(value, bool):
        raise CalcError(f"{what.capitalize()} inconnu : {value!r}.")
    if isinstance(value, int | float) and float(value).is_integer():
        level = int(value)
    else:
        text = _fold(str(value))
        if text.isdigit():
            level = int(text)
        elif text in ALIASES:
            level = ALIASES[text]
        else:
            raise CalcError(
                f"{what.capitalize()} inconnu : « {value} ». Indiquez un niveau de 0 à 8 (CAP = 3, bac = 4, "
                "BTS = 5, licence = 6, master = 7)."
            )
    if not MIN_LEVEL <= level <= MAX_LEVEL:
        raise CalcError(
            f"{what.capitalize()} inconnu : {level}. La nomenclature française va du niveau 1 au niveau 8 "
            "(0 = sans qualification)."
        )
    return level
