"""ruamel's composer held to validate/guard.py's nesting limit, for the full reader
(validate/fullreader.py) and `govplan fmt`; apart from guard.py, so that a spec the fast reader
takes is checked without importing ruamel.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.composer import Composer
from ruamel.yaml.error import MarkedYAMLError

from govplan.validate.guard import MAX_NESTING


class NestingTooDeep(MarkedYAMLError):
    """Collections nested beyond MAX_NESTING levels."""


class GuardedComposer(Composer):
    """ruamel's composer, refusing to nest collections beyond MAX_NESTING levels."""

    _nesting = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self._nesting >= MAX_NESTING:
            mark = self.parser.peek_event().start_mark
            raise NestingTooDeep(None, None, f"collections nested more than {MAX_NESTING} levels deep", mark)
        self._nesting += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._nesting -= 1
