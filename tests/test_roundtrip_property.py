"""Round trip for every data shape: generated disclosures go out as md/html/docx/xlsx and come back.

Hypothesis writes valid data files of many shapes — 绩效 tables 整体 only, 项目 only, both or
none; a table with no fund lines; zero 上年 and 预算 bases; one 项 or many; empty 政府性基金 and
国有资本经营 tables — builds each with ``api.build`` and reads every written file back with
``api.read``. Every amount of the nine tables must come back as the data's value rounded to 2 dp,
and every 绩效 table with its kind, name, indicators, weights and the scores the scoring engine
gives (the comparison of ``test_roundtrip.py``). Run with ``--hypothesis-show-statistics`` to
see how many inputs ran.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juesuan import api
from juesuan.core.codes import economic_codes, function_codes
from juesuan.core.profiles import load_profile
from juesuan.io import template_layout as L
from juesuan.rules import derive
from roundtrip_compare import evaluation_mismatches, table_mismatches

FORMATS = ("md", "html", "docx", "xlsx")
YEAR = 2024

#: 项 codes whose 类 the 收入支出决算总表 prints (a code outside those 26 类 has no row there).
FUNCTION_ITEMS = tuple(c for c in function_codes(YEAR).codes() if len(c) == 7 and c[:3] in L.T1_CLASS_CODES)
ECONOMIC_ITEMS = tuple(c for c in economic_codes().codes()
                       if len(c) == 5 and c[:3] in (*L.T6_LEFT_CLASSES, *L.T6_RIGHT_CLASSES) and c not in L.T6_OMITTED)
WORDS = "财政资金项目管理保障运行经费服务工作办公信息建设维护培训会议督查"
LEVELS = (("产出指标", ("数量指标", "质量指标", "时效指标")), ("效益指标", ("社会效益指标", "可持续影响指标")),
          ("成本指标", ("经济成本指标",)), ("满意度指标", ("服务对象满意度指标",)))
WHOLE_FUNDS = ("上级资金", "本级资金", "其他资金", "合计")
PROJECT_FUNDS = ("年度资金总额", "当年财政拨款", "其他资金")
SANGONG_PARTS = ("因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费")

# Amounts in 元 with 分: zero often (zero bases, empty columns), otherwise up to 10 亿.
yuan = st.one_of(st.just(Decimal(0)), st.integers(1, 10**11).map(lambda n: Decimal(n) / 100))
words = st.text(alphabet=WORDS, min_size=2, max_size=10)


def _number(value: Decimal) -> str:
    return format(value, "f")


@st.composite
def indicator(draw, index: int) -> dict:
    level1, level2s = draw(st.sampled_from(LEVELS))
    unit = draw(st.sampled_from(("个", "%", "万元", "次", "人", "")))
    target = draw(st.integers(0, 2000).map(lambda n: Decimal(n) / 4))
    actual = draw(st.integers(0, 2000).map(lambda n: Decimal(n) / 4))
    row = {"一级指标": level1, "二级指标": draw(st.sampled_from(level2s)), "三级指标": f"指标{index + 1}{draw(words)}",
           "权重": draw(st.integers(0, 30))}
    if draw(st.booleans()):
        comparator = draw(st.sampled_from(("=", ">=", "<=")))
        row |= {"目标值": f"{comparator}{_number(target)}{unit}", "实际值": f"={_number(actual)}{unit}"}
    else:  # a qualitative indicator
        row |= {"目标值": "达到预期", "实际值": draw(st.sampled_from(("达到预期", "基本达到预期", "未达到预期")))}
    return row


@st.composite
def evaluation(draw, kind: str, index: int) -> dict:
    labels = WHOLE_FUNDS if kind == "整体" else PROJECT_FUNDS
    chosen = draw(st.lists(st.sampled_from(labels), unique=True, max_size=len(labels)))  # may be none at all
    funds = []
    for label in sorted(chosen, key=labels.index):
        line = {"来源": label, "年初预算": draw(yuan), "全年预算": draw(yuan), "执行数": draw(yuan)}
        funds.append({k: (_number(v) if isinstance(v, Decimal) else v) for k, v in line.items()})
    if funds:
        funds[-1 if kind == "整体" else 0]["分值"] = draw(st.integers(0, 20))
    n = draw(st.integers(1, 8))
    indicators = [draw(indicator(i)) for i in range(n)]
    name = f"{draw(words)}单位" if kind == "整体" else f"{index + 1}号{draw(words)}项目"
    out = {"类型": kind, "名称": name, "年度": YEAR, "资金": funds, "预期目标": draw(words), "实际完成": draw(words),
           "指标": indicators}
    if kind == "项目":
        out |= {"主管部门": draw(words), "实施单位": draw(words)}
    return out


@st.composite
def evaluations(draw) -> list[dict]:
    shape = draw(st.sampled_from(("none", "whole", "projects", "both")))
    out = []
    if shape in ("whole", "both"):
        out.append(draw(evaluation("整体", 0)))
    if shape in ("projects", "both"):
        out += [draw(evaluation("项目", i)) for i in range(draw(st.integers(1, 3)))]
    return out


@st.composite
def data_file(draw) -> dict:
    items = draw(st.lists(st.sampled_from(FUNCTION_ITEMS), min_size=1, max_size=12, unique=True))
    basic = {c: draw(yuan) for c in items}
    project = {c: draw(yuan) for c in items}
    t3 = {c: {"基本支出": _number(basic[c]), "项目支出": _number(project[c]), "上缴上级支出": 0} for c in items}
    t5 = {c: {"基本支出": _number(basic[c]), "项目支出": _number(project[c])} for c in items}
    t2 = {c: {"财政拨款收入": _number(basic[c] + project[c])} for c in items}
    econ = draw(st.lists(st.sampled_from(ECONOMIC_ITEMS), min_size=1, max_size=10, unique=True))
    fiscal = sum((basic[c] + project[c] for c in items), Decimal(0))
    tables = {
        "T1": {"收入": {"一般公共预算财政拨款收入": _number(fiscal), "其他收入": _number(draw(yuan))},
               "年初结转和结余": _number(draw(yuan)), "年末结转和结余": _number(draw(yuan))},
        "T2": {"行": t2},
        "T3": {"行": t3},
        "T4": {"年初结转和结余": 0, "年末结转和结余": 0},
        "T5": {"行": t5},
        "T6": {"行": {c: _number(draw(yuan)) for c in econ}},
        "T7": {"说明": "本单位本年度无政府性基金预算财政拨款收支，本表为空表。"},
        "T8": {"说明": "本单位本年度无国有资本经营预算财政拨款收支，本表为空表。"},
        "T9": {kind: {item: _number(draw(yuan)) for item in SANGONG_PARTS} for kind in ("预算数", "决算数")},
    }
    prior = {"收支总计": _number(draw(yuan)), "财政拨款收支总计": _number(draw(yuan)),
             "一般公共预算财政拨款支出": _number(draw(yuan)), "项": {c: _number(draw(yuan)) for c in items}}
    budget = {"财政拨款收支总计": _number(draw(yuan)), "一般公共预算财政拨款支出": _number(draw(yuan))}
    return {
        "金额单位": "元",
        "配置": draw(st.sampled_from(("xinjiang-2024", "national"))),
        "单位": {"名称": f"{draw(words)}局", "年度": YEAR, "主要职能": [draw(words)],
               "人员": {"在职": draw(st.integers(0, 200)), "离休": 0, "退休": draw(st.integers(0, 100))}},
        "表": tables,
        "上年": prior,
        "年初预算": budget,
        "绩效": draw(evaluations()),
    }


def round_trip(data: dict) -> dict[str, list[str]]:
    """Build every quick format from ``data`` and read each back: mismatches per format."""
    with tempfile.TemporaryDirectory(prefix="juesuan-prop-") as tmp:
        source = Path(tmp) / "决算数据.yaml"
        source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        d = api.load(source)
        full, profile = derive.complete(d), load_profile(d.profile)
        result = api.build(source, Path(tmp) / "out", formats=FORMATS)
        assert sorted(p.suffix for p in result.files) == sorted(f".{f}" for f in FORMATS), result.warnings
        out = {}
        for path in result.files:
            got = api.read(path)
            api.check(got)  # the checks run over what was read back without failing
            out[path.suffix] = table_mismatches(full, got) + evaluation_mismatches(full, profile, got)
        return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data_file())
def test_every_shape_reads_back(data):
    assert round_trip(data) == {f".{f}": [] for f in FORMATS}


def test_project_table_alone_keeps_its_kind():
    """A unit whose only 绩效 table is a 项目 table: the narrative above it mentions "整体支出绩效
    自评表0个", which must not make the reader take the table for the 整体 one."""
    example = yaml.safe_load((Path(__file__).resolve().parents[1] / "examples" / "changji-2024" / "决算数据.yaml")
                             .read_text(encoding="utf-8"))
    example["绩效"] = [e for e in example["绩效"] if e["类型"] == "项目"][:1]
    assert round_trip(example) == {f".{f}": [] for f in FORMATS}
