"""The reviewer's routes: upload, the queue, a document with its page images, decisions, the
region dashboard and its Excel export. Also the document page a preparer reaches (its findings
by sheet and cell come from the same store)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ...core.findings import InputError
from ..store import query
from ..store.schema import DECISION_STATUSES
from . import accounts, jobs, pages, preparer, views
from .app import Refused, account, form, page
from .tables import JOB_STATES
from .uploads import UploadRefused, examine_uploads, new_folder, receive

YEAR = 2024


def _allowed_document(request: Request, who, doc_id: int):
    found = views.document_with_unit(request.app.state.engine, doc_id)
    if found is None:
        raise Refused(404, f"库中没有编号为 {doc_id} 的文件")
    doc, unit, names = found
    if not who.sees_unit(names, doc.region or unit.region):
        raise Refused(403, "这份文件不属于您的单位或地区，无权查看")
    return doc, unit


def _reviewer(who) -> None:
    if who.role not in ("reviewer", "admin"):
        raise Refused(403, "审核页面只对审核人员和管理员开放")


async def review_home(request: Request) -> Response:
    who = account(request)
    _reviewer(who)
    return page(request, "review.html", who, batches=views.recent_batches(request.app.state.engine, who.id),
                limits=request.app.state.limits)


async def upload(request: Request, purpose: str, who) -> Response:
    """Receive the files of a form, check each, queue what can be worked on; the queue page."""
    state = request.app.state
    folder = new_folder(state.folder)
    try:
        fields, files = await receive(request, folder, state.limits, lambda token: accounts.same_token(token, who.csrf))
    except UploadRefused as exc:
        status = 403 if "安全令牌" in str(exc) else 413
        raise Refused(status, str(exc)) from None
    if not files:
        raise Refused(400, "没有选择文件")
    checked = examine_uploads(files, state.limits)
    batch = folder.name
    region = fields.get("region", "")
    if region and region not in who.regions and who.role != "admin":
        raise Refused(403, f"您不负责“{region}”地区")
    jobs.enqueue(state.engine, who.id, batch, purpose, checked, region)
    if state.runner is not None:
        state.runner.wake()
    return RedirectResponse(f"/jobs/{batch}", status_code=303)


async def review_upload(request: Request) -> Response:
    who = account(request)
    _reviewer(who)
    return await upload(request, "review", who)


def _own_batch(request: Request, who, batch: str) -> list:
    rows = views.batch_jobs(request.app.state.engine, batch)
    if not rows:
        raise Refused(404, "没有这批上传")
    if who.role != "admin" and any(j.user_id != who.id for j in rows):
        raise Refused(403, "这批上传不是您的，无权查看")
    return rows


async def batch_page(request: Request) -> Response:
    who = account(request)
    rows = _own_batch(request, who, request.path_params["batch"])
    waiting = sum(j.status in ("queued", "running") for j in rows)
    return page(request, "jobs.html", who, jobs=rows, states=JOB_STATES, waiting=waiting,
                done=sum(j.status == "done" for j in rows), failed=sum(j.status == "failed" for j in rows))


async def batch_json(request: Request) -> Response:
    who = account(request)
    rows = _own_batch(request, who, request.path_params["batch"])
    return JSONResponse([{"id": j.id, "file": j.filename, "status": j.status, "message": j.message,
                          "document": j.document_id, "duplicate": j.duplicate,
                          "seconds": (j.finished_at - j.created_at).total_seconds() if j.finished_at else None}
                         for j in rows])


async def document(request: Request) -> Response:
    who = account(request)
    doc_id = request.path_params["doc_id"]
    engine = request.app.state.engine
    doc, unit = _allowed_document(request, who, doc_id)
    run, groups = views.document_findings(engine, doc_id)
    chosen = request.query_params.get("f")
    focus = next((x for _, items in groups for x in items if str(x.id) == chosen), None)
    pdf = doc.source == "published" and (doc.path or "").lower().endswith(".pdf")
    page_no, box, pages_total = None, None, 0
    if pdf:
        content = views.document_content(engine, doc_id)
        if content:
            pages_total = pages.page_count(content)
            wanted = request.query_params.get("page")
            page_no = int(wanted) if wanted and wanted.isdigit() else (focus.span.page if focus and focus.span and focus.span.page else 1)
            page_no = min(max(page_no, 1), pages_total)
            if focus is not None and focus.span is not None and focus.span.page == page_no:
                before, marked, _ = focus.marked
                box = pages.locate(content, page_no, focus.span.excerpt, marked)
    extra = {}
    if doc.source == "data":
        extra = {"missing": preparer.missing(engine, doc_id), "labels": preparer.REASON_LABELS, "reasons": preparer.reasons_of(engine, doc.unit_id, doc.year or 0),
                 "built": _built(request, doc_id), "versions": views.unit_documents(engine, doc.unit_id)}
    return page(request, "document.html", who, doc=doc, unit=unit, run=run, groups=groups, focus=focus, pdf=pdf,
                page_no=page_no, pages_total=pages_total, box=box, statuses=DECISION_STATUSES,
                can_decide=who.role in ("reviewer", "admin"), **extra)


def _built(request: Request, doc_id: int) -> list[str]:
    folder = request.app.state.folder / "builds" / str(doc_id)
    return sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


async def page_image(request: Request) -> Response:
    who = account(request)
    doc_id, number = request.path_params["doc_id"], request.path_params["page"]
    _allowed_document(request, who, doc_id)
    content = views.document_content(request.app.state.engine, doc_id)
    if not content:
        raise Refused(404, "库中没有这份文件的内容")
    cache = request.app.state.folder / "pages" / f"{doc_id}-{number}.png"
    try:
        path = pages.page_png(content, number, cache)
    except IndexError:
        raise Refused(404, f"没有第 {number} 页") from None
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


async def full_report(request: Request) -> Response:
    who = account(request)
    doc_id = request.path_params["doc_id"]
    _allowed_document(request, who, doc_id)
    from sqlalchemy import select

    from ..store import db
    from .tables import Job

    with db.session(request.app.state.engine) as s:
        html = s.execute(select(Job.report_html).where(Job.document_id == doc_id, Job.report_html != "")
                         .order_by(Job.id.desc()).limit(1)).scalar()
    if not html:
        raise Refused(404, "这份文件不是在工作台上传的，没有保存审核报告；请在文件页面查看各项问题")
    from ...io.writers.report import html_head, html_tail

    return HTMLResponse(html_head() + html + html_tail([]))


async def decide(request: Request) -> Response:
    who = account(request)
    _reviewer(who)
    doc_id = request.path_params["doc_id"]
    _allowed_document(request, who, doc_id)
    data = await form(request, who)
    run, groups = views.document_findings(request.app.state.engine, doc_id)
    target = next((x for _, items in groups for x in items if str(x.id) == data.get("finding")), None)
    if target is None:
        raise Refused(400, "没有找到要标记的问题（可能已重新审核），请刷新页面")
    try:
        query.decide(request.app.state.engine, doc_id, target.finding.code, target.location_hash, data.get("status", ""),
                     who.login, data.get("comment", "").strip()[:2000])
    except InputError as exc:
        raise Refused(400, str(exc)) from None
    return RedirectResponse(f"/doc/{doc_id}?f={target.id}#finding-{target.id}", status_code=303)


# --------------------------------------------------------------------------- dashboard

def _regions(who, asked: str) -> list[str]:
    if who.role == "admin":
        return [asked] if asked else [""]
    if asked:
        if asked not in who.regions:
            raise Refused(403, f"您不负责“{asked}”地区，无权查看")
        return [asked]
    return list(who.regions)


def _year(request: Request) -> int:
    """The year asked for, else the newest year of a stored 决算."""
    raw = request.query_params.get("year", "")
    return int(raw) if raw.isdigit() else views.newest_year(request.app.state.engine) or YEAR


async def dashboard(request: Request) -> Response:
    from ..store.report import review

    who = account(request)
    _reviewer(who)
    year, rule, severity = _year(request), request.query_params.get("rule", ""), request.query_params.get("severity", "")
    reviews = [review(request.app.state.engine, year, r or None) for r in _regions(who, request.query_params.get("region", ""))]
    shown = []
    for r in reviews:
        rows = [u for u in r.rows if (not rule or u.by_rule.get(rule)) and
                (severity != "error" or u.errors) and (severity != "warning" or u.warnings)]
        shown.append((r, rows))
    codes = sorted({code for r in reviews for code, *_ in r.rules})
    return page(request, "dashboard.html", who, reviews=shown, year=year, rule=rule, severity=severity, codes=codes,
                region=request.query_params.get("region", ""))


async def dashboard_xlsx(request: Request) -> Response:
    from ..store.report import review
    from ..store.report_pages import write_xlsx

    who = account(request)
    _reviewer(who)
    year = _year(request)
    regions = _regions(who, request.query_params.get("region", ""))
    if len(regions) != 1:
        raise Refused(400, "导出 Excel 请先选一个地区")
    r = review(request.app.state.engine, year, regions[0] or None)
    tmp = Path(tempfile.mkdtemp(prefix="juesuan-xlsx-")) / "report.xlsx"
    write_xlsx(r, tmp)
    name = f"{regions[0] or '全部地区'}{year}年度审核情况.xlsx"
    return FileResponse(tmp, filename=name, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        background=BackgroundTask(lambda: __import__("shutil").rmtree(tmp.parent, ignore_errors=True)))


ROUTES = [
    Route("/review", review_home),
    Route("/review/upload", review_upload, methods=["POST"]),
    Route("/jobs/{batch:str}.json", batch_json),
    Route("/jobs/{batch:str}", batch_page),
    Route("/doc/{doc_id:int}", document),
    Route("/doc/{doc_id:int}/report", full_report),
    Route("/doc/{doc_id:int}/page/{page:int}.png", page_image),
    Route("/doc/{doc_id:int}/decide", decide, methods=["POST"]),
    Route("/dashboard", dashboard),
    Route("/dashboard.xlsx", dashboard_xlsx),
]
