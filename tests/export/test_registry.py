import pytest

from kg.errors import InputError
from kg.export import FORMATS, get_exporter


def test_formats_cover_the_cli_contract():
    assert set(FORMATS) == {"ttl", "trig", "nt", "nq", "jsonld", "graphml", "gexf", "neo4j", "html"}


def test_unknown_format_is_an_input_error_naming_the_choices():
    with pytest.raises(InputError, match="graphml"):
        get_exporter("xlsx")


@pytest.mark.parametrize("fmt", ["jsonld", "graphml", "gexf", "neo4j", "html"])
def test_own_exporters_resolve_to_callables(fmt):
    assert callable(get_exporter(fmt))
