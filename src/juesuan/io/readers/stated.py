"""Stated figures → model parts: what the narrative says about staff, 三公 counts, 政府采购, 资产.

Where it sits: used by :mod:`.assemble` after the phrasebook has read the narrative. A published
document states these counts and amounts only in its text; copying them into ``Unit.staff``,
``SangongDetails``, ``Procurement``, ``Assets`` and ``Comparatives`` lets checks read the same
model parts whether the disclosure came from data or from a document. The first statement of
a key wins; a key never stated stays None (never 0); each value keeps the span it came from.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Mapping, Sequence

from ...core import keys
from ...core.model import (
    VEHICLE_CATEGORIES,
    Assets,
    Comparatives,
    OtherMatters,
    Procurement,
    SangongDetails,
    Span,
    Staff,
    Statement,
)


def _first(statements: Sequence[Statement]) -> dict[str, Statement]:
    out: dict[str, Statement] = {}
    for s in statements:
        out.setdefault(s.key, s)
    return out


def _count(value: Decimal | None) -> int | None:
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


class _Pick:
    """Read statements by key, remembering the span of each value taken."""

    def __init__(self, stated: Mapping[str, Statement]) -> None:
        self.stated = stated

    def amount(self, key: str, field: str, sources: dict) -> Decimal | None:
        s = self.stated.get(key)
        if s is None:
            return None
        if s.span is not None:
            sources[field] = s.span
        return s.value

    def count(self, key: str, field: str, sources: dict) -> int | None:
        return _count(self.amount(key, field, sources))


def model_parts(
    statements: Sequence[Statement],
    reasons: Mapping[str, str] | None = None,
    texts: Mapping[str, str] | None = None,
) -> dict:
    """Staff, SangongDetails, OtherMatters and Comparatives filled from narrative statements
    (and the 三公 content descriptions / vehicle notes from the narrative's texts)."""
    pick = _Pick(_first(statements))
    reasons = reasons or {}
    texts = texts or {}
    src: dict = {}
    staff = Staff(
        total=pick.count("人员.实有", "total", src),
        serving=pick.count("人员.在职", "serving", src),
        serving_change=pick.count("人员.在职.增减", "serving_change", src),
        retired_cadres=pick.count("人员.离休", "retired_cadres", src),
        retired_cadres_change=pick.count("人员.离休.增减", "retired_cadres_change", src),
        retirees=pick.count("人员.退休", "retirees", src),
        retirees_change=pick.count("人员.退休.增减", "retirees_change", src),
        sources=src,
    )
    unit_src: dict = {}
    subordinate = pick.count("人员.下属单位", "subordinate_units", unit_src)
    src = {}
    sangong = SangongDetails(
        outbound_groups=pick.count("三公.出国团组", "outbound_groups", src),
        outbound_people=pick.count("三公.出国人次", "outbound_people", src),
        outbound_content=texts.get("三公.因公出国（境）费.内容", ""),
        vehicles_purchased=pick.count("三公.购置车辆", "vehicles_purchased", src),
        vehicles_held=pick.count("三公.保有车辆", "vehicles_held", src),
        fixed_asset_vehicles=pick.count("三公.固定资产车辆", "fixed_asset_vehicles", src),
        vehicle_gap_reason=reasons.get("三公.固定资产车辆.差异", ""),
        vehicle_content=texts.get("三公.公务用车运行维护费.内容", ""),
        reception_batches=pick.count("三公.接待批次", "reception_batches", src),
        reception_people=pick.count("三公.接待人次", "reception_people", src),
        reception_content=texts.get("三公.公务接待费.内容", ""),
        sources=src,
    )
    src = {}
    procurement = Procurement(
        total=pick.amount("政府采购.总额", "total", src),
        goods=pick.amount("政府采购.货物", "goods", src),
        works=pick.amount("政府采购.工程", "works", src),
        services=pick.amount("政府采购.服务", "services", src),
        sme=pick.amount("政府采购.中小企业", "sme", src),
        small_micro=pick.amount("政府采购.小微企业", "small_micro", src),
        sources=src,
    )
    src = {}
    vehicles = {}
    for category in VEHICLE_CATEGORIES:
        n = pick.count(f"资产.车辆.{category}", f"vehicles.{category}", src)
        if n is not None:
            vehicles[category] = n
    area = pick.amount("资产.房屋面积", "building_area", src)
    assets = Assets(
        building_area=area,
        building_value=pick.amount("资产.房屋价值", "building_value", src),
        vehicles_total=pick.count("资产.车辆", "vehicles_total", src),
        vehicles_value=pick.amount("资产.车辆价值", "vehicles_value", src),
        vehicles=vehicles,
        other_vehicles_note=texts.get("资产.其他用车说明", ""),
        large_equipment=pick.count("资产.大型设备", "large_equipment", src),
        sources=src,
    )
    src = {}
    operating = pick.amount("机关运行经费", "operating_cost", src)
    matters = OtherMatters(operating_cost=operating, procurement=procurement, assets=assets, sources=src)
    comparatives = _comparatives(statements)
    return {"staff": staff, "subordinate_units": subordinate, "unit_sources": unit_src,
            "sangong": sangong, "matters": matters, "comparatives": comparatives}


def _comparatives(statements: Sequence[Statement]) -> Comparatives:
    """Last year's amounts and budgets the narrative states outright (…上年 / …年初预算 / …全年预算)."""
    buckets: dict[str, dict[str, Decimal]] = {keys.PRIOR: {}, keys.INITIAL_BUDGET: {}, keys.FULL_BUDGET: {}}
    sources: dict[str, Span] = {}
    for s in statements:
        subject, suffix = keys.split(s.key)
        if suffix in buckets and subject not in buckets[suffix]:
            buckets[suffix][subject] = s.value
            if s.span is not None:
                sources[s.key] = s.span
    return Comparatives(
        prior=buckets[keys.PRIOR],
        initial_budget=buckets[keys.INITIAL_BUDGET],
        full_year_budget=buckets[keys.FULL_BUDGET],
        sources=sources,
    )
