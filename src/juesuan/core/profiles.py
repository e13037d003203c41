"""Profiles: the region/year differences, by name, never by forking code.

A profile is a YAML file (shipped in ``juesuan/profiles`` or given as a path) with these
top-level mappings; a ``base:`` key names a profile whose values it overrides (deep merge):

``narrative``  section order, table titles and order, wording of 持平/zero base, separators
``scoring``    绩效 scoring parameters (see ``rules.scoring`` and docs/scoring.md)
``checks``     per-code overrides: ``{CODE: off | error | warning | info}``
``glossary``   which 名词解释 set to print

Where it sits: core; pure data, read once and cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

import yaml

from .findings import InputError

DEFAULT_PROFILE = "xinjiang-2024"


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    title: str = ""
    region: str = ""
    year: int | None = None
    narrative: Mapping[str, Any] = field(default_factory=dict)
    scoring: Mapping[str, Any] = field(default_factory=dict)
    checks: Mapping[str, Any] = field(default_factory=dict)
    glossary: str = "xinjiang"
    source: str = ""

    def phrase(self, name: str, default: Any = None) -> Any:
        return self.narrative.get(name, default)


def shipped_profiles() -> list[str]:
    folder = resources.files("juesuan").joinpath("profiles")
    return sorted(e.name.removesuffix(".yaml") for e in folder.iterdir() if e.name.endswith(".yaml"))


def _merge(base: dict, over: Mapping) -> dict:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, Mapping) and isinstance(out.get(k), Mapping):
            out[k] = _merge(dict(out[k]), v)
        else:
            out[k] = v
    return out


def _raw(name_or_path: str, seen: tuple[str, ...] = ()) -> dict:
    if name_or_path in seen:
        raise InputError(f"配置 {name_or_path}：base 循环引用")
    path = Path(name_or_path)
    if name_or_path.endswith((".yaml", ".yml")) or path.is_file():
        if not path.is_file():
            raise InputError(f"{name_or_path}：配置文件不存在")
        text, source = path.read_text(encoding="utf-8"), str(path)
    else:
        if name_or_path not in shipped_profiles():
            known = "、".join(shipped_profiles())
            raise InputError(f"未知的配置 {name_or_path}（可选：{known}，或给出 YAML 文件路径）")
        text = resources.files("juesuan").joinpath("profiles", f"{name_or_path}.yaml").read_text(encoding="utf-8")
        source = name_or_path
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"{source}：不是有效的 YAML（{exc.__class__.__name__}）") from exc
    if not isinstance(data, dict):
        raise InputError(f"{source}：配置应为键值映射")
    base = data.pop("base", None)
    if base:
        data = _merge(_raw(str(base), seen + (name_or_path,)), data)
    data.setdefault("name", path.stem if source == str(path) else name_or_path)
    data["source"] = source
    return data


@lru_cache(maxsize=64)
def load_profile(name_or_path: str = DEFAULT_PROFILE) -> Profile:
    """A shipped profile by name, or a YAML file by path; raises InputError with a clear line."""
    data = _raw(name_or_path)
    known = {f for f in Profile.__dataclass_fields__}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(f"{data['source']}：未知的配置项 {'、'.join(unknown)}")
    return Profile(**data)
