"""Conventions a notice states once for its lists: a role by list position (排在第一位的部门为牵头部门).

Where it holds: inside its statement only; from its statement to the end of the document when it
says so (下同); in the whole document when it stands on its own (注：排在第一位的为牵头单位). It decides
only the roles a list leaves open (负责, 责任单位): the first unit takes the convention's role, the
others theirs (support unless stated). Never guessed: without a convention a role stays open.
"""

from __future__ import annotations

from govplan.annotate.units.names import split_items
from govplan.annotate.units.rules import Rules
from govplan.annotate.units.statements import Convention, Statement, label_role

_CLAUSE_BREAKS = "，,；;。:：\n"


def standalone_conventions(text: str, skip: list[tuple[int, int]], rules: Rules) -> list[Convention]:
    """Conventions stated in sentences of their own (not inside a statement already read)."""
    if not any(word in text for word in rules.words["position_first"]):
        return []
    found: list[Convention] = []
    for start, end in split_items(text, 0, len(text), _CLAUSE_BREAKS):
        if any(s <= start < e for s, e in skip):
            continue
        match = rules.convention.fullmatch(text, start, end)
        if match is not None:
            found.append(Convention(label_role(match.groupdict(), rules), "support", True))
            continue
        match = rules.convention_rest.fullmatch(text, start, end)
        if match is not None and found:
            found[-1].rest_role = label_role(match.groupdict(), rules)
    return found


def apply_conventions(statements: list[Statement], whole_document: list[Convention]) -> None:
    """Decide the open roles of every statement's lists (statements in document order)."""
    onward: Convention | None = None
    everywhere = whole_document[-1] if whole_document else None
    for statement in statements:
        own = statement.conventions[-1] if statement.conventions else None
        onward = next((c for c in reversed(statement.conventions) if c.onward), onward)
        convention = own or onward or everywhere
        if convention is None:
            continue
        for unit in statement.units:
            if unit.role == "responsible":
                unit.role = convention.first_role if unit.first else convention.rest_role
