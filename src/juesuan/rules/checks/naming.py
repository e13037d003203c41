"""Findings about a budget in a budget's words: its tables by its layout's titles, 预算 for 决算.

Where it sits: rules/checks, applied by the runner (``base.run``) to every finding and not-run
reason of a 部门预算 / 单位预算. The table checks already name tables by the layout
(``support.table_title``); checks that still print the 决算's standard titles
(``core.model.TABLE_TITLES``: the narrative and completeness checks, until they take their words
from the layout too) would tell a finance officer about a "收入支出决算总表" his budget does not
have. This pass puts each such title, and the few phrases that say 决算 for the kind of document,
into the document's own words; it changes no amount and no code.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ...core.findings import Finding
from ...core.model import TABLE_TITLES
from ...core.profiles import Layout, load_profile


def _phrases(scope: str) -> dict[str, str]:
    """Phrases of the 决算 catalogue that name the kind of document, and their budget wording."""
    unit = scope or "部门"
    return {
        "部门决算报表": f"{unit}预算报表",
        "部门决算情况说明": f"{unit}预算情况说明",
        "部门决算": f"{unit}预算",
        "决算公开表": "预算公开表",
        "决算报表": "预算报表",
        "决算表": "预算表",
        "决算总体情况": "预算总体情况",
        "决算结构情况": "预算结构情况",
        "决算具体情况": "预算具体情况",
        "决算情况": "预算情况",
    }


@lru_cache(maxsize=32)
def _translation(titles: tuple[tuple[str, str], ...], scope: str) -> tuple[re.Pattern, dict[str, str]]:
    words = {old: new for old, new in titles if old != new}
    for old, new in _phrases(scope).items():
        words.setdefault(old, new)
    # longest first, so "一般公共预算财政拨款支出决算表" is replaced whole, never its tail "支出决算表"
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    return pattern, words


def budget_wording(layout: Layout, scope: str = ""):
    """A function that puts a text in the words of a budget of ``layout`` (see the module); a table
    the layout does not have is named as the national budget layout names it."""
    national = load_profile("national-yusuan").layout
    titles = tuple((TABLE_TITLES[k], spec.title) for k in TABLE_TITLES
                   if (spec := layout.table(k) or national.table(k)) is not None)
    pattern, words = _translation(titles, scope)

    def reword(text: str) -> str:
        return pattern.sub(lambda m: words[m.group(0)], text) if text else text

    return reword


def in_budget_words(finding: Finding, reword) -> Finding:
    """``finding`` with its message, section and figures reworded (amounts hold no such words)."""
    figures = {reword(k): reword(v) for k, v in finding.figures.items()}
    return replace(finding, message=reword(finding.message), section=reword(finding.section), figures=figures)
