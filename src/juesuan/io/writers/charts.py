"""Charts (收入结构, 支出结构, 同比变化) drawn to PNG with matplotlib's Agg backend.

Where it sits: writers call :func:`png` for a :class:`Chart` block. The Chinese is drawn with the
font shipped in ``assets/`` (a subset of Noto Sans SC, SIL OFL; see ``scripts/subset_font.py``),
registered from its file when the first chart is drawn: neither matplotlib's font cache nor the
fonts of the machine decide whether a chart shows Chinese. matplotlib is imported only then, and
no pyplot global state is used, so charts can be drawn from several threads.
"""

from __future__ import annotations

import io
import logging
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ...core.document import Chart
from ...core.money import fmt_amount, fmt_pct, pct

if TYPE_CHECKING:  # matplotlib is imported when the first chart is drawn, not at start-up
    from matplotlib.figure import Figure

#: The CJK font every chart is drawn with (installed with the package).
FONT_FILE = Path(__file__).with_name("assets") / "JuesuanSansSC-Regular.otf"
#: Installed families tried after it for a character it lacks (the shipped subset covers GB 2312
#: and every name in the code tables); DejaVu Sans, which matplotlib carries, comes last.
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei", "SimHei",
                "Microsoft YaHei", "PingFang SC")
PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#bf9000", "#595959")


@lru_cache(maxsize=1)
def font_families() -> tuple[str, ...]:
    """The font families of the charts, first choice first: the shipped font, registered from its
    file, then any installed CJK family of :data:`CJK_FAMILIES`, then DejaVu Sans."""
    # Building the font list on a fresh machine takes a few seconds, and matplotlib logs a
    # warning saying so: nothing is wrong, so it is kept off the terminal.
    quiet = logging.getLogger("matplotlib.font_manager")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        from matplotlib import font_manager
    finally:
        quiet.setLevel(level)
    font_manager.fontManager.addfont(str(FONT_FILE))
    shipped = font_manager.FontProperties(fname=FONT_FILE).get_name()
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return (shipped, *(f for f in CJK_FAMILIES if f in installed), "DejaVu Sans")


def _figure(width: float, height: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=150)
    FigureCanvasAgg(fig)
    return fig


def _pie(fig: Figure, chart: Chart) -> None:
    pairs = [(lab, v) for lab, v in zip(chart.labels, chart.values) if v > 0]
    total = sum((v for _, v in pairs), Decimal(0))
    ax = fig.add_subplot(1, 1, 1)
    if not pairs:
        ax.text(0.5, 0.5, "无数据", ha="center", va="center")
        ax.axis("off")
        return
    sizes = [float(v) for _, v in pairs]
    legend = [f"{lab}  {fmt_amount(v)}{chart.unit}（{fmt_pct(pct(v, total))}）" for lab, v in pairs]
    wedges, _ = ax.pie(sizes, colors=PALETTE[: len(sizes)], startangle=90, counterclock=False,
                       wedgeprops={"linewidth": 1, "edgecolor": "white"})
    ax.axis("equal")
    ax.legend(wedges, legend, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=10)


def _bar(fig: Figure, chart: Chart) -> None:
    """Grouped bars (上年 beside 本年 when given); horizontal when there are many long labels."""
    ax = fig.add_subplot(1, 1, 1)
    n = len(chart.labels)
    horizontal = n > 5
    xs = list(range(n))
    width = 0.38 if chart.prior else 0.6
    current = [float(v) for v in chart.values]
    draw = ax.barh if horizontal else ax.bar
    if chart.prior:
        draw([x - width / 2 for x in xs], [float(v) for v in chart.prior], width, label="上年", color=PALETTE[5])
        draw([x + width / 2 for x in xs], current, width, label="本年", color=PALETTE[0])
        ax.legend(frameon=False, fontsize=9)
    else:
        draw(xs, current, width, color=PALETTE[0])
    if horizontal:
        ax.set_yticks(xs)
        ax.set_yticklabels(chart.labels, fontsize=8)
        ax.invert_yaxis()  # first item on top, as the text lists them
        ax.set_xlabel(chart.unit, fontsize=9)
    else:
        ax.set_xlim(-0.7, max(n, 4) - 0.3)  # keep bars slim when there are few
        ax.set_xticks(xs)
        ax.set_xticklabels(chart.labels, fontsize=9)
        ax.set_ylabel(chart.unit, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)


def _size(chart: Chart) -> tuple[float, float]:
    if chart.kind != "pie" and len(chart.labels) > 5:
        return 7.0, min(1.2 + 0.32 * len(chart.labels), 8.0)
    return 7.0, 3.4


@lru_cache(maxsize=32)
def png(chart: Chart, *, dpi: int = 150) -> bytes:
    """The chart as PNG bytes (cached: the docx and html writers draw the same charts)."""
    families = list(font_families())
    import matplotlib

    with matplotlib.rc_context({"font.family": families, "axes.unicode_minus": False}):
        fig = _figure(*_size(chart))
        if chart.kind == "pie":
            _pie(fig, chart)
        else:
            _bar(fig, chart)
        fig.suptitle(chart.title, fontsize=12)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()
