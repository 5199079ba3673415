"""`ccn-assistant ui [--port 8501] [--headless] [--address 127.0.0.1]`: start the web interface.

Runs `streamlit run <repo>/ui/app.py` in place of this process (`os.execvp`): the UI is a separate
program that imports the product, never the other way round.

Every Streamlit setting the product depends on is passed on the command line, so that the chat
starts the same way on a new machine, with or without a terminal, from any directory, and without
writing into the user's home: no e-mail prompt (`server.showEmailPrompt`), no usage statistics
(which also keeps Streamlit from creating `~/.streamlit/machine_id_v4`), no English welcome text
(`logger.hideWelcomeMessage`; the address is printed here, in French, instead), no file watcher (the
product's code does not change while it runs). Options given on the command line take precedence
over any `config.toml` the user may have.
"""

from __future__ import annotations

import argparse
import os
import socket
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
    parser.add_argument(
        "--headless",
        action="store_true",
        help="ne pas ouvrir de navigateur (serveur) ; implicite sans écran graphique",
    )
    parser.set_defaults(handler=run)


def has_desktop() -> bool:
    """Whether a browser window can be opened here.

    On Linux without a display, Python's browser launcher may fall back to a text browser that
    takes over the terminal; there the server simply runs and prints its address.
    """
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


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
        "--server.headless",
        "true" if headless else "false",
        "--server.showEmailPrompt",
        "false",
        "--server.fileWatcherType",
        "none",
        "--server.runOnSave",
        "false",
        "--browser.gatherUsageStats",
        "false",
        "--logger.hideWelcomeMessage",
        "true",
        "--client.toolbarMode",
        "minimal",
        "--client.showErrorDetails",
        "none",  # a crash shows a generic message; the traceback goes to the server's log only
    ]
    if max_upload_mb:
        command += ["--server.maxUploadSize", str(max_upload_mb)]
    return command


def addresses(port: int, address: str) -> list[str]:
    """The addresses a user can open: the local one, plus the machine's name when listening on all."""
    if address in {"0.0.0.0", "::"}:
        return [f"http://localhost:{port}", f"http://{socket.gethostname()}:{port}"]
    host = f"[{address}]" if ":" in address else address
    return [f"http://{host}:{port}"]


def startup_message(port: int, address: str, headless: bool) -> str:
    """What the user reads in the terminal (or the service log) while the interface starts."""
    urls = addresses(port, address)
    lines = ["", "  Assistant formation (IDCC 218) : démarrage de l'interface…", ""]
    lines.append("  Adresse à ouvrir dans votre navigateur :" if len(urls) == 1 else "  Adresses à ouvrir :")
    lines += [f"    {url}" for url in urls]
    lines.append("")
    if not headless:
        lines.append("  Le navigateur va s'ouvrir sur cette adresse dans quelques secondes.")
    lines.append("  Pour arrêter l'assistant : Ctrl+C dans ce terminal.")
    lines.append("")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.port <= 65535:
        print(f"erreur : port invalide ({args.port})", file=sys.stderr)
        return 2
    if not APP.is_file():
        print(f"erreur : interface introuvable ({APP})", file=sys.stderr)
        return 1
    from assistant.settings import get_settings

    headless = bool(args.headless) or not has_desktop()
    command = streamlit_command(args.port, args.address, headless, get_settings().max_upload_mb)
    print(startup_message(args.port, args.address, headless), flush=True)
    sys.stderr.flush()
    os.execvp(command[0], command)
    return 0  # not reached
