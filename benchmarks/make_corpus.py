"""Make a corpus of N varied, realistic disclosures for scale and recall benchmarks.

Usage: python benchmarks/make_corpus.py N OUT [--formats pdf,docx] [--seed 1] [--jobs 2] [--defects 0.3]

Each document is built the way ``juesuan build`` builds one (load the data, ``compose``, the
format writers; PDF by LibreOffice from the .docx), from the example data
(``examples/changji-2024``) varied at random:

- the unit and its region (Xinjiang prefectures and counties under ``xinjiang-2024``, Shanghai
  districts under ``shanghai-2024``, other provinces' cities and counties under ``national``);
- the size: every amount of the tables, last year's figures, the budget and the whole-unit 绩效
  funds multiplied by one factor (exactly, so every table still adds up);
- the year (2023–2025), the number of 项 (project-only 项 dropped or one added, with the totals
  that carry them), and the number of project 绩效 tables (1–5);
- in a share of documents (``--defects``), one planted defect of the kind a published document
  has: a wrong year-on-year percentage, a wrong share, a wrong total in the narrative, an item's
  amount that disagrees with its table, a table cell that breaks its row's sum, or an editor's
  question left in the text.

``OUT/truth.jsonl`` has one line per document: its files, unit, region, profile, year, size
factor, and the planted defect (``{"kind", "code", "figure", "where"}``) or null — the code is the
rule juesuan should report for it, the figure the text that was changed. PDF conversion is the
slow part: the .docx files are converted in ``--jobs`` parallel LibreOffice processes, each taking
a share of the files in one run. ``--formats docx,html`` skips it for quick runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

import yaml

from juesuan.compose import WRITERS, compose, load, resolve_profile
from juesuan.core.document import Grid, Paragraph
from juesuan.io import office

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "changji-2024" / "决算数据.yaml"
EXAMPLE_UNIT = "昌吉回族自治州人民政府办公室"

REGIONS = {
    "xinjiang-2024": ["昌吉回族自治州", "昌吉市", "阜康市", "呼图壁县", "玛纳斯县", "奇台县", "哈密市", "吐鲁番市",
                      "博乐市", "库尔勒市", "伊宁市", "阿克苏市", "喀什市", "和田市", "塔城市", "阿勒泰市"],
    "shanghai-2024": ["上海市黄浦区", "上海市徐汇区", "上海市长宁区", "上海市静安区", "上海市普陀区", "上海市虹口区",
                      "上海市杨浦区", "上海市闵行区", "上海市宝山区", "上海市嘉定区", "上海市浦东新区", "上海市松江区"],
    "national": ["湖北省黄石市", "四川省达州市大竹县", "云南省临沧市", "广东省湛江市", "甘肃省天水市", "江苏省苏州市",
                 "浙江省湖州市", "河南省洛阳市", "湖南省岳阳市", "山东省潍坊市", "江西省赣州市", "广西壮族自治区梧州市"],
}
UNITS = ["人民政府办公室", "财政局", "发展和改革委员会", "教育局", "科学技术局", "民政局", "司法局", "人力资源和社会保障局",
         "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "农业农村局", "水利局", "商务局", "文化体育广电和旅游局",
         "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "机关事务管理局"]
FACTORS = ["0.05", "0.12", "0.25", "0.4", "0.6", "0.8", "1", "1.5", "2.5", "4", "8"]
PROJECT_ONLY = ("2010302", "2299901")  # 项 with only 项目支出: dropping one keeps every table whole
NEW_ITEM = ("2010308", "新增信访接待和矛盾化解工作经费。")


# --------------------------------------------------------------------------- varied data


def _scale(node, k: Decimal):
    """Every number under ``node`` multiplied by ``k`` (exactly: Decimal, no rounding)."""
    if isinstance(node, dict):
        return {key: _scale(v, k) for key, v in node.items()}
    if isinstance(node, list):
        return [_scale(v, k) for v in node]
    if isinstance(node, (int, float)) and not isinstance(node, bool):
        return k * Decimal(str(node))
    return node


def _as_yaml(node):
    """Decimals written as plain numbers (YAML floats would lose the exact value)."""
    if isinstance(node, dict):
        return {k: _as_yaml(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_as_yaml(v) for v in node]
    if isinstance(node, Decimal):
        text = format(node.normalize(), "f")
        return _Number(text)
    return node


class _Number(str):
    pass


yaml.SafeDumper.add_representer(_Number, lambda dumper, v: dumper.represent_scalar("tag:yaml.org,2002:float", str(v)))


def variant(base_text: str, rng: random.Random) -> tuple[dict, dict]:
    """Randomised data (a YAML mapping) and what was chosen."""
    profile = rng.choice(list(REGIONS))
    region = rng.choice(REGIONS[profile])
    unit = region + rng.choice(UNITS)
    data = yaml.safe_load(base_text.replace(EXAMPLE_UNIT, unit))
    year = rng.choice([2023, 2024, 2024, 2025])
    k = Decimal(rng.choice(FACTORS))
    data["配置"] = profile
    data["单位"]["名称"] = unit
    data["单位"]["年度"] = year
    data["表"] = tables = _scale(data["表"], k)
    tables["T1"].pop("支出", None)  # by class: taken from the 支出决算表, which the changes below keep right
    for key in ("上年", "年初预算"):
        data[key] = _scale(data[key], k)
    other = data["其他事项"]
    other["政府采购"] = _scale(other["政府采购"], k)
    for key in ("房屋价值", "车辆价值"):
        other["国有资产"][key] = k * Decimal(str(other["国有资产"][key]))
    whole, *projects = data["绩效"]
    whole["年度"] = year
    whole["资金"] = [{**row, **{c: k * Decimal(str(row[c])) for c in ("年初预算", "全年预算", "执行数")}} for row in whole["资金"]]
    keep = sorted(rng.sample(range(len(projects)), rng.randint(1, len(projects))))
    data["绩效"] = [whole] + [dict(projects[i], 年度=year) for i in keep]

    dropped = [code for code in PROJECT_ONLY if rng.random() < 0.3]
    for code in dropped:
        amount = tables["T5"]["行"][int(code)][0]
        for t in ("T2", "T3", "T5"):
            del tables[t]["行"][int(code)]
        _add_fiscal_income(tables, -amount)
    added = rng.random() < 0.3
    if added:
        amount = Decimal(rng.randint(20, 300) * 1000) * k
        code, reason = NEW_ITEM
        tables["T2"]["行"][int(code)] = {"财政拨款收入": amount}
        tables["T3"]["行"][int(code)] = {"基本支出": 0, "项目支出": amount}
        tables["T5"]["行"][int(code)] = [amount, 0, amount]
        _add_fiscal_income(tables, amount)
        data["上年"]["项"][int(code)] = 0  # listed last year at nothing, as the 决算 software prints it
        data["原因"]["项"][f"{code}.增减"] = reason
    chosen = {"unit": unit, "region": region, "profile": profile, "year": year, "factor": str(k),
              "items_dropped": dropped, "item_added": added, "projects": len(keep)}
    return _as_yaml(data), chosen


def _add_fiscal_income(tables: dict, amount: Decimal) -> None:
    t1 = tables["T1"]["收入"]
    t1["一般公共预算财政拨款收入"] = Decimal(str(t1["一般公共预算财政拨款收入"])) + amount
    t4 = tables["T4"]["收入"]
    t4["一般公共预算财政拨款"] = Decimal(str(t4["一般公共预算财政拨款"])) + amount


# --------------------------------------------------------------------------- planted defects

_PCT = re.compile(r"(增长|下降)(\d{1,3}\.\d\d)%")
_SHARE = re.compile(r"(占\d{1,3}\.\d\d%)")
_INCOME_TOTAL = re.compile(r"(年度收入总计)([\d,]+\.\d\d)(万元)")
_ITEM = re.compile(r"(\(项\):支出决算数为)([\d,]+\.\d\d)(万元)")


def _money(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _fmt(value: Decimal) -> str:
    return f"{value:,.2f}"


def _replace_paragraph(blocks: list, pattern: re.Pattern, change, rng: random.Random, where_ok=lambda m: True):
    """Change one match of ``pattern`` in a random paragraph that has one; (new text, old, new) or None."""
    hits = [(i, m) for i, b in enumerate(blocks) if isinstance(b, Paragraph)
            for m in pattern.finditer(b.text) if where_ok(m)]
    if not hits:
        return None
    i, m = rng.choice(hits)
    new = change(m)
    text = blocks[i].text
    blocks[i] = dataclasses.replace(blocks[i], text=text[: m.start()] + new + text[m.end():])
    return m.group(0), new


def plant(doc, rng: random.Random):
    """The document with one defect, and the truth about it (or None when none fits)."""
    blocks = list(doc.blocks)
    kind = rng.choice(["yoy-pct", "share", "income-total", "item-amount", "table-cell", "editor-question"])
    bump = Decimal(rng.choice(["1.11", "2.30", "4.05", "0.87", "12.40"]))
    done = None
    if kind == "yoy-pct":
        done = _replace_paragraph(blocks, _PCT, lambda m: f"{m.group(1)}{Decimal(m.group(2)) + bump:.2f}%", rng,
                                  lambda m: m.group(2) not in ("100.00", "0.00"))
        code = "N-YOY-PCT"
    elif kind == "share":
        done = _replace_paragraph(blocks, _SHARE, lambda m: f"占{_money(m.group(1)[1:-1]) + bump:.2f}%", rng,
                                  lambda m: m.group(1) not in ("占0.00%", "占100.00%"))
        code = "N-SHARE"
    elif kind == "income-total":
        done = _replace_paragraph(blocks, _INCOME_TOTAL, lambda m: m.group(1) + _fmt(_money(m.group(2)) + bump * 10) + m.group(3), rng)
        code = "N-TOTALS-SUM"
    elif kind == "item-amount":
        done = _replace_paragraph(blocks, _ITEM, lambda m: m.group(1) + _fmt(_money(m.group(2)) + bump) + m.group(3), rng,
                                  lambda m: m.group(2) != "0.00")
        code = "N-ITEM"
    elif kind == "table-cell":
        done = _change_cell(blocks, bump, rng)
        code = "T5-ROW-SUM"
    else:
        at = rng.choice([i for i, b in enumerate(blocks) if isinstance(b, Paragraph)])
        question = rng.choice(["补充本年度重点工作的完成情况？", "补充说明绩效目标调整的原因？",
                               "核实机关运行经费的口径？"])
        blocks.insert(at + 1, Paragraph(question))
        done = ("", question)
        code = "W-EDITOR-QUESTION"
    if done is None:
        return doc, None
    truth = {"kind": kind, "code": code, "was": done[0], "figure": done[1]}
    return dataclasses.replace(doc, blocks=tuple(blocks)), truth


def _change_cell(blocks: list, bump: Decimal, rng: random.Random):
    """One 项 row's 合计 in 一般公共预算财政拨款支出决算表 (T5) no longer its 基本 + 项目."""
    for i, b in enumerate(blocks):
        if isinstance(b, Grid) and b.key == "T5":
            rows = [(r, row) for r, row in enumerate(b.body)
                    if sum(1 for c in row if c.value is not None) >= 3 and len(str(row[0].text)) == 7]
            if not rows:
                return None
            r, row = rng.choice(rows)
            col = next(c for c, cell in enumerate(row) if cell.value is not None)
            cell = row[col]
            value = cell.value + bump
            new_row = row[:col] + (dataclasses.replace(cell, text=_fmt(value), value=value),) + row[col + 1:]
            body = b.body[:r] + (new_row,) + b.body[r + 1:]
            blocks[i] = dataclasses.replace(b, body=body)
            return cell.text, _fmt(value)
    return None


# --------------------------------------------------------------------------- building


def build_one(index: int, seed: int, out: str, formats: tuple[str, ...], defects: float, base_text: str) -> dict:
    rng = random.Random(seed * 1_000_003 + index)
    data, chosen = variant(base_text, rng)
    stem = f"{index:05d}"
    with tempfile.TemporaryDirectory(prefix="juesuan-corpus-") as tmp:
        source = Path(tmp) / "决算数据.yaml"
        source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        d = load(source)
        doc = compose(d, resolve_profile(None, d))
    truth = None
    if rng.random() < defects:
        doc, truth = plant(doc, rng)
    files = []
    for fmt in formats:
        if fmt == "pdf":
            continue  # converted from the .docx afterwards, many at a time
        target = Path(out) / f"{stem}.{fmt}"
        WRITERS[fmt](doc, target)
        files.append(target.name)
    return {"index": index, "stem": stem, "files": files, **chosen, "defect": truth}


def convert_many(docx_files: list[Path], out: Path, jobs: int, tries: int = 2) -> list[str]:
    """PDFs from the .docx files, in ``jobs`` LibreOffice processes each converting its share in
    one run (a second pass for what a run left out); the names of the files not converted."""
    exe = office.soffice()
    if exe is None:
        raise SystemExit("LibreOffice (soffice) is not installed: use --formats docx,html")
    for _ in range(tries):
        _convert_pass(exe, [f for f in docx_files if not (out / f"{f.stem}.pdf").is_file()], out, jobs)
    return [f.name for f in docx_files if not (out / f"{f.stem}.pdf").is_file()]


def _convert_pass(exe: str, docx_files: list[Path], out: Path, jobs: int) -> None:
    shares = [docx_files[i::jobs] for i in range(jobs)]
    with tempfile.TemporaryDirectory(prefix="juesuan-corpus-lo-") as tmp:
        running = []
        for n, share in enumerate(s for s in shares if s):
            profile = (Path(tmp) / f"profile{n}").resolve().as_uri()
            command = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
                       "--outdir", str(out), *map(str, share)]
            running.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for proc in running:
            proc.wait()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("count", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--formats", default="pdf,docx", help="comma separated: pdf, docx, html, md (default pdf,docx)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--defects", type=float, default=0.3, help="share of documents with a planted defect")
    args = ap.parse_args()
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    unknown = [f for f in formats if f not in ("pdf", "docx", "html", "md")]
    if unknown:
        raise SystemExit(f"unknown format {unknown}")
    writing = tuple(dict.fromkeys((["docx"] if "pdf" in formats else []) + [f for f in formats if f != "pdf"]))
    args.out.mkdir(parents=True, exist_ok=True)
    base_text = EXAMPLE.read_text(encoding="utf-8")
    started = time.monotonic()
    with ProcessPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(build_one, range(args.count), [args.seed] * args.count, [str(args.out)] * args.count,
                             [writing] * args.count, [args.defects] * args.count, [base_text] * args.count, chunksize=4))
    built = time.monotonic() - started
    failed: list[str] = []
    if "pdf" in formats:
        failed = convert_many([args.out / f"{r['stem']}.docx" for r in rows], args.out, args.jobs)
        for r in rows:
            r["files"] = [f for f in r["files"] if "docx" in formats or not f.endswith(".docx")]
            if f"{r['stem']}.docx" not in failed:
                r["files"].append(f"{r['stem']}.pdf")
        if "docx" not in formats:
            for r in rows:
                (args.out / f"{r['stem']}.docx").unlink(missing_ok=True)
    with open(args.out / "truth.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    planted = sum(1 for r in rows if r["defect"])
    print(f"{args.count} documents in {args.out} ({', '.join(formats)}): built in {built:.0f} s, "
          f"all in {time.monotonic() - started:.0f} s; {planted} with a planted defect; {len(failed)} PDF conversions failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
