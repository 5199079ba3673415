"""Benchmarks (`ccn-assistant bench`): measured speed and quality, never asserted in unit tests."""
