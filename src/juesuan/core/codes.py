"""Classification code tables: 支出功能分类 (by year) and 部门预算支出经济分类.

Shipped as CSV package data (``core/data``) with the provenance of every row kept
(``code_sources.csv``: verified / name verified / unverified). A user may pass a CSV of their
own (columns code,name,level) to replace a shipped table.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

#: Old 类/款 names still seen in documents, mapped to the 2024 name (domain rules §4.1).
OUTDATED_NAMES = {
    "文化体育与传媒支出": "文化旅游体育与传媒支出",
    "医疗卫生与计划生育支出": "卫生健康支出",
    "资源勘探信息等支出": "资源勘探工业信息等支出",
    "国土海洋气象等支出": "自然资源海洋气象等支出",
    "行政事业单位离退休": "行政事业单位养老支出",
}
#: The first report year whose 科目 no longer have the old name (the 2019 政府收支分类科目): a 2018
#: document printing "医疗卫生与计划生育支出" uses the name of its year.
OUTDATED_SINCE = {old: 2019 for old in OUTDATED_NAMES}

LEVEL_BY_LENGTH = {3: "类", 5: "款", 7: "项"}


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    level: str  # 类 / 款 / 项
    confidence: str = ""  # "code+name verified" / "name verified" / "unverified (knowledge)"

    @property
    def verified(self) -> bool:
        return self.confidence.startswith("code+name")


class CodeTable:
    """A code → :class:`Code` lookup with parent/children navigation."""

    def __init__(self, name: str, codes: list[Code]):
        self.name = name
        self._by_code = {c.code: c for c in codes}
        self._order = [c.code for c in codes]

    def __contains__(self, code: str) -> bool:
        return code in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code: str) -> Code | None:
        return self._by_code.get(code)

    def name_of(self, code: str) -> str | None:
        entry = self._by_code.get(code)
        return entry.name if entry else None

    def codes(self) -> list[str]:
        return list(self._order)

    def names(self, length: int | None = None) -> list[str]:
        """The names of its codes (of the codes ``length`` digits long), in the table's order."""
        return [c.name for code, c in self._by_code.items() if c.name and (length is None or len(code) == length)]

    @staticmethod
    def parent(code: str) -> str | None:
        """"2010301" → "20103" → "201" → None (works for 3/5/7-digit codes)."""
        return {7: code[:5], 5: code[:3]}.get(len(code))

    def children(self, code: str) -> list[str]:
        return [c for c in self._order if self.parent(c) == code]


def _read_csv(text: str, name: str, provenance: dict[str, str]) -> CodeTable:
    rows = csv.DictReader(text.splitlines())
    codes = []
    for row in rows:
        code = (row.get("code") or "").strip()
        if not code:
            continue
        level = (row.get("level") or LEVEL_BY_LENGTH.get(len(code), "")).strip()
        codes.append(Code(code, (row.get("name") or "").strip(), level, provenance.get(code, "")))
    return CodeTable(name, codes)


def _package_text(filename: str) -> str:
    return resources.files("juesuan.core").joinpath("data", filename).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _provenance(table: str) -> dict[str, str]:
    out = {}
    for row in csv.DictReader(_package_text("code_sources.csv").splitlines()):
        if row["table"] == table:
            out[row["code"]] = row["confidence"]
    return out


def available_function_years() -> list[int]:
    folder = resources.files("juesuan.core").joinpath("data")
    years = []
    for entry in folder.iterdir():
        stem = entry.name.removesuffix(".csv")
        if stem.startswith("function_codes_") and stem[-4:].isdigit():
            years.append(int(stem[-4:]))
    return sorted(years)


@lru_cache(maxsize=None)
def function_codes(year: int = 2024) -> CodeTable:
    """The 支出功能分类 table for ``year`` (the nearest shipped year not after it, else the first)."""
    years = available_function_years()
    chosen = max((y for y in years if y <= year), default=years[0])
    return _read_csv(
        _package_text(f"function_codes_{chosen}.csv"),
        f"function_{chosen}",
        _provenance(f"function_{chosen}"),
    )


#: Short names units write for 经济分类 款 in 说明六 ("社保、职业年金、公积金、离退休补贴"), and the
#: 款 each may stand for: a list naming one of them does not leave those 款 out.
ECONOMIC_SHORT_NAMES: dict[str, tuple[str, ...]] = {
    "社保": ("机关事业单位基本养老保险缴费", "职工基本医疗保险缴费", "公务员医疗补助缴费", "其他社会保障缴费"),
    "社会保险": ("机关事业单位基本养老保险缴费", "职工基本医疗保险缴费", "公务员医疗补助缴费", "其他社会保障缴费"),
    "社会保障缴费": ("机关事业单位基本养老保险缴费", "职工基本医疗保险缴费", "公务员医疗补助缴费", "其他社会保障缴费"),
    "养老保险": ("机关事业单位基本养老保险缴费",),
    "基本养老保险": ("机关事业单位基本养老保险缴费",),
    "医疗保险": ("职工基本医疗保险缴费", "公务员医疗补助缴费"),
    "医保": ("职工基本医疗保险缴费", "公务员医疗补助缴费"),
    "职业年金": ("职业年金缴费",),
    "公积金": ("住房公积金",),
    "离退休费": ("离休费", "退休费"),
    "离退休补贴": ("离休费", "退休费"),
    "离退休人员费用": ("离休费", "退休费"),
}


@lru_cache(maxsize=None)
def economic_codes() -> CodeTable:
    """The 部门预算支出经济分类 table (301/302/303/310 …)."""
    return _read_csv(_package_text("economic_codes.csv"), "economic", _provenance("economic"))


def load_code_table(path: str | Path) -> CodeTable:
    """A user-supplied CSV (code,name[,level]) replacing a shipped table."""
    p = Path(path)
    return _read_csv(p.read_text(encoding="utf-8-sig"), p.stem, {})
