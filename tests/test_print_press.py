"""What a print shop's prepress checks beyond the preflight: the colour profile a shop gives, banner
finishing, printer's marks, file names, and files that are the same bytes on every run. Read back with
qpdf --qdf, pdfinfo -box and pdftotext -bbox."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from conftest import copy_fixture, kit_project
from pdf_reading import user_unit
from PIL import Image

from campaign_kit.catalogue import EVERY_UNIT, FILE_PREFIX, GENERAL, Product, content_date
from campaign_kit.printing.__main__ import build_print
from campaign_kit.printing.colours import press_cmyk
from campaign_kit.printing.orders import press_profiles, profile_path
from campaign_kit.printing.render import RenderOptions, render_pdf
from campaign_kit.printing.sheet import sheet
from campaign_kit.project import load
from campaign_kit.slugs import slug

PLAN = kit_project().plan
CAMPAIGN = PLAN.content.campaign
SETTINGS = CAMPAIGN.print_settings
VERSION = content_date(PLAN.content).isoformat()
GHOSTSCRIPT = Path("/usr/share/color/icc/ghostscript")
OTHER_PROFILE = GHOSTSCRIPT / "ps_cmyk.icc"  # a second CMYK profile of Debian's libgs-common
MM = 72 / 25.4
BANNER = next(p for p in PLAN.products if p.product_type == "banner")


def expanded(pdf: Path) -> bytes:
    """The PDF uncompressed, to read content streams, the output intent and the metadata."""
    out = pdf.with_suffix(".qdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(out)], check=True)
    return out.read_bytes()


def fill_colours(body: bytes) -> set[tuple[float, ...]]:
    """Every four-component (CMYK) fill colour set in the content streams."""
    return {
        tuple(float(v) for v in m.split())
        for m in re.findall(rb"^([\d.]+ [\d.]+ [\d.]+ [\d.]+) (?:scn|sc|k)$", body, re.M)
    }


@pytest.mark.skipif(not OTHER_PROFILE.exists(), reason="needs Debian libgs-common (Ghostscript's CMYK profiles)")
def test_a_profile_given_on_the_command_line_drives_conversion_and_output_intent(tmp_path: Path) -> None:
    """--profile: palette colours without a designer's CMYK are converted through that profile (not the
    default one), and that profile is the output intent. The banner's ground is the primary colour,
    here left without its designer's CMYK."""
    project_copy = copy_fixture(tmp_path / "project")
    settings = project_copy / "campaign" / "print.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r"\n  primary: \[[^\]]*\][^\n]*", "", text, count=1), encoding="utf-8")
    project = load(project_copy)
    campaign = project.content.campaign
    assert "primary" not in campaign.print_settings.cmyk
    default = project.root / campaign.print_settings.output_profile
    shipped = [profile_path(project.root, p) for p in press_profiles(project.root) if not p.file.is_absolute()]
    assert shipped  # the kit's own (profiles/): FOGRA39 and Japan Color, on any machine
    others = [OTHER_PROFILE, *shipped]
    colours = {}
    for profile in (default, *others):
        out = project_copy / "dist" / profile.stem
        entries, errors = build_print(project, out, jobs=1, only=BANNER.stem, units=set(), cmyk_profile=profile)
        assert not errors and len(entries) == 1
        body = expanded(out / entries[0].file)
        with pikepdf.open(out / entries[0].file) as pdf:  # the output intent is this profile, byte for byte
            assert pdf.Root.OutputIntents[0].DestOutputProfile.read_bytes() == profile.read_bytes(), profile.name
        colours[profile] = fill_colours(body)
        assert press_cmyk(campaign, "primary", profile) in colours[profile], (profile.name, colours[profile])
    for other in others:
        assert press_cmyk(campaign, "primary", default) != press_cmyk(campaign, "primary", other), other.name
        assert press_cmyk(campaign, "primary", default) not in colours[other], other.name


def boxes(pdf: Path) -> dict[str, list[float]]:
    """pdfinfo -box, in millimetres (times the page's UserUnit)."""
    info = subprocess.run(["pdfinfo", "-box", str(pdf)], capture_output=True, text=True, check=True).stdout
    unit = user_unit(pdf)
    return {
        name: [float(v) * unit / MM for v in re.search(rf"{name}:\s+(.+)", info)[1].split()]
        for name in ("MediaBox", "BleedBox", "TrimBox")
    }


def words(pdf: Path) -> list[tuple[float, float, float, float, str]]:
    """Words with their boxes in millimetres from the trim's top-left corner (pdftotext measures from the
    media box's)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    media, trim = boxes(pdf)["MediaBox"], boxes(pdf)["TrimBox"]
    left, top = trim[0] - media[0], media[3] - trim[3]
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    mm = MM / user_unit(pdf)
    return [
        (float(a) / mm - left, float(b) / mm - top, float(c) / mm - left, float(d) / mm - top, word)
        for a, b, c, d, word in re.findall(pattern, html)
    ]


@pytest.fixture(scope="module")
def banners(press_kit: Path) -> dict[str, Path]:
    """Every banner size, one slogan, as the press gets it (no draft mark)."""
    slogan = CAMPAIGN.slogans[0].key
    return {
        fmt.key: press_kit / Product("banner", slogan, fmt, "vi", version=VERSION).filename for fmt in SETTINGS.banners
    }


def test_banner_files_grow_by_their_hems_and_pole_pockets(banners: dict[str, Path]) -> None:
    """The trim is the face plus the allowances of campaign/print.yml; the bleed is 3 mm beyond it."""
    assert banners.keys() == {fmt.key for fmt in SETTINGS.banners}
    for fmt in SETTINGS.banners:
        finishing = fmt.finishing
        assert finishing.hem_mm and finishing.pole_pocket_mm  # the defaults make both
        extra = {
            edge: finishing.pole_pocket_mm if edge in finishing.pole_pocket_edges else finishing.hem_mm
            for edge in ("top", "right", "bottom", "left")
        }
        found = boxes(banners[fmt.key])
        trim, bleed = found["TrimBox"], found["BleedBox"]
        assert trim[2] - trim[0] == pytest.approx(fmt.width_mm + extra["left"] + extra["right"], abs=0.2)
        assert trim[3] - trim[1] == pytest.approx(fmt.height_mm + extra["top"] + extra["bottom"], abs=0.2)
        for inner, outer, sign in zip(trim, bleed, (1, 1, -1, -1), strict=True):
            assert (inner - outer) * sign == pytest.approx(SETTINGS.bleed_mm, abs=0.05), fmt.key


def test_banner_text_keeps_clear_of_hems_pockets_and_grommets(banners: dict[str, Path]) -> None:
    """Every word stays inside the face, beyond the double layer of each hem or pocket plus the edge's
    text_clear_mm: away from the sticks at the ends and from the grommets."""
    for fmt in SETTINGS.banners:
        finishing = fmt.finishing
        face = sheet(fmt, SETTINGS.safe_mm).face
        found = [w for w in words(banners[fmt.key]) if w[4] in CAMPAIGN.slogans[0].text.split()]
        assert found, fmt.key

        def clear(edge: str, finishing: object = finishing) -> float:
            return finishing.allowance(edge) + finishing.text_clear_mm.get(edge, 0)  # type: ignore[attr-defined]

        assert min(w[0] for w in found) >= face.left + clear("left") - 0.5, fmt.key
        assert max(w[2] for w in found) <= face.right - clear("right") + 0.5, fmt.key
        assert min(w[1] for w in found) >= face.top + clear("top") - 0.5, fmt.key
        assert max(w[3] for w in found) <= face.bottom - clear("bottom") + 0.5, fmt.key
        grommets = sheet(fmt, SETTINGS.safe_mm).grommets
        assert len(grommets) >= 2 * len(finishing.grommet_edges)
        for x, y in grommets:
            assert all(x < w[0] - 40 or x > w[2] + 40 or y < w[1] - 40 or y > w[3] + 40 for w in found), (x, y)
    street = next(fmt for fmt in SETTINGS.banners if fmt.width_mm > fmt.height_mm)
    found = [w for w in words(banners[street.key]) if w[4] in CAMPAIGN.slogans[0].text.split()]
    face = sheet(street, SETTINGS.safe_mm).face
    assert min(w[0] for w in found) - face.left >= 150 and face.right - max(w[2] for w in found) >= 150


def test_banner_manifest_says_how_to_finish_it(tmp_path: Path) -> None:
    fmt = SETTINGS.banners[0]
    entries, errors = build_print(kit_project(), tmp_path, jobs=1, only=f"{CAMPAIGN.slogans[0].key}_{fmt.key}")
    assert not errors and len(entries) == 1
    row = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))[0]
    trim = boxes(tmp_path / row["file"])["TrimBox"]
    assert (row["width_mm"], row["height_mm"]) == (fmt.width_mm, fmt.height_mm)
    assert row["version"] == content_date(PLAN.content).isoformat() and row["version"] in row["file"]
    assert row["trim_width_mm"] == pytest.approx(trim[2] - trim[0], abs=0.2)
    assert row["trim_height_mm"] == pytest.approx(trim[3] - trim[1], abs=0.2)
    assert f"may ống {fmt.finishing.pole_pocket_mm:g} mm" in row["finishing"]
    assert f"gấp mép {fmt.finishing.hem_mm:g} mm" in row["finishing"]
    assert f"cách nhau tối đa {fmt.finishing.grommet_spacing_mm:g} mm" in row["finishing"]
    assert row["finishing"] in (tmp_path / "index.html").read_text(encoding="utf-8")


SEGMENT = re.compile(rb"^(-?[\d.]+) (-?[\d.]+) m (-?[\d.]+) (-?[\d.]+) l S$", re.M)


def mark_segments(body: bytes) -> list[tuple[list[tuple[float, ...]], list[tuple[float, ...]]]]:
    """Per page: (solid segments, dashed segments) in mm from the trim's lower left, of the registration-colour
    block of each content stream."""
    pages = []
    for content in body.split(b"%% Contents for page")[1:]:
        stroke = b"/Registration CS 1 SCN"
        assert content.count(stroke) == 1  # one block of marks per page, stroked in registration colour
        block = content[content.index(stroke) :]
        block = block[: block.index(b"\nQ")]
        assert not re.search(rb" (K|CS|SCN|G|RG)\b", block[len(stroke) :])  # and no other colour
        origin = [
            float(v) for v in re.findall(rb"1 0 0 1 (-?[\d.]+) (-?[\d.]+) cm [^\n]*/Registration CS", content)[-1]
        ]
        solid, dashed = block.split(b"[1.5 1] 0 d")

        def segments(part: bytes, origin: list[float] = origin) -> list[tuple[float, ...]]:
            return [
                tuple((float(v) + origin[i % 2]) / MM for i, v in enumerate(match)) for match in SEGMENT.findall(part)
            ]

        pages.append((segments(solid), segments(dashed)))
    return pages


def test_marks_lie_outside_the_bleed_in_registration_colour(press_kit: Path, tmp_path: Path) -> None:
    """MARKS=1: crop marks at the trim's corners and fold marks at the panel edges (mirrored inside) and
    at a banner's hems, all beyond the bleed, in every ink at 100 %; the media box grows to hold them, the
    trim and bleed boxes stay where they are without marks."""
    folded = next(f for f in SETTINGS.leaflets if f.panels_mm)
    leaflet = next(p for p in PLAN.products if p.format == folded and p.unit is None and p.language == "vi")
    banner = next(p for p in PLAN.products if p.product_type == "banner" and p.format.width_mm > p.format.height_mm)
    bleed = SETTINGS.bleed_mm
    for product in (leaflet, banner):
        pdf = tmp_path / product.filename
        pdf.write_bytes(
            render_pdf(
                PLAN, product, RenderOptions(fonts_dir=kit_project().root / "fonts", production=True, marks=True)
            )
        )
        found = {True: boxes(pdf), False: boxes(press_kit / product.filename)}  # the kit has no marks
        assert found[True]["TrimBox"] == found[False]["TrimBox"] and found[True]["BleedBox"] == found[False]["BleedBox"]
        trim, media = found[True]["TrimBox"], found[True]["MediaBox"]
        width, height = trim[2] - trim[0], trim[3] - trim[1]
        body = expanded(pdf)
        assert re.search(rb"/Registration \[\s*/Separation\s*/All\s*/DeviceCMYK", body)  # on every plate
        pages = mark_segments(body)
        assert len(pages) == product.pages
        for page, (solid, dashed) in enumerate(pages):
            assert len(solid) == 8  # two at each corner
            for x1, y1, x2, y2 in solid + dashed:
                # Beyond the bleed (and at least 3 mm from the trim) on one axis, inside the media box.
                beyond = min(x1, x2) >= width + bleed or max(x1, x2) <= -bleed
                beyond |= min(y1, y2) >= height + bleed or max(y1, y2) <= -bleed
                assert beyond, (product.filename, x1, y1, x2, y2)
                assert min(abs(x1), abs(x1 - width), abs(y1), abs(y1 - height)) < 0.01 or dashed
                assert media[0] - trim[0] <= min(x1, x2) and max(x1, x2) <= media[2] - trim[0]
                assert media[1] - trim[1] <= min(y1, y2) and max(y1, y2) <= media[3] - trim[1]
            if product is leaflet:
                widths = folded.panels_mm if page == 0 else list(reversed(folded.panels_mm))
                edges = [sum(widths[: i + 1]) for i in range(len(widths) - 1)]
                assert sorted({round(x1, 1) for x1, _, x2, _ in dashed}) == edges
                assert all(x1 == x2 for x1, _, x2, _ in dashed)  # vertical, above and below the sheet
            else:
                finishing = banner.format.finishing
                ends = [round(finishing.allowance("left"), 1), round(width - finishing.allowance("right"), 1)]
                sides = [round(finishing.allowance("bottom"), 1), round(height - finishing.allowance("top"), 1)]
                assert sorted({round(x1, 1) for x1, _, x2, _ in dashed if x1 == x2}) == ends
                assert sorted({round(y1, 1) for _, y1, _, y2 in dashed if y1 == y2}) == sides


NAME = re.compile(
    r"^(?P<kind>[a-z-]+)_(?P<subject>[a-z0-9-]+)_(?P<size>[a-z0-9-]+)_(?P<unit>[a-z0-9-]+)_(?P<language>[a-z]+)_(?P<version>\d{4}-\d\d-\d\d)\.pdf$"
)


def test_file_names_say_product_size_unit_language_and_version() -> None:
    """One pattern, Vietnamese slugs throughout (the slogans' too), the content's date as the version."""
    names = [product.filename for product in PLAN.products]
    assert len(set(names)) == len(names)
    version = content_date(PLAN.content).isoformat()
    units = {unit.key for unit in CAMPAIGN.admin_map.units} | {EVERY_UNIT}
    for product, name in zip(PLAN.products, names, strict=True):
        fields = NAME.match(name)
        assert fields, name
        assert fields["kind"] == FILE_PREFIX[product.product_type] and fields["size"] == product.format.key, name
        assert fields["unit"] in units and fields["language"] == product.language, name
        assert fields["version"] == version, name
        if product.product_type != "leaflet":  # a slogan's key is spelled from its Vietnamese words
            assert set(fields["subject"].split("-")) <= set(slug(CAMPAIGN.slogan(product.subject).text).split("-"))


def test_two_runs_give_the_same_bytes(tmp_path: Path) -> None:
    """Two separate runs (other processes, other hash seeds) of a sample of products: the same PDFs,
    previews, manifest and overview, byte for byte."""
    sample = next(p for p in PLAN.products if p.subject == GENERAL and not p.format.panels_mm and p.unit)
    runs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run(
            [sys.executable, "-m", "campaign_kit.printing", "--project", str(kit_project().root), "--out", str(out),
             "--only", f"_{sample.subject}_{sample.format.key}_", "--unit", sample.unit, "--jobs", "2"],
            check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        runs.append({path.relative_to(out): path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()})
    assert len([name for name in runs[0] if name.suffix == ".pdf"]) >= 4  # every language, and the unit's variants
    assert runs[0].keys() == runs[1].keys()
    assert [name for name in runs[0] if runs[0][name] != runs[1][name]] == []


def test_previews_have_1200_px_on_the_longer_side_of_every_page(press_kit: Path) -> None:
    """A two-sided tri-fold: both pages side by side, each 1200 px wide; a banner's face: 1200 px long."""
    rows = {row["file"]: row for row in json.loads((press_kit / "manifest.json").read_text(encoding="utf-8"))}
    folded = next(p for p in PLAN.products if p.format.panels_mm and p.subject == GENERAL and p.unit is None)
    for product in (folded, BANNER):
        with Image.open(press_kit / rows[product.filename]["preview"]) as preview:
            page_width, page_height = preview.width / product.pages, preview.height
        assert max(page_width, page_height) >= 1200, (product.filename, preview.size)
        # The page's proportions: the preview is the finished face (a leaflet's trim, a banner without its
        # hems and pole pockets), not squeezed.
        face = sheet(product.format, SETTINGS.safe_mm).face
        assert page_width / page_height == pytest.approx(face.width / face.height, rel=0.01)
