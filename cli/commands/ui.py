"""`ccn-assistant ui [--port 8501] [--headless] [--address 127.0.0.1]`: start the web interface.

Runs `streamlit run <repo>/ui/app.py` in place of this process (`os.execvp`): the UI is a separate
program that imports the product, never the other way round.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "ui",
        help="interface web (chat, calculateurs, préparation d'entretien, documents)",
        description="Démarre l'interface web Streamlit. Au premier démarrage, les accords fournis sont indexés.",
    )
    parser.add_argument("--port", type=int, default=8501, help="port HTTP (défaut : 8501)")
    parser.add_argument(
        "--address",
        default="127.0.0.1",
        help="adresse d'écoute (défaut : 127.0.0.1 ; 0.0.0.0 pour un accès réseau, avec CCN_UI_PASSWORD)",
    )
    parser.add_argument("--headless", action="store_true", help="ne pas ouvrir de navigateur (serveur)")
    parser.set_defaults(handler=run)


def streamlit_command(port: int, address: str, headless: bool, max_upload_mb: int | None = None) -> list[str]:
    """The `python -m streamlit run` command line for the UI."""
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "minimal",
        "--server.headless",
        "true" if headless else "false",
        "--client.showErrorDetails",
        "none",  # a crash shows a generic message; the traceback goes to the server's log only
    ]
    if headless:
        command += ["--server.fileWatcherType", "none"]
    if max_upload_mb:
        command += ["--server.maxUploadSize", str(max_upload_mb)]
    return command


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.port <= 65535:
        print(f"erreur : port invalide ({args.port})", file=sys.stderr)
        return 2
    if not APP.is_file():
        print(f"erreur : interface introuvable ({APP})", file=sys.stderr)
        return 1
    from assistant.settings import get_settings

    command = streamlit_command(args.port, args.address, args.headless, get_settings().max_upload_mb)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execvp(command[0], command)
    return 0  # not reached
