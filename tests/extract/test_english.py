from kg.bilingual import person_name_en
from kg.extract.english import analyse_english
from kg.model import Document, EntityType, Predicate

TEXT = (
    "Director Sun Mingyuan of the Ministry of Industry and Information Technology opened the forum. "
    "Wang Lihua, chairman of Hangzhou Qingsong Technology Co., Ltd., said blockchain and digital twin "
    "technology would change factories. "
    "Professor Chen Ming of Tsinghua University presented the new laboratory. "
    "ZTE's Chief Engineer Liu Yang attended, and Mr. Ouyang Xiaoming from Shanghai Jiao Tong University "
    "spoke last."
)


def _analysis(text=TEXT):
    return analyse_english(Document("en-test", text, "en"))


def _by_text(analysis):
    return {m.text: m for m in analysis.mentions}


def test_offsets_point_at_the_mention_text():
    analysis = _analysis()
    assert analysis.mentions
    for m in analysis.mentions:
        assert TEXT[m.start:m.end] == m.text


def test_persons_after_titles_honorifics_and_before_appositions():
    found = _by_text(_analysis())
    for name in ("Sun Mingyuan", "Wang Lihua", "Chen Ming", "Liu Yang", "Ouyang Xiaoming"):
        assert found[name].type is EntityType.PERSON


def test_organizations_from_lexicon_and_shapes_with_chinese_norm():
    found = _by_text(_analysis())
    assert found["Ministry of Industry and Information Technology"].norm == "工业和信息化部"
    assert found["Tsinghua University"].norm == "清华大学"
    assert found["ZTE"].type is EntityType.ORG
    company = found["Hangzhou Qingsong Technology Co., Ltd."]
    assert company.type is EntityType.ORG and company.norm == ""


def test_roles_and_technologies():
    found = _by_text(_analysis())
    assert found["Director"].type is EntityType.ROLE
    assert found["chairman"].type is EntityType.ROLE
    assert found["Chief Engineer"].norm == "总工程师"
    assert found["blockchain"].type is EntityType.TECH
    assert found["blockchain"].norm == "区块链"


def _posts(analysis):
    ms = analysis.mentions
    return {(ms[r.subject].text, ms[r.object].text, ms[r.context].text if r.context is not None else None)
            for r in analysis.relations if r.predicate is Predicate.HOLDS_POST}


def test_holds_post_patterns():
    posts = _posts(_analysis())
    assert ("Sun Mingyuan", "Director", "Ministry of Industry and Information Technology") in posts
    assert ("Wang Lihua", "chairman", "Hangzhou Qingsong Technology Co., Ltd.") in posts
    assert ("Chen Ming", "Professor", "Tsinghua University") in posts
    assert ("Liu Yang", "Chief Engineer", "ZTE") in posts


def test_speaker_talks_about_technologies_in_the_sentence():
    analysis = _analysis()
    ms = analysis.mentions
    talks = {(ms[r.subject].text, ms[r.object].text) for r in analysis.relations
             if r.predicate is Predicate.TALKS_ABOUT}
    assert ("Wang Lihua", "blockchain") in talks


def test_sentences_cover_the_text():
    analysis = _analysis()
    assert len(analysis.sentences) == 4
    assert analysis.sentences[0].start == 0


def test_english_person_names_match_pinyin_of_the_chinese_original():
    chinese = {"孙明远": "Sun Mingyuan", "欧阳晓明": "Ouyang Xiaoming"}
    found = _by_text(_analysis())
    for zh, en in chinese.items():
        assert person_name_en(zh) == en
        assert found[en].type is EntityType.PERSON


def test_capitalised_place_pairs_are_not_persons():
    found = _by_text(_analysis("Delegates came from Hong Kong and Xi'an."))
    assert found["Hong Kong"].type is EntityType.PLACE
    assert all(m.type is not EntityType.PERSON for m in found.values())


def test_unit_of_a_known_organization_is_split_from_it():
    analysis = _analysis("Sun Mingyuan, Division Director of the Department of Information "
                         "Technology Development of MIIT, attended.")
    found = _by_text(analysis)
    unit = found["Department of Information Technology Development"]
    assert found["MIIT"].norm == "工业和信息化部"
    ms = analysis.mentions
    subs = {(ms[r.subject].text, ms[r.object].text) for r in analysis.relations
            if r.predicate is Predicate.SUB_ORGANIZATION_OF}
    assert (unit.text, "MIIT") in subs
    assert ("Sun Mingyuan", "Division Director", unit.text) in _posts(analysis)


def test_bare_head_words_are_not_organizations_and_title_abbreviations_are_roles():
    analysis = _analysis("The Group said Gao Ming, its CEO, would stay.")
    found = _by_text(analysis)
    assert "Group" not in found
    assert found["CEO"].type is EntityType.ROLE and found["CEO"].norm == "首席执行官"
    assert ("Gao Ming", "CEO", None) in _posts(analysis)


def test_hyphenated_and_apostrophe_given_names():
    found = _by_text(_analysis("Zhang Yi-fu met Zhang Jia'en in Beijing."))
    assert found["Zhang Yi-fu"].type is EntityType.PERSON
    assert found["Zhang Jia'en"].type is EntityType.PERSON


def test_a_given_name_that_is_also_a_city_after_a_surname_is_the_name():
    a = _analysis("Professor Luo Qingyang said so. He grew up in Qingyang.")
    persons = [m.text for m in a.mentions if m.type is EntityType.PERSON]
    places = [m.text for m in a.mentions if m.type is EntityType.PLACE]
    assert persons == ["Luo Qingyang"] and places == ["Qingyang"]


def test_titles_joined_by_and_are_all_posts_at_the_organization_after_them():
    a = _analysis("Pang Han, chairman and chief executive officer of Dongyue Software Co., Ltd., said so.")
    assert {t for t in _by_text(a) if t.startswith(("chairman", "and", "chief"))} == {"chairman", "chief executive officer"}
    posts = {(a.mentions[r.object].text, a.mentions[r.context].text) for r in a.relations if r.predicate is Predicate.HOLDS_POST}
    assert posts == {("chairman", "Dongyue Software Co., Ltd."), ("chief executive officer", "Dongyue Software Co., Ltd.")}
