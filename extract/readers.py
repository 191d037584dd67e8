"""Readers: a path (or stdin) -> :class:`extract.extractor.InputDocument`.

* ``.txt``/``.md`` and unknown extensions: text with encoding detection (BOM for
  UTF-8/16/32, then strict UTF-8, then charset-normalizer with a preference for cp1252
  among equally plausible single-byte encodings); binary data is a read error.
* ``.html``/``.htm``: visible text via lxml (scripts, styles, comments dropped; block
  elements become line breaks, paragraphs blank lines).
* ``.pdf``: pypdf, page by page (pages separated by a blank line).
* ``.docx``: python-docx, paragraphs and tables in document order.
* ``-``: standard input (bytes; sniffed like an unknown extension).

Offsets in the output are offsets into the text these readers return. ``sha256`` is
always of the input *bytes*. A file that cannot be read gives an InputDocument with
empty text and ``errors=[{"code": "read_failed", ...}]`` -- readers never raise for a
bad file (only :func:`expand_inputs` raises, for usage errors such as a missing path).
"""

from __future__ import annotations

import fnmatch
import hashlib
import io
import logging
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from typing import Iterator, Sequence

from extract.extractor import InputDocument

DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md", "*.html", "*.htm", "*.pdf", "*.docx")
STDIN = "-"

# pypdf reports recoverable problems through logging; without a handler Python's
# last-resort handler would print them on stderr.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


class InputError(ValueError):
    """A usage problem with the inputs (missing path, empty directory): exit code 2."""


class ReadError(Exception):
    """A file's contents cannot be turned into text."""


# ---------------------------------------------------------------------------
# expanding paths


def expand_inputs(paths: Sequence[str], globs: Sequence[str] = DEFAULT_GLOBS) -> list[str]:
    """Explicit files as given, directories expanded recursively (sorted), duplicates dropped.

    Raises :class:`InputError` for a missing path or a directory without matching files.
    """
    globs = tuple(globs) or DEFAULT_GLOBS
    out: list[str] = []
    seen: set[str] = set()
    stdin_used = False

    def add(source: str, key: str) -> None:
        if key not in seen:
            seen.add(key)
            out.append(source)

    for given in paths:
        if given == STDIN:
            if stdin_used:
                raise InputError("'-' (standard input) can be given only once")
            stdin_used = True
            add(STDIN, STDIN)
            continue
        if not os.path.lexists(given):
            raise InputError(f"{given}: no such file or directory")
        if os.path.isdir(given):
            found = list(iter_directory(given, globs))
            if not found:
                raise InputError(f"{given}: no files matching {', '.join(globs)}")
            for f in found:
                add(f, os.path.realpath(f))
        elif os.path.isfile(given):
            if not os.access(given, os.R_OK):
                raise InputError(f"{given}: permission denied")
            add(given, os.path.realpath(given))
        elif not os.path.exists(given):
            raise InputError(f"{given}: broken symbolic link")
        else:
            raise InputError(f"{given}: not a regular file")
    return out


def iter_directory(directory: str, globs: Sequence[str] = DEFAULT_GLOBS) -> Iterator[str]:
    """Files under ``directory`` matching any glob, in sorted (deterministic) order.

    Patterns without ``/`` match the file name, patterns with ``/`` the path relative to
    ``directory``; matching ignores case (``REPORT.PDF`` matches ``*.pdf``). Hidden files
    and directories (names starting with ``.``) are skipped.
    """
    lowered = [g.lower() for g in globs]
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = os.path.join(root, name)
            rel = os.path.relpath(full, directory).replace(os.sep, "/").lower()
            lname = name.lower()
            if any(fnmatch.fnmatchcase(rel if "/" in g else lname, g) for g in lowered):
                if os.path.isfile(full):
                    yield full


# ---------------------------------------------------------------------------
# raw bytes -> InputDocument


@dataclass
class RawInput:
    """The bytes of one input, before decoding (``error`` set when they could not be read)."""

    source: str
    data: bytes
    error: str | None = None

    @property
    def sha256(self) -> str:
        """Hash of the bytes; for a path whose bytes could not be read, of the path (a stable, distinct id)."""
        if self.error is not None and not self.data:
            return hashlib.sha256(f"unreadable:{self.source}".encode("utf-8")).hexdigest()
        return hashlib.sha256(self.data).hexdigest()


def read_raw(source: str) -> RawInput:
    """Read the bytes of a path (or stdin for ``-``); never raises."""
    try:
        if source == STDIN:
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
        else:
            with open(source, "rb") as fh:
                data = fh.read()
        return RawInput(source, data)
    except IsADirectoryError:
        return RawInput(source, b"", "is a directory")
    except OSError as exc:
        return RawInput(source, b"", exc.strerror or str(exc))


def to_input_document(raw: RawInput, *, reference_date: str | None = None) -> InputDocument:
    """Decode raw bytes by format; a failure gives empty text and a ``read_failed`` error."""
    item = InputDocument(text="", source=raw.source, sha256=raw.sha256)
    if reference_date:
        item.reference_date = reference_date
        item.reference_date_source = "option"
    if raw.error is None:
        try:
            text, meta_date = extract_text(raw.data, raw.source)
        except ReadError as exc:
            raw.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the batch
            raw.error = f"{type(exc).__name__}: {exc}"
        else:
            item.text = text
            if meta_date and not reference_date:
                item.reference_date = meta_date
                item.reference_date_source = "metadata"
    if raw.error is not None:
        item.errors = [{"code": "read_failed", "message": f"cannot read {raw.source}: {raw.error}"}]
    return item


def read_path(source: str, *, reference_date: str | None = None) -> InputDocument:
    """Read one path (``-`` for stdin) into an InputDocument; never raises."""
    return to_input_document(read_raw(source), reference_date=reference_date)


def extract_text(data: bytes, name: str) -> tuple[str, str | None]:
    """Text of ``data`` by the format of ``name`` (plus a publication date from metadata)."""
    ext = os.path.splitext(name)[1].lower() if name != STDIN else ""
    if ext == ".pdf" or (ext not in (".html", ".htm", ".docx") and data[:5] == b"%PDF-"):
        return pdf_text(data), None
    if ext == ".docx" or (ext not in (".html", ".htm", ".pdf") and _looks_like_docx(data)):
        return docx_text(data), None
    if ext in (".html", ".htm", ".xhtml"):
        return html_text(data)
    if ext not in (".txt", ".md", ".text", ".markdown") and _looks_like_html(data):
        return html_text(data)
    return decode_text(data), None


# ---------------------------------------------------------------------------
# plain text

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1c\x1d\x1e\x85")


def decode_text(data: bytes) -> str:
    """Decode text bytes: BOM, strict UTF-8, else the most plausible legacy encoding.

    Raises :class:`ReadError` for binary data or bytes no encoding explains.
    """
    if not data:
        return ""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom):].decode(encoding))
            except UnicodeDecodeError as exc:
                raise ReadError(f"invalid {encoding} after byte order mark ({exc.reason})") from exc
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise ReadError("binary data, not text")
        try:
            return _check_text(data.decode(encoding))
        except UnicodeDecodeError as exc:
            raise ReadError("binary data, not text") from exc
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _check_text(_decode_legacy(data))


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL bytes fall like ASCII text in UTF-16, else None."""
    sample = data[:4096]
    if len(sample) < 2:
        return None
    half = len(sample) // 2
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    if zeros_odd / half > 0.3 and zeros_even / half < 0.05:
        return "utf-16-le"
    if zeros_even / half > 0.3 and zeros_odd / half < 0.05:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes) -> str:
    from charset_normalizer import from_bytes

    # A few non-ASCII bytes in otherwise ASCII text (an English report with smart quotes
    # or accented names) is too little for statistical detection: take cp1252.
    if sum(1 for b in data if b >= 0x80) < 24:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise ReadError("binary data or unknown text encoding")
    # Western reports: among equally plausible single-byte guesses prefer cp1252 (a
    # superset of Latin-1's printable range) over e.g. cp1250, which turns è into č.
    if best.encoding.startswith(("cp125", "iso8859", "latin", "mac_", "cp8")):
        for match in results:
            if match.chaos <= best.chaos + 0.01 and "cp1252" in ([match.encoding] + list(match.could_be_from_charset)):
                for encoding in ("cp1252", "latin-1"):
                    try:
                        return data.decode(encoding)
                    except UnicodeDecodeError:
                        continue
    return str(best)


def _check_text(text: str) -> str:
    """Reject decoded 'text' that is mostly control characters (binary data)."""
    if not text:
        return text
    sample = text[:65536]
    bad = sum(1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    if "\x00" in sample or bad / len(sample) > 0.01:
        raise ReadError("binary data, not text")
    return text


# ---------------------------------------------------------------------------
# HTML

_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"}
_PARAGRAPH_TAGS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote",
    "pre", "table", "ul", "ol", "dl", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "address", "form", "fieldset", "details", "body", "html",
}
_LINE_TAGS = {"br", "li", "tr", "dt", "dd", "figcaption", "caption", "summary", "option", "legend"}
_CELL_TAGS = {"td", "th"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_DATE_META_NAMES = (
    "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
    "dcterms.date", "dcterms.issued", "pubdate", "publication_date", "citation_publication_date",
)
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _decode_html(data: bytes) -> str:
    for bom, _ in _BOMS:
        if data.startswith(bom):
            return decode_text(data)
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii").lower())
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def html_text(data: bytes) -> tuple[str, str | None]:
    """Visible text of an HTML page and its publication date from ``<meta>`` (ISO) if any."""
    import lxml.etree
    import lxml.html

    markup = _decode_html(data)
    if not markup.strip():
        return "", None
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)  # lxml refuses str with an encoding decl
    try:
        root = lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError) as exc:
        if "empty" in str(exc).lower():
            return "", None
        raise ReadError(f"cannot parse HTML ({exc})") from exc

    meta_date = _html_meta_date(root)
    title = root.findtext(".//title")
    parts: list[str] = []
    if title and title.strip():
        parts.append(" ".join(title.split()))
        parts.append("\n\n")

    skipping = 0
    pre = 0
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if event == "start":
            if skipping or tag in _SKIP_TAGS:
                skipping += 1
                continue
            if tag is None:  # comment / processing instruction: only its tail counts
                continue
            _html_break(parts, tag)
            if tag == "pre":
                pre += 1
            if el.text:
                parts.append(el.text if pre else _collapse(el.text))
        else:
            if skipping:
                skipping -= 1
                if skipping:
                    continue
            elif tag is not None:
                if tag == "pre":
                    pre -= 1
                _html_break(parts, tag)
            if el.tail and el is not root:
                parts.append(el.tail if pre else _collapse(el.tail))
    return _tidy("".join(parts)), meta_date


def _html_break(parts: list[str], tag: str) -> None:
    want = 2 if tag in _PARAGRAPH_TAGS else 1 if tag in _LINE_TAGS else 0
    if want:
        # count the line breaks already at the end of the output (ignoring blanks)
        have = 0
        for part in reversed(parts):
            stripped = part.rstrip(" \t")
            have += len(stripped) - len(stripped.rstrip("\n"))
            if stripped.strip("\n"):
                break
        if parts and have < want:
            parts.append("\n" * (want - have))
    elif tag in _CELL_TAGS:
        parts.append("\t")


def _collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def _tidy(text: str) -> str:
    text = text.replace("\xa0", " ")
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)  # no blanks around line breaks
    text = re.sub(r"[ ]{2,}", " ", text)
    text = re.sub(r"\t{2,}", "\t", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + ("\n" if text.strip() else "")


def _html_meta_date(root) -> str | None:
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        if key in _DATE_META_NAMES:
            m = _ISO_DATE.match(meta.get("content") or "")
            if m:
                from datetime import date

                try:
                    return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
                except ValueError:
                    continue
    for t in root.iter("time"):
        if t.get("pubdate") is not None:
            m = _ISO_DATE.match(t.get("datetime") or "")
            if m:
                return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return None


# ---------------------------------------------------------------------------
# PDF and DOCX


def pdf_text(data: bytes) -> str:
    """Text of every page in order, pages separated by a blank line."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ReadError("encrypted PDF (password required)")
            except (PyPdfError, NotImplementedError) as exc:
                raise ReadError(f"encrypted PDF ({exc})") from exc
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on broken files
        raise ReadError(f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    text = "\n\n".join(p for p in pages if p.strip())
    return text + "\n" if text else ""


def _looks_like_docx(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04" and b"word/" in data[:65536]


def docx_text(data: bytes) -> str:
    """Paragraphs (blank line between) and tables (cells tab-separated) in body order."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - zip/xml/package errors
        raise ReadError(f"not a readable .docx file ({type(exc).__name__}: {exc})") from exc
    blocks: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            rows = []
            for row in block.rows:
                cells, last = [], None
                for cell in row.cells:
                    if cell._tc is last:  # a merged cell repeats across the grid
                        continue
                    last = cell._tc
                    cells.append(" ".join(cell.text.split()))
                rows.append("\t".join(cells))
            text = "\n".join(rows)
        else:
            text = block.text
        if text.strip():
            blocks.append(text.strip())
    return "\n\n".join(blocks) + ("\n" if blocks else "")
