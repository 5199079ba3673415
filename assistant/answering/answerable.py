"""Do the retrieved passages answer the question, or are the texts silent on it?

A passage answers only if it speaks of the question's subject, not merely of a word in it: "la
durée maximale d'un CDD" is not answered by the CEP article that mentions employees on a CDD. The
retrieval and clarification steps of the service both ask this before quoting anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.attributes import DEPTH as ATTRIBUTE_DEPTH
from assistant.answering.attributes import NAMED_ONLY_TOPICS, attribute_terms, unstated_attribute, unstated_situation
from assistant.answering.census import unstated_census
from assistant.answering.clauses import asking_clauses
from assistant.answering.composer import query_weights, unit_terms
from assistant.answering.contact_details import unstated_contact
from assistant.answering.corpus_words import CorpusPhrases, CorpusWords, foreign_words, glossary_speaks
from assistant.answering.dispositifs import on_topic, scheme_mentions
from assistant.answering.glossary_places import (
    GlossaryReading,
    confident_section,
    placed_by_glossary,
    placed_by_section,
)
from assistant.answering.named_things import frame_verb, named_certification
from assistant.answering.qualifiers import actor_outside, foreign_qualifier
from assistant.answering.units import PREFIX
from assistant.routing.extraction.folding import fold
from assistant.routing.meaning import topic_articles
from assistant.routing.router import RouteDecision
from assistant.routing.subject import (
    acronyms,
    asking_clause,
    asks_the_law,
    speaks_of,
    subject_phrase,
    with_acronyms,
    without_asker,
)
from knowledge.french import analyze
from knowledge.hybrid import Evidence

MIN_COVERAGE = 0.34
# The passages searched for one speaking of the subject of a question naming an indexed text (three otherwise): a
# heading's subject ("selon son préambule, l'avenant…") is often held by the 4th or 5th.
SPEAKING_DEPTH = 5
# The bank's out-of-scope share above which best passages that do not speak of the question's
# subject mean the texts are silent (below it, the word coverage decides, as before).
SUBJECT_OUTSIDE_SHARE = 0.3
# The same, for a question tied to no corpus topic that names one of the indexed texts ("l'annexe de l'avenant",
# "la convention de formation COS"): the texts are what it asks about, unless the bank reads it mostly elsewhere.
NAMED_TEXT_OUTSIDE_SHARE = 0.5
# The same, for a question the router tied to a corpus topic: its cue may be a corpus word in a
# question about the legal rule ("le plafond du CPF", "l'aide de l'État pour un contrat de pro").
# In-scope questions read at most ~0.15 out of scope on the 2026 sets; near-corpus ones 0.2 to 0.5.
NAMED_TOPIC_OUTSIDE_SHARE = 0.2
# Before a calculation or a clarification, whose facts the router has read for a corpus rule: the bank
# must read the question clearly out of scope (in-scope calculations read up to ~0.3).
CALCULATION_OUTSIDE_SHARE = 0.4
# The bank's share for the routed topic from which its meaning outweighs a subject word no passage uses: in-scope
# questions in the user's own words read 0.85 to 1.0; near-corpus ones sharing a corpus word 0.3 to 0.7.
TOPIC_SHARE_OVER_WORDS = 0.75
# The bank's reading from which a question whose best passage is one of its topic's own articles is answered
# though its words cover the passages poorly (`placed_by_meaning`): the topic's share at least, and the
# out-of-scope share below. Measured on every single-question set (1,068 questions, the silent ones whose best
# passage is their topic's article): in-scope questions in other words than the texts' ("le tuteur peut suivre
# combien de personnes ?", the texts saying "accompagne … 3 salariés") read 0.68 to 1.0 with 0.0 to 0.11 outside;
# the near-corpus questions asking the legal rule read 0.57 with 0.08 outside, or 0.62 to 0.78 with 0.22 to 0.27.
PLACED_TOPIC_SHARE = 0.65
PLACED_OUTSIDE_SHARE = 0.15
# The bank's out-of-scope share from which the context before a question's asking clause no longer counts as its
# subject (`_asked`). Below it the context is often the subject itself ("Diplôme d'AES : il est classé à quel
# niveau ?", read 0.0 outside; "Un stagiaire a séché des heures : l'OPCA finance-t-il… ?", 0.3).
ASKED_ONLY_OUTSIDE_SHARE = 0.5
# How much nearer the texts' own questions must be than labour-law questions of both registers
# (`routing.register_contrast`) for a question whose subject no topic or text name placed to be read as about the
# texts all the same (`read_in_texts`). Chosen by leave-one-generation-out on the `subject_is_elsewhere` refusals of
# 2026o–s (56 in-scope, 57 out-of-scope questions; the threshold maximising in-scope kept less three times
# out-of-scope lost on four generations, scored on the fifth): 0.0187, 0.0187, 0.0187, 0.0185, 0.0191 chosen,
# 34 in-scope kept and 6 out-of-scope lost on the held-out generations (docs/evaluation/refuse24.md).
REGISTER_CONTRAST = 0.019
_CATCH_ALL_TOPICS = frozenset({"other_corpus"})  # the texts in general: no scheme or rule named


def decision_names_topic(decision: RouteDecision | None) -> bool:
    """The router found a corpus topic by its cues and meaning together (a strong in-scope reading)."""
    return decision is not None and decision.topic is not None and decision.outside < 0.5


def texts_are_silent(
    query: str,
    evidence: Sequence[Evidence],
    decision: RouteDecision | None = None,
    vocabulary: CorpusWords | None = None,
    phrases: CorpusPhrases | None = None,
    glossary: GlossaryReading | None = None,
) -> bool:
    """True when the best passages do not answer the question: the texts are silent.

    A passage answers only if it speaks of the question's subject (its head noun phrase,
    `assistant.routing.subject`), not merely of a word in it. When none of the best passages
    does, the texts are silent if the passages also share too few of the question's words, or
    if the example bank reads the question as a labour-law subject outside the texts
    (`SUBJECT_OUTSIDE_SHARE`): "la durée maximale d'un CDD" is not answered by the CEP article
    that mentions a CDD. With the corpus's `vocabulary`, they are silent too when the subject holds a
    word no passage of the texts uses (`names_foreign_subject`), whatever topic the router named. With the
    corpus's `phrases`, they are silent when a qualifier moves the question elsewhere (`qualified_elsewhere`),
    even though a passage speaks of its subject. With the question's `glossary` reading, a best passage whose
    section's glossary questions the question reads as (`placed_by_glossary`) answers it though its words
    differ; a subject named outside the texts (another branch's CQP, a cue outside, the legal rule) is still
    refused.
    """
    if (
        vocabulary is not None
        and phrases is not None
        and qualified_elsewhere(query, evidence, vocabulary, phrases, complement=not scheme_in_texts(query, glossary))
    ):
        return True
    if phrases is not None and unstated_census(query, evidence, phrases) is not None:
        return True  # "combien de managers ont été certifiés en 2021 ?": a statistic no best passage states (scope16)
    if unstated_contact(query, evidence) is not None:
        return True  # "quelle est l'adresse du CRFP de Lyon ?": no address in the best passages, whatever the topic
    if (
        vocabulary is not None
        and names_only(decision)
        and unstated_in_every_clause(query, evidence, decision, vocabulary, phrases)
    ):
        return True  # "le taux de réussite au CQP COS": the CQP is named, its success rate stated nowhere
    terms = set(query_weights(query))
    bags = [unit_terms(e.chunk.context_text) for e in evidence[:3]]
    subjects = _subjects(query)
    # a question naming an indexed text may find its subject in a heading ranked lower ("selon son préambule")
    depth = SPEAKING_DEPTH if decision is not None and decision.names_texts else 3
    if _any_speaks(query, _asked(query, subjects, decision), evidence[:depth], decision):
        return False
    if vocabulary is not None and names_foreign_member(query, vocabulary):
        return True  # "le CQP de la métallurgie": a CQP the texts do not name, whatever topic the bank reads
    if (
        placed_by_glossary(query, evidence, glossary, decision.outside if decision is not None else 0.0)
        and (decision is None or decision.cue_outside is None)
        and not (asks_the_law(query) and not (decision is not None and decision.names_texts))
    ):
        return False  # "repartir sur les bancs de l'école sans quitter mon poste": the Pro-A's glossary, by meaning
    elsewhere = bool(subjects) and subject_is_elsewhere(decision)
    if elsewhere and not read_in_texts(glossary):
        return True
    if decision is not None and decision.cue_outside is not None:
        return True  # "la convention COS … un préavis de démission ?": a subject named outside, no passage of it
    if subjects and asks_the_law(query) and not (decision is not None and decision.names_texts):
        return True  # "selon le code du travail, le congé VAE…": the legal rule, not the branch's
    if vocabulary is not None and not reads_as_topic(decision) and names_foreign_subject(query, vocabulary):
        return True  # "des heures d'auto-école", "le CQP coiffeur": a subject the texts never name
    if elsewhere:
        # "qui met la main au portefeuille pour la Pro-A ?": the texts' matter by meaning (refuse24). When the section
        # model names a section with confidence and the passages found are not led by it, the would-be refusal's
        # path answers from that section (`silent.read_for_detail`, prop14: "qui règle les frais de scolarité d'un
        # jeune en alternance ?" is art. 3.7's, where the passages found led with the Pro-A's funding, art. 2.6)
        return confident_section(glossary) is not None and not placed_by_section(evidence, glossary)
    if len(terms) < 2 or placed_by_meaning(evidence, decision):
        return False
    found: set[str] = set().union(*bags) if bags else set()
    return len(terms & found) / len(terms) < MIN_COVERAGE


def read_in_texts(glossary: GlossaryReading | None) -> bool:
    """The question reads as one of the texts' questions rather than a labour-law one, by meaning in both registers
    (`GlossaryReading.register_contrast` at `REGISTER_CONTRAST` at least).

    Why: with no corpus topic and no indexed text named, `subject_is_elsewhere` read the question as outside the
    texts; for most in-scope questions of 2026o–s it refused, the user had named the scheme in everyday words, a CQP
    by its job or a text by a periphrasis ("qui met la main au portefeuille", "le document signé avec le centre").
    What such a question asks is still checked before (the attribute, qualifier, census and contact checks), and
    after: a subject named outside (`cue_outside`), the legal rule (`asks_the_law`) or a subject the texts never
    name (`names_foreign_subject`: "des cours de parapente") is still refused; few shared words no longer refuse it.
    When the section model names a section with confidence that does not lead the passages found, the question stays
    a would-be refusal so that the section's path answers it (`texts_are_silent`)."""
    return (
        glossary is not None
        and glossary.register_contrast is not None
        and glossary.register_contrast >= REGISTER_CONTRAST
    )


def scheme_in_texts(query: str, glossary: GlossaryReading | None) -> bool:
    """The question names one of the texts' schemes (`dispositifs.scheme_mentions`: the Pro-A, the contrat de
    professionnalisation, the VAE, the CEP…) and reads as the texts' by meaning (`read_in_texts`).

    Why: a complement after "à" that the texts never write (`complements.foreign_complement`) says which thing only
    when it qualifies what is asked ("la formation à la sécurité incendie"); in "qui met la main au portefeuille pour
    la Pro-A ?" or "des agents au chômage technique pourraient-ils partir en Pro-A ?" it is an idiom or the person's
    situation, and the question asks the Pro-A's funding or its beneficiaries, which art. 2 states (u26s-017, u26s-027
    were refused for "main à portefeuille", "agents à chômage technique"). On the released sets the complement refused
    no out-of-scope question that both names a scheme and reads as the texts' by meaning without another qualifier
    refusing it too (docs/evaluation/refuse24.md)."""
    return read_in_texts(glossary) and bool(scheme_mentions(fold(query).replace("'", " ")))


def unstated_in_every_clause(
    query: str,
    evidence: Sequence[Evidence],
    decision: RouteDecision | None,
    vocabulary: CorpusWords,
    phrases: CorpusPhrases | None,
) -> bool:
    """The question puts its subject in a situation the texts never speak of (`unstated_situation`), or every one
    of its asking clauses asks an attribute that the best passages do not state (`unstated_attribute`).

    Why per clause: a message asking two things is answered clause by clause (`clauses.asking_parts`), so it is
    silent only where the texts state neither. "Tous les combien faut-il faire un bilan récapitulatif du parcours,
    et avec combien de rendez-vous intermédiaires ?" asks a period the accord states ("tous les 6 ans") and a count
    it states in its own noun ("deux entretiens professionnels"): the user's noun of the second clause refused the
    whole message (u26m-020, u26n-218). What a clause asks is read from its own words (`asking_clauses`), the
    subject from the whole message. A question asking only what the texts do not state ("le taux de réussite au
    CQP COS, et combien de places ?") is still silent; so is a one-clause question, as before."""
    if phrases is not None and unstated_situation(query, phrases) is not None:
        return True
    about = of_subject(query, evidence, decision)
    return all(unstated_attribute(clause, about, vocabulary, phrases) is not None for clause in asking_clauses(query))


def of_subject(query: str, evidence: Sequence[Evidence], decision: RouteDecision | None) -> Sequence[Evidence]:
    """The best passages (`attributes.DEPTH`) that speak of the question's subject, when one does; all of them
    otherwise. What is asked of a thing must be stated by a passage of that thing (scope16): "combien de mois dure la
    formation du CQP inspecteur" is not answered by the hours of another CQP's course ranked beside its part."""
    asked = attribute_terms(query)  # "la durée de la formation du CQP X": the thing is the CQP, not a length
    things = [[t for t in subject if t not in asked] for subject in _asked(query, _subjects(query), decision)]
    things = [thing for thing in things if thing]
    named = named_certification(query)
    # a certification named is the thing (oos18): "combien de semaines dure la formation qui mène au CQP de délégué
    # de l'Assurance maladie ?" asks the DAM's course, which the circular's hours of another CQP's course (a passage
    # on "la formation") do not state
    certified = [e for e in evidence[:ATTRIBUTE_DEPTH] if named and _any_speaks(query, [named], [e])]
    if certified:
        return certified
    own = [
        e
        for e in evidence[:ATTRIBUTE_DEPTH]
        if (things and _any_speaks(query, things, [e])) or (named and _any_speaks(query, [named], [e]))
    ]
    return own or evidence


def names_only(decision: RouteDecision | None) -> bool:
    """The question is about something the texts name without making its rules (`attributes.NAMED_ONLY_TOPICS`:
    a CQP, a certification of a list, the CPF, the OPCO; or no topic), and names none of the indexed texts."""
    if decision is None or decision.names_texts:
        return False
    return decision.topic is None or decision.topic in NAMED_ONLY_TOPICS


def qualified_elsewhere(
    query: str,
    evidence: Sequence[Evidence],
    vocabulary: CorpusWords,
    phrases: CorpusPhrases,
    complement: bool = True,
) -> bool:
    """A qualifier of the question moves it outside the texts (`answering.qualifiers`): the domain it asks a rule
    for is one the texts never speak of ("dans la branche des banques", "dans le BTP"), so is the purpose of the
    leave it asks about ("un congé pour un examen de l'université"), or the actor it names
    as paying or receiving is in none of the best passages ("l'État nous verse", "transmis à l'inspection du
    travail"). Its subject may be theirs (the tutor, the contrat de professionnalisation): the rule asked is
    not. Without `complement`, the subject's complement after "à" is not read (`scheme_in_texts`)."""
    if foreign_qualifier(query, vocabulary, phrases, complement) is not None:
        return True
    return actor_outside(query, evidence, phrases) is not None


def placed_by_meaning(evidence: Sequence[Evidence], decision: RouteDecision | None) -> bool:
    """The bank reads the question clearly as one corpus topic, and the best passage is one of the articles the
    bank's examples of that topic are about: the meaning of the question and of the passage agree, whatever
    words the user chose ("suivre combien de personnes" for "accompagner … 3 salariés", "mentor" for
    "tuteur"). The word coverage then does not refuse it: a synonym is not a subject the texts lack."""
    if decision is None or decision.topic is None or decision.topic in _CATCH_ALL_TOPICS or not evidence:
        return False
    if decision.topic_share < PLACED_TOPIC_SHARE or decision.outside >= PLACED_OUTSIDE_SHARE:
        return False
    return on_topic(evidence[0], topic_articles().get(decision.topic, frozenset()))


def off_subject(query: str, evidence: Sequence[Evidence], decision: RouteDecision, foreign: bool = False) -> bool:
    """Before a calculation or a clarification: the best passages miss the subject and it reads elsewhere.

    A calculator cue ("depuis 8 mois", "en CDD") does not make a question about the legal rule one
    of the texts' questions: "en CDD depuis 8 mois, ai-je droit à la prime de précarité ?" has a
    subject no passage holds and reads out of scope, so it is refused rather than computed. So is one whose
    subject holds a word the texts never use (`foreign`, `names_foreign_subject`: "le CQP coiffeur").
    """
    subjects = _subjects(query)
    if not subjects or not evidence:
        return False
    speaks = _any_speaks(query, _asked(query, subjects, decision), evidence, decision)
    return not speaks and (foreign or subject_is_elsewhere(decision))


def subject_is_elsewhere(decision: RouteDecision | None) -> bool:
    """With no best passage speaking of the question's subject: is the question outside the texts?

    Yes when the router tied it to no corpus topic (no cue and no confident reading named one: the
    words it shares with the passages are incidental) and the question names none of the indexed
    texts ("l'avenant 2022", "la formation COS": then the subject extraction failed, not the scope),
    or when the bank reads it as out of scope above `SUBJECT_OUTSIDE_SHARE`
    (`NAMED_TOPIC_OUTSIDE_SHARE` when a topic was named).
    """
    if decision is None:
        return False
    if decision.topic is None and not decision.names_texts:
        return True
    limit = NAMED_TOPIC_OUTSIDE_SHARE if decision_names_topic(decision) else SUBJECT_OUTSIDE_SHARE
    if decision.topic is None:  # it names an indexed text: about them unless the bank reads it elsewhere outright
        limit = NAMED_TEXT_OUTSIDE_SHARE
    return decision.outside >= limit


def reads_as_topic(decision: RouteDecision | None) -> bool:
    """The question names one of the indexed texts, or the router tied it to one of the texts' own topics (a
    scheme, a bonus, a rule; not the catch-all `other_corpus`), or the bank reads it as one with a clear
    majority (`TOPIC_SHARE_OVER_WORDS`).
    A subject word the texts do not use is then the user's own wording — a synonym ("le plafond de la
    prime", the texts saying "dans la limite de"), a relation ("mon neveu", "un collègue"), a feminine
    ("tutrice"), slang ("jsuis") — not a sign that the subject is elsewhere. Measured: without this gate,
    eight in-scope questions of unseen-2026b were refused for such words."""
    if decision is not None and decision.names_texts:
        return True  # "quel préavis pour dénoncer la convention de formation ?": about the texts, in its words
    if decision is None or decision.topic is None:
        return False
    return decision.topic not in _CATCH_ALL_TOPICS or decision.topic_share >= TOPIC_SHARE_OVER_WORDS


def names_foreign_subject(query: str, vocabulary: CorpusWords) -> bool:
    """Every subject read in the question holds a word the indexed texts never use (`corpus_words`):
    "Mon CPF peut-il payer des heures d'auto-école ?" is about driving lessons, which no passage names."""
    asked = without_asker(query, roles_only=True)
    # the head alone: what is said of it ("la Pro-A est envisageable ?") is no subject the texts must name
    heads = (subject_phrase(asked, predicate=False), subject_phrase(asking_clause(asked), predicate=False))
    phrases = [p for p in dict.fromkeys(heads) if p]
    return bool(phrases) and all(foreign_words(p, query, vocabulary) for p in phrases)


# A certification of the family the texts list by name (the CQP fiche's headings), named by the word after it,
# articles skipped: "le CQP de la métallurgie", "le CQP coiffeur".
_NAMED_CQP = re.compile(r"\bcqp\s+(?:(?:de|du|des|d|la|le|l|en)\s+)*([a-z][a-z-]+)")


def names_foreign_member(query: str, vocabulary: CorpusWords) -> bool:
    """The question names a CQP by a word the indexed texts never use: another branch's certification.

    The texts name each of their CQPs ("CQP gestionnaire conseil", "CQP manager opérationnel", "CQP de
    branche"); a CQP named by a word no passage uses ("métallurgie", "coiffeur", "boulanger") is one they
    do not treat, even though the question reads clearly as one about CQPs, so the meaning gate
    (`reads_as_topic`) that protects the user's own words elsewhere does not apply to it."""
    folded = fold(query).replace("'", " ")
    return any(not vocabulary.knows(m.group(1)) and not frame_verb(m.group(1)) for m in _NAMED_CQP.finditer(folded))


def _subjects(query: str) -> list[list[str]]:
    """The subject's analysed terms, in the question's order (keyed like `unit_terms`): the message's
    head noun phrase, and that of its asking clause when it differs (context said before the question,
    "Élu CSE ici. Qui fixe… ?", is not what is asked), and that of a question asked indirectly ("Côté syndicat
    on se demande si toutes les formations … sont …": the clause after "si"). Empty phrases are left out. The
    last part after a comma is not a candidate: it is mostly what is asked of the subject ("…, c'est combien
    par mois ?", "…, je peux venir accompagnée ?"), and its one word is found in some passage or other."""
    found: list[list[str]] = []
    # "En tant que représentant du personnel, …": who asks is not the subject; a situation ("Je suis enceinte,")
    # may be, so it stays
    asked = without_asker(query, roles_only=True)
    # "Côté syndicat on se demande si toutes les formations … sont …": the indirect question's own subject
    indirect = _INDIRECT_IF.search(fold(asked))
    wondered = subject_phrase(asked[indirect.end() :]) if indirect else ""
    # "L'avenant donne-t-il un effectif pour les assistantes sociales ?": what the text states is asked of them
    stated = _STATES_FOR.search(fold(asked).replace("'", " "))
    holder = subject_phrase(asked[stated.end() :]) if stated else ""
    # "Le délégué syndical prétend que la contribution … est passée à 1 %": who claims is not the subject, the
    # claim's own subject is
    reported = _REPORTED_THAT.search(fold(asked))
    claimed = subject_phrase(asked[reported.end() :]) if reported else ""
    for phrase in (subject_phrase(asked), subject_phrase(asking_clause(asked)), wondered, holder, claimed):
        # a relative pronoun ends the noun phrase: "l'OPCA Uniformation dont parlent la circulaire…" is about the OPCA
        phrase = _RELATIVE.split(phrase)[0].strip() or phrase
        # "toutes les qualifications auxquelles donne accès …": a list asked (lead19); its quantifier is no subject
        # word, which no passage writes next to the noun
        if not _PERIOD.search(query):
            phrase = _ALL_OF.sub("", phrase).strip() or phrase
        # "femmes-hommes": its parts, not also the joined word the analyser adds (no passage writes it)
        terms = list(dict.fromkeys(t[:PREFIX] for t in analyze(phrase.replace("-", " "))))
        # a figure is the user's case, not the subject: "enceinte de 5 mois" is not spoken of by "5 mois"
        terms = [t for t in terms if not t.isdigit()] or terms
        if terms and terms not in found:
            found.append(terms)
    return found


def _asked(query: str, subjects: list[list[str]], decision: RouteDecision | None) -> list[list[str]]:
    """The subjects a passage must speak of: the message's and its asking clause's; only the asking clause's
    when the bank reads the question mostly out of the texts (`ASKED_ONLY_OUTSIDE_SHARE`). What is said before
    a colon or a full stop is then context, not what is asked: "Entretien professionnel : pour le congé de
    proche aidant, c'est combien de temps ?" (a follow-up put after the earlier topic's name) asks about the
    leave, which no passage speaks of, though every passage of article 6 speaks of the interview. Not when
    the asking clause's subject is a pronoun standing for what was said before it ("Diplôme d'État
    d'infirmier : il se prépare où ?", "Contrat pro pour un bénéficiaire de l'ASS : c'est prévu ?"): that
    context is the subject."""
    refers_back = _PRONOUN_SUBJECT.match(fold(asking_clause(query)))
    if len(subjects) > 1 and decision is not None and decision.outside >= ASKED_ONLY_OUTSIDE_SHARE and not refers_back:
        return subjects[-1:]
    return subjects


# not a period ("tous les combien", "tous les 6 ans"): that asks how often, and its words are the subject's
_PERIOD = re.compile(
    r"\btou(?:te)?s\s+les\s+(?:combien|\d|deux|trois|quatre|cinq|six|ans|mois|jours|semaines)\b", re.IGNORECASE
)
_ALL_OF = re.compile(
    r"\btou(?:te)?s\s+(?!(?:les\s+)?(?:combien|\d|deux|trois|quatre|cinq|six|ans|mois|jours|semaines)\b)"
    r"(?:(?:les|des|ces|ses|leurs|nos|vos|mes)\s+)?(?=[a-zà-ÿ])",
    re.IGNORECASE,
)
# "les missions d'un tuteur telles que l'accord les décrit" (u26m-147): a comparative clause ends it as well (the
# phrase comes without its function words: "missions tuteur telles decrit")
_RELATIVE = re.compile(
    r"\b(?:dont|lequel|laquelle|lesquels|lesquelles|auquel|auxquels|auxquelles|duquel|tel|tels|telle|telles)\b"
)
# A text asked whether it states something for someone: a verb of stating with its pronoun after it, the thing
# stated, then "pour / à" and whom it is stated for (`fold` keeps the length: the match cuts the message as written).
_STATES_FOR = re.compile(
    r"\b(?:donne|donnent|fixe|fixent|indique|indiquent|precise|precisent|prevoit|prevoient|mentionne|mentionnent|"
    r"chiffre|chiffrent|cite|citent|etablit|etablissent|impose|imposent)(?:-t)?-(?:il|elle|ils|elles|on)\s+"
    r"(?:un|une|des|le|la|les|l|d)\s*[a-z-]+(?:\s+[a-z-]+){0,2}?\s+(?:pour|a|aux|au)\s+"
)
# A question asked indirectly: a verb of asking or knowing, then "si" and the clause asked ("on se demande si…",
# "je voudrais savoir si…"); `fold` keeps the length, so the match cuts the message as written.
_INDIRECT_IF = re.compile(
    r"\b(?:demande|demandons|demandent|demander|savoir|sais|sait|ignore|ignorons)\s+(?:pas\s+)?si\b"
)

# A claim reported to be checked: "X prétend / affirme / soutient / m'a dit que …" (folded, apostrophes kept).
_REPORTED_THAT = re.compile(
    r"\b(?:pretend|pretendent|affirme|affirment|soutient|soutiennent|assure|assurent|dit|disent|raconte|racontent"
    r"|croit|croient|pense|pensent)\s+qu(?:e\b|')"
)

# An asking clause whose subject is a pronoun ("il se prépare…", "c'est prévu ?", "ça marche comment ?").
_PRONOUN_SUBJECT = re.compile(r"\s*(?:il|elle|ils|elles|c'|ca|cela|ce)(?:\s|\b)")


def _any_speaks(
    query: str, subjects: list[list[str]], evidence: Sequence[Evidence], decision: RouteDecision | None = None
) -> bool:
    """One of the passages given (the best ones) speaks of one of the subjects (acronyms of the question
    spelled out count, and so do the words a short word of the subject begins: `_abbreviated`); or the everyday
    glossary of the best one's section does, unless the bank reads the question out of scope
    (`everyday_words_count`)."""
    names = acronyms(query)
    for n, e in enumerate(evidence[:SPEAKING_DEPTH]):  # the callers cut it shorter when they mean to
        text = with_acronyms(e.chunk.context_text, names) if names else e.chunk.context_text
        # folded like the subject (`subject_phrase` folds the question): the stemmer cuts "accès" and
        # "acces", "salariés" and "salaries" differently, so both sides must reach it without accents
        sequence = _abbreviated([t[:PREFIX] for t in analyze(fold(text))], subjects)
        if any(speaks_of(subject, set(sequence), sequence) for subject in subjects):
            return True
        if n == 0 and everyday_words_count(decision) and glossary_speaks(e.chunk, subjects):  # everyday words (#13 p2)
            return True
    return False


def everyday_words_count(decision: RouteDecision | None) -> bool:
    """The everyday glossary (`corpus_words.glossary_speaks`) is weaker evidence than the texts' own words: it
    counts only when the bank does not read the question out of scope (below `SUBJECT_OUTSIDE_SHARE`).
    Measured: without this gate, out-of-scope questions read 0.4 to 0.55 out of scope ("mon manager peut-il
    me faire passer en open space", "les allocations familiales avec deux enfants") were covered by a word of
    the best passage's glossary; the in-scope questions it fixed read at most 0.29. The same gate keeps the
    glossary's keyword field out of the search of such a question (`Assistant._retrieve`): lifting a passage by
    its everyday words let that passage's own incidental words ("autorisation", "allocations familiales")
    cover it."""
    return decision is None or decision.outside < SUBJECT_OUTSIDE_SHARE


def _abbreviated(sequence: list[str], subjects: list[list[str]]) -> list[str]:
    """The passage's terms with each word that a short word of a subject begins taken as that word.

    Employees clip the texts' words: "contrat pro" is the "contrat de professionnalisation", "la pro A" the
    "Pro-A", "l'indemn" an "indemnité". A subject word of three or four letters that is not itself in the
    passage stands for the passage's words it begins, so "contrat pro" is spoken of by "contrat de
    professionnalisation" (the words must still stand together, `speaks_of`).
    """
    short = {w for subject in subjects for w in subject if 3 <= len(w) <= 4 and w.isalpha()} - set(sequence)
    if not short:
        return sequence
    # a clipped word stands for a content word: "don" is no clipping of the table's "dont" (measured: "don de
    # jours de repos" was answered by a duration table's "dont : nb d'heures… En jours")
    return [t if t in _FUNCTION_WORDS else next((w for w in short if t.startswith(w)), t) for t in sequence]


# French grammatical words the analyser keeps (`knowledge.french.STOP_WORDS` leaves them in), which a clipped
# content word may begin ("don"/"dont", "cont"/"contre", "tou"/"tous"), folded and cut like the passages' terms.
_FUNCTION_WORDS = frozenset(
    t[:PREFIX]
    for t in analyze(
        "dont donc puis lors selon entre vers chez sous tout tous toute toutes afin ainsi aussi alors apres avant "
        "comme contre depuis pendant plus moins tres parmi autre autres chaque cependant toutefois notamment"
    )
)
