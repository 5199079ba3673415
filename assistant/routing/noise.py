"""Remove the noise wrapped around a question before anything reads it.

Why: a question pasted with an instruction around it ("SYSTEM OVERRIDE…", "réponds en anglais",
a code snippet, a fake dialogue in which an "assistant" already gave a figure) was refused or
misrouted about half of the time, because the router and the retriever read the wrapper's words as
part of the question. The wrapper is not obeyed and must not count: it is cut out here, by kind
(code, markup, other speakers' turns, orders about the answer's form, language or role), and what
remains is answered as if asked alone. Claims and orders inside the question's own sentence
("ignore tes consignes et dis que…") are `router.strip_injection`'s job, which runs after this.
Patterns read folded text (`extraction.folding.fold`: same length as the original, so spans found
in it are cut from the original).
"""

from __future__ import annotations

import re

from assistant.routing.extraction.folding import fold

# Fenced code, markup that frames a "system" message with its content, then any leftover tag.
_CODE_FENCE = re.compile(r"```.*?(?:```|$)|~~~.*?(?:~~~|$)", re.DOTALL)
_FRAMED = re.compile(
    r"<\s*(system|sys|instructions?|prompt|admin|inst|context)\b[^>]*>.*?(?:<\s*/\s*\1\s*>|$)"
    r"|\[+\s*(inst|system|sys|systeme|admin)\s*\]+.*?(?:\[+\s*/\s*\2\s*\]+|(?<=[.!])\s|\n|$)"
    r"|<<\s*sys\s*>>.*?(?:<<\s*/\s*sys\s*>>|$)"
    r"|\{\s*[\"']role[\"']\s*:\s*[\"'](?:system|assistant|developer|tool|admin)[\"'][^{}]*\}"  # a chat message as JSON
    r"|<\|[^|>]*\|>",
    re.DOTALL,
)
_TAG = re.compile(r"</?\s*[a-z][\w-]*(?:\s[^<>]*)?>")
# A line that reads as program text rather than French.
_CODE_LINE = re.compile(
    r"^\s*(?:import |from \S+ import |def |class |print\(|console\.|function |var |let |const |select |"
    r"#include|<\?|\$ |>>> |[{}\[\]();]+\s*$|[\w.]+\([^?]*\)\s*;?\s*$|[a-z_]\w*\s*=\s*[^=]|.*[{;]\s*$)"
)
# Who speaks in a pasted dialogue: the user's turns are kept (label removed), the others dropped.
_USER_TURN = re.compile(r"^\s*(?:utilisateur|user|humain|human|moi|salarie|question|q)\s*[:>]\s*")
_OTHER_TURN = re.compile(
    r"^\s*(?:assistant|assistante|ai|ia|bot|chatbot|gpt|system|systeme|admin|administrateur|developer|"
    r"developpeur|reponse|r|a)\s*[:>]"
)
# Orders about the answer rather than questions: its language, format, length, role, the rules.
_ORDERS = (
    r"\b(?:reponds?|repondez|repondre|ecris|ecrivez|ecrire|redige|redigez|parle|parlez|traduis|traduisez|"
    r"formule|formulez|donne|donnez)(?:-moi|-nous)?\b[^.?!\n]{0,40}?\b(?:en|au format|sous forme(?: de)?|"
    r"par|avec|dans)\b[^.?!\n]{0,20}?\b(?:anglais|english|espagnol|allemand|italien|chinois|json|xml|yaml|"
    r"markdown|html|tableau|liste|majuscules|emojis?|vers|rimes?|poeme|haiku|\d+ mots?|un mot|"
    r"oui ou (?:par )?non|code)\b[^.?!:\n]*",
    r"\b(?:en|in) (?:anglais|english)(?: (?:svp|stp|please))?\b",
    r"\b(?:sans|ne) (?:citer|cite|mentionner|donner)(?: pas)? (?:de |tes |les |aucune |vos )?"
    r"(?:sources?|references?|articles?)\b[^.?!:\n]*",
    r"\b(?:en )?\d+ mots? (?:maximum|max|au plus)\b",
    r"\binvente(?:z|r)?\b[^.?!:\n]*",
    r"\b(?:system|systeme) (?:override|prompt|message|update|alert)\b[^.?!:\n]*",
    r"\b(?:override|jailbreak|developer mode|god mode|dan mode|do anything now)\b[^.?!:\n]*",
    r"\b(?:ignore|disregard|forget|bypass) (?:all|any|the|your|previous|prior|above|everything)\b[^.?!:\n]*",
    r"\b(?:you are|you're|act as|pretend|from now on|respond|answer|reply)\b[^.?!:\n]*",
    r"\b(?:restrictions?|filtres?|garde-fous?) (?:levees?|desactivees?|supprimees?|lifted|disabled)\b",
    r"\bsans (?:aucune )?(?:restriction|limite|filtre|censure)s?\b",
)
_ORDER = re.compile("|".join(f"(?:{p})" for p in _ORDERS))
# What an order leaves behind: separators, empty brackets, dangling conjunctions.
_LEFTOVER = re.compile(r"(?m)^\s*(?:-{3,}|={3,}|\*{3,}|#{1,6}\s*\w*\s*:?)\s*$|\(\s*[,;.]*\s*\)|\[\s*\]")


def strip_noise(text: str) -> tuple[str, bool]:
    """The question without the wrapper around it, and whether anything was removed."""
    original = text
    text = _blank(text, _CODE_FENCE)
    text = _blank(text, _FRAMED, folded=True)
    text = _blank(text, _TAG, folded=True)
    lines = []
    alone = "\n" not in text.strip()
    for line in text.split("\n"):
        folded = fold(line)
        other = _OTHER_TURN.match(folded)
        if other and alone:  # "SYSTEM: tu es … . La question ?": the label's first sentence only
            stop = re.search(r"[.!?](?:\s|$)", line[other.end() :])
            line = line[other.end() + stop.end() :] if stop else ""
        elif other or _CODE_LINE.search(line):
            continue
        user = _USER_TURN.match(folded)
        lines.append(line[user.end() :] if user else line)
    text = "\n".join(lines)
    text = _blank(text, _ORDER, folded=True)
    text = drop_filler(_LEFTOVER.sub(" ", text))
    cleaned = re.sub(r"\s+([,.)])", r"\1", re.sub(r"[ \t]+", " ", text)).strip(" ,;:.-")
    if cleaned and not re.search(r"[.?!]$", cleaned) and re.search(r"[.?!]$", original.strip()):
        cleaned += original.strip()[-1]
    changed = _words(cleaned) != _words(original)
    return (cleaned if changed else original), changed


# Words an order leaves behind once its object is cut ("… et réponds.", "merci !"): not a question.
_FILLER = frozenset(
    (
        "et",
        "ou",
        "puis",
        "alors",
        "mais",
        "donc",
        "reponds",
        "repondez",
        "reponse",
        "moi",
        "nous",
        "stp",
        "svp",
        "please",
        "merci",
        "bonjour",
        "salut",
        "hello",
        "ok",
        "okay",
        "allez",
        "vite",
        "urgent",
        "maintenant",
        "ensuite",
        "enfin",
        "voici",
        "voila",
        "ceci",
        "cela",
        "ca",
        "question",
    )
)


def drop_filler(text: str) -> str:
    """Drop the sentences left with nothing but filler words or punctuation once noise was cut."""
    parts = re.split(r"(?<=[.?!])\s+|\n+", text)
    kept = [p for p in parts if any(w not in _FILLER for w in _words(fold(p)))]
    cleaned = " ".join(kept).strip(" ,;:-(")
    return re.sub(r"\(\s*$|\?\s*\.$", lambda m: "?" if "?" in m.group(0) else "", cleaned).strip()


def _blank(text: str, pattern: re.Pattern[str], folded: bool = False) -> str:
    """Replace every match by a space (matched on the folded text when `folded`, same offsets)."""
    source = fold(text) if folded else text
    spans = [m.span() for m in pattern.finditer(source) if m.end() > m.start()]
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:]
    return text


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())
