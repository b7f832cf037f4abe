"""JSON-LD with a compact context (kg's prefixes), one ``@graph`` object per document.

pyoxigraph writes only expanded JSON-LD, so the quads go through rdflib's serializer,
which compacts against a context. rdflib is slow on millions of triples; this dump is
on demand (``kg export --format jsonld``), not part of ``kg build``.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph

from kg.store import document_quads
from rdflib import Dataset

from kg.schema import PREFIXES


def context() -> dict[str, str]:
    """The compact context: kg's namespace prefixes."""
    return dict(PREFIXES)


def export_jsonld(store: pyoxigraph.Store, path: Path) -> None:
    """Write the store (named graphs kept) as compacted JSON-LD."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nquads = pyoxigraph.serialize(document_quads(store), format=pyoxigraph.RdfFormat.N_QUADS)
    ds = Dataset()
    ds.parse(data=nquads.decode("utf-8"), format="nquads")
    text = ds.serialize(format="json-ld", context=context(), auto_compact=True, indent=1, sort_keys=True)
    path.write_text(text, encoding="utf-8")
