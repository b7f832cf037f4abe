from collections import Counter

from kg.bilingual import lexicons


def test_organization_names_and_abbreviations_are_unambiguous():
    keys = Counter()
    for row in lexicons.lexicon("organizations.tsv"):
        assert row["zh"] and row["en"] and row["class"]
        keys.update({row["zh"], *lexicons._split(row["aliases"])})
    assert [k for k, n in keys.items() if n > 1] == []


def test_every_ministry_reads_ministry_of():
    ministries = [r for r in lexicons.lexicon("organizations.tsv") if r["class"] == "ministry"]
    assert len(ministries) >= 20
    assert all(r["en"].startswith("Ministry of ") for r in ministries)


def test_places_have_english_and_a_known_class():
    classes = {"province", "municipality", "autonomous_region", "sar", "city", "area", "country"}
    for row in lexicons.lexicon("places.tsv"):
        assert row["en"] and row["class"] in classes


def test_words_kinds_and_org_endings_templates():
    assert {r["kind"] for r in lexicons.lexicon("words.tsv")} == {"word", "domain"}
    for ending in lexicons.endings():
        assert "{}" in ending.template and ending.kind in {"company", "gov", "unit", "level", "subunit"}


def test_ministry_portfolios_become_domains_for_provincial_departments():
    assert lexicons.domains()["教育"] == "Education"
    assert lexicons.domains()["生态环境"] == "Ecology and Environment"


def test_surname_readings_have_tone_marks():
    for row in lexicons.lexicon("surname_readings.tsv"):
        assert any(ch in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ" for ch in row["reading"]), row
