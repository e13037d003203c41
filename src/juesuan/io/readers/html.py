"""HTML page reader: the article's paragraphs and tables, without the site around them.

Where it sits: one of the format readers under :func:`juesuan.io.readers.read_document`; it
hands an :class:`~.grid.Extracted` to assembly.

Government portals wrap a disclosure in navigation, headers, footers, breadcrumbs and share
buttons. Those elements (by tag, or by an id/class such as ``nav``/``footer``/``breadcrumb``) are
dropped unless they hold a data table or a long text; short chrome lines ("打印本页", "关闭窗口",
"您的位置") are dropped too. Headings, paragraphs and list items become lines; data tables
become grids (``colspan``/``rowspan`` text in the first position, blanks in the covered ones).
A table that contains another table is a layout table and is read as a container. The lines then
go through what every reader of running text does (:func:`.text.settle`): a page that holds a whole
document in one block (a copy site's mirror of a PDF) is cut into its headings and sentences, and
lines a ``<br>`` breaks are joined as wrapped lines; two blocks are two paragraphs unless the text
plainly runs on (a bracket left open, a number cut, a PDF's lines pasted one a paragraph).
The page is walked without recursion and each subtree is measured once, so time is linear in
the page; its element count and nesting depth are bounded (``limits.html_elements``/``html_depth``).
Pages in GBK/GB2312 are decoded through :func:`.normalize.decode` with their declared charset.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterator

from bs4 import BeautifulSoup, CData, Comment, NavigableString, Tag
from lxml import etree

from ...core.model import Span
from ..limits import LimitExceeded, Limits
from ..limits import current as current_limits
from .grid import Extracted, RawGrid, column_letter
from .normalize import caption_line, clean_line, decode, lines_above, page_own_line
from .text import settle

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
              "button", "select", "template", "svg", "object", "embed", "head")
_CHROME_NAME = re.compile(
    r"^(nav|navbar|menu|mainmenu|topmenu|footer|foot|bottom|header|head|top|topbar|breadcrumb|crumbs?|"
    r"location|position|sidebar|side|share|bdshare|copyright|banner|toolbar|search|friendlink|links?)"
    r"([-_].*)?$|(^|[-_])(nav|menu|footer|breadcrumb|share|copyright)([-_]|$)",
    re.I,
)
_BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
          "h4", "h5", "h6", "blockquote", "pre", "center", "body", "html", "tr", "td", "th", "caption",
          "figure", "figcaption", "address", "hr"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_TITLE = re.compile(r"(表|明细)$")


_TEXT_TYPES = (NavigableString, CData)  # what get_text counts: not scripts, styles or comments
_LONG_TEXT = 500  # a chrome element with more text than this is kept: it holds content


def extract(path: str | Path) -> Extracted:
    """Read an .html/.htm page into narrative lines and raw grids."""
    path = Path(path)
    data = path.read_bytes()
    m = _CHARSET.search(data[:4096])
    text = decode(data, str(path), declared=m.group(1).decode("ascii") if m else None)
    return extract_html(text, str(path))


def extract_html(text: str, file: str = "", limits: Limits | None = None) -> Extracted:
    limits = limits or current_limits()
    _check_shape(text, file, limits)
    soup = BeautifulSoup(text, "lxml")
    tree = _Tree(soup, file, limits)
    tree.strip_chrome()
    walker = _Walker(file, tree.layout_tables(), limits)
    walker.walk(soup.body or soup)
    walker.flush()
    return settle(walker.lines, walker.grids, file)


def _check_shape(text: str, file: str, limits: Limits) -> None:
    """Count elements and nesting with libxml2's HTML parser (the one the tree is built with, so
    the same implicit closing of <p>, <li>, <td>…), stopping at the first element over a bound —
    before the far costlier tree is built."""
    shape = _Shape(file, limits)
    parser = etree.HTMLParser(target=shape, no_network=True)
    try:
        parser.feed(text)
        parser.close()
    except etree.LxmlError:  # what the parser itself rejects, BeautifulSoup's own pass tolerates
        pass


class _Shape:
    """Parser target for :func:`_check_shape`: raises LimitExceeded from inside the parse."""

    def __init__(self, file: str, limits: Limits) -> None:
        self.file, self.limits = file, limits
        self.count = self.depth = 0

    def start(self, tag, attrib) -> None:  # noqa: ARG002
        self.count += 1
        self.depth += 1
        if self.count > self.limits.html_elements:
            raise LimitExceeded(self.file, "html_elements", self.limits)
        if self.depth > self.limits.html_depth:
            raise LimitExceeded(self.file, "html_depth", self.limits)

    def end(self, tag) -> None:  # noqa: ARG002
        self.depth -= 1

    def data(self, data) -> None:
        pass

    def close(self) -> None:
        pass


class _Tree:
    """The page's elements in document order, with what chrome stripping needs to know of each
    subtree (does it hold a table, how much text) computed bottom-up in one pass. Nothing here
    recurses or rescans a subtree, so time is linear in the page however deeply it nests."""

    def __init__(self, soup: BeautifulSoup, file: str, limits: Limits) -> None:
        for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
            comment.extract()
        self.order: list[Tag] = []
        self.parent: list[int] = []
        stack: list[tuple[Tag, int, int]] = [(soup, -1, 0)]
        while stack:
            tag, parent, depth = stack.pop()
            if depth > limits.html_depth:
                raise LimitExceeded(file, "html_depth", limits)
            index = len(self.order)
            self.order.append(tag)
            self.parent.append(parent)
            stack.extend((c, index, depth + 1) for c in reversed(tag.contents) if isinstance(c, Tag))
        self.size = [1] * len(self.order)
        for i in range(len(self.order) - 1, 0, -1):
            self.size[self.parent[i]] += self.size[i]
        self.removed: set[int] = set()  # roots of the subtrees taken out

    def _measure(self) -> tuple[list[bool], list[bool], list[int]]:
        """Per element: does a table lie below it, does a table or a main heading (h1), and the
        length of its stripped text — leaving out the subtrees already removed."""
        n = len(self.order)
        has_table = [False] * n
        has_content = [False] * n
        text = [0] * n
        for i in range(n - 1, -1, -1):
            tag = self.order[i]
            text[i] += sum(len(s.strip()) for s in tag.contents if type(s) in _TEXT_TYPES)
            parent = self.parent[i]
            if parent >= 0 and i not in self.removed:
                has_table[parent] = has_table[parent] or has_table[i] or tag.name == "table"
                has_content[parent] = has_content[parent] or has_content[i] or tag.name in ("table", "h1")
                text[parent] += text[i]
        return has_table, has_content, text

    def _remove_where(self, wanted: Callable[[int], bool]) -> None:
        """Remove every element for which ``wanted(i)``, outside subtrees already removed; an
        element is judged before anything inside it is removed (as a top-down pass would)."""
        marked: set[int] = set()
        i = 1
        while i < len(self.order):
            if i in self.removed or wanted(i):
                marked.add(i)
                i += self.size[i]
            else:
                i += 1
        self.removed |= marked

    def strip_chrome(self) -> None:
        """Drop scripts, styles, forms and the site's navigation, headers and footers (by tag, or
        by an id/class such as nav/footer/breadcrumb) unless they hold a table or a long text."""
        # a block holding a table, a long text or the page's main heading (the document's title,
        # which identification needs) is content, not site chrome
        _, content, text = self._measure()

        def by_tag(i: int) -> bool:
            tag = self.order[i]
            if tag.name not in _DROP_TAGS:
                return False
            keeps = content[i] or text[i] > _LONG_TEXT
            return not (tag.name in ("header", "nav", "footer", "aside") and keeps)

        self._remove_where(by_tag)
        _, content, text = self._measure()

        def by_name(i: int) -> bool:
            tag = self.order[i]
            names = [tag.get("id") or ""] + list(tag.get("class") or [])
            chrome = any(n and isinstance(n, str) and _CHROME_NAME.search(n) for n in names)
            return chrome and not (content[i] or text[i] > _LONG_TEXT)

        self._remove_where(by_name)
        for i in self.removed:
            self.order[i].decompose()

    def layout_tables(self) -> set[int]:
        """ids of the kept tables that hold another table: containers, not data."""
        has_table, _, _ = self._measure()
        out: set[int] = set()
        i = 0
        while i < len(self.order):
            if i in self.removed:
                i += self.size[i]
                continue
            if self.order[i].name == "table" and has_table[i]:
                out.add(id(self.order[i]))
            i += 1
        return out


class _Cell:
    """A cell of a layout table, walked as a container and followed by a line break."""

    __slots__ = ("tag",)

    def __init__(self, tag: Tag) -> None:
        self.tag = tag


def _own_cells(table: Tag) -> Iterator[_Cell]:
    """The td/th of ``table`` in document order, not those of the tables inside it."""
    stack = [c for c in reversed(table.contents) if isinstance(c, Tag)]
    while stack:
        node = stack.pop()
        if node.name == "table":
            continue
        if node.name in ("td", "th"):
            yield _Cell(node)
        stack.extend(c for c in reversed(node.contents) if isinstance(c, Tag))


_END = object()


class _Walker:
    def __init__(self, file: str, layout_tables: set[int] = frozenset(), limits: Limits | None = None) -> None:
        self.file = file
        self.limits = limits or current_limits()
        self.layout_tables = layout_tables
        self.lines: list[tuple[str, Span]] = []
        self.grids: list[RawGrid] = []
        self.buffer: list[str] = []
        self.count = 0  # lines of text so far
        self.gap = False  # a block ended since the last line

    def flush(self, block: bool = True) -> None:
        """End the line in the buffer; ``block`` when a block (not a ``<br>``) ends it: the next
        line starts a new paragraph, and a blank line between them tells the joiner so. A ``<br>``
        that ends no text (the second of "<br><br>") makes the same break."""
        text = clean_line(re.sub(r"\s+", " ", "".join(self.buffer)))
        self.buffer = []
        if text and not page_own_line(text):
            if self.gap:
                self.lines.append(("", Span(file=self.file, line=self.count)))
            self.count += 1
            self.lines.append((text, Span(file=self.file, line=self.count, excerpt=text[:80])))
            if self.count > self.limits.narrative_lines:
                raise LimitExceeded(self.file, "narrative_lines", self.limits)
            self.gap = False
        self.gap = self.gap or ((block or not text) and self.count > 0)  # "<br><br>": an empty line between

    def walk(self, node) -> None:
        """Text in document order: a block ends a line, a data table becomes a grid, a layout table
        is opened cell by cell. An explicit stack (children left to visit, flush when done) keeps
        deep nesting from exhausting Python's recursion."""
        stack: list[tuple[Iterator, bool]] = [(iter(node.children), False)]
        while stack:
            items, flush_after = stack[-1]
            child = next(items, _END)
            if child is _END:
                stack.pop()
                if flush_after:
                    self.flush()
            elif isinstance(child, _Cell):
                stack.append((iter(child.tag.children), True))
            elif isinstance(child, NavigableString):
                if not isinstance(child, Comment):
                    self.buffer.append(str(child))
            elif not isinstance(child, Tag):
                continue
            elif child.name == "br":
                self.flush(block=False)
            elif child.name == "table":
                self.flush()
                if id(child) in self.layout_tables:
                    stack.append((_own_cells(child), False))
                else:
                    self.table(child)
            elif child.name in _BLOCK:
                self.flush()
                stack.append((iter(child.children), True))
            else:
                stack.append((iter(child.children), False))

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
        context = lines_above(self.lines)
        caption = table.find("caption")
        title = clean_line(caption.get_text(" ")) if caption else ""
        if not title:
            title = caption_line(context, lambda t: bool(_TITLE.search(t)) and len(t) <= 40)
        self.grids.append(RawGrid(rows=tuple(rows), spans=spans, title=title, file=self.file, context=context))



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
