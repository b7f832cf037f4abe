"""Growing 、-lists from their recognised items, shared by persons (商国富、陆新平) and
organizations (金风科技、宁波摩士)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from kg.model import EntityType, Mention, SpanIndex

Span = tuple[int, int]


def grow_lists(text: str, mentions: Sequence[Mention], taken: Sequence[Span], kind: EntityType, method: str,
               neighbours: Callable[[Mention, SpanIndex], Iterable[Span | None]]) -> list[Mention]:
    """``mentions`` plus every list item that ``neighbours`` accepts next to one of them, and
    next to those in turn (a worklist), each span once. ``taken`` are the spans other mentions
    occupy; ``neighbours`` gets the spans covered so far."""
    out = list(mentions)
    covered = SpanIndex([*((m.start, m.end) for m in mentions), *taken])
    queue = sorted(mentions, key=lambda m: m.start)
    while queue:
        m = queue.pop()
        for item in neighbours(m, covered):
            if item is None or covered.overlaps(*item):
                continue
            covered.add(*item)
            found = Mention(kind, item[0], item[1], text[item[0]:item[1]], 0.6, method)
            out.append(found)
            queue.append(found)
    return sorted(out, key=lambda m: m.start)
