"""Issue 4: a Chinese report and an English write-up of the same event build one graph in
which the people and organizations they share are single entities; a traditional-Chinese
copy of a text yields the same entities as the simplified original."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import BuildOptions, build
from kg.store import open_store, run_query

ZH = (
    "5月12日，东岳理工大学智能制造实验室主任孙明远教授在杭州举行的工业互联网论坛上介绍了数字孪生的应用。"
    "清华大学副校长欧阳立新出席论坛并致辞。星河数据科技有限公司董事长钱晓峰分享了区块链平台的经验。\n"
)
EN = (
    "On 12 May, Professor Sun Mingyuan, Director of the Intelligent Manufacturing Laboratory, spoke about "
    "digital twins at an industrial internet forum in Hangzhou. Ouyang Lixin, Vice President of Tsinghua "
    "University, attended the forum. Qian Xiaofeng, chairman of Xinghe Data Technology Co., Ltd., shared "
    "the company's experience with blockchain platforms.\n"
)
# The same Chinese text in traditional characters (written by hand, not by the converter under test).
ZH_TRADITIONAL = (
    "5月12日，東岳理工大學智能製造實驗室主任孫明遠教授在杭州舉行的工業互聯網論壇上介紹了數字孿生的應用。"
    "清華大學副校長歐陽立新出席論壇並致辭。星河數據科技有限公司董事長錢曉峰分享了區塊鏈平台的經驗。\n"
)

ENTITIES = """
SELECT ?e ?type (SAMPLE(?zh) AS ?label_zh) (SAMPLE(?en) AS ?label_en) WHERE {
  ?e a ?type . VALUES ?type { schema:Person org:Organization skos:Concept }
  OPTIONAL { ?e rdfs:label ?zh FILTER(lang(?zh) = "zh") }
  OPTIONAL { ?e rdfs:label ?en FILTER(lang(?en) = "en") }
} GROUP BY ?e ?type
"""


def _build(tmp_path: Path, name: str, files: dict[str, str]) -> list[dict]:
    src = tmp_path / name
    src.mkdir()
    for fname, text in files.items():
        (src / fname).write_text(text, encoding="utf-8")
    out = tmp_path / f"{name}-out"
    build(BuildOptions(inputs=[src], out=out))
    from kg.schema import sparql_prefixes

    rows = run_query(open_store(out), sparql_prefixes() + ENTITIES)
    return [{k: (sol[k].value if sol[k] is not None else None) for k in ("e", "type", "label_zh", "label_en")}
            for sol in rows]


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory) -> list[dict]:
    return _build(tmp_path_factory.mktemp("xl"), "both", {"report.zh.txt": ZH, "report.en.txt": EN})


@pytest.mark.parametrize("zh, en", [("孙明远", "Sun Mingyuan"), ("欧阳立新", "Ouyang Lixin"), ("钱晓峰", "Qian Xiaofeng")])
def test_a_person_named_in_both_languages_is_one_entity(bilingual, zh, en) -> None:
    hits = [r for r in bilingual if r["label_zh"] == zh or r["label_en"] == en]
    assert len(hits) == 1, hits
    assert (hits[0]["label_zh"], hits[0]["label_en"]) == (zh, en)


@pytest.mark.parametrize("zh", ["清华大学", "智能制造实验室"])
def test_an_organization_named_in_both_languages_is_one_entity(bilingual, zh) -> None:
    hits = [r for r in bilingual if r["label_zh"] == zh]
    assert len(hits) == 1
    english = hits[0]["label_en"]
    assert not [r for r in bilingual if r["label_en"] == english and r["e"] != hits[0]["e"]]


def test_no_shared_entity_is_left_english_only(bilingual) -> None:
    english_only = {r["label_en"] for r in bilingual if r["label_zh"] is None and r["type"].endswith("Person")}
    assert english_only == set()


def test_traditional_text_gives_the_same_entities_as_simplified(tmp_path) -> None:
    simplified = _build(tmp_path, "simp", {"a.txt": ZH})
    traditional = _build(tmp_path, "trad", {"a.txt": ZH_TRADITIONAL})
    assert {(r["type"], r["label_zh"]) for r in traditional} == {(r["type"], r["label_zh"]) for r in simplified}
    assert len(simplified) >= 8


def test_traditional_spelling_is_kept_as_an_alias_with_offsets_into_the_original(tmp_path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ZH_TRADITIONAL, encoding="utf-8")
    build(BuildOptions(inputs=[src], out=tmp_path / "out"))
    from kg.schema import sparql_prefixes

    rows = list(run_query(open_store(tmp_path / "out"), sparql_prefixes() + """
        SELECT ?alt ?exact ?start WHERE {
          ?u rdfs:label "清华大学"@zh ; skos:altLabel ?alt .
          ?a oa:hasBody ?u ; oa:hasTarget/oa:hasSelector ?q, ?p .
          ?q oa:exact ?exact . ?p oa:start ?start }"""))
    assert {r["alt"].value for r in rows} >= {"清華大學"}
    assert {(r["exact"].value, int(r["start"].value)) for r in rows} == {("清華大學", ZH_TRADITIONAL.index("清華大學"))}
