"""Text clean-up shared by the document readers: bytes to text, one script, one set of digits.

Where it sits: the first step of every published-document reader (text, docx, html, and the
PDF/Excel readers). A reader decodes with :func:`decode`, cleans each line with
:func:`normalize_text` and :func:`to_simplified`, and joins sentences that a layout broke
across lines with :func:`join_soft_breaks` before handing lines to assembly.

Chinese punctuation (，。：；（）“”、) is kept as printed: the phrasebook matches it.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from typing import Sequence

from ...core.findings import InputError
from ...core.model import Span

# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Declared names that mean "some GB encoding"; GB18030 is a superset of them all.
_GB_NAMES = {"gb2312", "gbk", "gb18030", "cp936", "ms936", "x-gbk", "euc-cn", "hz-gb-2312"}
# Characters that should not appear in a readable document (C0 controls other than \t \n \r \f).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _plausible(text: str) -> bool:
    """True when decoded text looks like a document rather than binary noise."""
    if not text:
        return True
    if len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        return False
    # Private-use and replacement characters are the usual sign of a wrong code page.
    odd = sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd")
    return odd <= max(2, len(text) // 500)


def _canonical(name: str) -> str:
    name = name.strip().lower().replace("_", "-")
    return "gb18030" if name in _GB_NAMES else name


def decode(data: bytes, file: str, *, declared: str | None = None) -> str:
    """Decode a text document's bytes: BOM first, then UTF-8, the declared charset (HTML), GB18030,
    then charset-normalizer's best guess. Line ends become ``\\n``.

    Raises :class:`InputError` naming ``file`` when no encoding gives readable text.
    """
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{file}：文件编码有误，无法按 {encoding.upper()} 解码") from exc
            break
    if text is None:
        # Valid UTF-8 is almost never GBK text by accident, so it wins even over a declared
        # charset (portals often declare gb2312 for pages saved as UTF-8).
        candidates = ["utf-8"]
        if declared:
            candidates.append(_canonical(declared))
        candidates.append("gb18030")
        for encoding in candidates:
            try:
                attempt = data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
            if _plausible(attempt):
                text = attempt
                break
    if text is None:
        text = _guess(data)
    if text is None or not _plausible(text):
        raise InputError(f"{file}：无法识别文件的文字编码（不是 UTF-8、GBK 或 UTF-16 文本）")
    text = text.lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    return text if _CJK.search(text) or text.isascii() else None


# --------------------------------------------------------------------------- script and digits


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters to simplified ("收入總計" → "收入总计"); simplified text is unchanged."""
    if not text or text.isascii():
        return text
    return _converter().convert(text)


_WIDTH = {0xFF05: "%", 0xFF1C: "<", 0xFF1D: "=", 0xFF1E: ">", 0xFF0B: "+"}
_WIDTH.update({0xFF10 + i: str(i) for i in range(10)})
_WIDTH.update({0xFF21 + i: chr(ord("A") + i) for i in range(26)})
_WIDTH.update({0xFF41 + i: chr(ord("a") + i) for i in range(26)})
# Spaces that are not plain spaces; zero-width ones vanish.
_WIDTH.update({cp: " " for cp in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000)})
_WIDTH.update({cp: " " for cp in range(0x2000, 0x200B)})
_WIDTH.update({cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)})
_TABLE = str.maketrans(_WIDTH)
# Full-width point or minus inside a number ("１７８７．２３" → "1787.23", "－3.43%").
_NUM_POINT = re.compile(r"(?<=\d)．(?=\d)")
_NUM_MINUS = re.compile(r"－(?=\d)")
# A full-width comma used as a thousands separator ("１，７８７．２３"): digit ， three digits.
_NUM_COMMA = re.compile(r"(?<=\d)，(?=\d{3}(?:[.,，]\d|[^\d，]|$))")


def normalize_text(text: str) -> str:
    """Full-width digits, letters, ％ and comparators to ASCII; odd spaces to plain spaces.

    Chinese punctuation is kept; tabs and newlines are kept (the flattened-table layout uses them).
    """
    text = text.translate(_TABLE)
    text = _NUM_POINT.sub(".", text)
    text = _NUM_COMMA.sub(",", text)
    return _NUM_MINUS.sub("-", text)


def clean_line(text: str) -> str:
    """One display line: normalised, simplified, outer whitespace stripped."""
    return to_simplified(normalize_text(text)).strip()


# --------------------------------------------------------------------------- soft line breaks

_CN_NUM = "一二三四五六七八九十百零〇"
# Headings and list items: a line starting like this begins a new unit of text.
_HEADING = re.compile(
    rf"""^(
        第[{_CN_NUM}\d]+(部分|章|节)
      | [{_CN_NUM}]+\s*[、.．]
      | [（(]\s*[{_CN_NUM}\d]+\s*[）)]
      | \d+(\.\d+)*\s*[、.．](?!\d)
      | \d+\s*[）)]
      | [①-⑳]
      | [•·●▪■◆\-*]\s
      | 附[表件]
      | 表\s*[{_CN_NUM}\d]+
      | (目录|公开说明)$
    )""",
    re.VERBOSE,
)
# A line ending like this ends its sentence (closing quotes/brackets may follow the mark).
_FINAL = re.compile(r"[。！？!?；;：:…]\s*[”’」』)）】]*\s*$")


def is_heading(text: str) -> bool:
    """True for a heading or list item ("第二部分 …", "一、", "（三）", "1.", "附表")."""
    return bool(_HEADING.match(text.strip()))


def _ends_sentence(text: str) -> bool:
    return bool(_FINAL.search(text))


def _glue(left: str, right: str) -> str:
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalpha():
        return f"{left} {right}"
    return left + right


def join_soft_breaks(lines: Sequence[tuple[str, Span]]) -> tuple[tuple[str, Span], ...]:
    """Join a sentence broken across lines: a line that does not end a sentence, is not itself a
    heading, and is followed by a line that is not a heading or list item, takes the next line.

    A blank line is a paragraph break (never joined across) and is dropped. The joined line keeps
    the span of its first line.
    """
    out: list[tuple[str, Span]] = []
    open_line = False  # the last line in ``out`` may take a continuation
    for text, span in lines:
        text = text.strip()
        if not text:
            open_line = False
            continue
        if open_line and out and not is_heading(text):
            prev, prev_span = out[-1]
            out[-1] = (_glue(prev, text), prev_span)
        else:
            out.append((text, span))
        last = out[-1][0]
        open_line = not _ends_sentence(last) and not (is_heading(last) and len(last) <= 40)
    return tuple(out)


# --------------------------------------------------------------------------- lines around a table

# One piece of the line printed between a table's title and the table: the form code
# ("公开01表", "部门04表"), the year ("（2024年度）"), the money unit ("单位：万元") or the unit
# that compiled it ("编制单位：某局", "部门：某局").
_META_LINE = re.compile(
    r"^(?:[\s\u3000]*(?:(?:公开|部门)?\d{1,2}表|公开\d{1,2}|[(（]\d{4}年度?[)）]|\d{4}年度"
    r"|(?:编制|金额|预算)?单位[:：][\s\u3000]*\S+?|部门[:：][\s\u3000]*\S+?))+[\s\u3000]*$"
)


def is_table_meta(text: str) -> bool:
    """True for the form-code / year / unit line under a table title ("公开01表　单位：万元";
    an HTML page may join the pieces without a space: "公开01表单位：万元")."""
    return bool(text.strip()) and bool(_META_LINE.match(text.strip()))


def caption_line(context: Sequence[str], is_title) -> str:
    """The title among the lines just above a table: the nearest line that is not a form-code /
    unit line, when ``is_title`` accepts it; "" otherwise."""
    for text in reversed(context):
        if is_table_meta(text):
            continue
        return text if is_title(text) else ""
    return ""
