"""The workbench tests' server and client: ``juesuan serve`` in a process of its own, on a
loopback port, on a new SQLite store, with four users; an HTTP client that signs in. (A module
of its own name, not ``conftest``: the store tests have a conftest of their own.)"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORDS = {"rev": "review-pass-7781", "prep": "prepare-pass-5512", "other": "other-pass-9043", "admin": "admin-pass-3307"}
UNIT = "昌吉回族自治州人民政府办公室"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database(folder: Path) -> str:
    """A new SQLite file; with ``JUESUAN_TEST_WEB_PG=1`` a new database of the PostgreSQL server at
    ``$JUESUAN_TEST_PG`` instead (to run the whole web suite on PostgreSQL by hand)."""
    base = os.environ.get("JUESUAN_TEST_PG", "")
    if os.environ.get("JUESUAN_TEST_WEB_PG") != "1":
        return f"sqlite:///{folder / 'store.db'}"
    if not base:
        pytest.fail("JUESUAN_TEST_WEB_PG=1 需要 JUESUAN_TEST_PG（PostgreSQL 测试服务器的地址）")
    from juesuan.apps.store.db import create_database

    return create_database(base, "web")[0]


class Server:
    def __init__(self, folder: Path, env: dict | None = None):
        from juesuan.apps.store import db
        from juesuan.apps.web import accounts

        self.folder = folder
        self.url = _database(folder)
        engine = db.open_store(self.url)
        accounts.add_user(engine, "rev", PASSWORDS["rev"], "reviewer", region="上海、重庆")
        accounts.add_user(engine, "prep", PASSWORDS["prep"], "preparer", unit=UNIT)
        accounts.add_user(engine, "other", PASSWORDS["other"], "preparer", unit="上海市普陀区财政局")
        accounts.add_user(engine, "admin", PASSWORDS["admin"], "admin")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = folder / "server.log"
        full_env = {**os.environ, **(env or {})}
        self._log = self.log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "juesuan.apps.cli", "serve", "--db", self.url, "--port", str(self.port),
             "--data-dir", str(folder / "data")], stdout=self._log, stderr=subprocess.STDOUT, env=full_env, cwd=folder)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.base + "/login", timeout=1).status_code == 200:
                    self.banner = self.log.read_text()
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
            if self.process.poll() is not None:
                break
        self.stop()
        pytest.fail(f"工作台未能启动：{self.log.read_text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()

    def client(self, user: str | None = None) -> "Client":
        c = Client(self.base)
        if user:
            c.login(user, PASSWORDS[user])
        return c


class Client(httpx.Client):
    def __init__(self, base: str):
        super().__init__(base_url=base, timeout=120)
        self.csrf = ""

    def login(self, user: str, password: str) -> httpx.Response:
        page = self.get("/login")
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        r = self.post("/login", data={"csrf": token, "login": user, "password": password})
        if r.status_code == 303:
            home = self.get("/", follow_redirects=True)
            self.csrf = re.search(r'name="csrf" value="([^"]+)"', home.text).group(1)
        return r

    def wait_batch(self, location: str, seconds: float = 180) -> list[dict]:
        deadline = time.monotonic() + seconds
        while True:
            jobs = self.get(location + ".json").json()
            if all(j["status"] in ("done", "failed") for j in jobs):
                return jobs
            if time.monotonic() > deadline:
                pytest.fail(f"处理未在 {seconds} 秒内完成：{jobs}")
            time.sleep(0.3)


MISSING_KEY = "一般公共预算财政拨款支出.预决算"
