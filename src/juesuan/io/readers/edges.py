"""Ruling lines of a PDF page tidied before the table lattice is built: near-equal positions made
equal, then pieces of one line joined.

Where it sits: under ``pdf_tables.find_tables``. It does what pdfplumber's ``merge_edges`` does
(the same edges, in the same order) so that reading a PDF no longer imports pdfplumber and
pdfminer, about a quarter of a second of start-up, for this one step.

An edge is a dict with ``orientation`` ("h" or "v"), ``x0``, ``x1``, ``top``, ``bottom`` and, when
present, ``doctop``, ``width``, ``height``.
"""

from __future__ import annotations

from itertools import groupby


def _clusters(values: list[float], tolerance: float) -> dict[float, int]:
    """Each distinct value's cluster number: sorted values chain into one cluster while each is
    within ``tolerance`` of the one before."""
    number: dict[float, int] = {}
    last = None
    n = -1
    for v in sorted(set(values)):
        if last is None or tolerance <= 0 or v > last + tolerance:
            n += 1
        number[v] = n
        last = v
    return number


def _shifted(edge: dict, axis_keys: tuple[str, str], delta: float) -> dict:
    moved = dict(edge)
    for key in axis_keys:
        moved[key] = edge[key] + delta
    if axis_keys[0] == "top" and "doctop" in edge:
        moved["doctop"] = edge["doctop"] + delta
    return moved


def _snap(edges: list[dict], key: str, tolerance: float) -> list[dict]:
    """Edges moved so that the ``key`` positions of each cluster become the cluster's mean; the
    result runs cluster by cluster, in the edges' own order within a cluster."""
    if not edges:
        return []
    number = _clusters([e[key] for e in edges], tolerance)
    groups: dict[int, list[dict]] = {}
    for e in edges:
        groups.setdefault(number[e[key]], []).append(e)
    keys = ("x0", "x1") if key == "x0" else ("top", "bottom")
    out = []
    for n in sorted(groups):
        group = groups[n]
        mean = sum(e[key] for e in group) / len(group)
        out.extend(_shifted(e, keys, mean - e[key]) for e in group)
    return out


def _join(edges: list[dict], start: str, end: str, size: str, tolerance: float) -> list[dict]:
    """Collinear pieces (sorted by ``start``) joined where the next begins within ``tolerance``
    of the end of the joined line so far."""
    joined: list[dict] = []
    for e in sorted(edges, key=lambda e: e[start]):
        if joined and e[start] <= joined[-1][end] + tolerance:
            last = joined[-1]
            if e[end] > last[end]:
                last = dict(last)
                last[end] = e[end]
                last[size] = last[end] - last[start]
                joined[-1] = last
        else:
            joined.append(e)
    return joined


def merge_edges(edges: list[dict], snap_x: float, snap_y: float, join_x: float, join_y: float) -> list[dict]:
    """Snap vertical edges within ``snap_x`` and horizontal ones within ``snap_y`` to common
    positions, then join the pieces of each line (gaps up to ``join_x`` along a horizontal line,
    ``join_y`` along a vertical one). Horizontal lines come first, each group by position."""
    if snap_x > 0 or snap_y > 0:
        edges = (_snap([e for e in edges if e["orientation"] == "v"], "x0", snap_x)
                 + _snap([e for e in edges if e["orientation"] == "h"], "top", snap_y))

    def line_of(e: dict) -> tuple[str, float]:
        return ("h", e["top"]) if e["orientation"] == "h" else ("v", e["x0"])

    out: list[dict] = []
    for (orientation, _), group in groupby(sorted(edges, key=line_of), key=line_of):
        if orientation == "h":
            out.extend(_join(list(group), "x0", "x1", "width", join_x))
        else:
            out.extend(_join(list(group), "top", "bottom", "height", join_y))
    return out
