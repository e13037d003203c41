"""For each finding code of the table, narrative, completeness and wording checks: a disclosure
that triggers it and one that does not (profile xinjiang-2024).

Used by tests/test_catalogue.py (every code has a failing and a passing example) and by the
per-module check tests. Each pair differs in the one figure or phrase the code is about.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from builders import coded, doc, read, said, t1, t4, t9
from juesuan.core.model import T2_COLUMNS, T3_COLUMNS, T5_COLUMNS, FUND_TABLE_COLUMNS, Disclosure, Tables, Unit

Pair = tuple[Callable[[], Disclosure], Callable[[], Disclosure]]

# --------------------------------------------------------------------------- tables


def T1(**over):
    base = dict(income={"一般公共预算财政拨款收入": "100", "其他收入": "10"}, expenditure={"201": "100", "208": "8"},
                income_this_year="110", non_fiscal_balance_used="0", opening_balance="5", income_total="115",
                expenditure_this_year="108", balance_distribution="0", closing_balance="7", expenditure_total="115")
    base.update(over)
    return t1(**base)


def row(total: str, fiscal: str, other: str = "0") -> dict:
    return {"本年收入合计": total, "财政拨款收入": fiscal, "其他收入": other}


def T2(r201=("100", "90", "10"), total=("100", "90", "10")):
    return coded("T2", T2_COLUMNS, [("201", "一般公共服务支出", row(*r201)), ("20103", "政府办公厅（室）及相关机构事务", row("100", "90", "10")),
                                    ("2010301", "行政运行", row("100", "90", "10"))], total=row(*total))


def spend(total: str, basic: str, project: str = "0") -> dict:
    return {"本年支出合计": total, "基本支出": basic, "项目支出": project}


def T3(r201="100", r208="8", total="108"):
    return coded("T3", T3_COLUMNS, [("201", "一般公共服务支出", spend(r201, r201)), ("208", "社会保障和就业支出", spend(r208, r208))],
                 total=spend(total, total))


def gen(total: str, basic: str, project: str = "0") -> dict:
    return {"合计": total, "基本支出": basic, "项目支出": project}


def T5(rows=None, total=("100", "100", "0")):
    rows = rows if rows is not None else [("201", "一般公共服务支出", gen("100", "100")), ("2010301", "行政运行", gen("100", "100"))]
    return coded("T5", T5_COLUMNS, rows, total=gen(*total))


def T4(**over):
    base = dict(income={"一般": "100"}, opening={"一般": "0"}, expenditure={"201": {"合计": "100", "一般": "100"}},
                expenditure_this_year={"合计": "100", "一般": "100"}, closing={"一般": "0"}, income_this_year="100",
                opening_total="0", income_total="100", closing_total="0", expenditure_total="100")
    base.update(over)
    return t4(**base)


def T6(c301="50", personnel="50", public="20", extra=()):
    rows = [("301", "工资福利支出", {"决算数": c301}), ("30101", "基本工资", {"决算数": "50"}),
            ("302", "商品和服务支出", {"决算数": "20"}), ("30201", "办公费", {"决算数": "20"}), *extra]
    return coded("T6", ("决算数",), rows, subtotals={"人员经费合计": personnel, "公用经费合计": public})


SG = {"合计": "10", "因公出国（境）费": "2", "公务用车购置及运行维护费": "8", "公务用车购置费": "0", "公务用车运行维护费": "8", "公务接待费": "0"}


def T9(**actual):
    return t9(SG, {**SG, **actual})


def fund(key: str, **over):
    values = {"年初结转和结余": "0", "本年收入": "5", "本年支出合计": "5", "基本支出": "0", "项目支出": "5", "年末结转和结余": "0"}
    values.update(over)
    return coded(key, FUND_TABLE_COLUMNS, [], total=values)


#: A 收入决算表 whose 201 income is all 财政拨款.
ALL_FISCAL_T2 = coded("T2", T2_COLUMNS, [("201", "一般公共服务支出", row("100", "100"))], total=row("100", "100"))


def tables(**kw) -> Callable[[], Disclosure]:
    return lambda: doc(tables=Tables(**kw))


EXAMPLES: dict[str, Pair] = {
    "T1-INCOME-SUM": (tables(t1=T1(income_this_year="111", income_total="116")), tables(t1=T1())),
    "ROUNDING": (tables(t1=T1(income={"一般公共预算财政拨款收入": "100", "其他收入": "10.01"})), tables(t1=T1())),
    "T1-EXPENDITURE-SUM": (tables(t1=T1(expenditure_this_year="109", closing_balance="6")), tables(t1=T1())),
    "T1-INCOME-TOTAL": (tables(t1=T1(income_total="120")), tables(t1=T1())),
    "T1-EXPENDITURE-TOTAL": (tables(t1=T1(expenditure_total="120")), tables(t1=T1())),
    "T1-BALANCE": (tables(t1=T1(closing_balance="8", expenditure_total="116")), tables(t1=T1())),
    "T2-ROW-SUM": (tables(t2=T2(r201=("100", "80", "10"))), tables(t2=T2())),
    "T-HIERARCHY": (tables(t2=T2(r201=("200", "180", "20"))), tables(t2=T2())),
    "T-CODE-NAME": (tables(t5=T5(rows=[("2010301", "行政运转", gen("100", "100"))])), tables(t5=T5(rows=[("2010301", "行政运行", gen("100", "100"))]))),
    "T3-ROW-SUM": (tables(t3=coded("T3", T3_COLUMNS, [("201", "一般公共服务支出", spend("100", "90", "5"))])), tables(t3=T3())),
    "T5-ROW-SUM": (tables(t5=T5(rows=[("2010301", "行政运行", gen("100", "90", "5"))], total=("100", "90", "5"))), tables(t5=T5())),
    "X-T1-T2": (tables(t1=T1(), t2=T2(r201=("100", "90", "10"), total=("110", "100", "11"))), tables(t1=T1(), t2=T2(total=("110", "100", "10")))),
    "X-T1-T3": (tables(t1=T1(), t3=T3(r208="9", total="109")), tables(t1=T1(), t3=T3())),
    "T4-ROW-SUM": (tables(t4=T4(expenditure={"201": {"合计": "101", "一般": "100"}})), tables(t4=T4())),
    "T4-INCOME-SUM": (tables(t4=T4(income_this_year="101")), tables(t4=T4())),
    "T4-BALANCE-SPLIT": (tables(t4=T4(opening={"一般": "5"})), tables(t4=T4())),
    "T4-TOTAL": (tables(t4=T4(income_total="101")), tables(t4=T4())),
    "T4-BALANCE": (tables(t4=T4(closing={"一般": "1"}, closing_total="1", expenditure_total="101")), tables(t4=T4())),
    "T4-FUND-BALANCE": (tables(t4=T4(closing={"一般": "3"}, closing_total=None)), tables(t4=T4())),
    "X-T1-T4": (tables(t1=T1(), t4=T4(income={"一般": "99"})), tables(t1=T1(), t4=T4())),
    "X-T4-T5": (tables(t4=T4(), t5=T5(total=("99", "99", "0"))), tables(t4=T4(), t5=T5())),
    "X-T4-T7": (tables(t4=T4(income={"一般": "100", "基金": "0"}), t7=fund("T7")),
                tables(t4=T4(income={"一般": "100", "基金": "5"}, expenditure_this_year={"合计": "105", "一般": "100", "基金": "5"}), t7=fund("T7"))),
    "X-T4-T8": (tables(t4=T4(income={"一般": "100", "国资": "0"}), t8=fund("T8")),
                tables(t4=T4(income={"一般": "100", "国资": "5"}, expenditure_this_year={"合计": "105", "一般": "100", "国资": "5"}), t8=fund("T8"))),
    "X-T3-T5": (tables(t3=T3(), t5=T5(rows=[("201", "一般公共服务支出", gen("110", "110"))], total=("110", "110", "0"))),
                tables(t3=T3(), t5=T5(rows=[("201", "一般公共服务支出", gen("100", "100"))]))),
    "X-T3-T4-NONFISCAL": (tables(t3=T3(r201="82", total="90"), t4=T4()), tables(t3=T3(), t4=T4())),
    "T6-CLASS-SUM": (tables(t6=T6(c301="55", personnel="55")), tables(t6=T6())),
    "T6-PERSONNEL": (tables(t6=T6(personnel="60")), tables(t6=T6())),
    "T6-PUBLIC": (tables(t6=T6(public="25")), tables(t6=T6())),
    "X-T5-T6": (tables(t5=T5(rows=[], total=("75", "75", "0")), t6=T6()), tables(t5=T5(rows=[], total=("70", "70", "0")), t6=T6())),
    "X-T5-T6-ECON": (tables(t5=T5(rows=[("2210201", "住房公积金", gen("25", "25"))], total=("25", "25", "0")),
                            t6=T6(c301="70", extra=[("30113", "住房公积金", {"决算数": "20"})], personnel="70")),
                     tables(t5=T5(rows=[("2210201", "住房公积金", gen("20", "20"))], total=("20", "20", "0")),
                            t6=T6(c301="70", extra=[("30113", "住房公积金", {"决算数": "20"})], personnel="70"))),
    "T9-SUM": (tables(t9=T9(合计="11")), tables(t9=T9())),
    "T9-VEHICLE-SUM": (tables(t9=T9(公务用车运行维护费="7")), tables(t9=T9())),
    "X-T6-T9": (tables(t6=T6(extra=[("30217", "公务接待费", {"决算数": "1"})]), t9=T9()),
                tables(t6=T6(extra=[("30217", "公务接待费", {"决算数": "0"})]), t9=T9())),
    "T-FUND-ROW": (tables(t7=fund("T7", 年末结转和结余="1")), tables(t7=fund("T7"))),
    "T-ISSUER-BLANK": (tables(t1=T1(), issuers={"T1": ""}), tables(t1=T1(), issuers={"T1": "测试单位"})),
    "T-UNIT-MISSING": (tables(t1=T1(), t3=T3(), t5=T5(), units={"T1": "万元", "T3": "万元", "T5": ""}),
                       tables(t1=T1(), t3=T3(), t5=T5(), units={"T1": "万元", "T3": "万元", "T5": "万元"})),
    "X-FISCAL-SPENDING": (tables(t2=ALL_FISCAL_T2, t3=T3(), t4=T4(expenditure={"208": {"合计": "8", "一般": "8"}})),
                          tables(t2=ALL_FISCAL_T2, t3=T3(), t4=T4())),
}

# --------------------------------------------------------------------------- narrative


def with_tables(*items: str, **kw) -> Callable[[], Disclosure]:
    return lambda: doc(*said(*items), tables=Tables(**kw))


def saying(*items: str, text: str = "", **kw) -> Callable[[], Disclosure]:
    return lambda: doc(*said(*items), text=text, **kw)


_COMPLETION = ("五、一般公共预算财政拨款支出决算情况说明\n"
               "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成{}预算的95.89%。")


def completion(which: str) -> Callable[[], Disclosure]:
    return lambda: read(_COMPLETION.format(which))


T3N = coded("T3", T3_COLUMNS, [], total=spend("100", "60", "40"))
T5I = T5(rows=[("201", "一般公共服务支出", gen("105", "105")), ("2010301", "行政运行", gen("100", "100")), ("2010302", "一般行政管理事务", gen("5", "5"))],
         total=("105", "105", "0"))
T5P = T5(rows=[("201", "一般公共服务支出", gen("100", "100")), ("2010301", "行政运行", gen("100", "100")), ("2010350", "事业运行", gen("0", "0"))])
ZERO_INCOME = ("收入.上级补助收入.占比 0.00", "收入.事业收入.占比 0.00", "收入.经营收入.占比 0.00", "收入.附属单位上缴收入.占比 0.00")

EXAMPLES.update({
    "N-OVERALL": (with_tables("收入总计 116", t1=T1()), with_tables("收入总计 115", t1=T1())),
    "N-INCOME": (with_tables("收入.其他收入 11", t1=T1()), with_tables("收入.其他收入 10", t1=T1())),
    "N-EXPENDITURE": (with_tables("支出.基本支出 61", t3=T3N), with_tables("支出.基本支出 60", t3=T3N)),
    "N-FISCAL": (with_tables("财政拨款收入总计 101", t4=T4()), with_tables("财政拨款收入总计 100", t4=T4())),
    "N-GENERAL": (with_tables("一般公共预算财政拨款支出 99", t5=T5()), with_tables("一般公共预算财政拨款支出 100", t5=T5())),
    "N-CLASS": (with_tables("类.201 90", t5=T5()), with_tables("类.201 100", t5=T5())),
    "N-ITEM": (with_tables("项.2010301 90", t5=T5()), with_tables("项.2010301 100", t5=T5())),
    "N-BASIC": (with_tables("人员经费 51", t6=T6()), with_tables("人员经费 50", t6=T6())),
    "N-SANGONG": (with_tables("三公.合计 11", t9=T9()), with_tables("三公.合计 10", t9=T9())),
    "N-ITEM-MISSING": (with_tables("项.2010301 100", t5=T5I), with_tables("项.2010301 100", "项.2010302 5", t5=T5I)),
    "N-ITEM-NAME": (lambda: doc(*said("项.2010301 100"), text="2.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政事务（项）:支出决算数为5.00万元。",
                                tables=Tables(t5=T5I)),
                    lambda: doc(*said("项.2010301 100", "项.2010302 5"), tables=Tables(t5=T5I))),
    "N-CODE-NAME": (lambda: doc(text="名词解释\n1.机关行政运行（2010301）：反映行政单位的基本支出。", tables=Tables(t5=T5I)),
                    lambda: doc(text="名词解释\n1.行政运行（2010301）：反映行政单位的基本支出。", tables=Tables(t5=T5I))),
    "W-TYPO": (lambda: doc(text="负责征收集体士地房屋补偿工作。"), lambda: doc(text="负责征收集体土地房屋补偿工作，维护护士地位。")),
    "N-ITEM-MISSING-PRIOR": (lambda: doc(*said("项.2010301 100"), tables=Tables(t5=T5P), prior={"项.2010350": "10"}),
                             lambda: doc(*said("项.2010301 100", "项.2010350 0"), tables=Tables(t5=T5P), prior={"项.2010350": "10"})),
    "N-TOTALS-SUM": (saying("收入总计 115", "本年收入合计 110", "使用非财政拨款结余 0", "年初结转和结余 6"),
                     saying("收入总计 115", "本年收入合计 110", "使用非财政拨款结余 0", "年初结转和结余 5")),
    "N-INCOME-SUM": (saying("本年收入合计 110", "收入.财政拨款收入 100", "收入.其他收入 11"), saying("本年收入合计 110", "收入.财政拨款收入 100", "收入.其他收入 10")),
    "N-EXPENDITURE-SUM": (saying("本年支出合计 100", "支出.基本支出 60", "支出.项目支出 41"), saying("本年支出合计 100", "支出.基本支出 60", "支出.项目支出 40")),
    "N-FISCAL-SUM": (saying("财政拨款收入总计 100", "年初财政拨款结转和结余 0", "本年财政拨款收入 99"),
                     saying("财政拨款收入总计 100", "年初财政拨款结转和结余 0", "本年财政拨款收入 100")),
    "N-CLASS-SUM": (saying("一般公共预算财政拨款支出 100", "类.201 90", "类.208 20"), saying("一般公共预算财政拨款支出 100", "类.201 80", "类.208 20")),
    "N-ITEM-UNLISTED": (saying("类.201 100", "项.2010301 90"), saying("类.201 100", "项.2010301 100")),
    "N-BASIC-ITEMS": (lambda: doc(text="人员经费50万元，包括：基本工资、住房公积金。公用经费20万元，包括：办公费。", tables=Tables(t6=T6())),
                      lambda: doc(text="人员经费50万元，包括：基本工资。公用经费20万元，包括：办公费。", tables=Tables(t6=T6()))),
    "N-BASIC-SUM": (saying("一般公共预算财政拨款基本支出 100", "人员经费 80", "公用经费 30"), saying("一般公共预算财政拨款基本支出 100", "人员经费 70", "公用经费 30")),
    "N-SHARE": (saying("本年收入合计 200", "收入.财政拨款收入 150", "收入.财政拨款收入.占比 70.00"),
                saying("本年收入合计 200", "收入.财政拨款收入 150", "收入.财政拨款收入.占比 75.00")),
    "N-SHARES-TOTAL": (saying("收入.财政拨款收入.占比 90.00", "收入.其他收入.占比 5.00", *ZERO_INCOME),
                       saying("收入.财政拨款收入.占比 95.00", "收入.其他收入.占比 5.00", *ZERO_INCOME)),
    "N-YOY-PCT": (saying("机关运行经费 100", "机关运行经费.增减 -20", "机关运行经费.增减率 -10.00"),
                  saying("机关运行经费 100", "机关运行经费.增减 -20", "机关运行经费.增减率 -16.67")),
    "N-ZERO-BASE": (saying("项.2010302 9.46", "项.2010302.增减 9.46", "项.2010302.增减率 50.00"),
                    saying("项.2010302 9.46", "项.2010302.增减 9.46", "项.2010302.增减率 100.00")),
    "N-YOY-DELTA": (saying("一般公共预算财政拨款支出.增减 -10", "项.2010301.增减 -5", "项.2010302.增减 -3"),
                    saying("一般公共预算财政拨款支出.增减 -10", "项.2010301.增减 -7", "项.2010302.增减 -3")),
    "N-BUDGET-GAP": (saying("财政拨款收支总计 1693.16", "财政拨款收支总计.年初预算 1753.38", "财政拨款收支总计.预决算差异率 -3.50"),
                     saying("财政拨款收支总计 1693.16", "财政拨款收支总计.年初预算 1753.38", "财政拨款收支总计.预决算差异率 -3.43")),
    "N-BUDGET-DIFF": (saying("三公.公务接待费 5.21", "三公.公务接待费.全年预算 14.90", "三公.公务接待费.预决算差额 -0.10"),
                      saying("三公.公务接待费 5.21", "三公.公务接待费.全年预算 14.90", "三公.公务接待费.预决算差额 -9.69")),
    "N-ZERO-BUDGET": (saying("三公.公务接待费 1.00", "三公.公务接待费.全年预算 0", "三公.公务接待费.预决算差异率 100.00"),
                      saying("三公.公务接待费 0.00", "三公.公务接待费.全年预算 0", "三公.公务接待费.预决算差异率 0.00")),
    "N-COMPLETION": (saying("一般公共预算财政拨款支出 95", "一般公共预算财政拨款支出.全年预算 100", "一般公共预算财政拨款支出.完成率 90.00"),
                     saying("一般公共预算财政拨款支出 95", "一般公共预算财政拨款支出.全年预算 100", "一般公共预算财政拨款支出.完成率 95.00")),
    "N-COMPLETION-BASE": (completion("年初"), completion("全年")),
    "N-SANGONG-SUM": (saying("三公.合计 10", "三公.因公出国（境）费 2", "三公.公务用车购置及运行维护费 9", "三公.公务接待费 0"),
                      saying("三公.合计 10", "三公.因公出国（境）费 2", "三公.公务用车购置及运行维护费 8", "三公.公务接待费 0")),
    "N-SANGONG-COUNT": (saying("三公.公务接待费 0", "三公.接待批次 2 批次", "三公.接待人次 10 人次"),
                        saying("三公.公务接待费 0", "三公.接待批次 0 批次", "三公.接待人次 0 人次")),
    "N-VEHICLES": (saying("三公.保有车辆 17 辆", "三公.固定资产车辆 18 辆"), saying("三公.保有车辆 17 辆", "三公.固定资产车辆 17 辆")),
    "N-OPERATING-COST": (saying("机关运行经费 100", "公用经费 90"), saying("机关运行经费 100", "公用经费 100")),
    "N-PROCUREMENT": (saying("政府采购.总额 100", "政府采购.货物 50", "政府采购.服务 60"), saying("政府采购.总额 100", "政府采购.货物 50", "政府采购.服务 50")),
    "N-ASSETS": (saying("资产.车辆 10 辆", "资产.车辆.其他用车 9 辆"), saying("资产.车辆 10 辆", "资产.车辆.其他用车 10 辆")),
    "N-STAFF-SUM": (saying("人员.实有 98 人", "人员.在职 45 人", "人员.离休 1 人", "人员.退休 50 人"),
                    saying("人员.实有 98 人", "人员.在职 45 人", "人员.离休 1 人", "人员.退休 52 人")),
    "N-STAFF-PARTS": (lambda: doc(text="财政供养人员共计9,244人。其中：行政编制1,845人，事业编制7,399人，离退休人员1,206人。"),
                      lambda: doc(text="财政供养人员共计10,450人。其中：行政编制1,845人，事业编制7,399人，离退休人员1,206人。")),
    "N-PERFORMANCE": (saying("绩效.整体.全年预算 1787.23", "收入总计 1787.00"), saying("绩效.整体.全年预算 1787.23", "收入总计 1787.23")),
    "N-REPEAT": (saying("机关运行经费 100", "机关运行经费 101"), saying("机关运行经费 100", "机关运行经费 100")),
    "N-ORG-COUNT": (lambda: doc(text="本单位设立 1 个内设机构，分别是：办公室、行政审批改革科、行政审批业务科。"),
                    lambda: doc(text="本单位共设 3 个职能科室，分别是：办公室、\n审批科（加挂服务办牌子）和业务科。")),
})

# --------------------------------------------------------------------------- completeness and wording

TOPICS = ("一、主要职能。二、机构设置及人员情况。一、收入支出决算总体情况说明。二、收入决算情况说明。三、支出决算情况说明。"
          "四、财政拨款收入支出决算总体情况说明。五、一般公共预算财政拨款支出决算情况说明。六、一般公共预算财政拨款基本支出决算情况说明。"
          "七、政府性基金预算财政拨款收入支出决算情况说明。八、国有资本经营预算财政拨款收入支出决算情况说明。九、财政拨款“三公”经费支出决算情况说明。"
          "十、其他重要事项的情况说明（一）机关运行经费（二）政府采购情况（三）国有资产占用情况。十一、预算绩效情况说明。")
GLOSSARY = "第三部分 专业名词解释"
TABLE_LIST = ("《收入支出决算总表》《收入决算表》《支出决算表》《财政拨款收入支出决算总表》《一般公共预算财政拨款支出决算表》"
              "《一般公共预算财政拨款基本支出决算表》《政府性基金预算财政拨款收入支出决算表》《国有资本经营预算财政拨款收入支出决算表》"
              "《财政拨款“三公”经费支出决算表》")
EMPTY_T7 = "本单位本年度无政府性基金预算财政拨款收入、支出及结转和结余，政府性基金预算财政拨款收入支出决算表为空表。"
ZERO_T7 = fund("T7", 本年收入="0", 本年支出合计="0", 项目支出="0")
ZERO_T9 = t9({k: "0" for k in SG}, {k: "0" for k in SG})


def text(body: str, **kw) -> Callable[[], Disclosure]:
    return lambda: doc(text=body, **kw)


def titled(name: str, body: str) -> Callable[[], Disclosure]:
    """A text under a title naming the unit (the name the text is held to)."""
    return lambda: replace(doc(text=body), unit=Unit(name=name, year=2024))


def partial(body: str, why: str) -> Callable[[], Disclosure]:
    """A text identified as an excerpt (``why``: how it was seen to be incomplete)."""
    from juesuan.core.identity import Identity

    return lambda: doc(text=body, identity=Identity(partial=why))


EXAMPLES.update({
    "C-PARTIAL": (partial(TOPICS[:80], "文件不完整：正文在句子中间结束"), text(TOPICS + GLOSSARY)),
    "C-SECTION-MISSING": (text(TOPICS.replace("（二）政府采购情况", "") + GLOSSARY), text(TOPICS + GLOSSARY)),
    "C-GLOSSARY-MISSING": (text(TOPICS), text(TOPICS + GLOSSARY)),
    "C-TABLE-MISSING": (text(TOPICS, tables=Tables(t7=ZERO_T7)), text(TOPICS + "第四部分 部门决算报表（见附表）" + TABLE_LIST, tables=Tables(attached=True))),
    "C-TABLE-UNREAD": (text(TOPICS + TABLE_LIST), text(TOPICS + TABLE_LIST, tables=Tables(attached=True))),
    "C-EMPTY-TABLE-STATEMENT": (text(TOPICS, tables=Tables(t7=ZERO_T7)), text(TOPICS + EMPTY_T7, tables=Tables(t7=ZERO_T7))),
    "C-SANGONG-DETAILS": (text("九、财政拨款“三公”经费支出决算情况说明。因公出国（境）费支出2.46万元。"),
                          text("九、财政拨款“三公”经费支出决算情况说明。因公出国（境）团组1个，1人次。公务用车购置数0辆，公务用车保有量17辆。国内公务接待0批次，0人次。")),
    "C-SANGONG-ZERO": (text("九、财政拨款“三公”经费支出决算情况说明。", tables=Tables(t9=ZERO_T9)),
                       text("九、财政拨款“三公”经费支出决算情况说明。本单位本年度无“三公”经费支出。", tables=Tables(t9=ZERO_T9))),
    "W-EDITOR-QUESTION": (text("推动工作。补充开展党纪学题教育情况？切实把对党忠诚体现在岗位上。"), text("推动工作。切实把对党忠诚体现在岗位上。")),
    "W-QUESTION-MARK": (text("公务用车运行维护费开支内容包括车辆加油费、维修维?费。"), text("公务用车运行维护费开支内容包括车辆加油费、维修维护费。")),
    "W-TEMPLATE-REMNANT": (text("主要原因：人员减少。（如持平作持平表述）"), text("主要原因：人员减少。")),
    "W-PLACEHOLDER": (text("上海市XX局2024年度部门决算"), text("上海市普陀区财政局2024年度部门决算")),
    "W-DOUBLE-PUNCT": (text("造成绩效管理工作档案缺失。。下一步改进措施：一是……"), text("造成绩效管理工作档案缺失。下一步改进措施：一是……")),
    "W-CLASS-NAME": (text("支出按功能科目分类:一般公共服务支出4607.05万元,社会保障和服务支出54.59万元。"),
                     text("支出按功能科目分类:一般公共服务支出4607.05万元,社会保障和就业支出54.59万元。")),
    "W-OUTDATED-NAME": (text("社会保障和就业支出(类)行政事业单位离退休(款)"), text("社会保障和就业支出(类)行政事业单位养老支出(款)")),
    "W-UNIT": (text("住房公积金3.58元，其他支出11.90万元。"), text("住房公积金3.58万元，其他支出11.90万元。")),
    "W-TEMPLATE-CHOICE": (text("“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降（增长）27.78%。"),
                          text("“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降27.78%。")),
    "W-PERCENT-SIGN": (text("一般公共预算财政拨款支出增加1193.20万元，增长13.95。"), text("一般公共预算财政拨款支出增加1193.20万元，增长13.95%。")),
    "W-PAREN": (text("平均得分99.33分（其中，绩效评级为“优”的项目39个。"), text("平均得分99.33分（其中，绩效评级为“优”的项目39个）。")),
    "W-DEPT-NAME": (titled("上海市普陀区规划和自然资源局", "2024年，上海市普陀区规划与自然资源局所属各预算单位公务用车保有量为0辆。"),
                    titled("上海市普陀区规划和自然资源局", "2024年，上海市普陀区规划和自然资源局所属各预算单位公务用车保有量为0辆。")),
})

# --------------------------------------------------------------------------- 项 paths and purposes (说明五（三）)

ADMIN_ITEM = "2、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）。主要用于：{}。"
PROJECT_ONLY = T5(rows=[("201", "一般公共服务支出", gen("5", "0", "5")),
                        ("2010302", "一般行政管理事务", {"合计": "5", "基本支出": None, "项目支出": "5"})], total=("5", "0", "5"))

EXAMPLES.update({
    "N-ITEM-UNKNOWN": (text("12、住房保障支出（类）住房保障支出（款）住房公积金（项）。主要用于：住房公积金支出。"),
                       text("12、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：住房公积金支出。")),
    "N-ITEM-PURPOSE": (text("8、住房保障支出（类）住房改革支出（款）住房公积金（项）。\n主要用于：事业单位医疗保险支出。"),
                       text("8、住房保障支出（类）住房改革支出（款）住房公积金（项）。\n主要用于：事业单位住房公积金支出。")),
    "N-ITEM-KIND": (text(ADMIN_ITEM.format("业务宣传等基本支出"), tables=Tables(t5=PROJECT_ONLY)),
                    text(ADMIN_ITEM.format("业务宣传等项目支出"), tables=Tables(t5=PROJECT_ONLY))),
})



# --------------------------------------------------------------------------- across documents

def across(this: Callable[[], Disclosure], **others: Callable[[], Disclosure] | tuple) -> Callable[[], tuple]:
    """This year's document with the other documents of the unit (``builders.check`` prepares them)."""
    def build():
        built = {k: (tuple(f() for f in v) if isinstance(v, tuple) else v()) for k, v in others.items()}
        return (this(), built)
    return build


LAST_YEAR = with_tables(t1=T1(income_total="98", expenditure_total="98", income_this_year="98",
                              income={"一般公共预算财政拨款收入": "90", "其他收入": "8"}, opening_balance="0",
                              expenditure_this_year="98", expenditure={"201": "90", "208": "8"}, closing_balance="0"))
THIS_YEAR_SAYS = lambda prior: saying("收支总计 115", f"收支总计.增减 {115 - prior}")  # noqa: E731
BUDGET_DOC = with_tables(t1=T1())  # its 本年收入合计 110 is this year's budget
UNIT_A = with_tables(t1=T1(income_total="60", expenditure_total="60", income_this_year="55", opening_balance="5",
                           income={"一般公共预算财政拨款收入": "50", "其他收入": "5"}, expenditure_this_year="55",
                           expenditure={"201": "50", "208": "5"}, closing_balance="5"))
UNIT_B = lambda spent: with_tables(t1=T1(income_total="55", expenditure_total="55", income_this_year="55", opening_balance="0",  # noqa: E731
                                         income={"一般公共预算财政拨款收入": "50", "其他收入": "5"}, expenditure_this_year=spent,
                                         expenditure={"201": "50", "208": "3"}, closing_balance="2"))

EXAMPLES.update({
    "X-PRIOR-YEAR": (across(THIS_YEAR_SAYS(90), prior=LAST_YEAR), across(THIS_YEAR_SAYS(98), prior=LAST_YEAR)),
    "X-PRIOR-SUMMARY": (across(THIS_YEAR_SAYS(98), prior=LAST_YEAR), THIS_YEAR_SAYS(98)),
    "X-BUDGET": (across(saying("本年收入合计 110", "本年收入合计.年初预算 100"), budget=BUDGET_DOC),
                 across(saying("本年收入合计 110", "本年收入合计.年初预算 110"), budget=BUDGET_DOC)),
    "X-BUDGET-SUMMARY": (across(saying("本年收入合计 110", "本年收入合计.年初预算 110"), budget=BUDGET_DOC),
                         saying("本年收入合计 110", "本年收入合计.年初预算 110")),
    "X-MEMBERS": (across(with_tables(t1=T1()), members=(UNIT_A, UNIT_B("50"))),
                  across(with_tables(t1=T1()), members=(UNIT_A, UNIT_B("53")))),
    "X-MEMBERS-SUMMARY": (across(with_tables(t1=T1()), members=(UNIT_A, UNIT_B("53"))), with_tables(t1=T1())),
    "X-UNIT-MATCH": (across(THIS_YEAR_SAYS(98), prior=lambda: replace(LAST_YEAR(), unit=Unit(name="测试与评估单位", year=2023))),
                     across(THIS_YEAR_SAYS(98), prior=LAST_YEAR)),
})


# --------------------------------------------------------------------------- headings, 目录, terms

def with_toc(*entries: str, body: str = "第一部分 部门概况\n一、部门职责\n负责财政工作。") -> Callable[[], Disclosure]:
    """A text whose first lines are a 目录 (``Identity.toc_lines`` set as the reader sets it)."""
    from juesuan.core.identity import Identity

    lines = ["目录", *entries]
    return lambda: doc(text="\n".join(lines + [body]), identity=Identity(toc_lines=(0, len(lines)), toc=True))


TOC_OK = ("第一部分 部门概况", "第二部分 部门决算表", "一、收入支出决算总表", "二、收入决算表", "三、支出决算表",
          "第三部分 部门决算情况说明")

EXAMPLES.update({
    "W-HEADING-FORM": (text("第二部分 部门决算情况说明\n、收入决算情况说明\n本年收入10.00万元。"),
                       text("第二部分 部门决算情况说明\n一、收入决算情况说明\n本年收入10.00万元。")),
    "W-TABLE-NAME": (with_toc("第一部分 部门概况", "第二部分 部门决算表", "一、收入支出决算总表", "二、收入决算", "三、支出决算表"),
                     with_toc(*TOC_OK)),
    "W-TOC-ITEM": (with_toc("第一部分 部门概况", "第二部分 部门决算表", "一、收入决算情况说明", "二、收入决算表", "三、支出决算表"),
                   with_toc(*TOC_OK)),
    "W-TOC-PAGES": (with_toc("第一部分 部门概况……1", "第二部分 部门决算表……5", "第三部分 部门决算情况说明……3", "第四部分 名词解释……9"),
                    with_toc("第一部分 部门概况……1", "第二部分 部门决算表……3", "第三部分 部门决算情况说明……5", "第四部分 名词解释……9")),
    "W-HEADING-TYPO": (text("第一部分 部门概括\n一、部门职责\n负责财政工作。"), text("第一部分 部门概况\n一、部门职责\n负责财政工作。")),
    "W-TERM-BROKEN": (text("2022年度般公共预算财政拨款“三公”经费支出决算数小于年初预算数。"),
                      text("2022年度一般公共预算财政拨款“三公”经费支出决算数小于年初预算数。")),
    "W-PUNCT-SLIP": (text("公务接待费支出0.50万元，比上年减少0.10万元。其中。国内公务接待0.50万元。"),
                     text("公务接待费支出0.50万元，比上年减少0.10万元。其中：国内公务接待0.50万元。")),
})


# --------------------------------------------------------------------------- words against figures, years, 三公 cells

GENERAL = "五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出年初预算为100.00万元，支出决算为95.00万元，完成年初预算的95.00%。"
FISCAL = "四、财政拨款收入支出决算总体情况说明\n2024年度财政拨款收入总计1516.64万元，与上年相比减少58.49万元，{}3.71%。"
BLANK_T9 = t9(SG, {**SG, "公务接待费": None})

EXAMPLES.update({
    "N-BUDGET-WORDS": (lambda: read(GENERAL + "决算数大于预算数的主要原因：人员增加。"),
                       lambda: read(GENERAL + "决算数小于预算数的主要原因：人员减少。")),
    "N-YOY-WORDS": (lambda: read(FISCAL.format("增长")), lambda: read(FISCAL.format("下降"))),
    "N-YEAR": (text("现将本单位2023年度部门决算公开如下。"), text("现将本单位2024年度部门决算公开如下。")),
    "N-YEAR-MISSING": (text("第二部分度部门决算情况说明"), text("第二部分2024年度部门决算情况说明")),
    "N-SANGONG-BLANK": (with_tables("三公.公务接待费 1.00", t9=BLANK_T9), with_tables("三公.公务接待费 0.00", t9=BLANK_T9)),
})

# --------------------------------------------------------------------------- budgets (部门预算)


def budget(*items: str, text: str = "") -> Callable[[], Disclosure]:
    """A 2024 budget whose 说明 states ``items`` (and says ``text``)."""
    from juesuan.core.identity import Identity
    return lambda: doc(*said(*items), text=text, identity=Identity(kind="预算", year=2024))


def budget_text(body: str) -> Callable[[], Disclosure]:
    """A 2024 budget whose 说明 is ``body`` as the phrasebook reads it."""
    from juesuan.core.identity import Identity
    return lambda: read(body, identity=Identity(kind="预算", year=2024))


EXAMPLES.update({
    "N-VEHICLE-COST": (budget("资产.车辆 0 辆", "三公.公务用车运行维护费 32.20"), budget("资产.车辆 2 辆", "三公.公务用车运行维护费 32.20")),
    "N-PLAN-YEAR": (budget_text("公务用车购置费0万元，主要原因是2023年无公车购置计划。"),
                    budget_text("公务用车购置费0万元，主要原因是2024年无公车购置计划。")),
    "N-DELTA-SUM": (budget("本年财政拨款支出.增减 115649", "一般公共预算财政拨款支出.增减 -5965", "政府性基金预算财政拨款支出.增减 119614"),
                    budget("本年财政拨款支出.增减 113649", "一般公共预算财政拨款支出.增减 -5965", "政府性基金预算财政拨款支出.增减 119614")),
    "W-CHART-PLACEHOLDER": (text("预算收入构成情况\n财政拨款 44.12%\n使用非财政拨款结余 [值]"),
                            text("预算收入构成情况\n财政拨款 44.12%\n使用非财政拨款结余 3.86%")),
})


# --------------------------------------------------------------------------- 绩效目标表


def ind(level1: str, level2: str, name: str, target: str, unit: str = "", weight: str = "10"):
    from decimal import Decimal
    from juesuan.core.model import GoalIndicator
    comparator = target[0] if target[:1] in "≥≤=" else ""
    return GoalIndicator(level1=level1, level2=level2, name=name, comparator=comparator, value=target[len(comparator):],
                         unit=unit, weight=Decimal(weight))


OUTPUT = ind("产出指标", "数量指标", "培训人次", "≥350", "人次")
OUTCOME = ind("效益指标", "社会效益指标", "受训人员业务能力", "有效提升")
SATISFIED = ind("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90", "%")


def goals(*indicators, amount: str = "100", count: int = 1, stated: tuple[str, ...] = ()) -> Callable[[], Disclosure]:
    """A budget with ``count`` project 绩效目标表 of ``indicators`` (``amount`` 万元 each)."""
    from decimal import Decimal
    from juesuan.core.identity import Identity
    from juesuan.core.model import Goal, Goals
    tables = tuple(Goal(kind="项目", name=f"培训项目{i + 1}", indicators=tuple(indicators), amount=Decimal(amount))
                   for i in range(count))
    return lambda: doc(*said(*stated), goals=Goals(tables=tables), identity=Identity(kind="预算", year=2024))


EXAMPLES.update({
    "G-DIMENSIONS": (goals(OUTPUT, OUTCOME), goals(OUTPUT, OUTCOME, SATISFIED)),
    "G-COST-BOUND": (goals(OUTPUT, OUTCOME, SATISFIED, ind("成本指标", "经济成本指标", "人均培训成本", "=600", "元")),
                     goals(OUTPUT, OUTCOME, SATISFIED, ind("成本指标", "经济成本指标", "人均培训成本", "≤600", "元"))),
    "G-UNIT": (goals(ind("产出指标", "数量指标", "培训人次", "≥350"), OUTCOME, SATISFIED), goals(OUTPUT, OUTCOME, SATISFIED)),
    "G-MEASURABLE": (goals(ind("产出指标", "数量指标", "培训覆盖面", "提高"), OUTCOME, SATISFIED), goals(OUTPUT, OUTCOME, SATISFIED)),
    "G-TABLE-MISSING": (budget_text("七、绩效目标\n详见单位的项目绩效目标表"),
                        budget_text("七、绩效目标\n详见单位的项目绩效目标表\n财政项目支出绩效目标申报表")),
    "G-COUNT": (goals(OUTPUT, OUTCOME, SATISFIED, count=2, stated=("绩效.项目数 3 个",)),
                goals(OUTPUT, OUTCOME, SATISFIED, count=2, stated=("绩效.项目数 2 个",))),
})
