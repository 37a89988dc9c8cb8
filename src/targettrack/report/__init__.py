"""The audit report: HTML and Markdown for people; JSON, CSV and pandas for machines.

:mod:`~targettrack.report.view` builds what every format shows from an audit (pure data);
:mod:`~targettrack.report.render` writes it out in each format.
"""

from .render import (
    CSV_COLUMNS,
    FORMATS,
    json_text,
    render,
    schema,
    summary_html,
    to_csv,
    to_frame,
    to_html,
    to_json,
    to_markdown,
    to_text,
)
from .timeline import (
    HISTORY_COLUMNS,
    HISTORY_FORMATS,
    history_csv,
    history_html,
    history_json,
    history_schema,
    history_text,
    render_history,
)

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "HISTORY_COLUMNS",
    "HISTORY_FORMATS",
    "history_csv",
    "history_html",
    "history_json",
    "history_schema",
    "history_text",
    "json_text",
    "render",
    "render_history",
    "schema",
    "summary_html",
    "to_csv",
    "to_frame",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
]
