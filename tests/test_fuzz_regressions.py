"""Inputs the fuzzer (benchmarks/fuzz_readers.py) found that crashed a reader, each rebuilt in a
few lines: every one must now be one InputError line naming the file, never a traceback."""

from __future__ import annotations

import io
import zipfile

import pytest

import hostile
from juesuan.core.findings import InputError
from juesuan.io.readers import read_document
from juesuan.io.readers.data import load


def _minimal_docx(path):
    import docx

    document = docx.Document()
    document.add_paragraph("某单位2024年度部门决算")
    document.save(str(path))
    return path


def _rezip(path, change):
    """Rewrite the package at ``path`` with ``change(name, data) -> data | None`` (None drops it)."""
    with zipfile.ZipFile(path) as src:
        members = [(i.filename, src.read(i)) for i in src.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members:
            new = change(name, data)
            if new is not None:
                out.writestr(name, new)
    path.write_bytes(buf.getvalue())
    return path


def _one_line_about(path, exc_info):
    message = str(exc_info.value)
    assert "\n" not in message and message.startswith(str(path))


def test_docx_relationships_part_of_the_wrong_shape(tmp_path):
    # python-docx met a .rels whose root is not <Relationships> with an AttributeError
    path = _rezip(_minimal_docx(tmp_path / "rels.docx"),
                  lambda name, data: b'<?xml version="1.0"?><Other xmlns="urn:x"/>' if name == "_rels/.rels" else data)
    with pytest.raises(InputError) as info:
        read_document(path)
    _one_line_about(path, info)


def test_docx_main_part_holding_another_parts_content(tmp_path):
    # the styles part's XML in place of the document: python-docx returned a CT_Styles "document"
    path = _minimal_docx(tmp_path / "swapped.docx")
    with zipfile.ZipFile(path) as src:
        styles = src.read("word/styles.xml")
    _rezip(path, lambda name, data: styles if name == "word/document.xml" else data)
    with pytest.raises(InputError, match="找不到正文") as info:
        read_document(path)
    _one_line_about(path, info)


def _newer_zip_version(path):
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        data[at + 6] = 84  # "version needed to extract" 8.4: zipfile raises NotImplementedError
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_zip_needing_a_newer_version(tmp_path, suffix):
    member = hostile.Member.plain("xl/workbook.xml" if suffix == ".xlsx" else "word/document.xml", b"<a/>")
    path = _newer_zip_version(hostile.write_zip(tmp_path / f"new{suffix}", [member]))
    with pytest.raises(InputError) as info:
        read_document(path)
    _one_line_about(path, info)


def _data_workbook(tmp_path):
    from juesuan.io.writers.template import write_workbook

    path = tmp_path / "决算数据.xlsx"
    write_workbook(path, None, year=2024)
    return path


@pytest.mark.parametrize("reader", [load, read_document])
def test_workbook_sheet_that_is_not_xml(tmp_path, reader):
    # expat's ParseError from inside openpyxl's sheet parser
    path = _rezip(_data_workbook(tmp_path),
                  lambda name, data: data[: len(data) // 2] if name == "xl/worksheets/sheet2.xml" else data)
    with pytest.raises(InputError, match="已损坏") as info:
        reader(path)
    _one_line_about(path, info) if reader is load else None


@pytest.mark.parametrize("reader", [load, read_document])
def test_workbook_relationships_not_xml(tmp_path, reader):
    # lxml's XMLSyntaxError from openpyxl reading xl/_rels/workbook.xml.rels
    path = _rezip(_data_workbook(tmp_path),
                  lambda name, data: data[:40] if name == "xl/_rels/workbook.xml.rels" else data)
    with pytest.raises(InputError, match="已损坏"):
        reader(path)


@pytest.mark.parametrize("reader", [load, read_document])
def test_workbook_with_a_corrupt_deflate_stream(tmp_path, reader):
    # zlib.error from inflating a member whose compressed bytes were damaged
    path = _data_workbook(tmp_path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/styles.xml")
    start = info.header_offset + 30 + len(info.filename.encode())
    for i in range(start + 2, start + min(info.compress_size, 40)):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="已损坏"):
        reader(path)
