"""Multi-process tests use the `chroma_server` fixture of tests/servers.py (shared via tests/conftest.py)."""
