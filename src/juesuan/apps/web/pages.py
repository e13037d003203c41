"""Page images of a stored PDF, and where on a page a cited passage is printed.

Where it sits: apps/web, under ``app``; over pypdfium2 (a dependency already: it renders pages
and knows where each character is). The picture is rendered once per page and kept in the
server's folder; the box is returned as fractions of the page, so the page draws it over the
image at any size.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2

SCALE = 1.5  # 108 dpi: the figures of a table are legible on a laptop screen


@dataclass(frozen=True, slots=True)
class Box:
    left: float
    top: float
    width: float
    height: float

    def style(self) -> str:
        return (f"left:{self.left * 100:.2f}%;top:{self.top * 100:.2f}%;"
                f"width:{self.width * 100:.2f}%;height:{self.height * 100:.2f}%")


def page_count(content: bytes) -> int:
    pdf = pypdfium2.PdfDocument(content)
    try:
        return len(pdf)
    finally:
        pdf.close()


def page_png(content: bytes, page: int, cache: Path) -> Path:
    """The 1-based ``page`` as a PNG file (rendered on first use); IndexError past the last page."""
    if cache.exists():
        return cache
    pdf = pypdfium2.PdfDocument(content)
    try:
        if not 1 <= page <= len(pdf):
            raise IndexError(page)
        image = pdf[page - 1].render(scale=SCALE).to_pil()
        cache.parent.mkdir(parents=True, exist_ok=True)
        temp = cache.with_suffix(".tmp")
        image.save(temp, format="PNG", optimize=True)
        temp.replace(cache)
    finally:
        pdf.close()
    return cache


def _find(textpage, text: str, after: int = 0) -> tuple[int, int] | None:
    text = text.strip()
    if not text:
        return None
    searcher = textpage.search(text, index=after, match_case=True)
    try:
        found = searcher.get_next()
    finally:
        searcher.close()
    return found


def locate(content: bytes, page: int, excerpt: str, mark: str = "") -> Box | None:
    """The box around ``mark`` (or the start of ``excerpt``) as printed on the page: the marked
    words looked for inside the passage first, so the figure is the one the passage cites."""
    pdf = pypdfium2.PdfDocument(content)
    try:
        if not 1 <= page <= len(pdf):
            return None
        p = pdf[page - 1]
        width, height = p.get_size()
        textpage = p.get_textpage()
        try:
            anchor = None
            for piece in (excerpt.strip()[:30], excerpt.strip()[:12]):
                anchor = _find(textpage, piece)
                if anchor:
                    break
            hit = None
            if mark:
                hit = _find(textpage, mark, anchor[0] if anchor else 0) or _find(textpage, mark)
            hit = hit or anchor
            if hit is None:
                return None
            boxes = [textpage.get_charbox(i) for i in range(hit[0], hit[0] + hit[1])]
        finally:
            textpage.close()
    finally:
        pdf.close()
    boxes = [b for b in boxes if b[2] > b[0]]
    if not boxes:
        return None
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    bottom, top = min(b[1] for b in boxes), max(b[3] for b in boxes)
    pad = 2.0
    return Box(max(left - pad, 0) / width, max(height - top - pad, 0) / height,
               (right - left + 2 * pad) / width, (top - bottom + 2 * pad) / height)
