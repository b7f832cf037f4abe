"""The objects passed between pipeline stages.

Every stage takes and returns these small dataclasses, never dicts, so the data flow
(ingest -> segment -> mentions -> relations -> resolve -> graph) is visible in the
type signatures. Offsets are always Python ``str`` indices into ``Document.text``
(the text exactly as read from the input file), end exclusive.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class EntityType(str, Enum):
    """What a mention or entity is; values are stable strings used in IRIs and files."""

    PERSON = "PERSON"
    ORG = "ORG"
    ROLE = "ROLE"
    TECH = "TECH"
    PLACE = "PLACE"


class Predicate(str, Enum):
    """Relation kinds produced by extraction; the graph stage maps them to RDF."""

    HOLDS_POST = "holds_post"  # person -> role, with organization (optional)
    SUB_ORGANIZATION_OF = "sub_organization_of"  # unit -> parent organization
    MEMBER_OF = "member_of"  # organization -> organization (with a role such as 成员单位)
    TALKS_ABOUT = "talks_about"  # person -> technology


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span ({self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


class SpanIndex:
    """The starts, ends and covered characters of a set of spans: overlap and edge tests
    cost the tested span's length, not the number of spans (documents have thousands)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: set[int] = set()
        self.ends: set[int] = set()
        self.chars: set[int] = set()
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        self.starts.add(start)
        self.ends.add(end)
        self.chars.update(range(start, end))

    def overlaps(self, start: int, end: int) -> bool:
        return any(i in self.chars for i in range(start, end))


@dataclass(frozen=True)
class Document:
    """One input text. ``id`` is a stable, IRI-safe slug derived from the file name."""

    id: str
    text: str
    lang: str  # "zh" or "en"
    path: str = ""
    title: str = ""
    source_url: str = ""
    publisher: str = ""


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    pos: str = ""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Mention:
    """A typed span of text. ``text`` is the exact surface; ``norm`` the form used for
    resolution (e.g. an honorific or a damaged character repaired)."""

    type: EntityType
    start: int
    end: int
    text: str
    confidence: float
    method: str
    norm: str = ""

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def key(self) -> str:
        return self.norm or self.text


@dataclass(frozen=True)
class Relation:
    """A fact between mentions. ``subject``/``object`` index into the analysis' mentions;
    ``context`` optionally points at a third mention (the organization of a post, the
    role of an organization's membership)."""

    predicate: Predicate
    subject: int
    object: int
    confidence: float
    method: str
    context: int | None = None


class EventRole(str, Enum):
    """How a person or organization takes part in an event (by precedence)."""

    ORGANIZER = "organizer"
    HOST = "host"
    SPEAKER = "speaker"
    PANELIST = "panelist"
    ATTENDEE = "attendee"


@dataclass(frozen=True)
class Event:
    """An event the document reports (a meeting, forum, conference): its name span, ISO
    date and place when the text gives them, and participants as (mention index, role)."""

    start: int
    end: int
    name: str
    date: str = ""
    place: str = ""
    participants: tuple[tuple[int, EventRole], ...] = ()


@dataclass
class Analysis:
    """Everything extracted from one document: the output of the per-document stages,
    a pure function of the document so it can run in any process."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass
class Entity:
    """A real-world thing after resolution, with its bilingual labels and the mentions
    (document id, mention index) that refer to it."""

    id: str  # IRI-safe local name, deterministic
    type: EntityType
    label_zh: str
    label_en: str
    en_method: str = ""  # how the English label was made: lexicon, pinyin, composed, dictionary, source
    en_confidence: float = 1.0
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[str, int]] = field(default_factory=list)
    confidence: float = 1.0
    broader: list[str] = field(default_factory=list)  # for TECH concepts: ids of broader concepts
    english_only: bool = False  # seen only in English documents: no Chinese label is known


@dataclass
class Fact:
    """A resolved relation between entities, with the mentions it was read from."""

    predicate: Predicate
    subject: str
    object: str
    context: str | None
    confidence: float
    method: str
    evidence: list[tuple[str, int]] = field(default_factory=list)  # (document id, mention index)


@dataclass
class Resolution:
    """The cross-document result the graph is built from."""

    analyses: list[Analysis]
    entities: dict[str, Entity]
    facts: list[Fact]
    mention_entity: dict[tuple[str, int], str]  # (doc id, mention index) -> entity id
