import csv
from pathlib import Path

from kg.export import get_exporter

B = "https://example.org/kg/"


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_neo4j_folder_has_admin_import_csvs_with_typed_headers(sample_store, tmp_path: Path):
    out = tmp_path / "neo4j"
    get_exporter("neo4j")(sample_store, out)
    nodes, rels = _read(out / "nodes.csv"), _read(out / "relationships.csv")
    assert list(nodes[0]) == ["iri:ID", "type", "label_zh", "label_en", "aliases:string[]", "confidence:float", "mentions:int", ":LABEL"]
    assert list(rels[0]) == [":START_ID", ":END_ID", ":TYPE", "label_zh", "label_en"]
    wang = next(n for n in nodes if n["iri:ID"] == B + "person/wang-xiaoming")
    assert (wang[":LABEL"], wang["label_zh"], wang["aliases:string[]"]) == ("Entity;Person", "王小明", "王司长")
    ids = {n["iri:ID"] for n in nodes}
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    assert {"label_zh": "教授", ":TYPE": "HOLDS_POST"}.items() <= next(r for r in rels if r["label_zh"] == "教授").items()


def test_neo4j_cypher_script_loads_each_label_and_relationship_type(sample_store, tmp_path: Path):
    out = tmp_path / "neo4j"
    get_exporter("neo4j")(sample_store, out)
    script = (out / "load.cypher").read_text(encoding="utf-8")
    for label in ("Person", "Organization", "Role", "Technology"):
        assert f"MERGE (n:Entity:{label} " in script
    for rel in ("HOLDS_POST", "HAS_TITLE", "SUB_ORGANIZATION_OF", "MEMBER_OF", "TALKS_ABOUT", "BROADER"):
        assert f"[r:{rel} " in script
    assert script.count("LOAD CSV WITH HEADERS") == 4 + 6
    assert "neo4j-admin database import full" in (out / "README.md").read_text(encoding="utf-8")
