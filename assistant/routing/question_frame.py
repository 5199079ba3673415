"""Cut the frame of a question: what the user says about asking, and the tag asking to confirm a claim.

Why (issue #13, points 2 and 4): the same question was answered or refused depending on what was said
around it. "Je me permets de vous demander ceci : …" made it a first-person case (a calculator's
follow-up instead of the rule); "On m'a dit un truc, je vérifie : … C'est vrai ?" and "Traduis puis
réponds : « … »" diluted the words the passages are checked against, and the texts were found
"silent"; "Ma collègue prétend que … Vrai ou faux ?" took "Vrai ou faux ?" for the question. The frame
is read from the message's own grammar, not from a list of sentences:

* a **lead-in** is a first segment (up to a colon or a full stop) made only of function words and of
  the words of talk about talking (asking, knowing, checking, saying, translating, answering; a
  question, a doubt, a thing; "ceci", "là-dessus"), with no figure, followed by the question;
* a **verification tag** is a short segment of the same words holding a truth word ("C'est vrai ?",
  "Vrai ou faux :", "C'est exact ?", "Info ou intox ?", "Right?"): the claim it stands beside is the
  question, and is asked as one ("Ma collègue prétend que X ?"), so the answer says what the texts say
  of X (a claim to check is not an order to obey: `injection.reported`).

* a **source label** before a quote ("Mots croisés, horizontal 4 : « … »", "Définition (glossaire RH) :
  « … »", "Carte du jeu : « … »") says where the quoted words come from; the quote and the asking clause
  after it are the question. Cut when the label names no subject of the texts, none of their parts and
  no fact of a case (`_source_label`);
* a **discourse marker** clause at either end of a spoken question ("Dis voir, …", "Ben dis donc, …",
  "…, hein ?", "…, tu sais ça toi ?"): a clause of frame words only, cut (`_strip_markers`); and the
  elisions of speech before a consonant ("d'la boîte", "combien d'personnes") are written out.

A frame is cut silently (it gives no order), except a translation request, which the rest of the
guard already reports as an instruction. Nothing is cut if no question would remain.
"""

from __future__ import annotations

import re

from assistant.routing import guard_vocabulary
from assistant.routing.extraction.folding import fold
from assistant.routing.topics import detect_partial, detect_topic
from knowledge.french import STOP_WORDS, analyze

# Words that say something is true or false: what makes a segment of frame words a verification tag.
_TRUTH = r"vrai|vraie|faux|fausse|exact|exacte|exacts|juste|correct|correcte|confirme[sz]?|confirmer|raison|intox|" + (
    r"verite|right|true|false|wrong|sure|certain|certaine|bon|fake|rumeur|legende"
)
# Talk about talking: the verbs of asking, knowing, checking, saying, translating and answering (any form), the
# nouns of a question or a doubt, the modals and fillers around them. Stems, matched on whole folded words.
_FRAME = (
    r"demand\w*|pos(?:e|er|ez|es)|sav(?:oir|ais|ait|ez|iez)|sais|sait|sach\w*|verifi\w*|tradui\w*|repond\w*|"
    r"reformul\w*|resum\w*|expliqu\w*|dit|dis|dire|dites|disent|ecri\w*|eclair\w*|renseign\w*|permet\w*|"
    r"voul\w*|veux|veut|voudrais|aimerais|souhait\w*|interroge\w*|comprend\w*|compris|tranch\w*|arriv\w*|"
    r"entendu|lu|vu|raconte\w*|parait|pense\w*|crois|croit|doute\w*|curieu\w*|question\w*|truc|trucs|chose|"
    r"choses|sujet|point|precision\w*|info|infos|information\w*|besoin|dessus|voila|voici|simple\w*|"
    r"rapide\w*|vite|bref|phrase|mot|mots|francais|anglais|petite?|bien|alors|donc|puis|si|tout|svp|stp|"
    r"please|merci|avance|ok|oui|non|hein|encore|deja|quelqu|collegue|collegues|gens|peux|pouvez|pourriez|"
    r"pourrais|puis|peut|ca|cela|ceci|etre|vraiment|aussi|juste|enfin|abord|ensuite|apres|bon|hello|bonjour|salut|ya|y|"
    r"ben|bah|eh|euh|dis|voir|tiens|ecoute|ecoutez|franchement|allez|toi|"
    r"faut|dois|doit|verif|checke?r?|translate|answer|then|and|is|it|this|that|or|so|really|isn|t|s|" + _TRUTH
)
_FRAME_WORD = re.compile(rf"^(?:{_FRAME})$")
_TRUTH_WORD = re.compile(rf"^(?:{_TRUTH})$")
_ORDER_WORD = re.compile(r"^(?:tradui[st]\w*|translate)$")  # a translation request is reported as an instruction
_WORD = re.compile(r"[a-z]+")
MAX_TAG_WORDS = 7  # "Vrai ou faux ?", "C'est bien vrai, ça ?": a tag is short
MIN_REST_WORDS = 3  # what must remain beside a frame for it to be cut
# The first segment: up to a colon, a stop or a line break that is not inside quotes.
_LEAD = re.compile(r"\s*([^.!?:\n«\"“]+?)\s*(?:[:?!.]+|\n)\s*")
# The last segment: after the last stop or colon.
_TAIL = re.compile(r"(?:(?<=[.!?:\n])|^)\s*([^.!?:\n]+?)\s*[.!?]*\s*$")
_SENTENCES = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_QUOTED = re.compile(r"^\s*(?:«\s*(.+?)\s*»|\"\s*(.+?)\s*\"|“\s*(.+?)\s*”)\s*$", re.DOTALL)


# A label before a quote: up to the first colon followed by an opening quote mark, no stop in it.
_LABELLED_QUOTE = re.compile(r"^\s*([^.!?\n]{1,120}?)\s*:\s*(?=[«\"“])")
# What a source label must not hold: a part of the texts, or a fact of a case (a length, an amount, a contract).
_PART = re.compile(r"\b(?:article|art|titre|annexe|chapitre|alinea|paragraphe|preambule|avenant|accord|protocole)\b")
_CASE_FACT = re.compile(
    r"\d[\d\s,.]*\s*(?:ans?|annees?|mois|jours?|heures?|h|semaines?|points?|%|€|euros?)\b|\b(?:cdi|cdd|cui|je|j'|mon|ma)\b"
)
_NAMES_A_TEXT = re.compile(guard_vocabulary.NAMES_A_TEXT)
_ELISION = re.compile(r"\b([dDjJ]|[qQ]u)'(?=[bcdfgjklmnpqrstvwxzç])")
_ADDRESS = re.compile(r"\b(?:hein|tu|toi|vous|dis|dites)\b")
MAX_MARKER_WORDS = 5  # "Ben dis donc", "tu sais ça toi": a discourse marker is short


def _source_label(text: str) -> str:
    """The text without a label naming where a quote comes from (see the module's docstring)."""
    label = _LABELLED_QUOTE.match(text)
    if label is None or not _enough(text[label.end() :]):
        return text
    folded = fold(label.group(1))
    if _is_frame(_words(folded), folded):  # "Traduis puis réponds : « … »": the lead-in's own reading
        return text
    if detect_topic(folded) or detect_partial(folded) or _PART.search(folded) or _CASE_FACT.search(folded):
        return text
    return text if _NAMES_A_TEXT.search(folded) else text[label.end() :]


def _strip_markers(text: str) -> str:
    """A spoken question without the discourse markers at its ends and with its elisions written out."""
    text = _ELISION.sub(lambda m: m.group(1) + "e ", text)
    if not text.rstrip().endswith("?"):
        return text
    first = re.match(r"\s*([^,;:.!?]+),\s*", text)
    if first and _marker(first.group(1)) and _enough(text[first.end() :]):
        text = text[first.end() :]
    last = re.search(r",\s*([^,;:.!?]+?)\s*\?\s*$", text)
    # at the end, a marker speaks to the listener ("…, hein ?", "…, tu sais ça toi ?"); "…, c'est bien ça ?" is a tag
    if last and _marker(last.group(1)) and _ADDRESS.search(fold(last.group(1))) and _enough(text[: last.start()]):
        text = text[: last.start()].rstrip() + " ?"
    return text


def _marker(clause: str) -> bool:
    words = _words(clause)
    if any(_ORDER_WORD.match(w) or _TRUTH_WORD.match(w) for w in words):
        return False  # a translation request is reported, a verification tag turns the claim into the question
    return len(words) <= MAX_MARKER_WORDS and _is_frame(words, clause)


def strip_frames(text: str) -> tuple[str, bool]:
    """The text without its lead-ins and verification tags, and whether a cut frame was an order.

    A claim beside a verification tag is turned into the question ("…, sans salaire ?")."""
    flagged = False
    text = _source_label(text)
    changed = True
    while changed:
        changed = False
        lead = _LEAD.match(text)
        if lead is not None:
            rest = text[lead.end() :]
            words = _words(lead.group(1))
            if _enough(rest) and _is_frame(words, lead.group(1)):
                tag = len(words) <= MAX_TAG_WORDS and any(_TRUTH_WORD.match(w) for w in words)
                text = _as_question(rest) if tag else rest
                flagged |= any(_ORDER_WORD.match(w) for w in words)
                changed = True
                continue
        tail = _TAIL.search(text)
        if tail is not None and tail.start() > 0:
            head = text[: tail.start()]
            words = _words(tail.group(1))
            if not _enough(head) or not _is_frame(words, tail.group(1)):
                continue
            tag = len(words) <= MAX_TAG_WORDS and any(_TRUTH_WORD.match(w) for w in words)
            if tag:
                text, changed = _as_question(head), True
            elif "?" not in tail.group():  # "Merci de vérifier pour moi.": no question of its own
                text, changed = head.rstrip(), True
            flagged |= changed and any(_ORDER_WORD.match(w) for w in words)
    text = _drop_chatter(_drop_inner(_strip_markers(text)))
    quoted = _QUOTED.match(text)
    if quoted is not None:
        text = next(g for g in quoted.groups() if g)
    return text, flagged


def _drop_inner(text: str) -> str:
    """A sentence of talk about asking between two others ("… mon responsable. Voilà ma question. La Pro-A …")."""
    sentences = _SENTENCES.findall(text)
    kept = [s for s in sentences if "?" in s or not _is_frame(_words(s), s)]
    if len(kept) == len(sentences) or not any("?" in s for s in kept):
        return text
    return " ".join(s.strip() for s in kept)


# What a sentence about the user holds: a first person or a possessive, a figure, a contract.
_ABOUT_SOMEONE = re.compile(
    r"\d|\b(?:je|j'|me|m'|moi|mon|ma|mes|nous|notre|nos|il|elle|ils|elles|son|sa|ses|leur|leurs|cdi|cdd|cui|"
    r"diplome|bac|cap|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b"
)


def _drop_chatter(text: str) -> str:
    """The text without the chatter after its closing question ("… ? Sinon tout va bien ici, bonne semaine.").

    The sentences after the last question are chatter when none asks, names a subject of the texts, speaks
    of someone (a person, a possessive), holds a figure, a month or a contract, or shares an index term with
    the question (`knowledge.french.analyze`, beyond two letters and talk words): a fact told after the
    question stays with it."""
    sentences = _SENTENCES.findall(text)
    asked = [i for i, s in enumerate(sentences) if "?" in s]
    if not asked or asked[-1] == len(sentences) - 1:
        return text
    head, tail = sentences[: asked[-1] + 1], sentences[asked[-1] + 1 :]
    question = " ".join(head)
    if not any(_words(sentence) for sentence in tail):  # a closing quote mark after the question
        return text
    for sentence in tail:
        folded = fold(sentence)
        if _ABOUT_SOMEONE.search(folded) or detect_topic(folded) or detect_partial(folded):
            return text
        if _PART.search(folded) or _NAMES_A_TEXT.search(folded) or re.search(r"\b[A-Z]{2,}\b", sentence):
            return text  # "(c'est dans l'annexe sur le DEAES)": a pointer to the texts, not chatter
        shared = set(analyze(sentence)) & set(analyze(question))
        if any(len(term) > 2 and not _FRAME_WORD.match(term) for term in shared):  # not "va" (VAE / aller)
            return text
    return " ".join(s.strip() for s in head)


def _words(segment: str) -> list[str]:
    return _WORD.findall(fold(segment))


def _is_frame(words: list[str], segment: str) -> bool:
    """Only function words and talk about talking, at least one of the latter, no figure."""
    if not words or re.search(r"\d", segment):
        return False
    if not all(w in STOP_WORDS or _FRAME_WORD.match(w) for w in words):
        return False
    return any(w not in STOP_WORDS for w in words)


def _enough(rest: str) -> bool:
    return len(_WORD.findall(fold(rest))) >= MIN_REST_WORDS


def _as_question(claim: str) -> str:
    """The claim asked: its last stop becomes a question mark (a claim already asked is left as it is)."""
    claim = claim.rstrip()
    if claim.endswith("?") or (claim.endswith(("»", '"', "”")) and "?" in claim[-4:]):
        return claim
    return claim.rstrip(" .!,;:") + " ?"


_STORY_BREAK = re.compile(r"(?<=[.!?\u2026])\s+")
# A question that points back at the story ("ce diplôme", "ces salariés", "cette phrase", "ça") needs it.
_BACK_REFERENCE = re.compile(r"\b(?:ce|cet|cette|ces|ca|cela|celui|celle|ceux|celles|dernier|derniere)\b")


def unrelated_story(text: str) -> tuple[str, str] | None:
    """(story, question) when the message tells something first and then asks about another subject.

    Why (issue #13, point 2): "Je travaille dans une caisse depuis 12 ans et j'aime mon métier. Combien de
    points par mois pour un tuteur ?" asks the rule; the paragraph before it, in the first person, had made
    it a case to complete, and its words (caisse, métier, droits) led the topic and the search. The story is
    the sentences before the closing run of questions; it is set apart only when it shares no index term
    with the question (`knowledge.french.analyze`: stems, stop words left out), holds no figure (a figure
    is a fact told: "la CGT veut renégocier le 0,15 %"), and the question stands alone: four words or more
    ("Combien ?" needs the story), no word pointing back at it ("ce diplôme", "ces salariés", "ça").
    The router then checks that the story gives no fact a calculator reads before routing the question alone.
    """
    split = story_and_question(text)
    if split is None:
        return None
    story, question = split
    if set(analyze(story)) & set(analyze(question)):
        return None
    return story, question


def story_and_question(text: str) -> tuple[str, str] | None:
    """(story, question): the sentences before the closing run of questions, and that run, when the run stands
    alone: four words or more, no word pointing back at the story, and a story holding no figure (a fact told)."""
    sentences = [s for s in _STORY_BREAK.split(text.strip()) if s]
    cut = len(sentences)
    while cut > 0 and sentences[cut - 1].rstrip().endswith("?"):
        cut -= 1
    if cut == 0 or cut == len(sentences):
        return None
    story, question = " ".join(sentences[:cut]), " ".join(sentences[cut:])
    if len(question.split()) < 4 or re.search(r"\d", story) or _BACK_REFERENCE.search(fold(question)):
        return None
    # "Pour M. Petit, …": an abbreviation, not the end of a sentence; an acronym in capitals ends one ("… RH.")
    if re.search(r"(?:^|\s)(?![A-Z]{2}\.)\w{1,2}\.$|\s[A-Z][a-z]{0,2}\.$", " " + sentences[cut - 1].rstrip()):
        return None
    return story, question
