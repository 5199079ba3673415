"""The asker's purpose told before a general question: context of the asker, not a case to apply a rule to.

Why (issue #13, class 1): advisers and employees often say first what they are doing with the texts, then ask.
"Je rédige la lettre d'information RH du mois prochain. Quels types de qualifications l'article 3.2 rend-il
accessibles … ?" read "du mois prochain" as the case's certification date and ran the professionalisation
calculator; "Je suis tutrice depuis peu et j'explore l'accord. À quel moment et en combien de fois la prime de
tutorat est-elle versée ?" made the tutor's bonus a case to complete and asked the mission's dates back. The
first sentence tells who asks and why (a document written, a text read, a point checked, a question received);
the question after it, in the third person or impersonal, asks the rule (art. 3.2's list, art. 4.3's "versée en
une seule fois à l'issue de la mission").

`question_frame.unrelated_story` already sets such a story apart when it shares no word with the question and
names no subject of the texts; a purpose sentence often does both ("tutrice", "l'accord"), so it is read here by
its own grammar: every sentence before the question holds a first-person verb of working on a text or a document,
or of being asked ("je prépare", "je relis", "j'explore", "je vérifie", "on m'a posé la question"). The question
is then routed alone, and only when it stands alone: no figure in the story (a date or a length told is a case),
no word in the question pointing back at the story or at a person it names ("ce diplôme", "peut-il", "sa prime"),
and no first person in the question (`router`: "ai-je droit …" applies the rule to the asker).
"""

from __future__ import annotations

import re

from assistant.routing.extraction.folding import fold
from assistant.routing.question_frame import story_and_question

# A first-person verb of working on a text or a document, of learning or checking, or of being asked: what the
# asker is doing, not a fact of their case. Read on folded text.
_PURPOSE = re.compile(
    r"\bje (?:me )?(?:redige|prepare|relis|lis|decouvre|compare|potasse|monte|anime|actualise|complete|rassemble|"
    r"documente|renseigne|ecris|etudie|revise|synthetise|verifie|epluche|parcours|consulte)\b"
    r"|\bj'(?:explore|etudie|ecris|actualise|anime|epluche|examine|analyse|informe|organise)\b"
    r"|\bje (?:mets|met) a jour\b|\bje fais (?:une synthese|le point|le tour|des recherches|une fiche)\b"
    r"|\bje (?:dois|veux|voudrais|cherche a) (?:comprendre|verifier|repondre|m'informer|me renseigner)\b"
    r"|\bje me (?:pose|demande)\b|\bje m'interroge\b|\bje seche\b"
    r"|\bm'a (?:pose|demande|ecrit|charge\w*|suggere|interroge)\b|\bon me (?:demande|pose|interroge)\b"
    r"|\bon m'interroge\b|\bj'ai besoin d'(?:une reponse|la regle|un point)\b"
)
# A question pointing at a person the story may name: a third-person pronoun, or an inverted verb opening it
# ("Peut-il partir en Pro-A ?" after "Un agent m'a demandé conseil."). "La prime est-elle due ?" has its subject.
_POINTS_TO_PERSON = re.compile(
    r"(?<![-\w])(?:il|elle|ils|elles|lui|son|sa|ses|leur|leurs)\b|^\W*\w+-(?:t-)?(?:il|elle|ils|elles)\b"
)
_SENTENCE = re.compile(r"[^.!\u2026]+")


def asker_purpose(text: str) -> tuple[str, str] | None:
    """(purpose, question) when every sentence before the question says what the asker is doing, and the
    question stands alone; None otherwise."""
    split = story_and_question(text)
    if split is None:
        return None
    story, question = split
    sentences = [s for s in _SENTENCE.findall(fold(story)) if s.strip()]
    if not sentences or not all(_PURPOSE.search(s) for s in sentences):
        return None
    if _POINTS_TO_PERSON.search(fold(question)):
        return None
    return story, question
