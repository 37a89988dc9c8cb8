"""targettrack: audit quantified government plans against the outcomes later reported.

>>> import targettrack as tt
>>> tt.quantity("3.5万家").to("enterprise").magnitude
35000.0
"""

from ._errors import (
    ArgumentError,
    DataError,
    PeriodError,
    ReaderMissing,
    SourceError,
    TargetTrackError,
    UnitError,
    ValidationError,
)
from .catalog import Catalog, Metric, catalog_files, default_catalog
from .corpus import (
    CorpusAudit,
    CorpusDocument,
    audit_corpus,
    audit_documents,
    pair_documents,
    read_corpus,
)
from .dataset import Dataset, Document, load_dataset, load_document
from .decisions import Decisions, DecisionsError, load_decisions
from .evaluation import evaluate_extraction, load_gold
from .extract import (
    DocumentText,
    Statement,
    extract_statements,
    read_document,
    statements_to_json,
    statements_to_yaml,
    to_records,
)
from .match import (
    DEFAULT_TOLERANCE,
    PACE_TOLERANCE,
    Audit,
    SourceDocument,
    audit,
    audit_dataset,
)
from .model import (
    Amount,
    Bound,
    Change,
    Comparator,
    Decided,
    DecisionAction,
    Goal,
    Outcome,
    Pace,
    PaceStatus,
    Recurrence,
    Source,
    Status,
    Strength,
    Unapplied,
    Unplaced,
    Verdict,
)
from .periods import Period
from .timeline import GoalHistory, History, HistoryPoint, history, history_dataset
from .units import format_quantity, quantity, registry

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "ArgumentError",
    "Audit",
    "Bound",
    "Catalog",
    "Change",
    "Comparator",
    "CorpusAudit",
    "CorpusDocument",
    "DEFAULT_TOLERANCE",
    "DataError",
    "Dataset",
    "Decided",
    "DecisionAction",
    "Decisions",
    "DecisionsError",
    "Document",
    "DocumentText",
    "Goal",
    "GoalHistory",
    "History",
    "HistoryPoint",
    "Metric",
    "Outcome",
    "PACE_TOLERANCE",
    "Pace",
    "PaceStatus",
    "Period",
    "PeriodError",
    "ReaderMissing",
    "Recurrence",
    "Source",
    "SourceDocument",
    "SourceError",
    "Statement",
    "Status",
    "Strength",
    "TargetTrackError",
    "Unapplied",
    "UnitError",
    "Unplaced",
    "ValidationError",
    "Verdict",
    "__version__",
    "audit",
    "audit_corpus",
    "audit_dataset",
    "audit_documents",
    "catalog_files",
    "default_catalog",
    "evaluate_extraction",
    "extract_statements",
    "format_quantity",
    "history",
    "history_dataset",
    "load_dataset",
    "load_decisions",
    "load_document",
    "load_gold",
    "pair_documents",
    "quantity",
    "read_corpus",
    "read_document",
    "registry",
    "statements_to_json",
    "statements_to_yaml",
    "to_records",
]
