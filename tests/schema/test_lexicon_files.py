"""The shared vocabularies: one file each under kg/schema/lexicons, read by the extraction
grammar and by the English composer alike."""
import csv
from collections import Counter

import pytest

from kg.bilingual import lexicons as bilingual
from kg.extract import lexicons as extract
from kg.schema import data_path

ORG_KINDS = {"enterprise", "academic", "association", "government", "place", "media"}
TEMPLATE_CLASSES = {"company", "gov", "unit", "subunit", "level"}
TITLE_KINDS = {"base", "modifier", "domain", "abbreviation"}


def _table(name: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a shipped lexicon, as written (no reader collapses duplicates)."""
    with data_path(f"lexicons/{name}").open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    header, *rows = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return header, rows


def _records(name: str) -> list[dict[str, str]]:
    header, rows = _table(name)
    for row in rows:
        assert len(row) == len(header), row
    return [dict(zip(header, row)) for row in rows]


@pytest.mark.parametrize("name, key", [("org_suffixes.tsv", ("zh", "template_class")),
                                       ("titles.tsv", ("zh", "kind"))])
def test_lexicon_has_no_duplicate_keys(name, key):
    keys = Counter(tuple(r[k] for k in key) for r in _records(name))
    assert [k for k, n in keys.items() if n > 1] == []


def test_org_suffix_rows_carry_what_the_grammar_or_the_composer_reads():
    for row in _records("org_suffixes.tsv"):
        assert row["zh"] and (row["kind"] or row["template"]), row
        if row["kind"]:
            assert row["kind"] in ORG_KINDS and row["strength"] in {"strong", "weak", "named", "unit"}, row
        else:
            assert not row["strength"], row
        if row["template"]:
            assert "{}" in row["template"] and row["template_class"] in TEMPLATE_CLASSES, row
        else:
            assert not row["template_class"], row


def test_an_org_suffix_has_its_grammar_class_on_one_row_only():
    counts = Counter(r["zh"] for r in _records("org_suffixes.tsv") if r["kind"])
    assert [zh for zh, n in counts.items() if n > 1] == []


def test_title_rows_carry_what_the_grammar_or_the_composer_reads():
    for row in _records("titles.tsv"):
        assert row["zh"] and row["en"] and row["kind"] in TITLE_KINDS, row
        assert row["extract"] in {"yes", "no"}, row
        assert (row["deputy"] in {"Deputy", "Vice", "Associate"}) == (row["kind"] == "base"), row
        if row["kind"] == "abbreviation":
            assert row["extract"] == "no" and row["en"].isascii(), row


def test_both_readers_see_one_org_suffix_file():
    assert extract.org_suffixes()["有限公司"].kind == "enterprise"
    assert extract.org_suffixes()["有限公司"].strong
    assert any(e.zh == "有限公司" and e.template == "{} Co., Ltd." for e in bilingual.endings())
    rows = _records("org_suffixes.tsv")
    in_grammar = {r["zh"] for r in rows if r["kind"]}
    in_english = {r["zh"] for r in rows if r["template"]}
    assert in_english - in_grammar and in_grammar - in_english  # 厂 / 集团公司
    assert set(extract.org_suffixes()) == in_grammar
    assert {e.zh for e in bilingual.endings()} == in_english


def test_a_suffix_with_two_english_readings_keeps_both_in_file_order():
    readings = [(e.template, e.kind) for e in bilingual.endings() if e.zh == "部"]
    assert readings == [("Ministry of {}", "gov"), ("{} Department", "unit")]


def test_titles_not_marked_extract_only_serve_english_names():
    rows = _records("titles.tsv")
    english_only = {r["zh"] for r in rows if r["kind"] == "base" and r["extract"] == "no"}
    assert english_only
    assert not english_only & set(extract.titles().base)
    assert not english_only & set(bilingual.titles())
    assert english_only <= {p.zh for p in bilingual.title_bases()}


def test_both_readers_agree_on_the_english_of_a_title():
    assert extract.titles().base["处长"] == bilingual.titles()["处长"] == "Division Director"
    assert next(p for p in bilingual.title_bases() if p.zh == "处长").deputy == "Deputy"
    assert next(p for p in bilingual.title_bases() if p.zh == "教授").deputy == "Associate"
    assert bilingual.title_abbreviations()["CEO"] == "首席执行官"
    assert "首席执行官" in extract.titles().base


def test_the_composer_reads_every_modifier_but_the_ones_it_handles_itself():
    grammar = set(extract.titles().modifiers)
    composer = {p.zh for p in bilingual.title_prefixes()}
    assert {"副", "总"} <= grammar and not {"副", "总"} & composer
    assert grammar - {"副", "总"} <= composer
