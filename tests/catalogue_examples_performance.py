"""For each P-* code: a disclosure that triggers it and one that does not (profile xinjiang-2024).

Used by the catalogue test (every code has a failing and a passing example) and by
tests/test_checks_performance.py. The base table is a small 项目支出绩效自评表 that is consistent
under both shipped profiles; each trigger breaks one thing.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Callable

from builders import narrative_of
from juesuan.core.model import Disclosure, Evaluation, FundLine, Indicator, Span, Statement, Unit
from juesuan.phrasebook.parse_performance import read_evaluation_texts

FILE = "示例.yaml"


def _span(cell: str, excerpt: str = "") -> Span:
    return Span(file=FILE, cell=cell, excerpt=excerpt)


def _item(row: int, level1: str, level2: str, name: str, weight: str, target: str, actual: str, rate: str | None,
          score: str, rule: str) -> Indicator:
    sources = {f: _span(f"绩效.指标[{row}].{f}", v) for f, v in
               (("name", name), ("target", target), ("actual", actual), ("rate", rate or ""), ("score", score),
                ("weight", weight), ("rule", rule))}
    return Indicator(level1, level2, name, Decimal(weight), target, actual, None if rate is None else Decimal(rate),
                     Decimal(score), rule, "计划标准", sources=sources)


def base_evaluation(name: str = "示例项目") -> Evaluation:
    """Consistent: weights 10 + 90, total 100.00, every printed figure right."""
    funds = (
        FundLine("年度资金总额", Decimal("100.00"), Decimal("100.00"), Decimal("100.00"), Decimal(10),
                 Decimal("100.00"), Decimal("10.00"),
                 sources={"rate": _span("绩效.资金.执行率"), "score": _span("绩效.资金.得分"),
                          "executed": _span("绩效.资金.全年执行数"), "full_year_budget": _span("绩效.资金.全年预算数"),
                          "weight": _span("绩效.资金.分值")}),
        FundLine("其中：当年财政拨款", Decimal("100.00"), Decimal("100.00"), Decimal("100.00")),
    )
    items = (
        _item(1, "产出指标", "数量指标", "保障会议室个数", "30", "=10个", "=10个", "100", "30", "按照完成比例赋分"),
        _item(2, "产出指标", "时效指标", "项目完成时间", "10", "12月31日前", "=2024年11月30日", "100", "10", "直接赋分"),
        _item(3, "成本指标", "经济成本指标", "会议保障经费", "20", "<=100万元", "=100万元", "100", "20", "按照完成比例赋分"),
        _item(4, "效益指标", "社会效益指标", "提高服务保障水平", "20", "提高", "达到预期指标", "100", "20", "按评判等级赋分"),
        _item(5, "满意度指标", "满意度指标", "服务对象满意度", "10", ">=90%", "=95%", "105.56", "10", "满意度赋分"),
    )
    return Evaluation(kind="项目", name=name, year=2024, funds=funds, indicators=items, total=Decimal("100.00"),
                      achieved="截至2024年12月31日，该项目实际完成：保障会议室个数10个、服务对象满意度达95%。",
                      span=_span("绩效", "项目支出绩效自评表"),
                      sources={"total": _span("绩效.总分"), "achieved": _span("绩效.实际完成情况"),
                               "grade": _span("绩效.等级")})


def whole_evaluation(initial: str = "90.00") -> Evaluation:
    """A consistent 单位整体支出绩效自评表: 本级资金 年初 ``initial``, 全年预算 = 执行 = 100.00."""
    ev = base_evaluation("示例单位")
    money = {"initial_budget": _span("整体.资金.年初预算数"), "full_year_budget": _span("整体.资金.全年预算数"),
             "executed": _span("整体.资金.全年执行数")}
    funds = (
        FundLine("上级资金", Decimal("0.00"), Decimal("0.00"), Decimal("0.00"), Decimal(10), Decimal("100.00"),
                 Decimal("10.00"), sources={"rate": _span("整体.资金.执行率"), "score": _span("整体.资金.得分")}),
        FundLine("本级资金", Decimal(initial), Decimal("100.00"), Decimal("100.00"), sources=money),
        FundLine("其他资金", Decimal("0.00"), Decimal("0.00"), Decimal("0.00")),
        FundLine("合计", Decimal(initial), Decimal("100.00"), Decimal("100.00"), sources=money),
    )
    return replace(ev, kind="整体", funds=funds, achieved="")


def change_item(ev: Evaluation, index: int, **changes) -> Evaluation:
    items = list(ev.indicators)
    changes = {k: Decimal(v) if k in ("weight", "rate", "score") and isinstance(v, str) else v
               for k, v in changes.items()}
    items[index] = replace(items[index], **changes)
    return replace(ev, indicators=tuple(items))


def change_funds(ev: Evaluation, **changes) -> Evaluation:
    changes = {k: Decimal(v) if isinstance(v, str) else v for k, v in changes.items()}
    return replace(ev, funds=(replace(ev.funds[0], **changes),) + ev.funds[1:])


def disclosure(*evaluations: Evaluation, statements: tuple[Statement, ...] = (), text: str = "") -> Disclosure:
    evaluations = evaluations or (base_evaluation(),)
    projects = tuple(ev.name for ev in evaluations if ev.kind == "项目")
    story = replace(narrative_of(text, statements, projects, FILE), lines=(Span(file=FILE, line=1),)) if statements or text else None
    return read_evaluation_texts(Disclosure(unit=Unit(name="示例单位", year=2024), evaluations=evaluations,
                                            narrative=story, profile="xinjiang-2024", source=FILE))


def _parts(fiscal: str) -> Evaluation:
    """The national form's three rows under 年度资金总额 (100.00): 当年财政拨款 ``fiscal``, the others blank."""
    ev = base_evaluation()
    money = (Decimal(fiscal),) * 3
    return replace(ev, funds=(ev.funds[0], FundLine("其中：当年财政拨款", *money), FundLine("上年结转资金"), FundLine("其他资金")))


def _total(ev: Evaluation, total: str) -> Evaluation:
    return replace(ev, total=Decimal(total))


def _statement(key: str, value: str, unit: str) -> Statement:
    return Statement(key, Decimal(value), unit, Span(file=FILE, line=1, excerpt=key))


def _accounts(income_total: str = "100.00", initial: str = "90.00") -> tuple[Statement, ...]:
    return (_statement("收入总计", income_total, "万元"), _statement("本年支出合计", "100.00", "万元"),
            _statement("财政拨款收支总计.年初预算", initial, "万元"), _statement("本年财政拨款支出", "100.00", "万元"))


def _quoted(amount: str, initial: str = "100.00") -> Disclosure:
    """The narrative names the project with an amount; the project's 年初预算 is ``initial``."""
    ev = change_funds(base_evaluation(), initial_budget=initial)
    return disclosure(ev, text=f"如我单位项目绩效资金为示例项目{amount}万元，主要用于会议保障。")


_CLEAN_STATEMENTS = (_statement("绩效.项目数", "1", "个"), _statement("绩效.项目.全年预算", "100.00", "万元"),
                     _statement("绩效.项目.执行数", "100.00", "万元"))
_OVER = {"actual": "=12个", "rate": "120", "score": "24"}  # 30 × (2 − 1.2)

EXAMPLES: dict[str, tuple[Callable[[], Disclosure], Callable[[], Disclosure]]] = {
    "P-FUNDS-SUM": (lambda: disclosure(_parts("90.00")), lambda: disclosure(_parts("100.00"))),
    "P-EXEC-RATE": (lambda: disclosure(change_funds(base_evaluation(), rate="90.00")),
                    lambda: disclosure()),
    "P-EXEC-SCORE": (lambda: disclosure(_total(change_funds(base_evaluation(), score="9.00"), "99.00")),
                     lambda: disclosure()),
    "P-RATE": (lambda: disclosure(change_item(base_evaluation(), 0, rate="90")),
               lambda: disclosure()),
    "P-SCORE": (lambda: disclosure(_total(change_item(base_evaluation(), 0, score="25"), "95.00")),
                lambda: disclosure()),
    "P-REVERSE-SCORED": (
        lambda: disclosure(_total(change_item(base_evaluation(), 2, actual="=50万元", rate="50", score="0"), "80.00")),
        lambda: disclosure(_total(change_item(base_evaluation(), 2, actual="=50万元", rate="50", score="20"), "100.00"))),
    "P-OVER-PENALTY": (lambda: disclosure(_total(change_item(base_evaluation(), 0, **_OVER), "94.00")),
                       lambda: disclosure()),
    "P-TOTAL": (lambda: disclosure(_total(base_evaluation(), "95.00")),
                lambda: disclosure()),
    "P-WEIGHTS": (lambda: disclosure(_total(change_item(base_evaluation(), 0, weight="25", score="25"), "95.00")),
                  lambda: disclosure()),
    "P-GRADE": (lambda: disclosure(replace(base_evaluation(), grade="良")),
                lambda: disclosure(replace(base_evaluation(), grade="优"))),
    "P-COST-EXEC": (
        lambda: disclosure(_total(change_item(base_evaluation(), 2, actual="=120万元", rate="120", score="16"), "96.00")),
        lambda: disclosure()),
    "P-INCONSISTENT-RULE": (
        lambda: disclosure(_total(change_item(base_evaluation("甲项目"), 0, **_OVER), "94.00"),
                           change_item(base_evaluation("乙项目"), 0, actual="=12个", rate="120", score="30")),
        lambda: disclosure(_total(change_item(base_evaluation("甲项目"), 0, **_OVER), "94.00"),
                           _total(change_item(base_evaluation("乙项目"), 0, **_OVER), "94.00"))),
    "P-UNREADABLE": (lambda: disclosure(change_item(base_evaluation(), 3, actual="详见附件")),
                     lambda: disclosure()),
    "P-GOAL-WORDS": (lambda: disclosure(replace(base_evaluation(), goal="43.2", achieved="37.24")),
                     lambda: disclosure(replace(base_evaluation(), goal="完成改造43.2万元", achieved="完成37.24万元"))),
    "P-TEMPLATE-ROW": (lambda: disclosure(replace(base_evaluation(), fillers=(_span("A12", "指标2"),))),
                       lambda: disclosure()),
    "P-NARRATIVE-SCORE": (
        lambda: disclosure(statements=_CLEAN_STATEMENTS[:1] + (_statement("绩效.项目.全年预算", "120.00", "万元"),)
                           + _CLEAN_STATEMENTS[2:]),
        lambda: disclosure(statements=_CLEAN_STATEMENTS)),
    "P-ROUNDING": (lambda: disclosure(_total(base_evaluation(), "100.01")),
                   lambda: disclosure()),
    "P-WHOLE-TOTALS": (lambda: disclosure(whole_evaluation(), statements=_accounts(income_total="110.00")),
                       lambda: disclosure(whole_evaluation(), statements=_accounts())),
    "P-WHOLE-FISCAL": (lambda: disclosure(whole_evaluation(), statements=_accounts(initial="95.00")),
                       lambda: disclosure(whole_evaluation(), statements=_accounts())),
    "P-PROJECT-AMOUNT": (lambda: _quoted("80"), lambda: _quoted("100")),
    "P-PROJECT-INITIAL": (lambda: _quoted("120", initial="120.00"), lambda: _quoted("100", initial="120.00")),
    "P-SAME-INDICATOR": (
        lambda: disclosure(change_item(whole_evaluation(), 0, target="=12个", actual="=12个"), base_evaluation()),
        lambda: disclosure(whole_evaluation(), base_evaluation())),
    "P-ACHIEVED-TEXT": (
        lambda: disclosure(replace(base_evaluation(), achieved="该项目实际完成：保障会议室个数8个、服务对象满意度达95%。")),
        lambda: disclosure()),
}
