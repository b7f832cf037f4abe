from __future__ import annotations

from kg.extract.tagger import default_lexicon, spans_from_labels
from kg.train import Example, augment, name_parts


def example(text: str, spans: list[tuple[str, int, int]]) -> Example:
    labels = ["O"] * len(text)
    for kind, start, end in spans:
        labels[start:end] = ["B-" + kind] + ["I-" + kind] * (end - start - 1)
    return Example(text, tuple(labels))


TRAINING = [
    example("王建国是蓝海科技有限公司的工程师。", [("PER", 0, 3), ("ORG", 4, 12)]),
    example("李明华在东岳大学任教。", [("PER", 0, 3), ("ORG", 4, 8)]),
    example("他住在东岳。", [("LOC", 3, 5)]),
    example("今天天气很好。", []),
]


def test_augment_adds_copies_of_sentences_with_entities_and_keeps_labels_aligned() -> None:
    result = augment(TRAINING, copies=3)
    assert result[:4] == TRAINING
    assert len(result) == 4 + 3 * 3
    for copy in result[4:]:
        assert len(copy.text) == len(copy.labels)
        assert {kind for kind, _, _ in spans_from_labels(copy.labels)} <= {"PER", "ORG", "LOC"}
        assert copy.text.endswith("。")


def test_augment_invents_foreign_names_and_place_prefixed_organisations() -> None:
    lexicon = default_lexicon()
    names: dict[str, set[str]] = {"PER": set(), "ORG": set()}
    for copy in augment(TRAINING, copies=40)[4:]:
        for kind, start, end in spans_from_labels(copy.labels):
            names.setdefault(kind, set()).add(copy.text[start:end])
    assert any(len(n) >= 2 and all(c in lexicon.transliteration or c == "·" for c in n) for n in names["PER"])
    assert names["ORG"] & {"东岳蓝海科技有限公司", "东岳东岳大学"}


def test_augment_is_reproducible() -> None:
    assert augment(TRAINING, copies=2) == augment(TRAINING, copies=2)


def test_name_parts_hold_given_name_characters_and_japanese_name_halves() -> None:
    parts = name_parts()
    assert len(parts["given"]) > 500 and all(len(c) == 1 for c in parts["given"])
    assert parts["ja_surname"] and all(len(s) == 2 for s in parts["ja_surname"])
