from __future__ import annotations

import pytest

from kg.extract.segment import default_segmenter
from kg.extract.titles import across_words, find_titles
from kg.model import EntityType


def titles_in(text: str) -> list[str]:
    return [m.text for m in find_titles(text)]


@pytest.mark.parametrize("title", ["常务副总经理", "首席技术官", "技术总监", "XR产品市场总监", "副总信息师", "销售经理"])
def test_grammar_composes_modifiers_and_domains_into_one_title(title: str) -> None:
    text = f"蓝海科技有限公司{title}钱晓峰出席会议。"
    assert titles_in(text) == [title]
    m = find_titles(text)[0]
    assert (m.type, text[m.start:m.end]) == (EntityType.ROLE, title)


def test_plain_base_title_is_found_with_offsets() -> None:
    text = "东岳理工大学教授孙明远"
    [m] = find_titles(text)
    assert (m.text, m.start, m.end) == ("教授", 6, 8)


@pytest.mark.parametrize("text, expected", [
    ("董事会秘书冯丽娟", ["董事会秘书"]),  # 董事 + 会: a board (whose secretary is a title), not 董事
    ("专家委员会主任韩志刚", ["主任"]),   # 委员 + 会
    ("代表团团长赵成林", ["团长"]),       # 代表 + 团
    ("主席台上坐满了人", []),             # 主席 + 台
])
def test_title_word_inside_a_body_name_is_not_a_title(text: str, expected: list[str]) -> None:
    assert titles_in(text) == expected


def test_domain_word_needs_a_title_head() -> None:
    assert titles_in("市场部负责销售") == []


def test_quoted_title_used_figuratively_is_not_a_title() -> None:
    assert titles_in("希望大家做好行业的“研究员”。") == []
    assert titles_in("助理研究员冯立发言。") == ["助理研究员"]


def test_two_titles_joined_by_jian_are_two_mentions() -> None:
    assert titles_in("副院长兼教授钱晓峰") == ["副院长", "教授"]


def test_established_titles_score_higher_than_composed_ones() -> None:
    established, composed = find_titles("总经理钱晓峰、XR产品市场总监冯立")
    assert established.text == "总经理" and composed.text == "XR产品市场总监"
    assert established.confidence > composed.confidence


@pytest.mark.parametrize("text, expected", [
    ("他曾任总经理助理。", ["总经理助理"]),
    ("现任校长助理兼教务处处长。", ["校长助理", "处长"]),
])
def test_the_assistant_to_a_title_is_one_title(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_titles(text)] == expected


@pytest.mark.parametrize("title", ["高级经济师", "注册会计师", "教授级高级工程师", "导演", "主持人", "摄影师",
                                   "主治医师", "主管药师", "主管护师", "证券事务代表", "供销经理"])
def test_professional_titles_and_occupations_are_titles(title: str) -> None:
    assert [m.text for m in find_titles(f"他是一名{title}。")] == [title]


@pytest.mark.parametrize("text, expected", [
    ("第二机械厂党委书记兼副厂长", ["党委书记", "副厂长"]),
    ("现任集团党委副书记、纪委书记。", ["党委副书记", "纪委书记"]),
    ("任东岳水务监事会主席。", ["监事会主席"]),
])
def test_officers_of_party_and_board_bodies_are_one_title(text: str, expected: list[str]) -> None:
    assert titles_in(text) == expected


def test_a_board_meeting_is_not_a_title() -> None:
    assert titles_in("公司召开董事会会议。") == []


@pytest.mark.parametrize("text, expected", [
    ("他是中共党员，现任协会常务理事。", ["中共党员", "常务理事"]),
    ("当选为区人大代表和政协委员。", ["人大代表", "政协委员"]),
    ("该公司是协会的理事单位。", []),
])
def test_political_and_association_standing(text: str, expected: list[str]) -> None:
    assert titles_in(text) == expected


@pytest.mark.parametrize("title", ["营销经理", "创意总监", "投资顾问", "客户经理", "行政总监"])
def test_business_fields_before_a_field_title_are_part_of_it(title: str) -> None:
    assert titles_in(f"她是公司的{title}。") == [title]


@pytest.mark.parametrize("text, title", [
    ("任命林启华为首席风险官。", "首席风险官"),
    ("公司CTO冯立介绍了新车。", "CTO"),
    ("审判长孙明远宣布开庭。", "审判长"),
    ("检察院指派检察员孙明远出庭。", "检察员"),
    ("拟任基金经理林启华表示。", "基金经理"),
    ("农业农村局高级农艺师冯立介绍。", "高级农艺师"),
])
def test_court_finance_farming_and_chief_officer_titles(text: str, title: str) -> None:
    assert title in titles_in(text)


def test_an_officer_acronym_inside_a_longer_word_is_not_a_title() -> None:
    assert titles_in("该系统基于MCOS平台。") == []


def test_an_ambassador_title_does_not_swallow_an_embassy() -> None:
    assert titles_in("法国驻华大使馆发表声明。") == []


@pytest.mark.parametrize("title", ["高级投资经理", "二级业务经理", "投资副总裁", "总法律顾问", "职工监事", "助理会计师",
                                   "高级人力资源管理师", "学术带头人", "党组成员"])
def test_a_modifier_may_precede_the_field_and_more_bases_take_a_field(title: str) -> None:
    assert titles_in(f"他现任{title}。") == [title]


@pytest.mark.parametrize("text, title", [
    ("化学学院讲席教授林立出席。", "讲席教授"),
    ("报社主任编辑林立发言。", "主任编辑"),
    ("任命林立为亚太区总裁。", "亚太区总裁"),
    ("从学徒到高级技师，他用了十年。", "高级技师"),
    ("他申请辞去公司副总经理职务。", "副总经理"),
    ("选举林立为非独立董事。", "非独立董事"),
])
def test_chair_professorships_senior_ranks_regions_and_titles_before_zhiwu(text: str, title: str) -> None:
    assert title in titles_in(text)


@pytest.mark.parametrize("text, title", [("舰队副司令官林立发言。", "副司令官"), ("海军少将林立率团访问。", "海军少将"),
                                         ("他曾任师长、军长。", "军长")])
def test_military_posts_and_ranks(text: str, title: str) -> None:
    assert title in titles_in(text)


def test_an_anti_corruption_commission_holds_no_title() -> None:
    assert titles_in("廉政委员会发表声明。") == []


@pytest.mark.parametrize("text, expected", [
    ("东岳国外长卡洛斯表示欢迎。", ["外长"]),
    ("该国首相与议长举行会谈。", ["首相", "议长"]),
    ("参议员和总领事出席了招待会。", ["参议员", "总领事"]),
])
def test_state_and_diplomatic_posts_are_titles(text: str, expected: list[str]) -> None:
    assert titles_in(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("法国驻华大使罗兰·杜邦致辞。", ["驻华大使"]),        # the post names where the mission is
    ("常驻联合国副代表发言。", ["驻联合国副代表"]),
    ("东岳日报驻京记者孙明报道。", ["驻京记者"]),
    ("中国驻东岳国大使馆发表声明。", []),                 # an embassy is an organization
    ("驻村第一书记走访农户。", ["第一书记"]),              # 书记 is not a post of a mission abroad
])
def test_a_mission_post_includes_where_it_is(text: str, expected: list[str]) -> None:
    assert titles_in(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("东岳国总理会见了代表团。", ["总理"]),   # 会见 is a verb, not the 会 of 董事会
    ("部长会谈后举行了记者会。", ["部长"]),
    ("董事会同意聘任。", []),                  # 董事会 + 同意
])
def test_a_title_before_a_verb_of_meeting(text: str, expected: list[str]) -> None:
    assert titles_in(text) == expected


def test_ganshi_chuangye_is_an_idiom_not_a_title() -> None:
    assert titles_in("激励广大干部干事创业。") == []


@pytest.mark.parametrize("title", ["政委", "上校", "指挥官", "刑警", "主播"])
def test_military_police_and_broadcast_posts(title: str) -> None:
    assert titles_in(f"据{title}孙明介绍，工作进展顺利。") == [title]


def test_an_officer_acronym_before_a_name() -> None:
    assert titles_in("苹果公司CEO库克访问中国。") == ["CEO"]  # 库 does not make CEO a word's first half


@pytest.mark.parametrize("text, expected", [("她任总经理秘书。", ["总经理秘书"]), ("他是主管药师，负责配药。", ["主管药师"])])
def test_a_whole_base_wins_over_a_modifier_or_field_base_at_its_start(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_titles(text)] == expected


def words_titles(text: str) -> list[str]:
    words = [t for s in default_segmenter()(text) for t in s.tokens]
    return [m.text for m in across_words(find_titles(text), words)]


@pytest.mark.parametrize("text, false_title", [
    ("他任职于临汾市长青制药厂。", "市长"),
    ("他曾任香港艺高工程有限公司经理。", "高工"),
    ("湖北省社科院长江流域研究所发布报告。", "院长"),
])
def test_a_title_read_across_two_words_is_none(text: str, false_title: str) -> None:
    assert false_title in titles_in(text)  # the bare grammar matches the characters
    assert false_title not in words_titles(text)


@pytest.mark.parametrize("text, title", [("临汾市市长王立科出席。", "市长"), ("社科院院长王立科出席。", "院长")])
def test_a_title_that_is_a_word_of_its_own_stays(text: str, title: str) -> None:
    assert title in words_titles(text)


def test_a_title_whose_last_character_jieba_took_with_a_surname_stays() -> None:
    assert "部长" in words_titles("财政部长安雷表示。")  # 财政部|长安|雷


def test_experts_before_a_committee_name_it() -> None:
    assert "专家" not in titles_in("他是省政府专家咨询委员会委员。")


@pytest.mark.parametrize("text, title", [
    ("后任东岳市公安局刑侦处干警、二级警司。", "二级警司"),
    ("他是西岭大学博士后。", "博士后"),
    ("任项目指挥部副指挥长。", "副指挥长"),
    ("现任东岳总商会会董。", "会董"),
    ("他是《东岳学刊》审稿人。", "审稿人"),
])
def test_ranks_and_posts_of_police_research_projects_and_chambers_are_titles(text: str, title: str) -> None:
    assert title in titles_in(text)


def test_a_postdoctoral_station_is_no_title() -> None:
    assert titles_in("他进入博士后工作站从事研究。") == []


def test_a_title_starting_inside_a_units_whole_name_starts_after_it() -> None:
    from kg.extract.titles import across_words

    text = "北京大学经济系主任李明"
    words = default_segmenter().words(text)  # jieba knows 北京大学经济系 as one word
    titles = [m.text for m in across_words(find_titles(text), words)]
    assert titles == ["主任"]


def test_a_title_before_team_is_a_post_only_after_a_name() -> None:
    assert [m.text for m in find_titles("东岳大学柯明轩教授团队发表论文。")] == ["教授"]
    assert find_titles("公司管理团队稳定，专家团队由十人组成。") == []
