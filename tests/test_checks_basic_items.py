"""N-BASIC-ITEMS (C45): the items 说明六 lists under 人员经费 and 公用经费 are exactly the 款 of
公开06 that are not zero this year, each in its own part."""

from builders import check, doc
from catalogue_examples import T6
from juesuan.core.model import Tables

SECTION = "六、一般公共预算财政拨款基本支出决算情况说明\n2024年度一般公共预算财政拨款基本支出70万元，其中：{p}\n{q}"


def items(text, t6):
    return [f for f in check(doc(text=text, tables=Tables(t6=t6))).findings if f.code == "N-BASIC-ITEMS"]


def test_exact_lists_pass():
    t6 = T6(extra=[("30113", "住房公积金", {"决算数": "0"})])
    text = SECTION.format(p="人员经费50万元，包括：基本工资。", q="公用经费20万元，包括：办公费等。")
    assert items(text, t6) == []


def test_zero_item_listed_and_item_missing():
    t6 = T6(extra=[("30113", "住房公积金", {"决算数": "0"}), ("30211", "差旅费", {"决算数": "3"})])
    text = SECTION.format(p="人员经费50万元，包括：基本工资、住房公积金。", q="公用经费20万元，包括：办公费。")
    found = {f.message.split("说明六")[1][:4]: f for f in items(text, t6)}
    assert set(found) == {"人员经费", "公用经费"}
    assert found["人员经费"].figures["多列"] == "住房公积金" and found["人员经费"].figures["未列出"] == "-"
    assert found["公用经费"].figures["未列出"] == "差旅费"
    assert found["公用经费"].spans[0].line == 3 and found["公用经费"].severity.value == "warning"


def test_item_in_the_wrong_part():
    text = SECTION.format(p="人员经费50万元，包括：基本工资、办公费。", q="公用经费20万元，包括：办公费。")
    (f,) = items(text, T6())
    assert f.figures["多列"] == "办公费" and "人员经费" in f.message


def test_capital_items_may_be_in_either_part_and_unknown_words_are_ignored():
    t6 = T6(extra=[("31002", "办公设备购置", {"决算数": "2"})])
    text = SECTION.format(p="人员经费50万元，包括：基本工资。", q="公用经费20万元，包括：办公费、办公设备购置支出、日常运转开支。")
    assert items(text, t6) == []
    text = SECTION.format(p="人员经费50万元，包括：基本工资、办公设备购置。", q="公用经费20万元，包括：办公费。")
    assert items(text, t6) == []
    text = SECTION.format(p="人员经费50万元，包括：基本工资。", q="公用经费20万元，包括：办公费。")
    (f,) = items(text, t6)
    assert f.figures["未列出"] == "办公设备购置" and "公用经费" in f.message


def test_names_with_and_in_them_are_one_item():
    t6 = T6(extra=[("30299", "其他商品和服务支出", {"决算数": "1"}), ("30240", "税金及附加费用", {"决算数": "1"})])
    text = SECTION.format(p="人员经费50万元，包括：基本工资。", q="公用经费22万元，主要包括：办公费、税金及附加费用、其他商品和服务支出。")
    assert items(text, t6) == []


def test_glossary_lists_are_not_section_six():
    text = "第三部分 专业名词解释\n人员经费：指…，包括：基本工资、住房公积金、奖金。"
    report = check(doc(text=text, tables=Tables(t6=T6())))
    assert "basic_items" in {n["check"] for n in report.summary()["not_run"]}


def test_not_run_without_t6():
    text = SECTION.format(p="人员经费50万元，包括：基本工资。", q="公用经费20万元，包括：办公费。")
    report = check(doc(text=text))
    assert "basic_items" in {n["check"] for n in report.summary()["not_run"]}


def test_short_and_longer_names_stand_for_the_items_they_name():
    t6 = T6(extra=[("30113", "住房公积金", {"决算数": "5"}), ("30109", "职业年金缴费", {"决算数": "3"}),
                   ("30231", "公务用车运行维护费", {"决算数": "1"})])
    text = SECTION.format(p="人员经费50万元，包括：基本工资、职业年金、公积金。",
                          q="公用经费20万元，包括：办公费、公务用车运行维护费及购置费。")
    assert items(text, t6) == []
    text = SECTION.format(p="人员经费50万元，包括：基本工资、职业年金。", q="公用经费20万元，包括：办公费、公务用车购置费。")
    found = {f.message.split("说明六")[1][:4]: f.figures["未列出"] for f in items(text, t6)}
    assert found == {"人员经费": "住房公积金", "公用经费": "公务用车运行维护费"}


def test_a_listed_item_the_table_has_no_row_for_points_at_its_class_row():
    t6 = T6(extra=[("30202", "印刷费", {"决算数": "0"})])
    text = SECTION.format(p="人员经费50万元，包括：基本工资。", q="公用经费20万元，包括：办公费、印刷费、咨询费。")
    (f,) = items(text, t6)
    assert f.figures["表中没有的行"] == "30203 咨询费" and "咨询费（30203）表中没有该行" in f.message
    assert f.figures["多列"] == "印刷费、咨询费"  # 印刷费 has its row, printed zero
