"""Exporters by format name: each writes a store to one file (or folder) at a path.

Formats map to ``module:function`` names and are imported on first use, so adding a
format touches this table and one module, and importing kg stays cheap."""
from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Callable

import pyoxigraph

from kg.errors import InputError

Exporter = Callable[[pyoxigraph.Store, Path], None]

_EXPORTERS: dict[str, str] = {
    "ttl": "kg.export.rdf:export_ttl",
    "trig": "kg.export.rdf:export_trig",
    "nt": "kg.export.rdf:export_nt",
    "nq": "kg.export.rdf:export_nq",
    "jsonld": "kg.export.jsonld:export_jsonld",
    "graphml": "kg.export.graphs:export_graphml",
    "gexf": "kg.export.graphs:export_gexf",
    "neo4j": "kg.export.neo4j:export_neo4j",
    "html": "kg.export.html:export_html",
}

FORMATS: tuple[str, ...] = tuple(_EXPORTERS)


def get_exporter(fmt: str) -> Exporter:
    """The exporter for ``fmt`` (one of FORMATS); unknown names are the user's error."""
    try:
        target = _EXPORTERS[fmt]
    except KeyError:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    module, _, name = target.partition(":")
    return getattr(import_module(module), name)
