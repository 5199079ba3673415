"""A question asked in English, or framed by English sentences, read in the texts' French (issue #13, point 2).

Why: the texts are French, and every reader after the router checks the question's words against theirs
(the topic cues, the keyword search, the check that the passages speak of the question's subject). "How
many trainees can a single tutor supervise?" shares no word with "chaque tuteur accompagne, au maximum,
3 salariés", so it was refused as a subject the texts never treat, although the meaning model reads it
right. The language is read from the message's own grammar, its function words (a closed class: "the",
"does", "how", "of"…), never from its subject:

* a sentence in English beside a French question ("My colleague asked me this: combien de … ? Thanks!")
  is framing: cut (`drop_english`), so its first person ("me") does not make the rule a case to complete;
* a message written in English is given to the readers in French (`in_french`): its interrogative and its
  words of the texts' own vocabulary are replaced by the French terms the texts define (the glossary below
  is the texts' defined terms — tutor, internal trainer, bonus, professional interview… — not phrases of
  any question), its other function words dropped. The answer then quotes the French text, figure included.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.french import STOP_WORDS

# English function words: articles, pronouns, auxiliaries, prepositions, interrogatives (a closed class).
_ENGLISH = frozenset(
    re.findall(
        r"\w+",
        "the a an of to in on at for from by with under over about into than this that these those it its is are "
        "was were be been being do does did done have has had can could must should shall will would may might "
        "how what when where which who whom whose why many much there their they them we our you your i my me "
        "he she his her not no any some each every if or and but so as get gets got per according please "
        "thanks thank hi hello yes cheers regards",
    )
)
# the words French writes too ("un an", "Titre I", "a-t-il", "on", "me") are no sign of English
_NOT_FRENCH = _ENGLISH - STOP_WORDS - {"a", "an", "i", "on", "me", "as", "per", "no", "but", "do", "if"}
_SALUTATIONS = frozenset({"thanks", "cheers", "regards", "hello", "hi"})
MIN_ENGLISH_WORDS = 3  # a segment this long, most of its function words English, is English
# The French questions the interrogatives ask, first the two-word ones.
_INTERROGATIVES = (
    ("how many", "combien de"),
    ("how much", "combien"),
    ("how long", "quelle durée"),
    ("how often", "tous les combien"),
    ("what is", "quel est"),
    ("what are", "quels sont"),
    ("when", "quand"),
    ("who", "qui"),
    ("where", "où"),
    ("which", "quel"),
    ("what", "quel"),
    ("how", "comment"),
    ("why", "pourquoi"),
)
# The texts' defined terms in English (one French term each, as the texts write it). Plurals are read by the
# trailing "s" rule of `_term`.
_GLOSSARY = {
    "tutor": "tuteur", "mentor": "tuteur", "tutoring": "tutorat", "mentoring": "tutorat",
    "trainer": "formateur", "instructor": "formateur", "internal": "interne", "in-house": "interne",
    "bonus": "prime", "allowance": "prime", "premium": "prime", "point": "point", "month": "mois",
    "monthly": "par mois", "year": "année", "yearly": "annuel", "annual": "annuel", "annually": "par an",
    "ceiling": "plafond", "cap": "plafond", "maximum": "maximum", "minimum": "minimum", "limit": "plafond",
    "paid": "versée", "pay": "rémunération", "payment": "versement", "salary": "rémunération",
    "wage": "rémunération", "employee": "salarié", "worker": "salarié", "staff": "salariés",
    "trainee": "salarié", "apprentice": "alternant", "employer": "employeur", "agreement": "accord",
    "amendment": "avenant", "addendum": "avenant", "branch": "branche", "interview": "entretien",
    "professional": "professionnel", "review": "bilan", "appraisal": "entretien annuel", "training": "formation",
    "course": "formation", "leave": "congé", "absence": "absence", "hour": "heures", "day": "jours",
    "half-day": "demi-journée", "contribution": "contribution", "rate": "taux", "payroll": "masse salariale",
    "counselling": "conseil", "counseling": "conseil", "advice": "conseil", "career": "évolution professionnelle",
    "work-study": "alternance", "apprenticeship": "alternance", "professionalisation": "professionnalisation",
    "professionalization": "professionnalisation", "contract": "contrat", "duration": "durée", "length": "durée",
    "long": "durée", "certificate": "certificat", "certification": "certification", "diploma": "diplôme",
    "degree": "diplôme", "exam": "examen", "examination": "examen", "grade": "note", "mark": "note",
    "written": "écrit", "oral": "oral", "eligible": "bénéficier", "entitled": "droit", "right": "droit",
    "funding": "financement", "financed": "financement", "funded": "financement", "cost": "coûts",
    "guarantee": "garantie", "guaranteed": "garantie", "access": "accès", "signed": "signé",
    "supervise": "accompagne", "supervised": "accompagnés", "accompany": "accompagne", "follow": "accompagne",
    "held": "réalisés", "every": "tous les", "without": "sans", "never": "sans", "after": "après", "before": "avant",
    "level": "niveau", "qualification": "qualification", "validation": "validation", "experience": "expérience",
    "prior": "acquis", "learning": "acquis", "jury": "jury", "candidate": "candidat", "organisation": "organisme",
    "organization": "organisme", "fund": "financement", "funds": "financement", "finance": "financement",
    "tutored": "tutoré", "six": "6", "four": "4", "three": "3",
    "two": "2", "one": "1", "twelve": "12", "end": "fin", "action": "action", "following": "suivant",
    "next": "suivant", "part-time": "temps partiel", "prorated": "proratisée", "pro-rated": "proratisée",
}  # fmt: skip
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'-]*")  # "baccalauréat" is one word
_SEGMENT = re.compile(r"[^.!?:\n]*[.!?:\n]+|[^.!?:\n]+$")


def is_english(segment: str) -> bool:
    """The segment is written in English: more of its function words English-only than French ones, two of
    them at least, or one in a short segment with no French one ("Thanks a lot!")."""
    words = [w.lower() for w in _WORD.findall(segment)]
    english = sum(w in _NOT_FRENCH for w in words)
    french = sum(w in STOP_WORDS and w not in _ENGLISH for w in words)
    if len(words) == 1 and english == 1 and words[0] in _SALUTATIONS:  # "Cheers!", "Thanks."
        return True
    if len(words) < MIN_ENGLISH_WORDS - 1 or english <= french:
        return False
    return english >= 2 or (french == 0 and len(words) <= MIN_ENGLISH_WORDS + 1)  # "Thanks a lot!"


def drop_english(text: str, keep: Callable[[str], bool] | None = None) -> str:
    """The text without its English sentences when a French sentence asks the question beside them; those
    `keep` holds (an order, left to the guard that reports it) stay."""
    segments = [m.group() for m in _SEGMENT.finditer(text) if m.group().strip()]
    english = [is_english(s) and not (keep and keep(s)) for s in segments]
    if not any(english) or not any("?" in s and not e for s, e in zip(segments, english, strict=True)):
        return text
    return "".join("\n" if e else s for s, e in zip(segments, english, strict=True)).strip()


def in_french(text: str) -> str:
    """A message written in English with its interrogatives and the texts' terms in French, its other English
    function words dropped; any other message as it is."""
    segments = [m.group() for m in _SEGMENT.finditer(text) if m.group().strip()]
    if not segments or not all(is_english(s) or not _WORD.search(s) for s in segments):
        return text
    out = text
    for english, french in _INTERROGATIVES:
        out = re.sub(rf"\b{english}\b", french, out, flags=re.IGNORECASE)
    out = _WORD.sub(lambda m: _term(m.group()), out)
    return re.sub(r"\s+([?.!,:])", r"\1", re.sub(r"\s+", " ", out)).strip()


def _term(word: str) -> str:
    lower = word.lower()
    for form in (lower, lower[:-1] if lower.endswith("s") else None, lower[:-2] if lower.endswith("es") else None):
        if form and form in _GLOSSARY:
            return _GLOSSARY[form] + ("s" if form != lower and not _GLOSSARY[form].endswith(("s", "x")) else "")
    if lower in _ENGLISH:  # the message is English: "a", "on", "I" are English too
        return ""
    return word


# The glossary's English words that French never writes, plus the workplace English a French sentence borrows for
# the texts' terms ("blocks de skills", "c'est mandatory", "career coaching", "du off payé"). Words French writes
# too ("point", "action", "long", "cap", "note", "course", "formation", "employer") are left out: in a French
# sentence they are French.
_BORROWED = {
    **{
        w: _GLOSSARY[w]
        for w in (
            "tutor", "mentor", "tutoring", "mentoring", "trainer", "instructor", "in-house", "allowance", "monthly",
            "yearly", "annually", "ceiling", "salary", "wage", "employee", "worker", "staff", "trainee",
            "agreement", "amendment", "addendum", "appraisal", "payroll", "counselling", "counseling", "career",
            "work-study", "apprenticeship", "duration", "diploma", "degree", "funding", "financed", "funded",
            "entitled", "eligible", "tutored", "part-time", "prorated", "pro-rated", "half-day",
        )
    },
    "skill": "compétences", "skills": "compétences", "block": "blocs", "blocks": "blocs", "coaching": "accompagnement",
    "mandatory": "obligatoire", "compulsory": "obligatoire", "reskilling": "reconversion", "upskilling": "promotion",
    "onboarding": "intégration", "per": "par", "month": "mois", "monthly": "par mois",
}  # fmt: skip


def franglais(text: str) -> str:
    """A French message with its borrowed English words in the texts' French ("combien de blocks de skills ?" →
    "combien de blocs de compétences ?"); a message written in English is `in_french`'s, one without them as is."""
    if not _BORROWED_WORD.search(text):
        return text
    return _BORROWED_WORD.sub(lambda m: _BORROWED[m.group(1).lower()], text)


_BORROWED_WORD = re.compile(
    r"(?<![\w'-])(" + "|".join(sorted(map(re.escape, _BORROWED), key=len, reverse=True)) + r")(?![\w'-])", re.IGNORECASE
)
