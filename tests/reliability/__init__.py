"""Reliability tests: hostile inputs end in clear errors with bounded time and memory (issue #8)."""
