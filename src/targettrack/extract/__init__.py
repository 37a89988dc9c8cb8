"""Documents to statements: candidate goals and outcomes, each with a span into the text as read.

One module a step, data flowing one way:

- :mod:`~targettrack.extract.formats` — reading files: text in any Chinese encoding, Word
  (:mod:`~targettrack.extract.word`), PDF (:mod:`~targettrack.extract.pdf`) and web pages
  (:mod:`~targettrack.extract.webpage`), as :class:`DocumentText`, the text every span points
  into;
- :mod:`~targettrack.extract.text` — normalising: the compact text the reader works on, and the
  map from its offsets back to the original text;
- :mod:`~targettrack.extract.scan` — scanning: the quantities of a stretch of text;
- :mod:`~targettrack.extract.structure` — document structure: sentences, with the region, the
  year and the part (review or plan) each belongs to, and the header of a work report;
- :mod:`~targettrack.extract.items` — items: each quantity with the clause it stands in and the
  measure written around it;
- :mod:`~targettrack.extract.context` — context: what the words around a quantity say of it
  (comparator, goal or outcome, change, period cues);
- :mod:`~targettrack.extract.reader` — reading: each quantity with its measure, period and
  qualifiers, as a :class:`Statement` (:mod:`~targettrack.extract.statement`);
- :mod:`~targettrack.extract.placement` — placement: statements to typed goals and outcomes.
"""

from .formats import DocumentText, read_document
from .identity import Identity, identify, issue_date
from .ingest import Ingested, Notice, ingest, ingest_documents
from .placement import PHRASES, to_records, unplaced
from .reader import extract_statements
from .statement import (
    Statement,
    statements_from_json,
    statements_to_json,
    statements_to_yaml,
)

__all__ = [
    "PHRASES",
    "DocumentText",
    "Identity",
    "Ingested",
    "Notice",
    "Statement",
    "extract_statements",
    "identify",
    "ingest",
    "ingest_documents",
    "issue_date",
    "read_document",
    "statements_from_json",
    "statements_to_json",
    "statements_to_yaml",
    "to_records",
    "unplaced",
]
