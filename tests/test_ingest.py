from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import (
    detect_language,
    iter_input_files,
    normalized_view,
    read_document,
    read_inputs,
    source_trailer,
)


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_folders_expand_recursively_and_sorted(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "乙")
    write(tmp_path / "sub" / "deeper" / "c.md", "丙")
    write(tmp_path / "a.txt", "甲")
    write(tmp_path / "notes.pdf", b"%PDF")  # ignored inside a folder
    found = list(iter_input_files([tmp_path]))
    assert found == [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "sub" / "deeper" / "c.md"]


def test_missing_path_is_an_input_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(InputError, match="nowhere.txt"):
        list(iter_input_files([missing]))


def test_unsupported_file_type_is_an_input_error_naming_it(tmp_path: Path) -> None:
    pdf = write(tmp_path / "report.pdf", b"%PDF-1.4")
    with pytest.raises(InputError, match="report.pdf"):
        list(iter_input_files([pdf]))


def test_folder_without_text_files_is_rejected(tmp_path: Path) -> None:
    write(tmp_path / "image.png", b"\x89PNG")
    with pytest.raises(InputError, match=str(tmp_path.name)):
        list(iter_input_files([tmp_path]))


def test_non_utf8_file_error_names_file_and_line(tmp_path: Path) -> None:
    bad = write(tmp_path / "legacy.txt", "第一行\n第二行\n".encode("utf-8") + "第三行GBK".encode("gbk"))
    with pytest.raises(InputError) as info:
        read_document(bad)
    message = str(info.value)
    assert "legacy.txt:3:" in message
    assert "UTF-8" in message


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", " \n\t\n")
    with pytest.raises(InputError, match="empty.txt.*empty"):
        read_document(empty)


def test_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + "钱晓峰出席。".encode("utf-8"))
    assert read_document(path).text == "钱晓峰出席。"


def test_text_is_kept_exactly_as_decoded(tmp_path: Path) -> None:
    text = "全角：ＡＢＣ　１２３\r\n第二行\n"
    path = write(tmp_path / "raw.txt", text.encode("utf-8"))
    assert read_document(path).text == text


def test_language_is_detected_as_zh_or_en() -> None:
    assert detect_language("蓝海科技有限公司首席技术官钱晓峰表示，AI和XR技术很重要。") == "zh"
    assert detect_language("Qian Xiaofeng, CTO of Lanhai Technology, said AI matters.") == "en"


def test_language_can_be_forced_and_unknown_language_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "doc.txt", "Lanhai Technology 蓝海")
    assert read_document(path, lang="zh").lang == "zh"
    with pytest.raises(InputError, match="fr"):
        read_document(path, lang="fr")


def test_source_trailer_gives_publisher_and_url(tmp_path: Path) -> None:
    path = write(tmp_path / "news.txt", "东岳理工大学举办论坛。\n\n来源：东岳日报\nhttps://news.example.com/2023/07/01.html\n")
    doc = read_document(path)
    assert doc.publisher == "东岳日报"
    assert doc.source_url == "https://news.example.com/2023/07/01.html"


def test_text_without_trailer_has_no_source() -> None:
    assert source_trailer("东岳理工大学举办论坛。\n会议持续两天。") == ("", "")


def test_normalized_view_keeps_length_and_folds_full_width() -> None:
    text = "ＸＲ技术，（５Ｇ）　ＡＩ！"
    view = normalized_view(text)
    assert len(view) == len(text)
    assert view == "XR技术,(5G) AI!"


def test_normalized_view_keeps_characters_whose_normal_form_is_longer() -> None:
    text = "重量5㎏ ﬁ"  # NFKC turns ㎏ into "kg" and ﬁ into "fi": two characters each
    assert normalized_view(text) == text


def test_duplicate_file_stems_get_distinct_ids(tmp_path: Path) -> None:
    write(tmp_path / "2023" / "news.txt", "甲公司")
    write(tmp_path / "2024" / "news.txt", "乙公司")
    write(tmp_path / "other.txt", "丙公司")
    docs = read_inputs([tmp_path])
    ids = [d.id for d in docs]
    assert len(set(ids)) == 3
    assert "other" in ids
    assert all(i.startswith("news-") for i in ids if i != "other")
    assert ids == [d.id for d in read_inputs([tmp_path])]  # stable across runs


def test_document_id_is_iri_safe_and_keeps_chinese(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "工业 元宇宙 (2023).txt", "正文"))
    assert doc.id == "工业-元宇宙-2023"
    assert doc.title == "工业 元宇宙 (2023)"
