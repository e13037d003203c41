"""The unit's name against the title (W-DEPT-NAME), template alternatives and instructions left in
(W-TEMPLATE-CHOICE, W-TEMPLATE-REMNANT under a table), a rate without its % (W-PERCENT-SIGN),
项 written under the wrong 款 (N-ITEM-UNKNOWN), a 项 described with another 项's purpose
(N-ITEM-PURPOSE) and the Shanghai 中小企业 amounts against the procurement total (N-PROCUREMENT);
then the three Shanghai disclosures of /work/shared/corpus, where each of these defects is real."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from shared import SHARED, needs_shared, shared

from builders import doc, found, read
from juesuan.core.model import Unit

TITLE = "上海市普陀区规划和自然资源局"


def titled(body: str, name: str = TITLE):
    return replace(doc(text=body), unit=Unit(name=name, year=2024))


# --------------------------------------------------------------------------- W-DEPT-NAME

def test_changed_connector_is_reported_once_per_form_with_its_count():
    body = ("上海市普陀区规划与自然资源局2024年度无政府性基金预算财政拨款收入和支出。\n"
            "上海市普陀区规划与自然资源局2024年度无国有资本经营预算财政拨款收入和支出。\n"
            "上海市普陀区规划和自然资源局2024年度政府采购金额为10.00万元。")
    hits = found(titled(body), "W-DEPT-NAME")
    assert len(hits) == 1
    hit = hits[0]
    assert hit.severity.value == "warning"
    assert hit.figures["文中写法"] == "上海市普陀区规划与自然资源局" and hit.figures["处数"] == "2"
    assert [s.line for s in hit.spans] == [1, 2]


def test_short_form_with_changed_connector_is_reported_as_written():
    hit = found(titled("本年度规划与自然资源局所属各预算单位无公务用车。"), "W-DEPT-NAME")[0]
    assert hit.figures["文中写法"] == "规划与自然资源局"


def test_dropped_county_is_reported_where_the_document_speaks_of_itself():
    hit = found(titled("上海市规划和自然资源局2024年度部门决算表\n收入支出决算总表"), "W-DEPT-NAME")[0]
    assert hit.figures["文中写法"] == "上海市规划和自然资源局" and "普陀区" in hit.figures["差别"]


@pytest.mark.parametrize("body", [
    "普陀区规划和自然资源局2024年度收入支出总计10.00万元。",  # short form: leading places dropped
    "规划和自然资源局本年度无“三公”经费支出。",
    "根据上海市规划和自然资源局2024年度工作要点，完成全区规划编制。",  # citing the city's bureau
    "配合上海市规划和自然资源局开展地名普查。",  # another body, not the unit speaking of itself
    "上海市普陀区规划和自然资源局2024年度收入支出总计10.00万元。",
])
def test_accepted_forms_are_not_reported(body):
    assert not found(titled(body), "W-DEPT-NAME")


def test_another_bureau_differing_in_a_word_is_not_this_unit():
    body = "上海市普陀区民政局2024年度代发补助。上海市普陀区财政局2024年度收入支出总计10.00万元。"
    assert not found(titled(body, "上海市普陀区财政局"), "W-DEPT-NAME")


def test_party_department_without_county_is_reported():
    hit = found(titled("中共上海市委社会工作部2024年度无“三公”经费财政拨款支出。", "中共上海市普陀区委社会工作部"), "W-DEPT-NAME")[0]
    assert hit.figures["文中写法"] == "中共上海市委社会工作部"


# --------------------------------------------------------------------------- template wording

def test_alternatives_are_one_finding_per_line_and_same_direction_pairs_pass():
    hits = found(doc(text="减少（增加）0.15万元，下降（增长）27.78%。\n较上年增长（增加）5.00万元。"), "W-TEMPLATE-CHOICE")
    assert len(hits) == 1 and hits[0].figures["处数"] == "2" and hits[0].severity.value == "error"
    assert hits[0].spans[0].line == 1


def test_alternatives_after_a_slash_and_the_short_pair_are_template_choices():
    text = ("因公出国(境)费支出决算增加/减少0万元,增长/下降0%。\n"
            "安排因公出国(境)费0元,比上年预算增(减)0元。\n"
            "收入增加/增长5.00万元，支出减少2.00万元，收入/支出比为1.2。")
    hits = found(doc(text=text), "W-TEMPLATE-CHOICE")
    assert [h.figures["原文"] for h in hits] == ["增加/减少、增长/下降", "增(减)"]
    assert [h.spans[0].line for h in hits] == [1, 2]


def test_the_budget_comparison_with_its_alternative_left():
    # R48g/05 (大英 2023): "决算数小于预算数(或与预算数持平)的主要原因是…"
    (hit,) = found(doc(text="决算数小于预算数(或与预算数持平)的主要原因是公务用车年久失修。"), "W-TEMPLATE-CHOICE")
    assert hit.figures["原文"] == "小于预算数(或与预算数持平)"
    assert not found(doc(text="决算数小于预算数的主要原因是公务用车年久失修。"), "W-TEMPLATE-CHOICE")


def test_the_templates_finance_office_choice_is_a_remnant_warning():
    hits = found(doc(text="根据预算执行情况,经盘龙区财政厅(局)汇总,盘龙区人民政府2018年“三公”经费支出12.04万元。"),
                 "W-TEMPLATE-REMNANT")
    assert [(h.figures["原文"], h.severity.value) for h in hits] == [("财政厅(局)", "warning")]
    assert not found(doc(text="经盘龙区财政局汇总,盘龙区人民政府2018年“三公”经费支出12.04万元。"), "W-TEMPLATE-REMNANT")
    assert "应按实际写“财政厅”或“财政局”" in hits[0].message
    # R45x/07 (綦江工业园区 2018): "纳入本地区(本部门)部门决算汇编范围…比上年增加(减少)1个"
    text = "2018年度,纳入本地区(本部门)部门决算汇编范围的独立核算单位共1个,比上年增加(减少)1个。"
    (choice,) = found(doc(text=text), "W-TEMPLATE-REMNANT")
    assert choice.figures["原文"] == "本地区(本部门)" and "“本地区”或“本部门”" in choice.message
    assert found(doc(text=text), "W-TEMPLATE-CHOICE")
    assert not found(doc(text=text.replace("本地区(本部门)", "本部门")), "W-TEMPLATE-REMNANT")
    # R45v/08 (巴南 2017): the template's "增加(或减少)"
    assert found(doc(text="政府性基金预算支出0元,比2016年增加(或减少)0元。"), "W-TEMPLATE-CHOICE")


def test_empty_table_instruction_under_a_table_is_a_remnant():
    body = ("政府性基金预算财政拨款收入支出决算表\n单位：万元\n"
            "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：\n"
            "说明：本单位本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。")
    hit = found(doc(text=body), "W-TEMPLATE-REMNANT")[0]
    assert hit.figures["原文"].startswith("无政府性基金") and hit.figures["原文"].endswith("作下述说明：")
    assert hit.spans[0].line == 3


def test_a_template_field_label_left_before_its_paragraph():
    body = "一、部门主要职责\n负责全乡行政工作，并\n机构设置要求:本部门共有预算单位1个。\n人员情况要求：编制人数42人。"
    hits = found(doc(text=body), "W-TEMPLATE-REMNANT")
    assert [(h.figures["原文"], h.severity.value) for h in hits] == [("机构设置要求:", "warning"), ("人员情况要求：", "warning")]
    assert hits[1].spans[0].line == 4
    # R38d/06 (游仙区审计局): the blank's label kept beside the 0 written in it
    hits = found(doc(text="出国(境)团组主要包括0(团组名称)等,计划完成0(预期绩效)。"), "W-TEMPLATE-REMNANT")
    assert [h.figures["原文"] for h in hits] == ["(团组名称)", "(预期绩效)"]
    assert not found(doc(text="项目共3个(项目名称见附表),预期绩效良好。"), "W-TEMPLATE-REMNANT")


@pytest.mark.parametrize("body", ["现就有关情况说明如下：本单位本年度没有政府性基金预算财政拨款收入和支出。",
                                  "现对本年度收支情况作下述说明：收入合计10.00万元。"])
@pytest.mark.parametrize("extra", ["", "\n考核要求：按期完成。", "\n人员情况：编制人数42人，实有人数40人。"])
def test_a_plain_explanation_is_not_a_remnant(body, extra):
    assert not found(doc(text=body + extra), "W-TEMPLATE-REMNANT")


def test_rate_without_percent_sign():
    assert found(doc(text="支出增加1193.20万元，增长13.95。"), "W-PERCENT-SIGN")[0].figures["原文"] == "增长13.95"
    assert not found(doc(text="支出增加1193.20万元，增长13.95%。公务接待费减少0.15万元，下降27.78%。"), "W-PERCENT-SIGN")


def test_wan_without_yuan_is_a_unit_slip():
    hit = found(doc(text="国内公务接待支出0.39万（含外宾接待支出0.00万元）。合计11.90万元。"), "W-UNIT")
    assert [h.figures["原文"] for h in hit] == ["0.39万"]
    assert not found(doc(text="接待支出0.39万元，服务人口12.50万人次。"), "W-UNIT")
    assert not found(doc(text="项目覆盖人口1.20万，合计支出11.90万元。"), "W-UNIT")  # a count, not an amount


def test_a_subjects_level_left_without_its_name_is_a_blank():
    text = "一般公共服务(类)政府办公厅(室)及相关机构事务(款)(项):支出决算为441.72万元。\n卫生健康(类)行政事业单位医疗(款)(项):支出决算为21.91万元。"
    hits = found(doc(text=text), "W-PLACEHOLDER")
    assert [(h.figures["原文"], h.severity.value, h.spans[0].line) for h in hits] == [("(款)(项)", "warning", 1), ("(款)(项)", "warning", 2)]
    named = "一般公共服务(类)政府办公厅(室)及相关机构事务(款)行政运行(项):支出决算为441.72万元。"
    assert not found(doc(text=named), "W-PLACEHOLDER")


def test_a_wan_amount_in_a_text_counting_in_yuan_is_a_unit_slip():
    items = "其中:因公出国(境)费38,069.00元,公务用车运行费61,051.56元,公务接待费16,629.00元,比上年减少518,378.24元。"
    hit = found(doc(text="“三公”经费支出预算为494,400.00万元,支出决算为115,749.56元。" + items), "W-UNIT")
    assert [h.figures["原文"] for h in hit] == ["494,400.00万元"]
    assert not found(doc(text="“三公”经费支出预算为494,400.00元,支出决算为115,749.56元。" + items), "W-UNIT")


def test_unpaired_brackets_per_line():
    hits = found(doc(text="平均得分99.33分（其中，优的项目39个。\n成对的（括号）没有问题。\n多出的）右括号。"), "W-PAREN")
    assert [h.spans[0].line for h in hits] == [1, 3]
    assert not found(doc(text="维修（护）费、政府办公厅(室)及相关机构事务（款）。"), "W-PAREN")
    assert not found(doc(text="主要包括：1）基本工资；2）津贴补贴。"), "W-PAREN")  # enumeration marks


def test_an_excerpt_cut_inside_a_bracket_is_not_unpaired():
    from juesuan.core.identity import Identity

    text = "平均得分99.33分（其中，优的项目39个。\n研究提出中国(\n\n"
    excerpt = replace(doc(text=text), identity=Identity(partial="文件不完整：正文在句子中间结束"))
    assert [h.spans[0].line for h in found(excerpt, "W-PAREN")] == [1]  # the earlier line is still reported
    assert [h.spans[0].line for h in found(doc(text=text), "W-PAREN")] == [1, 2]  # a whole document: both


# --------------------------------------------------------------------------- 项 paths and purposes

def test_item_under_wrong_kuan_names_the_right_one():
    body = ("12、住房保障支出（类）住房保障支出（款）住房公积金（项）。\n主要用于：住房公积金支出。\n"
            "13、住房保障支出（类）住房保障支出（款）购房补贴（项）。\n主要用于：购房补贴支出。")
    hits = found(doc(text=body), "N-ITEM-UNKNOWN")
    assert [h.figures["科目编码"] for h in hits] == ["2210201", "2210203"]
    assert hits[0].figures["应为"] == "住房保障支出（类）住房改革支出（款）住房公积金（项）"
    assert hits[0].spans[0].line == 1 and hits[0].severity.value == "warning"


@pytest.mark.parametrize("body", [
    "1、住房保障支出（类）住房改革支出（款）住房公积金（项）。",
    "1.一般公共服务支出(类)政府办公厅（室）及相关机构事务(款)行政运行(项):支出决算数为5.00万元。",
    "1、一般公共服务支出（类）某新设事务（款）行政运行（项）。",  # 行政运行 stands under many 款: cannot tell
    "1、自然资源海洋气象等支出（类）自然资源事务（款）其他国土资源事务支出（项）。",  # a renamed 项: N-ITEM-NAME's case
])
def test_paths_the_table_cannot_fault_are_not_reported(body):
    assert not found(doc(text=body), "N-ITEM-UNKNOWN")


def test_an_item_without_its_paragraph_is_a_warning_when_a_paragraph_names_no_item_of_the_table():
    from catalogue_examples import T5I
    from juesuan.core.model import Tables
    from builders import said
    stray = "2.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）统计事务（项）:支出决算数为5.01万元。"
    (hit,) = found(doc(*said("项.2010301 100"), text=stray, tables=Tables(t5=T5I)), "N-ITEM-MISSING")
    assert hit.severity.value == "warning" and hit.figures["科目编码"] == "2010302"
    assert hit.figures["说明中名称"] == "统计事务" and "“统计事务（项）”5.01万元" in hit.message
    # no such paragraph: the 项 is simply not described, an error
    (hit,) = found(doc(*said("项.2010301 100"), tables=Tables(t5=T5I)), "N-ITEM-MISSING")
    assert hit.severity.value == "error"


def test_item_purpose_naming_another_subject():
    body = "8、住房保障支出（类）住房改革支出（款）住房公积金（项）。\n主要用于：事业单位医疗保险支出。全年预算为18.12万元。"
    hit = found(doc(text=body), "N-ITEM-PURPOSE")[0]
    assert hit.figures["用途"] == "事业单位医疗保险支出" and hit.figures["本项内容"] == "住房公积金"
    assert hit.figures["所写内容"] == "医疗保障" and hit.spans[0].line == 2


@pytest.mark.parametrize("body", [
    "4、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）。主要用于：机关事业单位养老保险制度下的职业年金支出。",
    "1、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。主要用于：行政单位退休人员支出。",
    "7、卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）。主要用于：事业单位医疗保险支出。",
    "8、城乡社区支出（类）城乡社区管理事务（款）行政运行（项）。主要用于：行政单位人员支出、公用支出。",
    # a 用于 inside the reason is not the purpose
    "1、住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为1.00万元，决算数小于预算数的主要原因：结余资金用于医疗保险缴费。",
    # the purpose is read only up to the next 项: the 医疗 of item 2 is not item 1's
    "1、住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为1.00万元。\n"
    "2、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。主要用于：行政单位医疗保险支出。",
])
def test_purposes_that_fit_are_not_reported(body):
    assert not found(doc(text=body), "N-ITEM-PURPOSE")


def test_purpose_naming_the_kind_of_spending_the_table_lacks():
    from catalogue_examples import ADMIN_ITEM, PROJECT_ONLY
    from juesuan.core.model import Tables

    (hit,) = found(doc(text=ADMIN_ITEM.format("局财政业务指导与宣传等基本支出"), tables=Tables(t5=PROJECT_ONLY)), "N-ITEM-KIND")
    assert hit.figures["科目编码"] == "2010302" and hit.figures["项目支出"] == "5.00" and hit.spans[0].line == 1
    # a purpose naming both kinds, or neither, says nothing the table can fault
    for purpose in ("人员经费等基本支出及项目支出", "业务指导与宣传"):
        assert not found(doc(text=ADMIN_ITEM.format(purpose), tables=Tables(t5=PROJECT_ONLY)), "N-ITEM-KIND")


# --------------------------------------------------------------------------- 中小企业 (Shanghai wording)

SME = ("在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额{a}万元；"
       "在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额{a}万元；"
       "在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额{b}万元。")


def _procurement(total: str, a: str, b: str):
    return read(f"本年度政府采购支出总额{total}万元。" + SME.format(a=a, b=b))


def test_sme_amounts_are_read_as_two_parts():
    d = _procurement("21.07", "21.07", "4.79")
    stated = {s.key: s.value for s in d.narrative.statements}
    assert stated["政府采购.预留中小企业"] == Decimal("21.07") and stated["政府采购.其他中小企业"] == Decimal("4.79")


def test_sme_amounts_beyond_the_total_are_an_error():
    hit = found(_procurement("21.07", "21.07", "21.07"), "N-PROCUREMENT")[0]
    assert hit.severity.value == "error" and hit.figures["授予中小企业合同金额（预留项目＋其他项目）"] == "42.14"
    first = hit.spans[0]  # the other projects' amount, marked where it is printed
    assert first.line == 1 and first.excerpt.startswith("在其他政府采购项目中") and first.excerpt[first.start:first.end] == "21.07"


def test_sme_amounts_within_rounding_of_the_total_pass():
    assert not found(_procurement("251.25", "246.47", "4.79"), "N-PROCUREMENT")
    assert not found(_procurement("21.07", "21.07", "0"), "N-PROCUREMENT")


# --------------------------------------------------------------------------- the Shanghai corpus

CORPUS = SHARED / "corpus"
NEW_CODES = {"W-DEPT-NAME", "W-TEMPLATE-CHOICE", "W-PERCENT-SIGN", "W-PAREN", "N-ITEM-UNKNOWN", "N-ITEM-PURPOSE"}


def _findings(name: str):
    path = CORPUS / name
    shared(str(path.relative_to(SHARED)))
    from juesuan.audit import check_path
    return check_path(str(path), None).report.findings


@pytest.fixture(scope="module")
def guihua():
    return _findings("shanghai-putuo-guihuaziyuanju-2024-juesuan.pdf")


@needs_shared
def test_guihua_defects(guihua):
    by = lambda code: [f for f in guihua if f.code == code]
    assert [f.figures["原文"] for f in by("W-TEMPLATE-CHOICE")] == ["下降（增长）"]
    assert sorted(f.figures["文中写法"] for f in by("W-DEPT-NAME")) == ["上海市普陀区规划与自然资源局", "上海市规划和自然资源局"]
    assert sorted(f.figures["科目编码"] for f in by("N-ITEM-UNKNOWN")) == ["2210201", "2210203"]
    assert [f.figures["原文"] for f in by("W-PERCENT-SIGN")] == ["增长13.95"]
    assert [f.figures["原文"] for f in by("W-UNIT")] == ["0.39万"]
    assert len(by("W-PAREN")) == 1


@needs_shared
def test_shehuigongzuobu_defects():
    found_ = _findings("shanghai-putuo-shehuigongzuobu-2024-juesuan.pdf")
    remnants = [f for f in found_ if f.code == "W-TEMPLATE-REMNANT"]
    assert len(remnants) == 2 and all("仍保留该表格式" in f.figures["原文"] for f in remnants)
    purpose = [f for f in found_ if f.code == "N-ITEM-PURPOSE"]
    assert len(purpose) == 1 and purpose[0].figures["本项内容"] == "住房公积金"
    assert any(f.code == "N-PROCUREMENT" and f.severity.value == "error" for f in found_)


@needs_shared
def test_caizhengju_has_none_of_these():
    found_ = _findings("shanghai-putuo-caizhengju-2024-juesuan.pdf")
    assert not {f.code for f in found_} & (NEW_CODES | {"N-PROCUREMENT", "W-TEMPLATE-REMNANT"})


@needs_shared
def test_seed_has_none_of_these():
    seed = SHARED / "seed" / "000_e5361b4e9819f483.txt"
    shared(str(seed.relative_to(SHARED)))
    from juesuan.audit import check_path
    assert not {f.code for f in check_path(str(seed), None).report.findings} & NEW_CODES


# --------------------------------------------------------------------------- N-CODE-NAME

def test_a_name_written_with_its_code_against_the_tables():
    from catalogue_examples import T5I
    from juesuan.core.model import Tables
    t5 = Tables(t5=T5I)
    (hit,) = found(doc(text="名词解释\n8.一般行政管理事务支出（2010302）：反映…", tables=t5), "N-CODE-NAME")
    assert hit.figures["表中名称"] == "一般行政管理事务" and hit.spans[0].line == 2 and hit.severity.value == "warning"
    # without its code: the one table name it ends in
    (hit,) = found(doc(text="名词解释\n（2）机关行政运行：反映行政单位的基本支出。", tables=t5), "N-CODE-NAME")
    assert hit.figures["科目编码"] == "2010301" and "（2010301）" not in hit.message
    # a bracketed word belongs to the name; a 类 with its code; a name the year's code table has
    for text in ("政府办公厅（室）及相关机构事务（20103）", "一般公共服务支出（201）", "（1）一般行政管理事务：反映…",
                 "（3）事业运行：反映事业单位的支出。"):
        assert not found(doc(text=text, tables=t5), "N-CODE-NAME"), text


# --------------------------------------------------------------------------- W-TYPO

def test_common_typos_and_a_slip_in_a_set_phrase():
    body = "负责征收集体士地房屋补偿工作。\n使党员干部自觉用以武装头脑、指导初中、推动工作。\n学懂弄通做实。"
    hits = found(doc(text=body), "W-TYPO")
    assert [(h.figures["原文"], h.spans[0].line) for h in hits] == [("士地", 1), ("武装头脑、指导初中、推动工作", 2)]
    assert all(h.severity.value == "warning" for h in hits)
    clean = "集体土地；护士地位；用以武装头脑、指导实践、推动工作；学懂、弄通、做实。"
    assert not found(doc(text=clean), "W-TYPO")


def test_a_slip_in_a_performance_table_s_goal_is_found_once_per_cell():
    from juesuan.core.model import Evaluation
    goal = "使党员干部自觉用以武装头脑、指导初中、推动工作；再次武装头脑、指导初中、推动工作。"
    ev = Evaluation(kind="项目", name="党支部示范点补助经费", goal=goal, achieved="用以武装头脑、指导实践、推动工作。")
    (hit,) = found(doc(evaluations=(ev,)), "W-TYPO")
    assert "党支部示范点补助经费" in hit.message and hit.figures["应为"] == "武装头脑、指导实践、推动工作"


def test_marks_a_copy_moved_off_their_words_are_not_read_as_slips():
    moved = "主要承担履行、。督查落实调度办文征求群、、、、、、、、众意见;五般公共预算支出情况说明、一"
    assert not found(doc(text=moved), "W-DOUBLE-PUNCT") and not found(doc(text=moved), "W-TERM-BROKEN")
    in_place = "主要承担履行、。督查、落实、调度等职责;五般公共预算支出情况说明"
    assert found(doc(text=in_place), "W-DOUBLE-PUNCT") and found(doc(text=in_place), "W-TERM-BROKEN")


def test_a_colon_after_a_contents_number_and_a_stop_before_a_colon():
    toc = ("目录\n第一部分 某校概况\n一、单位职责\n二、机构设置\n第二部分 某校2022年度部门决算报表\n一、收入支出决算总表\n"
           "二、收入决算表\n三、支出决算表\n八:政府性基金预算财政拨款收入支出决算表\n第三部分 某校2022年度部门决算情况说明\n"
           "一、收入支出决算总体情况说明\n")
    from juesuan.io.readers.assemble import assemble
    from juesuan.io.readers.text import extract_text
    d = assemble(extract_text(toc + "本单位下属6个单位。:分别是甲校、乙校。\n", "t.txt"))
    (hit,) = found(d, "W-HEADING-FORM")
    assert hit.figures["原文"].startswith("八:政府性基金")
    (punct,) = found(d, "W-DOUBLE-PUNCT")
    assert "。:" in punct.message
    clean = assemble(extract_text(toc.replace("八:", "八、") + "本单位下属6个单位，分别是甲校、乙校。\n", "t.txt"))
    assert not found(clean, "W-HEADING-FORM") and not found(clean, "W-DOUBLE-PUNCT")


def test_a_township_s_name_missing_a_character():
    name = "内蒙古自治区鄂尔多斯市杭锦旗吉日嘎朗图镇人民政府"
    (hit,) = found(titled("吉日嘎朗镇有5个独立核算机构。吉日嘎朗图镇人民政府本年收入10.00万元。", name), "W-DEPT-NAME")
    assert hit.figures["文中写法"] == "吉日嘎朗镇" and "“图”" in hit.figures["差别"]
    assert not found(titled("吉日嘎朗图镇有5个独立核算机构，与相邻的某某镇合作。", name), "W-DEPT-NAME")
    # R53q/05 (张家川县文联 2021): a county's name opening the unit's, no city before it
    (hit,) = found(titled("张川县文联为全额预算拨款的正科级事业单位。", "张家川县文联"), "W-DEPT-NAME")
    assert hit.figures["文中写法"] == "张川县" and "“家”" in hit.figures["差别"]
    assert not found(titled("张家川县文联为全额预算拨款的正科级事业单位。", "张家川县文联"), "W-DEPT-NAME")


def test_a_part_heading_without_its_fen():
    (hit,) = found(doc(text="第三部某院2023年度部门决算情况说明\n一、收入决算情况说明"), "W-HEADING-FORM")
    assert "缺“分”字" in hit.message and hit.spans[0].line == 1
    assert not found(doc(text="第三部分 某院2023年度部门决算情况说明\n第三部门的支出"), "W-HEADING-FORM")


def test_contents_entries_printed_without_their_numbers():
    from juesuan.io.readers.assemble import assemble
    from juesuan.io.readers.text import extract_text
    entries = ["某镇2021年度部门决算", "目录", "第三部分 2021年度部门决算情况说明", "一、收入支出决算总体情况说明",
               "二、收入决算情况说明", "政府性基金预算收入支出决算情况", "机关运行经费支出说明", "五、一般性支出情况说明",
               "第一部分 概况", "本镇负责全镇工作。"]
    toc = "\n\n".join(entries) + "\n"  # (a web copy's blank line after each entry)
    hits = found(assemble(extract_text(toc, "t.txt")), "W-HEADING-FORM")
    assert [h.figures["原文"] for h in hits] == ["政府性基金预算收入支出决算情况", "机关运行经费支出说明"]
    assert "应为“三、”" in hits[0].message and "应为“四、”" in hits[1].message
    # numbers that leave out fewer places than there are unnumbered lines: no guess
    assert not found(assemble(extract_text(toc.replace("五、一般性", "四、一般性"), "t.txt")), "W-HEADING-FORM")


def test_a_contents_mark_missing_a_character_but_not_one_cut_at_its_space():
    from juesuan.io.readers.assemble import assemble
    from juesuan.io.readers.text import extract_text
    body = "\n第一部分 部门概况\n一、主要职能\n第二部分 2017年部门决算情况说明\n第一部分 部门概况\n一、主要职能\n本中心负责检验检测。\n"
    (hit,) = found(assemble(extract_text("冠县检验检测中心2017年度部门决算公开情况说明\n录" + body, "t.txt")), "W-HEADING-FORM")
    assert hit.figures["原文"] == "录"
    # R44u/05: a collapsed copy "…公开情况说明目 录第一部分 …" cut at the space inside 目 录
    collapsed = ("1、1冠县检验检测中心 2017 年度部门决算公开情况说明目 录第一部分 部门概况一、主要职能二、机构设置和单位性质"
                 "第二部分 2017 年部门决算情况和重要事项说明第三部分 名词解释2第一部分部门概况一、 主要职能冠县检验检测中心职责为:"
                 "(1)负责食品的检验检测。(2)为全县食品药品安全监管提供检验检测技术支撑。二、 机构设置和单位性质检测中心下设办公室、"
                 "综合检验科、质管科、接样报告室四个科室。第二部分2017 年部门决算情况和重要事项说明一、2017 年部门决算情况说明"
                 "(一)收入支出决算总体情况2017 年收入总计 178.48 万元,包括:财政拨款收入 161.25 万元,年初结转和结余 17.23 万元。\n")
    d = assemble(extract_text(collapsed, "t.txt"))
    assert not found(d, "W-HEADING-FORM") and d.identity.unit == "冠县检验检测中心"
