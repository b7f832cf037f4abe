"""Growing 、-lists (``kg/extract/lists.py``) with a hand-written neighbour rule."""
from __future__ import annotations

from kg.extract.lists import grow_lists
from kg.model import EntityType, Mention, SpanIndex

TEXT = "甲乙、丙丁、戊己、庚辛"


def next_item(m: Mention, covered: SpanIndex):
    """The two characters after the 、 that follows ``m``."""
    return [(m.end + 1, m.end + 3)] if TEXT[m.end:m.end + 1] == "、" else []


def test_each_found_item_makes_its_own_neighbour_a_candidate() -> None:
    seed = Mention(EntityType.ORG, 0, 2, "甲乙", 0.9, "seed")
    grown = grow_lists(TEXT, [seed], [], EntityType.ORG, "list", next_item)
    assert [(m.text, m.method) for m in grown] == [("甲乙", "seed"), ("丙丁", "list"), ("戊己", "list"), ("庚辛", "list")]


def test_a_taken_span_stops_the_list() -> None:
    seed = Mention(EntityType.ORG, 0, 2, "甲乙", 0.9, "seed")
    grown = grow_lists(TEXT, [seed], [(6, 8)], EntityType.ORG, "list", next_item)
    assert [m.text for m in grown] == ["甲乙", "丙丁"]
