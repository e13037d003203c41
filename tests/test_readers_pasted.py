"""Text as people paste it: wrapped lines, page breaks, pinyin glosses of traditional mirrors and
line breaks lost (issue 7 item 4, issue 8 text case). Flattened tables: test_readers_flat_tables.

Self-made fixtures first; the corpus tests at the end use ../shared and skip without it.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from decimal import Decimal

import pytest

from builders import check_page, page_found
from shared import PDF_WRAPPED_LINES, SHARED, needs_shared

from juesuan import api
from juesuan.core.model import Span
from juesuan.io.readers.html import extract_html
from juesuan.io.readers.lines import furniture, is_collapsed, paginate, relocator, segment
from juesuan.io.readers.normalize import clean_line, has_traditional, join_lines, strip_glosses, to_simplified
from juesuan.io.readers.text import extract_text

WEB = SHARED / "corpus" / "web"
SEED = SHARED / "seed" / "000_e5361b4e9819f483.txt"


def _lines(*texts: str) -> list[tuple[str, Span]]:
    return [(t, Span(file="f.txt", line=i + 1)) for i, t in enumerate(texts)]


def _joined(*texts: str) -> list[str]:
    return [t for t, _ in join_lines(_lines(*texts))[0]]


# --------------------------------------------------------------------------- hard wraps


def test_name_number_and_bracket_split_across_lines_are_joined():
    assert _joined("1.一般公共服务支出(类)政府办公厅（室）及相关机构事", "务(款)行政运行(项):支出决算数为881.38万元。") == [
        "1.一般公共服务支出(类)政府办公厅（室）及相关机构事务(款)行政运行(项):支出决算数为881.38万元。"]
    assert _joined("收入总计1,787.", "23万元。") == ["收入总计1,787.23万元。"]
    assert _joined("使用非财政拨款结余（含专用", "结余）0.00万元。") == ["使用非财政拨款结余（含专用结余）0.00万元。"]


def test_wrapped_heading_takes_its_short_rest_only():
    assert _joined("五、一般公共预算财政拨款“三公”经费支出决算", "情况说明", "2024年度“三公”经费支出77.21万元。") == [
        "五、一般公共预算财政拨款“三公”经费支出决算情况说明", "2024年度“三公”经费支出77.21万元。"]
    assert _joined("七、一般公共预算财政拨款“三公”经费支出决算", "表", "八、政府性基金预算财政拨款收入支出决算表") == [
        "七、一般公共预算财政拨款“三公”经费支出决算表", "八、政府性基金预算财政拨款收入支出决算表"]
    # a complete heading does not swallow the paragraph under it, however short
    assert _joined("一、部门主要职责及内设机构", "无。") == ["一、部门主要职责及内设机构", "无。"]
    assert _joined("二、收入决算情况说明", "本年收入1,741.71万元。") == ["二、收入决算情况说明", "本年收入1,741.71万元。"]


def test_a_title_after_a_web_copys_metadata_rows_stands_on_its_own_line():
    meta = [f"[ 字段{n} ] | 值{n} |" for n in range(12)]
    out = _joined("您当前的位置: 首页>政务公开>预算/决算> 决算", *meta, "重庆市某区某中学2020年度部门决算情况说明", "部门基本情况")
    assert "重庆市某区某中学2020年度部门决算情况说明" in out
    # a title with nothing between its year and 预算
    out = _joined("首页 > 财政预决算 > 区部门预算", "公开范围 面向全社会", "宁波市某区某社区卫生服务中心2021年预算", "发布日期: 2022-09-09")
    assert "宁波市某区某社区卫生服务中心2021年预算" in out
    # the page's own line takes nothing after it: the unit's name is the title's first line
    assert _joined("发布日期:2022-09-01 09:17:49 大 中 小", "重庆市江津区柏林镇人民政府", "2021年度部门决算情况说明")[0] == \
        "发布日期:2022-09-01 09:17:49 大 中 小"


def test_table_title_and_unit_line_stay_apart():
    assert _joined("收入支出决算总表", "单位：万元", "项目") == ["收入支出决算总表", "单位：万元", "项目"]


def test_open_bracket_carries_past_clause_marks_and_a_blank_line():
    out = _joined("平均得分99.33分（其中，绩效评级为“优”的项目39个；", "", "绩效评级为“良”的项目0个）。", "下一段。")
    assert out == ["平均得分99.33分（其中，绩效评级为“优”的项目39个；绩效评级为“良”的项目0个）。", "下一段。"]
    # without an open bracket a blank line is a paragraph break
    assert _joined("上海市普陀区财政局", "", "2024年度部门决算") == ["上海市普陀区财政局", "2024年度部门决算"]


WRAPPED_PAGE = PDF_WRAPPED_LINES  # each line pasted as a paragraph: a blank line after each


def _spaced(*texts: str) -> tuple[str, ...]:
    return tuple(x for t in texts for x in (t, ""))[:-1]


def test_lines_at_a_pages_wrap_width_are_joined_across_blank_lines():
    out = _joined(*_spaced(*WRAPPED_PAGE))
    assert out == ["".join(WRAPPED_PAGE[:8]), "".join(WRAPPED_PAGE[8:])]
    # without a wrap width in evidence (paragraphs of any length) a blank line is a paragraph break
    assert _joined(*_spaced(*WRAPPED_PAGE[:3])) == list(WRAPPED_PAGE[:3])


def test_a_line_at_the_wrap_width_takes_no_heading_contents_line_or_stray_word():
    contents = ("七、一般公共预算财政拨款三公经费支出决算情况说明", "政府性基金预算收入支出决算情况",
                "关于机关运行经费支出说明")
    assert _joined(*_spaced(*WRAPPED_PAGE, *contents)) == ["".join(WRAPPED_PAGE[:8]), "".join(WRAPPED_PAGE[8:]),
                                                           *contents]
    # a line at the width that the next line does not continue (neither at the width nor ending a sentence)
    head = "来源 阿克陶县财政局,发布时间 2022-09-02 12:06,阅读数"
    assert _joined(*_spaced(*WRAPPED_PAGE, head, "录", "第一部分 部门概况"))[-3:] == [
        head, "录", "第一部分 部门概况"]


def test_joined_line_keeps_first_span_and_records_where_each_line_starts():
    lines, pieces = join_lines(_lines("本年收入合计1,741.71万元，其中：财政拨款收入", "1,693.16万元。"))
    (text, span), = lines
    assert span.line == 1 and span.excerpt == text[:80]
    ((offset, second),) = pieces[0]
    assert text[offset:] == "1,693.16万元。" and second.line == 2


def test_relocator_points_a_figure_at_its_source_line():
    lines, pieces = join_lines([("本年收入合计1,741.71万元，其中：财政拨款收入", Span(file="f", page=1, line=9)),
                                ("1,693.16万元，占97.21%。", Span(file="f", page=2, line=12))])
    text = lines[0][0]
    relocate = relocator(lines, pieces)
    excerpt = "财政拨款收入1,693.16万元"
    figure = Span(file="f", page=1, line=9, excerpt=excerpt, start=6, end=14)
    moved = relocate(figure)
    assert (moved.page, moved.line) == (2, 12) and moved.excerpt[moved.start:moved.end] == "1,693.16"
    first = Span(file="f", page=1, line=9, excerpt=text[:20], start=6, end=14)
    assert relocate(first) == first  # a figure on the first line stays there


def test_join_is_linear_in_the_number_of_lines():
    """Many lines that never end a sentence: joined text is built once, and cut at a paragraph's
    greatest length instead of growing without bound."""
    lines = _lines(*(["收入支出决算总体情况说明本年收入合计"] * 20000))
    out, _ = join_lines(lines)
    assert sum(len(t) for t, _ in out) == 20000 * 18
    assert max(len(t) for t, _ in out) <= 5000 + 18


# --------------------------------------------------------------------------- pages


def _paged_text() -> str:
    header = "某区财政局2024年度部门决算"
    pages = [
        [header, "第三部分 部门决算情况说明", "一、收入支出决算总体情况说明",
         "2024年度收入总计1,787.23万元，其中：本年收入合计1,741.71万元，年初结转和结余",
         "45.52万元。2024年度支出总计1,787.23万元，其中：本年支出合计", "", "- 3 -"],
        [header, "1,740.70万元，年末结转和结余46.53万元。", "二、收入决算情况说明",
         "本年收入1,741.71万元，其中：财政拨款收入1,693.16万元，占97.21%；其他收入48.55万元，占2.79%。", "", "- 4 -"],
        [header, "三、支出决算情况说明", "本年支出1,740.70万元，其中：基本支出1,217.85万元，占69.96%；",
         "项目支出522.85万元，占30.04%。", "", "- 5 -"],
        [header, "序号", "1", "上海市普陀区财政局（本级）", "2", "上海市普陀区财政局财政所", "", "- 6 -"],
    ]
    return "\f".join("\n".join(p) + "\n" for p in pages)


def test_pages_markers_and_running_header_are_dropped():
    raw = _paged_text().split("\n")
    pages = paginate(raw)
    assert pages[0] == 1 and pages[-2] == 4
    dropped = {raw[i].strip("\f") for i in furniture([r.replace("\f", "") for r in raw], pages)}
    assert dropped == {"某区财政局2024年度部门决算", "- 3 -", "- 4 -", "- 5 -", "- 6 -"}
    ex = extract_text(_paged_text(), "p.txt")
    texts = [t for t, _ in ex.lines]
    # the sentence broken by the page break is one line again; the 序号 cells "1", "2" are kept
    assert texts[2].endswith("45.52万元。2024年度支出总计1,787.23万元，其中：本年支出合计1,740.70万元，年末结转和结余46.53万元。")
    assert texts[-1] == "序号1上海市普陀区财政局（本级）2上海市普陀区财政局财政所"
    assert not any("- 4 -" in t or "某区财政局2024年度部门决算" in t for t in texts)
    assert [s.page for _, s in ex.lines] == [1, 1, 1, 2, 2, 3, 3, 3, 4]


def test_the_documents_title_printed_once_more_by_a_page_number_is_a_running_header():
    raw = ["临湘市农业局2018年部门预算汇总编报说明", "一、基本情况", "部门预算包括局机关本级和所属二级机构。",
           "4、园艺场预算总收入775121.16元。", "- 2 -", "临湘市农业局2018年部门预算汇总编报说明",
           "5、农科所预算总收入646843.36元。", "第一部分 部门概况"]
    dropped = {raw[i] for i in furniture(raw, [None] * len(raw))}
    assert dropped == {"- 2 -", "临湘市农业局2018年部门预算汇总编报说明"} and 0 not in furniture(raw, [None] * len(raw))
    # a heading the body prints again by a page number is no title
    body = ["某局2022年度部门决算", "目录", "第一部分 部门概况", "- 2 -", "第一部分 部门概况", "一、部门职责"]
    assert {body[i] for i in furniture(body, [None] * len(body))} == {"- 2 -"}


def test_figure_after_a_page_break_points_at_its_page_and_line(tmp_path):
    path = tmp_path / "某区财政局2024年度部门决算.txt"
    path.write_text(_paged_text(), encoding="utf-8")
    d = api.read(path)
    by_key: dict = {}
    for st in d.narrative.statements:
        by_key.setdefault(st.key, st)
    this_year = by_key["本年支出合计"]
    assert this_year.value == Decimal("1740.70")
    assert (this_year.span.page, this_year.span.line) == (2, 9)
    assert this_year.span.excerpt[this_year.span.start:this_year.span.end] == "1,740.70"
    opening = by_key["年初结转和结余"]
    assert (opening.span.page, opening.span.line) == (1, 5)  # printed on the second line of the sentence
    assert by_key["收入总计"].span.line == 4


def test_page_texts_joined_by_form_feeds_without_a_line_break(tmp_path):
    # page texts joined as "…last line\fFirst line…": the first line of a page is a line of its
    # own, on its page, with the file's line number
    pages = ["某区财政局2024年度部门决算\n第一部分 概况\n一、主要职能\n（一）负责受理投诉。",
             "二、机构设置\n本单位内设科室3个。", "三、人员情况\n在职人员12人。"]
    ex = extract_text("\f".join(pages), "p.txt")
    where = {t: (s.page, s.line) for t, s in ex.lines}
    assert where["（一）负责受理投诉。"] == (1, 4)
    assert where["二、机构设置"] == (2, 4)
    assert where["本单位内设科室3个。"] == (2, 5)
    assert where["三、人员情况"] == (3, 5)
    assert not any("投诉。二、" in t or "个。三、" in t for t in where)


def test_bare_numbers_are_page_numbers_only_in_sequence_a_page_apart():
    raw = ["1", "某单位", "2024年度单位决算", "目录", "第一部分 概况", "2", "一、职责", "（一）负责受理投诉。",
           "（二）负责督查。", "（三）负责协调。", "3", "序号", "1", "2", "3", "二、机构设置"]
    pages = paginate(raw)
    assert {raw[i] for i in furniture(raw, pages)} == {"1", "2", "3"}
    assert sorted(furniture(raw, pages)) == [0, 5, 10]  # the 序号 cells stay
    # table cells one a line with a blank line after each: "1" and "2" are three cells apart, not pages
    cells = ["合计", "3", "1.71", "公务接待费", "1", "0.53", "公务用车购置及运行维护费", "2", "1.18"]
    spaced = [x for c in cells for x in (c, "")]
    assert furniture(spaced, paginate(spaced)) == set()


# --------------------------------------------------------------------------- mirrors


def test_pinyin_glosses_and_stray_commas_of_mirrors_are_removed():
    assert clean_line("南康區(qū)鏡壩鎮(zhèn)人民政府2021年度部門決算") == "南康区镜坝镇人民政府2021年度部门决算"
    assert clean_line("決算(jué suàn)") == "决算"
    assert clean_line("收(shōu)入(rù)") == "收入"
    assert clean_line("二,、部門基本情況") == "二、部门基本情况"
    assert strip_glosses("PPP(PPP)项目、一般公共服务支出(类)、(a)") == "PPP(PPP)项目、一般公共服务支出(类)、(a)"


def test_an_indent_of_lost_characters_is_no_part_of_its_line():
    # R48f/01 (大余县司法局 2019, a mirror): "????第三部分 …" kept the 目录's tables running into the 说明's headings
    from juesuan.io.readers.normalize import clean_line
    assert clean_line("????第三部分 2019年度部门决算情况说明") == "第三部分 2019年度部门决算情况说明"
    assert clean_line("??") == "" and clean_line("费用?。") == "费用?。"  # a line of them, and one inside, as before


def test_only_lines_with_traditional_characters_are_converted():
    assert has_traditional("收入總計") and not has_traditional("收入总计")
    # t2s alone would write 干县: a simplified line is never converted
    assert to_simplified("陕西省乾县财政局2024年度部门决算") == "陕西省乾县财政局2024年度部门决算"
    assert to_simplified("收入總計與支出總計") == "收入总计与支出总计"


# --------------------------------------------------------------------------- lost line breaks

_DUTIES = "".join(f" {n}. 负责全区城市管理第{n}项工作的组织协调、监督检查和考核评价。" for n in range(4, 14))
_COLLAPSED = ("重庆市某区城市管理局(本级) 2020 年度部门决算情况说明 第一部分 部门概况 一、部门基本情况 (一)职能职责 "
              "1. 贯彻执行有关市政公用设施运行管理的法律、法规、规章和方针政策;负责拟定全区城市管理发展规划并组织 实施。 "
              "2. 负责城市管理工作的组织协调。 - 1 - 3. 负责统一、规范的城市照明设施管理。" + _DUTIES + " (二)机构设置 "
              "局机关内设 19 个科室。 2 第二部分 部门决算情况说明 一、收入支出决算总体情况说明 2020年度收入总计3,084.82万元。"
              "第一、二季度支出均衡。")


def test_collapsed_line_is_cut_before_headings_and_after_sentences():
    assert is_collapsed(_COLLAPSED, len(_COLLAPSED))
    assert segment(_COLLAPSED) == [
        "重庆市某区城市管理局(本级) 2020年度部门决算情况说明",
        "第一部分部门概况",
        "一、部门基本情况",
        "(一)职能职责",
        "1.贯彻执行有关市政公用设施运行管理的法律、法规、规章和方针政策;负责拟定全区城市管理发展规划并组织实施。",
        "2.负责城市管理工作的组织协调。",
        "3.负责统一、规范的城市照明设施管理。",  # the inline page number "- 1 -" dropped
        *(f"{n}.负责全区城市管理第{n}项工作的组织协调、监督检查和考核评价。" for n in range(4, 14)),
        "(二)机构设置",
        "局机关内设19个科室。",  # and the page number "2" standing between two headings
        "第二部分部门决算情况说明",
        "一、收入支出决算总体情况说明",
        "2020年度收入总计3,084.82万元。",
        "第一、二季度支出均衡。",
    ]


def test_a_long_paragraph_with_inline_items_is_not_collapsed():
    paragraph = ("我单位2024年部门履职效果良好，主要体现在：（一）强化理论武装。全年累计开展学习17次。" * 20)
    assert not is_collapsed(paragraph, 60000)
    ex = extract_text("第二部分 部门决算情况说明\n十一、预算绩效情况说明\n" + paragraph + "\n" + "其他内容。\n" * 400)
    assert any(t == paragraph for t, _ in ex.lines)


def test_a_short_page_all_on_one_line_with_headings_inside_is_collapsed():
    page = ("一、2022年“三公”经费预算安排情况 2022年度“三公”经费预算总计21.8万元,其中:因公出国(境)经费0万元,"
            "公务接待11.8万元,公务用车运行费用10万元。 二、2021年“三公”经费决算情况 2021年度“三公”经费合计支出20.12万元,"
            "其中:因公出国(境)经费0万元,公务接待12.39万元,公务用车运行费用7.73万元。2022年度“三公”经费预算较2021年度增加1.68万元，"
            "主要原因为随着公务车使用年限增加，运行维护费增加。")
    assert is_collapsed(page, len(page)) and not is_collapsed(page, 3 * len(page))  # all of the page, not a part of it
    assert "二、2021年“三公”经费决算情况" in segment(page)
    one_heading = page[page.index("二、"):]
    assert not is_collapsed(one_heading, len(one_heading))  # a paragraph under its own heading


def test_a_mirrors_chunk_holding_three_headings_in_order_is_collapsed():
    # R44u/13 (南部县定水中学 2018): a document site's chunk "1、…编 制 说 明 一、…。二、…。三、…", a part of the page
    chunk = ("1、四川省南部县定水中学2018年度部门预算编 制 说 明 一、主要职能及主要工作实施初中义务教育,高中学历教育,"
             "促进基础教育发展。二、部门预算单位构成按照预算管理有关规定,部门预算编报内容包括预算单位的全部收支情况。"
             "纳入部门预算编报范围的单位包括四川省南部县定水中学本级。共有在编在岗人员120人,其中专业技术人员115人员,工人5人。"
             "三、收支预算总体情况四川省南部县定水中学2018年收入预算1312.199214万元,其中:上年一般公共预算拨款收入结转0万元。")
    assert is_collapsed(chunk, 3 * len(chunk))
    assert any(p.startswith("二、部门预算单位构成") for p in segment(chunk))
    # two headings only, or out of order, in a part of the page: a paragraph
    assert not is_collapsed(chunk[:chunk.index("三、")] + "其他。" * 30, 3 * len(chunk))
    assert not is_collapsed(chunk.replace("二、", "三、", 1).replace("三、收支", "二、收支"), 3 * len(chunk))


def test_a_document_sites_numbered_chunks_are_joined_where_they_cut_a_word():
    # R44u/13: "…与2017年相" / "3、比,一般公共预算财政拨款支出增加140.010934万元" (the site's chunks 1、 2、 3、)
    first = ("1、某中学2018年度部门预算编制说明 一、主要职能及主要工作实施初中义务教育,高中学历教育,促进基础教育发展。"
             "二、部门预算单位构成按照预算管理有关规定,部门预算编报内容包括预算单位的全部收支情况。三、收支预算总体情况"
             "某中学2018年收入预算1312.20万元,其中:一般公共预算拨款收入1312.20万元,占100%。四、一般公共预算财政拨款支出情况" * 2)
    chunks = [first + "与2017年相", "2、比,一般公共预算财政拨款支出增加140.01万元,增长10.67%。主要原因是工资增长。"]
    text = "\n".join(t for t, _ in extract_text("\n".join(chunks) + "\n").lines)
    assert "与2017年相比,一般公共预算财政拨款支出增加140.01万元" in text and "2、比" not in text
    # a list of items "1、…", "2、…" stays as it is
    items = "1、财政拨款收入100万元,主要用于人员工资。\n2、事业收入50万元,主要用于公用经费。\n"
    assert [t for t, _ in extract_text(items).lines] == items.split("\n")[:2]


def test_a_part_heading_run_onto_a_short_line_of_table_names_starts_its_own_line():
    line = "五、一般公共预算财政拨款支出决算表(一) 六、一般公共预算财政拨款支出决算表(二) 第三部分 2017年度部门决算情况说明 一、收入决算情况说明"
    assert is_collapsed(line, 3000)
    ex = extract_text("某幼儿园2017年度部门决算\n第二部分 2017年度部门决算报表(见附件)\n" + line +
                      "\n本年收入合计252.5万元,较上年231.5万元,增加21万元。\n")
    assert "第三部分2017年度部门决算情况说明" in [t for t, _ in ex.lines]
    assert not is_collapsed("五、一般公共预算财政拨款支出决算表(一) 六、一般公共预算财政拨款支出决算表(二)", 3000)


def test_a_contents_mark_followed_by_a_space_starts_its_own_line_in_a_collapsed_copy():
    pieces = segment("四川省某中学校2021年度决算公开编制说明 目录 公开时间:2022年9月20日 第一部分单位概况 "
                     "一、职能简介……………4 二、收入决算情况说明……………7")
    assert "目录" in pieces and pieces[0] == "四川省某中学校2021年度决算公开编制说明"
    assert segment("详见本单位目录。其余从略。") == ["详见本单位目录。", "其余从略。"]  # a word in a sentence
    spaced = segment("某局2022年度部门决算公开报告 发布日期:2023-09-05   目  录   第一部分  基本情况  3  一、部门职责  3")
    assert "目录" in spaced  # spread over several spaces as a page centres it


def test_a_sentence_opening_on_其中_stays_with_the_one_it_splits_in_a_collapsed_copy():
    # R40h/08 collapsed: the grant's 基本支出 after "其中" must be read with the grant
    page = ("三、单位预算情况说明 2025年一般公共预算财政拨款支出727.11万元,比2024年减少67.02万元。 其中:基本支出695.37万元,"
            "比2024年减少35.51万元。项目支出31.74万元。")
    assert segment(page) == ["三、单位预算情况说明", "2025年一般公共预算财政拨款支出727.11万元,比2024年减少67.02万元。其中:基本支出695.37万元,"
                             "比2024年减少35.51万元。", "项目支出31.74万元。"]


def test_the_title_in_a_collapsed_pages_head_stands_on_its_own_line():
    page = ("您当前的位置:首页>某镇>政务公开>预算/决算 [发布机构]垫江县某镇 [发布日期]2022-09-20 "
            "重庆市垫江县某镇人民政府 2021年度部门决算情况说明 重庆市垫江县某镇人民政府2021年度部门决算情况说明 "
            "一、部门基本情况 (一)职能职责 负责全镇经济社会发展。")
    pieces = segment(page)
    assert pieces[1:3] == ["重庆市垫江县某镇人民政府2021年度部门决算情况说明"] * 2
    assert pieces[3:] == ["一、部门基本情况", "(一)职能职责", "负责全镇经济社会发展。"]
    # after the first heading a title-like line is a contents or part line, left to the headings' cuts
    contents = "目 录 第二部分 某街道办事处2022年度部门决算表 一、收入支出决算总表......5"
    assert segment(contents)[:2] == ["目录", "第二部分某街道办事处2022年度部门决算表"]


def test_the_title_opening_a_collapsed_page_stands_on_its_own_line(tmp_path):
    # metamorphic (every line break removed) on 三江县's 三公 summary: the title at the very start
    # ran into the site's font widget, the note was taken for a budget and its budget 919 and its
    # spending 1283 for one figure told twice (N-REPEAT)
    page = ("某县2018年“三公”经费安排情况说明(决算) - 字体大小:[小 - 中 - 大] 一、2018年“三公”经费预算 "
            "2018年,全县“三公”经费预算919万元(其中一般公共预算经费拨款841万元),与上年预算安排持平。 二、2018年“三公”经费决算执行情况 "
            "经汇总2018年全县单位部门决算,“三公”经费支出1283万元,同比增加25.17%。 一是因公出国(境)费用为零,与上年持平。"
            "二是公务接待费282万元,完成预算的97.92%。")
    assert segment(page)[0] == "某县2018年“三公”经费安排情况说明(决算)"
    result = check_page(tmp_path, page)
    assert result.identity.kind == "三公说明" and not page_found(result, "N-REPEAT")


def test_a_short_page_of_sentences_a_space_apart_is_cut_at_sentence_ends_and_colons(tmp_path):
    page = ("重庆市某镇人民政府 2021年“三公”经费决算汇总情况 按照有关要求,现将镇级“三公”经费支出情况公布如下: "
            "2021年我镇“三公”经费预算为20万元,其中:因公出国(境)费0万元,公务接待费9万元,公务用车运行维护费11万元。 "
            "2021年“三公”经费支出共计9.07万元,较年初预算数减少10.93万元,下降54.65%,主要原因是认真贯彻落实中央八项规定精神"
            "和厉行节约要求。 (联系电话:12345678)")
    assert is_collapsed(page, len(page))
    assert segment(page)[-3:] == [
        "2021年我镇“三公”经费预算为20万元,其中:因公出国(境)费0万元,公务接待费9万元,公务用车运行维护费11万元。",
        "2021年“三公”经费支出共计9.07万元,较年初预算数减少10.93万元,下降54.65%,主要原因是认真贯彻落实中央八项规定精神"
        "和厉行节约要求。", "(联系电话:12345678)"]
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    read = {(st.key, st.value) for st in api.read(path).narrative.statements if st.key.startswith("三公")}
    assert ("三公.合计", Decimal("9.07")) in read
    assert ("三公.公务接待费", Decimal("9")) not in read  # the budget's figure is no part of the 9.07 spent
    one_sentence = page[page.index("2021年我镇"):page.index(" 2021年“三公”经费支出")]
    assert not is_collapsed(one_sentence * 3, 3 * len(one_sentence))  # sentences with no space between them


def test_collapsed_file_reads_as_a_document(tmp_path):
    path = tmp_path / "one-line.txt"
    path.write_text(_COLLAPSED + "\n", encoding="utf-8")
    d = api.read(path)
    assert d.unit.name == "重庆市某区城市管理局(本级)" and d.unit.year == 2020
    assert {"1", "2", "2.1"} <= {s.key for s in d.narrative.sections}
    assert all(s.line == 1 for s in d.narrative.lines)
    assert [st.value for st in d.narrative.statements if st.key == "收入总计"] == [Decimal("3084.82")]


def test_a_never_ending_sentence_is_cut_into_bounded_pieces_never_inside_a_number():
    text = "一、收入支出决算总体情况说明 " + "本年收入1,741.71万元，" * 1000
    pieces = segment(text)
    assert max(len(p) for p in pieces) <= 2000
    assert all(p.endswith("，") for p in pieces[1:-1])


def test_html_page_holding_a_whole_document_in_one_block():
    ex = extract_html(f"<html><body><div>{_COLLAPSED}</div></body></html>", "m.html")
    texts = [t for t, _ in ex.lines]
    assert "一、部门基本情况" in texts and "(一)职能职责" in texts


# --------------------------------------------------------------------------- real copies (../shared)

needs_web = needs_shared


@needs_shared
@needs_web
def test_traditional_mirror_with_pinyin_glosses():
    d = api.read(WEB / "011.txt")
    assert d.unit.name == "南康区镜坝镇人民政府" and d.unit.year == 2021
    assert not re.search(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔù]", d.narrative.text)
    assert "一、收入支出决算总表" in d.narrative.text and "二、部门基本情况" in d.narrative.text


@needs_shared
@needs_web
@pytest.mark.parametrize("name, unit, year", [("051.txt", "茂名市交通运输局(本级)", 2021), ("021.txt", None, 2020)])
def test_pdf_copies_whose_line_breaks_were_lost(name, unit, year):
    d = api.read(WEB / name)
    assert d.unit.year == year
    if unit:
        assert d.unit.name == unit
    assert {"1", "2", "3"} <= {s.key for s in d.narrative.sections}
    assert max(len(line.excerpt) for line in d.narrative.lines) <= 120


@needs_shared
def test_seed_lines_are_not_rejoined_or_resegmented():
    from juesuan.io.readers.text import extract

    raw = [ln.strip() for ln in SEED.read_text(encoding="utf-8").split("\n")]
    for text, span in extract(SEED).lines:
        assert text == clean_line(raw[span.line - 1])


_PUTUO = sorted((SHARED / "corpus").glob("shanghai-putuo-*-2024-juesuan.pdf"))


@needs_shared
@pytest.mark.parametrize("layout", [False, True])
def test_pdftotext_copy_reads_like_the_pdf(tmp_path, layout):
    """No bracket warnings the PDF does not have (a bracket wrapped onto the next line is not a
    defect of the document), spans with pages, and, from the plain copy, the very figures the
    PDF reader finds (``-layout`` prints some lines out of order: its figures are not compared)."""
    for pdf in _PUTUO:
        out = tmp_path / (pdf.stem + ".txt")
        subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(pdf), str(out)], check=True,
                       capture_output=True)
        from_pdf, from_text = api.read(pdf), api.read(out)
        if not layout:
            statements = Counter((s.key, s.value) for s in from_text.narrative.statements)
            assert statements == Counter((s.key, s.value) for s in from_pdf.narrative.statements), pdf.name
        paren = [f for f in api.check(from_text).findings if f.code == "W-PAREN"]
        assert len(paren) == len([f for f in api.check(from_pdf).findings if f.code == "W-PAREN"]), pdf.name
        assert all(s.page is not None for s in from_text.narrative.lines)


def test_a_title_printed_twice_is_two_lines():
    assert _joined("中国人民政治协商会议某县委员会2022年度“三公”经费决算情况说明", "政协某县委员会2022年度 “三公”经费决算情况说明",
                   "一、总体情况") == ["中国人民政治协商会议某县委员会2022年度“三公”经费决算情况说明",
                                      "政协某县委员会2022年度 “三公”经费决算情况说明", "一、总体情况"]
    # further down, a sentence ending in such words still takes its next line
    body = ["甲", "乙", "丙", "现将本局2022年度部门决算公开", "如下。"]
    assert _joined(*body)[-1].endswith("现将本局2022年度部门决算公开如下。")
