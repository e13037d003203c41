"""Time reading each Shanghai PDF: the text layer alone, the full extract (with tables), and
extract + table recognition. Prints seconds (best of N runs) and peak Python memory.

Usage: python benchmarks/bench_read_pdf.py [--runs 5] [PDF ...]
(default: every PDF in ../shared/corpus next to the repository).
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from pathlib import Path

import pypdfium2 as pdfium

from juesuan.io.readers.pdf import extract
from juesuan.io.readers.recognize import recognize

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def text_layer(path: Path) -> int:
    doc = pdfium.PdfDocument(str(path))
    try:
        total = 0
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            total += len(textpage.get_text_range())
            textpage.close()
            page.close()
        return total
    finally:
        doc.close()


def full(path: Path) -> int:
    return len(extract(path).grids)


def with_tables(path: Path) -> int:
    return len(recognize(extract(path).grids).present())


def best(fn, path: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    return min(times)


def peak_mib(fn, path: Path) -> float:
    tracemalloc.start()
    fn(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pdfs = args.pdfs or sorted(CORPUS.glob("*.pdf"))
    if not pdfs:
        print(f"no PDFs given and none found in {CORPUS}")
        return 1
    print(f"{'file':52} {'pages':>5} {'text s':>8} {'extract s':>10} {'+recog s':>9} {'peak MiB':>9} {'tables':>6}")
    for path in pdfs:
        pages = len(pdfium.PdfDocument(str(path)))
        t_text = best(text_layer, path, args.runs)
        t_full = best(full, path, args.runs)
        t_rec = best(with_tables, path, args.runs)
        mem = peak_mib(with_tables, path)
        found = with_tables(path)
        print(f"{path.name:52} {pages:5d} {t_text:8.3f} {t_full:10.3f} {t_rec:9.3f} {mem:9.1f} {found:6d}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS: {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
