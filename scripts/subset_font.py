"""Make the CJK font the charts are drawn with: a subset of Noto Sans SC (SIL OFL 1.1).

Run once by a developer when the character set should grow; the result is committed as
``src/juesuan/io/writers/assets/JuesuanSansSC-Regular.otf`` and installed with the package, so a
chart shows Chinese on a machine with no CJK font at all.

    python scripts/subset_font.py NotoSansSC-Regular.otf
    python scripts/subset_font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --number 2

The source is Noto Sans SC (for example from the ``pylopdf-fonts-zh-cn`` package on PyPI, or
Debian's fonts-noto-cjk, whose collection holds the SC face as font number 2). Kept: ASCII, the
GB 2312 characters (the 6,763 hanzi of everyday text and its punctuation), Chinese punctuation and
full-width forms, and every character of the project's own code tables, profiles and sources, so
every label a chart can carry (科目 names, 收入/支出 items) is covered. The family is renamed
("Juesuan Sans SC"), as the licence asks of a modified font; the copyright and licence records are
kept. Needs fontTools (installed with matplotlib).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "src" / "juesuan" / "io" / "writers" / "assets" / "JuesuanSansSC-Regular.otf"
FAMILY = "Juesuan Sans SC"
POSTSCRIPT = "JuesuanSansSC-Regular"


def gb2312() -> set[str]:
    out = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                out.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return out


def project_text() -> set[str]:
    """Every character in the code tables, profiles and Python sources of the package."""
    chars: set[str] = set()
    package = REPO / "src" / "juesuan"
    for pattern in ("core/data/*.csv", "profiles/*.yaml", "**/*.py"):
        for path in package.glob(pattern):
            chars.update(path.read_text(encoding="utf-8"))
    return chars


def characters() -> str:
    chars = {chr(c) for c in range(0x20, 0x7F)}
    chars |= {chr(c) for c in range(0x3000, 0x3040)}  # CJK punctuation
    chars |= {chr(c) for c in range(0xFF01, 0xFF5F)}  # full-width forms
    chars |= set("·—…‘’“”′″℃№○〇")
    chars |= gb2312() | project_text()
    return "".join(sorted(c for c in chars if c.isprintable()))


def rename(font: TTFont) -> None:
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(f"{POSTSCRIPT};subset of Noto Sans SC", 3, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(POSTSCRIPT, 6, record.platformID, record.platEncID, record.langID)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [POSTSCRIPT]
        top = cff.topDictIndex[0]
        top.FullName = FAMILY
        top.FamilyName = FAMILY


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="Noto Sans SC (.otf) or a Noto Sans CJK collection (.ttc)")
    parser.add_argument("--number", type=int, default=0, help="font number within a .ttc (SC is 2 in Noto Sans CJK)")
    parser.add_argument("-o", "--output", type=Path, default=TARGET)
    args = parser.parse_args()
    font = TTFont(args.source, fontNumber=args.number)
    options = subset.Options()
    options.layout_features = ["kern", "vert", "vrt2"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 13, 14, 16, 17]
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters())
    subsetter.subset(font)
    rename(font)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    font.save(args.output)
    print(f"{args.output}: {len(font.getBestCmap())} characters, {args.output.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
