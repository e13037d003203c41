"""Hostile inputs, made at test time: small on disk, enormous (or endless) once parsed.

Used by tests/test_limits.py and benchmarks/bench_hostile.py. Each maker writes one file under
the folder it is given and returns its path. Highly repetitive content is deflated once per
repeated block (a full flush makes a block independent of what came before), then the block is
repeated, so a member inflating to 2 GiB costs a couple of MB and well under a second to make.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES_DOCX = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS_DOCX = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


class Member:
    """A zip member given as raw deflate data with its true inflated size and CRC."""

    def __init__(self, name: str, deflated: bytes, size: int, crc: int):
        self.name, self.deflated, self.size, self.crc = name, deflated, size, crc

    @classmethod
    def plain(cls, name: str, data: bytes) -> "Member":
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        return cls(name, c.compress(data) + c.flush(), len(data), zlib.crc32(data))

    @classmethod
    def repeated(cls, name: str, head: bytes, block: bytes, times: int, tail: bytes) -> "Member":
        """head + block × times + tail, deflated without ever holding the inflated text."""
        parts = []
        for piece in (head, block):
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            parts.append(c.compress(piece) + c.flush(zlib.Z_FULL_FLUSH))
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        end = c.compress(tail) + c.flush()
        crc = zlib.crc32(head)
        step = 64
        chunk = block * step
        for _ in range(times // step):
            crc = zlib.crc32(chunk, crc)
        for _ in range(times % step):
            crc = zlib.crc32(block, crc)
        crc = zlib.crc32(tail, crc)
        data = parts[0] + parts[1] * times + end
        return cls(name, data, len(head) + len(block) * times + len(tail), crc)


def write_zip(path: Path, members: list[Member]) -> Path:
    """A zip archive of already-deflated members (method 8), written by hand."""
    out = bytearray()
    central = bytearray()
    for m in members:
        name = m.name.encode("utf-8")
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, m.crc, len(m.deflated),
                           m.size, len(name), 0) + name + m.deflated
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, m.crc,
                               len(m.deflated), m.size, len(name), 0, 0, 0, 0, 0, offset) + name
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), start, 0)
    path.write_bytes(bytes(out))
    return path


def _docx(path: Path, document: Member) -> Path:
    return write_zip(path, [Member.plain("[Content_Types].xml", CONTENT_TYPES_DOCX.encode()),
                            Member.plain("_rels/.rels", RELS_DOCX.encode()), document])


def _document_head() -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()


def zip_bomb_docx(folder: Path, inflated: int = 2 * 1024**3) -> Path:
    """A .docx whose word/document.xml inflates to ``inflated`` bytes (2 GiB: a 2 MB file)."""
    block = b"<w:p><w:r><w:t>" + b" " * (1024 * 1024 - 31) + b"</w:t></w:r></w:p>"
    times = inflated // len(block)
    member = Member.repeated("word/document.xml", _document_head(), block, times, b"</w:body></w:document>")
    return _docx(folder / "炸弹.docx", member)


def many_paragraphs_docx(folder: Path, paragraphs: int = 35_000_000) -> Path:
    """A .docx of ``paragraphs`` empty paragraphs (35 million: about 0.5 MB on disk)."""
    unit = 1000
    block = b"<w:p/>" * unit
    member = Member.repeated("word/document.xml", _document_head(), block, paragraphs // unit,
                             b"</w:body></w:document>")
    return _docx(folder / "空段落.docx", member)


def entity_docx(folder: Path) -> Path:
    """A .docx whose document.xml defines nested entities ("billion laughs")."""
    entities = '<!ENTITY a "hahahahahahahahahaha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
           f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>')
    return _docx(folder / "实体.docx", Member.plain("word/document.xml", xml.encode()))


def deep_xml_docx(folder: Path, depth: int = 100_000) -> Path:
    """A .docx whose body nests content controls ``depth`` levels deep."""
    open_, close = b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>"
    head = _document_head() + open_ * depth
    member = Member.plain("word/document.xml", head + b"<w:p/>" + close * depth + b"</w:body></w:document>")
    return _docx(folder / "深层.docx", member)


def deep_html(folder: Path, depth: int = 100_000) -> Path:
    """An HTML page with ``depth`` nested <div>s around one line of text."""
    path = folder / "深层.html"
    path.write_text("<html><body>" + "<div>" * depth + "收入总计100.00万元。" + "</div>" * depth + "</body></html>",
                    encoding="utf-8")
    return path


def lost_breaks_text(folder: Path, size: int = 3_750_000) -> Path:
    """A text file whose line breaks were lost: one line of ``size`` bytes of disclosure sentences."""
    sentence = "2024年度收入总计1,787.23万元，比上年增加100.00万元，增长5.93%。".encode()
    path = folder / "无换行.txt"
    path.write_bytes(sentence * (size // len(sentence) + 1))
    return path


def deep_yaml(folder: Path, depth: int = 100_000, name: str = "深层.yaml") -> Path:
    path = folder / name
    path.write_text("单位: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    return path


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def many_pages_pdf(folder: Path, pages: int = 100_000) -> Path:
    """A PDF of ``pages`` pages that all share one small content stream (a few MB)."""
    content = b"BT /F1 12 Tf 72 720 Td (1) Tj ET"
    first_page = 5
    kids = " ".join(f"{first_page + i} 0 R" for i in range(pages)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(pages).encode() + b" >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    objects += [page] * pages
    path = folder / "万页.pdf"
    path.write_bytes(_pdf(objects))
    return path


def dense_page_pdf(folder: Path, chars: int = 1_000_000) -> Path:
    """A one-page PDF whose content stream draws ``chars`` characters (deflated: small on disk)."""
    line = b"(" + b"8" * 1000 + b") Tj 0 -1 Td\n"
    raw = b"BT /F1 1 Tf 0 800 Td 1 TL\n" + line * (chars // 1000) + b"ET"
    data = zlib.compress(raw, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(data)).encode() + b" /Filter /FlateDecode >>\nstream\n" + data + b"\nendstream",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>",
    ]
    path = folder / "密页.pdf"
    path.write_bytes(_pdf(objects))
    return path


def million_rows_workbook(folder: Path, rows: int = 1_000_000, with_unit_sheet: bool = True) -> Path:
    """A data workbook with a ``rows``-row sheet ("明细") and, when asked, a 单位概况 sheet, but
    no other sheet a 决算 workbook needs. Rows hold varied numbers (compressing as real data)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "明细"
    if with_unit_sheet:
        unit = book.create_sheet("单位概况")
        unit.append(["项目", "内容"])
        unit.append(["单位名称", "某单位"])
    staging = folder / "staging.xlsx"
    book.save(staging)
    import zipfile

    with zipfile.ZipFile(staging) as src:
        members = [Member.plain(i.filename, src.read(i)) for i in src.infolist() if i.filename != "xl/worksheets/sheet1.xml"]
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    body = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>%d.%02d</v></c></row>'
                    % (r, r, r * 7919 % 100003, r, r * 104729 % 1000003, r % 97) for r in range(1, rows + 1))
    sheet = Member.plain("xl/worksheets/sheet1.xml", head + body + b"</sheetData></worksheet>")
    staging.unlink()
    return write_zip(folder / "百万行.xlsx", members + [sheet])


# --------------------------------------------------------------------------- just under the limits

def big_table_html(folder: Path, rows: int = 33_000) -> Path:
    """An HTML page holding one table of ``rows`` rows (three elements a row)."""
    path = folder / "大表.html"
    path.write_text("<html><body><p>收入支出决算总表</p><table>" + "<tr><td>收入</td><td>1.00</td></tr>" * rows
                    + "</table></body></html>", encoding="utf-8")
    return path


def many_lines_text(folder: Path, size: int = 1_000_000) -> Path:
    """A text file of ``size`` bytes of short narrative lines (a disclosure repeated)."""
    line = "2024年度收入总计1,787.23万元，比上年增加100.00万元，增长5.93%。\n".encode()
    path = folder / "多行.txt"
    path.write_bytes(line * (size // len(line)))
    return path


def blank_cells_text(folder: Path, rows: int = 3_900) -> Path:
    """A 公开05 copied as text of ``rows`` coded rows each printing fewer amounts than the header
    has columns (blank cells printed as nothing), one 款 of many 项: every cell's column to be
    decided by the sums (a bounded search)."""
    head = ("第二部分 某局2024年度部门决算表\n一般公共预算财政拨款支出决算表\n单位：万元\n项目\n合计 基本支出 项目支出\n"
            "科目编码 科目名称\n")
    items = [f"20101{k:02d} 某项 {k % 7 + 1}.00 {k % 7 + 1}.00" for k in range(1, 100)]
    body = [f"201 某类 {rows}.00 {rows}.00", f"20101 某款 {rows}.00 {rows // 2}.00 {rows - rows // 2}.00"]
    body += (items * (rows // len(items) + 1))[:rows]
    path = folder / "空白栏.txt"
    path.write_text(head + "\n".join(body) + "\n注：本表反映。\n第三部分 某局2024年度部门决算情况说明\n", encoding="utf-8")
    return path


def glued_budget_text(folder: Path, rows: int = 3_500) -> Path:
    """A budget's 支出预算总表 copied as page text whose ``rows`` coded rows are all glued into one
    line ("…1,000 1,000213 01 02 某项 …", codes spaced by level, blank cells printed as nothing):
    every row to be cut apart, its code joined and its cells placed."""
    head = ("2027年部门预算表\n2027年部门支出预算总表\n编制部门：某局 单位：元\n项目 支出预算\n功能分类科目编码\n"
            "功能分类科目名称 合计 基本支出 项目支出\n类 款 项\n")
    items = "".join(f"213 01 {k % 90 + 10} 某项 1,000 1,000" for k in range(rows))
    path = folder / "粘连预算.txt"
    path.write_text(head + items + "\n合计 1,000 1,000\n第四部分 其他相关情况说明\n", encoding="utf-8")
    return path


def many_runs_docx(folder: Path, paragraphs: int = 300_000) -> Path:
    """A .docx of ``paragraphs`` one-run paragraphs (three elements each), varied enough to pass
    the compression-ratio check."""
    body = b"".join(b"<w:p><w:r><w:t>%d</w:t></w:r></w:p>" % (i * 7919 % 1000003) for i in range(paragraphs))
    member = Member.plain("word/document.xml", _document_head() + body + b"</w:body></w:document>")
    return _docx(folder / "多段落.docx", member)


# --------------------------------------------------------------------------- reading one in a fresh process

_READ = """
import json, sys, time
from juesuan.core.findings import InputError

def peak_rss_mb():  # this process image's high-water mark (ru_maxrss would include the parent's)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0

kind, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
try:
    if kind == "data":
        from juesuan.io.readers.data import load
        load(path)
    elif kind == "profile":
        from juesuan.core.profiles import load_profile
        load_profile(path)
    else:
        from juesuan.io.readers import read_document
        read_document(path)
    answer = ""
except InputError as exc:
    answer = str(exc)
print(json.dumps({"answer": answer, "seconds": time.perf_counter() - start, "rss_mb": peak_rss_mb()}))
"""


def read_in_fresh_process(path: Path, kind: str = "document", env: dict | None = None,
                          address_space: int | None = None) -> dict:
    """Read ``path`` as ``juesuan check`` (kind "document"), ``build`` ("data") or ``--profile``
    ("profile") would, in a new interpreter, optionally under an address-space ceiling (a reader
    that inflates a bomb then dies there instead of taking the machine). Returns the one-line
    answer ("" when the file was accepted), the seconds it took and the peak RSS in MB."""
    import json
    import os
    import resource
    import subprocess
    import sys

    def ceiling():
        if address_space:
            resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))

    proc = subprocess.run([sys.executable, "-c", _READ, kind, str(path)], capture_output=True, text=True,
                          timeout=600, env={**os.environ, **(env or {})}, preexec_fn=ceiling)
    if proc.returncode != 0:
        raise RuntimeError(f"reading {path} crashed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout)
