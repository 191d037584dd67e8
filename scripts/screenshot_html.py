#!/usr/bin/env python3
"""Render an HTML page (e.g. ``extract report.txt --format html -o page.html``) in headless
Chromium and save a PNG screenshot.

    python scripts/screenshot_html.py page.html page.png [--width 1400] [--height 2400]

Needs Debian's ``chromium`` (``apt-get install -y chromium``). Networking, sync, component
updates and first-run tasks are switched off; the page is loaded from a file:// URL with a
throw-away profile directory. Exit code 0 when the PNG was written, 1 otherwise.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def screenshot(page: Path, out: Path, *, width: int = 1400, height: int = 2400, timeout: float = 120.0) -> Path:
    browser = find_chromium()
    if browser is None:
        raise RuntimeError("chromium is not installed (apt-get install -y chromium)")
    page = page.resolve()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    with tempfile.TemporaryDirectory(prefix="extract-chromium-") as profile:
        cmd = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--screenshot={out}",
            f"--window-size={width},{height}",
            page.as_uri(),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if not out.is_file():
        raise RuntimeError(f"chromium wrote no screenshot (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", type=Path, help="HTML file to render")
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=2400)
    args = parser.parse_args(argv)
    if not args.page.is_file():
        sys.stderr.write(f"screenshot_html: {args.page}: no such file\n")
        return 1
    try:
        path = screenshot(args.page, args.out, width=args.width, height=args.height)
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
        sys.stderr.write(f"screenshot_html: {exc}\n")
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
