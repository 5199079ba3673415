"""The place a question is framed in, put in front of it: another employer's or sector's rule (issue #21).

Why: "Dans une mairie, combien de temps peut durer un contrat de professionnalisation ?", "Chez La Poste, les
formateurs occasionnels touchent-ils une prime ?", "À l'hôpital public, les infirmières ont-elles un entretien
professionnel tous les deux ans ?" ask about a scheme the texts set (the contrat de professionnalisation, the
internal trainer's bonus, the professional interview), so the subject check finds its article and the router reads
its topic clearly; but the rule asked is the one of the place written in front of the question, which the branch's
texts are not. French puts the frame of a whole sentence first, as an adjunct closed by a comma ("Dans X, …",
"Chez X, …", "À X, …"); `qualifiers.foreign_domain` reads "la branche des X" and a sector by its initials, not a
plain employer or sector named so.

The place is foreign when its noun phrase holds a common word the texts never use ("mairie", "hôpital", "grande
distribution", "hôtels-cafés-restaurants") or is a name in capitals that no passage writes ("La Poste"); a place of
the asker's own world is left alone: a possessive or a demonstrative ("Dans ma caisse,", "Dans ce cas,"), a figure
("Dans 3 mois,", "À 45 ans,"), a name's complement ("Dans une Caf de l'Ain,": the Caf is the texts'). Nothing here
lists sectors or employers: what the texts hold is read from the texts.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.answering.corpus_words import CorpusPhrases, CorpusWords
from assistant.routing.extraction.folding import fold

# A sentence's first words: the message's start, or after an end of sentence or a colon.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)")
# The place adjunct: a preposition of place, its noun phrase (at most eight words, no punctuation), the comma.
_FRONTED = re.compile(r"(?i:dans|chez|à|au|aux|a)\s+([^,.;:!?()\n]{2,80}?)\s*,")
# The same frame read only for a name (oos19): "En Belgique, …" ("en" also opens "En CDI,", "En bref,", "En 2027,",
# whose words are the texts' or no place), and an apposition of the person before it, "Cheminot à la SNCF, …",
# "Infirmière chez Korian, …" (one word before the preposition: the person's job, said in the asker's words).
_FRONTED_NAME = re.compile(r"(?:[\w-]+\s+)?(?i:dans|chez|à|au|aux|(en))\s+([^,.;:!?()\n]{2,80}?)\s*,")
_ARTICLES = frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "de", "d"})
# What makes the place the asker's own, or no place at all: possessives, demonstratives, pronouns, and the
# interrogatives of a question that opens with its preposition ("À qui signaler…", "à partir de quand…").
_OWN = frozenset(
    re.findall(
        r"\S+",
        """mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces quel quelle quels
    quelles qui quoi quand combien comment ou partir nous vous moi toi lui eux elle elles tout tous toute toutes
    chaque certains certaines""",
    )
)
# Nouns of the adverbial locutions built like a place ("dans l'ordre", "au final", "à l'inverse"): French grammar,
# not places.
_LOCUTIONS = frozenset(
    re.findall(
        r"\S+",
        """ordre ensemble fond final finale passage inverse ideal principe pratique theorie resume bref clair gros
    total fait terme epoque avance ailleurs besoin cas cadre attente""",
    )
)
_LINKS = frozenset({"de", "du", "des", "d"})
_INVERTED = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on)$")
_MAX_WORDS = 8


def foreign_setting(question: str, vocabulary: CorpusWords, phrases: CorpusPhrases) -> str | None:
    """The place written in front of one of the message's sentences, when the texts never speak of it (else None):
    "Dans une mairie, …" → "mairie"; "Chez La Poste, …" → "La Poste"."""
    original = unicodedata.normalize("NFC", question.replace("’", "'"))
    asking = "?" in original
    for start in _SENTENCE_START.finditer(original):
        match = _FRONTED.match(original, start.end())
        # the sentence that asks: a place framing a claim said before the question ("Dans la chanson du pot, le
        # tuteur touche 100 points. Et dans l'accord ?") is not the question's
        if match is None or (asking and "?" not in re.split(r"[.!]\s", original[match.end() :])[0]):
            continue
        found = _foreign_place(match.group(1), vocabulary, phrases)
        if found is not None:
            return found
    for start in _SENTENCE_START.finditer(original):
        match = _FRONTED_NAME.match(original, start.end())
        if match is None or (asking and "?" not in re.split(r"[.!]\s", original[match.end() :])[0]):
            continue
        place = match.group(2)
        if match.group(1) and place.isupper():
            continue  # initials after "en" ("En ETP,", "en CDD,") are a unit or a contract, not a country
        found = _foreign_place(place, vocabulary, phrases, names_only=True)
        if found is not None:
            return found
    return None


def _foreign_place(
    phrase: str, vocabulary: CorpusWords, phrases: CorpusPhrases, names_only: bool = False
) -> str | None:
    """The place's name or its first word the texts never use; None for a place of the asker's own world.
    `names_only`: a place read only when it is a name (`_FRONTED_NAME`)."""
    words = re.findall(r"[\w-]+", phrase.replace("'", " "))
    if not words or len(words) > _MAX_WORDS or any(re.search(r"\d", w) or _INVERTED.search(w) for w in words):
        return None
    if any(fold(w) in _OWN for w in words):
        return None
    head = [w for w in words if fold(w) not in _ARTICLES]
    if not head or fold(head[0]) in _LOCUTIONS:
        return None
    if names_only and not head[0][0].isupper():
        return None
    if head[0][0].isupper():  # a name: "Orange"; "La Poste", its article written with a capital, is one
        article = words[: words.index(head[0])]
        name = " ".join([*article, head[0]]) if article and article[0][0].isupper() else head[0]
        return None if phrases.writes_name(name) else name
    own: list[str] = []
    for word in words[words.index(head[0]) :]:
        folded = fold(word)
        # the place's own words, not its complement: "à la sortie d'un contrat réussi" is a moment of the texts'
        # contract, "une Caf de l'Ain" the texts' own employer
        if folded in _LINKS or word[0].isupper():
            break
        if len(folded) >= 4 and not vocabulary.knows(folded) and not phrases.speaks_of(folded):
            return folded
        own.append(folded)
    return _foreign_sector(words, own, phrases)


def _foreign_sector(words: list[str], own: list[str], phrases: CorpusPhrases) -> str | None:
    """A sector named with the texts' own words, as a whole phrase they never write (oos20): "Dans l'enseignement privé
    sous contrat, …" (the texts write "l'enseignement secondaire", "privé" and "contrat", never the phrase). Only
    behind a definite article (a sector, not the asker's "dans une grande caisse"), only a phrase of two words at
    least (one word is read above), and not one holding a kind of the texts or of their employers ("Dans l'accord
    consolidé, …", "Dans la convention COS, …", "Dans les grandes caisses, …": the question is about an indexed text
    or the branch's own organisations, in the asker's words)."""
    if len(own) < 2 or fold(words[0]) not in _DEFINITE or _TEXT_KINDS & set(own):
        return None
    phrase = " ".join(own)
    return None if phrases.speaks_of(phrase) else phrase


_DEFINITE = frozenset({"le", "la", "les", "l"})
# The kinds of text the indexed texts are, their parts, and the nouns they name their employers by: a phrase holding
# one names them, not another sector.
_TEXT_KINDS = frozenset(
    re.findall(
        r"\S+",
        """accord accords avenant avenants protocole protocoles convention conventions circulaire circulaires texte
    textes article articles annexe annexes preambule fiche fiches note notes document documents version versions
    caisse caisses organisme organismes branche branches regime reseau reseaux institution service services""",
    )
)


# Where the person works, said in the present: a noun or verb of employment, then the employer by its kind ("salariée
# d'une enseigne d'optique", "je travaille dans une clinique", "agent territorial dans un CCAS"), folded, apostrophes
# as spaces. A contract or an adjective of the job may stand between them ("salarié en CDI d'une …", "agent
# contractuel d'une …"); not a relation ("agent titulaire d'un BTS": a diploma held, not an employer).
_WORKS_AT = re.compile(
    r"\b(?:salarie|salariee|salaries|salariees|employe|employee|employes|employees|travaille|travaillons|"
    r"travaillent|bosse|bossons|agent|agente|agents|fonctionnaire)\s+(?:(?:a temps (?:plein|partiel)|en cdi|en cdd|"
    r"[a-z]+(?:al|ale|el|elle|if|ive|ien|ienne|ier|iere|ique))\s+)?"
    r"(?:d un|d une|dans un|dans une|chez un|chez une|pour un|pour une|au sein d un|au sein d une|(de l|de la|du))\s+"
)
# "Notre clinique privée relève de la convention …": the employer as the subject of a verb of belonging.
_OUR_EMPLOYER = re.compile(
    r"(?:^|[.!?:;]\s+)(?:notre|mon|ma)\s+(?=[a-z-]+(?:\s+[a-z-]+){0,3}\s+(?:releve|applique|depend|est rattachee?)\b)"
)
# What was, not what is: a past employer is the asker's history ("avant, j'ai été salariée 5 ans dans une banque"),
# which the texts may count (a CEP's seniority), not the framework of the question.
_PAST = re.compile(r"\b(?:ai ete|avais|etais|etait|avant|auparavant|precedemment|ancien|ancienne|autrefois|il y a)\b")
# Words that end the employer's noun phrase: relatives, conjunctions, verbs of the frame, prepositions of another
# complement.
_EMPLOYER_ENDS = frozenset(
    re.findall(
        r"\S+",
        """qui que qu dont ou et mais releve applique depend est sont a ont peut doit je j il elle on pour avec
    depuis en""",
    )
)
_EMPLOYER_WORDS = 4


def foreign_workplace(question: str, vocabulary: CorpusWords, phrases: CorpusPhrases) -> str | None:
    """The present employer of the person the question is about, named by a word the texts never use or a name they
    never write (else None): "Opticien salarié d'une enseigne d'optique, …" → "optique"; "Notre clinique privée
    relève de …" → "clinique". The texts are the branch's agreements for the organismes of the régime général; a
    shop or a clinic is another employer, under another convention. An employer of theirs named in the phrase ("une
    clinique de l'Ugecam") is theirs, and a past one ("j'ai été salariée dans une banque") is the asker's history."""
    original = unicodedata.normalize("NFC", question.replace("’", "'"))
    text = fold(original).replace("'", " ")  # letter for letter: a match is cut out of the original
    for pattern in (_WORKS_AT, _OUR_EMPLOYER):
        for match in pattern.finditer(text):
            clause = max(text.rfind(",", 0, match.start()), text.rfind(".", 0, match.start()), 0)
            if _PAST.search(text[clause : match.start()]):
                continue
            status = match.group(0).split()[0]
            if _unknown_status(status, vocabulary):
                # a status the texts never give their staff (oos19): "Fonctionnaire de l'État, …" works under the
                # civil service's rules, whatever employer follows; their staff are "salariés" and "agents"
                return status
            words = _employer_words(original, text, match.end())
            if pattern is _WORKS_AT and match.group(1) and not (words and words[0][1][:1].isupper()):
                continue  # "de la / du" names an employer by its name only: "agent de l'INAMI", not "agents du …"
            found = _foreign_employer(words, vocabulary, phrases)
            if found is not None:
                return found
    return None


def _unknown_status(status: str, vocabulary: CorpusWords) -> bool:
    """The noun of employment (not a verb: "je bosse dans …") is one the texts never write, in any of its
    forms: read word for word, not by stem ("fonctionnaire" shares its stem with the texts' "fonction")."""
    if status.startswith(("travaill", "boss")):
        return False
    base = status.removesuffix("s").removesuffix("e")
    return not any(form in vocabulary.words for form in {status, base, base + "e", base + "s", base + "es"})


def _employer_words(original: str, text: str, start: int) -> list[tuple[str, str]]:
    """The employer's noun phrase from `start`: (folded, as written) for each word, up to `_EMPLOYER_WORDS`."""
    words: list[tuple[str, str]] = []
    for match in re.finditer(r"[a-z0-9-]+|[,;:?!.()]", text[start:]):
        word = match.group(0)
        if not re.match(r"[a-z0-9]", word) or word in _EMPLOYER_ENDS or len(words) >= _EMPLOYER_WORDS:
            break
        words.append((word, original[start + match.start() : start + match.end()]))
    return words


def _foreign_employer(words: list[tuple[str, str]], vocabulary: CorpusWords, phrases: CorpusPhrases) -> str | None:
    """The employer's head noun, or the first noun of its complement ("enseigne d'optique"), when the texts never use
    it, or a name of the phrase they never write; None when the phrase names one of their employers ("une clinique
    de l'Ugecam") or holds a figure. An adjective after the head is how the user says which one ("une caisse
    primaire", the texts writing "CPAM"), not another kind of employer."""
    if not words or any(re.search(r"\d", folded) for folded, _ in words):
        return None
    names = [written for folded, written in words if written[:1].isupper() and folded not in _ARTICLES]
    if any(phrases.writes_name(name) for name in names):
        return None
    if names:
        return names[0]  # a name no passage writes: "chez un Leclerc"
    kinds: list[str] = []  # the head, then the first noun after a link
    linked = False
    for folded, _ in words:
        if folded in _ARTICLES:
            linked = linked or (bool(kinds) and folded in _LINKS)
            continue
        if not kinds or linked:
            kinds.append(folded)
            linked = False
    for folded in kinds[:2]:
        if len(folded) >= 4 and not vocabulary.knows(folded) and not phrases.speaks_of(folded):
            return folded
    return None
