"""A standalone 三公 note as copy sites mirror it (issue 7, found on 安徽 excerpts): its table one
cell a line, each cell ended by a bar and a blank cell the bar alone, budgets in whole 万元; its
words compare each item with the budget ("与2021年度预算相比无增减", "减少0.1万元"), which
N-BUDGET-DIFF checks against the table; and an excerpt cut mid-sentence after its table is
partial (C-PARTIAL), so what it lacks is not reported missing."""

from __future__ import annotations

from decimal import Decimal

from juesuan.audit import check_path
from juesuan.io.readers.recognize import recognize
from juesuan.io.readers.text import extract_text

NOTE = """一、2021年度一般公共预算财政拨款“三公”经费支出决算表
单位:万元
项 目 |
预 算 数 |
决 算 数 |
合 计 |
30.5 |
8.20 |
因公出国(境)费 |
10 |
|
公务接待费 |
8.5 |
3.20 |
公务用车购置及运行维护费 |
12 |
5.00 |
二、2021年度一般公共预算财政拨款“三公”经费支出情况说明
某区某办2021年度一般公共预算财政拨款“三公”经费支出预算为30.5万元，支出决算为8.20万元。
1.因公出国(境)费支出0万元，与2021年度预算相比{abroad}。
2.公务接待费支出3.20万元，与2021年度预算相比，减少{reception}万元。
3.公务用车购置及运行维护费支出5.00万元，与2021年度预算相比减少7.00万元。其中，公务用车购置费0万元，2021年没有安排公务用车购置"""


def test_a_table_one_cell_a_line_ended_by_bars_is_read_with_its_blank_cell():
    t9 = recognize(extract_text(NOTE.format(abroad="减少10.00万元", reception="5.30"), "n.txt").grids).t9
    assert t9 is not None
    assert t9.budget["因公出国（境）费"] == Decimal("10") and t9.actual["因公出国（境）费"] is None
    assert t9.actual["公务接待费"] == Decimal("3.20") and t9.budget["合计"] == Decimal("30.5")
    # the same copy with a blank line after every line (a double-spaced web page)
    note = NOTE.format(abroad="减少10.00万元", reception="5.30")
    spaced = recognize(extract_text("\n\n".join(note.split("\n")), "n.txt").grids).t9
    assert spaced is not None and spaced.budget == t9.budget and spaced.actual == t9.actual


def _findings(tmp_path, **words):
    path = tmp_path / "三公经费说明.txt"
    path.write_text(NOTE.format(**words), encoding="utf-8")
    return check_path(path)


def test_differences_from_the_budget_against_the_table(tmp_path):
    result = _findings(tmp_path, abroad="无增减", reception="0.1")
    hits = {f.figures["说明中与预算相比的增减额"]: f for f in result.findings if f.code == "N-BUDGET-DIFF"}
    assert set(hits) == {"0.00", "-0.10"}  # 出国: 0 against 10 is not 无增减; 接待 8.5 − 3.2 = 5.3
    assert hits["0.00"].figures["决算数−预算数"] == "-10.00" and hits["0.00"].spans[0].line == 20
    assert all(f.severity.value == "error" for f in hits.values())
    clean = _findings(tmp_path, abroad="减少10.00万元", reception="5.30")
    assert not [f for f in clean.findings if f.code == "N-BUDGET-DIFF"]


def test_an_excerpt_cut_mid_sentence_after_its_table_is_partial(tmp_path):
    result = _findings(tmp_path, abroad="减少10.00万元", reception="5.30")
    assert result.identity.partial.startswith("文件不完整：正文在句子中间结束")
    assert not [f for f in result.findings if f.code == "C-SANGONG-DETAILS" and f.severity.value != "info"]
    whole = NOTE.format(abroad="减少10.00万元", reception="5.30") + "。\n"
    path = tmp_path / "三公经费说明.txt"
    path.write_text(whole, encoding="utf-8")
    assert check_path(path).identity.partial == ""
