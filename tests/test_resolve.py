"""Merging mentions into entities. Analyses are built by hand (mentions placed in the
text) so each test checks one merge rule; the last tests run the real pipeline."""
from __future__ import annotations

import pytest

from kg.extract.pipeline import analyse
from kg.model import Analysis, Document, EntityType, Mention, Predicate, Relation, Resolution
from kg.resolve import dropped_characters, iri_segment, resolve


ORG, ROLE, PERSON, TECH, PLACE = EntityType.ORG, EntityType.ROLE, EntityType.PERSON, EntityType.TECH, EntityType.PLACE


def doc(doc_id: str, text: str, *parts: tuple[str, EntityType], posts: tuple[tuple[int, int, int | None], ...] = (),
        confidence: float = 0.9) -> Analysis:
    """An analysis of ``text`` with mentions at the first occurrence (left to right) of
    each surface, and HOLDS_POST relations (person index, role index, org index)."""
    mentions, pos = [], 0
    for surface, kind in parts:
        start = text.index(surface, pos)
        mentions.append(Mention(kind, start, start + len(surface), surface, confidence, "test"))
        pos = start + len(surface)
    relations = [Relation(Predicate.HOLDS_POST, p, r, confidence, "test", context=o) for p, r, o in posts]
    return Analysis(Document(doc_id, text, "zh"), [], mentions, relations)


def entity_of(res: Resolution, doc_id: str, index: int):
    return res.entities[res.mention_entity[(doc_id, index)]]


def labels(res: Resolution, kind: EntityType) -> list[str]:
    return sorted(e.label_zh for e in res.entities.values() if e.type is kind)


def test_repeated_name_across_documents_is_one_entity() -> None:
    res = resolve([doc("a", "钱晓峰发言。钱晓峰", ("钱晓峰", PERSON), ("钱晓峰", PERSON)),
                   doc("b", "钱晓峰出席", ("钱晓峰", PERSON))])
    [person] = res.entities.values()
    assert person.id == "person/钱晓峰"
    assert person.mentions == [("a", 0), ("a", 1), ("b", 0)]


def test_same_text_of_different_types_stays_apart() -> None:
    res = resolve([doc("a", "区块链 区块链", ("区块链", TECH), ("区块链", ORG))])
    assert sorted(e.id for e in res.entities.values()) == ["org/区块链", "tech/区块链"]


def test_lexicon_abbreviation_merges_with_the_full_name() -> None:
    res = resolve([doc("a", "工信部发布通知。", ("工信部", ORG)),
                   doc("b", "工业和信息化部发布通知。", ("工业和信息化部", ORG))])
    [ministry] = res.entities.values()
    assert ministry.label_zh == "工业和信息化部"
    assert ministry.label_en == "Ministry of Industry and Information Technology"
    assert "工信部" in ministry.aliases


def test_technology_alias_merges_with_its_concept() -> None:
    res = resolve([doc("a", "XR与扩展现实", ("XR", TECH), ("扩展现实", TECH))])
    [tech] = res.entities.values()
    assert (tech.id, tech.label_zh) == ("tech/扩展现实", "扩展现实")
    assert "XR" in tech.aliases


def test_damaged_spelling_merges_and_the_undamaged_form_is_the_label() -> None:
    res = resolve([doc("a", "东岳智能制造业创新发联盟", ("东岳智能制造业创新发联盟", ORG)),
                   doc("b", "东岳智能制造产业创新发展联盟", ("东岳智能制造产业创新发展联盟", ORG))])
    [org] = res.entities.values()
    assert org.label_zh == "东岳智能制造产业创新发展联盟"
    assert "东岳智能制造业创新发联盟" in org.aliases


def test_company_with_and_without_legal_form_is_one_entity() -> None:
    res = resolve([doc("a", "蓝海科技有限公司与蓝海科技", ("蓝海科技有限公司", ORG), ("蓝海科技", ORG))])
    assert len(res.entities) == 1


def test_dropped_characters_accepts_scattered_losses_only() -> None:
    assert dropped_characters("东岳智能制造业创新发联盟", "东岳智能制造产业创新发展联盟")
    assert not dropped_characters("北京大学", "北京师范大学")  # a whole word, not damage
    assert not dropped_characters("东岳大学", "东岳大学")  # nothing dropped
    assert not dropped_characters("东岳理工学院", "东岳理工大学")  # a different character
    assert not dropped_characters("东岳创新发展联盟", "东岳智能制造产业创新发展联盟")  # too much lost


def test_distinct_universities_stay_apart() -> None:
    res = resolve([doc("a", "北京大学和北京师范大学，东岳大学和东岳师范大学",
                       ("北京大学", ORG), ("北京师范大学", ORG), ("东岳大学", ORG), ("东岳师范大学", ORG))])
    assert labels(res, ORG) == ["东岳大学", "东岳师范大学", "北京大学", "北京师范大学"]


def test_companies_differing_in_a_word_stay_apart() -> None:
    res = resolve([doc("a", "蓝海数据科技有限公司和蓝海科技有限公司", ("蓝海数据科技有限公司", ORG), ("蓝海科技有限公司", ORG))])
    assert labels(res, ORG) == ["蓝海数据科技有限公司", "蓝海科技有限公司"]


def test_companies_differing_in_a_one_character_word_stay_apart() -> None:
    res = resolve([doc("a", "蓝海云科技有限公司和蓝海科技有限公司", ("蓝海云科技有限公司", ORG), ("蓝海科技有限公司", ORG))])
    assert labels(res, ORG) == ["蓝海云科技有限公司", "蓝海科技有限公司"]


def test_ids_do_not_depend_on_document_order() -> None:
    a = doc("a", "教授钱晓峰出席", ("教授", ROLE), ("钱晓峰", PERSON), posts=((1, 0, None),))
    b = doc("b", "东岳大学孙明远院长", ("东岳大学", ORG), ("孙明远", PERSON), ("院长", ROLE), posts=((1, 2, 0),))
    one, two = resolve([a, b]), resolve([b, a])
    assert list(one.entities) == list(two.entities)
    assert one.facts == two.facts
    assert one.mention_entity == two.mention_entity


def test_every_entity_has_chinese_and_english_labels() -> None:
    res = resolve([doc("a", "东岳大学校长孙明远谈区块链", ("东岳大学", ORG), ("校长", ROLE), ("孙明远", PERSON),
                       ("区块链", TECH), posts=((2, 1, 0),))])
    for e in res.entities.values():
        assert e.label_zh and e.label_en and e.label_en.isascii(), e
    assert res.entities["person/孙明远"].label_en == "Sun Mingyuan"
    assert res.entities["tech/区块链"].label_en == "blockchain"


def test_post_becomes_a_fact_between_entities() -> None:
    res = resolve([doc("a", "东岳大学校长孙明远", ("东岳大学", ORG), ("校长", ROLE), ("孙明远", PERSON), posts=((2, 1, 0),))])
    [fact] = res.facts
    assert (fact.predicate, fact.subject, fact.object, fact.context) == (
        Predicate.HOLDS_POST, "person/孙明远", "role/校长", "org/东岳大学")
    assert sorted(fact.evidence) == [("a", 0), ("a", 1), ("a", 2)]


def test_title_that_nobody_holds_is_not_an_entity() -> None:
    res = resolve([doc("a", "做好行业的研究员", ("研究员", ROLE))])
    assert res.entities == {} and res.mention_entity == {}


def test_places_are_not_entities() -> None:
    res = resolve([doc("a", "东岳市", ("东岳市", PLACE))])
    assert res.entities == {}


def test_min_confidence_drops_weak_mentions() -> None:
    res = resolve([doc("a", "钱晓峰", ("钱晓峰", PERSON), confidence=0.3)], min_confidence=0.5)
    assert res.entities == {}


def test_iri_segment_is_readable_and_safe() -> None:
    assert iri_segment("蓝海科技") == "蓝海科技"
    assert iri_segment("Lanhai Tech (HK)/x") == "Lanhai-Tech-%28HK%29%2Fx"
    assert iri_segment("  ") == "unnamed"


def test_real_pipeline_resolves_abbreviation_and_repeated_person_across_documents() -> None:
    docs = [Document("a", "工信部副部长孙明远出席会议。", "zh"),
            Document("b", "工业和信息化部副部长孙明远致辞。", "zh")]
    res = resolve([analyse(d) for d in docs])
    assert "org/工业和信息化部" in res.entities and "person/孙明远" in res.entities
    assert {d for d, _ in res.entities["person/孙明远"].mentions} == {"a", "b"}
    [post] = [f for f in res.facts if f.predicate is Predicate.HOLDS_POST]
    assert (post.subject, post.object, post.context) == ("person/孙明远", "role/副部长", "org/工业和信息化部")
    assert {d for d, _ in post.evidence} == {"a", "b"}


@pytest.mark.parametrize("umlaut, english", [("ü", "Lü Minghua"), ("v", "Lv Minghua")])
def test_umlaut_in_english_names_is_written_as_asked(umlaut: str, english: str) -> None:
    res = resolve([doc("a", "吕明华出席", ("吕明华", PERSON))], umlaut=umlaut)
    [person] = res.entities.values()
    assert person.label_en == english


def test_a_narrower_term_outside_the_scheme_is_broader_linked_to_the_concept_it_narrows() -> None:
    res = resolve([doc("d", "手术机器人和机器人都在展出。", ("手术机器人", TECH), ("机器人", TECH))])
    narrow = next(e for e in res.entities.values() if e.label_zh == "手术机器人")
    assert narrow.broader == [f"tech/{iri_segment('机器人')}"]


def test_a_generic_short_form_a_text_defined_is_no_alias_of_the_entity() -> None:
    text = "青禾智能装备股份有限公司（以下简称“公司”）召开董事会。赵启明现任公司董事长。"
    res = resolve([analyse(Document("a", text, "zh"))])
    [company] = [e for e in res.entities.values() if e.type is ORG]
    assert company.label_zh == "青禾智能装备股份有限公司" and "公司" not in company.aliases
    assert len(company.mentions) == 3


def test_a_surname_with_a_form_of_address_names_a_person_of_its_document_only() -> None:
    res = resolve([doc("a", "市民吴先生反映，吴先生说", ("吴", PERSON), ("吴", PERSON)),
                   doc("b", "吴先生投诉", ("吴", PERSON))])
    assert entity_of(res, "a", 0) is entity_of(res, "a", 1)
    assert entity_of(res, "a", 0) is not entity_of(res, "b", 0)
    assert labels(res, PERSON) == ["吴先生", "吴先生"]
    assert entity_of(res, "a", 0).label_en == "Mr Wu"
    assert "吴" not in entity_of(res, "a", 0).aliases


def test_a_surname_with_a_title_is_the_one_person_of_that_surname_its_document_names() -> None:
    res = resolve([doc("a", "董事长何振宇出席。何董事长指出", ("何振宇", PERSON), ("何", PERSON), ("董事长", ROLE))])
    assert entity_of(res, "a", 1) is entity_of(res, "a", 0)
    assert entity_of(res, "a", 0).label_zh == "何振宇"


def test_a_surname_two_full_names_share_stays_its_own_person() -> None:
    res = resolve([doc("a", "何振宇与何丽出席。何局长说", ("何振宇", PERSON), ("何丽", PERSON), ("何", PERSON),
                       ("局长", ROLE))])
    addressed = entity_of(res, "a", 2)
    assert addressed.label_zh == "何局长"
    assert addressed.label_en == "Director He"
    assert addressed not in (entity_of(res, "a", 0), entity_of(res, "a", 1))


def test_a_bracketed_original_is_the_english_label() -> None:
    text = "校长巴里·穆尼兹（Barry Munitz）出席"
    analysis = doc("a", text, ("巴里·穆尼兹", PERSON))
    start = text.index("Barry")
    analysis.mentions.append(Mention(PERSON, start, start + 12, "Barry Munitz", 0.9, "original", norm="巴里·穆尼兹"))
    [person] = resolve([analysis]).entities.values()
    assert (person.label_zh, person.label_en, person.en_method) == ("巴里·穆尼兹", "Barry Munitz", "source")


def test_a_foreign_family_name_alone_is_the_one_full_name_ending_with_it() -> None:
    res = resolve([doc("a", "巴里·穆尼兹出席。穆尼兹表示", ("巴里·穆尼兹", PERSON), ("穆尼兹", PERSON))])
    assert entity_of(res, "a", 1) is entity_of(res, "a", 0)


def _with_unit(doc_id: str, text: str, parent: str, unit: str, *more: tuple[str, EntityType]) -> Analysis:
    analysis = doc(doc_id, text, (parent, ORG), (unit, ORG), *more)
    analysis.relations.append(Relation(Predicate.SUB_ORGANIZATION_OF, 1, 0, 0.9, "test"))
    return analysis


def test_units_of_the_same_name_in_two_parents_are_two_entities() -> None:
    res = resolve([_with_unit("a", "东岳理工大学机械学院", "东岳理工大学", "机械学院"),
                   _with_unit("b", "南湖师范大学机械学院", "南湖师范大学", "机械学院")])
    first, second = entity_of(res, "a", 1), entity_of(res, "b", 1)
    assert first is not second
    assert first.label_zh == second.label_zh == "机械学院"
    assert "东岳理工大学机械学院" in first.aliases


def test_a_bare_unit_name_later_in_the_document_is_that_unit() -> None:
    res = resolve([_with_unit("a", "东岳理工大学机械学院签约。机械学院院长冯立说", "东岳理工大学", "机械学院",
                              ("机械学院", ORG))])
    assert entity_of(res, "a", 2) is entity_of(res, "a", 1)


def test_a_short_company_name_in_another_document_is_the_one_registered_name_it_shortens() -> None:
    res = resolve([doc("a", "东岳新能源董事长发言", ("东岳新能源", ORG)),
                   doc("b", "东岳新能源科技股份有限公司发布公告", ("东岳新能源科技股份有限公司", ORG))])
    assert entity_of(res, "a", 0) is entity_of(res, "b", 0)


def test_a_short_name_two_registered_names_shorten_to_stays_apart() -> None:
    res = resolve([doc("a", "东岳新能源发言", ("东岳新能源", ORG)),
                   doc("b", "东岳新能源科技有限公司与东岳新能源投资有限公司", ("东岳新能源科技有限公司", ORG),
                       ("东岳新能源投资有限公司", ORG))])
    assert len({entity_of(res, "a", 0).id, entity_of(res, "b", 0).id, entity_of(res, "b", 1).id}) == 3
