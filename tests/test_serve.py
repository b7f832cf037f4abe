"""The SPARQL endpoint, queried over HTTP by real clients (SPARQLWrapper and urllib)."""
import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from kg.store import add_documents
import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, N3, TSV, TURTLE, XML, SPARQLWrapper

from kg.errors import StoreError
from kg.serve import make_server, running

SAMPLE = Path(__file__).parent / "export" / "sample.trig"
PERSONS = """PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?p ?zh WHERE { ?p a schema:Person ; rdfs:label ?zh FILTER(lang(?zh) = "zh") } ORDER BY ?zh"""
CONSTRUCT = "CONSTRUCT { ?p ?x ?y } WHERE { ?p a <https://schema.org/Person> ; ?x ?y }"
EXPECTED = [("https://example.org/kg/person/li-hua", "李华"), ("https://example.org/kg/person/wang-xiaoming", "王小明")]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("kg")
    store = ox.Store(str(out / "store"))
    add_documents(store, ox.parse(path=str(SAMPLE), format=ox.RdfFormat.TRIG))
    store.flush()
    del store
    with running(out, max_rows=3) as url:
        yield url + "/sparql"


def _wrapper(url: str, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    w = SPARQLWrapper(url)
    w.setQuery(query)
    w.setReturnFormat(fmt)
    w.setMethod(method)
    return w


def _http(url: str, data: bytes | None = None, headers: dict | None = None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    return urllib.request.urlopen(req, timeout=30)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_as_json_over_sparqlwrapper(endpoint, method):
    res = _wrapper(endpoint, PERSONS, JSON, method).query().convert()
    assert [(b["p"]["value"], b["zh"]["value"]) for b in res["results"]["bindings"]] == EXPECTED
    assert res["results"]["bindings"][0]["zh"]["xml:lang"] == "zh"


def test_select_as_xml_over_sparqlwrapper(endpoint):
    doc = _wrapper(endpoint, PERSONS, XML).query().convert()
    literals = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    assert literals == ["李华", "王小明"]


def test_select_as_csv_and_tsv_over_sparqlwrapper(endpoint):
    rows = list(csv.reader(io.StringIO(_wrapper(endpoint, PERSONS, CSV).query().convert().decode("utf-8"))))
    assert rows == [["p", "zh"], *[list(r) for r in EXPECTED]]
    tsv = _wrapper(endpoint, PERSONS, TSV).query().convert().decode("utf-8").splitlines()
    assert tsv[0] == "?p\t?zh" and tsv[1] == '<https://example.org/kg/person/li-hua>\t"李华"@zh'


def test_ask_answers_a_boolean(endpoint):
    assert _wrapper(endpoint, "ASK { ?s a <https://schema.org/Person> }", JSON).query().convert()["boolean"] is True


@pytest.mark.parametrize("fmt, rdflib_format", [(TURTLE, "turtle"), (JSONLD, "json-ld"), (N3, "turtle")])
def test_construct_as_rdf_over_sparqlwrapper(endpoint, fmt, rdflib_format):
    w = _wrapper(endpoint, CONSTRUCT, fmt)
    raw = w.query().response.read()
    g = Graph().parse(data=raw.decode("utf-8"), format=rdflib_format)
    assert len(g) == 3  # capped at max_rows=3


def test_construct_as_ntriples_over_plain_http(endpoint):
    url = endpoint + "?" + urllib.parse.urlencode({"query": CONSTRUCT})
    with _http(url, headers={"Accept": "application/n-triples"}) as resp:
        assert resp.headers["Content-Type"].startswith("application/n-triples")
        lines = resp.read().decode("utf-8").splitlines()
    assert len(lines) == 3 and all(line.endswith(" .") for line in lines)


@pytest.mark.parametrize(
    "accept, ctype",
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_plain_http_post_form_negotiates_result_format(endpoint, accept, ctype):
    body = urllib.parse.urlencode({"query": PERSONS}).encode()
    with _http(endpoint, body, {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}) as resp:
        assert resp.headers["Content-Type"].split(";")[0] == ctype
        assert "王小明" in resp.read().decode("utf-8")


def test_plain_http_post_direct_query(endpoint):
    with _http(endpoint, PERSONS.encode(), {"Content-Type": "application/sparql-query"}) as resp:
        data = json.loads(resp.read())
    assert len(data["results"]["bindings"]) == 2


def test_result_cap_truncates_and_says_so(endpoint):
    url = endpoint + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
    with _http(url) as resp:
        assert "3" in resp.headers["X-KG-Truncated"]
        assert len(json.loads(resp.read())["results"]["bindings"]) == 3


@pytest.mark.parametrize(
    "data, headers",
    [
        (b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", {"Content-Type": "application/sparql-update"}),
        (urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(), {"Content-Type": "application/x-www-form-urlencoded"}),
        (b"PREFIX x: <urn:x#> DELETE WHERE { ?s ?p ?o }", {"Content-Type": "application/sparql-query"}),
    ],
)
def test_updates_are_refused_with_a_clear_message(endpoint, data, headers):
    with pytest.raises(urllib.error.HTTPError) as err:
        _http(endpoint, data, headers)
    assert err.value.code == 403
    assert "read-only" in err.value.read().decode()
    with _http(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})) as resp:
        assert json.loads(resp.read())["results"]["bindings"][0]["n"]["value"] == "177"


def test_bad_query_is_a_400_naming_the_problem(endpoint):
    with pytest.raises(urllib.error.HTTPError) as err:
        _http(endpoint + "?" + urllib.parse.urlencode({"query": "SELEC ?x"}))
    assert err.value.code == 400 and "query error" in err.value.read().decode()


def test_missing_query_is_a_400(endpoint):
    with pytest.raises(urllib.error.HTTPError) as err:
        _http(endpoint)
    assert err.value.code == 400


def test_query_page_works_offline(endpoint):
    with _http(endpoint.removesuffix("/sparql") + "/") as resp:
        page = resp.read().decode("utf-8")
    assert "<form" in page and 'fetch("/sparql"' in page
    assert "src=" not in page and "href=" not in page


def test_server_binds_loopback_by_default(tmp_path):
    store = ox.Store(str(tmp_path / "store"))
    store.flush()
    del store
    server = make_server(tmp_path, port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()
        server.service.close()


def test_missing_store_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        make_server(tmp_path / "nowhere", port=0)


def test_query_over_the_time_limit_is_a_503(tmp_path):
    store = ox.Store(str(tmp_path / "store"))
    add_documents(store, ox.parse(path=str(SAMPLE), format=ox.RdfFormat.TRIG))
    store.flush()
    del store
    with running(tmp_path, timeout_s=0) as url:
        with pytest.raises(urllib.error.HTTPError) as err:
            _http(url + "/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}))
    assert err.value.code == 503 and "timed out" in err.value.read().decode()


def test_default_graph_uri_restricts_the_query_to_one_document(endpoint):
    params = {"query": PERSONS, "default-graph-uri": "https://example.org/kg/doc/d2"}
    with _http(endpoint + "?" + urllib.parse.urlencode(params)) as resp:
        names = [b["zh"]["value"] for b in json.loads(resp.read())["results"]["bindings"]]
    assert names == ["李华"]


def test_a_busy_port_is_a_one_line_error(tmp_path):
    import subprocess
    import sys

    store = ox.Store(str(tmp_path / "store"))
    store.flush()
    del store
    with running(tmp_path) as url:
        port = url.rsplit(":", 1)[1]
        proc = subprocess.run([sys.executable, "-m", "kg.cli", "serve", str(tmp_path), "--port", port],
                              capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert proc.stderr.count("\n") == 1 and "cannot listen" in proc.stderr
