"""``kg.build.build``: the whole job in-process (the CLI tests run the real command)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import BuildOptions, BuildSummary, analyse_documents, build
from kg.errors import InputError
from kg.schema import DEFAULT_BASE

CONFIDENCE = "https://w3id.org/kg/vocab#confidence"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> tuple[Path, BuildSummary]:
    out = tmp_path_factory.mktemp("built")
    return out, build(BuildOptions([corpus_dir], out))


def graph_of(out: Path, doc_id: str) -> set[tuple]:
    store = ox.Store.read_only(str(out / "store"))
    name = ox.NamedNode(f"{DEFAULT_BASE}graph/{doc_id}")
    return {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, name)}


def test_build_writes_the_contracted_files(built) -> None:
    out, summary = built
    for name in ("graph.ttl", "graph.trig", "graph.graphml", "graph.html"):
        assert (out / name).stat().st_size > 0, name
        assert out / name in summary.files
    assert (out / "store").is_dir()


def test_summary_counts_documents_entities_and_facts(built, corpus_documents) -> None:
    _, summary = built
    assert summary.documents == 2
    assert summary.characters == sum(len(d.text) for d in corpus_documents)
    assert summary.entities["PERSON"] == 3 and summary.entities["TECH"] == 3
    assert summary.facts["holds_post"] == 3 and summary.facts["member_of"] == 2
    assert summary.quads >= summary.triples > 0


def test_turtle_holds_the_union_and_trig_the_named_graphs(built) -> None:
    out, summary = built
    ttl = ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(set(ttl)) == summary.triples
    trig = list(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG))
    assert len(set(trig)) == summary.quads
    assert len({q.graph_name for q in trig}) == 2


def test_rebuild_gives_byte_identical_dumps(built, corpus_dir: Path) -> None:
    out, _ = built
    before = {n: (out / n).read_bytes() for n in ("graph.ttl", "graph.trig", "graph.graphml")}
    build(BuildOptions([corpus_dir], out))
    assert {n: (out / n).read_bytes() for n in before} == before


def test_two_processes_give_the_same_graph_as_one(built, corpus_dir: Path, tmp_path: Path) -> None:
    out, _ = built
    build(BuildOptions([corpus_dir], tmp_path, jobs=2))
    assert (tmp_path / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


def test_analyse_documents_keeps_input_order_with_workers(corpus_documents) -> None:
    seen = []
    analyses = analyse_documents(corpus_documents, jobs=2, progress=lambda n, total, name: seen.append(n))
    assert [a.document.id for a in analyses] == [d.id for d in corpus_documents]
    assert seen == [1, 2]


def test_zero_jobs_is_an_input_error(corpus_documents) -> None:
    with pytest.raises(InputError, match="jobs"):
        analyse_documents(corpus_documents, jobs=0)


def test_adding_a_document_keeps_the_facts_of_the_others(built, corpus_dir: Path, tmp_path: Path) -> None:
    out, _ = built
    build(BuildOptions([corpus_dir / "annual-meeting.txt"], tmp_path))
    alone, together = graph_of(tmp_path, "annual-meeting"), graph_of(out, "annual-meeting")
    without_scores = {t for t in alone if t[1].value != CONFIDENCE}
    assert without_scores == {t for t in together if t[1].value != CONFIDENCE}


def test_adding_a_document_leaves_the_other_named_graphs_unchanged(built, corpus_dir: Path, tmp_path: Path) -> None:
    out, _ = built
    build(BuildOptions([corpus_dir / "annual-meeting.txt"], tmp_path))
    assert graph_of(tmp_path, "annual-meeting") == graph_of(out, "annual-meeting")


def test_bad_input_fails_before_the_output_folder_is_touched(built, tmp_path: Path) -> None:
    out, _ = built
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    bad = tmp_path / "legacy.txt"
    bad.write_bytes("旧编码".encode("gbk"))
    with pytest.raises(InputError, match="legacy.txt"):
        build(BuildOptions([bad], out))
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
