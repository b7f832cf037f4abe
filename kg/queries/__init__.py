"""Named analyst queries shipped as ``.rq`` files next to this module.

Each file starts with comment lines: the first is the description, then one
``# param: NAME [= DEFAULT] — what it is`` line per parameter; the body uses ``{{NAME}}``
where the value goes. Values are rendered as SPARQL terms, never pasted as text: an
absolute IRI becomes ``<IRI>``, a whole number stays a number, anything else is a quoted
string literal (so a label cannot change the query).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.errors import InputError

_PARAM = re.compile(r"^#\s*param:\s*(?P<name>[A-Za-z_][\w-]*)\s*(?:=\s*(?P<default>\S+))?\s*(?:[—-]+\s*(?P<doc>.*))?$")
_SLOT = re.compile(r"\{\{\s*([A-Za-z_][\w-]*)\s*\}\}")
_IRI = re.compile(r"^(?:https?|urn|file):[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    default: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    name: str  # the file name without .rq
    description: str
    params: tuple[Param, ...]
    text: str  # the query with {{slots}}


def _parse(name: str, text: str) -> NamedQuery:
    description: list[str] = []
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _PARAM.match(line)
        if m:
            params.append(Param(m["name"], (m["doc"] or "").strip(), m["default"]))
        elif not params:
            description.append(line.lstrip("#").strip())
    return NamedQuery(name, " ".join(d for d in description if d), tuple(params), text)


@lru_cache(maxsize=1)
def _load() -> dict[str, NamedQuery]:
    folder = resources.files(__name__)
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = _parse(name, entry.read_text(encoding="utf-8"))
    return found


def list_queries() -> list[NamedQuery]:
    """All shipped named queries, by name."""
    return list(_load().values())


def get_query(name: str) -> NamedQuery:
    try:
        return _load()[name]
    except KeyError:
        raise InputError(f"no named query {name!r}; known: {', '.join(_load())}") from None


def sparql_term(value: str) -> str:
    """A parameter value as a SPARQL term: <IRI>, an integer, or an escaped string literal."""
    if _IRI.match(value):
        return f"<{value}>"
    if re.fullmatch(r"-?\d+", value):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def render(name: str, **params: str) -> str:
    """The query ``name`` with its parameters filled in; missing or unknown ones are an InputError."""
    query = get_query(name)
    known = {p.name: p for p in query.params}
    unknown = sorted(set(params) - set(known))
    if unknown:
        raise InputError(f"query {name!r} has no parameter {', '.join(unknown)}; it takes: {', '.join(known) or 'none'}")
    values: dict[str, str] = {}
    for p in query.params:
        value = params.get(p.name, p.default)
        if value is None:
            raise InputError(f"query {name!r} needs --param {p.name}=... ({p.description})")
        values[p.name] = sparql_term(str(value))
    return _SLOT.sub(lambda m: values[m.group(1)], query.text)
