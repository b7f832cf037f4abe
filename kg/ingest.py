"""Stage 1: read input files into Documents.

The text is kept exactly as decoded from the file, because every offset in the graph
points into it. Normalisation (full-width to half-width, NFKC) happens in a
same-length view (``normalized_view``) so offsets never shift.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.model import Document

SUPPORTED_SUFFIXES = (".txt", ".md")

_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")
_SOURCE_LINE = re.compile(r"^\s*(?:来源|來源|出处|source)\s*[:：]?\s*(.+?)\s*$", re.IGNORECASE)
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand files and folders (recursively) into the text files to read, sorted so
    that the build is deterministic whatever order the file system lists them in."""
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if not found:
                raise InputError(f"{path}: folder holds no {'/'.join(SUPPORTED_SUFFIXES)} files")
            yield from found
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path
        else:
            raise InputError(f"{path}: unsupported file type (expected {', '.join(SUPPORTED_SUFFIXES)})")


def read_document(path: Path, *, lang: str = "auto", doc_id: str | None = None) -> Document:
    """Decode one file as UTF-8 (a BOM is dropped) and describe it as a Document."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: not valid UTF-8 (byte {exc.start}); convert the file to UTF-8") from exc
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    if lang not in ("auto", "zh", "en"):
        raise InputError(f"unknown language {lang!r} (expected auto, zh or en)")
    url, publisher = source_trailer(text)
    return Document(
        id=doc_id or document_id(path),
        text=text,
        lang=detect_language(text) if lang == "auto" else lang,
        path=str(path),
        title=path.stem,
        source_url=url,
        publisher=publisher,
    )


def read_inputs(paths: Iterable[Path], *, lang: str = "auto") -> list[Document]:
    files = list(iter_input_files(paths))
    ids = _unique_ids(files)
    return [read_document(p, lang=lang, doc_id=ids[p]) for p in files]


def document_id(path: Path) -> str:
    """A readable, IRI-safe id from the file name (Chinese characters are kept)."""
    stem = re.sub(r"[^\w.\-]+", "-", path.stem, flags=re.UNICODE).strip("-.")
    return stem or "document"


def _unique_ids(files: list[Path]) -> dict[Path, str]:
    """Same stem in two folders: disambiguate with a short hash of the path."""
    ids: dict[Path, str] = {}
    taken: dict[str, int] = {}
    for p in files:
        taken[document_id(p)] = taken.get(document_id(p), 0) + 1
    for p in files:
        base = document_id(p)
        if taken[base] > 1:
            base += "-" + hashlib.sha1(str(p).encode()).hexdigest()[:8]
        ids[p] = base
    return ids


def detect_language(text: str) -> str:
    """zh when Han characters make up a fair share of the letters, else en."""
    han = len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    return "zh" if han >= 0.2 * (han + latin / 4) and han > 0 else "en"


def source_trailer(text: str) -> tuple[str, str]:
    """(url, publisher) from a trailer such as '来源：百家号\\nhttps://…' at the end."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()][-3:]
    url = publisher = ""
    for ln in lines:
        if m := _URL_LINE.match(ln):
            url = m.group(1)
        elif m := _SOURCE_LINE.match(ln):
            publisher = m.group(1)
    return url, publisher


def normalized_view(text: str) -> str:
    """Same-length normalised copy of ``text``: each character replaced by its NFKC form
    when that is a single character (full-width letters, digits, punctuation)."""
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)
