"""The one model of a 部门决算公开: every reader fills it, every check and writer reads it.

Where it sits: the bottom layer, beside ``money`` and ``codes``; it does no I/O.

Conventions
-----------
* Amounts are ``Decimal`` 万元 at the precision they came in (元 data divided exactly by
  10,000). ``None`` means "blank / not stated" and is never the same as zero.
* Percentages are ``Decimal`` percent (97.21 means 97.21%).
* Every record that holds figures has ``sources``: a mapping from a field name (or a column
  name, or a figure key) to the :class:`Span` it was read from, so findings can point at it.
* Records are frozen; build new ones with keyword arguments or ``dataclasses.replace``.
  Mapping fields are plain dicts by construction and must be treated as read-only.
* Chinese standard labels (table row and column titles) are used as keys: they are the
  domain's own identifiers and what readers match headers against. The tuples below list
  them in the standard order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from .identity import Identity


def _identity():
    from .identity import Identity  # identity imports Span from here

    return Identity()

Amount = Decimal | None


@dataclass(frozen=True, slots=True)
class Span:
    """Where a figure or passage came from.

    Offsets contract: ``start``/``end`` (when set) are character offsets *into* ``excerpt``, so
    ``excerpt[start:end]`` is the marked figure or words as printed — not offsets into the full
    source line. Whoever cuts or windows an excerpt must shift ``start``/``end`` with it (the
    HTML/text report marks ``excerpt[start:end]``). Both are None when nothing is marked.
    """

    file: str = ""
    page: int | None = None  # 1-based page (PDF) or None
    line: int | None = None  # 1-based line in the extracted text
    start: int | None = None  # offset into ``excerpt`` of the marked text (see the class docstring)
    end: int | None = None
    excerpt: str = ""  # the passage as printed, for people
    cell: str = ""  # "收入支出决算总表!C7" or a YAML key path "tables.t1.income.其他收入"

    def describe(self) -> str:
        """Short Chinese location: "第3页 第12行" / "收入支出决算总表!C7"."""
        parts = []
        if self.cell:
            parts.append(self.cell)
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.line is not None:
            parts.append(f"第{self.line}行")
        return " ".join(parts)


Sources = Mapping[str, Span]


# --------------------------------------------------------------------------- 单位概况

@dataclass(frozen=True, slots=True)
class Staff:
    """机构设置及人员情况: counts and their change against last year (signed)."""

    total: int | None = None  # 实有人数 as stated
    serving: int | None = None  # 在职人员
    serving_change: int | None = None
    retired_cadres: int | None = None  # 离休人员
    retired_cadres_change: int | None = None
    retirees: int | None = None  # 退休人员
    retirees_change: int | None = None
    sources: Sources = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Unit:
    """第一部分 单位概况."""

    name: str
    year: int
    functions: tuple[str, ...] = ()  # 主要职能, one item each
    unit_kind: str = "行政单位"  # 行政单位 / 参照公务员法管理事业单位 / 事业单位
    staff: Staff = field(default_factory=Staff)
    subordinate_units: int | None = None  # 下属预算单位 count
    subordinate_names: tuple[str, ...] = ()
    internal_sections: tuple[str, ...] = ()  # 内设科室
    sources: Sources = field(default_factory=dict)


# --------------------------------------------------------------------------- the nine tables

#: 公开01 income rows (2024 format), in order.
T1_INCOME_ROWS = (
    "一般公共预算财政拨款收入",
    "政府性基金预算财政拨款收入",
    "国有资本经营预算财政拨款收入",
    "上级补助收入",
    "事业收入",
    "经营收入",
    "附属单位上缴收入",
    "其他收入",
)
#: The one 财政拨款 income row of forms that print the three funds together, their parts only as
#: "其中：" sub-lines (the 高等学校收支决算总表); it stands for T1_INCOME_ROWS[:3] and never
#: beside them.
T1_FISCAL_INCOME = "财政拨款收入"
#: The three 财政拨款 funds (公开04 columns).
FUNDS = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
#: 公开02 columns after 科目编码/科目名称.
T2_COLUMNS = ("本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
#: 公开03 columns.
T3_COLUMNS = ("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
#: 公开05 columns.
T5_COLUMNS = ("合计", "基本支出", "项目支出")
#: 公开06 column (one amount per 经济分类 款).
T6_COLUMNS = ("决算数",)
#: 公开07 / 公开08 columns.
FUND_TABLE_COLUMNS = ("年初结转和结余", "本年收入", "本年支出合计", "基本支出", "项目支出", "年末结转和结余")
#: 公开09 items; each has a 预算数 and a 决算数.
SANGONG_ITEMS = (
    "合计",
    "因公出国（境）费",
    "公务用车购置及运行维护费",
    "公务用车购置费",
    "公务用车运行维护费",
    "公务接待费",
)

#: Standard table titles by key (2024 names). Profiles may retitle; readers match by name.
TABLE_TITLES = {
    "T1": "收入支出决算总表",
    "T2": "收入决算表",
    "T3": "支出决算表",
    "T4": "财政拨款收入支出决算总表",
    "T5": "一般公共预算财政拨款支出决算表",
    "T6": "一般公共预算财政拨款基本支出决算表",
    "T7": "政府性基金预算财政拨款收入支出决算表",
    "T8": "国有资本经营预算财政拨款收入支出决算表",
    "T9": "财政拨款“三公”经费支出决算表",
}


@dataclass(frozen=True, slots=True)
class SummaryTable:
    """公开01 收入支出决算总表. Totals are as stated (None = not stated); derive fills them."""

    #: income row label (T1_INCOME_ROWS, or T1_FISCAL_INCOME) → amount; "其中：" sub-lines are
    #: never rows of their own
    income: Mapping[str, Amount] = field(default_factory=dict)
    expenditure: Mapping[str, Amount] = field(default_factory=dict)  # 功能分类 类 code → amount
    names: Mapping[str, str] = field(default_factory=dict)  # 类 code → its row label as printed
    income_this_year: Amount = None  # 本年收入合计
    non_fiscal_balance_used: Amount = None  # 使用非财政拨款结余（含专用结余）
    opening_balance: Amount = None  # 年初结转和结余
    income_total: Amount = None  # 收入总计
    expenditure_this_year: Amount = None  # 本年支出合计
    balance_distribution: Amount = None  # 结余分配
    closing_balance: Amount = None  # 年末结转和结余
    expenditure_total: Amount = None  # 支出总计
    unit: str = "万元"  # the unit the table was printed in; amounts are 万元 whatever it was
    sources: Sources = field(default_factory=dict)

    def _fiscal_rows(self) -> tuple[str, ...]:
        return (T1_FISCAL_INCOME,) if T1_FISCAL_INCOME in self.income else T1_INCOME_ROWS[:3]

    def income_rows(self, rows: tuple[str, ...] = T1_INCOME_ROWS) -> tuple[tuple[str, Amount], ...]:
        """The income rows that add up to 本年收入合计, in printed order: the three fund rows, or
        the one 财政拨款收入 row of a form that prints it whole, then the other rows of ``rows``
        (the layout's income rows: a budget's add 财政专户管理资金收入)."""
        others = tuple(r for r in rows if r not in T1_INCOME_ROWS[:3] and r != T1_FISCAL_INCOME)
        return tuple((label, self.income.get(label)) for label in self._fiscal_rows() + others)

    def fiscal_income(self) -> Amount:
        """财政拨款收入: its one row, or the sum of the fund rows stated (None when none is)."""
        stated = [self.income[label] for label in self._fiscal_rows() if self.income.get(label) is not None]
        return sum(stated, Decimal(0)) if stated else None


@dataclass(frozen=True, slots=True)
class FiscalSummaryTable:
    """公开04 财政拨款收入支出决算总表."""

    income: Mapping[str, Amount] = field(default_factory=dict)  # fund → 本年收入
    opening: Mapping[str, Amount] = field(default_factory=dict)  # fund → 年初财政拨款结转和结余
    # 类 code → {"合计" | fund → amount}
    expenditure: Mapping[str, Mapping[str, Amount]] = field(default_factory=dict)
    # {"合计" | fund → 本年支出合计}
    expenditure_this_year: Mapping[str, Amount] = field(default_factory=dict)
    closing: Mapping[str, Amount] = field(default_factory=dict)  # fund → 年末财政拨款结转和结余
    income_this_year: Amount = None  # 本年收入合计
    opening_total: Amount = None  # 年初财政拨款结转和结余 (sum row)
    income_total: Amount = None  # 收入总计
    closing_total: Amount = None  # 年末财政拨款结转和结余 (sum row)
    expenditure_total: Amount = None  # 支出总计
    unit: str = "万元"  # the unit the table was printed in; amounts are 万元 whatever it was
    sources: Sources = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Row:
    """One classified row: a 功能分类 or 经济分类 code with its amounts by column."""

    code: str  # "201", "20103", "2010301"; "" for a row without a code
    name: str
    values: Mapping[str, Amount] = field(default_factory=dict)  # column → amount (None = blank)
    sources: Sources = field(default_factory=dict)  # column → span

    @property
    def level(self) -> int:
        """1 = 类, 2 = 款, 3 = 项 (by code length 3/5/7); 0 for no code."""
        return {3: 1, 5: 2, 7: 3}.get(len(self.code), 0)


@dataclass(frozen=True, slots=True)
class CodedTable:
    """公开02/03/05/06/07/08: rows by classification code and standard columns.

    ``total`` is the 合计 row as stated. ``subtotals`` holds other labelled totals
    (公开06: 人员经费合计, 公用经费合计). ``note`` is the statement printed under the
    table (e.g. that it is empty and why).
    """

    key: str  # "T2", "T3", ...
    columns: tuple[str, ...]
    rows: tuple[Row, ...] = ()
    total: Row | None = None
    subtotals: Mapping[str, Amount] = field(default_factory=dict)
    title: str = ""
    unit: str = "万元"
    note: str = ""
    span: Span | None = None
    sources: Sources = field(default_factory=dict)

    def row(self, code: str) -> Row | None:
        for row in self.rows:
            if row.code == code:
                return row
        return None

    def value(self, code: str, column: str) -> Amount:
        row = self.row(code)
        return None if row is None else row.values.get(column)

    def covers_all_fiscal_funds(self) -> bool:
        """A 公开05-shaped table whose own title names all 财政拨款 spending ("…财政拨款支出决算表",
        the university form's 表4), not only 一般公共预算."""
        title = self.title.replace(" ", "")
        return self.key == "T5" and "财政拨款支出" in title and "一般公共预算" not in title

    def is_empty(self) -> bool:
        """No amount anywhere other than zero or blank."""
        rows = self.rows + ((self.total,) if self.total else ())
        return all(not v for r in rows for v in r.values.values())


@dataclass(frozen=True, slots=True)
class SangongTable:
    """公开09 财政拨款“三公”经费支出决算表: SANGONG_ITEMS × (预算数, 决算数).

    ``actual`` holds the document's own amounts for its year: a 决算's 决算数, a budget's 本年预算数
    (its "三公" table prints no 决算数); ``budget`` what they are compared with: a 决算's 预算数, a
    budget's last-year budget when its table prints one (上年预算数).
    """

    budget: Mapping[str, Amount] = field(default_factory=dict)
    actual: Mapping[str, Amount] = field(default_factory=dict)
    note: str = ""
    unit: str = "万元"  # the unit the table was printed in; amounts are 万元 whatever it was
    sources: Sources = field(default_factory=dict)  # "预算数.公务接待费" → span


@dataclass(frozen=True, slots=True)
class Tables:
    """The nine 公开 tables. A table not present in the source is None."""

    t1: SummaryTable | None = None
    t2: CodedTable | None = None
    t3: CodedTable | None = None
    t4: FiscalSummaryTable | None = None
    t5: CodedTable | None = None
    t6: CodedTable | None = None
    t7: CodedTable | None = None
    t8: CodedTable | None = None
    t9: SangongTable | None = None
    #: The document says the tables are attached elsewhere (第四部分 lists them only).
    attached: bool = False
    #: Table keys in the order the source printed them.
    order: tuple[str, ...] = ()
    #: The 编制单位 each table's header prints, by table key: "" where its "单位名称：" (编制单位)
    #: is left blank; a table whose header has no such label is not in it.
    issuers: Mapping[str, str] = field(default_factory=dict)
    #: The amount unit each table states in its header ("万元", "元"), by table key: "" where it
    #: states none (its amounts were then taken as 万元); a table not read from a document is not in it.
    units: Mapping[str, str] = field(default_factory=dict)

    def present(self) -> tuple[str, ...]:
        return tuple(k for k in TABLE_TITLES if getattr(self, k.lower()) is not None)


# --------------------------------------------------------------------------- comparatives

@dataclass(frozen=True, slots=True)
class Comparatives:
    """Last year's figures and this year's budgets that the narrative compares against.

    Keys are figure keys of :mod:`juesuan.core.keys` without their suffix, e.g.
    ``"收支总计"``, ``"财政拨款收支总计"``, ``"一般公共预算财政拨款支出"``, ``"项.2010301"``,
    ``"三公.合计"``, ``"机关运行经费"``.
    """

    prior: Mapping[str, Decimal] = field(default_factory=dict)  # 上年决算数
    initial_budget: Mapping[str, Decimal] = field(default_factory=dict)  # 年初预算数
    full_year_budget: Mapping[str, Decimal] = field(default_factory=dict)  # 全年预算数
    sources: Sources = field(default_factory=dict)


# --------------------------------------------------------------------------- other matters

@dataclass(frozen=True, slots=True)
class SangongDetails:
    """Counts and descriptions that 第二部分 九 must give beside the 三公 amounts."""

    outbound_groups: int | None = None  # 因公出国（境）团组
    outbound_people: int | None = None  # 因公出国（境）人次
    outbound_content: str = ""
    vehicles_purchased: int | None = None  # 公务用车购置数
    vehicles_held: int | None = None  # 公务用车保有量
    fixed_asset_vehicles: int | None = None  # 国有资产中固定资产车辆数
    vehicle_gap_reason: str = ""
    vehicle_content: str = ""
    reception_batches: int | None = None  # 国内公务接待批次
    reception_people: int | None = None  # 国内公务接待人次
    reception_content: str = ""
    sources: Sources = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Procurement:
    """政府采购."""

    goods: Amount = None
    works: Amount = None
    services: Amount = None
    total: Amount = None  # as stated
    sme: Amount = None  # 授予中小企业合同金额
    small_micro: Amount = None  # 其中授予小微企业合同金额
    sources: Sources = field(default_factory=dict)


#: 车辆 categories in the order the narrative lists them.
VEHICLE_CATEGORIES = (
    "副部（省）级及以上领导用车",
    "主要负责人用车",
    "机要通信用车",
    "应急保障用车",
    "执法执勤用车",
    "特种专业技术用车",
    "离退休干部服务用车",
    "其他用车",
)
#: Categories a budget's 说明 counts its cars in beside (or instead of) the national eight (重庆: 业务用车).
BUDGET_VEHICLE_CATEGORIES = ("业务用车", "一般公务用车")


@dataclass(frozen=True, slots=True)
class Assets:
    """国有资产占用情况."""

    as_of: str = ""  # "2024年12月31日"
    building_area: Decimal | None = None  # 平方米
    building_value: Amount = None
    vehicles_total: int | None = None  # as stated
    vehicles_value: Amount = None
    vehicles: Mapping[str, int] = field(default_factory=dict)  # VEHICLE_CATEGORIES → count
    other_vehicles_note: str = ""
    large_equipment: int | None = None  # 单价100万元（含）以上设备 台（套）
    #: A budget's planned purchases (“本年预算安排购置车辆…辆，其中…”): category → count, their
    #: total as stated, and the 单价100万元以上设备 it plans to buy.
    planned_vehicles: Mapping[str, int] = field(default_factory=dict)
    planned_vehicles_total: int | None = None
    planned_equipment: int | None = None
    sources: Sources = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OtherMatters:
    """第二部分 十: 机关运行经费, 政府采购, 国有资产."""

    operating_cost: Amount = None  # 机关运行经费
    procurement: Procurement = field(default_factory=Procurement)
    assets: Assets = field(default_factory=Assets)
    sources: Sources = field(default_factory=dict)


# --------------------------------------------------------------------------- 绩效自评

@dataclass(frozen=True, slots=True)
class FundLine:
    """A row of the funds block of a 绩效自评表 (上级资金 / 本级资金 / 年度资金总额 / ...)."""

    label: str
    initial_budget: Amount = None  # 年初预算数
    full_year_budget: Amount = None  # 全年预算数
    executed: Amount = None  # 全年执行数
    weight: Decimal | None = None  # 分值 / 分值权重 (printed on the scoring row only)
    rate: Decimal | None = None  # 执行率 as printed, percent
    score: Decimal | None = None  # 得分 as printed
    sources: Sources = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Indicator:
    """One 三级指标 row. Target and actual are kept as written ("<=309.78万元", "达到预期指标")."""

    level1: str
    level2: str
    name: str
    weight: Decimal | None = None
    target: str = ""  # 目标值 / 预期指标值
    actual: str = ""  # 业绩值 / 实际完成指标值
    rate: Decimal | None = None  # 完成率 as printed, percent
    score: Decimal | None = None  # 指标得分 as printed
    rule: str = ""  # 赋分规则 (按照完成比例赋分 / 满意度赋分 / 直接赋分 / 按评判等级赋分)
    basis: str = ""  # 指标值设定依据
    prior_result: str = ""  # 上年完成情况
    evidence: str = ""  # 佐证资料
    deviation: str = ""  # 偏差原因分析及改进措施
    sources: Sources = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """A 单位整体支出绩效自评表 (kind "整体") or a 项目支出绩效自评表 (kind "项目")."""

    kind: str  # "整体" | "项目"
    name: str  # 项目名称, or 单位名称 for 整体
    year: int | None = None
    department: str = ""  # 主管部门
    implementer: str = ""  # 实施单位
    funds: tuple[FundLine, ...] = ()
    goal: str = ""  # 年度总体目标 预期目标
    achieved: str = ""  # 实际完成情况
    indicators: tuple[Indicator, ...] = ()
    total: Decimal | None = None  # 总分 as printed
    grade: str = ""  # 评价结果 as printed
    span: Span | None = None
    sources: Sources = field(default_factory=dict)
    #: What ``achieved`` says of its indicators (kind 指标值), read by the phrasebook
    #: (``phrasebook.parse_performance``): an indicator's name and the value written after it.
    claims: tuple["Claim", ...] = ()
    #: Where the reader saw more of the form than it could place (a copy cut inside the table, a
    #: row that fits no column): the table is incomplete, so its sums (weights, 总分) are not checked.
    omitted: tuple[Span, ...] = ()
    #: The template's example rows left in the table unfilled ("……", "指标2" with no values): passed
    #: over, not read as indicators.
    fillers: tuple[Span, ...] = ()


# --------------------------------------------------------------------------- 绩效目标 (budgets)

#: The 一级指标 of a 绩效目标表, in printed order (the national form; newer forms put 成本指标 first).
GOAL_DIMENSIONS = ("产出指标", "效益指标", "满意度指标")


@dataclass(frozen=True, slots=True)
class GoalIndicator:
    """One 三级指标 of a 绩效目标表: what is aimed at, how it is compared, in which unit, how heavy.

    ``comparator`` is the 指标性质 as printed (≥ ≤ = > < or "" for a qualitative target), ``value``
    the 指标值 as written ("100", "按时完成"), ``unit`` the 度量单位 ("个", "%", "万元").
    """

    level1: str  # 一级指标: 产出指标 / 效益指标 / 满意度指标 (成本指标 where the form has it)
    level2: str  # 二级指标: 数量指标 / 质量指标 / 时效指标 / 成本指标 / 社会效益指标 …
    name: str  # 三级指标
    comparator: str = ""
    value: str = ""
    unit: str = ""
    weight: Decimal | None = None  # 权重 (分值)
    sources: Sources = field(default_factory=dict)

    @property
    def target(self) -> str:
        """The target as one string: "≥100个", "按时完成"."""
        return f"{self.comparator}{self.value}{self.unit}"


@dataclass(frozen=True, slots=True)
class Goal:
    """A 项目支出绩效目标表 (kind "项目") or a 部门（单位）整体支出绩效目标表 (kind "整体")."""

    kind: str  # "项目" | "整体"
    name: str  # 项目名称, or the unit's name for 整体
    amount: Amount = None  # 项目预算资金 (整体: the budget it covers), 万元
    department: str = ""  # 主管部门
    implementer: str = ""  # 实施单位
    goal: str = ""  # 年度绩效目标
    indicators: tuple[GoalIndicator, ...] = ()
    span: Span | None = None
    sources: Sources = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Goals:
    """A budget's 绩效目标: the goal tables, and what its 说明 says of them when the tables are not
    published (“编报绩效目标的项目共12个，涉及项目预算资金4,222.51万元”)."""

    tables: tuple[Goal, ...] = ()
    projects: int | None = None  # 编报绩效目标的项目个数, as stated
    amount: Amount = None  # 涉及的项目预算资金, as stated
    sources: Sources = field(default_factory=dict)


# --------------------------------------------------------------------------- narrative as read

@dataclass(frozen=True, slots=True)
class Statement:
    """A figure the narrative states: key from :mod:`juesuan.core.keys`, value, unit, where."""

    key: str
    value: Decimal
    unit: str = "万元"  # 万元 / 元 / % / 人 / 辆 / 个 / 分 / 平方米 / 台（套） / 批次 / 人次
    span: Span | None = None
    #: For a rate, what the text measures it against, as it says: "年初预算", "全年预算", "预算";
    #: "" when it does not say (a 完成率 written "完成年初预算的98.20%" has basis "年初预算"). For a
    #: share (.占比), the key of the base its words name ("占总收入的44.12%" → "收入总计").
    basis: str = ""


#: Kinds of :class:`Claim` (what the phrasebook reads besides figures).
#: key: the subject; value: 大于 | 小于 | 持平 | 基本持平 (超过 → 大于 …); parts: (年初预算,) or (全年预算,)
#: when the words name the budget; amounts: (决算 − 预算,) when given
BUDGET_WORD = "预算比较"
#: key: the subject; value: 增加 | 减少, a change said in words only ("减少为0.00万元": to that level)
YOY_WORD = "同比方向"
YEAR = "年份"  # key: the role (决算 截至 比较 上年 计划 绩效); value: the year as printed, "" when it was lost; parts: (the words,) for 计划
#: value: the 项 name as printed; parts: (类, 款, 项) as printed ("" when not written); amounts: the 万元
#: figures of its line; key: 项.<code> when 类 and 款 are written and the code table knows the path,
#: else 类.<code> when it knows the 类, else ""
ITEM = "项"
PURPOSE = "用途"  # value: the "主要用于：…" clause; parts: the (类, 款, 项) it follows; key: as for ITEM
LISTING = "构成"  # key: 人员经费 | 公用经费; parts: the names listed after "包括"
#: key: what is counted, as printed (内设机构, 科室, 下属单位 …); value: the count as printed ("1", "三"); parts: the names listed after it
#: ("分别是：办公室、行政审批改革科、…")
ORGANS = "机构列举"
GRADE = "等级"  # key: 绩效.等级; value: the grade word stated after a 综合得分
PROJECT_AMOUNT = "项目金额"  # key: a project's name as the tables give it; amounts: the 万元 figure written after it
INDICATOR_VALUE = "指标值"  # key: an indicator's name; value as written; parts: (unit,) or (DATE_PART,)
DATE_PART = "日期"  # the first part of an INDICATOR_VALUE claim that holds a date
#: key: the kind of table the text sends the reader to ("绩效目标表"); value: the words ("详见单位的项目绩效
#: 目标表"); parts: ("有标题",) when a title of such a table follows in the text
TABLE_REFERENCE = "附表"
#: key: a 功能分类 code the text writes in brackets after a name ("实验室及相关设施（2060204）"), ""
#: for a numbered 名词解释 entry explaining a 科目 without its code ("（2）重点实验室及相关设施：反映…");
#: value: that name as printed
CODED_NAME = "编码名称"
#: value: the completion rate as printed ("100"); amounts: (预算数, 决算数, the rate) of a clause that
#: prints all three whoever they belong to ("年初预算数为1255.37万元,支出决算数为2112.86万元,完成年初预算的100%")
COMPLETION_CLAUSE = "完成预算句"
#: value: the rate as printed, signed by its word ("-29.92"); amounts: (last year's amount, the change signed by
#: its word, the rate signed) of a clause that prints all three whoever they belong to ("比2021年预算231.17万元增加
#: 33.55万元,增长17.51%"); parts: (the unit the amounts are printed in,)
YOY_CLAUSE = "同比句"
#: key: the total's words as printed ("财政供养人员共计"); amounts: (the total, then each part) of a head count
#: whose "其中" lists kinds of staff that never overlap ("共计9,244人。其中：行政编制…1,845人，事业编制…7,399人，
#: 离退休人员1,206人"); parts: each part's words; words in brackets are left out
STAFF_PARTS = "人数构成"


@dataclass(frozen=True, slots=True)
class Claim:
    """Something the text states in words rather than as one keyed figure, read by the phrasebook
    so that checks never read text: a comparison ("决算数大于预算数"), a year it names, a 项 it
    describes, a list it gives, a grade, an amount beside a project's name. ``kind`` is one of
    the kinds above; ``key`` what it is about (a figure key, a role or a name); ``value`` the
    words as printed; ``parts`` the names it lists; ``amounts`` the figures it gives (万元)."""

    kind: str
    key: str = ""
    value: str = ""
    parts: tuple[str, ...] = ()
    amounts: tuple[Decimal, ...] = ()
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and its text, as it appears in a document."""

    key: str  # "一.二" style path: part number, then section number, e.g. "2.9" for 第二部分 九
    title: str
    text: str = ""
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Narrative:
    """What a published document says, in its own order. Empty for data-built disclosures."""

    sections: tuple[Section, ...] = ()
    statements: tuple[Statement, ...] = ()
    claims: tuple[Claim, ...] = ()  # what it states in words (comparisons, years, 项 names, lists)
    glossary: tuple[tuple[str, str], ...] = ()  # 名词解释 (term, definition)
    text: str = ""  # the whole text after normalisation, for wording checks
    lines: tuple[Span, ...] = ()  # one span per text line, for locating passages
    #: per text line joined from several printed lines (a layout's wrap): where each printed line
    #: after the first begins in it, and its span; () for a line printed whole
    pieces: tuple[tuple[tuple[int, Span], ...], ...] = ()
    body_start: int = 0  # index of the first line after the 目录 (0 when there is none)

    def body(self) -> str:
        """The text after the 目录: what the document says, not what it promises."""
        return "\n".join(self.text.split("\n")[self.body_start:]) if self.body_start else self.text

    def stated(self, key: str) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.key == key)

    def claimed(self, kind: str) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.kind == kind)


# --------------------------------------------------------------------------- the disclosure

@dataclass(frozen=True, slots=True)
class Disclosure:
    """A whole 部门决算公开 or 预算公开 (``identity.kind``): data-built (composer) or document-read
    (auditor)."""

    unit: Unit
    tables: Tables = field(default_factory=Tables)
    comparatives: Comparatives = field(default_factory=Comparatives)
    sangong: SangongDetails = field(default_factory=SangongDetails)
    matters: OtherMatters = field(default_factory=OtherMatters)
    evaluations: tuple[Evaluation, ...] = ()
    #: A budget's 绩效目标 (a 决算 has none: its 绩效 are the ``evaluations``).
    goals: Goals = field(default_factory=Goals)
    #: 主要原因 and other explanations, keyed like figures ("项.2010301.增减", "三公.合计.预决算")
    reasons: Mapping[str, str] = field(default_factory=dict)
    #: Other free text: "绩效.成效", "绩效.问题", "绩效.措施", "其他事项".
    texts: Mapping[str, str] = field(default_factory=dict)
    narrative: Narrative | None = None
    profile: str = "xinjiang-2024"
    source: str = ""  # the file or folder it came from
    #: What the document is (kind, year, region, layout; read from its title, cover and 目录).
    identity: "Identity" = field(default_factory=lambda: _identity())
