"""Keep a figure on one line with its unit: "1,787.23万元", "100.00%", "3个" never wrap apart.

Where it sits: used by the docx writer (a U+2060 WORD JOINER between the number and its unit,
which Word and LibreOffice honour and every juesuan reader drops) and the HTML writer (a
``<span class="nb">`` that the page's CSS keeps on one line). Markdown is left as written.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
#: Units printed right after a figure in the narrative and the tables.
UNITS = ("%", "％", "万元", "亿元", "元", "个百分点", "平方米", "人次", "批次", "台（套）", "人", "辆", "个", "次", "台",
         "套", "家", "项", "种", "分")
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_AFTER_DIGIT = re.compile(rf"(?<=\d)(?={_UNIT})")
_FIGURE = re.compile(rf"[-−]?\d[\d,]*(?:\.\d+)?(?:{_UNIT})")


def join_units(text: str) -> str:
    """``text`` with a word joiner between each figure and the unit that follows it."""
    return _AFTER_DIGIT.sub(WORD_JOINER, text)


def nowrap_html(escaped: str) -> str:
    """Already-escaped HTML text with each figure and its unit in a ``<span class="nb">``."""
    return _FIGURE.sub(lambda m: f'<span class="nb">{m.group(0)}</span>', escaped)
