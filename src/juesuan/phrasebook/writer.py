"""The composer's pen: fills phrasebook clauses with figures, as a profile wants them printed.

Where it sits: used by ``phrasebook.render`` (and its section writers in ``phrasebook.sections``);
below it are ``phrasebook.patterns`` and ``core.money``. Figures arrive at full precision and
are rounded here, once, through ``money.fmt_amount`` / ``money.fmt_pct``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Mapping

from ..core import money
from ..core.codes import function_codes
from ..core.document import Block, Paragraph
from ..core.model import Disclosure
from ..core.profiles import Profile
from . import patterns as pb
from .grammar import Slot

STYLES = ("xinjiang", "shanghai", "national")


@dataclass(frozen=True, slots=True)
class Said:
    """Rendered text and the figure keys it states."""

    text: str
    keys: tuple[str, ...] = ()
    placeholder: bool = False

    def __radd__(self, other: str) -> "Said":
        return Said(other + self.text, self.keys, self.placeholder)

    def __add__(self, other: "Said | str") -> "Said":
        if isinstance(other, str):
            return Said(self.text + other, self.keys, self.placeholder)
        return Said(self.text + other.text, self.keys + other.keys, self.placeholder or other.placeholder)


@dataclass(slots=True)
class Pen:
    d: Disclosure
    figures: Mapping[str, Decimal]
    profile: Profile
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    section: str = ""  # heading in force, for warnings

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
    def style(self) -> str:
        """Sentence forms: "xinjiang" (the seed), "shanghai" (附件2 模板), "national" (财政部, neutral)."""
        style = self.profile.phrase("style")
        if style in STYLES:
            return str(style)
        return "shanghai" if self.profile.glossary == "shanghai" else "xinjiang"

    @property
    def completion(self) -> bool:
        """Budget comparison as "完成年初预算的X%" (True) or as 预决算差异率 (False)."""
        wording = self.profile.phrase("budget_wording")
        if wording in ("completion", "gap"):
            return wording == "completion"
        return self.style == "shanghai"

    @property
    def year(self) -> int:
        return self.d.unit.year

    @property
    def prior_year(self) -> str:
        """"2023年度" (Shanghai: the year is named) or "上年"."""
        return f"{self.year - 1}年度" if self.style == "shanghai" and self.year else "上年"

    def bracket(self, word: str) -> str:
        """"(类)" in the seed's half-width style, "（类）" otherwise."""
        return f"({word})" if self.style == "xinjiang" else f"（{word}）"

    def get(self, key: str) -> Decimal | None:
        value = self.figures.get(key)
        if value is None:
            return None
        return value if isinstance(value, Decimal) else money.D(value)

    # ----------------------------------------------------------------- amounts
    def amount(self, value: Decimal) -> str:
        return f"{money.fmt_amount(value, sep=self.sep)}万元"

    def change(self, subject: str) -> tuple[str, tuple[str, ...]] | None:
        """"减少3.81万元，下降0.43%" / "持平" / "增加0.00万元，增长0.00%" for ``subject``."""
        delta, rate = self.get(f"{subject}.增减"), self.get(f"{subject}.增减率")
        if delta is None:
            current, prior = self.get(subject), self.get(f"{subject}.上年")
            if current is None or prior is None:
                return None
            delta, rate = money.change(current, prior)
        shown = money.round2(delta)
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
        text = f"{'增加' if up else '减少'}{money.fmt_amount(abs(delta), sep=self.sep)}万元"
        if rate is None:
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
        if kind == "klass":
            code = key.rpartition(".")[2]
            name = function_codes(self.year or 2024).name_of(code)
            return f"{name}{self.bracket('类')}" if name else None
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
            return self.amount(value)
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

    # ----------------------------------------------------------------- budgets (Shanghai form)
    def completed(self, subject: str, word: str = "") -> Said | None:
        """"完成年初预算的98.20%" — or "完成全年预算的…" when 年初预算 is 0 or absent (rules §7.3);
        ``word="预算"`` writes "完成预算的…" (the 三公 form of the Shanghai template)."""
        if self.get(f"{subject}.{pb.COMPLETION}") is None:
            return None
        if word == "预算":
            return self.say("完成率.预算", subject)
        initial = self.get(f"{subject}.年初预算")
        return self.say("完成率.沪" if initial else "完成率.全年", subject)

    def budget_verdict(self, subject: str, what: str, lead: str = "决算数") -> Said:
        """"决算数小于预算数的主要原因：…。" / "决算数与预算数持平。" for ``subject``."""
        actual = self.get(subject)
        budget = self.get(f"{subject}.年初预算")
        if not budget:
            budget = self.get(f"{subject}.全年预算")
        if actual is None or budget is None:
            return Said("")
        gap = money.round2(actual) - money.round2(budget)
        if gap == 0:
            return Said(f"{lead}与预算数持平。")
        word = "大于" if gap > 0 else "小于"
        return self.reason(f"{subject}.预决算", True, f"{what}预决算差异", lead=f"{lead}{word}预算数的主要原因：")

    # ----------------------------------------------------------------- reasons
    def reason(self, key: str, required: bool, what: str, lead: str = "，主要原因是：") -> Said:
        """The reason clause for ``key`` ending the sentence, or a visible placeholder."""
        text = (self.d.reasons.get(key) or "").strip().rstrip("。")
        if text:
            return Said(f"{lead}{text}。")
        if required:
            self.warn(f"{what}缺少主要原因说明（{key}），已留待补充")
            return Said(f"{lead}{pb.PLACEHOLDER}。", placeholder=True)
        return Said("。")

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
