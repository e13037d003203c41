"""Completeness: sections of the profile, the nine tables or their attachment, empty-table
statements, 三公 counts, 名词解释. A table named but not read is info, never "missing"."""

import pytest

from builders import doc, found, said
from catalogue_examples import EMPTY_T7, EXAMPLES, GLOSSARY, TABLE_LIST, TOPICS, ZERO_T7
from juesuan.core.model import Tables

COMPLETENESS_CODES = [c for c in EXAMPLES if c.startswith("C-")]


@pytest.mark.parametrize("code", COMPLETENESS_CODES)
def test_completeness_examples(code):
    trigger, clean = EXAMPLES[code]
    assert found(trigger(), code)
    assert not found(clean(), code)


def test_missing_section_is_named():
    hits = found(doc(text=TOPICS.replace("（三）国有资产占用情况", "") + GLOSSARY), "C-SECTION-MISSING")
    assert [h.figures["缺少"] for h in hits] == ["国有资产占用情况"]


def test_quotes_and_spaces_do_not_hide_a_section():
    # PDF text loses the quotes: "财政拨款 三公 经费"
    text = TOPICS.replace("“三公”", " 三公 ") + GLOSSARY
    assert not found(doc(text=text), "C-SECTION-MISSING")


def test_each_missing_table_listed_once():
    hits = found(doc(text=TOPICS + "《收入支出决算总表》", tables=Tables(t7=ZERO_T7)), "C-TABLE-MISSING")
    assert len(hits) == 7 and "收入支出决算总表" not in {h.figures["表"] for h in hits}


def test_no_table_read_at_all_is_one_warning():
    # the tables may be pictures or a page of their own (重庆市交通委员会 2018): not nine errors
    hits = found(doc(text=TOPICS), "C-TABLE-MISSING")
    assert len(hits) == 1 and hits[0].severity.value == "warning" and len(hits[0].figures["表"].split("、")) == 9
    one_read = found(doc(text=TOPICS, tables=Tables(t7=ZERO_T7)), "C-TABLE-MISSING")
    assert len(one_read) == 8 and {h.severity.value for h in one_read} == {"error"}


def test_a_regions_layout_before_the_first_year_it_was_seen_is_not_held_as_an_error():
    from dataclasses import replace
    from juesuan.core.model import Unit

    text = TOPICS.replace("（三）国有资产占用情况", "") + GLOSSARY
    now = found(doc(text=text, tables=Tables(t7=ZERO_T7)), "C-SECTION-MISSING")
    early = replace(doc(text=text, tables=Tables(t7=ZERO_T7)), unit=Unit(name="测试单位", year=2018))
    before = found(early, "C-SECTION-MISSING")
    assert [h.severity.value for h in now] == ["error"] and [h.severity.value for h in before] == ["warning"]
    assert "2018年是否要求请核实" in before[0].message
    assert {h.severity.value for h in found(early, "C-TABLE-MISSING")} == {"warning"}


def test_table_names_inside_longer_names_do_not_count():
    # "收入决算表" must not be found inside "财政拨款收入支出决算总表"
    hits = found(doc(text=TOPICS + "《财政拨款收入支出决算总表》", tables=Tables(t7=ZERO_T7)), "C-TABLE-MISSING")
    assert "收入决算表" in {h.figures["表"] for h in hits}


def test_empty_table_statement_may_be_in_the_note():
    from dataclasses import replace

    noted = replace(ZERO_T7, note="说明：本单位本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。")
    assert not found(doc(text=TOPICS, tables=Tables(t7=noted)), "C-EMPTY-TABLE-STATEMENT")
    assert not found(doc(text=TOPICS + EMPTY_T7, tables=Tables(t7=ZERO_T7)), "C-EMPTY-TABLE-STATEMENT")


def test_no_text_means_not_run():
    from builders import check

    reasons = {n["check"] for n in check(doc(tables=Tables(attached=True))).summary()["not_run"]}
    assert {"sections", "tables_present"} <= reasons


def test_table_list_with_attachment_passes():
    d = doc(text=TOPICS + GLOSSARY + TABLE_LIST, tables=Tables(attached=True))
    assert not found(d, "C-TABLE-MISSING") and not found(d, "C-TABLE-UNREAD")


def test_no_trip_count_is_asked_of_a_zero_item():
    text = "九、“三公”经费支出决算情况说明\n“三公”经费支出30.00万元，公务用车保有量2辆，接待46批次600人次。"
    zero = doc(*said("三公.合计 30", "三公.因公出国（境）费 0", "三公.公务接待费 30"), text=text)
    assert not found(zero, "C-SANGONG-DETAILS")
    spent = doc(*said("三公.合计 30", "三公.因公出国（境）费 5", "三公.公务接待费 25"), text=text)
    assert [f.figures["缺少"] for f in found(spent, "C-SANGONG-DETAILS")] == ["因公出国（境）团组与人次"]


def test_saying_the_unit_has_no_vehicles_gives_their_counts():
    text = "九、“三公”经费支出决算情况说明\n“三公”经费支出30.00万元，接待46批次600人次。{cars}"
    figures = said("三公.合计 30", "三公.因公出国（境）费 0", "三公.公务接待费 30")
    assert not found(doc(*figures, text=text.format(cars="县文联无公务用车,所以没有公务用车运行维护费。")), "C-SANGONG-DETAILS")
    (hit,) = found(doc(*figures, text=text.format(cars="公务用车运行维护费为零。")), "C-SANGONG-DETAILS")
    assert hit.figures["缺少"] == "公务用车购置数与保有量"


def test_a_contents_line_naming_a_table_promises_no_part():
    from dataclasses import replace

    from juesuan.core.identity import Identity

    entry = "七、一般公共预算财政拨款“三公”经费及机关运行经费支出决算表"
    text = TOPICS.replace("“三公”", "").replace("机关运行经费", "") + GLOSSARY
    listed = replace(doc(text=text, tables=Tables(t7=ZERO_T7)), identity=Identity(toc_parts=(entry,), toc_tables=(entry,)))
    assert not [h for h in found(listed, "C-SECTION-MISSING") if "目录列有" in h.message]
    part = replace(doc(text=text, tables=Tables(t7=ZERO_T7)), identity=Identity(toc_parts=("七、“三公”经费支出决算情况说明",)))
    assert [h for h in found(part, "C-SECTION-MISSING") if "目录列有" in h.message]


def test_no_counts_asked_when_the_documents_kind_is_unknown():
    from dataclasses import replace

    from juesuan.core.identity import Identity

    text = "九、财政拨款“三公”经费支出决算情况说明。因公出国（境）费支出2.46万元。"
    assert found(doc(text=text), "C-SANGONG-DETAILS")
    unknown = replace(doc(text=text), identity=Identity(kind="", basis={"kind": "正文用语"}))
    assert not found(unknown, "C-SANGONG-DETAILS")


def test_saying_there_were_no_trips_or_receptions_gives_their_counts():
    text = "九、财政拨款“三公”经费支出决算情况说明。因公出国（境）费支出2.46万元，本年无出国计划。公务用车保有量2辆。公务接待费3万元，未发生国内公务接待。"
    assert not found(doc(text=text), "C-SANGONG-DETAILS")
    assert [h.figures["缺少"] for h in found(doc(text=text.replace("本年无出国计划", "")), "C-SANGONG-DETAILS")] == ["因公出国（境）团组与人次"]


def test_a_regions_summed_sangong_note_is_not_asked_for_one_units_counts():
    from dataclasses import replace

    from juesuan.core.identity import Identity

    text = "云县2023年“三公”经费决算情况说明\n云县2023“三公”经费决算支出数为820.33万元，其中：公务接待费249.29万元。"
    note = Identity(kind="三公说明", basis={"kind": "标题"}, year=2023, unit="云县财政局")
    assert found(replace(doc(text=text), identity=note), "C-SANGONG-DETAILS")
    assert not found(replace(doc(text=text), identity=replace(note, scope="汇总", unit="云县")), "C-SANGONG-DETAILS")


def test_a_budgets_contents_naming_its_fund_tables_by_their_fiscal_titles():
    from types import SimpleNamespace

    from juesuan.core.profiles import load_profile
    from juesuan.rules.checks.completeness import _matches

    ctx = SimpleNamespace(profile=load_profile("national-yusuan"))
    toc = "部门预算一般公共预算财政拨款基本支出表部门预算政府基金预算财政拨款支出表部门预算国有资本经营预算财政拨款支出表"
    assert [_matches(toc, ctx.profile.layout.table(k), ctx) for k in ("T6", "T7", "T8")] == [True, True, True]
    assert not _matches("部门预算一般公共预算财政拨款基本支出表", ctx.profile.layout.table("T7"), ctx)
