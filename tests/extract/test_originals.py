"""Names given in their own script in brackets after the Chinese (kg/extract/originals.py)."""
from __future__ import annotations

from kg.extract.originals import add_originals
from kg.model import EntityType, Mention

PERSON, ORG = EntityType.PERSON, EntityType.ORG


def _mention(text: str, surface: str, kind: EntityType, method: str = "test") -> Mention:
    start = text.index(surface)
    return Mention(kind, start, start + len(surface), surface, 0.9, method)


def test_a_bracketed_original_is_a_mention_of_the_name_before_it() -> None:
    text = "前校长巴里·穆尼兹（Barry Munitz）与会。"
    found = add_originals(text, [_mention(text, "巴里·穆尼兹", PERSON)])
    assert [(m.text, m.type, m.norm) for m in found] == [
        ("巴里·穆尼兹", PERSON, ""), ("Barry Munitz", PERSON, "巴里·穆尼兹")]


def test_an_organization_original_may_be_an_acronym() -> None:
    text = "国际足联(FIFA)宣布"
    found = add_originals(text, [_mention(text, "国际足联", ORG)])
    assert [m.text for m in found] == ["国际足联", "FIFA"]


def test_a_lower_case_word_or_an_acronym_in_brackets_is_no_persons_name() -> None:
    for text in ("演员陈冲（blog）表示", "首席执行官王立（CEO）表示"):
        name = "陈冲" if "陈冲" in text else "王立"
        assert [m.text for m in add_originals(text, [_mention(text, name, PERSON)])] == [name]


def test_a_span_that_ran_into_the_bracket_is_cut_and_the_tagger_guess_inside_gives_way() -> None:
    text = "签证官江德力（Charles Wood）说"
    ran_on = _mention(text, "江德力（Charles", PERSON, "crf")
    guess = _mention(text, "Wood", ORG, "crf")
    found = add_originals(text, [ran_on, guess])
    assert [(m.text, m.type) for m in found] == [("江德力", PERSON), ("Charles Wood", PERSON)]
