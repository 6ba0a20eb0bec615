"""Checking loaded data against the spec models, one located finding per pydantic error.

pydantic already reports every error with its field path; this module turns each into a message
a person can act on (in Chinese or English), with a hint such as the closest known field name for
a typo (`dealine` -> `deadlines`) or the allowed values of a closed list.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from govplan.i18n import tr
from govplan.spec.model import UNLOCATED, Spec
from govplan.validate.findings import Finding

# pydantic error types, grouped by what the user did wrong.
_TYPE_ERRORS = {
    "date_type": ("日期", "a date"),
    "date_parsing": ("日期", "a date"),
    "date_from_datetime_parsing": ("日期", "a date"),
    "date_from_datetime_inexact": ("日期", "a date"),
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
_TYPE_HINTS = {
    "日期": ("写成 YYYY-MM-DD，例如 2024-06-30，且月、日要存在", "write YYYY-MM-DD, e.g. 2024-06-30, with a real month and day"),
    "数字": ("用阿拉伯数字书写，例如 90 而不是“九十”", "write digits, e.g. 90 rather than 九十"),
}


def check_schema(data: Any) -> tuple[Spec | None, list[Finding]]:
    """The validated spec, or None and one finding per problem."""
    if not isinstance(data, dict):
        return None, [
            Finding(
                "GP005",
                (),
                tr("文件内容不是规格：顶层应为映射（source:、tasks: 等）", "not a spec: the top level must be a mapping (source:, tasks: ...)"),
                tr("用 govplan extract 生成规格，再在其上修改", "generate a spec with govplan extract and edit that"),
            )
        ]
    try:
        return Spec.model_validate(data), []
    except ValidationError as exc:
        return None, [_finding(error) for error in exc.errors(include_url=False)]


def _finding(error: Any) -> Finding:
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        return _unknown_field(loc)
    if kind == UNLOCATED:
        fields = str((error.get("ctx") or {}).get("fields", "span"))
        return Finding(
            "GP011",
            loc,
            tr(f"缺少 {fields.replace(' and ', ' 和 ')}：提取的条目要标明它在原文中的位置",
               f"missing {fields}: an extracted item says where it stands in the source"),
            tr("人工添加的条目写上 origin: manual，就可以不写 span 和 line",
               "for an item added by hand, write origin: manual and leave span and line out"),
        )
    if kind == "missing":
        name = loc[-1]
        return Finding(
            "GP011",
            loc,
            tr(f"缺少必填字段“{name}”", f"missing required field '{name}'"),
            tr(f"在这个映射中加上 {name}:", f"add {name}: to this mapping"),
            anchor="parent",
        )
    if kind in _TYPE_ERRORS:
        zh, en = _TYPE_ERRORS[kind]
        hint = _TYPE_HINTS.get(zh, ("", ""))
        detail = _detail(error)
        return Finding(
            "GP012",
            loc,
            tr(f"应为{zh}，实际是 {_show(value)}", f"expected {en}, got {_show(value)}") + detail,
            tr(*hint),
        )
    return _value_not_allowed(loc, kind, value, error)


def _detail(error: Any) -> str:
    """pydantic's own reason (month out of range, ...) where it has one, in English only."""
    reason = (error.get("ctx") or {}).get("error")
    return f" ({reason})" if isinstance(reason, str) and reason else ""


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, dict):
        return tr("一个映射", "a mapping")
    if isinstance(value, list):
        return tr("一个列表", "a list")
    if value is None:
        return tr("空值", "nothing")
    return str(value)


def _unknown_field(loc: tuple[Any, ...]) -> Finding:
    name = str(loc[-1])
    known = _fields_at(loc[:-1])
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        hint = tr(f"你是不是想写“{close[0]}”？", f"did you mean '{close[0]}'?")
    else:
        hint = tr("这里允许的字段：", "fields allowed here: ") + ", ".join(known)
    return Finding(
        "GP010",
        loc,
        tr(f"未知字段“{name}”（规格不接受多余的键）", f"unknown field '{name}' (specs accept no extra keys)"),
        hint,
        anchor="key",
    )


def _value_not_allowed(loc: tuple[Any, ...], kind: str, value: Any, error: Any) -> Finding:
    ctx = error.get("ctx") or {}
    if kind == "literal_error":
        allowed = [part.strip(" '") for part in str(ctx.get("expected", "")).replace(" or ", ",").split(",")]
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)
        hint = tr("可选值：", "allowed: ") + ", ".join(allowed)
        if close:
            hint = tr(f"你是不是想写“{close[0]}”？", f"did you mean '{close[0]}'? ") + hint
        return Finding("GP013", loc, tr(f"不允许的取值 {_show(value)}", f"value {_show(value)} is not allowed"), hint)
    reason = str(ctx["error"]) if "error" in ctx else error["msg"]
    return Finding(
        "GP013",
        loc,
        tr(f"取值 {_show(value)} 不符合要求", f"value {_show(value)} is not allowed") + f" ({reason})",
        tr("按字段说明修改（govplan schema 列出每个字段的约束）", "fix it per the field's constraints (see govplan schema)"),
    )


def _fields_at(loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model found at ``loc`` inside a Spec (empty if none)."""
    model: type[BaseModel] | None = Spec
    for step in loc:
        if model is None:
            return []
        if isinstance(step, int):
            continue
        info = model.model_fields.get(str(step))
        model = _model_in(info.annotation) if info is not None else None
    return list(model.model_fields) if model is not None else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as list[TaskNode] or Span | None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, (types.UnionType, types.GenericAlias)) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
