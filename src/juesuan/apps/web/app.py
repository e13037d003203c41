"""The workbench's application: sign-in, sessions, CSRF, errors, and the routes of both sides.

Where it sits: apps/web, at the top; ``juesuan serve`` runs it with uvicorn. Routes are in
``routes_review`` (upload, queue, documents, decisions, dashboard) and ``routes_prepare``
(template, workbook, reasons, build); this module wires them and keeps what every request
needs: the signed-in :class:`~.accounts.Account` (or a redirect to sign in), the CSRF check of
every form, and one Chinese page for every refusal (403, 404, a bad form).
"""

from __future__ import annotations

import secrets
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from ..store import db
from . import accounts
from .jobs import Runner
from .uploads import UploadLimits

SESSION_COOKIE = "juesuan_session"
LOGIN_COOKIE = "juesuan_login"
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'",
}


class Refused(HTTPException):
    """A refusal shown as a page: 403 (not yours), 404 (not there), 400 (a bad form)."""


def account(request: Request) -> accounts.Account:
    """The signed-in account; a visitor is sent to the sign-in page."""
    found = accounts.account_for(request.app.state.engine, request.cookies.get(SESSION_COOKIE))
    if found is None:
        raise HTTPException(303, headers={"Location": "/login"})
    return found


async def form(request: Request, who: accounts.Account) -> dict[str, str]:
    """The posted form, after its CSRF token was compared with the session's."""
    data = await request.form(max_files=0, max_fields=50, max_part_size=64 * 1024)
    if not accounts.same_token(data.get("csrf"), who.csrf):
        raise Refused(403, "表单已过期或来源不明（安全令牌不符），未执行；请刷新页面后重试")
    return {k: str(v) for k, v in data.items()}


def page(request: Request, name: str, who: accounts.Account | None = None, status: int = 200, **context) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, {"who": who, **context}, status_code=status)


# --------------------------------------------------------------------------- sign-in

async def login_form(request: Request) -> Response:
    token = secrets.token_urlsafe(24)
    response = page(request, "login.html", login_csrf=token, error="")
    response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


async def login(request: Request) -> Response:
    data = await request.form(max_files=0, max_fields=10, max_part_size=4096)
    expected = request.cookies.get(LOGIN_COOKIE) or ""
    if not expected or not accounts.same_token(data.get("csrf"), expected):
        raise Refused(403, "登录表单已过期或来源不明（安全令牌不符）；请刷新页面后重试")
    token = accounts.sign_in(request.app.state.engine, str(data.get("login", "")), str(data.get("password", "")))
    if token is None:
        return page(request, "login.html", login_csrf=expected, error="用户名或密码不对", status=401)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https",
                        max_age=accounts.SESSION_HOURS * 3600)
    response.delete_cookie(LOGIN_COOKIE)
    return response


async def logout(request: Request) -> Response:
    who = account(request)
    await form(request, who)
    accounts.sign_out(request.app.state.engine, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


async def home(request: Request) -> Response:
    who = account(request)
    return RedirectResponse("/unit" if who.role == "preparer" else "/review", status_code=303)


# --------------------------------------------------------------------------- errors and headers

async def _http_error(request: Request, exc: HTTPException) -> Response:
    if exc.status_code in (301, 302, 303, 307):
        return Response(status_code=exc.status_code, headers=exc.headers)
    titles = {403: "无权访问", 404: "找不到", 400: "请求有误", 413: "上传太大", 405: "不支持的操作"}
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail and exc.detail != titles.get(exc.status_code) else ""
    if exc.status_code == 404 and not detail:
        detail = "没有这个页面"
    if exc.status_code == 403 and not detail:
        detail = "您没有查看这个页面的权限"
    who = accounts.account_for(request.app.state.engine, request.cookies.get(SESSION_COOKIE))
    return page(request, "error.html", who, status=exc.status_code, title=titles.get(exc.status_code, "出错了"), detail=detail)


class _SecureHeaders:
    """ASGI middleware: the headers of :data:`_HEADERS` on every response that does not set them."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def sending(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k.lower().encode(), v.encode()) for k, v in _HEADERS.items() if k.lower().encode() not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, sending)


# --------------------------------------------------------------------------- the app

def create_app(url: str | None = None, data_dir: str | Path | None = None, workers: int = 2,
               limits: UploadLimits | None = None, run_jobs: bool = True) -> Starlette:
    """The application on the store at ``url`` (``--db``/``$JUESUAN_DB``/the default file).
    ``data_dir`` holds uploads waiting in the queue, page images and built files (default: a
    ``web`` folder beside the default database)."""
    from . import routes_prepare, routes_review

    resolved = db.resolve_url(url)
    engine = db.open_store(resolved)
    folder = Path(data_dir) if data_dir else db.default_path().parent / "web"
    folder.mkdir(parents=True, exist_ok=True)
    runner = Runner(engine, resolved, workers) if run_jobs else None

    @asynccontextmanager
    async def lifespan(app):
        if runner is not None:
            runner.start()
        try:
            yield
        finally:
            if runner is not None:
                runner.stop()

    routes = [
        Route("/", home),
        Route("/login", login_form, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        *routes_review.ROUTES,
        *routes_prepare.ROUTES,
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: _http_error}, lifespan=lifespan)
    app.state.engine, app.state.url, app.state.folder = engine, resolved, folder
    app.state.limits = limits or UploadLimits.from_env()
    app.state.runner = runner
    app.add_middleware(_SecureHeaders)
    return app
