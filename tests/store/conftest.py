"""Fixtures of the store tests: every test that takes ``store_url`` runs twice, on a new SQLite
file and on a new database of a real PostgreSQL server.

The server: ``$JUESUAN_TEST_PG`` (``bash scripts/test`` starts one and exports it), else one this
session starts itself with ``scripts/pg-test-server`` when Debian's ``postgresql`` package is
installed. Without either the PostgreSQL half of each test fails — it is never skipped, so a
machine that cannot test the team database never passes for one that did.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from juesuan.apps.store.db import create_database

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))  # yeardata
PG_ENV = "JUESUAN_TEST_PG"
DATABASES = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_server():
    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    script = ROOT / "scripts" / "pg-test-server"
    folder = tempfile.mkdtemp(prefix="juesuan-pg-")
    started = subprocess.run(["bash", str(script), "start", folder], capture_output=True, text=True)
    if started.returncode != 0:
        pytest.fail(f"PostgreSQL 测试需要服务器：设置 {PG_ENV}，或安装 Debian 软件包 postgresql"
                    f"（bash scripts/test 两者都做）。{started.stderr.strip()}", pytrace=False)
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run(["bash", str(script), "stop", folder], capture_output=True)


def _drop_pg_database(base: str, url: str, name: str) -> None:
    from juesuan.apps.store import db

    db.engine_for(db.resolve_url(url)).dispose()
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def make_store_url(request, tmp_path):
    """``make(kind)`` → the URL of a new, empty database of that kind (dropped after the test)."""
    made: list[tuple[str, str, str]] = []

    def make(kind: str, name: str = "store.db") -> str:
        if kind == "sqlite":
            return f"sqlite:///{tmp_path / name}"
        base = request.getfixturevalue("pg_server")
        url, dbname = create_database(base, "t")
        made.append((base, url, dbname))
        return url

    yield make
    for base, url, dbname in made:
        _drop_pg_database(base, url, dbname)


@pytest.fixture(params=DATABASES)
def store_url(request, make_store_url):
    """A new empty database, SQLite then PostgreSQL."""
    return make_store_url(request.param)


def cli(*args: str, cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """``juesuan ARGS`` in a process of its own, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "juesuan.apps.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
