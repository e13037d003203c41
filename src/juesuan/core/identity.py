"""What a document is, told before it is checked: kind, scope, form, year, region, unit, layout.

Where it sits: core, beside the model (``Disclosure.identity``). A reader fills it from the
title, the cover and the 目录 (``io.readers.identify``), never from place names quoted in the
body; data files state it. Reports show it first, with how each part was found and how sure it
is, so a reviewer sees at once which layout the document was checked against.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from .model import Span

#: Kinds of document: final accounts, budgets, and standalone parts of either.
KINDS = ("决算", "预算", "三公说明", "绩效自评", "模板")
#: How sure an identification is.
SURE, LIKELY, GUESS = "高", "中", "低"


@dataclass(frozen=True, slots=True)
class Identity:
    kind: str = "决算"  # one of KINDS; "" when the document says nothing that tells
    #: For a standalone part (三公说明): the accounts it is part of, 决算 | 预算; "" for a whole document
    accounts: str = ""
    scope: str = ""  # 部门 | 单位 | 汇总 (a region's 三公 note over all its units) | "" (not said)
    form: str = "standard"  # standard | university | hospital: the unit's own table set
    year: int | None = None  # the report year (the year the figures are for)
    region: str = ""  # province-level short name (上海, 新疆, 重庆 …); "" when the name tells none
    city: str = ""  # prefecture-level short name (苏州, 深圳 …) when the unit's name tells it; city layouts match on it
    unit: str = ""
    profile: str = ""  # the profile (layout) it is checked against
    basis: Mapping[str, str] = field(default_factory=dict)  # field → how it was found, in Chinese
    confidence: Mapping[str, str] = field(default_factory=dict)  # field → 高 | 中 | 低
    partial: str = ""  # why the document is evidently incomplete; "" when it looks whole
    toc: bool = False  # it has a 目录
    toc_tables: tuple[str, ...] = ()  # table titles its 目录 lists, as printed
    toc_parts: tuple[str, ...] = ()  # part / section titles its 目录 lists, as printed
    toc_lines: tuple[int, int] = (0, 0)  # [first, end) line indexes of the 目录 in the narrative text
    span: Span | None = None  # the title line

    @property
    def budget(self) -> bool:
        """A budget, or a part of one (a budget's 三公 note)."""
        return self.kind == "预算" or self.accounts == "预算"

    @property
    def label(self) -> str:
        """"部门决算", "单位预算", "高等学校部门决算", "“三公”经费说明"…, as a finance officer says it."""
        if self.kind in ("决算", "预算"):
            school = "高等学校" if self.form == "university" else ("医院" if self.form == "hospital" else "")
            return f"{school}{self.scope}{self.kind}"
        if self.kind == "三公说明":
            return f"{'预算' if self.accounts == '预算' else ''}“三公”经费{'汇总' if self.scope == '汇总' else ''}说明"
        return {"三公说明": "“三公”经费说明", "绩效自评": "绩效自评表（报告）", "模板": "公开模板（未填写）"}.get(self.kind, "未能识别")

    def describe(self) -> str:
        """One Chinese line for reports: "上海市普陀区财政局 2024年度部门决算（上海，按 shanghai-2024 格式审核）"."""
        year = f"{self.year}年度" if self.year else "年度不明"
        where = self.region or "地区不明"
        if self.city and self.city != self.region:
            where += self.city
        layout = f"，按 {self.profile} 格式审核" if self.profile else ""
        part = f"；{self.partial}" if self.partial else ""
        return f"{self.unit or '单位名称不明'} {year}{self.label}（{where}{layout}{part}）"
