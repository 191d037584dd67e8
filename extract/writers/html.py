"""``--format html``: ONE self-contained HTML page per run, for reading results in a browser.

Per document: the text with every entity mention highlighted in its type's colour
(displaCy's ``ent`` look; hovering shows the normalised values: canonical name, kb_id,
DATE value, PLACE country/feature/GeoNames id/coordinates), attack-event triggers
underlined, a table of the events with their roles, and the entity list. Several
documents get an index with links. The page has inline CSS only: no scripts, no fonts or
images, no external links except the GeoNames/Wikidata references in the entity table (which
are plain links, never loaded assets). Every piece of report text is HTML-escaped.

Writers never run NLP, but the page needs the text the offsets point into: pass it as
``write(document, text=...)``; without it the writer re-reads ``document.source`` through
:mod:`extract.readers` and uses it when its SHA-256 matches the document's (not possible for
stdin: the page then lists the entities without the text). Output is written when the
writer closes (to a file, atomically, or to stdout); it contains no timestamps, so the same
inputs give the same page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any, Iterable

from extract.schema import Document
from extract.writers import Writer, write_whole

# displaCy's colours for the corresponding spaCy labels
COLORS: dict[str, str] = {
    "ORGANISATION": "#7aecec",
    "PUBLICATION": "#e4a6f5",
    "DATE": "#bfe1d9",
    "PLACE": "#feca74",
    "PERSON": "#aa9cfc",
}
DEFAULT_COLOR = "#dddddd"

CSS = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0; color: #222; background: #fafafa; }
header.page { background: #263238; color: #fff; padding: 1em 2em; }
header.page h1 { margin: 0; font-size: 1.4em; }
header.page p { margin: .3em 0 0; color: #cfd8dc; font-size: .9em; }
main { padding: 1em 2em 3em; max-width: 1300px; }
nav.index ol { columns: 2; }
section.document { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 1em 1.5em; margin: 1.5em 0; }
section.document h2 { margin-top: 0; word-break: break-all; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; font-size: .9em; }
dl.meta dt { font-weight: bold; color: #555; }
dl.meta dd { margin: 0; word-break: break-all; }
.legend span.key { display: inline-block; padding: .15em .5em; margin: 0 .4em .3em 0; border-radius: .35em; font-size: .85em; }
.text { line-height: 2.2; font-size: 15px; border-top: 1px solid #eee; padding-top: .5em; }
.text p { white-space: pre-wrap; margin: 0 0 .9em; }
.text p:empty { display: none; }
mark.ent { padding: .25em .4em; margin: 0 .1em; line-height: 1; border-radius: .35em; cursor: help; color: inherit; }
mark.ent span.lbl { font-size: .62em; font-weight: bold; line-height: 1; vertical-align: middle; margin-left: .35em; text-transform: uppercase; }
span.trigger { text-decoration: underline wavy #c62828; text-decoration-thickness: 2px; text-underline-offset: 4px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: .88em; margin: .5em 0 1em; }
th, td { border: 1px solid #ddd; padding: .3em .5em; vertical-align: top; text-align: left; }
th { background: #eceff1; }
tr:nth-child(even) td { background: #fafafa; }
td.num { text-align: right; white-space: nowrap; }
.status-carried_out { color: #b71c1c; font-weight: bold; }
.status-attempted { color: #e65100; font-weight: bold; }
.status-prevented, .status-planned, .status-threatened { color: #1565c0; font-weight: bold; }
.muted { color: #888; }
.errors { background: #fff3e0; border: 1px solid #ffb74d; padding: .5em 1em; border-radius: 4px; }
details summary { cursor: pointer; font-weight: bold; margin: .5em 0; }
"""


def esc(value: Any) -> str:
    """HTML-escape any value (quotes too, so it is safe in attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


def _doc_anchor(document: Document) -> str:
    return f"doc-{esc(document.document.id)}"


def entity_title(entity: Any) -> str:
    """The hover text of an entity: its type, id and normalised values."""
    parts = [f"{entity.type} {entity.id}"]
    if entity.canonical and entity.canonical != entity.text:
        parts.append(f"canonical: {entity.canonical}")
    elif entity.canonical:
        parts.append(f"canonical: {entity.canonical}")
    if entity.kb_id:
        parts.append(f"kb_id: {entity.kb_id}")
    t = entity.type
    if t == "DATE":
        parts.append(f"value: {entity.value or '?'}" + (f" ({entity.granularity})" if entity.granularity else ""))
    elif t == "PLACE":
        parts.append(f"country: {entity.country_code or '?'}")
        if entity.feature:
            parts.append(f"feature: {entity.feature}")
        if entity.geonames_id:
            parts.append(f"geonames: {entity.geonames_id}")
        if entity.latitude is not None and entity.longitude is not None:
            parts.append(f"lat/lon: {entity.latitude}, {entity.longitude}")
    elif t == "ORGANISATION":
        if entity.kind:
            parts.append(f"kind: {entity.kind}")
    elif t == "PUBLICATION":
        for name in ("kind", "issue", "date"):
            if getattr(entity, name, None):
                parts.append(f"{name}: {getattr(entity, name)}")
    elif t == "PERSON" and entity.title:
        parts.append(f"title: {entity.title}")
    parts.append(f"confidence: {entity.confidence:.2f}, source: {entity.source}")
    return " | ".join(parts)


def highlight(text: str, document: Document, anchor: str) -> str:
    """The text as HTML: entity mentions in <mark>, event triggers in <span class=trigger>."""
    marks: list[tuple[int, int, str, str]] = []  # start, end, open tag, close tag
    for entity in document.entities:
        title = esc(entity_title(entity))
        color = COLORS.get(entity.type, DEFAULT_COLOR)
        for m in entity.mentions:
            marks.append(
                (
                    m.start,
                    m.end,
                    f'<mark class="ent ent-{esc(entity.type)}" data-entity="{esc(entity.id)}" '
                    f'style="background: {color}" title="{title}">',
                    f'<span class="lbl">{esc(entity.type)}</span></mark>',
                )
            )
    triggers: dict[tuple[int, int], list[str]] = {}
    for ev in document.events:
        triggers.setdefault((ev.trigger.start, ev.trigger.end), []).append(ev.id)
    for (start, end), ids in triggers.items():
        marks.append(
            (
                start,
                end,
                f'<span class="trigger" id="{anchor}-trigger-{start}" title="{esc("trigger of " + ", ".join(ids))}">',
                "</span>",
            )
        )
    # non-overlapping, in text order; entity mentions win over triggers
    marks.sort(key=lambda m: (m[0], 0 if m[2].startswith("<mark") else 1, -m[1]))
    out: list[str] = []
    pos = 0
    for start, end, open_tag, close_tag in marks:
        if start < pos or end > len(text) or start >= end:
            continue
        out.append(_plain(text[pos:start]))
        out.append(open_tag + esc(text[start:end]) + close_tag)
        pos = end
    out.append(_plain(text[pos:]))
    return "<p>" + "".join(out) + "</p>"


_PARAGRAPH_BREAK = re.compile(r"[^\S\n]*\n(?:[^\S\n]*\n)+[^\S\n]*")  # blank lines, incl. NBSP-only ones


def _plain(fragment: str) -> str:
    """Escaped text between marks; blank-line runs become paragraph breaks (not tall gaps)."""
    return "</p><p>".join(esc(part) for part in _PARAGRAPH_BREAK.split(fragment))


def _names(ids: Iterable[str], by_id: dict[str, Any], claimed: Iterable[str] = ()) -> str:
    claimed = set(claimed)
    items = []
    for i in ids:
        e = by_id.get(i)
        if e is None:
            items.append(esc(i))
            continue
        label = esc(e.canonical or e.text)
        extra = ""
        if e.type == "PLACE" and e.country_code:
            extra = f" <span class=\"muted\">({esc(e.country_code)})</span>"
        if i in claimed:
            extra += ' <span class="muted">(claimed)</span>'
        items.append(f'<span title="{esc(entity_title(e))}">{label}</span>{extra}')
    return "<br>".join(items) or '<span class="muted">–</span>'


def _spans(spans: Iterable[Any]) -> str:
    texts = list(dict.fromkeys(s.text for s in spans))
    return "<br>".join(esc(t) for t in texts) or '<span class="muted">–</span>'


def events_table(document: Document, anchor: str, *, linked: bool = True) -> str:
    by_id = {e.id: e for e in document.entities}
    rows = []
    for ev in document.events:
        date = by_id.get(ev.date) if ev.date else None
        date_html = (
            f'<span title="{esc(entity_title(date))}">{esc(date.text)}</span>'
            + (f'<br><span class="muted">{esc(date.value)}</span>' if date.value else "")
            if date is not None
            else '<span class="muted">–</span>'
        )
        cas = []
        if ev.casualties.killed is not None:
            cas.append(f"{ev.casualties.killed} killed")
        if ev.casualties.injured is not None:
            cas.append(f"{ev.casualties.injured} injured")
        perps = list(dict.fromkeys([*ev.perpetrators, *ev.claimed_by]))
        trigger = esc(ev.trigger.text)
        if linked:
            trigger = f'<a href="#{anchor}-trigger-{ev.trigger.start}">{trigger}</a>'
        rows.append(
            "<tr>"
            f"<td class=\"num\">{esc(ev.id)}</td>"
            f"<td>{esc(ev.attack_type.value)}</td>"
            f'<td class="status-{esc(ev.status.value)}">{esc(ev.status.value)}</td>'
            f"<td>{_names(ev.locations, by_id)}</td>"
            f"<td>{date_html}</td>"
            f"<td>{_names(perps, by_id, ev.claimed_by)}</td>"
            f"<td>{_spans(ev.attackers)}</td>"
            f"<td>{_spans(ev.targets)}</td>"
            f"<td>{_spans(ev.victims)}</td>"
            f"<td>{_spans(ev.weapons)}</td>"
            f'<td class="num">{esc(", ".join(cas)) or "<span class=muted>–</span>"}</td>'
            f"<td>{trigger}</td>"
            f'<td class="num">{ev.confidence:.2f}</td>'
            "</tr>"
        )
    if not rows:
        return '<p class="muted">No attack events.</p>'
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "id", "type", "status", "locations", "date", "perpetrators", "attackers", "targets",
            "victims", "weapons", "casualties", "trigger", "conf.",
        )
    )
    return f'<table class="events"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def entities_table(document: Document) -> str:
    rows = []
    for e in document.entities:
        values = esc(entity_title(e).split(" | ", 1)[1] if " | " in entity_title(e) else "")
        link = ""
        if getattr(e, "geonames_id", None):
            link = f'<a href="https://www.geonames.org/{int(e.geonames_id)}">GeoNames</a>'
        elif e.kb_id and e.kb_id.startswith("Q") and e.kb_id[1:].isdigit():
            link = f'<a href="https://www.wikidata.org/wiki/{esc(e.kb_id)}">Wikidata</a>'
        rows.append(
            "<tr>"
            f"<td>{esc(e.id)}</td>"
            f'<td><span class="key" style="background: {COLORS.get(e.type, DEFAULT_COLOR)}; padding: 0 .4em; border-radius: .3em">{esc(e.type)}</span></td>'
            f"<td>{esc(e.text)}</td>"
            f'<td class="num">{len(e.mentions)}</td>'
            f"<td>{values}</td>"
            f"<td>{link}</td>"
            "</tr>"
        )
    if not rows:
        return '<p class="muted">No entities.</p>'
    head = "".join(f"<th>{h}</th>" for h in ("id", "type", "text", "mentions", "normalised", "link"))
    return f'<table class="entities"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def legend(document: Document) -> str:
    counts: dict[str, int] = {}
    for e in document.entities:
        counts[e.type] = counts.get(e.type, 0) + len(e.mentions)
    keys = [
        f'<span class="key" style="background: {color}">{esc(t)} · {counts.get(t, 0)}</span>'
        for t, color in COLORS.items()
    ]
    keys.append(f'<span class="key trigger">event trigger · {len(document.events)} events</span>')
    return f'<div class="legend">{"".join(keys)}</div>'


def document_section(document: Document, text: str | None, number: int) -> str:
    info = document.document
    anchor = _doc_anchor(document)
    meta = [
        ("document id", info.id),
        ("sha256", info.sha256),
        ("characters", info.chars),
        ("reference date", info.reference_date or "none"),
        ("extractor", f"{document.extractor.name} {document.extractor.version} ({document.extractor.model})"),
    ]
    parts = [
        f'<section class="document" id="{anchor}">',
        f"<h2>{number}. {esc(info.source)}</h2>",
        '<dl class="meta">' + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in meta) + "</dl>",
    ]
    if document.errors:
        parts.append(
            '<div class="errors"><strong>Errors</strong><ul>'
            + "".join(f"<li><code>{esc(e.code)}</code> {esc(e.message)}</li>" for e in document.errors)
            + "</ul></div>"
        )
    parts.append(f"<h3>Attack events ({len(document.events)})</h3>")
    parts.append(events_table(document, anchor, linked=text is not None))
    parts.append("<h3>Text</h3>")
    parts.append(legend(document))
    if text is None:
        why = "the input could not be read" if any(e.code == "read_failed" for e in document.errors) else (
            "read from standard input, or the file changed after extraction"
        )
        parts.append(f'<p class="muted">The text is not available ({why}).</p>')
    else:
        parts.append(f'<div class="text">{highlight(text, document, anchor)}</div>')
    parts.append(f"<details><summary>Entities ({len(document.entities)})</summary>{entities_table(document)}</details>")
    parts.append("</section>")
    return "\n".join(parts)


def render_page(sections: list[tuple[Document, str]], *, title: str = "extract results") -> str:
    """The whole page from (document, rendered section) pairs."""
    n_events = sum(len(d.events) for d, _ in sections)
    n_entities = sum(len(d.entities) for d, _ in sections)
    head = (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header class="page"><h1>{esc(title)}</h1>'
        f"<p>{len(sections)} document{'s' if len(sections) != 1 else ''}, {n_entities} entities, "
        f"{n_events} attack events. Hover a highlighted mention for its normalised values.</p></header>\n<main>\n"
    )
    index = ""
    if len(sections) > 1:
        items = "".join(
            f'<li><a href="#{_doc_anchor(d)}">{esc(d.document.source)}</a> '
            f'<span class="muted">({len(d.entities)} entities, {len(d.events)} events'
            f"{', ' + str(len(d.errors)) + (' error' if len(d.errors) == 1 else ' errors') if d.errors else ''})</span></li>"
            for d, _ in sections
        )
        index = f'<nav class="index"><h2>Documents</h2><ol>{items}</ol></nav>\n'
    body = "\n".join(s for _, s in sections)
    return head + index + body + "\n</main>\n</body>\n</html>\n"


class HtmlWriter(Writer):
    format = "html"

    def __init__(self, output: Path | None, *, resume: bool = False) -> None:
        super().__init__(output, resume=resume)
        self._sections: list[tuple[Document, str]] = []
        self._seen: set[str] = set()

    def write(self, document: Document, text: str | None = None) -> None:
        if document.document.id in self._seen:  # the same content twice: one section
            return
        self._seen.add(document.document.id)
        if text is not None and len(text) != document.document.chars:
            text = None
        self._sections.append((document, document_section(document, text, len(self._sections) + 1)))

    def close(self) -> None:
        if self.closed:
            return
        super().close()
        data = render_page(self._sections).encode("utf-8")
        write_whole(self.output, data)


def render_documents(items: Iterable[tuple[Document, str | None]], *, title: str = "extract results") -> str:
    """A page for (document, text) pairs, without a writer."""
    sections = []
    for n, (doc, text) in enumerate(items, 1):
        sections.append((doc, document_section(doc, text, n)))
    return render_page(sections, title=title)


__all__ = ["HtmlWriter", "render_documents", "entity_title", "highlight"]
