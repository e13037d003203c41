"""Time and memory of the text reader on text as people paste it, at sizes far past a real
disclosure: one line holding everything (line breaks lost), lines wrapped with no sentence end
(the worst case for joining), and a ``pdftotext``-style copy (hard wraps, page numbers, form
feeds), and tables copied one row per line (``pdftotext -raw``: codes, wrapped and scrambled
names, blank cells printed as nothing). Each case runs in a fresh process; peak RSS is that process's. Wall and CPU seconds are
both printed: on a loaded machine the CPU time is the one to compare.

Usage: python benchmarks/bench_text.py [--sizes 3.75 75] [--full-max 4]
  --sizes      MB of each generated file (default 3.75 and 75: issue 8's two text files)
  --full-max   also time the whole ``read_document`` (reader + phrasebook) up to this many MB

The text is built from the seed (../shared next to the repository) or, without it, from a short
built-in passage; either way it is repeated to the size asked for.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_e5361b4e9819f483.txt"
PASSAGE = """第二部分 部门决算情况说明
一、收入支出决算总体情况说明
2024年度收入总计1,787.23万元，其中：本年收入合计1,741.71万元，使用非财政拨款结余（含专用结余）0.00万元，年初结转和结余45.52万元。
收入支出总体与上年相比，减少191.15万元，下降9.66%，主要原因是：本年在职人员减少。
二、收入决算情况说明
本年收入1,741.71万元，其中：财政拨款收入1,693.16万元，占97.21%；其他收入48.55万元，占2.79%。
"""

CHILD = """
import json, resource, sys, time
from juesuan.io.readers.text import extract
from juesuan.io.readers import read_document
from juesuan.core.findings import InputError
path, full = sys.argv[1], sys.argv[2] == "1"
start, cpu = time.perf_counter(), time.process_time()
ex = extract(path)
out = {"extract_s": time.perf_counter() - start, "extract_cpu": time.process_time() - cpu,
       "lines": len(ex.lines), "longest": max((len(t) for t, _ in ex.lines), default=0)}
if full:
    start = time.perf_counter()
    try:
        read_document(path)
    except InputError as exc:
        out["note"] = str(exc)[-40:]
    out["read_s"] = time.perf_counter() - start
out["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def _source() -> list[str]:
    text = SEED.read_text(encoding="utf-8") if SEED.is_file() else PASSAGE
    return [line.strip() for line in text.split("\n") if line.strip() and not line.startswith("\t")]


def _repeat(unit: str, size: int) -> str:
    data = unit * (size // len(unit.encode("utf-8")) + 1)
    return data.encode("utf-8")[:size].decode("utf-8", "ignore")


def collapsed(lines: list[str], size: int) -> str:
    return _repeat(" ".join(lines) + " ", size)


def wrapped(lines: list[str], size: int) -> str:
    body = "".join(lines).replace("。", "").replace("；", "").replace("：", "")
    return "一、收入支出决算总体情况说明\n" + "\n".join(textwrap.wrap(_repeat(body, size), 30))


def pdftotext_like(lines: list[str], size: int) -> str:
    pages, page, out = 1, [], []
    for line in textwrap.wrap("\n".join(lines), 38, replace_whitespace=False):
        page.append(line)
        if len(page) == 40:
            out.append("\n".join(page) + f"\n\n- {pages} -\n\f")
            pages, page = pages + 1, []
    out.append("\n".join(page))
    return _repeat("".join(out) + "\f", size)


TABLES = """收入支出决算总表
单位：万元
收入 支出
项目 决算数 项目 决算数
一、一般公共预算财政拨款收入 4,733.14 一、一般公共服务支出 0.00
二、政府性基金预算财政拨款收入 二、外交支出
八、其他收入 0.00 八、社会保障和就业支出 471.44
二十二、灾害防治及应急管理支
4,261.70
出
本年收入合计 4,733.14 本年支出合计 4,733.14
总计 4,733.14 总计 4,733.14
注：本表反映部门本年度的总收支和年末结转结余情况。
一般公共预算财政拨款支出决算表
单位：万元
项目
合计 基本支出 项目支出
功能分类
科目编码 科目名称
208 社会保障和就业支出 471.44 460.67 10.77
2080505 机关事业单位基本养老保 229.67 229.67 0.00
2080506
险机缴关费事支业出单位职业年金缴
116.59 116.59 0.00
2080599
费其支他出行政事业单位养老支
1.27 1.27 0.00
20808
出抚恤
10.77 0.00 10.77
行政事业单位医
21011 109.34 109.34 0.00
疗
2101101 行政单位医疗 46.34 46.34
合计 4,733.14 3,365.38 1,367.75
注：本表反映部门本年度一般公共预算财政拨款支出情况。
一般公共预算财政拨款基本支出决算表
单位：万元
经济分类科目编码 科目名称 决算数 经济分类科目编码 科目名称 决算数
301 01 基本工资 405.36 302 01 办公费 92.11
机关事业单位基本
301 08 229.67 302 07 邮电费 3.48
养老保险缴费
人员经费合计 2,949.02 公用经费合计 416.36
"""


def row_tables(lines: list[str], size: int) -> str:
    return _repeat(TABLES + "\f", size)


CASES = {"collapsed": collapsed, "wrapped": wrapped, "pdftotext": pdftotext_like, "rowtables": row_tables}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="*", type=float, default=[3.75, 75.0])
    ap.add_argument("--full-max", type=float, default=4.0)
    args = ap.parse_args()
    lines = _source()
    print(f"{'case':<10} {'MB':>6} {'extract s':>10} {'cpu s':>7} {'read s':>8} {'lines':>9} {'longest':>8} "
          f"{'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            for name, make in CASES.items():
                path = Path(tmp) / f"{name}-{size}.txt"
                path.write_text(make(lines, int(size * 1_000_000)), encoding="utf-8")
                full = "1" if size <= args.full_max else "0"
                run = subprocess.run([sys.executable, "-c", CHILD, str(path), full], capture_output=True, text=True)
                if run.returncode:
                    print(f"{name:<10} {size:6.2f} failed: {run.stderr.strip().splitlines()[-1:]}")
                    continue
                r = json.loads(run.stdout)
                read = f"{r['read_s']:8.2f}" if "read_s" in r else f"{'-':>8}"
                print(f"{name:<10} {size:6.2f} {r['extract_s']:10.2f} {r['extract_cpu']:7.2f} {read} {r['lines']:9d} "
                      f"{r['longest']:8d} {r['peak_mib']:9.0f}")
                path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
