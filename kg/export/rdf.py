"""RDF dumps of the store: Turtle (union of all document graphs), TriG and N-Quads (one
named graph per document), N-Triples (union).

Triples are sorted before serialisation so that the same store always gives the same
bytes (re-running a build on the same input gives a byte-identical graph.ttl).
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph
from pyoxigraph import RdfFormat

from kg.errors import StoreError
from kg.schema import PREFIXES
from kg.store import document_quads, union_triples


def _sorted_triples(store: pyoxigraph.Store) -> list[pyoxigraph.Triple]:
    return sorted(set(union_triples(store)), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _sorted_quads(store: pyoxigraph.Store) -> list[pyoxigraph.Quad]:
    return sorted(document_quads(store),
                  key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _write(data, path: Path, fmt: RdfFormat, prefixes: bool) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        pyoxigraph.serialize(data, str(tmp), format=fmt, prefixes=PREFIXES if prefixes else None)
        tmp.replace(path)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write ({exc})") from exc


def export_ttl(store: pyoxigraph.Store, path: Path) -> None:
    _write(_sorted_triples(store), path, RdfFormat.TURTLE, prefixes=True)


def export_nt(store: pyoxigraph.Store, path: Path) -> None:
    _write(_sorted_triples(store), path, RdfFormat.N_TRIPLES, prefixes=False)


def export_trig(store: pyoxigraph.Store, path: Path) -> None:
    _write(_sorted_quads(store), path, RdfFormat.TRIG, prefixes=True)


def export_nq(store: pyoxigraph.Store, path: Path) -> None:
    _write(_sorted_quads(store), path, RdfFormat.N_QUADS, prefixes=False)
