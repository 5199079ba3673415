"""The French sentences of the answers the conversation writes itself, from the earlier turns (a quote, a
summary, a figure checked, two answers compared, what a calculation still needs): one place to read and
review them (the answers' other frame sentences are in `assistant.answering.wording`)."""

from __future__ import annotations


def quoted(where: str, lines: str) -> str:
    """ "recopie la phrase": the sentences the last answer led with, word for word, and where they stand."""
    return f"Le texte exact, {where} :\n\n{lines}"


def quoted_where_several() -> str:
    return "dans les textes cités"


def sources(lines: list[str], *, previous: bool = True) -> str:
    """ "c'est à quelle page ?": where the previous answer's passages stand, one line per part (`previous` False:
    the answer to the question just understood, "et pour un contrat pro, c'est écrit où ?")."""
    head = "La réponse précédente s'appuie sur :" if previous else "La réponse s'appuie sur :"
    return f"{head}\n\n" + "\n".join(lines)


def pages_of(pages: str, text: str) -> str:
    """Pages of another text than the one the part is named in: "4 de l'avenant du 11 octobre 2022"."""
    return f"{pages} de {text}"


def source_line(part: str, pages: str, sentence: str, number: int) -> str:
    """One cited part: which part of which text, its page, and the sentence the answer relied on."""
    page = f"page {pages}" if " à " not in pages.split(" de ")[0] else f"pages {pages}"
    quoted = f" : « {sentence} »" if sentence else ""
    return f"- {part}, {page} [{number}]{quoted}"


def draft_declined(facts: str, where: str) -> str:
    """ "rédige-moi un mail à la RH": writing it is out of scope; the facts to put in it, and where they come from."""
    return (
        "Je ne rédige pas de courriers ni de mails : je réponds à partir des textes de la branche. "
        f"Voici les éléments à reprendre dans votre message :\n\n{facts}\n\nSource à citer : {where}."
    )


def summary_head(subject: str | None) -> str:
    """ "résume tout ça": the heading of the numbered summary."""
    return f"En résumé, sur {subject} :" if subject else "En résumé :"


def decided_by(quote: str, where: str) -> str:
    """ "mon chef peut-il refuser ?": the sentence of the rule just applied that says whose decision it is."""
    return f"Sur ce point, voici ce que dit la règle appliquée dans la réponse précédente, {where} :\n\n{quote}"


def figure_found(figure: str, number: int) -> str:
    """ "tu es sûr ? on m'a dit 10": the cited passages hold the figure heard."""
    return f"Le chiffre que vous citez ({figure}) figure bien dans les textes cités [{number}]."


def result_confirmed(result: str) -> str:
    """ "donc 35 points, c'est ça ?": the figure said back is the calculation's result."""
    return f"Oui : le calcul donne bien {result}."


def result_corrected(result: str) -> str:
    """A figure said back that is not the calculation's result: the result, the wrong figure not repeated."""
    return f"Non : le calcul donne {result}, pas le chiffre que vous indiquez."


def figure_absent(figure: str) -> str:
    return f"Les textes cités ne mentionnent pas le chiffre que vous citez ({figure})."


def figure_instead(figure: str, sentence: str, number: int) -> str:
    """The figure heard is not in the cited passages: the sentence they hold instead."""
    return f"{figure_absent(figure)[:-1]} ; ils disent : « {sentence} » [{number}]."


def compared_answers(lines: str) -> str:
    """ "lequel des deux est le plus avantageux ?": the two previous answers side by side."""
    return f"Les deux réponses précédentes, côte à côte (d'après les passages cités) :\n\n{lines}"


def still_needed(facts: str, rule: str) -> str:
    """ "ça dépend de quoi ?" after a question back: what the calculation still needs, and the rule that
    makes it matter (`rule`: the cited sentence, with its marker), the question still open."""
    head = f"Pour répondre à votre cas, il me manque : {facts}."
    return f"{head}\n\nLa règle appliquée : {rule}" if rule else head


def still_needed_prompt(question: str) -> str:
    """The question back, asked again after saying what it is for."""
    return f"Dites-le-moi et je fais le calcul : {question}"


def example_of(facts: str) -> str:
    """ "un exemple ?": the calculation run on facts supposed for the example, labelled as such."""
    return f"Exemple, avec des faits supposés pour l'illustration ({facts}) — ce n'est pas votre situation :"


def no_example() -> str:
    """ "un exemple ?" about a rule with no calculation to run: the rule as the text writes it."""
    return "Les textes ne donnent pas d'exemple chiffré de cette règle ; la voici telle qu'ils l'écrivent :"


# -- standalone questions the conversation asks for the user (shown as "Question comprise : « … »") ------------


def part_asked(part: str) -> str:
    """ "et l'article suivant ?": the neighbouring part asked by name ("l'article 6 du protocole …")."""
    return f"Que dit {part} ?"


def part_as_published(part: str) -> str:
    """ "avant l'avenant, ça disait quoi ?": the part asked in its wording before the avenant."""
    return f"Que disait {part} dans sa version d'origine, avant l'avenant ?"


def points_in_euros(points: str) -> str:
    """ "et en euros ?" after a bonus in points."""
    return f"Combien valent {points} points en euros ?"


def in_one_sentence(sentence: str, where: str) -> str:
    """ "mets-moi ça en une phrase pour un mail": the last answer's sentence, ready to paste, and its source."""
    return f"En une phrase, à reprendre telle quelle :\n\n{sentence}\n\nSource : {where}."


def table_head() -> str:
    """ "fais-moi un tableau qui compare…": the table is made of the texts' own sentences."""
    return "Voici le tableau, chaque case reprenant la phrase des textes qui le dit :"


def table_as_written(where: str) -> str:
    """ "mets-moi ça sous forme de tableau" after an answer quoting a table of the texts: that table, as written."""
    return f"Voici le tableau des textes, tel qu'il figure dans {where} :"


def table_thing() -> str:
    return "Dispositif"


def table_point() -> str:
    return "Point"


def table_text() -> str:
    return "Ce que dit le texte"


def table_source() -> str:
    return "Source"
