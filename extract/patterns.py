"""Loads and strictly validates the analyst-editable rule files in patterns/.

Every pattern file is JSON Lines: one JSON object per line. Blank lines and lines whose
first non-blank character is ``#`` are comments (use them for the file's header: where
the list comes from). Each file has a pydantic model with ``extra="forbid"``: an unknown
or missing key is a :class:`PatternFileError` naming the file and line.

Shipped files live in ``extract/patterns`` inside an installed wheel, or in the top-level
``patterns/`` of a source checkout. An analyst's own directory (``--patterns DIR``) adds
files of the same names; their entries are appended after the shipped ones.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

T = TypeVar("T", bound=BaseModel)


class PatternFileError(ValueError):
    """A pattern file is malformed; the message names file and line."""


class PatternEntry(BaseModel):
    """Base class of one line of a pattern file: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DemonymEntry(PatternEntry):
    """One line of patterns/place_demonyms.jsonl (read by the places, entities, events and casing modules)."""

    demonym: str
    country_code: str | None = None


def shipped_patterns_dir() -> Path:
    """The directory of the pattern files that ship with the package."""
    packaged = resources.files("extract") / "patterns"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "patterns"
    if checkout.is_dir():
        return checkout
    raise PatternFileError(f"pattern directory not found (looked in {packaged} and {checkout})")


def pattern_dirs(extra: Sequence[str | Path] = ()) -> list[Path]:
    """The shipped directory followed by the analyst's directories, validated to exist."""
    dirs = [shipped_patterns_dir()]
    for d in extra:
        p = Path(d)
        if not p.is_dir():
            raise PatternFileError(f"{p}: not a directory of pattern files")
        dirs.append(p)
    return dirs


def read_pattern_file(path: Path, model: type[T]) -> list[T]:
    """Parse one JSONL pattern file into validated entries."""
    entries: list[T] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternFileError(f"{path}: cannot read pattern file ({exc})") from exc
    for lineno, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise PatternFileError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from exc
        if not isinstance(data, dict):
            raise PatternFileError(f"{path}:{lineno}: expected a JSON object")
        try:
            entries.append(model.model_validate(data))
        except ValidationError as exc:
            raise PatternFileError(f"{path}:{lineno}: {_describe(exc)}") from exc
    return entries


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"]) or "(line)"
        if err["type"] == "extra_forbidden":
            parts.append(f"unknown key '{loc}'")
        elif err["type"] == "missing":
            parts.append(f"missing key '{loc}'")
        else:
            parts.append(f"'{loc}': {err['msg']}")
    return "; ".join(parts)


def load_patterns(filename: str, model: type[T], dirs: Iterable[Path]) -> list[T]:
    """All entries of ``filename`` across ``dirs`` (missing files are skipped)."""
    return _load_cached(filename, model, tuple(Path(d) for d in dirs))


@lru_cache(maxsize=64)
def _load_cached(filename: str, model: type[T], dirs: tuple[Path, ...]) -> list[T]:
    entries: list[T] = []
    for d in dirs:
        path = d / filename
        if path.is_file():
            entries.extend(read_pattern_file(path, model))
    return entries
