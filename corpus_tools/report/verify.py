"""``corpus-tools verify REPORT``: re-run a report from its manifest and compare, artifact by artifact.

The report is byte-identical across runs and environments (tables and figures
are written deterministically, see CONTRIBUTING.md); this makes that
checkable by anyone.  The manifest names the corpus, the notebooks, the
parameters, the package versions and the sha256 of every file; verifying
re-runs the same notebooks with the same parameters over the same corpus into
a temporary folder and compares the sha256 of:

* the analysed corpus (``corpus.jsonl``: differs when the corpus changed), and
* every table and figure the notebooks saved.

Executed notebooks, their HTML, ``index.html`` and the token cache hold
times, durations and paths, so they are not compared.  Every package whose
version differs from the recorded one is named as well.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from corpus_tools.report.folders import REPORT_TOOL
from corpus_tools.report.runner import ANALYSED_CORPUS, ReportError, run_report

__all__ = ["VerifyResult", "verify_report"]


@dataclass
class VerifyResult:
    """What :func:`verify_report` found; ``ok`` when nothing differs.

    Attributes
    ----------
    artifacts : list of str
        One line per artifact that differs, is missing or is new in the re-run.
    packages : list of str
        One line per package whose version differs from the recorded one.
    compared : int
        How many artifacts were compared.
    """

    artifacts: list[str] = field(default_factory=list)
    packages: list[str] = field(default_factory=list)
    compared: int = 0

    @property
    def ok(self) -> bool:
        return not self.artifacts and not self.packages


def _read_manifest(report: Path) -> dict:
    path = report / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReportError(f"{report}: no manifest.json; not a corpus-tools report") from None
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise ReportError(f"{path}: cannot read the manifest: {e}") from None
    if not isinstance(manifest, dict) or manifest.get("tool") != REPORT_TOOL:
        raise ReportError(f"{path}: not a corpus-tools report manifest")
    if not isinstance(manifest.get("artifacts_sha256"), dict):
        raise ReportError(f"{path}: records no artifact hashes (written by an older corpus-tools); re-run the "
                          "report, then verify it")
    if manifest.get("status") != "ok":
        raise ReportError(f"{path}: the report's run did not succeed (status {manifest.get('status')!r})")
    return manifest


def _compared(manifest: dict) -> dict[str, str]:
    """The sha256 by path of the artifacts a re-run must reproduce byte for byte."""
    wanted = {ANALYSED_CORPUS}
    for nb in manifest.get("notebooks", []):
        wanted.update(nb.get("artifacts", []))
    return {p: h for p, h in manifest["artifacts_sha256"].items() if p in wanted}


def verify_report(report: str | os.PathLike, corpus: str | os.PathLike | None = None, log=None) -> VerifyResult:
    """Re-run ``report`` from its manifest into a temporary folder and compare.

    Parameters
    ----------
    report : path
        A report folder written by :func:`~corpus_tools.report.run_report`.
    corpus : path, optional
        The corpus to re-run over; default the recorded corpus path, or the
        report's own ``corpus.jsonl`` when that path no longer exists (a
        report copied to another machine).
    log : callable, optional
        Receives the re-run's progress lines.

    Returns
    -------
    VerifyResult

    Raises
    ------
    ReportError
        ``report`` is not a verifiable report, or the re-run could not start.
    """
    report = Path(report).resolve()
    manifest = _read_manifest(report)
    if corpus is None:
        recorded = Path(manifest["corpus"]["path"])
        corpus = recorded if recorded.exists() else report / ANALYSED_CORPUS
    notebooks = [nb["source"] for nb in manifest["notebooks"]]
    for source in notebooks:
        if not Path(source).is_file():
            raise ReportError(f"{report}: notebook {source} of the report no longer exists")
    expected = _compared(manifest)
    with tempfile.TemporaryDirectory(prefix="corpus-tools-verify-") as scratch:
        rerun = run_report(corpus, Path(scratch) / "report", notebooks, manifest.get("parameters") or {},
                           progress=False, log=log or (lambda line: None))
        result = VerifyResult(compared=len(expected))
        if not rerun.ok:
            result.artifacts += [f"the re-run failed: {m}" for m in rerun.failures]
        got = _compared(rerun.manifest) if "artifacts_sha256" in rerun.manifest else {}
    for path in sorted(expected.keys() | got.keys()):
        if path not in got:
            result.artifacts.append(f"{path}: missing in the re-run")
        elif path not in expected:
            result.artifacts.append(f"{path}: new in the re-run")
        elif got[path] != expected[path]:
            what = " (the corpus changed)" if path == ANALYSED_CORPUS else ""
            result.artifacts.append(f"{path}: differs{what}: sha256 {expected[path][:12]}... recorded, "
                                    f"{got[path][:12]}... now")
    recorded_versions, now = manifest.get("packages", {}), rerun.manifest.get("packages", {})
    for name in sorted(recorded_versions.keys() | now.keys()):
        if recorded_versions.get(name) != now.get(name):
            result.packages.append(f"{name}: {recorded_versions.get(name)} recorded, {now.get(name)} now")
    return result
