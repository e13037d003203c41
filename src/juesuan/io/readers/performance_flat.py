"""绩效自评表 copied as running text: a web page's form flattened to a stream of cells, each
cell a word split by spaces, a line, or a line between blank lines, the whole form sometimes on
one line ("项目支出绩效自评表 (2022年度) 项目名称 委托业务项目 … 产出指标(50分) 数量指标 项目数量
≥50个 50 8 8 …").

Where it sits: part of :func:`.text.settle`, first of the readers of running text (a form on one
line must be taken before long lines are cut at sentences). It rebuilds the form as a grid with
the standard header rows, for :mod:`.performance` to read like any other 自评表.

Rows are not marked in such a stream, so they are told apart by the form's grammar only: the
labels of the funds rows, each followed by its amounts; the indicator header, whose columns give
each row's shape (first- and second-level names from their fixed vocabulary, then the 三级指标,
the values in the header's order, weight and score plain numbers); 总分 and the grade. Where a
cell may belong to two rows (an optional 偏差原因 cell before a row that could start either side
of it) or a row does not fit the header, reading stops there and the rest is listed in
``RawGrid.omitted``: the table is incomplete and its sums are not checked. Nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ...core.model import Span
from .grid import RawGrid
from .performance import FILLER, FUND_COLUMNS, INDICATOR_COLUMNS, cell_number

Line = tuple[str, Span]

_TITLE = re.compile(r"(?:(?:部门|单位)?(?:整体|项目)支出绩效|绩效目标)自评表")
#: A 一级指标, or only its points where a copy lost its name written down the cell ("(50分)").
_LEVEL1 = re.compile(r"^(?:(?:产出|效益|满意度|成本|效果|投入|过程|决策|管理)(?:指标)?(?:[(（][\d.]+分[)）])?|[(（][\d.]+分[)）])$")
_LEVEL2 = re.compile(r"^(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度|经济成本|社会成本|"
                     r"生态环境成本)指标(?:[(（][\d.]+分[)）])?$")
#: Labels of the form's blocks (where a blank 实施单位 is followed by the next block).
_BLOCK_LABELS = ("项目资金", "预算资金", "资金情况", "年度预算申请")
_PAIR_LABELS = ("项目名称", "单位名称", "部门名称", "主管部门", "主管单位", "实施单位")
_GOAL_START = ("年度总体目标", "总体目标", "年度主要任务", "项目基本情况", "年度目标")
#: A funds row's label (a row left blank has no amounts to show it is one).
_FUND_LABEL = re.compile(r"资金|拨款|收入|支出|预算|合计|总额|总计")
_LONGEST_LABEL = 16
_GOAL_HEADS = {"预期目标", "实际完成情况", "年度总体目标完成情况", "年初设定目标", "年度总体目标完成情况综述"}
_INDICATOR_LEAD = {"绩效指标", "年度绩效指标完成情况", "年度绩效指标"}
_TOTAL = re.compile(r"^(?:总分|合计|总计|综合得分)[:：]?$")
_GRADE = re.compile(r"^(?:评价结果|自评等级|绩效等级|评价等级|自评结果)[:：]?$")
#: Words that end a form: its signature lines, the next form, a note under it.
_AFTER = re.compile(r"^(?:填表人|填报人|联系电话|单位负责人|财务负责人|项目负责人|审核人|备注|说明|注[:：])")
_COMPARATOR = re.compile(r"^(?:≥|≤|>=|<=|＞|＜|>|<|=|≧|≦)$")
_BRACKETED = re.compile(r"^[(（][^()（）]{1,12}[)）]$")
_NUMERIC = ("weight", "score", "rate")
#: The form's header words, which a copy breaks at a line end.
_HEADS = {"年初预算数", "全年预算数", "全年执行数", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"}
#: An amount written with its unit, the form's own ("150万", "125.25万元").
_IN_WAN = re.compile(r"^\d[\d,]*(?:\.\d+)?\s?万元?$")
#: A funds row's label a copy joined with its first amount ("其中:当年财政拨款43.2").
_GLUED = re.compile(r"^(\D*[\u4e00-\u9fff：:])(\d[\d,]*(?:\.\d+)?)$")
_DASHES = {"-", "—", "－", "/", "——", "--", "／"}
#: Spaces between letters of one cell ("一级 指标", "经济效益 指标"), and around a cell.
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff（）()])[ \t\u3000]+(?=[\u4e00-\u9fff（）()])")
_WEIGHT = re.compile(r"^\d{1,3}(?:\.\d{1,2})?分?$")
#: Words above the indicators this reader may pass over (blocks' labels, a 年度主要任务 list); past
#: them the words are no form.
_MOST_SKIPPED = 40
#: More cells than any form holds: a stream is not read past them (each form's reading stays short).
_MOST_CELLS = 2000
#: Rows looked ahead to tell a row's 偏差原因 from the next row's name.
_LOOKAHEAD = 3


def take_evaluations(lines: Sequence[Line], file: str = "") -> tuple[list[Line], list[RawGrid]]:
    """Split ``lines`` into narrative and the 自评表 written as running text that they hold (see
    the module doc). A form is taken only when its indicator header is read (the rows under it
    as far as they fit); what precedes its title on the first line and follows it on the last stays."""
    out: list[Line] = []
    grids: list[RawGrid] = []
    pending = list(lines)
    i = 0
    while i < len(pending):
        text, span = pending[i]
        m = _TITLE.search(text)
        start = _word_start(text, m.start()) if m else 0
        read = _Form(pending, i, start, file).read() if m else None
        if read is None:
            out.append(pending[i])
            i += 1
            continue
        grid, end_line, end_offset = read
        grids.append(grid)
        if text[:start].strip():
            out.append((text[:start].rstrip(), span))
        rest = pending[end_line][0][end_offset:] if end_line < len(pending) else ""
        i = end_line + 1
        if rest.strip():  # the line the form ends on goes on: look at it again (another form may follow)
            i -= 1
            pending[i] = (rest.strip(), pending[i][1])
    return out, grids


def _word_start(text: str, at: int) -> int:
    """Where the word holding ``at`` begins: a title is the whole word ("部门预算项目支出绩效自评表")."""
    while at > 0 and text[at - 1] not in " \t\u3000|｜:：":
        at -= 1
    return at


def _tokens(lines: Sequence[Line], start: int, offset: int) -> tuple[list[tuple[str, int, int]], bool]:
    """Cells from ``offset`` in line ``start`` on: (text, line index, offset after it in its line),
    and whether the next form's title ends them (else the copy does, or too many cells).
    A line with bars is split at its bars (empty cells dropped, spaces a copy put between the
    letters of a cell taken out: "产 出 指 标" is "产出指标"), any other line at its spaces, where a
    comparator printed apart ("≥ 90%") goes with the value after it. A bracket ("(万元)", "(50分)")
    goes with the word before it, a unit printed apart ("150 万") with its amount."""
    out: list[tuple[str, int, int]] = []
    for k in range(start, len(lines)):
        text = lines[k][0]
        if len(out) > _MOST_CELLS:
            break  # more cells than a form has
        if k > start and _TITLE.search(text):
            if _opens_form(lines, k):
                return out, True  # the next form: the stream ends before it
            continue  # the title a page repeats above the rest of the form
        pos = offset if k == start else 0
        barred = "|" in text or "｜" in text
        for m in re.finditer(r"[^|｜]+" if barred else r"[^ \t\u3000]+", text[pos:]):
            if len(out) > _MOST_CELLS:
                break  # a whole page on one line: the form is within its first cells
            word, end = _SPACED.sub("", m.group()).strip(), pos + m.end()
            if not word:
                continue
            if out and out[-1][1] == k and (_BRACKETED.match(word) or not barred and (
                    _COMPARATOR.match(out[-1][0]) or word in ("万", "万元") and _is_number(out[-1][0]))):
                word = out.pop()[0] + word
            if out and (_level(out[-1][0] + word) and not _level(word) and (word == "指标" or not _level(out[-1][0]))
                        or out[-1][0] + word in _HEADS and out[-1][0] not in _HEADS):
                word = out.pop()[0] + word  # a name or header word a copy broke ("经济效益" "指标", "全年" "预算数")
            out.append((word, k, end))
    return out, False


def _level(word: str) -> bool:
    return bool(_LEVEL1.match(word) or _LEVEL2.match(word))


def _opens_form(lines: Sequence[Line], k: int) -> bool:
    """The title on line ``k`` opens a form: a 项目名称 / 单位名称 row follows it (a page's running
    title is followed by more rows of the form it repeats)."""
    words = " ".join(t for t, _ in lines[k:k + 4]).replace("|", " ").replace("｜", " ").split()
    return any(w.rstrip(":：") in _PAIR_LABELS for w in words[:8])


def _is_number(text: str) -> bool:
    return cell_number(text) is not None


def _field(word: str, columns) -> str:
    bare = re.sub(r"\s+", "", word)
    return next((name for key, name in columns if key in bare), "")


class _Form:
    """One form read from a stream of cells; :meth:`read` gives (grid, last line, offset after it)."""

    def __init__(self, lines: Sequence[Line], start: int, offset: int, file: str):
        self.lines, self.file = lines, file
        self.cells, self.followed = _tokens(lines, start, offset)
        self.rows: list[list[tuple[str, int]]] = []  # cells as (text, index into self.cells; -1: blank)
        self.p = 0
        self.omitted: list[Span] = []
        self.skipped = 0
        self.detail = 0  # cells of a "其中…" row under the indicator header

    # ------------------------------------------------------------------ the stream

    def word(self, k: int) -> str:
        return self.cells[k][0] if 0 <= k < len(self.cells) else ""

    def row(self, *cells: tuple[str, int]) -> None:
        self.rows.append(list(cells))

    def take(self) -> tuple[str, int]:
        cell = (self.word(self.p), self.p)
        self.p += 1
        return cell

    def span(self, k: int) -> Span:
        word, line, _ = self.cells[k]
        return replace(self.lines[line][1], excerpt=word[:80])

    # ------------------------------------------------------------------ the form

    def read(self) -> tuple[RawGrid, int, int] | None:
        if not self.cells:
            return None
        title, _ = self.take()
        context = []
        while re.match(r"^[(（]?\s*(?:20\d{2}\s*年度?|单位[:：]\S*)[)）]?$", self.word(self.p)):
            context.append(self.take()[0])
        header: list[str] | None = None
        while self.p < len(self.cells) and header is None and self.skipped <= _MOST_SKIPPED:
            if _TITLE.search(self.word(self.p)):
                return None  # another form's title: this one had no indicators (a title in a list)
            header = self._head()
        if header is None:
            return None
        self._indicators(header)
        self._closing()
        last = self.p - 1
        grid = RawGrid(
            rows=tuple(tuple(t for t, _ in row) for row in self.rows),
            spans=tuple(tuple(self.span(k) if k >= 0 else Span(file=self.file) for _, k in row) for row in self.rows),
            title=title, file=self.file, context=tuple(context), omitted=tuple(self.omitted))
        _, line, end = self.cells[last]
        return grid, line, end

    def _head(self) -> list[str] | None:
        """One step through the part above the indicators: a label and its value, the funds
        header and rows, the goals. Returns the indicator header's fields once it is reached."""
        w = self.word(self.p)
        bare = w.rstrip(":：")
        if _lead(w) and self.word(self.p + 1).startswith("一级"):
            self.p += 1
            return None
        if w == "一级指标" or w == "一级" and self.word(self.p + 1).startswith("指标"):
            return self._indicator_header()
        if bare in _PAIR_LABELS and self.word(self.p + 1) and not _is_label(self.word(self.p + 1)):
            self.row((bare, self.p), (self.word(self.p + 1), self.p + 1))
            self.p += 2
            return None
        if _field(w, FUND_COLUMNS) and _field(self.word(self.p + 1), FUND_COLUMNS):
            self._funds()
            return None
        if bare in _GOAL_START:
            self._goals()
            return None
        self.p += 1  # a word of the form this reader does not place (a block's label, "(万元)")
        self.skipped += 1
        return None

    def _funds(self) -> None:
        heads = []
        while _field(self.word(self.p), FUND_COLUMNS):
            heads.append(self.take())
        reasons = self.word(self.p) in ("原因", "偏差原因", "原因分析")  # 四川: a text column after the scores
        self.p += reasons
        self.row(("项目资金", -1), ("", -1), *heads)
        n = len(heads)
        # the amounts' columns lead (年初预算数, 全年预算数, 全年执行数): a row of fewer cells fills them
        # from the left, its 分值/执行率/得分 blank ("其中：当年财政拨款 90 90 89.97")
        money = next((j for j, (w, _) in enumerate(heads) if _field(w, FUND_COLUMNS) in _NUMERIC), n)
        while self.p < len(self.cells):
            label = self.word(self.p)
            if _is_number(label) or label in _DASHES or _is_label(label) or label == "一级指标" or _lead(label) \
                    or label.startswith(_GOAL_START) or len(label) > _LONGEST_LABEL:
                return
            glued = _GLUED.match(label)  # "其中:当年财政拨款43.2": a copy joined the label and its first amount
            k = self.p + 1
            while k < len(self.cells) and (_is_number(self.word(k)) or self.word(k) in _DASHES
                                           or _IN_WAN.match(self.word(k))):
                k += 1
            count = k - self.p - 1 + bool(glued)
            if not count and not _FUND_LABEL.search(label):
                if _BRACKETED.match(label):
                    self.p += 1  # "(万元)" printed under the block's label
                    continue
                return  # a word of no funds row: the block is over
            if count != n and count > money:  # which columns the amounts fill is not certain: left out, and
                self.omitted.append(self.span(self.p))  # the weights not added up without the 执行率's
                self.p = k
                continue
            values = [(glued.group(2), self.p)] if glued else []
            values += [(self.word(j), j) for j in range(self.p + 1, k)]
            values = [(v if v not in _DASHES else "", j) for v, j in values]
            label = glued.group(1) if glued else label
            self.row(("", -1), (label.rstrip(":："), self.p), *values)
            self.p = k
            if reasons and count and len(self.word(k)) > _LONGEST_LABEL:
                self.p += 1  # the row's 原因

    def _goals(self) -> None:
        """年度总体目标 (预期目标 实际完成情况) and the two texts: taken only when exactly two
        cells stand before the indicators (else the texts are not told apart)."""
        start = self.p
        self.p += 1
        while self.word(self.p) in _GOAL_HEADS:
            self.p += 1
        k = self.p
        while k < len(self.cells) and self.word(k) != "一级指标" and not _lead(self.word(k)) \
                and not _field(self.word(k), FUND_COLUMNS):
            k += 1
        texts = [(self.word(j), j) for j in range(self.p, k)]
        if len(texts) == 2:
            self.row((self.word(start), start), *texts)
        self.p = k

    def _indicator_header(self) -> list[str] | None:
        """The indicator header's fields after 三级指标, in order. A word a copy broke over two
        lines ("一级" … "指标", "年度" "实际" … "指标值" "完成值") keeps its column: the first piece
        holds the place, the next piece that completes a held word fills it."""
        heads: list[list] = []  # [word, field or "", first cell index]
        while self.p < len(self.cells):
            w = self.word(self.p)
            held = next((h for h in heads if not h[1]), None)
            if held is not None and any(key.startswith(held[0]) and key in held[0] + w for key, _ in INDICATOR_COLUMNS):
                held[0] += w
                held[1] = _field(held[0], INDICATOR_COLUMNS)
            elif _field(w, INDICATOR_COLUMNS):
                heads.append([w, _field(w, INDICATOR_COLUMNS), self.p])
            elif len(w) >= 2 and any(key.startswith(w) for key, _ in INDICATOR_COLUMNS):
                heads.append([w, "", self.p])
            else:
                break
            self.p += 1
        fields = [f for _, f, _ in heads]
        if "" in fields or len(set(fields)) < len(fields) or fields[:3] != ["level1", "level2", "name"] \
                or "weight" not in fields or "score" not in fields:
            return None
        self.row(*((w, k) for w, _, k in heads))
        return fields[3:]

    def _indicators(self, fields: list[str]) -> None:
        """Indicator rows until the form stops fitting."""
        numeric = [j for j, f in enumerate(fields) if f in _NUMERIC]
        needed = fields[:numeric[-1] + 1]
        optional = len(fields) - len(needed)
        self.detail = 1 + sum(f not in _NUMERIC for f in needed)
        level1 = level2 = ""
        while self.p < len(self.cells):
            w = self.word(self.p)
            if _TOTAL.match(w) or _GRADE.match(w) or _AFTER.match(w) or _TITLE.search(w):
                return
            prefix = []
            while _level(self.word(self.p)) or _filler(self.word(self.p)):
                if FILLER.match(self.word(self.p)):
                    self.row((self.word(self.p), self.p))  # the template's example row: the grid reader marks it
                elif not _filler(self.word(self.p)):
                    prefix.append(self.p)
                self.p += 1
            if prefix:
                level1, level2 = _levels([self.word(k) for k in prefix], level1)
            if self._marks(self.p):
                continue  # a level without rows, then 总分 or what follows the form
            if self._details(self.p, needed, optional):
                self.p += self.detail  # "其中…": a part of the row above, with its values only
                continue
            after = self.p + 1 + len(needed)
            extra = self._optional(after, needed, optional) if self._fits(self.p, needed) else None
            if extra is None:
                self._stop()
                return
            at = {self.word(k): k for k in prefix}
            cells = [(self.word(k), k) for k in range(self.p, after + extra)]
            self.row((level1, at.get(level1, -1)), (level2, at.get(level2, -1)), *cells)
            self.p = after + extra
        self._stop(end=True)

    def _fits(self, k: int, needed: list[str]) -> bool:
        """A row's name at ``k`` and its values after it, in the header's order: names and texts
        are no level names, weights and scores plain numbers (a "100%" is a rate, not a weight)."""
        if k + len(needed) >= len(self.cells):
            return False
        name = self.word(k)
        if _is_number(name) or name in _DASHES or name.rstrip(":：") in _PAIR_LABELS + _GOAL_START or _level(name):
            return False
        for j, f in enumerate(needed, start=k + 1):
            w = self.word(j)
            if f in ("weight", "score") and not _WEIGHT.match(w):
                return False
            if f == "rate" and not _is_number(w):
                return False
            if f not in _NUMERIC and (_TOTAL.match(w) or _level(w)):
                return False
        return True

    def _optional(self, k: int, needed: list[str], optional: int, depth: int = _LOOKAHEAD) -> int | None:
        """How many of the trailing text cells (偏差原因…) the row ending before ``k`` has: the one
        count after which the stream goes on as a form goes on, for the next ``depth`` rows (a
        偏差原因 before a row whose 实际完成值 is a plain number fits as a row's name for one row,
        not for two); None when no count or more than one does."""
        fits = [extra for extra in range(optional + 1)
                if k + extra <= len(self.cells) and all(self._remark(j) for j in range(k, k + extra))
                and self._goes_on(k + extra, needed, optional, depth)]
        return fits[0] if len(fits) == 1 else None

    def _marks(self, k: int) -> bool:
        """The word at ``k`` is one of the form's own (a level's name, 总分, the grade, what
        follows a form, a title, a template's empty row), never a cell's text."""
        w = self.word(k)
        return bool(_TOTAL.match(w) or _GRADE.match(w) or _AFTER.match(w) or _TITLE.search(w) or _level(w) or _filler(w))

    def _details(self, k: int, needed: list[str], optional: int, depth: int = _LOOKAHEAD) -> bool:
        """A "其中…" row at ``k`` with only the texts of a row (目标值, 实际值), the stream going on after it."""
        return (self.word(k).startswith("其中") and not self._fits(k, needed)
                and self._goes_on(k + self.detail, needed, optional, depth - 1))

    def _remark(self, k: int) -> bool:
        """The word at ``k`` may be a 偏差原因 or like text cell after a row's numbers: no number
        (it would fit as a row's value), but "0", a blank 偏差 some forms print."""
        return not self._marks(k) and (not _is_number(self.word(k)) or self.word(k) == "0")

    def _goes_on(self, k: int, needed: list[str], optional: int, depth: int) -> bool:
        if k >= len(self.cells) or self._marks(k) or depth <= 0 or self._details(k, needed, optional, depth):
            return True
        if not self._fits(k, needed):
            return False
        after = k + 1 + len(needed)
        return depth <= 1 or any(
            after + extra <= len(self.cells) and all(self._remark(j) for j in range(after, after + extra))
            and self._goes_on(after + extra, needed, optional, depth - 1) for extra in range(optional + 1))

    def _stop(self, end: bool = False) -> None:
        """Reading stopped inside the indicators: at the stream's end (the copy cut there, unless the
        next form's title ends the stream) or at a word no row begins with. A form that has not
        closed is incomplete."""
        if end or self.p >= len(self.cells):
            if not self.followed:  # the copy ends here, not the next form's title
                self.omitted.append(self.span(len(self.cells) - 1))
        elif not (_AFTER.match(self.word(self.p)) or _TITLE.search(self.word(self.p))):
            self.omitted.append(self.span(self.p))

    def _closing(self) -> None:
        """总分 (its weight, then its score: a single number may be either, and is left out) and
        the grade, where they follow."""
        w = self.word(self.p)
        if _TOTAL.match(w):
            start = self.p
            self.p += 1
            values = []
            while self.p < len(self.cells) and _is_number(self.word(self.p)) and len(values) < 2:
                values.append(self.take())
            if len(values) == 2:
                self.row((w.rstrip(":："), start), *values)
            w = self.word(self.p)
        if _GRADE.match(w) and self.p + 1 < len(self.cells):
            self.row((w.rstrip(":："), self.p), (self.word(self.p + 1), self.p + 1))
            self.p += 2


def _filler(word: str) -> bool:
    """A template's empty row ("……", "指标2:") or a blank cell a copy marked ("-")."""
    return bool(FILLER.match(word)) or word in _DASHES


def _lead(word: str) -> bool:
    """The label left of the indicator header ("绩效指标", "绩效指标(90分)")."""
    return re.sub(r"[(（][\d.]+分[)）]$", "", word.rstrip(":：")) in _INDICATOR_LEAD


def _is_label(word: str) -> bool:
    bare = word.rstrip(":：")
    return (bare.startswith(_BLOCK_LABELS) or bare in _PAIR_LABELS or bare in _GOAL_START
            or bool(_field(word, FUND_COLUMNS)) and len(bare) <= 6)


def _levels(prefix: list[str], level1: str) -> tuple[str, str]:
    """The 一级 and 二级 names a run of level names gives (a 二级 without rows may come before
    the next 一级: "经济效益指标 满意度指标(10分) 满意度指标")."""
    if len(prefix) >= 2 and _LEVEL1.match(prefix[-2]) and _LEVEL2.match(prefix[-1]):
        return prefix[-2], prefix[-1]
    last = prefix[-1]
    if _LEVEL2.match(last) and not (last.startswith("满意度") and not level1.startswith("满意度")):
        return level1, last
    return last, last if _LEVEL2.match(last) else ""
