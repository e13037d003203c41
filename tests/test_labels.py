"""core.labels: every figure key of core/keys.py named as a finance officer writes it."""

import re
from pathlib import Path

import pytest

from juesuan.core import keys
from juesuan.core.labels import label
from juesuan.core.model import SANGONG_ITEMS, VEHICLE_CATEGORIES

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "changji-2024"

#: Anything that looks like an internal key: a family prefix with a dot, or a dot at all.
LEAK = re.compile(r"\.|^(收入|支出|类|项|款|三公|政府采购|资产|绩效|人员)\.")


@pytest.mark.parametrize("key, expected", [
    # 一 收入支出总体
    ("收入总计", "收入总计"), ("本年收入合计", "本年收入合计"), ("使用非财政拨款结余", "使用非财政拨款结余"),
    ("年初结转和结余", "年初结转和结余"), ("支出总计", "支出总计"), ("结余分配", "结余分配"),
    ("年末结转和结余", "年末结转和结余"), ("收支总计.增减", "收入支出总计增减额"), ("收支总计.增减率", "收入支出总计增减率"),
    # 二 收入, 三 支出
    ("收入.财政拨款收入", "财政拨款收入"), ("收入.其他收入.占比", "其他收入占比"),
    ("支出.基本支出", "基本支出"), ("支出.项目支出.占比", "项目支出占比"),
    # 四 财政拨款
    ("财政拨款收入总计", "财政拨款收入总计"), ("本年财政拨款支出", "本年财政拨款支出"),
    ("财政拨款收支总计.年初预算", "财政拨款收入支出总计年初预算数"), ("财政拨款收支总计.预决算差异率", "财政拨款收入支出总计预决算差异率"),
    # 五
    ("一般公共预算财政拨款支出.全年预算", "一般公共预算财政拨款支出全年预算数"),
    ("一般公共预算财政拨款支出.完成率", "一般公共预算财政拨款支出完成率"),
    ("类.208", "社会保障和就业支出（208）"), ("类.201.占比", "一般公共服务支出（201）占比"),
    ("项.2080501", "行政单位离退休（2080501）"), ("项.2080501.增减", "行政单位离退休（2080501）增减额"),
    ("项.2010301.上年", "行政运行（2010301）上年数"), ("款.20805", "行政事业单位养老支出（20805）"),
    ("类.999", "类级科目999"), ("项.9999999.增减率", "项级科目9999999增减率"),
    # 六
    ("一般公共预算财政拨款基本支出", "一般公共预算财政拨款基本支出"), ("人员经费.占比", "人员经费占比"), ("公用经费", "公用经费"),
    ("经济.30101", "基本工资（30101）"),
    # 九 三公
    ("三公.合计.增减率", "“三公”经费合计增减率"), ("三公.合计", "“三公”经费合计"),
    ("三公.公务接待费.全年预算", "公务接待费全年预算数"), ("三公.出国团组", "因公出国（境）团组数"),
    ("三公.保有车辆.增减", "公务用车保有量增减数"), ("三公.接待人次", "国内公务接待人次"),
    # 十 其他重要事项
    ("机关运行经费.增减", "机关运行经费增减额"), ("政府采购.总额", "政府采购支出总额"),
    ("政府采购.小微企业.占比", "授予小微企业合同金额占比"), ("资产.房屋面积", "房屋面积"), ("资产.车辆价值", "车辆价值"),
    ("资产.车辆", "车辆数"), ("资产.车辆.主要负责人用车", "主要负责人用车数"), ("资产.大型设备", "单位价值100万元以上大型设备数"),
    # 十一 绩效
    ("绩效.整体表数", "整体支出绩效自评表数"), ("绩效.整体.全年预算", "整体支出绩效自评全年预算数"),
    ("绩效.项目.执行数", "项目支出绩效自评全年执行数"), ("绩效.综合得分", "整体支出绩效自评综合得分"),
    # 单位概况
    ("人员.实有", "实有人数"), ("人员.在职.增减", "在职人员增减数"), ("人员.退休", "退休人员"), ("人员.科室", "内设科室数"),
    # reasons and repeated quantities
    ("三公.合计.预决算", "“三公”经费合计预决算差异"), ("资产.车辆｜三公.固定资产车辆", "车辆数／固定资产车辆数"),
])
def test_label(key, expected):
    assert label(key) == expected


def test_every_suffix_has_its_word():
    words = {keys.SHARE: "占比", keys.PRIOR: "上年数", keys.DELTA: "增减额", keys.DELTA_PCT: "增减率",
             keys.INITIAL_BUDGET: "年初预算数", keys.FULL_BUDGET: "全年预算数", keys.BUDGET_GAP: "预决算差异率", "完成率": "完成率",
             keys.BUDGET_DIFF: "决算数与预算数之差"}
    assert set(keys.SUFFIXES) <= set(words), "a new suffix in core.keys needs its words in core.labels"
    for suffix, word in words.items():
        assert label(keys.key("本年支出合计", suffix)) == "本年支出合计" + word


def _all_subjects() -> list[str]:
    subjects = ["收入总计", "本年收入合计", "使用非财政拨款结余", "年初结转和结余", "支出总计", "本年支出合计", "结余分配",
                "年末结转和结余", "收支总计", "财政拨款收入总计", "年初财政拨款结转和结余", "本年财政拨款收入", "财政拨款支出总计",
                "年末财政拨款结转和结余", "本年财政拨款支出", "财政拨款收支总计", "一般公共预算财政拨款支出", "一般公共预算财政拨款基本支出",
                "人员经费", "公用经费", "机关运行经费", "资产.房屋面积", "资产.房屋价值", "资产.车辆", "资产.车辆价值", "资产.大型设备",
                "绩效.整体表数", "绩效.整体.全年预算", "绩效.整体.执行数", "绩效.项目数", "绩效.项目.全年预算", "绩效.项目.执行数",
                "绩效.综合得分", "三公.出国团组", "三公.出国人次", "三公.购置车辆", "三公.保有车辆", "三公.固定资产车辆",
                "三公.接待批次", "三公.接待人次", keys.klass("221"), keys.item("2210201")]
    subjects += [f"收入.{i}" for i in keys.INCOME_ITEMS] + [f"支出.{i}" for i in keys.EXPENDITURE_ITEMS]
    subjects += [f"三公.{i}" for i in SANGONG_ITEMS] + [f"政府采购.{p}" for p in keys.PROCUREMENT_PARTS]
    subjects += [f"资产.车辆.{c}" for c in VEHICLE_CATEGORIES]
    subjects += [f"人员.{p}" for p in ("实有", "在职", "离休", "退休", "下属单位", "科室")]
    return subjects


def test_no_subject_or_suffix_leaks_a_key():
    names = set()
    for subject in _all_subjects():
        for suffix in ("", *keys.SUFFIXES):
            name = label(keys.key(subject, suffix))
            assert not LEAK.search(name), (subject, suffix, name)
            names.add(name)
    assert len(names) == len(_all_subjects()) * (1 + len(keys.SUFFIXES))  # distinct keys, distinct names


def test_every_derived_key_of_the_example_is_named():
    from juesuan.core.profiles import load_profile
    from juesuan.io.readers.data import load
    from juesuan.rules.derive import derive

    figures = derive(load(EXAMPLE), load_profile("xinjiang-2024"))
    assert len(figures) > 100
    leaks = {k: label(k) for k in figures if LEAK.search(label(k))}
    assert not leaks
