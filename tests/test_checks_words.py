"""Words against figures (N-BUDGET-WORDS, N-YOY-WORDS, "完成100%" beside "大于预算数"), years against
the report year (N-YEAR, N-YEAR-MISSING), 三公 text against the table's cells (N-SANGONG,
N-SANGONG-BLANK), and the identities the narrative states alone (N-TOTALS-SUM, N-INCOME-SUM) —
each on text as the phrasebook reads it."""

from __future__ import annotations

from dataclasses import replace

from builders import doc, found, read, said, t9
from catalogue_examples import SG
from juesuan.core.identity import Identity
from juesuan.core.model import Tables

GENERAL = "五、一般公共预算财政拨款支出决算情况说明\n"
ITEMS = "（三）一般公共预算财政拨款支出决算具体情况\n"


# --------------------------------------------------------------------------- 决算 against 预算

def test_budget_words_against_the_completion_rate_and_the_amounts():
    hit = found(read(GENERAL + "一般公共预算财政拨款支出年初预算为100.00万元，支出决算为95.00万元，完成年初预算的95.00%。"
                     "决算数大于预算数的主要原因：人员增加。"), "N-BUDGET-WORDS")
    assert len(hit) == 1 and hit[0].severity.value == "error" and hit[0].figures["用词"] == "大于"
    assert "决算数95.00万元" in hit[0].figures["所述数字"] and hit[0].spans[0].line == 2


def test_budget_words_flat_and_rounding():
    same = ITEMS + "1、一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为0.88万元，支出决算为0.88万元，完成年初预算的100.00%。{}"
    assert not found(read(same.format("决算数同预算数持平。")), "N-BUDGET-WORDS")
    assert found(read(same.replace("支出决算为0.88", "支出决算为0.80").replace("100.00%", "90.91%").format("决算数同预算数持平。")),
                 "N-BUDGET-WORDS")
    # "基本持平" makes no exact claim; 100.00% printed beside 小于 may be rounding
    assert not found(read(same.replace("支出决算为0.88", "支出决算为0.80").format("决算数与预算数基本持平。")), "N-BUDGET-WORDS")


def test_budget_words_need_every_budget_to_disagree():
    # 年初预算 0 (so 大于 it) but 全年预算 321.02 (so 小于 it): the words name neither; no finding
    text = GENERAL + "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元。决算数大于预算数的主要原因：追加。"
    assert not found(read(text), "N-BUDGET-WORDS")
    named = text.replace("决算数大于预算数", "决算数大于全年预算数")
    assert found(read(named), "N-BUDGET-WORDS")


def test_complete_hundred_percent_beside_an_excess():
    line = GENERAL + "2017年度一般公共预算财政拨款支出总计1741.75万元，完成年初预算100%，决算数大于预算数55.93万元，主要原因：调标。"
    (hit,) = found(read(line), "N-COMPLETION")
    assert hit.severity.value == "error" and hit.figures["重算完成率"] == "103.32%" and hit.figures["决算数与预算数之差"] == "55.93"
    unstated = GENERAL + "1. 教育支出1595.95万元，主要用于保教，完成年初预算100%，决算数大于预算数，主要原因：调标。"
    (hit,) = found(read(unstated), "N-COMPLETION")
    assert hit.severity.value == "warning" and hit.figures["决算数"] == "1,595.95"
    assert not found(read(unstated.replace("大于", "等于")), "N-COMPLETION")


def test_completion_against_the_budget_the_sangong_table_prints():
    # the 说明 names no budget: the 公开09 预算数 (8.00 for 公务用车) is the base; 6.00/8.00 = 75%
    text = "七、财政拨款“三公”经费支出决算情况说明\n公务用车购置及运行维护费支出决算为6.00万元，完成预算的{}%。"
    table = Tables(t9=t9(SG, {**SG, "公务用车购置及运行维护费": "6", "公务用车运行维护费": "6", "合计": "8"}))
    (hit,) = found(read(text.format("80.00"), tables=table), "N-COMPLETION")
    assert hit.figures["预算数"] == "8.00" and hit.figures["重算完成率"] == "75.00%"
    assert not found(read(text.format("75.00"), tables=table), "N-COMPLETION")


def test_gap_rate_against_the_budget_the_gap_implies():
    # no budget printed: 5.21 − (−0.1) = 5.31 is the budget; 下降0.006% should be 1.88%, shown as printed
    text = ("七、财政拨款“三公”经费支出决算情况说明\n"
            "公务接待费支出5.21万元，与2021年度预算相比，减少0.1万元，下降{}%。")
    (hit,) = found(read(text.format("0.006")), "N-BUDGET-GAP")
    assert "-0.006%" in hit.message and hit.figures["预算数"] == "5.31" and hit.figures["重算差异率"] == "-1.88%"
    assert not found(read(text.format("1.88")), "N-BUDGET-GAP")


# --------------------------------------------------------------------------- 同比 words

FISCAL = "四、财政拨款收入支出决算总体情况说明\n"


def test_rate_the_other_way_round_is_a_word_not_a_figure():
    d = read(FISCAL + "财政拨款收入总计1516.64万元，与上年相比减少58.49万元，增长3.71%。")
    assert [f.severity.value for f in found(d, "N-YOY-WORDS")] == ["error"]
    assert not found(d, "N-YOY-PCT")  # the size is right: one finding, about the word


def test_change_word_against_this_and_last_year():
    d = doc(*said("机关运行经费 100", "机关运行经费.上年 120", "机关运行经费.增减 20"))
    (hit,) = found(d, "N-YOY-WORDS")
    assert hit.figures["本年数−上年数"] == "-20.00" and not found(d, "N-YOY-DELTA")
    flat = doc(*said("机关运行经费 100", "机关运行经费.上年 120", "机关运行经费.增减 0"))
    assert found(flat, "N-YOY-WORDS") and not found(flat, "N-YOY-DELTA")
    assert not found(doc(*said("机关运行经费 100", "机关运行经费.上年 120", "机关运行经费.增减 -20")), "N-YOY-WORDS")
    # a wrong amount in the right direction is a figure's error, not a word's
    wrong = doc(*said("机关运行经费 100", "机关运行经费.上年 120", "机关运行经费.增减 -25"))
    assert found(wrong, "N-YOY-DELTA") and not found(wrong, "N-YOY-WORDS")


def test_a_spending_totals_change_against_its_basic_and_project_spendings():
    # 梁平区人大 (R32q/01): 1089.49 = 684.49 + 405 this year, yet 94.78 ≠ 93.08 + 0.70
    fund = ("一般公共预算财政拨款支出 1089.49", "一般公共预算财政拨款支出.增减 94.78", "一般公共预算财政拨款基本支出 684.49",
            "一般公共预算财政拨款基本支出.增减 93.08", "一般公共预算财政拨款项目支出 405", "一般公共预算财政拨款项目支出.增减 0.7")
    (hit,) = found(doc(*said(*fund)), "N-YOY-DELTA")
    assert hit.severity.value == "error" and hit.figures["各项之和"] == "93.78" and hit.figures["差额"] == "-1.00"
    assert not found(doc(*said(*fund[:-1], "一般公共预算财政拨款项目支出.增减 1.7")), "N-YOY-DELTA")
    # the unit's 基本/项目 under a total: last year it may have had other spending, so a warning
    unit = [k.replace("一般公共预算财政拨款基本支出", "支出.基本支出").replace("一般公共预算财政拨款项目支出", "支出.项目支出")
            .replace("一般公共预算财政拨款支出", "支出总计") for k in fund]
    (hit,) = found(doc(*said(*unit)), "N-YOY-DELTA")
    assert hit.severity.value == "warning"
    # parts that do not make up the total (上缴上级 … unstated) say nothing of its change
    assert not found(doc(*said(*unit[:2], "支出.基本支出 600", *unit[3:])), "N-YOY-DELTA")
    # read from the page's own words
    text = (GENERAL + "（一）一般公共预算财政拨款支出决算总体情况\n一般公共预算财政拨款支出1089.49万元,比2023年增加94.78万元。"
            "其中:基本支出684.49万元,比2023年增加93.08万元;项目支出405万元,比2023年增加0.7万元。")
    assert found(read(text), "N-YOY-DELTA")


def test_equal_totals_whose_changes_differ():
    # 石柱县信访办 (R39f/12): both totals 623.93, 收入 "减少5.29万元" and 支出 "增加140.4万元"
    both = ("收入总计 623.93", "支出总计 623.93", "收入总计.增减 -5.29")
    (hit,) = found(doc(*said(*both, "支出总计.增减 140.4")), "N-YOY-DELTA")
    assert hit.severity.value == "warning"
    assert not found(doc(*said(*both, "支出总计.增减 -5.29")), "N-YOY-DELTA")
    assert not found(doc(*said("收入总计 623.93", "支出总计 600", "收入总计.增减 -5.29", "支出总计.增减 140.4")), "N-YOY-DELTA")
    # 梁平文化镇小学 (R40h/12): "1282.73万元" beside a slip's "1282.734万元" are equal to the cent
    assert found(doc(*said("收入总计 1282.73", "支出总计 1282.734", "收入总计.增减 39.39", "支出总计.增减 130.95")), "N-YOY-DELTA")
    # 襄州区文旅局 2024 预算 (golden): one change printed twice, once with a third decimal ("减少70.893万元")
    (slip,) = found(doc(*said("收入总计 749.64", "支出总计 749.64", "收入总计.增减 -70.89", "支出总计.增减 -70.893")),
                    "N-YOY-DELTA")
    assert slip.severity.value == "warning" and slip.figures["差额"] == "0.003"


def test_a_spending_totals_change_against_its_classes_changes():
    # R44t/05 (南川区文化馆 2026): the classes add up to the total (582.43 for 582.44, a cent a class), their changes
    # to 140.98, not the 140.86 told
    classes = ("全部资金.类.207 462.99", "全部资金.类.208 82.92", "全部资金.类.210 18.17", "全部资金.类.221 18.35")
    changes = ("全部资金.类.207.增减 135.66", "全部资金.类.208.增减 1.84", "全部资金.类.210.增减 1.65", "全部资金.类.221.增减 1.83")
    (hit,) = found(doc(*said("支出总计 582.44", "支出总计.增减 140.86", *classes, *changes)), "N-YOY-DELTA")
    assert hit.severity.value == "warning" and hit.figures["各项之和"] == "140.98"
    assert not found(doc(*said("支出总计 582.44", "支出总计.增减 140.98", *classes, *changes)), "N-YOY-DELTA")
    # classes that leave part of the total out, or one class without its change: not checked
    assert not found(doc(*said("支出总计 600", "支出总计.增减 140.86", *classes, *changes)), "N-YOY-DELTA")
    assert not found(doc(*said("支出总计 582.44", "支出总计.增减 140.86", *classes, *changes[:3])), "N-YOY-DELTA")
    # a class spent last year only takes part with its change (西南大学 2021: "…农林水支出减少1,206万元…", 415,808.40 in all)
    known = ("全部资金.类.205 398593.09", "全部资金.类.206 1512.90", "全部资金.类.221 15702.41", "全部资金.类.205.增减 -1505.49",
             "全部资金.类.206.增减 166.77", "全部资金.类.221.增减 325.7", "本年支出合计 415808.40", "本年支出合计.增减 -2219.02")
    assert not found(doc(*said(*known, "全部资金.类.213.增减 -1206")), "N-YOY-DELTA")
    assert found(doc(*said(*known, "全部资金.类.213.增减 -1200")), "N-YOY-DELTA")


def test_flat_total_whose_part_fell_further_than_it_can():
    # the putuo case: 财政拨款收支总计 "持平" at 2961.68 while 一般公共预算财政拨款支出 fell 63.14 from 3003.19
    text = (FISCAL + "本单位2024年度财政拨款收入支出总计2961.68万元。与2023年度相比，财政拨款收入支出总计持平。\n" + GENERAL
            + "（一）一般公共预算财政拨款支出决算总体情况\n一般公共预算财政拨款支出2940.05万元。与2023年度相比，一般公共预算财政拨款支出减少63.14万元，下降2.10%。")
    (hit,) = found(read(text), "N-YOY-WORDS")
    assert hit.severity.value == "warning" and hit.figures["组成部分上年数"] == "3,003.19"
    assert "财政拨款收入支出总计持平" in hit.spans[0].excerpt
    assert not found(read(text.replace("减少63.14万元，下降2.10%", "减少13.14万元，下降0.44%")), "N-YOY-WORDS")


def test_changed_to_a_level_against_flat_and_against_the_figures():
    sangong = "九、财政拨款“三公”经费支出决算情况说明\n"
    both = read(sangong + "公务接待费支出决算减少为0.00万元，与2024年持平。")
    (hit,) = found(both, "N-YOY-WORDS")
    assert hit.severity.value == "warning" and hit.figures["用词"] == "减少为" and hit.figures["另一处"] == "持平"
    assert not found(read(sangong + "公务接待费支出决算减少为0.00万元，比上年减少1.20万元。"), "N-YOY-WORDS")
    rose = doc(*said("三公.公务接待费 5", "三公.公务接待费.上年 3"), text=sangong + "公务接待费支出决算减少为5.00万元。")
    assert [f.severity.value for f in found(rose, "N-YOY-WORDS")] == ["error"]


def test_the_reason_told_for_a_fall_after_a_rise():
    # R51n/09 (甘谷县礼辛学区 2021): "收入总计1729.24万元,同比增加51.05万元…。收入减少的主要原因是新增人员减少"
    told = "一、收入支出决算总体情况说明\n2021年度收入总计1729.24万元,同比增加51.05万元。收入{word}的主要原因是新增人员{word}。"
    (hit,) = found(read(told.format(word="减少")), "N-YOY-WORDS")
    assert hit.severity.value == "warning" and hit.figures["用词"] == "减少的主要原因"
    assert not found(read(told.format(word="增加")), "N-YOY-WORDS")
    # an item's reason is not the total's ("公务接待费支出增加的主要原因")
    assert not found(read(told.format(word="增加") + "公务接待费支出减少的主要原因是压减接待。"), "N-YOY-WORDS")


# --------------------------------------------------------------------------- years

def test_years_against_the_report_year():
    body = ("某局2024年度部门决算\n现将本局2023年度部门决算公开如下，另见《关于2023年度部门决算的通知》。\n"
            "截至2024年12月31日，本局共有车辆3辆。\n与2023年相比，支出增加5.00万元。")
    (hit,) = found(doc(text=body), "N-YEAR")  # one finding for the line, naming the year once
    assert hit.severity.value == "error" and hit.figures["所写年份"] == "2023年" and hit.spans[0].line == 2
    stale = body.replace("截至2024年", "截至2023年").replace("与2023年相比", "与2022年相比").replace("2023年度部门决算公开", "2024年度部门决算公开").replace("关于2023年度", "关于2024年度")
    severities = sorted((f.spans[0].line, f.severity.value) for f in found(doc(text=stale), "N-YEAR"))
    assert severities == [(3, "error"), (4, "warning")]
    assert not found(doc(text=body.replace("2023年度", "2024年度")), "N-YEAR")


def test_the_year_end_balance_of_another_year():
    # R46y/12 (长寿区动物疫病预防控制中心 2023 决算, here 2024): "2022年度年末结转和结余0万元" kept from an older text
    body = "某局2024年度部门决算\n4.结转结余情况。2023年度年末结转和结余0万元。"
    (hit,) = found(doc(text=body), "N-YEAR")
    assert hit.severity.value == "warning" and hit.figures["所写年份"] == "2023年"
    assert not found(doc(text=body.replace("2023年度年末", "2024年度年末")), "N-YEAR")
    # last year's, named as this year's opening balance
    assert not found(doc(text="某局2024年度部门决算\n年初结转和结余即2023年度年末结转和结余12万元。"), "N-YEAR")


def test_a_performance_heading_keeping_another_year():
    body = "目录\n十二、其他重要事项的情况说明\n十三、关于2022年度预算绩效情况的说明\n"
    (hit,) = found(doc(text=body), "N-YEAR")  # the document is the 2024 决算
    assert hit.severity.value == "error" and hit.figures["所写年份"] == "2022年" and hit.spans[0].line == 3
    assert not found(doc(text=body.replace("2022年度", "2024年度")), "N-YEAR")
    # a budget may head the year before's performance
    budget = replace(doc(text=body.replace("2022年度", "2023年度")), identity=Identity(year=2024, kind="预算"))
    assert not found(budget, "N-YEAR")


def test_years_follow_the_identified_year():
    d = replace(doc(text="第二部分 2022年度部门决算情况说明"), identity=Identity(year=2022))
    assert not found(d, "N-YEAR")


def test_a_year_not_read_from_the_title_makes_a_differing_line_a_warning():
    body = "第二部分 2022年度部门决算情况说明"
    from_title = replace(doc(text=body), identity=Identity(year=2023, confidence={"year": "高"}))
    assert [f.severity.value for f in found(from_title, "N-YEAR")] == ["error"]
    from_body = replace(doc(text=body), identity=Identity(year=2023, confidence={"year": "中"}))
    assert [f.severity.value for f in found(from_body, "N-YEAR")] == ["warning"]


def test_the_year_whose_sangong_accounts_changed():
    body = "2015年衢江区“三公”经费支出决算同比下降的原因主要是:从严控制“三公”经费。"
    (hit,) = found(replace(doc(text=body), identity=Identity(year=2016)), "N-YEAR")
    assert hit.figures["所写年份"] == "2015年" and hit.figures["应为"] == "2016"
    assert not found(replace(doc(text=body.replace("2015年", "2016年")), identity=Identity(year=2016)), "N-YEAR")


def test_lost_years():
    (hit,) = found(doc(text="目录\n第二部分度部门决算情况说明"), "N-YEAR-MISSING")
    assert hit.spans[0].line == 2 and "2024年度" in hit.message
    (short,) = found(doc(text="目录\n第三部分 某局 202 年度部门决算情况说明"), "N-YEAR-MISSING")
    assert "年份不全" in short.message and short.spans[0].line == 2
    run_in = doc(text="2024年度收、支总计424.71万元。与2023498.83万元相比，减少74.12万元。")
    assert found(run_in, "N-YEAR-MISSING")[0].figures["年份"] == "2023"
    assert not found(doc(text="与2023年498.83万元相比，减少74.12万元。本年度部门决算"), "N-YEAR-MISSING")
    # R39e/17: "截止202412月" (the doc's year is 2024)
    (date,) = found(doc(text="学校内设7个机构,截止202412月,在职人员52人。"), "N-YEAR-MISSING")
    assert date.figures["原文"] == "截止202412月"
    assert not found(doc(text="截止2024年12月,在职人员52人;截至20241231日。"), "N-YEAR-MISSING")
    # R40h/14: "2025初预算数" (a 2025 budget, 年 lost before 初)
    (start,) = found(doc(text="(一)收入预算:2024初预算数2580.13万元,其中一般公共预算拨款2580.13万元。"), "N-YEAR-MISSING")
    assert start.figures["原文"] == "2024初"
    assert not found(doc(text="(一)收入预算:2024年初预算数2580.13万元,2024年年初预算数2580.13万元。"), "N-YEAR-MISSING")


# --------------------------------------------------------------------------- 三公 cells

def test_sangong_text_against_blank_and_budget_cells():
    blank = t9(SG, {**SG, "公务接待费": None})
    (hit,) = found(doc(*said("三公.公务接待费 1.00"), tables=Tables(t9=blank)), "N-SANGONG-BLANK")
    assert hit.figures["栏目"] == "决算数" and hit.severity.value == "warning"
    budget = t9({**SG, "公务接待费": "3"}, SG)
    (hit,) = found(doc(*said("三公.公务接待费.年初预算 2.00"), tables=Tables(t9=budget)), "N-SANGONG")
    assert hit.figures["表中"] == "3.00"
    assert not found(doc(*said("三公.公务接待费.全年预算 3.00"), tables=Tables(t9=budget)), "N-SANGONG")
    # two different budgets stated for the item: which one the table prints cannot be told
    both = doc(*said("三公.公务接待费.年初预算 2.00", "三公.公务接待费.全年预算 3.00"), tables=Tables(t9=budget))
    assert not found(both, "N-SANGONG")


# --------------------------------------------------------------------------- identities of the narrative alone

def test_totals_written_as_one_pair_must_be_equal():
    text = "一、收入支出决算总体情况说明\n2022年度收、支总计各是4125.49,4143.91万元。"
    (hit,) = found(read(text), "N-TOTALS-SUM")
    assert hit.severity.value == "error" and "4,143.91" in hit.figures.values()


def test_combined_total_against_its_parts():
    text = "一、收入支出决算总体情况说明\n2024年度收入支出总计100.00万元，其中：本年收入合计90.00万元，使用非财政拨款结余0.00万元，年初结转和结余5.00万元。"
    assert found(read(text), "N-TOTALS-SUM")
    assert not found(read(text.replace("5.00万元。", "10.00万元。")), "N-TOTALS-SUM")


def test_income_by_fund_lines_adds_up():
    text = ("二、收入决算情况说明\n本年收入合计422.69万元，其中：一般公共预算财政拨款收入413.34万元，占97.79%；"
            "政府性基金预算财政拨款收入3.95万元，占0.93%；其他收入5.40万元，占1.28%。")
    d = read(text)
    assert not found(d, "N-INCOME-SUM") and not found(d, "N-SHARE") and not found(d, "N-REPEAT")
    assert found(read(text.replace("5.40万元", "6.40万元").replace("1.28%", "1.51%")), "N-INCOME-SUM")


def test_basic_spending_above_the_general_budget_spending_it_is_part_of():
    text = ("五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n"
            "2023年度一般公共预算财政拨款支出629.31万元。\n六、一般公共预算财政拨款基本支出决算情况说明\n"
            "2023年度一般公共预算财政拨款基本支出768.93万元，其中：人员经费700.00万元，公用经费68.93万元。")
    (hit,) = found(read(text), "N-BASIC-SUM")
    assert "大于" in hit.message and hit.figures["超出"] == "139.62"
    assert not found(read(text.replace("768.93", "568.93").replace("700.00", "500.00")), "N-BASIC-SUM")
    # printed in whole 万元 beside one to the cent, the part may print up to half a 万元 above
    assert not found(read(text.replace("629.31", "768").replace("2023年度一般公共预算财政拨款基本支出768.93万元，其中：人员经费700.00万元，公用经费68.93万元",
                                                                 "2023年度一般公共预算财政拨款基本支出768.43万元，其中：人员经费700.00万元，公用经费68.43万元")), "N-BASIC-SUM")


def test_a_partial_copy_still_sums_a_fixed_set_of_parts_but_not_the_classes_it_lists():
    partial = Identity(partial="文件不完整：正文在句子中间结束")
    basic = "六、一般公共预算财政拨款基本支出决算情况说明\n2023年一般公共预算财政拨款基本支出911.70万元，其中：人员经费489.18万元，公用经费46.89万元。"
    assert found(read(basic), "N-BASIC-SUM")
    (hit,) = found(replace(read(basic), identity=partial), "N-BASIC-SUM")
    assert hit.figures["各项之和"] == "536.07"
    assert not found(replace(read(basic.replace("911.70", "536.07")), identity=partial), "N-BASIC-SUM")
    # the classes are those the text lists: a partial copy may lack the rest
    classes = ("五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出100.00万元，主要用于：一般公共服务支出（类）"
               "60.00万元，占60%；教育支出（类）20.00万元，占20%。")
    assert found(read(classes), "N-CLASS-SUM")
    assert not found(replace(read(classes), identity=partial), "N-CLASS-SUM")


# --------------------------------------------------------------------------- N-CLASS-SUM: the fund section's 项

_CLASS_AND_FUND = """五、一般公共预算财政拨款支出决算情况说明
一般公共预算财政拨款支出100.00万元，主要用于：文化旅游体育与传媒支出（类）100.00万元，占100%。
1、文化旅游体育与传媒支出（类）文化和旅游（款）行政运行（项）100.00万元，主要用于机关运行。{extra}
八、政府性基金预算财政拨款收入支出决算情况说明
1、文化旅游体育与传媒支出（类）旅游发展基金支出（款）地方旅游开发项目补助（项）2.80万元，主要用于旅游厕所。"""


def _sectioned(text: str):
    from juesuan.core.model import Span
    from juesuan.phrasebook.parse import parse_narrative
    narrative = parse_narrative([(t, Span(line=i + 1)) for i, t in enumerate(text.split("\n"))]).narrative
    return replace(doc(text=text), narrative=narrative)


def test_a_fund_item_of_the_same_class_is_not_added_to_the_general_budget_class():
    assert not found(_sectioned(_CLASS_AND_FUND.format(extra="")), "N-CLASS-SUM")
    more = "\n2、文化旅游体育与传媒支出（类）文化和旅游（款）其他文化和旅游支出（项）5.00万元，主要用于其他。"
    (hit,) = found(_sectioned(_CLASS_AND_FUND.format(extra=more)), "N-CLASS-SUM")
    assert hit.figures["各项之和"] == "105.00"


def test_a_year_compared_with_the_year_before_the_sentences_own():
    body = "2022年度“三公”经费预算较2021年度增加1.68万元。二、2021年“三公”经费决算情况"
    assert not found(replace(doc(text=body), identity=Identity(year=2021, confidence={"year": "高"})), "N-YEAR")
    # "经比较2020年度…" is no comparison with 2020
    assert not found(replace(doc(text="经比较2020年度镇本级“三公”经费41万元，较上年减少19万元。"),
                             identity=Identity(year=2020, confidence={"year": "高"})), "N-YEAR")
    assert found(replace(doc(text="2021年“三公”经费较2019年度增加1.68万元。"),
                         identity=Identity(year=2021, confidence={"year": "高"})), "N-YEAR")


def test_no_plan_year_checked_in_a_note_of_two_years():
    from catalogue_examples import budget_text
    from builders import found

    text = "附:某局“三公”经费2023年决算和2024年预算情况表\n公务接待费预算44.58万元，2023年安排公务接待费43.75万元。"
    assert not found(budget_text(text)(), "N-PLAN-YEAR")
    assert found(budget_text("公务接待费预算44.58万元，2023年安排公务接待费43.75万元。")(), "N-PLAN-YEAR")


def test_last_years_figures_told_beside_this_years_alike_or_as_also_none_are_no_plan_year():
    from catalogue_examples import budget_text
    from builders import found

    both = ("2024年预算内收入安排655.55万元,支出655.55万元。\n2023年预算内收入安排617.41万元,支出617.41万元。")
    assert not found(budget_text(both)(), "N-PLAN-YEAR")
    assert not found(budget_text("2024年未安排出国(境)经费预算,2023年也未安排此项预算。")(), "N-PLAN-YEAR")
    assert found(budget_text("2023年预算内收入安排617.41万元,支出617.41万元。")(), "N-PLAN-YEAR")


def test_last_year_contrasted_with_this_in_a_reason_is_no_plan_year():
    from catalogue_examples import budget_text
    from builders import found

    reason = "基本支出比2023年增加93.08万元，主要原因是信息中心人员2023年没有纳入年初预算安排，{then}。"
    assert not found(budget_text(reason.format(then="2024年才开始纳入预算"))(), "N-PLAN-YEAR")
    assert found(budget_text(reason.format(then="现已纳入预算"))(), "N-PLAN-YEAR")


def test_the_year_of_the_notes_own_sangong_table_title():
    body = ("2018年全县“三公”经费决算数为1224.42万元,比上年增加93.27万元。\n{title}\n单位:万元\n项 目 | 2018年决算数 |\n")
    year = Identity(year=2018, confidence={"year": "高"})
    (hit,) = found(replace(doc(text=body.format(title="红河县2017年“三公”经费决算统计表")), identity=year), "N-YEAR")
    assert "2017" in hit.message
    assert not found(replace(doc(text=body.format(title="红河县2018年“三公”经费决算统计表")), identity=year), "N-YEAR")


def test_a_sangong_total_whose_change_its_items_changes_cannot_give(tmp_path):
    from builders import check_page, page_found

    page = ("重庆市巫山县某局2023年部门预算\n四、“三公”经费情况说明\n2023年“三公”经费预算6.50万元,比上年减少{total}万元。"
            "其中:因公出国(境)费用0万元,较上年无增减;公务接待费{reception}万元,较上年无增减;公务用车运行维护费6.00万元,比上年减少1.00万元。\n")

    def words(total: str, reception: str = "0.50"):
        return page_found(check_page(tmp_path, page.format(total=total, reception=reception)), "N-YOY-WORDS")
    (hit,) = words("0.50")
    assert hit.severity.value == "warning" and hit.figures["各项上年数之和"] == "7.50" and hit.figures["推得总计上年数"] == "7.00"
    assert not words("1.00")
    # the items' amounts do not add up to the total (the vehicles' 购置费 may be the rest): nothing is inferred
    assert not words("0.50", reception="0.30")
