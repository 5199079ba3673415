"""Another framework named by the question: a text or an employer whose rules the indexed texts are not (issue #21).

Why: "Dans les établissements de la convention de 1951, le diplôme d'infirmier est-il éligible à la Pro-A ?"
asks about the Pro-A, and the texts hold a Pro-A list; but the rule asked is another convention's. So is "Un AESH
de l'Éducation nationale peut-il obtenir un congé pour sa VAE ?": the person works under the national
education's rules, not the branch's. The subject check finds the Pro-A or the VAE leave in the passages and
answers with the branch's article, which is a wrong answer for that reader. Two slots of the message's grammar
name the framework, and each is checked against the texts themselves, never against a list:

* a **text named by its kind and its year** ("la convention de 1951", "le décret de 2018", "l'accord du 4 mars
  2021"): the texts speak of it when some passage (or an indexed text's title) writes that kind of text with
  that year close after it ("la loi du 5 septembre 2018", "le protocole d'accord du 23 juillet 2015"); the
  branch's own texts are named so too ("l'accord de 2019", "l'avenant de 2022");
* an **organisation named with its capitals after "de la / de l' / du / des / à la / à l' / au / chez"**
  ("de l'Éducation nationale", "de la MSA", "à l'AP-HP"): the texts speak of it when a passage holds its name (a
  capitalised word, with the lower-case word that qualifies it: "Éducation nationale"). The branch's
  organisations are named in the texts ("de la CPAM", "de l'Urssaf", "de l'UGECAM", "à l'Institut 4.10"), so
  they pass; a first name without an article ("la prime de Karim") is the user's case, not an organisation,
  and is not read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from assistant.answering.corpus_words import CorpusPhrases
from assistant.routing.extraction.folding import fold
from assistant.routing.subject import asking_clause, subject_phrase, without_asker

# A kind of legal or collective text, then (a few words later) "de/du" and its date or year.
_DATED_TEXT = re.compile(
    r"\b(lois?|decrets?|arretes?|ordonnances?|conventions?|accords?|protocoles?|avenants?)"
    r"(?:\s+(?!(?:de|du|d|l|le|la|les|un|une)\b)[a-z-]+){0,2}\s+(?:de|du|d)\s+(?:\d{1,2}(?:er)?\s+[a-z]+\s+)?((?:19|20)\d\d)\b"
)
# A name in capitals after a preposition and an article: "de l'Éducation nationale", "de la MSA", "chez Orange".
_ORGANISATION = re.compile(
    r"\b(?:de la|de l'|du|des|à la|à l'|au|aux|chez(?: la| le| les| l')?)\s*"
    r"([A-ZÀ-Ý][\w-]*(?:\s+[a-zà-ÿ][\w-]*)?)"
)
# A name of two words in capitals, with or without an article before it: "France VAE", "l'OPCO Santé" (oos25). When
# the texts write each of its words but never the whole, retrieval meets its parts ("VAE", "OPCO") and answers with
# the texts' scheme for another body's; a name with a word they never write ("Mme Leroy") is left to the other checks.
_COMPOUND = re.compile(r"(?<![\w-])([A-ZÀ-Ý][\w-]+\s+[A-ZÀ-Ý][\w-]+)(?![\w-])")
# What cannot qualify a name: frame words, verbs and links after it ("de la MSA peut-il", "de la CAF et …").
_NOT_QUALIFYING = frozenset(
    re.findall(
        r"\S+",
        """de du des d la le les l et ou a au aux en pour dans sur avec par est sont peut peuvent doit doivent
    il elle ils elles on qui que qu quand si ne n y se s mais car donc or ni""",
    )
)


def foreign_text(question: str, phrases: CorpusPhrases) -> str | None:
    """A text the question names by its kind and year that no passage or title of the texts names so (else None):
    "la convention de 1951" → "convention 1951"."""
    text = fold(question.replace("’", "'")).replace("'", " ")
    for match in _DATED_TEXT.finditer(text):
        kind, year = match.group(1), match.group(2)
        if not phrases.names_dated(kind, year):
            return f"{kind} {year}"
    return None


def cited_texts(question: str, phrases: CorpusPhrases, titles: Sequence[str]) -> list[str]:
    """The texts the question names by kind and year that the indexed texts cite but do not hold (oos19): some
    passage names them so (`names_dated`: "sur la base des dispositions du protocole d'accord du 23 juillet 2015
    relatif aux frais de déplacement"), and no indexed text's title carries that year. Their content (a meal's
    ceiling, the 2004 classification's grid) is not in the corpus; the answer says so rather than let the citing
    sentence stand for it."""
    text = fold(question.replace("’", "'")).replace("'", " ")
    held = " ".join(fold(title) for title in titles)
    found: list[str] = []
    for match in _DATED_TEXT.finditer(text):
        kind, year = match.group(1), match.group(2)
        if year not in held and phrases.names_dated(kind, year):
            found.append(
                question.replace("’", "'")[match.start() : match.end()]
                if len(text) == len(question)
                else f"{kind} {year}"
            )
    return list(dict.fromkeys(found))


# A text to come, named by its kind (oos19): "le prochain accord", "la future convention". The indexed texts are the
# versions signed; one not yet signed is none of them, whatever it may say. Not "le nouvel avenant": the texts call
# the 2022 avenant so themselves ("le nouvel avenant au protocole d'accord de formation"), and so do users.
_FUTURE_TEXT = re.compile(
    r"\b(prochaine?s?|futurs?|futures?)\s+"
    r"(lois?|decrets?|conventions?|accords?|protocoles?|avenants?|circulaires?)\b"
)


def foreign_future_text(question: str, phrases: CorpusPhrases) -> str | None:
    """A text the question names as one to come ("le prochain accord formation va-t-il augmenter la prime ?") that no
    passage names so (else None): the texts cannot say what a later version will hold; they give only their own
    rule and its dates ("pour les années 2023 à 2025, le taux … est maintenu à 0,15 %")."""
    original = unicodedata.normalize("NFC", question.replace("’", "'"))
    text = fold(original).replace("'", " ")  # letter for letter: the phrase is cut out of the original
    for match in _FUTURE_TEXT.finditer(text):
        if not phrases.speaks_of(match.group(0)):
            return original[match.start() : match.end()]
    return None


# An act of the State named by its kind and its object, not its date ("l'arrêté d'extension", "le décret
# d'application"): the kinds the branch's own texts are not (a circular, a protocol, an accord, an avenant, a
# convention are named by users in many ways: "la circulaire de mise en œuvre" is an indexed text).
_ACT_OF = re.compile(
    r"\b(lois?|decrets?|arretes?|ordonnances?)\s+(?:d|de|du)\s+(?!(?:la|le|les|l|un|une|ce|cette|ces)\b)([a-z][a-z-]{3,})"
)


def foreign_act(question: str, phrases: CorpusPhrases) -> str | None:
    """An act of the State the question names by its kind and object that no passage names so (else None):
    "À quelle date l'arrêté d'extension de l'avenant a-t-il été publié ?" → "arrete extension". The texts say they
    will be "déposé pour extension auprès du ministère chargé du travail"; the order extending them is another text,
    whose date or number they cannot give. A name after the kind ("la loi Avenir") is left to the other checks."""
    original = unicodedata.normalize("NFC", question.replace("’", "'"))
    text = fold(original).replace("'", " ")  # letter for letter: the object's first letter is read as written
    for match in _ACT_OF.finditer(text):
        if original[match.start(2)].isupper():
            continue
        act = f"{match.group(1)} {match.group(2)}"
        if not phrases.speaks_of(act):
            return act
    return None


# Who runs a scheme, after a passive verb: "organisée par l'Éducation nationale", "géré par le CNFPT" (folded).
_RUN_BY = re.compile(
    r"\b(?:organise|organisee|organises|organisees|gere|geree|geres|gerees|delivre|delivree|delivres|delivrees|"
    r"propose|proposee|proposes|proposees|dispense|dispensee|dispenses|dispensees|pilote|pilotee|pilotes|pilotees)"
    r"\s+par\s+(?:la|l|le|les)\s+"
)
_NAME = re.compile(r"[A-ZÀ-Ý][\w-]*(?:\s+[a-zà-ÿ][\w-]*)?")


def foreign_runner(question: str, phrases: CorpusPhrases) -> str | None:
    """The body the question says runs the scheme, named in capitals after a passive verb, when the texts never name
    it (else None): "La VAE collective organisée par l'Éducation nationale dure combien de mois ?" → "Éducation
    nationale". The scheme is then that body's, not the branch's (art. 7 of the accord: the CPNEFP "encourage la
    démarche collective de validation des acquis de l'expérience"); a body of the texts ("délivré par la CPNEFP",
    "organisé par l'Institut 4.10") is theirs. A common noun ("par le jury local") is left to the other checks."""
    original = unicodedata.normalize("NFC", question.replace("’", "'"))
    text = fold(original).replace("'", " ")  # letter for letter: the name is read as written
    for match in _RUN_BY.finditer(text):
        found = _NAME.match(original, match.end())
        if found is None:
            continue
        name = _name(found.group(0).split(), phrases)
        if name is not None and not _named_by_texts(name, phrases):
            return name
    return None


# A kind of collective text followed by its name in capitals: "la convention Syntec", "l'accord Bercy".
_NAMED_TEXT = re.compile(r"\b(?:[Cc]onventions?|[Aa]ccords?|[Aa]venants?|[Pp]rotocoles?)\s+([A-ZÀ-Ý][\w-]*)")


def foreign_named_text(question: str, phrases: CorpusPhrases) -> str | None:
    """A collective text the question names by its kind and a name in capitals that the texts never write nor spell
    out (else None): "dans la convention Syntec" → "Syntec". The branch's own ("la convention COS": the
    initials of "conseiller offres de service"; "l'accord Ucanss") are theirs."""
    original = unicodedata.normalize("NFC", question.replace("’", "'"))
    for match in _NAMED_TEXT.finditer(original):
        name = match.group(1)
        if re.search(r"\d", name) or _named_by_texts(name, phrases):
            continue
        return name
    return None


def foreign_organisation(question: str, phrases: CorpusPhrases) -> str | None:
    """An organisation the question names in capitals after an article, in the person it asks about or in who
    asks, that the texts never name (else None): "un AESH de l'Éducation nationale peut-il…" → "Éducation
    nationale"; "Pour un agent de la MSA, …" → "MSA". An acronym the `passages` spell out ("de l'AAH":
    "l'allocation aux adultes handicapés") is theirs. A name elsewhere in the message ("…, ou seulement un
    diplôme de l'Éducation nationale ?") is something the question compares, not the framework it asks under."""
    original = unicodedata.normalize("NFC", question.replace("’", "'"))
    starts = {m.start(1) for m in re.finditer(r"(?:^|[.!?:]\s+|\n)\s*(\S)", original)}
    asker = original[: len(original) - len(without_asker(original))]
    # the subject of the sentence that asks ("Extrait du compte rendu du CODIR : … Du coup, la prime… ?" asks
    # about the bonus, the header is context), and who asks
    asked = subject_phrase(asking_clause(without_asker(original, roles_only=True)))
    about = set(re.findall(r"[\w-]+", f"{asked} {fold(asker)}"))
    for match in _ORGANISATION.finditer(original):
        words = match.group(1).split()
        if match.start(1) in starts or re.search(r"-(?:t-)?(?:il|elle|ils|elles|on)$", fold(words[0])):
            continue
        name = _name(words, phrases)
        if name is None or not set(re.findall(r"[\w-]+", fold(name))) <= about:
            continue
        if not _named_by_texts(name, phrases):
            return name
    for match in _COMPOUND.finditer(original):
        words = match.group(1).split()
        if match.start(1) in starts or not set(re.findall(r"[\w-]+", fold(match.group(1)))) <= about:
            continue
        if all(_word_of_texts(w, phrases) for w in words) and not _named_by_texts(match.group(1), phrases):
            return match.group(1)
    return None


def _word_of_texts(word: str, phrases: CorpusPhrases) -> bool:
    """The texts write `word`, as a name with its capital or as a common noun."""
    return phrases.writes_name(word) or phrases.writes_lowercase(fold(word))


def _name(words: list[str], phrases: CorpusPhrases) -> str | None:
    """The organisation's name: its capitalised word, with the lower-case word after it when the first is a common
    noun of the texts written with a capital ("Éducation nationale", not "Cpam depuis")."""
    first = fold(words[0])
    if re.search(r"\d", first):
        return None
    if len(words) == 2 and phrases.writes_lowercase(first) and fold(words[1]) not in _NOT_QUALIFYING:
        return " ".join(words)
    return words[0]


def _named_by_texts(name: str, phrases: CorpusPhrases) -> bool:
    """Some passage writes the name (folded, word for word: a name is not its words' stems, "Assistance publique" is
    not "assistants … santé publique"), or spells out the acronym it is."""
    if phrases.writes_name(name):
        return True
    return bool(re.fullmatch(r"[A-Z]{2,6}", name)) and phrases.spells_out(fold(name))
