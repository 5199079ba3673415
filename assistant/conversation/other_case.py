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


# the two ends of a range, as the texts and the users say them; each word's opposite
_OPPOSITE_ENDS = {
    "minimale": "maximale",
    "minimales": "maximales",
    "minimal": "maximal",
    "minimaux": "maximaux",
    "minimum": "maximum",
    "mini": "maxi",
    "au moins": "au plus",
    "plancher": "plafond",
    "plus courte": "plus longue",
    "plus court": "plus long",
}
_OPPOSITE_ENDS |= {b: a for a, b in _OPPOSITE_ENDS.items()}
_END_WORDS = "|".join(sorted((re.escape(w) for w in _OPPOSITE_ENDS), key=len, reverse=True))
_END = re.compile(rf"\b(?:{_END_WORDS})\b")
# the other end asked alone: "et au maximum ?", "et le plafond ?", "et la plus longue ?", "et maxi ?"
_OTHER_END_ALONE = re.compile(
    r"^(?:\s|[,;:]|\b(?:et|mais|alors|ok|du coup|donc|sinon)\b)*(?:(?:au|le|la|en) )?(?:duree )?"
    r"(?P<end>maximum|minimum|maxi|mini|max|min|plafond|plancher|maximale|minimale|plus longue?|plus courte?)"
    r"(?:[ ,]+(?:alors|donc|du coup))?\s*[?!.…]*\s*$"
)
_SHORT = {"max": "maximum", "min": "minimum"}


def other_end(question: str, message: str) -> str | None:
    """ "Et au maximum ?" after "Quelle est la durée minimale des enseignements … ?": the previous question with its
    end of the range turned into the other one ("… la durée maximale …"); None when the message asks more than the
    other end, or the previous question names no end or already the one asked."""
    asked = _OTHER_END_ALONE.match(same_length(message).lower())
    if asked is None:
        return None
    wanted = _SHORT.get(asked.group("end"), asked.group("end"))
    folded = same_length(question).lower()
    ends = list(_END.finditer(folded))
    if not ends or any(_same_end(m.group(), wanted) for m in ends):
        return None
    for m in reversed(ends):  # (offsets kept by the folding: each end replaced in the typed question)
        opposite = _OPPOSITE_ENDS[m.group()]
        question = question[: m.start()] + opposite + question[m.end() :]
    return question


def _same_end(word: str, wanted: str) -> bool:
    """Whether `word` names the end `wanted` names (both of the maximum's side, or both of the minimum's)."""
    high = ("max", "plafond", "plus long", "au plus")
    return any(h in word for h in high) == any(h in wanted for h in high)
