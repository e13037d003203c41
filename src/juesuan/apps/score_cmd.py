"""`juesuan score DATA [--format text|json] [--profile NAME|FILE]`: 绩效自评 scores of every table.

Where it sits: apps. DATA is what ``juesuan build`` takes (a workbook, YAML or example folder,
read by ``io.readers.data.load``) or a published document (.txt/.pdf/.docx/.html, read by
``io.readers.read_document``) so reviewers can re-score printed tables. One library call per
evaluation (``rules.scoring.score_evaluation``), then print: an aligned Chinese table per evaluation,
or JSON ``{"evaluations": [...]}``, on the terminal or whole into ``-o FILE``. Exit 0 when every
value was interpreted, 1 when some could not be (they are listed), 2 for unreadable input or an
output that cannot be written (a full disk behind ``> file`` included).
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Sequence

from ..core.findings import InputError
from ..core.model import Disclosure
from ..core.money import fmt_amount, fmt_pct, round2
from ..core.profiles import Profile, load_profile
from ..io.atomic import write_text
from ..rules.scoring import EvaluationScore, score_evaluation, table_label
from . import guard

DOCUMENT_SUFFIXES = (".txt", ".pdf", ".docx", ".doc", ".html", ".htm")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", metavar="DATA", help="数据文件（工作簿、YAML）、示例文件夹，或已公开的文件（.txt/.pdf/.docx/.html）")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="输出格式（默认 text）")
    parser.add_argument("-o", "--output", metavar="FILE", help="写入文件（默认输出到屏幕）")
    parser.add_argument("--profile", metavar="NAME|FILE", default=None,
                        help="评分配置：xinjiang-2024、national、shanghai-2024 或 YAML 文件；默认用数据所注明的配置")


def load_disclosure(path: str | Path, profile: str | None = None) -> Disclosure:
    """Read DATA: a published document through the document readers, anything else as data."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}：文件或文件夹不存在")
    if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES:
        from ..io.readers import read_document  # written by the readers' issue; imported lazily

        return read_document(p, profile)
    from ..io.readers.data import load  # written by the data loader's issue; imported lazily

    return load(p)


def _num(value: Decimal | None) -> str | None:
    return None if value is None else f"{round2(value)}"


def _json_number(value: Decimal | None) -> float | None:
    # Output only: a 2-decimal value prints back exactly as its shortest float repr (99.74).
    return None if value is None else float(round2(value))


def to_json(scores: Sequence[EvaluationScore]) -> dict:
    """The JSON shape of ``juesuan score --format json`` (docs/scoring.md). Numbers are rounded
    half-up to 2 decimals (rates in percent); null where nothing could be computed."""
    out = []
    for s in scores:
        ex = s.execution
        out.append({
            "name": s.name,
            "kind": s.kind,
            "total": _json_number(s.total),
            "grade": s.grade,
            "profile": s.profile,
            "execution": {"rate": _json_number(ex.rate), "score": _json_number(ex.score),
                          "weight": _json_number(ex.weight), "budget": _json_number(ex.budget),
                          "executed": _json_number(ex.executed), "problem": ex.problem},
            "indicators": [
                {"name": i.name, "target": i.target, "actual": i.actual, "rate": _json_number(i.rate),
                 "weight": _json_number(i.weight), "score": _json_number(i.score), "rule": i.rule,
                 "method": i.method,
                 "problem": i.problem}
                for i in s.indicators
            ],
            "problems": list(s.problems),
        })
    return {"evaluations": out}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(width - _width(text), 0)
    return gap + text if right else text + gap


def _grid(rows: list[list[str]], numeric: set[int]) -> list[str]:
    widths = [max(_width(r[c]) for r in rows) for c in range(len(rows[0]))]
    return ["  ".join(_pad(cell, widths[c], c in numeric) for c, cell in enumerate(row)).rstrip() for row in rows]


def format_text(scores: Sequence[EvaluationScore], evaluations=None) -> str:
    """One aligned Chinese table per evaluation, then the values that could not be interpreted."""
    blocks = []
    for n, s in enumerate(scores):
        title = table_label(evaluations[n]) if evaluations else f"{s.kind}：{s.name}"
        ex = s.execution
        head = (f"{title}\n  预算执行率：全年预算数 {fmt_amount(ex.budget)} 万元，全年执行数 {fmt_amount(ex.executed)} 万元，"
                f"执行率 {fmt_pct(ex.rate)}，分值 {_num(ex.weight)}，得分 {_num(ex.score) or '-'}")
        rows = [["序号", "指标", "目标值", "业绩值", "完成率", "权重", "得分", "赋分规则"]]
        for i, item in enumerate(s.indicators, 1):
            printed_rule = evaluations[n].indicators[i - 1].rule if evaluations else item.rule
            rule = item.rule if printed_rule else f"{item.rule}（表中未写，推定）"
            weight = "-" if item.weight is None else f"{item.weight:f}"
            rows.append([str(i), item.name, item.target or "-", item.actual or "-", fmt_pct(item.rate),
                         weight, _num(item.score) or "未计分", rule])
        rows.append(["", "总分", "", "", "", "", _num(s.total) or "-", f"等级：{s.grade}"])
        lines = [head] + ["  " + line for line in _grid(rows, {0, 4, 5, 6})]
        lines += [f"  ！{p}" for p in s.problems]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def run(args: argparse.Namespace) -> int:
    try:
        disclosure = load_disclosure(args.data, args.profile)
    except ModuleNotFoundError as exc:
        missing = getattr(exc, "name", "") or ""
        if not missing.startswith("juesuan."):
            raise
        raise InputError(f"{args.data}：本版本尚不能读取这类文件（缺少 {missing}）") from None
    profile: Profile = load_profile(args.profile or disclosure.profile)
    if not disclosure.evaluations:
        raise InputError(f"{args.data}：没有找到绩效自评表")
    scores = [score_evaluation(ev, profile) for ev in disclosure.evaluations]
    if args.format == "json":
        text = json.dumps(to_json(scores), ensure_ascii=False, indent=2)
    else:
        text = format_text(scores, disclosure.evaluations)
    if args.output:
        try:
            write_text(args.output, text + "\n")
        except KeyboardInterrupt:
            raise KeyboardInterrupt(guard.not_written(args.output)) from None
    else:
        print(text)
    return 1 if any(s.problems for s in scores) else 0
