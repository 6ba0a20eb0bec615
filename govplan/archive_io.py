"""Which inputs an `extract` run takes, and the folder each one keeps under the output directory:
files as given, directories (walked with ``--recursive``), or a ``--manifest`` listing paths.

A file found in a walked directory, or listed in a manifest with a relative path, keeps its folder
relative to that directory (or to the manifest's folder): ``in/a/notice.txt`` walked from ``in``
is named ``a/notice`` in the output (govplan.outputs.spec_bases), so a manifest that lists the
files of a folder gives the same specs as walking it. Paths that climb out (``..``) or are absolute
keep no folder. Listings are sorted, so runs are reproducible.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from govplan.errors import Errors, GovplanError

MANIFEST_COLUMN = "path"


@dataclass
class Inputs:
    """The inputs of a run, in order, with the folder each keeps (posix, relative; "" for none)."""

    sources: list[str] = field(default_factory=list)
    folders: dict[str, str] = field(default_factory=dict)
    empty_dirs: list[str] = field(default_factory=list)  # directories given that held no supported file

    def add(self, source: str, folder: str = "") -> None:
        self.sources.append(source)
        if folder:
            self.folders[source] = folder

    def relative_name(self, source: str) -> str:
        """The input's name as its outputs know it: its kept folder and its file name."""
        folder = self.folders.get(source, "")
        name = Path(source).name if source != "-" else "-"
        return f"{folder}/{name}" if folder else name


def collect_inputs(items: list[str], suffixes: dict[str, str], recursive: bool = False,
                   manifest: Path | None = None) -> Inputs:
    """Files as given; a directory becomes its supported files (and those of its subfolders with
    ``recursive``), the manifest itself left out when it lies there; then the files it lists."""
    inputs = Inputs()
    listing = manifest.resolve() if manifest is not None else None
    for item in items:
        path = Path(item)
        if item == "-" or not path.is_dir():
            inputs.add(item)
            continue
        pattern = "**/*" if recursive else "*"
        found = sorted(p for p in path.glob(pattern)
                       if p.is_file() and p.suffix.lower() in suffixes and p.resolve() != listing)
        if not found:
            inputs.empty_dirs.append(item)
        for file in found:
            inputs.add(str(file), _kept_folder(file.relative_to(path)))
    if manifest is not None:
        for entry in read_manifest(manifest):
            inputs.add(str(manifest.parent / entry), _kept_folder(PurePosixPath(entry)))
    return inputs


def _kept_folder(relative: PurePosixPath | Path) -> str:
    """The folder a relative path keeps under the output directory ("" when none, or when it climbs out)."""
    parent = PurePosixPath(relative.as_posix()).parent
    if relative.is_absolute() or ".." in parent.parts or str(parent) == ".":
        return ""
    return str(parent)


def read_manifest(path: Path) -> list[str]:
    """The paths a manifest lists (column ``path``, relative to the manifest's folder): a .csv file
    (UTF-8) or a .parquet file (needs govplan[parquet])."""
    if path.suffix.lower() == ".parquet":
        entries = _parquet_column(path)
    else:
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                if MANIFEST_COLUMN not in (reader.fieldnames or []):
                    raise GovplanError(Errors.E124, str(path), column=MANIFEST_COLUMN)
                entries = [row[MANIFEST_COLUMN] or "" for row in reader]
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise GovplanError(Errors.E125, str(path), detail=exc) from exc
    return [entry.strip() for entry in entries if entry and entry.strip()]


def _parquet_column(path: Path) -> list[str]:
    """The ``path`` column of a Parquet manifest."""
    from govplan.parquet_tables import pyarrow_modules

    _, parquet = pyarrow_modules("--manifest .parquet")
    try:
        table = parquet.read_table(path)
    except (OSError, ValueError) as exc:
        raise GovplanError(Errors.E125, str(path), detail=exc) from exc
    if MANIFEST_COLUMN not in table.column_names:
        raise GovplanError(Errors.E124, str(path), column=MANIFEST_COLUMN)
    return [str(value) for value in table.column(MANIFEST_COLUMN).to_pylist() if value is not None]
