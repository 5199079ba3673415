"""What the asking sentence wants: a rule applied to the case told, or the rule itself.

The facts of a message do not decide alone whether a calculator should run. "Dossier de Mme X, CDI,
BTS : la Pro-A, c'est quoi au juste ?" tells a case, yet asks what the scheme is; the case is the
context of the question, and running the eligibility rule on it answers a question nobody asked.
"La Pro-A dure 3 ans pour tout le monde, c'est bien ça ?" states a figure, yet asks whether a general
claim is right; the answer is the rule with its cases, which corrects the claim, not a question back
about the user's situation. Both are read here on the asking sentence only, the one that ends with
the question mark, because the sentences before it are where the context lives.

Two readings, each of a general form rather than of one question's words:

* `asks_what_it_is`: the asking sentence asks what a scheme is, what it is for, what it consists of
  or how it works (a definition, a purpose, a functioning), and does not bring the case into the
  question ("pour moi", "dans son cas", "y a-t-il droit", "est-elle éligible");
* `claims_for_everyone`: the message states a rule with a universal quantifier ("pour tout le monde",
  "dans tous les cas", "quel que soit", "systématiquement", "c'est toujours …") and tells no case of
  anyone's own (no first person, no named person): the rule and its cases answer it;
* `asks_to_confirm`: the asking sentence submits a claim for confirmation ("c'est bien ça ?",
  "n'est-ce pas ?", "il paraît que…"), again with no own case: the rule answers it unless the facts
  the claim states decide the calculator (`undecided`), never a question back.

* `asks_a_property`: the asking clause is a yes/no on a thing of the rule ("la prime est-elle proratisée … ?",
  "savoir si la prime entre dans l'assiette …"), not on a verdict a calculator gives (a right, an opening, a due
  payment): the rule's sentence answers it, and a date said beside it ("pour la paie de décembre") is no case;
* `asks_another_attribute`: a lookup in a list (`LOOKUPS`: names of certifications) asked a figure of the entry
  ("à quel niveau est classé le DEES de la liste ?", "combien d'années d'études …"), which the list does not hold;

* `asks_the_conditions`: the asking sentence asks what a scheme's conditions are ("quelles sont les
  conditions d'ancienneté … ?"): when the plan would end in a question back, the conditions answer it.

Each one means the plan of a calculator is dropped and the texts answer (`readers.plan_for`).
Patterns run on folded text (`assistant.routing.extraction.folding.fold`).
"""

from __future__ import annotations

import re

from assistant.routing import calculator_vocabulary
from assistant.routing.calculator_inputs.facts import Facts, Plan, asking_sentence, claimed_rules
from assistant.routing.calculator_inputs.list_entry import LIST_LOOKUPS, asks_an_entry_attribute
from assistant.routing.extraction.conjunctions import mask_conjunctions
from calculators.registry import CALCULATORS
from calculators.result import CalcError

# What a scheme is / is for / consists of / how it works. "c'est quoi" only before a determiner and a
# noun that is not a figure of a case ("c'est quoi le montant de ma prime ?" asks a value).
_FIGURE_NOUN = (
    r"(?:montant|duree|date|delai|somme|nombre|plafond|taux|prime|remuneration|salaire|limite|maximum|minimum|"
    r"echeance|total|calcul)"
)
_WHAT_IT_IS = re.compile(
    r"\b(?:(?:ca|cela|ce dispositif|il|elle)\s+)?sert\w*\s+a\s+quoi\b|\ba quoi (?:ca |cela )?(?:sert|servent|servir)\b"
    r"|\bservir a quoi\b|\bqu'est-ce (?:que c'est|qu'(?:un|une|on appelle|est))"
    # "qu'est-ce que la Pro-A ?", "qu'est-ce que l'avenant a changé ?": a short noun phrase, or what a text
    # says or means ("qu'est-ce que l'employeur doit me verser ?" asks something else)
    r"|\bqu'est-ce que (?:la |le |l'|les )(?![^?]*\b(?:me|m'|je|j'|nous|lui|leur|te|t')\b)(?:[\w'-]+ ?){1,5}\?"
    r"|\bqu'est-ce que (?:la |le |l'|les )[^?]*\b(?:chang\w*|prevoi\w*|dit|disent|apport\w*|signifi\w*|"
    r"veut dire|recouvr\w*|design\w*|modifi\w*)\b"
    r"|\ben quoi (?:ca |cela |il |elle )?consist\w*|\bconsist\w* en quoi\b"
    # where something of the texts took place ("dans quelles villes les premières sessions … ?"): a fact of the
    # texts, which no calculator gives
    r"|\b(?:dans|en|a) quel(?:le)?s? (?:villes?|regions?|lieux?|endroits?|departements?|sites?|centres?)\b"
    # how a text can do what it does ("comment un texte peut-il payer des mois antérieurs à sa signature ?"): a
    # question on the text (its retroactivity, its force), not on the case the figures of the message tell
    r"|\b(?:comment|pourquoi) (?:un|une|le|la|l'|cet|ce|cette) ?(?:texte|avenant|accord|protocole|article|clause|"
    r"circulaire|convention|disposition)s? (?:peut|pourrait|a pu|a-t-il pu|a-t-elle pu|fait|prevoit)\w*"
    # how the scheme works with the others ("peut-elle être combinée avec un autre dispositif ?", "s'articuler
    # avec d'autres dispositifs"): the avenant's article 1 says it, no figure of the case does
    r"|\b(?:combin|cumul|articul|coupl|associ|complet)\w*\b[^?]{0,25}\b(?:avec|a|et|par) "
    r"(?:un |une |d'|l'|le |la |les |des )?autres? (?:dispositifs?|outils?|moyens?)\b"
    r"|\bcomment (?:ca |cela |il |elle |ils |elles )?(?:fonctionn\w*|march\w*|se deroul\w*|s'organis\w*)"
    r"|\bquel(?:le)?s? (?:est|sont|serait) (?:le |la |l'|les )(?:but|objectif|objet|interet|principe|finalite|"
    r"utilite|role|raison d'etre)s?\b"
    r"|\bc'est quoi (?:exactement |concretement |au juste |en fait )?(?:la|le|l'|les|un|une|ce|cette)\s*(?!"
    + _FIGURE_NOUN
    + r")[a-z]"
    r"|\bc'est quoi (?:exactement|concretement|au juste)\b"
    r"|\b(?:definition|definir|expliqu\w*)(?:-moi|-nous| moi| nous)? "
    r"(?:de |d'|du |la |le |les |l'|ce qu|en quoi|comment)"
)

# The asking sentence brings the case into the question ("pour lui", "y a-t-elle droit"): an application.
_CASE_ASKED = re.compile(calculator_vocabulary.CASE_ASKED)
_VALUE = re.compile(calculator_vocabulary.VALUE_ASK + "|" + calculator_vocabulary.AMOUNT_ASK)

# A rule claimed for everyone (a universal quantifier), and a claim submitted for confirmation.
_UNIVERSAL = re.compile(
    r"\b(?:pour|a) (?:tout le monde|tous|toutes|chacun|n'importe qui)\b|\btout le monde\b|\bdans tous les cas\b"
    r"|\bquel(?:le)?s? que (?:soit|soient)\b|\bsans exception\b|\bsystematiquement\b|\bquoi qu'il arrive\b"
    r"|\ben toutes? (?:circonstances?|situations?)\b|\btoujours (?:de |d')?\d|\btous les salaries\b"
    r"|\b(?:est|sont|dure|durent|faut|c'est|vaut|valent)(?:-(?:il|elle|ce))? toujours\b"
)
_CONFIRMATION = re.compile(
    r"\bc'est (?:bien )?(?:ca|cela|exact|juste|correct)\b|\bn'est-ce pas\b|\bc'est vrai\b|\bvrai ou faux\b"
    r"|\bj'ai (?:bien|mal) compris\b|\bje me trompe\b|\bil parait que\b|\bon m'a dit que\b"
    r"|\b(?:j'ai|on a) (?:entendu|lu) (?:dire )?que\b|\b(?:confirme|confirmez|confirmer)\b"
)
_ASKING_FRAME = re.compile(calculator_vocabulary.ASKING_FRAME)
_OWN_CASE = re.compile(r"\b(?:je|j'|mon|ma|mes|moi)\b|\b(?:m\.|mme|madame|monsieur) ?[a-z]")


def asks_what_it_is(folded: str) -> bool:
    """The asking sentence asks what a scheme is, is for, consists of or how it works, not the case's answer."""
    sentence = asking_sentence(folded)
    # "qu'est-ce que la prime me rapporte ?" asks a value of the case, in the words of a definition; "quand
    # je suis en formation" a circumstance, no date
    valued = _VALUE.search(mask_conjunctions(sentence))
    return bool(_WHAT_IT_IS.search(sentence)) and not _CASE_ASKED.search(sentence) and not valued


def claims_for_everyone(folded: str) -> bool:
    """The message states a rule for everyone (a universal quantifier) and tells no own case."""
    return bool(_UNIVERSAL.search(folded)) and _no_own_case(folded)


def asks_to_confirm(folded: str) -> bool:
    """The asking sentence submits a claim for confirmation ("c'est bien ça ?") and no own case is told."""
    return bool(_CONFIRMATION.search(asking_sentence(folded))) and _no_own_case(folded)


def _no_own_case(folded: str) -> bool:
    """No own case is told: the first person of hearsay or of politeness ("on m'a dit que", "je voudrais
    savoir") does not tell one."""
    told = _ASKING_FRAME.sub(" ", _CONFIRMATION.sub(" ", folded))
    return not _OWN_CASE.search(told) and not _CASE_ASKED.search(asking_sentence(folded))


# Calculators that look an entry up in the texts (the Pro-A list) rather than apply a rule to a case: what
# an entry is ("c'est quoi le DAMC de la liste ?") is what they answer.
LOOKUPS = LIST_LOOKUPS


# A yes/no on a definite noun phrase of the rule: inverted ("la prime des tuteurs compte-t-elle … ?") or indirect
# ("savoir si la prime … entre …"). The verdicts a calculator gives (a right, an opening, a payment due, a
# condition met) stay its questions.
# A yes/no has no interrogative word before its inverted verb: "ma formation s'est terminée le 12 juin, quand la prime
# tombera-t-elle ?" asks a date (the payment month, art. 9.3: "le mois suivant la fin de l'action de formation").
_NO_WH = r"(?:(?!\b(?:quand|combien|quel\w*|comment|pourquoi|lequel\w*|laquelle)\b)[^?])*?"
_PROPERTY_ASK = re.compile(
    r"^(?:est-ce que )?(?:la|le|les|l'|ma|mon|mes|sa|son|ses|leur|leurs) "
    + _NO_WH
    + r"\b[a-z]+-(?:t-)?(?:elle|il|elles|ils)\b"
    r"|(?<=\bsavoir si )(?:la|le|les|l'|ma|mon|mes|sa|son|ses|leur|leurs) "
)
_VERDICT = re.compile(
    r"\b(?:droit|eligible\w*|ouvert\w*|possible\w*|accessible\w*|du|due|dus|dues|acquis\w*|rempli\w*|suffi\w*|"
    r"valid\w*|certifi\w*|concern\w*|jou\w*|applique\w*|respect\w*|depass\w*|atteint\w*|obten\w*|obtien\w*|ouvr\w*|figur\w*|inscri\w*|"
    r"beneficier|acceder|pretendre|toucher|percevoir|juste|exact\w*|correct\w*|bon|bons|recevable\w*|tien\w*|"
    r"major\w*|diminu\w*|redui\w*|augment\w*|peut|peuvent|pourra\w*|pourrai\w*|doit|doivent|regle|conforme\w*)\b"
)
_PERSON_ASKED = re.compile(r"\b(?:je|j'|moi|me|m'|nous|lui|y)\b|" + calculator_vocabulary.CASE_FOR_SOMEONE)
# A figure asked of a list's entry: the Pro-A list holds names, families and bodies, no level, length or count.
_FIGURE_ASK = re.compile(r"\bcombien\b|\bquel(?:le)?s? (?:niveau|duree|cout|prix|taux|nombre)\b|\ba quel niveau\b")


def _asking_clause(folded: str) -> str:
    """The asking sentence after its last colon: the context said before a colon is not what is asked."""
    return asking_sentence(folded).rsplit(":", 1)[-1].strip()


def asks_a_property(folded: str, calculator: str) -> bool:
    """The asking clause is a yes/no on a thing of the rule, not on a verdict a calculator gives, nor on a person.

    A calculator whose only answer is a verdict (`VERDICT_ONLY`: "le DEAS est-il sur la liste ?", "ouvrent-ils
    la Pro-A ?") answers every yes/no on its thing."""
    if calculator in calculator_vocabulary.VERDICT_ONLY or calculator in LOOKUPS:
        return False
    clause = _asking_clause(folded)
    asked = _PROPERTY_ASK.search(clause)
    if asked is None or _VALUE.search(mask_conjunctions(clause)):
        return False
    clause = clause[asked.start() :]  # "je dois savoir si la prime …": what is asked starts after "si"
    own = calculator_vocabulary.VERDICT_WORDS.get(calculator)
    if own is not None and re.search(own, clause):
        return False  # "mon absence sera-t-elle rémunérée ?": the rule's own verdict, in the words of its result
    return not _VERDICT.search(clause) and not _PERSON_ASKED.search(clause)


def asks_another_attribute(folded: str, calculator: str) -> bool:
    """A lookup in a list asked a figure of its entry, which the list does not hold."""
    return calculator in LOOKUPS and bool(_FIGURE_ASK.search(_asking_clause(folded)))


_RESULT_ASKS = {name: re.compile(pattern) for name, pattern in calculator_vocabulary.RESULT_ASKS.items()}


def asks_the_result(folded: str, calculator: str) -> bool | None:
    """Whether the message's questions ask one of `calculator`'s results (`calculator_vocabulary.RESULT_ASKS`);
    None when the calculator declares none, or when nothing is asked (a case told without a question mark).

    Read on every sentence ending with a question mark, the whole message when they are a word or two
    ("Et Julie ?"): an adviser's facts come first, the question after them.
    """
    pattern = _RESULT_ASKS.get(calculator)
    if pattern is None:
        return None
    asking = [s for s in re.split(r"(?<=[.!?;\n])", folded) if s.rstrip().endswith("?")]
    if not asking:
        return None
    asked = " ".join(asking)
    if len(asked.split()) < 4:
        asked = folded
    if pattern.search(mask_conjunctions(asked)):
        return True
    # "Entretien professionnel : pour mon collègue arrivé le 2 novembre 2024 ?" asks nothing of its own (no
    # interrogative word, no verb): an ellipsis asking again what was asked before, which decides nothing here
    return False if _ASKS_SOMETHING.search(asked) else None


# Something asked by the sentence's own words: an interrogative word, a modal verb, an inverted subject.
_ASKS_SOMETHING = re.compile(
    r"\b(?:qui|que|qu'|quoi|quel\w*|quand|comment|combien|pourquoi|ou|est-ce|lequel\w*|laquelle|peut|peuvent|"
    r"pourr\w*|doit|doivent|faut|faudra\w*|dois|puis|peux|possible|existe|y a)\b"
    r"|\w-(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous)\b"
)


def not_an_application(facts: Facts, plan: Plan) -> bool:
    """Whether the question, whatever facts it tells, asks the rule rather than `plan`'s application.

    A definition or purpose asked, or a claim for everyone, is never an application. A claim submitted
    for confirmation without a quantifier ("un CDD ne peut pas faire de Pro-A, c'est bien ça ?") is
    answered by the calculator only when the facts stated decide it; a question back about the user's
    situation would answer a question nobody asked.
    """
    if asks_what_it_is(facts.folded) and plan.calculator not in LOOKUPS:
        return True
    # a quiz's options or a claim to answer hold figures of the rule, not of a case
    if offers_choices(facts.folded) or answers_a_claim(facts.folded):
        return True
    # "Pour Léa (CDI, entrée en 2022), on peut faire son entretien pro en même temps que l'entretien annuel ?":
    # the dates told are the context; what is asked is none of the calculator's results, the article answers it
    if asks_the_result(facts.folded, plan.calculator) is False:
        return True
    if asks_a_property(facts.folded, plan.calculator):
        return True
    if asks_who_or_why(facts.folded) or asks_the_texts_bound(facts.folded):
        return True
    if asks_another_attribute(facts.folded, plan.calculator) or asks_who_is_covered(facts.folded):
        return True
    if asks_an_entry_attribute(facts.folded, plan.calculator):  # "le DAMC de la liste, ça désigne quoi ?"
        return True
    # "combien pour chacun ?" after several cases told ("Agnès … 4 mois, Bruno … 6 mois") distributes the
    # question over them: no rule claimed for everyone
    several = sum(len(v) for v in plan.arguments.values() if isinstance(v, list)) >= 2
    told = re.sub(r"\b(?:pour|a) chacune?\b", " ", facts.folded) if several else facts.folded
    if claims_for_everyone(told):
        return True
    if asks_the_conditions(facts.folded) and undecided(plan):
        return True
    if (asks_own_leave_used(facts.folded) or asks_what_a_text_does(facts.folded)) and undecided(plan):
        return True
    if (
        not plan.arguments
        and undecided(plan)
        and (
            # a limit asked of the case told ("combien d'heures au minimum pour la Pro-A de mon agent ?") is the
            # rule's result for it (`asked_result`), not the limit asked for anyone
            (asks_a_limit(facts.folded) and not plan.asked)
            or asks_the_texts(facts.folded)
            or (asks_an_obligation(facts.folded) and not plan.asked)
            or reports_a_claim(facts.folded)
            or claimed_rules(facts.folded)  # a quotation naming nobody: a rule claimed, to check in the texts
            or states_a_premise(facts.folded)
        )
    ):
        return True
    return asks_to_confirm(facts.folded) and undecided(plan)


# "Quelles sont les conditions d'ancienneté pour l'absence CEP ?", "quels critères faut-il remplir ?": the
# conditions of a scheme asked as such, not whether the case meets them ("pour moi", "dans mon cas").
_CONDITIONS_ASKED = re.compile(
    r"\bquel(?:le)?s? (?:sont|est|seraient|serait)? ?(?:les |la |le )?(?:conditions?|criteres?|regles?|modalites?|"
    r"seuils?|prerequis)\b|\ba quelles? conditions?\b|\bsous quelles? conditions?\b"
    # "dans quels cas une Pro-A peut-elle s'étendre sur 36 mois ?": the cases the rule lists, asked as such
    r"|\b(?:dans|en) quels cas\b"
    # a condition's threshold asked: "au bout de combien d'années sans formation joue-t-elle ?" (art. 8: "qui n'en
    # auraient pas suivi depuis 4 ans"), "quelle ancienneté faut-il en CDI ?" (art. 5: "une ancienneté d'au moins 5
    # années"): the figure the rule sets for everyone, not the case's result ("dans combien de temps" asks that)
    r"|\b(?:au bout|a l'issue) de combien\b|\bapres combien (?:de temps|d'annees|d'ans|de mois)\b"
    r"|\bcombien (?:de temps|d'annees|d'ans|de mois)\b[^?]*\b(?:faut-il|faut il|exig\w*|requi\w*|necessaires?)\b"
    r"|\bquel(?:le)?s? (?:anciennete|duree d'anciennete)\b[^?]*\b(?:faut|exig\w*|requi\w*|necessaires?|demand\w*)\b"
    r"|\b(?:faut-il|exig\w*|requi\w*)\b[^?]*\banciennete\b"
)

# Who the rule covers, asked as such: "pour quels agents exactement ?", "quels salariés sont concernés ?" (avenant
# art. 2: "les agents n'ayant pas atteint le niveau 4 ou dont l'emploi est menacé"). No calculator names a class of
# persons; the sentence that lists them answers, whatever case or date is told beside the question.
_COVERED_ASKED = re.compile(
    r"\b(?:pour|a) quel(?:le)?s? (?:agents?|salariee?s?|publics?|personnes?|beneficiaires?|categories?)\b"
    r"|\bquel(?:le)?s? (?:agents?|salariee?s?|publics?|personnes?) (?:sont|seraient) (?:concernee?s?|vise\w*)\b"
)
# "quels agents doivent voir leur congé porté à 48 heures ?", "quels salariés peuvent en bénéficier ?": the class of
# persons is the subject asked, whatever the verb; "leur" after it is that class, not someone's case
_CLASS_AS_SUBJECT = re.compile(
    r"\bquel(?:le)?s? (?:agents?|salariee?s?|publics?|personnes?|beneficiaires?) "
    r"(?:doivent|peuvent|ont|beneficient|relevent|obtiennent|voient|sont)\b"
)


def asks_who_is_covered(folded: str) -> bool:
    """The asking clause asks which persons the rule covers, without bringing the case into it."""
    clause = _asking_clause(folded)
    if _COVERED_ASKED.search(clause) and not _CASE_ASKED.search(clause):
        return True
    subject = _CLASS_AS_SUBJECT.search(clause)
    if subject is None:
        return False
    rest = clause[: subject.start()] + re.sub(r"\bleurs?\b", " ", clause[subject.end() :])
    return not _CASE_ASKED.search(rest)


# A bound of the rule named: "le plafond annuel", "au maximum", "combien … à la fois". The bound is a figure
# of the rule, the same for every case (art. 4.3: "au maximum à 252 points par année civile et par tuteur";
# art. 4.2: "chaque tuteur accompagne, au maximum, 3 salariés").
_LIMIT = re.compile(
    r"\b(?:plafon\w*|maximum|maximal\w*|au plus|limite\w*|minimum|minimal\w*)\b|\ba la fois\b|\ben meme temps\b"
)
# The texts named as the source of the answer: "d'après l'avenant", "selon l'accord", "que prévoit le texte".
_BY_THE_TEXTS = re.compile(
    r"\b(?:d'apres|selon|que (?:dit|disent|prevoit|prevoient)|dans) (?:l'|le |la |les )?(?:avenant|accord|"
    r"protocole|textes?|convention|circulaire|fiche)\b"
)


# Whether one side may impose or refuse the scheme: "un droit que je peux imposer", "peut-il refuser",
# "est-ce obligatoire" ask what the rule obliges, whoever asks, not whether the asker is eligible.
_OBLIGATION = re.compile(r"\b(?:impos\w*|refus\w*|obligatoire\w*|obliga\w*|contrain\w*|exig\w*)\b")


# A claim reported from someone else ("mon collègue prétend que la prime est versée chaque mois"): what the
# texts say settles it, whoever reports it; the first person of "mon collègue" tells no case. The asker's own
# hedge ("je pense que", "j'affirme") is no report.
_REPORTED_CLAIM = re.compile(
    r"(?<!\bje )(?<!j')\b(?:pretend(?:ent)?|affirme(?:nt)?|soutien(?:nen)?t|assure(?:nt)?|dit|disent|"
    r"raconte(?:nt)?|jure(?:nt)?|certifie(?:nt)?|explique(?:nt)?|ecri(?:t|vent)|retorque(?:nt)?|objecte(?:nt)?|"
    r"oppose(?:nt)?) (?:que|qu')"
)

# What to reply to a claim, asked ("que lui répondre ?", "quel passage lui montrer ?", "comment le contredire ?"):
# the texts' sentence against the claim is the answer, whatever figure the claim or the context holds.
_REPLY_ASKED = re.compile(
    r"\bque (?:lui |leur |y )?(?:repondre|retorquer|opposer|objecter)\b"
    r"|\b(?:lui|leur|y) (?:repondre|opposer|montrer|retorquer|objecter)\b"
    r"|\b(?:le |la |les |l')?(?:contrer|contredire|refuter|demontrer le contraire)\b"
)

# A multiple-choice question: lettered options "A. … B. …" or "a) … b) …". One of the options is the texts' rule, a
# figure in an option is no one's case (a quiz, not a situation told).
_LETTERED_CHOICES = re.compile(r"(?:^|[\s:])a[.)]\s.+?\sb[.)]\s")


# What the person told said of themself, reported by the asker ("un agent me dit qu'il n'a pas été formé depuis
# longtemps", "elle m'explique qu'elle est en CDD"): a fact of the case, to complete, not a rule to check in the
# texts. Only the person's state or history ("est", "a", "n'a pas été", "travaille"); an entitlement reported ("qu'il
# a droit à 48 h", "qu'elle peut", "qu'il touchera") stays a claim.
_REPORTED_FACT = re.compile(
    r"\s*(?:il|elle|ils|elles) (?:n'|ne )?(?:est|sont|etait|etaient|a|ont|avait|avaient|travaille\w*)\b"
    r"(?! (?:le )?droit\b)(?! pas (?:le )?droit\b)"
)


def reports_a_claim(folded: str) -> bool:
    """Whether the message reports someone's claim (a rule to check in the texts), not the person's own facts."""
    claims = [m for m in _REPORTED_CLAIM.finditer(folded) if not _REPORTED_FACT.match(folded, m.end())]
    return bool(claims)


def answers_a_claim(folded: str) -> bool:
    """Whether the message reports someone's claim and asks what to reply to it: the texts answer, never a
    calculator on the claim's figures ("On me rétorque que la VAE demande cinq ans. Que répondre ?")."""
    return reports_a_claim(folded) and bool(_REPLY_ASKED.search(asking_sentence(folded)))


def offers_choices(folded: str) -> bool:
    """Whether the message is a multiple-choice question with lettered options ("A. le mois même B. …")."""
    return bool(_LETTERED_CHOICES.search(folded))


def asks_an_obligation(folded: str) -> bool:
    """The asking sentence asks whether the scheme can be imposed or refused, or is compulsory."""
    return bool(_OBLIGATION.search(asking_sentence(folded)))


def asks_a_limit(folded: str) -> bool:
    """The message asks a bound of the rule (a cap, a maximum, how many at once), not the case's value."""
    return bool(_LIMIT.search(folded))


def asks_the_texts(folded: str) -> bool:
    """The asking sentence names the texts as the source of its answer ("d'après l'avenant, … quand ?")."""
    return bool(_BY_THE_TEXTS.search(asking_sentence(folded)))


def asks_the_conditions(folded: str) -> bool:
    """The asking sentence asks what the conditions of a scheme are, without bringing the case into it: the
    conditions answer it, even in a conversation that told a case (a question back would not)."""
    sentence = asking_sentence(folded)
    return bool(_CONDITIONS_ASKED.search(sentence)) and not _CASE_ASKED.search(sentence)


# Whether the asker's own leave is spent on an absence the texts grant: "je dois poser un jour de congé ?", "je prends
# une journée de RTT ?", "c'est pris sur mes congés ?". The texts say what the absence is (art. 5: "une autorisation
# d'absence rémunérée de 1 demi-journée"), the same for everyone: no fact of the case decides it.
_OWN_LEAVE = re.compile(
    r"\b(?:poser|pose|posee?s?|prendre|prends|prend|utiliser|puiser)\b(?: (?:un|une|1|des|mes|ses|mon|son))?"
    r" (?:(?:jour|journee|demi-journee)s? de (?:conges?|rtt|repos)|conges? payes?|rtt)\b"
    r"|\b(?:pris|prise|decompte\w*|impute\w*|deduite?s?) (?:sur|de) (?:mes|ses|leurs|nos|mon|son) "
    r"(?:conges?|rtt|jours)\b"
)


def asks_own_leave_used(folded: str) -> bool:
    """The asking sentence asks whether one's own leave (a day off, RTT) is spent on the absence: what the absence
    is, which the texts state for everyone."""
    return bool(_OWN_LEAVE.search(asking_sentence(folded)))


# A text as the subject of the asking clause, inverted: "l'accord le range-t-il parmi les publics de la Pro-A ?", "le
# texte prévoit-il une prime ?". What a text contains or says is asked, which its sentences answer; the person the
# asker told of is the occasion. With the asker or the case as the verb's object ("l'accord me permet-il …",
# "lui donne-t-il droit …") the rule is applied to the case, and stays an application.
_TEXT_SUBJECT = re.compile(
    r"\b(?:l'|le |la |cet |cette |ce )(?:accord|avenant|protocole|texte|circulaire|convention|article(?: \w+)?)"
    r"(?: (?:le|la|les|l'))? ?(?!(?:me|m'|lui|leur|nous|y) )[a-z]+-(?:t-)?(?:il|elle)\b"
)


def asks_what_a_text_does(folded: str) -> bool:
    """The asking clause has a text as its inverted subject and no person as its object: what the text says is
    asked."""
    clause = _asking_clause(folded)
    asked = _TEXT_SUBJECT.search(clause)
    return asked is not None and not _PERSON_ASKED.search(clause[asked.start() :])


def undecided(plan: Plan) -> bool:
    """Whether the plan would end in a question back: inputs missing that the rule still needs."""
    spec = CALCULATORS.get(plan.calculator)
    if spec is None:
        return bool(plan.missing)
    names = {p.name for p in spec.params}
    if any(m not in names for m in plan.missing):
        return True
    if not spec.partial:
        return bool(plan.missing) or any(p.required and p.name not in plan.arguments for p in spec.params)
    try:
        return bool(spec.run(**plan.arguments).missing)
    except CalcError:
        return False


# The asking clause opens on "qui" / "où" / "pourquoi" (after a preposition: "par qui", "auprès de qui") and runs to
# the question mark: "J'ai deux salariés en Pro-A : qui finance leurs formations ?". Every calculator of the registry
# answers with a figure, a date or a verdict (`CalcResult`); none names a body, a place or a reason, which a passage
# states (art. 2.6: "Le financement de la Pro-A est assuré par la contribution légale mutualisée au sein de
# l'OPCO."). The case told is the question's context.
# Folded, "où" is the conjunction "ou": it asks where only before a verb ("où dois-je…", "où déposer", "où est…"),
# never before the other side of an alternative (", ou la circulaire me bloque-t-elle ?").
_WHERE = r"ou (?=[a-z]+-(?:je|tu|il|elle|on|nous|vous|ils|elles)\b|(?:se |s')?[a-z]+(?:er|ir|re)\b|(?:est|sont)\b)"
_WHO_OR_WHY = re.compile(
    r"(?:^|[,;:]\s*)(?:et |mais |alors )?(?:(?:par|a|aupres de|de|pour|avec|chez|vers) )?"
    r"(?:(?P<who>qui|pourquoi)\b(?! que\b)(?!-)|" + _WHERE + r")[^,;:]*\?$"
)
# the first and second persons of the auxiliaries and of "pouvoir", "aller" ("qui ai", "qui n'avons", "qui suis")
_PERSONAL_VERB = re.compile(
    r"\s+(?:ne |n')?(?:ai|as|avons|avez|avais|avions|aviez|suis|es|sommes|etes|etais|etions|etiez|vais|vas|allons|"
    r"allez|peux|pouvons|pouvez)\b"
)

# An interrogative word or an inverted verb: the sentence asks its question there ("quelle durée", "puis-je").
_ALREADY_ASKING = re.compile(
    r"\b(?:quel\w*|combien|quand|comment|lequel\w*|laquelle|est-ce)\b|\w-(?:t-)?(?:je|il|elle|on|ils|elles|nous|vous)\b"
)


def asks_who_or_why(folded: str) -> bool:
    """The asking clause asks who, where or why: no calculator answers that, the passages do. "Qui obtient le
    CQP ?" after two candidates' grades asks a verdict (`_VERDICT`: obtains, is entitled, may) over the persons
    told, which the calculator gives: no body asked."""
    sentence = asking_sentence(folded).strip()
    asked = _WHO_OR_WHY.search(sentence)
    if asked is None or _VERDICT.search(asked.group()):
        return False
    # "et pour moi, qui n'ai aucun diplôme ?": after a person's pronoun, "qui" is a relative telling their case
    if re.search(r"\b(?:moi|toi|lui|elle|nous|vous|eux|elles|celui|celle)\s*,\s*$", sentence[: asked.start() + 1]):
        return False
    # "Quelle durée d'absence puis-je accorder à une gestionnaire, sans diplôme, qui prépare une VAE ?": a sentence
    # already asking (an interrogative word, an inverted verb) before the comma asks once; "qui" after it is a
    # relative describing the person of the case
    if asked.group("who") == "qui" and _ALREADY_ASKING.search(sentence[: asked.start()]):
        return False
    # "et moi alors, qui ai tutoré la même alternante ?": an interrogative "qui" takes the third person, so a verb
    # in the first or second person after it makes it a relative whose antecedent is the speaker
    return not _PERSONAL_VERB.match(sentence, asked.end("who")) if asked.group("who") == "qui" else True


def asks_the_texts_bound(folded: str) -> bool:
    """The asking sentence asks a bound of the rule from the texts ("Plus sérieusement, quelle est la durée
    maximale de la Pro-A selon l'accord ?") and brings no person into it: the rule's bound answers it, whatever
    figure was said before (a claim to correct, art. 2.4: "la durée de la Pro-A peut être allongée jusqu'à 36
    mois"), never a question back about the asker's case."""
    sentence = asking_sentence(folded)
    return asks_a_limit(sentence) and asks_the_texts(folded) and not _PERSON_ASKED.search(_asking_clause(folded))


# A premise the question rests on, opened by a causal conjunction that presents it as known ("Puisque l'entretien
# professionnel et l'entretien annuel sont le même rendez-vous, …"), about the rule: no person in it.
_PREMISE = re.compile(r"^\W*(?:puisque|puisqu'|vu que|etant donne que|du moment que|comme)\b(?P<clause>[^,;:?]*)")
_PERSON = re.compile(r"\b(?:je|j'|tu|t'|vous|votre|vos|nous|notre|nos|mon|ma|mes|il|elle|ils|elles|m'|me|moi)(?=\W|$)")


def states_a_premise(folded: str) -> bool:
    """The message opens on a premise about the rule ("Puisque X et Y sont la même chose, …"): what the texts say
    confirms or corrects it (art. 6: the professional interview "est distinct de l'entretien annuel d'évaluation"),
    which a question back about the asker's dates would not. A premise about the asker ("Comme je suis tuteur, …")
    tells a case and is not one."""
    m = _PREMISE.search(folded)
    if m is None:
        return False
    # the premise runs to its comma, or to the main clause's subject when the comma is left out ("… le même
    # rendez-vous je n'en aurai qu'un ?"): three words of its own at least, none of them a person
    person = _PERSON.search(m.group("clause"))
    premise = m.group("clause")[: person.start()] if person else m.group("clause")
    return len(premise.split()) >= 3
