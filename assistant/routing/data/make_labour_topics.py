"""Derive `labour_topics.jsonl` (the out-of-scope class of the example bank) from the ministry's fiches.

Run by hand, never at run time: the fiches of the ministère du Travail are published by the Fabrique
numérique des ministères sociaux as the npm package `@socialgouv/fiches-travail-data` (Apache-2.0)::

    cd /tmp && npm pack @socialgouv/fiches-travail-data && tar xzf socialgouv-fiches-travail-data-*.tgz
    python assistant/routing/data/make_labour_topics.py /tmp/package/data/fiches-travail.json

Why these rows: the indexed texts cover vocational training in the branch; employees mostly ask
about everything else in labour law. Each fiche gives its title and the questions its sections
answer ("Quelle est la durée de la période d'essai ?"): real labour-law subjects in the words of
the administration, each with the fiche's address, which the refusal names as the place where the
general rule lives. Fiches on the corpus's own subjects (CPF, VAE, CEP, contrat de
professionnalisation, Pro-A and its successor, entretien professionnel) are left out, with the
reason, so that the out-of-scope class never claims what the texts do cover.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).with_name("labour_topics.jsonl")

# Fiche titles (folded to lower case) overlapping the indexed texts: left out of the class.
OVERLAPPING = {
    "le conseil en évolution professionnelle (cep)": "article 5 (CEP)",
    "le compte personnel de formation (cpf)": "article 10 (abondement du CPF)",
    "le contrat de professionnalisation": "article 3",
    "l'aide à l'embauche d'un demandeur d'emploi de 45 ans et plus en contrat de professionnalisation": "article 3",
    "l'entretien de parcours professionnel": "article 6 (entretien professionnel)",
    "la validation des acquis de l'expérience (vae)": "article 7",
    "la période de reconversion": "article 2 (Pro-A, that it replaces)",
    "protection sociale pendant la formation": "training in general",
    "la rémunération pendant la formation": "training in general (Pro-A, contrat de professionnalisation pay)",
}
# Near-corpus rules (issue #21): in the fiches left out above, the sections on rules the branch texts do
# not set — the CPF's legal uses, the State's hiring aid, the legal sanction for missed reviews, pay and
# social cover of jobseekers in training, France VAE's funding. Questions on them name a corpus word
# (CPF, contrat de professionnalisation, VAE, entretien) but ask the legal rule, so they are out of
# scope; the fiche's other sections (what the branch does set) stay out of the class.
NEAR_CORPUS = {
    "le compte personnel de formation (cpf)": (
        "Pour quelles formations ?",
        "Comment consulter son compte personnel de formation (CPF) ?",
        "Escroqueries au CPF : comment les détecter ? comment les signaler ?",
    ),
    "le contrat de professionnalisation": ("Quelles sont les aides à l’embauche en contrat de professionnalisation ?",),
    "l'aide à l'embauche d'un demandeur d'emploi de 45 ans et plus en contrat de professionnalisation": (
        "Quelles sont les conditions à remplir ?",
        "Quel est le montant de l'aide et quelle sont ses modalités de versement ?",
        "Comment l'obtenir ?",
    ),
    "l'entretien de parcours professionnel": (
        "Quels risques encourt l’employeur qui ne satisfait pas à l'obligation d'entretien prévue par la loi ?",
    ),
    "la validation des acquis de l'expérience (vae)": (
        "Le financement de la VAE selon les publics",
        "Comment s’informer sur la VAE ?",
    ),
    "protection sociale pendant la formation": ("*",),
    "la rémunération pendant la formation": ("*",),
}
# Sections that are navigation, not a subject.
NAVIGATION = re.compile(
    r"qui contacter|textes? de r[ée]f[ée]rence|services? en ligne|[àa] lire|lire en compl[ée]ment|mod[èe]les? de "
    r"documents?|documents? [àa] t[ée]l[ée]charger|en vid[ée]o|web ?s[ée]rie|pour aller plus loin|[àa] savoir",
    re.IGNORECASE,
)
MAX_QUESTIONS = 8  # per fiche: enough to span its subject, not so many that one fiche outweighs others


def rows(fiches: list[dict]) -> list[dict]:
    out: list[dict] = []
    seen: set[str] = set()
    for fiche in fiches:
        title = " ".join(fiche["title"].split())
        key = title.lower().replace("’", "'")
        if key in NEAR_CORPUS and title not in seen:
            seen.add(title)
            out += near_corpus_rows(fiche, title, NEAR_CORPUS[key])
            continue
        if key in OVERLAPPING or title in seen:
            continue
        seen.add(title)
        base = {"intent": "out_of_scope", "fiche": title, "url": fiche["url"]}
        out.append({**base, "text": title})
        questions = [
            " ".join((s.get("title") or "").split())
            for s in fiche["sections"]
            if (s.get("title") or "").strip().endswith("?") and not NAVIGATION.search(s.get("title") or "")
        ]
        for question in list(dict.fromkeys(questions))[:MAX_QUESTIONS]:
            out.append({**base, "text": f"{title} : {question}"})
    return out


def near_corpus_rows(fiche: dict, title: str, kept: tuple[str, ...]) -> list[dict]:
    """The kept sections of a fiche on a corpus subject ("*": every section that is a subject)."""
    base = {"intent": "out_of_scope", "fiche": title, "url": fiche["url"]}
    names = [" ".join((s.get("title") or "").split()) for s in fiche["sections"]]
    chosen = [n for n in names if n and not NAVIGATION.search(n) and ("*" in kept or n in kept) and n != title]
    return [{**base, "text": f"{title} : {name}"} for name in dict.fromkeys(chosen)]


def main(path: str) -> None:
    fiches = json.loads(Path(path).read_text(encoding="utf-8"))
    derived = rows(fiches)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in derived), encoding="utf-8")
    print(f"{len(derived)} rows from {len({r['fiche'] for r in derived})} fiches -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
