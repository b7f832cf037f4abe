from __future__ import annotations

import pytest

from kg.extract.tech import find_technologies
from kg.model import EntityType


def techs(text: str) -> list[tuple[str, str]]:
    """(surface, preferred zh label or '' for a discovered term)."""
    return [(m.text, m.norm) for m in find_technologies(text)]


def test_scheme_terms_are_found_with_offsets() -> None:
    text = "专家讨论了区块链与物联网。"
    found = find_technologies(text)
    assert [(m.type, m.text, m.start, m.end) for m in found] == [
        (EntityType.TECH, "区块链", 5, 8), (EntityType.TECH, "物联网", 9, 12)]
    assert all(m.method == "tech-lexicon" for m in found)


def test_run_without_separators_splits_into_concepts() -> None:
    assert [t for t, _ in techs("数字孪生区块链人工智能")] == ["数字孪生", "区块链", "人工智能"]


def test_longest_scheme_term_wins() -> None:
    assert techs("工业元宇宙和工业互联网") == [("工业元宇宙", "工业元宇宙"), ("工业互联网", "工业互联网")]


@pytest.mark.parametrize("alias, concept", [("XR", "扩展现实"), ("AI", "人工智能"), ("NLP", "自然语言处理")])
def test_acronym_alias_maps_to_its_concept(alias: str, concept: str) -> None:
    assert techs(f"我们发展{alias}应用。") == [(alias, concept)]


def test_term_before_a_technology_head_is_the_concept() -> None:
    assert techs("区块链技术正在普及。") == [("区块链", "区块链")]


def test_unknown_acronym_with_a_technology_head_is_discovered() -> None:
    [m] = find_technologies("平台接入KMS平台。")
    assert (m.text, m.start, m.end, m.method) == ("KMS", 4, 7, "tech-acronym+head")
    assert m.confidence < 0.9


def test_unknown_acronym_without_a_head_is_not_a_technology() -> None:
    assert techs("KMS和ABC都来了。") == []


@pytest.mark.parametrize("text", ["请发送EMAIL。", "访问MAIL服务。", "RAID阵列", "使用XRAY设备。"])
def test_acronyms_inside_ascii_words_are_ignored(text: str) -> None:
    assert techs(text) == []


def test_unknown_term_listed_before_jishu_is_discovered_without_the_head() -> None:
    found = find_technologies("会议讨论了边缘推理、光量子互连技术和液冷散热技术的进展。")
    assert [(m.text, m.method) for m in found if m.method == "tech-listed+head"] == [
        ("光量子互连", "tech-listed+head"), ("液冷散热", "tech-listed+head")]


@pytest.mark.parametrize("text", ["企业要掌握关键核心技术。", "对相关技术进行评估。", "，以新一代信息技术为引领。"])
def test_qualifiers_before_jishu_are_not_technologies(text: str) -> None:
    assert [m for m in find_technologies(text) if m.method == "tech-listed+head"] == []


def test_a_name_that_goes_on_after_jishu_is_not_a_technology() -> None:
    assert [m for m in find_technologies("由东岳大学和东岳经济技术开发区管委会主办。") if m.method == "tech-listed+head"] == []


def pipeline_techs(text: str) -> list[str]:
    from kg.extract.segment import default_segmenter
    return [m.text for m in find_technologies(text, default_segmenter()(text))]


@pytest.mark.parametrize("text, term", [
    ("医生借助手术机器人完成了手术。", "手术机器人"),
    ("课题组研发的类脑芯片功耗很低。", "类脑芯片"),
    ("公司看好氢燃料电池。", "氢燃料电池"),
    ("他负责第三代半导体器件的研发。", "第三代半导体"),
    ("团队聚焦多模态大模型。", "多模态大模型"),
])
def test_a_word_narrowing_a_known_device_makes_one_narrower_technology(text: str, term: str) -> None:
    assert pipeline_techs(text) == [term]


@pytest.mark.parametrize("text, term", [
    ("传统芯片功耗较高。", "芯片"),
    ("该芯片面向推理场景。", "芯片"),
    ("请谈谈无人机的前景。", "无人机"),
    ("公司首款车规级芯片量产。", "车规级芯片"),
    ("同时布局车规级芯片。", "车规级芯片"),
])
def test_qualifiers_verbs_and_counters_do_not_narrow_a_device(text: str, term: str) -> None:
    assert pipeline_techs(text) == [term]


@pytest.mark.parametrize("text, terms", [
    ("警方破获一起利用声纹伪造技术实施诈骗的案件。", ["声纹伪造"]),
    ("影片使用虚景合成和光场捕捉技术。", ["虚景合成", "光场捕捉"]),
])
def test_terms_after_a_verb_of_use_and_before_jishu_are_technologies(text: str, terms: list[str]) -> None:
    assert pipeline_techs(text) == terms


@pytest.mark.parametrize("text", ["通过这项技术降低成本。", "借助新技术，周期缩短。", "在应用推广方面、技术与标准方面合作。"])
def test_generic_words_before_jishu_are_not_technologies(text: str) -> None:
    assert pipeline_techs(text) == []


def test_an_acronym_before_a_known_term_is_a_technology() -> None:
    assert ("CRISPR", "") in techs("该所利用CRISPR基因编辑技术培育新品种。")


def test_an_acronym_in_brackets_after_a_technology_is_its_short_name() -> None:
    assert [t for t, _ in techs("数字孪生（DT）技术已经成熟。")] == ["数字孪生", "DT"]


@pytest.mark.parametrize("text, term", [
    ("无人机植保和水肥一体化技术在当地推广。", "水肥一体化"),   # 技术 then a verb's helper
    ("推广秸秆还田、测土配方施肥技术已取得成效。", "测土配方施肥"),
])
def test_a_listed_term_before_jishu_and_a_verb(text: str, term: str) -> None:
    assert term in [t for t, _ in techs(text)]


def test_jishu_heading_a_noun_names_no_technology() -> None:
    assert techs("公司加强技术人员培训，提高了技术水平。") == []


@pytest.mark.parametrize("text, term", [
    ("电站配套建设了全钒液流电池储能系统。", "全钒液流电池"),   # energy
    ("合作社推广测土配方施肥和无人机植保。", "无人机植保"),       # agriculture
    ("该药企的CAR-T疗法获批上市。", "CAR-T"),                  # medicine
])
def test_standard_terms_of_other_fields(text: str, term: str) -> None:
    assert term in [t for t, _ in techs(text)]
