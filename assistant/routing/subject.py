"""The subject of a question, and whether a passage speaks of it (issue #21: answerability).

Why: a passage that shares a word with the question does not answer it. "Quelle est la durée
maximale d'un CDD ?" shares "CDD" with the CEP article; "Le plafond du CPF ?" shares "CPF" with
the abondement article. What the question is about is its head noun phrase ("durée maximale d'un
CDD", "plafond du CPF"): the words after the interrogative frame, up to the first preposition that
opens a complement ("en euros", "pour un CDI"). A passage speaks of the subject when it holds the
phrase's words (all of them, or all but one for a phrase of three words or more, so that a verb
caught in the phrase or an inflection does not sink it), close together: "points de compétence" is
not spoken of by a passage that has "points" in one sentence and "compétences" three lines below,
nor "CPF de transition" by the CPF article that mentions a "transition" elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.routing.extraction.folding import fold
from assistant.routing.request_frame import without_request

# Words of the interrogative frame and of reference to the texts: skipped before the subject starts.
_FRAME = frozenset(
    re.findall(
        r"\S+",
        """quel quelle quels quelles est sont etait ce c ca cela que qu qui quoi comment combien pourquoi quand
    ou y a t il ils elle elles on je j tu vous me m te se mon ma mes ton ta tes son sa ses notre nos votre vos
    leur leurs peut peux peuvent puis dois doit doivent faut ai as avoir ont droit l le la les un une des du
    de d en au aux parle parlent prevoit prevoient dit disent texte textes accord accords avenant protocole
    convention existe exister savoir sais voudrais veux aimerais connaitre concernant sujet propos
    est-ce est-il est-elle y-a-t-il a-t-il dans sur pour avec selon chez-nous chez bonjour svp stp alors
    donc mais et-si si oui non s suis es sommes etes ai avons avez ete n ne pas
    faire etre rentrer entrer acceder obtenir beneficier partir demander toucher prendre poser payer
    recevoir utiliser aller venir veut voir marche
    seulement uniquement aussi encore toujours vraiment juste deja bien lequel laquelle lesquels lesquelles
    ceux celles celui celle""",
    )
)
# "peut-il", "rembourse-t-il": a verb with its subject pronoun after it ends the phrase like a verb.
_INVERTED = re.compile(r"\b([a-z]+)-(?:t-)?(?:il|elle|ils|elles|on|je|tu|nous|vous)\b")
_VERB = "\x00"  # marks an inverted verb among the tokens
_TIME_AGO = re.compile(
    r"\b(?:il y a\x00*|depuis|pendant|dans|voila) (?:quelques|plusieurs|\d+|un|une|deux|trois|quatre|cinq|six|dix) "
    r"(?:ans?|annees?|mois|jours?|semaines?)\b"
)
# A date is when, not what: "Le 14 juillet tombe un samedi" is about the Saturday, not about July (a passage
# dated "15 juillet 2019" would otherwise speak of it).
_DATE = re.compile(
    r"\b\d{1,2}(?:er)? (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
    r"(?: \d{4})?\b"
)
# After "avoir" marked as a verb ("j'ai fait", "on a eu"), the participle is a verb too; not after "être", whose
# attribute may be the subject ("je suis enceinte").
_PARTICIPLE = re.compile(
    r"\b((?:j|je|tu|il|elle|on|nous|vous|ils|elles) (?:ai|as|a|avons|avez|ont)\x00 )([a-z]+)\b(?!-)"
)
_OBJECT_HAS = re.compile(r"\b(?:m|t|l|s|y|nous|vous|lui|leur)\s+(?:a|ont|avait)\b")
# "je touche le RSA", "on passe au niveau 5", "qui fixe les priorités": the word after a subject pronoun (object
# pronouns and the negation between them skipped) is a conjugated verb, not the subject; marked like an inverted one.
_PRONOUN_VERB = re.compile(
    r"\b((?:je|j|tu|nous|vous|on|il|ils|elle|elles|qui)\s+(?:(?:ne|n|me|m|te|t|se|s|y|en|lui|leur|le|la|l|les)\s+)*)"
    r"([a-z]+)\b(?!-)"
)
# Words that end the head noun phrase once it has started: prepositions opening a complement,
# conjunctions, verbs of the frame, a subject pronoun taking the phrase up ("l'accord de 2019 il …").
_BOUNDARY = frozenset(
    re.findall(
        r"\S+",
        """en pour dans sur avec a au aux quand si lorsque pendant par chez depuis selon apres avant c est sont
    il elle ils elles on
    peut peuvent doit doivent faut et ou mais vs contre entre sans sous vers comme quand lorsqu puisque
    car alors dont auxquels auxquelles desquels desquelles""",
    )
)
_MAX_TERMS = 4
# A question on whether the texts speak of something: what follows is the subject ("le texte formation de la
# branche dit-il un mot sur la discrimination", "l'accord parle-t-il du télétravail", "prévoit quelque chose pour").
_SPOKEN_OF = re.compile(
    r"\b(?:dit|disent|dire|parle|parlent|parler|mentionne|mentionnent|evoque|evoquent|aborde|abordent|traite|"
    r"traitent|prevoit|prevoient|prevoir)(?:-t)?(?:-(?:il|elle|ils|elles|on))?"
    r"(?: (?:quelque chose|un mot|qqch|rien|quoi|des choses))?"
    r" (?:sur|de|du|des|d|au sujet d\w*|a propos d\w*|concernant|pour)\b"
)
# A clause of time said first sets when, the main clause after its comma asks: "Le jour où je suis en formation,
# je perds mon ticket resto ?". Not a condition ("Si je démissionne, …"), which may be what is asked about. So does
# a time adjunct put first (oos20): "En plein été, ai-je le droit de venir en short au bureau ?" asks about the
# shorts, not the summer; "Pendant une Pro-A, …", "Lors de l'entretien professionnel, …" frame what the main clause
# asks (measured on every tuning-pool question framed so: only oos26k-003 and oos26o-009, both out of scope, and
# one in-scope question, pp14-004, change their subject check, all three to the expected side).
_SITUATION = re.compile(
    r"^\s*(?:le jour ou|les jours ou|au moment ou|pendant que|des que|une fois que|apres avoir|avant de|"
    r"(?:pendant|durant|lors|au cours|en plein|en pleine)\b(?=[^,?;:]*,)|"
    # what the question sets aside or adds to first: "Au-delà de l'égalité d'accès, qu'est-ce que …"
    r"(?:au-dela|au dela|en plus|en dehors) (?:de|du|des|d)|outre|a part|hormis)"
    r"\b[^,?;:]*,\s*"
)
WINDOW = 3  # analysed terms allowed per word of the subject between its first and last word


def subject_phrase(question: str, *, predicate: bool = True) -> str:
    """The question's head noun phrase, folded, frame words left out ("" when none can be told).

    A phrase of one word that a verb ends ("le CPF est plafonné…", "mon manager m'a refusé mes points…")
    says who or what, not what is asked of it: the phrase that follows the verb is taken with it ("cpf
    plafonne", "manager refuse points competence"). A word ended by punctuation ("le CEP, c'est quoi ?")
    or by a preposition opening the user's situation ("un salarié en CDD") stays alone. Without
    `predicate`, the one word stays alone before "est"/"c'est" too ("la Pro-A est envisageable ?" →
    "pro-a": the head, not what is said of it), not before another verb, whose object is what is asked
    ("le CPF peut-il payer l'auto-école ?" → "cpf auto-ecole").
    The caller analyses it with the same analyser as the passages (stems, stop words)."""
    # "l'avenant a changé quoi ?": a participle after "a" (accented, so not the preposition "à") is a verb; not
    # after an object pronoun ("m'a supprimé mes RTT": what was done to the asker is the subject)
    participles = {fold(m.group(1)) for m in _ACCENTED_PARTICIPLE.finditer(question)}
    text = fold(question).replace("'", " ")
    situation = _SITUATION.match(text)
    if situation and re.search(r"[a-z]", text[situation.end() :]):  # "Le jour où je suis en formation, je perds…"
        text = text[situation.end() :]
    # "Dresse la liste des organismes …", "dans quel but …", "l'accord de 2019": how it is asked, not about what
    text = without_request(text, _FRAME | _BOUNDARY)
    spoken = _SPOKEN_OF.search(text)
    if spoken and text[spoken.end() :].strip(" ?.!"):  # "si le texte dit un mot sur la discrimination": of that
        text = text[spoken.end() :]
    text = _INVERTED.sub(lambda m: m.group(1) + _VERB, text)
    text = _INVERTED_PARTICIPLE.sub(lambda m: m.group(1) + m.group(2) + _VERB, text)  # "a-t-il mis": "mis" too
    text = _PRONOUN_VERB.sub(lambda m: m.group(1) + m.group(2) + _VERB, text)
    text = _OBJECT_HAS.sub(lambda m: m.group(0) + _VERB, text)  # "m'a refusé": the verb, not "à"
    text = _TIME_AGO.sub(" " + _STOP + " ", text)  # "il y a deux ans", "depuis 3 mois": when, not what
    text = _DATE.sub(" " + _STOP + " ", text)  # "le 14 juillet tombe un samedi": when, not what
    text = _PARTICIPLE.sub(lambda m: m.group(1) + m.group(2) + _VERB, text)  # "j'ai fait Accessit": "fait" too
    if participles:
        text = re.sub(
            rf"\b((?:a|ont|avait|avaient)\x00? )({'|'.join(map(re.escape, participles))})\b(?![-\x00])",
            lambda m: m.group(1) + m.group(2) + _VERB,
            text,
        )
    text = _LOCUTION.sub(lambda m: m.group(1) + m.group(2) + _VERB, text)  # "mis en place": one verb
    text = _AFTER_CE_QUE.sub(lambda m: m.group(1) + m.group(2) + _VERB, text)  # "ce que fait la CPNEFP": "fait"
    text = _BEFORE_ARTICLE.sub(_verb_before_article, text)  # "quel rôle joue la CPNEFP": "joue" is the verb
    # punctuation ends the phrase too; not a decimal comma: "le 0,15 %" is a figure the texts state, one term
    text = re.sub(r"(?<!\d),|,(?!\d)|[;:?!()]|\.(?!\d)", " " + _STOP + " ", text)
    tokens = re.findall(r"\d+(?:,\d+)+|[a-z0-9]+(?:-[a-z0-9]+)*\x00?|\x00|\x01", text)
    phrase, end = _phrase_from(tokens, 0)
    opens_predicate = end < len(tokens) and (tokens[end] in _PREDICATE or _VERB in tokens[end])
    if len(phrase) == 1 and opens_predicate and (predicate or tokens[end] not in _COPULA):
        phrase += _phrase_from(tokens, end, first=False)[0]
    elif len(phrase) == 1 and _RELATIVE.match(" ".join(tokens[end : end + 2])):
        # "les publics pour lesquels l'action peut durer 36 mois": a noun of kind ("publics", "cas", "organismes")
        # is told by its relative clause, whose noun phrase is taken with it
        # (its head and first complement: the rest of the clause says what is asked of them, "… d'un contrat pro")
        phrase += _phrase_from(tokens, end + (0 if tokens[end] in _FRAME else 1), first=False)[0][:RELATIVE_TERMS]
    return " ".join(phrase[: _MAX_TERMS + 2])


RELATIVE_TERMS = 2
# A relative clause after the head noun that tells a noun of kind: "pour lesquels", "auxquels", "dans
# lesquelles", "où". Not "dont": "la CPNEFP dont dépend notre caisse" says something of the subject.
_RELATIVE = re.compile(
    r"(?:(?:pour|dans|sur|par|avec|a|chez|selon) )?(?:lesquel\w*|laquelle|lequel|auxquel\w*|desquel\w*|ou)\b"
)


# A participle after an inverted auxiliary ("a-t-il mis", "ont-ils prévu"), a verb as after "il a".
_INVERTED_PARTICIPLE = re.compile(r"\b((?:a|ai|as|ont|avons|avez|avait|avaient)\x00 )([a-z]+)\b(?!-)")
_ACCENTED_PARTICIPLE = re.compile(r"(?<![mtlsMTLS]['’])\b(?:a|ont|avait|avaient)\s+([a-zà-ÿ]+(?:é|ée|és|ées))(?![\w-])")
# A verb and a bare noun after "en" make one verb ("mis en place", "pris en charge", "mise en oeuvre").
_LOCUTION = re.compile(r"\b([a-z]+\x00 en )(place|oeuvre|charge|compte|avant|cause|valeur|route)\b")
# After "ce que", "ce qui": a verb ("ce que fait la CPNEFP", "ce qui change"), unless a subject comes first.
_AFTER_CE_QUE = re.compile(
    r"\b(ce (?:que|qu|qui) )"
    r"(?!(?:je|j|tu|il|elle|on|nous|vous|ils|elles|les|la|le|l|un|une|des|mon|ma|mes)\b)([a-z]+)\b(?!-)"
)


# A noun phrase links its nouns by prepositions ("rôle de la CPNEFP"), never by a bare article: a word between a
# noun and an article ("quel rôle joue la CPNEFP", "combien de salariés compte le groupe") is a verb whose
# subject comes after it.
_BEFORE_ARTICLE = re.compile(r"\b([a-z]{2,}) ([a-z]{3,})(?= (?:le|la|les|un|une) )")


def _verb_before_article(match: re.Match[str]) -> str:
    before, word = match.group(1), match.group(2)
    if before in _FRAME or before in _BOUNDARY or word in _FRAME or word in _BOUNDARY:
        return match.group(0)
    return f"{before} {word}{_VERB}"


_STOP = "\x01"  # marks punctuation among the tokens: it ends the phrase for good
# Boundaries that open the predicate (a verb, or a pronoun taking the subject up): after a one-word subject,
# what follows them is what is asked of it. A preposition opens the user's situation instead ("en CDD").
_PREDICATE = frozenset({"c", "est", "sont", "peut", "peuvent", "doit", "doivent", "faut", "il", "elle", "ils", "elles"})
_COPULA = frozenset({"c", "est", "sont"})  # what follows says what the subject is: an attribute


def _opens(token: str) -> bool:
    return token in _FRAME or token in _BOUNDARY or _VERB in token


def _phrase_from(tokens: list[str], start: int, *, first: bool = True) -> tuple[list[str], int]:
    """The phrase at or after `start` (frame words, boundaries and verbs skipped before it; punctuation
    too for the `first` phrase, never for the one taken with it), and the index of the token ending it."""
    while start < len(tokens) and (_opens(tokens[start]) or (first and tokens[start] == _STOP)):
        start += 1
    phrase: list[str] = []
    for i in range(start, len(tokens)):
        token = tokens[i]
        if token == _STOP or ((token in _BOUNDARY or _VERB in token) and phrase):
            return phrase, i
        if token not in _FRAME:
            phrase.append(token)
    return phrase, len(tokens)


# Who asks, said before what is asked: "En tant que représentant du personnel,", "Élue CSE :", "Manager ici.",
# "je suis tutrice,", "Pour ma collègue,". A clause of its own (ended by a comma, colon or full stop, with the
# question after it), made of a role or a relation to the asker and at most a few words more: the asker's
# role, not the subject ("Un élu du CSE a droit à combien d'heures de délégation ?" keeps its subject).
_ROLE = (
    r"(?:elue?s?|representante?s?(?: du personnel| syndica\w*)?|deleguee?s?(?: syndica\w*| du personnel)?|"
    r"membres? (?:du|de la) \w+|manager|managere?|responsable|rh|drh|gestionnaire|technicien(?:ne)?|"
    r"conseill(?:er|ere)|assistante?|tut(?:eur|rice)|format(?:eur|rice)|salariee?|agent|cadre|"
    r"nouv(?:el|elle|eau) (?:arrivante?|embauchee?|salariee?|agent)|alternante?)"
)
_INTRO = r"(?:en tant qu ?e? ?|je suis |jsuis |j suis |moi,? |on est |nous sommes )(?:un |une |l |le |la )?"
_RELATION = r"pour (?:ma|mon|une|un|notre) (?:collegue|equipe|agent|salariee?|collaborat\w+|n\+1|cheff?e?|manager)"
_END = r"(?: ici)?\s*[,.;:!]\s+(?=\S)"
# Any short description after "en tant que" / "je suis" ("je suis en CDD depuis 8 mois,"): context, not subject.
_ASKER = re.compile(
    rf"^\s*(?:{_INTRO}[^,.;:!?]{{1,50}}?|(?:{_INTRO}|un |une )?{_ROLE}(?: [^,.;:!?]{{1,40}}?)?|{_RELATION}){_END}"
)
# Roles only ("Élue CSE :", "en tant que manager,"): a situation ("je suis enceinte,") may be the subject.
_ROLE_ONLY = re.compile(rf"^\s*(?:(?:{_INTRO}|un |une )?{_ROLE}(?: [^,.;:!?]{{1,40}}?)?|{_RELATION}){_END}")


def without_asker(text: str, *, roles_only: bool = False) -> str:
    """The message without the clauses that say who asks (`_ASKER`), kept as written (accents too).

    "Élu CSE : une caisse peut-elle ne pas appliquer l'accord ?" asks whether a caisse may opt out; "élu
    CSE" is the asker, whose subject (the CSE's own business) the texts do not cover. Only clauses at
    the start of the message, and never the whole message. `roles_only` keeps a described situation
    ("Je suis enceinte, j'y ai droit ?"), which may be what the question is about.
    """
    pattern = _ROLE_ONLY if roles_only else _ASKER
    out = text
    for _ in range(3):  # "Élue CSE, en tant que membre de la commission formation, …"
        folded = fold(out).replace("'", " ")  # "en tant qu'élue": the elision as a space, the length kept
        match = pattern.match(folded)
        if match is None or not out[match.end() :].strip():
            break
        out = out[match.end() :]
    return out


def asking_clause(question: str) -> str:
    """The part of a message that asks: its last sentence holding a "?" (else its last sentence), after
    the last colon. "Élu CSE ici. Qui fixe les priorités de financement… ?" asks about the priorities,
    "Pour un article de l'intranet : les assistantes sociales, combien ?" about the assistantes sociales;
    the context said first is not the subject."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", question.strip()) if s.strip()]
    if not sentences:
        return ""
    # without a "?", the sentence holding an indirect question ("je vous demande quel rôle…"), not a closing
    # formula after it ("Avec mes remerciements anticipés.")
    asking = next((s for s in reversed(sentences) if "?" in s), None)
    if asking is None:  # its clause holding the indirect question: "…, je me permets de vous demander quel…"
        indirect = [c for s in sentences for c in s.split(",") if _INDIRECT.search(fold(c))]
        asking = indirect[-1].strip() if indirect else sentences[-1]
    if not asking.count(":"):
        return asking
    before, after = asking.rsplit(":", 1)
    # "il y a des cases à cocher : lesquelles ?": a bare interrogative asks about what was said before it
    if not after.strip() or ("?" in after and not (set(re.findall(r"[a-z]+", fold(after))) - _FRAME - {"y", "en"})):
        return before if after.strip() and before.strip() else asking
    return after


# An indirect question: a verb of asking or knowing, then what is asked ("je vous demande quel…", "savoir si…").
_INDIRECT = re.compile(
    r"\b(?:demander|demande|savoir|connaitre|preciser|indiquer)\b.*\b"
    r"(?:quel|quelle|quels|quelles|comment|combien|pourquoi|qui|quand|ou|si|lequel|laquelle|lesquels|lesquelles)\b"
)


def speaks_of(terms: set[str] | Sequence[str], passage_terms: set[str], sequence: Sequence[str] | None = None) -> bool:
    """True when a passage (its analysed terms) holds the subject's words.

    A phrase of three words or more may miss one: any one for a set of words; for words in the
    question's order, only the first or the last (a verb caught at either end: "finance CPF de
    transition", "prime de tutorat arrive"), never one inside the phrase ("transition"). With the passage's terms
    in order (`sequence`), the words must also stand close together: within `WINDOW` analysed terms
    per word of the subject, so that the phrase, not two stray words, is found.
    """
    if not terms:
        return True
    words = set(terms)
    needed = len(words) - 1 if len(words) >= 3 else len(words)
    if sum(t in passage_terms for t in words) < needed:
        return False
    if not isinstance(terms, set) and len(words) >= 3 and not all(t in passage_terms for t in list(terms)[1:-1]):
        return False  # a word inside the phrase is missing: the phrase is not there
    if sequence is None or needed < 2:
        return True
    return _closest_span(words, sequence, needed) <= WINDOW * needed


def _closest_span(terms: set[str], sequence: Sequence[str], needed: int) -> int:
    """The fewest consecutive terms of `sequence` holding `needed` distinct words of `terms`."""
    best = len(sequence) + 1
    last: dict[str, int] = {}
    for i, term in enumerate(sequence):
        if term not in terms:
            continue
        last[term] = i
        if len(last) >= needed:
            best = min(best, i - sorted(last.values(), reverse=True)[needed - 1] + 1)
    return best


_LINKS = r"(?:\s+(?:de|du|des|aux|au|a|la|le|les|et|en|pour)\b|\s+[dl]')*\s*"


def acronyms(question: str) -> list[str]:
    """The acronyms written in capitals in the question ("AAH", "RSA"), folded."""
    return list(dict.fromkeys(fold(a) for a in re.findall(r"\b[A-Z]{2,5}\b", question)))


def with_acronyms(text: str, names: list[str]) -> str:
    """The passage with each spelled-out name of `names` followed by its acronym (folded then).

    A passage speaks of "l'AAH" when it writes "l'allocation aux adultes handicapés": the words whose
    initials spell the acronym (linking words skipped) count as the acronym itself.
    """
    folded = fold(text)
    spelled = folded
    for name in names:
        if re.search(rf"\b{name}\b", folded):
            continue
        pattern = r"\b" + _LINKS.join(rf"{letter}[a-z0-9-]*" for letter in name) + r"\b"
        spelled = re.sub(pattern, rf"\g<0> {name}", spelled)
    return text if spelled == folded else spelled  # unchanged: the passage as written (its own stems)


# The question names the general law as the source of the rule it asks ("selon le code du travail", "d'après
# la loi", "légalement", "pas la convention"): its subject is the legal rule, which the indexed texts are not.
_THE_LAW = re.compile(
    r"\b(?:selon|d apres|dans|par|d apres ce que dit) (?:le )?code du travail\b|\b(?:selon|d apres|par) la loi\b|"
    r"\bla loi (?:prevoit|impose|fixe|dit)|\blegalement\b|\bpas (?:la convention|l accord|les accords|la branche)\b"
)
# The law named as the source of the rule, explicitly: the code du travail, "selon/d'après/par la loi", or the law
# as the subject of a verb in the present ("la loi garantit", "que prévoit la loi", "la loi exige-t-elle"), not a
# law named as a text ("la loi de 2018", "la loi Avenir professionnel") nor compared ("mieux que la loi ou pareil").
_THE_LAW_EXPLICIT = re.compile(
    r"\b(?:selon|d apres|par|dans) (?:le )?code du travail\b|\b(?:selon|d apres|par) la loi\b|"
    r"\ble code du travail (?!(?:ou|et|est)\b)[a-z]+(?:e|it|t)(?:-t-il|-il)?\b|"
    r"\b(?:que|qu) (?:dit|prevoit|impose) la loi\b|"
    # the law as the level or the point of view of the rule: "au niveau légal", "sur le plan légal"
    r"\b(?:au niveau|sur le plan|du point de vue|d un point de vue) (?:legal|de la loi)\b|"
    r"\bla loi (?!(?:ou|et|est|etait|de|du|des|sur|pour|relative|avenir|ne|n|se|s|qui|que|a)\b)[a-z]+(?:e|it|t)"
    r"(?:-t-elle|-elle)?\b"
)
# The question names the branch's own texts beside the law: it asks how they compare, which they answer.
_THE_BRANCH = re.compile(r"\b(?:accords?|branche|convention|avenant|protocole|textes?|circulaire)\b")
# The law as the term of a comparison ("en plus de ce que la loi impose", "meilleure que ce que prévoit la loi",
# "plus favorables que le code du travail"): the question asks what the branch sets beyond the law, which its
# texts state (art. 8: "dans des conditions plus favorables que celles prévues par la loi"; art. 9: the
# contribution "supplémentaire"), not the legal rule. Read on the folded text, quotes as spaces.
_COMPARED_TO_THE_LAW = re.compile(
    r"\b(?:plus|mieux|meilleure?s?|moins|davantage|au[- ]dela|en sus|superieure?s?|inferieure?s?)\b"
    r"[^.?!;:,]{0,30}?\b(?:que|qu|de)\b[^.?!;:,]{0,20}?\b(?:la loi|le code du travail|la legislation)\b"
    r"(?: (?:prevoit|prevoient|impose|imposent|fixe|fixent|dit|exige|garantit|accorde|donne)\b)?"
)


def asks_the_law(question: str) -> bool:
    """The question asks what the labour code or the law says, not what the branch's texts say. A law only
    compared with the branch's rule (`_COMPARED_TO_THE_LAW`) is not what it asks."""
    return bool(_THE_LAW.search(_uncompared(question))) or asks_only_the_law(question)


def _uncompared(question: str) -> str:
    """The question folded (quotes as spaces) with the phrases that name the law as the term of a comparison cut
    out (`_COMPARED_TO_THE_LAW`): what is left names the law only where it is the source asked."""
    return _COMPARED_TO_THE_LAW.sub(" ", fold(question).replace("'", " "))


def asks_only_the_law(question: str) -> bool:
    """The question asks what the law itself says, naming it explicitly, and none of the branch's texts: the
    indexed texts are not the law, so whatever they say of its subject does not answer it ("en contrat de
    professionnalisation à 20 ans, la loi garantit quel pourcentage du SMIC ?": the branch's own pay scale
    would be a wrong answer). "Légalement" alone is the user's way of asking their right, and a question
    setting the law beside the agreement ("la loi prévoit …, l'accord fixe quoi ?") asks the agreement."""
    folded = _uncompared(question)
    return bool(_THE_LAW_EXPLICIT.search(folded)) and not _THE_BRANCH.search(folded)
