"""The report: running the notebooks headless (papermill), their HTML and the index page."""

from corpus_tools.report.html import clean_report_html, export_html, index_page
from corpus_tools.report.kernel import KERNEL_NAME, CurrentPythonKernelManager, current_python_kernelspec
from corpus_tools.report.notebook import NotebookData, article_rows_table, setup_notebook
from corpus_tools.report.runner import (
    RUNNER_PARAMETERS,
    ReportError,
    ReportResult,
    available_notebooks,
    notebook_parameters,
    parse_parameter_value,
    read_parameter_file,
    resolve_parameters,
    run_report,
)

__all__ = [
    "NotebookData",
    "article_rows_table",
    "setup_notebook",
    "CurrentPythonKernelManager",
    "KERNEL_NAME",
    "RUNNER_PARAMETERS",
    "ReportError",
    "ReportResult",
    "available_notebooks",
    "clean_report_html",
    "current_python_kernelspec",
    "export_html",
    "index_page",
    "notebook_parameters",
    "parse_parameter_value",
    "read_parameter_file",
    "resolve_parameters",
    "run_report",
]
