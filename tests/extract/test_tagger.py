from __future__ import annotations

import logging
from pathlib import Path

import jieba
import pytest

from kg.errors import ModelError
from kg.extract.tagger import (DATA_DIR, LearnedTagger, char_class, default_lexicon, sentence_features,
                               spans_from_labels, split_sentences)
from kg.model import EntityType, Mention, Sentence, Token


@pytest.fixture(scope="module")
def tagger() -> LearnedTagger:
    return LearnedTagger.load()


@pytest.fixture(scope="module")
def tokenizer() -> jieba.Tokenizer:
    private = jieba.Tokenizer()
    private.initialize()
    return private


def sentences_of(text: str, tokenizer: jieba.Tokenizer) -> list[Sentence]:
    """Sentences as the pipeline's segmenter gives them: jieba tokens with absolute offsets."""
    sentences = []
    for start, end in split_sentences(text):
        tokens = tuple(Token(w, start + s, start + e) for w, s, e in tokenizer.tokenize(text[start:end]))
        sentences.append(Sentence(start, end, tokens))
    return sentences


def found(mentions: list[Mention], kind: EntityType) -> set[str]:
    return {m.text for m in mentions if m.type is kind}


def test_shipped_model_loads_with_bio_labels(tagger: LearnedTagger) -> None:
    assert tagger.tag("", []) == []


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        ("昨天，远景新材料股份有限公司总裁郑宏飞在深圳会见了来访的客人。", "郑宏飞", "远景新材料股份有限公司"),
        ("王雅琴，女，1975年出生，本科学历，现任南京恒安科技有限公司财务总监。", "王雅琴", "南京恒安科技有限公司"),
        ("湖南师范大学的陈晓东老师带领学生参加了比赛。", "陈晓东", "湖南师范大学"),
        ("赛后，青州海鹰队主教练李明杰接受了记者采访。", "李明杰", "青州海鹰队"),
    ],
)
def test_tags_an_invented_person_and_an_organisation(
        tagger: LearnedTagger, tokenizer: jieba.Tokenizer, text: str, person: str, org: str) -> None:
    mentions = tagger.tag(text, sentences_of(text, tokenizer))
    assert person in found(mentions, EntityType.PERSON)
    assert org in found(mentions, EntityType.ORG)


def test_mention_offsets_index_the_text(tagger: LearnedTagger, tokenizer: jieba.Tokenizer) -> None:
    text = "  前言\n中国科学院院士马建华说：“数据很重要。”随后，国家统计局发布了报告。"
    mentions = tagger.tag(text, sentences_of(text, tokenizer))
    assert mentions
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
        assert 0.0 < mention.confidence <= 1.0
        assert mention.method == "crf"


def test_mentions_never_cross_sentence_boundaries(
        tagger: LearnedTagger, tokenizer: jieba.Tokenizer) -> None:
    text = "记者王建国。国家发展和改革委员会今天召开会议。张明远教授出席。"
    sentences = sentences_of(text, tokenizer)
    mentions = tagger.tag(text, sentences)
    assert len(sentences) == 3
    for mention in mentions:
        assert any(s.start <= mention.start and mention.end <= s.end for s in sentences)


def test_person_mentions_leave_out_forms_of_address(tagger: LearnedTagger) -> None:
    mentions = tagger.tag_text("赵先生于1998年加入公司，现任财务总监。")
    assert all(not m.text.endswith("先生") for m in mentions if m.type is EntityType.PERSON)


def test_tag_text_segments_by_itself(tagger: LearnedTagger) -> None:
    text = "上海交通大学校长李振东今天访问了清华大学。"
    assert "李振东" in found(tagger.tag_text(text), EntityType.PERSON)


def test_tag_text_does_not_log_jieba_progress(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="jieba"):  # as in a fresh process, where jieba logs its set-up
        LearnedTagger.load().tag_text("国家统计局发布了报告。")
    assert [r.getMessage() for r in caplog.records if r.name == "jieba"] == []


def test_missing_model_raises_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing"):
        LearnedTagger.load(tmp_path / "absent.crfsuite")


def test_corrupt_model_raises_model_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.crfsuite"
    broken.write_bytes(b"not a crfsuite model")
    with pytest.raises(ModelError, match="corrupt"):
        LearnedTagger.load(broken)


def test_spans_from_labels_reads_bio_and_stray_inside_labels() -> None:
    labels = ["B-PER", "I-PER", "O", "I-ORG", "I-ORG", "B-LOC", "B-LOC"]
    assert spans_from_labels(labels) == [("PER", 0, 2), ("ORG", 3, 5), ("LOC", 5, 6), ("LOC", 6, 7)]


def test_split_sentences_keeps_closing_quotes_and_covers_the_text() -> None:
    text = "他说：“好。”然后走了！\n第二段"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["他说：“好。”", "然后走了！", "\n", "第二段"]


def test_char_class_tells_scripts_apart() -> None:
    assert [char_class(c) for c in "中A7，·"] == ["H", "L", "D", "P", "M"]


def features_with(prefix: str, text: str, words: list[tuple[str, int, int]]) -> list[str]:
    """The one feature starting with ``prefix`` of each character ('' when it has none)."""
    rows = sentence_features(text, words, default_lexicon())
    return [next((f[len(prefix):] for f in row if f.startswith(prefix)), "") for row in rows]


def test_gazetteer_lists_hold_people_organisations_and_places() -> None:
    gazetteer = default_lexicon().gazetteer
    assert (gazetteer["普京"], gazetteer["清华大学"], gazetteer["巴黎"]) == ("PER", "ORG", "LOC")
    assert "中国" not in gazetteer  # an ordinary dictionary word as well: no gazetteer name


def test_gazetteer_feature_marks_the_longest_name_from_a_word_start() -> None:
    text = "普京在清华大学演讲"
    words = [("普京", 0, 2), ("在", 2, 3), ("清华大学", 3, 7), ("演讲", 7, 9)]
    assert features_with("gz=", text, words) == ["PERB", "PERE", "", "ORGB", "ORGI", "ORGI", "ORGE", "", ""]
    assert features_with("wgz=", text, words)[:4] == ["PER", "PER", "", "ORG"]


def test_gazetteer_names_inside_a_longer_word_are_not_marked() -> None:
    text = "俄罗斯代表团"  # 罗斯 (Ross) is a gazetteer name, but here it sits inside 俄罗斯
    words = [("俄罗斯", 0, 3), ("代表团", 3, 6)]
    assert features_with("gz=", text, words) == [""] * 6


def test_transliteration_feature_gives_run_length_and_position() -> None:
    text = "前锋卡拉西莫夫·安多进球"
    words = [("前锋", 0, 2), ("卡拉西莫夫", 2, 7), ("·", 7, 8), ("安多", 8, 10), ("进球", 10, 12)]
    runs = features_with("tr=", text, words)
    assert runs[2:10] == ["5+B", "5+M", "5+M", "5+M", "5+M", "5+M", "5+M", "5+E"]  # the dot joins
    assert runs[:2] == ["", ""] and runs[10:] == ["", ""]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("德国总理施罗德昨天抵达北京，开始为期三天的访问。", "施罗德"),  # gazetteer names
        ("默克尔与萨科齐举行了会谈。", "萨科齐"),
        ("主帅帕夫利维奇赛后表示满意。", "帕夫利维奇"),  # a run of transliteration characters
    ],
)
def test_tags_foreign_names(tagger: LearnedTagger, text: str, person: str) -> None:
    assert person in found(tagger.tag_text(text), EntityType.PERSON)


def test_jieba_name_words_that_are_ordinary_words_read_as_common_words() -> None:
    text = "司马光收到贺信"  # jieba tags both nr; CC-CEDICT has 贺信 only as an ordinary word
    words = [("司马光", 0, 3), ("收到", 3, 5), ("贺信", 5, 7)]
    kinds = features_with("wi=", text, words)
    assert kinds[0] == "nr" and kinds[5:] == ["cw", "cw"]


def test_frequency_feature_separates_everyday_words_from_rare_ones() -> None:
    text = "我们去拜访欧阳明华"
    words = [("我们", 0, 2), ("去", 2, 3), ("拜访", 3, 5), ("欧阳明华", 5, 9)]
    buckets = features_with("wf=", text, words)
    assert buckets[0] == "dict4B" and buckets[5:] == ["", "", "", ""]  # the unknown name has none
    assert buckets[3] < buckets[0]  # 拜访 is rarer than 我们


def test_word_tags_two_words_away_are_features() -> None:
    text = "记者欧阳明华在北京"
    words = [("记者", 0, 2), ("欧阳明华", 2, 6), ("在", 6, 7), ("北京", 7, 9)]
    assert features_with("wn2=", text, words)[2:6] == ["ns"] * 4  # 欧阳明华 -> 在 -> 北京
    assert features_with("wv2=", text, words)[7:] == ["oov", "oov"]


def test_transliteration_list_keeps_the_seed_and_adds_derived_characters() -> None:
    text = (DATA_DIR / "transliteration_chars.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert len(lines) == 2 and not set(lines[0]) & set(lines[1])
    assert set("斯基科" + lines[1]) <= default_lexicon().transliteration


def test_one_rare_character_missing_from_the_list_joins_a_transcription_run() -> None:
    text = "会见基里延科和巴西人"  # 延 is rare in transcriptions; 和 is an everyday word
    words = [("会见", 0, 2), ("基里延科", 2, 6), ("和", 6, 7), ("巴西", 7, 9), ("人", 9, 10)]
    runs = features_with("tr=", text, words)
    assert runs[2:6] == ["4B", "4M", "4M", "4E"]
    assert runs[6] == "" and runs[7:9] == ["2B", "2E"]


def test_dictionary_words_inside_a_glued_unknown_word_are_seen() -> None:
    text = "欧阳明华明白了"  # jieba's HMM may glue the name to 明白; the dictionary still has 明白
    words = [("欧阳明华明", 0, 5), ("白", 5, 6), ("了", 6, 7)]
    assert features_with("ds=", text, words)[4] == "2d"
    assert features_with("de=", text, words)[5] == "2d"

