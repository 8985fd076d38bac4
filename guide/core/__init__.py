"""Pure-Python heart of Stretch Guide: content, plans, sessions, schedule, history, settings.

Nothing in here imports Qt; an import-linter contract in pyproject.toml enforces it.
"""
