"""Which database, its engine and sessions, and its schema revision.

Where it sits: apps/store, under ``ingest``, ``query``, ``report`` and the ``store`` command.

The database is ``--db URL``, else ``$JUESUAN_DB``, else a SQLite file in the user's data folder
(``$XDG_DATA_HOME/juesuan/juesuan.db``, by default ``~/.local/share/juesuan/juesuan.db``), created
with the newest schema on first use. A plain path (``x.db``) means a SQLite file; a
``postgresql://`` URL is served by psycopg 3. SQLite runs in WAL mode and every write transaction
starts with ``BEGIN IMMEDIATE``, so concurrent writers queue for the lock instead of failing
half-way. A database of an older schema is never recreated: commands refuse it with one line until
``juesuan store upgrade`` has migrated it (Alembic, migrations shipped in ``migrations/``).
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session

from ...core.findings import InputError

ENV = "JUESUAN_DB"
MIGRATIONS = Path(__file__).with_name("migrations")
_WRITE = "juesuan_write"
#: How long a SQLite writer waits for another process's transaction (seconds).
SQLITE_WAIT = 120


def default_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "juesuan" / "juesuan.db"


def resolve_url(url: str | None = None) -> str:
    """``--db`` value, ``$JUESUAN_DB`` or the default file, as a SQLAlchemy URL."""
    raw = (url or os.environ.get(ENV) or "").strip()
    if not raw:
        return f"sqlite:///{default_path()}"
    if "://" not in raw:
        return f"sqlite:///{Path(raw).expanduser()}"
    for plain in ("postgresql://", "postgres://"):
        if raw.startswith(plain):
            return "postgresql+psycopg://" + raw[len(plain):]
    return raw


def shown(url: str) -> str:
    """The URL as it may be printed: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # transactions are begun below, not by the driver
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_WAIT * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


_ENGINES: dict[str, Engine] = {}


def _forget_engines() -> None:
    """In a forked worker: leave the parent's pooled connections to the parent."""
    for engine in _ENGINES.values():
        engine.dispose(close=False)
    _ENGINES.clear()


os.register_at_fork(after_in_child=_forget_engines)


def engine_for(url: str) -> Engine:
    """One engine per URL and process (the file's folder is created for SQLite)."""
    if url not in _ENGINES:
        _ENGINES[url] = _engine(url)
    return _ENGINES[url]


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise InputError(f"数据库地址 {url} 无法识别（例：sqlite:///审核.db 或 postgresql://用户@主机/库名）") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(f"数据库 {shown(url)}：无法创建文件夹 {folder}（{exc.strerror}）") from exc
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_WAIT})
        _sqlite_setup(engine)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except Exception as exc:  # a driver that is not installed, a malformed option
        raise InputError(f"数据库 {shown(url)}：无法使用（{exc.__class__.__name__}: {exc}）") from exc


def create_database(server_url: str, prefix: str) -> tuple[str, str]:
    """A new, empty database on the PostgreSQL server at ``server_url`` (for tests and benchmarks):
    its URL and its name (``prefix`` and a random suffix)."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False), name


@contextmanager
def connected(engine: Engine, write: bool = False) -> Iterator:
    """A connection; ``write`` makes SQLite take its write lock when the transaction begins."""
    try:
        conn = engine.connect()
    except OperationalError as exc:
        raise InputError(f"数据库 {shown(str(engine.url))} 无法连接（{_reason(exc)}）") from exc
    with conn:
        if write:
            conn.execution_options(**{_WRITE: True})
        yield conn


@contextmanager
def session(engine: Engine, write: bool = False) -> Iterator[Session]:
    """A session in one transaction, committed when the block ends without an exception."""
    with connected(engine, write) as conn, Session(bind=conn, expire_on_commit=False) as s:
        with s.begin():
            yield s


def _reason(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc) or exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__


# --------------------------------------------------------------------------- schema revision

def _alembic_config(conn=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def revision(engine: Engine) -> str | None:
    """The schema revision of the database; None for an empty one; "" for tables not ours."""
    from alembic.migration import MigrationContext

    with connected(engine) as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current is None and inspect(conn).get_table_names():
            return ""
        return current


def upgrade(engine: Engine, target: str = "head") -> tuple[str | None, str]:
    """Migrate the database to ``target`` (the newest revision by default), keeping its data;
    returns (revision before, revision after)."""
    from alembic import command

    before = revision(engine)
    if before == "":
        raise InputError(f"数据库 {shown(str(engine.url))} 中已有其他程序的表，不是 juesuan 的数据库，未改动")
    with connected(engine, write=True) as conn:
        command.upgrade(_alembic_config(conn), target)
        conn.commit()
    return before, revision(engine) or ""


def open_store(url: str | None = None) -> Engine:
    """The engine of a database at the newest schema: an empty database is created; an older one
    is refused (one line: run ``juesuan store upgrade``); a newer or foreign one too."""
    engine = engine_for(resolve_url(url))
    current, newest = revision(engine), head()
    if current is None:
        upgrade(engine)
        return engine
    if current == newest:
        return engine
    where = shown(str(engine.url))
    if current == "":
        raise InputError(f"数据库 {where} 中已有其他程序的表，不是 juesuan 的数据库")
    from alembic.script import ScriptDirectory

    known = {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}
    if current not in known:
        raise InputError(f"数据库 {where} 由更新版本的 juesuan 建立（结构版本 {current}），请升级 juesuan 后再用")
    raise InputError(f"数据库 {where} 的结构是旧版本（{current}，当前为 {newest}），"
                     f"请先运行 juesuan store upgrade --db {where} 迁移（数据全部保留）")
