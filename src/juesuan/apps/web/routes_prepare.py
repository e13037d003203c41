"""The preparer's routes: their unit's page (years and versions), the template, the workbook
upload, 主要原因 typed into the page, the build and its files."""

from __future__ import annotations

import tempfile
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from ...core.findings import InputError
from ..store import db, query
from ..store.schema import Unit
from . import preparer, views
from .app import Refused, account, form, page
from .routes_review import YEAR, _allowed_document, upload

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _preparer(who) -> None:
    if who.role != "preparer":
        raise Refused(403, "编制页面只对编制人员开放")


def _own_unit_id(request: Request, who) -> int | None:
    with db.session(request.app.state.engine) as s:
        unit = query.find_unit(s, who.unit)
        return unit.id if unit is not None else None


async def my_unit(request: Request) -> Response:
    who = account(request)
    _preparer(who)
    unit_id = _own_unit_id(request, who)
    if unit_id is not None:
        return RedirectResponse(f"/units/{unit_id}", status_code=303)
    return page(request, "unit.html", who, unit_name=who.unit, unit=None, documents=[], year=YEAR,
                batches=views.recent_batches(request.app.state.engine, who.id))


async def unit_page(request: Request) -> Response:
    who = account(request)
    unit_id = request.path_params["unit_id"]
    engine = request.app.state.engine
    with db.session(engine) as s:
        unit = s.get(Unit, unit_id)
        names = views.unit_names(s, unit_id) + ([unit.name] if unit else [])
    if unit is None:
        raise Refused(404, f"库中没有编号为 {unit_id} 的单位")
    if not who.sees_unit(names, unit.region):
        raise Refused(403, "这不是您的单位，无权查看")
    documents = views.unit_documents(engine, unit_id)
    years = [d.year for d, _ in documents if d.year]
    return page(request, "unit.html", who, unit_name=unit.name, unit=unit, documents=documents,
                year=(max(years) + 1) if years else YEAR, batches=views.recent_batches(engine, who.id))


async def template(request: Request) -> Response:
    who = account(request)
    _preparer(who)
    raw = request.query_params.get("year", "")
    if not raw.isdigit() or not 2000 <= int(raw) <= 2100:
        raise Refused(400, f"年度“{raw}”无法识别（应为四位数年份，如 {YEAR}）")
    year = int(raw)
    tmp = Path(tempfile.mkdtemp(prefix="juesuan-template-")) / "决算数据.xlsx"
    preparer.template(request.app.state.engine, who.unit, year, tmp)
    return FileResponse(tmp, filename=f"{who.unit}{year}年度决算数据.xlsx", media_type=_XLSX,
                        background=BackgroundTask(lambda: __import__("shutil").rmtree(tmp.parent, ignore_errors=True)))


async def workbook_upload(request: Request) -> Response:
    who = account(request)
    _preparer(who)
    return await upload(request, "prepare", who)


def _own_data_document(request: Request, who, doc_id: int):
    _preparer(who)
    doc, unit = _allowed_document(request, who, doc_id)
    if doc.source != "data":
        raise Refused(400, "这份文件不是数据工作簿")
    return doc, unit


async def save_reason(request: Request) -> Response:
    who = account(request)
    doc_id = request.path_params["doc_id"]
    doc, _ = _own_data_document(request, who, doc_id)
    data = await form(request, who)
    try:
        preparer.save_reason(request.app.state.engine, doc.unit_id, doc.year or 0, data.get("key", ""), data.get("text", ""), who.login)
    except InputError as exc:
        raise Refused(400, str(exc)) from None
    return RedirectResponse(f"/doc/{doc_id}#reasons", status_code=303)


async def build(request: Request) -> Response:
    who = account(request)
    doc_id = request.path_params["doc_id"]
    _own_data_document(request, who, doc_id)
    await form(request, who)
    out = request.app.state.folder / "builds" / str(doc_id)
    from starlette.concurrency import run_in_threadpool

    try:
        result = await run_in_threadpool(preparer.build, request.app.state.engine, doc_id, out)
    except InputError as exc:
        raise Refused(400, str(exc)) from None
    note = "；".join(m.message for m in result.not_written)
    return RedirectResponse(f"/doc/{doc_id}?built=1" + (f"&note={note}" if note else "") + "#files", status_code=303)


async def built_file(request: Request) -> Response:
    who = account(request)
    doc_id, name = request.path_params["doc_id"], request.path_params["name"]
    _allowed_document(request, who, doc_id)
    allowed = {f"公开说明.{f}" for f in preparer.FORMATS} | {"决算公开表.xlsx", "预算公开表.xlsx"}
    path = request.app.state.folder / "builds" / str(doc_id) / name
    if name not in allowed or not path.is_file():
        raise Refused(404, f"没有生成的文件“{name}”，请先生成")
    return FileResponse(path, filename=name)


ROUTES = [
    Route("/unit", my_unit),
    Route("/unit/template", template),
    Route("/unit/upload", workbook_upload, methods=["POST"]),
    Route("/units/{unit_id:int}", unit_page),
    Route("/doc/{doc_id:int}/reason", save_reason, methods=["POST"]),
    Route("/doc/{doc_id:int}/build", build, methods=["POST"]),
    Route("/doc/{doc_id:int}/files/{name:str}", built_file),
]
