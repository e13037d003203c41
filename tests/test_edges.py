"""The PDF reader's own edge merging gives what pdfplumber's ``merge_edges`` gives (the same
edges in the same order), so reading a PDF need not import pdfplumber."""

from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.table import merge_edges as pdfplumber_merge

from juesuan.io.readers.edges import merge_edges
from juesuan.io.readers.pdf_tables import _edge

positions = st.integers(0, 160).map(lambda n: n * 0.5)  # half points: many near and equal positions, gaps on the tolerances
lengths = st.integers(1, 40).map(float)


@st.composite
def edge(draw):
    at, start, length = draw(positions), draw(positions), draw(lengths)
    if draw(st.booleans()):
        return _edge("h", start, at, start + length, at)
    return _edge("v", at, start, at, start + length)


@settings(max_examples=300, deadline=None)
@given(st.lists(edge(), max_size=40), st.sampled_from([0.0, 1.0, 3.0]), st.sampled_from([0.0, 2.0, 3.0]))
def test_same_edges_as_pdfplumber(edges, snap, join):
    ours = merge_edges([dict(e) for e in edges], snap, snap, join, join)
    theirs = pdfplumber_merge([dict(e) for e in edges], snap, snap, join, join)
    assert ours == [dict(e) for e in theirs]


def test_pieces_of_one_line_are_joined_after_snapping():
    pieces = [_edge("h", 0, 10.0, 50, 10.0), _edge("h", 51, 11.0, 90, 11.0), _edge("v", 0, 10, 0, 40)]
    h, v = merge_edges(pieces, 3, 3, 3, 3)
    assert (h["x0"], h["x1"], h["top"], h["width"]) == (0, 90, 10.5, 90)
    assert v["orientation"] == "v" and (v["top"], v["bottom"]) == (10, 40)
