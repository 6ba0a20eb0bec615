"""Printing findings: text for people, JSON for tools, GitHub Actions annotations for CI."""

from __future__ import annotations

import json
from typing import Literal

from govplan.i18n import tr
from govplan.validate.findings import Finding

OutputFormat = Literal["text", "json", "github"]


def counts(findings: list[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for finding in findings if finding.severity == "error")
    return errors, len(findings) - errors


def render(findings: list[Finding], files: int, fmt: OutputFormat) -> str:
    """The whole report in the requested format."""
    if fmt == "json":
        return render_json(findings, files)
    if fmt == "github":
        # GitHub shows only the first annotations of a step; the full list goes to the log too.
        return "".join(github_line(finding) + "\n" for finding in findings) + render_text(findings, files)
    return render_text(findings, files)


def render_text(findings: list[Finding], files: int) -> str:
    parts: list[str] = []
    for finding in findings:
        _add_text_block(finding, parts)
    errors, warnings = counts(findings)
    summary = tr(
        f"检查了 {files} 个文件：{errors} 个错误，{warnings} 个警告。",
        f"checked {files} file{'s' * (files != 1)}: {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)}.",
    )
    parts.append(summary + "\n")
    return "".join(parts)


def _add_text_block(finding: Finding, parts: list[str]) -> None:
    """A finding's lines, each ending with a break, and a blank line after them, added to ``parts``: the
    report is joined once (a block joined apart, then with its breaks, copied every frame's CJK lines
    three times over, a third of a large report's printing)."""
    label = tr("错误", "error") if finding.severity == "error" else tr("警告", "warning")
    where = f" {finding.field_path}" if finding.path else ""
    parts.append(f"{finding.file}:{finding.line}:{finding.column}: {label} {finding.code}{where}: {finding.message}\n")
    if finding.hint:
        parts.append("    " + tr("提示：", "hint: ") + finding.hint + "\n")
    for row in finding.frame:
        parts.append("    ")
        parts.append(row)
        parts.append("\n")
    parts.append("\n")


def render_json(findings: list[Finding], files: int) -> str:
    errors, warnings = counts(findings)
    payload = {
        "files": files,
        "errors": errors,
        "warnings": warnings,
        "findings": [
            {
                "file": f.file,
                "line": f.line,
                "column": f.column,
                "code": f.code,
                "severity": f.severity,
                "path": f.field_path,
                "message": f.message,
                "hint": f.hint,
            }
            for f in findings
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def github_line(finding: Finding) -> str:
    """One workflow command: ::error file=…,line=…,col=…,title=…::message."""
    props = {
        "file": finding.file,
        "line": str(finding.line),
        "col": str(finding.column),
        "title": f"{finding.code} {finding.field_path}".strip(),
    }
    joined = ",".join(f"{key}={_escape(value, property=True)}" for key, value in props.items())
    message = finding.message + (f" ({finding.hint})" if finding.hint else "")
    return f"::{finding.severity} {joined}::{_escape(message)}"


def _escape(value: str, property: bool = False) -> str:
    """GitHub's escaping for workflow command data and properties."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value
