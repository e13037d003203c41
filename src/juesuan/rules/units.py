"""Is it the same unit? Names of one unit as different years and documents print them.

Where it sits: rules, pure (no I/O). The store keys units by :func:`name_key`; the checks across
documents report when the other document names the unit differently (:func:`renamed`). A name
is normalised, never guessed: full-width forms and spaces, brackets and quotation marks, "与" and
"和" ("规划和自然资源局" / "规划与自然资源局"), and a trailing "（本级）" (the department's own
unit, as its 单位决算 names it) make no difference; anything else needs an alias in the store.
"""

from __future__ import annotations

import re
import unicodedata

#: A department's own unit as its 单位决算 names it: "某某局（本级）", "某某局本级", "某某局机关本级".
_OWN = re.compile(r"(?:[（(]\s*(?:机关)?本级\s*[）)]|(?:机关)?本级)$")
_QUOTES = str.maketrans({"“": "", "”": "", "\"": "", "‘": "", "’": "", "'": "", "《": "", "》": "", "「": "", "」": ""})
#: Words that several units write either way.
_SAME_WORDS = (("与", "和"), ("及", "和"))


def name_key(name: str) -> str:
    """The normalised name: equal keys are the same unit."""
    text = unicodedata.normalize("NFKC", name or "")
    text = "".join(text.split()).translate(_QUOTES)
    text = text.replace("(", "（").replace(")", "）")
    text = _OWN.sub("", text)
    for variant, canonical in _SAME_WORDS:
        text = text.replace(variant, canonical)
    return text


def own_unit(name: str) -> bool:
    """True for the name of a department's own unit ("…（本级）")."""
    text = "".join(unicodedata.normalize("NFKC", name or "").split())
    return bool(_OWN.search(text))


def renamed(here: str, there: str) -> bool:
    """Two documents of one unit that print its name differently."""
    return bool(here and there) and "".join(here.split()) != "".join(there.split())


def without_own(name: str) -> str:
    """"某某局（本级）" → "某某局": the unit's own name, as its department prints it."""
    stripped = "".join((name or "").split())
    return _OWN.sub("", unicodedata.normalize("NFKC", stripped)).replace("(", "（").replace(")", "）") if own_unit(name) else name
