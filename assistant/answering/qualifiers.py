"""A qualifier that moves a question outside the indexed texts, though its subject is theirs (issue #21).

Why: "Dans la branche des banques, comment est rémunéré un tuteur d'alternant ?" is about a tutor, and the
texts speak of tutors; but it asks another branch's rule, which they do not hold. The same for "le CPF d'un
contractuel de la fonction publique", "un contrat de professionnalisation dans le BTP", "la prime que l'État
verse pour un contrat pro", "le plan transmis à l'inspection du travail". The subject check
(`answering.answerable`) finds the tutor in the passages and answers with the branch's own article: a wrong
answer. What moves the question is a qualifier read from the message's grammar, in two slots:

* the **domain** the rule is asked for: a noun that names where a collective rule applies ("branche",
  "secteur", "filière", "convention collective", "accord formation") followed by its complement ("de la
  coiffure", "des banques"), the public service ("fonction publique"), or a definite "dans le X" / "chez les
  X" whose noun the texts never use ("dans le BTP", "chez les assureurs"). The whole phrase must be one the
  texts speak of somewhere (`corpus_words.CorpusPhrases`: "la branche du régime général" is theirs, "la
  branche des banques" is not). An indefinite "dans une banque" is the asker's past or present situation
  ("après dix ans dans une banque, …"), not the domain of the rule asked, and is left alone, as is a
  possessive ("dans ma caisse"); "dans le X" counts only for initials ("dans le BTP"), not for a common
  noun ("dans la nomenclature");
* the **purpose** of a leave or an absence ("un congé pour passer un examen de l'université"): the texts
  grant absences for their own purposes, and the purpose must be one they speak of (`foreign_purpose`);
* the **actor** who pays, decides or receives: the noun phrase before a verb of funding ("l'État nous
  verse", "France VAE prend-il en charge") or after a verb of sending or seizing ("transmis à l'inspection
  du travail", "saisir les prud'hommes"). A name must be written, with its capital, in the best passages,
  and a plain noun must be one the texts speak of somewhere (`actor_outside`): the contrat de
  professionnalisation's article says who finances it (the OPCO), not what the State pays.

Nothing here lists foreign sectors or bodies: what the texts hold is read from the texts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from assistant.answering.complements import foreign_complement, foreign_cqp
from assistant.answering.corpus_words import CorpusPhrases, CorpusWords
from assistant.answering.dispositifs import scheme_mentions
from assistant.answering.frameworks import (
    foreign_act,
    foreign_future_text,
    foreign_named_text,
    foreign_organisation,
    foreign_runner,
    foreign_text,
)
from assistant.answering.fronted_place import foreign_setting, foreign_workplace
from assistant.routing.extraction.folding import fold
from knowledge.hybrid import Evidence
from text.folding import without_accents

_WORD = r"[a-z0-9]+(?:-[a-z0-9]+)*"
# Words that end a noun phrase: prepositions opening another complement, conjunctions, the interrogative frame,
# verbs of the frame and subject pronouns.
_ENDS = frozenset(
    re.findall(
        r"\S+",
        """en pour dans sur avec a au aux quand si pendant par chez depuis selon apres avant c est sont il elle
    ils elles on peut peuvent doit doivent faut et ou mais qui que qu quel quelle quels quelles comment combien
    ne n pas y prevoit prevoient dit disent""",
    )
)
_LINKS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l"})
_INVERTED = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on)$")  # "prévoit-il": a verb, not a noun
# A domain named by a noun and its complement after "à", right after it ("l'aide à domicile", "l'aide aux
# personnes"): read whole too, or only "la convention collective de l'aide" is paired, which the texts hold (oos25).
_TO_COMPLEMENT = re.compile(r"\s+(?:a|au|aux)\s+(?:(?:la|le|les|l)\s+)?([a-z]+)\b")
# Nouns naming where a collective rule applies, then "de/du/des" and the domain.
_DOMAIN_HEAD = re.compile(
    r"\b(branches?|secteurs?|filieres?|conventions? collectives?|accords? (?:formation|de branche))\s+"
    r"(?:de la|de l|du|des|de|d)\s+(?!(?:mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leur|leurs)\b)"
)
# The public service, named or by its member ("un fonctionnaire territorial"): a status the texts never give their
# staff ("salariés", "agents"), under the civil service's rules (oos23).
_PUBLIC_SERVICE = re.compile(r"\bfonction publique\b|\bfonctionnaires?\b")
# A convention or an agreement named by its name right after its noun, no preposition: "la convention collective
# Syntec", "l'accord Syntec" (oos23); the name is matched as written, with its capital.
_NAMED_CONVENTION = re.compile(r"\b(?:conventions? collectives?|conventions?|accords? de branche) +(?=[A-Z])")
# Another party's own agreement, by the possessive of a third person: "selon leur accord de branche", "leurs
# conventions collectives" (oos24). The texts are the branch's agreements, which a user calls "la convention",
# "l'accord", "notre accord", never "leur accord": no question of the tuning pool in scope writes it.
_THEIR_AGREEMENT = re.compile(r"\bleurs? (?:propres? )?(?:accords?|conventions?)(?: (?:collectives?|de branche))?\b")
# The question itself sets itself outside the institution: "une PME hors sécurité sociale", "Hors Sécurité sociale,
# un CDD…" (oos24): the texts apply to the organismes of the régime général only.
_OUTSIDE_INSTITUTION = re.compile(r"\bhors (?:(?:de )?la )?(?:securite sociale|regime general|institution)\b")
# A workplace or a status of the public sector, by the adjective: "enseignante dans un collège public", "aide-soignante
# à l'hôpital public", "agent public" (oos24). The organismes of the régime général are private-law employers; the
# texts' own "établissement public" (UGECAM's partners) and "service public" are left out.
_PUBLIC_EMPLOYER = re.compile(
    r"\b(?:hopitaux|hopital|colleges?|lycees?|ecoles?|universites?|creches?|agents?|agentes?) publi(?:c|que)s?\b"
)
# A sector named by its initials ("dans le BTP") or a group of employers ("chez les assureurs"). Not any "dans
# le X" with a word the texts do not use: "dans la nomenclature", "dans le bureau" are places in the asker's
# own world, not another branch (measured on the conversation sets).
_DEFINITE_PLACE = re.compile(
    r"\b(?:dans (?:le|la|l)|chez (?:les|des)|"
    # the employers of a sector named by its initials (oos19): "les entreprises du BTP", "les salariés de la HLM"
    r"(?:entreprises?|employeurs?|societes?|salaries?|salariees?|etablissements?)\s+(?:du|de la|de l|des))\s+"
)
_INITIALS = re.compile(r"[A-Z]{2,6}\b")
# Verbs of funding (the actor before them pays), of sending and of seizing (the actor after them receives).
_FUNDING = (
    r"(?:(?:verse|versent|paie|paye|paient|payent|finance|financent|rembourse|remboursent|accorde|accordent|"
    r"attribue|attribuent|octroie|octroient|subventionne|subventionnent)(?:-t)?(?:-(?:il|elle|ils|elles))?|"
    r"(?:prend|prennent)(?:-(?:il|elle|ils|elles))? en charge)"
)
_OBJECT_PRONOUNS = r"(?:(?:nous|me|m|te|t|lui|leur|vous|les|la|le|l|en|y|ne|n)\s+)*"
_PAYER = re.compile(rf"\b(?:l|le|la|les)\s+((?:[a-z]+\s+){{1,3}}?){_OBJECT_PRONOUNS}{_FUNDING}\b")
# A name in capitals before the funding verb, no article ("France VAE prend-il en charge").
_NAMED_PAYER = re.compile(rf"((?:\b[A-ZÀ-Ý][\w-]*\s+){{1,3}}){_OBJECT_PRONOUNS}{_FUNDING}\b")
_RECEIVER = re.compile(
    r"\b(?:transmis|transmise|transmises|transmettre|declare|declaree|declarer|envoye|envoyee|envoyer|adresse|"
    r"adresser|signale|signaler|communique|communiquer)\s+a\s+(?:la|l|le|les)\s+|\bsaisir\s+(?:la|l|le|les)\s+"
)
# The first word of a sentence is written in capitals whatever it is: not a name.
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n)\s*([A-ZÀ-Ý][\w-]*)")


def _phrase_after(text: str, start: int, words: int) -> str:
    """The noun phrase from `start` (folded text): up to `words` words, linking words kept inside it."""
    found: list[str] = []
    for match in re.finditer(_WORD + r"|[,;:?!.()«»\"]", text[start:]):
        word = match.group(0)
        if not re.match(_WORD, word) or word in _ENDS or _INVERTED.search(word):
            break
        if word in _LINKS:
            if found:
                found.append(word)
            continue
        found.append(word)
        if sum(w not in _LINKS for w in found) >= words:
            break
    while found and found[-1] in _LINKS:
        found.pop()
    return " ".join(found)


def _folded(question: str) -> str:
    return fold(question.replace("’", "'")).replace("'", " ")


def said_outside(question: str) -> str | None:
    """The words by which the question puts itself outside the texts, as folded ("leur accord de branche", "hors
    securite sociale"), or None. Unlike the other qualifiers, these are the user's own statement that the rule asked
    is another party's, not a reading of a word the texts lack: the service refuses on them before any search, and
    the refusal judge does not override that refusal (oos24: "selon leur accord de branche" was refused as silent,
    then answered with the branch's article because every other signal read the subject as the texts')."""
    text = _folded(question)
    for pattern in (_THEIR_AGREEMENT, _OUTSIDE_INSTITUTION, _PUBLIC_EMPLOYER):
        found = pattern.search(text)
        if found is not None:
            return found.group(0)
    return None


def foreign_domain(question: str, vocabulary: CorpusWords, phrases: CorpusPhrases) -> str | None:
    """The domain the question asks a rule for, when the texts never speak of it (else None).

    "Dans la branche de la coiffure, …" → "branches coiffure"; "… de la fonction publique hospitalière" →
    "fonction publique"; "… dans le BTP" → "btp". A figure is a year or a count, not a domain ("l'accord de
    2019")."""
    text = _folded(question)
    original = question.replace("’", "'")  # `text` is folded from it letter for letter
    candidates: list[str] = []
    for match in _DOMAIN_HEAD.finditer(text):
        rest = _phrase_after(text, match.end(), 2)
        # a domain written with a capital is a name, matched as written: "la convention collective de la Mutualité"
        # is no "contribution légale mutualisée", whose stem is the same (oos18)
        name = original[match.end() : match.end() + len(rest.split()[0])] if rest else ""
        if name[:1].isupper() and not re.search(r"\d", name) and not phrases.writes_name(name):
            return name
        # the domain itself must be the texts' ("de la métallurgie"), and so must its pairing with the noun
        # ("la branche des banques": "banques" alone would be met by a passage on "la branche" anyway)
        if rest and not re.search(r"\d", rest):
            # the domain's own noun as the texts write it, not by a stem it shares with another word of theirs: "la
            # branche de la mutualité" is no "contribution mutualisée pour la branche" (oos25); a clipped word ("la
            # sécu") is left to the phrase reading, which takes it for the words it begins
            words = [w for w in rest.split() if w not in _LINKS and len(w) > 4]
            if any(not _written_word(w, vocabulary) for w in words):
                return rest
            candidates += [rest, f"{match.group(1)} {rest}"]
            after = _TO_COMPLEMENT.match(text, text.find(rest, match.end()) + len(rest))
            if len(rest.split()) == 1 and after is not None and after.group(1) not in _ENDS:
                whole = f"{rest} {after.group(0).split()[0]} {after.group(1)}"
                candidates += [whole, f"{match.group(1)} {whole}"]
    for match in _NAMED_CONVENTION.finditer(original):
        found = re.match(r"[A-ZÀ-Ý][\w-]*", original[match.end() :])
        written = found.group(0) if found is not None else ""
        if not written or re.search(r"\d", written) or phrases.writes_name(written):
            continue
        if written.isupper() and phrases.spells_out(fold(written)):
            continue  # "la convention COS": the texts' own, by the initials of what they spell out
        return written
    candidates += ["fonction publique" for _ in _PUBLIC_SERVICE.finditer(text)]
    outside = said_outside(question)
    if outside is not None:
        return outside
    for candidate in dict.fromkeys(candidates):
        if not phrases.speaks_of(candidate):
            return candidate
    for match in _DEFINITE_PLACE.finditer(text):
        word = re.match(_WORD, text[match.end() :])
        if word is None or re.search(r"\d", word.group(0)):
            continue
        if text[match.start() : match.start() + 4] == "chez":
            # a group of employers is a word as the texts write it (oos20): "chez les assureurs" shares only its stem
            # with "l'Assurance maladie" ("chez les allocataires", "chez les familles" are written so)
            if not _written_word(word.group(0), vocabulary):
                return word.group(0)
        elif _INITIALS.match(original, match.end()) and not _known_word(word.group(0), vocabulary, phrases):
            return word.group(0)  # a word the texts never use
    return None


# A leave or an absence, then what it is for, a few words later in the same clause: "un congé pour passer un
# examen de l'université", "jours d'absence pour assister à ma cérémonie de …".
_LEAVE_FOR = re.compile(
    r"\b(?:conges?|absences?|absenter|jours? de repos)\b(?:\s+[a-z-]+){0,3}?\s+pour\s+(?:"
    r"(?:assister|aller|participer)\s+(?:au|aux|a la|a l|a)\s+(?:(?:ma|mon|mes|son|sa|ses|un|une)\s+)?|"
    r"(?:passer|preparer|faire|suivre|celebrer)\s+(?:(?:la|le|l|les|ma|mon|mes|un|une|son|sa|ses)\s+)?|"
    r"(?:la|le|l|les|ma|mon|mes|un|une|son|sa|ses)\s+)"
    # the ground a right is claimed under: "partir plus tôt au titre des carrières longues"
    r"|\bau titre (?:de la|de l|du|des|de|d)\s+(?!(?:ce|cet|cette|ces|celui|celle|son|sa|ses|mon|ma|mes)\b)"
)


def foreign_purpose(question: str, vocabulary: CorpusWords, phrases: CorpusPhrases) -> str | None:
    """What a leave or an absence is asked for, when the texts never speak of it (else None).

    The texts grant absences for their own purposes (a CEP, a VAE, a training, a jury); "un congé pour passer
    un examen de l'université", "une absence pour les rendez-vous médicaux" or "pour ma cérémonie de
    naturalisation" asks another rule, though "congé" and "absence" are words of theirs, and "médicaux" or
    "examen" too. Their own purposes in the user's words are left alone: a scheme named by its acronym ("pour un
    rendez-vous CEP", "pour un autre CEP") and a pronoun standing for the scheme named before ("pour la
    préparer": "la" is no article before a verb)."""
    text = _folded(question)
    acronyms = {fold(a) for a in re.findall(r"\b[A-Z]{2,6}\b", question)}
    for match in _LEAVE_FOR.finditer(text):
        purpose = _phrase_after(text, match.end(), 2)
        if not purpose or re.search(r"\d", purpose) or phrases.speaks_of(purpose):
            continue
        words = re.findall(_WORD, purpose)
        if acronyms & set(words) or re.fullmatch(r"[a-z]+(?:er|ir)", words[0]):
            continue
        return purpose
    return None


def foreign_kind_of_scheme(question: str, vocabulary: CorpusWords, phrases: CorpusPhrases) -> str | None:
    """One of the texts' schemes (`dispositifs.SCHEMES`: the VAE, the Pro-A, the CEP…) followed by a participle the
    texts never use, even as a slip or by its stem (else None): "la VAE inversée" is another scheme, whose rules
    art. 7 ("La validation des acquis de l'expérience permet d'accéder à tout ou partie d'une certification") does
    not give (oos19). Only a participle as written ("-é", "-ée", "-és", "-ées"): the word after a scheme's name is
    as often a verb ("la prime de tutorat tombe"), an adverb ("une Pro-A plutôt") or an English word; and one of
    the texts' ("une VAE partielle", "la VAE collective") is how the user says which."""
    original = unicodedata.normalize("NFC", question.replace("’", "'"))
    text = fold(original).replace("'", " ")  # letter for letter: the participle's accent is read as written
    if len(text) != len(original):
        return None
    # a role is no scheme with variants: "14 mois de tutorat cumulés" says what the months are
    for end in scheme_mentions(text, skip=("tutoring", "internal_trainer")):
        word = re.match(r"\s+([a-z][a-z-]{3,})\b", text[end:])
        if word is None or not re.search(r"(?:é|ée|és|ées)$", original[end + word.start(1) : end + word.end(1)]):
            continue
        participle = word.group(1)
        if not vocabulary.knows(participle) and not phrases.speaks_of(participle):
            return text[:end].split()[-1] + " " + participle
    return None


def foreign_qualifier(
    question: str, vocabulary: CorpusWords, phrases: CorpusPhrases, complement: bool = True
) -> str | None:
    """The domain (`foreign_domain`), the place put in front of the question (`fronted_place`: "Dans une mairie,
    …"), the person's present employer (`fronted_place.foreign_workplace`: "salariée d'une enseigne d'optique"), the
    purpose (`foreign_purpose`), the framework (`frameworks`: a text named by its kind and year or name, an employer
    named in capitals, a body said to run the scheme: "organisée par l'Éducation nationale", an act of the State named
    by its object: "l'arrêté d'extension"), the subject's complement after "à" or a CQP's qualifier (`complements`)
    the texts never speak of, if any; the complement only with `complement` (`answerable.qualified_elsewhere`)."""
    return (
        foreign_domain(question, vocabulary, phrases)
        or foreign_setting(question, vocabulary, phrases)
        or foreign_workplace(question, vocabulary, phrases)
        or foreign_purpose(question, vocabulary, phrases)
        or _foreign_text(question, phrases)
        or foreign_act(question, phrases)
        or foreign_organisation(question, phrases)
        or foreign_runner(question, phrases)
        or foreign_named_text(question, phrases)
        or foreign_future_text(question, phrases)
        or foreign_kind_of_scheme(question, vocabulary, phrases)
        or (foreign_complement(question, vocabulary, phrases) if complement else None)
        or foreign_cqp(question, vocabulary, phrases)
    )


def foreign_facts(question: str, phrases: CorpusPhrases) -> str | None:
    """The other text whose own facts the question asks, when it is none of the indexed texts (else None): an act of
    the State named by its object (`frameworks.foreign_act`: "À quelle date l'arrêté d'extension de l'avenant a-t-il
    été publié ?" → "arrete extension"). Read before the answerers of the texts' own facts
    (`about_texts.TextQuestions`), which would give the avenant's date or place of signature for the order's; the
    scope check (`foreign_qualifier`, through `answerable.qualified_elsewhere`) then decides, and the refusal names
    the act."""
    return foreign_act(question, phrases)


def _written_word(word: str, vocabulary: CorpusWords) -> bool:
    """`word` (folded) is written by the texts, in the singular or the plural: not a stem it shares with another word
    of theirs, nor a typing slip of one."""
    singular = word[:-1] if word.endswith(("s", "x")) else word
    return bool({word, singular, singular + "s", singular + "x"} & vocabulary.words)


def _known_word(word: str, vocabulary: CorpusWords, phrases: CorpusPhrases) -> bool:
    """One word the texts use (an inflection or a typing slip of theirs), or a short one standing for a word of
    theirs it begins ("la sécu")."""
    return (len(word) >= 5 and vocabulary.knows(word)) or phrases.speaks_of(word)


def named_actors(question: str) -> list[str]:
    """The actors a question names as paying (before a funding verb) or receiving (after a verb of sending or
    seizing), as written (articles left out): "l'État nous verse" → "État"; "transmis à l'inspection du
    travail" → "inspection du travail". Pronouns and the asker ("je", "on") are not actors of this kind."""
    original = unicodedata.normalize("NFC", question.replace("’", "'"))
    text = _folded(original)  # same length as `original`: a match is cut out of the original
    found: list[str] = []
    starts = {m.start(1) for m in _SENTENCE_START.finditer(original)}
    for match in _NAMED_PAYER.finditer(original.replace("'", " ")):
        # a capital opening the sentence is no name, unless the name has several ("France VAE finance…")
        words = [w for w in re.finditer(r"\S+", match.group(1)) if fold(w.group(0)) not in _LINKS]
        if words and fold(words[0].group(0)) in _ENDS:  # "Combien Pôle emploi rembourse…": the frame's word
            words = words[1:]
        if len(words) == 1 and match.start(1) + words[0].start() in starts:
            continue
        if words:
            found.append(original[match.start(1) + words[0].start() : match.start(1) + words[-1].end()])
    for match in _PAYER.finditer(text):
        phrase = match.group(1).strip()
        if original[match.end() - 1] in "éÉ" or phrase.split()[-1] in _LINKS:
            # "le pourcentage remboursé", "l'argent déjà versé": a participle, no one paying; "la rubrique de paie":
            # the noun of payroll after its "de" (scope20: u26k-205, u26l-069, u26o-177 were refused on these)
            continue
        if not any(_INVERTED.search(w) or w in _ENDS for w in phrase.split()):
            found.append(original[match.start(1) : match.start(1) + len(phrase)])
    for match in _RECEIVER.finditer(text):
        phrase = _phrase_after(text, match.end(), 3)
        if phrase:
            found.append(original[match.end() : match.end() + len(phrase)])
    return list(dict.fromkeys(found))


def actor_outside(question: str, evidence: Sequence[Evidence], phrases: CorpusPhrases, depth: int = 5) -> str | None:
    """An actor the question names (`named_actors`) that the best passages do not speak of, and that is either
    a name (written with a capital, which the passages must write the same way: "l'État" is not "en tout état
    de cause") or a body the texts never speak of at all ("l'inspection du travail"): the question is that
    actor's rule, not the texts'. The organisations of the branch ("la caisse verse…") are the texts' own
    even where the best passages call them otherwise ("les organismes"), so a plain noun the texts use
    elsewhere is left to the other checks."""
    if not evidence:
        return None
    passages = [e.chunk.context_text for e in evidence[:depth]]
    best = CorpusPhrases(passages)
    plain = [without_accents(p) for p in passages]
    for actor in named_actors(question):
        names = [without_accents(w) for w in re.findall(r"\b[A-ZÀ-Ý][\w-]*", actor)]
        if names:
            if not all(any(re.search(rf"\b{re.escape(n)}\b", p) for p in plain) for n in names):
                return actor
        elif not best.speaks_of(fold(actor)) and not phrases.speaks_of(fold(actor)):
            return actor
    return None


# How far the year of a text the question names may be from the year the texts write beside a text of the same kind
# for the question to point at that text with a slip of the year (scope16): "d'après l'accord du 19 décembre 2021"
# for the accord of 19 December 2019, "dans l'avenant de 2024 sur la VAE" for the avenant of 2022. Measured on every
# released set: the texts named with a foreign year there are another convention collective ("de 1951", "de 1966",
# the texts' nearest "convention" year being 1957) or a decree, and two in-scope questions of unseen-2026l were refused
# for the slip.
MISTAKEN_YEAR_WINDOW = 2


def _foreign_text(question: str, phrases: CorpusPhrases) -> str | None:
    """`frameworks.foreign_text`, unless the year named is a slip for the year of a text of that kind the texts name
    (`mistaken_year`): a wrong year points at the text, it does not name another framework."""
    found = foreign_text(question, phrases)
    if found is None:
        return None
    kind, _, year = found.rpartition(" ")
    return None if mistaken_year(kind, int(year), phrases) else found


def mistaken_year(kind: str, year: int, phrases: CorpusPhrases) -> bool:
    """Some passage or title of the texts writes a text of this `kind` (folded: "accord", "avenant") with a year
    within `MISTAKEN_YEAR_WINDOW` of `year`: the question names that text with a slip of the year."""
    return any(
        phrases.names_dated(kind, str(near))
        for near in range(year - MISTAKEN_YEAR_WINDOW, year + MISTAKEN_YEAR_WINDOW + 1)
        if near != year
    )
