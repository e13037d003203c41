"""The vocabulary of figure keys shared by derive, the phrasebook, readers and checks.

Derived figures (``rules.derive``) and stated figures (``Narrative.statements``) use the same
keys, so a narrative check is "stated[key] vs derived[key]" and the phrasebook renders and
parses one key set. A key is a *subject* optionally followed by a *suffix*:

Subjects (amounts in 万元 unless said otherwise)::

    收入总计 本年收入合计 使用非财政拨款结余 年初结转和结余
    支出总计 本年支出合计 结余分配 年末结转和结余
    收支总计                          (for its 同比: 收支总计.增减 / .增减率)
    收入.<item>    item ∈ INCOME_ITEMS   (第二部分 二)
    收入.<fund>财政拨款收入  fund ∈ 一般公共预算 政府性基金预算 国有资本经营预算: the sub-lines
                   of 收入.财政拨款收入 (FUND_INCOME_ITEMS), never the 财政拨款 total itself
    支出.<item>    item ∈ EXPENDITURE_ITEMS (第二部分 三)
    全部资金.类.<code>  spending of every source by 类 (支出决算表 / a budget's 支出总表 rows; a budget's
                   说明 lists it: "按支出功能分类，包括一般公共服务支出5,183万元")
    财政拨款收入总计 年初财政拨款结转和结余 本年财政拨款收入
    财政拨款支出总计 年末财政拨款结转和结余 本年财政拨款支出
    财政拨款收支总计                  (同比 and 预决算 of 第二部分 四)
    一般公共预算财政拨款支出          (第二部分 五(一))
    政府性基金预算财政拨款支出 国有资本经营预算财政拨款支出   (七, 八: the fund's 本年支出)
    类.<code>      (五(二))           项.<code>  (五(三))
    一般公共预算财政拨款基本支出 人员经费 公用经费   (六)
    三公.<item>    item ∈ model.SANGONG_ITEMS (九)
    三公.出国团组 三公.出国人次 三公.购置车辆 三公.保有车辆 三公.固定资产车辆 三公.接待批次 三公.接待人次 (counts)
    机关运行经费
    政府采购.<part> part ∈ 总额 货物 工程 服务 中小企业 小微企业 预留中小企业 其他中小企业
                   (the last two: Shanghai's 中小企业 amount in two parts, reserved projects and others)
    资产.房屋面积 (平方米) 资产.房屋价值 资产.车辆 (辆) 资产.车辆价值 资产.车辆.<category> (辆) 资产.大型设备 (台（套）)
    政府采购.一般公共预算.<part>     (a budget's procurement paid from 一般公共预算拨款)
    一般公共预算财政拨款项目支出     (a budget's 说明: the 项目支出 beside 一般公共预算财政拨款基本支出)
    绩效.整体表数 绩效.整体.全年预算 绩效.整体.执行数 绩效.项目数 绩效.项目.全年预算 绩效.项目.执行数 绩效.综合得分 (分)
    人员.实有 人员.在职 人员.离休 人员.退休 人员.下属单位 人员.科室  (counts; .增减 for changes)
    人员.编制 人员.编制.<kind> kind ∈ 行政 参公 全额 差额 自收自支 事业 工勤 (编制人数 and the kinds listed under it)

Suffixes::

    .占比        share in percent of the subject's base (see rules §7.4)
    .上年        last year's amount
    .增减        signed change against last year (the direction word carries the sign in text)
    .增减率      signed percentage change against last year
    .年初预算    年初预算数
    .全年预算    全年预算数
    .预决算差异率 (决算 − 预算) / 预算 × 100, signed
    .完成率      决算 / 年初预算 × 100 (Shanghai "完成年初预算的X%"); 全年预算 when 年初预算 is 0 or absent
    .预决算差额  决算 − 预算 in 万元, signed ("决算数大于预算数55.93万元" → +55.93)

Budgets (部门预算 / 单位预算) use the same keys: a budget's own figure for its year is the subject
itself ("收支总计", "项.2010301", "三公.合计", "机关运行经费": the amount budgeted), and ``.上年``,
``.增减`` and ``.增减率`` compare with last year's *budget* (the base a budget's 说明 compares
with), not last year's 决算. So a 决算's "X.年初预算" and the same year's budget's "X" are one
figure seen from both documents (``rules.checks.across.against_budget``). The 决算-only suffixes
(``.年初预算``, ``.全年预算``, ``.预决算差异率``, ``.完成率``) do not occur in a budget.

What only a budget states has subjects of its own, or takes the 决算's nearest one::

    绩效.项目数 绩效.项目.全年预算    the projects that report 绩效目标 and their budget (a 决算's
                                   项目 self-evaluations and their 全年预算; Model ``Goals``)
    绩效.整体表数                    整体 绩效目标表 (a 决算's 整体 self-evaluations)
    资产.拟购车辆 (辆) 资产.拟购车辆.<category> (辆) 资产.拟购设备 (台（套）)
                                   the purchases the budget plans (``Assets.planned_*``)

Reasons (``Disclosure.reasons``) are keyed by ``<subject>.增减`` for a change and
``<subject>.预决算`` for a budget gap, plus ``三公.固定资产车辆.差异`` for the vehicle gap.
"""

from __future__ import annotations

INCOME_ITEMS = ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
#: The three fund lines of 财政拨款收入 (公开01 rows), as 收入.<item> subjects.
FUND_INCOME_ITEMS = ("一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入")
EXPENDITURE_ITEMS = ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
PROCUREMENT_PARTS = ("总额", "货物", "工程", "服务", "中小企业", "小微企业")

SHARE = "占比"
PRIOR = "上年"
DELTA = "增减"
DELTA_PCT = "增减率"
INITIAL_BUDGET = "年初预算"
FULL_BUDGET = "全年预算"
BUDGET_GAP = "预决算差异率"
BUDGET_REASON = "预决算"
COMPLETION = "完成率"
BUDGET_DIFF = "预决算差额"

SUFFIXES = (SHARE, PRIOR, DELTA, DELTA_PCT, INITIAL_BUDGET, FULL_BUDGET, BUDGET_GAP, COMPLETION, BUDGET_DIFF)


def key(subject: str, suffix: str = "") -> str:
    """Join a subject and a suffix: key("三公.合计", "增减率") → "三公.合计.增减率"."""
    return f"{subject}.{suffix}" if suffix else subject


def split(figure_key: str) -> tuple[str, str]:
    """Inverse of :func:`key`: "项.2010301.增减" → ("项.2010301", "增减")."""
    head, _, tail = figure_key.rpartition(".")
    if head and tail in SUFFIXES:
        return head, tail
    return figure_key, ""


def item(code: str) -> str:
    """Subject of a 项-level function code (五(三))."""
    return f"项.{code}"


def klass(code: str) -> str:
    """Subject of a 类-level function code (五(二))."""
    return f"类.{code}"


def all_funds_klass(code: str) -> str:
    """Subject of a 类's spending from every source (支出决算表, a budget's 支出总表)."""
    return f"全部资金.类.{code}"
