"""The ``kg`` command: parse arguments, call the library, print.

Every command's help text is its docstring, with an example. Library errors (KgError)
become one-line messages on stderr and the error's exit code; nothing else is caught,
so a defect still shows its traceback.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from pathlib import Path

from kg import __version__
from kg.errors import InputError, KgError
from kg.schema import DEFAULT_BASE

DEFAULT_OUT = Path("data/graph")


def cmd_build(args: argparse.Namespace) -> int:
    """Build the graph from text files or folders.

    Example: kg build data/raw --out data/graph
    Writes DIR/graph.ttl, graph.trig, graph.graphml, graph.html and the SPARQL store
    DIR/store that `kg query` and `kg serve` read.
    """
    from kg.build import BuildOptions, build

    options = BuildOptions(inputs=[Path(p) for p in args.inputs], out=Path(args.out), base=args.base,
                           lang=args.lang, jobs=args.jobs, min_confidence=args.min_confidence, umlaut=args.umlaut)
    summary = build(options, progress=_progress_printer())
    entities = ", ".join(f"{n} {t.lower()}" for t, n in sorted(summary.entities.items())) or "none"
    facts = ", ".join(f"{n} {p.replace('_', ' ')}" for p, n in sorted(summary.facts.items())) or "none"
    print(f"kg build: {summary.documents} document(s), {summary.characters:,} characters in {summary.seconds:.1f} s")
    print(f"  entities: {entities}")
    print(f"  facts:    {facts}")
    print(f"  graph:    {summary.triples:,} triples ({summary.quads:,} quads in {summary.documents} named graph(s))")
    for f in summary.files:
        print(f"  wrote     {f}")
    print(f'  next:     kg query {args.out} "SELECT ..."   or   kg serve {args.out}')
    return 0


def _progress_printer():
    """Progress on stderr for multi-document input: a live line on a terminal, a line
    every 10% otherwise (logs stay short)."""
    tty = sys.stderr.isatty()

    def show(done: int, total: int, name: str) -> None:
        if total < 2:
            return
        if tty:
            end = "\n" if done == total else ""
            print(f"\r  analysed {done}/{total}  {Path(name).name[:50]:<50}", end=end, file=sys.stderr, flush=True)
        elif done == total or done % max(1, total // 10) == 0:
            print(f"  analysed {done}/{total} documents", file=sys.stderr, flush=True)

    return show


def cmd_query(args: argparse.Namespace) -> int:
    """Run a SPARQL query (or a named analyst query) on a built graph.

    Examples:
      kg query data/graph "SELECT ?p ?name WHERE { ?p a schema:Person ; rdfs:label ?name }"
      kg query data/graph --list
      kg query data/graph --named people-of-organization --param org=工业和信息化部
    Common prefixes (schema, org, skos, prov, oa, rdfs, kgv) are predeclared.
    """
    from kg import queries
    from kg.schema import sparql_prefixes
    from kg.store import open_store, run_query

    if args.list:
        for q in queries.list_queries():
            params = " ".join(f"--param {p.name}=…" for p in q.params)
            print(f"{q.name:28} {q.description}  {params}".rstrip())
        return 0
    if args.named:
        params = dict(_key_value(p) for p in args.param)
        sparql = queries.render(args.named, **params)
    elif args.sparql:
        sparql = args.sparql
    else:
        raise InputError('give a SPARQL query, --named NAME or --list (see kg query --help)')
    if "PREFIX" not in sparql.upper():
        sparql = sparql_prefixes() + sparql
    result = run_query(open_store(Path(args.dir)), sparql)
    print(format_result(result, args.format), end="")
    return 0


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise InputError(f"--param expects NAME=VALUE, got {text!r}")
    return key, value


def format_result(result, fmt: str) -> str:
    """SELECT results as an aligned table, CSV, TSV or JSON; ASK as true/false;
    CONSTRUCT/DESCRIBE as Turtle."""
    import pyoxigraph

    if isinstance(result, bool):
        return ("true" if result else "false") + "\n"
    if isinstance(result, pyoxigraph.QueryTriples):
        return pyoxigraph.serialize(list(result), format=pyoxigraph.RdfFormat.TURTLE).decode()
    names = [v.value for v in result.variables]
    rows = [[_plain(sol[n]) for n in names] for sol in result]
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue()
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(_pad(n, w) for n, w in zip(names, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _plain(term) -> str:
    return "" if term is None else term.value


def _width(s: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


def cmd_export(args: argparse.Namespace) -> int:
    """Write the built graph in another format.

    Example: kg export data/graph --format gexf --out graph.gexf
    Formats: ttl trig nt nq jsonld graphml gexf neo4j (a folder of CSV files + Cypher) html.
    Large graphs: kg export data/graph --format html --top 300 --out top.html
    """
    from kg.export import get_exporter
    from kg.store import open_store

    exporter = get_exporter(args.format)
    out = Path(args.out) if args.out else Path(args.dir) / ("neo4j" if args.format == "neo4j" else f"graph.{args.format}")
    store = open_store(Path(args.dir))
    if args.format == "html" and (args.top is not None or args.document):
        from kg.export.html import HtmlOptions, export_html

        export_html(store, out, HtmlOptions(max_nodes=args.top, document=args.document))
    elif args.top is not None or args.document:
        raise InputError("--top and --document apply to --format html only")
    else:
        exporter(store, out)
    print(f"wrote {out}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the built graph as a read-only SPARQL 1.1 endpoint at /sparql (query page at /).

    Example: kg serve data/graph --port 7878   then open http://127.0.0.1:7878/
    """
    from kg.serve import serve

    def ready(url: str) -> None:
        print(f"kg serve: SPARQL endpoint {url}/sparql, query page {url}/ (read-only; Ctrl-C stops)", flush=True)

    try:
        serve(Path(args.dir), host=args.host, port=args.port, timeout_s=args.timeout, max_rows=args.max_rows, ready=ready)
    except KeyboardInterrupt:
        print("kg serve: stopped")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Score mention extraction against a gold JSONL file (exact spans, per type).

    Example: kg evaluate tests/data/gold/company.jsonl
    Each line: {"text": ..., "entities": [{"start": 0, "end": 3, "type": "PERSON"}, ...]}
    (types PERSON, ORG, TITLE, TECH; only types present in the gold file are scored).
    """
    from kg.evaluate import evaluate, load_gold
    from kg.extract.pipeline import predict_mentions

    gold = [t for path in args.gold for t in load_gold(Path(path))]
    kwargs = {"types": tuple(args.types)} if args.types else {}
    report = evaluate(gold, predict_mentions, limit=args.limit, **kwargs)
    print(json.dumps(report.to_json(), ensure_ascii=False, indent=1) if args.json else report.table())
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kg", description="Turn Chinese and English news into a bilingual knowledge graph.")
    ap.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name, func):
        p = sub.add_parser(name, help=func.__doc__.splitlines()[0], description=func.__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(func=func)
        return p

    b = add("build", cmd_build)
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="text files (.txt, .md) or folders of them")
    b.add_argument("--out", default=str(DEFAULT_OUT), help=f"output folder (default {DEFAULT_OUT})")
    b.add_argument("--base", default=DEFAULT_BASE, help=f"base IRI for minted entities (default {DEFAULT_BASE})")
    b.add_argument("--lang", default="auto", choices=["auto", "zh", "en"], help="input language (default: detect)")
    b.add_argument("--jobs", type=int, default=1, help="documents analysed in N processes (default 1)")
    b.add_argument("--min-confidence", type=float, default=0.0, help="drop mentions and facts below this confidence")
    b.add_argument("--umlaut", default="ü", choices=["ü", "v"], help="write ü in English names as ü (Lü, default) or v (Lv)")

    q = add("query", cmd_query)
    q.add_argument("dir", help="a folder written by kg build")
    q.add_argument("sparql", nargs="?", help="the SPARQL query")
    q.add_argument("--format", default="table", choices=["table", "csv", "tsv", "json"])
    q.add_argument("--list", action="store_true", help="list the named analyst queries")
    q.add_argument("--named", metavar="NAME", help="run a named query")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="parameter of a named query")

    e = add("export", cmd_export)
    e.add_argument("dir")
    e.add_argument("--format", required=True, help="ttl, trig, nt, nq, jsonld, graphml, gexf, neo4j, html")
    e.add_argument("--out", help="output path (default DIR/graph.FORMAT)")
    e.add_argument("--top", type=int, metavar="N", help="html: show only the N most connected entities")
    e.add_argument("--document", metavar="IRI", help="html: show only the entities one document mentions")

    s = add("serve", cmd_serve)
    s.add_argument("dir")
    s.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=7878)
    s.add_argument("--timeout", type=float, default=30, help="per-query timeout in seconds")
    s.add_argument("--max-rows", type=int, default=10000, help="result cap per query")

    v = add("evaluate", cmd_evaluate)
    v.add_argument("gold", nargs="+", help="gold JSONL file(s)")
    v.add_argument("--limit", type=int, help="score only the first N texts")
    v.add_argument("--types", nargs="+", help="types to score (default: all in the gold)")
    v.add_argument("--json", action="store_true")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KgError as exc:
        print(f"kg {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `kg query … | head`: the reader left, which is not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0


if __name__ == "__main__":
    sys.exit(main())
