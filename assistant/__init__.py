"""The assistant: routing, calculators as tools, grounded answers with citations, the CLI."""
