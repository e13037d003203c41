"""PDF reader and table recognition on the real Shanghai disclosures, plus bad-input PDFs.

Expected cell values below were read by eye from the rendered pages (pdftoppm -r 70) of each
PDF, not from the reader's output. Tests on the corpus skip when ../shared is absent; the
bad-input tests build their own files.
"""

from __future__ import annotations

import os
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

from shared import needs_shared, shared, tool

from juesuan.core.findings import InputError
from juesuan.io.readers.pdf import extract
from juesuan.io.readers.recognize import recognize

CZJ = "shanghai-putuo-caizhengju-2024-juesuan.pdf"
GHZY = "shanghai-putuo-guihuaziyuanju-2024-juesuan.pdf"
SGB = "shanghai-putuo-shehuigongzuobu-2024-juesuan.pdf"
TEMPLATE = "shanghai-2024-juesuan-template.pdf"
NINE = ("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9")
SHANGHAI_ORDER = ("T1", "T2", "T3", "T4", "T5", "T6", "T9", "T7", "T8")


def D(s: str) -> Decimal:
    return Decimal(s)


def _corpus(name: str) -> Path:
    """A corpus file (tests/shared.py: absent ../shared leaves these tests out, a missing file fails)."""
    return shared("corpus", name)


@lru_cache(maxsize=None)
def _read(name: str):
    ex = extract(_corpus(name))
    return ex, recognize(ex.grids)


# --------------------------------------------------------------------------- 上海市普陀区财政局

@needs_shared
def test_caizhengju_nine_tables_in_printed_order():
    _, t = _read(CZJ)
    assert t.present() == NINE
    assert t.order == SHANGHAI_ORDER


@needs_shared
def test_caizhengju_t1_two_panels():
    _, t = _read(CZJ)
    t1 = t.t1
    assert t1.income["一般公共预算财政拨款收入"] == D("2940.05")
    assert t1.income["其他收入"] == D("6.20")
    assert t1.income["上级补助收入"] is None  # blank, not zero
    assert t1.expenditure["201"] == D("2106.66")
    assert t1.expenditure["208"] == D("326.71")
    assert t1.expenditure["221"] == D("445.69")
    assert t1.expenditure["202"] is None
    assert (t1.income_this_year, t1.expenditure_this_year) == (D("2946.25"), D("2940.05"))
    # the footer rows continue on page 7
    assert (t1.opening_balance, t1.closing_balance) == (D("49.14"), D("55.34"))
    assert (t1.income_total, t1.expenditure_total) == (D("2995.39"), D("2995.39"))
    assert t1.non_fiscal_balance_used is None and t1.balance_distribution is None
    assert t1.sources["income_total"].page == 7


@needs_shared
def test_caizhengju_t2_t3_three_code_columns():
    _, t = _read(CZJ)
    t2, t3 = t.t2, t.t3
    assert t2.total.values["本年收入合计"] == D("2946.25")
    assert t2.total.values["财政拨款收入"] == D("2940.05")
    assert t2.total.values["其他收入"] == D("6.20")
    assert t2.total.values["上级补助收入"] is None
    row = t2.row("2010601")
    assert row.name == "行政运行"
    assert (row.values["本年收入合计"], row.values["财政拨款收入"], row.values["其他收入"]) == (
        D("1511.90"), D("1511.89"), D("0.01"))
    assert row.sources["财政拨款收入"].page == 8
    assert t2.row("20805").values["本年收入合计"] == D("326.72")
    # continued on page 9: one table, the continuation's cells keep their own page
    assert t2.value("2210203", "财政拨款收入") == D("258.50")
    assert t2.row("2210203").sources["财政拨款收入"].page == 9
    assert (t3.total.values["本年支出合计"], t3.total.values["基本支出"], t3.total.values["项目支出"]) == (
        D("2940.05"), D("2336.91"), D("603.14"))
    assert t3.value("2010601", "项目支出") == D("8.37")
    assert t3.value("2010602", "基本支出") is None


@needs_shared
def test_caizhengju_t4_t5():
    _, t = _read(CZJ)
    t4 = t.t4
    assert t4.income["一般公共预算财政拨款"] == D("2940.05")
    assert t4.income["政府性基金预算财政拨款"] is None
    assert t4.expenditure["201"]["合计"] == D("2106.66")
    assert t4.expenditure["201"]["一般公共预算财政拨款"] == D("2106.66")
    assert t4.expenditure_this_year["合计"] == D("2940.05")
    assert t4.opening_total == D("21.63") and t4.opening["一般公共预算财政拨款"] == D("21.63")
    assert t4.closing_total == D("21.63") and t4.closing["一般公共预算财政拨款"] == D("21.63")
    assert (t4.income_total, t4.expenditure_total) == (D("2961.68"), D("2961.68"))
    t5 = t.t5
    assert t5.total.values == {"合计": D("2940.05"), "基本支出": D("2336.91"), "项目支出": D("603.14")}
    assert t5.row("2080505").values == {"合计": D("160.75"), "基本支出": D("160.75"), "项目支出": None}
    assert [r.code for r in t5.rows][:3] == ["201", "20106", "2010601"]


@needs_shared
def test_caizhengju_t6_panels_and_subtotals():
    _, t = _read(CZJ)
    t6 = t.t6
    assert t6.subtotals == {"人员经费合计": D("2152.26"), "公用经费合计": D("184.65")}
    assert t6.value("301", "决算数") == D("2082.85")
    assert t6.value("30102", "决算数") == D("1238.58")
    assert t6.value("30309", "决算数") == D("0.31")  # left panel, page 17
    assert t6.value("30228", "决算数") == D("24.42")  # right panel, page 17
    assert t6.value("31002", "决算数") == D("13.58")
    assert t6.value("30227", "决算数") is None
    assert all(r.code.startswith("3") for r in t6.rows)


@needs_shared
def test_caizhengju_t9_and_empty_fund_tables():
    _, t = _read(CZJ)
    t9 = t.t9
    assert t9.budget["合计"] == D("0.95") and t9.budget["公务接待费"] == D("0.95")
    assert t9.budget["因公出国（境）费"] is None
    assert all(v is None for v in t9.actual.values())
    for table in (t.t7, t.t8):
        assert table.is_empty() and table.rows == ()
        assert "故本表无数据" in table.note


@needs_shared
def test_caizhengju_narrative_lines():
    ex, _ = _read(CZJ)
    texts = [text for text, _ in ex.lines]
    # a sentence printed over three lines is one line
    joined = "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。"
    hit = [i for i, text in enumerate(texts) if text.startswith(joined)]
    assert hit and ex.lines[hit[0]][1].page == 21
    # table cells stay out of the narrative; table titles stay in
    assert not any("1,511.89" in text for text in texts)
    assert "收入决算表" in texts
    assert ex.lines[0][1].line == 1 and ex.pages == 25


# --------------------------------------------------------------------------- 规划和自然资源局

@needs_shared
def test_guihuaziyuanju_tables():
    _, t = _read(GHZY)
    assert t.present() == NINE and t.order == SHANGHAI_ORDER
    t1 = t.t1
    assert t1.income["一般公共预算财政拨款收入"] == D("9746.50")
    assert t1.expenditure["201"] is None
    assert t1.expenditure["212"] == D("3845.25") and t1.expenditure["220"] == D("4461.67")
    assert (t1.income_this_year, t1.expenditure_this_year) == (D("9746.50"), D("9759.38"))
    assert (t1.opening_balance, t1.closing_balance, t1.income_total) == (D("112.88"), D("100.00"), D("9859.38"))
    assert t.t2.total.values["财政拨款收入"] == D("9746.50")
    assert t.t2.value("2080505", "本年收入合计") == D("446.11")  # single code column
    assert t.t5.row("212").values == {"合计": D("3832.36"), "基本支出": D("1572.70"), "项目支出": D("2259.65")}
    assert t.t5.value("2200199", "基本支出") == D("0.00")  # printed 0.00 stays 0.00
    assert t.t5.total.values["基本支出"] == D("5364.75")
    assert t.t6.subtotals == {"人员经费合计": D("4884.09"), "公用经费合计": D("480.66")}
    assert t.t6.value("30107", "决算数") == D("1594.02")
    assert t.t6.value("30217", "决算数") == D("0.39")
    assert (t.t9.budget["合计"], t.t9.actual["合计"]) == (D("2.85"), D("0.39"))
    assert (t.t9.budget["公务接待费"], t.t9.actual["公务接待费"]) == (D("2.85"), D("0.39"))
    assert t.t9.actual["因公出国（境）费"] == D("0.00")
    assert "故本表无数据" in t.t7.note and t.t7.is_empty()


# --------------------------------------------------------------------------- 区委社会工作部

@needs_shared
def test_shehuigongzuobu_tables():
    _, t = _read(SGB)
    assert t.present() == NINE and t.order == SHANGHAI_ORDER
    t1 = t.t1
    assert t1.income["一般公共预算财政拨款收入"] == D("307.82")
    assert (t1.expenditure["201"], t1.expenditure["208"], t1.expenditure["210"], t1.expenditure["221"]) == (
        D("264.87"), D("10.82"), D("2.71"), D("29.42"))
    assert t1.opening_balance is None and t1.closing_balance is None
    assert t1.income_total == D("307.82")
    t3 = t.t3
    assert t3.total.values["基本支出"] == D("105.58") and t3.total.values["项目支出"] == D("202.24")
    assert t3.value("2013999", "基本支出") is None and t3.value("2013999", "项目支出") == D("202.24")
    assert t.t4.income["一般公共预算财政拨款"] == D("307.82")
    assert t.t4.expenditure["201"]["一般公共预算财政拨款"] == D("264.87")
    assert t.t4.expenditure["201"]["政府性基金预算财政拨款"] is None
    assert t.t6.subtotals == {"人员经费合计": D("95.36"), "公用经费合计": D("10.23")}
    assert t.t6.value("30113", "决算数") == D("17.70") and t.t6.value("30211", "决算数") == D("1.15")
    assert all(v is None for v in t.t9.budget.values()) and all(v is None for v in t.t9.actual.values())
    assert "没有财政拨款“三公”经费支出" in t.t9.note


# --------------------------------------------------------------------------- 西南大学 (university form)

XNDX = "chongqing-xinandaxue-2023-juesuan.pdf"


@lru_cache(maxsize=None)
def _document(name: str):
    from juesuan.io.readers import read_document

    return read_document(_corpus(name))


@needs_shared
def test_university_four_tables_read_across_page_breaks():
    d = _document(XNDX)
    t = d.tables
    assert d.profile == "university"
    assert t.present() == ("T1", "T2", "T3", "T5") and t.order == ("T1", "T2", "T3", "T5")
    t1 = t.t1  # 表1 高等学校收支决算总表, its 支出 side running on to page 9
    assert t1.income == {"财政拨款收入": D("243015.38"), "上级补助收入": None, "事业收入": D("136385.24"),
                         "经营收入": None, "附属单位上缴收入": None, "其他收入": D("51324.41")}
    assert {c: v for c, v in t1.expenditure.items() if v is not None} == {
        "205": D("425287.27"), "206": D("2536.65"), "208": D("13465.06"), "221": D("16278.27"), "229": D("109.50")}
    assert t1.sources["221"].page == 9
    assert (t1.income_this_year, t1.non_fiscal_balance_used, t1.opening_balance) == (
        D("430725.03"), D("45110.97"), D("93660.54"))
    assert (t1.expenditure_this_year, t1.balance_distribution, t1.closing_balance) == (
        D("457676.75"), D("4970.88"), D("106848.91"))
    assert t1.income_total == t1.expenditure_total == D("569496.54")
    assert t1.names["234"] == "抗役特别国债安排的支出"
    assert t.t2.total.values["财政拨款收入"] == D("243015.38") and t.t2.total.values["事业收入"] == D("136385.24")
    assert t.t2.value("2296004", "财政拨款收入") == D("109.50")  # page 11, after the break
    assert t.t2.value("205", "事业收入（其中：教育收费）") == D("73648.19")
    assert t.t3.total.values == {"本年支出合计": D("457676.75"), "基本支出": D("359781.59"), "项目支出": D("97895.15"),
                                 "上缴上级支出": None, "经营支出": None, "对附属单位补助支出": None}
    assert t.t3.value("229", "项目支出") == D("109.50")
    t5 = t.t5  # 表4 高等学校财政拨款支出决算表: 类|款|项 merged on page 14, one code column on page 15
    assert t5.covers_all_fiscal_funds()
    assert t5.total.values == {"合计": D("237100.00"), "基本支出": D("199015.13"), "项目支出": D("38084.87"),
                               "项目支出（其中：基本建设资金支出）": D("6894.90")}
    assert [r.code for r in t5.rows if len(r.code) == 7] == [
        "2050202", "2050204", "2050205", "2050602", "2050699", "2059999", "2060201", "2060204", "2080505", "2080506",
        "2210201", "2210203"]
    assert t5.value("2210203", "合计") == D("180.59") and t5.value("2060204", "项目支出") == D("1707.93")
    assert t.issuers == {"T1": "", "T2": "", "T3": "", "T5": ""}


@needs_shared
def test_university_relations_checked_and_its_true_warnings():
    from juesuan.audit import check_path

    report = check_path(_corpus(XNDX)).report
    status = {o.check: o for o in report.outcomes}
    for name in ("t1_income_sum", "t1_expenditure_sum", "t1_totals", "t1_balance", "t2_row_sum", "t3_row_sum",
                 "t5_row_sum", "hierarchy", "t1_t2", "t1_t3", "t3_t5"):
        assert status[name].status == "passed", name
    assert "不适用" in status["t1_t4"].reason and "不适用" in status["t9_sums"].reason
    counted = sorted((f.code, f.figures.get("科目编码", "")) for f in report.findings if f.severity.value != "info")
    assert counted == [("N-CODE-NAME", "2060204"), ("T-CODE-NAME", "234"), ("T-ISSUER-BLANK", ""), ("X-FISCAL-SPENDING", "229")]


# --------------------------------------------------------------------------- blank template

@needs_shared
def test_template_reads_without_crashing():
    _, t = _read(TEMPLATE)
    assert t.present() == NINE
    assert all(v is None for v in t.t1.income.values())
    assert [r.code for r in t.t2.rows] == ["205", "20502", "2050205", "207", "20799"]  # "…" rows skipped
    assert all(v is None for r in t.t2.rows for v in r.values.values())
    assert t.t6.subtotals == {"人员经费合计": None, "公用经费合计": None}


# --------------------------------------------------------------------------- bad input

def _assert_input_error(path: Path, phrase: str) -> None:
    with pytest.raises(InputError) as info:
        extract(path)
    message = str(info.value)
    assert path.name in message and phrase in message
    assert "\n" not in message


def test_empty_file(tmp_path):
    path = tmp_path / "空文件.pdf"
    path.write_bytes(b"")
    _assert_input_error(path, "文件为空")


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "损坏.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(4000))
    _assert_input_error(path, "损坏")


def test_not_a_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_text("这不是PDF", encoding="utf-8")
    _assert_input_error(path, "不是有效的PDF文件")


def test_encrypted_pdf(tmp_path):
    import pypdf
    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    path = tmp_path / "加密.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    _assert_input_error(path, "文件已加密")


def test_blank_pdf_without_any_content(tmp_path):
    import pypdf
    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    path = tmp_path / "空白.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    _assert_input_error(path, "文件内容为空")


def test_scanned_pdf_without_text_layer(tmp_path):
    from PIL import Image as image
    path = tmp_path / "扫描件.pdf"
    image.new("RGB", (300, 400), "white").save(path)
    _assert_input_error(path, "无文字层")


def test_page_furniture_dropped_and_sentence_joined_across_pages(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    matplotlib.rcParams["pdf.fonttype"] = 42  # embedded TrueType: a real text layer
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    # a paragraph's lines run to the right margin (monospaced: the same width), its last line stops short
    pages = [
        ["1. Overview", "The unit spent its whole budget on the running costs and", "the total income of the unit for the year just ended was"],
        ["1,234.56 in 2024, as the table shows.", "2. Details", "Nothing else to report."],
        ["3. Notes", "Last page."],
    ]
    path = tmp_path / "synthetic.pdf"
    with PdfPages(path) as pdf:
        for n, body in enumerate(pages, 1):
            fig = plt.figure(figsize=(8.27, 11.69))
            fig.text(0.1, 0.95, "Annual report 2024", fontsize=10)  # running header
            for k, line in enumerate(body):
                fig.text(0.1, 0.85 - 0.03 * k, line, fontsize=12, family="monospace")
            fig.text(0.5, 0.03, f"- {n} -", fontsize=10, ha="center")  # page number
            pdf.savefig(fig)
            plt.close(fig)
    ex = extract(path)
    texts = [t for t, _ in ex.lines]
    assert texts == [
        "1. Overview",
        "The unit spent its whole budget on the running costs and the total income of the unit for the year just ended "
        "was 1,234.56 in 2024, as the table shows.",
        "2. Details",
        "Nothing else to report.",
        "3. Notes",
        "Last page.",
    ]
    assert [s.page for _, s in ex.lines] == [1, 1, 2, 2, 3, 3]
    assert ex.grids == ()


def test_missing_file(tmp_path):
    _assert_input_error(tmp_path / "没有这个文件.pdf", "文件不存在")


def _word_pdf(tmp_path, paragraphs):
    """The paragraphs as a Word document printed to PDF by LibreOffice (left-aligned, its own line breaks)."""
    import subprocess

    import docx

    soffice = tool("soffice", "libreoffice")
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    source = tmp_path / "note.docx"
    document.save(str(source))
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    return tmp_path / "note.pdf"


def test_a_word_processors_pdf_reads_back_its_paragraphs(tmp_path):
    paragraphs = [
        "来源:某县财政局 发布时间:2022-09-02",
        "某县财政局2016年度“三公”经费支出决算情况说明",
        "2016年度“三公”经费财政拨款支出决算数比2015年减少80.74万元。其中:因公出国(境)费支出决算减少30.31万元,"
        "下降36.75%;公务用车购置及运行费支出决算减少49.64万元,下降32.21%;公务接待费支出决算减少0.8万元,下降10.31%。",
        "1)党政办负责处理政府机关日常事务;",
        "2)社会事务办负责人口与计划生育、民政、优抚等工作;",
    ]
    texts = [t for t, _ in extract(_word_pdf(tmp_path, paragraphs)).lines]
    # quotes the writer draws in another font after the rest of their line are put back in place,
    # a wrapped paragraph is one line again, and a line that stops short ends its paragraph
    assert texts == ["来源:某县财政局发布时间:2022-09-02", *paragraphs[1:]]  # (the space between Chinese dropped)


def test_a_line_continues_when_it_reaches_the_margin_or_leaves_a_bracket_open():
    from juesuan.io.readers.pdf import _continues, _Line

    metrics = (72.0, 522.0, 12.0)  # left and right margins, body font size

    def line(text, x1, top=100.0):
        return _Line(text, 1, 72.0, top, x1, top + 12)

    after = line("结余）0.00万元。", 200.0, 115.0)
    assert _continues(line("本年使用非财政拨款结余（含专用", 300.0), metrics, after, metrics)  # a bracket open
    assert not _continues(line("本年使用非财政拨款结余", 300.0), metrics, line("2)其他事务", 200.0, 115.0), metrics)
    # a line that stops short only because the next line's first word would not fit
    assert _continues(line("公务接待费支出决算减少0.8万元,下降", 480.0), metrics, line("10.31%。", 120.0, 115.0), metrics)
    assert not _continues(line("公务接待费支出决算减少0.8万元,下降", 400.0), metrics, line("10.31%。", 120.0, 115.0), metrics)
    # a table's name wrapped out of an indented line: the rest starts left of it; a title under a line does not
    wrapped = _Line("七、“三公”经费支出决算表八、政府性基金预算财政拨款收入支", 1, 100.0, 100.0, 521.0, 112.0)
    assert _continues(wrapped, metrics, line("出决算表", 150.0, 115.0), metrics)
    assert not _continues(line("七、“三公”经费支出决算表八、政府性基金预算财政拨款收入支", 521.0), metrics,
                          line("出决算表", 150.0, 115.0), metrics)
