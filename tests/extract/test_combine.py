"""Merging grammar mentions with the learned tagger's (``kg/extract/combine.py``), on
hand-made mentions so that each precedence rule is checked on its own."""
from __future__ import annotations

import pytest

from kg.extract.combine import merge_mentions
from kg.extract.segment import default_segmenter
from kg.model import EntityType, Mention

TEXT = "副署长孙寿岩曾表示同意。"


def words(text: str):
    return [t for s in default_segmenter()(text) for t in s.tokens]


def person(start: int, end: int, conf: float, method: str, text: str = TEXT) -> Mention:
    return Mention(EntityType.PERSON, start, end, text[start:end], conf, method)


def test_a_name_known_only_from_the_title_before_it_takes_the_taggers_end() -> None:
    grammar = [person(3, 5, 0.9, "name-context:title")]
    merged = merge_mentions(TEXT, grammar, [person(3, 6, 0.8, "crf")], words(TEXT))
    assert [(m.text, m.method) for m in merged] == [("孙寿岩", "name-context:title+crf")]


def test_a_name_closed_on_the_right_keeps_the_grammars_span() -> None:
    text = "由孙寿主持会议。"
    grammar = [person(1, 3, 0.6, "name-context:cue+cue", text)]
    merged = merge_mentions(text, grammar, [person(1, 4, 0.8, "crf", text)], words(text))
    assert [m.text for m in merged] == ["孙寿"]


def test_agreement_raises_the_confidence() -> None:
    grammar = [person(3, 6, 0.9, "name-context:title")]
    merged = merge_mentions(TEXT, grammar, [person(3, 6, 0.8, "crf")], words(TEXT))
    assert merged[0].confidence > 0.9 and merged[0].method.endswith("+crf")


def test_a_person_seen_only_between_commas_needs_the_taggers_support() -> None:
    text = "蓝天、白云、远山都在眼前。"
    guess = person(3, 5, 0.5, "name-context:boundary+boundary", text)
    assert merge_mentions(text, [guess], [], words(text)) == []
    supported = merge_mentions(text, [guess], [person(3, 5, 0.3, "crf", text)], words(text))
    assert [m.text for m in supported] == ["白云"]


def test_a_person_after_a_title_stands_without_the_tagger() -> None:
    grammar = [person(3, 6, 0.9, "name-context:title")]
    assert [m.text for m in merge_mentions(TEXT, grammar, [], words(TEXT))] == ["孙寿岩"]


@pytest.mark.parametrize("text, span, name", [
    ("大家学习林启明理论。", (4, 9), "林启明"),
    ("胡老说，画画要有耐心。", (0, 3), "胡"),
    ("李大娘成了孤寡老人。", (0, 3), "李"),
    ("赵启华说，形象很重要。", (0, 4), "赵启华"),
])
def test_a_learned_name_running_on_into_what_follows_is_cut_back(text: str, span, name: str) -> None:
    learned = [person(*span, 0.9, "crf", text)]
    assert [m.text for m in merge_mentions(text, [], learned, words(text))] == [name]


def test_a_given_name_ending_in_a_conjunction_character_is_kept() -> None:
    text = "据林永和介绍，工程已完工。"
    learned = [person(1, 4, 0.9, "crf", text)]
    assert [m.text for m in merge_mentions(text, [], learned, words(text))] == ["林永和"]


def test_an_anonymised_person_is_not_a_name() -> None:
    text = "民警将驾驶员张某带回调查。"
    assert merge_mentions(text, [], [person(6, 8, 0.9, "crf", text)], words(text)) == []


@pytest.mark.parametrize("text", ["参观林启明纪念馆后返回。", "荣获第三届林启明奖一等奖。", "设立林启明奖学金。"])
def test_a_name_that_names_a_place_or_a_prize_is_not_a_person(text: str) -> None:
    assert merge_mentions(text, [], [person(text.index("林"), text.index("林") + 3, 0.9, "crf", text)],
                          words(text)) == []


def test_a_name_before_the_verb_to_reward_stays_a_person() -> None:
    text = "公司由林启明奖励优秀员工。"
    assert [m.text for m in merge_mentions(text, [], [person(3, 6, 0.9, "crf", text)], words(text))] == ["林启明"]


@pytest.mark.parametrize("text, span", [("上周主场输给科隆多，排名下滑。", (6, 9)), ("罗西纳主场战平对手。", (0, 3))])
def test_a_name_in_the_grammar_of_a_fixture_is_a_team(text: str, span) -> None:
    merged = merge_mentions(text, [], [person(*span, 0.9, "crf", text)], words(text))
    assert [(m.text, m.type) for m in merged] == [(text[span[0]:span[1]], EntityType.ORG)]


def test_a_chinese_player_beaten_in_a_match_stays_a_person() -> None:
    text = "他以4比2击败钱浩宇夺冠。"
    merged = merge_mentions(text, [], [person(7, 10, 0.9, "crf", text)], words(text))
    assert [(m.text, m.type) for m in merged] == [("钱浩宇", EntityType.PERSON)]


def test_a_learned_organization_running_past_the_suffix_into_an_event_does_not_win() -> None:
    text = "中原数字产业协会年会今天召开。"
    grammar = [Mention(EntityType.ORG, 0, 8, "中原数字产业协会", 0.85, "org-grammar:association")]
    learned = [Mention(EntityType.ORG, 0, 10, "中原数字产业协会年会", 0.9, "crf")]
    assert [m.text for m in merge_mentions(text, grammar, learned, words(text))] == ["中原数字产业协会"]


def test_an_ordinary_adverb_is_not_a_learned_name() -> None:
    text = "他们马上出发。"
    assert merge_mentions(text, [], [person(2, 4, 0.9, "crf", text)], words(text)) == []


def test_a_country_in_the_grammar_of_a_fixture_is_a_national_side() -> None:
    text = "上一轮输给巴西后，球队调整了阵容。"
    place = Mention(EntityType.PLACE, 5, 7, "巴西", 0.9, "crf")
    merged = merge_mentions(text, [], [place], words(text))
    assert [(m.text, m.type) for m in merged] == [("巴西", EntityType.ORG)]


def test_a_bylines_place_does_not_complete_a_name() -> None:
    text = "本报记者林立新上海报道"
    grammar = [person(4, 7, 0.9, "name-context:title", text)]
    merged = merge_mentions(text, grammar, [person(4, 9, 0.8, "crf", text)], words(text))
    assert [m.text for m in merged] == ["林立新"]


@pytest.mark.parametrize("text, span", [("不看好拉科维尔，主队占优。", (3, 7)), ("拉科维尔本轮主场作战。", (0, 4))])
def test_a_transcribed_name_in_a_betting_or_fixture_phrase_is_a_team(text: str, span) -> None:
    merged = merge_mentions(text, [], [person(*span, 0.8, "crf", text)], words(text))
    assert [(m.type, m.text) for m in merged] == [(EntityType.ORG, text[span[0]:span[1]])]


def test_a_learned_organization_running_into_a_verb_does_not_win() -> None:
    text = "双方与青禾光电有限公司签署协议。"
    grammar = [Mention(EntityType.ORG, 3, 11, text[3:11], 0.85, "org-grammar:enterprise")]
    learned = [Mention(EntityType.ORG, 3, 13, text[3:13], 0.9, "crf")]
    assert [m.text for m in merge_mentions(text, grammar, learned, words(text))] == ["青禾光电有限公司"]


def test_a_dictionary_word_the_tagger_reads_as_a_name_without_certainty_is_dropped() -> None:
    text = "研讨会收到了贺信。"
    assert merge_mentions(text, [], [person(6, 8, 0.7, "crf", text)], words(text)) == []


def test_the_taggers_end_does_not_cut_into_the_place_after_a_name() -> None:
    text = "副院长林立山东省工信厅处长出席。"
    grammar = [person(3, 5, 0.9, "name-context:title", text),
               Mention(EntityType.ORG, 5, 11, text[5:11], 0.85, "org-grammar:government")]
    learned = [person(3, 6, 0.95, "crf", text), Mention(EntityType.ORG, 6, 11, text[6:11], 0.9, "crf")]
    merged = merge_mentions(text, grammar, learned, words(text))
    assert [m.text for m in merged] == ["林立", "山东省工信厅"]


def test_a_learned_organization_does_not_run_on_over_a_persons_name() -> None:
    text = "东岳理工大学潘建伟院士团队实现了突破。"
    unit = Mention(EntityType.ORG, 0, 6, "东岳理工大学", 0.85, "org-grammar:academic")
    learned = Mention(EntityType.ORG, 0, 13, text[0:13], 0.82, "crf")
    merged = merge_mentions(text, [unit], [learned], words(text))
    assert [m.text for m in merged] == ["东岳理工大学"]


def test_a_name_shown_to_be_a_team_is_a_team_throughout_the_document() -> None:
    text = "上周输给维罗纳斯后，维罗纳斯近期状态回升。"
    first, second = text.index("维罗纳斯"), text.rindex("维罗纳斯")
    learned = [person(first, first + 4, 0.9, "crf", text), person(second, second + 4, 0.9, "crf", text)]
    merged = merge_mentions(text, [], learned, words(text))
    assert [(m.text, m.type) for m in merged] == [("维罗纳斯", EntityType.ORG)] * 2


def test_a_learned_organization_does_not_end_in_a_verb() -> None:
    text = "微软公司与Meta Platforms签署合作协议。"
    start = text.index("Meta")
    learned = [Mention(EntityType.ORG, start, text.index("合作"), text[start:text.index("合作")], 0.8, "crf")]
    assert [m.text for m in merge_mentions(text, [], learned, words(text))] == ["Meta Platforms"]


def test_a_sure_learned_name_with_a_function_word_surname_after_a_title() -> None:
    text = "政委高云江说，任务已完成。"
    title = Mention(EntityType.ROLE, 0, 2, "政委", 0.9, "title-grammar")
    merged = merge_mentions(text, [title], [person(2, 5, 0.95, "crf", text)], words(text))
    assert [m.text for m in merged if m.type is EntityType.PERSON] == ["高云江"]
    unsure = merge_mentions(text, [title], [person(2, 5, 0.6, "crf", text)], words(text))
    assert [m.text for m in unsure if m.type is EntityType.PERSON] == []


def test_a_name_ending_in_jun_is_a_person_not_an_army() -> None:
    text = "潘维军抱着孩子走进医院。"
    learned = [Mention(EntityType.ORG, 0, 3, "潘维军", 0.8, "crf")]
    assert [(m.text, m.type) for m in merge_mentions(text, [], learned, words(text))] == [("潘维军", EntityType.PERSON)]


def test_a_sure_learned_name_with_a_function_word_surname_and_an_unknown_given_name() -> None:
    text = "宣家鑫说，自己也是第一次参加。"
    merged = merge_mentions(text, [], [person(0, 3, 0.98, "crf", text)], words(text))
    assert [m.text for m in merged] == ["宣家鑫"]
    text = "方向明确，任务清楚。"  # 方 + 向明: a word jieba knows (方向) is no name
    assert merge_mentions(text, [], [person(0, 3, 0.98, "crf", text)], words(text)) == []


@pytest.mark.parametrize("text, span", [("比赛在东岳体育馆举行。", (3, 8)), ("双方重视发展中澜关系。", (6, 10))])
def test_a_learned_organization_naming_a_facility_or_a_relation_is_dropped(text: str, span) -> None:
    learned = [Mention(EntityType.ORG, *span, text[span[0]:span[1]], 0.9, "crf")]
    assert merge_mentions(text, [], learned, words(text)) == []


def test_in_a_report_on_club_competition_a_transcribed_name_alone_is_a_club() -> None:
    text = "本轮联赛，博洛维纳主场状态出色，客场则一般。"
    merged = merge_mentions(text, [], [person(5, 9, 0.8, "crf", text)], words(text))
    assert [(m.text, m.type) for m in merged] == [("博洛维纳", EntityType.ORG)]


@pytest.mark.parametrize("text", ["本轮联赛，博洛维纳梅开二度，主场球队获胜。", "博洛维纳的演讲很精彩，主持人介绍了他。",
                                  "本轮联赛主场作战，球队核心博洛维纳没有随队。", "本轮联赛主场作战，博洛维纳上任后球队三连胜。"])
def test_a_transcribed_name_that_scores_coaches_or_outside_club_sport_stays_a_person(text: str) -> None:
    start = text.index("博洛维纳")
    merged = merge_mentions(text, [], [person(start, start + 4, 0.8, "crf", text)], words(text))
    assert [(m.text, m.type) for m in merged] == [("博洛维纳", EntityType.PERSON)]


def learned_org(text: str, span: str) -> Mention:
    start = text.index(span)
    return Mention(EntityType.ORG, start, start + len(span), span, 0.9, "crf")


@pytest.mark.parametrize("text, learned, name", [
    ("最近五年任东恒科技企管部经理。", "任东恒科技企管部", "东恒科技企管部"),  # jieba: 任东恒 (unknown)
    ("曾任集团公司规划部部长。", "曾任集团公司规划部", "集团公司规划部"),
    ("自2009年9月华油博普科技有限公司成立至今。", "月华油博普科技有限公司", "华油博普科技有限公司"),
])
def test_a_learned_organization_does_not_start_with_the_verb_or_date_before_it(text: str, learned: str,
                                                                                name: str) -> None:
    merged = merge_mentions(text, [], [learned_org(text, learned)], words(text))
    assert [m.text for m in merged if m.type is EntityType.ORG] == [name]


def test_a_place_that_starts_with_ren_keeps_it() -> None:
    text = "他在任丘市华北石油公司工作。"
    merged = merge_mentions(text, [], [learned_org(text, "任丘市华北石油公司")], words(text))
    assert [m.text for m in merged if m.type is EntityType.ORG] == ["任丘市华北石油公司"]


def test_a_learned_organization_does_not_start_with_a_glued_function_word() -> None:
    text = "由市农业农村局负责落实。"  # jieba: 由市|农业农村|局
    merged = merge_mentions(text, [], [learned_org(text, "由市农业农村局")], words(text))
    assert [m.text for m in merged if m.type is EntityType.ORG] == ["市农业农村局"]


def test_a_learned_name_does_not_take_the_first_character_of_an_idiom() -> None:
    text = "外援马里奥梅开二度，帮助球队取胜。"  # jieba: 马里奥|梅开二度
    learned = Mention(EntityType.PERSON, 2, 6, "马里奥梅", 0.9, "crf")
    merged = merge_mentions(text, [], [learned], words(text))
    assert [m.text for m in merged] == ["马里奥"]


def test_a_learned_name_ending_in_formerly_before_a_verb_of_being_is_cut_back() -> None:
    text = "邬春原系东岳软件有限公司研发部经理。"
    ran_on = Mention(EntityType.PERSON, 0, 3, "邬春原", 0.9, "crf")
    merged = merge_mentions(text, [], [ran_on], default_segmenter().words(text))
    assert [m.text for m in merged if m.type is EntityType.PERSON] == ["邬春"]
    named = Mention(EntityType.PERSON, 0, 2, "张原", 0.9, "crf")  # 张原是…: a two-character name stays
    assert [m.text for m in merge_mentions("张原是工程师。", [], [named], default_segmenter().words("张原是工程师。"))] == ["张原"]


@pytest.mark.parametrize("text, grammar_end, kept", [
    ("会长邹凯还向来宾介绍了项目。", 5, "邹凯"),  # 还 never ends a given name: the tagger's end wins
    ("主编钱硕给我们讲了一个故事。", 5, "钱硕"),
    ("处长宋双才强调了三点。", 5, "宋双才"),  # 才 does: the grammar's name stands
])
def test_a_sure_learned_name_one_character_shorter_ends_the_name_before_a_non_name_character(
        text: str, grammar_end: int, kept: str) -> None:
    grammar = [person(2, grammar_end, 0.9, "name-context:title", text)]
    merged = merge_mentions(text, grammar, [person(2, 4, 0.95, "crf", text)], words(text))
    assert [m.text for m in merged if m.type is EntityType.PERSON] == [kept]
