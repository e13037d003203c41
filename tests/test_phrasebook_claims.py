"""What the phrasebook reads besides keyed figures, and the figures it must not take for others:
the 财政拨款 fund sub-lines, "收、支总计各是A,B万元", a share after an amount nobody read, the words
comparing 决算 with 预算, the base of a 完成率, and the claims the checks read (years, 项 heads and
purposes, lists after 包括, the grade after 综合得分, a project's amount, an indicator's value in
the 实际完成情况 text)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from juesuan.core import model
from juesuan.core.model import Span
from juesuan.phrasebook.parse import parse_narrative
from juesuan.phrasebook.parse_performance import read_achieved

from catalogue_examples_performance import base_evaluation


def parsed(*lines: str, projects: tuple[str, ...] = ()):
    return parse_narrative([(t, Span(file="说明.txt", line=i + 1)) for i, t in enumerate(lines)], projects=projects).narrative


def stated(narrative) -> dict[str, list[Decimal]]:
    out: dict[str, list[Decimal]] = {}
    for s in narrative.statements:
        out.setdefault(s.key, []).append(s.value)
    return out


INCOME = "二、收入决算情况说明"


def test_fund_sub_lines_are_never_the_fiscal_total():
    n = parsed(INCOME, "本年收入合计4125.49万元，其中：一般公共预算财政拨款收入3859.16万元，占93.54%；"
               "政府性基金预算财政拨款收入0万元，占0%；国有资本经营预算财政拨款收入0万元，占0%；其他收入266.33万元，占6.46%。")
    values = stated(n)
    assert "收入.财政拨款收入" not in values and "收入.财政拨款收入.占比" not in values
    assert values["收入.一般公共预算财政拨款收入"] == [Decimal("3859.16")]
    assert values["收入.一般公共预算财政拨款收入.占比"] == [Decimal("93.54")]
    assert values["收入.政府性基金预算财政拨款收入"] == [Decimal("0")]
    assert values["收入.国有资本经营预算财政拨款收入.占比"] == [Decimal("0")]


def test_fiscal_total_then_its_fund_lines():
    n = parsed("（三）财政拨款收入决算情况",
               "财政拨款收入1516.64万元。其中：一般公共预算财政拨款收入1486.64万元，政府性基金预算财政拨款收入30万元。")
    values = stated(n)
    assert values["收入.财政拨款收入"] == [Decimal("1516.64")]
    assert values["收入.一般公共预算财政拨款收入"] == [Decimal("1486.64")]
    assert values["收入.政府性基金预算财政拨款收入"] == [Decimal("30")]


def test_a_fund_line_whose_name_was_garbled_is_not_the_total():
    # a copy site's pinyin gloss inside the fund's name: not read, and not read as 财政拨款收入 either
    n = parsed(INCOME, "其中：一般公共预(yù)算财政拨款收入1486.64万元，占88.10%；事业收入200.00万元，占11.90%。")
    values = stated(n)
    assert "收入.财政拨款收入" not in values and "收入.财政拨款收入.占比" not in values
    assert values["收入.事业收入.占比"] == [Decimal("11.90")]


def test_a_share_after_an_unread_amount_has_no_subject():
    n = parsed(INCOME, "本年收入1687.45万元，其中：财政拨款收入1516.64万元，占89.88%；事业(yè)收入170.81万元，占10.12%。")
    assert stated(n)["收入.财政拨款收入.占比"] == [Decimal("89.88")]


def test_totals_written_as_a_pair():
    n = parsed("一、收入支出决算总体情况说明",
               "2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。")
    values = stated(n)
    assert values["收入总计"] == [Decimal("4125.49")] and values["支出总计"] == [Decimal("4143.91")]
    assert values["收入总计.增减"] == [Decimal("-1267.86")] and values["支出总计.增减"] == [Decimal("-2570.97")]
    assert values["收入总计.增减率"] == [Decimal("-23.51")] and values["支出总计.增减率"] == [Decimal("-38.28")]
    second = next(s for s in n.statements if s.key == "支出总计")
    assert second.span.excerpt[second.span.start:second.span.end] == "4143.91"


def test_one_figure_for_both_totals():
    n = parsed("一、收入支出决算总体情况说明", "2020年度收、支总计424.71万元。与上年相比,收、支总计各减少74.12万元,减少14.86%。")
    values = stated(n)
    assert values["收支总计"] == [Decimal("424.71")]
    assert values["收支总计.增减"] == [Decimal("-74.12")] and values["收支总计.增减率"] == [Decimal("-14.86")]


GENERAL = "三、一般公共预算财政拨款支出决算情况"


def test_budget_words_and_the_gap_they_state():
    n = parsed(GENERAL, "2017年度，本单位一般公共预算财政拨款支出总计1741.75万元，与上年相比减少53.7万元，降低2.99%；"
                        "完成年初预算100%，决算数大于预算数55.93万元，主要原因：工资调标。")
    values = stated(n)
    assert values["一般公共预算财政拨款支出"] == [Decimal("1741.75")]
    assert values["一般公共预算财政拨款支出.增减率"] == [Decimal("-2.99")]
    assert values["一般公共预算财政拨款支出.完成率"] == [Decimal("100")]
    assert values["一般公共预算财政拨款支出.预决算差额"] == [Decimal("55.93")]
    (claim,) = n.claimed(model.BUDGET_WORD)
    assert (claim.key, claim.value, claim.amounts) == ("一般公共预算财政拨款支出", "大于", (Decimal("55.93"),))
    assert next(s for s in n.statements if s.key.endswith(".完成率")).basis == "年初预算"


def test_budget_words_belong_to_the_subject_in_force_and_not_to_a_reason():
    n = parsed("（三）一般公共预算财政拨款支出决算具体情况",
               "1、一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为52.00万元，支出决算为51.32万元，"
               "完成年初预算的98.69%。决算数小于预算数的主要原因：人员经费支出小于预算。",
               "2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。年初预算为10.00万元，支出决算为10.00万元。"
               "决算数与预算数基本持平。")
    claims = [(c.key, c.value) for c in n.claimed(model.BUDGET_WORD)]
    assert claims == [("项.2010601", "小于"), ("项.2010602", "基本持平")]


def test_budget_words_with_the_templates_alternative_left_in_claim_nothing():
    n = parsed("九、财政拨款“三公”经费支出决算情况说明",
               "“三公”经费财政拨款支出决算为3.46万元，完成预算100%。决算数小于预算数(或与预算数持平)的主要原因是车辆老旧。")
    assert stated(n)["三公.合计"] == [Decimal("3.46")] and not n.claimed(model.BUDGET_WORD)
    n = parsed("九、财政拨款“三公”经费支出决算情况说明",
               "“三公”经费财政拨款支出决算为3.46万元，完成预算90%。决算数小于预算数的主要原因是车辆老旧（或停用）。")
    assert [(c.key, c.value) for c in n.claimed(model.BUDGET_WORD)] == [("三公.合计", "小于")]


def test_an_enumeration_mark_closes_no_bracket():
    # "2）" before a change opened nothing: no subject is looked for before a bracket that is not there
    n = parsed("九、财政拨款“三公”经费支出决算情况说明", "公务接待费2.00万元。2）比上年增加0.10万元。")
    assert stated(n)["三公.公务接待费"] == [Decimal("2.00")]


def test_a_change_told_by_the_level_it_reached():
    n = parsed("九、财政拨款“三公”经费支出决算情况说明", "公务接待费支出决算减少为0.00万元，与2024年持平。")
    values = stated(n)
    assert values["三公.公务接待费"] == [Decimal("0.00")] and values["三公.公务接待费.增减"] == [Decimal("0.00")]
    assert [(c.key, c.value) for c in n.claimed(model.YOY_WORD)] == [("三公.公务接待费", "减少")]


def test_a_class_named_without_its_mark_at_the_head_of_an_item():
    n = parsed(GENERAL, "1. 教育支出1595.95万元，主要用于保教工作，完成年初预算100%，决算数大于预算数，主要原因：调标。")
    assert stated(n)["类.205"] == [Decimal("1595.95")]
    assert [(c.key, c.value, c.amounts) for c in n.claimed(model.BUDGET_WORD)] == [("类.205", "大于", ())]
    # outside 说明五 such a line is the 类's spending from every source: not read as 一般公共预算 by 类
    elsewhere = parsed("（三）支出预算情况说明", "我校2021年支出预算490,808.40万元，其中：教育支出398,593.09万元，占总支出的81.21%。")
    assert "类.205" not in stated(elsewhere)


def test_years_the_text_names_with_their_roles():
    n = parsed("秦安县财政局2022年度部门决算公开说明", "第二部分度部门决算情况说明",
               "现将秦安县财政局2021年度部门决算信息公开如下：", "截至2022年12月31日，共有车辆3辆。",
               "与2021年相比，支出增加5.00万元；比2022年度决算数增长0.39%。", "与2019498.83万元相比，收、支总计减少74.12万元。")
    years = [(c.key, c.value, c.span.line) for c in n.claimed(model.YEAR)]
    assert ("决算", "2022", 1) in years and ("决算", "2021", 3) in years
    assert ("截至", "2022", 4) in years and ("比较", "2021", 5) in years and ("比较", "2022", 5) in years
    assert ("决算", "", 2) in years  # the year lost before 度
    lost = [c for c in n.claimed(model.YEAR) if c.key == "比较" and not c.value]
    assert lost and lost[0].parts[0] == "2019" and lost[0].span.line == 6
    assert not [y for y in years if y[0] == "决算" and y[2] == 5]  # "比2022年度决算数" is a comparison


def test_a_change_against_the_budget_is_not_a_change_against_last_year():
    # 安徽 (杜集区 2021): each 三公 item "与2021年度预算相比"; the budget's amount is not the 决算's
    n = parsed("七、财政拨款“三公”经费支出决算情况说明",
               "2021年度“三公”经费支出预算为49.9万元,支出决算为7.69万元,完成预算的15.41%。",
               "2.公务接待费支出5.21万元, 与2021年度预算相比,减少0.1万元,下降0.006%,下降的原因是厉行节约。",
               "3.公务用车购置及运行维护费支出2.48万元,与上年相比,减少0.5万元。")
    values = stated(n)
    assert values["三公.合计"] == [Decimal("7.69")]
    assert values["三公.公务接待费.预决算差额"] == [Decimal("-0.1")]
    assert values["三公.公务接待费.预决算差异率"] == [Decimal("-0.006")]
    assert "三公.公务接待费.增减" not in values and "三公.公务接待费.增减率" not in values
    assert values["三公.公务用车购置及运行维护费.增减"] == [Decimal("-0.5")]
    assert not [c for c in n.claimed(model.YEAR) if c.key == "比较"]  # the year's own budget, not a comparison year


def test_a_change_against_another_years_budget_is_neither_the_budget_gap_nor_a_change():
    n = parsed("七、财政拨款“三公”经费支出决算情况说明",
               "2024年“三公”经费支出决算为3923万元，比2023年预算数减少332万元，下降7.81%。",
               "公务接待费638万元，比上年年初预算减少317万元。公务用车购置费718万元，比2024年预算数增加135万元。")
    values = stated(n)
    assert values["三公.合计"] == [Decimal("3923")] and values["三公.公务接待费"] == [Decimal("638")]
    assert not [k for k in values if k.startswith(("三公.合计.", "三公.公务接待费."))]
    assert values["三公.公务用车购置费.预决算差额"] == [Decimal("135")]  # the year's own budget


def test_item_heads_purposes_and_lists():
    n = parsed("（三）一般公共预算财政拨款支出决算具体情况",
               "5、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位退休人员活动费支出（项）。"
               "主要用于：退休人员开展活动支出。年初预算为0.88万元，支出决算为0.88万元。",
               "六、一般公共预算财政拨款基本支出决算情况说明",
               "人员经费4896.98万元，主要包括：基本工资、津贴补贴、奖金等；公用经费480.66万元，主要包括：办公费、税金及附加费用。")
    (item,) = n.claimed(model.ITEM)
    assert item.value == "机关事业单位退休人员活动费支出" and item.parts[1] == "行政事业单位养老支出"
    assert item.amounts == (Decimal("0.88"), Decimal("0.88")) and item.span.line == 2
    (purpose,) = n.claimed(model.PURPOSE)
    assert purpose.value == "退休人员开展活动支出" and purpose.parts == item.parts
    lists = {c.key: c.parts for c in n.claimed(model.LISTING)}
    assert lists == {"人员经费": ("基本工资", "津贴补贴", "奖金"), "公用经费": ("办公费", "税金及附加费用")}


def test_grade_after_the_score_and_project_amounts():
    n = parsed("十一、预算绩效情况说明", "单位整体支出绩效自评综合得分96.5分，评价结果为“优”。某项目评价等级为“良”。",
               "2024年示例项目资金为99.50万元；示例项目1,000,000元已支付。", projects=("2024年示例项目",))
    assert [(c.key, c.value) for c in n.claimed(model.GRADE)] == [("绩效.等级", "优")]
    amounts = [(c.key, c.amounts[0]) for c in n.claimed(model.PROJECT_AMOUNT)]
    assert amounts == [("2024年示例项目", Decimal("99.50")), ("2024年示例项目", Decimal("100"))]


def test_indicator_values_in_the_achieved_text():
    ev = replace(base_evaluation(), achieved="实际完成：保障会议室个数8个、项目完成时间11月30日前，服务对象满意度达95%。")
    claims = {c.key: c for c in read_achieved(ev).claims}
    assert claims["保障会议室个数"].amounts == (Decimal("8"),) and claims["保障会议室个数"].parts == ("个",)
    assert claims["项目完成时间"].value == "11月30日前" and claims["项目完成时间"].parts == (model.DATE_PART,)
    assert claims["服务对象满意度"].amounts == (Decimal("95"),)
    assert read_achieved(replace(ev, achieved="")).claims == ()


def test_a_change_against_an_older_year_is_no_change_from_last_year():
    n = parsed("2023年广东省某厅“三公”经费支出决算情况说明",
               "某厅2023年度“三公”经费财政拨款支出决算为62.07万元,比上年决算数增加38.97万元,增长168.7%;"
               "比2019年(疫情前)决算数减少24.87万元,降低28.6%。")
    values = stated(n)
    assert values["三公.合计.增减"] == [Decimal("38.97")] and values["三公.合计.增减率"] == [Decimal("168.7")]
    years = [(c.key, c.value) for c in n.claimed(model.YEAR)]
    assert ("比较", "2019") not in years  # compared on purpose beside last year: no stale year
    # alone, a comparison with a year before last is still read as one (N-YEAR judges it)
    alone = parsed("某局2023年度部门决算", "收入总计100.00万元，与2021年相比，增加5.00万元，增长5.26%。")
    assert ("比较", "2021") in [(c.key, c.value) for c in alone.claimed(model.YEAR)]


def test_the_year_of_a_budget_compared_with_is_no_comparison_year():
    n = parsed("某镇2016年度部门决算", "2016年度收入总计9,937.38万元,与2016年公共财政预算收入1631.06万元,相比增加8306.32万元。")
    assert ("比较", "2016") not in [(c.key, c.value) for c in n.claimed(model.YEAR)]


def test_both_totals_given_once_and_a_part_heading_that_lost_its_fen():
    n = parsed("第三部某院2023年度部门决算情况说明", "一、收入支出决算总体情况说明", "2023年度收、支总计均为4680.58万元。")
    assert stated(n)["收支总计"] == [Decimal("4680.58")]
    assert [s.key for s in n.sections][-1].startswith("3")


def test_income_told_as_收入合计_with_a_spaced_unit_and_its_share_of_本年收入():
    n = parsed(INCOME, "2023年度收入合计4680.58 万元。其中:财政拨款收入 2982.61万元,占本年收入63%;上级补助收入0万元。")
    values = stated(n)
    assert values["本年收入合计"] == [Decimal("4680.58")]
    assert values["收入.财政拨款收入.占比"] == [Decimal("63")]
    # 本年收入合计 itself is read once, not again as 收入合计
    assert stated(parsed(INCOME, "本年收入合计4680.58万元。"))["本年收入合计"] == [Decimal("4680.58")]


def test_a_section_numbered_as_a_list_takes_its_topic():
    n = parsed("第三部分 某院2023年度部门决算情况说明", "1. 收入支出决算总体情况说明", "2023年度收、支总计均为4680.58万元。",
               "1. 收入决算情况说明", "2023年度收入合计4680.58万元。其中:财政拨款收入2982.61万元,占本年收入63%。")
    values = stated(n)
    assert values["本年收入合计"] == [Decimal("4680.58")] and values["收入.财政拨款收入.占比"] == [Decimal("63")]
    assert [s.title for s in n.sections][-1].endswith("收入决算情况说明")


def test_a_total_that_lost_its_ji_is_still_read_as_the_total():
    # R44 (碌曲县公安局 2020): "收入总计4114.6万元,支出总4252.73万元" — the two totals differ by 138.13
    values = stated(parsed("（一）收入支出决算总体情况说明", "本部门2020年度收入总计4114.6万元,支出总4252.73万元。"))
    assert values["收入总计"] == [Decimal("4114.6")] and values["支出总计"] == [Decimal("4252.73")]
    assert "支出总计" not in stated(parsed("（一）收入支出决算总体情况说明", "本部门2020年度支出总额持平，支出总体平稳。"))


def test_a_sangong_figure_told_with_its_budget_completed_under_last_years_date_claims_the_report_year():
    n = parsed("七、财政拨款“三公”经费支出决算情况说明",
               "2022年“三公”经费财政拨款支出决算为3.46万元,完成预算100%,较上年增加2.4万元,增长0.24%。")
    assert [(c.key, c.value) for c in n.claimed(model.YEAR)] == [("决算", "2022")]
    n = parsed("七、财政拨款“三公”经费支出决算情况说明", "2022年“三公”经费财政拨款支出决算为3.46万元,其中:公务接待费0.28万元。")
    assert not [c for c in n.claimed(model.YEAR) if c.key == "决算"]
