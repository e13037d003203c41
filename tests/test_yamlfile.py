"""Safe YAML (io/yamlfile.py) for data files and profiles: any usual encoding, bounded size,
depth and alias expansion, one line instead of a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import hostile
from juesuan.core.findings import InputError
from juesuan.core.profiles import load_profile
from juesuan.io import yamlfile
from juesuan.io.limits import LimitExceeded
from juesuan.io.readers.data import load

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "changji-2024" / "决算数据.yaml"
PROFILE = "base: national\ntitle: 某地区2024年度\nregion: 某地区\n"


def _load_profile(path: Path):
    load_profile.cache_clear()
    return load_profile(str(path))


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_data_file_in_another_encoding_reads_like_utf8(tmp_path, encoding):
    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / f"data-{encoding}.yaml"
    path.write_bytes(text.encode(encoding))
    expected = load(EXAMPLE)
    got = load(path)
    assert got.unit.name == expected.unit.name
    assert got.tables.t1.income == expected.tables.t1.income
    assert got.tables.t1.expenditure == expected.tables.t1.expenditure
    assert [e.name for e in got.evaluations] == [e.name for e in expected.evaluations]


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_profile_in_another_encoding(tmp_path, encoding):
    path = tmp_path / "地区.yaml"
    path.write_bytes(PROFILE.encode(encoding))
    profile = _load_profile(path)
    assert profile.title == "某地区2024年度" and profile.region == "某地区"


def test_100000_deep_data_file_is_one_line(tmp_path):
    path = hostile.deep_yaml(tmp_path)
    with pytest.raises(LimitExceeded) as info:
        load(path)
    assert str(info.value) == f"{path}：YAML 嵌套层数超过上限 100（limits.yaml_depth）"


def test_100000_deep_profile_is_one_line(tmp_path):
    path = hostile.deep_yaml(tmp_path, name="深层配置.yaml")
    with pytest.raises(LimitExceeded, match="limits.yaml_depth"):
        _load_profile(path)


def test_depth_bound_without_libyaml(tmp_path, monkeypatch):
    # the pure-Python parser has no nesting bound of its own: the event check must catch it
    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    yamlfile._libyaml.cache_clear()
    try:
        with pytest.raises(LimitExceeded, match="limits.yaml_depth"):
            yamlfile.load_yaml(hostile.deep_yaml(tmp_path))
        assert yamlfile._libyaml(yaml.SafeLoader) is yaml.SafeLoader
    finally:
        yamlfile._libyaml.cache_clear()


def test_depth_within_the_bound_loads(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("a: " + "[" * 90 + "1" + "]" * 90 + "\n", encoding="utf-8")
    value = yamlfile.load_yaml(path)["a"]
    for _ in range(90):
        value = value[0]
    assert value == 1


def test_alias_expansion_is_bounded(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]" for i in range(9)]
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LimitExceeded, match="limits.yaml_nodes"):
        load(path)


def test_size_bound(tmp_path, monkeypatch):
    monkeypatch.setenv("JUESUAN_LIMIT_YAML_BYTES", "100")
    path = tmp_path / "big.yaml"
    path.write_text("单位:\n  名称: " + "某" * 100 + "\n", encoding="utf-8")
    with pytest.raises(LimitExceeded, match="limits.yaml_bytes"):
        load(path)


def test_value_the_constructor_rejects_is_one_line(tmp_path):
    path = tmp_path / "date.yaml"
    path.write_text("单位:\n  截至日期: 2024-13-45\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load(path)
    assert str(info.value).startswith(f"{path}：") and "\n" not in str(info.value)


def test_libyaml_twin_keeps_the_data_readers_constructors():
    from juesuan.io.readers.yaml_fields import DecimalLoader

    if not getattr(yaml, "__with_libyaml__", False):  # without libyaml the pure-Python loader is used as is
        assert yamlfile._libyaml(DecimalLoader) is DecimalLoader
        return
    fast = yamlfile._libyaml(DecimalLoader)
    assert issubclass(fast, DecimalLoader) and fast is not DecimalLoader
    from decimal import Decimal

    assert yamlfile.parse_yaml("a: 1.10\n", "x.yaml", DecimalLoader) == {"a": Decimal("1.10")}
    with pytest.raises(InputError, match="重复"):
        yamlfile.parse_yaml("a: 1\na: 2\n", "x.yaml", DecimalLoader)


def test_only_safe_loaders():
    with pytest.raises(TypeError):
        yamlfile.parse_yaml("a: 1", "x.yaml", yaml.UnsafeLoader)  # type: ignore[arg-type]
