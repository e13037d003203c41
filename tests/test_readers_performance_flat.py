"""绩效自评表 copied as running text (issue 7: web pages of 绩效 forms were refused or misread):
the form on one line, one cell a line, one row a line; what a copy cut short or left uncertain
is listed as omitted, and the table's sums are then not checked."""

from __future__ import annotations

from decimal import Decimal

from builders import check_page, page_codes
from juesuan.audit import check_path
from juesuan.core.model import Span
from juesuan.io.readers.performance import evaluations_from_grids
from juesuan.io.readers.performance_flat import take_evaluations

# A 项目支出绩效自评表 as a page gives it, cell by cell (a 偏差原因 in one row only).
_HEAD = ["项目支出绩效自评表", "（2022年度）", "项目名称", "委托业务项目", "主管部门", "某镇人民政府", "实施单位", "某镇人民政府",
         "项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
         "年度资金总额", "90", "90", "89.974", "10", "99.97%", "{exec_score}",
         "其中：当年财政拨款", "90", "90", "89.974", "上年结转资金", "其他资金",
         "年度总体目标", "预期目标", "实际完成情况", "完成基建工程委托业务50个。", "完成基建工程委托业务50个。",
         "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
_ROWS = ["产出指标(40分)", "数量指标", "委托业务项目数量", "≥50个", "50", "20", "20",
         "质量指标", "报告合格率", "100%", "95%", "{quality_weight}", "9.5", "个别报告返工",
         "时效指标", "提交报告及时性", "按时完成", "按时完成", "10", "10",
         "效益指标(30分)", "社会效益指标", "对基建市场公平的影响", "效果明显", "达成预期指标", "30", "30",
         "满意度指标(20分)", "满意度指标", "公众满意度", "≥90%", "95%", "20", "20",
         "总分", "100", "{total}", "评价等级", "优"]


def _cells(**values) -> list[str]:
    defaults = {"exec_score": "9.99", "quality_weight": "10", "total": "99.49"}
    return [c.format(**(defaults | values)) for c in _HEAD + _ROWS]


def _evaluation(text: str):
    lines = [(t, Span(file="p.txt", line=i + 1)) for i, t in enumerate(text.split("\n"))]
    rest, grids = take_evaluations(lines, "p.txt")
    (ev,) = evaluations_from_grids(grids)
    return ev, [t for t, _ in rest]





def test_a_form_on_one_line_is_read_cell_by_cell():
    ev, rest = _evaluation("附件：" + " ".join(_cells()) + " 填表人：张三")
    assert rest == ["附件：", "填表人：张三"]
    assert (ev.kind, ev.name, ev.department, ev.year) == ("项目", "委托业务项目", "某镇人民政府", 2022)
    total = ev.funds[0]
    assert (total.label, total.full_year_budget, total.executed, total.weight, total.rate, total.score) == (
        "年度资金总额", Decimal("90"), Decimal("89.974"), Decimal("10"), Decimal("99.97"), Decimal("9.99"))
    assert ev.funds[1].executed == Decimal("89.974") and ev.funds[1].weight is None
    assert ev.goal == ev.achieved == "完成基建工程委托业务50个。"
    names = [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score, i.deviation) for i in ev.indicators]
    assert names[1] == ("产出指标(40分)", "质量指标", "报告合格率", "100%", "95%", Decimal("10"), Decimal("9.5"), "个别报告返工")
    assert names[2][:3] == ("产出指标(40分)", "时效指标", "提交报告及时性") and names[2][-1] == ""
    assert names[4][:2] == ("满意度指标(20分)", "满意度指标")
    assert (ev.total, ev.grade, ev.omitted) == (Decimal("99.49"), "优", ())


def test_a_template_row_left_unfilled_is_kept_apart_and_reported(tmp_path):
    cells = _cells()
    at = cells.index("时效指标")
    with_filler = cells[:at] + ["指标2"] + cells[at:]
    ev, _ = _evaluation("\n\n".join(with_filler))
    assert [i.name for i in ev.indicators] == [i.name for i in _evaluation("\n\n".join(cells))[0].indicators]
    assert [(s.excerpt, s.line) for s in ev.fillers] == [("指标2", 2 * at + 1)]
    hit = [f for f in check_page(tmp_path, "\n\n".join(with_filler)).report.findings if f.code == "P-TEMPLATE-ROW"]
    assert len(hit) == 1 and "“指标2”" in hit[0].message and hit[0].severity.value == "warning"
    assert "P-TEMPLATE-ROW" not in page_codes(check_page(tmp_path, "\n\n".join(cells)))


def test_a_goal_written_as_figures_only(tmp_path):
    cells = ["43.2" if c == "完成基建工程委托业务50个。" else c for c in _cells()]
    ev, _ = _evaluation("\n\n".join(cells))
    assert (ev.goal, ev.achieved) == ("43.2", "43.2")
    (hit,) = [f for f in check_page(tmp_path, "\n\n".join(cells)).report.findings if f.code == "P-GOAL-WORDS"]
    assert hit.figures == {"预期目标": "43.2", "实际完成情况": "43.2"}
    assert "P-GOAL-WORDS" not in page_codes(check_page(tmp_path, "\n\n".join(_cells())))


def test_one_cell_a_line_and_one_row_a_line_read_the_same():
    one_line = _evaluation(" ".join(_cells()))[0]
    cells = _evaluation("\n\n".join(_cells()))[0]
    rows = _evaluation("\n".join(" ".join(_cells()[k:k + 7]) for k in range(0, len(_cells()), 7)))[0]
    for ev in (cells, rows):
        assert [(i.name, i.weight, i.score, i.deviation) for i in ev.indicators] == \
               [(i.name, i.weight, i.score, i.deviation) for i in one_line.indicators]
        assert (ev.total, ev.grade, ev.funds[0].executed) == (one_line.total, one_line.grade, one_line.funds[0].executed)


def test_a_whole_form_is_scored_and_its_sums_checked(tmp_path):
    right = check_page(tmp_path, " ".join(_cells()))
    assert right.identity.kind == "绩效自评" and not right.identity.partial
    assert right.identity.unit == "某镇人民政府"  # no title names it: the unit that carried the project out
    assert not page_codes(right, "error") and "P-WEIGHTS" not in page_codes(right)
    # a weight 20 where 10 belongs: the weights add up to 110
    wrong = check_page(tmp_path, " ".join(_cells(quality_weight="20")))
    (hit,) = [f for f in wrong.report.findings if f.code == "P-WEIGHTS"]
    assert hit.figures["权重合计"] == "110.00"
    # 总分 printed 98.49 where the scores add up to 99.49
    total = check_page(tmp_path, " ".join(_cells(total="98.49")))
    assert "P-TOTAL" in page_codes(total, "error")


def test_a_copy_cut_inside_the_form_checks_no_sums(tmp_path):
    cells = _cells(quality_weight="20")
    cut = " ".join(cells[:cells.index("满意度指标(20分)") + 3])  # stops at "公众满意度"
    ev, _ = _evaluation(cut)
    assert [s.excerpt for s in ev.omitted] == ["公众满意度"]
    result = check_page(tmp_path, cut)
    assert "P-WEIGHTS" not in page_codes(result)
    assert any(f.code == "P-UNREADABLE" and "权重合计、总分未核对" in f.message for f in result.report.findings)


def test_a_deviation_before_a_row_with_a_plain_number_is_told_apart_by_the_rows_after():
    # "个别报告返工 报告份数 ≥5 5 10 10" also fits one row (个别报告返工 | 报告份数 | ≥5 | 5 | 10), but
    # the stream does not go on from there as rows do
    cells = _cells()
    at = cells.index("时效指标")
    cells[at:at + 4] = ["报告份数", "≥5", "5"]
    ev, _ = _evaluation(" ".join(cells))
    row = [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in ev.indicators][2]
    assert row == ("质量指标", "报告份数", "≥5", "5", Decimal("10"), Decimal("10"))
    assert ev.indicators[1].deviation == "个别报告返工" and not ev.omitted


def test_a_missing_cell_stops_the_reading_rather_than_shifting_the_row():
    cells = _cells()
    cells.remove("95%")  # 报告合格率's 实际完成值 left blank: its row no longer fits the header
    ev, _ = _evaluation(" ".join(cells))
    assert [i.name for i in ev.indicators] == ["委托业务项目数量"]
    assert ev.omitted and ev.total is None


def test_a_title_in_a_sentence_is_no_form():
    text = "本单位2022年度共形成项目支出绩效自评表3个，详见附件。\n二、绩效自评结果\n全部项目自评等级为优。"
    lines = [(t, Span(file="p.txt", line=i + 1)) for i, t in enumerate(text.split("\n"))]
    rest, grids = take_evaluations(lines, "p.txt")
    assert grids == [] and rest == lines


def test_a_score_off_the_national_rule_is_a_note_where_the_region_is_unknown(tmp_path):
    # 报告合格率 95% of 100%, weight 10: the national rule gives 9.50; printed 8 (total 97.99)
    cells = _cells(total="97.99")
    cells[cells.index("9.5")] = "8"
    path = tmp_path / "page.txt"
    path.write_text(" ".join(cells), encoding="utf-8")
    unknown = check_path(path)
    (note,) = [f for f in unknown.report.findings if f.code == "P-SCORE"]
    assert note.severity.value == "info" and "无该地区的赋分配置" in note.message and note.figures["计算得分"] == "9.50"
    chosen = check_path(path, "national")  # the reviewer names the rules: a warning
    assert [f.severity.value for f in chosen.report.findings if f.code == "P-SCORE"] == ["warning"]
    path.write_text(" ".join(_cells()), encoding="utf-8")
    assert "P-SCORE" not in page_codes(check_path(path, "national"))


def test_forms_one_after_another_end_where_the_next_title_begins():
    first = _cells()[:-4]  # no 总分 or grade: the form ends at the next title
    second = _cells(quality_weight="20")
    lines = [(t, Span(file="p.txt", line=i + 1)) for i, t in enumerate([" ".join(first), " ".join(second)])]
    rest, grids = take_evaluations(lines, "p.txt")
    one, two = evaluations_from_grids(grids)
    assert rest == []
    assert (len(one.indicators), one.total, one.omitted) == (5, None, ())  # whole: its weights are checked
    assert (len(two.indicators), two.total) == (5, Decimal("99.49"))


def test_a_title_a_page_repeats_inside_the_form_does_not_end_it(tmp_path):
    cells = _cells(quality_weight="20")  # weights add up to 110
    at = cells.index("效益指标(30分)")
    ev, rest = _evaluation(" ".join(cells[:at]) + "\n项目支出绩效自评表\n" + " ".join(cells[at:]))
    assert len(ev.indicators) == 5 and ev.total == Decimal("99.49") and rest == []
    text = " ".join(cells[:at]) + "\n- 2 -\n项目支出绩效自评表\n" + " ".join(cells[at:])  # the page number too
    assert "P-WEIGHTS" in page_codes(check_page(tmp_path, text), "error")
    # cut at the page break, the form is incomplete: its weights are not added up
    assert "P-WEIGHTS" not in page_codes(check_page(tmp_path, " ".join(cells[:at]) + "\n- 2 -\n项目支出绩效自评表"))


def test_weights_read_in_part_are_wrong_once_past_100(tmp_path):
    cells = _cells()
    cut = cells[:cells.index("满意度指标(20分)") + 3]  # stops at 公众满意度: 10 + 20 + 10 + 10 + 30 = 80 read
    assert "P-WEIGHTS" not in page_codes(check_page(tmp_path, " ".join(cut)))
    cut[cut.index("89.974") + 1] = "100"  # the 执行率 weighed 100: 170 read already
    (hit,) = [f for f in check_page(tmp_path, " ".join(cut)).report.findings if f.code == "P-WEIGHTS"]
    assert hit.figures["权重合计"] == "170.00" and "已读到的" in hit.message


def test_a_met_figure_marked_down_without_a_reason_is_a_warning_whatever_the_profile(tmp_path):
    # 委托业务项目数量 ≥50个, 50 done: met, weight 20, printed 18 with no 偏差原因 (total 97.49)
    cells = _cells(total="97.49")
    at = cells.index("委托业务项目数量")
    cells[at + 4] = "18"
    (hit,) = [f for f in check_page(tmp_path, " ".join(cells)).report.findings if f.code == "P-SCORE"]
    assert hit.severity.value == "warning" and hit.figures["计算得分"] == "20.00"
    cells.insert(at + 5, "数据统计口径调整")  # a reason given: the national rule is then only a note
    (note,) = [f for f in check_page(tmp_path, " ".join(cells)).report.findings if f.code == "P-SCORE"]
    assert note.severity.value == "info"


def test_a_total_row_left_at_zero_under_filled_parts_is_an_error(tmp_path):
    cells = _cells()
    at = cells.index("年度资金总额")
    cells[at + 1:at + 4] = ["0", "0", "0"]  # 其中：当年财政拨款 90 90 89.974 below it
    (hit,) = [f for f in check_page(tmp_path, " ".join(cells)).report.findings if f.code == "P-FUNDS-SUM"]
    assert hit.severity.value == "error" and hit.figures["各项合计"] == "90、90、89.974"
    assert "P-FUNDS-SUM" not in page_codes(check_page(tmp_path, " ".join(_cells())))


def test_a_funds_label_joined_to_its_first_amount_keeps_its_columns(tmp_path):
    cells = _cells()
    at = cells.index("其中：当年财政拨款")
    cells[at:at + 2] = ["其中：当年财政拨款90"]  # a PDF's line joining
    ev, _ = _evaluation(" ".join(cells))
    part = ev.funds[1]
    assert (part.label, part.initial_budget, part.full_year_budget, part.executed) == (
        "其中：当年财政拨款", Decimal("90"), Decimal("90"), Decimal("89.974"))
    # a part with only some of its amounts: which columns they fill is not certain, no sum is checked
    cells[at:at + 1] = ["其中：当年财政拨款", "90", "89.974"]
    at = cells.index("年度资金总额")
    cells[at + 1:at + 4] = ["0", "0", "0"]
    assert "P-FUNDS-SUM" not in page_codes(check_page(tmp_path, " ".join(cells)))


def test_the_unit_that_carried_a_project_out_is_named_without_its_code(tmp_path):
    for printed in ("[155]某镇人民政府", "219001-某镇人民政府", "某镇人民政府本级"):
        cells = _cells()
        cells[cells.index("实施单位") + 1] = printed
        cells[cells.index("主管部门") + 1] = printed
        assert check_page(tmp_path, " ".join(cells)).identity.unit == "某镇人民政府", printed
