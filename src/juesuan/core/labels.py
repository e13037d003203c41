"""Figure keys (:mod:`juesuan.core.keys`) as a finance officer names them.

Where it sits: core, beside ``keys``. Checks and reports put :func:`label` into findings'
messages and figure labels so that a reader sees "社会保障和就业支出（208）" and
"“三公”经费合计增减率", never "类.208" or "三公.合计.增减率". The figure keys themselves stay
the internal vocabulary (derive, phrasebook, readers); this module only names them.
"""

from __future__ import annotations

from functools import lru_cache

from .codes import economic_codes, function_codes
from .keys import BUDGET_GAP, DELTA, DELTA_PCT, FULL_BUDGET, INITIAL_BUDGET, PRIOR, SHARE, SUFFIXES

#: Suffix → the words appended to the subject's name.
SUFFIX_WORDS = {
    SHARE: "占比",
    PRIOR: "上年数",
    DELTA: "增减额",
    DELTA_PCT: "增减率",
    INITIAL_BUDGET: "年初预算数",
    FULL_BUDGET: "全年预算数",
    BUDGET_GAP: "预决算差异率",
    "完成率": "完成率",  # keys.COMPLETION
    "预决算差额": "决算数与预算数之差",  # keys.BUDGET_DIFF
    # reason keys (Disclosure.reasons): "<subject>.预决算", "三公.固定资产车辆.差异"
    "预决算": "预决算差异",
    "差异": "差异",
}

#: Subjects whose name is not the key itself.
_SUBJECTS = {
    "收支总计": "收入支出总计",
    "财政拨款收支总计": "财政拨款收入支出总计",
    "三公.合计": "“三公”经费合计",
    "三公.出国团组": "因公出国（境）团组数",
    "三公.出国人次": "因公出国（境）人次",
    "三公.购置车辆": "公务用车购置数",
    "三公.保有车辆": "公务用车保有量",
    "三公.固定资产车辆": "固定资产车辆数",
    "三公.接待批次": "国内公务接待批次",
    "三公.接待人次": "国内公务接待人次",
    "政府采购.总额": "政府采购支出总额",
    "政府采购.货物": "政府采购货物支出",
    "政府采购.工程": "政府采购工程支出",
    "政府采购.服务": "政府采购服务支出",
    "政府采购.中小企业": "授予中小企业合同金额",
    "政府采购.小微企业": "授予小微企业合同金额",
    "政府采购.预留中小企业": "预留项目中由中小企业中标或成交的采购金额",
    "政府采购.其他中小企业": "其他项目中由中小企业中标或成交的采购金额",
    "资产.房屋面积": "房屋面积",
    "资产.房屋价值": "房屋价值",
    "资产.车辆": "车辆数",
    "资产.车辆价值": "车辆价值",
    "资产.大型设备": "单位价值100万元以上大型设备数",
    "资产.拟购车辆": "拟购置车辆数",
    "资产.拟购设备": "拟购置单位价值100万元以上大型设备数",
    "政府采购.一般公共预算.总额": "一般公共预算拨款政府采购预算",
    "政府采购.一般公共预算.货物": "一般公共预算拨款政府采购货物预算",
    "政府采购.一般公共预算.工程": "一般公共预算拨款政府采购工程预算",
    "政府采购.一般公共预算.服务": "一般公共预算拨款政府采购服务预算",
    "绩效.整体表数": "整体支出绩效自评表数",
    "绩效.整体.全年预算": "整体支出绩效自评全年预算数",
    "绩效.整体.执行数": "整体支出绩效自评全年执行数",
    "绩效.项目数": "项目支出绩效自评项目数",
    "绩效.项目.全年预算": "项目支出绩效自评全年预算数",
    "绩效.项目.执行数": "项目支出绩效自评全年执行数",
    "绩效.综合得分": "整体支出绩效自评综合得分",
    "人员.实有": "实有人数",
    "人员.在职": "在职人员",
    "人员.离休": "离休人员",
    "人员.退休": "退休人员",
    "人员.编制": "编制人数",
    "人员.编制.行政": "行政编制人数",
    "人员.编制.参公": "参照公务员管理的事业编制人数",
    "人员.编制.全额": "全部补助事业编制人数",
    "人员.编制.差额": "差额补助事业编制人数",
    "人员.编制.自收自支": "自收自支编制人数",
    "人员.编制.事业": "事业编制人数",
    "人员.编制.工勤": "工勤编制人数",
    "人员.下属单位": "下属单位数",
    "人员.科室": "内设科室数",
}

#: Subjects that are counts: their change is an 增减数, not an 增减额 (an amount).
_COUNTS = frozenset({"资产.车辆", "资产.大型设备", "资产.拟购车辆", "资产.拟购设备", "资产.房屋面积", "绩效.整体表数", "绩效.项目数", "三公.出国团组",
                     "三公.出国人次", "三公.购置车辆", "三公.保有车辆", "三公.固定资产车辆", "三公.接待批次", "三公.接待人次"})

# a suffix added to core.keys without a word here is named by itself (and fails tests/test_labels.py)
SUFFIX_WORDS.update({s: s for s in SUFFIXES if s not in SUFFIX_WORDS})

_CODED = {"类": 3, "款": 5, "项": 7}


def _split(figure_key: str) -> tuple[str, str]:
    """Subject and suffix; like ``keys.split`` but also for reader-added "…率" and reason suffixes."""
    head, _, tail = figure_key.rpartition(".")
    if head and (tail in SUFFIX_WORDS or (tail.endswith("率") and not tail[0].isdigit())):
        return head, tail
    return figure_key, ""


def _coded(level: str, code: str, year: int) -> str:
    name = function_codes(year).name_of(code)
    return f"{name}（{code}）" if name else f"{level}级科目{code}"


def subject_label(subject: str, year: int = 2024) -> str:
    """The name of a subject (a key without its suffix)."""
    if subject in _SUBJECTS:
        return _SUBJECTS[subject]
    head, _, tail = subject.partition(".")
    if not tail:
        return subject
    if head in _CODED and tail.isdigit():
        return _coded(head, tail, year)
    if head == "全部资金" and tail.startswith("类.") and tail[2:].isdigit():  # every source's spending by 类
        return f"{_coded('类', tail[2:], year)}（全部资金）"
    if head == "经济" and tail.isdigit():
        name = economic_codes().name_of(tail)
        return f"{name}（{tail}）" if name else f"经济分类科目{tail}"
    if head in ("收入", "支出", "三公"):
        return tail
    if head == "资产" and tail.startswith("拟购车辆."):
        return f"拟购置{tail.removeprefix('拟购车辆.')}数"
    if head == "资产" and tail.startswith("车辆."):
        return f"{tail.removeprefix('车辆.')}数"
    if head == "人员" and tail:
        return tail if tail.endswith(("人数", "人员", "数")) else f"{tail}人员"
    return "".join(p for p in subject.split("."))


def _is_count(subject: str) -> bool:
    return subject in _COUNTS or subject.startswith(("人员.", "资产.车辆.", "资产.拟购车辆."))


@lru_cache(maxsize=4096)
def label(key: str, year: int = 2024) -> str:
    """A figure key in the words a finance officer writes.

    "类.208" → "社会保障和就业支出（208）"; "项.2080501.增减" → "行政单位离退休（2080501）增减额";
    "三公.合计.增减率" → "“三公”经费合计增减率"; "收入.财政拨款收入.占比" → "财政拨款收入占比".
    Keys joined by "｜" (one quantity under two keys) are named each and joined by "／".
    """
    if "｜" in key:
        return "／".join(label(part, year) for part in key.split("｜"))
    if key in _SUBJECTS:  # "绩效.整体.全年预算" is a subject, not 绩效.整体 + 全年预算
        return _SUBJECTS[key]
    subject, suffix = _split(key)
    name = subject_label(subject, year)
    if not suffix:
        return name
    if suffix == DELTA and _is_count(subject):
        return f"{name}增减数"
    if suffix == PRIOR and _is_count(subject):
        return f"{name}（上年）"
    return name + SUFFIX_WORDS.get(suffix, suffix)
