"""The French sentences the assistant writes around the texts' own words, in one place to review.

Passages are quoted as they are; calculators write their own steps. What is here is the frame: the
refusal, the clarification prompts, the notes added to an answer. Changing a sentence here changes
it for every front end (chat, CLI, JSON contract).
"""

from __future__ import annotations

import re
from datetime import date

from calculators.dates import format_date_fr
from ingest.models import DocumentInfo

COVERED_TOPICS = (
    "la Pro-A, le contrat de professionnalisation, le tutorat et sa prime, la prime de formateur interne, "
    "le conseil en évolution professionnelle, l'entretien professionnel, la VAE et son congé, la garantie "
    "individuelle d'accès à la formation, la contribution conventionnelle supplémentaire, l'abondement du CPF "
    "et les CQP du Régime général (dont le CQP gestionnaire conseil)"
)

EMPTY_QUESTION = (
    "Posez une question sur les textes de la formation professionnelle (par exemple : « Combien touche un tuteur ? »)."
)

INJECTION_NOTICE = (
    "Je ne suis pas les instructions contenues dans une question : je réponds uniquement d'après les textes."
)

DEFAULT_CLARIFY = "Pouvez-vous préciser votre question ?"


def question_too_long(length: int, limit: int) -> str:
    return f"Votre question fait {length} caractères ; la limite est de {limit}. Reformulez-la plus brièvement."


INSTRUCTIONS = "instructions"  # the router's refusal topic for a message made only of instructions

COVERED_SHORT = (
    "la formation professionnelle dans la branche (IDCC 218) : Pro-A, contrat de professionnalisation, "
    "tutorat, formateurs internes, CEP, entretien professionnel, VAE, garantie d'accès à la formation, "
    "financement et CQP"
)


# Where the general rule lives when no ministry fiche is close enough to name (labour law, not the texts).
GENERAL_RULE_ADDRESS = "https://code.travail.gouv.fr"


def of(topic: str) -> str:
    """ "de" before a French noun phrase: "des autres primes", "du préavis", "d'indemnité", "de la période"."""
    for article, contracted in (("les ", "des "), ("le ", "du ")):
        if topic.startswith(article):
            return contracted + topic[len(article) :]
    return f"d'{topic}" if topic[:1].lower() in "aeiouyhéèêàâîôû" else f"de {topic}"


def refusal(topic: str | None, fiche: tuple[str, str] | None = None, why: str | None = None) -> str:
    """The texts do not cover the question: say so, what they cover, and where the general rule lives.

    One short paragraph. `fiche` (title, address) is the ministry's fiche on the subject: named as
    general labour law, never quoted as the answer, never presented as the branch's agreement. A
    message made only of instructions gets no "ne traitent pas d'instructions": the injection notice
    before it already says why, this only invites a question on the texts. `why` names what made a question in
    the texts' own terms foreign (`foreign_why`, `future_why`, `census_why`), so that the reader sees why the
    branch's article on the same subject was not given (oos19).
    """
    if topic == INSTRUCTIONS:
        return f"Posez une question sur les textes : ils couvrent {COVERED_SHORT}."
    subject = of(topic) if topic else "de cette question"
    where = (
        f"La règle générale relève du droit du travail (Code du travail), pas de ces accords : voir la fiche "
        f"du ministère du Travail « {fiche[0]} » ({fiche[1]}). "
        if fiche
        else "La règle générale relève du droit du travail, pas de ces accords : voir le Code du travail numérique "
        f"({GENERAL_RULE_ADDRESS}) ; les autres règles de la branche sont dans sa convention collective. "
    )
    because = f"{why}, aussi je" if why and not topic else "je"
    return (
        f"Les textes indexés ne traitent pas {subject} : {because} ne peux pas vous répondre sans risquer "
        f"d'inventer. Ils couvrent {COVERED_SHORT}. {where}"
        "Pour votre situation, adressez-vous à votre service RH ou à votre représentant du personnel."
    )


def foreign_why(name: str) -> str:
    """Another employer, country, status, framework or scheme named by the question ("SNCF", "Belgique",
    "fonctionnaire", "VAE inversée")."""
    return (
        f"elle vise « {name} », que ces textes ne règlent pas (ils valent pour la formation des salariés des "
        "organismes du régime général de la Sécurité sociale) ; la règle applicable relève d'un autre texte"
    )


def future_why(name: str) -> str:
    """A text to come ("le prochain accord"): the indexed texts are the versions signed, not the next ones."""
    return (
        f"elle porte sur « {name} », un texte à venir ; ils sont les versions signées (protocole de 2019, avenant "
        "de 2022) et ne disent pas ce que contiendra le suivant"
    )


def cited_not_held(names: list[str]) -> str:
    """A text the indexed texts cite but do not hold ("le protocole d'accord du 23 juillet 2015"): said after the
    answer, so that the citing sentence is not taken for its content."""
    listed = " ; ".join(f"« {name} »" for name in names)
    return (
        f"À noter : {listed} — cité par les textes indexés, ce texte n'en fait pas partie ; son contenu (montants, "
        "règles) n'est pas disponible ici : demandez-le à votre service RH."
    )


def census_why(noun: str) -> str:
    """A statistic ("combien d'accompagnateurs AFEST ont été reconnus depuis 2022"): the texts make rules."""
    return f"elle demande un chiffre constaté (« {noun} ») que ces textes, qui fixent des règles, ne donnent pas"


def price_why(words: str) -> str:
    """A price the texts never fix ("combien coûte l'inscription au CQP"): they describe the thing, not its price."""
    return f"elle demande un prix (« {words} ») que ces textes, qui décrivent ce dispositif, ne fixent pas"


def value_why(kind: str) -> str:
    """A sum or a share asked of something the texts name without giving that figure (oos27: "quel salaire après
    le CQP", "quel pourcentage de reçus"): they name the thing, not its figure."""
    return f"elle demande un {kind} que ces textes ne donnent pas pour ce dont elle parle"


def uncovered_part(topic: str) -> str:
    """Appended when a question is half in scope: the covered half was answered above.

    Empty for instructions mixed into a question: the injection notice already answers for them.
    """
    if topic == INSTRUCTIONS:
        return ""
    return (
        f"Les textes indexés ne traitent pas {of(topic)} : ce point relève d'autres textes (convention "
        "collective, Code du travail) ; adressez-vous à votre service RH."
    )


def calculation_impossible(reason: str) -> str:
    return f"Je ne peux pas faire ce calcul : {reason} Pouvez-vous préciser ou corriger ?"


def assumptions(notes: list[str]) -> str:
    return "Hypothèses : " + " ".join(notes)


def applicable_rule(citation: str, number: int) -> str:
    """Points a clarification to the article that holds the rule, before the user answers."""
    label = lower_first(citation)
    if re.match(r"[aeiouyhàâéèêîôû]", label):  # "à l'article 5", "à l'annexe 1"
        return f"La règle applicable figure à l'{label} [{number}]."
    return f"La règle applicable figure dans la partie « {label} » [{number}]."  # "préambule", "VI – …"


def lower_first(text: str) -> str:
    """ "Article 4.3" → "article 4.3" inside a sentence; "VI – …", "CQP …" stay as they are."""
    return text[:1].lower() + text[1:] if re.match(r"[A-ZÀÉÈ][a-zà-ÿ]|L['’][a-zà-ÿ]", text) else text


# -- the retrieval answer's frame (assistant.answering.composer) ------------------------------------
SEE_ALSO = "Voir aussi"
FROM = "D'après"
IN_SHORT = "En bref"
YES = "Oui"
NO = "Non"
ADDED_DOCUMENT = " (document ajouté, hors corpus officiel)"


def lead_line(sentence: str, number: int, *, figure: str | None = None, verdict: bool | None = None) -> str:
    """The answer's first sentence: "3 salariés : chaque tuteur accompagne, au maximum, 3 salariés [1]."

    The passage's own sentence, opened by the figure asked for or by oui/non when the composer could
    read it off the sentence, otherwise by "En bref"; it keeps its citation marker.
    """
    text = sentence.strip().lstrip("–-• ").strip()
    announces = text.endswith(":")
    text = text.rstrip(" .;:")
    if verdict is not None:
        opener = YES if verdict else NO
    elif figure:
        opener = figure
    else:
        opener = IN_SHORT
    return f"{opener} : {lower_first(text)} [{number}]" + (" :" if announces else ".")


def other_part(asked: str) -> str:
    """Heads the answer to another question of the same message: "Et pour « qui gère l'argent ? » :".

    The user's words are quoted only when short and free of figures: a figure typed by the user ("c) 1h30,
    c'est bien ça ?") must never reach the answer unless a cited text states it (the number guard's rule)."""
    if re.search(r"\d", asked) or len(asked.split()) > OTHER_PART_WORDS:
        return "Et pour l'autre point de votre question :"
    return f"Et pour « {asked} » :"


OTHER_PART_WORDS = 12


# A rule of the lead applied to the user's own figure (`applied_rule`): the operation, with the lead's citation.
APPLIED = "Appliqué à vos chiffres : {operation}{bound} [{n}]."


def lead_continuation(sentence: str, number: int) -> str:
    """A second lead sentence (the one the first refers back to, or the list the first announces)."""
    text = sentence.strip().rstrip(" ;")
    return f"{text} [{number}]" if not text.endswith(":") else text


def quotes_heading(intro: str, source: str, number: int, *, quoted: bool = True) -> str:
    """ "D'après l'article 4.2 du protocole d'accord du 19 décembre 2019 [1] :" (a period when nothing follows)."""
    return f"{intro} {source} [{number}] :" if quoted else f"{intro} {source} [{number}]."


def _short_quote(text: str) -> str:
    return " ".join(text.split()).strip().lstrip("–-• ").rstrip(" .;:")


def texts_disagree(
    recent: str, recent_number: int, recent_quote: str, older: str, older_number: int, older_quote: str
) -> str:
    """Two texts in force give different rules for the same thing: say so, apply the most recent."""
    recent_quote, older_quote = _short_quote(recent_quote), _short_quote(older_quote)
    return (
        f"Attention, les textes ne concordent pas : {older} [{older_number}] prévoit « {older_quote} », "
        f"alors que {recent} [{recent_number}], plus récent, prévoit « {recent_quote} ». "
        f"C'est le texte le plus récent en vigueur qui s'applique : {recent} [{recent_number}]."
    )


def texts_disagree_undated(
    first: str, first_number: int, first_quote: str, other: str, other_number: int, other_quote: str
) -> str:
    """Two texts differ and their dates do not tell which prevails: say so, cite both."""
    first_quote, other_quote = _short_quote(first_quote), _short_quote(other_quote)
    return (
        f"Attention, les textes ne concordent pas : {first} [{first_number}] prévoit « {first_quote} », "
        f"alors que {other} [{other_number}] prévoit « {other_quote} ». Leurs dates ne permettent pas de dire "
        "lequel prévaut : faites vérifier ce point par votre service RH."
    )


def source_phrase(label: str, document_name: str) -> str:
    """ "l'article 4.3 du protocole d'accord du 19 décembre 2019", "la partie « VI – La VAE » de …"."""
    of_document = _of(document_name)
    if re.match(r"(Article|Annexe|Préambule|Conclusion)\b", label):
        article = "le " if label.startswith("Préambule") else "la " if label.startswith("Conclusion") else "l'"
        return f"{article}{lower_first(label)} {of_document}"
    return f"la partie « {label} » {of_document}"


def _of(name: str) -> str:
    lowered = lower_first(name)
    if re.match(r"(protocole|modèle|document)\b", lowered):
        return f"du {lowered}"
    if re.match(r"[aeéiouy]", lowered, re.IGNORECASE):
        return f"de l'{lowered}"
    return f"du document « {name} »"


# -- conversation (assistant.conversation): what a follow-up was understood as, so a misreading shows


def understood_subject(subject: str) -> str:
    """Before the answer to "qui la finance ?" after a question on the Pro-A: "Pour la Pro-A :"."""
    return f"Pour {subject} :"


def understood_question(question: str) -> str:
    """Before the answer to "et avec trois stagiaires ?": the earlier question as it now reads."""
    return f"Question comprise : « {question} »"


def courtesy_reply(thanks: bool) -> str:
    """The reply to "merci", "ok super" in a conversation: no search, and the thread stays open."""
    opening = "Je vous en prie. " if thanks else ""
    return opening + "Posez une autre question sur les textes quand vous voulez, ou précisez la précédente."


def understood_again(question: str) -> str:
    """Before the answer to "pourquoi ?", "sur quel article ?", "tu es sûr ?": the question taken up again."""
    return (
        f"Je reprends la question « {question} » : voici la réponse et les passages des textes "
        "sur lesquels elle repose."
    )


def french_date(value: str | None) -> str:
    if not value:
        return ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return format_date_fr(day)


def document_name(info: DocumentInfo) -> str:
    """How an answer names a document: "protocole d'accord du 19 décembre 2019", …"""
    if info.kind == "accord" and info.signed:
        return f"protocole d'accord du {french_date(info.signed)}"
    if info.kind == "avenant" and info.signed:
        return f"avenant du {french_date(info.signed)}"
    return info.title


def understood_simpler(question: str) -> str:
    """Before the answer to "explique plus simplement", "avec des mots simples": the rule asked about, in short."""
    return f"Plus simplement, ce que disent les textes sur « {question} » :"


def conditions_of(display: str) -> str:
    """The general question a request to say a clarification more simply is answered by ("la Pro-A" →
    "Quelles sont les conditions de la Pro-A ?"), when the earlier question told a case."""
    for article, of in (("le ", "du "), ("les ", "des "), ("la ", "de la "), ("l'", "de l'")):
        if display.lower().startswith(article):
            return f"Quelles sont les conditions {of}{display[len(article) :]} ?"
    return f"Quelles sont les conditions de {display} ?"


def understood_comparison(question: str, other: str) -> str:
    """Before the answer to "et par rapport au contrat pro ?": the question asked of the new side, and
    the side it is compared with (issue #14)."""
    return f"Question comprise : « {question} », en comparaison avec {other}"


def comparison_recall(other: str, earlier_answer: str) -> str:
    """After that answer: what the previous answer said of the other side, for the comparison."""
    return f"Pour comparer, {other} (réponse précédente) : {earlier_answer}"


# -- a detail the texts do not state (assistant.answering.silent) -------------------------------------
NEAREST_RULE = "Ce qu'ils prévoient"


def texts_silent_on(noun: str, words: str) -> str:
    """ "Les textes ne précisent pas le régime social et fiscal (« soumise aux cotisations sociales »)."

    The user's words are quoted only when short and free of figures (the number guard's rule, as in
    `other_part`): "deux heures par semaine" is named by its generic noun alone."""
    words = " ".join(words.split()).strip(" ,;?")
    if not words or re.search(r"\d", words) or len(words.split()) > OTHER_PART_WORDS:
        return f"Les textes ne précisent pas {noun}."
    return f"Les textes ne précisent pas {noun} (« {words} »)."


# -- what a calculation leaves of the question (assistant.calculation) --------------------------------
def rest_of_question(aspects: str, marker: int) -> str:
    """The introduction of the texts' answer to what the calculator did not compute ("durée, salaire")."""
    return f"Pour le reste de votre question ({aspects}), les textes prévoient [{marker}] :"


def quoted_line(sentence: str) -> str:
    """One quoted sentence of the texts, as a list line."""
    return f"- « {sentence} »"
