"""Command-line tools for contributors: run them from the repository root."""
