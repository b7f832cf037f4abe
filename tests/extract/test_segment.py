from __future__ import annotations

import jieba
import pytest

from kg.extract.segment import check_rebuilds, default_segmenter, project_words, split_sentences
from kg.model import Sentence

TEXT = (
    "蓝海科技有限公司首席技术官钱晓峰表示：“数字孪生和工业互联网将改变制造业！”\n"
    "第二段 mixes English words, 3.5 版本与ＸＲ技术。\n\n"
    "  最后一句没有句号"
)


@pytest.fixture(scope="module")
def sentences() -> list[Sentence]:
    return default_segmenter()(TEXT)


def test_tokens_rebuild_the_text_exactly(sentences: list[Sentence]) -> None:
    assert check_rebuilds(TEXT, sentences)


def test_check_rebuilds_notices_a_lost_character(sentences: list[Sentence]) -> None:
    damaged = [Sentence(s.start, s.end, s.tokens[1:]) if i == 0 else s for i, s in enumerate(sentences)]
    assert not check_rebuilds(TEXT, damaged)


def test_sentences_are_contiguous_and_cover_the_text(sentences: list[Sentence]) -> None:
    assert sentences[0].start == 0
    assert sentences[-1].end == len(TEXT)
    assert all(a.end == b.start for a, b in zip(sentences, sentences[1:]))
    assert all(s.start < s.end for s in sentences)


def test_tokens_lie_inside_their_sentence(sentences: list[Sentence]) -> None:
    for s in sentences:
        assert all(s.start <= t.start < t.end <= s.end for t in s.tokens)


def test_sentence_ends_after_terminator_and_closing_quote() -> None:
    text = "他说：“很好。”随后离开。最后"
    assert [text[a:b] for a, b in split_sentences(text)] == ["他说：“很好。”", "随后离开。", "最后"]


@pytest.mark.parametrize("text, parts", [
    ("本报讯东岳市科技局近日发布通知", ["本报讯", "东岳市科技局近日发布通知"]),
    ("新华社东岳5月3日电东岳大学今天举行", ["新华社东岳5月3日电", "东岳大学今天举行"]),
    ("日电集团发布新品", ["日电集团发布新品"]),
])
def test_a_newspaper_dateline_glued_to_the_text_ends_a_sentence(text: str, parts: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == parts


def test_line_breaks_end_sentences_and_join_the_sentence_before() -> None:
    text = "标题\n\n正文第一句。 正文第二句"
    assert [text[a:b] for a, b in split_sentences(text)] == ["标题\n\n", "正文第一句。 ", "正文第二句"]


def test_titles_and_technology_terms_stay_one_token(sentences: list[Sentence]) -> None:
    words = {t.text for s in sentences for t in s.tokens}
    assert {"首席技术官", "数字孪生", "工业互联网", "有限公司"} <= words


def test_composed_title_from_the_lexicon_is_one_token() -> None:
    words = [t.text for t in default_segmenter().words("总信息师韩志刚和总设计师冯立")]
    assert "总信息师" in words and "总设计师" in words


def test_a_two_character_organization_short_name_is_one_token() -> None:
    assert default_segmenter().words("拜仁则与对手战平。")[0].text == "拜仁"  # plain jieba: 拜仁则


def test_segmenter_uses_a_private_tokenizer_and_leaves_global_jieba_alone() -> None:
    segmenter = default_segmenter()
    segmenter("数字孪生与扩展现实")
    assert segmenter.tokenizer is not jieba.dt
    # words the project adds that jieba's own dictionary lacks
    added = {"总信息师", "扩展现实", "数字孪生", "工业元宇宙"}
    assert added <= set(project_words())
    assert all(segmenter.tokenizer.FREQ.get(w) for w in added)
    assert not jieba.dt.initialized or not any(w in jieba.dt.FREQ for w in added)


def test_empty_text_has_no_sentences() -> None:
    assert default_segmenter()("") == []
