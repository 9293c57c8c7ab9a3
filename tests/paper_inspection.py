"""Looking at paper as a person would: every sheet of a PDF rendered to an image.

The tests render each sheet with PDFium (pypdfium2) and look for what a reader
would notice on paper: a solid dark block (a figure printed black), a sheet
left mostly empty before the document's end, ink where a printer cannot print.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from PIL import Image, ImageFilter

# Pixels per millimetre the sheets are rendered at: 1 mm a pixel is fine enough to see
# a block of 1 cm, the end of the text on a sheet, and the page's edges.
PIXELS_PER_MM = 1.0
DARK = 80  # grey level (0 black, 255 white) below which a pixel is "solid dark"
INK = 200  # below which a pixel carries ink (text, lines, borders)

# The sheet's margins (print.css `@page`): the running footer sits in the bottom one.
MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 14, 22
# Printers leave about 5 mm at each edge unprinted.
UNPRINTABLE_MM = 5


@dataclass(frozen=True)
class Sheet:
    document: str
    number: int  # from 1
    count: int  # sheets in the document
    image: Image.Image  # greyscale, PIXELS_PER_MM

    @property
    def width_mm(self) -> float:
        return self.image.width / PIXELS_PER_MM

    @property
    def height_mm(self) -> float:
        return self.image.height / PIXELS_PER_MM

    @property
    def name(self) -> str:
        return f"{self.document}, sheet {self.number} of {self.count}"


def sheets(pdf: bytes | Path, document: str) -> list[Sheet]:
    """Every sheet of a PDF, rendered."""
    source = pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        count = len(source)
        scale = PIXELS_PER_MM * 25.4 / 72  # PDF points to pixels
        return [
            Sheet(document, index + 1, count, source[index].render(scale=scale, grayscale=True).to_pil().convert("L"))
            for index in range(count)
        ]
    finally:
        source.close()


def solid_dark_block(sheet: Sheet, size_mm: float = 10) -> tuple[int, int, int, int] | None:
    """Where the sheet has a solid dark square of `size_mm` or more (as millimetres), if it has one."""
    side = int(size_mm * PIXELS_PER_MM) // 2 * 2 - 1  # an odd filter size just under the square's side
    dark = sheet.image.point(lambda value: 255 if value < DARK else 0)
    # A pixel survives the minimum filter only if every pixel of the square around it is dark.
    found = dark.filter(ImageFilter.MinFilter(side)).getbbox()
    if found is None:
        return None
    return tuple(round(value / PIXELS_PER_MM) for value in found)


def ink_ends_at(sheet: Sheet) -> float:
    """How far down the sheet its content's ink goes, as a share of the sheet's height (0 for a blank sheet).

    The bottom margin, where the running footer is printed, does not count.
    """
    body = sheet.image.crop((0, 0, sheet.image.width, int((sheet.height_mm - MARGIN_BOTTOM_MM) * PIXELS_PER_MM)))
    found = body.point(lambda value: 255 if value < INK else 0).getbbox()
    return 0.0 if found is None else found[3] / sheet.image.height


def ink_at_the_edges(sheet: Sheet) -> list[str]:
    """The edges of the sheet (the outer UNPRINTABLE_MM) that carry ink, which a printer would cut off."""
    ink = sheet.image.point(lambda value: 255 if value < INK else 0)
    edge = int(UNPRINTABLE_MM * PIXELS_PER_MM)
    width, height = ink.size
    bands = {
        "top": (0, 0, width, edge),
        "bottom": (0, height - edge, width, height),
        "left": (0, 0, edge, height),
        "right": (width - edge, 0, width, height),
    }
    return [side for side, box in bands.items() if ink.crop(box).getbbox() is not None]


def problems(sheet: Sheet, fullness: float = 0.4) -> list[str]:
    """What a reader would notice on this sheet, in words (empty when it looks right)."""
    found = []
    block = solid_dark_block(sheet)
    if block:
        found.append(f"{sheet.name}: a solid dark block of 1 cm or more at {block} mm (left, top, right, bottom)")
    if sheet.number < sheet.count:
        ends = ink_ends_at(sheet)
        if ends < fullness:
            found.append(f"{sheet.name}: the content ends {ends:.0%} of the way down, though the document goes on")
    edges = ink_at_the_edges(sheet)
    if edges:
        found.append(f"{sheet.name}: ink within {UNPRINTABLE_MM} mm of the {' and '.join(edges)} edge, where printers cannot print")
    return found
