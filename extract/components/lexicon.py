"""extract_lexicon component (placeholder: passes the Doc through)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.base import PatternComponent


class _Placeholder(PatternComponent):
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("extract_lexicon", default_config={"patterns_dirs": []})
def make_component(nlp: Language, name: str, patterns_dirs: list[str]) -> _Placeholder:
    return _Placeholder(nlp, name, patterns_dirs)
