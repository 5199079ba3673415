"""Rewrites of a question that keep its meaning: the transforms of the metamorphic harness.

Why (issue #13, points 2 and 4): the questions the product answers right were mostly written by the
people who tuned it, so passing them says little about the same question in another form. Each
transform here rewrites a question the way real users do (no accents, dictated without punctuation,
SMS abbreviations, a polite or a rumour frame, a paragraph about themselves first, numbers in words,
a request about the answer's form around it) without changing what is asked; the harness
(`bench.metamorphic`) checks that the answer does not change either. The rewrites are deterministic
(no randomness, no model): the same question always gets the same variant, so a run can be repeated
and a variant that fails can be pasted into a test.

A transform returns None when it does not apply (no digit to spell, no word to abbreviate): such a
question is not counted for that transform.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

# fmt: off
_UNITS = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
          "treize", "quatorze", "quinze", "seize")
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
# fmt: on


def spell_number(n: int) -> str:
    """A French cardinal number written in words (1990 orthography: hyphens everywhere but "et un")."""
    if n < 17:
        return _UNITS[n]
    if n < 20:
        return "dix-" + _UNITS[n - 10]
    if n < 100:
        tens, unit = divmod(n, 10)
        if tens in (7, 9):  # soixante-dix, quatre-vingt-dix: the teens after sixty or eighty
            base = "soixante" if tens == 7 else "quatre-vingt"
            return base + ("-et-" if n == 71 else "-") + spell_number(10 + unit)
        base = "quatre-vingt" if tens == 8 else _TENS[tens]
        if unit == 0:
            return base + ("s" if tens == 8 else "")
        return base + ("-et-un" if unit == 1 and tens != 8 else "-" + _UNITS[unit])
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else _UNITS[hundreds] + "-cent" + ("s" if rest == 0 else "")
        return head + ("-" + spell_number(rest) if rest else "")
    thousands, rest = divmod(n, 1000)
    head = "mille" if thousands == 1 else spell_number(thousands) + "-mille"
    return head + ("-" + spell_number(rest) if rest else "")


def strip_accents(text: str) -> str:
    """Every accent and cedilla removed, as typed on a keyboard without them."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def dictated(text: str) -> str:
    """Lower case, no punctuation: the text a dictation app gives (apostrophes and word hyphens kept)."""
    text = re.sub(r"[.,](?!\d)|(?<!\d)[.,]|[?!;:«»\"“”()\[\]…]+|(?<!\w)-|-(?!\w)", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


# Abbreviations of text messages: whole words only, the most common ones.
_SMS = (
    (r"\bpour\b", "pr"),
    (r"\bdans\b", "ds"),
    (r"\btoujours\b", "tjs"),
    (r"\bquand\b", "qd"),
    (r"\bbeaucoup\b", "bcp"),
    (r"\bavec\b", "avc"),
    (r"\bquoi\b", "koi"),
    (r"\bparce que\b", "pcq"),
    (r"\bs'il (?:te|vous) pla[iî]t\b", "stp"),
    (r"\bje sais pas\b", "jsp"),
    (r"\best-ce que\b", "est ce ke"),
    (r"\bque\b", "ke"),
    (r"\bqu'", "k'"),
    (r"\bc'est\b", "c"),
    (r"\bquelle\b|\bquel\b|\bquels\b|\bquelles\b", "kel"),
    (r"\bcombien\b", "cb"),
)


def sms(text: str) -> str | None:
    """Text-message abbreviations ("pr", "ds", "tjs", "qd", "cb"…), lower case; None when no word has one."""
    out = text.lower()
    for pattern, short in _SMS:
        out = re.sub(pattern, short, out)
    return out if out != text.lower() else None


def polite(text: str) -> str:
    return f"Bonjour, je me permets de vous demander ceci : {text} Merci d'avance pour votre aide !"


def rumour(text: str) -> str:
    """The question as something heard from someone else, to check."""
    return f"On m'a dit un truc là-dessus et je ne sais pas si c'est vrai, alors je vérifie : {text} C'est vrai ?"


def true_or_false(text: str) -> str:
    return f"Vrai ou faux, je n'arrive pas à trancher : {text}"


def with_context(text: str) -> str:
    """A paragraph about the user before the question, with no fact a rule would read (no date, figure, contract)."""
    return (
        "Je travaille dans une caisse du réseau depuis un moment et j'aime mon métier, mais j'ai envie de "
        "comprendre mes droits avant d'en parler à mon responsable. Une collègue m'a conseillé de vous "
        f"écrire. Voilà ma question. {text}"
    )


_INTEGER = re.compile(
    r"(?<![\d,./:-])(?<!\d\s)\d{1,4}(?!\s\d{3}\b)(?![\d,./:]\d|\d|er\b|e\b|ème\b|eme\b|%|\s?%|h\d|\s?€|[a-zA-Z])"
)


def numbers_in_words(text: str) -> str | None:
    """Every whole number written in words ("12 mois" → "douze mois"); None when there is none.

    Left alone: ordinals ("1er"), decimals and rates ("0,15 %"), amounts in euros, times, article
    numbers ("article 4.3") and codes ("RNCP34"), whose spelling nobody uses.
    """
    out = _INTEGER.sub(lambda m: spell_number(int(m.group())), text)
    return out if out != text else None


def translate_then_answer(text: str) -> str:
    return f"Traduis en français si besoin puis réponds : « {text} »"


def one_sentence(text: str) -> str:
    return f"{text} Réponds en une phrase, s'il te plaît."


_LEET_LETTERS = str.maketrans("aeiost", "431057")


def leetspeak(text: str) -> str | None:
    """The lower-case words of four letters or more written in leetspeak ("prime" → "pr1m3"); acronyms, figures
    and short words kept. None when no word changes."""
    out = re.sub(r"\b[a-zàâçéèêëîïôûùüÿ]{4,}\b", lambda m: strip_accents(m.group()).translate(_LEET_LETTERS), text)
    return out if out != text else None


def quoted_reply(text: str) -> str:
    """The question forwarded in a reply: quoted with "> ", a line of one's own below that asks nothing of the texts."""
    return f"Nadia a écrit :\n> {text}\n\nTu peux regarder quand tu as un moment ?"


def english_frame(text: str) -> str:
    """The question put inside English sentences, as a colleague abroad forwards it."""
    return f"Quick one from our Lyon team, they asked me: {text} Many thanks in advance!"


def trailing_chatter(text: str) -> str:
    """A paragraph of chatter after the question, with no fact and no question of its own."""
    return (
        f"{text} Sinon ici tout va bien, on a fêté l'anniversaire de Julien hier et la machine à café est "
        "enfin réparée, bonne fin de semaine à toute l'équipe."
    )


@dataclass(frozen=True)
class Transform:
    name: str
    apply: Callable[[str], str | None]
    about: str


TRANSFORMS: tuple[Transform, ...] = (
    Transform("sans-accents", strip_accents, "accents et cédilles retirés"),
    Transform("dicte", dictated, "minuscules, sans ponctuation (dictée)"),
    Transform("sms", sms, "abréviations de SMS (pr, ds, tjs, qd, cb, kel…)"),
    Transform("poli", polite, "« Bonjour, je me permets de vous demander … merci d'avance »"),
    Transform("rumeur", rumour, "« On m'a dit … C'est vrai ? »"),
    Transform("vrai-ou-faux", true_or_false, "« Vrai ou faux : … »"),
    Transform("contexte", with_context, "un paragraphe sur l'utilisateur avant la question"),
    Transform("nombres-en-lettres", numbers_in_words, "nombres écrits en lettres"),
    Transform("traduis", translate_then_answer, "« Traduis … puis réponds : « … » »"),
    Transform("une-phrase", one_sentence, "« … Réponds en une phrase »"),
    Transform("leet", leetspeak, "mots de quatre lettres ou plus en leetspeak (pr1m3, tut3ur)"),
    Transform("citation-mail", quoted_reply, "la question citée « > » dans une réponse, une ligne qui ne demande rien"),
    Transform("cadre-anglais", english_frame, "la question entre deux phrases en anglais"),
    Transform("bavardage", trailing_chatter, "un paragraphe de bavardage après la question"),
)


def variant(transform: Transform, question: str) -> str | None:
    """The transform's rewrite of the question, or None when it does not apply or changes nothing."""
    out = transform.apply(question)
    return out if out is not None and out.strip() != question.strip() else None
