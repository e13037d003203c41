"""Field-level helpers for the YAML data reader: typed values with key paths and one-line errors.

Where it sits: io/readers, used only by :mod:`juesuan.io.readers.data_yaml`. A :class:`Fields`
object knows the file and the 金额单位; every accessor takes the YAML key path of the value so
an error says exactly where ("决算数据.yaml：表.T5.行.2010301.基本支出 应为数值，实为「八百」")
and every figure gets a :class:`Span` whose ``cell`` is that key path.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable, Mapping

import re

import yaml

from ...core.findings import InputError
from ...core.model import Span
from ...core.money import MoneyError, normalize_digits, parse_amount, yuan_to_wan
from .xlsx_sheet import NEGATIVE_HINT

UNITS = ("元", "万元")
#: A space YAML folding (``>``) put between two Chinese characters or full-width punctuation marks.
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_FOLDED_SPACE = re.compile(f"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])")


class DecimalLoader(yaml.SafeLoader):
    """SafeLoader that reads YAML floats as exact Decimals (never binary floats) and refuses a
    key given twice in one mapping (plain YAML would silently keep the last one). ``io.yamlfile``
    runs it on libyaml when PyYAML has it (the pure-Python parser is the slow part of a build's start)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key; the base constructor reports it
                continue
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    None, None, f"键「{key}」重复出现", key_node.start_mark)
        return super().construct_mapping(node, deep=deep)


#: PyYAML's English problem texts (by a phrase they contain) → what a preparer should look at.
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "冒号位置有误，值中含有冒号加空格时请给值加引号"),
    ("could not find expected ':'", "缺少冒号，或上一行的引号未配对"),
    ("cannot start any token", "含有不能开头的字符（缩进请用空格，不要用制表符；以 @、` 开头的值请加引号）"),
    ("expected ',' or '}'", "花括号 { } 未配对或其中缺少逗号"),
    ("expected ',' or ']'", "方括号 [ ] 未配对或其中缺少逗号"),
    ("did not find expected key", "缩进不一致"),
    ("expected <block end>", "缩进不一致"),
    ("did not find expected '-'", "列表项的缩进不一致"),
    ("found unexpected end of stream", "引号未配对"),
    ("found unknown escape character", "双引号中的反斜杠有误，请改用单引号"),
    ("found undefined alias", "引用了未定义的锚点（以 * 开头的值请加引号）"),
    ("found duplicate anchor", "锚点重复（以 & 开头的值请加引号）"),
)


def yaml_problem(exc: yaml.YAMLError) -> str:
    """The problem of a YAML syntax error in Chinese (PyYAML states it in English)."""
    text = " ".join(str(getattr(exc, name, "") or "") for name in ("context", "problem"))
    if re.search(r"[\u4e00-\u9fff]", text):  # our own constructors' messages are Chinese already
        return str(getattr(exc, "problem", "") or text).strip()
    for phrase, hint in _YAML_PROBLEMS:
        if phrase in text:
            return hint
    return "格式有误，请检查该行及上一行的缩进、冒号和引号"


def _decimal_constructor(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    text = loader.construct_scalar(node)
    try:
        return Decimal(str(text).replace("_", ""))
    except ArithmeticError:
        return str(text)


DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal_constructor)


def join(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def norm_label(text: str) -> str:
    """Normalise a label for matching: ASCII brackets to full width, quotes and spaces removed."""
    out = normalize_digits(str(text)).replace("(", "（").replace(")", "）")
    for ch in " \u3000\"'“”‘’「」":
        out = out.replace(ch, "")
    return out


class Fields:
    """Typed access to parsed YAML values, converting amounts to 万元."""

    def __init__(self, file: str, unit: str = "万元"):
        self.file = file
        self.unit = unit

    # -- errors and spans
    def error(self, path: str, problem: str) -> InputError:
        where = f"{path} " if path else ""
        return InputError(f"{self.file}：{where}{problem}")

    def span(self, path: str) -> Span:
        return Span(file=self.file, cell=path)

    # -- containers
    def mapping(self, value: Any, path: str, *, allowed: Iterable[str] | None = None,
                required: Iterable[str] = ()) -> Mapping[str, Any]:
        if value is None:
            value = {}
        if not isinstance(value, Mapping):
            raise self.error(path, f"应为键值映射（「键: 值」），实为{_kind(value)}")
        out = {str(k): v for k, v in value.items()}
        if allowed is not None:
            allowed = tuple(allowed)
            for k in out:
                if k not in allowed:
                    raise self.error(join(path, k), f"是未知的键（可用：{'、'.join(allowed)}）")
        for k in required:
            if out.get(k) is None:
                raise self.error(path, f"缺少必填的键「{k}」")
        return out

    def sequence(self, value: Any, path: str) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, (list, tuple)):
            return list(value)
        raise self.error(path, f"应为列表（每项以「- 」开头），实为{_kind(value)}")

    def texts(self, value: Any, path: str) -> tuple[str, ...]:
        if isinstance(value, str):
            return tuple(line.strip() for line in value.splitlines() if line.strip())
        return tuple(self.text(v, f"{path}[{i}]") for i, v in enumerate(self.sequence(value, path)))

    # -- scalars
    def text(self, value: Any, path: str) -> str:
        if value is None:
            return ""
        if isinstance(value, (Mapping, list, tuple)):
            raise self.error(path, f"应为文字，实为{_kind(value)}")
        if isinstance(value, bool):
            raise self.error(path, f"应为文字，实为「{value}」（请加引号）")
        return _FOLDED_SPACE.sub("", str(value).strip())

    def number(self, value: Any, path: str) -> Decimal | None:
        """A plain number (count, weight, score, percent, area); no unit conversion."""
        if value is None:
            return None
        if isinstance(value, bool) or isinstance(value, (Mapping, list, tuple)):
            raise self.error(path, f"应为数值，实为{_kind(value)}")
        try:
            return parse_amount(value)
        except MoneyError:
            raise self.error(path, f"应为数值，实为「{value}」") from None

    def amount(self, value: Any, path: str) -> Decimal | None:
        """An amount in the file's 金额单位, returned in 万元 (元 divided exactly by 10,000)."""
        number = self.number(value, path)
        if number is None:
            return None
        if number < 0:
            raise self.error(path, f"金额为负数（「{value}」）；{NEGATIVE_HINT}")
        return yuan_to_wan(number) if self.unit == "元" else number

    def count(self, value: Any, path: str) -> int | None:
        number = self.number(value, path)
        if number is None:
            return None
        if number != number.to_integral_value():
            raise self.error(path, f"应为整数，实为「{value}」")
        return int(number)


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "映射"
    if isinstance(value, (list, tuple)):
        return "列表"
    if isinstance(value, bool):
        return f"「{value}」"
    return f"「{value}」"


def flatten(fields: Fields, value: Any, path: str, prefix: str = "") -> list[tuple[str, str, Any]]:
    """Nested mappings to (dotted key, yaml path, leaf) triples: {项: {2010301: x}} → 项.2010301."""
    out: list[tuple[str, str, Any]] = []
    for k, v in fields.mapping(value, path).items():
        dotted = join(prefix, k)
        if isinstance(v, Mapping):
            out.extend(flatten(fields, v, join(path, k), dotted))
        else:
            out.append((dotted, join(path, k), v))
    return out
