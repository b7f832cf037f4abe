"""The HTML explorer: one self-contained page (vis-network from the pyvis package, inlined)
that opens from disk with no network access and can be mailed around.

pyvis's own ``Network`` is not used to build the page: its ``add_node`` is quadratic and
every template links Bootstrap and vis-network from CDNs. The node/edge JSON is built
here and drawn by ``explorer.js``, with physics tuned for large graphs (straight edges, no
improved layout, 200 stabilisation iterations, then physics off).
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pyoxigraph

from kg.errors import ModelError
from kg.export.view import GraphView, Node, read_view

VIS_VERSION = "vis-9.1.2"
DEFAULT_MAX_NODES = 2000

TYPES: dict[str, dict[str, str]] = {
    "Person": {"zh": "人物", "en": "Person", "color": "#e15759", "border": "#a8393b", "shape": "dot"},
    "Organization": {"zh": "机构", "en": "Organization", "color": "#4e79a7", "border": "#2f4f73", "shape": "box"},
    "Role": {"zh": "职务", "en": "Role", "color": "#f28e2b", "border": "#b0641a", "shape": "diamond"},
    "Technology": {"zh": "技术", "en": "Technology", "color": "#59a14f", "border": "#3a6d33", "shape": "triangle"},
}
RELATIONS: dict[str, dict[str, str]] = {
    "holds_post": {"zh": "任职", "en": "holds post", "color": "#e15759"},
    "has_title": {"zh": "职务", "en": "has title", "color": "#f28e2b"},
    "works_for": {"zh": "就职于", "en": "works for", "color": "#bab0ac"},
    "sub_organization_of": {"zh": "隶属于", "en": "part of", "color": "#4e79a7"},
    "member_of": {"zh": "成员", "en": "member of", "color": "#76b7b2"},
    "talks_about": {"zh": "谈及", "en": "talks about", "color": "#59a14f"},
    "broader": {"zh": "上位概念", "en": "broader", "color": "#9c755f"},
}
OPTIONS = {
    "autoResize": True,
    "layout": {"improvedLayout": False, "randomSeed": 7},
    "edges": {"smooth": False},
    "nodes": {"font": {"size": 14}, "size": 14},
    "interaction": {"hover": True, "tooltipDelay": 200, "hideEdgesOnDrag": True},
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.4},
        "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 25},
    },
}


@dataclass(frozen=True)
class HtmlOptions:
    """What the page shows: at most ``max_nodes`` entities (highest degree + mentions first),
    optionally only those one document mentions (``document``: its IRI)."""

    title: str = "kg — knowledge graph"
    max_nodes: int | None = DEFAULT_MAX_NODES
    document: str | None = None
    lang: str = "zh"


def _asset(name: str) -> str:
    return resources.files("kg.export").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as bundled in the pyvis package (read once)."""
    try:
        lib = resources.files("pyvis").joinpath("templates", "lib", VIS_VERSION)
        return lib.joinpath("vis-network.min.js").read_text(encoding="utf-8"), lib.joinpath("vis-network.css").read_text(
            encoding="utf-8"
        )
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ModelError(f"pyvis's bundled vis-network ({VIS_VERSION}) is missing: {exc}") from exc


def _ranked(view: GraphView) -> list[Node]:
    degree: dict[str, int] = {}
    for e in view.edges:
        degree[e.source] = degree.get(e.source, 0) + 1
        degree[e.target] = degree.get(e.target, 0) + 1
    return sorted(view.nodes, key=lambda n: (-(degree.get(n.iri, 0) + n.mentions), n.iri))


def page_data(view: GraphView, opts: HtmlOptions) -> dict:
    """The JSON the page draws: nodes with integer ids (rank order), edges, legend tables."""
    ranked = _ranked(view)
    if opts.document is not None:
        ranked = [n for n in ranked if opts.document in n.documents]
    kept = ranked[: opts.max_nodes] if opts.max_nodes else ranked
    ids = {n.iri: i for i, n in enumerate(kept)}
    doc_iris = sorted({d for n in kept for d in n.documents} | {ev.document for n in kept for ev in view.evidence.get(n.iri, [])})
    doc_ids = {d: i for i, d in enumerate(doc_iris)}
    nodes = [
        {
            "id": i,
            "iri": n.iri,
            "type": n.type,
            "zh": n.label_zh,
            "en": n.label_en,
            "aliases": list(n.aliases),
            "conf": n.confidence,
            "rank": i,
            "docs": [doc_ids[d] for d in n.documents],
            "posts": [[p.role_zh, p.role_en, p.org_zh, p.org_en] for p in view.posts.get(n.iri, [])],
            "ev": [
                [doc_ids[ev.document], ev.start, ev.end, ev.exact, ev.prefix, ev.suffix]
                for ev in view.evidence.get(n.iri, [])
            ],
        }
        for i, n in enumerate(kept)
    ]
    edges = [
        {"from": ids[e.source], "to": ids[e.target], "rel": e.relation, "zh": e.label_zh, "en": e.label_en}
        for e in view.edges
        if e.source in ids and e.target in ids
    ]
    return {
        "lang": opts.lang,
        "total": len(view.nodes),
        "types": TYPES,
        "relations": RELATIONS,
        "documents": [{"id": d, "name": view.documents.get(d, "")} for d in doc_iris],
        "nodes": nodes,
        "edges": edges,
        "options": OPTIONS,
    }


def _script_safe(text: str) -> str:
    """Text that cannot end the <script> element it is inlined into."""
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)


def render_html(view: GraphView, opts: HtmlOptions = HtmlOptions()) -> str:
    """The explorer page for a view, with every script and style inlined."""
    vis_js, vis_css = _vis_assets()
    data = json.dumps(page_data(view, opts), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    parts = {
        "/*__VIS_CSS__*/": vis_css,
        "/*__KG_CSS__*/": _asset("explorer.css"),
        "/*__KG_DATA__*/": data.replace("<", "\\u003c"),
        "/*__VIS_JS__*/": _script_safe(vis_js),
        "/*__KG_JS__*/": _script_safe(_asset("explorer.js")),
        "__KG_TITLE__": html.escape(opts.title),
    }
    pattern = re.compile("|".join(re.escape(k) for k in parts))
    return pattern.sub(lambda m: parts[m.group(0)], _asset("explorer.html"))


def export_html(store: pyoxigraph.Store, path: Path, opts: HtmlOptions = HtmlOptions()) -> None:
    """Write the explorer page for a store."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(read_view(store), opts), encoding="utf-8")
