"""The real documents: the seed (昌吉州政府办公室 2024) and the Shanghai 2024 PDFs. The known
mistakes are found; the 0.01 gaps are info only; no error is raised that a careful reader would
call false. Skips when ../shared is absent."""


import pytest

from shared import SHARED, needs_shared, shared

SEED = SHARED / "seed" / "000_e5361b4e9819f483.txt"
CORPUS = SHARED / "corpus"

pytestmark = needs_shared

#: Codes of the performance checks (helper-owned elsewhere) are judged in their own tests.
MINE = ("T", "X", "N", "C", "W", "R")


@pytest.fixture(scope="module")
def seed():
    from juesuan.audit import check_path

    result = check_path(SEED)
    assert result.report is not None, result.error
    return result.report.findings


def mine(findings):
    return [f for f in findings if f.code.split("-")[0][0] in MINE and not f.code.startswith("P-")]


@needs_shared
def test_seed_editor_question_found(seed):
    hit = [f for f in seed if f.code == "W-EDITOR-QUESTION"]
    assert len(hit) == 1 and hit[0].severity.value == "error"
    assert hit[0].figures["原文"] == "补充开展党纪学题教育情况？"
    span = hit[0].spans[0]
    assert span.excerpt[span.start:span.end].endswith("情况？")


@needs_shared
def test_seed_doubled_full_stop_found(seed):
    hit = [f for f in seed if f.code == "W-DOUBLE-PUNCT"]
    assert [f.figures["标点"] for f in hit] == ["。。"]
    assert "档案缺失。。下一步" in hit[0].spans[0].excerpt


@needs_shared
def test_seed_cent_gaps_are_info_only(seed):
    rounding = [f for f in seed if f.code == "ROUNDING"]
    assert all(f.severity.value == "info" for f in rounding)
    gaps = sorted((f.figures.get("关系"), f.figures["差额"]) for f in rounding)
    # 208 (202.36 vs 202.35), 210 (50.25 vs 50.26), 基本支出 (1,217.85 vs 1,217.86), Σ项 增减 (−180.86 vs −180.87)
    assert gaps == [("C44", "-0.01"), ("C44", "-0.01"), ("C44", "0.01"), ("C45", "0.01")]


@needs_shared
def test_seed_has_no_other_error(seed):
    errors = sorted({f.code for f in mine(seed) if f.severity.value == "error"})
    assert errors == ["W-EDITOR-QUESTION"]


@needs_shared
def test_seed_runs_narrative_self_checks(seed):
    from juesuan.audit import check_path

    summary = check_path(SEED).report.summary()
    not_run = {n["check"] for n in summary["not_run"]}
    for name in ("narrative_totals", "class_structure", "shares", "yoy_percent", "budget_gap", "sangong_structure",
                 "procurement", "assets", "staff", "repeated", "sections", "tables_present"):
        assert name not in not_run, name


def _pdf(name):
    path = CORPUS / name
    shared("corpus", name)
    from juesuan.audit import check_path

    result = check_path(path)
    assert result.report is not None, f"the PDF reader could not read {name}: {result.error}"
    return result.report.findings


@needs_shared
def test_caizhengju_fiscal_total_contradiction():
    findings = _pdf("shanghai-putuo-caizhengju-2024-juesuan.pdf")
    hit = [f for f in findings if f.code == "N-FISCAL"]
    assert hit and hit[0].figures["说明中"] == "0.30" and hit[0].figures["表中"] == "2,961.68"
    share = [f for f in findings if f.code == "N-SHARE"]
    assert share and share[0].figures["重算占比"] == "71.65%"  # printed 71.73%
    assert {f.code for f in mine(findings) if f.severity.value == "error"} <= {"N-FISCAL", "N-SHARE"}


@needs_shared
def test_guihuaziyuanju_basic_spending_from_wrong_table():
    findings = _pdf("shanghai-putuo-guihuaziyuanju-2024-juesuan.pdf")
    basic = {f.figures["说明中"] for f in findings if f.code == "N-BASIC"}
    assert basic == {"5,377.64", "4,896.98"}  # all-funds 基本支出 instead of the 一般公共预算 one
    names = {f.figures["说明中名称"] for f in findings if f.code == "N-ITEM-NAME"}
    assert "其他国土资源事务支出" in names
    # and the template's "下降（增长）" left in (W-TEMPLATE-CHOICE, a real error)
    assert {f.code for f in mine(findings) if f.severity.value == "error"} <= {"N-BASIC", "W-TEMPLATE-CHOICE"}


@needs_shared
def test_shehuigongzuobu_completion_against_zero_budget():
    findings = _pdf("shanghai-putuo-shehuigongzuobu-2024-juesuan.pdf")
    hit = [f for f in findings if f.code == "N-COMPLETION-BASE"]
    assert hit and hit[0].figures["说明中完成率"] == "95.89%"
    # the real errors: the template's instruction left under two empty tables, and 中小企业 amounts
    # (预留 21.07 + 其他 21.07) beyond the 21.07 procurement total
    errors = sorted(f.code for f in mine(findings) if f.severity.value == "error")
    assert errors == ["N-PROCUREMENT", "W-TEMPLATE-REMNANT", "W-TEMPLATE-REMNANT"]
    # growth from zero (a unit created in 2024) is the convention, not a finding
    assert not [f for f in findings if f.code in ("N-YOY-PCT", "N-ZERO-BASE")]
