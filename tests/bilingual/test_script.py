from kg.bilingual import is_traditional, to_simplified


def test_to_simplified_converts_and_keeps_length():
    text = "東岳能源有限公司技術學院的孫明遠處長說，數字孿生很重要。"
    simple = to_simplified(text)
    assert simple == "东岳能源有限公司技术学院的孙明远处长说,数字孪生很重要。".replace(",", "，")
    assert len(simple) == len(text)


def test_offsets_in_simplified_text_point_at_the_same_characters():
    text = "清華大學馮立教授"
    simple = to_simplified(text)
    start = simple.index("冯立")
    assert text[start:start + 2] == "馮立"


def test_is_traditional():
    assert is_traditional("工業和信息化部資訊技術發展司")
    assert not is_traditional("工业和信息化部信息技术发展司")
    assert not is_traditional("State Grid")
    assert not is_traditional("")


def test_a_traditional_paragraph_maps_onto_its_simplified_version():
    simplified = "国家电网技术学院副院长王立表示，区块链与数字孪生技术将推动电力行业数字化转型。"
    traditional = "國家電網技術學院副院長王立表示，區塊鏈與數字孿生技術將推動電力行業數字化轉型。"
    assert is_traditional(traditional) and not is_traditional(simplified)
    assert to_simplified(traditional) == simplified
