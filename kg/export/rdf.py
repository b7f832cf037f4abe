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
from kg.store import union_triples


def _sorted_triples(store: pyoxigraph.Store) -> list[pyoxigraph.Triple]:
    """Union triples in (str(s), str(p), str(o)) order (the union graph is a set: no duplicates)."""
    return _in_line_order(list(union_triples(store)), RdfFormat.N_TRIPLES)


def _sorted_quads(store: pyoxigraph.Store) -> list[pyoxigraph.Quad]:
    """Document quads in (str(g), str(s), str(p), str(o)) order: graph by graph, as the
    store's document graphs are its named graphs."""
    out: list[pyoxigraph.Quad] = []
    for graph in sorted(store.named_graphs(), key=str):
        out += _in_line_order(list(store.quads_for_pattern(None, None, None, graph)), RdfFormat.N_QUADS)
    return out


def _in_line_order(items: list, fmt: RdfFormat) -> list:
    """Triples (or the quads of one graph) sorted by their N-Triples (N-Quads) lines,
    ``S P O [G] .``, serialised in one call instead of one ``str`` per term.

    This is the order of (str(s), str(p), str(o)): a term's string is its N-Triples form,
    and no term is a proper prefix of another unless the longer one goes on with a
    character above the separating space (pinned in tests/test_speed_invariants.py)."""
    lines = pyoxigraph.serialize(items, format=fmt).decode("utf-8").split("\n")[:-1]
    if len(lines) != len(items):
        raise StoreError(f"{fmt} gave {len(lines)} lines for {len(items)} statements")
    return [items[i] for i in sorted(range(len(items)), key=lines.__getitem__)]


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
