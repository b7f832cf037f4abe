"""A read-only SPARQL 1.1 Protocol endpoint over a built store, at ``/sparql``.

Standard-library ``ThreadingHTTPServer`` plus pyoxigraph: queries run on the store opened
read-only over the union of the per-document graphs. SELECT results are capped at
``max_rows``: the first rows are written as SPARQL JSON, and pyoxigraph's own result
serializers turn that into XML/CSV/TSV (so escaping follows a well-kept implementation);
CONSTRUCT/DESCRIBE triples go through ``pyoxigraph.serialize``. A query that runs past
``timeout_s`` gets HTTP 503; pyoxigraph cannot cancel a running query, so its worker
finishes in the background, and at most ``workers`` queries run at once.
"""
from __future__ import annotations

import json
import logging
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor, TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import StoreError
from kg.store import open_store
from kg.schema import PREFIXES

log = logging.getLogger(__name__)

SELECT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/x-json+ld": ox.RdfFormat.JSON_LD,
}
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    truncated: bool = False


class ProtocolError(Exception):
    """A request the endpoint refuses; carries the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def negotiate(accept: str, offered: dict[str, object], default: str) -> str:
    """The offered media type the Accept header prefers (q-values honoured); the default when
    nothing offered matches, as clients often send types for another query form."""
    best, best_q = None, 0.0
    for part in (p.strip() for p in (accept or "").split(",") if p.strip()):
        mime, *params = (x.strip() for x in part.split(";"))
        q = 1.0
        for prm in params:
            if prm.startswith("q="):
                try:
                    q = float(prm[2:])
                except ValueError:
                    q = 0.0
        mime = mime.lower()
        if mime in ("*/*", "application/*", "text/*"):
            mime = default
        if mime in offered and q > best_q:
            best, best_q = mime, q
    return best or default


def _term_json(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {k: _term_json(getattr(term, k)) for k in ("subject", "predicate", "object")}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _timed_out(timeout_s: float) -> Response:
    """Returned, not raised, once results exist: pyoxigraph's result iterators must be
    dropped on the worker thread that made them, and a traceback would carry them away."""
    return Response(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8",
                    f"query timed out after {timeout_s:g} s (server limit)\n".encode("utf-8"))


class QueryService:
    """Runs queries against the read-only store with a time limit and a result cap."""

    def __init__(self, store_dir: Path, *, timeout_s: float = 30, max_rows: int = 10000, workers: int = 4) -> None:
        self.store = open_store(Path(store_dir))
        self.timeout_s = timeout_s
        self.max_rows = max_rows
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kg-sparql")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def answer(self, query: str, accept: str, default_graphs: list[str], named_graphs: list[str]) -> Response:
        if _UPDATE.match(query):
            raise ProtocolError(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
        deadline = time.monotonic() + self.timeout_s
        future = self._pool.submit(self._run, query, accept, default_graphs, named_graphs, deadline)
        try:
            return future.result(timeout=self.timeout_s)
        except FutureTimeout:
            return _timed_out(self.timeout_s)

    def _run(self, query: str, accept: str, default_graphs: list[str], named_graphs: list[str], deadline: float) -> Response:
        kwargs: dict = {}  # the store's default graph is the union of the document graphs
        if default_graphs:
            kwargs = {"default_graph": [ox.NamedNode(g) for g in default_graphs]}
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            result = self.store.query(query, **kwargs)
        except (SyntaxError, ValueError) as exc:
            raise ProtocolError(HTTPStatus.BAD_REQUEST, f"query error: {exc}") from exc
        except OSError as exc:
            raise ProtocolError(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {exc}") from exc
        if isinstance(result, ox.QueryTriples):
            return self._graph(result, accept, deadline)
        mime = negotiate(accept, SELECT_TYPES, "application/sparql-results+json")
        fmt = SELECT_TYPES[mime]
        if isinstance(result, ox.QueryBoolean):
            return Response(200, mime, result.serialize(format=fmt))
        return self._select(result, mime, fmt, deadline)

    def _select(self, result: ox.QuerySolutions, mime: str, fmt: ox.QueryResultsFormat, deadline: float) -> Response:
        names = [v.value for v in result.variables]
        rows, truncated = [], False
        for sol in result:
            if len(rows) == self.max_rows:
                truncated = True
                break
            if time.monotonic() > deadline:
                return _timed_out(self.timeout_s)
            rows.append({n: _term_json(sol[n]) for n in names if sol[n] is not None})
        body = json.dumps({"head": {"vars": names}, "results": {"bindings": rows}}, ensure_ascii=False).encode("utf-8")
        if fmt != ox.QueryResultsFormat.JSON:
            body = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)
        return Response(200, mime, body, truncated)

    def _graph(self, result: ox.QueryTriples, accept: str, deadline: float) -> Response:
        mime = negotiate(accept, GRAPH_TYPES, "text/turtle")
        triples, truncated = [], False
        for t in result:
            if len(triples) == self.max_rows:
                truncated = True
                break
            if time.monotonic() > deadline:
                return _timed_out(self.timeout_s)
            triples.append(t)
        body = ox.serialize(triples, format=GRAPH_TYPES[mime], prefixes=PREFIXES)
        return Response(200, mime, body, truncated)


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], service: QueryService) -> None:
        super().__init__(address, SparqlHandler)
        self.service = service

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib signature)
        log.info("%s " + format, self.address_string(), *args)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(Response(200, "text/html; charset=utf-8", query_page().encode("utf-8")))
        elif url.path == "/sparql":
            self._handle(parse_qs(url.query, keep_blank_values=True))
        else:
            self._error(HTTPStatus.NOT_FOUND, "not found: the SPARQL endpoint is /sparql")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._error(HTTPStatus.NOT_FOUND, "not found: the SPARQL endpoint is /sparql")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", errors="replace")
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
        elif ctype == "application/sparql-query":
            params["query"] = [body]
        elif ctype == "application/sparql-update":
            return self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
        else:
            return self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported Content-Type {ctype!r}")
        self._handle(params)

    def _handle(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            return self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._error(HTTPStatus.BAD_REQUEST, "exactly one non-empty 'query' parameter is required")
        try:
            resp = self.server.service.answer(
                queries[0], self.headers.get("Accept", ""), params.get("default-graph-uri", []), params.get("named-graph-uri", [])
            )
        except ProtocolError as exc:
            return self._error(exc.status, str(exc))
        self._send(resp)

    def _error(self, status: int, message: str) -> None:
        self._send(Response(int(status), "text/plain; charset=utf-8", (message + "\n").encode("utf-8")))

    def _send(self, resp: Response) -> None:
        self.send_response(resp.status)
        ctype = resp.content_type if "charset" in resp.content_type or resp.content_type.endswith("+xml") else resp.content_type + "; charset=utf-8"
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(resp.body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        if resp.truncated:
            self.send_header("X-KG-Truncated", f"results capped at {self.server.service.max_rows}")
        self.end_headers()
        self.wfile.write(resp.body)


def make_server(store_dir: Path, host: str = "127.0.0.1", port: int = 7878, *, timeout_s: float = 30, max_rows: int = 10000) -> SparqlServer:
    """A bound, not yet running server (``port=0`` picks a free port; see ``.url``)."""
    return SparqlServer((host, port), QueryService(store_dir, timeout_s=timeout_s, max_rows=max_rows))


def serve(store_dir: Path, host: str = "127.0.0.1", port: int = 7878, *, timeout_s: float = 30, max_rows: int = 10000,
          ready: Callable[[str], None] | None = None) -> None:
    """Serve the store until interrupted; ``ready`` is told the base URL once listening."""
    try:
        server = make_server(store_dir, host, port, timeout_s=timeout_s, max_rows=max_rows)
    except StoreError:
        raise
    except OSError as exc:
        raise StoreError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from exc
    if ready:
        ready(server.url)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        server.service.close()


@contextmanager
def running(store_dir: Path, *, host: str = "127.0.0.1", timeout_s: float = 30, max_rows: int = 10000) -> Iterator[str]:
    """Run a server on a free port in a background thread; yields its base URL (for tests, notebooks)."""
    server = make_server(store_dir, host, 0, timeout_s=timeout_s, max_rows=max_rows)
    thread = threading.Thread(target=server.serve_forever, name="kg-serve", daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        server.service.close()
        thread.join()


def query_page() -> str:
    """The offline query page served at ``/`` (no external scripts or styles)."""
    return _PAGE


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL</title>
<style>
body{font-family:system-ui,sans-serif;margin:1em 2em;color:#222}
textarea{width:100%;height:14em;font-family:monospace;font-size:13px}
table{border-collapse:collapse;margin-top:1em;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}
pre{background:#f6f6f6;padding:8px;overflow:auto}#status{color:#a33}
</style></head><body>
<h1>kg SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 at <code>/sparql</code> (GET or POST); the default graph is the union of all documents.</p>
<form id="f"><textarea id="q" name="query">PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
SELECT ?person ?zh ?en WHERE {
  ?person a schema:Person ; rdfs:label ?zh , ?en .
  FILTER(lang(?zh) = "zh" && lang(?en) = "en")
} ORDER BY ?zh LIMIT 100</textarea>
<p><label>Format <select id="fmt">
<option value="application/sparql-results+json">table (JSON)</option>
<option value="application/sparql-results+xml">XML</option><option value="text/csv">CSV</option>
<option value="text/tab-separated-values">TSV</option><option value="text/turtle">Turtle (CONSTRUCT)</option>
<option value="application/n-triples">N-Triples (CONSTRUCT)</option><option value="application/ld+json">JSON-LD (CONSTRUCT)</option>
</select></label> <button type="submit">Run</button> <span id="status"></span></p></form>
<div id="out"></div>
<script>
"use strict";
function cell(t){return t===undefined?"":(t.type==="literal"&&t["xml:lang"]?t.value+"@"+t["xml:lang"]:t.value);}
document.getElementById("f").addEventListener("submit",function(ev){
  ev.preventDefault();
  var out=document.getElementById("out"),st=document.getElementById("status"),fmt=document.getElementById("fmt").value;
  out.replaceChildren();st.textContent="running…";
  fetch("/sparql",{method:"POST",headers:{"Content-Type":"application/sparql-query","Accept":fmt},
    body:document.getElementById("q").value}).then(function(r){
    return r.text().then(function(text){
      st.textContent=r.ok?(r.headers.get("X-KG-Truncated")||""):r.status+" "+text;
      if(!r.ok)return;
      var ct=r.headers.get("Content-Type")||"";
      if(ct.indexOf("sparql-results+json")<0){var pre=document.createElement("pre");pre.textContent=text;out.append(pre);return;}
      var j=JSON.parse(text);
      if("boolean" in j){out.textContent=String(j.boolean);return;}
      var table=document.createElement("table"),head=document.createElement("tr");
      j.head.vars.forEach(function(v){var th=document.createElement("th");th.textContent="?"+v;head.append(th);});
      table.append(head);
      j.results.bindings.forEach(function(b){var tr=document.createElement("tr");
        j.head.vars.forEach(function(v){var td=document.createElement("td");td.textContent=cell(b[v]);tr.append(td);});
        table.append(tr);});
      st.textContent=j.results.bindings.length+" rows "+st.textContent;out.append(table);
    });
  }).catch(function(e){st.textContent=String(e);});
});
</script></body></html>
"""
