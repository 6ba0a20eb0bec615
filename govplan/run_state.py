"""`extract --skip-unchanged`: what the last run did, kept in a small file under the output
directory, so that a document whose bytes, name and options are the same is not done again.

The state file (``.govplan-state.json``, written atomically at the end of a run) holds a digest
of everything the output depends on besides the document (govplan's version, its data files'
digest, the registry contents, the format, the schema line, the assumed date) and, per input's
relative name, the sha256 of its bytes and the files it gave. A document is skipped when the digest
is the same, its name and sha256 are recorded, and every file it gave is still there; anything
else (a changed registry, another govplan version) redoes every document.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govplan.batch import Document, DocumentResult, RunOptions

STATE_FILE = ".govplan-state.json"
STATE_VERSION = 1


def options_digest(options: RunOptions) -> str:
    """A digest of what, besides a document, decides its specs."""
    parts = [options.version, options.data_digest, options.fmt, options.schema_line,
             [text for _, text in options.registry], options.doc_date.isoformat() if options.doc_date else None]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass
class RunState:
    """The documents done with these options, by relative name: their sha256 and output files."""

    out_dir: Path
    digest: str
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path, options: RunOptions) -> RunState:
        """The last run's state, or an empty one when it was made with other options or cannot be read."""
        digest = options_digest(options)
        try:
            data = json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(out_dir, digest)
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION or data.get("options") != digest:
            return cls(out_dir, digest)
        documents = data.get("documents")
        return cls(out_dir, digest, documents if isinstance(documents, dict) else {})

    def unchanged(self, relative_name: str, document: Document) -> bool:
        """Done before with these bytes and options, and its files still there."""
        entry = self.documents.get(relative_name)
        if not isinstance(entry, dict) or entry.get("sha256") != document.sha256:
            return False
        outputs = entry.get("outputs")
        return isinstance(outputs, list) and bool(outputs) and all((self.out_dir / p).is_file() for p in outputs)

    def record(self, relative_name: str, result: DocumentResult) -> None:
        """Remember a document done (its error forgets it, so the next run tries it again)."""
        if result.skipped:
            return
        if result.error or not result.files:
            self.documents.pop(relative_name, None)
            return
        outputs = [Path(os.path.relpath(path, self.out_dir)).as_posix() for path, _ in result.files]
        self.documents[relative_name] = {"sha256": result.sha256, "outputs": outputs}

    def save(self) -> None:
        """Write the state atomically."""
        from govplan.fsutil import write_atomic

        data = {"version": STATE_VERSION, "options": self.digest, "documents": dict(sorted(self.documents.items()))}
        write_atomic(self.out_dir / STATE_FILE, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
