"""Regional wording as data: each style's sentence forms and each skeleton's headings.

Where it sits: between ``phrasebook.patterns`` (the clauses that state figures, which templates
name) and the pen (``phrasebook.writer``), which renders templates for the one set of section
builders (``phrasebook.sections``). The data is ``wording.yaml``: ``styles`` (every style but
``national`` names a ``base`` and overrides or adds entries) and ``skeletons`` (parts and sections,
their order and titles, and which builder writes each). A profile picks a style and a skeleton
(``narrative.style`` / ``narrative.skeleton``) and may override single entries
(``narrative.phrases``), so a new region's wording is written in its profile, not in code.

An entry is a template, a list of templates (one paragraph each, in order) or true/false (a
setting of the builders, such as ``charts``). Template syntax::

    与上年相比，        words
    {收入总计}          a phrasebook clause for the subject in force; when a figure is missing the
                        pen warns that it is missing and the group fails
    {占比?}             the same, silently
    {占比@类.201}       the clause for another subject
    {reason}            a piece the builder offers (a lowercase ASCII name)
    {basic.staff}       another entry of the style, written in place
    {a，b?，c}          those of a, b, c that are there, joined by the mark between them (，、；)
    {items*；}          a list piece, its items joined by the mark after the star
    [ … ]               optional: left out when something in it is missing
    < … | … >           the first alternative that can be written

A piece that is None, empty or False is missing; True is there and writes nothing (a condition).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping, Protocol, Union

import yaml

from ..core.findings import InputError
from ..core.profiles import Profile
from . import patterns as pb

_JOIN_MARKS = "，、；"
_PIECE = re.compile(r"[a-z_]+")


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


# --------------------------------------------------------------------------- templates

@dataclass(frozen=True, slots=True)
class Ref:
    """``{name}``, ``{name?}``, ``{name@subject}``: a clause, an entry or a piece."""

    name: str
    subject: str = ""
    quiet: bool = False


@dataclass(frozen=True, slots=True)
class Join:
    members: tuple[Ref, ...]
    mark: str


@dataclass(frozen=True, slots=True)
class Each:
    name: str
    mark: str


@dataclass(frozen=True, slots=True)
class Maybe:
    nodes: tuple


@dataclass(frozen=True, slots=True)
class Choice:
    options: tuple[tuple, ...]


Node = Union[str, Ref, Join, Each, Maybe, Choice]


class TemplateError(ValueError):
    """A template that cannot be read; the message says what is wrong (in Chinese)."""


def parse_template(text: str) -> tuple[Node, ...]:
    nodes, end = _sequence(text, 0, "")
    if end != len(text):
        raise TemplateError(f"多余的“{text[end]}”")
    return nodes


def _sequence(text: str, i: int, stops: str) -> tuple[tuple[Node, ...], int]:
    out: list[Node] = []
    words: list[str] = []

    def flush() -> None:
        if words:
            out.append("".join(words))
            words.clear()

    while i < len(text) and text[i] not in stops:
        c = text[i]
        if c == "{":
            flush()
            end = text.find("}", i)
            if end < 0:
                raise TemplateError("“{”没有对应的“}”")
            out.append(_slot(text[i + 1:end]))
            i = end + 1
        elif c == "[":
            flush()
            inner, i = _sequence(text, i + 1, "]")
            if i >= len(text):
                raise TemplateError("“[”没有对应的“]”")
            out.append(Maybe(inner))
            i += 1
        elif c == "<":
            flush()
            options = []
            while True:
                inner, i = _sequence(text, i + 1, "|>")
                if i >= len(text):
                    raise TemplateError("“<”没有对应的“>”")
                options.append(inner)
                if text[i] == ">":
                    break
            out.append(Choice(tuple(options)))
            i += 1
        elif c in "}]>|":
            raise TemplateError(f"多余的“{c}”")
        else:
            words.append(c)
            i += 1
    flush()
    return tuple(out), i


def _slot(body: str) -> Node:
    if not body.strip():
        raise TemplateError("空的“{}”")
    if "*" in body:
        name, _, mark = body.partition("*")
        return Each(name.strip(), mark)
    marks = {c for c in body if c in _JOIN_MARKS}
    if len(marks) > 1:
        raise TemplateError(f"“{{{body}}}”中的分隔符应一致")
    if marks:
        mark = marks.pop()
        return Join(tuple(_ref(part) for part in body.split(mark)), mark)
    return _ref(body)


def _ref(body: str) -> Ref:
    body = body.strip()
    quiet = body.endswith("?")
    name, _, subject = body.rstrip("?").partition("@")
    if not name:
        raise TemplateError(f"“{{{body}}}”缺少名称")
    return Ref(name=name, subject=subject, quiet=quiet)


# --------------------------------------------------------------------------- rendering

class Scope(Protocol):
    """What the names of a template stand for while it is written (the pen provides it)."""

    def entry(self, name: str) -> tuple[Node, ...] | None:
        """The template of another entry of the style, or None when ``name`` is not one."""

    def figure(self, ref: Ref) -> Said | None | bool:
        """A phrasebook clause written (None: a figure is missing), or False when ``ref`` is
        not a clause. Missing figures of a clause that is not quiet are warned of."""

    def piece(self, name: str) -> Any:
        """A piece the builder offers (or a built-in one)."""


@dataclass(frozen=True, slots=True)
class _Gap:
    """Why a group could not be written: a figure was missing (the sentence is then looked
    through for the other figures it lacks), or the builder or the template left it out."""

    figure: bool


def render(nodes: tuple[Node, ...], scope: Scope) -> Said | None:
    """The template written in ``scope``; None when a part that is not optional is missing.

    A group that fails because a figure is missing still looks up the figures named after it,
    so that the pen warns of every missing figure of the sentence at once.
    """
    out = _render(nodes, scope)
    return None if isinstance(out, _Gap) else out


def _render(nodes: tuple[Node, ...], scope: Scope) -> Said | _Gap:
    out = Said("")
    for i, node in enumerate(nodes):
        if isinstance(node, str):
            out = out + node
            continue
        if isinstance(node, Maybe):
            value = _render(node.nodes, scope)
            if isinstance(value, Said):
                out = out + value
            continue
        value = _value(node, scope)
        if isinstance(value, _Gap):
            if value.figure:
                _probe(nodes[i + 1:], scope)
            return value
        if isinstance(value, Said):
            out = out + value
    return out


def _value(node: Node, scope: Scope) -> Said | bool | _Gap:
    if isinstance(node, Choice):
        gaps = []
        for option in node.options:
            value = _render(option, scope)
            if isinstance(value, Said):
                return value
            gaps.append(value.figure)
        return _Gap(any(gaps))
    if isinstance(node, Join):
        values = [_value(m, scope) for m in node.members]
        joined = _joined(values, node.mark)
        return joined if joined is not None else _Gap(any(v.figure for v in values if isinstance(v, _Gap)))
    if isinstance(node, Each):
        joined = _joined(list(scope.piece(node.name) or ()), node.mark)
        return joined if joined is not None else _Gap(False)
    assert isinstance(node, Ref)
    template = scope.entry(node.name)
    if template is not None:
        return _render(template, scope)
    value = scope.figure(node)
    if value is False:
        value = scope.piece(node.name)
        if isinstance(value, str):
            value = Said(value)
        return value if value is True or (isinstance(value, Said) and value.text) else _Gap(False)
    return value if isinstance(value, Said) else _Gap(not node.quiet)


def _probe(nodes: tuple[Node, ...], scope: Scope) -> None:
    """Look up every figure ``nodes`` name, through included entries (warnings only)."""
    for node in _walk(nodes):
        if not isinstance(node, Ref):
            continue
        template = scope.entry(node.name)
        if template is not None:
            _probe(template, scope)
        elif not node.quiet:
            scope.figure(node)


def _joined(values: list, mark: str) -> Said | None:
    """The values that are written text, joined by ``mark``; None when there are none."""
    present = [v for v in values if isinstance(v, Said) and v.text]
    if not present:
        return None
    out = present[0]
    for value in present[1:]:
        out = out + mark + value
    return out


# --------------------------------------------------------------------------- the data

@dataclass(frozen=True, slots=True)
class Section:
    """A heading of the skeleton: its title (a template) and either builders or sub-sections."""

    title: tuple[Node, ...]
    builders: tuple[str, ...] = ()
    children: tuple["Section", ...] = ()


@dataclass(frozen=True, slots=True)
class Wording:
    """One style's entries (with the skeleton's and the profile's overrides) and the skeleton."""

    style: str
    skeleton: tuple[Section, ...]
    entries: Mapping[str, Any]

    def template(self, name: str) -> tuple[Node, ...]:
        return self.entries[name]

    def paragraphs(self, name: str) -> list[tuple[Node, ...]]:
        return self.entries[name]

    def flag(self, name: str) -> bool:
        return bool(self.entries[name])


def _data() -> dict:
    text = resources.files("juesuan.phrasebook").joinpath("wording.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def _shipped() -> tuple[dict, dict]:
    """(styles, skeletons) of wording.yaml; styles resolved through their bases, unparsed."""
    data = _data()
    raw = data["styles"]

    def resolve(name: str, seen: tuple[str, ...] = ()) -> dict:
        if name in seen:
            raise TemplateError(f"wording.yaml：styles.{name} 的 base 循环引用")
        own = dict(raw[name])
        base = own.pop("base", None)
        return {**(resolve(base, seen + (name,)) if base else {}), **own}

    return {name: resolve(name) for name in raw}, data["skeletons"]


def wording_for(profile: Profile) -> Wording:
    """The profile's wording: its style, its skeleton's overrides, then ``narrative.phrases``."""
    phrases = profile.phrase("phrases", {}) or {}
    overrides = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(phrases.items()))
    return _resolve(str(profile.phrase("style")), str(profile.phrase("skeleton")), overrides, profile.source)


@lru_cache(maxsize=32)
def _resolve(style: str, skeleton: str, overrides: tuple, source: str) -> Wording:
    styles, skeletons = _shipped()
    shell = skeletons[skeleton]
    raw = {**styles[style], **shell.get("phrases", {})}
    kinds = {name: _kind(value) for name, value in {**raw, **styles["national"]}.items()}
    where = {name: f"wording.yaml：styles.{style}.{name}" for name in raw}
    for name, value in overrides:
        where[name] = f"{source}：narrative.phrases.{name}"
        if name not in raw:
            raise InputError(f"{where[name]} 不是已知的句式（可改写的句式见 phrasebook/wording.yaml）")
        raw[name] = list(value) if isinstance(value, tuple) else value
    entries = {name: _entry(value, kinds[name], where[name]) for name, value in raw.items()}
    for name, value in entries.items():
        _check_names(value, entries, where, (name,))
    return Wording(style=style, skeleton=_sections(shell["parts"], f"wording.yaml：skeletons.{skeleton}"),
                   entries=entries)


def _kind(value: Any) -> str:
    """What an entry is, as national (the complete reference) has it: a setting, one sentence
    (written in place or once per item) or paragraphs (a list; one template is one paragraph)."""
    return "setting" if isinstance(value, bool) else "paragraphs" if isinstance(value, list) else "sentence"


def _entry(value: Any, kind: str, where: str) -> Any:
    try:
        if kind == "setting" and isinstance(value, bool):
            return value
        if kind != "setting" and isinstance(value, str):
            return parse_template(value) if kind == "sentence" else [parse_template(value)]
        if kind == "paragraphs" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [parse_template(v) for v in value]
    except TemplateError as exc:
        raise InputError(f"{where}：{exc}") from None
    wanted = {"setting": "true 或 false", "sentence": "一句句式文字", "paragraphs": "句式文字或句式列表"}[kind]
    raise InputError(f"{where} 应为{wanted}")


def _nodes(value: Any):
    if isinstance(value, bool):
        return
    for template in value if isinstance(value, list) else [value]:
        yield from _walk(template)


def _walk(nodes: tuple[Node, ...]):
    for node in nodes:
        if isinstance(node, Maybe):
            yield from _walk(node.nodes)
        elif isinstance(node, Choice):
            for option in node.options:
                yield from _walk(option)
        elif isinstance(node, Join):
            yield from node.members
        elif not isinstance(node, str):
            yield node


def _check_names(value: Any, entries: Mapping[str, Any], wheres: Mapping[str, str], stack: tuple[str, ...]) -> None:
    """Every name is a clause, an entry (not itself again) or a piece name; clauses alone take @.
    A fault is named where the entry that holds it comes from (the profile or wording.yaml)."""
    where = wheres[stack[-1]]
    for node in _nodes(value):
        name = node.name
        if isinstance(node, Each):
            if not _PIECE.fullmatch(name):
                raise InputError(f"{where}：“{{{name}*}}”应是程序提供的列表名")
        elif name in entries:
            if name in stack:
                raise InputError(f"{where}：句式 {name} 引用了自身")
            if not isinstance(entries[name], tuple):
                raise InputError(f"{where}：“{{{name}}}”应是一句（不是段落列表或 true/false）")
            _check_names(entries[name], entries, wheres, stack + (name,))
        elif name in pb.BY_NAME:
            continue
        elif not _PIECE.fullmatch(name) or node.subject:
            raise InputError(f"{where}：未知的句式或子句“{name}”")


def _sections(raw: Mapping, where: str) -> tuple[Section, ...]:
    out = []
    for title, body in raw.items():
        try:
            parsed = parse_template(str(title))
        except TemplateError as exc:
            raise InputError(f"{where}：{title}：{exc}") from None
        if isinstance(body, Mapping):
            out.append(Section(title=parsed, children=_sections(body, where)))
        else:
            names = (body,) if isinstance(body, str) else tuple(body)
            out.append(Section(title=parsed, builders=names))
    return tuple(out)
