from decimal import Decimal

import pytest

from juesuan.core.money import (
    D, MoneyError, change, fmt_amount, fmt_pct, parse_amount, pct, pct_consistent, round2, tolerance, yuan_to_wan,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1,787.23", Decimal("1787.23")),
        ("１，７８７．２３", Decimal("1787.23")),
        ("-3.43%", Decimal("-3.43")),
        ("(12.50)", Decimal("-12.50")),
        ("45.52万元", Decimal("45.52")),
        (" 0.00 ", Decimal("0.00")),
        (12, Decimal(12)),
        (1787.23, Decimal("1787.23")),  # an openpyxl float cell, via its shortest repr
    ],
)
def test_parse_amount_accepts_printed_forms(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize("blank", [None, "", "-", "—", "－", "/", "  "])
def test_blank_is_none_not_zero(blank):
    assert parse_amount(blank) is None


@pytest.mark.parametrize("bad", ["abc", "1.2.3", "十二", "12元5"])
def test_non_numbers_raise(bad):
    with pytest.raises(MoneyError):
        parse_amount(bad)


def test_D_refuses_float_and_bool():
    with pytest.raises(MoneyError):
        D(0.1)
    with pytest.raises(MoneyError):
        D(True)
    assert D("0.10") == Decimal("0.10")


def test_round_half_up_at_display_only():
    assert round2(Decimal("0.005")) == Decimal("0.01")
    assert round2(Decimal("0.0049999")) == Decimal("0.00")
    assert round2(Decimal("-0.005")) == Decimal("-0.01")
    assert fmt_amount(Decimal("1787.225")) == "1,787.23"
    assert fmt_amount(Decimal("1787.225"), sep=False) == "1787.23"
    assert fmt_amount(Decimal("-0.001")) == "0.00"
    assert fmt_amount(None) == "-"


def test_yuan_to_wan_is_exact():
    assert yuan_to_wan(Decimal("12178512.34")) == Decimal("1217.851234")


def test_pct_and_change():
    assert fmt_pct(pct(Decimal("1693.16"), Decimal("1741.71"))) == "97.21%"
    assert pct(Decimal(1), Decimal(0)) is None
    delta, rate = change(Decimal("0.26"), Decimal("0.64"))
    assert delta == Decimal("-0.38") and fmt_pct(rate) == "-59.38%"
    assert change(Decimal(5), Decimal(0)) == (Decimal(5), None)


def test_tolerance_envelope():
    assert tolerance(2) == Decimal("0.015")
    assert tolerance(5) == Decimal("0.030")


def test_pct_consistency_uses_rounding_interval():
    # 0.38 / 0.64 printed as 59.38% is honest; 60.00% is not.
    assert pct_consistent(Decimal("59.38"), Decimal("0.38"), Decimal("0.64"))
    assert not pct_consistent(Decimal("61.00"), Decimal("0.38"), Decimal("0.64"))
    # 97.21% of 1,741.71 is tight: 97.30% is outside.
    assert pct_consistent(Decimal("97.21"), Decimal("1693.16"), Decimal("1741.71"))
    assert not pct_consistent(Decimal("97.30"), Decimal("1693.16"), Decimal("1741.71"))
    # negative changes keep their sign
    assert pct_consistent(Decimal("-9.66"), Decimal("-191.15"), Decimal("1978.38"))
    assert not pct_consistent(Decimal("9.66"), Decimal("-191.15"), Decimal("1978.38"))


def test_tolerance_follows_the_precision_of_the_data():
    from juesuan.core.money import amount_places, places_of

    assert places_of([Decimal("1787.22"), None, Decimal("45.5")]) == 2
    assert places_of([Decimal("1693.161971"), Decimal("45.52")]) == 6
    assert places_of([Decimal("1.20000")]) == 2  # trailing zeros say nothing
    with amount_places(6):
        assert tolerance(1) == Decimal("0.0000010")
        assert tolerance(1, places=2) == Decimal("0.010")
    assert tolerance(1) == Decimal("0.010")  # restored after the block
