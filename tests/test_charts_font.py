"""Charts draw Chinese with the font shipped in the package, whatever fonts the machine has.

The font file is registered by path, so a machine without any CJK font (emulated here by taking
every CJK face out of matplotlib's font list) still draws real glyphs, not boxes, and draws them
without a "Glyph missing" warning.
"""

from __future__ import annotations

import warnings
from decimal import Decimal

import numpy as np
import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from juesuan.core.codes import function_codes
from juesuan.core.document import Chart
from juesuan.io.writers import charts
from juesuan.core.keys import EXPENDITURE_ITEMS, INCOME_ITEMS


@pytest.fixture
def no_system_cjk(monkeypatch):
    """matplotlib's font list as on a machine with no CJK font installed."""
    bare = [f for f in font_manager.fontManager.ttflist if "CJK" not in f.name and "Han" not in f.name
            and f.fname != str(charts.FONT_FILE)]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", bare)
    charts.font_families.cache_clear()
    charts.png.cache_clear()
    yield
    charts.font_families.cache_clear()
    charts.png.cache_clear()


def _pixels(text: str, **font) -> np.ndarray:
    fig = Figure(figsize=(0.6, 0.6), dpi=60)
    canvas = FigureCanvasAgg(fig)
    fig.text(0.1, 0.2, text, fontsize=24, **font)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., 0].copy()


def test_every_label_a_chart_can_carry_has_a_glyph():
    font = font_manager.get_font(str(charts.FONT_FILE))
    labels = {*INCOME_ITEMS, *EXPENDITURE_ITEMS, "本年收入结构", "本年支出结构", "一般公共预算财政拨款支出按项与上年对比",
              "上年", "本年", "万元", "无数据", "（）%,.0123456789"}
    table = function_codes(2024)
    labels |= {table.name_of(c) or "" for c in table.codes()}
    missing = sorted({ch for text in labels for ch in text if not ch.isspace() and font.get_char_index(ord(ch)) == 0})
    assert missing == []


def test_shipped_font_is_used_and_found_by_its_file(no_system_cjk):
    families = charts.font_families()
    assert families[0] == "Juesuan Sans SC" and families[-1] == "DejaVu Sans"
    assert "Noto Sans CJK SC" not in families
    found = font_manager.findfont(font_manager.FontProperties(family=families[0]), fallback_to_default=False)
    assert found == str(charts.FONT_FILE)


def test_chinese_is_drawn_not_boxes(no_system_cjk):
    """Two different characters look different in the shipped font (as boxes they would be the
    same), and unlike what a font without CJK glyphs draws."""
    shipped = {"fontproperties": font_manager.FontProperties(fname=charts.FONT_FILE)}
    cai, zheng = _pixels("财", **shipped), _pixels("政", **shipped)
    assert (cai < 128).sum() > 20  # ink on the page
    assert np.abs(cai.astype(int) - zheng.astype(int)).sum() > 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DejaVu lacks the glyph: that is the point of the comparison
        boxed = _pixels("财", family="DejaVu Sans")
    assert np.abs(cai.astype(int) - boxed.astype(int)).sum() > 0


def test_a_chart_draws_without_warnings(no_system_cjk):
    chart = Chart("x", "一般公共预算财政拨款支出按项与上年对比", "bar", ("行政运行", "机关事业单位基本养老保险缴费支出"),
                  (Decimal("881.38"), Decimal("84.70")), prior=(Decimal("890"), Decimal("90")))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = charts.png(chart)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert [str(w.message) for w in caught] == []
