"""HTML page reader: the article's paragraphs and tables, without the site around them.

Where it sits: one of the format readers under :func:`juesuan.io.readers.read_document`; it
hands an :class:`~.grid.Extracted` to assembly.

Government portals wrap a disclosure in navigation, headers, footers, breadcrumbs and share
buttons. Those elements (by tag, or by an id/class such as ``nav``/``footer``/``breadcrumb``) are
dropped unless they hold a data table or a long text; short chrome lines ("打印本页", "关闭窗口",
"您的位置") are dropped too. Headings, paragraphs and list items become lines; data tables
become grids (``colspan``/``rowspan`` text in the first position, blanks in the covered ones).
A table that contains another table is a layout table and is read as a container. A page that
holds a whole document in one block (a copy site's mirror of a PDF) is cut into its headings and
sentences (:func:`.lines.resegment`).
Pages in GBK/GB2312 are decoded through :func:`.normalize.decode` with their declared charset.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ...core.model import Span
from .grid import Extracted, RawGrid, column_letter
from .lines import resegment
from .normalize import caption_line, clean_line, decode

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
              "button", "select", "template", "svg", "object", "embed", "head")
_CHROME_NAME = re.compile(
    r"^(nav|navbar|menu|mainmenu|topmenu|footer|foot|bottom|header|head|top|topbar|breadcrumb|crumbs?|"
    r"location|position|sidebar|side|share|bdshare|copyright|banner|toolbar|search|friendlink|links?)"
    r"([-_].*)?$|(^|[-_])(nav|menu|footer|breadcrumb|share|copyright)([-_]|$)",
    re.I,
)
_CHROME_LINE = re.compile(
    r"打印本页|关闭窗口|【?字体|字号[:：]|分享到|上一篇|下一篇|当前位置|您的位置|您现在的位置|浏览次数|"
    r"访问量|点击数|主办单位|承办单位|版权所有|ICP备|网站地图|联系我们|返回顶部|网站标识码|公网安备|扫一扫|"
    r"^(发布时间|发布日期|发文日期|信息来源|来源|作者|编辑)[:：]"
)
_BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
          "h4", "h5", "h6", "blockquote", "pre", "center", "body", "html", "tr", "td", "th", "caption",
          "figure", "figcaption", "address", "hr"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_TITLE = re.compile(r"(表|明细)$")


def extract(path: str | Path) -> Extracted:
    """Read an .html/.htm page into narrative lines and raw grids."""
    path = Path(path)
    data = path.read_bytes()
    m = _CHARSET.search(data[:4096])
    text = decode(data, str(path), declared=m.group(1).decode("ascii") if m else None)
    return extract_html(text, str(path))


def extract_html(text: str, file: str = "") -> Extracted:
    soup = BeautifulSoup(text, "lxml")
    _strip_chrome(soup)
    walker = _Walker(file)
    walker.walk(soup.body or soup)
    walker.flush()
    return Extracted(file=file, lines=tuple(resegment(walker.lines)), grids=tuple(walker.grids))


def _keeps_content(tag: Tag) -> bool:
    """A header/nav block that holds a table, a long text or the page's main heading (the
    document's title, which identification needs) is content, not site chrome."""
    return tag.find(("table", "h1")) is not None or len(tag.get_text(strip=True)) > 500


def _strip_chrome(soup: BeautifulSoup) -> None:
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_DROP_TAGS):
        if tag.decomposed:
            continue
        if tag.name in ("header", "nav", "footer", "aside") and _keeps_content(tag):
            continue
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        names = [tag.get("id") or ""] + list(tag.get("class") or [])
        if any(n and _CHROME_NAME.search(n) for n in names) and not _keeps_content(tag):
            tag.decompose()


class _Walker:
    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: list[tuple[str, Span]] = []
        self.grids: list[RawGrid] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        text = clean_line(re.sub(r"\s+", " ", "".join(self.buffer)))
        self.buffer = []
        if not text or (len(text) <= 60 and _CHROME_LINE.search(text)):
            return
        self.lines.append((text, Span(file=self.file, line=len(self.lines) + 1, excerpt=text[:80])))

    def walk(self, node) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, Comment):
                    self.buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "br":
                self.flush()
            elif name == "table":
                self.flush()
                if _inner_tables(child):
                    self.walk_layout(child)
                else:
                    self.table(child)
            elif name in _BLOCK:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)

    def walk_layout(self, table: Tag) -> None:
        for cell in table.find_all(["td", "th"]):
            if cell.find_parent("table") is table:
                self.walk(cell)
                self.flush()

    def table(self, table: Tag) -> None:
        rows = _matrix(table)
        if not any(any(c for c in row) for row in rows):
            return
        number = len(self.grids) + 1
        spans = tuple(
            tuple(Span(file=self.file, cell=f"表格{number}!{column_letter(c)}{r + 1}", excerpt=t[:80])
                  for c, t in enumerate(row))
            for r, row in enumerate(rows)
        )
        context = tuple(t for t, _ in self.lines[-3:])
        caption = table.find("caption")
        title = clean_line(caption.get_text(" ")) if caption else ""
        if not title:
            title = caption_line(context, lambda t: bool(_TITLE.search(t)) and len(t) <= 40)
        self.grids.append(RawGrid(rows=tuple(rows), spans=spans, title=title, file=self.file, context=context))


def _inner_tables(table: Tag) -> bool:
    return any(t is not table for t in table.find_all("table"))


def _span_attr(cell: Tag, name: str) -> int:
    try:
        return max(1, min(int(str(cell.get(name, "1")).strip() or 1), 200))
    except ValueError:
        return 1


def _matrix(table: Tag) -> list[tuple[str, ...]]:
    """The table's rows on its column grid; merged cells keep text in their first position."""
    occupied: dict[tuple[int, int], str] = {}
    n_rows = 0
    width = 0
    trs = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    for r, tr in enumerate(trs):
        c = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in occupied:
                c += 1
            text = clean_line(re.sub(r"\s+", " ", cell.get_text(" ")))
            rowspan, colspan = _span_attr(cell, "rowspan"), _span_attr(cell, "colspan")
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied[(r + dr, c + dc)] = text if (dr, dc) == (0, 0) else ""
            c += colspan
            width = max(width, c)
        n_rows = r + 1
    return [tuple(occupied.get((r, c), "") for c in range(width)) for r in range(n_rows)]
