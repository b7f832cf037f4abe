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
    """Triples in (str(s), str(p), str(o)) order, computed from one N-Triples serialisation
    instead of three ``str`` calls per triple (the union graph is a set: no duplicates)."""
    triples = list(union_triples(store))
    lines = _nt_lines(triples)
    return [triples[i] for i in sorted(range(len(triples)), key=lines.__getitem__)]


def _sorted_quads(store: pyoxigraph.Store) -> list[pyoxigraph.Quad]:
    return sorted(document_quads(store),
                  key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _nt_lines(triples: list[pyoxigraph.Triple]) -> list[str]:
    """Each triple's N-Triples line, ``S P O .``, serialised in one call.

    Sorting these lines orders triples exactly as sorting (str(s), str(p), str(o)) would:
    a term's string is its N-Triples form, and no term is a proper prefix of another term
    unless the longer one goes on with a character above the separating space."""
    lines = pyoxigraph.serialize(triples, format=RdfFormat.N_TRIPLES).decode("utf-8").split("\n")[:-1]
    if len(lines) != len(triples):
        raise StoreError(f"N-Triples gave {len(lines)} lines for {len(triples)} triples")
    return lines


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
