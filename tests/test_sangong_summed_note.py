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


def _read(text: str, year: int | None = None) -> dict[str, Decimal]:
    lines = [(t, Span(line=i + 1)) for i, t in enumerate(text.split("\n"))]
    return {s.key: s.value for s in parse_narrative(lines, year=year).narrative.statements}


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


_YIBIN = ("宜宾市本级2017年“三公”经费决算情况说明\n"
          "经宜宾市财政局汇总,2017年宜宾市市本级部门使用财政拨款安排“三公”经费支出总额为3825万元,比预算数减少{total}万元。\n"
          "一、因公出国(境)经费\n2017年因公出国(境)费99万元,比预算数减少31万元。\n"
          "二、公务接待费\n2017年公务接待费1014万元, 比预算数减少850万元。\n"
          "三、公务用车购置及运行维护费\n2017年公务用车购置及运行维护费2712万元(其中:公务用车购置费0万元,"
          "公务用车运行维护费2712万元),比预算数减少107万元。\n")


def test_the_totals_difference_from_the_budget_against_its_items(tmp_path):
    (hit,) = [f for f in check_page(tmp_path, _YIBIN.format(total="1188")).report.findings if f.code == "N-BUDGET-DIFF"]
    assert hit.figures["各项之和"] == "-988.00" and hit.spans[0].line == 2
    assert "N-BUDGET-DIFF" not in page_codes(check_page(tmp_path, _YIBIN.format(total="988")))


# 新疆's notes: the whole prefecture's figures, then its own level's; each line a paragraph of a web page
_KEZHOU = ("克州2021年“三公”经费预算安排和使用情况\n\n"
           "2021年全州“三公经费”财政拨款支出4,855万元,比上年减支433万元,降低8.19%,为年初预算数6180万元的78.56%。"
           "其中:公务用车运行维护费支出3758万元,比上年增支816万元,增长27.74%\n\n"
           "{level}“三公经费”财政拨款支出1,127万元,比上年减支73万元,下降6.08%,为年初预算数1537万元的73.32%。"
           "其中:公务用车运行维护费支出937万元,比上年减支18万元,下降1.88%。\n")


def test_a_prefectures_own_level_after_the_whole_is_a_part_of_it(tmp_path):
    result = check_page(tmp_path, _KEZHOU.format(level="州本级"))
    # a title on how the budget was spent: the year's accounts
    assert (result.identity.kind, result.identity.year) == ("三公说明", 2021) and not result.identity.budget
    assert not page_codes(result, "error")
    said = _read(_KEZHOU.format(level="州本级"))
    assert said["三公.合计.增减"] == Decimal("-433") and said["三公.公务用车运行维护费"] == Decimal("3758")
    # the copy cut the whole's last sentence short: what it read before the level's line is the whole's
    cut = _KEZHOU.replace("增长27.74%\n\n", "增长27.74%,公务接待费支出627万元,\n").format(level="州本级")
    said = _read(cut)
    assert said["三公.公务接待费"] == Decimal("627") and said["三公.合计"] == Decimal("4855")


# the whole's every item with its share of the year's budget: "为年初预算数4688万元的80.51%"
_KEZHOU_ITEMS = ("克州2021年“三公”经费预算安排和使用情况\n\n"
                 "2021年全州“三公经费”财政拨款支出4,855万元,比上年减支433万元,降低8.19%,为年初预算数{budget}万元的{whole}%。"
                 "其中:{buy}公务用车运行维护费支出3758万元,比上年增支816万元,增长27.74%,为年初预算数4688万元的{run}%;"
                 "公务接待费支出627万元,比上年减支125万元,降低16.62%,为年初预算数1035万元的60.58%;"
                 "因公出国费支出0万元,比上年减支2万元,为年初预算数1万元的0%。\n")
_BUY = "公车购置支出470万元,比上年减支1122万元,降低70.48%,为年初预算数476万元的98.74%"


def test_each_items_share_of_its_initial_budget_in_xinjiangs_words(tmp_path):
    said = _read(_KEZHOU_ITEMS.format(budget="6180", whole="78.56", buy=_BUY, run="80.51"))
    assert said["三公.公务用车购置费"] == Decimal("470") and said["三公.公务用车购置费.年初预算"] == Decimal("476")
    assert said["三公.公务用车运行维护费.完成率"] == Decimal("80.51")
    result = check_page(tmp_path, _KEZHOU_ITEMS.format(budget="6180", whole="78.56", buy=_BUY, run="80.51"))
    wrong = {(f.code, f.figures.get("重算完成率") or f.figures.get("各项之和")) for f in result.report.findings
             if f.severity.value == "error"}
    # 3758 / 4688 = 80.16 %; the items' budgets 476 + 4688 + 1035 + 1 = 6200, not 6180
    assert wrong == {("N-COMPLETION", "80.16%"), ("N-SANGONG-SUM", "6,200.00")}
    # 4855 / 6200 = 78.31 %
    assert not page_codes(check_page(tmp_path, _KEZHOU_ITEMS.format(budget="6200", whole="78.31", buy=_BUY, run="80.16")),
                          "error")


def test_a_vehicle_part_left_unstated_may_explain_the_totals_shortfall(tmp_path):
    # 4855 against 0 + 3758 + 627 = 4385: the purchases the note does not state may be the 470
    result = check_page(tmp_path, _KEZHOU_ITEMS.format(budget="6200", whole="78.31", buy="", run="80.16"))
    hits = [f for f in result.report.findings if f.code == "N-SANGONG-SUM"]  # the spending and the initial budget
    assert {h.severity.value for h in hits} == {"warning"} and all("未写公务用车购置费" in h.message for h in hits)
    assert sorted(h.figures["差额"] for h in hits) == ["-470.00", "-476.00"]
    # no vehicle figure at all: the 5.00 short may all be the vehicles'
    none = check_page(tmp_path, "2017年某部财政预算拨款“三公”经费支出合计35万元,比上年减少2.28万元。"
                                "其中:因公出国(境)费0万元,公务接待费30万元。\n")
    assert "N-SANGONG-SUM" not in page_codes(none)
    # stated, they are summed: 470 short of 4855 is then an error
    stated = _KEZHOU_ITEMS.format(budget="6200", whole="78.31", buy=_BUY.replace("470", "400"), run="80.16")
    assert "N-SANGONG-SUM" in page_codes(check_page(tmp_path, stated), "error")


_ATUSHI = ("阿图什市2021年“三公”经费预算安排和使用情况\n"
           "2021年阿图什市“三公经费”财政拨款支出1645.14万元,比上年减支209.51万元,降低11.30%。"
           "公车购置及运行维护费支出1502.58万元,比上年减支{vehicles}万元,降低11.68%。其中:公务用车购置费支出11.67万元,"
           "比上年减支{buy}万元,降低98.67%;公务用车运行维护费1490.91万元,比上年减支{run}万元,降低31.01%。"
           "公务接待费支出142.56万元,比上年减支10.72万元,降低6.99%因公出国费支出0万元,比上年减支0万元。\n")


def test_the_vehicles_change_against_its_two_parts_in_xinjiangs_words(tmp_path):
    said = _read(_ATUSHI.format(vehicles="198.79", buy="869.02", run="670.23"))
    assert said["三公.合计"] == Decimal("1645.14") and said["三公.公务用车购置及运行维护费"] == Decimal("1502.58")
    assert said["三公.因公出国（境）费"] == 0 and said["三公.公务接待费.增减"] == Decimal("-10.72")
    wrong = check_page(tmp_path, _ATUSHI.format(vehicles="198.79", buy="869.02", run="670.23"))
    (hit,) = [f for f in wrong.report.findings if f.code == "N-YOY-DELTA"]
    assert hit.figures["各项之和"] == "-1,539.25"
    # the two parts' changes adding up to the vehicles' (the rates are then wrong: another finding)
    assert "N-YOY-DELTA" not in page_codes(check_page(tmp_path, _ATUSHI.format(vehicles="198.79", buy="128.56", run="70.23")))


# a budget's 三公 note that opens on its sentence (no title line), in 元, its reason naming last year's spending
_BAOSHAN = ("2019年保山市环境保护局“三公”经费财政拨款预算安排389000元,比上年预算增56400元,同比增长16.96%。具体情况如下:\n"
            "(一)公务接待费\n"
            "安排公务接待费64000元,比上年预算减15600元,同比下降19.60%。主要是2018年严格执行厉行节约公务接待费支出"
            "{spent}元与上年比减少30431元,因此2019年预算比上年预算减少15600元。\n"
            "附件【保山市环境保护局2019年“三公”经费公开表.xls】\n")


def test_last_years_spending_in_a_budgets_reason_is_no_second_figure(tmp_path):
    result = check_page(tmp_path, _BAOSHAN.format(spent="49865"))
    assert result.identity.kind == "三公说明" and result.identity.budget and result.identity.year == 2019
    assert result.identity.partial == ""  # the attachment's link after the note is no cut sentence
    assert "N-REPEAT" not in page_codes(result)
    # the sentence on 2018 tells last year's figure, once the reader knows the note's year
    said = _read(_BAOSHAN.format(spent="49865"), year=2019)
    assert said["三公.公务接待费"] == Decimal("6.4") and said["三公.公务接待费.上年"] == Decimal("4.9865")


# 德钦's note: last year's figures in a sentence of their own, named "上年度" in words, then this year's
_DEQIN = ("2018年德钦县人大常委会“三公”经费支出决算情况说明\n"
          "2018年德钦县人民代表大会常务委员会一般公共预算财政拨款“三公”经费支出合计9.75万元。\n"
          "“三公”经费支出情况:上年度 “三公”经费支出24.67万元,其中公务用车运行维护费15.48万元、公务接待费9.18万元。"
          "本年“三公”经费支出9.75 万元,其中公务用车运行维护费5.98万元、公务接待费 3.77 万元。"
          "本年度“三公”经费支出比上年度减少{change}万元。\n")


def test_last_years_figures_named_in_words_are_last_years(tmp_path):
    said = _read(_DEQIN.format(change="14.9"), year=2018)
    assert said["三公.公务接待费"] == Decimal("3.77") and said["三公.公务接待费.上年"] == Decimal("9.18")
    result = check_page(tmp_path, _DEQIN.format(change="14.9"))
    # no figure stated twice; the change printed to one place is 9.75 − 24.67 rounded
    assert "N-REPEAT" not in page_codes(result) and "N-YOY-DELTA" not in page_codes(result)
    assert "N-YOY-DELTA" in page_codes(check_page(tmp_path, _DEQIN.format(change="15.9")))


def test_this_years_carry_over_is_no_sentence_on_last_year():
    said = _read("一、收入支出决算总体情况说明\n上年结转和结余14.96万元，为以前年度未执行完的资金。", year=2021)
    assert said == {"年初结转和结余": Decimal("14.96")}


def test_a_count_unchanged_from_last_year_is_no_change_of_the_money(tmp_path):
    note = ("昆明市五华区2021年“三公”经费决算情况说明\n"
            "公务接待费为0万元,较上年减少0.86万元,下降100 %,国内公务接待批次为0次,较上年减少119批次,下降100%,"
            "共计接待0人次,与上年持平。\n")
    result = check_page(tmp_path, note)
    assert "N-YOY-PCT" not in page_codes(result)
    said = _read(note, year=2021)
    assert said["三公.公务接待费.增减率"] == Decimal("-100")


# a city's summed budget (岳阳, 2016, read as one line) lists other transport beside the vehicles' two parts
_YUEYANG = ("2016年市本级财政拨款“三公”经费情况说明 岳阳市本级部门使用当年一般公共预算拨款安排的2016年“三公”经费预算为19043万元,"
            "其中,公务接待费7494万元,因公出国(境)费382万元,公务用车购置及运行维护费11167万元(其中,公务用车购置费255万元,"
            "公务用车运行维护费7922万元{others})。\n")


def test_other_transport_listed_beside_the_vehicles_parts_is_no_shortfall(tmp_path):
    # 255 + 7922 + 144 + 2846 = 11167: the two parts no key holds make up the vehicles' total
    listed = check_page(tmp_path, _YUEYANG.format(others=",其他交通工具购置144万元,其他交通费用2846万元"))
    assert "N-SANGONG-SUM" not in page_codes(listed)
    # without them 255 + 7922 = 8177 falls 2990 short
    (hit,) = [f for f in check_page(tmp_path, _YUEYANG.format(others="")).report.findings if f.code == "N-SANGONG-SUM"]
    assert hit.figures["差额"] == "-2,990.00"
