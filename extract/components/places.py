"""extract_places: demonym filter, gazetteer places the model missed, context-aware resolution.

Runs after extract_entities/extract_lexicon. On ``doc.ents`` it

1. relabels GPE/LOC/FAC (until extract_entities maps them) to ``PLACE``, strips a leading
   "the" ("the United States" -> "United States" unless the name is "The Hague"), extends
   "Diffa" + "region" when the whole resolves to an admin region, and drops demonyms
   ("Syrian", "Dutch", "West African": patterns/place_demonyms.jsonl);
2. adds gazetteer names the model missed, conservatively: token-aligned, capitalised (or in an
   ALL-CAPS document), never a stop word or a common English verb/adjective ("Reading",
   "Nice", "March"), never embedded in a longer capitalised name ("Surabaya Central
   Pentecostal Church"), never over an ORGANISATION/PUBLICATION/PERSON/DATE span; single
   tokens only for countries, regions, curated entries, admin regions and cities that are
   large or lie in a country the document already mentions;
3. resolves every PLACE: first the unambiguous places (countries, admin regions, one-country
   names), the names whose best reading dwarfs every other country's ("Bogota") and the
   dateline ("SAN JOSE, 3 MAY 89 --": a national capital) give the document's countries (a
   name is no evidence for itself), then each name is resolved preferring candidates in
   those countries (and in the same sentence), and "X, Y" / "X in Y" / "X neighborhood in Y"
   jointly (X in Y's country, Y read as a region X can be in); unresolved model places are
   kept only with a locative cue ("in X", "the town of X") or a facility head word, and
   inherit the country of the place that qualifies them ("Mozogo, in Cameroon's Far North Region").

Sets ``span._.canonical``, ``span._.info`` (country_code, geonames_id, latitude, longitude,
feature), ``span._.confidence`` and ``span._.source`` (kept when set upstream, else
``gazetteer:<id>``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.attributes import add_doc_error, doc_text, set_span_attrs
from extract.casing import is_all_caps
from extract.components.base import PatternComponent
from extract.dates_normalise import dateline_names
from extract.gazetteer import (
    ADMIN_SUFFIXES,
    Candidate,
    FallbackGeocoder,
    OfflineGazetteer,
    Place,
    make_geocoder,
    normalize_name,
)
from extract.head_nouns import FACILITY_HEADS, PLACE_NOUNS
from extract.patterns import DemonymEntry, PatternEntry
from extract.wordlists import english_words

PLACE = "PLACE"
INPUT_PLACE_LABELS = frozenset({"PLACE", "GPE", "LOC", "FAC"})
# spans the gazetteer never overrides
PROTECTED_LABELS = frozenset({"ORGANISATION", "ORG", "PUBLICATION", "PERSON", "DATE", "TIME", "WORK_OF_ART"})

MAX_NAME_TOKENS = 6
BIG_CITY = 100_000  # single-token cities added without context
CONTEXT_CITY_ALL_CAPS = 5_000
WELL_KNOWN_CONTEXT_CITY = 20_000  # a mislabelled one-word city in a country the document names  # ... with a context country, in ALL-CAPS text
CONNECTORS = frozenset({"de", "del", "la", "las", "los", "el", "al", "of", "and", "da", "do", "du", "des", "der", "sur", "am", "an", "upon", "on", "-", "y"})
LOWER_NAME_WORDS = frozenset(
    {"states", "river", "mountains", "basin", "strip", "peninsula", "valley", "island", "islands", "heights", "sea", "gulf", "forest"}
    | ADMIN_SUFFIXES
)
LOCATIVE_WORDS = frozenset({"in", "at", "near", "from", "outside", "around", "across", "towards", "toward", "into", "inside", "throughout", "to"})
DIRECTION_WORDS = frozenset({"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western"})
STREET_NOUNS = frozenset({"street", "streets", "avenue", "avenues", "boulevard"})
# the nouns of "the town of X" that name a place whatever X is (not "department", "state": offices)
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "township", "hamlet", "municipality", "suburb", "neighborhood", "neighbourhood"})
SUBURB_NOUNS = frozenset({"district", "village", "town", "suburb", "neighbourhood", "neighborhood", "quarter", "township", "municipality"})
# a name whose best (primary-name) candidate outscores every candidate of another country by this
# much (about 100 times the population: Bogotá 7.7M against Bogota, New Jersey) is document context
DOMINANT_MARGIN = 2.0
DOMINANT_WEIGHT = 0.75  # below an unambiguous name (1.0): counts for the document, not the sentence
DATELINE_WEIGHT = 2.0  # the place a report is filed from
COMMON_WORD_POS = frozenset({"VERB", "AUX", "ADJ", "ADV", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM", "INTJ"})


def _names_a_street(span: Span) -> bool:
    """A name that is a street's ("on Ancash Street", "at Sarmiento and San Martin streets"), not the
    place it is named after; not "a downtown Lima avenue" (a street in that place)."""
    doc = span.doc
    before = {t.lower_ for t in doc[max(0, span.start - 2):span.start]}
    if before & {"a", "an", "one"}:
        return False
    k = span.end
    if k < len(doc) and doc[k].lower_ in STREET_NOUNS:
        return True
    if k < len(doc) and doc[k].lower_ == "and":
        for j in range(k + 1, min(k + 6, len(doc))):
            if doc[j].lower_ in ("streets", "avenues"):
                return True
            if not (doc[j].is_alpha and doc[j].text[:1].isupper()) and doc[j].text not in ("'", "-"):
                return False
    return False


def _name_key(text: str) -> str:
    """A mention's name, case and line breaks aside ("San\nFrancisco" is "san francisco")."""
    return " ".join(text.split()).lower()


class PlaceEntry(PatternEntry):
    """One line of patterns/places.jsonl."""

    id: str
    name: str
    aliases: list[str] = []
    country_code: str | None = None
    feature: str
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None


class PlacesComponent(PatternComponent):
    PATTERN_FILES: ClassVar[dict[str, type[PatternEntry]]] = {
        "places.jsonl": PlaceEntry,
        "place_demonyms.jsonl": DemonymEntry,
    }

    def __init__(
        self,
        nlp: Language,
        name: str,
        patterns_dirs: list[str] = (),  # type: ignore[assignment]
        geocoder: str = "offline",
        geocoder_options: dict[str, Any] | None = None,
    ) -> None:
        self.geocoder_name = geocoder
        self.geocoder_options = dict(geocoder_options or {})
        super().__init__(nlp, name, patterns_dirs)

    # -- setup -------------------------------------------------------------------------------
    def initialize_rules(self) -> None:
        options = dict(self.geocoder_options)
        min_pop = options.pop("min_city_population", 5000)
        self.gazetteer = OfflineGazetteer(self.entries["places.jsonl"], min_city_population=min_pop)
        if self.geocoder_name in ("offline", "", None):
            self.geocoder = self.gazetteer
        else:
            options["min_city_population"] = min_pop
            self.geocoder = make_geocoder(self.geocoder_name, entries=self.entries["places.jsonl"], **options)
        self.demonyms: dict[str, str | None] = {}
        for entry in self.entries["place_demonyms.jsonl"]:
            key = normalize_name(entry.demonym)
            self.demonyms[key] = entry.country_code
            if not self.gazetteer.is_known(key + "s"):  # "Philippine" but not "Philippines"
                self.demonyms.setdefault(key + "s", entry.country_code)
        self.common_words = english_words(("verb", "adj", "adv"))
        self._country_cache: dict[str, tuple[str | None, float]] = {}

    # -- helpers -----------------------------------------------------------------------------
    def demonym_country(self, text: str) -> tuple[bool, str | None]:
        key = normalize_name(text)
        if key in self.demonyms:
            return True, self.demonyms[key]
        return False, None

    def _is_common_word(self, tok: Token) -> bool:
        low = tok.lower_
        return tok.is_stop or low in self.common_words or tok.lemma_.lower() in self.common_words

    # -- main --------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        caps = is_all_caps(doc_text(doc))
        keep: list[Span] = []  # non-place entities, unchanged
        places: list[tuple[Span, str]] = []  # (span, original label)
        demonym_ccs: list[tuple[int, str]] = []  # (token index, cc) of demonyms seen

        for ent in doc.ents:
            if ent.label_ not in INPUT_PLACE_LABELS:
                keep.append(ent)
                continue
            span = self._clean_span(doc, ent)
            if span is None:
                continue
            if caps and len(span) == 1 and span[0].is_stop:
                continue  # "US" in "LET US KNOW"
            is_dem, dcc = self.demonym_country(span.text)
            if is_dem and not str(ent._.source or "").startswith("pattern:"):
                if dcc:
                    demonym_ccs.append((span.start, dcc))
                continue
            places.append((span, ent.label_))

        # demonyms outside entities ("Nigerien officials") are context too
        for tok in doc:
            if tok.is_alpha and tok.text[:1].isupper():
                is_dem, dcc = self.demonym_country(tok.text)
                if is_dem and dcc:
                    demonym_ccs.append((tok.i, dcc))

        # 1. document context from the unambiguous places the model found
        context = self._context([s for s, _ in places], demonym_ccs)

        # 2. gazetteer names the model missed, and "the X district of Y" / "the town of X"
        occupied = self._occupied(doc, keep)
        added = self._scan(doc, caps, occupied, places, context)
        added += self._place_noun_names(doc, caps, occupied, places, added)
        if added:
            places = self._merge(places, added)
            context = self._context([s for s, _ in places], demonym_ccs)

        # 2b. model ORG/PERSON spans that are gazetteer places after a locative cue
        #     ("in Leganés", "from Chibok", "the German state of Saxony-Anhalt")
        place_cc: dict[int, str] = {}
        for span, _ in places:
            cc, _ = self._place_country(span.text)
            if cc:
                for i in range(span.start, span.end):
                    place_cc[i] = cc
        still: list[Span] = []
        for ent in keep:
            if self._misfired_place(ent, caps, context, place_cc):
                places.append((Span(doc, ent.start, ent.end, label=PLACE), "RELABELLED"))
            else:
                still.append(ent)
        keep = still
        places.sort(key=lambda x: x[0].start)
        context = self._context([s for s, _ in places], demonym_ccs)

        # 3. resolve every place
        sent_ccs = self._sentence_countries(doc, [s for s, _ in places], demonym_ccs)
        resolved: list[tuple[Span, Candidate | None, str]] = []
        mentions = Counter(_name_key(span.text) for span, _ in places)
        place_at = {span.start: span for span, _ in places}
        # the document context each place is resolved against: less what its own name gave it
        own_contexts = {
            span.start: self._context_without(context, span.text, mentions[_name_key(span.text)]) for span, _ in places
        }
        # "X, Y" / "X in Y" with Y a region or country: Y's reading, and X's country (every mention)
        qualifier_choice: dict[int, Candidate] = {}
        qualified_country: dict[str, str] = {}
        for span, _ in places:
            own_context = own_contexts[span.start]
            qualified = self._qualifier(
                span, place_at, own_context, self.gazetteer.candidates(span.text, context=own_context)
            )
            if qualified is not None and span.start not in qualifier_choice:
                qualifier, qualifier_cand = qualified
                qualifier_choice[qualifier.start] = qualifier_cand
                qualified_country.setdefault(_name_key(span.text), qualifier_cand.place.country_code)
        for span, label in places:
            sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
            own_context = own_contexts[span.start]
            cands = self.gazetteer.candidates(
                span.text, context=own_context, local_context=sent_ccs.get(sent_start, ())
            )
            best = cands[0] if cands else None
            if span.start in qualifier_choice:
                best = qualifier_choice[span.start]
            elif _name_key(span.text) in qualified_country:
                in_country = [c for c in cands if c.place.country_code == qualified_country[_name_key(span.text)]]
                if in_country:
                    best = in_country[0]
                elif best is not None and best.place.feature == "city" and not best.place.curated:
                    best = None  # a local place the gazetteer lacks: it inherits the qualifier's country
            if best is not None and self._implausible(best, own_context):
                best = None
            resolved.append((span, best, label))

        final: list[Span] = []
        for idx, (span, cand, label) in enumerate(resolved):
            if _names_a_street(span):
                continue
            upstream = None if label == "RELABELLED" else span._.source
            if cand is None:
                cc = qualified_country.get(_name_key(span.text))
                if not (cc or str(upstream or "").startswith("pattern:") or self._keep_unresolved(span, label)):
                    continue
                if not cc:
                    own_cc, _ = self._place_country(span.text)
                    cc = self._inherit_country(span, resolved, own_contexts[span.start], sent_ccs, exclude=own_cc)
                info = {
                    "country_code": cc,
                    "geonames_id": None,
                    "latitude": None,
                    "longitude": None,
                    "feature": "facility" if label == "FAC" or span[-1].lower_ in FACILITY_HEADS else "locality",
                }
                new = Span(doc, span.start, span.end, label=PLACE)
                set_span_attrs(
                    new,
                    canonical=span._.canonical or span.text,
                    info=info,
                    source=upstream or f"rule:place_{label.lower()}",
                    confidence=0.5 if cc else 0.4,
                )
                final.append(new)
                continue
            raw = self._geocode(doc, span, cand, context, sent_ccs)
            new = Span(doc, span.start, span.end, label=PLACE)
            info = {
                "country_code": raw.get("country_code"),
                "geonames_id": raw.get("geonames_id"),
                "latitude": raw.get("latitude"),
                "longitude": raw.get("longitude"),
                "feature": raw.get("feature"),
            }
            set_span_attrs(
                new,
                canonical=raw.get("name") or cand.place.name,
                info=info,
                source=upstream or f"gazetteer:{cand.place.id}",
                confidence=self._confidence(span, cand),
            )
            final.append(new)

        if isinstance(self.geocoder, FallbackGeocoder):
            for err in self.geocoder.pop_errors():
                add_doc_error(doc, err["code"], err["message"])

        doc.ents = sorted(keep + final, key=lambda s: s.start)
        return doc

    # -- steps -------------------------------------------------------------------------------
    def _clean_span(self, doc: Doc, ent: Span) -> Span | None:
        start, end = ent.start, ent.end
        # leading "the" (kept when the name itself starts with "The": The Hague)
        if end - start > 1 and doc[start].lower_ == "the":
            cands = self.gazetteer.candidates(doc[start:end].text)
            if not (cands and cands[0].place.name.lower().startswith("the ")):
                start += 1
        # trailing possessive / punctuation
        while end - start > 1 and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct):
            end -= 1
        if end <= start or not any(t.is_alpha for t in doc[start:end]):
            return None
        # "Diffa" + "region" -> "Diffa region" when that is an admin region
        if end < len(doc) and doc[end].lower_ in ADMIN_SUFFIXES and doc[end].ent_type_ in ("", ent.label_):
            ext = doc[start : end + 1]
            cands = self.gazetteer.candidates(ext.text)
            if cands and cands[0].place.feature in ("admin", "region"):
                end += 1
        span = Span(doc, start, end, label=ent.label_)
        if (start, end) != (ent.start, ent.end):
            for name in ("canonical", "kb_id", "source", "confidence", "info"):
                value = getattr(ent._, name)
                if value is not None:
                    setattr(span._, name, value)
        return span

    def _context(self, spans: list[Span], demonym_ccs: list[tuple[int, str]]) -> dict[str, float]:
        weights: Counter[str] = Counter()
        for span in spans:
            cc, weight = self._place_country(span.text)
            if cc:
                weights[cc] += weight
        for _, cc in demonym_ccs:
            weights[cc] += 0.25
        if spans:
            dateline_cc = self._dateline_country(spans[0].doc)
            if dateline_cc:
                weights[dateline_cc] += DATELINE_WEIGHT
        return {cc: w for cc, w in weights.items() if w >= 0.5}

    def _qualifier(
        self, span: Span, place_at: dict[int, Span], context: dict[str, float], cands: list[Candidate]
    ) -> tuple[Span, Candidate] | None:
        """"X, Y" / "X in (the) (northern) Y" with Y an admin region or a country (not a list of
        places): Y and the reading of Y chosen, preferring one in a country X can be in."""
        doc = span.doc
        if cands and cands[0].place.feature in ("country", "continent", "region", "admin"):
            return None
        if span.start >= 2 and doc[span.start - 1].lower_ in (",", "and", "or"):
            before = doc[span.start - 2]
            if before.ent_type_ in INPUT_PLACE_LABELS or any(s.end == span.start - 1 for s in place_at.values()):
                return None  # "Apopa, San Martín, San Marcos"
        k = span.end
        # "Campestre neighborhood in western San Salvador": a part of the place that follows
        part_of = k < len(doc) and doc[k].lower_ in SUBURB_NOUNS
        if part_of:
            k += 1
        if k >= len(doc) or doc[k].lower_ not in (",", "in", "of"):
            return None
        if doc[k].lower_ == "of" and not part_of:
            return None
        k += 1
        if k < len(doc) and doc[k].lower_ == "in" and doc[k - 1].text == ",":
            k += 1  # "X, in Y"
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        if k < len(doc) and doc[k].lower_ in DIRECTION_WORDS:
            k += 1
        qualifier = place_at.get(k)
        if qualifier is None:
            return None
        after = qualifier.end
        if after < len(doc) and doc[after].lower_ in ("and", "or"):
            return None
        if after + 1 < len(doc) and doc[after].text == ",":
            nxt = doc[after + 1]
            if after + 1 in place_at or nxt.lower_ in ("and", "or") or (nxt.is_alpha and self.gazetteer.is_known(nxt.text)):
                return None  # "Cocorná, San Carlos, and San Francisco"
        qualifier_cands = [c for c in self.gazetteer.candidates(qualifier.text, context=context) if not c.alternate]
        if not qualifier_cands or not (part_of or qualifier_cands[0].place.feature in ("country", "admin")):
            return None  # "Tegucigalpa, San José, Miami"
        regions = [
            c
            for c in qualifier_cands
            if (part_of or c.place.feature in ("country", "admin")) and c.place.country_code
        ]
        span_countries = {c.place.country_code for c in cands}
        shared = [c for c in regions if c.place.country_code in span_countries]
        if cands and not shared and cands[0].place.country_code in context:
            return None  # X is where the document is; Y is an apposition or a gazetteer gap
        return qualifier, (shared or regions)[0]

    def _context_without(self, context: dict[str, float], text: str, mentions: int) -> dict[str, float]:
        """The document context less what the name itself gave it: a place is no evidence for its
        own country ("Berlin" in a Salvadoran report, "Campestre" in a San Salvador one)."""
        cc, weight = self._place_country(text)
        if not cc or cc not in context:
            return context
        out = dict(context)
        out[cc] -= weight * mentions
        if out[cc] < 0.5:
            del out[cc]
        return out

    def _place_country(self, text: str) -> tuple[str | None, float]:
        """The country a name stands for without context, and how sure: countries, curated and
        one-country names (1.0); names whose best candidate dominates every other country's."""
        cached = self._country_cache.get(text)
        if cached is not None:
            return cached
        if len(self._country_cache) > 100_000:
            self._country_cache.clear()
        result = self._compute_place_country(text)
        self._country_cache[text] = result
        return result

    def _compute_place_country(self, text: str) -> tuple[str | None, float]:
        cands = self.gazetteer.candidates(text)
        if not cands:
            return None, 0.0
        best = cands[0]
        top = best.place
        if top.country_code is None:
            return None, 0.0
        if top.feature == "country" or top.curated:
            return top.country_code, 1.0
        codes = {c.place.country_code for c in cands if not c.alternate}
        if len(codes) == 1:
            return (top.country_code, 1.0) if top.country_code in codes else (None, 0.0)
        if best.alternate:
            return None, 0.0
        rival = max(c.score for c in cands if c.place.country_code != top.country_code)
        if best.score - rival >= DOMINANT_MARGIN:
            return top.country_code, DOMINANT_WEIGHT
        return None, 0.0

    def _dateline_country(self, doc: Doc) -> str | None:
        """The country of the place the report is filed from ("BOGOTA, 10 JUL 89 (...) --"):
        its country in parentheses, a national capital of that name, or a one-country name."""
        names = dateline_names(doc_text(doc)) or ([doc._.default_place] if doc._.default_place else [])
        for name in names:
            cands = self.gazetteer.candidates(name)
            if not cands:
                continue
            for cand in cands:
                if cand.place.feature == "country" and not cand.alternate:
                    return cand.place.country_code
            for cand in cands:
                if cand.place.capital and not cand.alternate:
                    return cand.place.country_code
            cc, _ = self._place_country(name)
            if cc:
                return cc
        return None

    def _sentence_countries(
        self, doc: Doc, spans: list[Span], demonym_ccs: list[tuple[int, str]]
    ) -> dict[int, set[str]]:
        out: dict[int, set[str]] = {}
        has_sents = doc.has_annotation("SENT_START")
        for span in spans:
            cc, weight = self._place_country(span.text)
            if cc and weight != DOMINANT_WEIGHT:  # a dominant name is no evidence for its own sentence
                key = span.sent.start if has_sents else 0
                out.setdefault(key, set()).add(cc)
        for i, cc in demonym_ccs:
            key = doc[i].sent.start if has_sents else 0
            out.setdefault(key, set()).add(cc)
        return out

    def _occupied(self, doc: Doc, keep: list[Span]) -> list[bool]:
        occ = [False] * len(doc)
        for ent in keep:
            if ent.label_ in PROTECTED_LABELS:
                for i in range(ent.start, ent.end):
                    occ[i] = True
        return occ

    def _is_cap(self, tok: Token, caps: bool) -> bool:
        text = tok.text
        return bool(text) and text[0].isupper()

    def _scan(
        self,
        doc: Doc,
        caps: bool,
        occupied: list[bool],
        places: list[tuple[Span, str]],
        context: dict[str, float],
    ) -> list[Span]:
        place_tok = [None] * len(doc)
        for span, _ in places:
            for i in range(span.start, span.end):
                place_tok[i] = (span.start, span.end)
        added: list[Span] = []
        n = len(doc)
        i = 0
        while i < n:
            tok = doc[i]
            if occupied[i] or not tok.is_alpha or not self._is_cap(tok, caps):
                i += 1
                continue
            match_end = None
            for size in range(self._name_reach(doc, i, min(MAX_NAME_TOKENS, n - i), occupied), 0, -1):
                j = i + size
                last = doc[j - 1]
                if last.lower_ in CONNECTORS or not last.is_alpha:
                    continue
                span = doc[i:j]
                # must contain any overlapping model place completely
                ok = True
                for k in (i, j - 1):
                    if place_tok[k] is not None:
                        ps, pe = place_tok[k]
                        if ps < i or pe > j:
                            ok = False
                if not ok:
                    continue
                if place_tok[i] is not None and place_tok[i] == (i, j):
                    break  # the model already has exactly this span
                cands = self.gazetteer.candidates(span.text, context=context)
                if cands and self._accept(span, cands[0], caps, context):
                    match_end = j
                    added.append(Span(doc, i, j, label="GAZ"))
                    break
            i = match_end if match_end else i + 1
        return added

    @staticmethod
    def _name_reach(doc: Doc, i: int, limit: int, occupied: list[bool]) -> int:
        """The most tokens (up to ``limit``) a place name starting at token i may span: free tokens of
        one line, a capitalised first word (not "The": "The Villages" in "THE VILLAGES OF ..."), then
        capitalised words, connectors or lower-case name words."""
        first = doc[i]
        if occupied[i] or first.lower_ == "the" or not first.text[:1].isupper():
            return 0
        reach, prev = 1, first
        while reach < limit and not occupied[i + reach] and not prev.is_space and "\n" not in prev.text_with_ws:
            tok = doc[i + reach]
            if not (tok.text[:1].isupper() or tok.lower_ in CONNECTORS or tok.lower_ in LOWER_NAME_WORDS):
                break
            reach, prev = reach + 1, tok
        return reach

    def _embedded(self, span: Span) -> bool:
        """Part of a longer capitalised name ("Surabaya Central Pentecostal Church")."""
        doc = span.doc
        if span.end < len(doc):
            nxt = doc[span.end]
            if nxt.is_alpha and nxt.text[:1].isupper() and not span[-1].whitespace_ == "" and "\n" not in span[-1].text_with_ws:
                if not self.gazetteer.is_known(nxt.text) and nxt.lower_ not in ADMIN_SUFFIXES:
                    return True
        if span.start > 0:
            prev = doc[span.start - 1]
            if prev.is_alpha and prev.text[:1].isupper() and not prev.is_sent_start and "\n" not in prev.text_with_ws:
                if not self.gazetteer.is_known(prev.text):
                    return True
        return False

    def _accept(self, span: Span, cand: Candidate, caps: bool, context: dict[str, float]) -> bool:
        place: Place = cand.place
        strong = place.curated or place.feature in ("country", "continent", "region")
        if not caps and not strong and self._embedded(span):
            return False
        if len(span) == 1:
            tok = span[0]
            if caps:
                if self._is_common_word(tok) or len(tok.text) < 3:
                    return False
            else:
                if tok.is_stop and not (tok.text.isupper() and strong):
                    return False
                if tok.lower_ in self.common_words and not strong:
                    return False
                if tok.pos_ in COMMON_WORD_POS and not strong:
                    return False
            if cand.alternate and not strong:
                return False
        if strong:
            return True
        if place.feature == "admin":
            return True
        if place.feature == "city":
            pop = place.population or 0
            if len(span) > 1 and pop >= 15000:
                return True
            if len(span) == 1 and not (self._locative_cue(span) or self._qualified(span)):
                return False  # a lone city-named word may be a surname ("Rodriguez")
            if pop >= BIG_CITY:
                return True
            if place.country_code in context:
                return pop >= CONTEXT_CITY_ALL_CAPS if caps else True
            return False
        return False

    def _merge(self, places: list[tuple[Span, str]], added: list[Span]) -> list[tuple[Span, str]]:
        out = []
        for span, label in places:
            if any(a.start <= span.start and span.end <= a.end for a in added):
                continue  # replaced by a longer gazetteer name ("Baltic" -> "Baltic states")
            out.append((span, label))
        for a in added:
            out.append((Span(a.doc, a.start, a.end, label=PLACE), "RULE" if a.label_ == "RULE" else "GAZETTEER"))
        out.sort(key=lambda x: x[0].start)
        return out

    def _locative_cue(self, span: Span) -> bool:
        doc = span.doc
        i = span.start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        if i < 0:
            return False
        prev = doc[i]
        if prev.lower_ in LOCATIVE_WORDS and prev.lower_ != "to":
            return True
        return prev.lower_ == "of" and i > 0 and doc[i - 1].lower_ in PLACE_NOUNS

    @staticmethod
    def _person_in(ent: Span) -> bool:
        """A name the model called a person right after "in" is where something happened ("kidnapped in
        Tecun Uman last night", "in Ciudad Delgado."); not a person's thing ("in Cristiani's speech")."""
        doc = ent.doc
        if ent.label_ != "PERSON" or ent.start == 0 or doc[ent.start - 1].lower_ != "in":
            return False
        return not (ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "’s", "'"))

    @staticmethod
    def _named_by_place_noun(span: Span) -> bool:
        """The name a settlement noun introduces ("the small town of Hostigal", "the village of X"),
        known to the gazetteer or not; not after "department" or "state" ("the Department of Justice")."""
        doc = span.doc
        i = span.start - 1
        return i > 0 and doc[i].lower_ == "of" and doc[i - 1].lower_ in SETTLEMENT_NOUNS

    def _qualified(self, span: Span) -> bool:
        """Coordinated with a place, or followed by ", <known place>" / "in <known place>"."""
        doc = span.doc
        # coordinated with a place: "between Dikwa and Marte"
        if span.start >= 2 and doc[span.start - 1].lower_ in ("and", "or", ","):
            prev = doc[span.start - 2]
            if prev.ent_type_ in INPUT_PLACE_LABELS or (prev.text[:1].isupper() and self.gazetteer.is_known(prev.text)):
                return True
        k = span.end
        if k + 1 < len(doc) and doc[k].lower_ in (",", "in"):
            nxt = doc[k + 1]
            if nxt.lower_ == "the" and k + 2 < len(doc):
                nxt = doc[k + 2]
            return nxt.is_alpha and nxt.text[:1].isupper() and self.gazetteer.is_known(nxt.text)
        return False

    def _misfired_place(self, ent: Span, caps: bool, context: dict[str, float], place_cc: dict[int, str]) -> bool:
        """A model ORGANISATION/PERSON span that is a known place in a locative slot."""
        if ent.label_ not in ("ORGANISATION", "ORG", "PERSON"):
            return False
        source = str(ent._.source or "")
        if source and not source.startswith("model:"):
            return False
        doc = ent.doc
        if self._dateline_place(ent):
            return True
        if ent.end < len(doc) and doc[ent.end].text[:1].isupper() and doc[ent.end].is_alpha:
            return False
        if self._named_by_place_noun(ent) or self._person_in(ent):
            return True
        cands = self.gazetteer.candidates(ent.text, context=context)
        if not cands:
            return self._unknown_qualified_place(ent, place_cc)
        if cands[0].alternate and not cands[0].place.curated:
            return False
        place = cands[0].place
        if ent.start >= 2 and doc[ent.start - 1].text == "(" and place_cc.get(ent.start - 2) == place.country_code:
            return True  # "Londonderry (Derry)"
        if not self._locative_cue(ent):
            # "Marawi in the southern Philippines": qualified by a place of the same country
            nxt = ent.end
            if nxt < len(doc) and doc[nxt].lower_ in ("in", ","):
                nxt += 1
                if nxt < len(doc) and doc[nxt].lower_ == "the":
                    nxt += 1
                if nxt < len(doc) and doc[nxt].lower_ in DIRECTION_WORDS:
                    nxt += 1
                qualifier = place_cc.get(nxt) if nxt < len(doc) else None
                if not (qualifier and qualifier == place.country_code):
                    return self._well_known_place(ent, place, context)
            else:
                return self._well_known_place(ent, place, context)
        if place.curated or place.feature in ("country", "continent", "region", "admin"):
            return True
        if place.feature == "city":
            return (place.population or 0) >= BIG_CITY or place.country_code in context
        return False

    @staticmethod
    def _dateline_place(ent: Span) -> bool:
        """The place a dateline opens with ("BUENOS AIRES, 21 AUG 89 (TELAM) --"): the first words
        of the document, the dateline's place (``doc._.default_place``), followed by a comma."""
        doc = ent.doc
        place = doc._.default_place
        if not place or " ".join(ent.text.split()).lower() != " ".join(place.split()).lower():
            return False
        if doc_text(doc)[: ent.start_char].strip():
            return False
        return ent.end < len(doc) and doc[ent.end].text == ","

    def _unknown_qualified_place(self, ent: Span, place_cc: dict[int, str]) -> bool:
        """A name the gazetteer lacks, between a locative cue and a known place of the document:
        "the military camp at Inatès in Niger's Tillabéri region", "near Zaroumadareye, Niger"."""
        doc = ent.doc
        if len(ent) > 3 or not all(t.is_title for t in ent) or not self._locative_cue(ent):
            return False
        k = ent.end
        if k + 1 >= len(doc) or doc[k].lower_ not in (",", "in"):
            return False
        k += 1
        if doc[k].lower_ == "the" and k + 1 < len(doc):
            k += 1
        return k in place_cc

    def _well_known_place(self, ent: Span, place: Place, context: dict[str, float]) -> bool:
        """Without a locative cue, only a one-word name of a country, region or large city,
        that is not the surname of a person named in the document ("Kabul", "Niamey")."""
        if len(ent) != 1:
            return False
        word = ent.text.lower()
        for other in ent.doc.ents:
            if other.label_ == "PERSON" and len(other) > 1 and other[-1].lower_ == word:
                return False
        if place.curated or place.feature in ("country", "continent", "region", "admin"):
            return True
        if place.feature == "city":
            pop = place.population or 0
            return pop >= BIG_CITY or (place.country_code in context and pop >= WELL_KNOWN_CONTEXT_CITY)
        return False

    def _place_noun_names(
        self,
        doc: Doc,
        caps: bool,
        occupied: list[bool],
        places: list[tuple[Span, str]],
        added: list[Span],
    ) -> list[Span]:
        """Unknown names the syntax marks as places: "the town of X", "the X district of Y"."""
        if caps:
            return []
        taken = [False] * len(doc)
        for span in [s for s, _ in places] + added:
            for i in range(span.start, span.end):
                taken[i] = True
        out: list[Span] = []
        n = len(doc)
        for i, tok in enumerate(doc):
            # "the town of X"
            if tok.lower_ in PLACE_NOUNS and i > 0 and doc[i - 1].lower_ == "the" and i + 2 < n and doc[i + 1].lower_ == "of":
                j = i + 2
                k = j
                while k < n and doc[k].is_alpha and doc[k].text[:1].isupper() and not taken[k] and not occupied[k]:
                    k += 1
                if k > j and (k == n or not doc[k].text[:1].isupper()) and not self.demonym_country(doc[j:k].text)[0]:
                    out.append(Span(doc, j, k, label="RULE"))
                    for m in range(j, k):
                        taken[m] = True
            # "the X district of Y"
            if tok.lower_ in SUBURB_NOUNS and i + 2 < n and doc[i + 1].lower_ == "of" and taken[i + 2]:
                k = i
                j = i
                while j - 1 >= 0 and doc[j - 1].is_alpha and doc[j - 1].text[:1].isupper() and not taken[j - 1] and not occupied[j - 1]:
                    j -= 1
                if j < k and j - 1 >= 0 and doc[j - 1].lower_ == "the" and not self.demonym_country(doc[j:k].text)[0]:
                    out.append(Span(doc, j, k, label="RULE"))
                    for m in range(j, k):
                        taken[m] = True
        return out

    def _keep_unresolved(self, span: Span, label: str) -> bool:
        if label == "RULE":
            return True
        if span[-1].lower_ in FACILITY_HEADS:
            return True
        doc = span.doc
        if span.start > 0:
            prev = doc[span.start - 1]
            if prev.lower_ in LOCATIVE_WORDS:
                return True
            if prev.lower_ == "of" and span.start > 1 and doc[span.start - 2].lower_ in PLACE_NOUNS:
                return True
            if prev.lower_ in ("the",) and span.start > 1 and doc[span.start - 2].lower_ in LOCATIVE_WORDS:
                return True
        if span.end < len(doc):
            nxt = doc[span.end]
            if nxt.lower_ in (",", "in") and span.end + 1 < len(doc) and doc[span.end + 1].ent_type_ in INPUT_PLACE_LABELS:
                # "Konduga, Borno State" / "Gueskerou in Niger's ..."
                return True
        return False

    def _inherit_country(
        self,
        span: Span,
        resolved: list[tuple[Span, Candidate | None, str]],
        context: dict[str, float],
        sent_ccs: dict[int, set[str]],
        exclude: str | None = None,
    ) -> str | None:
        doc = span.doc
        # the place that qualifies it: "X, Y" / "X in Y" / "X, in Y's Z" / "Y's X"
        for other, cand, _ in resolved:
            if cand is None or not cand.place.country_code:
                continue
            gap = other.start - span.end
            if 0 <= gap <= 3 and all(t.is_punct or t.lower_ in ("in", "of", "near") for t in doc[span.end : other.start]):
                return cand.place.country_code
            if 0 <= span.start - other.end <= 2 and all(
                t.lower_ in ("'s", "’s") for t in doc[other.end : span.start]
            ):
                return cand.place.country_code
        sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
        sentence = [
            c.place.country_code
            for o, c, _ in resolved
            if c is not None and c.place.country_code and (o.sent.start if doc.has_annotation("SENT_START") else 0) == sent_start
        ]
        if sentence:
            return Counter(sentence).most_common(1)[0][0]
        local = sent_ccs.get(sent_start, set()) - {exclude}  # the name itself is no evidence
        if local and len(local) == 1:
            return next(iter(local))
        if context:
            total = sum(context.values())
            cc, w = max(context.items(), key=lambda x: x[1])
            if w / total >= 0.6:
                return cc
        return None

    @staticmethod
    def _implausible(cand: Candidate, context: dict[str, float]) -> bool:
        """A small town abroad in a document about one country: more likely a local homonym."""
        place = cand.place
        if place.feature != "city" or place.curated or not context or place.country_code in context:
            return False
        total = sum(context.values())
        top = max(context.values())
        return (place.population or 0) < BIG_CITY and top / total >= 0.6

    def _confidence(self, span: Span, cand: Candidate) -> float:
        if span._.confidence is not None:
            return float(span._.confidence)
        place = cand.place
        if place.feature == "country" or place.curated:
            return 0.95
        return 0.85 if not cand.alternate else 0.7

    def _geocode(
        self, doc: Doc, span: Span, cand: Candidate, context: dict[str, float], sent_ccs: dict[int, set[str]]
    ) -> dict[str, Any]:
        if self.geocoder is self.gazetteer:
            return cand.location().raw
        try:
            loc = self.geocoder.geocode(span.text, context=context)
        except Exception as exc:  # noqa: BLE001 - never fail the document on a geocoder
            add_doc_error(doc, "geocode_failed", f"geocoding {span.text!r} failed: {exc}")
            loc = None
        if loc is None:
            return cand.location().raw
        return dict(loc.raw)


@Language.factory(
    "extract_places",
    default_config={"patterns_dirs": [], "geocoder": "offline", "geocoder_options": {}},
)
def make_component(
    nlp: Language,
    name: str,
    patterns_dirs: list[str],
    geocoder: str,
    geocoder_options: dict[str, Any],
) -> PlacesComponent:
    return PlacesComponent(nlp, name, patterns_dirs, geocoder=geocoder, geocoder_options=geocoder_options)
