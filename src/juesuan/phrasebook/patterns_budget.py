"""The clauses a budget's 说明 (部门预算 / 单位预算) states its figures with, read into the 决算's keys.

Where it sits: beside ``phrasebook.patterns``, which adds these to its ``ALL``; ``parse`` reads them
like every other clause. A budget's own figure for its year is the plain key ("收入预算27,807.61万元"
→ ``收入总计``), its change against last year's budget ``.增减`` (``core.keys``). Every clause here
is a recorded form (``variant``): the composer writes budgets with its own wording entries, and
whatever it writes must be read by one of these clauses or by the 决算's own.

Forms come from the real budgets in ``../shared/corpus`` and ``tests/golden/docs`` (上海 市级 and
区级, 重庆, 苏州, 深圳, 西南大学), e.g. "财政拨款支出预算中，一般公共预算拨款支出预算49,376万元",
"“三公”经费预算数为42.24万元", "政府采购货物预算21.62万元", "编报绩效目标的项目247个，涉及项目预算
资金314,076.90万元", "2026年部门预算安排购置车辆5辆，其中：…执法执勤用车5辆".
"""

from __future__ import annotations

from ..core.codes import function_codes
from ..core.keys import INCOME_ITEMS
from ..core.model import BUDGET_VEHICLE_CATEGORIES, VEHICLE_CATEGORIES
from .grammar import NAME_END, Pattern

_ASSETS = "其他重要事项.资产"
_PROCUREMENT = "其他重要事项.政府采购"
_OPERATING = "其他重要事项.机关运行经费"
_OVERALL = ("收支总体", "收入", "支出", "财拨总体")


def _v(name: str, template: str, *topics: str, **kw) -> Pattern:
    return Pattern(name=f"预算.{name}", template=template, topics=topics, variant=True, **kw)


_CLASSES = tuple((c, n) for c in function_codes(2024).codes() if len(c) == 3 and (n := function_codes(2024).name_of(c)))
#: 类 written without their 支出, and the 卫生 类 by its older names ("一般公共服务289.63万元,教育1.05万元" 重庆 2021,
#: "医疗卫生6.04万元" 湖北 2021); not the fund's name (国有资本经营预算) nor 其他.
_SHORT_CLASSES = tuple((c, n.removesuffix("支出")) for c, n in _CLASSES
                       if n.endswith("支出") and n.removesuffix("支出") not in ("国有资本经营预算", "其他")) + (
    ("210", "医疗卫生与计划生育"), ("210", "医疗卫生"))

#: "年初预算数" as a budget's own amount, not the 决算's 年初预算 (重庆: "（一）收入预算：2026年年初预算数…").
_OWN = "[<：|，>][{年:year}年][~年初][~预算数][~为]"  # (or after a comma: "(一)收入预算,2018年年初预算数…" 湖南)

OVERALL = (
    # not an item's or a class's ("工资福利支出预算89.3万元", "事业收入预算", "教育支出预算")
    # ("2018年收入总预算317.6万元")
    # ("部门预算收入总数8105563.00元" 四川 2018)
    _v("收入总计", "<收入预算|收入总预算|预算收入总数>[~总计][~合计][~总额]" + _OWN + "{收入总计:amt}", *_OVERALL, not_after="拨入" + NAME_END),
    _v("支出总计", "<支出预算|支出总预算|预算支出总数>[~总计][~合计][~总额]" + _OWN + "{支出总计:amt}", *_OVERALL, not_after="拨基" + NAME_END),
    # "本年度预算总收入为581.72万元", "2020年预算收入1058.28万元" (甘肃), not "一般公共预算收入…", "基金预算支出…"
    _v("收入总计.总收入", "预算总收入[~为]{收入总计:amt}", *_OVERALL, not_after="共" + NAME_END),
    _v("支出总计.总支出", "预算总支出[~为]{支出总计:amt}", *_OVERALL, not_after="共" + NAME_END),
    _v("收入总计.年", "{年:year}年[~度]预算收入[~为]{收入总计:amt}", *_OVERALL),
    _v("支出总计.年", "{年:year}年[~度]预算支出[~为]{支出总计:amt}", *_OVERALL),
    _v("收支总计", "收支总预算{收支总计:amt}", *_OVERALL),
    # "2022年财政拨款收入预算985.64万元" (甘肃): not a fund's ("一般公共预算财政拨款收入预算…")
    _v("财政拨款收入.预算", "财政拨款收入预算[~为]{收入.财政拨款收入:amt}", *_OVERALL, not_after="算金"),
    # 甘肃: "三、部门预算情况说明 2020年预算指标485.41万元,和上年相比增加34.05万元"
    _v("收支总计.指标", "[{年:year}年][~度]预算指标{收支总计:amt}"),
    _v("收支总计.名", "收支总预算", *_OVERALL, anchor="收支总计"),
    _v("本年收入合计", "<本年收入预算|本年预算收入>{本年收入合计:amt}", *_OVERALL),
    _v("本年支出合计", "<本年支出预算|本年预算支出>{本年支出合计:amt}", *_OVERALL),
    _v("本年收入合计.名", "<本年收入预算|本年预算收入>", *_OVERALL, anchor="本年收入合计"),
    _v("本年支出合计.名", "<本年支出预算|本年预算支出>", *_OVERALL, anchor="本年支出合计"),
    # (not a fund's: "政府性基金预算财政拨款上年结转和结余0万元"; "2、上年结余收入8.3万元" 广西 2017;
    # "上年结转收入18.96万元" 重庆 2024)
    _v("年初结转和结余", "<上年结转结余|上年结转和结余|上年结余收入|上年结转>[~资金][~收入][~为]{年初结转和结余:amt}", *_OVERALL, not_after="款"),
    # its own change in a reason: "…,主要是一般公共预算拨款增加373.72万元,上年结转结余增加47.39万元" (綦江 2020)
    _v("年初结转和结余.名", "<上年结转结余|上年结转和结余>[~资金]", *_OVERALL, not_after="款", anchor="年初结转和结余"),
    _v("年末结转和结余", "<结转下年|年终结转结余|年末结转结余>[~为]{年末结转和结余:amt}", *_OVERALL),
    # "收入比2025年增加6,276.54万元" (重庆): the total's change, where no amount was repeated
    _v("收入总计.增减", "<收入比|收入较>[~上年][~去年][{年:year}年][~年初][~预算][~数]{收入总计:yoy}", *_OVERALL, after="，,；;：:。"),
    _v("支出总计.增减", "<支出比|支出较>[~上年][~去年][{年:year}年][~年初][~预算][~数]{支出总计:yoy}", *_OVERALL, after="，,；;：:。"),
    # "事业收入资金3,252.59万元", "事业收入资金减少7,294.14万元" (重庆)
    _v("事业收入.资金", "事业收入资金{收入.事业收入:amt}", *_OVERALL),
    _v("其他收入.资金", "其他收入资金{收入.其他收入:amt}", *_OVERALL),
    _v("事业收入.名", "事业收入资金", *_OVERALL, anchor="收入.事业收入"),
    _v("其他收入.名", "其他收入资金", *_OVERALL, anchor="收入.其他收入"),
    # "其中：财政拨款收入减少6,331.03万元…；事业收入增加2,110.3万元" (西南大学): each item's own change
    *(_v(f"收入.{i}.名", i, "收支总体", "收入", anchor=f"收入.{i}", not_after="算") for i in INCOME_ITEMS),
    _v("基本支出.名", "基本支出", "收支总体", "支出", anchor="支出.基本支出"),
    _v("项目支出.名", "项目支出", "收支总体", "支出", anchor="支出.项目支出"),
    # "（1）一般公共预算拨款收入4,651.67万元" (苏州), "一般公共预算拨款154,304.22万元" (重庆): the fund line
    # (not "上年结转一般公共预算拨款收入0万元" nor "一般公共预算拨款结转0元": last year's carry-over of it)
    # (the older name: "一般公共财政预算拨款507.37万元")
    # (and under the fund's own heading: "四、一般公共预算拨款支出预算 2018年一般公共预算拨款收入…元")
    _v("一般公共预算收入", "<本年一般公共预算收入|一般公共预算拨款收入|一般公共预算拨款|一般公共财政预算拨款>"
       "{收入.一般公共预算财政拨款收入:amt}", *_OVERALL, "一般公共", not_after="转余"),
    _v("一般公共预算收入.名", "<一般公共预算拨款收入|一般公共预算拨款|一般公共财政预算拨款>", *_OVERALL,
       anchor="收入.一般公共预算财政拨款收入", not_after="转余", not_before="结"),
    _v("政府性基金收入", "<本年政府性基金预算收入|政府性基金预算拨款收入|政府性基金预算拨款>{收入.政府性基金预算财政拨款收入:amt}",
       *_OVERALL),
    _v("政府性基金收入.名", "政府性基金预算拨款", *_OVERALL, anchor="收入.政府性基金预算财政拨款收入", not_before="结"),
    _v("国有资本收入", "<本年国有资本经营预算收入|国有资本经营预算拨款收入>{收入.国有资本经营预算财政拨款收入:amt}",
       *_OVERALL),
    _v("国有资本收入.名", "国有资本经营预算拨款", *_OVERALL, anchor="收入.国有资本经营预算财政拨款收入"),
    # "占总收入的44.12%", "占总支出的81.21%"
    _v("占比.总", "占<总收入|总支出|收入总计|支出总计|本年支出合计|本年收入合计|收入预算总额|支出预算总额>[的]{@.占比:pct}",
       anchor="@"),
)

FISCAL = (
    # 上海: "财政拨款支出预算27,807.61万元，比2025年预算增加27.45万元。财政拨款支出预算中，一般公共预算拨款
    # 支出预算27,807.61万元…；政府性基金拨款支出预算0万元…；国有资本经营预算拨款支出预算0万元"
    _v("本年财政拨款支出", "<财政拨款支出预算|财政拨款预算支出>[~为]{本年财政拨款支出:amt}", not_after="拨金算本"),
    _v("本年财政拨款支出.名", "财政拨款支出预算", not_after="拨金算本", anchor="本年财政拨款支出"),
    # ("2023年一般财政拨款收入支出预算1,779.74万元,比2022年增加198.76万元" 重庆沙坪坝: the grant's, not the unit's)
    _v("一般公共预算财政拨款支出",
       "<一般公共预算拨款支出预算|一般公共预算财政拨款支出预算|一般公共预算支出预算|一般财政拨款收入支出预算>[~为]"
       "{一般公共预算财政拨款支出:amt}"),
    _v("政府性基金预算财政拨款支出",
       "<政府性基金拨款支出预算|政府性基金预算拨款支出预算|政府性基金支出预算支出|政府性基金预算支出>[~为]"
       "{政府性基金预算财政拨款支出:amt}"),
    _v("国有资本经营预算财政拨款支出",
       "<国有资本经营预算拨款支出预算|国有资本经营预算支出>[~为]{国有资本经营预算财政拨款支出:amt}"),
    # under a heading "（三）财政拨款收入决算情况" (甘肃 2017), read as 收入
    _v("财政拨款收入总计", "财政拨款收入总计{财政拨款收入总计:amt}", "收入"),
    # 苏州: "财政拨款收、支总预算4,651.67万元"
    # (南部县 2018: "财政拨款收支预算总计1312.199214万元")
    _v("财政拨款收支总计", "<财政拨款收、支总预算|财政拨款收支总预算|财政拨款收支预算总计>{财政拨款收支总计:amt}"),
    _v("财政拨款收支总计.各", "财政拨款收[、]支总计各", anchor="财政拨款收支总计"),
    # 苏州: "财政拨款预算支出4,651.67万元，占本年支出合计的100%"
    _v("财政拨款支出.名", "财政拨款支出<增加|减少>", "一般公共", "财拨总体", anchor="本年财政拨款支出"),
)

_SPENDING = ("收支总体", "支出")
GENERAL = (
    # every source's spending by 类, under 支出: "按支出功能分类，包括一般公共服务支出5,183万元，教育支出7.09万元"
    # (重庆), "其中：教育支出398,593.09万元，占总支出的81.21%" (西南大学), "（1）一般公共服务支出（类）支出2,906.63万元" (苏州)
    # ("一般公共服务支出预算65.61万元,文化旅游体育与传媒支出预算50.53万元" 重庆 2026)
    *(_v(f"全部资金.类.{code}", f"{name}[~（类）][~支出][~预算]{{全部资金.类.{code}:amt}}", *_SPENDING, strict=True,
         after="，,、；;：:）)括")
      for code, name in _CLASSES),
    *(_v(f"全部资金.类.{code}.简", f"{short}{{全部资金.类.{code}:amt}}", *_SPENDING, strict=True, after="，,、；;：:")
      for code, short in _SHORT_CLASSES),
    # the class named before its change: "主要是文化旅游体育与传媒支出增加135.66万元、社会保障和就业支出增加1.84万元" (重庆 2026)
    *(_v(f"全部资金.类.{code}.名", f"{name}[~（类）][~支出][~预算]", *_SPENDING, strict=True, anchor=f"全部资金.类.{code}")
      for code, name in _CLASSES),
    # 上海市级: "1.“一般公共服务支出”科目12,789万元"
    *(_v(f"类.{code}.科目", f"“{name}”科目{{类.{code}:amt}}") for code, name in _CLASSES),
    # 上海: "“文化旅游体育与传媒支出(类)文化和旅游(款)行政运行(项)”465.46万元"; 苏州: "…（项）支出2,342万元"
    _v("项.预算", "{@:item}[”][~支出][~预算数][~为]{@:amt}"),
    # 重庆: "其中：基本支出5,362.42万元 …；项目支出148,941.8万元" under 财政拨款
    # ("(一)基本支出:2018年年初预算数为24095199.4元" 湖南)
    _v("基本支出", "基本支出[~预算]" + _OWN + "{一般公共预算财政拨款基本支出:amt}", "一般公共"),
    _v("项目支出", "项目支出[~预算]" + _OWN + "{一般公共预算财政拨款项目支出:amt}", "一般公共", not_after="类"),
    _v("基本支出.预算", "[~一般公共预算]财政拨款基本支出预算{一般公共预算财政拨款基本支出:amt}"),
    _v("一般公共预算财政拨款支出.重庆", "一般公共预算财政拨款支出{一般公共预算财政拨款支出:amt}"),
    # the name before its change under any heading ("四、…情况四川省…" run into its text: "与2017年相比,一般公共预算财政拨款
    # 支出增加140.010934万元" 南部县 2018)
    _v("一般公共预算财政拨款支出.名", "一般公共预算财政拨款支出", anchor="一般公共预算财政拨款支出"),
)

# ("“三公”经费财政拨款预算安排46万元,其中,安排因公出国(境)费6万元…", 昌宁县 2016)
_SANGONG_NAMES = ("<“三公”经费预算数|“三公”经费预算|三公经费预算数|三公经费预算|“三公”经费支出预算|"
                  "“三公”经费财政拨款预算安排|“三公”经费预算安排|“三公”经费财政拨款预算>")
#: The items' names as budgets print them; in a 决算 too (without the budget's words, below).
_SANGONG_ITEM_NAMES = (("因公出国（境）费", "<因公出国（境）费用|因公出国（境）费>"),
                       ("公务用车购置及运行维护费", "<公务用车购置及运行费|公务用车购置和运行维护费|公务用车购置及运行维护费>"),
                       ("公务用车运行维护费", "<公务用车运行费用|公务用车运行费|公务用车运行维护费>"))
SANGONG = (  # read in a budget only (BUDGET_ONLY): "…预算数为…" is a budget's own amount, never a 决算's
    _v("三公.合计", _SANGONG_NAMES + "[~为]{三公.合计:amt}"),
    _v("三公.合计.名", _SANGONG_NAMES, anchor="三公.合计"),
    _v("三公.出国", "<因公出国（境）费用|因公出国（境）费>[~预算支出][~支出][。][{年:year}年][~预算数][~为]"
       "{三公.因公出国（境）费:amt}", "三公"),
    _v("三公.接待", "公务接待费[~预算支出][~支出][。][{年:year}年][~预算数][~为]{三公.公务接待费:amt}", "三公"),
    _v("三公.车", "<公务用车购置及运行费|公务用车购置和运行维护费|公务用车购置及运行维护费>[~预算支出][~支出][。]"
       "[{年:year}年][~预算数][~为]{三公.公务用车购置及运行维护费:amt}", "三公"),
    _v("三公.运行", "<公务用车运行费|公务用车运行维护费>[~预算支出][~支出][{年:year}年][~预算数][~为]"
       "{三公.公务用车运行维护费:amt}", "三公"),
    _v("三公.购置", "<公务用车购置费|公务用车购置预算支出|公务用车购置>[{年:year}年][~预算数][~为]"
       "{三公.公务用车购置费:amt}", "三公"),
)
#: The same names read in every document: the amount right after the name (and 支出/为), no budget word.
SANGONG_NAMES = (
    *(_v(f"三公.{item}.别名", f"{names}[~支出][~为]{{三公.{item}:amt}}", "三公") for item, names in _SANGONG_ITEM_NAMES),
    _v("三公.车.名", "<公务用车购置及运行费|公务用车购置和运行维护费>", "三公",
       anchor="三公.公务用车购置及运行维护费"),
    _v("三公.运行.名", "公务用车运行费", "三公", anchor="三公.公务用车运行维护费"),
    # "公务接待11.8万元", "其中公务接待较上年减少0.58万元"; not 国内/国（境）外公务接待, a part of it
    _v("三公.公务接待费.别名", "<公务接待费用|公务接待>[~支出][~为]{三公.公务接待费:amt}", "三公", not_after="内外"),
    _v("三公.接待.名", "<公务接待费用|公务接待>", "三公", anchor="三公.公务接待费", not_after="内外"),
)

OPERATING = (
    _v("机关运行经费", "<机关运行经费预算|机关运行经费财政拨款预算|机关运行经费预算支出|财政拨款运行经费|"
       "一般公共预算财政拨款运行经费>[~为]{机关运行经费:amt}"),
    _v("机关运行经费.名", "<机关运行经费预算支出|机关运行经费财政拨款预算|财政拨款运行经费>", anchor="机关运行经费"),
)

PROCUREMENT = (
    # 重庆: "其中一般公共预算拨款政府采购2,521.44万元：政府采购货物预算2,020.44万元、…工程预算0万元、…服务预算501万元"
    _v("政府采购.一般公共预算", "一般公共预算拨款政府采购{政府采购.一般公共预算.总额:amt}[：]"
       "[政府采购货物预算{政府采购.一般公共预算.货物:amt}][、政府采购工程预算{政府采购.一般公共预算.工程:amt}]"
       "[、政府采购服务预算{政府采购.一般公共预算.服务:amt}]"),
    _v("政府采购.总额", "<政府采购预算总额|政府采购支出预算总额|政府采购预算|政府采购项目共有>[~为]{政府采购.总额:amt}"),
    _v("政府采购.货物", "<政府采购货物预算|拟采购货物支出|货物类项目>{政府采购.货物:amt}", _PROCUREMENT),
    _v("政府采购.工程", "<政府采购工程预算|拟采购工程支出|工程类项目>{政府采购.工程:amt}", _PROCUREMENT),
    _v("政府采购.服务", "<政府采购服务预算|拟采购服务支出|服务类项目>{政府采购.服务:amt}", _PROCUREMENT),
)

# The categories a budget lists (业务用车, 一般公务用车 beside the national eight), and the cars it will
# buy: "安排购置车辆5辆，其中：部级领导干部用车0辆、…执法执勤用车5辆…" is read whole, so the list of
# cars to buy is never taken for the cars held.
_NAMES = {"副部（省）级及以上领导用车": "<部级领导干部用车|副部（省）级及以上领导用车>",
          "主要负责人用车": "<主要领导干部用车|主要负责人用车>",
          "离退休干部服务用车": "<离退休干部用车|离退休干部服务用车>"}
_PURCHASE_LIST = "".join(f"[<：|、>{_NAMES.get(c, c)}{{资产.拟购车辆.{c}:n辆}}]" for c in VEHICLE_CATEGORIES)
ASSETS = (
    *(_v(f"资产.车辆.{c}", f"{c}{{资产.车辆.{c}:n辆}}", _ASSETS) for c in BUDGET_VEHICLE_CATEGORIES),
    _v("资产.拟购车辆", "<安排购置车辆|计划购置车辆|购置车辆>{资产.拟购车辆:n辆}[，其中]" + _PURCHASE_LIST, _ASSETS),
    *(_v(f"资产.大型设备.{unit}", f"单价100万元（含）以上设备（不含车辆）{{资产.大型设备:n{unit}}}", _ASSETS) for unit in "台套"),
    *(_v(f"资产.拟购设备.{unit}", f"购置单价100万元（含）以上设备（不含车辆）{{资产.拟购设备:n{unit}}}", _ASSETS)
      for unit in ("台（套）", "台", "套")),
)

PERFORMANCE = (
    # 上海: "编报绩效目标的项目共12个，涉及项目预算资金4,222.51万元"; 苏州: "本部门共7个项目纳入绩效目标管理，
    # 涉及财政性资金合计339.5万元"; 深圳: "涉及预算资金26,361.57万元，设置并编报8个项目绩效目标"
    _v("绩效.项目", "编报绩效目标的项目[~共]{绩效.项目数:n个}[，涉及项目预算资金{绩效.项目.全年预算:amt}]", "绩效"),
    _v("绩效.项目.苏", "共{绩效.项目数:n个}项目纳入绩效目标管理[，涉及财政性资金合计{绩效.项目.全年预算:amt}]", "绩效"),
    _v("绩效.项目.深", "涉及预算资金{绩效.项目.全年预算:amt}[，]设置并编报{绩效.项目数:n个}项目绩效目标", "绩效"),
    _v("绩效.项目.渝", "项目支出均实行了绩效目标管理[，]涉及<一般公共预算财政拨款|财政拨款|预算资金>"
       "{绩效.项目.全年预算:amt}", "绩效"),
)

ALL: tuple[Pattern, ...] = OVERALL + FISCAL + GENERAL + SANGONG_NAMES + OPERATING + PROCUREMENT + ASSETS + PERFORMANCE

#: Clauses read in a budget only (``parse_narrative`` with a budget's profile): in a 决算 "预算数" is the
#: 年初预算, never the document's own amount ("“三公”经费支出预算为49.9万元，支出决算为7.69万元").
BUDGET_ONLY: tuple[Pattern, ...] = SANGONG + (
    # 深圳: "1.因公出国（境）费用。2026年预算数41.60万元，较2025年年初预算增加0.00万元"
    _v("预算数", "预算数[~为]{@:amt}", anchor="@", after="年"),  # after a year only, never after a name not read
    # 深圳: "2026年深圳市财政局（本级）部门预算收入37,385.88万元"
    _v("部门预算收入", "<部门预算收入|单位预算收入>{收入总计:amt}"),
    _v("部门预算支出", "<部门预算支出|单位预算支出>{支出总计:amt}"),
    # 西南大学: "其中教育支出预算数为207,796.18万元，占本年财政拨款的95.96%"
    *(_v(f"类.{code}.预算数", f"{name}预算数[~为]{{类.{code}:amt}}", "一般公共") for code, name in _CLASSES),
    # 苏州: "（一）一般公共服务支出（类）" then "1.审计事务（款）行政运行（项）支出2,342万元"
    _v("项.款项", "{@:subitem}[~支出][~预算数][~为]{@:amt}"),
    # 甘肃: "四、一般公共预算情况 (一)基本支出。2022年基本支出3736.92万元,其中人员经费…,公用经费…。比2021年预算
    # 增加654万元": the parts of 基本支出, which stays the sentence's subject
    _v("人员经费.其中", "其中人员经费{人员经费:amt}", "一般公共", anchor="@"),
    _v("公用经费.其中", "公用经费{公用经费:amt}", "一般公共", anchor="@", after="，,、；;"),
)
#: The composer's budget sections (``patterns.BUDGET``'s topics "预算.…") as the headings of a budget
#: read name them: its clauses are read under these topics, in a budget only.
COMPOSER_TOPICS = {
    "预算.收支": ("收支总体", "收入", "支出", "财拨总体"),
    "预算.一般公共": ("一般公共",),
    "预算.三公": ("三公",),
    "预算.机关运行经费": (_OPERATING,),
    "预算.政府采购": (_PROCUREMENT,),
    "预算.资产": (_ASSETS,),
    "预算.绩效目标": ("绩效",),
}
#: Headings read before the 决算's own rules (``patterns._TOPIC_RULES``): "财政拨款收支预算总体情况" is
#: the 财政拨款's, not the 收支总体 of all funds.
FIRST_TOPIC_RULES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("财拨总体", ("财政拨款收支",), ("政府性基金", "国有资本", "一般公共")),
    ("财拨总体", ("财政拨款收入支出",), ("政府性基金", "国有资本", "一般公共")),
)
#: Budget headings: (topic, words a heading must contain, words it must not contain), read after the
#: 决算's own rules; most specific first.
TOPIC_RULES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (_OPERATING, ("机关运行经费",), ()),
    (_PROCUREMENT, ("政府采购",), ()),
    (_ASSETS, ("国有资产",), ()),
    ("绩效", ("绩效",), ()),
    ("基本支出", ("基本支出",), ()),
    ("收支总体", ("收支",), ("财政拨款",)),
    ("收支总体", ("收入支出预算",), ("财政拨款",)),
    ("收支总体", ("收入及支出",), ("财政拨款",)),  # 甘肃: "三、部门预算收入及支出总体情况"
    ("收入", ("收入预算",), ()),
    ("一般公共", ("一般公共预算",), ()),
    ("一般公共", ("财政拨款",), ()),
    ("支出", ("支出预算",), ()),
)
