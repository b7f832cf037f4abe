import re
from pathlib import Path

import pytest

from kg.export import get_exporter
from kg.export.html import HtmlOptions, export_html

B = "https://example.org/kg/"


@pytest.fixture
def page_path(sample_store, tmp_path: Path) -> Path:
    path = tmp_path / "graph.html"
    get_exporter("html")(sample_store, path)
    return path


def test_page_references_no_remote_script_style_or_bootstrap(page_path: Path):
    text = page_path.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text, re.IGNORECASE)
    assert not re.search(r"""@import|url\(\s*["']?(?:https?:)?//""", text, re.IGNORECASE)
    assert "bootstrap" not in text.lower() and "cdnjs" not in text and "jsdelivr" not in text
    assert "vis.Network" in text  # vis-network is inlined, not linked


def test_document_text_cannot_close_the_data_script(page_path: Path):
    text = page_path.read_text(encoding="utf-8")
    assert "<trust>" not in text  # the sample quote is escaped inside the JSON


def test_top_n_keeps_the_best_connected_entities(sample_store, tmp_path: Path):
    path = tmp_path / "top.html"
    export_html(sample_store, path, HtmlOptions(max_nodes=3))
    text = path.read_text(encoding="utf-8")
    assert text.count('"iri":') == 3 and B + "person/wang-xiaoming" in text


def test_page_loads_offline_without_errors_and_draws_every_node(page_path, open_explorer):
    loaded = open_explorer(page_path)
    assert loaded.errors == []
    assert [u for u in loaded.requests if not u.startswith("file://")] == []
    assert loaded.page.evaluate("window.kgExplorer.network.body.nodeIndices.length") == 11
    assert loaded.page.evaluate("window.kgExplorer.edges.length") == 9
    assert loaded.page.inner_text("#stats").startswith("11 / 11")


def test_language_switch_relabels_nodes_and_edges(page_path, open_explorer):
    page = open_explorer(page_path).page
    label = "window.kgExplorer.nodes.get().find(n => n.title.startsWith('李华')).label"
    assert page.evaluate(label) == "李华"
    page.click("#lang-en")
    assert page.evaluate(label) == "Li Hua"
    assert "Professor" in page.evaluate("window.kgExplorer.edges.get().map(e => e.label)")
    page.click("#lang-zh")
    assert page.evaluate(label) == "李华"


def test_search_finds_by_alias_and_shows_highlighted_source_sentence(page_path, open_explorer):
    page = open_explorer(page_path).page
    page.fill("#search", "王司长")
    page.press("#search", "Enter")
    assert page.inner_text("#details h2") == "王小明"
    assert page.inner_text("#search-result").startswith("1")
    assert page.eval_on_selector_all("#details mark", "ms => ms.map(m => m.textContent)") == ["王小明", "Wang Xiaoming"]
    assert "司长 @ 教育部高等教育司" in page.inner_text("#details")


def test_clicking_a_node_shows_its_details(page_path, open_explorer):
    page = open_explorer(page_path).page
    pos = page.evaluate(
        """() => { const x = window.kgExplorer; const id = x.nodes.get().find(n => n.title.startsWith('李华')).id;
                   const p = x.network.canvasToDOM(x.network.getPositions([id])[id]);
                   const r = document.getElementById('network').getBoundingClientRect();
                   return {x: p.x + r.left, y: p.y + r.top}; }"""
    )
    page.mouse.click(pos["x"], pos["y"])
    assert page.inner_text("#details h2") == "李华"
    assert "教授 @ 示例大学" in page.inner_text("#details")
    assert "&amp;" not in page.inner_text("#details") and "<trust>" in page.inner_text("#details")


def test_type_filter_hides_that_type(page_path, open_explorer):
    page = open_explorer(page_path).page
    page.uncheck("#legend-list input[data-type='Role']")
    assert page.evaluate("window.kgExplorer.network.body.nodeIndices.length") == 9
    assert page.inner_text("#stats").startswith("9 / 11")


def test_document_menu_shows_only_that_documents_entities(page_path, open_explorer):
    page = open_explorer(page_path).page
    page.select_option("#doc-filter", label="Example university news")
    assert page.evaluate("window.kgExplorer.network.body.nodeIndices.length") == 5
    page.select_option("#doc-filter", label="—")
    assert page.evaluate("window.kgExplorer.network.body.nodeIndices.length") == 11


def test_top_n_box_keeps_the_best_connected_entities_in_the_page(page_path, open_explorer):
    page = open_explorer(page_path).page
    page.fill("#top-n", "2")
    page.dispatch_event("#top-n", "change")
    shown = page.evaluate("window.kgExplorer.nodes.get().filter(n => !n.hidden).map(n => n.label)")
    assert shown == ["王小明", "李华"]
    page.click("#lang-en")
    assert page.inner_text("#stats") == "2 / 11 entities"
