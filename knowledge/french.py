"""French text analysis for keyword retrieval: pure functions, no I/O.

`analyze(text)` turns a passage or a question into index terms:

1. Unicode normalisation (NFKC), typographic apostrophes and dashes made plain, lower case;
2. elision removed (`l'`, `d'`, `qu'`, `jusqu'`…): "l'expérience" → "expérience";
3. tokens: words (hyphenated compounds also kept joined: "Pro-A" → "proa"), numbers with a
   decimal comma made canonical ("0,15" → "0.15");
4. French stop words dropped (the Snowball list, plus legal filler such as "article");
5. Snowball French stemming, then accent folding ("rémunérés" → "remuner"), and a final mute
   "e" dropped so that a question typed without accents meets the accented text
   ("duree" and "durée" both give "dur").

`expand_query(terms)` adds the analysed full forms of the acronyms employees use (VAE, CPF,
CEP…) so that a question saying "VAE" also matches a text spelling out "validation des acquis
de l'expérience", and a few everyday words mapped to the agreement's wording.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import snowballstemmer

from text.folding import without_accents

# One Snowball stemmer per thread: a stemmer keeps the word being stemmed in its own fields, so two
# threads sharing one (the UI's sessions, the load bench) corrupt each other's word (IndexError).
_LOCAL = threading.local()


def _stemmer() -> Any:
    stemmer = getattr(_LOCAL, "stemmer", None)
    if stemmer is None:
        stemmer = _LOCAL.stemmer = snowballstemmer.stemmer("french")
    return stemmer


ELISIONS = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Snowball's French stop list (https://snowballstem.org/algorithms/french/stop.txt), folded,
# plus a few words that every passage of an agreement contains.
STOP_WORDS = _words(
    """
    au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me meme
    mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton
    tu un une vos votre vous c d j l a m n s t y ete etee etees etes etant etante etants etantes
    suis es est sommes etes sont serai seras sera serons serez seront serais serait serions seriez
    seraient etais etait etions etiez etaient fus fut fumes futes furent sois soit soyons soyez
    soient fusse fusses fut fussions fussiez fussent ayant ayante ayantes ayants eu eue eues eus ai
    as avons avez ont aurai auras aura aurons aurez auront aurais aurait aurions auriez auraient
    avais avait avions aviez avaient eut eumes eutes eurent aie aies ait ayons ayez aient eusse
    eusses eut eussions eussiez eussent ceci cela cet cette ici ils les leurs quel quels quelle
    quelles sans soi quoi est-ce estce article articles alinea alineas present presente
    """
)

# Acronyms and everyday words → the agreement's wording (query side only).
QUERY_EXPANSIONS: dict[str, str] = {
    "vae": "validation des acquis de l'expérience",
    "cpf": "compte personnel de formation",
    "cep": "conseil en évolution professionnelle",
    "cqp": "certificat de qualification professionnelle",
    "proa": "reconversion ou promotion par l'alternance",
    "cpnefp": "commission paritaire nationale de l'emploi et de la formation professionnelle",
    "afest": "action de formation en situation de travail",
    "rncp": "répertoire national des certifications professionnelles",
    "opco": "opérateur de compétences",
    "cos": "conseiller offres de service",
    "gc": "gestionnaire conseil",
    "csu": "conseiller service à l'utilisateur",
    "deaes": "diplôme d'état d'accompagnant éducatif et social",
    "dees": "diplôme d'état d'éducateur spécialisé",
    "decesf": "diplôme d'état de conseiller en économie sociale et familiale",
    "rsa": "revenu de solidarité active",
    "ass": "allocation de solidarité spécifique",
    "aah": "allocation aux adultes handicapés",
    "cui": "contrat unique d'insertion",
    "touche": "prime perçoit",
    "toucher": "prime perçoit",
    "touchera": "prime perçoit",
    "payé": "rémunéré prime",
    "paye": "rémunéré prime",
    "salaire": "rémunération",
    "tutrice": "tuteur",
    "bénéficier": "bénéficiaires",
    "beneficier": "bénéficiaires",
    "formatrice": "formateur",
    "rh": "ressources humaines",
    "drh": "ressources humaines",
    "job": "emploi métier",
    "jobs": "emplois métiers",
    "payant": "gratuitement frais",
    "payante": "gratuitement frais",
    "caisse": "organisme",
    "caisses": "organismes",
}

_INVERTED_PRONOUNS = _words("je tu il elle on nous vous ils elles ce t")
EXPANSION_WEIGHT = 0.35
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*")
_PLAIN_PUNCTUATION = (
    *((apostrophe, "'") for apostrophe in ("\u2019", "\u2018", "\u02bc", "`", "\u00b4")),
    *((dash, "-") for dash in ("\u2010", "\u2011", "\u2012", "\u2013", "\u2014")),
)


def fold_accents(text: str) -> str:
    """ "Évolution" → "Evolution": drop combining marks, keep œ/æ as two letters."""
    return without_accents(text, expand_ligatures=True)


def normalize(text: str) -> str:
    """NFKC, plain apostrophes and hyphens, lower case, elisions removed."""
    text = unicodedata.normalize("NFKC", text)
    for odd, plain in _PLAIN_PUNCTUATION:  # `str.translate` looks up every character: slower
        if odd in text:
            text = text.replace(odd, plain)
    text = text.lower()
    return re.sub(rf"\b(?:{'|'.join(ELISIONS)})'", " ", text)


def tokenize(text: str) -> list[str]:
    """Surface tokens of `normalize(text)`; hyphenated compounds give the joined form and parts."""
    tokens: list[str] = []
    for token in _TOKEN.findall(normalize(text)):
        if token[0].isdigit():
            tokens.append(token.replace(",", "."))
        elif "-" in token:
            parts = [part for part in token.split("-") if part]
            if parts[-1] not in _INVERTED_PRONOUNS:  # "doit-il" is a verb and a pronoun, not a compound
                tokens.append("".join(parts))
            tokens.extend(parts)
        else:
            tokens.append(token)
    return tokens


def stem(word: str) -> str:
    """Snowball French stem, accent-folded, final mute "e" dropped (numbers unchanged)."""
    if word[0].isdigit():
        return word
    folded = fold_accents(_stemmer().stemWord(word))
    if len(folded) > 3 and folded.endswith("e"):
        folded = folded[:-1]
    return folded


def is_stop_word(token: str) -> bool:
    return fold_accents(token) in STOP_WORDS


@lru_cache(maxsize=1 << 18)
def _term(token: str) -> str:
    """The index term of one surface token, "" for a stop word. Cached: a retriever analyses
    every passage when it opens, millions of tokens at 50k passages, of a few thousand words."""
    return "" if is_stop_word(token) else stem(token)


def analyze(text: str) -> list[str]:
    """Index terms of a passage or question, in order, repeats kept (term frequency matters)."""
    return [term for term in map(_term, tokenize(text)) if term]


def expand_query(text: str) -> list[str]:
    """`analyze(text)` plus the analysed expansions of the acronyms and everyday words it uses."""
    return list(weighted_query(text))


def weighted_query(text: str, expansion_weight: float = EXPANSION_WEIGHT) -> dict[str, float]:
    """Query terms with weights: 1 for the question's own terms, less for expansions, so that
    "durée de la Pro-A" still ranks on "durée" rather than on the words of the expansion."""
    weights = dict.fromkeys(analyze(text), 1.0)
    for token in _expansion_keys(tokenize(text)):
        for term in analyze(QUERY_EXPANSIONS[token]):
            weights.setdefault(term, expansion_weight)
    return weights


def _expansion_keys(tokens: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for token in tokens:
        key = token if token in QUERY_EXPANSIONS else fold_accents(token)
        if key in QUERY_EXPANSIONS and key not in seen:
            seen.append(key)
    return seen
