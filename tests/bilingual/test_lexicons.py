from collections import Counter

from kg.bilingual import lexicons


def test_organization_names_and_abbreviations_are_unambiguous():
    keys = Counter()
    for row in lexicons.lexicon("organizations.tsv"):
        assert row["zh"] and row["en"] and row["class"]
        keys.update({row["zh"], *lexicons._split(row["aliases"])})
    assert [k for k, n in keys.items() if n > 1] == []


def test_organization_aliases_have_two_characters_or_more():
    short = [a for row in lexicons.lexicon("organizations.tsv") for a in lexicons._split(row["aliases"]) if len(a) < 2]
    assert short == []


def test_no_club_is_known_by_a_bare_place_name():
    clubs = [r for r in lexicons.lexicon("organizations.tsv") if r["class"] == "club"]
    assert len(clubs) >= 100
    places = lexicons.places()
    assert [a for r in clubs for a in (r["zh"], *lexicons._split(r["aliases"])) if a in places] == []


def test_a_club_short_name_reads_as_the_club_in_english():
    assert lexicons.organization("沙尔克").en == "FC Schalke 04"
    assert lexicons.organization("利物浦队").en == "Liverpool FC"
    assert lexicons.organization("利物浦") is None  # the city

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
