"""The database itself: exact decimals, the schema created on first use, an older schema
migrated (never recreated), foreign or newer databases refused — on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sqlalchemy as sa

from conftest import cli
from juesuan.apps.store import db
from juesuan.apps.store.schema import Document, Exact, Figure, Unit, location_hash, now
from juesuan.core.findings import InputError

VALUES = [
    ("1787.23", "1787.230000"),
    ("-191.15", "-191.150000"),
    ("0.000001", "0.000001"),  # one 分 in 万元
    ("99999999999999.999999", "99999999999999.999999"),  # the largest NUMERIC(20, 6)
    ("881.381234", "881.381234"),
    ("12.3456789", "12.345679"),  # a percentage at full precision: rounded half-up once, to six places
    ("0.0000005", "0.000001"),
    ("0", "0.000000"),
]


def test_a_value_too_large_for_numeric_20_6_is_refused_alike(store_url):
    engine = db.open_store(store_url)
    with pytest.raises(Exception, match="digits"), db.session(engine, write=True) as s:
        doc = _document(s)
        s.add(Figure(document_id=doc.id, key="k", value=Decimal("100000000000000"), unit="万元", origin="derived"))
        s.flush()


def _document(s, sha: str = "a" * 64) -> Document:
    unit = Unit(name="测试单位", created_at=now())
    s.add(unit)
    s.flush()
    doc = Document(unit_id=unit.id, kind="决算", scope="部门", year=2024, source="data", unit_name="测试单位",
                   path="x.yaml", sha256=sha, size=1, version=1, ingested_at=now())
    s.add(doc)
    s.flush()
    return doc


def test_amounts_come_back_as_the_same_decimals(store_url):
    engine = db.open_store(store_url)
    with db.session(engine, write=True) as s:
        doc = _document(s)
        for i, (given, _) in enumerate(VALUES):
            s.add(Figure(document_id=doc.id, key=f"k{i}", value=Decimal(given), unit="万元", origin="derived"))
    with db.session(engine) as s:
        back = {f.key: f.value for f in s.execute(sa.select(Figure)).scalars()}
    for i, (_, expected) in enumerate(VALUES):
        assert isinstance(back[f"k{i}"], Decimal)
        assert str(back[f"k{i}"]) == expected


def test_a_new_database_is_created_at_the_newest_revision(store_url):
    engine = db.open_store(store_url)
    assert db.revision(engine) == db.head()
    names = set(sa.inspect(engine).get_table_names())
    assert {"units", "unit_aliases", "documents", "figures", "runs", "findings", "decisions"} <= names


def _at_revision_1(url: str) -> sa.Engine:
    """A database as juesuan's first schema made it, holding one document with a finding."""
    engine = db.engine_for(db.resolve_url(url))
    db.upgrade(engine, "0001")
    meta = sa.MetaData()
    meta.reflect(engine)
    t = meta.tables
    location = {"file": "a.pdf", "page": 3, "line": 12, "start": 4, "end": 10, "excerpt": "收入总计1,787.23万元", "section": "总体情况"}
    with db.connected(engine, write=True) as conn:
        conn.execute(t["units"].insert().values(id=1, name="测试单位", region="", level="", created_at=now()))
        conn.execute(t["unit_aliases"].insert().values(id=1, unit_id=1, name="测试单位", key="测试单位"))
        conn.execute(t["documents"].insert().values(id=1, unit_id=1, kind="决算", scope="部门", form="standard", year=2023,
                                                    source="published", unit_name="测试单位", region="", profile="national",
                                                    path="a.pdf", sha256="b" * 64, size=10, version=1, ingested_at=now()))
        figures = sa.table("figures", *(sa.column(c) for c in ("id", "document_id", "key", "unit", "origin", "page")),
                           sa.column("value", Exact()))  # reflection does not know the exact type
        conn.execute(figures.insert().values(id=1, document_id=1, key="收入总计", value=Decimal("1787.23"), unit="万元",
                                             origin="stated", page=3))
        conn.execute(t["runs"].insert().values(id=1, document_id=1, juesuan_version="0.1.0", profile="national", at=now(),
                                               errors=1, warnings=0, infos=0, checks={}, related={}))
        conn.execute(t["findings"].insert().values(id=1, run_id=1, code="T1-BALANCE", severity="error", message="收入总计不等于支出总计",
                                                   section="总体情况", figures={"差额": "0.10"}, location=location))
        conn.commit()
    return engine


def test_an_older_schema_is_refused_until_upgraded_then_migrated_with_its_data(store_url):
    engine = _at_revision_1(store_url)
    assert db.revision(engine) == "0001"
    with pytest.raises(InputError, match="store upgrade"):
        db.open_store(store_url)
    done = cli("store", "upgrade", "--db", store_url)
    assert done.returncode == 0, done.stderr
    assert f"从结构 0001 迁移到 {db.head()}" in done.stdout
    assert db.revision(engine) == db.head()
    with db.session(db.open_store(store_url)) as s:
        assert s.execute(sa.text("SELECT count(*) FROM documents")).scalar() == 1
        value = s.execute(sa.select(Figure.value)).scalar_one()
        assert value == Decimal("1787.23")
        code, location, stored_hash = s.execute(sa.text("SELECT code, location, location_hash FROM findings")).one()
        location = location if isinstance(location, dict) else __import__("json").loads(location)
        assert stored_hash == location_hash(code, location) and len(stored_hash) == 16
        assert s.execute(sa.text("SELECT count(*) FROM decisions")).scalar() == 0
    again = cli("store", "upgrade", "--db", store_url)
    assert again.returncode == 0 and "无需迁移" in again.stdout


def test_a_database_of_another_program_is_left_alone(store_url):
    engine = db.engine_for(db.resolve_url(store_url))
    with db.connected(engine, write=True) as conn:
        conn.execute(sa.text("CREATE TABLE payroll (id INTEGER PRIMARY KEY)"))
        conn.commit()
    with pytest.raises(InputError, match="不是 juesuan 的数据库"):
        db.open_store(store_url)
    assert set(sa.inspect(engine).get_table_names()) == {"payroll"}


def test_a_newer_schema_is_refused(store_url):
    engine = db.open_store(store_url)
    with db.connected(engine, write=True) as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
        conn.commit()
    with pytest.raises(InputError, match="更新版本的 juesuan"):
        db.open_store(store_url)


def test_urls():
    assert db.resolve_url("x.db").startswith("sqlite:///") and db.resolve_url("x.db").endswith("x.db")
    assert db.resolve_url("postgresql://u:secret@h/d") == "postgresql+psycopg://u:secret@h/d"
    assert "secret" not in db.shown("postgresql+psycopg://u:secret@h/d")


def test_the_default_database_is_a_file_in_the_users_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(db.ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert db.resolve_url(None) == f"sqlite:///{tmp_path / 'data' / 'juesuan' / 'juesuan.db'}"
    monkeypatch.setenv(db.ENV, "sqlite:///elsewhere.db")
    assert db.resolve_url(None) == "sqlite:///elsewhere.db"


def test_an_unreachable_server_is_one_line(tmp_path):
    done = cli("store", "list", "--db", f"postgresql://nobody@/nothing?host={tmp_path}&port=1")
    assert done.returncode == 2 and "无法连接" in done.stderr and "Traceback" not in done.stderr
