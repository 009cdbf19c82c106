"""Reading printed products back, for the print tests: their text as pdftotext and pdfium give it, their QR codes
as zbarimg reads them, their pages' UserUnit, the distances of their words to trims and folds."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from html import unescape
from pathlib import Path

import pypdfium2 as pdfium

from campaign_kit.model.campaign import PrintFormat
from campaign_kit.printing import preflight
from campaign_kit.printing.sheet import Sheet
from campaign_kit.printing.typography import dashes


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def user_unit(pdf: Path) -> float:
    """The first page's /UserUnit (1 when absent): a page over 200 inches is written at 1:N with UserUnit N."""
    data = json.loads(run("qpdf", "--json", str(pdf)))
    page = data["qpdf"][1][f"obj:{data['pages'][0]['object']}"]["value"]
    return float(page.get("/UserUnit", 1))


def qr_urls(pdf: Path, tmp_path: Path, dpi: int = 200) -> list[str]:
    """What zbarimg reads from the QR codes of every page rendered at `dpi` (200: how a phone
    camera sees a leaflet; the press preflight asks for 150)."""
    document = pdfium.PdfDocument(str(pdf))
    found = []
    for number, page in enumerate(document):
        image = tmp_path / f"page-{number}.png"
        page.render(scale=dpi / 72).to_pil().save(image)
        decoded = subprocess.run(
            # QR codes only: Khmer script can look like a 1D barcode (zbar once read "I2/5:060499").
            ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image)],
            capture_output=True,
            text=True,
            check=False,
        )
        found += decoded.stdout.split()
    document.close()
    return found


def word_clearances(path: Path, finished: Sheet) -> preflight.Clearances:
    """The least distance (mm) of a word to a vertical trim edge or fold, and of its line to a horizontal one
    (printing/preflight.py, as its table reports them)."""
    return preflight.clearances(preflight.words(path, preflight.page_boxes(path)), finished)


def squeezed(text: str) -> str:
    """Text without spaces, joiners, soft hyphens or line breaks, to compare what is printed with what was set."""
    return re.sub(r"[\s\u00a0\u2060\u200b\u00ad]", "", text)


def visible(char: str) -> bool:
    return not (char.isspace() or unicodedata.category(char) in ("Cf", "Zs"))


def printed_characters(html: str) -> str:
    """The printed characters of a source text: set with the print's dashes, without spaces."""
    text = dashes(unescape(re.sub(r"<[^>]+>", "", html)))
    return unicodedata.normalize("NFC", "".join(char for char in text if visible(char)))


def inside_folds(fmt: PrintFormat) -> list[float]:
    """Left edges of the inside panels and the right trim, in mm from the trim: the outside mirrored."""
    edges = [0.0]
    for width in reversed(fmt.panels_mm):
        edges.append(edges[-1] + width)
    return edges
