"""Readers: encodings, HTML, PDF, DOCX, stdin, directory expansion (no NLP)."""

from __future__ import annotations

import hashlib
import io
import os
import sys

import pytest

from extract.readers import (
    InputError,
    ReadError,
    decode_text,
    expand_inputs,
    html_text,
    read_path,
)

TEXT = "ISIS claimed the attack in Zürich on 4 October 2016 – “the café”."


@pytest.mark.parametrize(
    "data, expected",
    [
        (TEXT.encode("utf-8"), TEXT),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("utf-16"), TEXT),  # with BOM
        (TEXT.encode("utf-16-le"), TEXT),  # without BOM
        (TEXT.encode("utf-16-be"), TEXT),
        (TEXT.encode("utf-32"), TEXT),
        (TEXT.encode("cp1252"), TEXT),
        ("Le café est très bon. Où est la gare? Über München.".encode("latin-1"),
         "Le café est très bon. Où est la gare? Über München."),
        (b"", ""),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "utf32", "cp1252", "latin1", "empty"],
)
def test_decode_text(data: bytes, expected: str) -> None:
    assert decode_text(data) == expected


def test_long_cp1252_text_is_not_misread_as_central_european() -> None:
    text = ("Le café est très bon à Genève, où la fête a eu lieu près du lac. " * 20).strip()
    assert decode_text(text.encode("cp1252")) == text


@pytest.mark.parametrize("size", [100, 5000])
def test_binary_garbage_is_a_read_error(size: int) -> None:
    with pytest.raises(ReadError):
        decode_text(os.urandom(size) + b"\x00")


def test_read_path_text_sha256_and_source(tmp_path) -> None:
    data = TEXT.encode("cp1252")
    p = tmp_path / "r.txt"
    p.write_bytes(data)
    item = read_path(str(p), reference_date="2016-12-19")
    assert item.text == TEXT
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert item.source == str(p)
    assert item.errors == []
    assert item.reference_date == "2016-12-19" and item.reference_date_source == "option"


def test_read_path_failures_are_records_not_exceptions(tmp_path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(os.urandom(3000) + b"\x00\x00")
    item = read_path(str(bad))
    assert item.text == ""
    assert item.errors and item.errors[0]["code"] == "read_failed"
    assert str(bad) in item.errors[0]["message"]
    broken_pdf = tmp_path / "broken.pdf"
    broken_pdf.write_bytes(b"%PDF-1.4 this is not really a pdf")
    assert read_path(str(broken_pdf)).errors[0]["code"] == "read_failed"
    broken_docx = tmp_path / "broken.docx"
    broken_docx.write_bytes(b"PK\x03\x04 not a zip")
    assert read_path(str(broken_docx)).errors[0]["code"] == "read_failed"


def test_empty_file_is_empty_text_without_error(tmp_path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    item = read_path(str(p))
    assert item.text == "" and item.errors == []


def test_html_drops_scripts_and_keeps_blocks(tmp_path) -> None:
    html = (
        "<!DOCTYPE html><html><head><title>Weekly  report</title>"
        '<meta charset="windows-1252"><meta name="date" content="2016-12-19">'
        "<style>p {color: red}</style><script>var attack = 1;</script></head>"
        "<body><h1>ISIS attacks</h1><p>First   paragraph with <b>bold</b> &amp; more.</p>"
        "<!-- a comment --><p>Second<br>line</p><ul><li>Kenya</li><li>Germany</li></ul>"
        "<table><tr><td>Cairo</td><td>25 killed</td></tr></table><noscript>enable js</noscript>"
        "<p>Caf\xe9</p></body></html>"
    ).encode("cp1252")
    text, meta_date = html_text(html)
    assert text == (
        "Weekly report\n\nISIS attacks\n\nFirst paragraph with bold & more.\n\nSecond\nline\n\n"
        "Kenya\nGermany\n\nCairo\t25 killed\n\nCafé\n"
    )
    assert meta_date == "2016-12-19"
    p = tmp_path / "page.htm"
    p.write_bytes(html)
    item = read_path(str(p))
    assert item.text == text and item.reference_date == "2016-12-19"
    assert item.reference_date_source == "metadata"
    # an explicit --reference-date wins over metadata
    assert read_path(str(p), reference_date="2017-01-01").reference_date == "2017-01-01"


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF: one Helvetica text line per string."""
    n = len(pages)
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [{}] /Count {} >>".format(" ".join(f"{4 + 2 * i} 0 R" for i in range(n)), n),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, lines in enumerate(pages):
        ops = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
        objs.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"
        )
        objs.append(f"<< /Length {len(ops)} >>\nstream\n{ops}\nendstream")
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_text_in_page_order(tmp_path) -> None:
    p = tmp_path / "report.pdf"
    p.write_bytes(make_pdf([["ISIS claimed the attack.", "Second line."], ["Page two: Berlin."]]))
    item = read_path(str(p))
    assert item.errors == []
    assert item.text.index("ISIS claimed") < item.text.index("Second line") < item.text.index("Page two")
    assert "\n\n" in item.text  # page break


def test_docx_paragraphs_and_tables(tmp_path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("ISIS claimed the attack in Berlin.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Place", "Killed"
    table.cell(1, 0).text, table.cell(1, 1).text = "Cairo", "25"
    d.add_paragraph("Final paragraph.")
    p = tmp_path / "report.docx"
    d.save(str(p))
    item = read_path(str(p))
    assert item.errors == []
    assert item.text == "ISIS claimed the attack in Berlin.\n\nPlace\tKilled\nCairo\t25\n\nFinal paragraph.\n"


def test_content_sniffing_for_unknown_extensions(tmp_path) -> None:
    p = tmp_path / "download.bin"
    p.write_bytes(make_pdf([["Sniffed as PDF."]]))
    assert "Sniffed as PDF." in read_path(str(p)).text
    h = tmp_path / "page.aspx"
    h.write_bytes(b"<!DOCTYPE html><html><body><p>Hello <i>there</i></p><script>x()</script></body></html>")
    assert read_path(str(h)).text == "Hello there\n"


def test_stdin(monkeypatch) -> None:
    data = TEXT.encode("utf-16")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    item = read_path("-")
    assert item.text == TEXT and item.source == "-"
    assert item.sha256 == hashlib.sha256(data).hexdigest()


def test_expand_inputs_sorted_recursive_filtered(tmp_path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ["b/2.txt", "b/1.md", "a/z.HTML", "a/skip.csv", "top.pdf", ".hidden/x.txt", "a/.x.txt"]:
        (tmp_path / rel).write_bytes(b"x")
    d = str(tmp_path)
    # a directory's own files first, then its subdirectories, each sorted by name
    assert expand_inputs([d]) == [os.path.join(d, "top.pdf"), os.path.join(d, "a", "z.HTML"),
                                  os.path.join(d, "b", "1.md"), os.path.join(d, "b", "2.txt")]
    assert expand_inputs([d], ["*.txt"]) == [os.path.join(d, "b", "2.txt")]
    assert expand_inputs([d], ["b/*"]) == [os.path.join(d, "b", "1.md"), os.path.join(d, "b", "2.txt")]
    # explicit files are kept as given, in order, duplicates dropped; any extension allowed
    f = os.path.join(d, "a", "skip.csv")
    assert expand_inputs([f, d, f], ["*.csv"]) == [f]


@pytest.mark.parametrize("case", ["missing", "empty-dir", "stdin-twice"])
def test_expand_inputs_usage_errors(tmp_path, case: str) -> None:
    args = {
        "missing": [str(tmp_path / "nope.txt")],
        "empty-dir": [str(tmp_path)],
        "stdin-twice": ["-", "-"],
    }[case]
    with pytest.raises(InputError):
        expand_inputs(args)
