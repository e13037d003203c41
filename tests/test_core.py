from decimal import Decimal

import pytest

from juesuan.core import keys
from juesuan.core.codes import CodeTable, economic_codes, function_codes, load_code_table
from juesuan.core.findings import Finding, InputError, Severity
from juesuan.core.model import CodedTable, Row, Span
from juesuan.core.profiles import load_profile, shipped_profiles


def test_function_codes_2024_names_and_hierarchy():
    table = function_codes(2024)
    assert table.name_of("2010301") == "行政运行"
    assert table.name_of("20805") == "行政事业单位养老支出"
    assert CodeTable.parent("2010301") == "20103" and CodeTable.parent("20103") == "201"
    assert "2010301" in table.children("20103")
    assert table.get("201").verified
    # a later year falls back to the nearest shipped table
    assert function_codes(2030).name == "function_2024"
    # the names of one level, in the table's order
    classes = table.names(3)
    assert classes[0] == "一般公共服务支出" and "社会保障和就业支出" in classes and "行政运行" not in classes
    assert "行政运行" in table.names() and len(table.names()) > len(classes)


def test_economic_codes():
    table = economic_codes()
    assert table.name_of("30101") == "基本工资"
    assert table.get("302").level == "类"


def test_user_code_table(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("code,name\n201,一般公共服务支出\n20101,人大事务\n", encoding="utf-8")
    table = load_code_table(path)
    assert table.name_of("20101") == "人大事务" and table.get("20101").level == "款"


def test_profiles_inherit_and_override():
    assert {"national", "xinjiang-2024", "shanghai-2024"} <= set(shipped_profiles())
    xj = load_profile("xinjiang-2024")
    sh = load_profile("shanghai-2024")
    assert xj.phrase("unchanged") == "zero" and sh.phrase("unchanged") == "flat"
    assert sh.phrase("table_order")[6] == "T9"
    assert xj.phrase("thousands_separator") is True  # inherited from national


def test_profile_errors_are_one_line(tmp_path):
    with pytest.raises(InputError, match="未知的配置"):
        load_profile("mars-2024")
    bad = tmp_path / "p.yaml"
    bad.write_text("base: national\nnonsense: 1\n", encoding="utf-8")
    with pytest.raises(InputError, match="nonsense"):
        load_profile(str(bad))


def test_keys_round_trip():
    k = keys.key(keys.item("2010301"), keys.DELTA_PCT)
    assert k == "项.2010301.增减率"
    assert keys.split(k) == ("项.2010301", "增减率")
    assert keys.split("三公.合计") == ("三公.合计", "")


def test_coded_table_lookup_and_emptiness():
    t = CodedTable("T7", ("本年支出合计",), rows=(Row("229", "其他支出", {"本年支出合计": Decimal("0")}),))
    assert t.value("229", "本年支出合计") == 0 and t.is_empty()
    assert t.row("201") is None
    assert Row("2010301", "行政运行").level == 3


def test_finding_json_shape():
    f = Finding("T1-BALANCE", Severity.ERROR, "收入总计与支出总计不等", {"收入总计": "1.00"},
                (Span(file="a.pdf", page=3, excerpt="收入总计"),), "第四部分")
    d = f.to_dict()
    assert d["rule"] == "T1-BALANCE" and d["severity"] == "error"
    assert d["location"] == {"file": "a.pdf", "page": 3, "excerpt": "收入总计", "section": "第四部分"}
