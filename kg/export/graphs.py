"""GraphML and GEXF for Gephi, Cytoscape and yEd, through networkx.

Nodes carry ``type``, ``label_zh``, ``label_en`` (and ``label``, the Chinese label, which
Gephi and yEd show by default); edges carry ``relation`` and, for posts, the role's labels.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph
from networkx.readwrite.gexf import GEXFWriter

from kg.export.view import GraphView, read_view


def to_networkx(view: GraphView) -> nx.MultiDiGraph:
    """The view as a networkx multigraph (a person may hold two posts at one organization)."""
    g = nx.MultiDiGraph(name="kg")
    for n in view.nodes:
        g.add_node(
            n.iri,
            type=n.type,
            label=n.label_zh,
            label_zh=n.label_zh,
            label_en=n.label_en,
            aliases="|".join(n.aliases),
            confidence=n.confidence,
            mentions=n.mentions,
        )
    for i, e in enumerate(view.edges):
        g.add_edge(
            e.source,
            e.target,
            key=f"e{i}",
            relation=e.relation,
            label=e.label_zh or e.relation,
            label_zh=e.label_zh,
            label_en=e.label_en,
        )
    return g


def export_graphml(store: pyoxigraph.Store, path: Path) -> None:
    """Write GraphML (deterministic: nodes and edges in IRI order)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(to_networkx(read_view(store)), path, encoding="utf-8", prettyprint=True)


def export_gexf(store: pyoxigraph.Store, path: Path) -> None:
    """Write GEXF 1.2 without networkx's date stamp, so the same store gives the same bytes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    meta.attrib.pop("lastmodifieddate", None)
    meta.find("creator").text = "kg"
    writer.add_graph(to_networkx(read_view(store)))
    with open(path, "wb") as fh:
        writer.write(fh)
