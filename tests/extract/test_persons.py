"""Person names from context (``kg/extract/persons.py`` with the grammar's titles,
organizations and technologies as evidence, as the pipeline runs it before the learned
tagger). All names here are invented."""
from __future__ import annotations

import pytest

from kg.extract.orgs import find_organizations
from kg.extract.persons import find_persons
from kg.extract.pipeline import predict_mentions
from kg.extract.segment import default_segmenter
from kg.extract.tech import find_technologies
from kg.extract.titles import find_titles
from kg.model import EntityType, Mention


def mentions(text: str) -> list[Mention]:
    """Grammar mentions: titles, organizations, technologies, then persons."""
    sentences = default_segmenter()(text)
    titles = find_titles(text)
    orgs = find_organizations(text, sentences, titles)
    techs = find_technologies(text)
    return titles + orgs + techs + find_persons(text, sentences, titles, blocked=orgs + techs)


def persons(text: str) -> list[str]:
    return [m.text for m in mentions(text) if m.type is EntityType.PERSON]


def test_name_after_a_title() -> None:
    assert persons("东岳理工大学校长孙明远致辞。") == ["孙明远"]


def test_name_before_a_title() -> None:
    assert persons("孙明远院长在会上发言。") == ["孙明远"]


def test_two_character_name_after_a_title() -> None:
    assert persons("技术总监冯立出席会议。") == ["冯立"]


@pytest.mark.parametrize("text, name", [("钱晓峰先生出席了会议。", "钱晓峰"), ("嘉宾冯丽娟女士发言。", "冯丽娟")])
def test_name_before_an_honorific(text: str, name: str) -> None:
    assert persons(text) == [name]


@pytest.mark.parametrize("name", ["欧阳立新", "司马文博", "诸葛明亮", "上官婉清"])
def test_compound_surnames_keep_the_whole_name(name: str) -> None:
    assert persons(f"副主任{name}致辞。") == [name]
    assert persons(f"会议由{name}主持。") == [name]


def test_names_in_an_enumeration_list() -> None:
    assert persons("副主任孙明远、钱晓峰、冯丽娟等出席。") == ["孙明远", "钱晓峰", "冯丽娟"]


def test_name_between_you_and_zhuchi() -> None:
    text = "论坛由韩志刚主持。"
    [m] = [m for m in mentions(text) if m.type is EntityType.PERSON]
    assert (m.text, m.start, m.end) == ("韩志刚", 3, 6)


@pytest.mark.parametrize("text", [
    "本次会议聚焦高新技术产业。",
    "高新技术企业代表出席了本次会议。",
    "和平发展是主题，由此可见。",
])
def test_ordinary_words_starting_with_a_surname_are_not_names(text: str) -> None:
    assert persons(text) == []


def test_place_name_before_a_mayor_is_not_a_person() -> None:
    found = mentions("济南市长和曲阜副市长出席。")
    assert [m.text for m in found if m.type is EntityType.PERSON] == []
    assert [m.text for m in found if m.type is EntityType.ORG] == ["济南", "曲阜"]


def test_name_found_once_is_found_again_elsewhere() -> None:
    text = "钱晓峰先生发言。晚宴上钱晓峰又致辞。"
    found = [m for m in mentions(text) if m.type is EntityType.PERSON]
    assert [(m.start, m.end) for m in found] == [(0, 3), (11, 14)]
    assert found[1].method == "name-propagation"
    assert found[1].confidence < found[0].confidence


def test_propagation_does_not_cut_into_a_longer_name() -> None:
    text = "主任冯立出席。冯立新也来了。"
    found = [(m.text, m.start) for m in mentions(text) if m.type is EntityType.PERSON]
    assert ("冯立", 7) not in found


def test_spans_blocked_by_organizations_are_not_names() -> None:
    text = "主任钱江数据有限公司"
    sentences = default_segmenter()(text)
    titles = find_titles(text)
    org = Mention(EntityType.ORG, 2, 10, text[2:10], 0.9, "test")
    assert all(not m.span.overlaps(org.span) for m in find_persons(text, sentences, titles, blocked=[org]))


def test_conjunction_after_a_title_is_not_a_surname() -> None:
    assert persons("孙明远教授和钱晓峰先生参加了会议。") == ["孙明远", "钱晓峰"]


def test_after_a_title_a_given_name_that_is_also_a_place_word_stays_whole() -> None:
    text = "副市长林寿山表示，项目进展顺利。"
    assert "林寿山" in persons(text)


@pytest.mark.parametrize("text", ["2015年至今任公司副总经理。", "2009年4月，任证券事务代表。"])
def test_ren_as_the_verb_serve_is_not_a_surname(text: str) -> None:
    assert persons(text) == []


def test_a_weak_surname_right_after_a_title_starts_a_name() -> None:
    assert "任嘉宁" in persons("会议邀请了助理教授任嘉宁和两位工程师。")


def test_a_speaker_label_in_a_transcript_is_a_name() -> None:
    from kg.extract.pipeline import predict_mentions

    text = "主持人：欢迎两位嘉宾。\n钱文斌：谢谢，很高兴来到这里。\n苏晓岚：大家好。"
    found = [m for m in predict_mentions(text) if m.type is EntityType.PERSON]
    assert [m.text for m in found] == ["钱文斌", "苏晓岚"]


@pytest.mark.parametrize("text, name", [
    ("顾先生1999年加入公司。", "顾"),
    ("温女士对修改过的文章很满意。", "温"),
])
def test_a_surname_with_a_form_of_address_names_the_person(text: str, name: str) -> None:
    assert persons(text) == [name]


def test_a_word_that_ends_in_a_title_is_not_surname_plus_title() -> None:
    assert persons("他是班主任。") == []


@pytest.mark.parametrize("text, name", [("林金和，男，1965年生。", "林金和"), ("方琳：女，中共党员。", "方琳"),
                                        ("孙黎明：男，1972年生。", "孙黎明"), ("曹雷鸣，男，汉族。", "曹雷鸣")])  # not 黎明, 雷鸣
def test_a_resume_opening_names_the_person(text: str, name: str) -> None:
    assert persons(text) == [name]


def test_a_list_ending_word_is_not_part_of_the_name() -> None:
    assert "邱蕾" in persons("出席的有副校长邱蕾等。")


def test_names_in_a_news_byline_are_persons() -> None:
    from kg.extract.pipeline import predict_mentions

    text = "本报讯（记者林启华通讯员周晓岚）市土地储备中心昨日发布消息。"
    found = [m.text for m in predict_mentions(text) if m.type is EntityType.PERSON]
    assert found == ["林启华", "周晓岚"]


@pytest.mark.parametrize("text", ["现任公司董事长。", "历任车间主任、副厂长。", "2012年起，任副总经理。"])
def test_words_and_verbs_before_a_title_are_not_names(text: str) -> None:
    assert persons(text) == []


def test_after_a_title_a_name_that_is_also_a_word_is_a_name() -> None:
    assert persons("管委会副主任甘露表示，园区今年将新增企业。") == ["甘露"]


def test_a_surname_glued_to_a_title_names_the_person() -> None:
    assert persons("江主席洞察世界军事形势。") == ["江"]


@pytest.mark.parametrize("text, name", [
    ("该剧由卢嘉编剧，司徒远执导。", "卢嘉"),
    ("首席科学家呼延博称，新技术已经成熟。", "呼延博"),
    ("审判员佟磊经审理认为，被告应当赔偿。", "佟磊"),
])
def test_a_function_word_or_verb_glued_to_a_name_is_not_part_of_it(text: str, name: str) -> None:
    assert name in persons(text)


def test_a_village_before_a_party_title_is_not_a_person() -> None:
    assert persons("青禾村党支部书记冯立发言。") == ["冯立"]



@pytest.mark.parametrize("text, name", [("公司经理安蓓表示，产品供不应求。", "安蓓"), ("协会副会长高芳指出，行业正在复苏。", "高芳")])
def test_a_function_word_surname_between_a_title_and_a_speech_verb_is_a_name(text: str, name: str) -> None:
    assert persons(text) == [name]


def test_the_items_of_a_list_next_to_a_recognised_person_are_persons() -> None:
    from kg.extract.persons import extend_name_lists
    text = "出席会议的有林启华、孙明远、冯立新等。"
    known = Mention(EntityType.PERSON, 6, 9, "林启华", 0.9, "test")
    assert [m.text for m in extend_name_lists(text, [known], [])] == ["林启华", "孙明远", "冯立新"]


@pytest.mark.parametrize("text", ["林启华、农业、工业等工作。", "林启华、李宁公司等。"])
def test_list_items_that_are_words_or_run_on_are_not_persons(text: str) -> None:
    from kg.extract.persons import extend_name_lists
    known = Mention(EntityType.PERSON, 0, 3, "林启华", 0.9, "test")
    assert [m.text for m in extend_name_lists(text, [known], [])] == ["林启华"]


@pytest.mark.parametrize("text", ["林教授连忙起身说：“好。”", "普罗迪总理满意地说，目标达成。"])
def test_an_adverb_or_verb_after_a_title_is_not_a_name(text: str) -> None:
    assert not any(len(p) == 3 and p[:2] in ("连忙", "满意") for p in persons(text))


def test_a_name_whose_first_characters_form_an_adjective_is_still_a_name() -> None:
    assert "严明华" in persons("副主任严明华出席并致辞。")


def test_former_before_a_title_is_not_the_end_of_a_name() -> None:
    assert "印度前" not in persons("印度前总理林立出席。")


@pytest.mark.parametrize("text", ["朱村团支部书记林立发言。", "他调到这里任乡党委书记。", "莱克伍德县法官展开调查。"])
def test_villages_townships_and_counties_before_a_title_are_not_names(text: str) -> None:
    assert not any(c in p for p in persons(text) for c in "村乡县")


@pytest.mark.parametrize("text, name", [
    ("会议由副局长訾晓东主持。", "訾晓东"),     # 訾: a rare surname
    ("总工程师郗文博介绍了进展。", "郗文博"),   # 郗
    ("傅红梅教授出席了论坛。", "傅红梅"),       # 傅: a common surname missing from the hand list
])
def test_surnames_outside_the_hand_written_list(text: str, name: str) -> None:
    assert persons(text) == [name]


@pytest.mark.parametrize("text, name", [
    ("东岳国外长卡洛斯·门德斯-桑托斯表示欢迎。", "卡洛斯·门德斯-桑托斯"),  # a hyphen joins a double surname
    ("约翰-皮埃尔·雷诺兹说，这是第一次。", "约翰-皮埃尔·雷诺兹"),
    ("特使罗兰•杜邦抵达。", "罗兰•杜邦"),                                   # a look-alike of the middle dot
    ("首席飞行员范·德·韦尔德表示欢迎。", "范·德·韦尔德"),                    # one-character parts first
    ("影评人都喜欢卡洛斯-马洛维的新片。", "卡洛斯-马洛维"),                      # no cue: the hyphen is the evidence
    ("剧中，莉娜-卡斯特（lina）表现出色。", "莉娜-卡斯特"),
])
def test_foreign_names_with_dots_and_hyphens_are_one_name(text: str, name: str) -> None:
    assert name in persons(text)


@pytest.mark.parametrize("text, name", [
    ("首相山田太郎出席峰会。", "山田太郎"),
    ("佐佐木健介教授作报告。", "佐佐木健介"),      # a three-character family name
    ("会长中村美智子致辞。", "中村美智子"),        # a three-character given name
])
def test_japanese_names(text: str, name: str) -> None:
    assert persons(text) == [name]


def test_a_name_does_not_end_inside_a_place() -> None:
    assert persons("副首相和墨西哥外长将访华。") == []  # not 和墨西


def test_an_ordinary_word_before_a_title_is_not_a_name() -> None:
    assert persons("秘鲁华裔议员回到故乡。") == []


@pytest.mark.parametrize("text, name", [
    ("办公室主任王立科说，工作已经完成。", "王立科"),   # 科 ends the given name, not a section
    ("处长张文科表示支持。", "张文科"),
])
def test_a_name_ending_in_a_suffix_character_after_a_title(text: str, name: str) -> None:
    assert persons(text) == [name]


def test_a_medical_department_is_not_a_name() -> None:
    assert persons("北京协和医院呼吸科主任医师欧阳明慧提醒市民。") == ["欧阳明慧"]


def test_the_person_appointed_comes_before_wei() -> None:
    # 华为 is also a company's name: after a verb of appointment, 为 ends the person's name
    assert persons("董事会同意聘任覃丽华为公司财务总监。") == ["覃丽华"]


def test_a_transcription_before_a_title_and_its_holder_is_not_the_person() -> None:
    # 特斯拉首席执行官马斯克: the holder follows the title; before it stands his company
    assert persons("据报道，特斯拉首席执行官埃隆·马斯克周二表示。") == ["埃隆·马斯克"]


@pytest.mark.parametrize("text", ["受访者：东岳大学经济学院院长 蒯国平", "主讲人：研究员\u3000孙明远"])
def test_a_name_after_a_title_and_a_space(text: str) -> None:
    assert len(persons(text)) == 1


def test_a_surname_that_is_also_a_common_character() -> None:
    assert persons("习近平主席向大会致贺信。") == ["习近平"]  # 习 is weak, a title after it suffices


@pytest.mark.parametrize("text, name", [
    ("任命庞春雷为市交通运输局局长。", "庞春雷"),
    ("免去雍海波的市交通运输局局长职务。", "雍海波"),
])
def test_the_person_appointed_or_removed(text: str, name: str) -> None:
    assert name in persons(text)


@pytest.mark.parametrize("text, name", [
    ("责任编辑：宦晓蕾", "宦晓蕾"),                      # a title, a colon, the name
    ("初中三年级（2）班班主任邰晓光带领学生参观。", "邰晓光"),  # 班 after a class number is no surname
])
def test_bylines_and_class_teachers(text: str, name: str) -> None:
    assert persons(text) == [name]


def test_yi_opens_a_given_name() -> None:
    assert persons("处长张一帆出席了会议。") == ["张一帆"]


def test_a_reduplicated_word_before_a_surname_is_no_name() -> None:
    text = "主持人：谢谢孙总！也谢谢各位网友。"
    assert not any(m.text.startswith("谢") for m in predict_mentions(text) if m.type is EntityType.PERSON)


def test_an_appointee_whose_given_name_is_also_a_place_is_a_person() -> None:
    assert "周建国" in [m.text for m in predict_mentions("免去周建国的东岳省交通运输厅副厅长职务。")
                        if m.type is EntityType.PERSON]


def _pipeline_persons(text: str) -> list[str]:
    return [m.text for m in predict_mentions(text) if m.type is EntityType.PERSON]


def _split(name: str, text: str) -> list[str]:
    """split_glued_names on ``name`` as the span at the start of ``text``, with jieba's words."""
    from kg.extract.persons import split_glued_names

    starts = {w.start for w in default_segmenter().words(text)}
    return [m.text for m in split_glued_names(Mention(EntityType.PERSON, 0, len(name), name, 0.9, "test"), starts)]


def test_names_run_together_in_a_byline_are_each_a_person() -> None:
    assert _split("郑秋实袁梦琪", "郑秋实袁梦琪北京报道") == ["郑秋实", "袁梦琪"]
    assert _split("邬春晖杜文", "邬春晖杜文）昨天") == ["邬春晖", "杜文"]


def test_a_name_glued_to_a_day_keeps_the_name_only() -> None:
    assert _split("郑秋实周四", "郑秋实周四表示") == ["郑秋实"]


def test_a_chinese_name_does_not_take_the_word_after_it() -> None:
    assert _pipeline_persons("协会副会长邬春晖谈行业发展前景。") == ["邬春晖"]


def test_split_glued_names_leaves_transcriptions_and_compound_surnames_whole() -> None:
    from kg.extract.persons import split_glued_names

    for name in ("罗文塔尔", "欧阳振华"):
        m = Mention(EntityType.PERSON, 0, len(name), name, 0.9, "test")
        assert split_glued_names(m, {0, 2}) == [m]


@pytest.mark.parametrize("text, name", [
    ("这款游戏的首席设计师DavidChen透露，续作明年上线。", "DavidChen"),
    ("战队队长Sky表示，这是他第一次夺冠。", "Sky"),
])
def test_a_name_in_latin_letters_right_after_a_title_is_a_person(text: str, name: str) -> None:
    assert name in persons(text)


def test_latin_letters_before_an_organization_suffix_are_no_person() -> None:
    assert persons("公司总经理Nova公司的代表出席。") == []


def test_a_latin_name_in_several_words_after_a_title_is_one_person() -> None:
    assert "James Carter" in persons("亚洲区能源研究主管James Carter指出，竞争加剧。")
