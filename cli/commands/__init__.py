"""Subcommands of `ccn-assistant`; see `cli.main`."""
