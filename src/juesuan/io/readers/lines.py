"""Lines as people paste them: pages, page furniture, and text whose line breaks were lost.

Where it sits: between a format reader's raw lines and :func:`.normalize.join_soft_breaks`.
The text reader uses all of it; the HTML reader re-segments collapsed lines. The PDF reader
has the page geometry and does its own (``pdf._drop_running_lines``).

* :func:`paginate` — the page of each line of a text copied from a PDF (``pdftotext`` ends each
  page with a form feed); :func:`page_lines` first puts what follows a form feed inside a line
  (page texts joined with form feeds and no line break) on a line of its own.
* :func:`furniture` — lines that are page numbers ("- 3 -", "第3页", a bare number in its place
  in the page sequence) or running headers/footers repeated at the edge of many pages.
* :func:`segment` — a line that holds a whole document (a web copy, ``pdftotext`` without
  layout) cut before its headings, after its sentences and after a heading set off by a space,
  in one pass: no backtracking over the whole line, no repeated slicing. Page numbers left
  inline ("- 3 -", or a number alone between two headings) are dropped.
* :func:`relocate` — a figure read from a joined line mapped back to the source line (and page)
  it was printed on.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ...core.model import Span
from .normalize import ends_like_heading, squeeze_spaces

# --------------------------------------------------------------------------- pages

FORM_FEED = "\f"


def page_lines(raw: Sequence[str]) -> tuple[list[str], list[int]]:
    """``raw`` with each line cut before every form feed that does not begin it, and the 1-based
    number of the source line each piece comes from (spans keep the file's own line numbers).
    Pages joined as "…last line\fFirst line…" otherwise glue two pages' lines into one."""
    if not any(FORM_FEED in line.lstrip(FORM_FEED) for line in raw):
        return list(raw), list(range(1, len(raw) + 1))
    lines: list[str] = []
    numbers: list[int] = []
    for number, line in enumerate(raw, 1):
        lead = len(line) - len(line.lstrip(FORM_FEED))
        pieces = line[lead:].split(FORM_FEED)
        pieces[0] = line[:lead] + pieces[0]
        for k, piece in enumerate(pieces):
            lines.append(piece if k == 0 else FORM_FEED + piece)
            numbers.append(number)
    return lines, numbers


# A complete thousands-grouped amount ("278,076,101", "3,286,618,082.20") with what follows it glued on.
_GLUED = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?:\.\d{2})?(?=20\d\d年|\d{3}(?: \d{2}){0,2} [\u4e00-\u9fff])")
# Any amount, grouped or not, with an ordinal row label glued on ("47483458一、社会保障和就业支出").
_GLUED_ORDINAL = re.compile(r"(?<=\d)(?=[一二三四五六七八九十]{1,3}、)")
_GLUED_YEAR = re.compile(r"20\d\d年")
_TITLE_LONGEST = 64


def unglue(raw: Sequence[str], numbers: Sequence[int], is_title) -> tuple[list[str], list[int]]:
    """``raw`` with rows and titles a copy glued to an amount put apart where the cut is certain: a
    complete thousands-grouped amount followed by a title's year (``is_title`` of the rest of the
    line) or by a code printed spaced by level ("19,983,022207 01 99 …") starts a new line there;
    an amount followed by an ordinal label ("47,483,458一、…支出", "47483458一、…") gets a space.
    ``numbers`` (the source line of each) are repeated for the new lines."""
    text = "\n".join(raw)
    if _GLUED_ORDINAL.search(text):
        raw = _GLUED_ORDINAL.sub(" ", text).split("\n")
    elif not _GLUED.search(text):  # one scan in C: most texts have nothing glued
        return list(raw), list(numbers)
    lines: list[str] = []
    out_numbers: list[int] = []
    for line, number in zip(raw, numbers):
        start = 0
        pieces: list[str] = []
        for m in _GLUED.finditer(line) if "," in line else ():
            at = m.end()
            if _GLUED_YEAR.match(line, at):  # the rest of the line must be a title (short: never sliced long)
                if len(line) - at > _TITLE_LONGEST or not is_title(line[at:].strip()):
                    continue
            pieces.append(line[start:m.end()] + "\n")
            start = m.end()
        if not pieces:
            lines.append(line)
            out_numbers.append(number)
            continue
        for piece in "".join(pieces + [line[start:]]).split("\n"):
            lines.append(piece)
            out_numbers.append(number)
    return lines, out_numbers


def paginate(raw: Sequence[str]) -> list[int | None]:
    """Page number (1-based) of each raw line, from the form feeds that end pages; all None
    when the text has none."""
    if not any(FORM_FEED in line for line in raw):
        return [None] * len(raw)
    pages: list[int | None] = []
    page = 1
    for line in raw:
        lead = len(line) - len(line.lstrip(FORM_FEED))
        pages.append(page + lead)
        page += line.count(FORM_FEED)
    return pages


# A page number on a line of its own: "- 3 -", "— 3 —", "第3页", "第 3 页 共 20 页", "3/20".
_PAGE_MARK = re.compile(
    r"^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[/／,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4})$"
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_DIGITS = re.compile(r"\d+")
_EDGE = 2  # lines at the top and at the foot of a page that may be a header or footer
_MIN_GAP = 4  # lines between two bare page numbers (table cells "1 2 3" sit closer)


def furniture(raw: Sequence[str], pages: Sequence[int | None]) -> set[int]:
    """Indexes of the page numbers and running headers/footers among ``raw`` lines.

    Tab-indented lines are table cells and never furniture. A bare number counts as a page
    number only where the page sequence puts one: at a page's edge with the same offset from
    the physical page on several pages (form feeds), or, without form feeds, as the next
    number of a sequence of numbers standing a page apart.
    """
    texts = {i: t for i, t in ((i, line.strip(_BLANK)) for i, line in enumerate(raw) if not line.startswith("\t")) if t}
    candidates = list(texts)
    short = [i for i in candidates if len(texts[i]) <= _SHORT]
    out = {i for i in short if _PAGE_MARK.match(texts[i])}
    numbers = [i for i in short if _BARE_NUMBER.match(texts[i])]
    if pages and pages[0] is not None:
        edges = _page_edges(candidates, pages)
        offsets: dict[int, list[int]] = {}
        for i in numbers:
            if i in edges:
                offsets.setdefault(int(texts[i]) - (pages[i] or 0), []).append(i)
        best = max(offsets.values(), key=len, default=[])
        if len(best) >= 2:
            out.update(best)
        out.update(_running(texts, edges, pages, len(set(pages))))
    else:
        out.update(_sequence(texts, numbers))
        # headers/footers sit next to the page numbers found
        position = {i: k for k, i in enumerate(candidates)}
        edges = {candidates[k] for i in out for k in range(max(0, position[i] - _EDGE), position[i] + _EDGE + 1)
                 if k < len(candidates) and candidates[k] != i}
        out.update(_running(texts, edges, [None] * len(raw), len(out)))
        # the document's own title printed again next to a page number, however few the pages
        head = {texts[i] for i in candidates[:_TITLE_HEAD] if len(texts[i]) <= _SHORT and _TITLE_LIKE.search(texts[i])}
        out.update(i for i in edges if i not in candidates[:_TITLE_HEAD] and texts[i] in head)
        # …but the title's own first printing, before the first page number, is the title (a portal's menu above it
        # pushed it next to that number)
        first_mark = min((i for i in out if _BARE_NUMBER.match(texts[i]) or _PAGE_MARK.match(texts[i])), default=None)
        seen: set[str] = set()
        for i in sorted(out):
            if first_mark is not None and i < first_mark and _TITLED.search(texts[i]) and texts[i] not in seen:
                seen.add(texts[i])
                out.discard(i)
    return out


_BLANK = " \t\u3000" + FORM_FEED
_TITLE_HEAD = 5  # the first lines, which hold the document's title
#: A title, not a heading the body prints again: a year and the accounts it names ("…2018年部门预算汇总编报说明").
_TITLE_LIKE = re.compile(r"^(?![第一二三四五六七八九十（(\d]).*(?:19|20)\d\d\s*年.*(?:决算|预算)")
_SHORT = 60  # page numbers, headers and footers are short lines
#: A line naming a year's accounts, as a title does ("四川省乐山职业技术学院2016年部门决算编制说明").
_TITLED = re.compile(r"(?:19|20)\d\d\s*年.*(?:决算|预算)")


def _page_edges(candidates: list[int], pages: Sequence[int | None]) -> set[int]:
    by_page: dict[int | None, list[int]] = {}
    for i in candidates:
        by_page.setdefault(pages[i], []).append(i)
    edges: set[int] = set()
    for members in by_page.values():
        edges.update(members[:_EDGE])
        edges.update(members[-_EDGE:])
    return edges


def _sequence(texts: dict[int, str], numbers: list[int]) -> set[int]:
    """Bare numbers that count up one by one, each a page's worth of lines after the last (lines
    with text: a copy's blank lines between table cells "1" and "2" make no page)."""
    position = {i: k for k, i in enumerate(texts)}
    chain: list[int] = []
    for i in numbers:
        value = int(texts[i])
        if chain and value == int(texts[chain[-1]]) + 1 and position[i] - position[chain[-1]] >= _MIN_GAP:
            chain.append(i)
        elif len(chain) < 2 and value <= 3:
            chain = [i]
    return set(chain) if len(chain) >= 2 else set()


def _running(texts: dict[int, str], edges: set[int], pages: Sequence[int | None], total: int) -> set[int]:
    """Short lines at page edges whose text recurs on at least three pages and on at least half
    of them (digits count as one when the line has words: "第3页" and "第4页" are the same)."""
    keys = {i: _key(texts[i]) for i in edges if len(texts[i]) <= _SHORT}
    seen: dict[str, set] = {}
    for i, key in keys.items():
        seen.setdefault(key, set()).add(pages[i] if pages[i] is not None else i)
    repeated = {k for k, where in seen.items() if len(where) >= 3 and len(where) * 2 >= total}
    return {i for i, key in keys.items() if key in repeated}


def _key(text: str) -> str:
    return _DIGITS.sub("#", text) if len(_DIGITS.sub("", text)) >= 4 else text


# --------------------------------------------------------------------------- lost line breaks

_CN = "一二三四五六七八九十"
# One pass over the line finds every place it may be cut. Named groups:
#   end   a sentence end (with the closing quotes/brackets after it): cut after it;
#   part  a part heading "第二部分", or "目录" before the first entry or a space: cut before it;
#   head  another heading or list item ("一、", "（三）", "2.", "表五："): cut before it when
#         what precedes it closes something (a space, a sentence or clause end, a bracket);
#   page  a page number the copy left inline ("- 3 -"): dropped.
_CUT = re.compile(
    rf"(?=[。！？:：第{_CN}（(\d表目\-—–])"  # where any alternative can start: lets the scan skip the rest
    rf"(?:(?P<end>[。！？][”’」』)）】]*|[:：](?=[ \t\u3000]))"
    rf"|(?P<part>第[{_CN}]{{1,3}}部分|目\s{{0,3}}录(?=\s*第|\s))"
    rf"|(?P<head>[{_CN}]{{1,3}}、(?![{_CN}]{{1,3}}[、级])|[（(][{_CN}]{{1,3}}[）)]|\d{{1,2}}[.．、](?![\d.．])"
    rf"|表[{_CN}]{{1,3}}(?=[：:、\s]))"
    rf"|(?P<page>(?<!\S)[-—–]\s*\d{{1,4}}\s*[-—–](?!\S)))"
)
_SPACED_END = re.compile(r"[。！？][”’」』)）】]*[ \t\u3000]+(?=\S)")  # a sentence end a line break followed
_OPENS_AFTER = frozenset(" \t\u3000。！？!?；;：:）)】」』”’")
#: A line at least this long, holding at least this share of the text, lost its line breaks.
COLLAPSED_MIN = 500
COLLAPSED_SHARE = 0.4
#: Longest piece a line is cut into; a longer sentence is cut at a clause mark.
MAX_PIECE = 2000
_COLLAPSED_FLOOR = 200  # shorter lines are collapsed only when a part heading stands inside them
_PART_FLOOR = 40  # shorter lines are never collapsed
_WHOLE = 0.9  # share of the document a line holds when it is all of it
_CLAUSE = "，；;,、"


def _cuts(text: str):
    """(start, end, kind, opens) of each place ``text`` may be cut, in order; ``opens`` is True
    when what precedes a heading closes something (a space, a sentence or clause end, a bracket)."""
    for m in _CUT.finditer(text):
        kind = m.lastgroup
        opens = True
        if kind == "head" or kind == "part":
            before = text[m.start() - 1] if m.start() else " "
            opens = before in _OPENS_AFTER
            if (kind == "head" and not opens) or before in _CN:
                continue
        yield m.start(), m.end(), kind, opens


def _headings(text: str):
    """(start, kind) of each heading ("part" or "head") in ``text`` that follows something closed."""
    return ((a, kind) for a, _, kind, opens in _cuts(text) if kind in ("part", "head") and opens)


def is_collapsed(text: str, total: int) -> bool:
    """True for a line that holds what should be many lines: most of the document's text, more
    than any paragraph, or a part heading ("第二部分") after a space or a sentence end."""
    if len(text) >= COLLAPSED_MIN and (len(text) >= COLLAPSED_SHARE * total or len(text) >= 10 * MAX_PIECE):
        return True
    if len(text) < _PART_FLOOR:
        return False
    heads = list(_headings(text))
    if any(kind == "part" and a > 0 for a, kind in heads):
        return True  # (a short line too: "五、…决算表(一) 六、…决算表(二) 第三部分 2017年度部门决算情况说明 一、…")
    if len(text) < _COLLAPSED_FLOOR:
        return False
    # a chunk of a document site's mirror: "…编 制 说 明 一、主要职能…。二、部门预算单位构成…。三、…" (two headings
    # will do in a line that is most of a short page: its PDF print, "…。二、人员情况 …。三、2016年…")
    run = _numbered_run(text)
    if run >= 3 or (run >= 2 and len(text) >= COLLAPSED_SHARE * total):
        return True
    # a short page that is all one line: a heading inside it ("一、…情况 2022年度…。 二、2021年…情况 …")
    # or sentences a space apart ("…公布如下: 2021年…。 2021年…。 (联系电话…")
    whole = len(text) >= _WHOLE * total
    return whole and (len(heads) >= 2 and heads[-1][0] > 0 or len(_SPACED_END.findall(text)) >= 2)


def _numbered_run(text: str) -> int:
    """The longest run of headings "一、", "二、", "三、"… in order in ``text``, each after a space or a
    sentence end."""
    best = run = 0
    last = None
    for a, b, kind, _ in _cuts(text):
        number = _CN.find(text[a]) + 1 if kind == "head" and b - a == 2 and text[b - 1] == "、" else 0
        if not number or (a and text[a - 1] not in " \t\u3000。"):
            continue
        run = run + 1 if last is not None and number == last + 1 else 1
        last, best = number, max(best, run)
    return best


#: The document's title standing between spaces near the head of a collapsed page, after the site's
#: breadcrumb and metadata: "…[发布日期]2022-09-20 重庆市垫江县裴兴镇人民政府 2021年度部门决算情况说明 …".
_HEAD_TITLE = re.compile(r"(?:(?<=\s)|^)[^\s。，,；;：:>＞|\]】]{2,30}?\s?(?:19|20)\d\d\s*年度?[^\s。，,；;：:]{0,30}?"
                         r"(?:决算|预算|三公[”\"]?经费)[^\s。，,；;：:\d]{0,12}(?=\s)")
_HEAD = 1500  # how far into a collapsed page its title is looked for


def segment(text: str) -> list[str]:
    """The pieces of a collapsed line: the document's title in the page's head (before its first
    heading) on a line of its own (:data:`_HEAD_TITLE`); cut before headings and after sentence
    ends; inline page numbers dropped; the spaces a page layout left between Chinese characters
    removed.

    Linear in the length of ``text``: one regex pass (each alternative reads a few characters),
    then one slice per piece.
    """
    pieces: list[str] = []
    at = 0
    head = next((a for a, _ in _headings(text[:_HEAD])), _HEAD)
    for m in _HEAD_TITLE.finditer(text, 0, head):  # before the first heading: the page's head
        pieces += _segment(text[at:m.start()])
        pieces.append(squeeze_spaces(m.group()))
        at = m.end()
    return pieces + _segment(text[at:]) if at else _segment(text)


def _segment(text: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    drop: list[tuple[int, int]] = []  # inline page numbers inside the current piece

    def emit(stop: int) -> None:
        if stop <= start:
            return
        if drop:
            kept, at = [], start
            for a, b in drop:
                kept.append(text[at:a])
                at = b
            kept.append(text[at:stop])
            piece = " ".join(kept)
            drop.clear()
        else:
            piece = text[start:stop]
        for part in _bounded(piece):
            part = squeeze_spaces(part)
            if part and not _BARE_NUMBER.match(part):  # a page number the copy left between headings
                pieces.append(part)

    for a, b, kind, _ in _cuts(text):
        if a < start:
            continue  # inside a heading already cut off
        if kind == "page":
            drop.append((a, b))
        elif kind == "end":
            if text[b:b + 4].lstrip().startswith("其中"):
                continue  # "…比2024年减少67.02万元。其中:基本支出…": the split stays with what it splits
            emit(b)
            start = b
        else:
            emit(a)
            start = a
            title_end = _heading_end(text, a)
            if title_end:
                emit(title_end)
                start = title_end
    emit(len(text))
    return pieces


_TITLE_MAX = 40  # longest heading looked for before the text under it


def _heading_end(text: str, start: int) -> int:
    """Where the heading starting at ``start`` ends when a space separates it from the text
    under it ("（二）机构设置 局机关内设…"): the first space within reach after which the heading
    reads complete; 0 when there is none."""
    at = start
    while True:
        at = text.find(" ", at + 1, start + _TITLE_MAX)
        if at < 0:
            return 0
        if not text[at - 1].isdigit() and ends_like_heading(text[start:at]) and not text[at + 1:at + 2].isspace():
            rest = text[at + 1:at + 4]
            return 0 if rest[:1] in "-—–" else at


_WRAP_RUN = 6  # a run of lines this long, of one width, may be a collapsed page a copy then hard-wrapped
_WRAP_SLACK = 4  # how much shorter than the run's widest a wrapped line may be
_WRAP_WIDTH = 20  # narrower lines end a run (a heading, the wrap's last piece)


def unwrap_collapsed(lines: Sequence[tuple[str, Span]], total: int | None = None) -> list[tuple[str, Span]]:
    """``lines`` with each run of hard-wrapped lines of one width that together hold a collapsed page
    (:func:`is_collapsed`: a page copied as one line, then wrapped at a fixed width) joined back into
    that one line, for :func:`resegment` to cut at its headings. ``total`` as :func:`resegment`'s."""
    if total is None:
        total = sum(len(text) for text, _ in lines)
    out: list[tuple[str, Span]] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(lines[j][0]) >= _WRAP_WIDTH:
            j += 1
        run = lines[i:j]
        widest = max((len(text) for text, _ in run), default=0)
        if len(run) >= _WRAP_RUN and all(len(text) >= widest - _WRAP_SLACK for text, _ in run[:-1]):
            end = min(j + 1, len(lines)) if j < len(lines) and lines[j][0] else j  # (and the short line the wrap left last)
            joined = "".join(text for text, _ in lines[i:end])
            if is_collapsed(joined, total):
                out.append((joined, replace(run[0][1], excerpt=joined[:80])))
                i = end
                continue
        out.extend(run or lines[i:i + 1])
        i = max(j, i + 1)
    return out


def resegment(lines: Sequence[tuple[str, Span]], total: int | None = None) -> list[tuple[str, Span]]:
    """``lines`` with each collapsed line (:func:`is_collapsed`) replaced by its pieces, each
    piece keeping the line's span with its own excerpt. ``total`` is the document's length in
    characters (the sum of the lines' when not given)."""
    if not any(len(text) >= _PART_FLOOR for text, _ in lines):
        return list(lines)
    lines = site_chunks(lines)
    if total is None:
        total = sum(len(text) for text, _ in lines)
    out: list[tuple[str, Span]] = []
    for text, span in lines:
        if len(text) < _PART_FLOOR or not is_collapsed(text, total):
            out.append((text, span))
            continue
        file, page, line = span.file, span.page, span.line
        out.extend((piece, Span(file=file, page=page, line=line, excerpt=piece[:80])) for piece in segment(text))
    return out


_CHUNK = re.compile(r"^\s*(\d{1,2})\s*、")
_CHUNK_MIN = 200  # a document site's chunk is long; a list's item rarely is
_SENTENCE_END = "。；;！？!?"


def site_chunks(lines: Sequence[tuple[str, Span]]) -> Sequence[tuple[str, Span]]:
    """A document site's copy in chunks numbered "1、", "2、", "3、"…, each cut anywhere ("…与2017年相" / "3、比,…"),
    printed on one line or wrapped: the chunks joined into one line without their numbers, as the document ran
    (南部县定水中学 2018). Chunks are told from a list's items by where they stop: every one but the last in the
    middle of a sentence, after at least ``_CHUNK_MIN`` characters."""
    marks: list[int] = []
    for i, (t, _) in enumerate(lines):
        m = _CHUNK.match(t)
        if m and m.group(1) == str(len(marks) + 1):
            marks.append(i)
    if len(marks) < 2:
        return lines
    bounds = [*marks, len(lines)]
    chunks = ["".join(t.strip() for t, _ in lines[a:b]) for a, b in zip(bounds, bounds[1:])]
    if any(len(c) < _CHUNK_MIN or c[-1:] in _SENTENCE_END for c in chunks[:-1]):
        return lines
    joined = "".join(_CHUNK.sub("", c, count=1) for c in chunks)
    first = lines[marks[0]][1]
    return [*lines[:marks[0]], (joined, replace(first, excerpt=joined[:80]))]


def _bounded(piece: str) -> list[str]:
    """``piece`` cut into parts of at most MAX_PIECE characters, at a clause mark where there is
    one, never inside a number."""
    if len(piece) <= MAX_PIECE:
        return [piece]
    out, start = [], 0
    while len(piece) - start > MAX_PIECE:
        stop = start + MAX_PIECE
        mark = max(piece.rfind(c, start + MAX_PIECE // 2, stop) for c in _CLAUSE)
        if mark > 0:
            stop = mark + 1
        else:
            while stop > start + 1 and (piece[stop - 1].isdigit() or piece[stop - 1] in ".,") and piece[stop].isdigit():
                stop -= 1
        out.append(piece[start:stop])
        start = stop
    out.append(piece[start:])
    return out


# --------------------------------------------------------------------------- spans of joined lines

#: Per joined line, where each source line after the first begins in it: (offset, span).
Pieces = tuple[tuple[int, Span], ...]


def relocator(lines: Sequence[tuple[str, Span]], pieces: Sequence[Pieces]):
    """A function that maps the span of a figure read from one of ``lines`` to the source line
    (and page) the figure starts on; excerpt and offsets are kept.

    The phrasebook gives a figure the span of its (joined) line, with an excerpt cut from that
    line's text and offsets into the excerpt. The excerpt is found in the joined text to learn
    where the figure sits; when it occurs again at a place on another source line, the span is
    left on the joined line's first line.
    """
    index = {(s.file, s.page, s.line): i for i, ((_, s), p) in enumerate(zip(lines, pieces)) if p}

    def relocate(span: Span) -> Span:
        if span.start is None or not index:
            return span
        i = index.get((span.file, span.page, span.line))
        if i is None:
            return span
        text = lines[i][0]
        at = text.find(span.excerpt)
        if at < 0:
            return span
        where = _piece_at(pieces[i], lines[i][1], at + span.start)
        again = text.find(span.excerpt, at + 1)
        if again >= 0 and _piece_at(pieces[i], lines[i][1], again + span.start) is not where:
            return span
        return replace(span, page=where.page, line=where.line)

    return relocate


def _piece_at(pieces: Pieces, first: Span, offset: int) -> Span:
    found = first
    for start, span in pieces:
        if start > offset:
            break
        found = span
    return found
