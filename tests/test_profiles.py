"""Profiles are typed and validated once, at load: an unknown key, a value outside its choices, a
wrong severity, or a boolean where "off" was meant is an error naming the file and the key."""

import pytest

from juesuan.core.findings import InputError
from juesuan.core.profiles import load_profile, profile_from_mapping, select_profile, shipped_profiles
from juesuan.rules.checks import validate_overrides


def write(tmp_path, text: str, name: str = "mine.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name", shipped_profiles())
def test_every_shipped_profile_loads_and_names_only_known_checks(name):
    p = load_profile(name)
    validate_overrides(p)
    assert p.layout.tables, f"{name} has no tables in its layout"
    assert p.scoring.name == p.name


def test_off_turns_a_check_off_as_the_docs_say(tmp_path):
    p = load_profile(write(tmp_path, "base: national\nchecks:\n  W-PAREN: off\n  N-SHARE: warning\n"))
    assert dict(p.checks) == {"W-PAREN": "off", "N-SHARE": "warning"}
    assert p.name == "mine" and p.narrative == load_profile("national").narrative


@pytest.mark.parametrize("text, key", [
    ("base: national\nchecks:\n  W-PAREN: false\n", "checks.W-PAREN"),
    ("base: national\nchecks:\n  W-PAREN: fatal\n", "checks.W-PAREN"),
    ("base: national\nnarative:\n  style: xinjiang\n", "narative"),
    ("base: national\nnarrative:\n  style: beijing\n", "narrative.style"),
    ("base: national\nnarrative:\n  thousands_separator: yes\n", "narrative.thousands_separator"),
    ("base: national\nlayout:\n  tables:\n    - {key: T1}\n", "layout.tables[0]"),
    ("base: national\nmatch:\n  kinds: [年报]\n", "match.kinds"),
    ("base: national\nscoring:\n  proportional: {over: half}\n", "scoring.proportional.over"),
])
def test_a_bad_value_is_an_error_naming_the_file_and_key(tmp_path, text, key):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as info:
        load_profile(path)
    assert path in str(info.value) and key in str(info.value)


def test_an_unknown_check_code_is_named(tmp_path):
    p = load_profile(write(tmp_path, "base: national\nchecks:\n  W-PARENS: off\n"))
    with pytest.raises(InputError, match="checks.W-PARENS"):
        validate_overrides(p)


def test_gbk_and_utf16_profiles_are_read(tmp_path):
    text = "base: national\ntitle: 某市格式\n"
    for encoding in ("gbk", "utf-16"):
        path = tmp_path / f"p-{encoding}.yaml"
        path.write_bytes(text.encode(encoding))
        assert load_profile(str(path)).title == "某市格式"


def test_deeply_nested_profile_is_one_line(tmp_path):
    path = write(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(InputError, match=str(tmp_path)):
        load_profile(path)


def test_the_document_year_replaces_the_profile_year():
    p = load_profile("shanghai-2024")
    assert p.for_year(2019).year == 2019 and p.for_year(None) is p


def test_layout_required_from_a_year():
    t8 = load_profile("national").layout.table("T8")
    assert t8.required_in(2022) and not t8.required_in(2018)


def test_selection_prefers_the_region_then_the_national_default():
    assert select_profile("上海", 2024) == "shanghai-2024"
    assert select_profile("湖南", 2019) == "national"
    custom = profile_from_mapping({"base": "national", "match": {"regions": ["湖南"]}})
    assert custom.match.accepts("湖南", 2019, "决算", "standard")


def test_beijing_layout_is_national_without_a_required_glossary():
    # Beijing 决算 print no 名词解释 (web/018, golden beijing-chaoyang): the one part it does not require
    beijing, national = load_profile("beijing").layout, load_profile("national").layout
    assert select_profile("北京", 2022) == "beijing" and select_profile("北京", 2022, form="university") == "university"
    assert not beijing.part("名词解释").required_in(2022)
    assert [p for p in beijing.parts if p.key != "名词解释"] == [p for p in national.parts if p.key != "名词解释"]
    assert beijing.tables == national.tables
