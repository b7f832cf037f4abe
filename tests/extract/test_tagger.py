from __future__ import annotations

import logging
from pathlib import Path

import jieba
import pytest

from kg.errors import ModelError
from kg.extract.tagger import LearnedTagger, char_class, spans_from_labels, split_sentences
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
