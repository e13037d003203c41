"""Accounts on a real server: users made from the command line, argon2 hashes only, session
cookies HttpOnly and SameSite, CSRF on every form, and each user kept to their unit or region."""

from __future__ import annotations

import re
import subprocess
import sys

from webserver import PASSWORDS
from juesuan.apps.store import db
from juesuan.apps.web import accounts


def _cli(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "juesuan.apps.cli", *args], input=stdin, capture_output=True, text=True)


def test_users_add_stores_only_an_argon2_hash_and_never_prints_the_password(tmp_path):
    url = f"sqlite:///{tmp_path / 'u.db'}"
    secret = "Kx9-correct-horse-battery"
    done = _cli("users", "add", "zhang", "--role", "reviewer", "--region", "上海", "--password-stdin", "--db", url, stdin=secret + "\n")
    assert done.returncode == 0, done.stderr
    assert "已建立用户 zhang" in done.stdout
    assert secret not in done.stdout + done.stderr
    raw = (tmp_path / "u.db").read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("u.db-*"))
    assert secret.encode() not in raw
    engine = db.open_store(url)
    with db.session(engine) as s:
        (stored,) = s.execute(__import__("sqlalchemy").text("SELECT password_hash FROM users")).one()
    assert stored.startswith("$argon2id$") and secret not in stored
    assert accounts.sign_in(engine, "zhang", secret) is not None
    assert accounts.sign_in(engine, "zhang", secret + "x") is None
    listed = _cli("users", "list", "--db", url)
    assert "zhang" in listed.stdout and "上海" in listed.stdout and "argon2" not in listed.stdout


def test_users_add_refuses_bad_requests_with_one_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'u.db'}"
    short = _cli("users", "add", "li", "--role", "admin", "--password-stdin", "--db", url, stdin="abc\n")
    assert short.returncode == 2 and "密码太短" in short.stderr and "Traceback" not in short.stderr
    no_unit = _cli("users", "add", "wang", "--role", "preparer", "--password-stdin", "--db", url, stdin="long-enough-1\n")
    assert no_unit.returncode == 2 and "--unit" in no_unit.stderr
    ok = _cli("users", "add", "wang", "--role", "admin", "--password-stdin", "--db", url, stdin="long-enough-1\n")
    assert ok.returncode == 0
    again = _cli("users", "add", "wang", "--role", "admin", "--password-stdin", "--db", url, stdin="long-enough-2\n")
    assert again.returncode == 2 and "已存在" in again.stderr


def test_serve_prints_its_address(server):
    assert f"juesuan 工作台已启动：http://127.0.0.1:{server.port}/" in server.banner


def test_sign_in_sets_an_httponly_samesite_cookie_and_a_wrong_password_is_refused(server):
    c = server.client()
    page = c.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    wrong = c.post("/login", data={"csrf": token, "login": "rev", "password": "nope-nope-nope"})
    assert wrong.status_code == 401 and "用户名或密码不对" in wrong.text
    right = c.post("/login", data={"csrf": token, "login": "rev", "password": PASSWORDS["rev"]})
    assert right.status_code == 303
    cookie = right.headers["set-cookie"]
    assert "juesuan_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert c.get("/review").status_code == 200
    assert server.client().get("/review").status_code == 303  # a visitor is sent to sign in


def test_every_form_refuses_a_post_without_its_csrf_token(server):
    visitor = server.client()
    visitor.get("/login")
    assert visitor.post("/login", data={"login": "rev", "password": PASSWORDS["rev"]}).status_code == 403
    c = server.client("rev")
    assert c.post("/logout", data={}).status_code == 403
    assert c.post("/logout", data={"csrf": "forged"}).status_code == 403
    refused = c.post("/review/upload", files=[("files", ("a.pdf", b"%PDF-1.4", "application/pdf"))])
    assert refused.status_code == 403 and "安全令牌" in refused.text
    assert c.post("/doc/1/decide", data={"finding": "1", "status": "false_alarm"}).status_code in (403, 404)
    p = server.client("prep")
    assert p.post("/doc/1/reason", data={"key": "x", "text": "y"}).status_code in (403, 404)
    assert c.get("/review").status_code == 200  # still signed in: the refused logout did nothing
    assert c.post("/logout", data={"csrf": c.csrf}).status_code == 303
    assert c.get("/review").status_code == 303


def test_passwords_never_reach_the_server_log(server):
    for user, password in PASSWORDS.items():
        server.client(user)
        server.client().login(user, password + "-wrong")
    log = server.log.read_text()
    assert not any(p in log for p in PASSWORDS.values())


def test_roles_keep_to_their_pages(server):
    prep = server.client("prep")
    assert prep.get("/review").status_code == 403
    assert prep.get("/dashboard").status_code == 403
    rev = server.client("rev")
    assert rev.get("/unit/template?year=2024").status_code == 403
    assert rev.get("/dashboard?region=北京").status_code == 403
    assert "无权" in rev.get("/dashboard?region=北京").text


def test_pages_carry_the_security_headers(server):
    r = server.client("rev").get("/review")
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
