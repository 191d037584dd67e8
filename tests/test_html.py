"""--format html: one self-contained, escaped page with highlighted entities and an event table."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import extract.cli as cli
from extract.cli import app
from extract.writers import get_writer
from extract.writers.html import render_documents

REPO = Path(__file__).resolve().parent.parent
REPORT = REPO / "corpora" / "dev" / "itic-isis-attacks-abroad-2016.txt"


class PageParser(HTMLParser):
    """Collects <mark> highlights (entity id, text), event-table rows and every tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[tuple[str, str, str]] = []  # entity id, text, title
        self.tags: list[tuple[str, dict]] = []
        self.event_rows = 0
        self._mark: dict | None = None
        self._in_label = False
        self._table: list[str] = []
        self._in_tbody = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "mark":
            self._mark = {"id": a.get("data-entity"), "text": "", "title": a.get("title", "")}
        elif tag == "span" and self._mark is not None and "lbl" in (a.get("class") or ""):
            self._in_label = True
        elif tag == "table":
            self._table.append(a.get("class") or "")
        elif tag == "tbody":
            self._in_tbody = True
        elif tag == "tr" and self._in_tbody and self._table and self._table[-1] == "events":
            self.event_rows += 1

    def handle_endtag(self, tag):
        if tag == "mark" and self._mark is not None:
            self.marks.append((self._mark["id"], self._mark["text"], self._mark["title"]))
            self._mark = None
        elif tag == "span" and self._in_label:
            self._in_label = False
        elif tag == "table" and self._table:
            self._table.pop()
        elif tag == "tbody":
            self._in_tbody = False

    def handle_data(self, data):
        if self._mark is not None and not self._in_label:
            self._mark["text"] += data


def parse(page: str) -> PageParser:
    p = PageParser()
    p.feed(page)
    p.close()
    return p


@pytest.fixture(scope="module")
def text() -> str:
    return REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def document(extractor, text):
    return extractor.extract_text(text, source=REPORT.name)


@pytest.fixture(scope="module")
def page(document, text) -> str:
    return render_documents([(document, text)])


def assert_self_contained(page: str) -> None:
    low = page.lower()
    assert "<script" not in low
    assert "<link" not in low
    assert "<img" not in low and "<iframe" not in low and "<object" not in low
    assert "url(" not in low and "@import" not in low
    # no tag loads anything; the only http(s) URLs are plain reference links (<a href>)
    for tag, attrs in parse(page).tags:
        assert tag not in ("script", "link", "img", "iframe", "object", "embed", "video", "audio", "source")
        assert "src" not in attrs and not any(n.startswith("on") for n in attrs), (tag, attrs)
        for name, value in attrs.items():
            if value and re.match(r"\s*(https?:)?//", value):
                assert tag == "a" and name == "href", (tag, name, value)


def test_every_mention_is_highlighted_once(document, page) -> None:
    parsed = parse(page)
    expected = Counter((e.id, m.text) for e in document.entities for m in e.mentions)
    assert Counter((i, t) for i, t, _ in parsed.marks) == expected
    assert len(parsed.marks) == sum(len(e.mentions) for e in document.entities)


def test_hover_titles_carry_the_normalised_values(document, page) -> None:
    titles = {i: title for i, _, title in parse(page).marks}
    isis = next(e for e in document.entities if e.canonical == "Islamic State")
    assert "canonical: Islamic State" in titles[isis.id] and "kb_id: Q2429253" in titles[isis.id]
    berlin = next(e for e in document.entities if e.type == "PLACE" and e.text == "Berlin")
    assert "country: DE" in titles[berlin.id] and "feature: city" in titles[berlin.id]
    dated = next(e for e in document.entities if e.type == "DATE" and e.value == "2016-12-19")
    assert "value: 2016-12-19 (day)" in titles[dated.id]


def test_event_table_has_one_row_per_event(document, page) -> None:
    assert len(document.events) > 0
    assert parse(page).event_rows == len(document.events)
    for ev in document.events:
        assert f"<td class=\"num\">{ev.id}</td>" in page
    assert "vehicle_ramming" in page and "12 killed" in page


def test_page_is_self_contained_and_deterministic(document, text, page) -> None:
    assert_self_contained(page)
    assert page.startswith("<!DOCTYPE html>")
    assert render_documents([(document, text)]) == page


def test_report_text_is_escaped(extractor) -> None:
    text = (
        'ISIS claimed the attack in Paris on 3 May 2017. <script>alert("x")</script> '
        '<img src=x onerror=alert(1)> The "bomb" & the <b>knife</b> were found.\n'
    )
    doc = extractor.extract_text(text, source="<evil>.txt")
    page = render_documents([(doc, text)])
    assert "<script" not in page.lower()
    assert "<img" not in page.lower() and "<b>knife" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;evil&gt;.txt" in page
    assert_self_contained(page)
    parsed = parse(page)
    assert Counter((i, t) for i, t, _ in parsed.marks) == Counter(
        (e.id, m.text) for e in doc.entities for m in e.mentions
    )


def test_several_documents_get_an_index(extractor, document, text) -> None:
    other_text = "A car bomb exploded in Kabul on 5 June 2019, killing three soldiers.\n"
    other = extractor.extract_text(other_text, source="kabul.txt")
    page = render_documents([(document, text), (other, other_text)])
    for d in (document, other):
        anchor = f"doc-{d.document.id}"
        assert f'id="{anchor}"' in page and f'href="#{anchor}"' in page
    assert parse(page).event_rows == len(document.events) + len(other.events)


def test_writer_rereads_the_source_and_cli_writes_a_page(tmp_path, extractor, monkeypatch, document) -> None:
    monkeypatch.setattr(cli, "_load_extractor", lambda model, patterns, *a: extractor)
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, [str(REPORT), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert len(parse(page).marks) == sum(len(e.mentions) for e in document.entities)
    assert_self_contained(page)
    # without the source file (stdin): entities and events, no text
    with get_writer("html", tmp_path / "notext.html") as writer:
        writer.write(document.model_copy(update={"document": document.document.model_copy(update={"source": "-"})}))
    notext = (tmp_path / "notext.html").read_text(encoding="utf-8")
    assert "text is not available" in notext and parse(notext).marks == []
    assert parse(notext).event_rows == len(document.events)


@pytest.mark.skipif(
    not any(shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")), reason="chromium not installed"
)
def test_screenshot_script(tmp_path, page) -> None:
    html_file = tmp_path / "page.html"
    html_file.write_text(page, encoding="utf-8")
    png = tmp_path / "page.png"
    r = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "screenshot_html.py"), str(html_file), str(png), "--height", "800"],
        capture_output=True, text=True, timeout=180,
    )
    assert r.returncode == 0, r.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
