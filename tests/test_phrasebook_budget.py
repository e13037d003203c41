"""A budget's 说明 read into the 决算's keys (phrasebook.patterns_budget, the budget headings), with
the real sentences of the corpus budgets."""

from __future__ import annotations

from decimal import Decimal

from juesuan.core.model import YEAR, Span
from juesuan.core.profiles import load_profile
from juesuan.phrasebook.parse import parse_narrative

D = Decimal


def parsed(*lines: str, budget: bool = True):
    """Read as a budget is read (a budget's profile: its own clauses; "比2025年预算" is its change), or,
    ``budget=False``, as a 决算 is."""
    profile = load_profile("national-yusuan") if budget else None
    return parse_narrative([(t, Span(file="说明.txt", line=i + 1)) for i, t in enumerate(lines)], profile,
                           code_year=2026).narrative


def stated(*lines: str, budget: bool = True) -> dict[str, list[Decimal]]:
    out: dict[str, list[Decimal]] = {}
    for s in parsed(*lines, budget=budget).statements:
        out.setdefault(s.key, []).append(s.value)
    return out


def test_shanghai_totals_and_fund_lines():
    v = stated("2026年部门预算编制说明",
               "2026年，上海市普陀区建设和管理委员会收入预算328,661万元，其中：财政拨款收入328,661万元，比2025年预算增加115,649万元；"
               "事业收入0万元；事业单位经营收入0万元；其他收入0万元。",
               "支出预算328,661万元，其中：财政拨款支出预算328,661万元，比2025年预算增加115,649万元。财政拨款支出预算中，"
               "一般公共预算拨款支出预算49,376万元，比2025年预算减少5,965万元；政府性基金拨款支出预算279,285.70万元，"
               "比2025年预算增加119,614万元；国有资本经营预算拨款支出预算0万元，与2025年预算持平。")
    assert v["收入总计"] == [D("328661")] and v["支出总计"] == [D("328661")]
    assert v["收入.财政拨款收入.增减"] == [D("115649")]
    assert v["本年财政拨款支出"] == [D("328661")] and v["本年财政拨款支出.增减"] == [D("115649")]
    assert v["一般公共预算财政拨款支出"] == [D("49376")] and v["一般公共预算财政拨款支出.增减"] == [D("-5965")]
    assert v["政府性基金预算财政拨款支出.增减"] == [D("119614")]
    assert v["国有资本经营预算财政拨款支出"] == [D("0")]


def test_item_lines_with_quotes_and_shanghai_sangong_names():
    v = stated("财政拨款支出主要内容如下：",
               "2.“文化旅游体育与传媒支出(类)文化和旅游(款)图书馆(项)”3,095.31万元，主要用于区图书馆日常运转。",
               "一、2026年“三公”经费预算情况说明",
               "2026年“三公”经费预算数为114.22万元，比2025年预算增加27万元。其中：",
               "（二）公务用车购置及运行费113.76万元，比2025年预算增加27万元。其中：公务用车购置费75万元；公务用车运行费38.76万元。")
    assert v["项.2070104"] == [D("3095.31")]
    assert v["三公.合计"] == [D("114.22")] and v["三公.合计.增减"] == [D("27")]
    assert v["三公.公务用车购置及运行维护费"] == [D("113.76")]
    assert v["三公.公务用车购置费"] == [D("75")] and v["三公.公务用车运行维护费"] == [D("38.76")]


def test_cars_to_buy_are_not_the_cars_held():
    v = stated("五、国有资产占有使用情况",
               "截至2025年8月31日，普陀区城市管理行政执法局共有车辆63辆，其中：部级领导干部用车0辆、执法执勤用车63辆；"
               "单价100万元（含）以上设备（不含车辆）2台（套）。",
               "2026年部门预算安排购置车辆5辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、执法执勤用车5辆；"
               "部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。")
    assert v["资产.车辆"] == [D("63")] and v["资产.车辆.执法执勤用车"] == [D("63")]
    assert v["资产.拟购车辆"] == [D("5")] and v["资产.拟购车辆.执法执勤用车"] == [D("5")]
    assert v["资产.大型设备"] == [D("2")] and v["资产.拟购设备"] == [D("0")]


def test_budget_headings_name_topics_under_an_untopical_heading():
    n = parsed("三、部门预算情况说明", "（一）收支预算情况说明",
               "我校2021年收支总预算490,808.40万元，其中本年收入预算390,140.45万元，使用非财政拨款结余18,953.73万元，"
               "上年结转81,714.17万元；本年支出预算415,808.40万元，结转下年75,000.00万元。",
               "（二）收入预算情况说明",
               "我校2021年收入预算490,808.40万元，其中：一般公共预算拨款收入216,552.53万元，占总收入的44.12%。")
    v = {s.key: s for s in n.statements}
    assert v["收支总计"].value == D("490808.40") and v["本年收入合计"].value == D("390140.45")
    assert v["年初结转和结余"].value == D("81714.17") and v["年末结转和结余"].value == D("75000.00")
    share = v["收入.一般公共预算财政拨款收入.占比"]
    assert share.value == D("44.12") and share.basis == "收入总计"  # the base its words name


def test_a_sentence_opening_with_its_comparison_goes_on_about_the_last_subject():
    v = stated("三、财政拨款情况说明",
               "其中：基本支出5,362.42万元，比2025年减少5,371.59万元；项目支出148,941.8万元，主要用于创新平台等。"
               "比2025年增加8,385.34万元。")
    assert v["一般公共预算财政拨款项目支出.增减"] == [D("8385.34")]
    assert v["一般公共预算财政拨款基本支出.增减"] == [D("-5371.59")]


def test_performance_goal_counts():
    v = stated("四、绩效目标设置情况", "2025年度，本单位编报绩效目标的项目共12个，涉及项目预算资金4,222.51万元。")
    assert v["绩效.项目数"] == [D("12")] and v["绩效.项目.全年预算"] == [D("4222.51")]


def test_plan_years_are_claims_and_past_plans_are_not():
    n = parsed("（二）公务用车购置及运行费9.38万元，与2025年预算持平。其中：公务用车购置费0万元，主要原因是2025年无公车购置计划。",
               "一是2025年依据有关文件安排了基金注资，2026年未安排本项目资金。")
    plans = [(c.value, c.parts) for c in n.claimed(YEAR) if c.key == "计划"]
    assert ("2025", ("2025年无公车购置计划",)) in plans
    assert all(not words[0].startswith("2025年依据") for _, words in plans)


def _budget_stated(*lines: str) -> dict[str, list[Decimal]]:
    from juesuan.core.profiles import load_profile
    n = parse_narrative([(t, Span(line=i + 1)) for i, t in enumerate(lines)], load_profile("national-yusuan"),
                        code_year=2026).narrative
    out: dict[str, list[Decimal]] = {}
    for s in n.statements:
        out.setdefault(s.key, []).append(s.value)
    return out


def test_items_under_a_class_heading_and_a_numbered_first_line():
    v = _budget_stated("五、财政拨款支出预算情况说明", "（一）一般公共服务支出（类）",
                       "1.审计事务（款）行政运行（项）支出2,342万元，与上年相比增加27.86万元，增长1.2%。",
                       "2.审计事务（款）一般行政管理事务（项）支出339.5万元，与上年相比减少55.03万元，减少13.95%。")
    assert v["项.2010801"] == [D("2342")] and v["项.2010801.增减率"] == [D("1.2")]
    assert v["项.2010802"] == [D("339.5")] and v["项.2010802.增减"] == [D("-55.03")]


def test_a_budget_s_own_amount_after_its_year_only_in_a_budget():
    lines = ("三、财政拨款“三公”经费支出情况", "1.因公出国（境）费用。2026年预算数41.60万元，较2025年年初预算增加0.00万元。")
    v = _budget_stated(*lines)
    assert v["三公.因公出国（境）费"] == [D("41.60")] and v["三公.因公出国（境）费.增减"] == [D("0.00")]
    assert "三公.因公出国（境）费" not in stated(*lines, budget=False)  # read as a 决算: its 预算数 is no 决算数


def test_a_reason_ends_where_the_next_clause_names_its_own_figure():
    n = parse_narrative([("其中：公务用车购置费0万元，与2025年预算持平，主要原因是2025年无公车购置计划；公务用车运行费9.38万元，"
                          "与2025年预算持平，主要原因是厉行节约。", Span(line=1))], load_profile("national-yusuan"), code_year=2026)
    v = {s.key: s.value for s in n.narrative.statements}
    assert v["三公.公务用车运行维护费"] == D("9.38") and v["三公.公务用车运行维护费.增减"] == D("0.00")
    assert n.reasons["三公.公务用车购置费.增减"] == "2025年无公车购置计划"
    assert n.reasons["三公.公务用车运行维护费.增减"] == "厉行节约"


def test_every_source_s_spending_by_class_and_the_share_base_named_once():
    n = parsed("（三）支出预算情况说明",
               "我校2021年支出预算490,808.40万元，其中：教育支出398,593.09万元，占总支出的81.21%；科学技术支出1,512.90万元，占0.31%。")
    v = {s.key: s for s in n.statements}
    assert v["全部资金.类.205"].value == D("398593.09") and v["全部资金.类.206"].value == D("1512.90")
    assert v["全部资金.类.206.占比"].basis == "支出总计"  # "占0.31%" after "占总支出的81.21%"
    assert "类.205" not in v  # not the 一般公共预算财政拨款 of 类 205


def test_a_year_named_with_another_is_no_plan_year():
    n = parsed("（二）公务用车购置及运行费8.1万元。2025年和2024年均未安排公务用车购置计划。")
    assert [c.value for c in n.claimed(YEAR) if c.key == "计划"] == []


def test_a_class_or_items_budget_is_not_the_total():
    v = _budget_stated("三、支出预算说明", "2016年支出预算181.8万元。按用途划分如下:", "工资福利支出预算89.3万元。",
                       "对个人和家庭的补助支出预算7.4万元。", "事业收入预算0万元。")
    assert v["支出总计"] == [Decimal("181.8")] and "收入总计" not in v


def test_a_basic_or_project_budget_is_not_the_total_nor_the_base_of_its_share_the_subject():
    v = stated("三、部门支出预算情况说明",
               "2023年部门支出总预算1157.55万元,基本支出预算709.55万元,占支出总预算的61.30%,同比增加75.96万元。"
               "项目支出预算448万元,占支出总预算的38.70%,同比减少594万元。",
               "1.基本支出预算709.55万元,占一般公共预算拨款支出预算61.30%,同比增加75.96万元。")
    assert v["支出总计"] == [Decimal("1157.55")]  # "支出总预算"; not 基本支出预算709.55, not 项目支出预算448
    assert v["支出.基本支出.增减"] == [Decimal("75.96"), Decimal("75.96")]
    assert "收入.一般公共预算财政拨款收入.增减" not in v


def test_a_share_after_an_unread_amount_in_brackets_is_not_the_totals():
    v = stated("二、收入支出预算总体情况",
               "单位预算支出5212.91万元(含人员支出4450.87万元、占总支出85.38% 公用支出762.04万元,占总支出14.62%)。"
               "其中:基本支出5212.91万元,占总支出100%。")
    assert v["支出.基本支出.占比"] == [Decimal("100")]
    assert not [k for k in v if k.endswith(".占比") and not k.startswith("支出.基本支出")]


def test_a_budgets_total_named_预算总收入_or_year_预算收入_is_its_total():
    # R36z/04 (西宁 南滩), R35x/03 (益阳), R30m/02 (平凉): the wrong rates of these sentences went unread
    got = _budget_stated("一、收支预算总体情况", "本年度预算总收入为581.72万元,比上年增加149.29万元,增长0.35%。",
                         "2021年预算总收入223.08万元,收入较去年减少95.25万元,下降29%。",
                         "2020年预算支出1058.28万元,比2019年预算增加115.56万元,增长13%。")
    assert got["收入总计"] == [Decimal("581.72"), Decimal("223.08")]
    assert got["收入总计.增减率"] == [Decimal("0.35"), Decimal("-29")]
    assert got["支出总计"] == [Decimal("1058.28")] and got["支出总计.增减"] == [Decimal("115.56")]
    # a fund's budget is no total
    got = _budget_stated("一、收支预算总体情况", "一般公共预算收入100万元,政府性基金预算总收入5万元。")
    assert "收入总计" not in got


def test_the_classes_appropriations_after_a_totals_change_are_not_its_changes():
    # 铜梁区财政局 (R38d/08): "主要是农林水支出经费拨款减少1042万元…" names whose each change is; as the total's
    # they gave a false N-REPEAT once the line was wrapped
    got = _budget_stated("二、单位收支总体情况", "(一)收入预算",
                         "2025年年初预算数5941.79万元,其中:一般公共预算拨款5941.79万元。收入较2024年减少844.18万元,"
                         "主要是农林水支出经费拨款减少1042万元,一般公共服务支出经费拨款增加207.93万元。")
    assert got["收入总计.增减"] == [Decimal("-844.18")]


def test_a_kind_of_人员经费_is_not_人员经费_and_a_carry_overs_change_is_its_own():
    # 沂水县第二中学 (R39f/04): "其它人员经费177.48万元" is one kind of the 5836.98
    got = _budget_stated("（三）基本支出", "A、人员经费5836.98万元。", "——其它人员经费177.48万元。", "其他公用经费3万元。")
    assert got["人员经费"] == [Decimal("5836.98")] and "公用经费" not in got
    # 垫江县规划信息中心 (R39f/17): "上年结转结余资金增加1.58万元" is no change of 一般公共预算拨款
    got = _budget_stated("二、单位收支总体情况", "(一)收入预算:2026年年初预算数97.04万元,其中:一般公共预算拨款95.46万元;"
                         "上年结转结余资金1.58万元;收入较去年增加24.87万元,主要是一般公共预算拨款增加23.29万元,"
                         "上年结转结余资金增加1.58万元。")
    assert got["收入.一般公共预算财政拨款收入.增减"] == [Decimal("23.29")]


def test_each_fund_named_in_a_reason_takes_its_own_change():
    # R40i/06 (重庆 2026): "政府性基金预算拨款增加0.00万元" is the fund's change, not a second one of the general budget's
    v = stated("二、单位收支总体情况",
               "(一)收入预算:2026年年初预算数224.89万元,其中:一般公共预算拨款224.89万元,政府性基金预算拨款0.00万元;"
               "收入比2025年减少26.20万元,主要是一般公共预算拨款减少26.20万元,政府性基金预算拨款增加0.00万元。")
    assert v["收入.一般公共预算财政拨款收入.增减"] == [D("-26.20")]
    assert v["收入.政府性基金预算财政拨款收入"] == [D("0.00")] and v["收入.政府性基金预算财政拨款收入.增减"] == [D("0.00")]
    # a grant the phrasebook does not know keeps its change to itself
    other = stated("二、单位收支总体情况", "(一)收入预算:2026年年初预算数224.89万元;收入比2025年减少26.20万元,"
                   "主要是一般公共预算拨款减少26.20万元,市级专项拨款增加0.00万元。")
    assert other["收入.一般公共预算财政拨款收入.增减"] == [D("-26.20")]


def test_a_paragraph_opening_on_the_general_budgets_grant_splits_the_grant():
    # R40h/08 (云阳 2025): under "三、单位预算情况说明" the 基本支出 and 项目支出 after the grant are the grant's
    # (−35.51 − 31.51 = −67.02), not the unit's all-funds parts told under 二 (项目支出 −27.03)
    v = stated("二、单位收支总体情况",
               "(二)支出预算:2025年年初预算数735.09万元。支出预算较2024年减少62.54万元,主要是基本支出预算减少35.51万元,"
               "项目支出预算减少27.03万元。",
               "三、单位预算情况说明",
               "2025年一般公共预算财政拨款收入727.11万元,一般公共预算财政拨款支出727.11万元,比2024年减少67.02万元。其中:"
               "基本支出695.37万元,比2024年减少35.51万元;项目支出31.74万元,比2024年减少31.51万元。")
    assert v["支出.项目支出.增减"] == [D("-27.03")]
    assert v["一般公共预算财政拨款基本支出"] == [D("695.37")] and v["一般公共预算财政拨款项目支出.增减"] == [D("-31.51")]


def test_a_sangong_paragraph_under_other_matters_opening_on_its_numbered_title():
    # R40h/04 (湘阴县工商联 2018): the 三公 figures run on from their numbered title under 四、其他重要事项
    v = stated("四、其他重要事项的情况说明",
               "1、年度一般公共预算财政拨款“三公”经费支出预算情况。我部门2018年度“三公”经费支出合计为2.6万元,"
               "比2017年决算数减少0.4万元,减少0.8 %。")
    assert v["三公.合计"] == [D("2.6")] and v["三公.合计.增减"] == [D("-0.4")]
    # another numbered matter is no 三公's
    assert "三公.合计" not in stated("四、其他重要事项的情况说明", "2、机关运行经费情况。本部门2018年机关运行经费2.6万元。")


def test_each_sides_change_under_its_numbered_lead_and_a_year_without_nian():
    # R43q/10 (九龙坡 2026): "(一)收入预算" ends on no full stop, yet "(二)支出预算" opens a paragraph of its own,
    # whose "支出预算较2025减少18.23万元" (no 年) is the 支出总计's change
    v = stated("二、单位收支总体情况",
               "(一)收入预算:2026年年初预算数2415.91万元,其中:一般公共预算拨款2332.91万元。收入较2025年增加18.23万元,"
               "主要是一般公共预算拨款增加54.23万元,财政专户管理资金收入减少36万元",
               "(二)支出预算:2026年年初预算数2415.91万元,其中:教育支出预算1892.69万元。支出预算较2025减少18.23万元,"
               "主要是基本支出预算增加91.32万元,项目支出预算减少73.09万元。")
    assert v["收入总计.增减"] == [D("18.23")] and v["支出总计.增减"] == [D("-18.23")]
    assert v["支出.基本支出.增减"] == [D("91.32")]
    # in a 决算 a 支出 lead's bare "支出较上年…" may be 本年支出合计's: not read as the total's
    v = stated("三、支出决算情况说明", "2025年度本年支出合计100万元。", "支出较2024年减少5万元。", budget=False)
    assert "支出总计.增减" not in v


def test_the_general_grant_written_yiban_caizheng_bokuan():
    # R43p/01 (沙坪坝残联 2023): "一般财政拨款收入支出预算" is the general budget's grant, not the unit's total
    v = stated("三、部门预算总体情况说明",
               "2023年一般财政拨款收入支出预算1,779.74万元,比2022年增加198.76万元。其中基本支出预算249.78万元,"
               "比2022年增加29.73万元;项目支出预算1,529.96万元,比2022年增加168.36万元。")
    assert v["一般公共预算财政拨款支出"] == [D("1779.74")] and v["一般公共预算财政拨款支出.增减"] == [D("198.76")]
    assert "支出总计" not in v and "支出总计.增减" not in v


def test_each_class_named_before_its_change_takes_it():
    # R44t/05 (南川区文化馆 2026): the classes' changes in the reason for the total's
    v = stated("二、单位收支总体情况",
               "(二)支出预算:2026年年初预算数582.44万元,其中:文化旅游体育与传媒支出预算462.99万元,社会保障和就业支出预算82.92万元。"
               "支出预算比2025年增加140.86万元,主要是文化旅游体育与传媒支出增加135.66万元、社会保障和就业支出增加1.84万元导致。")
    assert v["全部资金.类.207"] == [D("462.99")] and v["全部资金.类.207.增减"] == [D("135.66")]
    assert v["全部资金.类.208.增减"] == [D("1.84")] and v["支出总计.增减"] == [D("140.86")]


def test_a_change_after_a_reasons_unread_part_is_not_the_totals():
    # R44t/03 (长寿区文化馆 2021): "养老增加40.70万" (no 元) is not read; "绩效工资增加23.59万元" after it is a part
    # of the reason, not the total's change (a wrapped copy compared the two on different lines)
    v = stated("二、收支预算总体情况",
               "(一)收入预算:2021年年初预算数510.84万元,其中:一般公共预算拨款492.84万元。收入较去年增加85.41万元,"
               "主要是行政事业单位养老增加40.70万,绩效工资增加23.59万元,退休职工健康休养费增加6.64万元")
    assert v["收入总计.增减"] == [D("85.41")]


def test_last_years_figure_named_by_its_year_before_the_change():
    # R45v/11 (北京市通州区殡仪馆 2023): "比2022年2423.96万元减少749.01万元" tells last year's figure and the change
    text = ("2023年部门预算情况说明", "二、收入预算说明", "2023年收入预算1674.95万元,比{year}年2423.96万元减少749.01万元,增长-30%。")
    v = stated(*text[:2], text[2].format(year=2022))
    assert v["收入总计.上年"] == [D("2423.96")] and v["收入总计.增减"] == [D("-749.01")]
    # another year's figure is not last year's, nor its change this year's
    v = stated(*text[:2], text[2].format(year=2021))
    assert "收入总计.上年" not in v and "收入总计.增减" not in v


def test_the_carry_overs_own_change_in_a_reason_is_not_the_funds():
    # R45x/05 (綦江工业园区 2020), wrapped: "上年结转结余增加47.39万元" after the fund's change
    v = stated("二、收支预算总体情况", "(一)收入:2020年收入数1525.32万元,其中:一般公共预算拨款1218.72万元,上年结转结余306.6",
               "万元。收入较去年增加421.11万元,主要是一般公共预算拨款增加373.7", "2万元,上年结转结余增加47.39万元。")
    assert v["收入.一般公共预算财政拨款收入.增减"] == [D("373.72")] and v["年初结转和结余.增减"] == [D("47.39")]


def test_the_grants_total_written_three_ways():
    # 苏州 2026 "财政拨款收、支总预算", and 南部县 2018 (R44u/13) "财政拨款收支预算总计"
    for said in ("财政拨款收、支总预算4,651.67万元。", "财政拨款收支总预算4,651.67万元。", "2018年度财政拨款收支预算总计4,651.67万元。"):
        assert stated("四、财政拨款收支预算情况", said)["财政拨款收支总计"] == [D("4651.67")], said


def test_a_sangong_budget_told_as_arranged():
    # R48g/03 (昌宁县人民政府办公室 2016): "…财政拨款预算安排46万元,其中,安排因公出国(境)费6万元…"
    v = stated("昌宁县人民政府办公室2016年“三公”经费预算公开",
               "昌宁县人民政府办公室2016年“三公”经费财政拨款预算安排46万元,其中,安排因公出国(境)费6万元,"
               "公务用车购置及运行费10万元,公务接待费40万元。")
    assert v["三公.合计"] == [D("46")] and v["三公.公务接待费"] == [D("40")]
