import pytest

from kg.bilingual import EnglishLabel, chinese_candidates, english_label
from kg.model import EntityType

ORG, ROLE, TECH, PLACE, PERSON = (EntityType.ORG, EntityType.ROLE, EntityType.TECH,
                                  EntityType.PLACE, EntityType.PERSON)


@pytest.mark.parametrize("zh, en", [
    ("工业和信息化部", "Ministry of Industry and Information Technology"),
    ("工信部", "Ministry of Industry and Information Technology"),
    ("国家发展和改革委员会", "National Development and Reform Commission"),
    ("清华大学", "Tsinghua University"),
    ("上海交通大学", "Shanghai Jiao Tong University"),
    ("国家电网有限公司", "State Grid Corporation of China"),
    ("中国科学院", "Chinese Academy of Sciences"),
    ("中兴通讯", "ZTE Corporation"),
])
def test_established_names_come_from_the_lexicon(zh, en):
    assert english_label(zh, ORG) == EnglishLabel(en, "lexicon", 0.95)


@pytest.mark.parametrize("zh, en", [
    ("北京蓝鲸数据科技有限公司", "Beijing Lanjing Data Technology Co., Ltd."),
    ("杭州云雀科技有限公司", "Hangzhou Yunque Technology Co., Ltd."),
    ("深圳市星河智能装备股份有限公司", "Shenzhen Xinghe Intelligent Equipment Co., Ltd."),
    ("浙江教育科技有限公司", "Zhejiang Education Technology Co., Ltd."),
    ("青松未来(上海)网络科技有限公司", "Qingsong Weilai (Shanghai) Network Technology Co., Ltd."),
    ("北京明远远航科技有限责任公司", "Beijing Mingyuan Yuanhang Technology Co., Ltd."),
])
def test_invented_companies_place_brand_in_pinyin_words_and_suffix(zh, en):
    label = english_label(zh, ORG)
    assert label.text == en
    assert label.method == "composed"
    assert label.confidence < 0.95


@pytest.mark.parametrize("zh, en", [
    ("信息服务业处", "Information Services Division"),
    ("信息技术发展司", "Department of Information Technology Development"),
    ("产业政策处", "Industrial Policy Division"),
    ("专家顾问委员会", "Expert Advisory Committee"),
    ("区块链研究中心", "Blockchain Research Center"),
    ("智能制造实验室", "Intelligent Manufacturing Laboratory"),
])
def test_units_are_translated_word_by_word_with_their_class(zh, en):
    assert english_label(zh, ORG).text == en


def test_provincial_and_municipal_departments():
    assert english_label("山东省工业和信息化厅", ORG).text == \
        "Shandong Provincial Department of Industry and Information Technology"
    assert english_label("山东省工信厅", ORG).text == \
        "Shandong Provincial Department of Industry and Information Technology"
    assert english_label("成都市经信局", ORG).text == \
        "Chengdu Municipal Bureau of Economy and Information Technology"
    assert english_label("深圳市发展和改革委员会", ORG).text == \
        "Shenzhen Municipal Development and Reform Commission"


def test_parent_supplies_the_place_of_a_department():
    assert english_label("工信厅", ORG, parent_zh="山东省").text == \
        "Shandong Provincial Department of Industry and Information Technology"


def test_units_of_a_known_organization_read_most_specific_first():
    label = english_label("工业和信息化部信息技术发展司信息服务业处", ORG)
    assert label.text == ("Information Services Division, Department of Information Technology "
                          "Development, Ministry of Industry and Information Technology")
    assert label.method == "composed"
    assert english_label("上海交通大学区块链研究中心", ORG).text == \
        "Blockchain Research Center, Shanghai Jiao Tong University"


def test_a_known_prefix_inside_a_word_does_not_split_the_name():
    assert english_label("中国电子商务协会", ORG).text == "China E-commerce Association"


def test_traditional_org_names_get_the_same_label():
    assert english_label("國家電網有限公司", ORG) == english_label("国家电网有限公司", ORG)
    assert english_label("清華大學", ORG).text == "Tsinghua University"


@pytest.mark.parametrize("zh, en", [
    ("处长", "Division Director"),
    ("副处长", "Deputy Division Director"),
    ("副总信息师", "Deputy Chief Information Officer"),
    ("联合创始人", "Co-founder"),
    ("XR产品市场总监", "XR Product Marketing Director"),
    ("常务副总经理", "Executive Deputy General Manager"),
    ("副院长", "Vice President"),
    ("副市长", "Vice Mayor"),
    ("副教授", "Associate Professor"),
    ("高级工程师", "Senior Engineer"),
    ("秘书长", "Secretary-General"),
])
def test_titles(zh, en):
    assert english_label(zh, ROLE).text == en


def test_composed_titles_say_so():
    assert english_label("XR产品市场总监", ROLE).method == "composed"


@pytest.mark.parametrize("zh, en", [
    ("区块链", "blockchain"),
    ("数字孪生", "digital twin"),
    ("物联网", "Internet of Things"),
])
def test_technologies(zh, en):
    assert english_label(zh, TECH).text == en


def test_unknown_technology_falls_back_to_dictionary_with_lower_confidence():
    label = english_label("引擎", TECH)
    assert label.text == "engine"
    assert label.method in {"dictionary", "lexicon"}
    composed = english_label("沉浸式交互", TECH)
    assert composed.text == "immersive interaction"
    assert composed.confidence < 0.9


def test_places_and_persons():
    assert english_label("山东省", PLACE).text == "Shandong"
    assert english_label("曲阜市", PLACE).text == "Qufu"
    assert english_label("西安", PLACE).text == "Xi'an"
    assert english_label("孙明远", PERSON) == EnglishLabel("Sun Mingyuan", "pinyin", 0.95)


def test_text_already_in_english_is_the_source():
    assert english_label("ZTE", ORG) == EnglishLabel("ZTE", "source", 1.0)


def test_chinese_candidates_reverse_lookup():
    assert chinese_candidates("Tsinghua University", ORG) == ["清华大学"]
    assert chinese_candidates("the Ministry of Industry and Information Technology", ORG) == ["工业和信息化部"]
    assert chinese_candidates("MIIT", ORG) == ["工业和信息化部"]
    assert chinese_candidates("Division Director", ROLE) == ["处长"]
    assert chinese_candidates("Chengdu", PLACE) == ["成都市"]
    assert chinese_candidates("Sun Mingyuan", PERSON) == []
    assert chinese_candidates("Some Unknown Company", ORG) == []


def test_government_levels_and_party_committees():
    assert english_label("广东省人民政府", ORG).text == "Guangdong Provincial People's Government"
    assert english_label("北京市委", ORG).text == "Beijing Municipal Party Committee"
    assert english_label("山东省人民政府办公厅", ORG).text == \
        "General Office, Shandong Provincial People's Government"


def test_schools_and_departments_of_universities():
    assert english_label("北京大学信息科学技术学院", ORG).text == \
        "School of Information Science and Technology, Peking University"
    assert english_label("清华大学计算机科学与技术系", ORG).text == \
        "Department of Computer Science and Technology, Tsinghua University"


def test_a_college_of_a_company_stays_a_college():
    assert english_label("国家电网技术学院", ORG).text == "Technical College, State Grid Corporation of China"


def test_unknown_stretches_read_as_one_pinyin_word_not_word_salad():
    label = english_label("青禾输出国组织", ORG)  # invented: no dictionary fragments mixed with pinyin
    assert label.text.endswith(" Organization")
    assert "Abroad" not in label.text
    assert label.confidence < 0.8


def test_foreign_proper_names_come_from_the_dictionary():
    assert english_label("切尔西", ORG) == EnglishLabel("Chelsea", "dictionary", 0.8)


def test_bank_branches_name_their_bank():
    assert english_label("农行浙江分行", ORG).text == "Zhejiang Branch, Agricultural Bank of China"


def test_quotes_around_names_are_ignored():
    assert english_label("《清华大学》", ORG).text == "Tsinghua University"


@pytest.mark.parametrize("zh, en", [
    ("技术部副经理", "Technology Department Deputy Manager"),
    ("物资计划科科长", "Materials Planning Section Chief"),
    ("审计部部长", "Audit Department Director"),
    ("执行制作人", "Executive Producer"),
])
def test_titles_with_a_unit_in_front_and_modifiers_before_the_head(zh, en):
    assert english_label(zh, ROLE).text == en


def test_english_matches_across_languages():
    from kg.bilingual import english_matches

    assert english_matches("孙明远", "Sun Mingyuan", PERSON)
    assert english_matches("吕布", "Lv Bu", PERSON) and english_matches("吕布", "Lu Bu", PERSON)
    assert not english_matches("孙明远", "Sun Ming", PERSON)
    assert english_matches("清华大学", "Tsinghua University", ORG)
    assert english_matches("工业和信息化部", "MIIT", ORG)
    assert english_matches("信息技术发展司", "Department of Information Technology Development", ORG)
    assert english_matches("XR产品市场总监", "XR product marketing director", ROLE)
    assert not english_matches("北京大学", "Tsinghua University", ORG)


def test_unlisted_counties_and_cities_in_front_of_government_bodies():
    assert english_label("青田县农业农村局", ORG).text == "Qingtian County Bureau of Agriculture and Rural Affairs"
    assert english_label("义乌市商务局", ORG).text == "Yiwu Municipal Bureau of Commerce"
    assert english_label("青田县人民政府", ORG).text == "Qingtian County People's Government"


@pytest.mark.parametrize("zh, en", [
    ("中国驻埃及大使馆", "Embassy of China in Egypt"),
    ("法国驻华大使馆", "Embassy of France in China"),
    ("日本驻上海总领事馆", "Consulate General of Japan in Shanghai"),
])
def test_a_diplomatic_mission_names_its_sending_and_host_country(zh, en):
    assert english_label(zh, ORG).text == en


@pytest.mark.parametrize("zh, en", [("首席风险官", "Chief Risk Officer"), ("首席合规官", "Chief Compliance Officer")])
def test_chief_officer_titles_are_composed_from_their_field(zh, en):
    assert english_label(zh, ROLE).text == en


@pytest.mark.parametrize("zh, en", [("氢燃料电池", "hydrogen fuel cell"), ("第三代半导体", "third-generation semiconductor")])
def test_a_narrowed_technology_reads_as_its_modifier_then_its_concept(zh, en):
    assert english_label(zh, TECH).text == en


def test_a_periodical_reads_as_its_title_then_its_kind():
    assert english_label("《东岳潮》周刊", ORG).text == "Dongyuechao Weekly"


@pytest.mark.parametrize("zh, en", [
    ("驻华大使", "Ambassador to China"),
    ("驻联合国副代表", "Deputy Representative to the United Nations"),
    ("驻京记者", "Reporter in Beijing"),
    ("驻华特命全权大使", "Ambassador Extraordinary and Plenipotentiary to China"),
])
def test_a_mission_post_reads_with_where_it_is(zh, en):
    assert english_label(zh, ROLE).text == en


@pytest.mark.parametrize("zh, en", [
    ("南湖医科大学", "Nanhu Medical University"),
    ("东岳师范大学", "Dongyue Normal University"),
    ("东岳科技大学", "Dongyue University of Science and Technology"),
    ("南湖市医学会", "Nanhu Medical Association"),
    ("南湖市中医院", "Nanhu Hospital of Traditional Chinese Medicine"),
])
def test_kinds_of_university_hospital_and_society_read_as_in_english_usage(zh, en):
    assert english_label(zh, ORG).text == en


def test_a_citys_market_regulator_keeps_the_market():
    # the 市 of 市场 is not the city's 市
    assert english_label("杭州市市场监管局", ORG).text == "Hangzhou Municipal Bureau of Market Regulation"
    assert english_label("大连市场监管局", ORG).text == "Dalian Municipal Bureau of Market Regulation"


def test_an_unlisted_town_or_village_before_its_body_reads_as_a_place():
    assert english_label("青石镇党委", ORG).text == "Qingshi Town Party Committee"
    assert english_label("柳湾村党支部", ORG).text == "Liuwan Village Party Branch"


def test_an_unlisted_province_before_its_body_reads_provincial():
    assert english_label("东岳省科学技术厅", ORG).text == "Dongyue Provincial Department of Science and Technology"
