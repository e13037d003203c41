"""Data files of more units and years, made from the example with juesuan itself.

Used by the store tests and ``benchmarks/bench_store.py``. Amounts are multiplied exactly (no
rounding), so every table still adds up; the next year's 上年 figures are the figures juesuan
derives from the year before, in 元.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "changji-2024" / "决算数据.yaml"
_TEN_THOUSAND = Decimal(10000)
_AMOUNT_SECTIONS = ("表", "上年", "年初预算", "全年预算")
_PRIOR_SUBJECTS = ("收支总计", "财政拨款收支总计", "一般公共预算财政拨款支出", "机关运行经费")
_SANGONG = ("合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")


def example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _scale(value, factor: Decimal):
    if isinstance(value, dict):
        return {k: _scale(v, factor) for k, v in value.items()}
    if isinstance(value, list):
        return [_scale(v, factor) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return str(Decimal(str(value)) * factor)
    return value


def scaled(data: dict, factor: Decimal | str, *, name: str | None = None, year: int | None = None) -> dict:
    """Every amount times ``factor`` (tables, 上年, budgets, procurement, asset values, 绩效 funds)."""
    factor = Decimal(str(factor))
    out = copy.deepcopy(data)
    for section in _AMOUNT_SECTIONS:
        if section in out:
            out[section] = _scale(out[section], factor)
    matters = out.get("其他事项", {})
    if "政府采购" in matters:
        matters["政府采购"] = _scale(matters["政府采购"], factor)
    for key in ("房屋价值", "车辆价值"):
        if key in matters.get("国有资产", {}):
            matters["国有资产"][key] = _scale(matters["国有资产"][key], factor)
    for ev in out.get("绩效", []):
        ev["资金"] = [{k: (_scale(v, factor) if k in ("年初预算", "全年预算", "执行数") else v) for k, v in line.items()}
                    for line in ev.get("资金", [])]
    if name is not None:
        out["单位"]["名称"] = name
        for ev in out.get("绩效", []):
            if ev.get("类型") == "整体":
                ev["名称"] = name
    if year is not None:
        out["单位"]["年度"] = year
        for ev in out.get("绩效", []):
            ev["年度"] = year
    return out


def figures_of(data: dict, tmp: Path) -> dict:
    """The figures juesuan derives from ``data`` (万元), by key."""
    from juesuan.core.profiles import load_profile
    from juesuan.io.readers.data import load
    from juesuan.rules.prepare import prepare

    path = write(data, tmp / "_figures.yaml")
    d = load(path)
    figures = dict(prepare(d, load_profile(d.profile)).figures)
    path.unlink()
    return figures


def next_year(data: dict, factor: Decimal | str, tmp: Path) -> dict:
    """The following year of the same unit: amounts times ``factor``; its 上年 figures are what
    juesuan derives from ``data``."""
    figures = figures_of(data, tmp)
    out = scaled(data, factor, year=int(data["单位"]["年度"]) + 1)
    yuan = lambda v: str(v * _TEN_THOUSAND)  # noqa: E731
    prior: dict = {s: yuan(figures[s]) for s in _PRIOR_SUBJECTS if s in figures}
    prior["项"] = {k.split(".")[1]: yuan(v) for k, v in figures.items() if k.startswith("项.") and k.count(".") == 1}
    prior["三公"] = {item: yuan(figures[f"三公.{item}"]) for item in _SANGONG if f"三公.{item}" in figures}
    out["上年"] = prior
    return out


def write(data: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "金额单位: 元\n" + yaml.safe_dump({k: v for k, v in data.items() if k != "金额单位"}, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path
