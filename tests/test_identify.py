"""Knowing the document before checking it: title, kind, year, region from the unit's name (never
from the body), the 目录, an evidently incomplete copy, and the profile chosen from all that."""

from juesuan.core.model import Span
from juesuan.core.profiles import select_profile
from juesuan.core.regions import province_of
from juesuan.io.readers.identify import clean_unit, find_contents, find_title, identify
from juesuan.io.readers.text import extract_text
from juesuan.io.readers.assemble import assemble

SP = Span()


def lines(*texts: str):
    return [(t, SP) for t in texts]


def test_unit_from_a_part_title_a_school_and_a_sentence_saying_what_the_unit_is():
    t = find_title(lines("枞阳县浮山中学2022年度单位决算之第三部分 情况说明"))
    assert (t.unit, t.year, t.scope) == ("枞阳县浮山中学", 2022, "单位")
    school = identify(lines("目录", "第一部分临湘市贺畈中学概况", "一、部门职责", "第二部分2019年度部门决算表"))[0]
    assert school.unit == "临湘市贺畈中学"
    text = ("一、部门基本情况", "(一)职能职责", "重庆市渝中区疾病预防控制中心为全额拨款事业单位,主要职责是:实施免疫规划。",
            "2021年度收入总计16062.73万元,支出总计16062.73万元。")
    assert identify(lines(*text))[0].unit == "重庆市渝中区疾病预防控制中心"
    told = ("按照市政府关于推进政府信息公开工作的要求,现将涪陵区新妙镇2021年度“三公”经费决算情况公布如下:",
            "2021年度全镇“三公”经费支出合计40.14万元。")
    assert identify(lines(*told))[0].unit == "涪陵区新妙镇"
    # a sentence about what the unit does names no unit
    assert identify(lines(*text[:2], "本中心承担疾病预防控制工作。", text[3]))[0].unit == ""


def test_a_body_sentence_above_a_heading_taken_for_the_title_gives_no_region_but_may_name_the_unit():
    page = ("一、单位基本情况", "银川市殡仪馆建于1966年,承担着我区及邻近的内蒙古、陕西等周边省市广大群众的殡仪服务业务。",
            "(一)主要职责", "主要承担全区的遗体接运、遗体火化业务。", "二、2014年部门决算情况:",
            "2014年本年收入总计为991.38万元,比上年减少392.28万元。")
    found = identify(lines(*page))[0]
    assert (found.unit, found.region, found.year) == ("银川市殡仪馆", "宁夏", 2014)
    # no unit named: the province a sentence mentions in passing is not the document's
    anonymous = identify(lines(page[0], page[1].replace("银川市殡仪馆建于1966年,", "本馆"), *page[2:]))[0]
    assert (anonymous.unit, anonymous.region) == ("", "")


def test_region_from_the_portals_publisher_when_nothing_else_names_it():
    page = ("索引号 | 01526410-5-04_A/2016-1009005 | 发布机构 | {who} |", "公开目录 | 三公经费 | 发布日期 | 2016-10-09 |",
            "2015年县本级“三公”经费决算支出数为1957.23万元,较2014年决算数1953.72万元增加3.51万元。")
    found = identify(lines(page[0].format(who="昌宁县财政局"), *page[1:]))[0]
    assert (found.region, found.basis["region"]) == ("云南", "发布机构“昌宁县财政局”")
    # a publisher that is no organ (a news site) tells no region
    assert identify(lines(page[0].format(who="重庆日报"), *page[1:]))[0].region == ""


def test_titles_of_an_approval_a_budgets_sangong_heading_and_a_pages_field_label():
    t = find_title(lines("海南省华侨商业学校2022年决算批复公开资料"))
    assert (t.unit, t.year, t.kind) == ("海南省华侨商业学校", 2022, "决算")
    t = find_title(lines("一、2022年“三公”经费预算安排情况", "2022年度“三公”经费预算总计21.8万元。",
                         "二、2021年“三公”经费决算情况", "2021年度“三公”经费合计支出20.12万元。"))
    assert (t.year, t.kind) == (2022, "预算")  # the first of the two, the budget the page is about
    assert find_title(lines(" 信息名称  舟曲县第二幼儿园2023年部门决算公开说明")).unit == "舟曲县第二幼儿园"


def test_a_title_without_year_mark_a_lost_characters_prefix_and_a_unit_that_belongs_somewhere():
    t = find_title(lines("重庆市长寿区洪湖镇人民政府2024部门决算情况说明"))
    assert (t.unit, t.year, t.kind) == ("重庆市长寿区洪湖镇人民政府", 2024, "决算")
    assert clean_unit("?????渠县卷硐镇人民政府") == "渠县卷硐镇人民政府"
    text = ("一、部门基本情况", "南城街道办事处属区级直属单位,是纳入2021年度部门决算编报范围的行政单位。",
            "2021年度收入总计100.00万元。")
    assert identify(lines(*text))[0].unit == "南城街道办事处"


def test_a_numbered_heading_or_the_funds_a_note_covers_name_no_unit():
    # a budget's pages that open on a table: the first title-like line is a numbered heading
    assert find_title(lines("(二)2017年部门项目支出预算安排情况说明")).unit == ""
    # a 三公 note's title broken after the funds it covers; the school's name stands above it
    t = find_title(lines("2020年度一般公共预算及政府性基金", "财政拨款“三公”经费支出决算情况说明"))
    assert (t.unit, t.year) == ("", 2020)
    assert clean_unit("一般公共预算及政府性基金") == "" and clean_unit("政府性基金预算") == ""
    assert clean_unit("庐江县第二中学") == "庐江县第二中学"
    # the level of the accounts after the name: "2016年封开县人民法院省级部门决算基本情况说明"
    assert find_title(lines("2016年封开县人民法院省级部门决算基本情况说明")).unit == "封开县人民法院"
    assert clean_unit("市级") == "" and clean_unit("某某县级") == "某某县级"
    # a finance bureau's approval of the budget names the unit after the year
    assert find_title(lines("雷州市2018年龙门镇人民政府部门预算的批复")).unit == "龙门镇人民政府"
    # a 人大 says what it is in its 概况: "…是…地方国家权力机关"
    who = identify(lines("第一部分:部门概况", "一、主要职能",
                         "西乡塘区人民代表大会是西乡塘区地方国家权力机关,在本城区内依法行使地方国家权力。",
                         "2017年部门预算收入总计501.98万元。"))[0]
    assert who.unit == "西乡塘区人民代表大会"
    t = find_title(lines("预决算公开专栏庐江县第二中学", "2020年度一般公共预算及政府性基金", "财政拨款“三公”经费支出决算情况说明"))
    assert (t.unit, t.year, t.kind) == ("庐江县第二中学", 2020, "决算")  # the name alone on the line above


def test_a_web_pages_line_joined_to_the_last_cell_is_no_cut_sentence():
    text = ("宜宾市本级2017年“三公”经费决算情况说明\n2017年因公出国(境)费99万元,比预算数减少31万元。\n"
            "附表:宜宾市本级2017年“三公”经费决算汇总表\n项目 |\n2017年决算(万元) |\n因公出国(境)经费 |\n99 |\n"
            "扫一扫在手机打开当前页")
    d = assemble(extract_text(text, "page.txt"), None, None)
    assert d.identity.partial == ""
    assert assemble(extract_text(text.replace("99 |\n扫一扫", "本年因公出国团组共计"), "page.txt"), None, None).identity.partial


def test_a_title_after_a_web_pages_metadata_rows_stands_on_its_own_line():
    text = ("[ 索引号 ] | 11500221009304852A/2025-00013 | [ 发文字号 ] | 无 |\n"
            "[ 发布机构 ] | 长寿区洪湖镇 | [ 有效性 ] | |\n重庆市长寿区洪湖镇人民政府2024部门决算情况说明\n"
            "一、部门基本情况\n（一）职能职责\n负责辖区内的城市建设和管理。\n")
    d = assemble(extract_text(text, "page.txt"), None, None)
    assert (d.identity.unit, d.identity.year) == ("重庆市长寿区洪湖镇人民政府", 2024)


def test_title_unit_year_scope_and_kind():
    t = find_title(lines("上海市普陀区财政局2024年度部门决算"))
    assert (t.unit, t.year, t.scope, t.kind) == ("上海市普陀区财政局", 2024, "部门", "决算")
    assert find_title(lines("说明")) is None
    t = find_title(lines("2020年度大英县回马镇郪口小学校决算编制说明"))
    assert (t.unit, t.year, t.kind) == ("大英县回马镇郪口小学校", 2020, "决算")
    t = find_title(lines("重庆市科学技术局2026年部门预算"))
    assert (t.unit, t.year, t.kind) == ("重庆市科学技术局", 2026, "预算")
    t = find_title(lines("三亚市住房和城乡建设局", "2023年度单位决算公开报告"))
    assert (t.unit, t.scope) == ("三亚市住房和城乡建设局", "单位")
    t = find_title(lines("州中医医院2020年一般公共预算财政拨款“三公”经费支出决算表(与预算对比).xls", "目录",
                         "一、贵州省黔南州中医医院概况", "二、贵州省黔南州中医医院2020年度部门决算公开报表(见附表)"))
    assert (t.unit, t.kind) == ("贵州省黔南州中医医院", "决算")  # not the attached spreadsheet's name
    t = find_title(lines("中共西藏自治区委员会政法委员会", "铁路护路联防办公室", "2025年度部门(单位)预算"))
    assert t.unit == "中共西藏自治区委员会政法委员会铁路护路联防办公室"  # "部门(单位)" is no unit
    t = find_title(lines("2016年度区级部门决算公开"))  # a level of government names no unit
    assert (t.unit, t.year, t.kind) == ("", 2016, "决算")
    # a line that states a figure is a sentence, whatever words it holds
    assert find_title(lines("较 2022 年度决算数增加 0.00 万元,增长 0%,主要原因是:", "", "本单位无经营收入,与去年相比无变化,与预算")) is None


def test_title_broken_over_lines_and_contents_prefix():
    broken = lines("上海市普陀区规划和自然", "资源局", "2024年度部门决算", "目录")
    assert (find_title(broken).unit, find_title(broken).year) == ("上海市普陀区规划和自然资源局", 2024)
    contents = lines("目录", "第二部分某区委社会工作部2024年度部门决算表")
    assert find_title(contents).unit == "某区委社会工作部"


def test_an_organisation_title_wins_over_a_running_header():
    t = find_title(lines("黑龙江省2021年度部门决算公开说明", "友谊县成富朝鲜族满族乡人民政府2021年度部门决算公开说明"))
    assert t.unit == "友谊县成富朝鲜族满族乡人民政府"


def test_a_web_copy_s_furniture_and_a_file_name_are_not_the_unit():
    assert find_title(lines("相关解读:", "相关文件:", "永修县江上乡人民政府2022年部门预算")).unit == "永修县江上乡人民政府"
    assert find_title(lines("当前位置: 首页 > 通知公告 > 徐州市第三十二中学2023年度单位决算公开")).unit == "徐州市第三十二中学"
    assert find_title(lines("纳入天津市武清区河西务镇人民政府2023年部门预算编制范围的预算单位包括:")).unit == "天津市武清区河西务镇人民政府"
    assert find_title(lines("一、2021年度一般公共预算财政拨款“三公”经费支出决算表")).unit == ""
    assert clean_unit("沧州市第五中学2021年度决算公开.pdf") == "沧州市第五中学"


def test_region_from_the_unit_name():
    assert province_of("上海市普陀区财政局") == "上海"
    assert province_of("昌吉回族自治州人民政府办公室") == "新疆"
    assert province_of("友谊县成富朝鲜族满族乡人民政府") == "黑龙江"
    assert province_of("普陀区财政局") == ""  # 上海 and 浙江 both have a 普陀区
    assert province_of("西南大学") == ""
    # an autonomous county by its usual short name (R47d/02 "琼中县"; "白沙县" is not 福建's 沙县)
    assert [province_of(n) for n in ("琼中县财政局", "石柱县教育委员会", "白沙县人民医院")] == ["海南", "重庆", "海南"]


def test_region_is_never_taken_from_the_body():
    text = "\n".join(["西南大学2023年度部门决算", "一、学校概况",
                      "学校位于重庆市北碚区，与新疆维吾尔自治区、上海市多所高校合作。"])
    who, _ = identify(extract_text(text, "x.txt").lines)
    assert who.unit == "西南大学" and who.region == ""


def test_contents_tables_and_body_start():
    doc = lines("某局2022年度部门决算", "目录", "第一部分 部门概况", "一、部门职责", "第二部分 2022年度部门决算表",
                "一、收入支出决算总表", "二、收入决算表", "第三部分 2022年度部门决算情况说明",
                "第一部分 部门概况", "一、部门职责", "负责……。")
    c = find_contents(doc)
    assert c.found and c.tables == ("一、收入支出决算总表", "二、收入决算表")
    assert doc[c.end][0] == "第一部分 部门概况" and c.end == 8


def test_contents_entries_a_layout_ran_into_one_line():
    doc = lines("某中心2018年度部门决算", "目录", "第一部分部门概况", "一、部门职责", "二、机构设置情况",
                "第二部分2018年度部门决算报表", "一、部门收支总体情况表",
                "三部门支出总体情况表、四财政拨款收支总体情况表、五般公共预算支出情况表、一六般公共预算基本支出情况表", "、",
                "第三部分2018年度部门决算情况说明", "一、收支总体情况说明", "二、收入总体情况说明",
                "第一部分部门概况", "一、部门职责", "负责社区服务。", "二、机构设置情况", "本级单位年末实有人数11人。")
    c = find_contents(doc)
    assert "四财政拨款收支总体情况表" in c.parts and doc[c.end][0] == "第一部分部门概况"
    # the body stops before 第二部分 and 第三部分, which the 目录 lists
    assert identify(doc)[0].partial.startswith("文件不完整：正文止于“二、机构设置情况”")


def test_an_excerpt_that_stops_mid_sentence_is_partial():
    doc = lines("某局2022年度部门决算", "第一部分 部门概况", "一、部门职责", "负责全区城市管理的综合协调和监督管理工作，推进城市管理重心下移和基层社会治理")
    who, _ = identify(doc)
    assert who.partial.startswith("文件不完整")
    whole = lines("某局2022年度部门决算", "第一部分 部门概况", "一、部门职责", "负责全区城市管理的综合协调。")
    assert identify(whole)[0].partial == ""


def test_profile_chosen_from_region_and_form():
    assert select_profile("上海", 2024) == "shanghai-2024"
    assert select_profile("新疆", 2020) == "xinjiang-2024"
    assert select_profile("重庆", 2023) == "national"
    assert select_profile("", 2023, "决算", "university") == "university"


def test_a_chongqing_university_is_not_checked_as_xinjiang():
    text = "\n".join(["西南大学2023年度部门决算", "一、学校概况", "学校与新疆维吾尔自治区、上海市合作。",
                      "二、2023年度部门决算报表", "表1：高等学校收支决算总表"])
    d = assemble(extract_text(text, "x.txt"))
    assert d.identity.form == "university" and d.profile == "university"


def test_reports_show_what_the_document_was_identified_as(tmp_path):
    import json

    from juesuan.apps.cli import main

    doc = tmp_path / "d.txt"
    doc.write_text("上海市普陀区财政局2024年度部门决算\n第一部分 部门概况\n一、主要职能\n负责财政工作。\n", encoding="utf-8")
    out = tmp_path / "r.json"
    main(["check", str(doc), "--format", "json", "-o", str(out)])
    ident = json.loads(out.read_text(encoding="utf-8"))["documents"][0]["identity"]
    assert (ident["kind"], ident["year"], ident["region"], ident["layout"]) == ("决算", 2024, "上海", "shanghai-2024")
    assert ident["basis"]["region"].startswith("单位名称")
    text = tmp_path / "r.txt"
    main(["check", str(doc), "-o", str(text)])
    assert "识别：上海市普陀区财政局 2024年度部门决算" in text.read_text(encoding="utf-8")


def test_a_budget_is_audited_as_a_budget_and_kind_overrides(tmp_path, capsys):
    from juesuan.apps.cli import main

    doc = tmp_path / "b.txt"
    doc.write_text("某市财政局2026年部门预算\n第一部分 部门概况\n一、主要职能\n负责财政工作。\n", encoding="utf-8")
    assert main(["check", str(doc), "--no-progress"]) in (0, 1)
    out = capsys.readouterr().out
    assert "识别：某市财政局 2026年度部门预算" in out and "national-yusuan" in out and "未审核" not in out
    assert main(["check", str(doc), "--kind", "决算", "--no-progress"]) in (0, 1)
    assert "识别：某市财政局 2026年度部门决算" in capsys.readouterr().out


def test_a_banner_before_the_title_and_the_words_around_a_unit_s_name():
    assert find_title(lines("深化司法公开 促进司法公正", "财务数据", "海口市中级人民法院2021年一般公共预算财政拨款“三公”经费支出决算情况说明")).unit == "海口市中级人民法院"
    assert find_title(lines("西南大学", "2021 年度部门预算")).unit == "西南大学"  # a title broken over lines
    assert find_title(lines("二、关于2016年度决算情况说明")).unit == ""
    assert clean_unit("广东省财政厅一般公共预算财政拨款“三公”经费支出") == "广东省财政厅"


def test_the_unit_from_the_first_part_s_heading_when_the_title_names_none():
    text = "第一部分 内蒙古自治区某旗某镇人民政府基本情况\n一、部门职能\n负责全镇工作。\n二、关于2016年度决算情况说明\n收入总计10.00万元。"
    ex = extract_text(text, "t.txt")
    identity, _ = identify(ex.lines)
    assert identity.unit == "内蒙古自治区某旗某镇人民政府" and identity.basis["unit"] == "第一部分标题"


def test_titles_of_a_three_public_note_and_of_a_unit_written_with_its_department():
    t = find_title(lines("当前位置: 首页>>政务公开>>正文", "乌鲁木齐市天山区2019年度“三公”经费公开说明"))
    assert (t.unit, t.year) == ("乌鲁木齐市天山区", 2019)
    t = find_title(lines("广水市白泉卫生院部门2023年度部门决算", "目录", "纳入广水市白泉卫生院2022年度部门决算编制范围的二级预算单位包括:"))
    assert (t.unit, t.year) == ("广水市白泉卫生院", 2023)  # the sentence's year is no title's


def test_a_publication_date_under_the_contents_mark_is_no_end_of_it():
    doc = lines("某中学2021年度决算公开编制说明", "目录", "公开时间:2022年9月20日", "第一部分 单位概况",
                "一、职能简介……4", "第二部分 2021年度部门决算情况说明……7", "一、收入支出决算总体情况说明……7")
    c = find_contents(doc)
    assert c.found and c.start == 1 and len(c.parts) == 4
    assert identify(doc)[0].partial  # only the 目录 came: the document is told to be partial


def test_a_budgets_sangong_note_is_read_as_a_budgets_part():
    doc = lines("西安市新城区卫生和计划生育局 2019年部门预算“三公”经费公开说明", "一、“三公”经费情况说明",
                "2019年本部门一般公共预算“三公”经费预算支出9.80万元,较上年减少18.50万元(65.37%)。",
                "二、“三公”经费预算表", "附件:卫计局2019年部门三公.xls")
    who, _ = identify(doc)
    assert (who.kind, who.accounts, who.year, who.budget) == ("三公说明", "预算", 2019, True)
    assert who.label == "预算“三公”经费说明" and who.partial == ""  # an attachment's link ends the page
    final = identify(lines("某区2019年度“三公”经费公开说明", "一、“三公”经费情况说明", "支出9.80万元。"))[0]
    assert (final.kind, final.accounts, final.budget) == ("三公说明", "决算", False)


def test_a_sangong_note_without_a_title():
    doc = lines("根据区政府工作安排,衢江区2016年一般公共预算安排“三公”经费决算数2364万元,比上年决算数下降16.77 %。",
                "2016年决算数与2015年决算数对比情况", "年度", "|", "合计", "|")
    who, _ = identify(doc)
    assert (who.kind, who.accounts, who.year, who.partial) == ("三公说明", "决算", 2016, "")
    # one that opens on what it reports: "…(以下简称“三公”经费)支出预算安排情况如下"
    doc = lines("根据百色市本级2024年预算,2024年市本级一般公共预算安排的公务接待费、因公出国(境)费、公务用车购置及运行维护费"
                "(以下简称“三公”经费)支出预算安排情况如下:", "2024年,一般公共预算安排的“三公”经费支出共计3923万元。")
    assert identify(doc)[0].kind == "三公说明"
    budget = lines("2023年一般公共预算“三公”经费预算安排520万元,与2022年预算持平:一、2023年因公出国(境)费预算170万元。")
    assert (identify(budget)[0].kind, identify(budget)[0].accounts) == ("三公说明", "预算")


def test_a_regions_sangong_note_over_all_its_units_is_a_summary():
    county = identify(lines("施甸县2016年“三公”经费决算情况统计表", "合计 | 2911.47 | 2706.86 |"))[0]
    assert (county.kind, county.unit, county.scope, county.label) == ("三公说明", "施甸县", "汇总", "“三公”经费汇总说明")
    summed = identify(lines("云县财政局2023年“三公”经费决算情况说明",
                            "经云县财政局汇总,县人民政府审定,现将县各部门、各乡镇2023“三公”经费决算情况公开如下:"))[0]
    assert summed.scope == "汇总"
    own = identify(lines("某县审计局2023年“三公”经费决算情况说明", "2023年“三公”经费支出9.80万元。"))[0]
    assert (own.scope, own.label) == ("", "“三公”经费说明")


def test_a_title_standing_alone_under_a_pages_metadata_is_its_own_line():
    text = ("索引号: | 621021/2025-00116 | 发布机构: | |\n2024年度庆城县桐川镇人民政府部门决算\n目 录\n第一部分 部门概况\n"
            "一、部门职责\n二、机构设置\n")
    who, _ = identify(extract_text(text, "x.txt").lines)
    assert who.unit == "庆城县桐川镇人民政府" and who.year == 2024


def test_sangong_notes_titled_or_not():
    # the unit after the year, a title ending "增减情况说明"
    who = identify(lines("2017年湛江市委宣传部“三公”经费增减情况说明", "“三公”经费包括因公出国(境)费。"))[0]
    assert (who.kind, who.unit, who.year) == ("三公说明", "湛江市委宣传部", 2017)
    # a summary that opens on the total, its year further on
    who = identify(lines("根据工作安排,经龙泉市财政局汇总,2018年龙泉市部门及乡镇政府(街道办事处)因公出国(境)经费、公务接待费"
                         "(“三公”经费)决算总额2771万元,比上年下降1.8%。"))[0]
    assert (who.kind, who.year) == ("三公说明", 2018)
    # "一般公共预算及…决算表" names no budget
    assert find_title(lines("合肥市2023年度一般公共预算及“三公”经费决算表")).kind == "决算"


def test_a_title_ending_in_its_kind_takes_no_page_metadata():
    text = ("中国人民政治协商会议山西省稷山县委员会2022年度部门预算\n时间:2022-02-17 字体大小:【 大 中 小 】\n"
            "信息索引号 | 发布时间 | 2022-02-17 | |||\n一、主要职能\n1、政协稷山县委员会是县级地方组织。\n")
    who, _ = identify(extract_text(text, "x.txt").lines)
    assert (who.unit, who.kind, who.year) == ("中国人民政治协商会议山西省稷山县委员会", "预算", 2022)


def test_a_unit_named_by_what_it_is_made_of_or_by_a_portals_line():
    # R54t/01 (民建武汉市委 2015 预算): no title; its 单位构成 names it
    body = lines("一、基本情况", "(一)部门主要职能", "中国民主建国会是主要由经济界人士组成的政党。", "(二)部门预算单位构成",
                 "中国民主建国会武汉市委员会由机关本级构成,其中:行政单位1个。", "二、收支预算情况", "收入预算100万元。")
    assert identify(body)[0].unit == "中国民主建国会武汉市委员会"
    # R55v/02 (檬双乡中心学校 2019): "…中心学校主要工作职责是:"
    duties = lines("一、部门基本情况", "达州市通川区檬双乡中心学校主要工作职责是:根据国家教育方针开展教学。", "二、收入决算情况",
                   "2019年收入合计535.76万元。")
    assert identify(duties)[0].unit == "达州市通川区檬双乡中心学校"
    # R54s/01 (卫生部 2010): a portal's line "原卫生部公布2010年部门决算" over the tables
    posted = lines("原卫生部公布2010年部门决算", "卫生部2010年度收支决算总表", "单位:万元")
    assert identify(posted)[0].unit == "原卫生部"


def test_a_school_districts_title_names_it():
    # R51n/08 (甘谷县六峰学区): a 学区 is an organisation, and "…部门决算收支情况说明" is a title
    title = lines("甘谷县六峰学区2020年度部门决算收支情况说明", "第一部分 单位概况", "一、主要职能", "负责辖区义务教育。")
    who = identify(title)[0]
    assert (who.unit, who.year, who.kind) == ("甘谷县六峰学区", 2020, "决算")
    # a table's title ("表一2022年度预算收支预算总表") names no unit
    assert identify(lines("附件2:表一2022年度预算收支预算总表", "一、主要职能", "负责教学。"))[0].unit == ""


def test_a_page_cut_after_a_number_in_a_sentence_is_partial():
    cut = lines("某县文联2022年度“三公”经费公开说明", "一、“三公”经费情况",
                "公务接待费支出决算减少12,625.00元,下降7")
    assert identify(cut)[0].partial.startswith("文件不完整")
    table_end = lines("某县文联2022年度部门决算", "一、收入支出决算总表", "2219899 其他住房保障支出 105.00 105.00")
    assert identify(table_end)[0].partial == ""
    # R51n/03 (水果湖高中 2021 预算) and R51n/05 (怀化人影办 2019): an income cut at its figure, a year cut after a
    # full stop; a table's last row, its figure apart, is whole
    income = lines("某中学2021年部门预算", "1.收支预算安排情况", "2021年部门预算收入总额5572万元。其中:财政拨款收入5308")
    assert identify(income)[0].partial.startswith("文件不完整：正文在句子中间结束")
    year = lines("某办2019年度部门决算情况说明", "一、收入支出决算总体情况说明", "2019 年度收、支总计32.97万元。与201")
    assert identify(year)[0].partial.startswith("文件不完整：正文在句子中间结束")
    # …or that year on a line of its own (a collapsed copy split again at its full stops)
    alone = lines("某办2019年度部门决算情况说明", "一、收入支出决算总体情况说明", "2019 年度收、支总计32.97万元。", "与201")
    assert identify(alone)[0].partial.startswith("文件不完整：正文在句子中间结束")
    row = lines("某县文联2022年度部门决算", "一、收入支出决算总表", "事业单位经营收入 12.00")
    assert identify(row)[0].partial == ""
    # R38c/04 (同德县水利管理站): the copy stops inside a table's title between book-title marks
    start = ["某站2016年度部门决算", "第一部分 部门概况", "一、部门职责", "负责全县水利行业管理。", "第二部分 某站2016年部门决算表"]
    assert identify(lines(*start, "一、水利管理站《收入支出决算总表"))[0].partial.startswith("文件不完整")
    assert identify(lines(*start, "一、水利管理站《收入支出决算总表》"))[0].partial == ""
    # R40g/12 (国家大剧院): a share cut before its %, its base named between 占 and the figure
    share = "2017年度收入总计96159.74万元。在本年收入中,财政拨款收入46469.46万元,占收入合计的48.33%;事业收入34721.76万元,占收入合计的36.1"
    assert identify(lines(*start[:4], share))[0].partial.startswith("文件不完整")
    assert identify(lines(*start[:4], share + "%。"))[0].partial == ""
    # a portal's menu after the document is no cut sentence (R42m/04)
    assert identify(lines(*start[:4], share + "%。", "区长信箱", "意见征集", "惠企政策", "返回顶部"))[0].partial == ""


def test_titles_of_summaries_and_under_page_chrome():
    who = identify(lines("重庆市铜梁区安居镇人民政府", "2021年“三公”经费决算汇总情况", "按照要求，现将情况公布如下:"))[0]
    assert (who.unit, who.kind, who.accounts, who.year) == ("重庆市铜梁区安居镇人民政府", "三公说明", "决算", 2021)
    t = find_title(lines("设为首页 | 繁体中文 |无障碍浏览 |智能机器人", "2015年内蒙古自治区文化厅部门决算公示说明—三公经费"))
    assert (t.unit, t.year, t.kind) == ("内蒙古自治区文化厅", 2015, "决算")


def test_sangong_notes_that_report_spending_are_final_accounts():
    # a page opening on its 三公 heading, its budget stated first
    who = identify(lines("一、“三公”经费财政拨款支出决算总体情况",
                         "2016年,市人大“三公”经费预算为168.53万元,其中:因公出国(境)费39万元。“三公”经费支出为163.58万元。"))[0]
    assert (who.kind, who.accounts) == ("三公说明", "决算")
    # "(决算)" after the title; "一、2018年年初预算" names no document
    assert find_title(lines("三江县2018年“三公”经费安排情况说明(决算)")).kind == "决算"
    assert find_title(lines("一、2018年年初预算")) is None


def test_a_copy_cut_on_a_heading_is_partial_and_a_share_line_ends_nothing():
    cut = lines("某县审计局2018年度部门决算", "六、关于国有资产占用情况说明", "截至2018年12月31日,本部门共有车辆2辆。", "七、政府")
    assert identify(cut)[0].partial.startswith("文件不完整")
    signed = lines("某县审计局2018年度部门决算", "六、关于国有资产占用情况说明", "截至2018年12月31日,本部门共有车辆2辆。", "某县人民政府")
    assert identify(signed)[0].partial == ""
    shared = lines("宣州区审计局2018年度“三公”经费预算情况说明", "(二)公务用车购置及运行费支出0万元。",
                   "用微信扫描二维码分享至好友和朋友圈")
    assert identify(shared)[0].partial == ""


def test_a_filled_copy_with_the_units_name_taken_out_is_no_template():
    figures = "收入总计252.5万元，其中财政拨款收入247.95万元，其他收入4.55万元；支出总计252.5万元，基本支出247.95万元，项目支出4.55万元，比上年增加20.53万元，上年227.42万元，工资福利支出180.12万元，商品和服务支出60.3万元，对个人和家庭的补助12.08万元。"
    filled = lines("XX区第二幼儿园2017年度部门决算", "一、收入支出决算总体情况说明", figures)
    assert identify(filled)[0].kind == "决算"
    template = lines("XX区第二幼儿园2017年度部门决算", "一、收入支出决算总体情况说明", "收入总计XX万元，支出总计XX万元，比上年增加0万元。")
    assert identify(template)[0].kind == "模板"


def test_the_unit_from_the_body_s_first_sentence_when_nothing_else_names_it():
    note = lines("二、2018年度一般公共预算财政拨款“三公”经费支出决算情况说明", "(一)总体情况说明。",
                 "宣城市直工委2018年度一般公共预算财政拨款“三公”经费支出预算为5.5万元,支出决算为8.99万元。")
    who = identify(note)[0]
    assert who.unit == "宣城市直工委" and who.basis["unit"] == "正文首句" and who.region == "安徽"
    other_year = lines("二、2018年度一般公共预算财政拨款“三公”经费支出决算情况说明", "(一)总体情况说明。",
                       "宣城市直工委2017年度一般公共预算财政拨款“三公”经费支出为5.5万元。")
    assert identify(other_year)[0].unit == ""
    year_first = lines("2019年保山市环境保护局“三公”经费财政拨款预算安排389000元,比上年预算增56400元,同比增长16.96%。")
    who = identify(year_first)[0]
    assert (who.unit, who.year, who.region) == ("保山市环境保护局", 2019, "云南")
    assert identify(lines("2019年全市各部门“三公”经费财政拨款预算安排389000元。"))[0].unit == ""
    # "本年" between the unit and what it reports
    this_year = lines("一、基本职能及主要工作", "三、收支决算总体情况说明", "2017年广安市检察院本年收入合计2480.75万元,其中:"
                      "一般公共预算财政拨款收入2480.72万元。")
    assert identify(this_year)[0].unit == "广安市检察院"


def test_a_sangong_summary_opening_on_its_total_and_a_pages_attachment_labels():
    page = lines("经凉山州财政局汇总,2022年凉山州州本级部门使用财政拨款安排“三公”经费支出总额为8,237.23万元,比年初预算增加1317.14万元。",
                 "公务接待费低于预算数的主要原因是厉行节约。", "附件:", "相关文档:", "扫一扫在手机打开当前页面")
    who = identify(page)[0]
    assert who.kind == "三公说明" and who.accounts == "决算" and who.partial == ""
    cut = page[:1] + lines("公务接待费低于预算数的主要原因是厉行节约及其他") + page[2:]
    assert identify(cut)[0].partial.startswith("文件不完整")
    links = ("国务院部门网站", "地方政府网站", "区县政府网站", "其他网站")
    assert identify(page[:2] + lines(*links))[0].partial == ""
    assert identify(page[:2] + lines("".join(links)))[0].partial == ""  # the portal's links joined into one line


def test_a_pages_breadcrumb_and_posting_time_are_not_its_title():
    page = lines("首页 > 政府预决算", "2017年“三公”经费预算情况说明", "时间:2018-01-10 19:39:45 来源:县财政局",
                 "2017年县级一般公共预算安排“三公”经费支出预算中公务用车运行维护费为39.6万元,比上年减少0.9万元,下降2%。")
    who = identify(page)[0]
    assert (who.unit, who.kind, who.accounts, who.year) == ("", "三公说明", "预算", 2017)
    assert find_title(page).line == 1
    assert find_title(lines("版权信息©2009—2010 社科课题组 |", "甘肃省社科联2015年部门决算补充说明")).unit == "甘肃省社科联"


def test_a_sangong_budget_attachment_with_its_own_contents_and_cover_date_is_whole():
    note = lines("附件2", "杜集经济开发区管委会2020年部门“三公”经费预算2020年2月", "目 录", "第一部分 部门“三公”经费预算",
                 "1. 杜集经济开发区管委会2020年“三公”经费支出预算表", "2.杜集经济开发区管委会2020年“三公”经费支出预算情况说明",
                 "杜集经济开发区管委会2020年“三公”经费预算", "一、2020年“三公”经费支出预算表",
                 "二、2020年“三公”经费支出预算情况说明",
                 "杜集经济开发区管委会2020年“三公”经费支出预算为40.20万元,比2019年预算减少4.80万元,下降10.67%。")
    who = identify(note)[0]
    assert (who.unit, who.kind, who.accounts, who.partial) == ("杜集经济开发区管委会", "三公说明", "预算", "")
    assert find_title(note).line == 1


def test_a_portals_record_of_the_post_is_not_the_documents_head():
    page = lines("索引号 | 11533025015264594R/20250606-00001 | 发布机构 | 昌宁县卡斯镇 |",
                 "公开目录 | 三公经费 | 发布日期 | 2025-06-06 |", "文号 | 浏览量 |",
                 "2024年昌宁县卡斯镇“三公”经费预算财政拨款情况统计表 | ||||", "单位:万元 | ||||",
                 "合计 | 18.15 | 22.15 | 4 | 22% |", "2.公务接待费 | 3 | 7 | 4 | 133% |")
    who = identify(page)[0]
    assert (who.unit, who.kind, who.accounts, who.year) == ("昌宁县卡斯镇", "三公说明", "预算", 2024)
    record = lines("索引号: 015115177-202210-616341 主题分类: 三公经费", "发布机构:  昆明市五华区人民政府 发布日期: 2022-10-13 11:37",
                   "名 称: 2021年度五华区区级“三公”经费决算情况说明", "2021年度五华区区级“三公”经费决算情况说明")
    assert find_title(record).unit == "五华区区级"


def test_a_title_ending_on_the_sangong_budget_names_a_sangong_note():
    note = lines("呈贡区财政局2016年 “三公”经费预算情况", "呈贡区2016年“三公”经费财政拨款预算安排21万元,其中,安排因公出国(境)费0万元。")
    who = identify(note)[0]
    assert who.kind == "三公说明" and who.accounts == "预算"
    both = lines("环江县茧丝绸协调中心2020年度部门决算及“三公”经费决算情况说明", "目录", "第一部分:部门概况")
    assert identify(both)[0].kind == "决算"


def test_a_copy_that_stops_inside_a_money_table_is_partial():
    head = "上海市某小学2017年度决算\n第二部分 2017年度决算表\n2017年度收入支出决算总表\n单位:万元\n"
    cells = ["收入", "支出", "项目", "决算数", "项目", "决算数", "一、财政拨款收入", "2,888.49", "一、一般公共服务支出", "",
             "二、上级补助收入", "", "二、外交支出", "", "六、其他收入", "5.00", "五、教育支出", "2,366.52"]
    ex = extract_text(head + "\n".join(cells) + "\n", "t.txt")
    assert ex.grids and identify(ex.lines, ex.grids)[0].partial.startswith("文件不完整：正文止于表格中途")
    whole = extract_text(head + "\n".join(cells + ["收入总计", "2,893.49", "支出总计", "2,893.49"]) + "\n", "t.txt")
    assert identify(whole.lines, whole.grids)[0].partial == ""
    # the same copy split into pages by form feeds (pdftotext): its lines are numbered through the file
    paged = extract_text(head.replace("第二部分", "\f第二部分") + "\n".join(cells[:8]) + "\f" + "\n".join(cells[8:]) + "\n", "t.txt")
    assert paged.grids[0].page and identify(paged.lines, paged.grids)[0].partial.startswith("文件不完整：正文止于表格中途")
    # and one that stops mid-sentence after its table
    after = extract_text(head + "\n".join(cells + ["收入总计", "2,893.49", "支出总计", "2,893.49"]) + "\f一、收入支出决算总体情况说明\n"
                         "2017年度收入、支出总计均为2893.49万元。与上年相比，收入、支出总计各增加", "t.txt")
    assert identify(after.lines, after.grids)[0].partial.startswith("文件不完整：正文在句子中间结束")
    # a 绩效目标表 read as text on a paged copy's last page is cells, not a sentence cut short; on an
    # unpaged copy a cell cut short may be the copy's end
    texts = ("上海市某小学2017年度决算", "一、收入支出决算总体情况说明", "收入总计2893.49万元。",
             "一级指标 二级指标 三级指标 年度指标值 满意度指标 群众满意度 ≥90.00(%)指标")
    cells_last = [(t, Span(page=1 + i // 3, line=i + 1)) for i, t in enumerate(texts)]
    assert identify(cells_last)[0].partial == ""
    assert identify(lines(*texts))[0].partial.startswith("文件不完整")
    assert identify(cells_last[:3] + lines("与上年相比，收入总计增加"))[0].partial.startswith("文件不完整")
    assert identify(cells_last[:3] + lines("大冶市殷祖卫生院本级2023"))[0].partial.startswith("文件不完整")  # a year cut before 年


def test_a_copy_that_ends_on_two_headings_is_partial_but_not_on_a_list_of_tables():
    cut = lines("金华市救助管理站2021年度单位决算", "(四)财政拨款收入支出决算总体情况说明", "财政拨款收入总计500.12万元。",
                "(五)一般公共预算财政拨款支出决算情况说明", "1.一般公共预算财政拨款支出决算总体情况")
    assert identify(cut)[0].partial.startswith("文件不完整：正文止于标题")
    listed = lines("某局2022年度部门决算", "说明。", "八、《国有资本经营预算财政拨款收入支出决算表》", "九、《财政拨款“三公”经费支出决算表》")
    assert identify(listed)[0].partial == ""
    one = lines("晋中市中医院2018年部门预算", "(七)国有资产占用情况", "单位办公用房面积4124.16平方米(综合楼)。", "(八)政府购买服务情况")
    assert identify(one)[0].partial.startswith("文件不完整：正文止于标题“(八)政府购买服务情况”")
    assert identify(one[:3])[0].partial == ""
    # R46z/03 (儋州市第八幼儿园 2023): a part's numbered heading after a paragraph, or a list of figures cut after an item
    kindergarten = lines("儋州市第八幼儿园2023年度部门决算公开报告", "一、收入支出决算总体情况说明",
                         "年末结转结余0万元,主要原因是我园于2023年9月新成立,无往年决算数据。", "二、收入决算情况说明")
    assert identify(kindergarten)[0].partial.startswith("文件不完整：正文止于标题“二、收入决算情况说明”")
    listed = kindergarten[:3] + lines("本年收入67.65万元,其中:财政拨款收入67.65万元,占100%;经营收入0万元,占0%;")
    assert identify(listed)[0].partial.startswith("文件不完整：正文在句子中间结束")
    assert identify(listed[:-1] + lines("本年收入67.65万元,其中:财政拨款收入67.65万元,占100%。"))[0].partial == ""


def test_a_web_pages_field_rows_and_bars_around_its_title_are_no_part_of_it():
    # the page's metadata rows end in bars: they are rows, not a paragraph the title is joined to
    page = extract_text("索引号: | 002973455/2021-58745 | 内容分类: | 部门预决算 |\n主题分类: | 财政 | 发布日期: | 2021-02-26 |\n"
                        "余姚市机关事务管理局2021年部门预算 | |\n第一部分 部门概况\n一、主要职能\n")
    assert identify(page.lines)[0].unit == "余姚市机关事务管理局"
    assert clean_unit("•洛阳市洛龙区龙祥小学") == "洛阳市洛龙区龙祥小学"  # a list's bullet before the title


def test_the_year_of_a_cited_document_is_not_the_pages():
    note = lines("根据四川省财政厅《关于印发四川省预决算公开操作规程(2022年修订)的通知》的有关规定,经绵竹市财政局汇总,"
                 "2025年全市使用财政拨款安排“三公”经费预算总额为1969万元。")
    who = identify(note)[0]
    assert (who.year, who.kind, who.accounts) == (2025, "三公说明", "预算")


def test_a_fiscal_report_or_a_self_reference_names_no_unit():
    report = lines("2023年财政决算情况及2024年财政预算情况报告(草案)", "各位代表:",
                   "现将我镇2023年财政决算情况及2024年财政预算(草案)提请镇人大会议审议,请予审议。")
    assert identify(report)[0].unit == ""  # not "财政", not "现将我镇"
    assert clean_unit("我局") == "" and clean_unit("某镇人民政府") == "某镇人民政府"


def test_a_copy_that_stops_inside_a_money_table_kept_as_barred_text_rows_is_partial():
    rows = ["青海省残联2015年决算公开说明", "第一部分 省残联概况", "一、 主要职能", "省残联成立于1989年。",
            "第二部分 2015年度部门决算表", "收入支出决算总表 | |||||", "公开01表 | |||||", "部门:省残联 | 金额单位:万元 | ||||",
            "项目 | 行次 | 决算数 | 项目 | 行次 | 决算数 |", "一、财政拨款收入 | 1 | 4,267.38 | 一、一般公共服务支出 | 35 | |",
            "8 | 八、社会保障和就业支出 | 42 | 8,695.00 | ||", "9 | 九、医疗卫生与计划生育支出 | 43"]
    assert "《收入支出决算总表》" in identify(lines(*rows))[0].partial
    # its form code spaced out by a PDF's text layer
    assert "《收入支出决算总表》" in identify(lines(*(r.replace("公开01表", "公开 01 表") for r in rows)))[0].partial
    # its 总计 row read: the table ends there
    assert identify(lines(*rows, "收入总计 | 58 | 9,894.39 | 支出总计 | 60 | 9,894.39 |"))[0].partial == ""


def test_the_names_of_attachments_under_their_label_do_not_make_a_copy_partial():
    page = ("北部生态新区2018年三公经费情况说明", "2018年三公经费支出合计12.5万元,其中公务接待费12.5万元。",
            "二、三公经费增减变化原因", "严格执行中央八项规定,三公经费比上年减少。", "相关附件:", "相关文档:")
    assert identify(lines(*page, "2018年北部生态新区(阳和工业新区)三公经费情况说明"))[0].partial == ""
    # without the label, a last line that runs on is a cut
    assert identify(lines(*page[:4], "2018年北部生态新区(阳和工业新区)三公经费情况说明比上"))[0].partial


def test_the_title_in_a_portal_records_name_cell():
    page = ("索 引 号 | 20231228-173456-045 | 发布机构 | 商洛市统计局 | ||", "公开目录 | 财政信息 | 发布日期 | 2016-03-18 | ||",
            "名 称 | 商洛市统计局2016年部门预算说明(2) | ||||", "四、部门收支预算编制的依据及测算说明", "(一)人员经费",
            "核定的范围为单位实有正式职工。")
    found = identify(lines(*page))[0]
    assert (found.unit, found.year, found.kind) == ("商洛市统计局", 2016, "预算")
    # a record without the 名称 row names no title
    assert identify(lines(*page[:2], *page[3:]))[0].unit == ""


def test_a_sangong_budget_note_opening_on_what_it_arranges():
    note = ("一、 “三公”经费安排情况", "2019年本部门财政拨款安排“三公”经费 10.8 万元,比上年 增加1.30 万元, 增长13.68 %。",
            "二、专业名词解释。", "“三公”经费:指单位用于因公出国(境)、公务用车购置及运行维护、公务接待的经费。")
    found = identify(lines(*note))[0]
    assert (found.kind, found.accounts, found.year) == ("三公说明", "预算", 2019)


def test_a_title_of_one_years_final_accounts_and_the_next_years_budget_reads_the_first():
    t = find_title(lines("中国核能行业协会2019年财务决算和2020年经费预算报告"))
    assert (t.unit, t.year, t.kind) == ("中国核能行业协会", 2019, "决算")
    assert find_title(lines("中国核能行业协会2020年经费预算报告")).kind == "预算"


def test_a_title_broken_over_three_lines_before_the_bodys_first_line():
    note = ("大英文学艺术界联合会", "关于财政拨款“三公”经费2015年决算的", "情 况 说 明",
            "大英县文学艺术界联合会财政拨款“三公”经费2015年决算情况如下:", "一、公务接待费", "2015年公务接待费0.498万元。")
    # the reader runs the spaced "情 况 说 明" into the sentence after it
    ex = extract_text("\n".join(note) + "\n", "t.txt")
    assert identify(ex.lines, ex.grids)[0].unit == "大英县文学艺术界联合会"


def test_a_sentence_saying_what_it_presents_is_no_title_and_i_am_no_unit():
    page = ("2019年部门预算经省十三届人大二次会议审议通过,现将我单位2019年部门预算说明如下:", "部门主要职责",
            "周宁县人民法院部门的主要职责是:", "(一)审判法律规定由基层人民法院管辖的各类第一审案件。")
    ex = extract_text("\n".join(page) + "\n", "t.txt")
    found = identify(ex.lines, ex.grids)[0]
    assert (found.unit, found.year, found.kind, found.region) == ("周宁县人民法院", 2019, "预算", "福建")
    assert find_title(lines(page[0])) is None


def test_a_sangong_budgets_supplementary_note_is_a_sangong_note():
    note = ("标 题 | 江汉区民意街道2015年“三公”经费财政拨款预算情况补充说明 |", "江汉区民意街道2015年“三公”经费财政拨款预算20万元。")
    found = identify(lines(*note))[0]
    assert (found.kind, found.accounts, found.year) == ("三公说明", "预算", 2015)


def test_a_note_announcing_its_sangong_budget_is_a_sangong_note():
    note = ("为做好部门预算和“三公”经费预算的公开工作,根据海南省财政厅《关于做好2016年预算公开工作的通知》(琼财预<2016>114号)的要求,"
            "现将我厅2016年“三公经费”预算数说明如下:", "一、因公出国(境)经费", "2016年预算安排“因公出国(境)费”15万元。")
    found = identify(lines(*note))[0]
    assert (found.kind, found.accounts, found.year) == ("三公说明", "预算", 2016)


def test_the_year_the_body_tells_most_wins_over_a_leftover_line_of_last_years():
    body = ("一、部门基本情况", "(二)机构设置", "从预算单位构成看,纳入本部门2020年度决算编制的二级预算单位主要包括政协社情民意信息中心。",
            "二、收入支出决算总体情况说明", "1.总体情况。2021年度收入总计1,342.42万元,支出总计1,342.42万元。",
            "2.收入情况。2021年度本年收入合计1,342.42万元。")
    assert identify(lines(*body))[0].year == 2021
    # told alike, the later year is the report's (the earlier is compared with)
    assert identify(lines(*body[:3], "2021年度收入总计1,342.42万元。"))[0].year == 2021


def test_a_units_name_with_both_department_and_sangong_tails():
    t = find_title(lines("2018年度湛江市环境保护局部门“三公”经费预算说明"))
    assert (t.unit, t.year) == ("湛江市环境保护局", 2018)


def test_a_units_name_under_a_bare_title_a_field_label_a_tail_and_a_body_sentence():
    # 重庆 (R39e/03): the post's title names a bare "学校"; the document's own title, under the post's
    # bulleted metadata, names the school
    school = identify(lines("学校2020年度部门决算情况说明", "  • 发布人:", "  • 时间:2021-08-31", "  • 来源:财务处",
                            "重庆市工业高级技工学校", "2020年度部门决算情况说明", "一、部门基本情况"))[0]
    assert (school.unit, school.region) == ("重庆市工业高级技工学校", "重庆")
    # a portal's field label (R38c/17) and a title that runs on into 关于 (R38c/13)
    assert find_title(lines("  • 文件标题 重庆市黔江区公路事务中心 2023年度决算公开说明")).unit == "重庆市黔江区公路事务中心"
    assert find_title(lines("锡林郭勒盟文物保护管理站(包括锡盟博物馆)关于2015年部门决算情况")).unit == \
        "锡林郭勒盟文物保护管理站(包括锡盟博物馆)"
    # a unit's code, a page's font-size buttons and its share link before the name; a 单位 after it (R39f, R38d/14)
    assert find_title(lines("360035柳州市马鞍山幼儿园2023年单位预算公开说明")).unit == "柳州市马鞍山幼儿园"
    # a part's label before the name, the title broken after it (R48e/07: "第二部分渠县图书馆" / "2025年部门预算情况说明")
    assert clean_unit("第二部分渠县图书馆") == "渠县图书馆"
    # "…对2017年部门预算补充公开的说明" (R47d/01, 垫江)
    assert find_title(lines("垫江县人民政府办公室对2017年部门预算补充公开的说明")).unit == "垫江县人民政府办公室"
    # a document site's page number run into it (R44u/05)
    assert find_title(lines("1冠县检验检测中心 2017 年度部门决算公开情况说明")).unit == "冠县检验检测中心"
    # the notice approving the budget, cited in the first sentence (R50l/04, 共青团中央 2011)
    cited = "根据《财政部关于批复中国共产主义青年团中央委员会2011年部门预算的通知》(财预[2011]129号),现将共青团中央2011年部门预算批复情况公布如下。"
    assert identify(lines(cited, "一、总体收支预算", "2011年一般预算收入41804.41万元。"))[0].unit == "中国共产主义青年团中央委员会"
    for buttons in (("大中小奉节县汾河镇人民政府(本级)",), ("大", "中", "小", "奉节县汾河镇人民政府(本级)")):
        assert find_title(lines(*buttons, "2026年预算情况说明")).unit == "奉节县汾河镇人民政府(本级)"
    assert find_title(lines("我要收藏", "文章分享", "广西壮族自治区林业局机关服务中心", "2026年单位预算公开说明", "目 录")).unit == \
        "广西壮族自治区林业局机关服务中心"
    assert find_title(lines("怀远县水利局单位2025年一般公共预算“三公”经费预算")).unit == "怀远县水利局"
    assert find_title(lines("政府信息公开", "【财政决算】天水市麦积区博物馆2017年度部门决算")).unit == "天水市麦积区博物馆"
    # no title: the 概况 sentence saying what the unit is, past its short name (R37a/06) or as a budget unit (R39e/11)
    page = ("一、部门基本情况", "{who},主要职能是:负责区域内的管理工作。", "二、2023年度收入支出决算总体情况",
            "2023年度收入总计100.00万元。")
    for who, unit in (("重庆解放碑中央商务区管理委员会(以下简称“本部门”)为渝中区政府派出机构", "重庆解放碑中央商务区管理委员会"),
                      ("重庆市涪陵区李渡街道李渡小学校是区教委二级预算单位", "重庆市涪陵区李渡街道李渡小学校")):
        found = identify(lines(page[0], page[1].format(who=who), *page[2:]))[0]
        assert (found.unit, found.region) == (unit, "重庆")
    # or where it stands (R40h/01)
    assert identify(lines(page[0], "增福镇卫生院位于增福镇福兴路16号,占地面积6.67亩。", *page[2:]))[0].unit == "增福镇卫生院"
    # or where it lists its offices (R41k/09)
    offices = identify(lines("一、部门基本情况", "(二)机构设置。涪陵区生态环境监测站下设办公室、监测室、应急监测室。", *page[2:]))[0]
    assert (offices.unit, offices.region) == ("涪陵区生态环境监测站", "重庆")
    # a portal's column is no unit (R41l/10)
    assert find_title(lines("信息公开目录", "|", "您当前的位置:首页>>>", "信息公开目录", "2016年度预算编制说明 |")).unit == ""
    # a 三公 budget note that opens on its items (R42m/01); a title saying 编报说明 under the post's archive date (R42m/02)
    items = identify(lines("2016年无因公出国(境)费用预算,同比无变化。", "公务接待费预算1.71万元,同比增加0.01万元,上升0.59%。",
                           "公务用车费预算25.65万元,同比减少7万元,下降21.44%。"))[0]
    assert (items.kind, items.accounts) == ("三公说明", "预算")
    # a page that only mentions them further on is no 三公 note (a 绩效 data table's "三公经费 29.08 63.46 …")
    table = identify(lines("附件3: 部门整体支出绩效评价基础数据表", "经费控制情况 三公经费 29.08 63.46 44.29",
                           "1、公务用车购置和维护经费 11.86 41.46 39.30", "3、公务接待 17.22"))[0]
    assert table.kind != "三公说明"
    filed = identify(lines("归档时间:2019-12-31", "永兴县特殊教育学校2018年部门预算编报说明", "一、单位基本情况"))[0]
    assert (filed.unit, filed.kind, filed.basis["kind"]) == ("永兴县特殊教育学校", "预算", "标题")
    # a mirror site's banner over the title; a name with its other name in brackets is one organisation (R42n/04)
    banner = identify(lines("皇家国际(中国)官方网站", "民宗局(外侨办)2015年度“三公”经费财政拨款", "决算情况说明",
                            "一、“三公”经费的单位范围"))[0]
    assert (banner.unit, banner.kind, banner.scope) == ("民宗局(外侨办)", "三公说明", "")
    # R43r: a title "…部门决算的情况说明" (01); a 检察院 that says what it is (13); a portal record run together (03)
    assert find_title(lines("彭水苗族土家族自治县乡村振兴局", "2021年度部门决算的情况说明")).unit == "彭水苗族土家族自治县乡村振兴局"
    assert find_title(lines("渠县东安镇第二卫生院2020年部门预算的编制说明")).unit == "渠县东安镇第二卫生院"  # (R43q/01)
    court = identify(lines(page[0], page[1].format(who="重庆市长寿区人民检察院是国家法律监督机关"), *page[2:]))[0]
    assert court.unit == "重庆市长寿区人民检察院"
    record = identify(lines("【字号:", "退出播报索引号 115002/2025-00032 体裁分类 财政预算、决算发布机构 梁平区安胜镇政府 有效性标题 "
                            "重庆市梁平区安胜镇人民政府(本级)决算公开说明", *page))[0]
    assert record.region == "重庆"  # (梁平区, a district since 2016)
    # the unit that says it is one needs its name: "本部门是一级预算单位" names none
    assert identify(lines(page[0], page[1].format(who="本部门是一级预算单位"), *page[2:]))[0].unit == ""


def test_a_heading_over_last_years_outturn_and_this_years_budget_gives_the_budgets_year():
    # R44s/06 (旺苍县 2025): no title above "二、“三公”经费2024年执行情况和2025年预算情况"
    page = ("一、公开单位范围", "旺苍县机关事业单位因公出国(境)费、公务接待费。", "二、“三公”经费2024年执行情况和2025年预算情况",
            "2024年旺苍县“三公”经费执行数2010.95万元,2025年“三公”经费预算数2005.41万元。")
    found = identify(lines(*page))[0]
    assert (found.year, found.kind) == (2025, "预算")
    # a heading naming one year only keeps it
    assert identify(lines(page[0], page[1], "二、2025年“三公”经费预算情况", page[3]))[0].year == 2025


def test_a_units_name_in_the_first_lines_saying_what_it_is_or_does():
    # R45 (重庆 2018–2024, no title): the 概况's first sentence names the unit
    said = {"重庆市万盛经济技术开发区公园管理所为重庆市万盛经济技术开发区城市管理局管理的正科级公益一类财政全额拨款事业单位。":
            "重庆市万盛经济技术开发区公园管理所",
            "重庆市梁平区交通局是梁平区人民政府的组成部门,其主要职责是贯彻执行国家交通行业的方针。": "重庆市梁平区交通局",
            "重庆白涛工业园区管理委员会行使区政府赋予的经济管理权限,负责园区规划建设。": "重庆白涛工业园区管理委员会",
            # R49h/11 (长寿区科协 2017 预算)
            "重庆市长寿区科学技术协会是长寿区委领导下的人民团体。其主要职能是:1.团结科技工作者。": "重庆市长寿区科学技术协会"}
    for sentence, unit in said.items():
        found = identify(lines("一、单位基本情况", "(一)职能职责。", sentence, "二、部门决算情况说明", "本年收入合计10万元。"))[0]
        assert (found.unit, found.region) == (unit, "重庆")
    offices = identify(lines("一、部门基本情况", "(二)机构设置。重庆市武隆区大洞河乡人民政府是一个独立核算机构,下设人大、政府机关。"))[0]
    assert offices.unit == "重庆市武隆区大洞河乡人民政府"
    # R47c (重庆 2021–2023): "…是经…批准成立的", "…是在区委直接领导下", "…(本级)内设10个综合办事机构"
    for sentence, unit in (("重庆市綦江区三江中学是经重庆市綦江区机构编制委员会批准成立的。", "重庆市綦江区三江中学"),
                           ("中共重庆市长寿区委党校是在区委直接领导下,实行一个机构三块牌子。", "中共重庆市长寿区委党校"),
                           ("重庆市綦江区石林镇人民政府(本级)内设10个综合办事机构。", "重庆市綦江区石林镇人民政府(本级)")):
        assert identify(lines("一、部门基本情况", sentence, "二、部门决算情况说明"))[0].unit == unit
    # a portal's column above a bare title is no unit (R46z/05: "校务公开" / "2023年度部门决算公开")
    school = identify(lines("校务公开", "2023年度部门决算公开", "一、部门基本情况", "北京学校为公益一类事业单位,是一所学校。"))[0]
    assert school.unit == "北京学校"
    # what another organisation does is no name of the unit's
    assert identify(lines("一、单位基本情况", "本单位行使区政府赋予的管理权限。"))[0].unit == ""


def test_a_headless_excerpts_kind_from_its_words_weighs_its_headings_not_the_budget_compared_with():
    # R48f/07 (大英县市场监督管理局 2019): its headings say "…支出决算情况说明"; its fund names ("政府性基金预算…")
    # and "年初预算编制" (the budget the 决算 compares with) do not make the page a budget
    page = ("八、政府性基金预算支出决算情况说明", "2019年政府性基金预算拨款支出0万元。", "九、国有资本经营预算支出决算情况说明",
            "2019年国有资本经营预算拨款支出0万元。", "本部门在年初预算编制阶段开展了预算事前绩效评估。")
    assert identify(lines(*page))[0].kind == "决算"
    assert identify(lines("二、收入预算情况", "2025年收入预算100万元,支出预算100万元。", "三、支出预算情况"))[0].kind == "预算"
    # a budget's income list names the funds' 预算 (R45x/05, 綦江工业园区 2020): still a budget
    income = ("(一)收入:2020年收入数1525.32万元,其中:一般公共预算拨款1218.72万元,政府性基金预算拨款0万元,国有资本经营预算收入0万元。",)
    assert identify(lines(*income))[0].kind == "预算"
