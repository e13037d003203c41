"""What a budget's YAML data adds to a 决算's: the kind of disclosure and the 绩效目标.

Where it sits: io/readers, used by :mod:`juesuan.io.readers.data_yaml`. ``类型`` says which
disclosure the data is for (部门决算 by default; 部门预算 / 单位预算 make it a budget, read with the
budget profile's layout); ``绩效目标`` holds the goal tables (项目 or 整体, each with its 产出 / 效益 /
满意度 indicators, targets, units and weights) and the counts the 说明 states. A goal table without
indicators, or an indicator without its 一级指标 or with an unknown 指标性质, is one line naming the
key. See docs/data-format.md (预算数据).
"""

from __future__ import annotations

from typing import Any

from ...core.model import Goal, GoalIndicator, Goals
from .yaml_fields import Fields, join

#: 类型 → (kind, scope) of ``core.identity.Identity``.
DISCLOSURE_KINDS = {"部门决算": ("决算", "部门"), "单位决算": ("决算", "单位"),
                    "部门预算": ("预算", "部门"), "单位预算": ("预算", "单位")}
#: 一级指标 a 绩效目标表 may use (成本指标 is a 一级指标 in the newer national form).
GOAL_LEVELS = ("产出指标", "效益指标", "满意度指标", "成本指标")
#: 指标性质 as written → as printed.
COMPARATORS = {"≥": "≥", ">=": "≥", "≤": "≤", "<=": "≤", "=": "=", "＝": "=", ">": ">", "＞": ">", "<": "<",
               "＜": "<", "定性": "", "": ""}

GOAL_KEYS = ("类型", "名称", "金额", "主管部门", "实施单位", "年度目标", "指标")
INDICATOR_KEYS = ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重")


def read_kind(fields: Fields, value: Any) -> tuple[str, str]:
    """(kind, scope) from ``类型``; a 决算 of no stated scope when the key is absent."""
    text = fields.text(value, "类型")
    if not text:
        return "决算", ""
    if text not in DISCLOSURE_KINDS:
        raise fields.error("类型", f"应为{'、'.join(DISCLOSURE_KINDS)}之一，实为「{text}」")
    return DISCLOSURE_KINDS[text]


def read_indicator(fields: Fields, value: Any, path: str, above: tuple[str, str]) -> GoalIndicator:
    m = fields.mapping(value, path, allowed=INDICATOR_KEYS, required=("三级指标",))
    level1 = fields.text(m.get("一级指标"), join(path, "一级指标")) or above[0]
    level2 = fields.text(m.get("二级指标"), join(path, "二级指标")) or above[1]
    if not level1 or not level2:
        raise fields.error(path, "缺少一级指标或二级指标（首个指标必须给出，其后可省略以沿用上一行）")
    if level1 not in GOAL_LEVELS:
        raise fields.error(join(path, "一级指标"), f"应为{'、'.join(GOAL_LEVELS)}之一，实为「{level1}」")
    comparator = fields.text(m.get("指标性质"), join(path, "指标性质"))
    if comparator not in COMPARATORS:
        shown = "、".join(k for k in COMPARATORS if k)
        raise fields.error(join(path, "指标性质"), f"应为{shown}之一（定性指标写「定性」或不写），实为「{comparator}」")
    return GoalIndicator(
        level1=level1,
        level2=level2,
        name=fields.text(m["三级指标"], join(path, "三级指标")),
        comparator=COMPARATORS[comparator],
        value=fields.text(m.get("指标值"), join(path, "指标值")),
        unit=fields.text(m.get("度量单位"), join(path, "度量单位")),
        weight=fields.number(m.get("权重"), join(path, "权重")),
        sources={k: fields.span(join(path, k)) for k in m},
    )


def read_goal(fields: Fields, value: Any, path: str) -> Goal:
    m = fields.mapping(value, path, allowed=GOAL_KEYS, required=("名称",))
    kind = fields.text(m.get("类型"), join(path, "类型")) or "项目"
    if kind not in ("项目", "整体"):
        raise fields.error(join(path, "类型"), f"应为「项目」或「整体」，实为「{kind}」")
    rows = fields.sequence(m.get("指标"), join(path, "指标"))
    if not rows:
        raise fields.error(join(path, "指标"), "绩效目标表没有绩效指标（应列出产出、效益、满意度等指标）")
    indicators = []
    above = ("", "")
    for i, row in enumerate(rows):
        indicator = read_indicator(fields, row, f"{join(path, '指标')}[{i}]", above)
        above = (indicator.level1, indicator.level2)
        indicators.append(indicator)
    amount = fields.amount(m.get("金额"), join(path, "金额"))
    return Goal(
        kind=kind,
        name=fields.text(m["名称"], join(path, "名称")),
        amount=amount,
        department=fields.text(m.get("主管部门"), join(path, "主管部门")),
        implementer=fields.text(m.get("实施单位"), join(path, "实施单位")),
        goal=fields.text(m.get("年度目标"), join(path, "年度目标")),
        indicators=tuple(indicators),
        span=fields.span(path),
        sources={"amount": fields.span(join(path, "金额"))} if amount is not None else {},
    )


def read_goals(fields: Fields, value: Any) -> Goals:
    """``绩效目标``: ``目标表`` (a list of goal tables), ``项目数`` and ``项目金额`` as the 说明 states
    them (for a budget that does not publish its goal tables)."""
    m = fields.mapping(value, "绩效目标", allowed=("项目数", "项目金额", "目标表"))
    tables = tuple(read_goal(fields, g, f"绩效目标.目标表[{i}]")
                   for i, g in enumerate(fields.sequence(m.get("目标表"), "绩效目标.目标表")))
    projects = fields.count(m.get("项目数"), "绩效目标.项目数")
    amount = fields.amount(m.get("项目金额"), "绩效目标.项目金额")
    sources = {}
    if projects is not None:
        sources["projects"] = fields.span("绩效目标.项目数")
    if amount is not None:
        sources["amount"] = fields.span("绩效目标.项目金额")
    return Goals(tables=tables, projects=projects, amount=amount, sources=sources)
