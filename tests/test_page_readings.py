"""Whole pages read end to end (reader, identification, phrasebook, checks): readings that unseen
pages of other regions and kinds of unit got wrong, each with the page that should still pass."""

from __future__ import annotations

from builders import check_page, page_codes, page_found
from juesuan.audit import check_path


def _rate_error_only_when_wrong(tmp_path, page: str, wrong: str, right: str) -> None:
    """The page with the ``wrong`` rate gets N-YOY-PCT as an error; with the ``right`` one, none."""
    assert "N-YOY-PCT" in page_codes(check_page(tmp_path, page.format(rate=wrong)), "error")
    assert "N-YOY-PCT" not in page_codes(check_page(tmp_path, page.format(rate=right)))


_BUDGET = ("某县某镇卫生院2022年单位预算情况说明\n一、单位基本情况\n（一）职能职责\n本单位负责基本医疗和公共卫生服务。\n"
           "二、单位收支总体情况\n"
           "(一)收入预算:2022年年初预算数504.51万元,其中:一般公共预算拨款204.51万元,事业收入300万元,其他收入0万元;"
           "上年结转结余资金29.81万元;收入较去年增加76.05万元。\n"
           "(二)支出预算:2022年年初预算数441.68万元,其中:卫生健康支出441.68万元;结转下年{carry}万元;支出较去年增加29.48万元。\n")


def test_a_budgets_own_year_figure_beside_its_carry_over_is_no_total(tmp_path):
    # the parts add up to the figure and the carry-over is told beside them: 本年, not 总计
    right = check_page(tmp_path, _BUDGET.format(carry="92.64"))
    assert right.identity.budget
    assert "N-TOTALS-SUM" not in page_codes(right)
    # 504.51 + 29.81 = 534.32 against 441.68 + 92.32 = 534.00: the two sides differ
    wrong = check_page(tmp_path, _BUDGET.format(carry="92.32"))
    (hit,) = page_found(wrong, "N-TOTALS-SUM")
    assert hit.figures["差额"] == "-0.32"


def test_a_title_right_above_its_contents_wins_over_the_posts_caption(tmp_path):
    text = ("楚雄市某医院2024年预算公开\n发表时间:2024-02-22\n楚雄市某医院2023年度部门决算\n目录\n第一部分 部门概况\n"
            "第二部分 2023年度部门决算表\n一、收入支出决算总表\n第三部分 2023年度部门决算情况说明\n一、收入决算情况说明\n"
            "第一部分 部门概况\n一、主要职能\n本院承担医疗服务。\n")
    r = check_page(tmp_path, text)
    assert (r.identity.year, r.identity.budget) == (2023, False)
    assert "N-YEAR" not in page_codes(r) and "W-HEADING-TYPO" not in page_codes(r)


_TOC_THEN_BODY = ("花桥镇2019年部门预算\n目录\n一、部门基本概况\n(一)主要职能\n(二)机构设置\n二、部门预算单位构成\n"
                  "三、部门收支总体情况\n(一)收入预算\n(二)支出预算\n四、名词解释\n一、部门基本概况\n(一)主要职能\n"
                  "发展乡村经济，提供公共服务。\n(二)机构设置\n核定编制{posts}人,其中:行政编制32人,事业编制53人,工勤编制0人。\n")


def test_the_body_after_a_contents_list_of_numbered_headings_is_read(tmp_path):
    # "一、" again after "四、名词解释" starts the body: its 概况 is read, not taken for glossary
    over = check_page(tmp_path, _TOC_THEN_BODY.format(posts=79))
    assert "N-STAFF-SUM" in page_codes(over, "error")
    assert "N-STAFF-SUM" not in page_codes(check_page(tmp_path, _TOC_THEN_BODY.format(posts=85)))
    # the 目录's narrative headings are no table names lacking "表"
    assert "W-TABLE-NAME" not in page_codes(over)


def test_a_year_in_a_quoted_documents_title_is_that_documents(tmp_path):
    text = ("某县财政局2022年度部门决算公开说明\n第一部分 部门概况\n根据某县财政局《关于2021年度部门决算批复和公开工作的通知》"
            "精神，现将某县财政局{year}年度部门决算公开如下。\n一、部门职责\n负责财政工作。\n")
    assert "N-YEAR" not in page_codes(check_page(tmp_path, text.format(year=2022)))
    assert "N-YEAR" in page_codes(check_page(tmp_path, text.format(year=2021)))


def test_a_sangong_heading_without_figures_asks_no_details():
    from builders import found, read

    heading = "七、一般公共预算财政拨款“三公”经费支出决算情况说明\n八、预算绩效情况说明\n本单位开展了绩效自评。"
    assert not found(read(heading), "C-SANGONG-DETAILS")  # a 目录 line or an empty heading: nothing to count
    stated = "七、一般公共预算财政拨款“三公”经费支出决算情况说明\n2024年度“三公”经费支出10.00万元，其中公务接待费10.00万元。"
    assert found(read(stated), "C-SANGONG-DETAILS")


def test_table_names_lacking_their_last_character_in_a_contents_list_without_parts():
    from builders import found
    from catalogue_examples import with_toc

    assert found(with_toc("一、收入支出决算总表", "二、收入决算", "三、支出决算表")(), "W-TABLE-NAME")
    # the 目录 of a 说明 whose headings read like table names without "表"
    assert not found(with_toc("一、部门职责", "二、收入决算", "三、机构设置")(), "W-TABLE-NAME")


def test_basic_overview_is_a_heading_not_a_slip_for_basic_situation(tmp_path):
    text = "六安市某局2018年部门预算\n第一部分  六安市某局基本{word}\n一、主要职能\n负责林业工作。\n"
    assert "W-HEADING-TYPO" not in page_codes(check_page(tmp_path, text.format(word="概况")))
    assert "W-HEADING-TYPO" in page_codes(check_page(tmp_path, text.format(word="概括")))
    # R41l/12 (烟台大学 2016 预算): "单位基本情况" is the heading, not a slip for "单位基本概况"
    unit = "烟台大学2016年部门预算\n目录\n第一部分单位基本{word}\n第一部分单位基本{word}\n一、主要职能\n负责高等教育。\n"
    assert "W-HEADING-TYPO" not in page_codes(check_page(tmp_path, unit.format(word="情况")))
    assert "W-HEADING-TYPO" in page_codes(check_page(tmp_path, unit.format(word="概括")))
    # R52p/03 (柏祥镇 2024): "政府性基金决算" beside the standard "政府性基金预算" names another part, no slip
    fund = "某镇2024年度部门决算\n目录\n第一部分 部门概况\n第三部分 政府性基金{word}\n一、主要职能\n负责镇政工作。\n"
    assert "W-HEADING-TYPO" not in page_codes(check_page(tmp_path, fund.format(word="决算")))
    assert "W-HEADING-TYPO" in page_codes(check_page(tmp_path, fund.format(word="顶算")))


def test_tables_without_the_notes_are_taken_for_a_part_of_the_document():
    from juesuan.core.profiles import load_profile
    from juesuan.io.readers.identify import sparse_reason

    parts = load_profile("national").layout.parts
    # an approval's form pages: the rows name 政府性基金预算 and 国有资本经营预算, no part of the 说明
    cover = "单位名称 华侨商业学校 政府性基金预算财政拨款 国有资本经营预算财政拨款 收入 支出"
    assert "只见报表" in sparse_reason(cover, parts, 2022, True)
    whole = "\n".join(p.names[0] for p in parts)
    assert sparse_reason(whole, parts, 2022, True) == ""


def test_a_budget_page_whose_headings_name_income_and_spending_together_is_audited(tmp_path):
    text = ("按照《预算法》规定，现将本部门预算公开如下。\n一、部门职责\n主要职能是管理义务教育阶段学校。\n二、机构设置\n"
            "安远学区为公益一类事业单位,共有在职职工322人。\n三、部门预算收入及支出总体情况\n(一)全年收入\n"
            "2022年收入预算3038.92万元,比2021年3019万元增加19.92万元,增长0.66%。\n(二)全年支出\n"
            "2022年支出预算3038.92万元,其中:一般公共预算拨款2982.18万元。\n")
    r = check_page(tmp_path, text)
    assert r.identity.budget and r.report is not None


def test_a_budgets_basic_spending_and_its_parts_under_the_general_budget_heading(tmp_path):
    text = ("武山县某学区2022年部门预算公开说明\n一、部门职责\n承担辖区义务教育。\n四、一般公共预算情况\n"
            "2022年一般公共预算支出4213.63万元,具体安排情况如下:\n(一)基本支出。2022年基本支出3736.92万元,"
            "其中人员经费{staff}万元,公用经费353.71万元。比2021年预算增加654万元,增长21.21%。\n")
    wrong = check_page(tmp_path, text.format(staff="3727.71"))
    assert "N-BASIC-SUM" in page_codes(wrong, "error")
    # the change after the parts is still 基本支出's, not 公用经费's
    assert "N-YOY-PCT" not in page_codes(wrong)
    assert "N-BASIC-SUM" not in page_codes(check_page(tmp_path, text.format(staff="3383.21")))


def test_a_class_budgeted_is_no_second_total_and_a_share_of_the_budgets_total(tmp_path):
    text = ("某乡人民政府2026年部门预算公开说明\n二、部门收支总体情况\n"
            "(二)支出预算2026年年初预算数1101.00万元,其中:一般公共服务支出预算582.01万元,文化旅游体育与传媒支出预算34.03万元,"
            "农林水支出预算484.96万元。\n"
            "(一)收入预算总额为1101.00万元。其中:财政拨款收入101.00万元,占收入预算总额的9.17%;"
            "其他收入1000.00万元,占收入预算总额的{share}%。\n")
    right = check_page(tmp_path, text.format(share="90.83"))
    assert "N-REPEAT" not in page_codes(right) and "N-SHARE" not in page_codes(right)
    assert "N-SHARE" in page_codes(check_page(tmp_path, text.format(share="90.3")), "error")


def test_classes_named_without_their_spending_and_by_an_older_name(tmp_path):
    # R51n/04 (湖北省招办 2021 预算): "按支出功能分类:教育1435.24万元,…;医疗卫生6.04万元,占总支出的0.43%" (6.04 ÷ 1480 = 0.41%)
    text = ("湖北省教育考试院2021年部门预算\n一、部门预算收支情况\n2021年部门预算支出1480万元。按支出功能分类:教育1435.24万元,"
            "占总支出的96.98%;社会保障和就业38.72万元,占总支出的2.62%;医疗卫生6.04万元,占总支出的{share}%。\n")
    (hit,) = page_found(check_page(tmp_path, text.format(share="0.43")), "N-SHARE")
    assert hit.figures["重算占比"] == "0.41%" and hit.message.startswith("“卫生健康支出（210）")
    assert "N-SHARE" not in page_codes(check_page(tmp_path, text.format(share="0.41")))


def test_kinds_of_staff_or_cars_the_phrasebook_does_not_know_may_make_up_the_total():
    from builders import found, read

    staff = "一、部门基本情况\n（二）机构设置\n本部门年末实有人数76人，其中在职人员48人；退休人员15人，{other}。"
    assert not found(read(staff.format(other="聘用人员5人，遗属8人")), "N-STAFF-SUM")
    assert found(read(staff.format(other="离休人员0人")), "N-STAFF-SUM")  # every kind read: 63 is not 76
    # a kind listed as none of it makes up nothing
    assert found(read(staff.format(other="年末其他人员 0 人；年末学生人数 0 人")), "N-STAFF-SUM")
    cars = "五、其他重要事项的情况说明\n（三）国有资产占有使用情况\n截至2022年底，共有车辆{n}辆，其中，机要通信用车0辆、{kind}1辆、执法执勤用车0辆。"
    assert not found(read(cars.format(n=1, kind="定向保障用车")), "N-ASSETS")
    assert found(read(cars.format(n=2, kind="应急保障用车")), "N-ASSETS")


def test_a_budget_naming_last_years_budget_as_its_scope(tmp_path):
    text = ("某办公室2025年部门预算公开说明\n一、部门基本情况\n（二）部门预算单位构成\n纳入某办公室{year}年度部门预算范围的单位只包括本级。\n")
    (hit,) = page_found(check_page(tmp_path, text.format(year=2024)), "N-YEAR")
    assert hit.severity.value == "warning"
    assert "N-YEAR" not in page_codes(check_page(tmp_path, text.format(year=2025)))
    heading = "某局2026年部门预算\n目录\n第二部分 {year}年部门预算表\n第三部分 2026年部门预算情况说明\n"
    assert "N-YEAR" in page_codes(check_page(tmp_path, heading.format(year=2025)), "warning")
    assert "N-YEAR" not in page_codes(check_page(tmp_path, heading.format(year=2026)))
    older = "某中学2016年部门预算\n一、部门基本情况\n纳入{year}年部门预算编报的单位共1个,属完全中学。\n"
    assert "N-YEAR" in page_codes(check_page(tmp_path, older.format(year=2015)), "warning")
    assert "N-YEAR" not in page_codes(check_page(tmp_path, older.format(year=2016)))


def test_pages_without_a_title_that_open_in_the_notes_or_on_a_sangong_figure_are_audited(tmp_path):
    notes = ("一、单位基本情况\n重庆市长寿区档案馆为公益一类事业单位。\n二、部门决算情况说明\n（一）收入支出决算总体情况说明\n"
             "1.总体情况。2020年度收入总计386.31万元,支出总计386.31万元。收支较上年决算数减少144.43万元,下降27.21%。\n"
             "2.收入情况。2020年度收入合计386.31万元,较上年决算数减少144.43万元。\n")
    r = check_page(tmp_path, notes)
    assert r.identity.kind == "决算" and r.report is not None
    sangong = ("2019年保山市某局“三公”经费财政拨款预算安排389000元,比上年预算增56400元,同比增长16.96%。具体情况如下:\n"
               "(一)因公出国(境)费\n安排因公出国(境)费0元,比上年预算增(减)0元,同比增长(下降)0%。\n")
    r = check_page(tmp_path, sangong)
    assert "W-TEMPLATE-CHOICE" in page_codes(r)
    # a page of words about 三公 with no figure of its own is still no disclosure
    words = "各单位要严格控制“三公”经费支出。\n（一）因公出国(境)费\n从严从紧安排。\n"
    path = tmp_path / "words.txt"
    path.write_text(words, encoding="utf-8")
    assert check_path(path).not_disclosure


def test_a_copy_ending_on_a_figure_cut_short_is_partial_and_a_funds_balance_no_repeat(tmp_path):
    from builders import found, read

    cut = ("某县某中学2018年度部门决算\n一、部门基本情况\n本单位为全额拨款事业单位。\n二、部门决算情况说明\n"
           "（一）收入支出决算总体情况说明\n本部门2018年度收入总计282.72万元。\n（二）财政拨款收入支出决算总体情况说明\n"
           "本部门2018年度财政拨款收入合计267")
    r = check_page(tmp_path, cut)
    assert r.identity.partial and "C-SECTION-MISSING" not in page_codes(r)
    text = ("一、收入支出决算总体情况说明\n2018年度年末结转和结余164.61万元。\n"
            "2018年度一般公共预算收入总计1085.31万元,本年支出1070.67万元,年末结转和结余{v}万元。")
    assert not found(read(text.format(v="30.65")), "N-REPEAT")
    assert found(read(text.replace("2018年度一般公共预算收入总计1085.31万元,本年支出1070.67万元,", "2018年度").format(v="30.65")),
                 "N-REPEAT")


def test_a_clause_printing_budget_spending_and_completion_is_checked_whoever_it_is_of(tmp_path):
    # "财政拨款支出" under the 一般公共预算 heading is no subject the phrasebook names; the clause's
    # three figures still check each other: 2112.86 ÷ 1255.37 = 168.31%, not 100%
    page = ("某中学2020年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n（三）财政拨款支出决算具体情况\n"
            "2020年度财政拨款支出年初预算数为1255.37万元,支出决算数为{actual}万元,完成年初预算的{rate}%,其中:\n")
    wrong = check_page(tmp_path, page.format(actual="2112.86", rate="100"))
    (hit,) = page_found(wrong, "N-COMPLETION")
    assert hit.figures["重算完成率"] == "168.31%" and hit.figures["说明中完成率"] == "100%"
    right = check_page(tmp_path, page.format(actual="2112.86", rate="168.31"))
    assert "N-COMPLETION" not in page_codes(right)
    # read as the 三公 total's 完成率, whose budget the phrasebook did not take: the clause is checked (3.58 ÷ 5.92 = 60.47%)
    note = ("某管委会2023年度一般公共预算财政拨款“三公”经费支出预算为5.92万元,支出决算为3.58万元,完成预算的{rate}%。"
            "其中:公务接待费支出决算为2.38万元。\n")
    (hit,) = page_found(check_page(tmp_path, note.format(rate="59.5")), "N-COMPLETION")
    assert hit.figures["重算完成率"] == "60.47%"
    assert "N-COMPLETION" not in page_codes(check_page(tmp_path, note.format(rate="60.47")))
    # a completion below zero, the gap written for it (R37b/01: "完成预算的-69.23%" for 7.2 ÷ 23.40 = 30.77%)
    (hit,) = page_found(check_page(tmp_path, note.format(rate="-39.53")), "N-COMPLETION")
    assert hit.figures["重算完成率"] == "60.47%" and hit.figures["说明中完成率"] == "-39.53%"


def test_a_clause_printing_last_years_amount_its_change_and_rate_is_checked_whoever_it_is_of(tmp_path):
    # R30n/19 (平凉): the comparison opens a sentence after 基本支出's parts, so whose it is goes unread; the
    # clause itself says 33.55 ÷ 231.17 = 14.51%
    page = ("某县某局2022年部门预算\n一、部门预算情况说明\n（三）基本支出\n2022年基本支出264.72万元,其中人员经费227.22万元,"
            "公用经费37.5万元。比2021年预算231.17万元增加33.55万元,增长{rate} %,主要原因是人员增加。\n")
    (hit,) = page_found(check_page(tmp_path, page.format(rate="17.51")), "N-YOY-PCT")
    assert hit.figures["重算增减率"] == "14.51%" and hit.figures["上年数"] == "231.17"
    assert "N-YOY-PCT" not in page_codes(check_page(tmp_path, page.format(rate="14.51")))
    # in 元 too; a rate the words turn the other way is a word's fault, not this figure's
    yuan = "某县某局2022年部门预算\n一、部门预算情况说明\n支出比上年231170元减少33550元,{word}14.51%。\n"
    assert page_found(check_page(tmp_path, yuan.format(word="下降").replace("14.51", "17.51")), "N-YOY-PCT")
    assert not page_found(check_page(tmp_path, yuan.format(word="下降")), "N-YOY-PCT")
    assert not page_found(check_page(tmp_path, yuan.format(word="增长")), "N-YOY-PCT")
    # last year's amount in brackets (R37b/04: 368347 ÷ 680806 = 54.10%, not 35.11%, the change ÷ this year's)
    bracketed = "某县某局2020年部门预算\n一、部门预算情况说明\n财政拨款收入总预算1049153元,比2019年(680806元)增加368347元,增加{} %。\n"
    (hit,) = page_found(check_page(tmp_path, bracketed.format("35.11")), "N-YOY-PCT")
    assert hit.figures["重算增减率"] == "54.10%"
    assert not page_found(check_page(tmp_path, bracketed.format("54.10")), "N-YOY-PCT")
    # a rate the phrasebook read of its subject is reported once, by the subject
    told = ("某县某局2022年部门预算\n一、部门预算情况说明\n2022年支出预算619.9万元,比2021年预算601.16万元增加18.74万元,"
            "增长3.5%,增加的原因是人员增加。\n")
    assert len(page_found(check_page(tmp_path, told), "N-YOY-PCT")) == 1
    # the subject named again between the year and the amount (R40i/11: 28.9 ÷ 1761.29 = 1.64%)
    again = ("某市某院2026年部门预算\n一、部门预算情况说明\n按照综合预算的原则,本院所有收入和支出均纳入部门预算管理。"
             "2026年收支总预算1,790.19万元,较2025年收支预算总数1,761.29万元增加28.9万元,增长{}%,主要原因是人员正常调资。\n")
    (hit,) = page_found(check_page(tmp_path, again.format("1.61")), "N-YOY-PCT")
    assert hit.figures["重算增减率"] == "1.64%"
    assert not page_found(check_page(tmp_path, again.format("1.64")), "N-YOY-PCT")
    # the same clause wrapped by a layout is still one finding, its subject's (the metamorphic wrap of R40i/11)
    wrapped = ("某市某院2026年部门预算\n一、部门预算情况说明\n(一)收入预算情况\n某市某院部门2026年收入预算1,790.19万元,全部为一般公共\n"
               "预算拨款收入,占比100%,无上年结转、政府性基金预算拨款收入、事业收入等\n"
               "其他收入。较2025年一般公共预算拨款收入1,761.29万元增加28.9\n万元,增长1.61%,与收支总预算增长原因一致。\n")
    (hit,) = page_found(check_page(tmp_path, wrapped), "N-YOY-PCT")
    assert hit.message.startswith("“一般公共预算财政拨款收入”增减率")


def test_a_totals_rate_that_fits_its_years_part_is_only_a_warning(tmp_path):
    # R55v/05 (乐山职业技术学院 2016): 2084.95 ÷ (19170.97 − 2084.95) = 12.20%, but 13.19% is the year's grants'
    # (2084.95 ÷ (17896.60 − 2084.95)): whose change it is cannot be told
    page = ("乐山职业技术学院2016年度部门决算\n一、收入决算情况说明\n本年收入合计24062.58万元,其中:财政拨款收入17896.60万元。\n"
            "四、财政拨款收入支出决算总体情况说明\n乐山职业技术学院2016年度财政拨款收支总决算19170.97万元。与2015年相比,"
            "财政拨款收入总决算增加2084.95万元,增长{rate}%。\n")
    (hit,) = page_found(check_page(tmp_path, page.format(rate="13.19")), "N-YOY-PCT")
    assert hit.severity.value == "warning" and "不能确定" in hit.message
    (hit,) = page_found(check_page(tmp_path, page.format(rate="14.00")), "N-YOY-PCT")
    assert hit.severity.value == "error"
    assert not page_found(check_page(tmp_path, page.format(rate="12.20")), "N-YOY-PCT")


def test_a_clause_printing_this_years_amount_and_last_years_is_held_to_its_change(tmp_path):
    # R52o/02 (武山县四门学区 2021): "…收入2579.21万元,与上年1007.40万元相比增加21.5万元,增长2.1%" (the rate fits
    # the change, the change not the two amounts); whose figures they are goes unread
    page = ("武山县四门学区2021年度部门决算\n第二部分 部门决算情况说明\n四、财政拨款收入支出决算总体情况说明\n"
            "2021年度,财政拨款收入总计2579.21万元,其中:一般公共预算财政拨款收入2579.21万元,与上年{prior}万元相比增加"
            "{delta}万元,增长{rate}%。\n")
    (hit,) = [h for h in page_found(check_page(tmp_path, page.format(prior="1007.40", delta="21.5", rate="2.1")), "N-YOY-DELTA")
              if "说明写本年" in h.message]
    assert hit.figures["本年数−上年数"] == "1,571.81" and hit.spans[0].line == 4
    assert not page_found(check_page(tmp_path, page.format(prior="2557.71", delta="21.5", rate="0.84")), "N-YOY-DELTA")
    # the change's size right, its word the other way (R30m/06 长宁县 2015: 1957.23 against 1953.72 "减少3.51")
    fell = ("长宁县2015年“三公”经费决算情况说明\n2015年县本级“三公”经费决算支出数为1957.23万元,较2014年决算数1953.72万元"
            "{word}3.51万元,{rate}0.2%。\n")
    (hit,) = page_found(check_page(tmp_path, fell.format(word="减少", rate="下降")), "N-YOY-DELTA")
    assert "实为增加" in hit.message
    assert not page_found(check_page(tmp_path, fell.format(word="增加", rate="增长")), "N-YOY-DELTA")


_PARTY_SCHOOL = ("县委党校2020年度部门决算\n第三部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
                 "本部门2020年度收入总计 231.24万元,其中年初结转和结余0万元,较2019年增加5.24万元,增长{rate}%。\n")


def test_a_change_after_a_zero_part_is_the_totals_not_the_parts(tmp_path):
    # 0 − 5.24 would leave last year's carry-over below zero: the change is 收入总计's (5.24 ÷ 226.00 = 2.32%)
    assert "N-YOY-PCT" not in page_codes(check_page(tmp_path, _PARTY_SCHOOL.format(rate="2.3")))
    assert "N-YOY-PCT" not in page_codes(check_page(tmp_path, _PARTY_SCHOOL.format(rate="9.3")))  # whose, unsure: no error


_FORESTRY = ("某林业工作站2024年单位预算\n二、单位收入总体情况说明\n2024年单位预算总收入848105.90元,明细如下:\n"
             "1.一般公共预算拨款848105.90元,比上年减少71007.04元,下降{rate}%;\n"
             "2.上年结余收入0元,同比减少194888元,下降100%;其中:一般公共预算拨款结转0元,同比减少194888元,下降100%。\n")


def test_last_years_carry_over_of_a_grant_is_not_the_grant(tmp_path):
    # 71007.04 ÷ 919112.94 = 7.73%; the carry-over's own change (−194888, −100%) is no second figure of the grant's
    right = check_page(tmp_path, _FORESTRY.format(rate="7.73"))
    assert right.identity.budget and not page_codes(right, "error")
    assert "N-YOY-PCT" in page_codes(check_page(tmp_path, _FORESTRY.format(rate="8.73")), "error")
    # the carry-over named before the grant's name, on the next printed line of a wrapped paragraph
    wrapped = ("县政协2023年部门预算\n四、财政拨款收支预算情况说明\n县政协2023年收支总预算800.28万元。\n"
               "收入包括:本年一般公共预算拨款收入800.28万元、上年结转一般公共预算拨\n款收入0万元;支出包括:一般公共服务支出800.28万元。\n")
    assert "N-REPEAT" not in page_codes(check_page(tmp_path, wrapped))


_TRADING_CENTRE = ("某交易中心2018年部门预算\n一、2018年收支总体情况\n(一)收入预算说明。\n"
                   "2018年收入总预算317.6万元,同比增加8.25万元,同比增长{rate}%。其中:一般公共预算拨款317.6万元。\n")


def test_a_rate_after_the_comparison_said_again_and_the_total_budget_named_so(tmp_path):
    # 8.25 ÷ (317.6 − 8.25) = 2.67%
    _rate_error_only_when_wrong(tmp_path, _TRADING_CENTRE, wrong="2.8", right="2.67")


_DEPARTMENT_AND_UNITS = ("临湘市农业局2018年部门预算\n一、收支预算总体情况\n"
                         "预算总收入14680608元,其中:经费拨款11518085元;纳入预算管理的非税收入拨款100000元;其他收入3062523元。\n"
                         "{mark}农业局机关预算总收入11385685.9元,其中:经费拨款10785685.9元,纳入预算管理的非税收入拨款100000元,其他收入500000元。\n")


def test_a_numbered_line_on_one_of_the_departments_units_gives_that_units_figures(tmp_path):
    assert "N-REPEAT" not in page_codes(check_page(tmp_path, _DEPARTMENT_AND_UNITS.format(mark="1、")))
    # the same line without its number and unit reads as the department's again: two 其他收入
    assert "N-REPEAT" in page_codes(check_page(tmp_path, _DEPARTMENT_AND_UNITS.format(mark="").replace("农业局机关", "")))


_DAYAO = ("大姚县2021年度“三公”经费决算情况说明\n"
          "2021年度,大姚县一般公共预算财政拨款“三公”经费支出决算汇总数为884.49万元,较年初预算数921.18万元减少36.69万元,"
          "完成预算数的96.02%,较上年896.77万元减少{change}万元,下降{rate}%。其中:公务接待费为228.22万元,"
          "较年初预算数242.33万元减少14.11万元,完成预算数的94.18%,较上年的 247.39万元减少19.17万元,下降7.75%,"
          "共计接待37532人次,同比接待批次减少1012批次,接待人次减少12461人次。\n")


def test_a_county_summary_opening_on_its_summed_figure_is_a_sangong_note_without_a_title(tmp_path):
    body = _DAYAO.split("\n", 1)[1].format(change="12.88", rate="1.39")
    note = check_page(tmp_path, "大姚县2021年“三公”经费、行政参公单位机关运行经费情况\n" + body)
    assert note.identity.kind == "三公说明" and "N-YOY-DELTA" in page_codes(note, "error")


def test_a_difference_from_the_budget_and_a_count_of_visits_are_no_change_from_last_year(tmp_path):
    # 884.49 − 896.77 = −12.28, −1.37%; the budget's −36.69 and the visits' −12461 are other figures
    right = check_page(tmp_path, _DAYAO.format(change="12.28", rate="1.37"))
    assert not page_codes(right, "error")
    wrong = check_page(tmp_path, _DAYAO.format(change="12.88", rate="1.39"))
    assert {f.figures.get("说明中增减额") for f in wrong.report.findings if f.code == "N-YOY-DELTA"} == {"-12.88"}


_CLINIC = ("某乡卫生院2020年度部门决算公开说明\n二、某乡卫生院2020年度部门决算情况说明\n(一)收入决算情况。2020年总收入318.2554万元,其中:\n"
           "3.事业收入37.1949万元,为事业单位开展专业业务活动及辅助活动所取得的收入。较上年度决算数增加4.1262万元,增长{rate}%。\n")


def test_a_sentence_opening_on_the_comparison_with_last_years_accounts_takes_the_subject_before(tmp_path):
    # 4.1262 ÷ (37.1949 − 4.1262) = 12.48%
    _rate_error_only_when_wrong(tmp_path, _CLINIC, wrong="11", right="12.48")


_PEOPLES_CONGRESS = ("西乡塘区人大常委会2017年部门预算\n一、2017年部门收支预算总体情况\n(一)2017年部门收入预算总体情况\n"
                     "2017年收入总预算507.37万元,同比减少19.96万元。其中:\n"
                     "1、一般公共财政预算拨款507.37万元,同比减少19.96万元,同比降低{rate}%。\n")


def test_the_older_name_of_the_general_budget_grant_is_read(tmp_path):
    # 19.96 ÷ (507.37 + 19.96) = 3.79%
    _rate_error_only_when_wrong(tmp_path, _PEOPLES_CONGRESS, wrong="3.85", right="3.79")


_LUOHU = ("深圳市罗湖区某街道办事处2024年度“三公”经费支出决算情况说明\n"
          "某街道办事处2024年度“三公”经费财政拨款支出决算为34.08万元,完成全年预算50.74万元的{rate}%,比上年决算数减少1.55万元。\n")


def test_a_completion_rate_of_the_full_year_budget_it_names(tmp_path):
    # 34.08 ÷ 50.74 = 67.17%
    (hit,) = page_found(check_page(tmp_path, _LUOHU.format(rate="76.2")), "N-COMPLETION")
    assert hit.figures["重算完成率"] == "67.17%"
    assert "N-COMPLETION" not in page_codes(check_page(tmp_path, _LUOHU.format(rate="67.2")))


_FISCAL_BUDGET = ("天水市麦积区实验小学2022年部门预算情况说明\n二、收入预算情况说明\n"
                  "2022年财政拨款收入预算{now}万元,比2021年财政拨款收入预算1076.85万元增加16.16万元,增加1.5%。"
                  "其中:一般公共预算财政拨款收入1093.01万元。\n")


def test_a_budgets_grant_named_before_the_word_budget(tmp_path):
    # R39f/07: 985.64 is 91.21 below last year's 1076.85, and below its own general budget part 1093.01
    wrong = page_codes(check_page(tmp_path, _FISCAL_BUDGET.format(now="985.64")), "error")
    assert {"N-YOY-WORDS", "N-INCOME-SUM"} <= set(wrong)
    # 1076.85 + 16.16 = 1093.01, all of it the general budget's
    assert not page_codes(check_page(tmp_path, _FISCAL_BUDGET.format(now="1093.01")), "error")


_GRANT_PARTS = ("某镇某中心2026年单位预算情况说明\n二、单位收支总体情况\n"
                "(一)收入预算2026年年初预算数{total}万元,其中:一般公共预算拨款65.61万元,政府性基金预算拨款{fund}万元。"
                "收入较2025年增加2.48万元。\n"
                "(二)支出预算2026年年初预算数{total}万元。支出预算较2025年增加2.48万元,主要是基本支出预算增加2.48万元。\n"
                "三、单位预算情况说明\n"
                "2026年一般公共预算财政拨款收入65.61万元,一般公共预算财政拨款支出65.61万元,比2025年增加0.82万元。其中:"
                "基本支出65.61万元,比2025年增加0.82万元,主要原因是社保缴费基数变更。\n")


def test_the_units_basic_spending_and_the_grants_are_one_figure_when_the_grant_is_all_it_spends(tmp_path):
    # R38d/07: all 65.61 is the general budget's, so 基本支出 rose by 2.48 and by 0.82 at once
    (hit,) = page_found(check_page(tmp_path, _GRANT_PARTS.format(total="65.61", fund="0")), "N-REPEAT")
    assert hit.severity.value == "error" and {hit.figures["第一处"], hit.figures["另一处"]} == {"2.48万元", "0.82万元"}
    # R40h/08: with 1.66 of another fund the unit's 基本支出 is not the grant's
    assert not page_found(check_page(tmp_path, _GRANT_PARTS.format(total="67.27", fund="1.66")), "N-REPEAT")


_REASONS = ("重庆两江新区某小学2021年预算情况说明\n二、单位收支总体情况\n"
            "(一)收入预算:2021年年初预算数33272398.28 元,其中:一般公共预算拨款33272398.28 元。收入较去年增加1825257.28 元,"
            "主要是拨款经费中社会保障和就业支出中行政事业单位养老等因政策性支出结构调整支出增加1047306.54元,"
            "教育支出因增人增资等政策性因素增加770995.7元等原因较上年预算总体增加1825257.28元。\n"
            "(二)支出预算:2021年年初预算数33272398.28 元。收入较去年增加{again} 元,主要是人员增加。\n")


def test_the_changes_a_reason_lists_on_the_totals_line_are_not_the_totals(tmp_path):
    # R41j/17: the reason's parts (1047306.54 + 770995.7, "等原因") are no second change of 收入总计
    assert not page_found(check_page(tmp_path, _REASONS.format(again="1825257.28")), "N-REPEAT")
    # nor when a layout wraps the paragraph over lines of 37 characters
    wrapped = "\n".join(line[i:i + 37] for line in _REASONS.format(again="1825257.28").split("\n") for i in range(0, max(len(line), 1), 37))
    assert not page_found(check_page(tmp_path, wrapped), "N-REPEAT")
    # the change told again on another line, differently, is
    assert page_found(check_page(tmp_path, _REASONS.format(again="1852257.28")), "N-REPEAT")


def test_a_change_after_a_split_told_before_it_may_be_the_totals(tmp_path):
    # R42n/02: 197.03 ÷ (3759.2 − 197.03) = 5.53%: the change fits 收入总计, not the carry-over it splits off
    page = ("某县残联2020年度部门决算\n第三部分 2020年度部门决算情况说明\n一、收入决算情况说明\n"
            "本部门2020年度收入总计3759.2万元,其中年初结转和结余1366.76万元,较2019年增加197.03万元,增加{rate}%;本年收入2392.44万元。\n")
    assert not page_found(check_page(tmp_path, page.format(rate="5.5")), "N-YOY-PCT")
    # a rate that fits neither is wrong whoever's it is
    assert page_found(check_page(tmp_path, page.format(rate="9.5")), "N-YOY-PCT")


def test_an_item_named_with_brackets_after_其中_takes_its_own_change(tmp_path):
    # R42n/04: "其中:因公出国(境)支出决算减少1.6万元,降低100%" is the trips', not the 三公 total's (−1.49, −41.38%)
    page = ("民宗局2015年度“三公”经费财政拨款决算情况说明\n二、一般公共预算财政拨款“三公”经费支出决算情况\n"
            "2015年度“三公”经费财政拨款支出决算为2.11万元。\n"
            "2015年度“三公”经费财政拨款支出决算数比2014年减少1.49万元,降低41.38%,其中:因公出国(境)支出决算减少1.6万元,"
            "降低100%;公务用车购置及运行费支出决算减少0.47万元,降低26.11%;公务接待支出决算增加0.58万元,增长290%。\n")
    assert not page_found(check_page(tmp_path, page), "N-YOY-PCT")



def test_a_budgets_overall_part_headed_budget_income_and_spending():
    # R42n/09 (2018 科协 预算): "三、2018年科协预算收支情况表" is the 收支预算总体情况 part (the words in that order)
    from juesuan.core.profiles import load_profile
    (overall,) = [p for p in load_profile("national-yusuan").layout.parts if p.key == "收支总体"]
    assert any(name in "三、2018年科协预算收支情况表" for name in overall.names)
