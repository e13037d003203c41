"""The documents look like a government document: 宋体/黑体/仿宋 named for Word, their free
counterparts in the PDF, figures never wrapped away from their units, table titles and notes kept
with their tables."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from shared import tool
from docx import Document as open_docx
from docx.oxml.ns import qn

from juesuan.compose import build
from juesuan.io.writers import html, pdf
from juesuan.io.writers.nobreak import WORD_JOINER, join_units, nowrap_html

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "changji-2024"


@pytest.fixture(scope="module")
def word(tmp_path_factory):
    out = tmp_path_factory.mktemp("fonts")
    return open_docx(str(build(EXAMPLE, out, ["docx"]).files[0]))


def _fonts(style) -> dict[str, str]:
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return {k.split("}")[1]: v for k, v in fonts.attrib.items()}


def test_join_units_and_nowrap_spans():
    assert join_units("收入1,787.23万元，占97.21%，3个") == f"收入1,787.23{WORD_JOINER}万元，占97.21{WORD_JOINER}%，3{WORD_JOINER}个"
    assert join_units("2024年度") == "2024年度"  # a year is not a figure with a unit
    assert nowrap_html("减少-12.5万元") == '减少<span class="nb">-12.5万元</span>'


def test_word_styles_name_the_chinese_fonts(word):
    body, heading = _fonts(word.styles["Normal"]), _fonts(word.styles["Heading 2"])
    assert body["eastAsia"] == "宋体" and body["ascii"] == "Times New Roman" and body["hint"] == "eastAsia"
    assert heading["eastAsia"] == "黑体"
    lang = word.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    notes = [p for p in word.paragraphs if p.text.startswith("自评得分")]
    assert notes and all(p.runs[0].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋" for p in notes)


def test_word_keeps_figures_with_units(word):
    text = "\n".join(p.text for p in word.paragraphs)
    assert f"1,787.23{WORD_JOINER}万元" in text and f"97.21{WORD_JOINER}%" in text
    assert "1,787.23万元" not in text


def test_word_tables_keep_together(word):
    body = word.element.body
    rows = body.findall(f".//{qn('w:tr')}")
    assert rows and all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
    captions = [p for p in word.paragraphs if p.text.endswith("自评表")]
    assert captions and all(p.paragraph_format.keep_with_next for p in captions)
    tables = body.findall(qn("w:tbl"))
    kept = [t for t in tables if t.findall(f".//{qn('w:tr')}")[-1].find(f".//{qn('w:keepNext')}") is not None]
    assert kept  # the tables with a note under them keep their last row with it


def test_html_keeps_titles_with_tables_and_figures_whole():
    assert "break-after: avoid" in html.CSS and ".nb { white-space: nowrap; }" in html.CSS


def test_font_config_maps_word_fonts_to_free_ones(tmp_path):
    config = pdf.font_config(tmp_path).read_text(encoding="utf-8")
    assert "<family>宋体</family><prefer><family>Noto Serif CJK SC</family>" in config
    assert "<family>黑体</family><prefer><family>Noto Sans CJK SC</family>" in config
    assert str(pdf.SHIPPED_FONTS) in config and pdf.SHIPPED_FAMILY in config


def test_font_config_is_what_fontconfig_uses(tmp_path):
    tool("fc-match")
    config = pdf.font_config(tmp_path)
    env = {"FONTCONFIG_FILE": str(config), "PATH": "/usr/bin:/bin"}

    def match(name: str) -> str:
        return subprocess.run(["fc-match", "-f", "%{family}", name], env=env, capture_output=True, text=True,
                              check=True).stdout

    for name in ("宋体", "黑体", "仿宋"):
        family = match(name)
        assert "DejaVu" not in family, (name, family)  # a CJK family, never a Latin one with boxes
    assert "Juesuan Sans SC" in subprocess.run(["fc-list", ":", "family"], env=env, capture_output=True, text=True,
                                               check=True).stdout


def test_pdf_sets_body_in_a_serif_and_headings_in_a_sans(tmp_path):
    tool("soffice", "libreoffice")
    from pypdf import PdfReader

    path = next(p for p in build(EXAMPLE, tmp_path, ["pdf"]).files if p.suffix == ".pdf")
    names = set()
    for page in PdfReader(str(path)).pages[:4]:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    assert any("SerifCJK" in n for n in names), names  # 宋体 → Noto Serif CJK
    assert any("SansCJK" in n for n in names), names  # 黑体 → Noto Sans CJK
