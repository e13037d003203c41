"""``juesuan store add``: what is stored of a document, the same file twice, a corrected
re-publication as a new version, bad files in a batch, list and history — on both databases."""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa

import yeardata as Y
from conftest import cli
from juesuan import __version__
from juesuan.apps.store import db
from juesuan.apps.store.schema import Document, Figure, FindingRow, Run, Unit

NAME = "昌吉回族自治州人民政府办公室"


def _count(url: str, table) -> int:
    with db.session(db.open_store(url)) as s:
        return s.execute(sa.select(sa.func.count()).select_from(table)).scalar()


def test_a_data_file_is_stored_with_its_figures_run_and_findings(store_url, tmp_path):
    done = cli("store", "add", str(Y.EXAMPLE.parent), "--db", store_url)
    assert done.returncode == 0, done.stderr
    assert f"已存入：{Y.EXAMPLE} → {NAME} 2024年度数据文件" in done.stdout
    with db.session(db.open_store(store_url)) as s:
        doc = s.execute(sa.select(Document)).scalar_one()
        assert (doc.kind, doc.scope, doc.year, doc.source, doc.version, doc.region) == ("决算", "部门", 2024, "data", 1, "新疆")
        assert s.execute(sa.select(Document.content)).scalar_one() == Y.EXAMPLE.read_bytes()
        figures = {f.key: f for f in s.execute(sa.select(Figure)).scalars()}
        # 元 data divided exactly: 16,931,619.71 元 of 一般公共预算财政拨款
        assert figures["一般公共预算财政拨款支出"].value == Decimal("1693.161971")
        assert figures["一般公共预算财政拨款支出"].unit == "万元" and figures["一般公共预算财政拨款支出"].origin == "derived"
        run = s.execute(sa.select(Run)).scalar_one()
        rows = s.execute(sa.select(FindingRow)).scalars().all()
        assert run.warnings == sum(r.severity == "warning" for r in rows) == 8  # the example's eight warnings (README)
        assert run.juesuan_version == __version__ and run.checks["run"] > 40
        assert all(len(r.location_hash) == 16 for r in rows)


def test_a_published_document_keeps_where_each_stated_figure_was_printed(store_url, tmp_path):
    from juesuan.compose import build

    page = build(Y.EXAMPLE, tmp_path / "公开", ["html"]).files[0]
    assert cli("store", "add", str(page), "--db", store_url).returncode == 0
    with db.session(db.open_store(store_url)) as s:
        doc = s.execute(sa.select(Document)).scalar_one()
        assert (doc.source, doc.scope, doc.unit_name) == ("published", "部门", NAME)
        stated = s.execute(sa.select(Figure).where(Figure.origin == "stated", Figure.key == "三公.合计")).scalars().first()
        assert stated.value == Decimal("77.21") and stated.line and "77.21" in stated.excerpt
        assert stated.excerpt[stated.mark_start:stated.mark_end] == "77.21"


def test_the_same_file_twice_is_stored_once(store_url, tmp_path):
    copy = tmp_path / "elsewhere" / "同一文件.yaml"
    copy.parent.mkdir()
    copy.write_bytes(Y.EXAMPLE.read_bytes())
    assert cli("store", "add", str(Y.EXAMPLE), "--db", store_url).returncode == 0
    again = cli("store", "add", str(Y.EXAMPLE), str(copy), "--db", store_url)
    assert again.returncode == 0
    assert again.stdout.count("已在库中（同一文件）") == 2 and "新存入 0，已在库中 2" in again.stdout
    assert _count(store_url, Document) == 1 and _count(store_url, Run) == 1 and _count(store_url, Unit) == 1


def test_a_corrected_republication_is_a_new_version_and_the_earlier_stays(store_url, tmp_path):
    first = Y.write(Y.example(), tmp_path / "v1" / "决算数据.yaml")
    corrected = Y.example()
    corrected["表"]["T9"]["决算数"]["公务接待费"] = 1200
    second = Y.write(corrected, tmp_path / "v2" / "决算数据.yaml")
    assert cli("store", "add", str(first), "--db", store_url).returncode == 0
    done = cli("store", "add", str(second), "--db", store_url)
    assert "第2版（更正后重新公开）" in done.stdout
    with db.session(db.open_store(store_url)) as s:
        versions = s.execute(sa.select(Document.version, Document.path).order_by(Document.version)).all()
    assert versions == [(1, str(first)), (2, str(second))]
    history = cli("store", "history", NAME, "--db", store_url)
    assert history.returncode == 0
    assert "2024年度 数据文件 第1版" in history.stdout and "2024年度 数据文件 第2版" in history.stdout


def test_a_bad_file_is_one_line_and_the_rest_of_the_batch_is_stored(store_url, tmp_path):
    broken = tmp_path / "坏文件.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    bad_data = tmp_path / "缺单位.yaml"
    bad_data.write_text("金额单位: 元\n表: {}\n", encoding="utf-8")
    done = cli("store", "add", str(broken), str(bad_data), str(Y.EXAMPLE), "--db", store_url)
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr
    missed = [line for line in done.stdout.splitlines() if line.startswith("未存入：")]
    assert len(missed) == 2 and broken.name in missed[0] and str(bad_data) in missed[1]
    assert _count(store_url, Document) == 1


def test_list_and_history(store_url, tmp_path):
    last = Y.write(Y.scaled(Y.example(), "0.9", year=2023), tmp_path / "2023" / "决算数据.yaml")
    assert cli("store", "add", str(last), str(Y.EXAMPLE), "--db", store_url).returncode == 0
    listed = cli("store", "list", "--db", store_url)
    assert listed.returncode == 0 and f"{NAME}（新疆）" in listed.stdout
    assert listed.stdout.index("2023年度") < listed.stdout.index("2024年度")
    only = cli("store", "list", "--year", "2023", "--db", store_url)
    assert "2023年度" in only.stdout and "2024年度" not in only.stdout
    assert "没有符合条件" in cli("store", "list", "--region", "上海", "--db", store_url).stdout
    unknown = cli("store", "history", "不存在的单位", "--db", store_url)
    assert unknown.returncode == 2 and "库中没有单位“不存在的单位”" in unknown.stderr
