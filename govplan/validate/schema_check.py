"""Checking loaded data against the spec models, one located finding per pydantic error.

pydantic already reports every error with its field path; this module turns each into a message
a person can act on (in Chinese or English, govplan.pydantic_text), with a hint such as the
closest known field name for a typo (`dealine` -> `deadlines`), the allowed values of a closed
list, or the value a Chinese word names (role: 牵头 -> lead).
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from govplan.i18n import tr
from govplan.pydantic_text import TYPE_NAMES, describe
from govplan.spec.model import UNLOCATED, Spec
from govplan.validate.findings import Finding


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
    described = describe(error)
    code = "GP012" if kind in TYPE_NAMES else "GP013"
    return Finding(code, loc, described.message, described.hint)


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
