"""Manifests: the list of files a batch checks, when there are too many to name on a command line.

Where it sits: apps, under ``juesuan check --manifest FILE``. Two forms:

- a text file, one path a line (blank lines and lines starting with ``#`` are left out);
- a CSV file (``.csv``, or a first line that names a ``path`` column), for instance what a crawler
  wrote while downloading: the ``path`` column names the local file; other columns (``url``, the
  unit, the year) are kept by the caller but not needed here.

A relative path is taken from the manifest's own folder, so a manifest and its files can move
together. A path that names a folder is walked like a folder on the command line.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..core.findings import InputError


def read_manifest(manifest: str | Path) -> list[str]:
    """The paths the manifest lists, in order, each once; one Chinese line on a bad manifest."""
    file = Path(manifest)
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{file}：清单文件不存在") from None
    except IsADirectoryError:
        raise InputError(f"{file}：清单应是文件，这里是文件夹") from None
    except OSError as exc:
        raise InputError(f"{file}：无法读取清单（{exc.strerror or type(exc).__name__}）") from exc
    except UnicodeDecodeError:
        raise InputError(f"{file}：清单不是 UTF-8 编码的文本") from None
    first = text.split("\n", 1)[0]
    if file.suffix.lower() == ".csv" or _names_path_column(first):
        names = _csv_paths(file, text)
    else:
        names = [s for s in (line.strip() for line in text.splitlines()) if s and not s.startswith("#")]
    base = file.parent
    paths = [str(base / n) if not Path(n).is_absolute() else n for n in names]
    if not paths:
        raise InputError(f"{file}：清单中没有列出任何文件")
    return list(dict.fromkeys(paths))


def _names_path_column(line: str) -> bool:
    return "path" in (cell.strip().lower() for cell in next(csv.reader([line]), []))


def _csv_paths(file: Path, text: str) -> list[str]:
    rows = csv.DictReader(io.StringIO(text))
    columns = {(name or "").strip().lower(): name for name in rows.fieldnames or ()}
    if "path" not in columns:
        raise InputError(f"{file}：CSV 清单缺少 path 列（应有一列名为 path，写出每个已下载文件的路径）")
    key = columns["path"]
    return [(row.get(key) or "").strip() for row in rows if (row.get(key) or "").strip()]
