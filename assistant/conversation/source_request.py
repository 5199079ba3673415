"""Where what was just said is written, asked in the user's own words: "donne-moi l'article précis de l'accord qui fixe
ce maximum de tutorés", "quel est le numéro exact de l'article qui dit ça pour les formateurs ?", "tu tires ça de
quel article ?", "c'est écrit où, ce chiffre ?".

`about_answer` reads the short, fixed forms of this request ("sur quel article ?", "c'est à quelle page ?"); a user
often says more: which rule of the answer they mean ("qui fixe ce maximum"), the person it was applied to ("pour les
formateurs"), the text they expect it in ("dans l'accord modifié"). None of these words asks anything new when they
come from the exchange itself. So the request is read by what it asks for — a reference (an article, its number,
a text, a page, the place where it is written) — and by what is left once the reference, the verbs of asking and of
stating, the words pointing back and the words of the previous question and answer are set aside: nothing. A
message left with a word of its own ("quel article parle du congé VAE ?" after the tutor's bonus) asks about
something else and is read as usual, as is one naming a part by its number ("que dit l'article 6 ?").
"""

from __future__ import annotations

import re

from assistant.conversation import vocabulary as v
from assistant.conversation.about_answer import Request
from text.folding import same_length

_PART = (
    r"(?:articles?|textes?|passages?|documents?|sources?|pages?|alineas?|paragraphes?|sections?|dispositions?|"
    r"clauses?)"
)
# the reference asked, not merely named: "quel article", "de quelle page", "le numéro", "la référence", "l'article
# précis", "donne-moi l'article", "c'est écrit où", "d'où ça vient"
_REFERENCE = re.compile(
    rf"\bquel(?:le)?s? (?:\w+ )?{_PART}\b|\b(?:numeros?|references?|intitules?)\b"
    rf"|\b{_PART} (?:exact|precis|officiel)\w*"
    rf"|\b(?:donne|donnez|indique|indiquez|dis|dites|precise|precisez|rappelle|rappelez|montre|montrez)\w*"
    rf"(?:-moi|-nous| moi| nous)? (?:l'|le |la |les |son |sa |ses )(?:\w+ )?{_PART}\b"
    r"|\b(?:ou|d'ou)\b(?= (?:est-ce que |est-ce qu')?(?:c'est|c'|ca|cela|il|elle|tu|vous|on|je|j')?\s*"
    r"(?:est |a ete |sont )?(?:ecri|prevu|dit|indiqu|mentionn|fix|pri|tir|trouv|lu|vu|vien|sor|figur)\w*)"
    r"|\b(?:ecrit|prevu|indique|mentionne|figure)\w* ou\b"
)
# "numéro RNCP", "numéro d'enregistrement": a number that a word of its own qualifies is a thing's identifier, not the
# reference of the passage the answer cites ("le numéro de l'article", "le numéro exact" stay references)
_OWN_NUMBER = re.compile(
    rf"\bnumeros? (?!(?:de |d'|du |des |exact|precis|officiel|{_PART[3:-1]})\b)(?P<word>[a-z]{{3,}})\b"
)
# words that ask, state, point back, qualify a reference or a text, or join: they ask nothing of their own
_FILLER_WORDS = """
    et mais alors donc ok bon du coup stp svp merci please s' il te vous plait
    quel quelle quels quelles est sont c'est c'etait ce cet cette ces ca cela c' ce qu' que qui dont ou d'ou
    le la les l' un une des du de d' au aux a en dans sur par pour selon d'apres chez
    je j' tu t' il elle on nous vous me m' te moi toi mon ma mes ton ta tes son sa ses votre vos notre nos leur leurs
    donne donnez donner redonne indique indiquez indiquer dis dites dire cite citez citer precise precisez preciser
    rappelle rappelez montre montrez envoie ecris peux pouvez pourrais pourriez voudrais veux aimerais
    avoir as avez a ai faut faudrait svp
    exact exacte exacts exactes precis precise precises exactement precisement officiel officielle officiels
    numero numeros reference references intitule intitules article articles texte textes passage passages
    document documents source sources page pages alinea alineas paragraphe paragraphes section sections
    disposition dispositions clause clauses
    accord accords avenant avenants protocole protocoles circulaire convention fiche
    modifie modifiee consolide consolidee initial initiale origine actuel actuelle vigueur applicable
    dit disent dis prevoit prevoient prevu prevue fixe fixent fixee pose posent enonce mentionne mentionnent
    indique ecrit ecrite figure figurent parle parlent traite traitent regle reglent etablit definit limite
    plafonne donne accorde garantit ouvre impose justifie vient viennent sort sortent tire tires tiree pris
    prends sors sortez trouve trouver trouves retrouve lu vu lire voir verifier
    regle regles chiffre chiffres montant calcul resultat reponse info information point ici la-dessus
    est-ce exactement aussi bien meme tout
"""
_FILLER = frozenset(_FILLER_WORDS.split())
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*'?|\d+")
# after a demonstrative, the thing pointed at and its complement are the exchange's ("ce maximum de tutorés")
_POINTED = v.RE_POINTED


def asks_source(message: str, exchange: str) -> Request | None:
    """The request for the source of the previous answer that `message` makes, when every word it holds besides the
    reference asked is one of asking, stating or pointing back, or a word of `exchange` (the previous question and
    the answer's lead); None otherwise (a part named by a number the exchange never said is a word of its own)."""
    folded = re.sub(r"\s+", " ", same_length(message).lower()).strip(" ?!.…")
    # ("son numéro RNCP ?": the number of a thing of the texts, named by the word after it, is asked of that thing)
    folded = _OWN_NUMBER.sub(" ", folded)
    if not _REFERENCE.search(folded) or len(folded.split()) > 24:
        return None
    # (a figure is the exchange's when it was said there: "d'où tu sors ces 48 heures ?"; "l'article 6" names a part)
    own = {w[:5] for w in _WORD.findall(same_length(exchange).lower()) if len(w) > 3 or w.isdigit()}
    rest = _POINTED.sub(" ", folded.replace("-moi", " ").replace("-nous", " ").replace("-t-", " "))
    left = [w for w in _WORD.findall(rest) if w not in _FILLER and w.rstrip("s") not in _FILLER and w[:5] not in own]
    return Request("source", aspect=_aspect(folded)) if not left else None


def _aspect(folded: str) -> str:
    """What of the answer the reference is asked for: the head noun a demonstrative points at ("ce maximum de
    tutorés" → "maximum", the word the texts share) — the cited part stating it comes first."""
    pointed = _POINTED.search(folded)
    if pointed is None:
        return ""
    word = pointed.group().split()[1]
    return "" if word in _GENERIC else word


# what every answer is: pointing at it picks no part of it
_GENERIC = frozenset(
    {"chiffre", "calcul", "resultat", "reponse", "regle", "point", "texte", "article", "passage", "info"}
)


_CLAUSE = re.compile(r"\s*[,;:]\s*")


def source_of_other(message: str, exchange: str) -> tuple[str, Request] | None:
    """ "Et pour un contrat pro, c'est écrit où ?" after the Pro-A's duration: one clause asks the source with the
    exchange's words ("c'est écrit où ?"), the other clauses name something of their own ("et pour un contrat pro"):
    the follow-up those clauses make, whose source is asked. Returns those clauses as a question and the request;
    None when no clause asks a source or nothing else is left (a plain source request, `asks_source`)."""
    clauses = [c for c in _CLAUSE.split(message.strip()) if c.strip(" ?!.…")]
    if len(clauses) < 2:
        return None
    for at, clause in enumerate(clauses):
        request = asks_source(clause, exchange)
        if request is None:
            continue
        rest = ", ".join(c.strip(" ?!.…") for i, c in enumerate(clauses) if i != at)
        if asks_source(rest, exchange) is None and re.search(r"[^\W\d_]{3,}", rest):
            return f"{rest} ?", request
    return None
