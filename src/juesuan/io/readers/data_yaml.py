"""Read a unit's 决算 or 预算 data from a YAML file (schema: docs/data-format.md) into a Disclosure.

Where it sits: io/readers, the preparer's entry point (``io.readers.data.load`` dispatches
here for .yaml/.yml). The result is a data-built :class:`Disclosure` (no narrative); totals
the file leaves out are filled later by ``rules.totals.complete`` / ``rules.derive``.
Amounts are given in the file's ``金额单位`` (元 or 万元) and kept in 万元 at full precision.
Every figure carries a :class:`Span` whose ``cell`` is its YAML key path. Bad input raises
:class:`InputError` with one Chinese line naming the file, the key path and the problem.

A budget (``类型: 部门预算`` or ``单位预算``) is read with its profile's layout (the table columns
and income rows of its form, ``yaml_tables``); its comparatives are last year's budget
(``上年预算``, the model's ``Comparatives.prior``) and it may give its 绩效目标 (``yaml_budget``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


from ...core.codes import function_codes
from ...core.findings import InputError
from ...core.identity import Identity
from ...core.profiles import load_profile
from ...core.regions import city_of, province_of
from ...core.keys import EXPENDITURE_ITEMS, INCOME_ITEMS, PROCUREMENT_PARTS
from ...core.model import (
    SANGONG_ITEMS,
    VEHICLE_CATEGORIES,
    Assets,
    Comparatives,
    Disclosure,
    Evaluation,
    FundLine,
    Indicator,
    OtherMatters,
    Procurement,
    SangongDetails,
    Staff,
    Unit,
)
from ..yamlfile import load_yaml
from .yaml_fields import UNITS, DecimalLoader, Fields, flatten, join, norm_label
from .yaml_budget import read_goals, read_kind
from .yaml_tables import read_tables

TOP_KEYS = ("金额单位", "类型", "配置", "单位", "表", "上年", "上年预算", "年初预算", "全年预算", "三公情况", "其他事项",
            "绩效", "绩效目标", "原因", "文字")
#: Top-level keys that only one kind of data has: a 决算's budgets and self-evaluations, a budget's
#: last-year budget and goals.
DECISION_ONLY = ("上年", "年初预算", "全年预算", "绩效")
BUDGET_ONLY = ("上年预算", "绩效目标")
DEFAULT_BUDGET_PROFILE = "national-yusuan"
UNIT_KINDS = ("行政单位", "参照公务员法管理事业单位", "事业单位")

#: Figure subjects a comparative or a reason may name (besides the prefixed ones below).
PLAIN_SUBJECTS = (
    "收入总计", "本年收入合计", "使用非财政拨款结余", "年初结转和结余", "支出总计", "本年支出合计",
    "结余分配", "年末结转和结余", "收支总计", "财政拨款收入总计", "年初财政拨款结转和结余",
    "本年财政拨款收入", "财政拨款支出总计", "年末财政拨款结转和结余", "本年财政拨款支出",
    "财政拨款收支总计", "一般公共预算财政拨款支出", "一般公共预算财政拨款基本支出", "人员经费",
    "公用经费", "机关运行经费",
)
COUNT_SUBJECTS = (
    "三公.出国团组", "三公.出国人次", "三公.购置车辆", "三公.保有车辆", "三公.固定资产车辆",
    "三公.接待批次", "三公.接待人次", "资产.房屋面积", "资产.车辆", "资产.大型设备",
    "人员.实有", "人员.在职", "人员.离休", "人员.退休",
)
PREFIXED = {
    "收入": INCOME_ITEMS,
    "支出": EXPENDITURE_ITEMS,
    "三公": SANGONG_ITEMS,
    "政府采购": PROCUREMENT_PARTS,
}
SANGONG_FIELDS = {
    "出国团组": ("outbound_groups", "count"), "出国人次": ("outbound_people", "count"),
    "出国内容": ("outbound_content", "text"), "购置车辆": ("vehicles_purchased", "count"),
    "保有车辆": ("vehicles_held", "count"), "固定资产车辆": ("fixed_asset_vehicles", "count"),
    "车辆差异原因": ("vehicle_gap_reason", "text"), "车辆内容": ("vehicle_content", "text"),
    "接待批次": ("reception_batches", "count"), "接待人次": ("reception_people", "count"),
    "接待内容": ("reception_content", "text"),
}
PROCUREMENT_FIELDS = {"总额": "total", "货物": "goods", "工程": "works", "服务": "services",
                      "中小企业": "sme", "小微企业": "small_micro"}
INDICATOR_FIELDS = {
    "一级指标": "level1", "二级指标": "level2", "三级指标": "name", "权重": "weight", "目标值": "target",
    "实际值": "actual", "完成率": "rate", "得分": "score", "赋分规则": "rule", "设定依据": "basis",
    "上年完成": "prior_result", "佐证资料": "evidence", "偏差原因": "deviation",
}
FUND_FIELDS = {"年初预算": "initial_budget", "全年预算": "full_year_budget", "执行数": "executed"}
FUND_LINE_FIELDS = {**FUND_FIELDS, "分值": "weight", "执行率": "rate", "得分": "score"}
STAFF_FIELDS = {"实有": "total", "在职": "serving", "在职增减": "serving_change", "离休": "retired_cadres",
                "离休增减": "retired_cadres_change", "退休": "retirees", "退休增减": "retirees_change"}
ASSET_FIELDS = {"截至日期": "as_of", "房屋面积": "building_area", "房屋价值": "building_value",
                "车辆数": "vehicles_total", "车辆价值": "vehicles_value", "其他用车说明": "other_vehicles_note",
                "大型设备": "large_equipment", "拟购车辆数": "planned_vehicles_total", "拟购设备": "planned_equipment"}


def _load(path: Path) -> dict:
    data = load_yaml(path, DecimalLoader)
    if data is None:
        raise InputError(f"{path}：文件为空")
    if not isinstance(data, dict):
        raise InputError(f"{path}：顶层应为键值映射（如「单位: …」「表: …」），实为列表或单个值")
    return data


def check_subject(fields: Fields, subject: str, path: str, year: int) -> None:
    """Raise unless ``subject`` is a figure subject of core.keys (codes checked against the tables)."""
    if subject in PLAIN_SUBJECTS or subject in COUNT_SUBJECTS:
        return
    head, _, tail = subject.partition(".")
    if head in ("类", "项"):
        length = {"类": 3, "项": 7}[head]
        if len(tail) == length and tail in function_codes(year):
            return
        raise fields.error(path, f"「{tail}」不是{year}年支出功能分类的{head}级编码")
    if head in PREFIXED and norm_label(tail) in {norm_label(x) for x in PREFIXED[head]}:
        return
    if head == "资产" and tail.startswith("车辆.") and tail[3:] in VEHICLE_CATEGORIES:
        return
    raise fields.error(path, f"「{subject}」不是可用的指标名（见 docs/data-format.md 指标名一节）")


def canonical_subject(subject: str) -> str:
    head, _, tail = subject.partition(".")
    if head in PREFIXED:
        for item in PREFIXED[head]:
            if norm_label(item) == norm_label(tail):
                return f"{head}.{item}"
    return subject


def read_comparatives(fields: Fields, data: dict, year: int, budget: bool = False) -> Comparatives:
    """上年 / 年初预算 / 全年预算 of a 决算; a budget's 上年预算 (last year's budget) is its ``prior``."""
    out: dict[str, dict] = {"prior": {}, "initial_budget": {}, "full_year_budget": {}}
    sources = {}
    tops = (("上年预算", "prior"),) if budget else (("上年", "prior"), ("年初预算", "initial_budget"),
                                                     ("全年预算", "full_year_budget"))
    for top, attr in tops:
        values = {}
        for subject, path, leaf in flatten(fields, data.get(top), top):
            check_subject(fields, subject, path, year)
            subject = canonical_subject(subject)
            value = fields.number(leaf, path) if subject in COUNT_SUBJECTS else fields.amount(leaf, path)
            if value is not None:
                values[subject] = value
                sources[f"{top}.{subject}"] = fields.span(path)
        out[attr] = values
    return Comparatives(sources=sources, **out)


def read_unit(fields: Fields, value: Any) -> Unit:
    allowed = ("名称", "年度", "单位性质", "主要职能", "人员", "下属预算单位数", "下属预算单位", "内设科室")
    m = fields.mapping(value, "单位", allowed=allowed, required=("名称", "年度"))
    year = fields.count(m["年度"], "单位.年度")
    if year is None or not 1990 <= year <= 2100:
        raise fields.error("单位.年度", f"应为四位年份，实为「{m['年度']}」")
    kind = fields.text(m.get("单位性质"), "单位.单位性质") or "行政单位"
    if kind not in UNIT_KINDS:
        raise fields.error("单位.单位性质", f"应为{'、'.join(UNIT_KINDS)}之一，实为「{kind}」")
    staff_keys = ("实有", "在职", "在职增减", "离休", "离休增减", "退休", "退休增减")
    s = fields.mapping(m.get("人员"), "单位.人员", allowed=staff_keys)
    counts = {k: fields.count(s.get(k), f"单位.人员.{k}") for k in staff_keys}
    staff = Staff(
        total=counts["实有"], serving=counts["在职"], serving_change=counts["在职增减"],
        retired_cadres=counts["离休"], retired_cadres_change=counts["离休增减"],
        retirees=counts["退休"], retirees_change=counts["退休增减"],
        sources={STAFF_FIELDS[k]: fields.span(f"单位.人员.{k}") for k in staff_keys if counts[k] is not None},
    )
    names = fields.texts(m.get("下属预算单位"), "单位.下属预算单位")
    subordinate = fields.count(m.get("下属预算单位数"), "单位.下属预算单位数")
    if subordinate is None and "下属预算单位" in m:
        subordinate = len(names)
    return Unit(
        name=fields.text(m["名称"], "单位.名称"),
        year=year,
        functions=fields.texts(m.get("主要职能"), "单位.主要职能"),
        unit_kind=kind,
        staff=staff,
        subordinate_units=subordinate,
        subordinate_names=names,
        internal_sections=fields.texts(m.get("内设科室"), "单位.内设科室"),
        sources={"name": fields.span("单位.名称"), "year": fields.span("单位.年度")},
    )


def read_sangong(fields: Fields, value: Any) -> SangongDetails:
    m = fields.mapping(value, "三公情况", allowed=SANGONG_FIELDS)
    kwargs, sources = {}, {}
    for label, (attr, kind) in SANGONG_FIELDS.items():
        path = f"三公情况.{label}"
        if kind == "count":
            kwargs[attr] = fields.count(m.get(label), path)
            if kwargs[attr] is not None:
                sources[attr] = fields.span(path)
        else:
            kwargs[attr] = fields.text(m.get(label), path)
    return SangongDetails(sources=sources, **kwargs)


def read_matters(fields: Fields, value: Any) -> OtherMatters:
    m = fields.mapping(value, "其他事项", allowed=("机关运行经费", "政府采购", "国有资产"))
    p = fields.mapping(m.get("政府采购"), "其他事项.政府采购", allowed=PROCUREMENT_FIELDS)
    procurement = Procurement(
        sources={PROCUREMENT_FIELDS[k]: fields.span(f"其他事项.政府采购.{k}") for k in p},
        **{attr: fields.amount(p.get(k), f"其他事项.政府采购.{k}") for k, attr in PROCUREMENT_FIELDS.items()},
    )
    a_keys = ("截至日期", "房屋面积", "房屋价值", "车辆数", "车辆价值", "车辆", "其他用车说明", "大型设备",
              "拟购车辆数", "拟购车辆", "拟购设备")
    a = fields.mapping(m.get("国有资产"), "其他事项.国有资产", allowed=a_keys)
    base = "其他事项.国有资产"
    vehicles, vehicle_sources = {}, {}
    for k, v in fields.mapping(a.get("车辆"), f"{base}.车辆", allowed=VEHICLE_CATEGORIES).items():
        count = fields.count(v, f"{base}.车辆.{k}")
        if count is not None:
            vehicles[k] = count
            vehicle_sources[f"vehicles.{k}"] = fields.span(f"{base}.车辆.{k}")
    planned = {}
    for k, v in fields.mapping(a.get("拟购车辆"), f"{base}.拟购车辆", allowed=VEHICLE_CATEGORIES).items():
        count = fields.count(v, f"{base}.拟购车辆.{k}")
        if count is not None:
            planned[k] = count
            vehicle_sources[f"planned_vehicles.{k}"] = fields.span(f"{base}.拟购车辆.{k}")
    assets = Assets(
        as_of=fields.text(a.get("截至日期"), f"{base}.截至日期"),
        building_area=fields.number(a.get("房屋面积"), f"{base}.房屋面积"),
        building_value=fields.amount(a.get("房屋价值"), f"{base}.房屋价值"),
        vehicles_total=fields.count(a.get("车辆数"), f"{base}.车辆数"),
        vehicles_value=fields.amount(a.get("车辆价值"), f"{base}.车辆价值"),
        vehicles=vehicles,
        other_vehicles_note=fields.text(a.get("其他用车说明"), f"{base}.其他用车说明"),
        large_equipment=fields.count(a.get("大型设备"), f"{base}.大型设备"),
        planned_vehicles=planned,
        planned_vehicles_total=fields.count(a.get("拟购车辆数"), f"{base}.拟购车辆数"),
        planned_equipment=fields.count(a.get("拟购设备"), f"{base}.拟购设备"),
        sources={**{ASSET_FIELDS[k]: fields.span(f"{base}.{k}") for k in a if k in ASSET_FIELDS}, **vehicle_sources},
    )
    operating = fields.amount(m.get("机关运行经费"), "其他事项.机关运行经费")
    sources = {"operating_cost": fields.span("其他事项.机关运行经费")} if operating is not None else {}
    return OtherMatters(operating_cost=operating, procurement=procurement, assets=assets, sources=sources)


def read_evaluation(fields: Fields, value: Any, path: str) -> Evaluation:
    allowed = ("类型", "名称", "年度", "主管部门", "实施单位", "资金", "预期目标", "实际完成", "指标", "总分", "评价结果")
    m = fields.mapping(value, path, allowed=allowed, required=("类型", "名称"))
    kind = fields.text(m["类型"], join(path, "类型"))
    if kind not in ("整体", "项目"):
        raise fields.error(join(path, "类型"), f"应为「整体」或「项目」，实为「{kind}」")
    funds = []
    for i, line in enumerate(fields.sequence(m.get("资金"), join(path, "资金"))):
        lp = f"{join(path, '资金')}[{i}]"
        f = fields.mapping(line, lp, allowed=("来源", "分值", "执行率", "得分") + tuple(FUND_FIELDS), required=("来源",))
        funds.append(FundLine(
            label=fields.text(f["来源"], join(lp, "来源")),
            weight=fields.number(f.get("分值"), join(lp, "分值")),
            rate=fields.number(f.get("执行率"), join(lp, "执行率")),
            score=fields.number(f.get("得分"), join(lp, "得分")),
            sources={FUND_LINE_FIELDS[k]: fields.span(join(lp, k)) for k in f if k != "来源"},
            **{attr: fields.amount(f.get(k), join(lp, k)) for k, attr in FUND_FIELDS.items()},
        ))
    indicators = []
    level1 = level2 = ""
    for i, row in enumerate(fields.sequence(m.get("指标"), join(path, "指标"))):
        ip = f"{join(path, '指标')}[{i}]"
        r = fields.mapping(row, ip, allowed=INDICATOR_FIELDS, required=("三级指标",))
        level1 = fields.text(r.get("一级指标"), join(ip, "一级指标")) or level1
        level2 = fields.text(r.get("二级指标"), join(ip, "二级指标")) or level2
        if not level1 or not level2:
            raise fields.error(ip, "缺少一级指标或二级指标（首个指标必须给出，其后可省略以沿用上一行）")
        kwargs = {}
        for label, attr in INDICATOR_FIELDS.items():
            if attr in ("level1", "level2"):
                continue
            cell = join(ip, label)
            kwargs[attr] = fields.number(r.get(label), cell) if attr in ("weight", "rate", "score") else fields.text(r.get(label), cell)
        indicators.append(Indicator(level1=level1, level2=level2, sources={INDICATOR_FIELDS[k]: fields.span(join(ip, k)) for k in r}, **kwargs))
    return Evaluation(
        kind=kind,
        name=fields.text(m["名称"], join(path, "名称")),
        year=fields.count(m.get("年度"), join(path, "年度")),
        department=fields.text(m.get("主管部门"), join(path, "主管部门")),
        implementer=fields.text(m.get("实施单位"), join(path, "实施单位")),
        funds=tuple(funds),
        goal=fields.text(m.get("预期目标"), join(path, "预期目标")),
        achieved=fields.text(m.get("实际完成"), join(path, "实际完成")),
        indicators=tuple(indicators),
        total=fields.number(m.get("总分"), join(path, "总分")),
        grade=fields.text(m.get("评价结果"), join(path, "评价结果")),
        span=fields.span(path),
        sources={"total": fields.span(join(path, "总分"))} if m.get("总分") is not None else {},
    )


def read_texts(fields: Fields, value: Any, top: str, year: int, reasons: bool) -> dict[str, str]:
    out = {}
    for dotted, path, leaf in flatten(fields, value, top):
        if reasons:
            subject, _, suffix = dotted.rpartition(".")
            if suffix not in ("增减", "预决算", "差异") or not subject:
                raise fields.error(path, "原因的键应为「<指标>.增减」「<指标>.预决算」或「三公.固定资产车辆.差异」")
            check_subject(fields, subject, path, year)
            dotted = f"{canonical_subject(subject)}.{suffix}"
        text = fields.text(leaf, path)
        if text:
            out[dotted] = text
    return out


def read_yaml(path: str | Path) -> Disclosure:
    """Read a YAML data file into a data-built Disclosure (amounts in 万元, spans by key path)."""
    p = Path(path)
    data = _load(p)
    file = str(path)
    fields = Fields(file)
    for k in data:
        if str(k) not in TOP_KEYS:
            raise fields.error(str(k), f"是未知的顶层键（可用：{'、'.join(TOP_KEYS)}）")
    unit_text = fields.text(data.get("金额单位"), "金额单位")
    if not unit_text:
        raise fields.error("", "缺少必填的键「金额单位」（元 或 万元）")
    if unit_text not in UNITS:
        raise fields.error("金额单位", f"应为「元」或「万元」，实为「{unit_text}」")
    fields.unit = unit_text
    if data.get("单位") is None:
        raise fields.error("", "缺少必填的键「单位」（名称、年度等）")
    unit = read_unit(fields, data["单位"])
    kind, scope = read_kind(fields, data.get("类型"))
    budget = kind == "预算"
    for k in BUDGET_ONLY if not budget else DECISION_ONLY:
        if k in data:
            what = "预算（类型: 部门预算 或 单位预算）" if not budget else "决算"
            hint = "；预算的上年数写在「上年预算」下" if k == "上年" else ""
            raise fields.error(k, f"只用于{what}的数据{hint}")
    profile = fields.text(data.get("配置"), "配置") or (DEFAULT_BUDGET_PROFILE if budget else "xinjiang-2024")
    layout = _budget_layout(fields, profile) if budget else None
    evaluations = tuple(
        read_evaluation(fields, e, f"绩效[{i}]") for i, e in enumerate(fields.sequence(data.get("绩效"), "绩效"))
    )
    identity = Identity()
    if budget or scope:
        region = province_of(unit.name)
        identity = Identity(kind=kind, scope=scope, year=unit.year, unit=unit.name, region=region,
                            city=city_of(unit.name) if region else "", profile=profile)
    return Disclosure(
        unit=unit,
        tables=read_tables(fields, data.get("表"), "表", unit.year, layout),
        comparatives=read_comparatives(fields, data, unit.year, budget),
        sangong=read_sangong(fields, data.get("三公情况")),
        matters=read_matters(fields, data.get("其他事项")),
        evaluations=evaluations,
        goals=read_goals(fields, data.get("绩效目标")),
        reasons=read_texts(fields, data.get("原因"), "原因", unit.year, reasons=True),
        texts=read_texts(fields, data.get("文字"), "文字", unit.year, reasons=False),
        profile=profile,
        source=file,
        identity=identity,
    )


def _budget_layout(fields: Fields, profile: str):
    """The layout of a budget profile (its tables' columns and rows); a profile that does not
    describe budgets is refused here, naming the key."""
    try:
        loaded = load_profile(profile)
    except InputError as exc:
        raise fields.error("配置", str(exc)) from None
    if "预算" not in loaded.match.kinds:
        raise fields.error("配置", f"「{profile}」是决算的格式，预算数据请用预算的配置（如 national-yusuan、shanghai-yusuan）")
    return loaded.layout
