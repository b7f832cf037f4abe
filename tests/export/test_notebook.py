"""The analyst walkthrough notebook runs top to bottom (so it never rots)."""
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "walkthrough.ipynb"


def test_walkthrough_notebook_executes_and_shows_tables_and_graph():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"].get("text/html", "") for o in outputs if "data" in o]
    assert any("<table" in h and "title_zh" in h for h in html)
    assert any("<iframe srcdoc=" in h for h in html)
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
