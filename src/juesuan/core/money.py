"""All money and percentage arithmetic goes through this module.

Sits at the bottom of the flow: readers parse printed numbers with :func:`parse_amount`,
derivations compute with :func:`pct` and :func:`change`, checks compare with :func:`tolerance`,
writers print with :func:`fmt_amount` / :func:`fmt_pct`. Amounts in the model are ``Decimal``
万元 at the precision they came in (data in 元 divided exactly by 10,000); rounding half-up
happens once, here, at display.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Iterable, Iterator

ZERO = Decimal("0")
CENT = Decimal("0.01")
HUNDRED = Decimal("100")
TEN_THOUSAND = Decimal("10000")
HALF_CENT = Decimal("0.005")

# Full-width digits and punctuation that Excel and Word users type.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋％", "0123456789.,-+%")
# Cell contents that mean "nothing here" in a published form.
_BLANKS = {"", "-", "—", "－", "–", "——", "/", "／", "无", "空"}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


class MoneyError(ValueError):
    """A text that should hold a number does not."""


def D(value: object) -> Decimal:
    """Return ``value`` as a Decimal; accepts Decimal, int, str (as :func:`parse_amount`).

    Floats are refused: they carry binary noise that must never reach the model.
    """
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise MoneyError(f"不是数值：{value!r}")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        raise MoneyError("金额不能以浮点数传入，请用字符串或 Decimal")
    if isinstance(value, str):
        parsed = parse_amount(value)
        if parsed is None:
            raise MoneyError(f"不是数值：{value!r}")
        return parsed
    raise MoneyError(f"不是数值：{value!r}")


def normalize_digits(text: str) -> str:
    """Full-width digits and punctuation to ASCII; other characters unchanged."""
    return text.translate(_FULLWIDTH)


def parse_amount(text: object) -> Decimal | None:
    """Parse a printed amount: "1,787.23", "１７８７．２３", "(12.5)", "-3.43%", "-" (blank → None).

    Units and a trailing % are stripped; a bracketed number is negative. Raises
    :class:`MoneyError` for text that is neither blank nor a number.
    """
    if text is None:
        return None
    if isinstance(text, Decimal):
        return text
    if isinstance(text, int) and not isinstance(text, bool):
        return Decimal(text)
    if isinstance(text, float):
        # openpyxl hands numeric cells over as float; repr() gives the shortest exact text.
        return Decimal(repr(text))
    s = normalize_digits(str(text)).strip().replace("\u00a0", "").replace(" ", "")
    if s in _BLANKS:
        return None
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    for unit in ("万元", "元", "%"):
        if s.endswith(unit):
            s = s[: -len(unit)]
            break
    s = s.replace(",", "")
    if not _NUMBER.match(s):
        raise MoneyError(f"不是数值：{text!r}")
    try:
        value = Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - regex guards this
        raise MoneyError(f"不是数值：{text!r}") from exc
    return -value if negative else value


def yuan_to_wan(yuan: Decimal) -> Decimal:
    """元 → 万元, exactly (no rounding)."""
    return yuan / TEN_THOUSAND


def round2(value: Decimal, places: int = 2) -> Decimal:
    """Round half-up to ``places`` decimals (display rounding)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def pct(part: Decimal, whole: Decimal) -> Decimal | None:
    """part / whole × 100 at full precision; None when whole is zero."""
    if whole == 0:
        return None
    return part / whole * HUNDRED


def change(current: Decimal, prior: Decimal) -> tuple[Decimal, Decimal | None]:
    """Signed difference and signed percentage change against ``prior``.

    The percentage is None when ``prior`` is zero; how a zero base is written (增长100.00%
    by convention) is the phrasebook's business, not arithmetic.
    """
    delta = current - prior
    return delta, pct(delta, prior)


def fmt_amount(value: Decimal | None, *, sep: bool = True, places: int = 2) -> str:
    """1787.2349 → "1,787.23" (or "1787.23" without separator). None → "-"."""
    if value is None:
        return "-"
    rounded = round2(value, places)
    if rounded == 0:
        rounded = abs(rounded)  # never print "-0.00"
    return f"{rounded:,.{places}f}" if sep else f"{rounded:.{places}f}"


def fmt_pct(value: Decimal | None, places: int = 2) -> str:
    """97.2107 → "97.21%". None → "-"."""
    if value is None:
        return "-"
    rounded = round2(value, places)
    if rounded == 0:
        rounded = abs(rounded)
    return f"{rounded:.{places}f}%"


#: Decimal places (of 万元) to which the amounts being compared were given: 2 for printed
#: documents; more for data kept in 元. Set for a run of checks with :func:`amount_places`.
_PLACES: ContextVar[int] = ContextVar("juesuan_amount_places", default=2)


@contextmanager
def amount_places(places: int) -> Iterator[None]:
    """Within the block, :func:`tolerance` defaults to amounts given to ``places`` decimals."""
    token = _PLACES.set(places)
    try:
        yield
    finally:
        _PLACES.reset(token)


def places_of(values: Iterable[Decimal | None]) -> int:
    """Decimal places of the finest amount among ``values`` (at least 2): 1693.161971 → 6."""
    places = 2
    for v in values:
        if v is not None and v.is_finite():
            places = max(places, -v.normalize().as_tuple().exponent)
    return places


def tolerance(n_parts: int, places: int | None = None) -> Decimal:
    """Largest honest gap between a total and the sum of ``n_parts`` parts, all given rounded to
    ``places`` decimals (default: the current :func:`amount_places`, normally 2).

    Each of the n parts and the total itself was rounded once, so the gap is at most
    (n + 1) × half a unit of the last place. Data kept at 元 precision leaves almost no room.
    """
    if places is None:
        places = _PLACES.get()
    half_unit = Decimal(5).scaleb(-(places + 1))
    return (max(n_parts, 1) + 1) * half_unit


def pct_tolerance(places: int = 2) -> Decimal:
    """Gap allowed between a printed percentage and one recomputed from printed amounts.

    Recomputing from rounded amounts moves the result slightly, so allow one unit of
    the last printed place (0.01 percentage points at two decimals).
    """
    return Decimal(1).scaleb(-places)


def pct_range(part: Decimal, whole: Decimal, places: int = 2) -> tuple[Decimal, Decimal] | None:
    """Interval of part/whole×100 when both were printed rounded to ``places`` decimals.

    A printed percentage is consistent with printed amounts when it lies in this interval
    widened by half a unit of its own last place. None when the whole may be zero.
    """
    half = Decimal(5).scaleb(-(places + 1))
    lo_w, hi_w = abs(whole) - half, abs(whole) + half
    if lo_w <= 0:
        return None
    sign = -1 if (part < 0) != (whole < 0) else 1
    lo_p, hi_p = max(abs(part) - half, ZERO), abs(part) + half
    bounds = (lo_p / hi_w * HUNDRED, hi_p / lo_w * HUNDRED)
    return (min(bounds) * sign, max(bounds) * sign) if sign > 0 else (-max(bounds), -min(bounds))


def pct_consistent(printed: Decimal, part: Decimal, whole: Decimal, places: int = 2) -> bool:
    """True when ``printed`` % can come from the printed ``part`` and ``whole`` by honest rounding
    (``printed`` rounded to the decimals it shows, at most ``places``: "下降26.0%" to one)."""
    interval = pct_range(part, whole, places)
    if interval is None:
        return True
    half = Decimal(5).scaleb(-(min(places, printed_places(printed)) + 1))
    return interval[0] - half <= printed <= interval[1] + half


def printed_places(value: Decimal) -> int:
    """Decimals ``value`` was printed with (as parsed, trailing zeros kept): "26.0" → 1, "17,192" → 0."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 2
