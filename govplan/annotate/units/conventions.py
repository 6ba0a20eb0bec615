"""Conventions a notice states once for its lists: a role by list position (排在第一位的部门为牵头部门) or by a mark on
the name (标☆的为牵头单位), and
the role of a label told by what its units do (各主要责任单位要充分发挥牵头抓总作用).

Where it holds: inside its statement only; from its statement to the end of the document when it
says so (下同); in the whole document when it stands on its own (注：排在第一位的为牵头单位). It decides
only the roles a list leaves open (负责, 责任单位): the first unit takes the convention's role, the
others theirs (support unless stated). Never guessed: without a convention a role stays open.
"""

from __future__ import annotations

from govplan.annotate.units.rules import CLOSE, OPEN, Rules
from govplan.annotate.units.statements import Convention, Listed, Statement, label_role

_CLAUSE_BREAKS = "，,；;。:：\n" + OPEN + CLOSE  # a convention may stand in brackets of its own


def standalone_conventions(text: str, skip: list[tuple[int, int]], rules: Rules) -> list[Convention]:
    """Conventions stated in sentences of their own (not inside a statement already read), with the
    others' role where the next clause gives it (注：列第一位的为牵头单位，其他为配合单位)."""
    found: list[Convention] = []
    for spot in rules.convention_spot.finditer(text):
        start, end = _clause_around(text, spot.start(), spot.end())
        match = rules.convention.fullmatch(text, start, end)
        if match is None or any(s <= start < e for s, e in skip):
            continue
        convention = Convention(label_role(match.groupdict(), rules), "support", True, bool(match.group("mark")))
        rest_end = _clause_around(text, end + 1, end + 1)[1] if end < len(text) else end
        rest = rules.convention_rest.fullmatch(text, end + 1, rest_end)
        if rest is not None:
            convention.rest_role = label_role(rest.groupdict(), rules)
        found.append(convention)
    return found


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding [start, end): from the break before it to the break after it."""
    before = max(text.rfind(ch, 0, start) for ch in _CLAUSE_BREAKS) + 1
    after = [i for i in (text.find(ch, end) for ch in _CLAUSE_BREAKS) if i >= 0]
    while before < start and text[before].isspace():
        before += 1
    return before, min(after, default=len(text))


def label_duties(text: str, rules: Rules) -> dict[str, str]:
    """Labels whose role the notice states by their units' duty (各主要责任单位要充分发挥牵头抓总作用 → 主要责任单位
    lead; 其他责任单位要积极履行配合职责 → support), for labels whose own words leave the role open. The
    label pattern is tried only in texts that hold a duty word (most hold none)."""
    if not any(duty in text for duty in rules.duty_role):
        return {}
    return {
        match.group("label"): rules.duty_role[match.group("duty")]
        for match in rules.label_duty.finditer(text)
        if label_role(match.groupdict(), rules) == "responsible"
    }


def apply_label_duties(tasks: list[list[Listed]], duties: dict[str, str]) -> None:
    """Give the units listed under a label the role the notice states for it, where it is still open;
    ``tasks`` holds the units stated for each task. A duty to cooperate (配合) gives support only beside a
    lead of the same task: with no lead it names no one to help, and the role stays open."""
    for units in tasks:
        for role in ("lead", "support"):
            if role == "support" and not any(unit.role == "lead" for unit in units):
                continue
            for unit in units:
                if unit.role == "responsible" and duties.get(unit.label) == role:
                    unit.role = role


def apply_conventions(statements: list[Statement], whole_document: list[Convention]) -> None:
    """Decide the open roles of every statement's lists (statements in document order)."""
    onward: Convention | None = None
    everywhere = whole_document[-1] if whole_document else None
    for statement in statements:
        own = statement.conventions[-1] if statement.conventions else None
        onward = next((c for c in reversed(statement.conventions) if c.onward), onward)
        convention = own or onward or everywhere
        if convention is None or (convention.by_mark and not any(unit.marked for unit in statement.units)):
            continue  # a convention by mark picks no unit of a list where none is marked
        for unit in statement.units:
            if unit.role == "responsible":
                picked = unit.marked if convention.by_mark else unit.first
                unit.role = convention.first_role if picked else convention.rest_role
