"""Relations between hand-placed mentions (so the test checks the relation rules, not
the recognisers), and a few through the whole pipeline."""
from __future__ import annotations

import pytest

from kg.extract.pipeline import analyse
from kg.extract.relations import find_relations
from kg.extract.segment import default_segmenter
from kg.model import Analysis, Document, EntityType, Mention, Predicate

ORG, ROLE, PERSON, TECH = EntityType.ORG, EntityType.ROLE, EntityType.PERSON, EntityType.TECH


def place(text: str, *parts: tuple[str, EntityType]) -> list[Mention]:
    """Mentions for the given surfaces, found left to right in ``text``."""
    out, pos = [], 0
    for surface, kind in parts:
        start = text.index(surface, pos)
        method = "org-grammar:association" if kind is ORG and surface.endswith(("协会", "联盟")) else "test"
        out.append(Mention(kind, start, start + len(surface), surface, 0.9, method))
        pos = start + len(surface)
    return out


def facts(text: str, mentions: list[Mention]) -> set[tuple]:
    """(predicate, subject, object, context) as surfaces."""
    rels = find_relations(text, default_segmenter()(text), mentions)
    return {(r.predicate, mentions[r.subject].text, mentions[r.object].text,
             mentions[r.context].text if r.context is not None else None) for r in rels}


def test_org_title_name_is_a_post_in_that_organization() -> None:
    text = "蓝海科技有限公司首席技术官钱晓峰致辞。"
    ms = place(text, ("蓝海科技有限公司", ORG), ("首席技术官", ROLE), ("钱晓峰", PERSON))
    assert facts(text, ms) == {(Predicate.HOLDS_POST, "钱晓峰", "首席技术官", "蓝海科技有限公司")}


def test_org_name_title_is_a_post_in_that_organization() -> None:
    text = "东岳理工大学孙明远院长致辞。"
    ms = place(text, ("东岳理工大学", ORG), ("孙明远", PERSON), ("院长", ROLE))
    assert facts(text, ms) == {(Predicate.HOLDS_POST, "孙明远", "院长", "东岳理工大学")}


def test_post_takes_the_innermost_unit_of_a_chain() -> None:
    text = "东岳理工大学智能制造中心主任冯立出席。"
    ms = place(text, ("东岳理工大学", ORG), ("智能制造中心", ORG), ("主任", ROLE), ("冯立", PERSON))
    assert facts(text, ms) == {
        (Predicate.HOLDS_POST, "冯立", "主任", "智能制造中心"),
        (Predicate.SUB_ORGANIZATION_OF, "智能制造中心", "东岳理工大学", None),
    }


def test_title_without_organization_is_a_post_without_one() -> None:
    text = "会上，教授韩志刚发言。"
    ms = place(text, ("教授", ROLE), ("韩志刚", PERSON))
    assert facts(text, ms) == {(Predicate.HOLDS_POST, "韩志刚", "教授", None)}


def test_two_titles_around_one_name_are_two_posts() -> None:
    text = "蓝海科技有限公司首席科学家孙明远教授出席。"
    ms = place(text, ("蓝海科技有限公司", ORG), ("首席科学家", ROLE), ("孙明远", PERSON), ("教授", ROLE))
    assert facts(text, ms) == {
        (Predicate.HOLDS_POST, "孙明远", "首席科学家", "蓝海科技有限公司"),
        (Predicate.HOLDS_POST, "孙明远", "教授", None),
    }


def test_organization_separated_by_a_word_is_not_the_employer() -> None:
    text = "蓝海科技有限公司邀请教授韩志刚发言。"
    ms = place(text, ("蓝海科技有限公司", ORG), ("教授", ROLE), ("韩志刚", PERSON))
    assert facts(text, ms) == {(Predicate.HOLDS_POST, "韩志刚", "教授", None)}


def test_sub_organization_chain_links_each_unit_to_the_one_before() -> None:
    text = "工业和信息化部电子信息司综合处处长韩志刚"
    ms = place(text, ("工业和信息化部", ORG), ("电子信息司", ORG), ("综合处", ORG), ("处长", ROLE), ("韩志刚", PERSON))
    assert facts(text, ms) == {
        (Predicate.SUB_ORGANIZATION_OF, "电子信息司", "工业和信息化部", None),
        (Predicate.SUB_ORGANIZATION_OF, "综合处", "电子信息司", None),
        (Predicate.HOLDS_POST, "韩志刚", "处长", "综合处"),
    }


def test_member_phrase_between_two_organizations() -> None:
    text = "中原数字产业联盟成员单位蓝海科技有限公司出席。"
    ms = place(text, ("中原数字产业联盟", ORG), ("蓝海科技有限公司", ORG))
    rels = find_relations(text, default_segmenter()(text), ms)
    [r] = [r for r in rels if r.predicate is Predicate.MEMBER_OF]
    assert (ms[r.subject].text, ms[r.object].text, r.method) == (
        "蓝海科技有限公司", "中原数字产业联盟", "member-phrase:成员单位")


def test_listed_member_units_join_the_main_association() -> None:
    text = "中原数字产业协会举办年会。蓝海科技有限公司、东岳理工大学等成员单位出席。"
    ms = place(text, ("中原数字产业协会", ORG), ("蓝海科技有限公司", ORG), ("东岳理工大学", ORG))
    assert {f for f in facts(text, ms) if f[0] is Predicate.MEMBER_OF} == {
        (Predicate.MEMBER_OF, "蓝海科技有限公司", "中原数字产业协会", None),
        (Predicate.MEMBER_OF, "东岳理工大学", "中原数字产业协会", None),
    }


def test_organizations_in_a_sentence_without_member_words_are_not_members() -> None:
    text = "中原数字产业协会举办年会。蓝海科技有限公司、东岳理工大学代表出席。"
    ms = place(text, ("中原数字产业协会", ORG), ("蓝海科技有限公司", ORG), ("东岳理工大学", ORG))
    assert not any(f[0] is Predicate.MEMBER_OF for f in facts(text, ms))


def test_speaker_talks_about_technologies_named_after_the_speech_verb() -> None:
    text = "主任冯立表示，区块链和数字孪生将深度融合。"
    ms = place(text, ("主任", ROLE), ("冯立", PERSON), ("区块链", TECH), ("数字孪生", TECH))
    talks = {f for f in facts(text, ms) if f[0] is Predicate.TALKS_ABOUT}
    assert talks == {(Predicate.TALKS_ABOUT, "冯立", "区块链", None), (Predicate.TALKS_ABOUT, "冯立", "数字孪生", None)}


def test_relations_do_not_cross_sentences() -> None:
    text = "东岳理工大学举办论坛。主任冯立出席。"
    ms = place(text, ("东岳理工大学", ORG), ("主任", ROLE), ("冯立", PERSON))
    assert facts(text, ms) == {(Predicate.HOLDS_POST, "冯立", "主任", None)}


def analysis_of(text: str) -> Analysis:
    return analyse(Document("doc", text, "zh"))


def facts_of(a: Analysis) -> set[tuple]:
    """(predicate, subject, object, context) of a whole analysis, as surfaces."""
    return {(r.predicate, a.mentions[r.subject].text, a.mentions[r.object].text,
             a.mentions[r.context].text if r.context is not None else None) for r in a.relations}


def test_pipeline_reads_a_post_chain_end_to_end() -> None:
    a = analysis_of("星河数据股份有限公司技术总监冯立、XR产品市场总监郑凯出席会议。")
    posts = {f[1:] for f in facts_of(a) if f[0] is Predicate.HOLDS_POST}
    assert ("冯立", "技术总监", "星河数据股份有限公司") in posts
    assert any(p[:2] == ("郑凯", "XR产品市场总监") for p in posts)


def test_relation_indexes_point_into_the_analysis_mentions() -> None:
    a = analysis_of("东岳理工大学智能制造中心主任冯立表示，人工智能前景广阔。")
    assert a.relations
    for r in a.relations:
        for i in (r.subject, r.object, r.context):
            assert i is None or 0 <= i < len(a.mentions)


def test_titles_joined_by_jian_are_posts_at_the_same_organization() -> None:
    text = "东岳数据协会常务副会长兼秘书长冯立致辞。"
    ms = place(text, ("东岳数据协会", ORG), ("常务副会长", ROLE), ("秘书长", ROLE), ("冯立", PERSON))
    got = facts(text, ms)
    assert (Predicate.HOLDS_POST, "冯立", "秘书长", "东岳数据协会") in got
    assert (Predicate.HOLDS_POST, "冯立", "常务副会长", "东岳数据协会") in got


def test_titles_listed_with_a_comma_share_the_body_when_the_last_has_none_of_its_own() -> None:
    text = "东岳市卫生健康委员会党组书记、主任冯立出席会议。"
    ms = place(text, ("东岳市卫生健康委员会", ORG), ("党组书记", ROLE), ("主任", ROLE), ("冯立", PERSON))
    got = facts(text, ms)
    assert (Predicate.HOLDS_POST, "冯立", "主任", "东岳市卫生健康委员会") in got
    assert (Predicate.HOLDS_POST, "冯立", "党组书记", "东岳市卫生健康委员会") in got


def test_listed_organization_title_pairs_before_a_name_are_all_its_posts() -> None:
    text = "东岳大学计算机学院院长、东岳科学院院士冯立教授作报告。"
    ms = place(text, ("东岳大学", ORG), ("计算机学院", ORG), ("院长", ROLE), ("东岳科学院", ORG), ("院士", ROLE),
               ("冯立", PERSON), ("教授", ROLE))
    got = facts(text, ms)
    assert (Predicate.HOLDS_POST, "冯立", "院长", "计算机学院") in got
    assert (Predicate.HOLDS_POST, "冯立", "院士", "东岳科学院") in got


def test_a_list_of_people_is_not_a_chain_of_titles() -> None:
    text = "处长孙明远、副处长冯立出席。"
    ms = place(text, ("处长", ROLE), ("孙明远", PERSON), ("副处长", ROLE), ("冯立", PERSON))
    posts = {(s, o) for p, s, o, _ in facts(text, ms) if p is Predicate.HOLDS_POST}
    assert posts == {("孙明远", "处长"), ("冯立", "副处长")}


def test_organizations_elected_into_roles_join_the_association_named_before() -> None:
    text = "会上，东岳储能产业联盟正式成立，蓝海能源有限公司当选首届理事长单位，星河电池有限公司等8家企业成为首批成员单位。"
    ms = place(text, ("东岳储能产业联盟", ORG), ("蓝海能源有限公司", ORG), ("星河电池有限公司", ORG))
    got = facts(text, ms)
    assert (Predicate.MEMBER_OF, "蓝海能源有限公司", "东岳储能产业联盟", None) in got
    assert (Predicate.MEMBER_OF, "星河电池有限公司", "东岳储能产业联盟", None) in got


def test_a_minister_named_by_the_contracted_ministry_holds_the_post_there() -> None:
    text = "外交部长林启华会见了来宾。"
    ms = [Mention(ORG, 0, 3, "外交部", 0.95, "org-lexicon"), Mention(ROLE, 2, 4, "部长", 0.9, "title-grammar"),
          Mention(PERSON, 4, 7, "林启华", 0.9, "test")]
    assert facts(text, ms) == {(Predicate.HOLDS_POST, "林启华", "部长", "外交部")}


BIOGRAPHY = "孙明远先生简历：1968年出生，曾任东岳重型机械厂技术科科长、副厂长，蓝海自动化有限公司总经理。现任公司董事长。\n"


def test_a_biography_paragraph_gives_its_person_the_posts_it_names() -> None:
    ms = place(BIOGRAPHY, ("孙明远", PERSON), ("东岳重型机械厂", ORG), ("技术科", ORG), ("科长", ROLE), ("副厂长", ROLE),
               ("蓝海自动化有限公司", ORG), ("总经理", ROLE), ("公司", ORG), ("董事长", ROLE))
    posts = {f for f in facts(BIOGRAPHY, ms) if f[0] is Predicate.HOLDS_POST}
    assert posts == {(Predicate.HOLDS_POST, "孙明远", "科长", "技术科"),
                     (Predicate.HOLDS_POST, "孙明远", "副厂长", "东岳重型机械厂"),  # a different post: at the parent
                     (Predicate.HOLDS_POST, "孙明远", "总经理", "蓝海自动化有限公司"),
                     (Predicate.HOLDS_POST, "孙明远", "董事长", "公司")}


def test_a_rank_of_the_same_post_stays_in_the_unit() -> None:
    text = "林晓梅女士简历：曾任青禾制衣有限公司财务部副经理、经理。\n"
    ms = place(text, ("林晓梅", PERSON), ("青禾制衣有限公司", ORG), ("财务部", ORG), ("副经理", ROLE), ("经理", ROLE))
    assert (Predicate.HOLDS_POST, "林晓梅", "经理", "财务部") in facts(text, ms)


def test_a_post_next_to_another_name_in_a_biography_is_not_the_subjects() -> None:
    text = "孙明远，男，1968年出生，曾协助董事长王立科工作。\n"
    ms = place(text, ("孙明远", PERSON), ("董事长", ROLE), ("王立科", PERSON))
    assert (Predicate.HOLDS_POST, "孙明远", "董事长", None) not in facts(text, ms)


def test_a_paragraph_that_does_not_open_a_biography_gives_no_posts_to_its_first_name() -> None:
    text = "孙明远表示，公司董事长将出席会议。\n"
    ms = place(text, ("孙明远", PERSON), ("公司", ORG), ("董事长", ROLE))
    assert not any(f[1] == "孙明远" for f in facts(text, ms))


def test_an_appointment_gives_the_post_after_wei_at_its_organization() -> None:
    text = "任命许志刚为东岳省统计局局长、党组书记；免去周建国的东岳省交通运输厅副厅长职务。"
    ms = place(text, ("许志刚", PERSON), ("东岳省统计局", ORG), ("局长", ROLE), ("党组书记", ROLE),
               ("周建国", PERSON), ("东岳省交通运输厅", ORG), ("副厅长", ROLE))
    posts = {f for f in facts(text, ms) if f[0] is Predicate.HOLDS_POST}
    assert (Predicate.HOLDS_POST, "许志刚", "局长", "东岳省统计局") in posts
    assert (Predicate.HOLDS_POST, "许志刚", "党组书记", "东岳省统计局") in posts
    assert (Predicate.HOLDS_POST, "周建国", "副厅长", "东岳省交通运输厅") in posts


def test_a_name_before_wei_without_an_appointment_holds_nothing() -> None:
    text = "孙明远为东岳省统计局局长送行。"
    ms = place(text, ("孙明远", PERSON), ("东岳省统计局", ORG), ("局长", ROLE))
    assert not any(f[1] == "孙明远" for f in facts(text, ms))


def test_a_title_between_two_names_of_a_byline_is_the_second_names() -> None:
    text = "本报记者 邬春晖 通讯员 杜文"
    ms = place(text, ("记者", ROLE), ("邬春晖", PERSON), ("通讯员", ROLE), ("杜文", PERSON))
    assert facts(text, ms) == {(Predicate.HOLDS_POST, "邬春晖", "记者", None),
                               (Predicate.HOLDS_POST, "杜文", "通讯员", None)}


def test_a_court_division_is_a_unit_of_its_court_and_its_head_holds_the_post_there() -> None:
    a = analysis_of("东岳市中级人民法院民事审判庭副庭长邬春晖表示，案件已审结。")
    rels = facts_of(a)
    assert (Predicate.HOLDS_POST, "邬春晖", "副庭长", "民事审判庭") in rels
    assert (Predicate.SUB_ORGANIZATION_OF, "民事审判庭", "东岳市中级人民法院", None) in rels


def test_a_list_of_titled_names_after_an_organization_shares_it() -> None:
    text = "东岳科技有限公司董事长邬春晖（Chunhui Wu）、首席技术官杜文出席。"
    ms = place(text, ("东岳科技有限公司", ORG), ("董事长", ROLE), ("邬春晖", PERSON), ("首席技术官", ROLE), ("杜文", PERSON))
    assert (Predicate.HOLDS_POST, "杜文", "首席技术官", "东岳科技有限公司") in facts(text, ms)


def test_an_organization_a_sentence_says_is_a_member_is_the_member() -> None:
    text = "东岳科技有限公司成立于2016年，是高新技术企业，也是东岳智能制造产业联盟理事单位。"
    ms = place(text, ("东岳科技有限公司", ORG), ("东岳智能制造产业联盟", ORG))
    assert facts(text, ms) == {(Predicate.MEMBER_OF, "东岳科技有限公司", "东岳智能制造产业联盟", None)}


def test_a_unit_named_again_before_a_title_is_where_the_post_is() -> None:
    a = analysis_of("公司与东岳理工大学机电学院签约。机电学院院长邬春晖表示，双方将共建实验室。")
    assert (Predicate.HOLDS_POST, "邬春晖", "院长", "机电学院") in facts_of(a)


def test_an_appointee_with_a_form_of_address_holds_the_post() -> None:
    a = analysis_of("董事会决定聘任邬春晖先生为公司总经理。")
    assert {f for f in facts_of(a) if f[0] is Predicate.HOLDS_POST} == {(Predicate.HOLDS_POST, "邬春晖", "总经理", None)}


@pytest.mark.parametrize("text, org", [("东岳证券电力设备行业首席分析师邬春晖认为，需求旺盛。", "东岳证券"),
                                       ("东岳银行华东大区总经理邬春晖表示，贷款增长较快。", "东岳银行")])
def test_the_sector_or_region_a_post_covers_does_not_cut_it_from_its_body(text: str, org: str) -> None:
    ms = place(text, (org, ORG), ("邬春晖", PERSON))
    title = "首席分析师" if "分析师" in text else "总经理"
    ms.insert(1, Mention(ROLE, text.index(title), text.index(title) + len(title), title, 0.9, "test"))
    assert (Predicate.HOLDS_POST, "邬春晖", title, org) in facts(text, ms)


def test_a_post_of_a_towns_party_committee_is_held_at_that_committee() -> None:
    a = analysis_of("青石镇党委书记祝明川介绍了茶园的情况。")
    assert (Predicate.HOLDS_POST, "祝明川", "党委书记", "青石镇党委") in facts_of(a)


def test_a_common_word_ending_in_town_is_no_place_government() -> None:
    a = analysis_of("他是格拉斯小镇市长。")
    assert "小镇" not in [m.text for m in a.mentions if m.type is ORG]


def test_a_mayors_post_listed_after_a_party_committee_post_is_not_the_committees() -> None:
    text = "东岳市委常委、副市长冯立出席。"
    ms = place(text, ("东岳市委", ORG), ("常委", ROLE), ("副市长", ROLE), ("冯立", PERSON))
    got = facts(text, ms)
    assert (Predicate.HOLDS_POST, "冯立", "常委", "东岳市委") in got
    assert (Predicate.HOLDS_POST, "冯立", "副市长", "东岳市委") not in got


def test_a_name_with_its_body_and_post_in_brackets_holds_that_post() -> None:
    a = analysis_of("圆桌嘉宾：骆辰希（星衡智能科技有限公司首席技术官）、温可欣（东岳市科学技术局副局长）。")
    got = facts_of(a)
    assert (Predicate.HOLDS_POST, "骆辰希", "首席技术官", "星衡智能科技有限公司") in got
    assert (Predicate.HOLDS_POST, "温可欣", "副局长", "东岳市科学技术局") in got


def test_a_speaker_label_in_a_transcript_talks_about_what_follows() -> None:
    a = analysis_of("主持人：请谈谈看法。\n骆辰希：视觉大模型已经用在焊缝检测上。")
    assert (Predicate.TALKS_ABOUT, "骆辰希", "视觉大模型", None) in facts_of(a)
