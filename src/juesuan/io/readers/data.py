"""Load a unit's 决算 data (YAML, Excel, or a folder holding one of them) into a Disclosure.

Where it sits: io/readers, the one call the build command and the api make for preparer data.
``.yaml``/``.yml`` → :func:`juesuan.io.readers.data_yaml.read_yaml`; ``.xlsx`` →
:func:`juesuan.io.readers.data_xlsx.read_workbook` (imported only when needed); a folder →
the single data file in it (YAML preferred over Excel). The 绩效自评表 texts are then read by the
phrasebook (``phrasebook.parse_performance``), as for a published document.
"""

from __future__ import annotations

from pathlib import Path

from ...core.findings import InputError
from ...core.model import Disclosure
from ...phrasebook.parse_performance import read_evaluation_texts

YAML_SUFFIXES = (".yaml", ".yml")
XLSX_SUFFIXES = (".xlsx",)


def _pick(folder: Path) -> Path:
    files = [p for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith((".", "~$"))]
    for suffixes, what in ((YAML_SUFFIXES, "YAML"), (XLSX_SUFFIXES, "Excel")):
        found = [p for p in files if p.suffix.lower() in suffixes]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = "、".join(p.name for p in found)
            raise InputError(f"{folder}：目录中有多个 {what} 数据文件（{names}），请指明使用哪一个")
    raise InputError(f"{folder}：目录中没有数据文件（.yaml、.yml 或 .xlsx）")


def load(path: str | Path) -> Disclosure:
    """Read preparer data from a file or a folder; raises InputError with one clear line."""
    p = Path(path)
    if p.is_dir():
        p = _pick(p)
    if not p.exists():
        raise InputError(f"{path}：文件不存在")
    if p.stat().st_size == 0:
        raise InputError(f"{p}：文件为空")
    suffix = p.suffix.lower()
    if suffix in YAML_SUFFIXES:
        from .data_yaml import read_yaml

        return read_evaluation_texts(read_yaml(p))
    if suffix in XLSX_SUFFIXES:
        from .data_xlsx import read_workbook

        return read_evaluation_texts(read_workbook(p))
    raise InputError(f"{p}：不支持的数据文件类型「{suffix or '无扩展名'}」（可用 .yaml、.yml、.xlsx）")
