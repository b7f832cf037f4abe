"""The vocabulary of the graph contract in one place: namespaces, ontology, shapes and
the bilingual lexicons (data files next to this module)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
KGV = Namespace("https://w3id.org/kg/vocab#")  # kg's own small vocabulary (ontology.ttl)

PREFIXES = {
    "schema": str(SCHEMA),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "oa": str(OA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "kgv": str(KGV),
}

DEFAULT_BASE = "https://example.org/kg/"


def data_path(name: str) -> Path:
    """Path of a data file shipped in kg/schema (lexicons, ontology, shapes)."""
    return Path(str(resources.files(__name__).joinpath(name)))


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
