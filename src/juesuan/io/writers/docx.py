"""Word (.docx) writer: the 公开说明 with real heading styles, tables and charts.

Where it sits: the last step of ``juesuan build`` (and the input of the PDF writer). It renders
only :class:`Document` blocks: headings (Word "Heading 1–3" styles, numbering kept as text),
paragraphs (first-line indent, CJK font set through ``w:eastAsia``), grids as real Word tables
(merged cells, borders, right-aligned numbers; landscape sections for wide tables) and charts as
PNG pictures, after a title page.
"""

from __future__ import annotations

import io
import re
from html import escape
from pathlib import Path

from docx import Document as new_document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from ...core.document import Cell, Chart, Document, Grid, Heading, PageBreak, Paragraph, Slot
from ..atomic import replacing
from . import charts
from .nobreak import join_units
from .matrix import Layout, Placed, display_width, layout

BODY_FONT = "宋体"  # Word on Windows has these; the PDF writer maps them to free fonts
HEADING_FONT = "黑体"
NOTE_FONT = "仿宋"  # the form code / unit line and the note under a table
LATIN_FONT = "Times New Roman"
LANGUAGE = "zh-CN"
BODY_SIZE = Pt(12)
TABLE_SIZE = Pt(9)
TABLE_STYLE = "表格文字"
PORTRAIT = (Cm(21.0), Cm(29.7))
MARGIN = Cm(2.2)
WIDE_MARGIN = Cm(1.5)  # landscape pages hold the wide tables
HEADING_SIZES = {1: Pt(16), 2: Pt(14), 3: Pt(12)}
CHAR_WIDTH = Pt(5)  # a half-width character of 9-pt table text
CELL_PADDING = Cm(0.3)


def _set_fonts(target, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Set the Latin and East Asian font of a style or run (python-docx sets only the Latin one)."""
    target.font.name = latin
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)  # theme fonts would override the names below
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")  # “” ： and the like in the Chinese font, as Word does


def _set_language(style) -> None:
    """Mark the text Chinese (w:lang w:eastAsia), so fallback glyphs are the simplified forms."""
    rpr = style.element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def _setup_styles(doc) -> None:
    normal = doc.styles["Normal"]
    _set_fonts(normal, BODY_FONT)
    _set_language(normal)
    normal.font.size = BODY_SIZE
    normal.paragraph_format.line_spacing = 1.5
    normal.paragraph_format.space_after = Pt(0)
    for level, size in HEADING_SIZES.items():
        style = doc.styles[f"Heading {level}"]
        _set_fonts(style, HEADING_FONT)
        style.font.size = size
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(12 if level == 1 else 6)
        style.paragraph_format.space_after = Pt(6 if level == 1 else 3)
        style.paragraph_format.keep_with_next = True
        if level == 1:
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell_style = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell_style.base_style = normal
    cell_style.font.size = TABLE_SIZE
    cell_style.paragraph_format.line_spacing = 1.0
    cell_style.paragraph_format.first_line_indent = 0
    cell_style.paragraph_format.space_before = Pt(0)
    cell_style.paragraph_format.space_after = Pt(0)
    for name in ("Title", "Subtitle"):
        style = doc.styles[name]
        _set_fonts(style, HEADING_FONT)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = False
        style.font.bold = True
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        borders = style.element.pPr.find(qn("w:pBdr")) if style.element.pPr is not None else None
        if borders is not None:  # the template's rule under the title
            style.element.pPr.remove(borders)


def _page_number_footer(section) -> None:
    para = section.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _orient(section, landscape: bool) -> None:
    short, long_ = PORTRAIT
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long_, short) if landscape else (short, long_)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, WIDE_MARGIN if landscape else MARGIN)


def _text_width(section) -> int:
    return section.page_width - section.left_margin - section.right_margin


def _title_page(doc, title: str, subtitle: str) -> None:
    for _ in range(6):
        doc.add_paragraph()
    # "单位名称" and "2024年度部门决算" on lines of their own rather than a break mid-word
    parts = re.match(r"^(.+?)(\d{4}年度.*)$", title)
    para = doc.add_paragraph(style="Title")
    for i, line in enumerate(parts.groups() if parts else (title,)):
        if i:
            para.add_run().add_break()
        para.add_run(line).font.size = Pt(24)
    if subtitle:
        doc.add_paragraph(subtitle, style="Subtitle").runs[0].font.size = Pt(20)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


_TABLE_PROPERTIES = (
    '<w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>'
    + "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
              for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="20" w:type="dxa"/>'
    '<w:left w:w="57" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
    '</w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
)
_JC = {"right": "right", "center": "center"}


def _tc(width: int, cell: Cell | None, *, span: int, merge: str, bold: bool, style_id: str,
        keep_next: bool = False) -> str:
    """One w:tc: ``merge`` is "" (plain), "restart" (top of a row span) or "continue";
    ``keep_next`` keeps the row on the page of what follows the table (its note)."""
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if merge:
        props.append('<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>")
    props.append('<w:vAlign w:val="center"/>')
    run = ""
    jc = "left"
    if cell is not None and merge != "continue":
        jc = _JC.get(cell.align or ("right" if cell.value is not None else ""), "left")
        if cell.text:
            rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
            run = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(join_units(cell.text))}</w:t></w:r>'
    keep = "<w:keepNext/>" if keep_next else ""
    return (f'<w:tc><w:tcPr>{"".join(props)}</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}'
            f'<w:jc w:val="{jc}"/></w:pPr>{run}</w:p></w:tc>')


def table_xml(lay: Layout, widths: list[int], style_id: str, *, keep_last: bool = False) -> str:
    """A laid-out grid as a w:tbl: column spans as gridSpan, row spans as vMerge; widths in twips.
    ``keep_last`` keeps the last row with the paragraph after the table."""
    origin: dict[tuple[int, int], Placed] = {(p.row, p.col): p for p in lay.cells}
    covering: dict[tuple[int, int], Placed] = {}
    for p in lay.cells:
        for r in range(p.row + 1, p.last_row + 1):
            covering[(r, p.col)] = p
    rows = []
    for r in range(lay.n_rows):
        cells, c = [], 0
        while c < lay.n_cols:
            placed = origin.get((r, c)) or covering.get((r, c))
            span = max(placed.cell.colspan, 1) if placed else 1
            width = sum(widths[c:c + span])
            keep = keep_last and r == lay.n_rows - 1
            if placed is None:
                cells.append(_tc(width, None, span=1, merge="", bold=False, style_id=style_id, keep_next=keep))
            else:
                merge = "continue" if placed.row != r else ("restart" if placed.last_row > r else "")
                bold = placed.cell.bold or r < lay.header_rows
                cells.append(_tc(width, placed.cell, span=span, merge=merge, bold=bold, style_id=style_id,
                                 keep_next=keep))
            c += span
        # a row never splits across pages; header rows repeat on each page of a long table
        props = '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' if r < lay.header_rows else '<w:trPr><w:cantSplit/></w:trPr>'
        rows.append(f"<w:tr>{props}{''.join(cells)}</w:tr>")
    grid_cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f"<w:tbl {nsdecls('w')}>{_TABLE_PROPERTIES.format(width=sum(widths))}"
            f"<w:tblGrid>{grid_cols}</w:tblGrid>{''.join(rows)}</w:tbl>")


def column_widths(lay: Layout, available: int) -> list[int]:
    """Column widths (EMU) filling ``available``. Each column first gets what its longest figure
    or code needs, and room for four CJK characters of text; columns with longer text share the
    rest by that text's length."""
    numbers = [0] * lay.n_cols  # widths in half-width characters that must not wrap
    texts = [0] * lay.n_cols  # widths of body text that may wrap
    for p in lay.cells:
        if p.cell.colspan != 1 or p.cell.rowspan != 1:
            continue
        width = display_width(p.cell.text)
        if p.row < lay.header_rows:  # column titles may wrap after four characters
            numbers[p.col] = max(numbers[p.col], min(width, 8))
        elif p.cell.value is not None or p.cell.text.isdigit():  # figures and 科目编码
            numbers[p.col] = max(numbers[p.col], width)
        else:
            texts[p.col] = max(texts[p.col], width)
    floor = [max(n, min(t, 8)) for n, t in zip(numbers, texts)]  # four CJK characters at least
    base = [f * CHAR_WIDTH + CELL_PADDING for f in floor]
    extra = [max(min(t, 40) - f, 0) * CHAR_WIDTH for f, t in zip(floor, texts)]
    left = available - sum(base)
    if left <= 0:
        return [int(b * available / sum(base)) for b in base]
    if left >= sum(extra):  # room for every text unwrapped: spread what remains over all columns
        wanted = [b + e for b, e in zip(base, extra)]
        return [int(w * available / sum(wanted)) for w in wanted]
    weights = [min(e, 16 * CHAR_WIDTH) for e in extra]  # one long remark must not starve the rest
    return [int(b + left * w / sum(weights)) for b, w in zip(base, weights)]


def _caption(doc, grid: Grid) -> None:
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.keep_with_next = True
    run = para.add_run(grid.title)
    run.bold = True
    run.font.size = Pt(14)
    _set_fonts(run, HEADING_FONT)
    meta = doc.add_paragraph()
    meta.paragraph_format.keep_with_next = True
    left = grid.code
    right = f"单位：{grid.unit}" if grid.unit else ""
    run = meta.add_run(left + ("\t" if left and right else "") + right)
    run.font.size = Pt(10)
    _set_fonts(run, NOTE_FONT)
    meta.paragraph_format.tab_stops.add_tab_stop(_text_width(doc.sections[-1]), alignment=2)  # right


def _grid(doc, grid: Grid) -> None:
    _caption(doc, grid)
    lay = layout(grid)
    widths = [w // 635 for w in column_widths(lay, _text_width(doc.sections[-1]))]  # EMU → twips
    tbl = parse_xml(table_xml(lay, widths, doc.styles[TABLE_STYLE].style_id, keep_last=bool(grid.note)))
    doc.element.body.insert_element_before(tbl, "w:sectPr")
    if grid.note:
        note = doc.add_paragraph(join_units(grid.note))
        note.paragraph_format.first_line_indent = 0
        note.runs[0].font.size = Pt(10)
        _set_fonts(note.runs[0], NOTE_FONT)


def _chart(doc, chart: Chart) -> None:
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.add_run().add_picture(io.BytesIO(charts.png(chart)), width=Cm(15))


class _Writer:
    """Tracks the current section orientation while blocks are added."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.landscape = False
        self.fresh_page = True  # nothing on the current page yet

    def section(self, landscape: bool) -> None:
        if landscape == self.landscape:
            return
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = False  # only the title page goes unnumbered
        _orient(section, landscape)
        self.landscape, self.fresh_page = landscape, True

    def page_break(self) -> None:
        if not self.fresh_page:
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            self.fresh_page = True

    def block(self, block) -> None:
        doc = self.doc
        if isinstance(block, Grid):
            self.section(block.landscape)
            if block.key.startswith("T"):  # each of the nine tables starts a page
                self.page_break()
            _grid(doc, block)
        elif isinstance(block, Heading):
            self.section(False)
            doc.add_heading(block.text, level=min(max(block.level, 1), 3))
        elif isinstance(block, Paragraph):
            self.section(False)
            para = doc.add_paragraph()
            para.paragraph_format.first_line_indent = Pt(24)
            run = para.add_run(join_units(block.text))
            if block.placeholder:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        elif isinstance(block, Chart):
            _chart(doc, block)
        elif isinstance(block, PageBreak):
            self.page_break()
            return
        elif isinstance(block, Slot):
            return  # compose fills slots; an unfilled slot prints nothing
        self.fresh_page = False


def write(doc: Document, path: Path) -> Path:
    """Write ``doc`` as a Word file at ``path`` and return the path."""
    path = Path(path)
    word = new_document()
    _setup_styles(word)
    _orient(word.sections[0], False)
    word.sections[0].different_first_page_header_footer = True  # no page number on the title page
    _page_number_footer(word.sections[0])
    _title_page(word, doc.title, doc.subtitle)
    writer = _Writer(word)
    for block in doc.blocks:
        writer.block(block)
    word.core_properties.title = doc.title
    word.core_properties.subject = doc.subtitle
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path) as temp:
        word.save(str(temp))
    return path
