"""The Span offsets contract: ``excerpt[start:end]`` is the figure a statement was read from.

Checked for every statement parsed from the seed text, a corpus PDF (skipped without
``/work/shared``) and small self-made texts (long lines, indentation, full-width digits), and on
the HTML report, whose <mark> must sit on the printed number.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation


from shared import SHARED, needs_shared

from juesuan import api
from juesuan.core.model import Span, Statement
from juesuan.phrasebook.parse import parse_narrative
from juesuan.phrasebook.parse_support import compact

SEED = SHARED / "seed" / "000_e5361b4e9819f483.txt"
PUTUO = SHARED / "corpus" / "shanghai-putuo-caizhengju-2024-juesuan.pdf"

_ZERO_WORDS = ("持平", "无", "没有", "未")


def _printed_value(piece: str) -> Decimal | None:
    digits = re.sub(r"[,，%％]", "", compact(piece))
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _marks_its_figure(st: Statement) -> bool:
    """The marked text is the statement's number as printed (sign carried by words such as
    减少, so the magnitude is compared; 持平/无 stand for zero)."""
    sp = st.span
    if sp is None or sp.start is None or sp.end is None or not 0 <= sp.start < sp.end <= len(sp.excerpt):
        return False
    piece = sp.excerpt[sp.start:sp.end]
    value = _printed_value(piece)
    if value is not None:
        return abs(value) == abs(st.value)
    return st.value == 0 and not re.search(r"\d", piece) and any(w in piece for w in _ZERO_WORDS)


def _bad(statements) -> list[tuple[str, str, str]]:
    return [(st.key, str(st.value), st.span.excerpt if st.span else "") for st in statements
            if not _marks_its_figure(st)]


def _excerpts_are_printed_text(narrative) -> None:
    for st in narrative.statements:
        assert st.span.excerpt and len(st.span.excerpt) <= 120
        assert compact(st.span.excerpt) in compact(narrative.text), st.key


@needs_shared
def test_seed_statements_mark_their_figure():
    d = api.read(SEED)
    statements = d.narrative.statements
    assert len(statements) > 100
    assert _bad(statements) == []
    _excerpts_are_printed_text(d.narrative)


@needs_shared
def test_corpus_pdf_statements_mark_their_figure():
    d = api.read(PUTUO)
    statements = d.narrative.statements
    assert len(statements) > 50
    assert _bad(statements) == []
    _excerpts_are_printed_text(d.narrative)
    # the long 一般公共预算财政拨款支出 paragraph (> 120 characters) is windowed around each figure
    share = [st for st in statements if st.unit == "%" and st.value == Decimal("71.73")]
    assert share and share[0].span.excerpt[share[0].span.start:share[0].span.end] == "71.73"


LONG_LINE = ("2024年度一般公共预算财政拨款支出2,940.05万元，主要用于以下方面：一般公共服务支出（类）2,106.66万元，"
             "占71.73%；社会保障和就业支出（类）326.72万元，占11.11%；卫生健康支出（类）60.99万元，占2.07%；"
             "住房保障支出（类）445.69万元，占15.16%。")


def _self_made_lines() -> list[tuple[str, Span]]:
    raw = [
        "某区财政局2024年度部门决算",
        "第二部分 部门决算情况说明",
        "一、收入支出决算总体情况说明",
        "　　2024年度收入总计1,787.23万元，其中：本年收入合计1,741.71万元，年初结转和结余45.52万元。",
        "  收入支出总体与上年相比，减少191.15万元，下降9.66%，主要原因是：本年在职人员减少。",
        "五、一般公共预算财政拨款支出决算情况说明",
        "    " + LONG_LINE,
        "七、一般公共预算财政拨款基本支出决算情况说明",
        "\t2024年度一般公共预算财政拨款基本支出１３２６．６８万元，其中：人员经费１ １５６．１７万元，包括：基本工资。",
    ]
    return [(text, Span(file="自制.txt", line=i + 1, excerpt=text.strip()[:80])) for i, text in enumerate(raw)]


def test_self_made_lines_mark_their_figure():
    parsed = parse_narrative(_self_made_lines())
    statements = parsed.narrative.statements
    values = {st.value for st in statements}
    # the parse found the figures this test is about, indented and past 120 characters alike
    for expected in ("1787.23", "1741.71", "191.15", "9.66", "71.73", "11.11", "15.16", "1326.68", "1156.17"):
        assert Decimal(expected) in values or -Decimal(expected) in values, expected
    # each share of the long line belongs to the 类 named before it, not to the section's subject
    shares = {st.key: st.value for st in statements if st.key.endswith(".占比")}
    assert shares["类.201.占比"] == Decimal("71.73") and shares["类.221.占比"] == Decimal("15.16")
    assert _bad(statements) == []
    for st in statements:
        sp = st.span
        assert sp.file == "自制.txt" and sp.line is not None
        assert not sp.excerpt[:1].isspace() and len(sp.excerpt) <= 120
    windowed = [st.span.excerpt for st in statements if st.span.line == 7]
    assert len(windowed) >= 4
    for excerpt in windowed:  # a window of the long line is cut at clause marks, never inside a number
        at = LONG_LINE.index(excerpt)
        assert at == 0 or LONG_LINE[at - 1] in "，；。：", excerpt
        tail = at + len(excerpt)
        assert tail == len(LONG_LINE) or LONG_LINE[tail - 1] in "，；。：", excerpt


def test_text_file_statements_mark_their_figure(tmp_path):
    path = tmp_path / "某区财政局2024年度部门决算.txt"
    path.write_text("\n".join(t for t, _ in _self_made_lines()) + "\n", encoding="utf-8")
    d = api.read(path)
    assert len(d.narrative.statements) >= 9
    assert _bad(d.narrative.statements) == []


def test_html_report_marks_the_printed_share(tmp_path):
    """The N-SHARE finding's <mark> is on the percentage written in the text, not on nearby words."""
    from juesuan.io.writers.report import _passage

    parsed = parse_narrative(_self_made_lines())
    share = next(st for st in parsed.narrative.statements if st.value == Decimal("15.16"))
    html = _passage(share.span)
    assert re.search(r"<mark>15\.16</mark>", html)
