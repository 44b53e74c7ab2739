#!/usr/bin/env python3
"""Adds the symbols Noto Sans lacks (the minus sign, arrows, a few math signs and check
marks) to both Noto Sans weights, so no character of a report prints as an empty box.

The minus is drawn from the font's own plus, so it has the same width, height and stroke
in each weight; the rest is copied from Noto Sans Math and Noto Sans Symbols 2 (all are
SIL OFL 1.1, with no reserved font name). Run it again to rebuild the fonts:

    python3 add_symbols.py NOTO_DIR OUT_DIR

NOTO_DIR holds NotoSans-{Regular,Bold}.ttf, NotoSansMath-Regular.ttf and
NotoSansSymbols2-Regular.ttf (Debian: fonts-noto-core). Needs fontTools.
"""

import copy
import sys
from pathlib import Path

from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import ttProgram

DONORS = {
    "NotoSansMath-Regular.ttf": "←↑→↓↔⇐⇒⇔≤≥≠≈∞",
    "NotoSansSymbols2-Regular.ttf": "✓✗",
}
MINUS = 0x2212


def minus_from_plus(font):
    """A bar as wide as the plus and as thick as its horizontal arm."""
    glyf = font["glyf"]
    plus = font.getBestCmap()[ord("+")]
    points = list(glyf[plus].getCoordinates(glyf)[0])
    left = min(x for x, _ in points)
    right = max(x for x, _ in points)
    arm = [y for x, y in points if x == left]
    bottom, top = min(arm), max(arm)
    pen = TTGlyphPen(None)
    pen.moveTo((left, bottom))
    pen.lineTo((left, top))
    pen.lineTo((right, top))
    pen.lineTo((right, bottom))
    pen.closePath()
    return pen.glyph(), font["hmtx"][plus]


def add_glyph(font, name, codepoint, glyph, metrics):
    glyph.program = ttProgram.Program()
    glyph.program.fromBytecode(b"")
    font["glyf"][name] = glyph
    font["hmtx"][name] = metrics
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[codepoint] = name


def add_symbols(font, noto_dir):
    order = font.getGlyphOrder()
    added = []
    glyph, metrics = minus_from_plus(font)
    added.append(("uni2212", MINUS, glyph, metrics))
    for donor_file, chars in DONORS.items():
        donor = TTFont(noto_dir / donor_file)
        assert donor["head"].unitsPerEm == font["head"].unitsPerEm
        cmap = donor.getBestCmap()
        for ch in chars:
            if ord(ch) in font.getBestCmap():
                continue
            source = cmap[ord(ch)]
            glyph = copy.deepcopy(donor["glyf"][source])
            assert not glyph.isComposite(), f"{ch} is a simple glyph in {donor_file}"
            added.append((f"uni{ord(ch):04X}", ord(ch), glyph, donor["hmtx"][source]))
    assert not set(order) & {name for name, *_ in added}, "the names are free"
    font.setGlyphOrder(order + [name for name, *_ in added])
    for name, codepoint, glyph, metrics in added:
        add_glyph(font, name, codepoint, glyph, metrics)
    if "DSIG" in font:
        del font["DSIG"]
    version = font["name"].getName(5, 3, 1, 0x409).toUnicode()
    font["name"].setName(version + "; with symbols added for Paja", 5, 3, 1, 0x409)


def main():
    noto_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    for weight in ("Regular", "Bold"):
        name = f"NotoSans-{weight}.ttf"
        font = TTFont(noto_dir / name)
        add_symbols(font, noto_dir)
        font.save(out_dir / name)


if __name__ == "__main__":
    main()
