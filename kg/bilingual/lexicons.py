"""Reading the bilingual TSV lexicons shipped in kg/schema/lexicons and kg/bilingual/data.

Each file has a header row; '#' starts a comment line. Files are read once, on first use."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import ModelError
from kg.schema import data_path

# Owned by the lead; the bilingual layer reads them when present and composes otherwise.
OPTIONAL_LEXICONS = frozenset({"titles.tsv", "technologies.tsv"})


def _lexicon_path(name: str) -> Path:
    return data_path(f"lexicons/{name}")


def _package_data_path(name: str) -> Path:
    return Path(str(resources.files("kg.bilingual").joinpath("data", name)))


@lru_cache(maxsize=None)
def lexicon(name: str) -> tuple[dict[str, str], ...]:
    """Rows of kg/schema/lexicons/NAME as dicts keyed by the header's column names."""
    path = _lexicon_path(name)
    if not path.exists() and name in OPTIONAL_LEXICONS:
        return ()
    return _read(path)


@lru_cache(maxsize=None)
def package_data(name: str) -> tuple[dict[str, str], ...]:
    """Rows of kg/bilingual/data/NAME (grammar tables of the composer)."""
    return _read(_package_data_path(name))


def _read(path: Path) -> tuple[dict[str, str], ...]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    except OSError as exc:
        raise ModelError(f"lexicon {path} cannot be read: {exc}") from exc
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for n, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ModelError(f"{path}:{n}: wrong number of columns")
        rows.append({k: v.strip() for k, v in row.items()})
    return tuple(rows)
