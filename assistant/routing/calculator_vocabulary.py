"""The wording the calculator inputs rely on: is a case described, what is asked, what is missing.

Kept apart from the topic cues (`assistant.routing.intents`) because these patterns do not pick a topic:
once a topic with a calculator is chosen, they tell whether the user describes a case (theirs or
a colleague's) and asks for a figure on it, rather than asking about the rule in general; they
name the follow-up question for each missing input and the wordings of the Pro-A certifications.
Patterns are regular expressions over *folded* text (`assistant.routing.extraction.folding.fold`).
"""

from __future__ import annotations

# The user states facts about their own situation.
FIRST_PERSON = r"\b(?:je|j'|me|m'|moi|mon|ma|mes|nous|notre|nos)\b|\b(?:suis|ai)\b"

# Politeness framing that says nothing of the user's case: "je voudrais savoir combien de temps dure
# un CEP" asks about the rule. It is left out when deciding whether the user speaks of themselves.
ASKING_FRAME = (
    r"\b(?:je (?:voudrais|voulais|veux|souhaite|souhaiterais|aimerais) (?:savoir|connaitre|comprendre|"
    r"une information|un renseignement|des precisions)|je me (?:demande|demandais)|"
    r"(?:pourriez-vous|pouvez-vous|peux-tu|pourrais-tu|tu peux|vous pouvez) m'(?:expliquer|indiquer|"
    r"eclairer|aider)|(?:pourriez-vous|pouvez-vous|peux-tu|pourrais-tu|tu peux|vous pouvez) me (?:dire|"
    r"preciser|rappeler|confirmer)|dites-moi|dis-moi|merci(?: d'avance| de (?:me|m'))?|"
    r"j'ai une question|ma question|"
    # a letter's request and closing formulas: "je me permets de solliciter votre éclairage quant à …",
    # "je vous prie d'agréer l'expression de mes salutations distinguées"
    r"je me permets de (?:vous )?(?:solliciter|demander|contacter|ecrire|interroger|poser)|"
    r"je (?:vous )?(?:sollicite|ecris|contacte|interroge)|votre eclairage|"
    r"(?:je vous prie|veuillez|je vous remercie)[^.?!]*?(?:salutations|sentiments|considerations?|remerciements)"
    r"(?: (?:les )?(?:distinguee?s|respectueu(?:x|ses)|meilleure?s|cordiales?))?|"
    r"(?:mes|nos) (?:salutations|sentiments|remerciements)(?: (?:les )?(?:distinguee?s|respectueu(?:x|ses)|"
    r"meilleure?s|cordiales?))?)\b"
)

# The user asks for a figure, a date or a yes/no on their case.
COMPUTE_ASK = (
    r"\b(?:combien|quel(?:le)?s? (?:montant|prime|somme|date|duree|nombre|total|mois)|a combien|calcul(?:e|er|ez)|"
    r"vais-je|aurai-je|toucherai|percevrai|recevrai|serai-je|suis-je|ai-je droit|puis-je|pourrai-je|pourrais-je|"
    r"est-ce que (?:je|j'ai)|quand|jusqu'a (?:quand|quelle date)|avant quelle date|a partir de quand|"
    # "ma VAE sera-t-elle recevable ?": the circular's admissibility is the CQP's verdict by VAE, as eligible is
    r"quel sera|quelle sera|eligible|recevable|admissible|droit a|en regle|oui ou non|"
    # "tu peux le chiffrer ?": a figure of the case asked for
    r"chiffr(?:e|er|ez)(?:-moi|-nous| moi| me| nous)?)\b"
    # a yes/no on the possibility for a person's case: "c'est possible pour moi ?", "faisable dans mon cas ?",
    # "j'y ai droit ?", "je peux ?" ("c'est possible ?" alone asks the rule's possibility, for anyone)
    r"|\b(?:possible|faisable|envisageable|jouable|permis|autorise|ouvert|accessible)e?s? (?:pour (?:moi|lui|elle|"
    r"eux|elles)|dans (?:mon|son|leur|ce) cas|en ce qui me concerne)\b|\bj'y ai droit\b|\bje (?:peux|pourrais)"
    r"(?: le faire)? ?\?"
    r"|\b(?:ma|sa|leur|notre|votre) prime(?: de (?:tutorat|tuteur|formateur))? ?\?"
    # "mon expérience me permet-elle de présenter le CQP ?": whether one's own fact suffices, the rule's verdict
    r"|\b(?:mon|ma|mes) [a-z' -]{2,30}\b(?:me|m') permet\w*"
    # an adviser's yes/no on one person's request: "peut-on la lui accorder ?", "dois-je le lui refuser ?"
    r"|\b(?:l'|le |la |les )?lui (?:accord|refus|octroy|autoris)er\b"
)

# The user asks for an amount or a date (what a bonus calculator computes), as opposed to a yes/no on
# who is entitled ("ça me donne aussi droit à la prime de formateur ?"), which the texts answer.
AMOUNT_ASK = (
    # "quel total de points", "en quel mois est-elle versée": a sum or a payment month asked
    r"\b(?:combien|quel(?:le)?s? (?:montant|prime|somme|date|total|mois)|a combien|montant|"
    r"touch(?:er|e|erai|erais|era|ons)|percev(?:oir|rai|rais|ra)|recev(?:oir|rai|rais|ra)|"
    r"rapport(?:e|era|erait|ent)|quand|a partir de quand|calcul(?:e|er|ez)|"
    r"droit a \d+ ?(?:points?|pts|euros?|€))"
    # the person's premium asked bare after the facts: "… et se termine fin juin. Ma prime ?"
    r"|\b(?:ma|sa|leur|notre|votre) prime(?: de (?:tutorat|tuteur|formateur))? ?\?"
)

# A case described by an HR advisor or a colleague, in the third person: "un salarié part en Pro-A
# sur 2 000 heures", "une collègue est en CDD depuis 3 mois". Like the first person, it is a case.
CASE_SUBJECT = (
    r"\b(?:un|une|mon|ma|notre|nos|cet|cette|ce|l'un de nos|l'une de nos) "
    r"(?:salariee?|agente?|collaborat(?:eur|rice)|collegue|alternante?|apprentie?|stagiaire|"
    r"technicien(?:ne)?|conseill(?:er|ere)|gestionnaire|candidate?|tutoree?|beneficiaire)s? "
    # the person said by their service or site ("une collègue de l'accueil veut …", "un agent du contentieux a …")
    r"(?:(?:de l'|de la |du |des |d')[a-z]+ )?"
    r"(?:est|a|part|partira|travaille|vient|sera|va|souhaite|veut|demande|prepare|suit|entre|dispose|"
    r"totalise|justifie|cumule|compte|commence|termine|a ete|etait|avait)\b"
)

# The asking sentence brings a person's case into the question: "pour moi", "pour elle", "dans son cas",
# "est-il éligible", "y a-t-elle droit", "peut-il en bénéficier", "ma prime". With facts told, the
# question applies the rule to them (`calculator_inputs.asking`); it is also a case told in the third
# person when no subject names the person ("CDI, niveau CAP : la Pro-A est-elle une piste pour elle ?").
CASE_ASKED = (
    r"\bpour (?:moi|lui|elle|eux|elles|nous|mon cas|son cas|leur cas|ce salarie|cette salariee|cet agent)\b"
    r"|\bdans (?:mon|son|leur|notre|ce|cette) (?:cas|situation)\b|\ben ce qui (?:me|le|la|les) concerne\b"
    r"|\b(?:suis-je|est-il|est-elle|sont-ils|sont-elles|serait-il|serait-elle|serais-je) "
    r"(?:eligible|concernee?|en droit)"
    r"|\by (?:ai-je|a-t-il|a-t-elle|ont-ils|ont-elles|aurait-il|aurait-elle|aurais-je) droit\b"
    r"|\b(?:puis-je|peut-il|peut-elle|pourrait-il|pourrait-elle|pourrais-je|peuvent-ils) (?:en )?"
    r"(?:beneficier|pretendre|acceder|faire|demander|obtenir|toucher|percevoir)\b"
    r"|\b(?:me|lui|leur|nous) (?:serait|sera|est|sont) (?:ouverte?s?|accessibles?|possibles?)\b"
    r"|\b(?:ma|mon|mes|sa|son|ses|leur|leurs) (?:prime|droit|absence|conge|entretien|note|moyenne)s?\b"
)

# The part of CASE_ASKED that names the person the case is about, whoever asks ("pour elle", "dans son
# cas", "lui est-elle ouverte"): a case told even without a subject naming the person. "Un salarié peut-il
# en bénéficier ?" is not one: it asks the rule for anyone.
CASE_FOR_SOMEONE = (
    r"\bpour (?:moi|lui|elle|eux|elles|nous|mon cas|son cas|leur cas)\b"
    r"|\bdans (?:mon|son|leur|notre) (?:cas|situation)\b|\ben ce qui (?:me|le|la|les) concerne\b"
    r"|\b(?:me|lui|leur|nous) (?:serait|sera|est|sont) (?:ouverte?s?|accessibles?|possibles?)\b"
    # an adviser deciding one person's request: "peut-on la lui accorder ?", "dois-je le lui refuser ?" (art. 5's
    # absence "bénéficie à sa demande" to the employee: granting it is applying the rule to that employee's case)
    r"|\b(?:l'|le |la |les )?lui (?:accord|refus|octroy|autoris)(?:er|e|es|ez)\b"
)

# The question asks for a value of the user's own case (an amount, a date, a count), not whether a
# right exists: "combien je vais toucher ?", "avant quelle date ?", "je touche quoi ?". Without it, and
# without any fact of the case, a question is answered by the rule ("je peux toucher une prime ?").
VALUE_ASK = (
    # "tu peux me calculer le montant ?", "calcule-moi ma prime": a value of the case asked for
    # "quel total de prime dois-je réclamer ?", "quel congé pour moi, en heures ?": a sum, or the leave the rule
    # gives, asked as a value
    r"\b(?:combien|quel(?:le)?s? (?:montant|somme|date|jour|mois|nombre|prime|remuneration|salaire|total|conge|duree)|"
    r"(?:calcul|chiffr)(?:e|er|ez)\b(?:-moi|-nous| moi| me| nous)?|(?:le|mon|ma|son|sa|leur) montant|"
    r"a partir de quand|jusqu'a quand|quand|(?:touch|percev|recev|rapport)\w* quoi|"
    r"ca (?:me |nous |lui )?rapporte\w*|droit a (?:\d+ ?|[a-z]+ )?(?:points?|pts|euros?|€))"
    # "que va me rapporter la prime ?", "qu'est-ce que ça va lui rapporter ?": what it brings the person, a value
    r"|\bqu(?:e |')(?:[a-z'-]+ ){0,3}(?:me|m'|nous|lui|leur) rapport\w*"
)

# A yes/no rule's verdict said with the words of its own result: the CEP absence is "une autorisation d'absence
# rémunérée de 1 demi-journée" (protocole art. 5), so "mon absence sera-t-elle rémunérée / payée / accordée ?" asks
# the verdict, not a property of the scheme.
VERDICT_WORDS: dict[str, str] = {
    "cep_absence": r"\b(?:remunere\w*|payee?s?|paye\w*|accordee?s?|autorisee?s?|indemnisee?s?)\b",
    # art. 6's obligation met or not for the person: "mon entretien de bilan est-il en retard ?"
    "professional_reviews": r"\b(?:en retard|a jour|conformes?|en regle|dans les clous|en ordre|depass\w*)\b",
    # art. 8's training owed, given in time or not: "Celle-ci intervient dans l'année suivant cette période de 4 ans"
    # ("mon employeur est-il en retard sur la garantie ?")
    "training_guarantee": r"\b(?:en retard|a jour|en regle|dans les (?:temps|delais|clous)|hors delai|depass\w*)\b",
    # the circular's amplitude met or not (IV: "L'amplitude du parcours de formation ne doit pas excéder deux ans"):
    # "la limite des deux ans tombe-t-elle avant ou après ?", "mon parcours dépassera-t-il l'amplitude ?"
    "training_path_hours": r"\b(?:avant ou apres|apres ou avant|dans les (?:temps|delais|clous)|hors delai|depass\w*|"
    r"exced\w*)\b",
}

# What an asking sentence asks when it asks one of a calculator's results, for the calculators whose results are
# of few kinds. The professional reviews (protocole art. 6: "Les organismes assurent, tous les 6 ans, au moins deux
# entretiens professionnels et un entretien de bilan") give dates (the period's end, the interviews still due), counts
# (how many are owed) and a state (late, up to date, what is left to organise). An adviser's message tells the
# employee's dates around many other questions on the interview ("on peut le faire en même temps que l'entretien
# annuel ?", "qui doit faire quoi ?", "l'accord demande-t-il quelque chose de particulier ?"), which the
# calculator's dates do not answer: the article does.
RESULT_ASKS: dict[str, str] = {
    "professional_reviews": (
        # a date: "avant quelle date", "pour quand", "jusqu'à quand", "au plus tard", "son bilan tombe quand"
        r"\b(?:quand|date|dates|echeances?|delais?|au plus tard|tombe\w*)\b|\bavant quel(?:le)?s?\b"
        # a count of interviews: "combien d'entretiens", "combien au minimum ?", "quel nombre" ("tous les combien" asks
        # the rule's rhythm, "combien d'heures d'absence" another rule's figure)
        r"|(?<!tous les )\bcombien\b(?! d(?:e |')(?!entretiens?\b|bilans?\b|fois\b|rendez-vous\b))"
        r"|\bnombre d(?:e |')(?:entretiens?|bilans?|rendez-vous)\b"
        # a state: "en retard", "à jour", "conforme", "ce qui reste à organiser", "où en est-on", "le prochain"
        r"|\b(?:en retard|a jour|conformes?|en regle|respect\w*|rest\w*|manqu\w*|dues?|dus|depass\w*|suffi\w*|"
        r"assez|prochains?|prochaines?|ou en (?:est|sommes|suis|etes)|dans les clous|en ordre)\b"
        r"|\ba (?:organiser|prevoir|planifier|programmer|realiser|tenir|faire)\b"
        # what was owed: "qu'est-ce qui aurait dû être fait ?", "il fallait le faire"
        # (inverted too: "aurai-je dû avoir mon entretien de bilan ?", "aurait-il dû avoir lieu ?")
        r"|\b(?:aurai\w*|devai\w*)(?:-t)?(?:-(?:je|tu|il|elle|on|nous|vous|ils|elles))? (?:du|etre|avoir)\b|\bfallait\b"
        # what must be held by a date to come: "qu'est-ce qu'on doit avoir organisé d'ici fin 2029 ?", "combien
        # devra-t-on lui avoir fait passer ?", "devront avoir été tenus"
        r"|\b(?:doi\w*|doiv\w*|devr\w*)\b(?:-t-\w+)?(?: \w+)? avoir\b"
    ),
}

# Calculators whose only result is a yes/no: a value asked next to them ("combien de demandes de VAE
# par an je peux déposer ?") is the rule's own figure, not one of the user's case. The VAE's experience rule
# (protocole 7: "au moins une année") answers only whether the experience is enough.
VERDICT_ONLY = ("cqp_vae_eligibility", "pro_a_eligibility", "pro_a_certification", "vae_experience")

# A person the asker knows, named by that tie: "une collègue de l'accueil veut …", "mon binôme a …". Unlike "un
# salarié" (anyone), a colleague is one person whose case is told, as a named person is.
COLLEAGUE = r"\b(?:un|une|mon|ma|notre|nos|mes) (?:collegue|binome|collaborat(?:eur|rice))s?\b"

# A case an HR adviser describes by the person's name: "pour Mme Diallo", "M. Petit, 38 ans".
NAMED_PERSON = r"\b(?:m\.|mme|mlle|monsieur|madame|mademoiselle) ?[a-z]"

# General phrasings: a rule is asked about, not a case ("peut-elle durer plus de 12 mois ?").
GENERAL_PHRASING = (
    r"\b(?:peut-(?:il|elle|on)|peuvent-(?:ils|elles)|est-il possible|faut-il|doit-(?:il|elle|on)|"
    r"y a-t-il|existe-t-il|en general|quelles? (?:sont|est) (?:les|la|le)|dans (?:quel|quels|quelle|quelles) "
    r"(?:cas|conditions?|situations?|circonstances?)|a quelles? conditions?)\b"
)
THRESHOLD_WORDS = (
    r"\b(?:plus de|moins de|au-dela de|au dela de|"
    r"exced(?:er|e|es|ent|ant|ait)|depass(?:er|e|es|ent|ant|ait|era)|"
    r"jusqu'a|au maximum|au minimum|au moins|maximum|minimum|superieure? a|inferieure? a)\s*$"
)

# Follow-up questions, one per missing input, in the user's language.
FOLLOW_UPS: dict[str, str] = {
    "missions": "Sur quelle période exercez-vous (ou avez-vous exercé) votre mission de tutorat ? "
    "Indiquez les dates de début et de fin (par exemple « du 1er février au 20 juin 2025 ») "
    "et le nombre de salariés accompagnés.",
    "actions": "Quelles sont les dates de début et de fin de chaque action de formation que vous animez "
    "(par exemple « du 3 au 14 mars 2025 ») ?",
    "diploma_level": "Quel est votre plus haut diplôme (CAP, bac, BTS, licence, master…) ?",
    "experience_years": "Combien d'années d'activité, continue ou non, en lien avec le CQP avez-vous ?",
    "contract": "Êtes-vous en CDI ou en CDD ?",
    "months_as_employee": "Quelle est votre ancienneté salariée totale, tous employeurs confondus "
    "(pour un CDD : combien de mois d'activité salariée sur les 5 dernières années) ?",
    "months_in_organisation": "Depuis combien de temps travaillez-vous dans votre organisme actuel ?",
    "last_training": "À quelle date (au moins le mois et l'année) avez-vous suivi votre dernière formation ?",
    "hire_date": "Quelle est votre date d'embauche dans l'organisme ? "
    "Précisez aussi les dates de vos entretiens professionnels et de votre éventuel entretien de bilan.",
    "months": "Quelle durée (en mois) est prévue pour votre Pro-A ?",
    "case": "Votre situation relève-t-elle d'un cas permettant d'allonger la Pro-A : jeune de 16 à 25 ans "
    "sans diplôme du second cycle, demandeur d'emploi, bénéficiaire du RSA, de l'ASS ou de l'AAH, "
    "ou préparation d'une qualification reconnue par la branche ?",
    "total_hours": "Quelle est la durée totale (en heures) de votre Pro-A ?",
    "certification": "Quelle certification souhaitez-vous préparer en Pro-A ?",
    "payroll": "Quelle est la masse salariale brute annuelle de votre organisme (en euros) ?",
    # a question back still answers what the texts say: the rule it needs the fact for comes first
    "certification_date": "À compter du 1er jour du mois qui suit l'obtention de la certification, la rémunération "
    "est fixée par référence au cadre conventionnel (article 3.6). À quelle date avez-vous obtenu (ou "
    "obtiendrez-vous) votre certification ?",
    "target_level": "Pendant la formation, un contrat de professionnalisation visant une qualification du "
    "niveau 3 de la classification est rémunéré au minimum sur la base du coefficient du niveau 2, et au-delà "
    "du niveau 3 sur la base du coefficient du niveau 3 (article 3.6). Quel niveau de la classification vise "
    "votre contrat (niveau 3, niveau 4…) ?",
    "level_kind": "« Niveau » désigne-t-il ici le niveau de la certification préparée (nomenclature RNCP : "
    "niveau 5 = bac + 2) ou le niveau de classification de l'emploi visé dans la convention collective ? "
    "L'article 3.6 fixe la rémunération pendant la formation d'après le niveau de classification de la "
    "qualification visée : indiquez ce niveau de classification (niveau 3, niveau 4…).",
    "first_premss_day": "Quel a été (ou sera) le premier jour de votre formation Prem'ss ?",
    "points": "Combien de points souhaitez-vous convertir en euros ?",
    "grades": "Pour vérifier la certification, il me faut vos cinq notes sur 20 : contrôle continu du tronc "
    "commun, contrôle continu de l'option, épreuve écrite, épreuve orale et applications tutorées.",
}

# Follow-ups worded for one calculator: for the VAE leave, a threatened job decides alone (48 hours),
# so it is asked together with the diploma.
FOLLOW_UPS_FOR: dict[str, dict[str, str]] = {
    # art. 3.4: 6 to 12 months, up to 24 when the qualification requires it, up to 36 for the publics it lists
    "professionalisation_duration": {
        "public": "Quel est l'âge du bénéficiaire, a-t-il validé un second cycle de l'enseignement secondaire ou un "
        "diplôme technologique ou professionnel, est-il demandeur d'emploi (depuis combien de temps) ou bénéficiaire "
        "du RSA, de l'ASS ou de l'AAH ? La qualification visée exige-t-elle une formation plus longue ?",
    },
    # art. 3.5: up to 70 % of the action's total length for the publics of L. 6325-1-1
    "professionalisation_training_share": {
        "contract_total": "Quelle est la durée totale de l'action de professionnalisation (en heures ou en mois) ? "
        "Précisez aussi l'âge du bénéficiaire, son diplôme, et s'il est demandeur d'emploi ou bénéficiaire du RSA, "
        "de l'ASS ou de l'AAH.",
    },
    "vae_leave": {
        "diploma_level": "Quel est votre plus haut diplôme (CAP, bac, BTS, licence, master…) ? "
        "Votre emploi est-il menacé par des évolutions économiques ou technologiques ?",
    },
}

# The CQP grades, as named in the certification table, for the follow-up on missing ones.
GRADE_LABELS: dict[str, str] = {
    "continuous_common": "contrôle continu du tronc commun",
    "continuous_option": "contrôle continu de l'option",
    "written": "épreuve écrite",
    "oral": "épreuve orale",
    "tutored": "applications professionnelles tutorées",
}

# Certifications of the Pro-A list (annexe of the 2019 protocole and article 1 of the 2022
# avenant), with the folded wordings users give for them.
PRO_A_CERTIFICATIONS: dict[str, tuple[str, ...]] = {
    "CQP conseiller offres de services": (r"conseill(?:er|ere) (?:en )?offres? de services?",),
    "CQP gestionnaire conseil de la sécurité sociale": (r"gestionnaire conseil",),
    "CQP contrôleur allocataire": (r"controleur allocataires?",),
    "CQP contrôleur du recouvrement": (r"controleur (?:du )?recouvrement",),
    "DAMC (dispositif d'accès aux métiers de contrôle)": (r"\bdamc\b", r"acces aux metiers de controle"),
    "CQP délégué de l'assurance maladie": (r"delegue(?:e)? (?:de l')?assurance maladie", r"\bdam\b"),
    "Diplôme d'État d'infirmier": (r"infirmi(?:er|ere)", r"\bide\b"),
    "Diplôme d'État d'aide-soignant": (r"aide[- ]soignante?",),
    "Diplôme d'État de moniteur éducateur": (r"moniteur[- ]educateur",),
    "Diplôme d'État d'éducateur spécialisé": (r"educat(?:eur|rice) specialise", r"\bdees\b"),
    "CQP manager opérationnel": (r"manager operationnel",),
    "Diplôme d'État accompagnant éducatif et social": (
        r"accompagnant educatif et social",
        r"\bdeaes\b",
        r"\baes\b",
    ),
    "Diplôme d'État d'assistant de service social": (r"assistante? (?:de )?service social", r"assistante? sociale?\b"),
    "Diplôme d'État de conseiller en économie sociale familiale": (
        r"economie sociale (?:et )?familiale",
        r"\bcesf\b",
    ),
    "Master manager stratégique": (r"manager strategique",),
}

# A question back about someone else's case (an adviser preparing a colleague's interview): the second person of
# FOLLOW_UPS and of the rules' summaries said of that person ("votre date d'embauche" → "sa date d'embauche").
# `{pro}` is the person's pronoun (il, elle, or "il ou elle" when the message does not say). Longest first.
THIRD_PERSON_WORDING: tuple[tuple[str, str], ...] = (
    (r"si vous n'en avez jamais suivi", "si {pro} n'en a jamais suivi"),
    (r"travaillez-vous dans votre organisme actuel", "travaille-t-{pro} dans son organisme actuel"),
    (r"[Aa]vez-vous suivi", "a-t-{pro} suivi"),
    (r"[Aa]vez-vous", "a-t-{pro}"),
    (r"Êtes-vous", "Est-{pro}"),
    (r"[Ss]ouhaitez-vous", "souhaite-t-{pro}"),
    (r"vous bénéficiez", "{pro} bénéficie"),
    (r"exercez-vous \(ou avez-vous exercé\)", "exerce-t-{pro} (ou a-t-{pro} exercé)"),
    (r"\bvous n'avez pas", "{pro} n'a pas"),
    (r"\bvous justifiez", "{pro} justifie"),
    # (and the rules' summaries said of the person: "car votre niveau de qualification…", "devra vous faire suivre…")
    (r"\bsi vous avez déjà bénéficié", "si {pro} a déjà bénéficié"),
    (r"\b(ne|devra|doit) vous (?=faire|ferme)", r"\1 lui "),
    (r"\b[Vv]otre (?=date|dernière|situation|Pro-A|certification|note|mission|qualification)", "sa "),
    (r"\b[Vv]otre (?=ancienneté|contrat|plus haut|emploi|éventuel|organisme|diplôme|niveau|domicile|embauche)", "son "),
    (r"\bdans votre cas\b", "dans son cas"),
    (r"\b[Vv]os (?=entretiens|périodes|notes|dates)", "ses "),
)
# The person's pronoun, from the words the message uses of them: a title or a noun first, the pronouns next (a
# "joue-t-elle" may be the rule's, "la garantie joue-t-elle pour lui ?").
SHE_NOUN = (
    r"\b(?:mme|madame|mademoiselle|mlle|agente|salariee|collaboratrice|technicienne|conseillere|embauchee|"
    r"entree|arrivee|recrutee|formee)\b"
)
HE_NOUN = r"\b(?:m\.|monsieur|agent|salarie|collaborateur|technicien|conseiller|embauche|entre|arrive|recrute|forme)\b"
SHE = r"\b(?:elle)\b"
HE = r"\b(?:il|lui)\b"
