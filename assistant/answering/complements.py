"""The complement of the question's subject after "à", and the qualifier of a CQP it names (issue #21).

Why: the subject check (`answering.answerable`) reads the question's head noun phrase up to the first
preposition, so "Combien d'heures de formation à la sécurité incendie … ?" is read as "heures de formation",
which the texts speak of everywhere; the article on the Pro-A's hours answered a question on fire safety
training. The same for "la formation à l'habilitation électrique", "une formation au secourisme": the
complement after "à" says WHICH training, and it is one the texts never name. Likewise "le CQP de la banque",
"le CQP d'agent immobilier": the texts name each of their CQPs, and a CQP qualified by words they never use is
another branch's.

Both are read from the message's grammar and checked against the texts themselves (`corpus_words`), never
against a list of topics:

* the **complement after "à"** of the subject's head: "à la / à l' / au / aux" (a definite article: "à un
  plafond", "à réfléchir" are no complement naming a kind of thing), written with its accent (a bare "a" is the
  verb "avoir": "un stagiaire a séché"), then a noun phrase. It moves the question elsewhere when it holds a
  word the texts never use (no typing slip of theirs, not a name written with a capital) and the texts never
  write the head with it. A time ("au printemps") or an interrogative ("à quelle fréquence") is no complement
  of kind;
* the **qualifier of a CQP**: the words after "CQP" up to the next preposition or verb ("de la banque",
  "d'agent immobilier"): another branch's CQP when the texts never write the CQP with those words and one of
  them is a word they never use as written (a typing slip of theirs, "gestionaire", is still theirs).
"""

from __future__ import annotations

import re

from assistant.answering.corpus_words import CorpusPhrases, CorpusWords
from assistant.routing.extraction.folding import fold
from assistant.routing.subject import asking_clause, subject_phrase, without_asker

MIN_LETTERS = 5  # shorter words are acronyms and clippings, which the vocabulary does not judge
# "à la / à l' / au / aux" written with the accent (folded afterwards), then the complement's words.
_TO_THE = re.compile(r"(?:\bà\s+(?:la|l'|les|le)\s*|\bau\s+|\baux\s+)([a-zà-ÿ][\w-]*(?:\s+[a-zà-ÿ'][\w'-]*){0,3})")
# A time or an interrogative after "à/au" says when or asks, it does not say which thing: "au printemps",
# "à quelle fréquence", "au moment de".
_NOT_KIND = frozenset(
    re.findall(
        r"\S+",
        """quel quelle quels quelles printemps ete automne hiver moment debut fin cours terme titre sein niveau
    total maximum minimum moins plus mieux lieu cas prorata avance envers""",
    )
)
# The words after "CQP" that name which one: up to three, links skipped, to the next boundary.
_CQP = re.compile(
    r"\bcqp\s+((?:(?:de|du|des|d|la|le|l|en)\s+)*[a-z][a-z-]+(?:\s+(?:de|du|des|d|la|le|l)?\s*[a-z][a-z-]+){0,2})"
)
_BOUNDARY = frozenset(
    re.findall(
        r"\S+",
        """a au aux en pour dans sur avec quand si pendant par chez depuis selon apres avant c est sont il elle ils
    elles on peut peuvent doit doivent faut et ou mais qui que qu quel quelle quels quelles comment combien ne n
    pas y vs ca cela me te se je tu nous vous""",
    )
)
_LINKS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "en"})
_VERB_PRONOUN = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on)$")  # "dépend-il": a verb, the phrase has ended


def _head(question: str) -> list[str]:
    """The heads of the subject read in the message and in its asking clause (who asks left out), folded."""
    asked = without_asker(question, roles_only=True)
    heads = (subject_phrase(asked, predicate=False), subject_phrase(asking_clause(asked), predicate=False))
    return [h for h in dict.fromkeys(heads) if h]


def foreign_complement(question: str, vocabulary: CorpusWords, phrases: CorpusPhrases) -> str | None:
    """The subject's head with its complement after "à", when the complement names a kind of thing the texts
    never speak of (else None): "Combien d'heures de formation à la sécurité incendie … ?" → "formation à
    sécurité incendie"."""
    original = question.replace("’", "'")
    names = {fold(w) for w in re.findall(r"\b[A-ZÀ-Ý][\w-]*", original)}
    folded = fold(original)
    for head in _head(original):
        last = head.split()[-1]
        # the complement right after the head's last word (as written: the accent of "à" tells it from "a")
        for match in re.finditer(rf"(?i)\b{re.escape(last)}\s+", folded):
            following = _TO_THE.match(original.lower(), match.end())
            if following is None:
                continue
            words: list[str] = []  # the complement's first two nouns, links skipped ("aux gestes de manutention")
            for word in fold(following.group(1)).replace("'", " ").split():
                if word in _BOUNDARY or len(words) == 2 or _VERB_PRONOUN.search(word):
                    break
                if word not in _LINKS:
                    words.append(word)
            if not words or words[0] in _NOT_KIND:
                continue
            unknown = [w for w in words if len(w) >= MIN_LETTERS and w not in names and not vocabulary.knows(w)]
            if unknown and not phrases.speaks_of(f"{last} {unknown[0]}"):
                return f"{head} à {' '.join(words)}"
    return None


def foreign_cqp(question: str, vocabulary: CorpusWords, phrases: CorpusPhrases) -> str | None:
    """A CQP named by words the texts never write with it, one of which they never use as written (else None):
    "le CQP de la banque" → "cqp banque", "le CQP d'agent immobilier" → "cqp agent immobilier". Only the words
    of the subject's head count ("le CQP suffit ?": a verb after it is what is said of it), and a name or initials
    written with a capital ("le CQP GC", "le CQP de Lucas") are the user's, not a CQP the texts should write."""
    original = question.replace("’", "'")
    names = {fold(w) for w in re.findall(r"\b[A-ZÀ-Ý][\w-]*", original) if not w.isupper() or len(w) <= 4}
    names.discard("cqp")
    in_heads = {w for head in _head(original) for w in head.replace("'", " ").split()}
    text = fold(original).replace("'", " ")
    for match in _CQP.finditer(text):
        words: list[str] = []
        for word in match.group(1).split():
            if word in _BOUNDARY or word in names or word not in (in_heads | _LINKS) or _VERB_PRONOUN.search(word):
                break
            if word not in _LINKS:
                words.append(word)
        if not words:
            continue
        long = [w for w in words if len(w) >= MIN_LETTERS]
        # a word no text uses, even as a slip, that they never write after "CQP" ("d'agent immobilier"); or a word
        # they use only as a slip of another ("banque"), when they never write the whole qualifier with "CQP"
        unknown = [w for w in long if not vocabulary.knows(w) and not phrases.speaks_of(f"cqp {w}")]
        slipped = [w for w in long if not vocabulary.uses(w)]
        if unknown or (slipped and not phrases.speaks_of("cqp " + " ".join(words))):
            return "cqp " + " ".join(words)
    return None
