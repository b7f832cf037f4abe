"""One exception hierarchy for the package; the CLI alone turns these into one-line
messages and exit codes, library users catch them like any other exception."""
from __future__ import annotations


class KgError(Exception):
    """Base class of every error kg raises on purpose."""

    exit_code = 1


class InputError(KgError, ValueError):
    """The user's input cannot be used: a missing path, an undecodable file, a bad option."""

    exit_code = 2


class StoreError(KgError, OSError):
    """The output folder or its store cannot be read or written."""

    exit_code = 3


class QueryError(KgError, ValueError):
    """A SPARQL query failed to parse or run."""

    exit_code = 4


class ModelError(KgError):
    """A shipped model or lexicon is missing or broken (a packaging defect)."""

    exit_code = 5
