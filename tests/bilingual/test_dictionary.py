

def test_common_words_and_proper_names_are_told_apart() -> None:
    from kg.bilingual.dictionary import is_common_word

    assert is_common_word("班主任")
    assert not is_common_word("毛主席")
    assert not is_common_word("江主席")
