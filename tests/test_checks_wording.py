"""Wording checks: editors' questions, template remnants, placeholders, doubled punctuation,
outdated names, 元/万元 slips — each with the line it is on."""

import pytest

from builders import check_page, doc, found
from juesuan.core.identity import Identity
from catalogue_examples import EXAMPLES

WORDING_CODES = [c for c in EXAMPLES if c.startswith("W-")]


@pytest.mark.parametrize("code", WORDING_CODES)
def test_wording_examples(code):
    trigger, clean = EXAMPLES[code]
    assert found(trigger(), code)
    assert not found(clean(), code)


def test_editor_question_points_at_its_line():
    d = doc(text="第一行。\n推动工作。补充开展党纪学题教育情况？切实把对党忠诚体现在岗位上。")
    hit = found(d, "W-EDITOR-QUESTION")[0]
    assert hit.figures["原文"] == "补充开展党纪学题教育情况？"
    span = hit.spans[0]
    assert span.line == 2 and span.excerpt[span.start:span.end].endswith("情况？")


def test_a_slip_in_a_wrapped_paragraph_points_at_its_printed_line(tmp_path):
    page = ("某局2023年度部门预算\n一、机关运行经费\n本部门机关运行经费主要用于机关及参公事业单位为保证日常运转发生的\n"
            "办公费、印刷费、邮电费、差旅费、会议费、培训费、\n公用用车运行维护费、其他交通费用等日常公用经费支出。\n")
    result = check_page(tmp_path, page)
    (hit,) = [f for f in result.report.findings if f.code == "W-TYPO"]
    assert hit.spans[0].line == 5 and hit.spans[0].excerpt.startswith("本部门机关运行经费")  # the joined passage is shown


def test_ellipsis_and_dash_are_not_doubled_punctuation():
    assert not found(doc(text="其他收入……等；主要原因——人员减少。"), "W-DOUBLE-PUNCT")
    hits = found(doc(text="档案缺失。。下一步，，改进"), "W-DOUBLE-PUNCT")
    assert [h.figures["标点"] for h in hits] == ["。。", "，，"]
    # a copy's plain semicolon before a full stop (R37a/05: "占总收入的3.83%;。"); a plain comma in a number is
    # none, nor the ",。" a traditional-character mirror site puts after its sentences
    text = "占总收入的3.83%;。收入1,234.5萬元。下降24.54%,。"
    assert [h.figures["标点"] for h in found(doc(text=text), "W-DOUBLE-PUNCT")] == [";。"]


def test_placeholders_one_finding_per_line():
    hits = found(doc(text="上海市XX局收入XXX万元，占XX%。\n正常的一行。\n某某单位"), "W-PLACEHOLDER")
    assert len(hits) == 2 and hits[0].figures["处数"] == "3"
    # a sentence a copy wrapped over two lines is still one finding (the golden template, under the wrap transform)
    wrapped = found(doc(text="我部门编制XX年部门预算单位共XX个,其中:财政全供给单位\nXX个;部分供给单位XX个。\n一、XX情况"), "W-PLACEHOLDER")
    assert [h.figures["处数"] for h in wrapped] == ["4", "1"]


def test_a_placeholder_in_the_units_name_is_one_finding_however_often_it_is_printed():
    from dataclasses import replace
    d = doc(text="XX区第二幼儿园2017年度部门决算\nXX区第二幼儿园的主要职能。\nXX区第二幼儿园由XX区第二幼儿园本级组成，收入XX万元。")
    d = replace(d, unit=replace(d.unit, name="XX区第二幼儿园"))
    hits = found(d, "W-PLACEHOLDER")
    assert [h.figures["处数"] for h in hits] == ["4", "1"]
    assert "单位名称“XX区第二幼儿园”" in hits[0].message and [s.line for s in hits[0].spans] == [1, 2, 3]


def test_the_templates_some_department_is_a_placeholder():
    hits = found(doc(text="纳入某部门2020年部门决算编制范围的二级预算单位包括:\n1.某部门本级"), "W-PLACEHOLDER")
    assert [h.figures["占位符"] for h in hits] == ["某部门", "某部门"]
    assert not found(doc(text="对某部门提出的意见进行整改。"), "W-PLACEHOLDER")
    # R49i/05 (黔东南州机关事务管理局 2023): the contents' "部门(单位)名称概况" left as the template has it
    (hit,) = found(doc(text="第一部分:部门(单位)名称概况\n第二部分:2023年度部门决算表"), "W-PLACEHOLDER")
    assert hit.figures["占位符"] == "部门(单位)名称"
    assert not found(doc(text="表头填写部门（单位）名称、金额单位。第一部分:部门概况"), "W-PLACEHOLDER")


def test_latin_words_are_not_placeholders():
    assert not found(doc(text="采购XXL规格服装10.00万元"), "W-PLACEHOLDER")


def test_a_placeholder_a_words_tracked_changes_show_as_deleted_is_gone():
    heading = "第三部分 Deleted: {mark}部门 2017 年度部门决算情况说明"
    assert not found(doc(text=heading.format(mark="××")), "W-PLACEHOLDER")
    assert found(doc(text=heading.replace("Deleted: ", "").format(mark="××")), "W-PLACEHOLDER")


def test_a_count_left_as_stars_or_empty_is_a_blank_figure():
    hits = found(doc(text="参照公务员法管理的事业单位**个，其他事业单位5个。\n实有人员6人，其中:行政人,事业6人。\n"
                          "截至2014年底本单位公务用车辆共 台。"), "W-PLACEHOLDER")
    assert [h.figures["原文"] for h in hits] == ["**", "行政人", "共 台"] and all(h.severity.value == "warning" for h in hits)
    # a bold mark around a figure, and 人 after a kind that is named with its count, are no blank
    assert not found(doc(text="参照公务员法管理的事业单位**2**个。\n行政人员2人，事业人员6人，离退休人员1人。"), "W-PLACEHOLDER")
    # an income's amount left blank in a list of filled ones (R40h/17); a table's "单位:万元" is no blank
    (hit,) = found(doc(text="其中:政府性基金预算拨款0.00万元,事业收入资金万元,上级补助收入资金0.00万元。"), "W-PLACEHOLDER")
    assert hit.figures["原文"] == "万元"
    assert not found(doc(text="其中:事业收入资金12.00万元。\n金额单位:万元。"), "W-PLACEHOLDER")
    # R36z/06: "我单位共有职工人,其中正式职工427人"; the number of staff named as such is none
    (hit,) = found(doc(text="我单位共有职工人,其中正式职工427人。"), "W-PLACEHOLDER")
    assert hit.figures["原文"] == "共有职工人"
    assert not found(doc(text="我单位共有职工人数427人,职工人均支出2万元。"), "W-PLACEHOLDER")
    # R54t/07 (蔡甸区老年大学 2020): the form's blanks kept as spaces, one finding for the line
    (hit,) = found(doc(text="离退休人员 0 人,其中:离休 人,退休 人。"), "W-PLACEHOLDER")
    assert hit.figures["处数"] == "2"
    assert not found(doc(text="离退休人员 1 人,其中:离休 0 人,退休 1 人。"), "W-PLACEHOLDER")
    # R39f/11: a list the template left empty
    (hit,) = found(doc(text="统筹设置5个事业单位:分别是。下属单位分别是办公室、财务室。"), "W-PLACEHOLDER")
    assert hit.figures["原文"] == "统筹设置5个事业单位:分别是"


def test_the_templates_note_of_how_to_write_a_part_is_a_remnant():
    note = "(一般公共预算财政拨款支出决算具体情况,按支出功能分类类级科目逐类分析)"
    (hit,) = found(doc(text=f"七、一般公共预算财政拨款支出决算具体情况\n{note}\n一般公共服务支出40万元。"), "W-TEMPLATE-REMNANT")
    assert hit.figures["原文"] == note
    assert not found(doc(text="(按支出功能分类,一般公共服务支出40万元,主要用于机关运行)"), "W-TEMPLATE-REMNANT")
    (hit,) = found(doc(text="二、部门预算单位构成\n(表格示例如下)\n本部门由本级组成。"), "W-TEMPLATE-REMNANT")
    assert hit.figures["原文"] == "(表格示例如下)"


@pytest.mark.parametrize("note", ["本部门下属单位包括:……。(注:如无下属单位,应写明“本部门无下属单位)",  # R30l/11
                                  "累计0人次。开展内容包括:具体出国开支及开展工作情况等。",  # R29i/13
                                  "二、机构设置情况\n这部分主要介绍本单位机构设置情况,格式和内容没有固定要求,"
                                  "可以参考但不限于以下内容:"])  # R39f/01
def test_a_forms_guidance_to_the_writer_is_a_remnant(note):
    assert [f.severity.value for f in found(doc(text=note), "W-TEMPLATE-REMNANT")] == ["error"]


def test_the_filling_rules_of_a_forms_note_are_a_warning():
    # R28h/11, R34v/03 (岳阳县): the county's 三公 form prints its 备注 with the rules for filling it in
    hits = found(doc(text="备注：4、注明公务接待批次和人数。 5、请对“三公”经费增减变化原因等进行说明。"), "W-TEMPLATE-REMNANT")
    assert [(h.severity.value, h.figures["原文"]) for h in hits] == [("warning", "请对“三公”经费增减变化原因等进行说明")]


@pytest.mark.parametrize("fine", ["（注：如有不符，以报表为准）", "已对“三公”经费增减变化原因进行说明。",
                                  "开展内容包括:赴德国考察职业教育。"])
def test_a_note_to_the_reader_is_no_remnant(fine):
    assert not found(doc(text=fine), "W-TEMPLATE-REMNANT")


def test_a_yuan_amount_too_large_to_be_wan_is_no_missing_wan():
    text = "2014年度部门决算支出955.22万元。公务接待费{amount}元。"
    assert not found(doc(text=text.format(amount="64800.00")), "W-UNIT")  # 64,800万元 would be 68 times the whole
    assert found(doc(text=text.format(amount="64.80")), "W-UNIT")


def test_unit_price_in_yuan_is_fine():
    assert not found(doc(text="差旅补助标准每人每天100.00元，合计11.90万元。"), "W-UNIT")
    assert found(doc(text="住房公积金3.58元，合计11.90万元。"), "W-UNIT")[0].figures["原文"] == "3.58元"
    assert len(found(doc(text="住房公积金 3.58 元，合计 11.90 万元，其他补助 0.39 万，"), "W-UNIT")) == 2  # spaced by a PDF


def test_a_mirrors_gloss_between_wan_and_yuan_is_no_missing_yuan():
    # a mirror site's pinyin that a wrapped line kept whole (metamorphic wrap of R42o/16)
    assert not found(doc(text="合计9705.07万元,其中:事业收入564.93万(wàn)元,占5.82%。"), "W-UNIT")
    assert found(doc(text="合计9705.07万元,其中:事业收入564.93万(含往年结转),占5.82%。"), "W-UNIT")


def test_a_change_with_cents_but_no_unit():
    # R40h/09 (江津 2024): 484.05 ÷ 4358.97 = 11.10%, the amount is 万元 but the page does not say so
    (hit,) = found(doc(text="2024年度收入总计3874.92万元。收支较上年减少484.05,降低11.1%。"), "W-UNIT")
    assert hit.figures["原文"] == "减少484.05"
    # written with its unit, or the first of two amounts sharing one ("各减少1267.86,2570.97万元")
    assert not found(doc(text="2024年度收入总计3874.92万元。收支较上年减少484.05万元,降低11.1%。"), "W-UNIT")
    assert not found(doc(text="收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元。"), "W-UNIT")


def test_outdated_name_gives_current_name():
    hit = found(doc(text="行政事业单位离退休(款)"), "W-OUTDATED-NAME")[0]
    assert hit.figures["现行名称"] == "行政事业单位养老支出" and hit.severity.value == "warning"


def test_whether_question_is_only_a_warning():
    d = doc(text="指标：项目是否按期完成？")
    assert not found(d, "W-EDITOR-QUESTION")
    assert found(d, "W-QUESTION-MARK")[0].severity.value == "warning"


def test_a_bracket_wrapped_onto_the_next_line_is_paired():
    wrapped = doc(text="推动公共资源交易（政\n府采购业务）改革。")
    assert not found(wrapped, "W-PAREN")
    left_open = doc(text="推动公共资源交易（政府采购业务改革。\n下一段没有括号。")
    assert len(found(left_open, "W-PAREN")) == 1  # the next line closes nothing: still unpaired
    numbered = doc(text="(3)教育和管理职能。(4)服从和服务于经济建设的职能。(\n5)做好群众工作。(6)其他职能。")
    assert not found(numbered, "W-PAREN")  # "(5)" cut after its opening bracket
    # a line whose last bracket the next line closes, after an unpaired one: that one only is reported
    scored = doc(text="20 分)项目决策(10 分)科学决策必要性 (政策依据)5 5 (\n10 ) 绩效目标明确性5 5")
    (hit,) = found(scored, "W-PAREN")
    assert hit.figures["原文"].startswith("20 分)")


@pytest.mark.parametrize("slip", ["比上年预算增加增加27.45万元", "决算数大小于预算数的主要原因", "比2024年度减增加21.90万元",
                                  "与2025年预算增加持平", "收入105.00万元，支出收入105.00万元",
                                  "比2025年增加减少5.55万元", "公务接待费3.8万元,比上年减少-2.56%", "比上年下降－3.1%"])
def test_direction_words_that_cannot_stand_together(slip):
    from builders import doc, found

    assert found(doc(text=f"说明：{slip}。"), "W-PUNCT-SLIP")


@pytest.mark.parametrize("fine", ["比上年增加27.45万元", "决算数大于预算数的主要原因", "与2025年预算持平", "收入105.00万元，支出105.00万元",
                                  "增加、减少的原因", "比上年增减-2.56%", "增减变动率为-3.1%",
                                  "比2022年2423.96万元减少749.01万元,增长-30%"])  # R45v/11: a rise of −30 %
def test_plain_direction_words_are_fine(fine):
    from builders import doc, found

    assert not found(doc(text=f"说明：{fine}。"), "W-PUNCT-SLIP")


def test_template_choice_of_department_or_unit_left_after_the_name():
    from dataclasses import replace

    from builders import doc, found

    d = doc(text="上海市普陀区某局部门（单位）共有车辆0辆。", identity=Identity(unit="上海市普陀区某局"))
    assert [f.figures["原文"] for f in found(d, "W-TEMPLATE-REMNANT")] == ["上海市普陀区某局部门（单位）"]
    assert not found(replace(d, narrative=replace(d.narrative, text="上海市普陀区某局共有车辆0辆。一、部门（单位）职责")),
                     "W-TEMPLATE-REMNANT")


def test_template_instruction_to_list_receptions():
    from builders import doc, found

    assert found(doc(text="开展调研学习及考察，列明公务接待2批次、26人次。"), "W-TEMPLATE-REMNANT")
    assert not found(doc(text="开展调研学习及考察，公务接待2批次、26人次。"), "W-TEMPLATE-REMNANT")


def test_template_note_of_who_writes_a_part_and_its_sample_label():
    from builders import doc, found

    # (R47b/03, 北京 2022: "一、部门/单位基本情况(比照预算公开的内容格式)", "(一)机构设置、职责(需公开内设机构数量…)")
    for note in ("一、决算信息来源说明(基层预算单位编写)", "二、决算汇编基本情况（主管部门编写）", "公开说明（参考格式）",
                 "一、部门/单位基本情况(比照预算公开的内容格式)", "(一)机构设置、职责(需公开内设机构数量和下属单位数量及名称)"):
        assert found(doc(text=note), "W-TEMPLATE-REMNANT"), note
    assert not found(doc(text="一、决算信息来源说明\n二、决算汇编基本情况\n本说明由主管部门编写并公开。"), "W-TEMPLATE-REMNANT")
    assert not found(doc(text="一、部门/单位基本情况\n(一)机构设置、职责\n本单位内设3个科室(依法公开)。"), "W-TEMPLATE-REMNANT")


def test_percent_sign_missing_after_a_spaced_share():
    from builders import doc, found

    assert found(doc(text="城乡社区支出(类)15411.43 万元，占 76.23;"), "W-PERCENT-SIGN")


def test_a_note_on_empty_tables_listed_with_the_tables_is_tianjins_layout():
    from catalogue_examples import with_toc

    toc = ("第一部分 部门概况", "第二部分 部门预算表", "一、收入支出决算总表", "二、收入决算表", "三、关于空表的说明",
           "第三部分 部门决算情况说明")
    assert not found(with_toc(*toc)(), "W-TOC-ITEM")
    assert found(with_toc(*toc[:4], "三、收入决算情况说明", toc[5])(), "W-TOC-ITEM")
    # a part listing its table and its note, numbered 1. 2.: an entry is not read into the one before
    sangong = ("第一部分 部门“三公”经费预算", "1. 某管委会2020年“三公”经费支出预算表", "2.某管委会2020年“三公”经费支出预算情况说明")
    assert not found(with_toc(*sangong)(), "W-TOC-ITEM")


def test_a_heading_of_the_notes_part_is_no_table_name_without_its_last_character():
    from catalogue_examples import with_toc

    notes = ("第一部分 部门决算情况说明", "一、收入支出决算总体情况说明", "二、收入决算", "第二部分 部门决算表",
             "一、收入支出决算总表", "二、收入决算表")
    assert not found(with_toc(*notes)(), "W-TABLE-NAME")
    # the same words in the part of the tables lost the table's last character
    assert found(with_toc(*notes[:5], "二、收入决算")(), "W-TABLE-NAME")


def test_a_line_of_lost_characters_is_no_question():
    text = "重庆市某区司法局2025年部门预算情况说明\n?\n一、单位基本情况\n司法局主管全区司法行政。"
    assert not found(doc(text=text), "W-QUESTION-MARK")
    from juesuan.io.readers.text import extract_text
    assert [t for t, _ in extract_text(text).lines][:2] == ["重庆市某区司法局2025年部门预算情况说明", "一、单位基本情况"]
    # a mirror site's navigation, its glyphs lost as "?。?" (R41k/08); a lone question mark is still one
    mirror = "无障碍浏览?。? 关于我们?。? 法律声明  进入关怀版\n一、单位基本情况\n{tail}"
    assert not found(doc(text=mirror.format(tail="本园负责学前教育。")), "W-QUESTION-MARK")
    assert found(doc(text="一、单位基本情况\n本园负责学前教育?"), "W-QUESTION-MARK")


def test_an_amount_in_wan_without_yuan():
    (hit,) = found(doc(text="(1)公务用车运行维护费7.50万元；\n(2)公务用车购置费0万\n二、“三公”经费预算表\n"), "W-UNIT")
    # a copy cut right after "万" is no slip of the unit's
    assert not found(doc(text="财政拨款收入12.00万元,上级补助收入0万"), "W-UNIT")
    assert hit.figures["原文"] == "0万" and hit.spans[0].line == 2
    assert not found(doc(text="(2)公务用车购置费0万元\n"), "W-UNIT")
    assert not found(doc(text="公务接待费支出0.65万元，与预算相比，减少0.85万\n元，主要原因是节约。"), "W-UNIT")  # wrapped


def test_a_heading_that_lost_the_shuo_of_shuoming():
    (hit,) = found(doc(text="一、收入支出决算总体情况明……………7\n二、收入决算情况说明……7"), "W-TYPO")
    assert hit.figures == {"原文": "情况明", "应为": "情况说明"} and hit.spans[0].line == 1
    assert not found(doc(text="一、收入支出决算总体情况说明……7\n情况明确，责任明晰。"), "W-TYPO")


def test_a_cover_date_without_its_month():
    (hit,) = found(doc(text="某中学2022年度单位决算\n    二〇二三年十一月\n   二〇二三年月\n"), "W-PLACEHOLDER")
    assert hit.severity.value == "warning" and hit.figures == {"原文": "二〇二三年月"} and hit.spans[0].line == 3
    assert not found(doc(text="二〇二三年十一月\n2023年月均支出12.00万元。\n"), "W-PLACEHOLDER")


def test_a_figure_left_blank():
    (hit,) = found(doc(text="因公出国(境)费0万元,占 %,比上年减少 万元;公务接待费30万元,占 %。"), "W-PLACEHOLDER")
    assert hit.severity.value == "warning" and hit.figures == {"原文": "占 %、减少 万元", "处数": "3"}
    assert not found(doc(text="因公出国(境)费0万元,占0%,比上年减少2.28万元。"), "W-PLACEHOLDER")
    # R49j/05: a table's header cells, copied with their bars ("金额 | 占调整预算% | 比上年增长% |")
    assert not found(doc(text="金额 | 占调整预算% | 比上年增长% | |||\n"), "W-PLACEHOLDER")


def test_amounts_in_yuan_are_no_slip_where_the_text_counts_in_yuan():
    text = "科技局“三公”经费支出115,749.56元，预算494,400.00元，完成23.42%；公务接待费3,200.00元；合计0.12万元。"
    assert not found(doc(text=text), "W-UNIT")
    assert found(doc(text="住房公积金3.58元，合计11.90万元，其他支出2.00万元。"), "W-UNIT")


def test_text_decoded_in_a_wrong_encoding_is_the_copys_not_the_units():
    garbled = "其中:因公出国(境)费支出决算为7.8万元,完成预算的78.0%。ǘ┕珓?wù)用车购置及运行维护费支出7.5万元,其中"
    assert not found(doc(text=garbled), "W-PAREN") and not found(doc(text=garbled), "W-QUESTION-MARK")
    assert found(doc(text="公务用车购置及运行维护费支出7.5万元）,其中"), "W-PAREN")
    # a copy site's indent rendered as "? ? ?": a lone "?" elsewhere is damage too
    assert not found(doc(text="? ? ? ? ?一、“三公”经费\n导航我要收藏取消收藏?"), "W-QUESTION-MARK")


def test_an_old_name_is_outdated_only_from_the_year_it_was_renamed():
    from dataclasses import replace


    text = "医疗卫生与计划生育支出(类)12.00万元。"
    assert not found(replace(doc(text=text), identity=Identity(year=2017)), "W-OUTDATED-NAME")
    assert found(replace(doc(text=text), identity=Identity(year=2019)), "W-OUTDATED-NAME")
    # no year known (R45 regression, 湟中县群加乡 2015 with no title): the name may be its year's
    from juesuan.core.model import Unit
    assert not found(replace(doc(text=text), identity=Identity(), unit=Unit(name="某乡", year=None)), "W-OUTDATED-NAME")


def test_a_pinyin_gloss_run_into_a_character_marks_a_damaged_copy():
    text = "公务接待费支出3.00万元,?qū)徟螅F管理制度。"
    assert not found(doc(text=text), "W-PAREN") and not found(doc(text=text), "W-QUESTION-MARK")


def test_a_spreadsheet_title_repeated_with_its_first_character_cut_is_the_copys():
    sheet = "收入支出决算总表 部门:某卫生院 收入 项目 行次 金额 本年收入合计 27 25,754,899.39。\n入支出决算总表 公开01表 金额单位:元 支出"
    assert not found(doc(text=sheet), "W-TERM-BROKEN")
    typo = "2022年度入支出决算总体情况说明：收入总计100万元。\n收入支出决算总表"
    assert found(doc(text=typo), "W-TERM-BROKEN")


def test_a_term_wrapped_after_its_first_character_is_whole():
    wrapped = "增长1.94%。主要原因：基本支出增加。（二）一\n般公共预算财政拨款支出决算结构情况"
    assert not found(doc(text=wrapped), "W-TERM-BROKEN")
    assert found(doc(text=wrapped.replace("（二）一\n", "（二）\n")), "W-TERM-BROKEN")


def test_a_comma_beside_a_dunhao_is_doubled_punctuation():
    # R44u (九龙坡 court 2018): "增加816.52万元,、增长9.54%"
    (hit,) = found(doc(text="收支较上年决算数增加816.52万元,、增长9.54%。"), "W-DOUBLE-PUNCT")
    assert hit.figures["标点"] == ",、"
    assert not found(doc(text="收支较上年决算数增加816.52万元、增长9.54%，主要原因是人员增加。"), "W-DOUBLE-PUNCT")
    # a copy site that puts a plain comma after words (",。" shows it): "村经济,、文化" is its own
    assert not found(doc(text="二,、部门基本情况。发展村经济,、文化和社会事业,。"), "W-DOUBLE-PUNCT")


def test_a_word_that_lost_its_last_letter_before_a_figure_is_a_typo():
    # golden pages of R44: "支出总4252.73万元", "资金安 0 元", "比2023单位预算支减少70.893万元"
    text = "收入总计4114.6万元,支出总4252.73万元。上年结转结余资金安 0 元。比2023单位预算支减少70.89万元。"
    assert [h.figures["应为"] for h in found(doc(text=text), "W-TYPO")] == ["支出总计", "资金安排", "预算支出"]
    clean = "收入总计4114.6万元,支出总计4252.73万元，支出总额持平。资金安排0元。比2023年预算支出减少70.89万元。"
    assert not found(doc(text=clean), "W-TYPO")
    # R54s/05 (岳阳经开区宣传部 2018): a 类 name that lost its 出 before its amount; a table's cell cut short is no slip
    (hit,) = found(doc(text="其中:社会保障和就业支出38.39万元,医疗卫生与计划生育支7.1万元。"), "W-TYPO")
    assert hit.figures["应为"] == "医疗卫生与计划生育支出"
    assert not found(doc(text="其中:医疗卫生与计划生育支出7.1万元。\n2110199 其他环境保护管理事务支 123.02"), "W-TYPO")


def test_inverted_and_misheard_words_are_typos():
    text = "对讼诉活动实行法律监督。下辖渝北、北培、长寿法院。主要有因是人员增加。九、国有资本占用情况说明"
    text += "\n不断改善民生、整治、经济等各项工作。按支出功能分类:工资福利支出213.89万元。"
    assert sorted(h.figures["应为"] for h in found(doc(text=text), "W-TYPO")) == sorted(["诉讼", "北碚", "原因是", "国有资产占用", "政治", "经济"])
    clean = ("对诉讼活动实行法律监督。湖北培训中心。事出有因是常有的。九、国有资产占用情况说明；国有资本经营预算。"
             "开展环境整治、经济普查。按支出功能分类:一般公共服务支出31万元；按支出经济分类:工资福利支出213.89万元。")
    assert not found(doc(text=clean), "W-TYPO")


def test_a_templates_example_list_of_classes_is_a_remnant():
    # 镇海区交通单位 2021 预算 (golden): the template's list of classes, marked (类), ending on an ellipsis
    text = "收入包括:一般公共预算拨款收入、上年结转;支出包括:一般公共服务支出(类)、公共安全支出(类)……。"
    (hit,) = found(doc(text=text), "W-TEMPLATE-REMNANT")
    assert hit.severity.value == "warning" and "公共安全支出(类)" in hit.figures["原文"]
    own = "支出包括:一般公共服务支出(类)2510.31万元、公共安全支出(类)10万元。支出包括一般公共服务支出、公共安全支出等。"
    assert not found(doc(text=own), "W-TEMPLATE-REMNANT")


def test_an_income_list_naming_a_funds_spending():
    # R48e/07 (渠县图书馆 2025): "收入包括:一般公共预算拨款收入与政府性基金预算拨款支出"
    (hit,) = found(doc(text="收入包括:一般公共预算拨款收入与政府性基金预算拨款支出。"), "W-TYPO")
    assert hit.figures == {"原文": "政府性基金预算拨款支出", "应为": "政府性基金预算拨款收入"}
    assert not found(doc(text="收入包括:一般公共预算拨款收入与政府性基金预算拨款收入。支出包括:政府性基金预算拨款支出。"), "W-TYPO")


def test_a_body_heading_number_skipped():
    # R48g/01 (珠街彝族乡 2017): "一、公务用车…" then "三、公务接待费", its 因公出国 part taken out
    text = "一、公务用车购置及运行费\n运行费10万元。\n三、公务接待费\n接待费50万元。\n四、“三公”经费口径说明\n口径。"
    (hit,) = found(doc(text=text), "W-HEADING-FORM")
    assert "其间没有“二、”" in hit.message and hit.spans[0].line == 3
    assert not found(doc(text=text.replace("三、公务接待费", "二、公务接待费").replace("四、", "三、")), "W-HEADING-FORM")
    # a heading a copy joined to the line before, and a flattened table's row labels, are no gap
    assert not found(doc(text="一、基本情况二、收支预算总表说明\n说明。\n三、支出预算分类汇总表说明\n说明。"), "W-HEADING-FORM")
    assert not found(doc(text="二、项目支出\n|\n85.69\n|\n四、上级补助收入\n|\n"), "W-HEADING-FORM")


def test_chongqing_template_notes_and_a_blank_count_of_units():
    # R45w/05 (万盛公园管理所 2024), R45x/05 (綦江工业园区 2020), R45v/11 (通州殡仪馆 2023)
    text = "主要职能是(单位现行的职能职责):负责公园管理。\n(三)本轮机构改革相关情况。(注:仅涉改部门需要撰写说明)\n"
    assert [h.figures["原文"] for h in found(doc(text=text), "W-TEMPLATE-REMNANT")] == [
        "(单位现行的职能职责)", "(注:仅涉改部门需要撰写说明)"]
    assert not found(doc(text="主要职能是:负责公园管理。\n(三)本轮机构改革相关情况。(注:本单位未涉改)\n"), "W-TEMPLATE-REMNANT")
    # R51m/14 (两江新区云锦小学 2022): the note under 单位构成, one finding for the whole sentence
    note = "本部分包含本单位机构设置、单位构成等详细信息,如有其他需要说明的情况,应单独在此进行补充说明。"
    (hit,) = found(doc(text="(二)单位构成\n学校内设校长办公会。\n" + note), "W-TEMPLATE-REMNANT")
    assert hit.figures["原文"] == note.rstrip("。")
    assert not found(doc(text="(二)单位构成\n学校内设校长办公会。\n无其他需要说明的情况。"), "W-TEMPLATE-REMNANT")
    (blank,) = found(doc(text="开支单位包括北京市通州区殡仪馆个所属单位。"), "W-PLACEHOLDER")
    assert blank.severity.value == "warning"
    assert not found(doc(text="开支单位包括北京市通州区殡仪馆1个所属单位，各个所属单位均已公开。"), "W-PLACEHOLDER")


def test_a_templates_sections_left_as_an_ellipsis():
    # R49i/04 (a 财政局's blank template): "(一)部门主要职责" / "……"
    text = "XX部门XX年部门预算编制说明\n(一)部门主要职责\n……\n(二)机构设置情况\n……\n"
    template = doc(text=text, identity=Identity(kind="模板"))
    (hit,) = [h for h in found(template, "W-PLACEHOLDER") if h.severity.value == "warning"]
    assert hit.figures["处数"] == "2"
    # elsewhere a "……" line stands for a form's further rows: no finding
    filled = doc(text="(一)部门主要职责\n负责财政工作。\n项目名称\n……\n")
    assert not found(filled, "W-PLACEHOLDER")


def test_a_class_name_off_by_a_word_or_two():
    # R51n/08 (甘谷县六峰学区 2020): "社会保障和服务支出54.59万元"
    spent = "支出按功能科目分类:一般公共服务支出4607.05万元,{name}54.59万元。"
    (hit,) = found(doc(text=spent.format(name="社会保障和服务支出")), "W-CLASS-NAME")
    assert hit.figures["规范名称"] == "社会保障和就业支出" and hit.spans[0].line == 1
    # the standard name, 与 for 和, a word of its own (一般公共预算支出), a name without its amount: nothing
    for name in ("社会保障和就业支出", "社会保障与就业支出", "一般公共预算支出"):
        assert not found(doc(text=spent.format(name=name)), "W-CLASS-NAME"), name
    assert not found(doc(text="社会保障和服务支出有所增加。"), "W-CLASS-NAME")
    # R43r/16 (武隆区检察院 2023): a name holding a 类 whole is offered too
    (hit,) = found(doc(text="其中:一般公共安全支出1616.91万元,教育支出2.99万元。"), "W-CLASS-NAME")
    assert hit.figures["规范名称"] == "一般公共服务支出”或“公共安全支出"
    # R54s/04 (清远市接待办 2017): an 经济分类 list, its 商品和服务支出 loosely named; R54t/05 (2015): the 类's name of
    # its year; a name alone on its line (a table's row), with no other 类 beside it
    assert not found(doc(text="支出包括:工资福利支出132.34万元,一般商品服务支出851.67万元,对个人和家庭的补助59.6万元。"),
                     "W-CLASS-NAME")
    assert not found(doc(text="其中:教育支出2.99万元,资源勘探电力信息等支出10.00万元。"), "W-CLASS-NAME")
    assert not found(doc(text="十四、社会保障和服务支出\n0\n"), "W-CLASS-NAME")
