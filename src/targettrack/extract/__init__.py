"""Documents to statements: candidate goals and outcomes, each with a span into the text as read.

One module a step, data flowing one way:

- :mod:`~targettrack.extract.text` — normalising: the compact text the reader works on, and the
  map from its offsets back to the original text;
- :mod:`~targettrack.extract.scan` — scanning: the quantities of a stretch of text;
- :mod:`~targettrack.extract.structure` — document structure: sentences, with the region, the
  year and the part (review or plan) each belongs to, and the header of a work report;
- :mod:`~targettrack.extract.reader` — reading: each quantity with its measure, period and
  qualifiers, as a :class:`Statement`;
- :mod:`~targettrack.extract.placement` — placement: statements to typed goals and outcomes.
"""

from .reader import (
    PHRASES,
    Statement,
    extract_statements,
    statements_from_json,
    statements_to_json,
    statements_to_yaml,
    to_records,
    unplaced,
)

__all__ = [
    "PHRASES",
    "Statement",
    "extract_statements",
    "statements_from_json",
    "statements_to_json",
    "statements_to_yaml",
    "to_records",
    "unplaced",
]
