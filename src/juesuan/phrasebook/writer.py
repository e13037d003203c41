"""The composer's pen: renders the style's templates and the phrasebook clauses with figures.

Where it sits: used by ``phrasebook.render`` and the section builders (``phrasebook.sections``,
``sections_more``); below it are ``phrasebook.wording`` (the templates, per style),
``phrasebook.patterns`` (the clauses) and ``core.money``. Figures arrive at full precision and
are rounded here, once, through ``money.fmt_amount`` / ``money.fmt_pct``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable, Mapping

from ..core import money
from ..core.codes import function_codes
from ..core.document import Block, Paragraph
from ..core.findings import InputError
from ..core.model import Disclosure
from ..core.profiles import Profile
from . import patterns as pb
from .grammar import Slot
from .wording import Ref, Said, Wording, render, wording_for

__all__ = ["Pen", "Said"]

#: A piece a builder offers a template: a value, or a function that gives it when first used.
Piece = Any
Pieces = Mapping[str, Piece]
#: Names every template may use (see wording.yaml).
BUILT_IN = ("unit", "year", "last", "flat", "kind")


@dataclass(slots=True)
class Pen:
    d: Disclosure
    figures: Mapping[str, Decimal]
    profile: Profile
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    section: str = ""  # heading in force, for warnings
    #: Decimal places of the amounts written (a budget's 编制说明 may state whole 万元) and whether
    #: a change is followed by its percentage; builders set them around the paragraphs concerned.
    places: int = 2
    rates: bool = True
    wording: Wording = field(init=False)

    def __post_init__(self) -> None:
        self.wording = wording_for(self.profile)

    # ----------------------------------------------------------------- settings
    @property
    def sep(self) -> bool:
        return bool(self.profile.phrase("thousands_separator", True))

    @property
    def flat(self) -> bool:
        return self.profile.phrase("unchanged", "zero") == "flat"

    @property
    def hundred(self) -> bool:
        return self.profile.phrase("zero_base", "hundred") == "hundred"

    @property
    def completion(self) -> bool:
        """Budget comparison as "完成年初预算的X%" (True) or as 预决算差异率 (False)."""
        return self.profile.phrase("budget_wording") == "completion"

    @property
    def year(self) -> int:
        return self.d.unit.year

    def bracket(self, word: str) -> str:
        """"（类）", or as the style writes it (the seed: "(类)")."""
        said = self.phrase("bracket", word=word)
        return said.text if said is not None else word

    def get(self, key: str) -> Decimal | None:
        value = self.figures.get(key)
        if value is None:
            return None
        return value if isinstance(value, Decimal) else money.D(value)

    # ----------------------------------------------------------------- amounts
    def amount(self, value: Decimal) -> str:
        return f"{money.fmt_amount(value, sep=self.sep, places=self.places)}万元"

    def change(self, subject: str) -> tuple[str, tuple[str, ...]] | None:
        """"减少3.81万元，下降0.43%" / "持平" / "增加0.00万元，增长0.00%" for ``subject``."""
        delta, rate = self.get(f"{subject}.增减"), self.get(f"{subject}.增减率")
        if delta is None:
            current, prior = self.get(subject), self.get(f"{subject}.上年")
            if current is None or prior is None:
                return None
            delta, rate = money.change(current, prior)
        shown = money.round2(delta, self.places)
        if not self.rates:
            rate = None if shown else Decimal(0)
        if rate is None:
            if shown == 0:
                rate = Decimal(0)
            elif self.hundred:
                rate = money.HUNDRED if delta > 0 else -money.HUNDRED
        keys = (f"{subject}.增减", f"{subject}.增减率")
        if rate is not None and shown == 0 and money.round2(rate) == 0:
            if self.flat:
                return pb.UNCHANGED_FLAT, keys
            return "增加0.00万元，增长0.00%", keys
        up = delta > 0 or (delta == 0 and rate is not None and rate > 0)
        text = f"{'增加' if up else '减少'}{money.fmt_amount(abs(delta), sep=self.sep, places=self.places)}万元"
        if rate is None or not self.rates:
            return text, keys[:1]
        return f"{text}，{'增长' if up else '下降'}{money.fmt_pct(abs(rate))}", keys

    def changed(self, subject: str) -> bool:
        """True when the printed change is not zero."""
        delta = self.get(f"{subject}.增减")
        if delta is None:
            current, prior = self.get(subject), self.get(f"{subject}.上年")
            if current is None or prior is None:
                return False
            delta = current - prior
        return money.round2(delta) != 0

    # ----------------------------------------------------------------- clauses
    def say(self, name: str, subject: str = "", missing_ok: bool = False) -> Said | None:
        """Render phrasebook clause ``name`` (``@`` = ``subject``); None when a figure is missing."""
        pattern = pb.BY_NAME[name]
        keys: list[str] = []
        lacking: list[str] = []

        def fill(slot: Slot) -> str | None:
            key = subject + slot.key[1:] if slot.key.startswith("@") else slot.key
            text = self._slot_text(slot, key, keys)
            if text is None and slot.kind not in ("year",):
                lacking.append(key)
            return text

        text = pattern.render(fill)
        if text is None:
            if not missing_ok:
                for key in lacking[:1]:
                    self.warn(f"缺少数据“{key}”，相关语句未写出")
            return None
        return Said(text, tuple(keys))

    def _slot_text(self, slot: Slot, key: str, keys: list[str]) -> str | None:
        kind = slot.kind
        if kind == "year":
            return str(self.year) if self.year else None
        if kind == "yoy":
            result = self.change(key)
            if result is None:
                return None
            keys.extend(result[1])
            return result[0]
        if kind in ("klass", "kname"):
            code = key.rpartition(".")[2]
            name = function_codes(self.year or 2024).name_of(code)
            if not name:
                return None
            return f"{name}{self.bracket('类')}" if kind == "klass" else name
        if kind == "item":
            code = key.rpartition(".")[2]
            table = function_codes(self.year or 2024)
            names = [table.name_of(code[:3]), table.name_of(code[:5]), table.name_of(code)]
            if None in names:
                return None
            return f"{names[0]}{self.bracket('类')}{names[1]}{self.bracket('款')}{names[2]}{self.bracket('项')}"
        if kind == "grade":
            return None
        value = self.get(key)
        if value is None:
            return None
        keys.append(key)
        if kind == "amt":
            return self.amount(value)  # at ``places`` (2, or 0 where a budget states whole 万元)
        if kind == "pct":
            return money.fmt_pct(value)
        if kind.startswith("dn"):
            word = "减少" if value < 0 else "增加"
            return f"{word}{abs(int(value))}{slot.unit}"
        if kind.startswith("num"):
            return f"{money.fmt_amount(value, sep=self.sep)}{slot.unit}"
        if kind.startswith("n"):
            return f"{int(value)}{slot.unit}"
        raise ValueError(f"unknown slot kind {kind!r}")

    def join(self, *parts: Said | str | None, sep: str = "，") -> Said:
        """Join the parts that were rendered (None drops out) with ``sep``."""
        out = Said("")
        first = True
        for part in parts:
            if part is None:
                continue
            if not first:
                out = out + sep
            out = out + part
            first = False
        return out

    def with_parts(self, head: Said | None, *parts: Said | None, lead: str = "，其中：",
                   sep: str = "，", end: str = "。") -> Said | None:
        """"head，其中：a，b。": None without a head; the lead only when some part was written."""
        if head is None:
            return None
        rest = self.join(*parts, sep=sep)
        return head + (lead + rest if rest.text else Said("")) + end

    # ----------------------------------------------------------------- templates
    def phrase(self, entry: str, subject: str = "", **pieces: Piece) -> Said | None:
        """The style's template ``entry`` written for ``subject`` with the builder's pieces."""
        return render(self.wording.template(entry), _Scope(self, entry, subject, pieces))

    def write(self, entry: str, subject: str = "", **pieces: Piece) -> int:
        """Each paragraph of the style's ``entry`` that can be written (pieces are shared);
        returns how many were."""
        scope = _Scope(self, entry, subject, pieces)
        before = len(self.blocks)
        for template in self.wording.paragraphs(entry):
            self.paragraph(render(template, scope))
        return len(self.blocks) - before

    def each(self, entry: str, items: Iterable[tuple[str, Pieces]]) -> list[Said | None]:
        """``entry`` written once per (subject, pieces): the items of a list piece."""
        return [self.phrase(entry, subject, **pieces) for subject, pieces in items]

    def flag(self, entry: str) -> bool:
        return self.wording.flag(entry)

    def has(self, entry: str) -> bool:
        """True when the style has paragraphs for ``entry`` (an empty list writes nothing)."""
        return bool(self.wording.paragraphs(entry))

    # ----------------------------------------------------------------- reasons
    def why(self, key: str, required: bool, what: str) -> Said | None:
        """The stated reason for ``key`` (without its full stop); a visible placeholder with a
        warning when ``required`` and not stated; else None."""
        text = (self.d.reasons.get(key) or "").strip().rstrip("。")
        if text:
            return Said(text)
        if required:
            self.warn(f"{what}缺少主要原因说明（{key}），已留待补充")
            return Said(pb.PLACEHOLDER, placeholder=True)
        return None

    def need(self, key: str) -> bool:
        """True when figure ``key`` is there; else warns that the sentence stating it is left out."""
        if self.get(key) is not None:
            return True
        self.warn(f"缺少数据“{key}”，相关语句未写出")
        return False

    def warn(self, message: str) -> None:
        text = f"{self.section}：{message}" if self.section else message
        if text not in self.warnings:
            self.warnings.append(text)

    def text(self, key: str, default: str = "") -> str:
        return (self.d.texts.get(key) or default).strip()

    def paragraph(self, said: Said | str | None) -> None:
        if said is None:
            return
        if isinstance(said, str):
            if said:
                self.blocks.append(Paragraph(said))
            return
        if said.text.strip("，。；、：其中 "):
            self.blocks.append(Paragraph(said.text, keys=tuple(dict.fromkeys(said.keys)),
                                         placeholder=said.placeholder))


class _Scope:
    """The names of one template while it is written: builder pieces (computed once, when first
    used), the built-in pieces, other entries of the style and phrasebook clauses."""

    def __init__(self, pen: Pen, name: str, subject: str, pieces: Pieces):
        self.pen, self.name, self.subject, self.pieces = pen, name, subject, pieces
        self.values: dict[str, Any] = {}

    def entry(self, name: str) -> tuple | None:
        return self.pen.wording.template(name) if name in self.pen.wording.entries else None

    def figure(self, ref: Ref) -> Said | None | bool:
        if ref.name not in pb.BY_NAME:
            return False
        return self.pen.say(ref.name, ref.subject or self.subject, missing_ok=ref.quiet)

    def piece(self, name: str) -> Any:
        if name not in self.values:
            if name in self.pieces:
                value = self.pieces[name]
                self.values[name] = value() if callable(value) else value
            elif name in BUILT_IN:
                self.values[name] = self._built_in(name)
            else:
                raise InputError(f"{self.pen.profile.source}：句式 {self.name} 中的“{{{name}}}”在这一节无从填写")
        return self.values[name]

    def _built_in(self, name: str) -> Any:
        pen = self.pen
        if name == "unit":
            return pen.d.unit.name
        if name == "year":
            return str(pen.year)
        if name == "last":
            return str(pen.year - 1)
        if name == "kind":  # 部门决算, 单位预算 … as the data's 类型 says
            identity = pen.d.identity
            return f"{identity.scope or '部门'}{'预算' if identity.kind == '预算' else '决算'}"
        change = pen.say("同比", self.subject, missing_ok=True)  # flat
        return change if change is not None and change.text == pb.UNCHANGED_FLAT else None
