"""A region's 三公 note summed over its units (issue 7, found on a 云南 page): its title names the
kind after 决算 ("…“三公”经费决算支出情况说明"), its figures are written "为X万元", each with last
year's figure before the change ("较上年1174万元减少40万元"), and a budget compared with inside a
sentence that goes on to list parts ("较预算数898万元增加114万元…(其中:…") is no budget's own
sentence. A subtitle naming another year is an error of the note's year."""

from __future__ import annotations

from decimal import Decimal

from builders import check_page, page_codes
from juesuan.core.model import Span
from juesuan.phrasebook.parse import parse_narrative

# (the page's blank lines kept: a line glued to the one above would be another reading)
NOTE = """政府信息公开

迪庆州州本级2021年度“三公”经费决算支出情况说明

发布时间:2022-10-14 16:15

迪庆州州本级{subtitle_year}年度“三公”经费决支出情况说明

根据国务院关于推进政府预算信息公开的决策部署,迪庆州财政局对州本级2021年度“三公”经费决算数进行统计汇总,现公开如下:

2021年,州本级一般公共预算财政拨款“三公”经费支出决算汇总数为1134万元,较上年1174万元减少40万元,下降3%。其中:因公出国(境)费为0万元,较上年6万元减少6万元,下降100%,较预算数0万元无增减;公务接待费为122万元,较上年144万元减少22万元,下降15%。公务用车购置及运行维护费为1012万元,较上年1024万元减少12万元,下降1%,较预算数898万元增加114万元,增长13%(其中:公务用车购置费209万元,较上年251万元减少42万元,下降17%;公务用车运行维护费803万元,较上年773万元增加30万元,增长4%)。全年公务用车购置数为7辆,年末公务用车保有量为316辆。
"""


def _read(text: str) -> dict[str, Decimal]:
    lines = [(t, Span(line=i + 1)) for i, t in enumerate(text.split("\n"))]
    return {s.key: s.value for s in parse_narrative(lines).narrative.statements}


def test_the_summed_figures_with_last_years_before_each_change():
    said = _read(NOTE.format(subtitle_year="2021"))
    assert said["三公.合计"] == Decimal("1134") and said["三公.合计.上年"] == Decimal("1174")
    assert said["三公.合计.增减"] == Decimal("-40")
    assert said["三公.公务接待费"] == Decimal("122") and said["三公.公务接待费.上年"] == Decimal("144")
    # the budget compared with does not make the sentence's parts a budget's
    assert said["三公.公务用车购置及运行维护费"] == Decimal("1012")
    assert said["三公.公务用车购置费"] == Decimal("209") and said["三公.公务用车运行维护费"] == Decimal("803")


def test_the_note_is_read_as_a_sangong_note_and_its_sums_hold(tmp_path):
    result = check_page(tmp_path, NOTE.format(subtitle_year="2021"))
    assert result.identity.kind == "三公说明" and result.identity.year == 2021
    assert not page_codes(result, "error") and not page_codes(result, "warning")


def test_a_subtitle_naming_another_year(tmp_path):
    result = check_page(tmp_path, NOTE.format(subtitle_year="2020"))
    (hit,) = [f for f in result.report.findings if f.code == "N-YEAR"]
    assert hit.severity.value == "error" and hit.figures["所写年份"] == "2020年" and hit.spans[0].line == 7
    # the same title in a list of links at the page's foot names another note
    links = NOTE.format(subtitle_year="2021") + "\n相关链接\n迪庆州州本级2019年度“三公”经费决算支出情况说明\n"
    assert "N-YEAR" not in page_codes(check_page(tmp_path, links))
