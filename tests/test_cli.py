"""The ``kg`` command. The build runs once as a real subprocess (the installed ``kg``
entry point); the other checks call ``kg.cli.main`` in-process to stay fast, which is
the same code path minus interpreter start-up."""
from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main, parser

ROOT = Path(__file__).resolve().parents[1]
POSTS = """SELECT ?name ?title ?orgname WHERE {
  ?m a org:Membership ; org:member ?p ; org:organization ?o ; org:role ?r .
  ?p a schema:Person ; rdfs:label ?name . ?r rdfs:label ?title . ?o rdfs:label ?orgname .
  FILTER(lang(?name) = 'zh' && lang(?title) = 'zh' && lang(?orgname) = 'zh') } ORDER BY ?name"""
EXPECTED_POSTS = [["冯立", "主任", "数字孪生实验室"], ["孙明远", "校长", "东岳理工大学"],
                  ["钱晓峰", "首席技术官", "蓝海科技有限公司"]]


def kg(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("kg") or sys.executable
    prefix = [] if shutil.which("kg") else ["-m", "kg.cli"]
    return subprocess.run([exe, *prefix, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("cli") / "graph"
    return out, kg("build", str(corpus_dir), "--out", str(out))


def run(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_build_exits_zero_prints_a_summary_and_writes_files(built) -> None:
    out, proc = built
    assert proc.returncode == 0, proc.stderr
    assert "kg build: 2 document(s)" in proc.stdout
    assert "entities:" in proc.stdout and "3 person" in proc.stdout
    for name in ("graph.ttl", "graph.trig", "graph.graphml", "graph.html", "store"):
        assert (out / name).exists(), name
        assert str(out / name) in proc.stdout


def test_rerun_gives_a_byte_identical_graph(built, corpus_dir: Path, capsys) -> None:
    out, _ = built
    first = (out / "graph.ttl").read_bytes()
    code, _, _ = run(capsys, "build", str(corpus_dir), "--out", str(out))
    assert code == 0
    assert (out / "graph.ttl").read_bytes() == first  # also across processes (hash seeds differ)


def test_two_jobs_give_the_same_graph_as_one(built, corpus_dir: Path, tmp_path: Path, capsys) -> None:
    out, _ = built
    code, _, _ = run(capsys, "build", str(corpus_dir), "--out", str(tmp_path), "--jobs", "2")
    assert code == 0
    assert (tmp_path / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


def test_missing_input_is_one_line_without_traceback_and_keeps_the_old_output(built, tmp_path: Path) -> None:
    out, _ = built
    before = (out / "graph.ttl").read_bytes()
    proc = kg("build", str(tmp_path / "missing.txt"), "--out", str(out))
    assert proc.returncode == 2  # InputError
    assert proc.stderr.strip().count("\n") == 0, proc.stderr
    assert proc.stderr.startswith("kg build: error:") and "missing.txt" in proc.stderr
    assert (out / "graph.ttl").read_bytes() == before
    assert (out / "store").is_dir()


def test_non_utf8_input_is_one_line_naming_the_file(built, tmp_path: Path, capsys) -> None:
    out, _ = built
    before = (out / "graph.ttl").read_bytes()
    bad = tmp_path / "legacy.txt"
    bad.write_bytes("旧编码文件".encode("gbk"))
    code, stdout, err = run(capsys, "build", str(bad), "--out", str(out))
    assert code == 2 and stdout == ""
    assert err.count("\n") == 1 and "legacy.txt:1:" in err and "UTF-8" in err
    assert (out / "graph.ttl").read_bytes() == before


def test_bad_base_iri_is_one_line_without_traceback(corpus_dir: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "build", str(corpus_dir), "--out", str(tmp_path), "--base", "not an iri")
    assert code != 0 and err.count("\n") == 1 and "base" in err.lower()


def test_query_table_joins_people_posts_and_organizations(built, capsys) -> None:
    out, _ = built
    code, stdout, _ = run(capsys, "query", str(out), POSTS.replace("SELECT", "SELECT DISTINCT", 1))
    assert code == 0
    lines = stdout.splitlines()
    assert lines[0].split() == ["name", "title", "orgname"]
    assert [line.split() for line in lines[2:-1]] == EXPECTED_POSTS
    assert lines[-1] == "(3 rows)"


def test_query_without_distinct_returns_each_post_once(built, capsys) -> None:
    out, _ = built
    _, stdout, _ = run(capsys, "query", str(out), POSTS, "--format", "csv")
    rows = list(csv.reader(io.StringIO(stdout)))[1:]
    assert rows == EXPECTED_POSTS


def test_query_csv_tsv_and_json_give_the_same_rows(built, capsys) -> None:
    out, _ = built
    distinct = POSTS.replace("SELECT", "SELECT DISTINCT", 1)
    _, as_csv, _ = run(capsys, "query", str(out), distinct, "--format", "csv")
    rows = list(csv.reader(io.StringIO(as_csv)))
    assert rows == [["name", "title", "orgname"], *EXPECTED_POSTS]
    _, as_tsv, _ = run(capsys, "query", str(out), distinct, "--format", "tsv")
    assert list(csv.reader(io.StringIO(as_tsv), delimiter="\t")) == rows
    _, as_json, _ = run(capsys, "query", str(out), distinct, "--format", "json")
    assert [[r["name"], r["title"], r["orgname"]] for r in json.loads(as_json)] == EXPECTED_POSTS


def test_query_syntax_error_is_one_line(built, capsys) -> None:
    out, _ = built
    code, _, err = run(capsys, "query", str(out), "SELEKT ?x WHERE { ?x ?y ?z }")
    assert code == 4 and err.count("\n") == 1 and "SPARQL" in err


def test_query_on_a_folder_without_store_is_one_line(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "query", str(tmp_path), "SELECT * WHERE { ?s ?p ?o }")
    assert code == 3 and err.count("\n") == 1 and "kg build" in err


def test_query_list_names_the_analyst_queries(built, capsys) -> None:
    from kg.queries import list_queries

    out, _ = built
    code, stdout, _ = run(capsys, "query", str(out), "--list")
    assert code == 0
    names = [line.split()[0] for line in stdout.splitlines()]
    assert names == [q.name for q in list_queries()] and "people-of-organization" in names


def test_export_ntriples_holds_the_same_triples_as_the_turtle(built, tmp_path: Path, capsys) -> None:
    out, _ = built
    target = tmp_path / "graph.nt"
    code, stdout, _ = run(capsys, "export", str(out), "--format", "nt", "--out", str(target))
    assert code == 0 and str(target) in stdout
    nt = set(ox.parse(path=str(target), format=ox.RdfFormat.N_TRIPLES))
    ttl = set(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    assert len(nt) == len(ttl) > 100


def test_export_writes_next_to_the_graph_by_default(built, capsys) -> None:
    out, _ = built
    code, _, _ = run(capsys, "export", str(out), "--format", "nq")
    assert code == 0
    quads = set(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    assert len({q.graph_name for q in quads}) == 2


def test_build_accepts_files_and_folders_together(corpus_dir: Path, tmp_path: Path, capsys) -> None:
    extra = tmp_path / "more" / "talk.txt"
    extra.parent.mkdir()
    extra.write_text("教授韩志刚介绍了区块链。", encoding="utf-8")
    code, stdout, _ = run(capsys, "build", str(corpus_dir / "lab.md"), str(extra.parent), "--out", str(tmp_path / "g"))
    assert code == 0 and "kg build: 2 document(s)" in stdout


def subcommands() -> list[str]:
    action = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(action.choices)


def test_core_subcommands_exist() -> None:
    assert {"build", "query", "serve", "export"} <= set(subcommands())


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_has_help_with_an_example(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert f"kg {command}" in text and "Example" in text


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_is_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"kg {command}" in readme


def test_export_html_top_n_keeps_only_the_most_connected_entities(built, tmp_path: Path, capsys) -> None:
    out, _ = built
    page = tmp_path / "top.html"
    code, _, _ = run(capsys, "export", str(out), "--format", "html", "--top", "3", "--out", str(page))
    assert code == 0
    html = page.read_text(encoding="utf-8")
    start = html.index('<script id="kg-data" type="application/json">') + len('<script id="kg-data" type="application/json">')
    data = json.loads(html[start:html.index("</script>", start)])
    assert len(data["nodes"]) == 3


def test_top_n_on_a_non_html_format_is_a_one_line_error(built, tmp_path: Path, capsys) -> None:
    out, _ = built
    code, _, err = run(capsys, "export", str(out), "--format", "nt", "--top", "3", "--out", str(tmp_path / "g.nt"))
    assert code == 2 and err.count("\n") == 1 and "html" in err


def test_evaluate_scores_a_gold_file_per_type(tmp_path: Path, capsys) -> None:
    text = "东岳理工大学校长孙明远出席会议。"
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": text, "entities": [
        {"start": 0, "end": 6, "type": "ORG"}, {"start": 6, "end": 8, "type": "TITLE"},
        {"start": 8, "end": 11, "type": "PERSON"}]}, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "evaluate", str(gold), "--json")
    assert code == 0
    scores = json.loads(out)["types"]
    assert {k: scores[k]["f1"] for k in ("PERSON", "ORG", "TITLE")} == {"PERSON": 1.0, "ORG": 1.0, "TITLE": 1.0}


def test_evaluate_rejects_bad_offsets_naming_file_and_line(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"text": "孙明远", "entities": [{"start": 0, "end": 9, "type": "PERSON"}]}\n', encoding="utf-8")
    code, _, err = run(capsys, "evaluate", str(gold))
    assert code == 2 and f"{gold}:1" in err and err.count("\n") == 1
