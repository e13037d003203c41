"""Text clean-up shared by the document readers: bytes to text, one script, one set of digits.

Where it sits: the first step of every published-document reader (text, docx, html, and the
PDF/Excel readers). A reader decodes with :func:`decode`, cleans each line with
:func:`clean_line` (full-width digits, pinyin glosses of copy sites, traditional characters),
and joins sentences that a layout broke across lines with :func:`join_soft_breaks` before
handing lines to assembly. Page furniture and text whose line breaks were lost are handled one
level up, in :mod:`.lines`.

Chinese punctuation (，。：；（）“”、) is kept as printed: the phrasebook matches it.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from dataclasses import replace
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
#: A web page's own line, not the document's ("打印本页", "用微信扫描二维码分享至好友和朋友圈").
CHROME_LINE = re.compile(
    r"打印本页|关闭窗口|【?字体|我要收藏|文章分享|字号[:：]|分享到|分享至|二维码|上一篇|下一篇|当前位置|您的位置|您现在的位置|浏览次数|"
    r"访问量|点击数|主办单位|承办单位|版权所有|版权信息|©|ICP备|网站地图|联系我们|返回顶部|网站标识码|公网安备|扫一扫|"
    r"^[•·●◆■▪]?\s*(发布时间|发布日期|发文日期|信息来源|来源|作者|编辑|发布人|点击)[:：]|^(?:网站)?首页\s*[>＞»›]|^时间[:：]\s*20\d\d"
    r"|^(?:\s*[\[【]?(?:下载|打印|关闭|返回|收藏)[\]】]?)+\s*$"  # the page's buttons: "[下载] [打印] [关闭]"
    r"|^(?:政府)?信息公开(?:目录|专栏|指南)?$"  # the portal's column over the post
    r"|^(?:[区市县州]长信箱|书记信箱|意见征集|惠企政策|政民互动|办事服务|在线访谈|网上调查|新闻中心)$"  # and its menu after it
    r"|^\S{0,20}(?:官方网站|门户网站)$"  # the site's banner: "某市人民政府门户网站"
    # a government portal's record of the post: "索引号 | 1153…-00001 | 发布机构 | 昌宁县卡斯镇 |", "文号 | 浏览量 |"
    r"|^(?:索引号|公开目录|文号|发布机构|主题分类|公开方式|名\s*称)\s*[|｜:：]"
)


def page_own_line(text: str) -> bool:
    """A short line of the web page's own (:data:`CHROME_LINE`), not of the document it shows."""
    return len(text) <= 60 and CHROME_LINE.search(text) is not None


# Characters that should not appear in a readable document (C0 controls other than \t \n \r \f).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Private-use and replacement characters are the usual sign of a wrong code page.
_ODD = re.compile(r"[\ue000-\uf8ff\ufffd]")


def _plausible(text: str) -> bool:
    """True when decoded text looks like a document rather than binary noise."""
    if not text:
        return True
    if len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        return False
    return len(_ODD.findall(text)) <= max(2, len(text) // 500)


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


@lru_cache(maxsize=1)
def _traditional_only() -> frozenset[str] | None:
    """Characters that only traditional script writes: those OpenCC's t2s table changes, less
    the simplified forms themselves and the characters simplified text still writes in some
    words (乾 in 乾县 and 乾隆: OpenCC's phrase table keeps them). None when the tables cannot
    be found (then every line with Chinese in it is converted)."""
    from importlib.resources import files

    try:
        tables = files("opencc") / "dictionary"
        pairs = (tables / "TSCharacters.txt").read_text(encoding="utf-8")
        simplified_forms = (tables / "STCharacters.txt").read_text(encoding="utf-8")
        phrases = (tables / "TSPhrases.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        return None
    simplified = {line.split("\t", 1)[0] for line in simplified_forms.splitlines()}
    simplified.update(c for line in phrases.splitlines() for c in line.partition("\t")[2].split(" ", 1)[0])
    out = set()
    for line in pairs.splitlines():
        char, _, targets = line.partition("\t")
        if len(char) == 1 and targets.split(" ", 1)[0] != char and char not in simplified:
            out.add(char)
    return frozenset(out)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _traditional_pattern() -> re.Pattern | None:
    """One character class of the traditional-only characters of the Basic Multilingual Plane
    (a class the regex engine tests in constant time per character)."""
    chars = _traditional_only()
    return None if chars is None else re.compile("[" + "".join(sorted(c for c in chars if c <= "\uffff")) + "]")


def has_traditional(text: str) -> bool:
    """True when ``text`` holds a character that only traditional script writes ("總", "決")."""
    if text.isascii():
        return False
    pattern = _traditional_pattern()
    if pattern is None or pattern.search(text):
        return True
    return _ASTRAL.search(text) is not None and not _traditional_only().isdisjoint(text)


def to_simplified(text: str) -> str:
    """Traditional characters to simplified ("收入總計" → "收入总计").

    Only a line that has a traditional-only character is converted: a simplified line is
    returned as it is, so the conversion's phrase table never rewrites simplified wording.
    """
    if not text or not has_traditional(text):
        return text
    return _converter().convert(text)


# Pinyin a copy site prints after a character or word of a traditional mirror: "區(qū)",
# "決算(jué suàn)", "收(shōu)入(rù)". A gloss has a tone mark, so "(PPP)" or "(a)" is kept.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLE = rf"[A-Za-zü{_TONED}]{{1,7}}"
_TONE = re.compile(f"[{_TONED}]")
_GLOSS = re.compile(
    rf"(?<=\S)[(（](?=[^)）]{{0,60}}?[{_TONED}])\s*{_SYLLABLE}(?:[\s'’]{_SYLLABLE}){{0,7}}\s*[)）]"
)
# A gloss a hard wrap split over two lines: "預(" / "yù)算", "費(f" / "èi)支出".
_GLOSS_HEAD = re.compile(rf"(?<=\S)[(（][A-Za-zü{_TONED}\s'’]{{0,20}}$")
_GLOSS_TAIL = re.compile(rf"^[A-Za-zü{_TONED}\s'’]{{0,20}}[)）]")


def unsplit_glosses(lines: list[str]) -> list[str]:
    """``lines`` with each pinyin gloss a hard wrap split between two of them taken out of both."""
    out = list(lines)
    for i in range(len(out) - 1):
        head, tail = _GLOSS_HEAD.search(out[i]), _GLOSS_TAIL.match(out[i + 1])
        if head and tail and _TONE.search(head.group(0) + tail.group(0)):
            out[i], out[i + 1] = out[i][:head.start()], out[i + 1][tail.end():]
    return out


# A mirror's stray comma before the enumeration mark: "二,、部门基本情况".
_STRAY_COMMA = re.compile(r"(?<=[一二三四五六七八九十]),+(?=、)")


def strip_glosses(text: str) -> str:
    """Remove the pinyin glosses and stray commas that copy sites add to a mirrored page."""
    if _TONE.search(text):
        text = _GLOSS.sub("", text)
    if ",、" in text:
        text = _STRAY_COMMA.sub("", text)
    return text


_WIDTH = {0xFF05: "%", 0xFF1C: "<", 0xFF1D: "=", 0xFF1E: ">", 0xFF0B: "+"}
_WIDTH.update({0xFF10 + i: str(i) for i in range(10)})
_WIDTH.update({0xFF21 + i: chr(ord("A") + i) for i in range(26)})
_WIDTH.update({0xFF41 + i: chr(ord("a") + i) for i in range(26)})
# Spaces that are not plain spaces; zero-width ones vanish.
_WIDTH.update({cp: " " for cp in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000)})
_WIDTH.update({cp: " " for cp in range(0x2000, 0x200B)})
_WIDTH.update({cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)})
_TABLE = str.maketrans(_WIDTH)
_WIDE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_WIDTH)) + "]+")
# Full-width point or minus inside a number ("１７８７．２３" → "1787.23", "－3.43%").
_NUM_POINT = re.compile(r"(?<=\d)．(?=\d)")
_NUM_MINUS = re.compile(r"－(?=\d)")
# A full-width comma used as a thousands separator ("１，７８７．２３"): digit ， three digits.
_NUM_COMMA = re.compile(r"(\d)，(?=\d{3}(?:[.,，]\d|[^\d，]|$))")


def normalize_text(text: str) -> str:
    """Full-width digits, letters, ％ and comparators to ASCII; odd spaces to plain spaces.

    Chinese punctuation is kept; tabs and newlines are kept (the flattened-table layout uses them).
    """
    text = _WIDE.sub(lambda m: m.group().translate(_TABLE), text)
    if "．" in text:
        text = _NUM_POINT.sub(".", text)
    if _NUM_COMMA.search(text):
        text = _NUM_COMMA.sub(r"\1,", text)
    return _NUM_MINUS.sub("-", text) if "－" in text else text


#: A line of nothing but question marks: characters the page's encoding lost ("?" under a mirror's title).
_LOST = re.compile(r"[?？\s]+")


#: A paragraph's indent the page's encoding lost ("????第三部分…", "????一、部门主要职责"): no part of the line.
_LOST_INDENT = re.compile(r"^[?？]{2,}(?=[^?？\s])")


def clean_line(text: str) -> str:
    """One display line: normalised, glosses removed, simplified, outer whitespace stripped; a line
    of lost characters only (:data:`_LOST`) is empty, an indent of them (:data:`_LOST_INDENT`) dropped."""
    text = to_simplified(strip_glosses(normalize_text(text))).strip()
    return "" if text[:1] in ("?", "？") and _LOST.fullmatch(text) else _LOST_INDENT.sub("", text)


_SPACE_RUN = re.compile(r"[\s\u3000]+")
_SPACE = re.compile(r"\s")
_CJK_SPACE = re.compile(r" (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) ")


def squeeze_spaces(text: str) -> str:
    """Collapse spaces; drop the ones next to Chinese characters and full-width punctuation.

    Text laid out on a page (PDF, or a copy of one) carries a space where a line wrapped
    ("满族 乡人民政府") and spaces between a number and its unit ("19 个").
    """
    if not _SPACE.search(text):
        return text
    text = _SPACE_RUN.sub(" ", text).strip()
    return _CJK_SPACE.sub("", text)


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
      | (目\s*录|公开说明)$
    )""",
    re.VERBOSE,
)


def is_heading(text: str) -> bool:
    """True for a heading or list item ("第二部分 …", "一、", "（三）", "1.", "附表")."""
    return bool(_HEADING.match(text.strip()))


_CLOSERS = " \t\u3000”’」』)）】"
_TERMINAL = frozenset("。！？!?；;：:…|｜")  # a web page's cell bar ends its row


def _ends_sentence(text: str) -> bool:
    """True when the line ends with a sentence or clause mark (closing quotes may follow)."""
    return text.rstrip(_CLOSERS)[-1:] in _TERMINAL


def _glue(left: str, right: str) -> str:
    """What goes between two joined pieces: a space between two Latin words, else nothing."""
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalpha():
        return " "
    return ""


# The words a complete heading ends with; a short heading ending otherwise ("…经费支出决算") was
# wrapped, and a short line after it ("情况说明", "表") finishes it.
_HEADING_END = re.compile(r"(说明|情况|概况|职责|职能|设置|构成|解释|目\s*录|附[件表]|事项|总结|报告|表|\d)[\s)）]*$")
#: A document's title as its first lines print it: "…委员会2022年度“三公”经费决算情况说明".
#: What follows a title's year: 年度, 年, or straight away 部门/单位 ("…洪湖镇人民政府2024部门决算情况说明").
YEAR_MARK = r"(?:年度?|(?=部门|单位))"
_DOCUMENT_TITLE = re.compile(r"(?:19|20)\d\d\s*" + YEAR_MARK + r"[^。，,；;]{0,30}(?:决算|预算|三公[”\"]?经费)[^。，,；;]{0,12}"
                             r"(?:说明|公开|报告)$")
#: A document's title standing alone near the top ("2024年度庆城县桐川镇人民政府部门决算"): it continues
#: no line before it (a web copy's metadata "…| 预算决算 |", a breadcrumb "政府信息公开").
_TITLE_ALONE = re.compile(r"^[^。，,；;：:|]{0,30}(?:19|20)\d\d\s*" + YEAR_MARK + r"[^。，,；;：:|]{0,40}?(?:决算|预算)"
                          r"[^。，,；;：:|\d]{0,8}$")
_FILE_NAME_END = re.compile(r"\.(?:pdf|docx?|xlsx?|wps)$", re.IGNORECASE)  # a saved file's name ends its line


_TITLE_LINES = 3  # the lines a title may stand on
_HEAD_LINES = 40  # the lines a title may stand after (a web copy's breadcrumb and metadata rows first)


_SENTENCE_LEAD = re.compile(r"^(?:现将|现|根据|按照|依据|依照|经|我|本|下面|以下|为)")  # a sentence, not a title


def _starts_document(number: int, text: str) -> bool:
    """A document's title near the top: it continues no line before it and takes none after it."""
    return (number < _HEAD_LINES and len(text) <= 60 and _TITLE_ALONE.match(text) is not None
            and (number < _TITLE_LINES or not _SENTENCE_LEAD.match(text)))
_HEADING_MAX = 40  # a heading line longer than this is a paragraph that starts with a number
_FIGURE_IN = re.compile(r"\d\s*(?:万元|元|%)")  # a line stating a figure is a paragraph, not a heading
_WRAP_MAX = 12  # longest line taken as the rest of a wrapped heading
_BRACKET_MAX = 200  # a bracket left open keeps its line open for at most this many characters
_JOIN_MAX = 5000  # no paragraph is longer: text that never ends a sentence is cut here
# A line that begins inside something the line before left open: a subject name before its
# "(款)", the digits or unit of a number, punctuation no line starts with.
_CUT_INSIDE = re.compile(r"^(?:[^，。；：、\s]{0,12}[（(][类款项][）)]|[，。；：、）)”’%％]|万?元(?=$|[，。；、）)\s]))")


def ends_like_heading(text: str) -> bool:
    """True when ``text`` ends as a heading does ("…情况说明", "…职责", "…决算表")."""
    return bool(_HEADING_END.search(text))


def _cut_inside(before: str, text: str, depth: int) -> bool:
    """True when ``text`` continues what the line ``before`` it left unfinished: a bracket still
    open (``depth`` > 0), a number broken after its point or comma, a name cut before its level."""
    if depth > 0 or _CUT_INSIDE.match(text):
        return True
    return before[-1:].isdigit() and text[:1].isdigit() or (before[-1:] in ".," and text[:1].isdigit())


def join_soft_breaks(lines: Sequence[tuple[str, Span]]) -> tuple[tuple[str, Span], ...]:
    """Join a sentence broken across lines (see :func:`join_lines`); the joined lines only."""
    return join_lines(lines)[0]


_CLAUSE_MARK = re.compile(r"[，,、；;]")  # a line of prose has one; a heading or a contents line none
_WRAP_LINES = 6  # fewest full lines that show a page's wrap width
_WRAP_SLACK = 5  # a full line is at most this many columns short of the wrap width (digits, spaces)
_WRAP_SHARE = 0.3  # share of the longer lines that must be full
_WRAP_LONGEST = 200  # characters: a longer line is a paragraph, never one a page's width wrapped
_INDENT = 4  # a paragraph's first line is indented two characters, which a copy drops


def columns(text: str) -> int:
    """Printed width: a Chinese character or full-width mark (three bytes in UTF-8) takes two
    columns, the rest one (counted by the encoder, not character by character)."""
    return (len(text.encode("utf-8")) + len(text)) // 2 if not text.isascii() else len(text)


def wrap_width(lines: Sequence[tuple[str, Span]]) -> int:
    """The width a layout wrapped the text at, in columns (:func:`columns`), or 0 when no width
    is evident: at least ``_WRAP_LINES`` lines, and ``_WRAP_SHARE`` of the lines 20 columns or
    wider, that hold a clause mark and end in none, and fall within ``_WRAP_SLACK`` columns of one
    width."""
    widths = sorted(columns(t.strip()) for t, _ in lines if 10 <= len(t) <= _WRAP_LONGEST
                    and not _ends_sentence(t) and "|" not in t and _CLAUSE_MARK.search(t))
    widths = [w for w in widths if w >= 20]
    best, width, lo = 0, 0, 0
    for hi, w in enumerate(widths):  # the densest window of _WRAP_SLACK columns
        while w - widths[lo] > _WRAP_SLACK:
            lo += 1
        if hi - lo + 1 >= best:
            best, width = hi - lo + 1, w
    return width if best >= _WRAP_LINES and best >= _WRAP_SHARE * len(widths) else 0


def _at_width(text: str, width: int) -> bool:
    """True for a line as wide as the wrap width, give or take its digits and a first line's indent."""
    return width > 0 and len(text) <= _WRAP_LONGEST and width - _WRAP_SLACK - _INDENT <= columns(text) <= width + 2


def join_lines(lines: Sequence[tuple[str, Span]]):
    """Join what a layout broke across lines; returns the lines and, for each, where every
    source line after its first begins in it (``lines.Pieces``: (offset, span) pairs).

    A line that does not end a sentence takes the next line, unless the next starts a heading or
    list item, or is a form-code/unit line under a table title. A table title ("…决算表") ends its
    line. A short heading takes only a short rest that is not a sentence ("五、…经费支出决算" +
    "情况说明"), and none when it ends as headings do ("…情况说明"). A bracket left open keeps
    the line open (even past "；" or "。") until it closes. A blank line is a paragraph break and
    is dropped, except where the next line plainly continues the one before (a bracket still
    open, a number cut after its point, a line starting with "）" or "，") or the one before is
    as wide as the page's wrap width (:func:`wrap_width`: a PDF's lines pasted as paragraphs).

    The joined line keeps the span of its first source line, with the joined text as excerpt.
    Linear in the total length: each line is looked at once, the text joined once.
    """
    out: list[tuple[str, Span]] = []
    pieces: list[tuple] = []
    parts: list[str] = []  # the current line's pieces
    at: list[tuple[int, Span]] = []  # where each source line after the first starts
    first: Span | None = None
    size = 0
    heading = False
    depth = 0  # brackets opened and not yet closed in the current line
    opened = 0  # where the outermost open bracket opened
    state = "closed"  # "open": takes any continuation; "wrap": a short rest of a heading
    gap = False  # a blank line since the last line
    width = -1  # the wrap width (:func:`wrap_width`), measured when a blank line first asks for it
    last = ""  # the last line

    def close() -> None:
        nonlocal first
        if first is None:
            return
        text = "".join(parts)
        span = replace(first, excerpt=text[:80]) if at else first
        out.append((text, span))
        pieces.append(tuple(at))
        parts.clear()
        at.clear()
        first = None

    for number, (raw, span) in enumerate(lines):
        text = raw.strip()
        if not text:
            gap = True
            continue
        meta = is_table_meta(text)
        takes = state != "closed" and not is_heading(text) and not meta and not _starts_document(number, text)
        if takes and (gap or state == "wrap"):
            short_rest = state == "wrap" and not gap and len(text) <= _WRAP_MAX and not _ends_sentence(text)
            # after a line at the wrap width, a line at it too or one that ends the sentence
            if gap and width < 0:
                width = wrap_width(lines)
            full = gap and _at_width(last, width) and not ends_like_heading(last)
            wraps = full and (_ends_sentence(text) or _at_width(text, width))
            takes = short_rest or _cut_inside(parts[-1], text, depth) or wraps
        gap = False
        last = text
        if takes:
            glue = _glue(parts[-1], text)
            size += len(glue)
            at.append((size, span))
            parts.append(glue + text)
        else:
            close()
            first, size, heading, depth = span, 0, is_heading(text), 0
            parts.append(text)
        before = depth
        depth = max(0, depth + text.count("（") + text.count("(") - text.count("）") - text.count(")"))
        if depth and not before:
            opened = size
        size += len(text)
        if size >= _JOIN_MAX:
            state = "closed"
        elif depth and size - opened <= _BRACKET_MAX:
            state = "open"
        elif _ends_sentence(text) or (text.endswith("表") and size <= 60) or meta or _FILE_NAME_END.search(text):
            state = "closed"
        elif size <= 60 and page_own_line(text):
            state = "closed"  # the web page's own line ("发布日期:2022-09-01 09:17:49 大 中 小") before the title
        elif size <= 60 and (number < _TITLE_LINES and _DOCUMENT_TITLE.search(text) or _starts_document(number, text)):
            state = "closed"  # the document's title (a copy may print it twice, full name and short)
        elif heading and size <= _HEADING_MAX and "。" not in text and not _FIGURE_IN.search(text):
            # ("(一)…5.84万元。2013年…1人", "(二)支出预算:2021年年初预算数503.76万元,其中,文化体": a paragraph)
            state = "closed" if ends_like_heading(text) else "wrap"
        else:
            state = "open"
    close()
    return tuple(out), tuple(pieces)


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


def lines_above(lines: Sequence[tuple[str, Span]], n: int = 3) -> tuple[str, ...]:
    """The last ``n`` lines of text of ``lines``, passing over the blank lines a reader puts
    between paragraphs: the context a table's title is looked for in (:func:`caption_line`)."""
    return tuple(t for t, _ in lines[-2 * n:] if t)[-n:]


def caption_line(context: Sequence[str], is_title) -> str:
    """The title among the lines just above a table: the nearest line that is not a form-code /
    unit line, when ``is_title`` accepts it; "" otherwise."""
    for text in reversed(context):
        if is_table_meta(text):
            continue
        return text if is_title(text) else ""
    return ""
