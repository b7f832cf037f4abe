"""kg — turn Chinese and English news into a bilingual knowledge graph."""

__version__ = "0.1.0"
