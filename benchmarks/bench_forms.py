"""Reading 绩效自评表 copied as running text: seconds to read N forms written on one line each, all
on one line, and one cell a line (``io.readers.performance_flat``).

Usage: python benchmarks/bench_forms.py [--forms 50 200]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from juesuan.io.readers import read_document

#: One small 项目支出绩效自评表, cell by cell (funds, goals, five indicators, 总分, grade).
FORM = ("项目支出绩效自评表 （2022年度） 项目名称 委托业务项目 主管部门 某镇人民政府 实施单位 某镇人民政府 "
        "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 90 90 89.974 10 99.97% 9.99 "
        "其中：当年财政拨款 90 90 89.974 上年结转资金 其他资金 年度总体目标 预期目标 实际完成情况 完成委托业务50个。 完成委托业务50个。 "
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
        "产出指标(40分) 数量指标 委托业务项目数量 ≥50个 50 20 20 质量指标 报告合格率 100% 95% 10 9.5 个别报告返工 "
        "时效指标 提交报告及时性 按时完成 按时完成 10 10 效益指标(30分) 社会效益指标 对基建市场公平的影响 效果明显 达成预期指标 30 30 "
        "满意度指标(20分) 满意度指标 公众满意度 ≥90% 95% 20 20 总分 100 99.49 评价等级 优").split()


def _time(text: str, folder: Path) -> tuple[float, int]:
    path = folder / "forms.txt"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    d = read_document(path)
    return time.perf_counter() - start, len(d.evaluations)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--forms", type=int, nargs="+", default=[50, 200])
    args = ap.parse_args()
    one = " ".join(FORM)
    layouts = {
        "a line each": lambda n: "\n".join([one] * n),
        "all on one line": lambda n: " ".join([one] * n),
        "a cell a line": lambda n: "\n".join(FORM * n),
    }
    print(f"{'layout':<18}{'forms':>7}{'read':>7}{'seconds':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in layouts.items():
            for n in args.forms:
                seconds, read = _time(make(n), Path(tmp))
                print(f"{name:<18}{n:>7}{read:>7}{seconds:>10.3f}")


if __name__ == "__main__":
    main()
