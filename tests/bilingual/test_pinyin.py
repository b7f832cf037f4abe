import pytest

from kg.bilingual import person_name_en, person_name_tones
from kg.bilingual.pinyin import split_name


@pytest.mark.parametrize("zh, en", [
    ("孙明远", "Sun Mingyuan"),
    ("冯继业", "Feng Jiye"),
    ("欧阳修", "Ouyang Xiu"),
    ("司马迁", "Sima Qian"),
    ("诸葛亮", "Zhuge Liang"),
    ("尉迟恭", "Yuchi Gong"),
    ("上官婉儿", "Shangguan Wan'er"),
])
def test_surname_first_given_name_one_word_compound_surnames_whole(zh, en):
    assert person_name_en(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("单田芳", "Shan Tianfang"),
    ("曾国藩", "Zeng Guofan"),
    ("解缙", "Xie Jin"),
    ("仇英", "Qiu Ying"),
    ("区永", "Ou Yong"),
    ("查良镛", "Zha Liangyong"),
    ("朴明", "Piao Ming"),
    ("乐嘉", "Yue Jia"),
    ("覃文", "Qin Wen"),
])
def test_surnames_use_their_surname_reading(zh, en):
    assert person_name_en(zh) == en


def test_polyphonic_given_names_read_by_phrase():
    assert person_name_en("李朝阳") == "Li Zhaoyang"
    assert person_name_en("王长江") == "Wang Changjiang"


def test_u_umlaut_default_and_options():
    assert person_name_en("吕布") == "Lü Bu"
    assert person_name_en("吕布", v="v") == "Lv Bu"
    assert person_name_en("吕布", v="u") == "Lu Bu"
    with pytest.raises(ValueError):
        person_name_en("吕布", v="x")


def test_apostrophe_before_vowel_syllable():
    assert person_name_en("张嘉恩") == "Zhang Jia'en"


def test_tone_marks_for_pinyin_label():
    assert person_name_tones("孙明远") == "Sūn Míngyuǎn"
    assert person_name_tones("单田芳") == "Shàn Tiánfāng"
    assert person_name_tones("欧阳修") == "Ōuyáng Xiū"


def test_traditional_characters_give_the_same_name():
    assert person_name_en("孫明遠") == person_name_en("孙明远")
    assert person_name_en("歐陽修") == "Ouyang Xiu"


def test_latin_names_are_kept_and_dotted_names_split():
    assert person_name_en("John Smith") == "John Smith"
    assert person_name_en("买买提·艾力") == "Maimaiti Aili"


def test_bare_compound_surname_is_one_surname():
    assert split_name("欧阳").surname == "欧阳"
    assert person_name_en("欧阳") == "Ouyang"
