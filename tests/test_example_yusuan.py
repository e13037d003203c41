"""The budget example (examples/shanghai-caizhengju-2025-yusuan) reproduces its source figure for figure.

The source is 上海市财政局 2025 单位预算 (../shared/corpus/shanghai-caizhengju-2025-danwei-yusuan.pdf).
Each expected string below is printed so in the source: the 编制说明's whole-万元 amounts, the
sentences of 其他相关情况说明, and every row of the tables (in 元). When ../shared is present, each is
also looked up in the source's text (pdftotext), so the table provably comes from it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from juesuan import api
from juesuan.compose import compose, data_findings
from juesuan.core.money import fmt_amount
from juesuan.core.profiles import load_profile
from juesuan.io.writers.md import render
from juesuan.rules.derive import complete, derive
from shared import CORPUS, needs_shared

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "shanghai-caizhengju-2025-yusuan"
SOURCE = CORPUS / "shanghai-caizhengju-2025-danwei-yusuan.pdf"

#: (figure key, as the source prints it, decimals printed): the 编制说明 in whole 万元, the rest in 万元.
PRINTED = [
    ("收入总计", "17,192", 0), ("收入.财政拨款收入", "17,192", 0), ("收入.财政拨款收入.增减", "-990", 0),
    ("支出总计", "17,192", 0), ("本年财政拨款支出", "17,192", 0), ("本年财政拨款支出.增减", "-990", 0),
    ("一般公共预算财政拨款支出", "17,192", 0), ("一般公共预算财政拨款支出.增减", "-990", 0),
    ("类.201", "12,789", 0), ("类.208", "1,756", 0), ("类.210", "467", 0), ("类.221", "2,180", 0),
    ("三公.合计", "346.30", 2), ("三公.因公出国（境）费", "288.70", 2), ("三公.公务用车购置及运行维护费", "32.20", 2),
    ("三公.公务用车购置费", "0.00", 2), ("三公.公务用车运行维护费", "32.20", 2), ("三公.公务接待费", "25.40", 2),
    ("三公.合计.增减", "0.00", 2), ("机关运行经费", "2,517.78", 2), ("政府采购.总额", "1,708.03", 2),
    ("政府采购.货物", "42.50", 2), ("政府采购.工程", "0.00", 2), ("政府采购.服务", "1,665.53", 2),
    ("绩效.项目数", "12", 0), ("绩效.项目.全年预算", "4,222.51", 2), ("资产.车辆", "0", 0), ("资产.大型设备", "1", 0),
    ("资产.拟购车辆", "0", 0), ("资产.拟购设备", "0", 0),
]

#: Sentences the source prints, written by the composer word for word.
SENTENCES = [
    "财政拨款收入17,192万元，比2024年预算减少990万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。",
    "支出预算17,192万元，其中：财政拨款支出预算17,192万元，比2024年预算减少990万元。",
    "财政拨款支出预算中，一般公共预算拨款支出预算17,192万元，比2024年预算减少990万元；政府性基金拨款支出预算为0；"
    "国有资本经营预算拨款支出预算为0。",
    "财政拨款收入支出减少的主要原因是预计注册会计师考试人数、科次减少，项目经费减少等。",
    "1.“一般公共服务支出”科目12,789万元，主要用于人员经费、公用经费等基本支出，国库集中收付银行代理银行费等项目支出。",
    "2.“社会保障和就业支出”科目1,756万元，主要用于缴纳在职人员养老保险缴费等支出。",
    "3.“卫生健康支出”科目467万元，主要用于缴纳在职人员医疗保险等支出。",
    "4.“住房保障支出”科目2,180万元，主要用于缴纳在职人员住房公积金等住房改革支出。",
    "2025年“三公”经费预算数为346.30万元，与2024年预算持平。其中：",
    "（一）因公出国（境）费288.70万元，与2024年预算持平。",
    "（二）公务用车购置及运行费32.20万元，与2024年预算持平。其中：公务用车购置费0.00万元，与2024年预算持平；"
    "公务用车运行费32.20万元，与2024年预算持平。",
    "（三）公务接待费25.40万元，与2024年预算持平。",
    "2025年上海市财政局财政拨款的机关运行经费预算为2,517.78万元。",
    "2025年度本单位政府采购预算1,708.03万元，其中：政府采购货物预算42.50万元、政府采购工程预算0.00万元、"
    "政府采购服务预算1,665.53万元。",
    "2025年度，本单位编报绩效目标的项目共12个，涉及项目预算资金4,222.51万元。",
    "截至2024年8月31日，上海市财政局共有车辆0辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、"
    "应急保障用车0辆、执法执勤用车0辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车0辆；单价100万元（含）"
    "以上设备（不含车辆）1台（套）。",
    "2025年部门预算安排购置车辆0辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、"
    "执法执勤用车0辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车0辆；部门预算安排购置单价100万元（含）"
    "以上设备（不含车辆）0台（套）。",
]

#: Table rows as the source prints them (code or label, then the amounts; a blank cell is "").
ROWS = {
    "T1": [("一、财政拨款收入", "171,915,169"), ("1、一般公共预算资金", "171,915,169"), ("一、一般公共服务支出", "127,886,849"),
           ("二、社会保障和就业支出", "17,560,320"), ("三、卫生健康支出", "4,668,000"), ("四、住房保障支出", "21,800,000"),
           ("收入总计", "171,915,169"), ("支出总计", "171,915,169")],
    "T2": [("201", "127,886,849", "127,886,849"), ("20106", "127,886,849", "127,886,849"), ("2010601", "84,861,719", "84,861,719"),
           ("2010602", "28,544,130", "28,544,130"), ("2010604", "370,000", "370,000"), ("2010605", "14,111,000", "14,111,000"),
           ("208", "17,560,320", "17,560,320"), ("20805", "16,360,320", "16,360,320"), ("2080501", "4,109,920", "4,109,920"),
           ("2080505", "8,000,000", "8,000,000"), ("2080506", "4,200,000", "4,200,000"), ("2080599", "50,400", "50,400"),
           ("20808", "1,200,000", "1,200,000"), ("2080801", "1,200,000", "1,200,000"), ("210", "4,668,000", "4,668,000"),
           ("21011", "4,620,000", "4,620,000"), ("2101101", "4,620,000", "4,620,000"), ("21099", "48,000", "48,000"),
           ("2109999", "48,000", "48,000"), ("221", "21,800,000", "21,800,000"), ("22102", "21,800,000", "21,800,000"),
           ("2210201", "10,000,000", "10,000,000"), ("2210203", "11,800,000", "11,800,000"), ("合计", "171,915,169", "171,915,169")],
    "T3": [("201", "127,886,849", "84,861,719", "43,025,130"), ("2010601", "84,861,719", "84,861,719", ""),
           ("2010602", "28,544,130", "", "28,544,130"), ("208", "17,560,320", "16,360,320", "1,200,000"),
           ("210", "4,668,000", "4,620,000", "48,000"), ("221", "21,800,000", "21,800,000", ""),
           ("合计", "171,915,169", "127,642,039", "44,273,130")],
    "T4": [("一、一般公共预算资金", "171,915,169"), ("收入总计", "171,915,169")],
    "T5": [("201", "127,886,849", "84,861,719", "43,025,130"), ("20808", "1,200,000", "", "1,200,000"),
           ("合计", "171,915,169", "127,642,039", "44,273,130")],
    "T6": [("301", "98,950,260", "98,950,260", ""), ("30101", "13,150,000", "13,150,000", ""),
           ("30102", "57,583,760", "57,583,760", ""), ("302", "24,840,779", "", "24,840,779"),
           ("30209", "9,265,733", "", "9,265,733"), ("30228", "1,441,005", "", "1,441,005"), ("30231", "322,000", "", "322,000"),
           ("303", "3,514,000", "3,514,000", ""), ("310", "337,000", "", "337,000"),
           ("合计", "127,642,039", "102,464,260", "25,177,779")],
    "T9": [("346.30", "288.70", "25.40", "32.20", "0.00", "32.20", "2,517.78")],
}


@pytest.fixture(scope="module")
def disclosure():
    return api.load(EXAMPLE)


@pytest.fixture(scope="module")
def profile(disclosure):
    return load_profile(disclosure.profile)


@pytest.fixture(scope="module")
def figures(disclosure, profile):
    return derive(complete(disclosure, profile.layout), profile)


@pytest.fixture(scope="module")
def document(disclosure, profile):
    return compose(disclosure, profile)


@pytest.fixture(scope="module")
def source_text():
    text = subprocess.run(["pdftotext", "-layout", str(SOURCE), "-"], check=True, capture_output=True).stdout.decode()
    return re.sub(r"\s+", "", text)


def test_it_is_a_unit_budget_in_the_shanghai_form(disclosure, document):
    assert (disclosure.identity.kind, disclosure.identity.scope, disclosure.profile) == ("预算", "单位", "shanghai-yusuan")
    assert document.title == "上海市财政局2025年度单位预算"
    assert [g.key for g in document.tables] == ["T1", "T2", "T3", "T4", "T5", "T7", "T8", "T6", "T9"]
    assert [g.unit for g in document.tables] == ["元"] * 8 + ["万元"]


@pytest.mark.parametrize("key, printed, places", PRINTED, ids=[k for k, _, _ in PRINTED])
def test_printed_figure(figures, key, printed, places):
    assert key in figures, f"{key} not derived"
    assert fmt_amount(figures[key], places=places) == printed


@pytest.mark.parametrize("sentence", SENTENCES, ids=[s[:12] for s in SENTENCES])
def test_sentence_as_the_source_prints_it(document, sentence):
    assert sentence in render(document).replace("\n\n", "")


def _rows(grid) -> list[tuple[str, ...]]:
    return [tuple(c.text.strip().lstrip("　") for c in row) for row in grid.body]


def _printed(rows: list[tuple[str, ...]], head: str, coded: bool) -> tuple[str, ...]:
    """The amounts printed after ``head``: a coded table's row (code, name, amounts; 合计, amounts),
    or the cell after a two-panel table's label."""
    for row in rows:
        if head in row:
            i = row.index(head)
            if not coded:
                return row[i + 1:i + 2]
            return row[i + 2:] if head != "合计" else row[i + 1:]
    raise AssertionError(f"{head} not printed")


@pytest.mark.parametrize("key", sorted(ROWS))
def test_table_rows_as_the_source_prints_them(document, key):
    rows = _rows(next(g for g in document.tables if g.key == key))
    for expected in ROWS[key]:
        if key == "T9":  # one row of amounts, no label
            assert expected in rows
            continue
        head, amounts = expected[0], expected[1:]
        assert _printed(rows, head, key in ("T2", "T3", "T5", "T6"))[:len(amounts)] == amounts, (key, head)


@needs_shared
def test_expected_strings_come_from_the_source(source_text):
    missing = [s for s in SENTENCES if re.sub(r"\s+", "", s) not in source_text]
    missing += [p for _, p, _ in PRINTED if p.lstrip("-") not in source_text]
    missing += [a for rows in ROWS.values() for row in rows for a in row if a and a not in source_text]
    assert missing == []


def test_the_data_audits_clean(disclosure, profile):
    """The source's own defect (a 公务用车运行费 budget with no car) has no check yet; nothing else is found."""
    assert data_findings(disclosure, profile) == ()
