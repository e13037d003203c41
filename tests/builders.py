"""Small disclosures for check tests, written in the domain's own terms.

``said("收入总计 1787.23", "收入总计.增减 -191.15")`` gives statements as the phrasebook would
read them; ``doc(...)`` wraps statements, text and tables into a Disclosure. Tables are built
with ``t1``/``coded``/``t4``/``t9`` from plain strings, blanks as None.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Mapping

from juesuan.core.model import (
    FUNDS,
    CodedTable,
    Comparatives,
    Disclosure,
    FiscalSummaryTable,
    Narrative,
    Row,
    SangongTable,
    Statement,
    SummaryTable,
    Tables,
    Unit,
)
from juesuan.audit import check_disclosure, check_path, check_prepared
from juesuan.core.model import Span
from juesuan.rules.checks import Related
from juesuan.rules.prepare import prepare
from juesuan.core.profiles import load_profile
from juesuan.phrasebook.parse import parse_narrative
from juesuan.phrasebook.parse_performance import read_evaluation_texts

UNITS = {"占比": "%", "增减率": "%", "预决算差异率": "%", "完成率": "%"}


def D(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def said(*items: str) -> tuple[Statement, ...]:
    """"key value [unit]" strings → statements (unit inferred: % for rates, else 万元)."""
    out = []
    for item in items:
        parts = item.split()
        key, value = parts[0], parts[1]
        unit = parts[2] if len(parts) > 2 else UNITS.get(key.rsplit(".", 1)[-1], "万元")
        out.append(Statement(key, Decimal(value), unit))
    return tuple(out)


def narrative_of(text: str, statements: tuple[Statement, ...] = (), projects: tuple[str, ...] = (),
                 file: str = "", first_line: int = 1) -> Narrative:
    """A narrative as a reader hands it to the checks: ``text`` read by the phrasebook for what it
    says in words (claims: years, 项 heads, lists, comparisons with the budget), while its figures
    are exactly ``statements`` (so a test states only the figures it is about). Its lines are
    numbered from ``first_line`` of ``file``."""
    lines = [(t, Span(file=file, line=first_line + i)) for i, t in enumerate(text.split("\n"))] if text else []
    claims = parse_narrative(lines, projects=projects).narrative.claims if lines else ()
    return Narrative(statements=tuple(statements), claims=claims, text=text)


def read(text: str, **fields) -> Disclosure:
    """A disclosure whose narrative is ``text`` as ``juesuan check`` reads it: figures and claims
    both by the phrasebook."""
    lines = [(t, Span(line=i + 1)) for i, t in enumerate(text.split("\n"))]
    return doc(*parse_narrative(lines).narrative.statements, text=text, **fields)


def doc(*statements: Statement, text: str = "", tables: Tables | None = None, prior: Mapping[str, str] | None = None,
        **fields) -> Disclosure:
    narrative = narrative_of(text, statements) if (statements or text) else None
    comparatives = Comparatives(prior={k: Decimal(v) for k, v in (prior or {}).items()})
    d = Disclosure(unit=Unit(name="测试单位", year=2024), tables=tables or Tables(), comparatives=comparatives,
                   narrative=narrative, **fields)
    return read_evaluation_texts(d)


def amounts(values: Mapping[str, str | None]) -> dict[str, Decimal | None]:
    return {k: D(v) for k, v in values.items()}


def t1(income: Mapping[str, str] | None = None, expenditure: Mapping[str, str] | None = None, **totals: str) -> SummaryTable:
    return SummaryTable(income=amounts(income or {}), expenditure=amounts(expenditure or {}),
                        **{k: D(v) for k, v in totals.items()})


def coded(key: str, columns: tuple[str, ...], rows: list[tuple[str, str, Mapping[str, str | None]]],
          total: Mapping[str, str | None] | None = None, subtotals: Mapping[str, str] | None = None, note: str = "") -> CodedTable:
    return CodedTable(key=key, columns=columns, rows=tuple(Row(c, n, amounts(v)) for c, n, v in rows),
                      total=Row("", "合计", amounts(total)) if total is not None else None,
                      subtotals=amounts(subtotals or {}), note=note)


def t4(**fields) -> FiscalSummaryTable:
    """Keyword fields as the model; fund mappings may use short names 一般/基金/国资."""
    short = dict(zip(("一般", "基金", "国资"), FUNDS))
    out = {}
    for name, value in fields.items():
        if isinstance(value, Mapping):
            if name == "expenditure":
                out[name] = {code: {short.get(k, k): D(v) for k, v in cols.items()} for code, cols in value.items()}
            else:
                out[name] = {short.get(k, k): D(v) for k, v in value.items()}
        else:
            out[name] = D(value)
    return FiscalSummaryTable(**out)


def t9(budget: Mapping[str, str], actual: Mapping[str, str]) -> SangongTable:
    return SangongTable(budget=amounts(budget), actual=amounts(actual))


def check(d: Disclosure | tuple, profile: str = "xinjiang-2024"):
    """Run the whole catalogue as ``juesuan check`` does (derived figures, completed totals).

    ``d`` may be ``(disclosure, {"prior": d0, "budget": b, "members": (u1, u2)})``: the other
    documents of the unit, for the checks across documents."""
    prof = load_profile(profile)
    if isinstance(d, tuple):
        d, others = d
        related = Related(prior=prepare(others["prior"], prof) if "prior" in others else None,
                          budget=prepare(others["budget"], prof) if "budget" in others else None,
                          members=tuple(prepare(u, prof) for u in others.get("members", ())))
        return check_prepared(prepare(d, prof), related)
    return check_disclosure(d, prof)


def codes(d: Disclosure | tuple, profile: str = "xinjiang-2024") -> list[str]:
    return [f.code for f in check(d, profile).findings]


def found(d: Disclosure | tuple, code: str, profile: str = "xinjiang-2024"):
    return [f for f in check(d, profile).findings if f.code == code]


def check_page(tmp_path, text: str, name: str = "page.txt"):
    """``juesuan check`` of ``text`` saved as a page (a file in ``tmp_path``): reader, identification,
    phrasebook and checks end to end; the page must be read."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = check_path(path)
    assert not result.error, result.error
    return result


def page_codes(result, severity: str = "") -> list[str]:
    """The codes of a page's findings (of one severity: "error", "warning", "info")."""
    return [f.code for f in result.report.findings if not severity or f.severity.value == severity]


def page_found(result, code: str) -> list:
    """A page's findings of one code (``found`` for a page checked end to end)."""
    return [f for f in result.report.findings if f.code == code]
