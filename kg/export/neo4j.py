"""Neo4j import files: ``nodes.csv`` and ``relationships.csv`` in the header format of
``neo4j-admin database import full``, plus ``load.cypher`` doing the same with ``LOAD CSV``
on a running server, and a ``README.md`` with both commands.

Node labels are ``Entity`` plus the type (Person, Organization, Role, Technology);
relationship types are the view's relations in upper case (HOLDS_POST, ...). Aliases are an
array property separated by ``|`` (pass ``--array-delimiter="|"`` to neo4j-admin).
"""
from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph

from kg.export.view import GraphView, read_view

NODE_HEADER = ["iri:ID", "type", "label_zh", "label_en", "aliases:string[]", "confidence:float", "mentions:int", ":LABEL"]
REL_HEADER = [":START_ID", ":END_ID", ":TYPE", "label_zh", "label_en"]
ARRAY_DELIMITER = "|"

_README = """# Neo4j import

Files: `nodes.csv`, `relationships.csv` (neo4j-admin header format), `load.cypher` (LOAD CSV).

Offline bulk import into an empty database (Neo4j 5):

    neo4j-admin database import full --array-delimiter="|" \\
        --nodes=nodes.csv --relationships=relationships.csv neo4j

Or, on a running server, copy both CSV files into its `import/` folder and run:

    cypher-shell -f load.cypher
"""


def write_csvs(view: GraphView, folder: Path) -> None:
    """Write nodes.csv and relationships.csv for the view."""
    with open(folder / "nodes.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(NODE_HEADER)
        for n in view.nodes:
            aliases = ARRAY_DELIMITER.join(a.replace(ARRAY_DELIMITER, " ") for a in n.aliases)
            w.writerow([n.iri, n.type, n.label_zh, n.label_en, aliases, n.confidence, n.mentions, f"Entity;{n.type}"])
    with open(folder / "relationships.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(REL_HEADER)
        for e in view.edges:
            w.writerow([e.source, e.target, e.relation.upper(), e.label_zh, e.label_en])


def cypher_script(view: GraphView) -> str:
    """A LOAD CSV script; one statement per label and relation type, as plain Cypher cannot
    take labels or types from data (that would need APOC)."""
    lines = [
        "// kg graph: LOAD CSV import. Put nodes.csv and relationships.csv in the server's import folder.",
        "CREATE CONSTRAINT kg_entity_iri IF NOT EXISTS FOR (n:Entity) REQUIRE n.iri IS UNIQUE;",
    ]
    for node_type in sorted({n.type for n in view.nodes}):
        lines.append(
            "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n"
            f"WITH row WHERE row.type = '{node_type}'\n"
            f"MERGE (n:Entity:{node_type} {{iri: row.`iri:ID`}})\n"
            "SET n.type = row.type, n.label_zh = row.label_zh, n.label_en = row.label_en,\n"
            f"    n.aliases = CASE WHEN coalesce(row.`aliases:string[]`, '') = '' THEN [] ELSE split(row.`aliases:string[]`, '{ARRAY_DELIMITER}') END,\n"
            "    n.confidence = toFloat(row.`confidence:float`), n.mentions = toInteger(row.`mentions:int`);"
        )
    for rel in sorted({e.relation.upper() for e in view.edges}):
        lines.append(
            "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\n"
            f"WITH row WHERE row.`:TYPE` = '{rel}'\n"
            "MATCH (a:Entity {iri: row.`:START_ID`}), (b:Entity {iri: row.`:END_ID`})\n"
            f"MERGE (a)-[r:{rel} {{label_zh: coalesce(row.label_zh, ''), label_en: coalesce(row.label_en, '')}}]->(b);"
        )
    return "\n".join(lines) + "\n"


def export_neo4j(store: pyoxigraph.Store, path: Path) -> None:
    """Write the Neo4j import folder at ``path``."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    view = read_view(store)
    write_csvs(view, folder)
    (folder / "load.cypher").write_text(cypher_script(view), encoding="utf-8")
    (folder / "README.md").write_text(_README, encoding="utf-8")
