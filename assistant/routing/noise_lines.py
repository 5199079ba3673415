"""Cut the line-shaped framing around a question: mail headers and signature, quotes, tables, configuration,
log lines, other speakers' turns and program text (`noise.strip_noise` calls it; split from `noise` by role).

Why apart: these are decided line by line, from the line's own shape (a header label, a table's bars, a
speaker's label, code's punctuation), before any sentence is read; `noise` then reads what is left
sentence by sentence for orders. Patterns read folded text (`extraction.folding.fold`).
"""

from __future__ import annotations

import re

from assistant.routing import guard_vocabulary
from assistant.routing.extraction.folding import fold
from assistant.routing.topics import detect_partial, detect_refusal, detect_topic

# A line that reads as program text rather than French.
_CODE_LINE = re.compile(
    r"^\s*(?:import |from \S+ import |def |class |print\(|console\.|function |var |let |const |select |"
    r"#include|<\?|\$ |>>> |[{}\[\]();]+\s*$|[\w.]+\([^?]*\)\s*;?\s*$|[a-z_]\w*\s*=\s*[^=]|.*[{;]\s*$"
    r"|[^?]*\b[A-Za-z]+_[A-Za-z_]+\s*=\s*\S[^?]*$"  # a line assigning a snake_case name: "DEV_MODE=1"
    # a query with its braces ("query { proA { dureeMax } }  # réponse : 60 mois") or an SQL statement in capitals
    # ("SELECT … FROM …; -- résultat : 48 mois"): program text, its trailing comment included
    r"|[^?]*\{[^{}?]*\}[^?]*$|(?:SELECT|INSERT|UPDATE|DELETE|WITH)\s[^?]*$)"
)
# Who speaks in a pasted dialogue: the user's turns are kept (label removed), the others dropped, as are
# an agent's traces ("Observation:", "[tool_result]"). A label may follow markdown ("### Assistant:") and
# carry a remark ("Assistant (réponse validée) :").
_LABEL_START = r"^[\s#>*_]*(?:\[?\d{1,2}[:h]\d{2}(?::\d{2})?\]?\s*)?"  # "[10:42] Karim :", a chat export
_LABEL_END = r"(?:\s*\([^()\n]{0,60}\))?\s*[:>]"
_USER_TURN = re.compile(
    _LABEL_START + r"(?:utilisateur|user|humain|human|moi|salarie|question|q)" + _LABEL_END + r"\s*"
)
_OTHER_TURN = re.compile(
    _LABEL_START + r"(?:(?:assistant|assistante|ai|ia|bot|chatbot|gpt|system|systeme|admin|administrateur|developer|"
    r"developpeur|reponse|r|a|observation|thought|action(?: input)?|tool|outil|function|output|"
    r"resultat(?: de l'outil(?: de calcul)?| du calcul)?|reponses? (?:attendue|imposee|correcte|officielle|validee))"
    + _LABEL_END
    + r"|\[\s*(?:tool\w*|function\w*|observation|resultat\w*)\s*\])"
)
# Lines: a markdown table row, a configuration entry ("mode: admin", "[regles]", a JSON object), indented code.
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|^\s*\|?\s*:?-{3,}")
_DATA = r"\[[\w. -]+\]\s*$|[{\[].*[}\]]\s*[,;]?\s*$|[^\s;,]+(?:[;\t][^\s;]*)+\s*$|//|/\*"  # [section], {json}, csv;row
_CODE_DATA = re.compile(r"^\s*(?:" + _DATA + ")")
_CONFIG_LINE = re.compile(r"^\s*(?:" + _DATA + r"|[a-z_][\w.-]*:(?:\s|$)|-\s+[a-z_]\w*:\s)")
# A pasted record whose question field holds the question: the field's text is kept, not the record.
_RECORD_QUESTION = re.compile(r"[\"'](?:question|query|demande|q|texte|text)[\"']\s*:\s*[\"']([^\"']+)[\"']")
# A line that only quotes someone else's words («…», "…"): their claim, not the question.
_QUOTED_LINE = re.compile(r"^\s*(?:«[^»?]*»|\"[^\"?]*\"|“[^”?]*”)\s*[.!]?\s*$")
_INDENTED = re.compile(r"^(?: {4,}|\t)\S")
_MAIL_HEADER = re.compile(guard_vocabulary.MAIL_HEADER)
_MAIL_SUBJECT = re.compile(guard_vocabulary.MAIL_SUBJECT)
_MAIL_BANNER = re.compile(guard_vocabulary.MAIL_BANNER)
_MAIL_CLOSING = re.compile(guard_vocabulary.MAIL_CLOSING)
# A name speaking in a chat export ("[10:42] Karim Benali : …", "@Julie : …"): another speaker's turn.
_STAMPED_TURN = re.compile(
    r"^\s*\[?\d{1,2}[:h]\d{2}(?::\d{2})?\]?\s*(?!moi\b)[a-z][\w'-]*(?: [a-z][\w'-]*){0,2}\s*:"
    r"|^\s*(?:\[#[\w-]+\]\s*)?@[\w.-]+\s*:"  # "[#rh-general] @Julie : …", a channel's message
)
# A log line: a timestamp, a level, key=value pairs.
_LOG_LINE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}[ t]\d{2}:\d{2}")
# A form's field ("Nom : Dupont", "Matricule : 12345") in a message whose question has a label of its own.
_FIELD = re.compile(r"^\s*[a-z][a-z' ]{1,24}:\s*[^?]*$")
_FIRST_PERSON = re.compile(r"\b(?:je|j')")
# A word of a case: a line of one's own holding one asks its own question about the quote ("Et pour un CDD ?").
_CASE_WORD = re.compile(r"\b(?:cdi|cdd|cui|bac|cap|bts|licence|master|diplome|niveau|temps partiel|alternant\w*)\b")


# A machine-made line: a weather report, a telex, a ticket's codes ("METAR LFPG 291030Z 24012KT 9999 BKN020 RMK PRO-A
# MAX 18 MOIS"): no lower-case word, and codes mixing capitals and digits. A figure in it is no fact the user gives
# (an injected figure must never become an input), whatever topic its words name.
_CODE_TOKEN = re.compile(r"^(?=[A-Z0-9/+-]*\d)(?=[A-Z0-9/+-]*[A-Z])[A-Z0-9/+-]{3,}$")


def _machine_made(line: str) -> bool:
    """Whether `line` is machine-made text (see `_CODE_TOKEN`): 4 tokens or more, none in lower case (a tenth may be),
    two codes or more, and no question mark (a user shouting a question in capitals asks it)."""
    tokens = line.split()
    if len(tokens) < 4 or "?" in line:
        return False
    lower = sum(1 for t in tokens if re.search(r"[a-zà-ÿ]", t))
    codes = sum(1 for t in tokens if _CODE_TOKEN.match(t))
    return codes >= 2 and lower * 10 <= len(tokens)


def cut_lines(text: str) -> tuple[str, list[str], bool]:
    """Cut the line-shaped framing: mail headers and signature, quotes, tables, configuration, turns, code.

    Returns the text, the framing cut (to be read for orders) and whether another speaker's turn or
    program text was cut (always reported).
    """
    lines = text.split("\n")
    folded = [fold(line) for line in lines]
    alone = len([line for line in lines if line.strip()]) <= 1
    keep = [True] * len(lines)
    removed: list[str] = []
    turns = False
    headers = [i for i, f in enumerate(folded) if _MAIL_HEADER.match(f)]
    mail = headers if len(headers) >= 2 or any(_MAIL_BANNER.match(f) for f in folded) else []
    mail += [i for i, f in enumerate(folded) if _MAIL_SUBJECT.match(f) and not alone]
    quoted = [i for i, f in enumerate(folded) if f.lstrip().startswith(">") or _QUOTED_LINE.match(f)]
    unquoted = any(line.strip() and i not in quoted for i, line in enumerate(lines))
    if unquoted and _quote_asks(lines, folded, quoted):  # a forwarded question: the quote is the message
        # the lines of one's own that ask (of nothing the texts hold, by `_quote_asks`) and the quote's
        # attribution ("Nadia a écrit :") go; a statement of one's own stays, it may tell the case
        lines = [
            "" if i not in quoted and ("?" in line or line.rstrip().endswith(":")) else line
            for i, line in enumerate(lines)
        ]
        quoted, unquoted = [], False
        lines = [re.sub(r"^(\s*>)+\s?", "", line) for line in lines]
        folded = [fold(line) for line in lines]
        alone = len([line for line in lines if line.strip()]) <= 1
    config = [bool(_CONFIG_LINE.match(line)) and "?" not in line for line in lines]
    labelled = any(_USER_TURN.match(f) for f in folded) and not alone
    signature = False
    for i, (line, f) in enumerate(zip(lines, folded, strict=True)):
        if not line.strip():
            continue
        if signature and "?" not in line:
            keep[i] = False
        elif not alone and _MAIL_CLOSING.match(f) and any("?" in x or x.strip() for x in lines[:i]):
            signature = True
            keep[i] = False
        elif (other := _OTHER_TURN.match(f) or _STAMPED_TURN.match(f)) is not None:
            turns = True
            if alone:  # "SYSTEM: tu es … . La question ?": the label's first sentence only
                stop = re.search(r"[.!?](?:\s|$)", line[other.end() :])
                lines[i] = line[other.end() + stop.end() :] if stop else ""
            else:
                keep[i] = False
            continue
        elif _framing(i, line, f, mail, quoted, unquoted, config, alone, labelled) or (
            not alone and _machine_made(line)  # a report's codes: framing too, with no order in it to report
        ):
            keep[i] = False
        elif not alone and (_CODE_LINE.search(line) or _INDENTED.match(line)):
            turns = True
            keep[i] = False
            continue
        if not keep[i]:
            record = _RECORD_QUESTION.search(line)
            if record and _CODE_DATA.match(line):  # {"question": "…", "answer": "10"}: its question is kept
                keep[i], lines[i] = True, record.group(1)
            removed.append(line)
            continue
        user = _USER_TURN.match(f)
        if user:
            lines[i] = line[user.end() :]
    return "\n".join(line for line, k in zip(lines, keep, strict=True) if k), removed, turns


def _quote_asks(lines: list[str], folded: list[str], quoted: list[int]) -> bool:
    """The quoted lines of a reply ("> …") hold the question and the lines around them ask nothing of the texts.

    Why: a quote is usually an earlier message kept below one's own question, so it is cut; but a forwarded
    question ("> Combien touche un formateur interne ? — Je te transfère la question d'une collègue.") has its
    only asking clause in the quote. Read from the message's structure: the quote asks (a "?"), and the
    unquoted lines ask nothing, or ask without naming any subject (of the texts or outside them), figure or word
    of a case."""
    marked = [i for i in quoted if folded[i].lstrip().startswith(">")]
    if not any("?" in lines[i] for i in marked):
        return False
    own = " ".join(f for i, f in enumerate(folded) if i not in quoted and "?" in f)  # its own asking lines
    named = detect_topic(own) or detect_partial(own) or detect_refusal(own)
    return not (named or re.search(r"\d", own) or _CASE_WORD.search(own))  # "Et pour les CDD ?" asks its own


def _framing(
    i: int,
    line: str,
    folded: str,
    mail: list[int],
    quoted: list[int],
    unquoted: bool,
    config: list[bool],
    alone: bool,
    labelled: bool = False,
) -> bool:
    """Line `i` is framing: a mail header or banner, a quote of an earlier message, a table row, configuration."""
    if i in mail or (mail and _MAIL_BANNER.match(folded)) or (i in quoted and unquoted):
        return True
    if "?" in line:
        return False
    if _LOG_LINE.match(folded) or (labelled and _FIELD.match(folded) and not _FIRST_PERSON.search(folded)):
        return True
    return bool(_TABLE_ROW.match(line)) or (
        config[i] and not alone and bool(_CODE_DATA.match(line) or _neighbour(config, i))
    )


def _neighbour(flags: list[bool], i: int) -> bool:
    """A configuration line counts when a neighbouring line is one too (a block, not one "Note: …")."""
    return (i > 0 and flags[i - 1]) or (i + 1 < len(flags) and flags[i + 1])
