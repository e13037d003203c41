"""The layout of the 决算数据 workbook that a finance officer fills: sheet names, header texts,
row labels and the figure keys listed by default.

Where it sits: shared by the writer (``io/writers/template.py``, which lays the workbook out) and
the reader (``io/readers/data_xlsx.py``, which finds sheets by name and columns by header text).
Both sides take every label from here, so what one writes the other reads. No I/O here.
"""

from __future__ import annotations

from ..core.model import (
    FUND_TABLE_COLUMNS,
    FUNDS,
    SANGONG_ITEMS,
    T2_COLUMNS,
    T3_COLUMNS,
    T5_COLUMNS,
    TABLE_TITLES,
    VEHICLE_CATEGORIES,
)

UNIT_WAN = "金额单位：万元"
NOTE_LABEL = "表下说明"  # a row whose cell reads this holds the note printed under the table
TOTAL_LABEL = "合计"

# --------------------------------------------------------------------------- sheet names

UNIT_SHEET = "单位概况"
COMPARATIVES_SHEET = "上年数与预算数"
SANGONG_SHEET = "三公明细"
MATTERS_SHEET = "其他事项"
EVAL_SHEET = "绩效自评"
FUNDS_SHEET = "绩效资金"
INDICATORS_SHEET = "绩效指标"
REASONS_SHEET = "说明与原因"

#: Table key → sheet name. Every standard title fits Excel's 31-character limit, so the sheet
#: is named by its full title; A1 repeats it.
TABLE_SHEETS = dict(TABLE_TITLES)

#: Other names a sheet may carry (besides the full title): the table key and the 公开NN number.
TABLE_ALIASES = {key: (key, f"公开{key[1:].zfill(2)}", f"表{key[1:]}") for key in TABLE_TITLES}

SHEET_ORDER = (UNIT_SHEET, *TABLE_SHEETS.values(), COMPARATIVES_SHEET, SANGONG_SHEET, MATTERS_SHEET,
               EVAL_SHEET, FUNDS_SHEET, INDICATORS_SHEET, REASONS_SHEET)
REQUIRED_SHEETS = (UNIT_SHEET, *TABLE_SHEETS.values())

# --------------------------------------------------------------------------- one-line hints (row 2)

#: Blank, formatted rows left under the data of each coded sheet for rows a preparer adds.
SPARE_ROWS = 12
ADD_ROWS = (f"行不够时在下方预留的{SPARE_ROWS}个空行续填，或选中整行“插入”新行（在“表下说明”行之上），"
            "每行一个科目编码，顺序不限。")

HINTS = {
    UNIT_SHEET: "填写说明：每行一项，在“内容”列填写；主要职能、下属预算单位、内设科室每行写一条，可插入同名行。",
    "T1": "填写说明：左侧填收入各行决算数，右侧按支出功能分类“类”填支出决算数；合计、总计可留空由系统计算。",
    "T2": "填写说明：每行一个功能分类科目，按列填写各项收入；填到“项”（7位编码）即可，类、款行可留空，由其下各行汇总；"
          f"项行空白视为0。{ADD_ROWS}",
    "T3": "填写说明：每行一个功能分类科目，按列填写各项支出；填到“项”（7位编码）即可，类、款行可留空，由其下各行汇总；"
          f"项行空白视为0。{ADD_ROWS}",
    "T4": "填写说明：左侧填三项财政拨款收入和年初结转结余，右侧按功能分类“类”分资金填支出；空白视为0。",
    "T5": "填写说明：每行一个功能分类科目，须细化到“项”（7位编码），填写基本支出、项目支出（合计可留空）；"
          f"类、款行可留空，由其下各项汇总。{ADD_ROWS}",
    "T6": "填写说明：左侧填人员经费（301、303），右侧填公用经费（302、310），按经济分类“款”（5位编码）填决算数；"
          f"类行（3位编码）可留空，由其下各款汇总。{ADD_ROWS}",
    "T7": f"填写说明：每行一个功能分类科目；无政府性基金收支的，保留空表，并在“表下说明”行写明原因。{ADD_ROWS}",
    "T8": f"填写说明：每行一个功能分类科目；无国有资本经营收支的，保留空表，并在“表下说明”行写明原因。{ADD_ROWS}",
    "T9": "填写说明：在数据行填写各项“三公”经费的全年预算数和决算数；无支出的在“表下说明”行写明。",
    COMPARATIVES_SHEET: "填写说明：按“键”填写上年决算数、年初预算数、全年预算数；某项功能分类填“项.7位编码”，可加行。",
    SANGONG_SHEET: "填写说明：填写“三公”经费的团组、人次、车辆数、接待批次人次及开支内容；不适用的留空。",
    MATTERS_SHEET: "填写说明：填写机关运行经费、政府采购、国有资产占用情况；金额单位见第3行，面积填平方米。",
    EVAL_SHEET: "填写说明：每个绩效自评表一行（整体或项目），评价名称须唯一，资金和指标表按评价名称对应。",
    FUNDS_SHEET: "填写说明：每行一条资金来源（如上级资金、本级资金、年度资金总额），评价名称与“绩效自评”一致。",
    INDICATORS_SHEET: "填写说明：每行一个三级指标，比较符填 =、>=、<= 等，目标值和实际完成值照表填写（含单位）。",
    REASONS_SHEET: "填写说明：按“键”填写增减变化和预决算差异的主要原因（类型“原因”）及其他文字（类型“文字”）。",
}

# --------------------------------------------------------------------------- the nine tables

#: 公开01 and 公开04 list one row per 功能分类 类 (the 26 of the 2024 published form).
T1_CLASS_CODES = (
    "201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214",
    "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "234",
)

T1_INCOME = ("收入", "项目", "决算数")  # group, item column, amount column
T1_EXPENDITURE = ("支出", "项目", "决算数")
T1_INCOME_FOOTER = ("本年收入合计", "使用非财政拨款结余（含专用结余）", "年初结转和结余", "总计")
T1_EXPENDITURE_FOOTER = ("本年支出合计", "结余分配", "年末结转和结余", "总计")

T4_INCOME_OPENING = "年初财政拨款结转和结余"
T4_EXPENDITURE_CLOSING = "年末财政拨款结转和结余"
T4_EXPENDITURE_COLUMNS = ("合计", *FUNDS)
T4_OPENING_KEY = "年初结转和结余"  # source-key prefixes, as the YAML reader names them
T4_CLOSING_KEY = "年末结转和结余"

CODE_HEADER = "科目编码"
NAME_HEADER = "科目名称"

#: Coded tables: key → (columns in the model, header row texts, group label over columns or "").
CODED_COLUMNS = {
    "T2": T2_COLUMNS,
    "T3": T3_COLUMNS,
    "T5": T5_COLUMNS,
    "T7": FUND_TABLE_COLUMNS,
    "T8": FUND_TABLE_COLUMNS,
}
#: Header text printed for a model column where it differs (公开07/08 group 本年支出 over three).
FUND_TABLE_SPENDING_GROUP = "本年支出"
FUND_TABLE_HEADERS = {"本年支出合计": ("本年支出", "合计"), "基本支出": ("本年支出", "基本支出"),
                      "项目支出": ("本年支出", "项目支出")}
#: Columns that are row totals: a blank cell there is "not stated" (derive computes it), not zero.
TOTAL_COLUMNS = ("本年收入合计", "本年支出合计", "合计")
#: Rows where the 合计 row is printed last (the others print it first).
TOTAL_LAST = ("T5", "T7", "T8")

T6_LEFT = "人员经费"
T6_RIGHT = "公用经费"
T6_AMOUNT = "决算数"
T6_SUBTOTALS = ("人员经费合计", "公用经费合计")
T6_LEFT_CLASSES = ("301", "303")
T6_RIGHT_CLASSES = ("302", "310")
#: 款 left out of the blank form (military items; 310 prints only the selected 款).
T6_OMITTED = ("30221", "30222", "30223", "30224", "30225")
T6_310_SELECTED = ("31001", "31002", "31003", "31007", "31013", "31019", "31021", "31022", "31099")

T9_BUDGET = "预算数"
T9_ACTUAL = "决算数"
#: 三公 items that are totals of others (blank = not stated rather than zero).
T9_TOTAL_ITEMS = ("合计", "公务用车购置及运行维护费")

# --------------------------------------------------------------------------- key/value sheets

KV_LABEL = "项目"
KV_VALUE = "内容"
KV_HINT = "填写说明"

# (label, attribute path, kind, hint). Kinds: text, int, year, list, amount, decimal.
UNIT_ROWS = (
    ("单位名称", "name", "text", "单位全称"),
    ("年度", "year", "year", "决算年度，如2024"),
    ("单位性质", "unit_kind", "text", "行政单位 / 参照公务员法管理事业单位 / 事业单位"),
    ("实有人数", "staff.total", "int", "人"),
    ("在职人员", "staff.serving", "int", "人"),
    ("在职人员增减", "staff.serving_change", "int", "比上年增加填正数，减少填负数"),
    ("离休人员", "staff.retired_cadres", "int", "人"),
    ("离休人员增减", "staff.retired_cadres_change", "int", "比上年增加填正数，减少填负数"),
    ("退休人员", "staff.retirees", "int", "人"),
    ("退休人员增减", "staff.retirees_change", "int", "比上年增加填正数，减少填负数"),
    ("下属预算单位数", "subordinate_units", "int", "个；无下属单位填0"),
    ("下属预算单位", "subordinate_names", "list", "每行一个单位名称"),
    ("内设科室", "internal_sections", "list", "每行一个科室名称"),
    ("主要职能", "functions", "list", "每行一条职能，不写序号"),
    ("配置", "profile", "text", "公开格式：xinjiang-2024 / shanghai-2024 / national，留空为 xinjiang-2024"),
)
DEFAULT_PROFILE = "xinjiang-2024"
UNIT_KINDS = ("行政单位", "参照公务员法管理事业单位", "事业单位")

SANGONG_ROWS = (
    ("因公出国（境）团组数", "outbound_groups", "int", "个"),
    ("因公出国（境）人次", "outbound_people", "int", "人次"),
    ("因公出国（境）费开支内容", "outbound_content", "text", "开支内容"),
    ("公务用车购置数", "vehicles_purchased", "int", "辆"),
    ("公务用车保有量", "vehicles_held", "int", "辆"),
    ("固定资产车辆数", "fixed_asset_vehicles", "int", "国有资产占用情况中的固定资产车辆，辆"),
    ("车辆数差异原因", "vehicle_gap_reason", "text", "固定资产车辆与公务用车保有量的差异原因"),
    ("公务用车运行维护费开支内容", "vehicle_content", "text", "开支内容"),
    ("国内公务接待批次", "reception_batches", "int", "批次"),
    ("国内公务接待人次", "reception_people", "int", "人次"),
    ("公务接待费开支内容", "reception_content", "text", "开支内容"),
)

MATTERS_ROWS = (
    ("机关运行经费", "operating_cost", "amount", "行政单位和参公事业单位财政拨款基本支出中的公用经费"),
    ("政府采购支出总额", "procurement.total", "amount", ""),
    ("政府采购货物支出", "procurement.goods", "amount", ""),
    ("政府采购工程支出", "procurement.works", "amount", ""),
    ("政府采购服务支出", "procurement.services", "amount", ""),
    ("授予中小企业合同金额", "procurement.sme", "amount", ""),
    ("其中：授予小微企业合同金额", "procurement.small_micro", "amount", ""),
    ("资产统计截止日期", "assets.as_of", "text", "如2024年12月31日"),
    ("房屋面积（平方米）", "assets.building_area", "decimal", "平方米"),
    ("房屋价值", "assets.building_value", "amount", ""),
    ("车辆总数（辆）", "assets.vehicles_total", "int", "辆"),
    ("车辆价值", "assets.vehicles_value", "amount", ""),
    *((f"车辆：{cat}（辆）", f"assets.vehicles.{cat}", "int", "辆") for cat in VEHICLE_CATEGORIES),
    ("其他用车主要是", "assets.other_vehicles_note", "text", "如：一般公务用车"),
    ("单价100万元（含）以上设备（台（套））", "assets.large_equipment", "int", "不含车辆"),
)

# --------------------------------------------------------------------------- comparatives, reasons

#: Comparative subjects that are counts, not amounts (never converted from 元).
COUNT_SUBJECTS = (
    "三公.出国团组", "三公.出国人次", "三公.购置车辆", "三公.保有车辆", "三公.固定资产车辆",
    "三公.接待批次", "三公.接待人次", "资产.房屋面积", "资产.车辆", "资产.大型设备",
    "人员.实有", "人员.在职", "人员.离休", "人员.退休",
)
COMP_KEY = "键"
COMP_LABEL = "项目"
COMP_COLUMNS = (("prior", "上年决算数"), ("initial_budget", "年初预算数"), ("full_year_budget", "全年预算数"))
COMPARATIVE_KEYS = (
    ("收支总计", "收入支出总计（上年）"),
    ("财政拨款收支总计", "财政拨款收入支出总计"),
    ("一般公共预算财政拨款支出", "一般公共预算财政拨款支出"),
    *((f"三公.{item}", f"“三公”经费：{item}") for item in SANGONG_ITEMS),
    ("机关运行经费", "机关运行经费"),
)

REASON_KIND = "类型"
REASON_KEY = "键"
REASON_LABEL = "项目"
REASON_TEXT = "内容"
REASON = "原因"
TEXT = "文字"
REASON_KEYS = (
    ("收支总计.增减", "收入支出总体比上年增减的主要原因"),
    ("财政拨款收支总计.增减", "财政拨款收支比上年增减的主要原因"),
    ("财政拨款收支总计.预决算", "财政拨款收支预决算差异的主要原因"),
    ("一般公共预算财政拨款支出.增减", "一般公共预算财政拨款支出比上年增减的主要原因"),
    ("一般公共预算财政拨款支出.预决算", "一般公共预算财政拨款支出预决算差异的主要原因"),
    *((f"三公.{item}.增减", f"“三公”经费{item}比上年增减的主要原因")
      for item in ("合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")),
    *((f"三公.{item}.预决算", f"“三公”经费{item}预决算差异的主要原因")
      for item in ("合计", "因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费")),
    ("机关运行经费.增减", "机关运行经费比上年增减的主要原因"),
)
TEXT_KEYS = (
    ("绩效.成效", "预算绩效管理取得的成效"),
    ("绩效.问题", "发现的问题及原因"),
    ("绩效.措施", "下一步改进措施"),
    ("其他事项", "其他需说明的事项"),
)

# --------------------------------------------------------------------------- 绩效

EVAL_NAME = "评价名称"
EVAL_COLUMNS = (
    ("name", EVAL_NAME), ("kind", "类型"), ("year", "年度"), ("department", "主管部门"),
    ("implementer", "实施单位"), ("goal", "年度总体目标"), ("achieved", "实际完成情况"),
    ("total", "总分"), ("grade", "评价结果"),
)
EVAL_KINDS = ("整体", "项目")
FUND_COLUMNS = (
    ("evaluation", EVAL_NAME), ("label", "资金来源"), ("initial_budget", "年初预算数"),
    ("full_year_budget", "全年预算数"), ("executed", "全年执行数"), ("weight", "分值"),
    ("rate", "执行率（%）"), ("score", "得分"),
)
INDICATOR_COLUMNS = (
    ("evaluation", EVAL_NAME), ("level1", "一级指标"), ("level2", "二级指标"), ("name", "三级指标"),
    ("weight", "分值权重"), ("comparator", "比较符"), ("target", "目标值"), ("actual", "实际完成值"),
    ("rate", "完成率（%）"), ("score", "指标得分"), ("rule", "赋分规则"), ("basis", "指标值设定依据"),
    ("prior_result", "上年完成情况"), ("evidence", "佐证资料"), ("deviation", "偏差原因分析及改进措施"),
)
#: Header aliases the reader also accepts.
INDICATOR_ALIASES = {"weight": ("权重", "分值"), "target": ("预期指标值",), "actual": ("业绩值", "实际完成指标值"),
                     "score": ("得分",), "rate": ("完成率",)}
FUND_ALIASES = {"weight": ("分值权重",), "rate": ("执行率",), "label": ("资金",)}
COMPARATORS = ("=", ">=", "<=", ">", "<", "≥", "≤")
RULES = ("按照完成比例赋分", "满意度赋分", "直接赋分", "按评判等级赋分")


def split_target(target: str) -> tuple[str, str]:
    """"<=309.78万元" → ("<=", "309.78万元"); "提高" → ("", "提高")."""
    for comparator in sorted(COMPARATORS, key=len, reverse=True):
        if target.startswith(comparator):
            return comparator, target[len(comparator):]
    return "", target



# =========================================================================== the budget workbook
#
# `juesuan template --kind 预算` writes a budget's data workbook (部门预算 / 单位预算). Its table sheets
# are the budget profile's tables (titles and columns from ``Profile.layout``, so a region's form is
# data); the sheets below are a budget's own. ``io/writers/template_budget.py`` writes it and
# ``io/readers/data_xlsx_budget.py`` reads it; ``data_xlsx.read_workbook`` tells it by its 类型 row.

KIND_LABEL = "类型"
BUDGET_KINDS = ("部门预算", "单位预算")
DEFAULT_BUDGET_PROFILE = "national-yusuan"
BUDGET_UNIT_ROWS = (
    ("单位名称", "name", "text", "单位全称"),
    ("年度", "year", "year", "预算年度，如2025"),
    ("类型", "kind", "text", "部门预算 / 单位预算"),
    *(row for row in UNIT_ROWS if row[1] not in ("name", "year", "profile")),
    ("配置", "profile", "text", "公开格式：national-yusuan / shanghai-yusuan 等预算配置，留空为 national-yusuan"),
)

#: 收支总表: the income rows come from the layout; then the balances (a budget's own words).
BUDGET_T1_BALANCES = (("上年结转", "opening_balance"), ("结转下年", "closing_balance"))
#: 财政拨款收支总表: each fund's 本年收入, then the balances (spending by 类 comes from the
#: 一般公共预算 / 政府性基金 / 国有资本经营 tables).
BUDGET_T4_ROWS = (("一般公共预算拨款收入", "income", FUNDS[0]), ("政府性基金预算拨款收入", "income", FUNDS[1]),
                  ("国有资本经营预算拨款收入", "income", FUNDS[2]), ("上年结转", "opening_total", ""),
                  ("结转下年", "closing_total", ""))
BUDGET_AMOUNT = "预算数"
BUDGET_LAST_YEAR = "上年预算数"

PRIOR_BUDGET_SHEET = "上年预算"
BUDGET_MATTERS_SHEET = "其他事项"
GOALS_SHEET = "绩效目标"
GOAL_INDICATORS_SHEET = "绩效指标"

BUDGET_HINTS = {
    UNIT_SHEET: "填写说明：每行一项，在“内容”列填写；类型填部门预算或单位预算；主要职能、内设科室每行写一条，可插入同名行。",
    "T1": "填写说明：按行填写各项收入的预算数和上年结转、结转下年；按功能分类的支出由支出总表汇总。",
    "T4": "填写说明：填写三项财政拨款的本年收入和上年结转、结转下年；按功能分类的支出由各拨款支出表汇总。",
    "T9": "填写说明：填写各项“三公”经费的本年预算数和上年预算数；小计、合计可留空由系统计算。",
    "coded": f"填写说明：每行一个科目编码，填到最细一级即可，上级科目和合计行由系统汇总。{ADD_ROWS}",
    PRIOR_BUDGET_SHEET: "填写说明：按“键”填写上年预算数（与本年比较用）；某项功能分类填“项.7位编码”，可加行。",
    BUDGET_MATTERS_SHEET: "填写说明：填写机关运行经费、政府采购预算、国有资产占有和拟购置情况，以及绩效目标的项目数和金额。",
    GOALS_SHEET: "填写说明：每个绩效目标表一行（项目或整体），名称须唯一，指标在“绩效指标”表中按名称对应。",
    GOAL_INDICATORS_SHEET: "填写说明：每行一个三级指标；指标性质填 ≥、≤、= 等（定性指标不填），指标值、度量单位分列填写。",
    REASONS_SHEET: "填写说明：按“键”填写与上年预算相比增减的主要原因（类型“原因”）及其他文字（类型“文字”）。",
}

BUDGET_MATTERS_ROWS = (
    ("机关运行经费", "operating_cost", "amount", "行政单位和参公事业单位的机关运行经费预算"),
    ("政府采购预算货物", "procurement.goods", "amount", ""),
    ("政府采购预算工程", "procurement.works", "amount", ""),
    ("政府采购预算服务", "procurement.services", "amount", ""),
    ("资产统计截止日期", "assets.as_of", "text", "如2024年12月31日"),
    ("车辆总数（辆）", "assets.vehicles_total", "int", "辆；可留空，由各类相加"),
    *((f"车辆：{cat}（辆）", f"assets.vehicles.{cat}", "int", "辆") for cat in VEHICLE_CATEGORIES),
    ("单价100万元（含）以上设备（台（套））", "assets.large_equipment", "int", "不含车辆"),
    ("拟购置车辆总数（辆）", "assets.planned_vehicles_total", "int", "辆；可留空，由各类相加"),
    *((f"拟购置车辆：{cat}（辆）", f"assets.planned_vehicles.{cat}", "int", "辆") for cat in VEHICLE_CATEGORIES),
    ("拟购置单价100万元（含）以上设备（台（套））", "assets.planned_equipment", "int", "不含车辆"),
    ("编报绩效目标的项目数", "goals.projects", "int", "个；填了绩效目标表时可留空"),
    ("涉及项目预算资金", "goals.amount", "amount", "填了绩效目标表时可留空"),
)

GOAL_NAME = "目标名称"
GOAL_COLUMNS = (("name", GOAL_NAME), ("kind", "类型"), ("amount", "资金"), ("department", "主管部门"),
                ("implementer", "实施单位"), ("goal", "年度绩效目标"))
GOAL_KINDS = ("项目", "整体")
GOAL_INDICATOR_COLUMNS = (("goal", GOAL_NAME), ("level1", "一级指标"), ("level2", "二级指标"), ("name", "三级指标"),
                          ("comparator", "指标性质"), ("value", "指标值"), ("unit", "度量单位"), ("weight", "权重"))
GOAL_LEVELS = ("产出指标", "效益指标", "满意度指标", "成本指标")
GOAL_COMPARATORS = ("≥", "≤", "=", ">", "<")

BUDGET_REASON_KEYS = (
    ("收支总计.增减", "收支总预算比上年预算增减的主要原因"),
    ("财政拨款收支总计.增减", "财政拨款收支比上年预算增减的主要原因"),
    ("一般公共预算财政拨款支出.增减", "一般公共预算当年拨款比上年预算增减的主要原因"),
    *((f"三公.{item}.增减", f"“三公”经费{item}比上年预算增减的主要原因")
      for item in ("合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")),
    ("机关运行经费.增减", "机关运行经费比上年预算增减的主要原因"),
)
BUDGET_TEXT_KEYS = (
    ("职能概述", "主要职能之前的概述（如“本单位是……”）"),
    ("机构设置", "机构设置的说明（留空则按内设科室列出）"),
    ("其他事项", "其他需说明的事项"),
)
BUDGET_COMPARATIVE_KEYS = (
    ("收支总计", "收支总预算"),
    ("财政拨款收支总计", "财政拨款收支总预算"),
    ("本年财政拨款支出", "财政拨款支出预算"),
    ("一般公共预算财政拨款支出", "一般公共预算当年拨款"),
    *((f"三公.{item}", f"“三公”经费：{item}") for item in SANGONG_ITEMS),
    ("机关运行经费", "机关运行经费"),
)
