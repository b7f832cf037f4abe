from kg.export.view import Edge, read_view

B = "https://example.org/kg/"


def test_every_typed_entity_is_a_node_with_both_labels(sample_store):
    view = read_view(sample_store)
    by_iri = {n.iri: n for n in view.nodes}
    assert len(view.nodes) == 11
    wang = by_iri[B + "person/wang-xiaoming"]
    assert (wang.type, wang.label_zh, wang.label_en, wang.aliases) == ("Person", "王小明", "Wang Xiaoming", ("王司长",))
    assert by_iri[B + "tech/blockchain"].type == "Technology"
    assert by_iri[B + "role/professor"].type == "Role"


def test_membership_becomes_person_to_org_edge_labelled_with_role(sample_store):
    edges = read_view(sample_store).edges
    assert Edge(B + "person/li-hua", B + "org/example-university", "holds_post", "教授", "Professor") in edges
    assert Edge(B + "person/li-hua", B + "role/professor", "has_title") in edges


def test_works_for_shortcut_does_not_duplicate_a_membership_edge(sample_store):
    edges = read_view(sample_store).edges
    pairs = [(e.source, e.target) for e in edges]
    assert pairs.count((B + "person/li-hua", B + "org/example-university")) == 1
    assert not [e for e in edges if e.relation == "works_for"]


def test_structural_relations_are_edges(sample_store):
    rels = {(e.source.removeprefix(B), e.relation, e.target.removeprefix(B)) for e in read_view(sample_store).edges}
    assert ("org/higher-education-department", "sub_organization_of", "org/ministry-of-education") in rels
    assert ("org/ministry-of-education", "member_of", "org/alliance") in rels
    assert ("person/wang-xiaoming", "talks_about", "tech/artificial-intelligence") in rels
    assert ("tech/machine-learning", "broader", "tech/artificial-intelligence") in rels


def test_evidence_keeps_offsets_and_sentence_context(sample_store):
    view = read_view(sample_store)
    ev = view.evidence[B + "person/wang-xiaoming"]
    assert [(e.document.removeprefix(B), e.start, e.end, e.exact) for e in ev] == [
        ("doc/d1", 12, 15, "王小明"),
        ("doc/d2", 40, 53, "Wang Xiaoming"),
    ]
    assert ev[0].prefix + ev[0].exact + ev[0].suffix == "教育部高等教育司司长王小明出席会议并谈到人工智能。"
    assert view.posts[B + "person/wang-xiaoming"][0].org_en == "Department of Higher Education, Ministry of Education"
