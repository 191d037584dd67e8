"""Recasing of ALL-CAPS text before spaCy, keeping every character offset unchanged.

spaCy's English pipelines are trained on mixed-case text; on wire text and cables written
in capitals they tag most words as proper nouns and find few entities. The recaser gives
the model a mixed-case copy of the same length (only letter case changes):

1. known names, longest first: organisation/publication aliases from patterns/ (acronyms
   stay in capitals, other names take the lexicon's casing), countries, regions and cities
   from the gazetteer packages;
2. every other word: lower case when it is an ordinary English word (WordNet lemmas and
   stop words of the base model's own lemmatizer tables), else a name: short ones
   (up to 4 letters) stay capitals as likely acronyms, longer ones become Title case;
3. the first word of each sentence is capitalised.

Documents that are not mostly capitals are returned unchanged except for ALL-CAPS lines
of three or more words (headlines), which are recased the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Container, Iterable, Sequence

from extract.head_nouns import FACILITY_HEADS, INSTITUTION_HEADS, PLACE_NOUNS
from extract.patterns import DemonymEntry, PatternEntry, load_patterns, pattern_dirs
from extract.wordlists import english_words, irregular_forms, stop_words

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*\n\s*|--\s+|:\s+\n?|\]\s+)([^\W\d_])", re.UNICODE)
_MAX_PHRASE = 6
_BIG_PLACE = 500_000  # a place name that is also an English word is capitalised above this
_MIN_CITY = 15_000  # smaller towns are left to the place component
_ACRONYM_MAX = 4
# "MAY" is the month next to a day or year number ("ON 11 MAY", "MAY 1990"), elsewhere mostly the verb
_MONTH_MAY = re.compile(r"(?<=\b\d\d\s)MAY\b|(?<=\b\d\s)MAY\b|\bMAY(?=\s\d{1,4}\b)", re.IGNORECASE)


# ASCII bytes (what ``str.isupper``/``str.islower`` say of an ASCII character) for counting with bytes.translate
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def is_all_caps(text: str, threshold: float = 0.9) -> bool:
    """True when nearly all cased letters of the text are upper case."""
    if text.isascii():
        data = text.encode("ascii")
        upper = len(data) - len(data.translate(None, _ASCII_UPPER))
        lower = len(data) - len(data.translate(None, _ASCII_LOWER))
    else:
        upper = sum(map(str.isupper, text))
        lower = sum(map(str.islower, text))
    return upper + lower > 0 and upper / (upper + lower) >= threshold


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary English words: WordNet lemmas of the base model's lemmatizer plus stop words."""
    return english_words() | stop_words()


def _is_common(word: str, common: frozenset[str]) -> bool:
    w = word.lower().replace("’", "'")
    if "'" in w:
        w = w.split("'")[0]
    if w in common:
        return True
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""), ("ers", ""), ("er", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 1 and w[: -len(suffix)] + repl in common:
            return True
    return False


def surname_follows(next_word: str, given: Container[str], common: frozenset[str]) -> bool:
    """Whether a given name that is also an English word ("HECTOR", "MARK") opens a person's
    name before ``next_word``: a given name or a word that is not English ("HECTOR OQUELI",
    "MARK ANTHONY", not "MARK THE")."""
    return next_word.upper() in given or not _is_common(next_word, common)


# what may follow a name's last word: punctuation, or "and" / "was" / "were" ("JEFFREY BRENT BALL AND ...")
_CLAUSE_BREAK = re.compile(r"\s*[,;:.\[(]|\s+(?:and|was|were)\b", re.IGNORECASE)
# characters after a word that closes_name looks at
FOLLOWING_CHARS = 6


def closes_name(word: str, following: str) -> bool:
    """Whether an English word after a given name is the last surname of the name ("CARLOS MORES,",
    "JOAO BAENA SOARES.", "RAMIRO CASTILLO LOVE WAS"): it is followed by a comma, full stop, "and",
    "was" or "were" and is no function word, adverb
    ("today"), verb form ("said", "killed") or place or institution head ("school", "institute")."""
    w = word.lower()
    if w in _not_closing_words() or w.endswith(("ed", "ing", "ly")):
        return False
    return _CLAUSE_BREAK.match(following) is not None


@lru_cache(maxsize=1)
def _not_closing_words() -> frozenset[str]:
    """Stop words, adverbs, irregular verb forms and place or institution heads: never a name's last word."""
    heads = FACILITY_HEADS | PLACE_NOUNS | INSTITUTION_HEADS
    return frozenset(stop_words() | english_words(("adv",)) | irregular_forms("verb") | heads)


class Recaser:
    """Builds the name index once; ``recase(text)`` returns a same-length mixed-case copy."""

    def __init__(
        self,
        names: dict[str, str],
        given_names: frozenset[str] = frozenset(),
        word_given_names: frozenset[str] = frozenset(),
        article_names: frozenset[str] = frozenset(),
    ) -> None:
        self.names = names  # UPPER-CASE phrase -> preferred casing
        # names except after an indefinite determiner ("THE ARMY", "ARMY TROOPS"; not "AN ARMY OF VOLUNTEERS")
        self.article_names = article_names
        # first word of a name -> the most words a name starting with it has (the lookup's bound)
        self.name_words: dict[str, int] = {}
        for key in names:
            parts = _WORD.findall(key)
            if parts:
                self.name_words[parts[0]] = max(self.name_words.get(parts[0], 0), len(parts))
        self.given_names = given_names  # UPPER-CASE given names that start a person's name
        # given names that are also English words ("HECTOR", "MARK"): a name only before a surname
        self.word_given_names = word_given_names
        self.common = common_words()
        self.not_name_words = function_and_verb_words()

    @classmethod
    def from_patterns(cls, dirs: Sequence[Path]) -> "Recaser":
        given, word_given = given_names(tuple(dirs))
        return cls(name_index(tuple(dirs)), given, word_given, article_names(tuple(dirs)))

    def recase(self, text: str) -> str:
        if not text:
            return text
        if is_all_caps(text):
            out = self._recase_block(text)
        else:
            out = self._recase_headlines(text)
        return out if len(out) == len(text) else text

    def _recase_headlines(self, text: str) -> str:
        """In mixed-case text: ALL-CAPS lines of 3+ words, and capitalised known names ("QUETTA, Pakistan")."""
        chars = list(text)
        pos = 0
        for line in text.splitlines(keepends=True):
            words = _WORD.findall(line)
            if len(words) >= 3 and is_all_caps(line, threshold=1.0):
                chars[pos : pos + len(line)] = self._recase_block(line)
            else:
                self._recase_known_caps(line, pos, chars)
            pos += len(line)
        return "".join(chars)

    def _recase_known_caps(self, line: str, pos: int, chars: list[str]) -> None:
        """Runs of capitalised words that form a known name written in mixed case elsewhere."""
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(line) if m.group().isupper()]
        i = 0
        while i < len(words):
            n = self._longest_name(line, words, i)
            if n:
                form = self.names[_phrase_key(line, words, i, n)]
                if not form.isupper() and words[i + n - 1][1] - words[i][0] >= 4:
                    _apply_form(chars, [(pos + a, pos + b, w) for a, b, w in words[i : i + n]], form)
                i += n
            else:
                i += 1

    def _recase_block(self, text: str) -> str:
        chars = list(text.lower())
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        i = 0
        while i < len(words):
            n = self._longest_name(text, words, i)
            if n:
                _apply_form(chars, words[i : i + n], self.names[_phrase_key(text, words, i, n)])
                i += n
                continue
            s, e, w = words[i]
            if w.upper() in self.given_names or (
                w.upper() in self.word_given_names and self._surname_follows(text, words, i)
            ):
                i = self._person_name(text, words, i, chars)
                continue
            if not _is_common(w, self.common):
                letters = w.replace("'", "").replace("’", "")
                chars[s:e] = w if len(letters) <= _ACRONYM_MAX else _title(w)
            i += 1
        for m in _MONTH_MAY.finditer(text):
            chars[m.start() : m.end()] = "May"
        for m in _SENTENCE_START.finditer(text):
            k = m.start(1)
            chars[k] = chars[k].upper()
        return "".join(chars)

    def _surname_follows(self, text: str, words: list[tuple[int, int, str]], i: int) -> bool:
        """The next word of the run is a name word: not an English word, or a given name
        ("HECTOR OQUELI", "MARK ANTHONY", not "MARK THE")."""
        if i + 1 >= len(words) or not _contiguous(text, words, i, 2):
            return False
        return surname_follows(words[i + 1][2], self.given_names, self.common)

    def _person_name(self, text: str, words: list[tuple[int, int, str]], i: int, chars: list[str]) -> int:
        """A given name and the name words after it ("JORGE ALBERTO VELARDE", "GREGORIO ROSA CHAVEZ"),
        up to a function word or verb form that does not close the name ("CARLOS MORES," does)."""
        s, e, w = words[i]
        chars[s:e] = _title(w)
        j = i + 1
        while j < len(words) and j - i <= 4 and _contiguous(text, words, j - 1, 2):
            s, e, w = words[j]
            if (
                w.lower() in self.not_name_words
                and w.upper() not in self.given_names
                and not closes_name(w, text[e : e + FOLLOWING_CHARS])
            ):
                break
            if words[j - 1][2].upper().endswith(("'S", "’S")) or self.names.get(w.upper(), "").isupper():
                break  # "ALAN GARCIA'S APRA PARTY": a possessive or an acronym ends the name
            chars[s:e] = _title(w) if len(w) > 1 else w
            j += 1
        return j

    def _longest_name(self, text: str, words: list[tuple[int, int, str]], i: int) -> int:
        """Words in the longest known name starting at word i (0 if none)."""
        most = min(_MAX_PHRASE, self.name_words.get(words[i][2].upper(), 0), len(words) - i)
        reach = 1 if most else 0  # words from i on joined only by name gaps, up to ``most``
        while reach < most and _NAME_GAP.fullmatch(text, words[i + reach - 1][1], words[i + reach][0]) is not None:
            reach += 1
        for n in range(reach, 0, -1):
            key = _phrase_key(text, words, i, n)
            if key in self.names and (key not in self.article_names or not _after_indefinite(text, words, i)):
                return n
        return 0


def _after_indefinite(text: str, words: list[tuple[int, int, str]], i: int) -> bool:
    """Word i follows an indefinite determiner ("AN", "ANY", "NO") in the same run of words."""
    return i > 0 and words[i - 1][2].upper() in _INDEFINITE and _contiguous(text, words, i - 1, 2)


_INDEFINITE = frozenset({"A", "AN", "ANOTHER", "ANY", "EACH", "EVERY", "NO", "SOME"})


def _contiguous(text: str, words: list[tuple[int, int, str]], i: int, n: int) -> bool:
    """The words are separated only by spaces, hyphens or apostrophes (no line breaks or punctuation)."""
    return all(_NAME_GAP.fullmatch(text[words[j][1] : words[j + 1][0]]) is not None for j in range(i, i + n - 1))


# Between two words of one name: a space, hyphen or apostrophe, or a single line break of wrapped text.
_NAME_GAP = re.compile(r"[ \-'’]{1,2}|[ \t]*\n[ \t]*")


def _phrase_key(text: str, words: list[tuple[int, int, str]], i: int, n: int) -> str:
    return " ".join(text[words[i][0] : words[i + n - 1][1]].upper().split())


def _apply_form(chars: list[str], words: list[tuple[int, int, str]], form: str) -> None:
    """Give each word the casing of the matching word of ``form`` (letters only; spacing kept)."""
    form_words = _WORD.findall(form)
    for k, (s, e, w) in enumerate(words):
        fw = form_words[k] if len(form_words) == len(words) else ""
        chars[s:e] = fw if len(fw) == e - s and fw.upper() == w.upper() else _title(w)


def _title(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


@lru_cache(maxsize=1)
def function_and_verb_words() -> frozenset[str]:
    """Words that end a run of name words: stop words and any verb, adjective or adverb form."""
    words = set(english_words(("verb", "adj", "adv")))
    words.update({w + suffix for w in list(words) for suffix in ("s", "ed", "d", "ing", "es")})
    return frozenset(words | stop_words())


@lru_cache(maxsize=8)
def given_names(dirs: tuple[Path, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(given names, given names that are also verbs, adjectives or adverbs: "Said", "Mark", "Will")."""

    class GivenNamesEntry(PatternEntry):
        id: str
        names: list[str]

    ordinary = function_and_verb_words()
    names = (n for e in load_patterns("person_given_names.jsonl", GivenNamesEntry, dirs) for n in e.names)
    names = {n.upper() for n in names}
    words = {n for n in names if n.lower() in ordinary}
    inflected = irregular_forms("verb")  # "said": a verb form far more often than a name
    return frozenset(names - words), frozenset(w for w in words if w.lower() not in inflected)


@lru_cache(maxsize=8)
def name_index(dirs: tuple[Path, ...]) -> dict[str, str]:
    """UPPER-CASE name -> preferred casing, from the lexicons and the gazetteer packages."""
    from extract.components.lexicon import LEXICON_FILES

    common = common_words()
    names: dict[str, str] = {}

    def add(name: str, force: bool = False) -> None:
        name = " ".join(name.split())
        if not name or not any(c.isalpha() for c in name):
            return
        key = name.upper()
        if key in names:
            return
        if " " not in name and not force and _is_common(name, common):
            return
        names[key] = name

    for fname, (model, _) in LEXICON_FILES.items():
        for entry in load_patterns(fname, model, dirs):
            ambiguous = set(entry.ambiguous)
            for alias in entry.aliases:
                if alias not in ambiguous and (alias.isupper() or " " in alias or any(c.isupper() for c in alias[1:])):
                    add(alias, force=alias.isupper())
                elif alias not in ambiguous:
                    add(alias)
            for alias in getattr(entry, "country_aliases", ()):  # "NATIONAL GUARD": the name, in any country
                add(alias, force=True)
    for name, big in _gazetteer_names():
        add(name, force=big)
    for name in _demonyms(dirs):
        add(name, force=True)
    for name in _CALENDAR_NAMES:
        add(name, force=True)
    return names


@lru_cache(maxsize=8)
def article_names(dirs: tuple[Path, ...]) -> frozenset[str]:
    """UPPER-CASE country aliases ("ARMY", "NATIONAL GUARD") that are no other entry's alias: a state's
    force by its bare name is "the Army" or "Army troops", never "an army" ("AN ARMY OF VOLUNTEERS")."""
    from extract.components.lexicon import LEXICON_FILES

    bare: set[str] = set()
    aliases: set[str] = set()
    for fname, (model, _) in LEXICON_FILES.items():
        for entry in load_patterns(fname, model, dirs):
            aliases.update(" ".join(a.upper().split()) for a in entry.aliases)
            bare.update(" ".join(a.upper().split()) for a in getattr(entry, "country_aliases", ()))
    return frozenset(bare - aliases)


# Month and weekday names and their abbreviations ("MAY" is left out: it is mostly the verb,
# and the month only next to a day or year number, ``_MONTH_MAY``).
_CALENDAR_NAMES = (
    "January February March April June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
).split()


def _demonyms(dirs: tuple[Path, ...]) -> list[str]:
    """Nationality and group adjectives ("Peruvian", "Salvadoran", "Jesuit"), always capitalised."""
    return [entry.demonym for entry in load_patterns("place_demonyms.jsonl", DemonymEntry, dirs)]


def _gazetteer_names() -> Iterable[tuple[str, bool]]:
    """(place name, is it big enough to capitalise even when it is an English word), read from
    the offline gazetteer's index (built once per process and shared with place resolution)."""
    import pycountry

    from extract.gazetteer import package_index, strip_accents

    for name, big in _package_places(package_index()):
        yield name, big
        plain = strip_accents(name)
        if plain != name:  # "BOGOTA", "MEDELLIN": wire text drops the accents of "Bogotá", "Medellín"
            yield plain, big
    for c in pycountry.countries:  # official and common names ("Republic of Korea", "Bolivia")
        for attr in ("name", "common_name", "official_name"):
            if hasattr(c, attr):
                yield getattr(c, attr), True


def _package_places(index) -> Iterable[tuple[str, bool]]:
    """(name, big enough to capitalise) of the gazetteer's countries, admin regions and cities."""
    seen: set[str] = set()
    for bucket in index.primary.values():
        for place in bucket:
            if place.id in seen:
                continue
            seen.add(place.id)
            if place.feature == "country":
                yield place.name, True
            elif place.feature == "admin":
                yield place.name, place.country_code == "US"  # US states are well-known names
            elif place.feature == "city" and (place.population or 0) >= _MIN_CITY:
                yield place.name, (place.population or 0) >= _BIG_PLACE


_DEFAULT: Recaser | None = None


def recase(text: str, recaser: Recaser | None = None) -> str:
    """Text of the same length with ALL-CAPS prose recased; other text is returned as is."""
    global _DEFAULT
    if recaser is None:
        if _DEFAULT is None:
            _DEFAULT = Recaser.from_patterns(pattern_dirs())
        recaser = _DEFAULT
    return recaser.recase(text)
