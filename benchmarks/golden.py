"""The golden set, measured: run ``juesuan check`` over every hand-audited document in
``tests/golden/`` and print, per document and per rule, the precision of errors and of warnings
and the recall of the labelled defects (scoring rules: tests/golden/README.md).

    python benchmarks/golden.py                  # the table
    python benchmarks/golden.py --details        # also every false finding and every missed defect
    python benchmarks/golden.py --only seed web-0 # documents whose file name starts so
    python benchmarks/golden.py --json out.json  # the numbers, for comparing runs

Documents of ``source: shared`` are read from ``../shared`` beside the repository; when it is
absent they are listed as not run (never as passed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from juesuan.audit import check_path  # noqa: E402
from juesuan.core.findings import Finding, Severity  # noqa: E402
from juesuan.io.readers.normalize import to_simplified  # noqa: E402

COUNTED = (Severity.ERROR, Severity.WARNING)


@dataclass
class Outcome:
    name: str
    label: dict
    error: str = ""  # the document could not be read (budgets are refused on purpose)
    findings: list[Finding] = field(default_factory=list)
    true: list[tuple[Finding, str]] = field(default_factory=list)  # (finding, defect id or "note")
    false: list[Finding] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    identity: dict = field(default_factory=dict)  # field → (labelled, detected)
    stated: tuple[int, int] = (0, 0)  # read exactly, labelled
    tabled: tuple[int, int] = (0, 0)  # table figures (``figures:``) derived exactly, labelled
    untabled: list[str] = field(default_factory=list)  # "key: labelled ≠ derived"


def document_path(label: dict) -> Path:
    base = SHARED if label.get("source", "shared") == "shared" else GOLDEN
    return base / label["document"]


def _text_of(f: Finding) -> str:
    parts = [f.message, *f.figures.values(), *(s.excerpt for s in f.spans)]
    return "\n".join(str(p) for p in parts)


def _pages(f: Finding) -> set[int]:
    return {s.page for s in f.spans if s.page is not None} | {s.line for s in f.spans if s.line is not None and s.page is None}


def matches(f: Finding, entry: dict) -> bool:
    codes = entry.get("codes") or []
    if codes and f.code not in codes:
        return False
    needle = to_simplified(str(entry.get("match") or entry.get("stated") or ""))  # labels quote a mirror's script
    text = _text_of(f)
    if needle and needle not in text and needle not in text.replace(",", ""):
        return False
    where = entry.get("page") if entry.get("page") is not None else entry.get("line")
    seen = _pages(f)
    if where is not None and seen and not entry.get("many"):
        slack = 1 if entry.get("page") is not None else 3
        if not any(abs(p - int(where)) <= slack for p in seen):
            return False
    return True


def _kind_label(identity) -> str:
    if identity is None:
        return ""
    if identity.kind in ("决算", "预算"):
        return f"{identity.scope}{identity.kind}"
    return identity.kind


def evaluate(path: Path) -> Outcome:
    label = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = Outcome(path.stem, label)
    doc = document_path(label)
    if not doc.is_file():
        out.error = f"缺少文件 {doc}"
        return out
    want = label.get("sha256")
    if want and hashlib.sha256(doc.read_bytes()).hexdigest() != want:
        out.error = f"{doc} 与标注时的文件不同（sha256）"
        return out
    result = check_path(str(doc))
    who = result.identity
    ident = label.get("identity") or {}
    detected = {"kind": _kind_label(who), "year": who.year if who else None, "region": who.region if who else "",
                "partial": bool(who.partial) if who else None}
    for key in ("kind", "year", "region", "partial"):
        if key in ident:
            want_value = ident[key]
            if key == "kind" and result.error and "预算" in result.error:
                detected[key] = "预算"
            out.identity[key] = (want_value, detected[key])
    if result.error:
        out.error = result.error
        return out
    out.findings = list(result.findings)
    defects = label.get("defects") or []
    notes = label.get("true_notes") or []
    hit: set[str] = set()
    for f in out.findings:
        if f.severity not in COUNTED:
            continue
        which = [d for d in defects if matches(f, d)]  # a finding may report more than one defect
        if which:
            out.true.append((f, which[0].get("id", "?")))
            hit.update(d.get("id", "?") for d in which)
        elif any(matches(f, n) for n in notes) or (f.code == "C-PARTIAL" and ident.get("partial")):
            out.true.append((f, "note"))
        else:
            out.false.append(f)
    out.found = [d.get("id", "?") for d in defects if d.get("id", "?") in hit]
    out.missed = [d for d in defects if d.get("id", "?") not in hit]
    out.stated = _stated_accuracy(result, label.get("stated") or {})
    out.tabled, out.untabled = _table_accuracy(result, label.get("figures") or {})
    return out


def _table_accuracy(result, labelled: dict) -> tuple[tuple[int, int], list[str]]:
    """How many labelled table figures (``figures:``) juesuan derived from the tables it read,
    equal to the label at the label's own precision (a figure in 元 tables is kept exact)."""
    if not labelled or result.report is None:
        return (0, len(labelled)), []
    from juesuan.core.profiles import load_profile
    from juesuan.io.readers import read_document
    from juesuan.rules.prepare import prepare

    try:
        d = read_document(result.path)
        figures = prepare(d, load_profile(result.profile or d.profile)).figures
    except Exception:  # the document was read once already; a second failure only loses this count
        return (0, len(labelled)), []
    in_yuan = "元" in d.tables.units.values()
    ok, wrong = 0, []
    for key, value in labelled.items():
        try:
            want = Decimal(str(value))
        except InvalidOperation:
            continue
        got = figures.get(key)
        if got is not None and in_yuan and got * 10000 == want:
            got = got * 10000  # a figure labelled in 元, the tables it comes from printed in 元
        if got is not None and got.quantize(want) == want:
            ok += 1
        else:
            wrong.append(f"{key}: {want} ≠ {got}")
    return (ok, len(labelled)), wrong


def _stated_accuracy(result, stated: dict) -> tuple[int, int]:
    """How many labelled narrative figures juesuan read with exactly the printed value."""
    if not stated or result.report is None:
        return (0, len(stated))
    from juesuan.io.readers import read_document

    try:
        d = read_document(result.path)
    except Exception:  # the document was read once already; a second failure only loses this count
        return (0, len(stated))
    read: dict[str, set[Decimal]] = defaultdict(set)
    if d.narrative is not None:
        for s in d.narrative.statements:
            read[s.key].add(s.value)
    ok = 0
    for key, value in stated.items():
        try:
            ok += Decimal(str(value)) in read.get(key, set())
        except InvalidOperation:
            continue
    return (ok, len(stated))


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:5.1f}%" if den else "    —"


def report(outcomes: list[Outcome], details: bool) -> str:
    lines = ["| document | errors (true/all) | warnings (true/all) | defects found/labelled | identity | figures read |",
             "|---|---|---|---|---|---|"]
    tot = Counter()
    per_rule: dict[str, Counter] = defaultdict(Counter)
    for o in outcomes:
        ident_ok = sum(1 for want, got in o.identity.values() if str(want) == str(got))
        tot["ident_ok"] += ident_ok
        tot["ident"] += len(o.identity)
        if o.error and not o.findings:  # refused (not a disclosure it can audit) or unreadable: its defects are missed
            tot["unread"] += 1
            note = f"未审核：{o.error[:60]}"
            lines.append(f"| {o.name} | — | — | 0/{len(o.label.get('defects') or [])} | {ident_ok}/{len(o.identity)} | {note} |")
            tot["defects"] += len(o.label.get("defects") or [])
            continue
        te = sum(1 for f, _ in o.true if f.severity == Severity.ERROR)
        ae = te + sum(1 for f in o.false if f.severity == Severity.ERROR)
        tw = sum(1 for f, _ in o.true if f.severity == Severity.WARNING)
        aw = tw + sum(1 for f in o.false if f.severity == Severity.WARNING)
        nd = len(o.label.get("defects") or [])
        tot.update(te=te, ae=ae, tw=tw, aw=aw, found=len(o.found), defects=nd, read=o.stated[0], stated=o.stated[1])
        for f, _ in o.true:
            per_rule[f.code]["true_" + f.severity.value] += 1
        for f in o.false:
            per_rule[f.code]["false_" + f.severity.value] += 1
        for d in o.missed:
            for code in d.get("codes") or ["(no code)"]:
                per_rule[code]["missed"] += 1
        figs = f"{o.stated[0]}/{o.stated[1]}" if o.stated[1] else "—"
        lines.append(f"| {o.name} | {te}/{ae} | {tw}/{aw} | {len(o.found)}/{nd} | {ident_ok}/{len(o.identity)} | {figs} |")
    lines.append(f"| **all** | {tot['te']}/{tot['ae']} = {_pct(tot['te'], tot['ae'])} | {tot['tw']}/{tot['aw']} = "
                 f"{_pct(tot['tw'], tot['aw'])} | {tot['found']}/{tot['defects']} = {_pct(tot['found'], tot['defects'])} | "
                 f"{tot['ident_ok']}/{tot['ident']} | {tot['read']}/{tot['stated']} |")
    lines += ["", f"documents: {len(outcomes)}; refused or unreadable: {tot['unread']}", "",
              "| rule | true errors | false errors | true warnings | false warnings | missed defects |", "|---|---|---|---|---|---|"]
    for code in sorted(per_rule):
        c = per_rule[code]
        lines.append(f"| {code} | {c['true_error']} | {c['false_error']} | {c['true_warning']} | {c['false_warning']} | {c['missed']} |")
    tabled = [o for o in outcomes if o.tabled[1]]
    if tabled:
        lines += ["", "| document | table figures derived exactly / labelled |", "|---|---|"]
        lines += [f"| {o.name} | {o.tabled[0]}/{o.tabled[1]} |" for o in tabled]
        lines.append(f"| **all** | {sum(o.tabled[0] for o in tabled)}/{sum(o.tabled[1] for o in tabled)} |")
    if details:
        lines += ["", "## False findings and missed defects", ""]
        for o in outcomes:
            if not o.false and not o.missed and not o.untabled and all(str(a) == str(b) for a, b in o.identity.values()):
                continue
            lines.append(f"### {o.name}")
            for key, (want, got) in o.identity.items():
                if str(want) != str(got):
                    lines.append(f"- identity {key}: labelled {want!r}, detected {got!r}")
            for f in o.false:
                where = ",".join(str(p) for p in sorted(_pages(f))) or "-"
                lines.append(f"- FALSE {f.severity.value} {f.code} [{where}] {f.message[:150]}")
            for d in o.missed:
                lines.append(f"- MISSED {d.get('severity')} {d.get('id')} {d.get('codes')} p{d.get('page', d.get('line'))}: {str(d.get('what'))[:150]}")
            for miss in o.untabled:
                lines.append(f"- TABLE FIGURE {miss}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--only", nargs="*", default=[])
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args(argv)
    files = sorted(p for p in GOLDEN.glob("*.yaml") if not args.only or any(p.stem.startswith(o) for o in args.only))
    outcomes = [evaluate(p) for p in files]
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    print(report(outcomes, args.details))
    if args.json:
        Path(args.json).write_text(json.dumps({o.name: {
            "false": [(f.code, f.severity.value, f.message) for f in o.false],
            "missed": [d.get("id") for d in o.missed], "error": o.error} for o in outcomes}, ensure_ascii=False, indent=1),
            encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
