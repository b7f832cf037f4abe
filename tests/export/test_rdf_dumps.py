"""The lead's RDF dumps (kg/export/rdf.py), checked by independent parsers: Debian's
``rapper`` (raptor2) validates each file, and rdflib parses it back to an isomorphic dataset."""
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.export import get_exporter
from kg.store import document_quads

pytest.importorskip("kg.export.rdf", reason="kg/export/rdf.py (Turtle/TriG/N-Triples/N-Quads) has not landed yet")

RAPPER_NAMES = {"ttl": "turtle", "trig": "trig", "nt": "ntriples", "nq": "nquads"}
QUAD_FORMATS = {"trig", "nq"}


def _expected_graphs(store: ox.Store) -> dict[str, Graph]:
    """Each document graph of the store as an rdflib Graph (via N-Quads)."""
    data = ox.serialize(document_quads(store), format=ox.RdfFormat.N_QUADS).decode()
    ds = Dataset()
    ds.parse(data=data, format="nquads")
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def _union(graphs: dict[str, Graph]) -> Graph:
    out = Graph()
    for g in graphs.values():
        for t in g:
            out.add(t)
    return out


@pytest.mark.parametrize("fmt", sorted(RAPPER_NAMES))
def test_dump_is_valid_for_rapper(fmt, sample_store, tmp_path: Path):
    if shutil.which("rapper") is None:
        pytest.skip("rapper is not installed (apt-get install -y raptor2-utils); CI installs it")
    path = tmp_path / f"graph.{fmt}"
    get_exporter(fmt)(sample_store, path)
    run = subprocess.run(["rapper", "-q", "-i", RAPPER_NAMES[fmt], "-c", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("fmt", sorted(RAPPER_NAMES))
def test_dump_round_trips_to_an_isomorphic_graph(fmt, sample_store, tmp_path: Path):
    path = tmp_path / f"graph.{fmt}"
    get_exporter(fmt)(sample_store, path)
    expected = _expected_graphs(sample_store)
    rdflib_format = {"ttl": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads"}[fmt]
    if fmt in QUAD_FORMATS:
        ds = Dataset()
        ds.parse(path, format=rdflib_format)
        got = {str(g.identifier): g for g in ds.graphs() if len(g)}
        assert set(got) == set(expected)
        for name, graph in expected.items():
            assert isomorphic(got[name], graph), name
    else:
        got = Graph()
        got.parse(path, format=rdflib_format)
        assert isomorphic(got, _union(expected))
