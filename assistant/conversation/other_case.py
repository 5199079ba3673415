"""The ordinary case asked after a particular one: "et pour quelqu'un qui n'est dans aucun de ces cas ?".

After "Jusqu'à combien de mois peut durer une Pro-A pour un salarié bénéficiaire du RSA ?" (36 months, a public the
article lists), the user asks about everyone else. Merged into the earlier question as a circumstance, the message
kept the RSA and the answer repeated 36 months. The message names no fact of its own: it takes the particular case
out. So the earlier question is asked again without the complement that tells its case (the last "pour un …",
"pour une …" naming a person, not a scheme), and with "en temps normal", the words the calculators and the
retrieval read as the ordinary case (art. 2.4: "Le dispositif Pro-A s'étend sur une durée comprise entre 6 et
12 mois").
"""

from __future__ import annotations

import re

from assistant.conversation.subject import Subject, find_subject
from text.folding import same_length

# the other case, said by what it is not ("aucun de ces cas", "hors de ces cas", "les autres cas") or by what it is
# ("le cas général", "un salarié lambda", "en temps normal")
_ORDINARY = re.compile(
    r"\b(?:aucun(?:e)? de (?:ces|ses|leurs|tous ces) (?:cas|situations|publics|categories|conditions)"
    r"|(?:hors|en dehors) de (?:ces|ce|cette) (?:cas|situations?|publics?|categories?)"
    r"|(?:les|tous les|dans les) autres cas|(?:le|dans le|au) cas (?:general|normal|ordinaire|standard|classique)"
    r"|en temps (?:normal|ordinaire)|en regle generale|dans la majorite des cas"
    r"|(?:salariee?|agente?|personne|quelqu'un|cas|profil) (?:lambda|ordinaire|classique|standard|normale?)\b"
    r"|(?:qui )?n'(?:est|entre|rentre|releve)\w* (?:dans|d')? ?aucun)"
)
# the complement telling the particular case: "pour un salarié bénéficiaire du RSA", "pour une jeune de 20 ans"
# (each start is tried: "une Pro-A pour une salariée qui touche l'AAH" holds a scheme's "pour une", then the case's)
_CASE_COMPLEMENT = re.compile(
    r"(?=(\s*,?\s*\b(?:pour|chez) (?:un|une|des|les|mon|ma|mes|son|sa|quelqu'un|celui|celle|ceux)\b[^?,;:]*))"
)
_WORDS = re.compile(r"[^\W\d_]+|\d+")


def asks_ordinary_case(message: str) -> bool:
    """The message asks about the ordinary case, and nothing else (a dozen words at most)."""
    folded = same_length(message).lower()
    return bool(_ORDINARY.search(folded)) and len(_WORDS.findall(folded)) <= 14


def ordinary_question(question: str, subject: Subject | None = None) -> str | None:
    """`question` without its last complement telling a person's case, asked "en temps normal"; when the case is
    told in clauses before the one asking ("Mon fils de 20 ans, sans diplôme, … : jusqu'à combien de mois … ?"),
    that asking clause about `subject`. None when neither is found."""
    folded = same_length(question)
    complements = [m for m in _CASE_COMPLEMENT.finditer(folded.lower()) if find_subject(m.group(1)) is None]
    if complements:
        first = complements[0]  # (the earliest start holding no scheme: the whole complement of the case)
        head, tail = question[: first.start(1)].rstrip(" ,"), question[first.end(1) :].strip()
        tail = tail if tail.strip(" ?.!") else "?"
        return f"{head}, en temps normal {tail}"
    asking = question.rsplit(":", 1)
    if len(asking) == 2 and subject is not None and asking[1].strip(" ?.!"):
        clause = asking[1].strip().rstrip(" ?.!")
        return f"{subject.name[:1].upper()}{subject.name[1:]} : {clause}, en temps normal ?"
    return None
