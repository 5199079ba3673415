"""Answer-type matching: what kind of answer a question asks for, and whether a sentence holds one.

A classic question-answering technique. The e5 cosines between a question and the sentences of the
right article are flat (0.82-0.92 measured on the shipped units), and the lexical score favours the
sentence that restates the question's premise ("la prime de tutorat" is in every sentence of art.
4.3). What tells the sentence that answers from the others is the *kind* of thing it states: "quelle
part ?" is answered by a percentage, "jusqu'à quand ?" by a date or a time limit, "qui ?" by a body
or a person, "pourquoi ?" by a purpose clause, "à quelles conditions ?" by a condition clause, and a
yes/no question by a sentence that decides (a negation, "ne … que", a limit, an obligation).

The patterns read the *form* of French sentences (a percentage, a month name, "afin de", "lorsque",
"ne … pas"), not the words of any question: they apply to any article and any wording. The composer
multiplies a unit's lexical score by `type_factor` (`assistant.answering.units.score_unit`), so the
type decides between units of the right subject and never brings an off-subject one forward.
"""

from __future__ import annotations

import re
from functools import lru_cache

PERCENT = "percent"
DATE = "date"
WHO = "who"
WHERE = "where"
REASON = "reason"
CONDITION = "condition"
DECIDES = "decides"  # a yes/no question: the sentence that says yes or no
LIMIT = "limit"  # "au maximum ?", "le plafond ?": the sentence stating an upper bound
FLOOR = "floor"  # "quelle expérience minimum ?", "au moins combien ?": the sentence stating a lower bound
COST = "cost"  # "c'est payant ?", "de ma poche ?": the sentence saying who pays or that it is free
# "quand est-elle versée ?" (a present act): a moment relative to the act ("le mois suivant la fin de l'action",
# "à l'issue de la mission"), asked alongside DATE; a calendar date of effect ("à effet rétroactif à compter du 1er
# janvier 2022") answers "depuis quand ?", not when the act takes place (lead19)
MOMENT = "moment"
# "combien ?", "c'est combien ?", "elle est de combien, la prime ?" (no noun counted after it): an amount, answered by
# a figure of points, euros or a percentage (« 7 points par mois »), not by the sentence restating the subject
AMOUNT = "amount"

_I = re.IGNORECASE

# What the question asks (its interrogative form, never its subject).
_ASKS: dict[str, re.Pattern[str]] = {
    PERCENT: re.compile(
        r"\b(?:quel(?:le)?s?\s+(?:est\s+(?:le|la)\s+)?(?:pourcentage|proportion|quote-part|part|taux|ratio)|"
        r"pourcentage|proportion|combien\s+(?:de\s+)?%|en\s+%|quelle\s+part|part\s+(?:max\w*|min\w*))\b",
        _I,
    ),
    DATE: re.compile(
        r"\b(?:(?:le|au)\s+moment\s+où\s+(?:il|elle|ils|elles|on|ce|c['’]|ça|cela)\b(?=[^?]*(?:\?|$))|quel\s+moment|quand(?!\s+(?:je|j['’]|on|il|elle|ils|elles|un|une|le|la|les|l['’]|mon|ma|mes|nous|vous|tu|ce|c['’]|cela|ça|son|sa|ses|leur)\b)|(?:à|a)\s+quel(?:le)?\s+(?:date|moment|échéance|âge)|quel(?:le)?\s+(?:date|délai|échéance|année|période)|"
        r"dans\s+quel\s+délai|depuis\s+quand|jusqu['’]\s*(?:à|a)\s+quand|date|délai|échéance|au\s+plus\s+tard|"
        r"à\s+partir\s+de\s+quand|en\s+quelle\s+année|de\s+quand|"
        # how often: answered by a period ("tous les 3 ans", "chaque année") as a date is
        r"(?:à|a|selon)\s+quel(?:le)?\s+(?:rythme|fréquence|périodicité|intervalle|cadence)|"
        r"quel(?:le)?\s+(?:est\s+(?:le|la)\s+)?(?:rythme|fréquence|périodicité|cadence)|tous\s+les\s+combien|combien\s+de\s+fois\s+par)\b",
        _I,
    ),
    WHO: re.compile(
        r"(?:^|[,;:?!.]\s*|\b(?:par|à|a|pour|avec|vers|devant|auprès\s+de|c['’]est|est-ce)\s+)qui\b"
        r"(?!\s+(?:a|ont|est|sont)\s+(?:un|une|des|le|la)\b)(?!\s+(?:a|avait|aurait)\s+raison|\s+dit\s+vrai|\s+croire)|"
        r"\bqui\s*\?|\b(?:ceux|celles|celui|celle)\s+qui\b|\bquel(?:le)?s?\s+(?:organisme|organisation|instance|interlocuteur|acteur|service|commission|"
        r"personne|autorité|syndicats?|signataires?|financeur|opérateur)\b",
        _I,
    ),
    WHERE: re.compile(
        r"\boù\b|\bou\s*\?|\b(?:à|a|dans|sur)\s+quel(?:le)?s?\s+(?:endroit|lieu|ville|site|registre|répertoire|liste|"
        r"caisses?|organismes?|régions?|annexe|document)\b",
        _I,
    ),
    REASON: re.compile(
        r"\b(?:pourquoi|dans\s+quel\s+but|pour\s+quelle\s+raison|(?:à|a)\s+quoi\s+(?:ça\s+|cela\s+)?sert|sert\s+à\s+quoi|"
        r"servir\s+à\s+quoi|quel(?:le)?\s+(?:est\s+(?:l['’]|le|la)\s*)?(?:objectif|finalité|but|intérêt|raison|objet)|"
        r"fait\s+pour|(?:à|a)\s+quoi\s+bon|dans\s+quelle\s+optique)\b",
        _I,
    ),
    # Who pays, said by the user's own words for paying: "c'est payant", "ça coûte", "de ma poche", "à mes frais",
    # "régler", "débourser", "gratuit / gratos", "le prix", "le tarif", "le reste à charge".
    COST: re.compile(
        # "le coût" asked ("quel est le coût ?"), not a subject that names costs ("qui fixe les coûts des formations")
        r"\b(?:payer|payante?s?|coûte\w*|quel(?:le)?\s+(?:est\s+(?:le|la)\s+)?(?:coût|prix|tarif)|de\s+(?:ma|sa|leur|notre|votre)\s+poche|"
        r"(?:à|a)\s+(?:mes|ses|nos|vos|leurs)\s+frais|régler|débourser|sortir\s+de\s+l['’]argent|gratuit\w*|gratos|"
        r"prix|tarif\w*|facturé\w*|reste\s+à\s+charge)\b",
        _I,
    ),
    LIMIT: re.compile(
        r"\b(?:au\s+(?:grand\s+)?maximum|maximum|maximale?s?|maximaux|plafond\w*|au\s+plus(?!\s+(?:tard|tôt))|au\s+mieux|"
        r"(?:le|la)\s+plus\s+(?:long(?:ue|temps)?|élevée?|haut)|jusqu['’]\s*(?:à|a)\s+combien|limite\s+haute)\b",
        _I,
    ),
    # A lower bound asked: "quelle expérience minimum ?", "combien au moins ?", "le plancher ?". Not "au moins un
    # entretien ?" (a figure checked, read by `claims`): the bound is asked, not stated with its value.
    FLOOR: re.compile(
        r"\b(?:minimum|minimale?s?|minimaux|plancher|(?:combien|quel(?:le)?s?\s+[\wà-ÿ-]+)\s+au\s+(?:moins|minimum)|"
        r"au\s+(?:moins|minimum)\s*\?)(?![\wà-ÿ])",
        _I,
    ),
    CONDITION: re.compile(
        r"\b(?:(?:à|a|sous)\s+quel(?:le)?s?\s+conditions?|quel(?:le)?s?\s+(?:sont\s+les\s+)?(?:conditions?|critères?)|"
        r"dans\s+quels?\s+cas|en\s+quels?\s+cas|sous\s+réserve\s+de\s+quoi|conditions?\s+(?:à\s+remplir|requises?|d['’]accès)|"
        # a requirement asked: "que faut-il (en plus) pour exercer ?", "qu'est-ce qu'il faut pour …", not what must be
        # done or written ("que faut-il indiquer ?")
        r"(?:que\s+faut-il|qu['’]\s*(?:est-ce\s+qu['’]\s*)?il\s+faut)(?:\s+(?:de\s+|en\s+)?plus)?\s+(?:pour|afin)|"
        # facts27: a requirement asked by what it takes ("quel diplôme faut-il avoir ?", "quelle attestation faut-il
        # détenir en plus ?", "combien de blocs faut-il valider ?", "qu'exige la convention ?"): answered by the
        # sentence stating it ("sous réserve de la détention de…", "doivent être titulaires…"), not by the one naming
        # the subject. Not "combien de temps faut-il ?" nor "il faut avoir travaillé combien de temps ?": a length
        # asked (measured: read as a condition, it led a CQP's list of conditions instead of art. 7, u26s-084)
        r"(?:quel(?:le)?s?|combien\s+(?:d['’]|de\s+)(?!temps\b))\s*[^?.;:,]{0,50}?\bfaut-il|"
        r"qu['’]\s*exige|\bexige(?:nt)?-t-(?:il|elle|ils|elles)\b)(?![\wà-ÿ])",
        _I,
    ),
}

# What a sentence holds (its form).
_ACTOR = (
    r"(?:employeurs?|organismes?|commissions?|opérateurs?|directions?|services?|institut|écoles?|organisations?|"
    r"syndicats?|comités?|responsables?|interlocuteurs?|caisses?|hiérarchie|branches?|État|managers?|tuteurs?)\b"
)
_MONTH = (
    r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)"
)
# A place named as a body by its acronym: "dans une CAF ou une CGSS", "au sein d'une URSSAF", "auprès de l'OPCO".
_NAMED_PLACE = (
    r"\b(?:dans|au\s+sein\s+(?:de\s+|d['’])|auprès\s+(?:de\s+|d['’]|des\s+|du\s+)|chez)\s*"
    r"(?:une?\s+|la\s+|le\s+|les\s+|l['’]|des\s+)?(?-i:[A-Z]{2,}[A-Za-z0-9]*)\b"
)
_NAMES_PLACE = re.compile(_NAMED_PLACE, _I)


def names_place(text: str) -> bool:
    """Whether the sentence names where by a body's own name ("exerce … dans une CAF ou une CGSS"), not by a
    generic noun ("au sein d'un organisme de la branche"), which only repeats the question's kind of place."""
    return bool(_NAMES_PLACE.search(text))


_HOLDS: dict[str, re.Pattern[str]] = {
    PERCENT: re.compile(r"\d\s?%|\bpour\s?cent\b|\bmoitié\b|\b(?:un|deux)\s+tiers\b|\bun\s+quart\b", _I),
    DATE: re.compile(
        rf"\b\d{{1,2}}(?:er)?\s+{_MONTH}\b|\b{_MONTH}\s+(?:19|20)\d\d\b|"
        r"\b(?:en|depuis|dès|avant|après|jusqu['’]en|à\s+compter\s+de|pour\s+les\s+années)\s+(?:19|20)\d\d\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|"
        r"\b(?:à\s+compter\s+d|à\s+partir\s+d|dès\s+(?:la|le|l['’]|sa|son|leur)|au\s+plus\s+tard|dans\s+un\s+délai|"
        r"avant\s+(?:le|la|l['’]|son|sa)|après\s+(?:le|la|l['’]|son|sa)|à\s+l['’]issue|"
        # after an act named by its noun: "transmis qu'après délibération de la CPNEFP"
        r"après\s+[a-zà-ÿ]+(?:tion|ture|ment)s?\b|jusqu['’]\s*(?:au|à\s+la|à\s+l['’])|"
        r"tous\s+les\s+(?:\d+|deux|trois|quatre|cinq|six)\s+(?:ans|années|mois)|chaque\s+année|trimestre|semestre|pendant\s+(?:la|le|toute)|lors\s+d|"
        r"durée\s+(?:in)?déterminée|entre\s+en\s+vigueur|prend\s+effet|"
        r"(?:le|la|l['’])\s*(?:mois|année|jour|semaine|trimestre)\s+(?:suivante?|précédente?)|à\s+la\s+fin\s+d|au\s+terme\s+d|"
        r"dans\s+les\s+\d+\s+(?:jours|mois|ans|années))",
        _I,
    ),
    # Bodies and people who act: the organisations the texts name, anywhere; a generic one ("l'employeur",
    # "la direction") as the agent ("par la direction", "l'employeur désigne") — "au sein de l'organisme"
    # names no one who acts. The dispositifs' acronyms ("CQP", "VAE", "CDI") are no answer to "qui ?".
    WHO: re.compile(
        r"\b(?:OPCO|CPNEFP|UCANSS|Ucanss|APEC|Uniformation|France\s+compétences|Pôle\s+emploi|CRFP|EN3S|"
        r"Caf|Urssaf|Carsat|CPAM|DRSM|Ugecam|UGECAM|CFDT|CGT|CFTC|CFE-CGC|jury|partenaires\s+sociaux|signataires|"
        r"ressources\s+humaines|ministère)\b|"
        rf"\bpar\s+(?:l['’]une?\s+des\s+|le\s+|la\s+|les\s+|l['’]|une?\s+|des\s+|son\s+|sa\s+|ses\s+|leur\s+)?"
        rf"(?:[\wé]+\s+)?{_ACTOR}|^(?:Le|La|Les|L['’]|Chaque)\s*{_ACTOR}|"
        # the parties to a decision: "choisie d'un commun accord entre l'employeur et le salarié"
        rf"\bentre\s+(?:l['’]|le\s+|la\s+|les\s+)\s*{_ACTOR}",
    ),
    WHERE: re.compile(
        r"\b(?:au\s+sein\s+d|dans\s+(?:les?|la|l['’])\s+(?:organismes?|caisses?|locaux|régions?|branches?|réseaux?|"
        r"établissements?|services?)|sur\s+(?:le|la)\s+(?:site|liste)|répertoire|registre|annexe|lieu|locaux|"
        r"établissement|à\s+(?-i:[A-Z][a-zé]+)|en\s+région|au\s+niveau\s+(?:national|régional|local)|"
        r"(?:inscrite?s?|figur\w+|mentionnée?s?|enregistrée?s?|consultables?|disponibles?)\s+(?:au|aux|à\s+la|dans|sur|en)\b)|"
        # a body named by its acronym after "dans une", "au sein d'une", "auprès de" ("dans une CAF ou une CGSS")
        + _NAMED_PLACE,
        _I,
    ),
    REASON: re.compile(
        r"\b(?:afin\s+(?:de|d['’]|que|qu['’])|pour\s+(?:permettre|favoriser|faciliter|assurer|garantir|répondre|développer|"
        r"sécuriser|accompagner|renforcer|améliorer|maintenir|anticiper|adapter|acquérir|obtenir)|"
        r"a\s+pour\s+(?:objet|objectif|finalité|but|mission|vocation)|ont\s+pour\s+(?:objet|objectif|finalité|but|mission)|"
        r"vis(?:e|ent|ant)\s+à|permet(?:tent|tre)?\s+(?:de|d['’]|à|aux?)|dans\s+le\s+but|en\s+vue\s+d|objectifs?|"
        r"compte\s+tenu|en\s+raison|du\s+fait|destinée?s?\s+à|car\b|finalité|dans\s+une\s+logique)",
        _I,
    ),
    AMOUNT: re.compile(r"\d[\d\s.,]*\s*(?:points?\b|€|euros?\b|%)|\bpour\s?cent\b", _I),
    # A condition clause, or a requirement ("doit obtenir", "au moins 10/20", "éliminatoire").
    # A cost clause: free of charge, refunded, taken in charge, paid or financed by someone.
    COST: re.compile(
        r"\b(?:gratuit\w*|sans\s+frais|frais|rembours\w*|pris(?:e|es)?\s+en\s+charge|prise\s+en\s+charge|à\s+la\s+charge|"
        r"financ\w*|coût\w*)\b",
        _I,
    ),
    # An upper bound: "jusqu'à 36 mois", "ne peut excéder 70 %", "dans la limite de", "au maximum", "plafonné".
    LIMIT: re.compile(
        r"\bjusqu['’]\s*(?:à|a)\s+(?:\d|une?\b|deux|trois|quatre|six|douze|vingt|trente)|\bexcéd\w*|\bdépass\w*|"
        r"\bau\s+(?:maximum|plus(?!\s+(?:tard|tôt)))\b|\bdans\s+la\s+limite\b|\bplafonn\w*|\bmaximum\b|\bmaximale?s?\b",
        _I,
    ),
    # A lower bound: "d'au moins une année", "au minimum de 3 ans", "sans être inférieure à 150 heures".
    FLOOR: re.compile(
        r"\bau\s+(?:moins|minimum)\b|\bminimum\b|\bminimale?s?\b|\bplancher\b|"
        r"\b(?:pas|être|sans\s+être|ne\s+peut\s+être)\s+inférieure?s?\b|\bpas\s+moins\s+d",
        _I,
    ),
    CONDITION: re.compile(
        r"\b(?:si|lorsque|lorsqu['’]|dès\s+lors\s+qu|à\s+condition|à\s+la\s+condition|sous\s+réserve|sous\s+condition|"
        r"dans\s+la\s+limite|au\s+moins|au\s+minimum|minimum|justifi\w+|pour\s+autant\s+qu|en\s+cas\s+d|"
        r"conditions?|critères?|être\s+titulaires?|n['’]ayant\s+pas|sauf|à\s+l['’]exception|dans\s+les\s+cas|"
        r"requis\w*|exigée?s?|nécessaires?|obligatoire\w*|éliminatoire\w*|doit|doivent|\d+\s?/\s?20|"
        r"en\s+accord\s+avec|après\s+accord|avec\s+l['’]accord|subordonnée?s?\s+(?:à|au|aux)|soumise?s?\s+(?:à|au|aux))(?![\wà-ÿ])",
        _I,
    ),
    DECIDES: re.compile(
        r"\b(?:ne|n['’])\s*(?:[\wà-ÿ'’-]+\s+){0,3}?(?:pas|plus|jamais|aucun\w*|que|qu['’]|ni)\b|\bnon\b|\baucun\w*\b|"
        r"\b(?:uniquement|seulement|exclusivement|seule?s?|réservée?s?|obligatoire\w*|facultati\w*|interdit\w*|"
        r"impossible|possible|autorisée?s?|volontariat|volontaire|de\s+droit|au\s+maximum|au\s+plus|au\s+minimum|"
        r"au\s+moins|dans\s+la\s+limite|excéder|dépasser|doit|doivent|est\s+tenue?|sont\s+tenus|peut|peuvent|"
        r"pourra|pourront|gratuit\w*|exclue?s?|quel\s+que\s+soit|quelle\s+que\s+soit|en\s+tout\s+état\s+de\s+cause)\b",
        _I,
    ),
}

# Deciding by a plain negation, restriction or limit weighs more than a bare modal ("peut").
_STRONG_DECIDES = re.compile(
    r"\b(?:ne|n['’])\s*(?:[\wà-ÿ'’-]+\s+){0,3}?(?:pas|plus|jamais|aucun\w*|que|qu['’]|ni)\b|\baucun\w*\b|"
    r"\b(?:uniquement|exclusivement|seule?s?|réservée?s?|obligatoire\w*|interdit\w*|impossible|volontariat|"
    r"au\s+maximum|au\s+plus|dans\s+la\s+limite|excéder|gratuit\w*|quel\s+que\s+soit|quelle\s+que\s+soit|"
    r"en\s+tout\s+état\s+de\s+cause)\b",
    _I,
)

_CLOSED = re.compile(
    r"-t-(?:il|elle|on)\b|-(?:il|elle|ils|elles|on|je|tu|vous|nous)\b|\best[- ]ce\s+(?:que|qu['’])|\bpuis-je\b|"
    r"\b(?:c['’]est|ça\s+(?:reste|compte|marche|passe)|on\s+(?:peut|doit|a\s+le\s+droit)|il\s+(?:faut|peut)|"
    r"(?:je|j['’])\s*(?:peux|dois|ai\s+le\s+droit)|(?:il|elle)\s+(?:a\s+le\s+droit|peut|doit))\b",
    _I,
)
_OPEN = re.compile(
    r"\b(?:combien|quel(?:le)?s?|qui|quand|comment|où|pourquoi|quoi|lequel|laquelle|lesquel\w*|que\s+(?:faire|dit|prévoit))\b",
    _I,
)

TYPE_WEIGHT = 0.4  # a unit holding every asked type scores this much more (a multiplier: 1.4)
DECIDES_WEIGHT = 0.3  # a yes/no question: a sentence deciding by a negation, restriction or limit…
MODAL_WEIGHT = 0.1  # … or only by a modal ("peut", "doit")


@lru_cache(maxsize=2048)
def asked_types(question: str) -> frozenset[str]:
    """The kinds of answer the question asks for (several when it asks several things)."""
    found = {kind for kind, pattern in _ASKS.items() if pattern.search(question)}
    if WHERE in found and re.search(r"\bdans\s+quel(?:le)?s?\s+caisses?\b", question, _I):
        found.add(WHO)  # "dans quelles caisses ?" is answered by the bodies' names too
    if WHO in found and _WHAT.search(question) and not _ASKS[WHO].search(_WHAT.sub(" ", question)):
        found.discard(WHO)  # "qu'est-ce qui change ?" asks what, not who
    if DATE in found and _ASKS_MOMENT.search(question) and not _ASKS_CALENDAR.search(question):
        found.add(MOMENT)
    if closes(question):
        found.add(DECIDES)
    return frozenset(found)


# "quand" / "à quel moment" asking when an act takes place…
_ASKS_MOMENT = re.compile(r"\b(?:quand(?!\s+m[êe]me)|(?:à|a)\s+quel\s+moment)\b", _I)
# … not a calendar date: since or until when, a date or a year, a rule's effect, a past event ("créé quand ?")
_ASKS_CALENDAR = re.compile(
    r"\b(?:depuis|jusqu['’]\s*(?:à|a)|(?:à|a)\s+partir\s+de|(?:à|a)\s+compter\s+de|de)\s+quand\b|\bdates?\b|"
    r"\bann[ée]es?\b|\bvigueur\b|\beffet\b|\bs['’]\s*appliqu\w*|\bapplicable\w*|\br[ée]troacti\w*|"
    r"\b(?:a|ont|avait|avaient|aura|auront)\s+(?:[ée]t[ée]\s+)?[\wà-ÿ]+é(?:e|s|es)?\b|\b(?:cr[ée]{2}|sign[ée]|conclu|paru|publi[ée])",
    _I,
)


# A bare "combien" (no noun counted after it, no period, no bound), or "quel montant": an amount. Read only for a clause
# that names nothing of its own (`clause_lead`): over a whole question it would also weigh "elles sont combien ?" (a
# head count, « plus de 2 500 salariés ») and "limité à combien ?" (« au maximum, 3 salariés ») towards a percentage
# or points.
_ASKS_AMOUNT = re.compile(
    r"(?<!tous les )\bcombien\b"
    r"(?!\s+(?:de\b|d['’]|y\s+a|en\s+tout|au\s+(?:moins|plus|maximum|minimum)|par\b|fois\b))|"
    r"\bquel(?:le)?\s+(?:est\s+(?:le|la)\s+)?montant\b",
    _I,
)
# "elles sont combien ?", "limité à combien ?", "jusqu'à combien ?": a head count or a bound, no amount
_COUNTED_BARE = re.compile(r"\b(?:sont|sommes|êtes|étaient|seront|limitée?s?\s+à|jusqu['’]\s*à)\s+combien\b", _I)


# facts27: a sum of money asked by its unit ("combien d'euros de l'heure ?", "quel taux horaire ?", "à quel tarif
# horaire ?"): answered by a figure in euros (« à raison de 12 €/h »), not by the sentence naming what is paid for
_ASKS_MONEY = re.compile(
    r"\bcombien\s+d['’]\s*euros\b|\b(?:tarif|taux|prix|coût|montant)\s+(?:horaire|journalier|mensuel|par\s+(?:heure|jour|mois))\b",
    _I,
)


def asks_money(clause: str) -> bool:
    """The clause asks a sum of money by its unit ("combien d'euros ?", "quel taux horaire ?")."""
    return bool(_ASKS_MONEY.search(clause))


def asks_amount(clause: str) -> bool:
    """The clause asks an amount by a bare "combien" ("→ combien ?", "c'est combien ?") or "quel montant"."""
    return bool(_ASKS_AMOUNT.search(clause)) and not _COUNTED_BARE.search(clause)


def closes(question: str) -> bool:
    """A yes/no question ("La prime est-elle réduite ?", "On peut … ?", "c'est obligatoire ?")."""
    if not _CLOSED.search(question):
        return False
    if _WHAT.search(question):
        return False
    rest = _CLOSED.sub(" ", question)
    return not _OPEN.search(rest) or bool(_ASKS[CONDITION].search(rest))


# "qu'est-ce qu'on doit me dire ?" asks *what*: its "est-ce qu'" is not the one of "est-ce qu'on peut… ?".
_WHAT = re.compile(r"\bqu['’]\s*est[- ]ce\s+(?:que|qu['’]|qui)", _I)


# A text's name ("l'accord du 19 décembre 2019", "la loi du 5 septembre 2018") holds a date that answers
# no "quand ?": the corpus names its texts in almost every article.
_TEXT_NAME = re.compile(
    rf"\b(?:accord|avenant|protocole|loi|circulaire|convention|décret|arrêté|ordonnance)\s+(?:d['’]accord\s+)?"
    # its subject may come between ("le protocole d'accord relatif à la formation professionnelle du 3 septembre 2010")
    rf"(?:(?:relati(?:f|ve)s?|portant|sur)\s+(?:[\wà-ÿ'’-]+\s+){{1,6}}?)?"
    rf"(?:du|des)\s+\d{{1,2}}(?:er)?\s+{_MONTH}\s+(?:19|20)\d\d",
    _I,
)


# A calendar date, a year, a rule's entry into force: what a moment of an act (`MOMENT`) is not.
_CALENDAR = re.compile(
    rf"\b(?:à\s+effet\s+rétroactif\s+)?(?:(?:à\s+compter|à\s+partir|depuis|dès|avant|après|jusqu['’]au)\s+(?:du|le)\s+)?"
    rf"\d{{1,2}}(?:er)?\s+{_MONTH}(?:\s+(?:19|20)\d\d)?\b|\b{_MONTH}\s+(?:19|20)\d\d\b|"
    r"\b(?:en|depuis|dès|avant|après|jusqu['’]en|à\s+compter\s+de|pour\s+les\s+années)\s+(?:19|20)\d\d\b|"
    r"\bentre(?:ra)?\s+en\s+vigueur\b|\bprend(?:ra)?\s+effet\b|\bdurée\s+(?:in)?déterminée\b",
    _I,
)


def holds(kind: str, text: str) -> bool:
    """Whether the unit states an answer of that kind."""
    if kind == MOMENT:
        kind, text = DATE, _CALENDAR.sub(" ", _TEXT_NAME.sub(" ", text))
    if kind == DATE:
        text = _TEXT_NAME.sub(" ", text)
    return bool(_HOLDS[kind].search(text))


@lru_cache(maxsize=16384)
def type_factor(kinds: frozenset[str], text: str) -> float:
    """The multiplier a unit's lexical score gets for holding the kinds of answer asked (1.0: none asked)."""
    if not kinds:
        return 1.0
    factor = 1.0
    typed = [k for k in kinds if k != DECIDES]
    if typed:
        factor += TYPE_WEIGHT * sum(holds(k, text) for k in typed) / len(typed)
    if DECIDES in kinds:
        if _STRONG_DECIDES.search(text):
            factor += DECIDES_WEIGHT
        elif holds(DECIDES, text):
            factor += MODAL_WEIGHT
    return factor


LARGEST_BOUND = 1.15  # "au grand maximum ?": of the bounds a passage states, the largest one answers
_BOUND = re.compile(
    r"\b(?:jusqu['’]\s*(?:à|a)|excéder|dépasser|au\s+(?:maximum|plus)(?:\s+(?:de|à))?|dans\s+la\s+limite\s+d[eu']?s?)"
    r"\s*(\d+(?:[,.]\d+)?)\s*(%|mois|ans?|années?|heures?|h|jours?|semaines?|points?|euros?|€)",
    re.IGNORECASE,
)


def bound_units(text: str) -> set[str]:
    """The units of the upper bounds a text states ("jusqu'à 36 mois" → {"moi"}; first three letters, as compared)."""
    return {m.group(2).lower()[:3] for m in _BOUND.finditer(text)}


def largest_bounds(kinds: frozenset[str], texts: list[str]) -> list[bool]:
    """Which of the texts state the largest upper bound of their kind ("jusqu'à 36 mois" over
    "jusqu'à 24 mois"), when the question asks for a maximum; all False otherwise.

    "Toutefois, cette durée peut être portée jusqu'à 36 mois pour : …" and "peut être allongée jusqu'à
    24 mois lorsque…" both state a bound; "combien au maximum ?" is answered by the larger one.
    """
    if LIMIT not in kinds:
        return [False] * len(texts)
    found = [[(m.group(2).lower()[:3], float(m.group(1).replace(",", "."))) for m in _BOUND.finditer(t)] for t in texts]
    top: dict[str, float] = {}
    for bounds in found:
        for noun, value in bounds:
            top[noun] = max(top.get(noun, value), value)
    counts: dict[str, int] = {}
    for bounds in found:
        for noun in {n for n, _ in bounds}:
            counts[noun] = counts.get(noun, 0) + 1
    # only where several texts bound the same quantity: a lone bound is no larger than any other
    return [any(counts[n] > 1 and v == top[n] for n, v in bounds) for bounds in found]
