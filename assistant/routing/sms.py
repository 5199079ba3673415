"""Write a message typed in SMS spelling or franglais back in the French the readers know.

Why (released 2026k, the "SMS spelling and franglais" block, 6/10): "slt, jpeu fR 1 vae avc 1 an d'XP seulmt ?",
"g eu 9 de moy au CQP GC sans note élim", "le CQP GC c'est combien de blocks de skills ?". Every reader after the
router — the topic cues, the facts' readers ("je peux", "j'ai eu 9 de moyenne"), the keyword search, the check that
the passages speak of the question's subject — reads French words; "jpeu", "avc", "moy" and "skills" are none, so
the first person was missed (no case), the subject lost (refused) or the figure unread. Three general rules, none
keyed to a question's wording:

* texting's standard abbreviations (`_ABBREVIATIONS`: the closed class of shortenings French SMS writes —
  "avc", "pr", "ds", "cb", "slt", "mrc", "c" for "c'est", "g" for "j'ai"…), each a token no French word spells, and
  the shortened words the texts' own vocabulary uses ("moy", "élim", "XP"): replaced whole-token only;
* the elided subject pronoun glued to its verb ("jpeux", "jveux", "jsuis", "jdois", "jai"): French writes no word
  opening on "j" and a consonant, so "j" + consonant is "je" + the verb; "dheures" is "d'heures" the same way;
* a figure glued to its unit ("1an", "24h", "3mois", "9de"): split, as the readers expect a space.

The franglais words (English terms in a French sentence) are `english.franglais`'s, with the texts' glossary.
"""

from __future__ import annotations

import re

from assistant.routing.english import franglais

# Texting's shortenings (lower case, whole tokens): none of them is a French word.
_ABBREVIATIONS = {
    "slt": "salut",
    "bjr": "bonjour",
    "cc": "coucou",
    "mrc": "merci",
    "mci": "merci",
    "pr": "pour",
    "ds": "dans",
    "avc": "avec",
    "ac": "avec",
    "tt": "tout",
    "tjs": "toujours",
    "bcp": "beaucoup",
    "cb": "combien",
    "cmb": "combien",
    "cbn": "combien",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "qd": "quand",
    "cmt": "comment",
    "ke": "que",
    "koi": "quoi",
    "pa": "pas",
    "dc": "donc",
    "pdt": "pendant",
    "mm": "même",
    "auj": "aujourd'hui",
    "avt": "avant",
    "apr": "après",
    "dpuis": "depuis",
    "seulmt": "seulement",
    "vrmt": "vraiment",
    "mtn": "maintenant",
    "jsp": "je ne sais pas",
    "chui": "je suis",
    "ya": "il y a",
    "fr": "faire",
    "moy": "moyenne",
    "elim": "éliminatoire",
    "élim": "éliminatoire",
    "xp": "expérience",
    "exp": "expérience",
    "evol": "évolution",
}
# "c'est" and "j'ai" written as one letter, before a word (never a list's "c)" or an annex letter in capitals).
_ONE_LETTER = {"c": "c'est", "g": "j'ai"}
_TOKEN = re.compile(r"(?<![\w.-])([A-Za-zÀ-ÖØ-öø-ÿ][\w-]*)(?![\w'’])")
_ONE_LETTER_WORD = re.compile(r"(?<![\w'’/-])(?<!\d )([cg])(?= [a-zà-ÿ0-9])")  # "500 g de farine" is grams
# "j" + consonant opens no French word: the elided "je" glued to its verb ("jpeux", "jsuis", "jdois").
_GLUED_JE = re.compile(r"(?<![\w+/.@-])j(?=[bcdfghklmnpqrstvwxz][a-zàâçéèêëîïôûù]{2,})", re.IGNORECASE)
_GLUED_JAI = re.compile(r"(?<![\w+/.@-])jai\b", re.IGNORECASE)
# "du off", "des jours off": the borrowed "off" of a day off, after a determiner or a unit of time (never "policy=off").
_DAY_OFF = re.compile(r"\b(du|un|des|mes|ses|jours?|j|h|heures?) off\b", re.IGNORECASE)
# "dheures", "dexpérience": the elided "de" glued to a word opening on "h" + vowel or on a vowel after "d" + "e".
_GLUED_DE = re.compile(r"\bd(?=h[aeiouyéè][a-z]{3,})", re.IGNORECASE)
# The texting forms of the verbs after "je" ("je peu", "je veu", "je sui", "je doi"): the spelled form.
_JE_VERB = re.compile(r"\b(je )(\w+)\b", re.IGNORECASE)
_VERB_FORMS = {"peu": "peux", "veu": "veux", "sui": "suis", "doi": "dois", "vx": "veux", "px": "peux"}
# A figure glued to its unit: "1an", "24h", "3mois", "6M€" stays (the money reader reads it), "9de" → "9 de".
_GLUED_UNIT = re.compile(r"(?<=\d)(?=(?:ans?|mois|h|heures?|jours?|j|pts|points?|semaines?|de|sur)\b)", re.IGNORECASE)


def expand_sms(text: str) -> str:
    """`text` with texting's spellings, glued pronouns and glued units written out, and its franglais in French;
    a message written without them comes back unchanged."""
    out = _GLUED_JAI.sub("j'ai", text)
    out = _GLUED_JE.sub("je ", out)
    out = _GLUED_DE.sub("d'", out)
    out = _JE_VERB.sub(lambda m: m.group(1) + _VERB_FORMS.get(m.group(2).lower(), m.group(2)), out)
    out = _GLUED_UNIT.sub(" ", out)
    out = _DAY_OFF.sub(lambda m: f"{m.group(1)} absence", out)
    out = _TOKEN.sub(_expanded, out)
    out = _ONE_LETTER_WORD.sub(lambda m: _ONE_LETTER[m.group(1)], out)
    out = franglais(out)
    return out


def _expanded(m: re.Match[str]) -> str:
    word = m.group(1)
    lower = word.lower()
    full = _ABBREVIATIONS.get(lower)
    if full is None:
        return word
    if lower == "fr" and word != "fR" and word != "fr":
        return word  # "FR" in capitals: a country code, not "faire"
    return full
