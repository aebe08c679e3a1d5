"""Helpers for print tests: print a page to PDF the way the site prepares it, read it back."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from playwright.sync_api import Page


def print_pdf(page: Page, out: Path, mode: str | None = "filled") -> Path:
    """Prepare the page as our print buttons do (``mode``), then let Chromium print it."""
    if mode is not None:
        page.evaluate("mode => window.PB.preparePrint(mode)", mode)
    page.pdf(path=str(out), prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
    return out


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    command = ["pdftotext", "-layout"]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    return subprocess.run([*command, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    """Text without white space: a value wrapped over two lines reads as one."""
    return re.sub(r"\s+", "", text)


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def page_image(pdf: Path, number: int, folder: Path) -> tuple[int, int, bytes]:
    """Page ``number`` as a grey image (pdftoppm, 40 dpi): width, height, one byte a pixel."""
    stem = folder / f"page-{number}"
    pages = ["-f", str(number), "-l", str(number)]
    subprocess.run(["pdftoppm", "-gray", "-r", "40", *pages, "-singlefile", str(pdf), str(stem)], check=True)
    data = (folder / f"page-{number}.pgm").read_bytes()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert match, "pdftoppm wrote no PGM"
    width, height = int(match.group(1)), int(match.group(2))
    return width, height, data[match.end() :]


def ink(image: tuple[int, int, bytes], top: float, bottom: float) -> int:
    """Dark pixels in a band of the page, from ``top`` to ``bottom`` (fractions of the height)."""
    width, height, pixels = image
    band = pixels[int(top * height) * width : int(bottom * height) * width]
    return sum(1 for value in band if value < 128)
