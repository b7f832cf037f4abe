"""Stage 7a: the embedded Oxigraph store in the output folder (``DIR/store``).

Oxigraph is used for the store, bulk loading and serialisation because it is an order
of magnitude faster than rdflib for all three (see design.md). A build writes the new
store next to the old one and swaps it in only when complete, so a failed build never
leaves a half-written store behind.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph

from kg.errors import QueryError, StoreError

STORE_DIR = "store"


def add_documents(store: pyoxigraph.Store, quads: Iterable[pyoxigraph.Quad]) -> None:
    """Add document graphs and keep the default graph their union, as a set.

    Oxigraph's on-the-fly union (``use_default_graph_as_union``) repeats a triple once per
    graph that holds it, which multiplies joins and COUNTs; a materialised, duplicate-free
    union is what analysts' queries (and the Turtle dump) need."""
    store.bulk_extend(quads)
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")  # a set: no duplicates


def document_quads(store: pyoxigraph.Store) -> Iterable[pyoxigraph.Quad]:
    """The quads of the document graphs (not the union in the default graph)."""
    return (q for q in store.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, pyoxigraph.DefaultGraph))


def union_triples(store: pyoxigraph.Store) -> Iterable[pyoxigraph.Triple]:
    return (pyoxigraph.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))


def write_store(out_dir: Path, quads: Iterable[pyoxigraph.Quad]) -> pyoxigraph.Store:
    """Replace ``out_dir/store`` with a store holding ``quads``; returns it open."""
    final = out_dir / STORE_DIR
    staging = out_dir / f".{STORE_DIR}.new"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        store = pyoxigraph.Store(str(staging))
        add_documents(store, quads)
        store.flush()
        del store
        shutil.rmtree(final, ignore_errors=True)
        staging.rename(final)
    except OSError as exc:
        raise StoreError(f"{out_dir}: cannot write the store ({exc})") from exc
    return pyoxigraph.Store(str(final))


def open_store(out_dir: Path) -> pyoxigraph.Store:
    """Open a built store read-only (several readers may share it)."""
    path = out_dir / STORE_DIR
    if not path.is_dir():
        raise StoreError(f"{out_dir}: no kg store here; run `kg build INPUT --out {out_dir}` first")
    try:
        return pyoxigraph.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store ({exc})") from exc


def run_query(store: pyoxigraph.Store, sparql: str):
    """Run SPARQL; the default graph is the union of the document graphs, so analysts
    need no GRAPH clauses (and GRAPH ?g reaches each document's own graph)."""
    try:
        return store.query(sparql)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from exc
