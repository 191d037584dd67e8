"""Shared base of extract's pattern-driven spaCy components.

A component declares the pattern files it reads (``PATTERN_FILES``: file name -> entry
model). The base class loads them from the shipped directory plus the analyst's
``patterns_dirs``, and implements ``to_disk``/``from_disk`` by writing and reading the
loaded entries, so a saved pipeline carries its rules with it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar, Iterable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from extract.patterns import PatternEntry, load_patterns, pattern_dirs, read_pattern_file


class PatternComponent:
    """Base for a component whose domain knowledge lives in patterns/ files."""

    PATTERN_FILES: ClassVar[dict[str, type[PatternEntry]]] = {}

    def __init__(self, nlp: Language, name: str, patterns_dirs: Iterable[str] = ()) -> None:
        self.nlp = nlp
        self.name = name
        self.patterns_dirs = [str(d) for d in patterns_dirs]
        dirs = pattern_dirs(self.patterns_dirs)
        self.entries: dict[str, list[Any]] = {
            fname: list(load_patterns(fname, model, dirs)) for fname, model in self.PATTERN_FILES.items()
        }
        self.initialize_rules()

    def initialize_rules(self) -> None:
        """Build matchers and lookup tables from ``self.entries`` (override)."""

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - overridden
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for fname, entries in self.entries.items():
            lines = [json.dumps(e.model_dump(exclude_defaults=True), ensure_ascii=False) for e in entries]
            (path / fname).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "PatternComponent":
        path = ensure_path(path)
        for fname, model in self.PATTERN_FILES.items():
            if (path / fname).is_file():
                self.entries[fname] = read_pattern_file(path / fname, model)
        self.initialize_rules()
        return self
