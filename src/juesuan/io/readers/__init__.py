"""Readers of published documents: any supported file → one :class:`~juesuan.core.model.Disclosure`.

Where it sits: the entry of the audit direction (``api.read`` calls :func:`read_document`). A
format reader (text, docx, html, pdf, xlsx) turns the file into an :class:`.grid.Extracted`
(narrative lines with spans, raw grids); :func:`.assemble.assemble` builds the Disclosure.

The format is chosen by extension and confirmed by the file's first bytes; a file whose bytes
clearly say another format (a PDF named .txt, a Word file named .doc) is read as what it is. Old
Word files (.doc) are converted to .docx by LibreOffice when it is installed (:mod:`.doc`).
Bad input raises :class:`~juesuan.core.findings.InputError` with one Chinese line naming the file.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Callable

from ...core.findings import InputError
from ...core.model import Disclosure
from ..limits import LimitExceeded, check_file_size, check_text_lines
from ..limits import current as current_limits
from .grid import Extracted
from .identify import SANGONG_OPENING, KIND_GIVEN

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
SUPPORTED = "PDF、Word（.docx/.doc）、HTML、纯文本（.txt/.md）、Excel（.xlsx/.xls）"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF = b"{\\rtf"


class NotADisclosure(InputError):
    """The file holds no 部门决算公开 or 部门预算公开 (a README, an unrelated page) or is of a type juesuan does not
    read at all. Named on the command line it is an input error like any other; met while walking
    a folder it is listed as skipped."""


def sniff(path: Path, head: bytes) -> str:
    """"text" | "docx" | "doc" | "html" | "pdf" | "xlsx" for the file, or raise InputError."""
    file = str(path)
    suffix = path.suffix.lower()
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(path)
        if kind:
            return kind
        if suffix in (".docx", ".xlsx", ".xlsm"):
            raise InputError(f"{file}：压缩包中缺少文档内容，文件已损坏或不是 Office 文档")
        raise InputError(f"{file}：是 zip 压缩包而非可审核的文档，请解压后分别提交")
    if head.startswith(_OLE):
        if suffix == ".xls":
            return "xlsx"
        if suffix in (".doc", ".docx"):
            return "doc"  # converted by LibreOffice (readers/doc.py)
        raise InputError(f"{file}：是旧版 Office 二进制文件，无法识别其类型（支持 {SUPPORTED}）")
    if suffix == ".pdf":
        raise InputError(f"{file}：不是有效的 PDF 文件（文件头缺少 %PDF 标记）")
    if suffix == ".docx":
        raise InputError(f"{file}：不是有效的 Word 文档（.docx 文件应为 zip 格式，文件可能已损坏）")
    if suffix in (".xlsx", ".xlsm"):
        raise InputError(f"{file}：不是有效的 Excel 文件（.xlsx 文件应为 zip 格式，文件可能已损坏）")
    if suffix == ".xls":
        return "html" if _looks_html(head) else "xlsx"  # some portals serve HTML tables as .xls
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "html" if _looks_html(head) and suffix != ".md" else "text"
    if suffix == ".doc":
        if head.startswith(_RTF):
            return "doc"  # Word saves RTF under .doc too; LibreOffice converts both
        if _looks_html(head):
            return "html"  # a web page saved as .doc
        raise InputError(f"{file}：扩展名为 .doc，但内容不是 Word 文档，文件可能已损坏")
    raise NotADisclosure(f"{file}：不支持的文件类型“{path.suffix or '无扩展名'}”（支持 {SUPPORTED}）")


def _looks_html(head: bytes) -> bool:
    sample = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return sample.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head[:4096].lower()


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, NotImplementedError, EOFError, OSError, ValueError):  # damaged, or a newer zip version
        return ""
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return ""


_MODULES = {"text": "text", "docx": "docx", "doc": "doc", "html": "html", "pdf": "pdf", "xlsx": "xlsx_published"}


def _extractor(kind: str, file: str) -> Callable[[Path], Extracted]:
    """The format reader's ``extract``; a reader not installed gives an InputError, not a traceback."""
    from importlib import import_module

    name = f"{__name__}.{_MODULES[kind]}"
    try:
        module = import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            raise InputError(f"{file}：本版本尚不支持读取此类文件（{kind}）") from exc
        raise
    return module.extract


def read_document(path: str | Path, profile: str | None = None, kind: str | None = None) -> Disclosure:
    """Read a published disclosure (PDF, Word, HTML, text or Excel) into a Disclosure.

    The document is identified first (``Disclosure.identity``: kind, year, unit, region, layout,
    from its title, cover and 目录); ``profile`` (a name or YAML path) and ``kind`` (决算 / 预算 …)
    override what was detected. A budget (部门预算 / 单位预算) is read into the same model, against
    its own layout (the budget profiles), and audited like a 决算.
    """
    from ...core.profiles import load_profile
    from .assemble import assemble

    path = Path(path)
    file = str(path)
    if not path.exists():
        raise InputError(f"{file}：文件不存在")
    if path.is_dir():
        raise InputError(f"{file}：是文件夹，不是文件")
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        raise InputError(f"{file}：无法读取文件（{exc.strerror or exc.__class__.__name__}）") from exc
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError(f"{file}：文件为空")
    limits = current_limits()
    check_file_size(path, file, limits=limits)
    kind_of_file = sniff(path, head)
    if kind_of_file == "text":
        check_text_lines(path, file, limits)
    elif kind_of_file == "html":
        check_file_size(path, file, "html_bytes", limits)
    chosen = load_profile(profile) if profile else None
    extracted = _extractor(kind_of_file, file)(path)
    if len(extracted.lines) > limits.narrative_lines:
        raise LimitExceeded(file, "narrative_lines", limits)
    if sum(len(row) for grid in extracted.grids for row in grid.rows) > limits.table_cells:
        raise LimitExceeded(file, "table_cells", limits)
    if not extracted.lines and not extracted.grids:
        raise InputError(f"{file}：文件中没有可读的文字内容")
    d = assemble(extracted, chosen, kind)
    news = _NEWS.search("\n".join(t for t, _ in extracted.lines[:20])[:3000])
    if news and not kind:
        raise NotADisclosure(f"{file}：是新闻报道（“{news.group(0)}”），不是单位公开的决算或预算文件，未审核")
    head = "\n".join(t for t, _ in extracted.lines[:40])[:1500]
    if not kind and _TO_CONGRESS.search(head):
        raise NotADisclosure(f"{file}：是向代表大会（人代会、教代会等）所作的预算或财务收支报告（“各位代表”“请予审议”），"
                             "不是部门（单位）决算或预算公开，未审核")
    government = f"{file}：是本级政府（财政总）决算或预算的说明，不是部门（单位）决算或预算，未审核"
    own_accounts = _GOVERNMENT.search(head) is not None
    # (never where the title names a department's or a unit's accounts, or a 三公 note)
    if own_accounts and not kind and d.identity.kind in ("决算", "预算") and not d.identity.scope:
        raise NotADisclosure(government)
    if not _looks_like_disclosure(d):
        if _GOAL_TABLE.search(head):
            raise NotADisclosure(f"{file}：是绩效目标表，但未读出其中的指标（一级、二级、三级指标和指标值），未审核")
        titled = _EVALUATION_REPORT.search("\n".join(t for t, _ in extracted.lines[:2]))
        if own_accounts and not titled:  # (a government's accounts report its 预算绩效管理 too, R49j/03; a 财政局's
            raise NotADisclosure(government)  # 绩效 report names the 财政总决算 it makes, R28h/15)
        if _EVALUATION_REPORT.search(head):
            raise NotADisclosure(f"{file}：是绩效自评（评价）报告，但未读出其中的绩效自评表（指标、分值、得分），未审核；"
                                 "如确为自评表，可用 --kind 绩效自评 审核能读出的部分")
        own = _cut_before_figures(d)
        if own:  # a disclosure's headings, cut before its figures (R54t/04 达州铁路中学 2020, R54s/06)
            raise NotADisclosure(f"{file}：只读到部门概况和说明的标题（“{own[:30]}”），其下没有可核对的数字"
                                 "（可能只是节选），未审核")
        raise NotADisclosure(f"{file}：未识别出部门决算或预算公开的内容（没有说明的章节、公开表或绩效表），未审核")
    return d


#: A heading of the unit's own 概况 ("二、部门概况", "(一)职能职责", "(二)机构设置"), and of its own 说明 ("二、部门决算情况说明",
#: "三、收支预算情况说明").
_OVERVIEW = re.compile(r"概况|职能|职责|机构设置|单位构成")
_NUMBERED = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])")
_OWN_NOTES = re.compile(r"(?:部门|单位)(?:预算|决算)情况说明|收支(?:预算|决算)情况说明")


def _cut_before_figures(d: Disclosure) -> str:
    """The 说明 heading of a page that shows a unit's 概况 and its 说明's heading but stops before any figure
    ("" otherwise)."""
    if d.narrative is None:
        return ""
    notes = [s.title for s in d.narrative.sections if s.title and _OWN_NOTES.search(s.title)]
    text = d.narrative.text
    before = text[:text.find(notes[0])] if notes else ""
    return notes[-1] if any(_OVERVIEW.search(line) for line in before.splitlines() if _NUMBERED.match(line.strip())) else ""


def _explained(d: Disclosure) -> list:
    """The sections whose heading is a 说明's: its part ("二、部门决算情况说明") or one of its topics."""
    from ...phrasebook.patterns import part_of, topic_of

    sections = d.narrative.sections if d.narrative is not None else ()
    return [s for s in sections if s.title and (topic_of(s.title) is not None or part_of(s.title) == "说明")]


#: The heading of a department's or a unit's own 说明: "二、部门预算情况说明", "三、单位决算情况说明", "二、部门收支总体情况".
_OWN_PART = re.compile(r"(?:部门|单位)(?:预算|决算|收支)")
#: The title of a 绩效 self-evaluation or evaluation report: "2019年部门整体支出绩效评价报告",
#: "…2018绩效评价自评报告及评分表", "项目支出绩效自评表" (or its heading: "四、绩效自评结果拟应用和公开情况");
#: not a budget's "项目支出绩效目标情况说明".
_EVALUATION_REPORT = re.compile(r"绩效(?:目标)?(?:自评|评价)[^\n。]{0,8}(?:报告|表|结果)|(?:整体|项目)支出绩效(?!目标)")


#: The title of a budget's 绩效目标表 published on its own: "项目支出绩效目标表", "部门预算项目绩效目标申报表".
_GOAL_TABLE = re.compile(r"绩效目标(?:申报|申请|审批|审核)?表")


#: A government's own accounts, over all its departments: "区本级财政决算", "全区财政决算收支情况".
_GOVERNMENT = re.compile(r"[省市县区州旗]本级财政(?:总)?(?:决算|预算)|全[省市县区州旗](?:及[省市县区州旗]本级)?财政(?:总)?(?:决算|预算)"
                         # "全镇本级一般公共预算收入实现111.11万元": the revenue a government raised
                         r"|全[省市县区州旗镇乡](?:本级)?一般公共预算收入(?:实现|完成)"
                         # a town's fiscal 决算 and its parts: "三、镇财政决算单位构成", "第五部分 社会保险基金决算情况"
                         r"|[镇乡]财政(?:决算|预算)单位构成|部分\s*社会保险基金(?:决算|预算)")


#: A report made to a congress, read out to its delegates for their review ("各位代表:受镇政府的委托,我向大会报告双合镇
#: 2023年预算执行情况…,请予以审议", a university's 财务收支 report to its 双代会): not a unit's disclosure.
_TO_CONGRESS = re.compile(r"各位(?:[\u4e00-\u9fff]{2,4}、各位)?代表[:：，,][\s\S]{0,300}?请(?:予以?|各位代表)审议")


#: A news report about disclosures (a dateline, a reporter), not one: "中新社北京8月25日电 (记者 尹力)",
#: "北京晨报记者梳理发现", "四川在线记者 胡佳丽", "记者昨日获悉"; a broadcast's page ("新闻联播直播:2015-04-17");
#: a report of what a unit published ("国务院国资委在其网站公布了2014年部门预算", "集体“晒预算”").
_NEWS = re.compile(r"\d{1,2}月\d{1,2}日电|新闻联播|在其(?:官方)?网站上?(?:公布|公开|发布)|晒[“\"]?(?:预算|决算|账本|三公)|[（(]\s*记者|记者(?:昨日|今日|近日|日前)?(?:从|梳理|注意到|获悉|了解到|统计|发现|发稿|采访|查阅)|(?:网|报|台|社|在线)记者\s")


#: An opening that announces the unit's own accounts: "现将某所2016年决算和“三公”经费公开如下".
_ANNOUNCED = re.compile(r"现将[^。；;]{2,60}?(?:决算|预算)[^。；;]{0,20}?(?:公开|公布|说明)如下")


def _looks_like_disclosure(d: Disclosure) -> bool:
    """Something to audit: a recognised 说明 section, one of the nine tables, or a 绩效自评表.

    A README or an unrelated page in a folder must not be reported as "checked, no findings"."""
    if d.tables.present() or d.evaluations:
        return True
    if d.tables.attached and not (not d.identity.kind and d.narrative is not None
                                  and _EVALUATION_REPORT.search(d.narrative.text[:1500])):
        return True  # (not a 绩效 report of no other kind whose 自评表 is the attachment, R46a/11)
    if d.identity.basis.get("kind") in ("标题", KIND_GIVEN) and d.identity.kind in ("决算", "预算", "三公说明", "绩效自评", "模板"):
        return True  # its title (or --kind) says what it is, however little of it there is
    if d.identity.kind == "模板":
        return True  # a blank template (its unit, its year placeholders): what is left unfilled is the finding
    if d.identity.kind == "三公说明" and d.narrative is not None and any(s.key.startswith("三公.") for s in d.narrative.statements):
        return True  # a 三公 note without a title, its figures read
    if d.identity.kind == "三公说明" and d.narrative is not None and SANGONG_OPENING.search(d.narrative.text[:300]):
        return True  # one opening on its 三公 figure ("…“三公”经费财政拨款预算安排389000元"), in 元
    if d.narrative is not None and _ANNOUNCED.search(d.narrative.text[:300]):
        return True  # "现将黔南州计划生育指导所2016年决算和“三公”经费公开如下:" (figures read or not)
    sections = d.narrative.sections if d.narrative is not None else ()
    if any(s.key[:1] in "1234" and s.key != "0" for s in sections):
        return True
    # pages from the middle of one: two or more 说明 headings of its own ("四、财政拨款收支预算总体情况说明")
    # with figures read under them (two at least: "二、收支预算总体情况 / 2019年财政一般收入预算总额为658.6637万元…
    # 支出预算总额为658.6637万元", 开江 2019)
    # ("二、部门决算情况说明" above its sections counts: an excerpt may stop in the first of them)
    explained = _explained(d)
    # (or the 说明's own part heading over many: "二、部门预算情况说明" over a page of figures, 南川 2018; not a
    # town's "一、全镇收支决算情况", a society's "一、财务收支情况")
    told = len(d.narrative.statements) if d.narrative is not None else 0
    own_part = any(_OWN_PART.search(s.title) for s in explained)
    return (len(explained) >= 2 and told >= 2) or (own_part and told >= 5)
