"""Find the question inside a request for a deliverable ("Rédige trois puces pour une slide : …", "Prépare un mémo
sur …", "Propose un encadré qui explique …") (issues #13, #21; docs/evaluation/refuse25.md).

Why: an HR adviser asks for the texts' rule as a thing to hand on (a slide, a memo, a mail, a box for a booklet, a
speech bubble). Read whole, the deliverable's words ("slide de CODIR", "fiche réflexe RH", "bulle de BD") took the
subject's place: the subject check found no passage that speaks of them, the example bank read them near the
ministry's fiches, and in-scope questions were refused (seven of the 2026t set). The deliverable is a wrapper: what
the texts must answer is its content, which the request's grammar introduces, never the deliverable's name:

* a verb of producing a text at the head of the message, in the imperative or after "peux-tu" ("rédige", "prépare",
  "écris", "propose", "fais-moi", "compose", "conçois", "élabore", "crée", "formule", "imagine");
* the deliverable: a noun phrase of something to be made, so introduced by an indefinite article or a number ("un
  mémo", "une fiche", "trois puces"); a definite one ("le calcul de ma prime") names content, and is left alone;
* then the marker that introduces the content: a colon, "sur / concernant / au sujet de / à propos de", or a verb of
  telling after "qui / pour / afin de" or as a participle ("qui explique", "pour annoncer aux agents",
  "leur indiquant"), its indirect object ("aux agents", "à une tutrice") and its form ("en une phrase") skipped;
* a verb that itself asks for the content ("résume", "synthétise", "mets sous forme de …"): its object, once the
  phrases of form and audience ("en trois puces", "pour une slide de CODIR") are skipped.

Only the request's grammar is read: no deliverable's name is listed, so a new wrapper ("un encart pour le
journal interne", "une infographie") is read as the known ones. What is kept is answered as if asked alone; the
request is not an order to the assistant (no note about instructions): the answer gives the texts' rule, cited,
which is what the deliverable must say. Works on folded text (`fold`: same length, so the span is cut from the
original).
"""

from __future__ import annotations

import re

from assistant.routing.extraction.folding import fold

# Politeness, and a purpose said first ("Pour l'affichage en salle de pause, mets …").
_POLITE = r"(?:(?:bonjour|salut|svp|stp|merci)\W+)*(?:pour\s+[^,:.?!]{1,60},\s*)?"
_ASKING = r"(?:(?:peux|pourrais|pouvez|pourriez|veux|voudrais|voulez|voudriez)[- ](?:tu|vous)\s+(?:me\s+|m'|nous\s+)?)?"
# Verbs of producing a text (imperative, infinitive after "peux-tu"), with an optional pronoun ("fais-moi").
_PRODUCE = (
    r"(?:redig(?:e|ez|er)|ecri(?:s|vez|re)|prepar(?:e|ez|er)|fai(?:s|tes|re)|propos(?:e|ez|er)|compos(?:e|ez|er)|"
    r"con(?:cois|cevez|cevoir)|elabor(?:e|ez|er)|cre(?:e|ez|er)|formul(?:e|ez|er)|imagin(?:e|ez|er)|"
    r"produi(?:s|sez|re))"
)
# Verbs that ask for the content itself: their object is the question.
_CONDENSE = r"(?:resum(?:e|ez|er)|synthetis(?:e|ez|er)|recapitul(?:e|ez|er)|met(?:s|tez|tre))"
_PRONOUN = r"(?:-(?:moi|nous|leur|lui)\b|\s+(?:moi|nous)\b)?"
_INDEFINITE = r"(?:un|une|des|deux|trois|quatre|cinq|six|sept|huit|dix|quelques|\d+)"
_TELL = (
    r"(?:expliqu(?:e|er|ant)|rappel(?:le|er|ant)|present(?:e|er|ant)|indiqu(?:e|er|ant)|annonc(?:e|er)|annoncant|"
    r"detaill(?:e|er|ant)|decri(?:t|re|vant)|resum(?:e|er|ant)|precis(?:e|er|ant)|dit|dire|disant|inform(?:e|er|ant))"
)
_DETERMINER = r"(?:le|la|les|l|un|une|des|du|ce|cet|cette|ces|mon|ma|mes|son|sa|ses|nos|vos|leur|leurs|notre|votre)"
_INTERROGATIVE = r"(?:quel|quelle|quels|quelles|combien|qui|quoi|comment|quand|pourquoi|si|ou|que|qu)"
# Who the content is told to ("aux agents", "à une tutrice", "leur"), and its form ("en une phrase", "en 4 lignes").
_AUDIENCE = (
    rf"(?:(?:leur|lui|nous|me)\s+|(?P<to>a|aux)\s+(?!{_INTERROGATIVE}\b)(?P<whom>(?:{_DETERMINER}\s+)?[a-z-]+)\s+)?"
)
_FORM = r"(?:en\s+(?:une|un|deux|trois|quatre|cinq|\d+|quelques)\s+[a-z-]+\s+)?"
_MARKER = re.compile(
    r"\s*:\s*|\s+(?:sur|concernant|au sujet (?:de|du|des|d)|a propos (?:de|du|des|d))\s+"
    rf"|\s+(?:(?:qui|pour|afin d[e ])\s+)?(?:{_TELL})\s+{_AUDIENCE}{_FORM}(?:que\s+|qu')?"
)
_HEAD = re.compile(rf"^\s*{_POLITE}{_ASKING}(?:(?P<produce>{_PRODUCE})|(?P<condense>{_CONDENSE})){_PRONOUN}\s+")
MAX_DELIVERABLE_WORDS = 12  # the deliverable's noun phrase, up to the content's marker
MIN_CONTENT_WORDS = 3  # "5 mois" after "sur" is a span, not the content asked
# Phrases of form and audience a condensing verb may carry before its object ("en trois puces", "pour une slide de
# CODIR", "sous forme de liste à puces"): a preposition and the words that follow it, up to the object's determiner.
_CONDENSED_OBJECT = re.compile(
    rf"(?:(?:en|pour|dans|sous forme d[e ]|a|au|aux)\s+(?:[\w'-]+\s+){{1,6}}?)*?(?<=\s)"
    r"(?<!\bpour )(?<!\ben )(?<!\bde )(?<!\bd')(?<!\bdans )(?<!\ba )(?<!\bau )(?<!\baux )"
    rf"(?=(?:{_DETERMINER})\b)"
)


def question_in_deliverable(text: str) -> str | None:
    """The content a request for a deliverable asks to put in it, as a question ("Le montant mensuel de la prime et
    son plafond ?"), or None when the message is no such request (see the module's docstring)."""
    folded = fold(text).lower().replace("\u2019", "'")
    head = _HEAD.match(folded)
    if head is None:
        return None
    start = head.end()
    if head.group("produce"):
        if not re.match(rf"{_INDEFINITE}\b", folded[start:]):
            return None
        found, whom = _content_after_marker(text, folded, start)
    else:
        found, whom = _condensed_object(folded, start), ""
    if found is None:
        return None
    content = whom + text[found:].strip()
    words = re.findall(r"\w+", content)
    if len(words) < MIN_CONTENT_WORDS or re.match(r"\d", content):
        return None
    content = re.sub(r"[\s.!:;,]+$", "", content)
    if not content.endswith("?"):
        content += " ?"
    return content[0].upper() + content[1:]


def _content_after_marker(text: str, folded: str, start: int) -> tuple[int | None, str]:
    """Where the content starts after the deliverable's noun phrase: at the first marker within
    `MAX_DELIVERABLE_WORDS` words of the phrase's start, the sentence not ended before it; and whom it is told to,
    as the content's context ("pour expliquer à une tutrice si sa prime …": "pour une tutrice, si sa prime …", the
    person "sa" points to), "" when no one or a pronoun."""
    for marker in _MARKER.finditer(folded, start):
        between = folded[start : marker.start()]
        if re.search(r"[.?!]", between) or len(between.split()) > MAX_DELIVERABLE_WORDS:
            return None, ""
        if len(between.split()) < 2:  # "un résumé de …": the article alone names no deliverable
            continue
        if marker.end() > marker.start() and not re.match(r"\s*$", folded[marker.end() :]):
            quoted = re.match(r"\s*[«\"]\s*([^»\"]+)[»\"]", folded[marker.end() :])
            whom = _whose(text[start : marker.start()], between)
            if marker.group("whom"):
                article = "les " if marker.group("to") == "aux" else ""
                whom = f"pour {article}{text[marker.start('whom') : marker.end('whom')]}, "
            return marker.end() + (quoted.start(1) if quoted else 0), whom
    return None, ""


# The deliverable's purpose ("pour une slide d'accueil des nouveaux tuteurs", "pour le livret du stagiaire du CQP
# GC"): the genitive with its article names whom the content is about; the deliverable's own name is dropped.
_PURPOSE = re.compile(r"\bpour\s+(?:[\w'-]+\s+){1,4}?(du|des|de la|de l'|au|aux)\s*(\S.*)$")
_ARTICLE = {"du": "le ", "des": "les ", "de la": "la ", "de l'": "l'", "au": "le ", "aux": "les "}


def _whose(original: str, folded: str) -> str:
    """Whom the deliverable's purpose says the content is about, as the content's context ("pour les nouveaux
    tuteurs, "), "" when it names no one: "le montant mensuel de la prime" is the tutor's only by it."""
    match = _PURPOSE.search(folded.rstrip())
    if match is None:
        return ""
    return f"pour {_ARTICLE[match.group(1)]}{original[match.start(2) : match.end(2)].strip()}, "


def _condensed_object(folded: str, start: int) -> int | None:
    """Where the object of a condensing verb starts, after its phrases of form and audience; None when nothing of
    form or audience comes first (a plain "Résume l'article 4.3" is asked as it stands)."""
    match = _CONDENSED_OBJECT.match(folded, start)
    if match is None or match.end() == start:
        return None
    return match.end()
