"""pydantic's validation errors in govplan's words, in the interface language: no library text
("Input should be greater than or equal to 1") reaches a Chinese message.

One description serves every place a model is checked: `govplan validate` (its findings add the
location), the data and registry files, rendering with --no-validate, and the command line's own
option values (typer checks them with pydantic).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from govplan.i18n import language, tr

# pydantic error types, grouped by what the value should have been.
TYPE_NAMES = {
    "date_type": ("日期", "a date"),
    "date_parsing": ("日期", "a date"),
    "date_from_datetime_parsing": ("日期", "a date"),
    "date_from_datetime_inexact": ("日期", "a date"),
    "datetime_parsing": ("日期", "a date"),
    "datetime_from_date_parsing": ("日期", "a date"),
    "float_type": ("数字", "a number"),
    "float_parsing": ("数字", "a number"),
    "int_type": ("整数", "an integer"),
    "int_parsing": ("整数", "an integer"),
    "int_from_float": ("整数", "an integer"),
    "bool_type": ("true 或 false", "true or false"),
    "bool_parsing": ("true 或 false", "true or false"),
    "string_type": ("文字", "text"),
    "list_type": ("列表（- 开头的各项）", "a list (items starting with -)"),
    "model_type": ("映射（键: 值）", "a mapping (key: value)"),
    "dict_type": ("映射（键: 值）", "a mapping (key: value)"),
    "model_attributes_type": ("映射（键: 值）", "a mapping (key: value)"),
}
TYPE_HINTS = {
    "日期": ("写成 YYYY-MM-DD，例如 2024-06-30，且月、日要存在", "write YYYY-MM-DD, e.g. 2024-06-30, with a real month and day"),
    "数字": ("用阿拉伯数字书写，例如 90 而不是“九十”", "write digits, e.g. 90 rather than 九十"),
    "整数": ("用阿拉伯数字书写的整数，例如 3", "a whole number in digits, e.g. 3"),
}
# Constraints on a value, with the pydantic context keys they name.
CONSTRAINTS = {
    "greater_than_equal": ("应大于或等于 {ge}", "should be at least {ge}"),
    "greater_than": ("应大于 {gt}", "should be greater than {gt}"),
    "less_than_equal": ("应小于或等于 {le}", "should be at most {le}"),
    "less_than": ("应小于 {lt}", "should be less than {lt}"),
    "string_pattern_mismatch": ("格式不对", "is not in the expected form"),
    "too_short": ("至少要有 {min_length} 项", "should have at least {min_length} items"),
    "too_long": ("至多只能有 {max_length} 项", "should have at most {max_length} items"),
    "span_order": ("片段的 end（{end}）在 start（{start}）之前", "the span's end ({end}) is before its start ({start})"),
}
# pydantic's reasons for a date that does not exist, as the kind of mistake they name.
DATE_REASONS = {
    "month": ("月份不存在", "no such month"),
    "day": ("这个月没有这一天", "no such day in that month"),
    "year": ("年份写法不对", "the year is not written right"),
}


@dataclass(frozen=True)
class Described:
    """What is wrong with a value and how to put it right, in the interface language."""

    message: str
    hint: str = ""


def show(value: Any) -> str:
    """A value as a message quotes it."""
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, dict):
        return tr("一个映射", "a mapping")
    if isinstance(value, list):
        return tr("一个列表", "a list")
    if value is None:
        return tr("空值", "nothing")
    return str(value)


def describe(error: Any) -> Described:
    """One pydantic error (a dict of ValidationError.errors()) said plainly: the wrong value, what
    it should be, and a hint (the value to write for a Chinese word, the date format…)."""
    kind, value = error["type"], error.get("input")
    ctx = error.get("ctx") or {}
    if kind in TYPE_NAMES:
        zh, en = TYPE_NAMES[kind]
        return Described(tr(f"应为{zh}，实际是 {show(value)}", f"expected {en}, got {show(value)}") + _date_reason(ctx),
                         tr(*TYPE_HINTS.get(zh, ("", ""))))
    if kind in ("literal_error", "enum"):
        return _not_allowed(value, _allowed(ctx.get("expected", "")))
    if kind in CONSTRAINTS:
        zh, en = CONSTRAINTS[kind]
        subject = "" if isinstance(value, (dict, list)) else tr(f"取值 {show(value)} ", f"value {show(value)} ")
        return Described(subject + tr(zh, en).format(**{k: _plain(v) for k, v in ctx.items()}),
                         tr("按字段说明修改（govplan schema 列出每个字段的约束）", "fix it per the field's constraints (see govplan schema)"))
    return Described(tr(f"取值 {show(value)} 不符合要求", f"value {show(value)} is not allowed ({error.get('msg', '')})"),
                     tr("按字段说明修改（govplan schema 列出每个字段的约束）", "fix it per the field's constraints (see govplan schema)"))


def _plain(value: Any) -> str:
    return str(value).strip("'")


def _date_reason(ctx: dict[str, Any]) -> str:
    """Why a date does not exist, in a few words (pydantic says it in English)."""
    reason = str(ctx.get("error", ""))
    for word, (zh, en) in DATE_REASONS.items():
        if word in reason:
            return tr(f"（{zh}）", f" ({en})")
    return f" ({reason})" if reason and language() == "en" else ""


def _allowed(expected: str) -> list[str]:
    """The allowed values of a closed list, from pydantic's "'a', 'b' or 'c'"."""
    return [part.strip(" '") for part in str(expected).replace(" or ", ",").split(",") if part.strip(" '")]


def _not_allowed(value: Any, allowed: list[str]) -> Described:
    """A value outside a closed list, with the value meant: the one a Chinese word names (牵头 → lead), else the closest."""
    meant = value_for_word(str(value), allowed) or next(iter(difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)), None)
    words = value_words()
    hint = tr("可选值：", "allowed: ") + tr("、", ", ").join(tr(f"{v}（{words[v][0]}）", f"{v} ({words[v][0]})") if v in words else v for v in allowed)
    if meant:
        hint = tr(f"你是不是想写“{meant}”？", f"did you mean '{meant}'? ") + hint
    return Described(tr(f"不允许的取值 {show(value)}", f"value {show(value)} is not allowed"), hint)


def value_for_word(word: str, allowed: list[str]) -> str | None:
    """The allowed value a Chinese word names (牵头 → lead, 每月 → monthly or recurring)."""
    return next((value for value in allowed if word.strip() in value_words().get(value, ())), None)


@lru_cache(maxsize=1)
def value_words() -> dict[str, tuple[str, ...]]:
    """Each closed-list value and the Chinese words that name it (validate.yaml value_words)."""
    from govplan.lexical.lexicon import data

    return {value: tuple(words) for value, words in data("validate")["value_words"].items()}


def error_location(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a path into the spec: tasks[0].children[2].deadlines[1].due."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or tr("（根）", "(root)")


def format_validation_error(exc: Any) -> str:
    """One line per error of a ValidationError: where, what is wrong and how to put it right."""
    lines = []
    for err in exc.errors():
        described = describe(err)
        hint = tr("（提示：", " (hint: ") + described.hint + tr("）", ")") if described.hint else ""
        lines.append(f"  {error_location(err['loc'])}: {described.message}{hint}")
    return "\n".join(lines)


def first_error(exc: Any) -> str:
    """A ValidationError's first error, where and what, on one line."""
    error = exc.errors()[0]
    return f"{error_location(error['loc'])}: {describe(error).message}"
