"""Subcommands of `ccn-assistant`; see `assistant.cli`."""
