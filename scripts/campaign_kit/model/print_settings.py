"""`campaign/print.yml`: print sizes, bleed and safe margins, banner finishing and print options (a print run's
colophon and quantities are its order's: `model/print_order.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .schema import Key, Strict, Text

Edge = Literal["top", "right", "bottom", "left"]
Millimetres = Annotated[float, Field(ge=0)]


class BannerFinishing(Strict):
    """How a banner (bạt hiflex) is finished: material beyond its face that folds to the back, in mm.
    The file is the face plus these allowances; the shop cuts at its trim and folds at the face's edges."""

    hem_mm: Millimetres = 0  # every edge without a pole pocket: folded back and welded or sewn
    pole_pocket_mm: Millimetres = 0  # folded back and welded into a sleeve for a pole or bamboo stick
    pole_pocket_edges: list[Edge] = []
    grommet_spacing_mm: Annotated[float, Field(gt=0)] | None = None  # grommets at the corners and at most this apart
    grommet_edges: list[Edge] = []  # hemmed edges only: a grommet goes through the double layer of a hem
    # Text keeps this far from the double layer (hem or pocket) of each edge: away from grommets, ropes, poles.
    text_clear_mm: dict[Edge, Millimetres] = {}

    @model_validator(mode="after")
    def _grommets_in_hems(self) -> BannerFinishing:
        if self.pole_pocket_edges and not self.pole_pocket_mm:
            raise ValueError("pole_pocket_edges cần pole_pocket_mm lớn hơn 0")
        in_pockets = set(self.grommet_edges) & set(self.pole_pocket_edges)
        if in_pockets:
            raise ValueError(f"không đóng khoen trên cạnh có ống luồn: {sorted(in_pockets)}")
        if self.grommet_edges and (not self.hem_mm or self.grommet_spacing_mm is None):
            raise ValueError("grommet_edges cần hem_mm và grommet_spacing_mm")
        return self

    def allowance(self, edge: Edge) -> float:
        """Material beyond the face on `edge`: the pocket's or the hem's."""
        return self.pole_pocket_mm if edge in self.pole_pocket_edges else self.hem_mm


class PrintFormat(Strict):
    """A trim size (mm); leaflets folded in panels give the panel widths of the outside face.
    A banner's size is its finished face; its `finishing` adds the allowances around it."""

    key: Key
    name: Text
    width_mm: Annotated[float, Field(gt=0)]
    height_mm: Annotated[float, Field(gt=0)]
    panels_mm: list[Annotated[float, Field(gt=0)]] = []
    # A leaflet prints a QR code beside each article (policy) to its page; false: only the code of the
    # leaflet's subject (a code must be ≥ 20 mm, and a small sheet has no room for one per article).
    article_codes: bool = True
    paper: Text = ""  # suggestion for the print shop (manifest)
    finishing: BannerFinishing = BannerFinishing()  # banners: hems, pole pockets, grommets

    @model_validator(mode="after")
    def _panels_fill_the_width(self) -> PrintFormat:
        if self.panels_mm and abs(sum(self.panels_mm) - self.width_mm) > 0.01:
            raise ValueError(f"các cột gấp ({self.panels_mm}) phải cộng lại bằng chiều rộng {self.width_mm} mm")
        return self


Percent = Annotated[float, Field(ge=0, le=100)]


class PrintSettings(Strict):
    site_folder: Key
    bleed_mm: Annotated[float, Field(ge=0)]
    safe_mm: Annotated[float, Field(ge=0)]
    # Colour that bleeds (a cover's fill) runs this far through its fold: a fold that drifts shows no white sliver.
    fold_clearance_mm: Annotated[float, Field(ge=1.5)] = 2
    # The mark on a leaflet's cover, from the project root: the site's own mark (not an official logo of
    # the campaign, which has none in its sources), printed in white beside the site's name.
    mark: Path = Path("overrides/assets/logo.svg")
    # Compound words a printed line never splits, beside the names campaign/ data already lists
    # (places, agencies, contacts, glossary terms): printing/typography.py binds them at render time.
    keep_together: list[Text] = []
    output_profile: Path  # CMYK ICC profile: the output intent of every PDF/X file
    # Designer's CMYK of palette colours (site.yml). Text is not among them: it prints in black ink only.
    cmyk: dict[
        Literal["primary", "primary_dark", "accent", "surface"],
        Annotated[list[Percent], Field(min_length=4, max_length=4)],
    ] = {}
    leaflets: Annotated[list[PrintFormat], Field(min_length=1)]
    poster: PrintFormat
    banners: list[PrintFormat]
    # A translated product not reviewed by a native speaker prints the language's unreviewed_title;
    # false: such products are refused by a production print kit instead.
    mark_unreviewed_translations: bool = True
    # Figures (keys of figures.yml) whose change within the notice window the office accepts to print
    # across: the leaflets then carry both values with their dates. Any other due change stops a print run.
    print_across_changes: list[Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]] = []
