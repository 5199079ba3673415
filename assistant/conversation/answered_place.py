"""Where the answered turn was read: a refused follow-up asked again within the text that answered it.

Why: a follow-up without a subject of its own ("Et à quel tarif horaire ?", "Et son référentiel se découpe
en combien de morceaux ?", "Donc pour la session de juin, au plus tard quand les résultats seront-ils
connus ?") continues the turn before it, which was answered from one text. Searched in the whole library,
glued to the earlier question or put to its subject, its few words match nothing well enough and the answer
is refused, though the text that answered the earlier turn holds the answer a few paragraphs away. The
place to read is the text the previous answer cited first: named as the answers name it ("d'après l'avenant
du 11 octobre 2022 : …"), the search is made within that text only (`answering.named_text`), so its
paragraphs rank by what the follow-up asks. The question is asked as resolved first: the subject it carries
tells which of the text's paragraphs ("Et quel numéro lui a été attribué au RNCP ?" after the CQP manager
opérationnel: the text lists eight CQP, each with its number; asked alone, another CQP's sentence led); the
message as typed only when that is refused there.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer import Citation
from assistant.conversation.cited_parts import document_name
from assistant.conversation.restate import lower_first


def place_questions(text: str, resolved: str, citations: Sequence[Citation]) -> list[str]:
    """The follow-up asked within the text the previous answer cited first: as resolved, then as typed."""
    if not citations:
        return []
    place = f"D'après {_with_article(document_name(citations[0]))} : "
    asked = [resolved, text] if resolved and resolved != text else [text]
    return [place + lower_first(question.strip()) for question in asked if question.strip()]


def _with_article(name: str) -> str:
    """ "l'avenant du 11 octobre 2022", "le protocole d'accord du …", "le document « Contexte, … »"."""
    lowered = name.lower()
    if lowered.startswith(("avenant", "accord", "annexe")):
        return f"l'{name}"
    if lowered.startswith(("protocole", "modèle")):
        return f"le {name}"
    if lowered.startswith(("circulaire", "convention", "fiche")):
        return f"la {name}"
    return f"le document « {name[:1].upper()}{name[1:]} »"
