"""Compose the complete 部门决算公开 (or 部门/单位预算公开) and write it in every format: ``compose``
and ``build``.

Where it sits: the top of the build flow, just under ``apps/build_cmd``::

    data file ──load──> Disclosure ──complete/derive──> figures ──render_narrative──> blocks
                                 └──table_grids / performance_grids──> Grid blocks (slots filled)
    Document ──WRITERS[fmt].write──> .docx .html .md .xlsx .pdf

A budget (``d.identity.kind == "预算"``) is composed the same way: its totals completed by its
profile's layout, its tables in its form (``io.writers.budget_tables``), its 绩效目标表 where a
决算 has its 绩效自评表 (``io.writers.goals``), its workbook named 预算公开表.xlsx.

``WRITERS`` maps a format name to its writer module's ``write(doc, path) -> Path``; the CLI,
the tests and the benchmark use the same mapping.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from .core.document import Block, Document, Slot
from .core.findings import Finding, InputError, Severity
from .core.model import Disclosure
from .core.profiles import DEFAULT_PROFILE, Profile, load_profile
from .io.readers.data import load
from .io.atomic import OutputError, reason
from .io.writers import docx, html, md, pdf
from .io.writers.goals import goal_grids
from .io.writers.layout import performance_grids, table_grids
from .phrasebook.render import render_narrative
from .rules import derive

Writer = Callable[[Document, Path], Path]


def _xlsx(doc: Document, path: Path) -> Path:
    """The workbook writer, imported when a workbook is written (openpyxl alone takes ~0.16 s to import)."""
    from .io.writers import xlsx

    return xlsx.write(doc, path)


WRITERS: Mapping[str, Writer] = {
    "docx": docx.write,
    "html": html.write,
    "md": md.write,
    "xlsx": _xlsx,
    "pdf": pdf.write,
}
DEFAULT_FORMATS = ("docx", "html", "md", "xlsx", "pdf")
WORKBOOK_NAME = "决算公开表.xlsx"
BUDGET_WORKBOOK_NAME = "预算公开表.xlsx"
NARRATIVE_STEM = "公开说明"
PERFORMANCE_SLOT = "绩效表"
TABLES_SLOT = "附表"


@dataclass(frozen=True, slots=True)
class NotWritten:
    """A requested format that ``build`` could not write."""

    format: str
    path: Path
    message: str  # one Chinese line naming the file and why
    #: True when the tool the format needs is missing or failed (LibreOffice for PDF), rather
    #: than the file being unwritable.
    unavailable: bool = False


@dataclass(frozen=True, slots=True)
class BuildResult:
    files: tuple[Path, ...]
    warnings: tuple[str, ...]
    #: Error and warning findings of the check catalogue run over the data itself (totals that
    #: do not add up, a reverse indicator scored below full, …): reported, never "fixed".
    findings: tuple[Finding, ...] = ()
    #: The formats that could not be written, each with its one-line reason; the others were.
    not_written: tuple[NotWritten, ...] = ()


# --------------------------------------------------------------------------- narrative

def _narrative(d: Disclosure, figures: Mapping[str, Decimal], profile: Profile) -> tuple[list[Block], list[str]]:
    """Blocks and warnings from the phrasebook (``render_narrative``)."""
    blocks, warnings = render_narrative(d, figures, profile)
    return list(blocks), list(warnings)


def _fill_slots(blocks: Iterable[Block], fills: Mapping[str, Sequence[Block]]) -> list[Block]:
    """Replace each Slot by its blocks; slots never left by the narrative are appended at the end."""
    out: list[Block] = []
    used = set()
    for block in blocks:
        if isinstance(block, Slot) and block.name in fills:
            out.extend(fills[block.name])
            used.add(block.name)
        else:
            out.append(block)
    for name, extra in fills.items():
        if name not in used and extra:
            out.extend(extra)
    return out


# --------------------------------------------------------------------------- compose

def is_budget(d: Disclosure) -> bool:
    return d.identity.kind == "预算"


def title_of(d: Disclosure) -> str:
    """"<unit><year>年度部门决算", or a budget's "…年度单位预算" (as its 类型 says)."""
    kind = "预算" if is_budget(d) else "决算"
    return f"{d.unit.name}{d.unit.year}年度{d.identity.scope or '部门'}{kind}"


def compose(d: Disclosure, profile: Profile) -> Document:
    """The whole disclosure as format-neutral blocks: narrative, 绩效 tables, the nine tables."""
    budget = is_budget(d)
    d2 = derive.complete(d, profile.layout) if budget else derive.complete(d)
    figures = derive.derive(d2, profile)
    blocks, warnings = _narrative(d2, figures, profile)
    tables = table_grids(d2, profile)
    performance = goal_grids(d2) if budget else performance_grids(d2, profile)
    blocks = _fill_slots(blocks, {PERFORMANCE_SLOT: performance, TABLES_SLOT: tables})
    return Document(title=title_of(d2), subtitle="公开说明", blocks=tuple(blocks),
                    warnings=tuple(warnings), tables=tables, kind="预算" if budget else "决算")


# --------------------------------------------------------------------------- build

def output_name(fmt: str, doc: Document) -> str:
    """"决算公开表.xlsx" (a budget's "预算公开表.xlsx") for the workbook, "公开说明.<fmt>" for the
    narrative formats."""
    if fmt == "xlsx":
        return BUDGET_WORKBOOK_NAME if doc.kind == "预算" else WORKBOOK_NAME
    return f"{NARRATIVE_STEM}.{fmt}"


def resolve_profile(profile: str | Profile | None, d: Disclosure) -> Profile:
    """The profile to compose ``d`` with; one made for the other kind of disclosure (a budget
    profile for 决算 data, or the reverse) is refused with one line."""
    chosen = profile if isinstance(profile, Profile) else load_profile(profile or d.profile or DEFAULT_PROFILE)
    kind = "预算" if is_budget(d) else "决算"
    if kind not in chosen.match.kinds:
        other = "、".join(chosen.match.kinds)
        raise InputError(f"{d.source or '数据'}：数据是{kind}，配置“{chosen.name}”用于{other}，请换用{kind}的配置")
    return chosen


def parse_formats(formats: Sequence[str] | str) -> tuple[str, ...]:
    """"docx,html" or a sequence → validated names in the given order; unknown names raise InputError."""
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    names = tuple(dict.fromkeys(f.strip().lower().lstrip(".") for f in items if f.strip()))
    unknown = [f for f in names if f not in WRITERS]
    if unknown or not names:
        raise InputError(f"未知的输出格式 {'、'.join(unknown) or '（空）'}（可选：{'、'.join(WRITERS)}）")
    return names


def build(source: str | Path, out_dir: str | Path, formats: Sequence[str] = DEFAULT_FORMATS,
          profile: str | Profile | None = None) -> BuildResult:
    """Load data, compose, and write each format into ``out_dir``.

    Each file is written whole or not at all (:mod:`juesuan.io.atomic`); a format that cannot be
    written (no LibreOffice for the PDF, an unwritable or full disk) is named in
    ``not_written`` and the other formats are still written."""
    names = parse_formats(formats)  # an unknown format is said before the data is read
    return build_disclosure(load(source), out_dir, names, profile)


def build_disclosure(d: Disclosure, out_dir: str | Path, formats: Sequence[str] = DEFAULT_FORMATS,
                     profile: str | Profile | None = None) -> BuildResult:
    """:func:`build` for data already loaded (the web workbench lays the 主要原因 typed into its
    page over the file's before building)."""
    names = parse_formats(formats)
    prof = resolve_profile(profile, d)
    doc = compose(d, prof)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}：无法创建输出文件夹（{reason(exc)}）", out) from exc
    written: dict[str, Path] = {}
    missed: list[NotWritten] = []
    order = sorted(names, key=lambda f: f == "pdf")  # PDF last: it may reuse the .docx
    try:
        for fmt in order:
            target = out / output_name(fmt, doc)
            try:
                if fmt == "pdf" and "docx" in written:
                    written[fmt] = pdf.convert(written["docx"], target)
                else:
                    written[fmt] = WRITERS[fmt](doc, target)
            except pdf.PdfUnavailable as exc:
                missed.append(NotWritten(fmt, target, f"{target}：{exc}", unavailable=True))
            except OutputError as exc:
                missed.append(NotWritten(fmt, target, str(exc)))
    except KeyboardInterrupt:
        done = "、".join(p.name for p in written.values()) or "无"
        left = "、".join(output_name(f, doc) for f in order if f not in written)
        raise KeyboardInterrupt(f"已写出：{done}；未写出：{left}（原有的同名文件未改动）") from None
    files = tuple(written[f] for f in names if f in written)
    return BuildResult(files=files, warnings=tuple(doc.warnings), findings=data_findings(d, prof),
                       not_written=tuple(missed))


def data_findings(d: Disclosure, profile: Profile) -> tuple[Finding, ...]:
    """What the check catalogue says about the data (errors and warnings only)."""
    from .audit import check_disclosure

    report = check_disclosure(d, profile)
    return tuple(f for f in report.findings if f.severity in (Severity.ERROR, Severity.WARNING))
