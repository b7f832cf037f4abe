import json
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from kg.export import get_exporter
from kg.store import document_quads
from kg.schema import PREFIXES


def _canonical(quads) -> set[str]:
    ds = ox.Dataset(quads)
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return {str(q) for q in ds}


def test_jsonld_uses_the_compact_context(sample_store, tmp_path: Path):
    path = tmp_path / "graph.jsonld"
    get_exporter("jsonld")(sample_store, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["@context"] == PREFIXES
    text = path.read_text(encoding="utf-8")
    assert '"rdfs:label"' in text and "http://www.w3.org/2000/01/rdf-schema#label" not in text


def test_jsonld_round_trips_through_an_independent_parser(sample_store, tmp_path: Path):
    path = tmp_path / "graph.jsonld"
    get_exporter("jsonld")(sample_store, path)
    parsed = list(ox.parse(path=str(path), format=ox.RdfFormat.JSON_LD))
    assert _canonical(parsed) == _canonical(document_quads(sample_store))


def test_jsonld_keeps_one_named_graph_per_document_for_rdflib(sample_store, tmp_path: Path):
    path = tmp_path / "graph.jsonld"
    get_exporter("jsonld")(sample_store, path)
    ds = Dataset()
    ds.parse(path, format="json-ld")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {"https://example.org/kg/doc/d1", "https://example.org/kg/doc/d2"}
