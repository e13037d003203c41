"""Safe YAML: the one way juesuan reads a YAML file (data files and profiles).

Where it sits: io, below the readers; ``io/readers/data_yaml.py`` and ``core/profiles.py`` call
:func:`load_yaml`. A file is bounded in size (``limits.yaml_bytes``), decoded whatever its
encoding (UTF-8 with or without BOM, UTF-16/32 with BOM, GBK/GB18030 — the decoder the document
readers use), and its event stream is checked before anything is built: nesting deeper than
``limits.yaml_depth`` (the composer recurses, so 100,000 nested brackets would otherwise crash)
and more than ``limits.yaml_nodes`` nodes counting what aliases expand to (the YAML "billion
laughs") are refused. Only safe loaders are used, the libyaml (C) version when it is installed.
Any problem is one :class:`InputError` line naming the file; never a traceback.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from ..core.findings import InputError
from .limits import LimitExceeded, Limits, check_file_size
from .limits import current as current_limits


def load_yaml(path: str | Path, loader: type[yaml.SafeLoader] = yaml.SafeLoader, limits: Limits | None = None) -> object:
    """The document in the YAML file at ``path`` (None when the file holds only blanks or comments).

    ``loader`` is :class:`yaml.SafeLoader` or a subclass (for custom constructors); its libyaml
    variant is used when available."""
    limits = limits or current_limits()
    return parse_yaml(read_yaml_text(path, limits), str(path), loader, limits)


def read_yaml_text(path: str | Path, limits: Limits | None = None) -> str:
    """The text of a YAML file: size-bounded, decoded from whatever encoding it was saved in."""
    p = Path(path)
    file = str(path)
    limits = limits or current_limits()
    if not p.is_file():
        raise InputError(f"{file}：文件不存在")
    try:
        check_file_size(p, file, "yaml_bytes", limits)
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{file}：无法读取文件（{exc.strerror or exc.__class__.__name__}）") from exc
    from .readers.normalize import decode

    return decode(data, file) if data.strip() else ""


def parse_yaml(text: str, source: str, loader: type[yaml.SafeLoader] = yaml.SafeLoader,
               limits: Limits | None = None) -> object:
    """The document in ``text`` (read from ``source``, named in messages), with the same checks."""
    if not issubclass(loader, yaml.SafeLoader):
        raise TypeError("load_yaml accepts only SafeLoader and its subclasses")
    limits = limits or current_limits()
    fast = _libyaml(loader)
    try:
        _check_events(text, source, fast, limits)
        return yaml.load(text, Loader=fast)  # noqa: S506 - a SafeLoader (or its libyaml twin)
    except yaml.YAMLError as exc:
        if "nesting depth" in str(getattr(exc, "problem", "")):  # libyaml's own bound, below ours
            raise LimitExceeded(source, "yaml_depth", limits) from None
        from .readers.yaml_fields import yaml_problem  # PyYAML's English problem, said in Chinese

        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行：" if mark is not None else ""
        raise InputError(f"{source}：{where}不是有效的 YAML（{yaml_problem(exc)}）") from None
    except RecursionError:
        raise LimitExceeded(source, "yaml_depth", limits) from None
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. a date 2024-13-45 the constructor rejects
        raise InputError(f"{source}：YAML 中有无法识别的值（{exc}）") from None


def _check_events(text: str, source: str, loader: type, limits: Limits) -> None:
    """Walk the event stream once: nesting depth and node count with aliases expanded."""
    depth = 0
    expanded = 0
    sizes: dict[str, int] = {}  # anchor → nodes it stands for
    open_: list[tuple[str | None, int]] = []  # (anchor, expanded at start) of open collections
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > limits.yaml_depth:
                raise LimitExceeded(source, "yaml_depth", limits)
            open_.append((event.anchor, expanded))
            expanded += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            anchor, start = open_.pop()
            if anchor is not None:
                sizes[anchor] = expanded - start
        elif isinstance(event, yaml.ScalarEvent):
            expanded += 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            expanded += sizes.get(event.anchor, 1)
        if expanded > limits.yaml_nodes:
            raise LimitExceeded(source, "yaml_nodes", limits, hint="别名（*）展开后过大")


@lru_cache(maxsize=None)
def _libyaml(loader: type[yaml.SafeLoader]) -> type:
    """``loader`` with libyaml's parser in place of the pure-Python one (same constructors)."""
    if not getattr(yaml, "__with_libyaml__", False):
        return loader
    if loader is yaml.SafeLoader:
        return yaml.CSafeLoader
    from yaml.cyaml import CParser

    def __init__(self, stream):  # what CSafeLoader does, for a subclass of SafeLoader
        CParser.__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    return type(f"C{loader.__name__}", (CParser, loader), {"__init__": __init__})
