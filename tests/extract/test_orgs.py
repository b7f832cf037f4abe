"""Organization names from the suffix grammar and the lexicon (``kg/extract/orgs.py``
alone, without the learned tagger; invented names, except standard ministries and
universities)."""
from __future__ import annotations

import pytest

from kg.extract.orgs import AMBIGUOUS_ALIAS, find_organizations
from kg.extract.pipeline import predict_mentions
from kg.extract.segment import default_segmenter
from kg.extract.titles import find_titles
from kg.model import EntityType, Mention


def org_mentions(text: str, use_lexicon: bool = True) -> list[Mention]:
    return find_organizations(text, default_segmenter()(text), find_titles(text), use_lexicon=use_lexicon)


def orgs(text: str) -> list[str]:
    return [m.text for m in org_mentions(text)]


@pytest.mark.parametrize("name, kind", [
    ("蓝海科技有限公司", "enterprise"),
    ("星河数据股份有限公司", "enterprise"),
    ("青禾控股集团", "enterprise"),
    ("蓝海银行", "enterprise"),
    ("东岳理工大学", "academic"),
    ("中原材料研究院", "academic"),
    ("中原大数据研究所", "academic"),
    ("中原数字经济专家委员会", "association"),
    ("江南软件行业协会", "association"),
    ("东岳市科学技术局", "government"),
])
def test_suffix_classes_end_an_organization_name(name: str, kind: str) -> None:
    text = f"{name}负责人冯立出席。"
    [m] = org_mentions(text)
    assert (m.type, m.text, m.start, m.end) == (EntityType.ORG, name, 0, len(name))
    assert m.method == f"org-grammar:{kind}"


def test_nested_chain_is_split_into_units() -> None:
    assert orgs("东岳理工大学智能制造中心数字孪生实验室主任冯立出席。") == ["东岳理工大学", "智能制造中心", "数字孪生实验室"]


def test_company_and_its_branch_are_two_units() -> None:
    assert orgs("参会单位包括星河数据有限公司信息通信分公司。") == ["星河数据有限公司", "信息通信分公司"]


@pytest.mark.parametrize("name", ["山东省农业农村厅", "江苏省商务厅", "浙江省交通运输厅"])
def test_place_prefix_is_kept(name: str) -> None:
    assert orgs(f"{name}副厅长韩志刚致辞。") == [name]


@pytest.mark.parametrize("name", ["山东省工业和信息化厅", "东岳市发展和改革委员会"])
def test_department_name_with_he_is_one_name(name: str) -> None:
    assert orgs(f"{name}副主任韩志刚致辞。") == [name]


@pytest.mark.parametrize("text, name", [
    ("代表团参观了蓝海科技有限公司。", "蓝海科技有限公司"),
    ("本届论坛由东岳理工大学主办。", "东岳理工大学"),
    ("专家们来自蓝海科技有限公司和东岳理工大学。", "蓝海科技有限公司"),
    ("与会嘉宾包括星河数据股份有限公司代表。", "星河数据股份有限公司"),
    ("会议在东岳理工大学举行。", "东岳理工大学"),
])
def test_left_boundary_stops_at_function_words_and_cues(text: str, name: str) -> None:
    assert name in orgs(text)
    assert all(not o.endswith(name) or o == name for o in orgs(text))


@pytest.mark.parametrize("text, name", [
    ("代表团走访蓝海科技有限公司。", "蓝海科技有限公司"),
    ("他们考察东岳理工大学。", "东岳理工大学"),
    ("会议邀请蓝海科技有限公司参加。", "蓝海科技有限公司"),
])
def test_left_boundary_stops_at_verbs(text: str, name: str) -> None:
    assert orgs(text) == [name]


@pytest.mark.parametrize("text", ["嘉宾来自多家上市公司。", "三家子公司的负责人出席。"])
def test_generic_nouns_are_not_organizations(text: str) -> None:
    assert orgs(text) == []


def test_lexicon_name_is_found_whole() -> None:
    assert orgs("会议在工业和信息化部指导下召开。") == ["工业和信息化部"]


def test_lexicon_abbreviation_is_found() -> None:
    assert orgs("本届大会由工信部主办。") == ["工信部"]


def test_lexicon_name_inside_a_longer_grammar_match_splits_it() -> None:
    # the grammar alone reads 应用内容北京大学光华管理学院 as one name
    assert orgs("应用内容北京大学光华管理学院院长冯立") == ["北京大学", "光华管理学院"]
    assert orgs("工业和信息化部信息技术发展司副司长孙明远") == ["工业和信息化部", "信息技术发展司"]


def test_lexicon_name_after_a_verb_is_found() -> None:
    assert orgs("推动工业和信息化部电子信息司工作。") == ["工业和信息化部", "电子信息司"]


def test_without_lexicon_only_the_grammar_matches() -> None:
    text = "会议在北大举行，东岳理工大学协办。"
    assert [m.text for m in org_mentions(text, use_lexicon=False)] == ["东岳理工大学"]
    assert [(m.text, m.method) for m in org_mentions(text)] == [("北大", "org-lexicon"),
                                                                ("东岳理工大学", "org-grammar:academic")]


@pytest.mark.parametrize("name", ["东岳大学车辆与运载学院", "东岳理工大学材料科学与工程学院"])
def test_yu_joining_two_fields_stays_inside_the_name(name: str) -> None:
    assert "".join(orgs(f"{name}院长冯立致辞。")) == name


def test_yu_between_a_word_and_a_name_is_a_boundary() -> None:
    assert orgs("与会代表与东岳大学师生座谈。") == ["东岳大学"]
    assert orgs("代表和专家顾问委员会专家出席。") == ["专家顾问委员会"]


def test_a_verb_right_before_the_unit_suffix_names_its_work() -> None:
    assert "".join(orgs("星河科技智能驾驶事业群总经理冯立表示")).endswith("智能驾驶事业群")


@pytest.mark.parametrize("text", [
    "这家保险公司拒绝理赔。",
    "多家外资银行扩大了业务。",
    "市政府发布了通知。",
    "各地要加快政府职能转变。",
    "村里积极组织农民学习。",
])
def test_a_kind_of_organization_is_not_a_name(text: str) -> None:
    assert orgs(text) == []


@pytest.mark.parametrize("text, name", [
    ("白鹭保险公司拒绝理赔。", "白鹭保险公司"),
    ("会议由国家农机院承办。", "国家农机院"),
    ("他加入了东岳私募股权投资基金协会。", "东岳私募股权投资基金协会"),
    ("东海渔业资源协同发展组织今天成立。", "东海渔业资源协同发展组织"),
])
def test_a_name_with_its_own_words_stays(text: str, name: str) -> None:
    assert name in orgs(text)


@pytest.mark.parametrize("text, teams", [
    ("周末焦点：河湾vs奥兰托推荐主胜。", ["河湾", "奥兰托"]),
    ("本轮东林队vs西岭队两队都需要积分。", ["东林队", "西岭队"]),
    ("下一场卡隆多对阵贝尔莫。", ["卡隆多", "贝尔莫"]),
])
def test_the_sides_of_a_fixture_are_teams(text: str, teams: list[str]) -> None:
    assert orgs(text) == teams


def test_players_on_either_side_of_vs_are_not_teams() -> None:
    assert orgs("女单决赛李娜vs王蔷。") == []


@pytest.mark.parametrize("text, team", [
    ("古巴队以3比1获胜。", "古巴队"),
    ("荷兰队主场迎战对手。", "荷兰队"),
])
def test_a_country_team_is_an_organization(text: str, team: str) -> None:
    assert orgs(text) == [team]


@pytest.mark.parametrize("text, name", [
    ("他在东岳星河集团有限公司工作。", "东岳星河集团有限公司"),
    ("2005年任东岳城建集团有限责任公司副总经理。", "东岳城建集团有限责任公司"),
    ("历任青禾(集团)股份有限公司车间主任。", "青禾(集团)股份有限公司"),
])
def test_group_company_legal_forms_end_one_name(text: str, name: str) -> None:
    assert orgs(text) == [name]


@pytest.mark.parametrize("text, name", [
    ("2015年4月任蓝纶科技副董事长。", "蓝纶科技"),
    ("曾任白鹭酿酒公司执行董事。", "白鹭酿酒公司"),
])
def test_a_verb_or_date_jieba_glued_to_the_name_is_not_part_of_it(text: str, name: str) -> None:
    assert orgs(text) == [name]


@pytest.mark.parametrize("text, name", [
    ("现任蓝湾制药总经理、总工程师。", "蓝湾制药"),
    ("现任公司董事、湖南粮油副董事长。", "湖南粮油"),
])
def test_a_short_company_name_before_a_title_is_an_organization(text: str, name: str) -> None:
    assert name in orgs(text)


@pytest.mark.parametrize("text, name", [
    ("2019年起任澜泽通董事。", "澜泽通"),
    ("历任财务经理，禾晟远景执行董事。", "禾晟远景"),
    ("2015年至今任鄞川新材副总经理。", "鄞川新材"),  # jieba glues 任鄞川
    ("现任董事、澜泽复合面料董事。", "澜泽复合面料"),  # a verb modifying a noun
])
def test_a_name_between_holding_office_and_a_title_is_the_employer(text: str, name: str) -> None:
    assert orgs(text) == [name]


@pytest.mark.parametrize("text", [
    "他曾任中学数学教师。", "曾任巴拉圭总统。", "现任项目经理。", "任该校校长多年。", "现任两家公司董事。",
    "曾任11国新任大使。", "黎川告诉记者，工程已完工。", "大手笔引入维冈球员。", "董事长，孙宏任董事、总经理。",
    "董事会同意聘任覃丽华为公司财务总监。",
])
def test_ordinary_words_places_and_clauses_before_a_title_are_not_an_employer(text: str) -> None:
    assert [m.text for m in org_mentions(text) if m.method == "org-grammar:employer"] == []


@pytest.mark.parametrize("text", ["村里新建了一个蓄电池厂。", "知识经济重视智力资本的积累。", "国际救援组织已经抵达灾区。"])
def test_ordinary_words_before_a_suffix_that_needs_a_name_describe_a_kind(text: str) -> None:
    assert orgs(text) == []


@pytest.mark.parametrize("text, name", [("青禾纺织厂的工人", "青禾纺织厂"), ("他在第三炼钢厂工作。", "第三炼钢厂")])
def test_a_named_factory_is_found_though_jieba_knows_its_kind_as_a_word(text: str, name: str) -> None:
    assert orgs(text) == [name]  # 纺织厂, 炼钢厂 are dictionary words


def test_a_verb_glued_to_a_suffix_makes_no_factory() -> None:
    assert orgs("两家车企都在东岳建厂。") == []  # 建厂 "to build a plant"


def test_a_japanese_family_name_that_is_also_a_company_is_the_person_before_a_given_name() -> None:
    kinds = [(m.text, m.type) for m in predict_mentions("丰田太一表示，丰田汽车将继续投资。")
             if m.type in (EntityType.PERSON, EntityType.ORG)]
    assert kinds == [("丰田太一", EntityType.PERSON), ("丰田汽车", EntityType.ORG)]


def test_a_long_descriptive_name_before_such_a_suffix_is_a_name_of_its_own() -> None:
    assert orgs("智慧交通协同发展组织秘书长出席。") == ["智慧交通协同发展组织"]


@pytest.mark.parametrize("text, name", [("青禾资本领投了本轮融资。", "青禾资本"), ("NEXA资本领投了本轮融资。", "NEXA资本"),
                                        ("澜泽创投领投。", "澜泽创投"), ("东岳农场的职工", "东岳农场")])
def test_a_name_of_its_own_before_such_a_suffix_makes_a_body(text: str, name: str) -> None:
    assert orgs(text) == [name]


@pytest.mark.parametrize("text", ["这幅画一直为收藏界所称道。", "他到银行网点办业务。"])
def test_a_suffix_character_used_as_a_verb_ends_no_name(text: str) -> None:
    assert orgs(text) == []


@pytest.mark.parametrize("text, name", [("东岳市金融办表示将加强监管。", "东岳市金融办"), ("东岳市住保办相关负责人说", "东岳市住保办")])
def test_a_verbal_suffix_before_a_context_word_ends_a_name(text: str, name: str) -> None:
    assert orgs(text) == [name]


def test_a_line_of_business_alone_before_a_title_is_not_a_name() -> None:
    assert orgs("他是制药总经理。") == []


@pytest.mark.parametrize("text", ["明天新疆北部有雨。", "东北地区南部将有大风。"])
def test_a_part_of_a_region_is_not_an_organization(text: str) -> None:
    assert orgs(text) == []


@pytest.mark.parametrize("text, name", [
    ("据东岳气象研究所统计，气温偏高。", "东岳气象研究所"),
    ("主队2比2逼平荷湾队，两队同时出线。", "荷湾队"),
])
def test_a_leading_preposition_or_match_verb_is_not_part_of_the_name(text: str, name: str) -> None:
    assert orgs(text) == [name]


def test_a_word_the_dictionary_knows_as_an_organization_is_found() -> None:
    assert orgs("他去年加盟了阿森纳。") == ["阿森纳"]


def test_dictionary_names_do_not_override_the_lexicon_or_grammar() -> None:
    assert orgs("阿森纳足球俱乐部发布公告。") == ["阿森纳足球俱乐部"]


@pytest.mark.parametrize("text, name", [
    ("现任恒通医疗集团股份公司副总经理。", "恒通医疗集团股份公司"),
    ("2001年起任蓝海投资顾问有限公司董事长。", "蓝海投资顾问有限公司"),
])
def test_company_names_with_a_title_word_or_short_legal_form(text: str, name: str) -> None:
    assert orgs(text) == [name]


@pytest.mark.parametrize("text, units", [
    ("东岳市人民政府办公厅印发通知。", ["东岳市人民政府", "办公厅"]),
    ("和自然资源部第三海洋研究所研究员", ["自然资源部", "第三海洋研究所"]),
])
def test_a_common_unit_word_or_an_ordinal_after_a_parent_is_a_unit(text: str, units: list[str]) -> None:
    assert orgs(text) == units


def test_investment_firms_are_named_by_capital_and_ventures() -> None:
    assert orgs("本轮由远山资本领投，青禾创投跟投。") == ["远山资本", "青禾创投"]
    assert orgs("提高人力资本水平。") == []


@pytest.mark.parametrize("name", ["东岳省残联", "青禾市妇联", "中国足协", "东岳县科协"])
def test_mass_organizations_by_their_standard_short_forms(name: str) -> None:
    assert orgs(f"{name}今天发布通知。") == [name]


@pytest.mark.parametrize("text, name", [("外交部长林启华会见了来宾。", "外交部"), ("芬兰农林部长林启华发言。", "芬兰农林部")])
def test_a_body_contracted_into_its_heads_title_is_found(text: str, name: str) -> None:
    assert name in orgs(text)


@pytest.mark.parametrize("text", ["孙明远院长在会上发言。", "张立局长出席。"])
def test_a_name_before_a_head_title_is_not_a_body(text: str) -> None:
    assert orgs(text) == []


@pytest.mark.parametrize("text, name", [("他呼吁东岳国国会尽快表决。", "东岳国国会"), ("欧洲议会通过决议。", "欧洲议会")])
def test_legislatures_are_organizations(text: str, name: str) -> None:
    assert orgs(text) == [name]


@pytest.mark.parametrize("text, name", [
    ("印度外交部就此发表声明。", "印度外交部"),
    ("美国国务院发表声明。", "美国国务院"),
])
def test_a_standard_body_after_a_foreign_country_is_that_countrys_body(text: str, name: str) -> None:
    assert orgs(text) == [name]


def test_a_foreign_country_before_a_contracted_ministry_stays_with_it() -> None:
    assert orgs("芬兰外交部长林启华会见来宾。") == ["芬兰外交部"]


def test_a_legal_form_after_a_bracketed_place_is_one_name() -> None:
    assert orgs("青禾银行（中国）有限公司宣布任命。") == ["青禾银行（中国）有限公司"]


@pytest.mark.parametrize("text, units", [
    ("东岳市人民检察院第二分院提起公诉。", ["东岳市人民检察院第二分院"]),
    ("此前他任职于青禾银行新加坡分行。", ["青禾银行", "新加坡分行"]),
    ("东岳市人民医院儿科门诊量上升。", ["东岳市人民医院", "儿科"]),
])
def test_units_after_a_parent_are_found(text: str, units: list[str]) -> None:
    found = orgs(text)
    assert "".join(found) == "".join(units) and found[-1].endswith(units[-1])


def test_a_doubled_suffix_character_ends_the_unit_before_a_head_title() -> None:
    assert orgs("东岳省人民检察院第四检察厅厅长林启华出席。")[-1].endswith("第四检察厅")


def test_a_national_bodys_short_name_after_a_chinese_place_is_the_local_body() -> None:
    [m] = org_mentions("东岳省卫健委近日印发通知。")
    assert (m.text, m.method) == ("东岳省卫健委", "org-grammar:local-body")
    assert [m.text for m in org_mentions("会后，国家卫健委印发通知。")] == ["国家卫健委"]


@pytest.mark.parametrize("text, name", [
    ("青禾县委、青禾县人民政府联合发文。", "青禾县委"),
    ("青禾大剧院将上演新戏。", "青禾大剧院"),
    ("南方话剧团今晚演出。", "南方话剧团"),
    ("东岳柑橘种植专业合作社带动农户增收。", "东岳柑橘种植专业合作社"),
    ("中国驻埃及大使馆发表声明。", "中国驻埃及大使馆"),
    ("法国驻华大使馆发表声明。", "法国驻华大使馆"),
])
def test_party_committees_theatres_troupes_cooperatives_and_embassies(text: str, name: str) -> None:
    assert name in orgs(text)


def test_a_meeting_verb_before_a_foreign_ministry_is_not_part_of_its_name() -> None:
    assert "东岳国农林部" in orgs("林启华会见东岳国农林部长。")


def test_an_organization_name_holds_no_unmatched_closing_bracket() -> None:
    assert orgs("本报讯（记者林立）东岳市土地储备中心发布公告。") == ["东岳市土地储备中心"]


@pytest.mark.parametrize("text, name", [
    ("曾任东岳高压开关（集团）厂总会计师。", "东岳高压开关（集团）厂"),
    ("公司改制为青禾（集团）控股有限公司，", "青禾（集团）控股有限公司"),
])
def test_a_bracketed_legal_form_inside_a_name_keeps_the_name_whole(text: str, name: str) -> None:
    assert name in orgs(text)


@pytest.mark.parametrize("text, name", [
    ("自2009年9月青禾惠通科技股份有限公司成立至今。", "青禾惠通科技股份有限公司"),
    ("他曾任安凯汽车股份有限公司工程师。", "安凯汽车股份有限公司"),
])
def test_a_glued_date_or_verb_is_not_part_of_the_name(text: str, name: str) -> None:
    assert orgs(text) == [name]


@pytest.mark.parametrize("text", ["发展高科技及产业化。", "工人在广场集会抗议政府增加税收。", "建设高性能政府信息网络。"])
def test_a_dictionary_word_or_a_verb_before_a_suffix_is_not_an_organization(text: str) -> None:
    assert orgs(text) == []


@pytest.mark.parametrize("text, name", [
    ("东岳国政府发表声明。", "东岳国政府"),
    ("青禾信用社每一个员工都很努力。", "青禾信用社"),
    ("东岳女篮明天出发。", "东岳女篮"),
    ("青禾工程组委会发布公告。", "青禾工程组委会"),
    ("他在《青禾潮》杂志发表文章。", "《青禾潮》杂志"),
])
def test_governments_credit_cooperatives_teams_committees_and_periodicals(text: str, name: str) -> None:
    assert orgs(text) == [name]


def test_a_company_named_in_full_is_recognised_again_by_its_short_name() -> None:
    from kg.extract.orgs import propagate_organizations
    text = "杭州青禾能源有限公司今天发布年报。青禾能源表示，明年将扩产。"
    sentences = default_segmenter()(text)
    found = propagate_organizations(text, sentences, org_mentions(text), [])
    short = [m for m in found if m.method == "org-propagation"]
    assert [(m.text, m.norm) for m in short] == [("青禾能源", "杭州青禾能源有限公司")]


def test_a_short_name_is_not_taken_from_inside_a_longer_word() -> None:
    from kg.extract.orgs import propagate_organizations
    text = "青禾有限公司成立。青禾园区很大。"
    sentences = default_segmenter()(text)
    found = propagate_organizations(text, sentences, org_mentions(text)[:1], [])
    assert all(m.method != "org-propagation" or text[m.end] not in "园" for m in found)


def test_a_bank_followed_by_its_legal_form_is_one_name() -> None:
    assert orgs("东岳农村商业银行股份有限公司召开股东大会。") == ["东岳农村商业银行股份有限公司"]


def test_an_election_verb_before_a_committee_is_not_part_of_its_name() -> None:
    assert not any("当选" in name for name in orgs("林秀英当选青禾村委会主任。"))


def test_a_generic_unit_is_not_propagated_through_the_text() -> None:
    from kg.extract.orgs import propagate_organizations
    text = "集团设立的研发中心正式启用。研发中心将招聘工程师。"
    first = Mention(EntityType.ORG, 5, 9, "研发中心", 0.7, "test")
    assert propagate_organizations(text, default_segmenter()(text), [first], []) == [first]


def test_a_department_named_by_a_common_word_after_its_parent_is_a_unit() -> None:
    assert "".join(orgs("经东岳市委组织部研究，拟任命林立为处长。")) == "东岳市委组织部"


def test_a_unit_followed_by_its_contacts_name_is_found() -> None:
    assert orgs("联系人：高新技术处林雨桐，电话：12345。") == ["高新技术处"]


def test_a_word_ending_in_a_suffix_before_a_name_is_not_a_unit() -> None:
    assert orgs("他到处林立广告牌，") == []


def test_part_of_a_dotted_foreign_name_is_not_a_dictionary_organization() -> None:
    assert orgs("特使罗兰·杜邦抵达，杜邦公司代表迎接。") == ["杜邦公司"]


@pytest.mark.parametrize("text, expected", [
    ("杭州市教育局发布通知。", ["杭州市教育局"]),  # jieba reads 教育局 as a common noun
    ("湖南省文化厅召开会议。", ["湖南省文化厅"]),
    ("埃及文化部发布声明。", ["埃及文化部"]),      # a ministry after a country
    ("全部干部参加了会议。", []),                  # words that merely end in 部
])
def test_a_field_and_a_government_suffix_after_a_place_is_a_body(text: str, expected: list[str]) -> None:
    assert orgs(text) == expected


def test_a_department_of_a_hospital_is_a_unit_of_it() -> None:
    assert orgs("北京协和医院呼吸科主任医师欧阳明慧提醒市民。") == ["北京协和医院", "呼吸科"]


def test_an_appointed_person_is_not_the_start_of_an_organization() -> None:
    assert orgs("董事会同意聘任覃丽华为公司财务总监。") == []


def test_a_suffix_character_ending_a_verb_is_no_unit() -> None:
    # jieba cuts 一|审判|处; 判处 (sentenced) is the verb, not a 审判处 of the court
    assert orgs("东岳市中级人民法院一审判处被告人有期徒刑十年。") == ["东岳市中级人民法院"]


def test_an_appointment_glued_by_jieba_is_not_an_organization() -> None:
    # jieba cuts 任命|庞|春雷|为市|交通运输|局局长
    assert orgs("任命庞春雷为市交通运输局局长。") == ["市交通运输局"]


@pytest.mark.parametrize("text, expected", [
    ("东岳市人民政府办公室印发通知。", ["东岳市人民政府", "办公室"]),   # an office of a government
    ("东岳大学研究生院发布通知。", ["东岳大学", "研究生院"]),
    ("蓝海能源股份有限公司董事会于近日收到辞职报告。", ["蓝海能源股份有限公司"]),  # a board is no unit
])
def test_an_office_word_after_its_body_is_a_unit(text: str, expected: list[str]) -> None:
    assert orgs(text) == expected


def test_the_verb_xi_glued_to_a_generic_reference_is_no_name() -> None:
    assert orgs("据悉，吴某某系该公司实际控制人。") == []  # 系 "is" + 该公司 "this company"


def test_a_technology_and_a_lab_name_a_kind_of_lab() -> None:
    assert orgs("学校已建成人工智能实验室。") == []
    assert orgs("上海人工智能实验室发布了新模型。") == ["上海人工智能实验室"]


def test_the_board_of_the_company_is_a_generic_reference() -> None:
    assert orgs("公司董事会于近日收到辞职报告。") == []


def test_an_accounting_firm_is_not_an_accountant() -> None:
    text = "立信会计师事务所出具了审计报告。"
    assert orgs(text) == ["立信会计师事务所"] and find_titles(text) == []


def test_a_numbered_institute_written_with_ling() -> None:
    assert orgs("曾任中国船舶重工集团公司第七〇二研究所副所长。") == ["中国船舶重工集团公司", "第七〇二研究所"]


def test_an_organization_does_not_grow_over_a_sentence_of_verbs() -> None:
    assert orgs("潘维军抱着孩子走进医院。") == []  # 医院 here is a kind of place, no name before it


@pytest.mark.parametrize("text", [
    "老于的女儿要考大学了。",            # 要 (will) is no part of a name
    "他抢走了美国第一大银行的桂冠。",    # a verb with 了, and a rank that describes
])
def test_clauses_and_ranks_are_not_organization_names(text: str) -> None:
    assert orgs(text) == []


def test_a_multinational_is_found_by_its_chinese_short_name() -> None:
    assert orgs("英特尔与高通签署了专利授权协议。") == ["英特尔", "高通"]


def test_international_bodies_are_found_by_their_official_short_names() -> None:
    text = "国际足联宣布，亚足联将承办比赛；北约与欧盟将加强合作。"
    assert orgs(text) == ["国际足联", "亚足联", "北约", "欧盟"]


def test_a_club_name_that_reads_like_a_person_is_an_organization() -> None:
    assert orgs("拉齐奥主场2比1战胜沙尔克04。") == ["拉齐奥", "沙尔克04"]


def test_an_ordinary_word_alias_alone_is_not_the_company() -> None:
    text = "他在超市买了一袋苹果。"
    assert [m.method for m in org_mentions(text)] == [AMBIGUOUS_ALIAS]
    assert [m for m in predict_mentions(text) if m.type is EntityType.ORG] == []
    assert [m.text for m in predict_mentions("苹果公司发布了新手机。")] == ["苹果公司"]


@pytest.mark.parametrize("text", ["迈克尔·戴尔回到了公司。", "拉齐奥大区的首府是罗马。", "他家住在中兴路。"])
def test_a_short_name_inside_a_foreign_name_or_before_a_place_word_is_not_the_organization(text: str) -> None:
    assert orgs(text) == []


def test_a_brand_inside_a_subsidiarys_full_name_does_not_split_it() -> None:
    assert orgs("东岳巴斯夫聚氨酯有限公司副总经理出席。") == ["东岳巴斯夫聚氨酯有限公司"]


@pytest.mark.parametrize("text, name", [("研究室吴高盛认为，条例应当修改。", "吴高盛"), ("副会长许传音等人出席。", "许传音")])
def test_a_short_name_read_as_the_given_name_of_a_person_is_that_person(text: str, name: str) -> None:
    kinds = [(m.text, m.type) for m in predict_mentions(text) if m.type in (EntityType.PERSON, EntityType.ORG)]
    assert kinds == [(name, EntityType.PERSON)]


@pytest.mark.parametrize("sentence, name", [
    ("他任浙江海宁现代物流股份有限公司监事。", "浙江海宁现代物流股份有限公司"),  # 现代: a time word to jieba
    ("贵州大为磷化有限公司发布公告。", "贵州大为磷化有限公司"),  # 大为: an adverb to jieba
    ("他现任大连洁净易超净技术有限公司执行董事。", "大连洁净易超净技术有限公司"),  # 超净: a verb to jieba
])
def test_a_registered_company_name_starts_at_its_place(sentence: str, name: str) -> None:
    assert name in orgs(sentence)


@pytest.mark.parametrize("sentence", ["公司在上海设立物流有限公司。", "他们在杭州组建物流有限公司。"])
def test_a_verb_between_place_and_company_is_not_part_of_the_name(sentence: str) -> None:
    assert not any(name.startswith(("上海", "杭州")) for name in orgs(sentence))


def test_a_place_and_a_name_before_a_kind_name_a_factory() -> None:
    assert "临汾市恒康制药厂" in orgs("他1995年任职于临汾市恒康制药厂，历任技术员。")


@pytest.mark.parametrize("sentence, name", [
    ("他曾在南京军区73016部队服役。", "南京军区73016部队"),
    ("1985年起在国营712工厂工作。", "国营712工厂"),
    ("他转业到武警总队306医院工作。", "武警总队306医院"),
])
def test_a_number_designates_a_unit_of_a_named_body(sentence: str, name: str) -> None:
    assert name in orgs(sentence)


@pytest.mark.parametrize("sentence", ["部队官兵参加抢险。", "他在工厂工作了十年。", "他在3号工厂工作。"])
def test_a_kind_of_unit_without_a_name_is_none(sentence: str) -> None:
    assert orgs(sentence) == []


def test_a_one_character_word_jieba_split_off_a_company_name_is_part_of_it() -> None:
    assert "鑫旺达" in orgs("2016年3月，任鑫旺达总经理秘书。")


@pytest.mark.parametrize("sentence", ["他们将走上西藏部队的指挥岗位。", "影片在陕西工厂、农村、学校放映。",
                                      "他指导了120部京剧的录制。", "全县建起了57所田间学校。"])
def test_a_place_or_a_count_before_a_kind_names_no_unit(sentence: str) -> None:
    assert not any(name[0] in "西陕0123456789所" for name in orgs(sentence))


@pytest.mark.parametrize("sentence, name", [
    ("他兼任东岳省委政策研究室特邀研究员。", "东岳省委政策研究室"),
    ("现任金川律师事务所西岭分所律师。", "金川律师事务所西岭分所"),
])
def test_research_offices_and_branch_offices_are_units(sentence: str, name: str) -> None:
    assert "".join(orgs(sentence)) == name


@pytest.mark.parametrize("sentence, name", [
    ("他1990年毕业于东岳大学生物系。", "东岳大学生物系"),
    ("他曾任东岳理工大学管理工程系助教。", "东岳理工大学管理工程系"),
    ("他在西岭医科大学医疗系学习。", "西岭医科大学医疗系"),
])
def test_a_department_after_its_university_is_a_unit(sentence: str, name: str) -> None:
    assert "".join(orgs(sentence)) == name


@pytest.mark.parametrize("sentence", ["东岳大学体系完备。", "东岳大学经济体系研究。", "东岳大学与企业的关系密切。"])
def test_words_ending_in_xi_are_no_department(sentence: str) -> None:
    assert orgs(sentence) == ["东岳大学"]


@pytest.mark.parametrize("sentence, names", [
    ("具体由市农业农村局和市发展改革委负责落实。", ["市农业农村局", "市发展改革委"]),  # jieba: 由市, 局和市
    ("市农业农村局和市发展改革委负责落实。", ["市农业农村局", "市发展改革委"]),
])
def test_a_function_word_jieba_glued_to_a_bare_city_is_not_part_of_a_name(sentence: str, names: list[str]) -> None:
    assert orgs(sentence) == names


def test_organize_after_be_responsible_is_a_verb() -> None:
    assert orgs("各区县主管部门负责组织本地区企业申报。") == []


def test_a_short_form_the_text_defines_names_the_organization() -> None:
    text = "青禾智能装备股份有限公司（以下简称“公司”）召开董事会。赵启明现任公司董事长。"
    full = "青禾智能装备股份有限公司"
    aliases = [m for m in predict_mentions(text) if m.type is EntityType.ORG and m.text == "公司"]
    assert len(aliases) == 2 and all(m.norm == full and m.method == "org-alias" for m in aliases)


def test_company_without_a_definition_is_no_organization() -> None:
    text = "青禾智能装备股份有限公司召开董事会。赵启明现任公司董事长。"
    assert [m.text for m in predict_mentions(text) if m.type is EntityType.ORG] == ["青禾智能装备股份有限公司"]


def test_and_before_a_proper_name_joins_two_things_not_two_fields() -> None:
    assert orgs("团队与清华大学物理系合作研究。") == ["清华大学", "物理系"]  # a unit of its university
    assert orgs("车辆与运载学院召开会议。") == ["车辆与运载学院"]


@pytest.mark.parametrize("sentence, person", [("任命欧阳丽华为东岳省科学技术厅副厅长。", "欧阳丽华"),
                                              ("聘任张丽华为公司副总裁。", "张丽华")])
def test_a_company_name_does_not_take_the_end_of_an_appointees_name(sentence: str, person: str) -> None:
    mentions = predict_mentions(sentence)
    assert person in [m.text for m in mentions if m.type is EntityType.PERSON]
    assert not any(m.text.startswith("华为") for m in mentions if m.type is EntityType.ORG)


def test_the_company_after_the_appointees_wei_stays() -> None:
    assert "华为" in orgs("任命张伟为华为中国区总裁。")


def test_an_announcements_stock_name_names_the_listed_company() -> None:
    text = "证券代码：688001 证券简称：青禾智能 公告编号：2026-012\n青禾智能装备股份有限公司关于董事会换届选举的公告"
    [alias] = [m for m in predict_mentions(text) if m.type is EntityType.ORG and m.text == "青禾智能"]
    assert (alias.norm, alias.method) == ("青禾智能装备股份有限公司", "org-alias")


def test_a_company_name_does_not_take_the_words_of_was_formerly_before_it() -> None:
    from kg.extract.pipeline import predict_mentions

    orgs = [m.text for m in predict_mentions("他原系杭州云帆软件有限公司员工。") if m.type is EntityType.ORG]
    assert orgs == ["杭州云帆软件有限公司"]


def test_a_hall_or_a_meeting_room_is_no_organization() -> None:
    assert not [o for o in orgs("学术报告会在东岳理工大学图书馆报告厅举行。") if o.endswith("报告厅")]
    assert orgs("会议在东岳科技有限公司三楼会议室召开。") == ["东岳科技有限公司"]


def test_in_a_listed_companys_report_a_bare_company_before_a_title_is_that_company() -> None:
    from kg.extract.pipeline import predict_mentions

    text = ("青禾电气股份有限公司（证券代码：603000，证券简称：青禾电气）发布三季度报告。"
            "公司董事会秘书邬春晖表示，海外收入增长较快。")
    found = [(m.text, m.norm) for m in predict_mentions(text) if m.type is EntityType.ORG]
    assert ("公司", "青禾电气股份有限公司") in found


def test_an_institute_name_runs_from_its_place_over_a_field_with_a_verb() -> None:
    assert orgs("他现任香港应用科技研究院院长。") == ["香港应用科技研究院"]


def test_a_title_modifier_and_a_field_are_no_company() -> None:
    assert "首席科技" not in orgs("他现任研究院首席科技总监。")


def test_a_short_form_given_in_brackets_names_the_organization_wherever_it_recurs() -> None:
    from kg.extract.pipeline import predict_mentions

    text = "东岳科技园有限公司（东岳科技园）今日宣布新任总裁。东岳科技园主席邬春晖表示欢迎。"
    found = [(m.text, m.norm) for m in predict_mentions(text) if m.type is EntityType.ORG]
    assert found.count(("东岳科技园", "东岳科技园有限公司")) == 2


def test_a_short_name_does_not_cut_the_longer_suffix_of_a_full_name() -> None:
    # 卫生健康委 is a lexicon short name; here it begins 卫生健康委员会, which is whole
    assert orgs("临江市卫生健康委员会发布通知。") == ["临江市卫生健康委员会"]
    assert orgs("临江市卫生健康委发布通知。") == ["临江市卫生健康委"]


def test_a_discipline_named_with_a_verb_is_part_of_the_units_name() -> None:
    assert orgs("她在东岳大学控制科学与工程学院任教。") == ["东岳大学", "控制科学与工程学院"]


@pytest.mark.parametrize("text, name", [
    ("双方共建的星河联合实验室今天揭牌。", "星河联合实验室"),
    ("双方共建了蓝海联合研究中心。", "蓝海联合研究中心"),
])
def test_joint_qualifies_the_suffix_and_the_name_is_before_it(text: str, name: str) -> None:
    assert name in orgs(text)


@pytest.mark.parametrize("text", ["两家公司联合实验室的成果很多。", "双方共建自动驾驶联合实验室。"])
def test_a_joint_lab_named_only_by_a_kind_or_a_field_is_no_organization(text: str) -> None:
    assert orgs(text) == []


@pytest.mark.parametrize("text", ["各区县人民政府，市政府各委、办、局：", "请各设区市科技局认真落实。"])
def test_every_body_of_a_kind_is_no_organization(text: str) -> None:
    assert orgs(text) == []


@pytest.mark.parametrize("text, surface, norm", [
    ("东岳县召开会议，县教育局局长冯立出席。", "县教育局", "东岳县教育局"),
    ("冯立来自东岳县。县人民医院主任医师钱红也来了。", "县人民医院", "东岳县人民医院"),
    ("走进青石镇柳湾村，村委会主任冯立正在直播。", "村委会", "柳湾村委会"),
])
def test_a_body_named_by_its_level_alone_is_that_of_the_last_place_of_the_level(text: str, surface: str, norm: str) -> None:
    [m] = [m for m in org_mentions(text) if m.text == surface]
    assert m.norm == norm


def test_a_body_named_by_its_level_with_no_such_place_is_no_mention() -> None:
    assert orgs("市政府秘书长冯立主持会议。") == []


def test_an_organization_does_not_start_before_an_unclosed_bracket() -> None:
    assert "东岳市科学技术局" in orgs("嘉宾温可欣（东岳市科学技术局副局长）发言。")
    assert orgs("环亚银行(中国)有限公司成立。") == ["环亚银行(中国)有限公司"]


def test_in_a_text_about_one_company_with_a_defined_short_name_a_bare_company_before_a_post_is_it() -> None:
    text = "东岳芯科股份有限公司（以下简称“东岳芯科”）今天发布新品。公司首席财务官冯立表示将扩产。"
    [alias] = [m for m in predict_mentions(text) if m.type is EntityType.ORG and m.text == "公司"]
    assert alias.norm == "东岳芯科股份有限公司"


def test_every_item_of_a_list_opened_by_every_is_a_kind_not_a_body() -> None:
    text = "各设区市科技局，省直有关单位，各高等院校、科研院所："
    assert orgs(text) == []
    assert "设区市科技局" not in [m.text for m in predict_mentions(text) if m.type is EntityType.ORG]
