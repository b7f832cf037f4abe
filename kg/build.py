"""The whole job behind ``kg build``: read → analyse each document (in N processes) →
resolve across documents → RDF → store → exports.

Per-document analysis is a pure function of the document, so it is the unit of
parallelism (and later of distribution); resolution and graph assembly need all
documents and run once, in this process.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph

from kg.errors import InputError
from kg.export import get_exporter
from kg.export.view import shared_views
from kg.extract.pipeline import analyse
from kg.graph import GraphBuilder
from kg.ingest import read_inputs
from kg.model import Analysis, Document
from kg.resolve import resolve
from kg.schema import DEFAULT_BASE
from kg.store import add_documents, write_store

BUILD_EXPORTS = (("ttl", "graph.ttl"), ("trig", "graph.trig"), ("graphml", "graph.graphml"), ("html", "graph.html"))

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class BuildOptions:
    inputs: Sequence[Path]
    out: Path
    base: str = DEFAULT_BASE
    lang: str = "auto"
    jobs: int = 1
    min_confidence: float = 0.0
    umlaut: str = "ü"  # how ü is written in English person names: ü (standard) or v


@dataclass
class BuildSummary:
    documents: int
    characters: int
    entities: Counter
    facts: Counter
    quads: int
    triples: int
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0


def analyse_documents(documents: Sequence[Document], jobs: int = 1, progress: Progress | None = None) -> list[Analysis]:
    """Analyses in input order; with ``jobs > 1`` documents go to worker processes, which
    return compact Analysis objects (extraction happens in the worker)."""
    if jobs < 1:
        raise InputError("--jobs must be at least 1")
    out: list[Analysis] = []
    if jobs == 1 or len(documents) < 2:
        for n, doc in enumerate(documents, 1):
            out.append(analyse(doc))
            if progress:
                progress(n, len(documents), doc.path or doc.id)
        return out
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for n, (doc, analysis) in enumerate(zip(documents, pool.map(analyse, documents, chunksize=4)), 1):
            out.append(analysis)
            if progress:
                progress(n, len(documents), doc.path or doc.id)
    return out


def _write_stores(out: Path, quads: Iterable[pyoxigraph.Quad]) -> pyoxigraph.Store:
    """Write ``out/store`` and return an in-memory copy of it for the exports, which scan the
    whole store several times: an in-memory Oxigraph store reads several times faster than
    the on-disk one."""
    quads = list(quads)
    write_store(out, quads)
    copy = pyoxigraph.Store()
    add_documents(copy, quads)
    return copy


def build(options: BuildOptions, progress: Progress | None = None) -> BuildSummary:
    started = time.perf_counter()
    documents = read_inputs(options.inputs, lang=options.lang)
    builder = GraphBuilder(options.base)  # validate the base IRI before the long work
    analyses = analyse_documents(documents, options.jobs, progress)
    resolution = resolve(analyses, min_confidence=options.min_confidence, umlaut=options.umlaut)
    store = _write_stores(options.out, builder.quads(resolution))
    files = [options.out / "store"]
    with shared_views():
        for fmt, name in BUILD_EXPORTS:
            get_exporter(fmt)(store, options.out / name)
            files.append(options.out / name)
    quads = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))["n"].value)
    triples = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    return BuildSummary(
        documents=len(documents),
        characters=sum(len(d.text) for d in documents),
        entities=Counter(e.type.value for e in resolution.entities.values()),
        facts=Counter(f.predicate.value for f in resolution.facts),
        quads=quads,
        triples=triples,
        files=files,
        seconds=time.perf_counter() - started,
    )
