"""Lines of a table copied one row per line, cells separated by spaces: what the readers of
:mod:`.row_tables` share — the header lines under a title, the notes under a table, where a
table ends, and the words a header is made of.

Where it sits: helper of :mod:`.row_coded` and :mod:`.row_panels` (text reader, after page
furniture is dropped and before soft line breaks are joined).

A copy spreads a header over several lines and breaks its words ("附属单位上缴" / "收入",
"一般公共预算财" / "政拨款"), so a header line is one made only of pieces of header words, and
a header is checked against the standard columns by letters in order, never by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from ...core.model import FUND_TABLE_COLUMNS, FUNDS, SANGONG_ITEMS, T2_COLUMNS, T3_COLUMNS, T5_COLUMNS, Span
from .flat_tables import PART, is_table_title
from .grid_layout import NOTE, norm
from .normalize import is_table_meta

Line = tuple[str, Span]

#: Words of the standard tables' headers; a header line holds only pieces of them.
_HEADER_WORDS = (T2_COLUMNS + T3_COLUMNS + T5_COLUMNS + FUND_TABLE_COLUMNS + FUNDS + SANGONG_ITEMS + (
    "项目", "项目（按功能分类）", "科目名称", "功能分类科目编码", "支出功能分类科目编码", "经济分类科目编码", "类", "款", "项",
    "合计", "小计", "决算数", "预算数", "金额", "本年支出", "本年收入", "收入决算数", "支出决算数",
    "一般公共预算财政拨款支出决算数", "财政拨款“三公”经费", "栏次", "行次"))
_VOCABULARY = "|".join(norm(w) for w in _HEADER_WORDS)
#: A line longer than this is prose, never a table row.
LONGEST_ROW = 160


def is_header_piece(token: str, more: str = "") -> bool:
    """A piece of a header word (of ``more`` too: more words joined by "|")."""
    t = norm(token)
    return bool(t) and "|" not in t and (t in _VOCABULARY or t in more)


def _index_line(tokens: list[str]) -> bool:
    """"栏次 1 栏次 2": column numbers, not amounts."""
    words = [norm(t) for t in tokens]
    return any(w in ("栏次", "行次") for w in words) and all(w in ("栏次", "行次") or w.isdigit() for w in words)


_ISSUER_LINE = re.compile(r"^(单位名称|编制单位|编制部门|填报单位)[:：]")


def context_end(lines: Sequence[Line], i: int) -> tuple[list[str], int]:
    """The form-code / unit / issuing-unit lines under a title starting at ``i``, and the index
    after them."""
    context: list[str] = []
    while i < len(lines) and (not lines[i][0].strip() or is_table_meta(lines[i][0])
                              or _ISSUER_LINE.match(lines[i][0].strip())):
        if lines[i][0].strip():
            context.append(lines[i][0])
        i += 1
    return context, i


def header(lines: Sequence[Line], i: int, words: Sequence[str] = ()) -> tuple[list[Line], int]:
    """The header lines from ``i`` (each made only of header-word pieces, or a 栏次 line), and
    the index of the first line after them; ``words`` are more header words (a budget form's)."""
    more = "|".join(words)
    out: list[Line] = []
    while i < len(lines):
        text = lines[i][0]
        tokens = text.split()
        if tokens and not (all(is_header_piece(t, more) for t in tokens) or _index_line(tokens)):
            break
        if tokens:
            out.append(lines[i])
        i += 1
    return out, i


def joined(header_lines: Sequence[Line]) -> str:
    """The header's letters in reading order, without spaces."""
    return "".join(norm(t) for t, _ in header_lines)


def count_token(header_lines: Sequence[Line], word: str) -> int:
    """How many cells of the header read exactly ``word``."""
    return sum(1 for t, _ in header_lines for tok in t.split() if norm(tok) == word)


def has_in_order(text: str, word: str) -> bool:
    """``word``'s letters appear in ``text`` in order (a header word broken over lines)."""
    rest = iter(text)
    return all(ch in rest for ch in word)


def ends_table(text: str) -> bool:
    """A line that cannot belong to a table: the next title, a part heading, prose."""
    from .row_budget import is_budget_title  # imports this module

    t = text.strip()
    return (bool(PART.match(t)) or is_table_title(t) or t.endswith(("。", "；")) or len(t) > LONGEST_ROW
            or is_budget_title(t))


@dataclass(slots=True, kw_only=True)
class Read:
    """What every table read from rows ends with: the rows left out (their spans, excerpt saying
    why), the notes under it, and the index of the line after it."""

    omitted: list[Span] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    end: int = 0

    def learn(self, names) -> None:
        """Teach ``names`` the coded rows printed whole (only coded tables have any)."""


def filled(lines: Sequence[Line], i: int) -> Iterator[tuple[int, str, Span, list[str]]]:
    """(index, text, span, tokens) of each line from ``i`` on that is not blank."""
    for k in range(i, len(lines)):
        text, span = lines[k]
        tokens = text.split()
        if tokens:
            yield k, text, span, tokens


def left_out(span: Span, text: str, problem: str) -> Span:
    """The span of a row left out of a grid: where it was printed, its text and why."""
    return Span(file=span.file, page=span.page, line=span.line, excerpt=f"{text}（{problem}）")


def ends_body(text: str, tokens: Sequence[str]) -> bool:
    """A note under the table, the next title, a part heading or prose: the rows have ended."""
    return bool(NOTE.match(norm(tokens[0]))) or ends_table(text)


def notes(lines: Sequence[Line], i: int) -> tuple[list[Line], int]:
    """The 注/说明 lines under a table from ``i`` (blank lines between them skipped)."""
    out: list[Line] = []
    while i < len(lines):
        text = lines[i][0].strip()
        if text and not NOTE.match(norm(text)):
            break
        if text:
            out.append((text, lines[i][1]))
        i += 1
    while out and not lines[i - 1][0].strip():
        i -= 1
    return out, i
