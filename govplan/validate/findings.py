"""What validation reports: findings with a code, a severity, a field path and a place in the file.

Every code is listed in CODES (and documented in docs/validation.md, which a test checks), so a
user can look up any message and CI configurations can rely on stable codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
PathItem = str | int
Anchor = Literal["value", "key", "parent"]

# code -> (severity, short Chinese name, short English name)
CODES: dict[str, tuple[Severity, str, str]] = {
    "GP000": ("error", "无法读取文件", "cannot read the file"),
    "GP001": ("error", "YAML 语法错误", "YAML syntax error"),
    "GP002": ("error", "重复的键", "duplicate key"),
    "GP003": ("error", "用制表符缩进", "tab indentation"),
    "GP004": ("error", "别名展开过大", "alias expansion too large"),
    "GP005": ("error", "文件不是规格映射", "file is not a spec mapping"),
    "GP006": ("error", "含有控制字符", "control character"),
    "GP007": ("error", "嵌套过深", "nesting too deep"),
    "GP010": ("error", "未知字段", "unknown field"),
    "GP011": ("error", "缺少必填字段", "missing field"),
    "GP012": ("error", "类型错误", "wrong type"),
    "GP013": ("error", "取值不允许", "value not allowed"),
    "GP101": ("error", "任务编号重复", "duplicate task id"),
    "GP102": ("error", "任务编号与层级编号不符", "task id disagrees with its numbering path"),
    "GP103": ("error", "期限早于成文日期", "deadline before the document's date"),
    "GP104": ("error", "期限远超规划期", "deadline long after the plan period"),
    "GP105": ("error", "时段起点晚于终点", "period starts after it ends"),
    "GP106": ("error", "百分比超过 100", "percentage above 100"),
    "GP107": ("error", "比较符与原文不符", "comparator contradicts the text"),
    "GP108": ("warning", "任务没有牵头单位", "task without a lead unit"),
    "GP109": ("warning", "单位不在别名表中", "unit not in the alias registry"),
    "GP110": ("warning", "片段与原文不符", "span does not match the source"),
    "GP111": ("warning", "无法核对原文", "source cannot be checked"),
}


@dataclass
class Finding:
    """One problem in one spec file.

    ``path`` is the field path inside the spec (("tasks", 0, "id")); ``anchor`` says which YAML
    node the position refers to: the value at the path, the key naming it, or the parent mapping
    (for missing keys). ``line``/``column`` are 1-based and filled in once the file is located.
    """

    code: str
    path: tuple[PathItem, ...]
    message: str
    hint: str = ""
    anchor: Anchor = "value"
    file: str = ""
    line: int = 0
    column: int = 0
    frame: list[str] = field(default_factory=list)
    strict: bool = False

    @property
    def severity(self) -> Severity:
        """Warnings become errors under --strict."""
        base = CODES[self.code][0]
        return "error" if self.strict else base

    @property
    def field_path(self) -> str:
        return field_path(self.path)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)

    def __reduce__(self) -> tuple[type["Finding"], tuple[object, ...]]:
        """Pickled as its fields in order (validate's workers send back thousands): made again by one
        call, where an instance's dict took twice as long to pickle and unpickle."""
        return Finding, (self.code, self.path, self.message, self.hint, self.anchor, self.file, self.line,
                         self.column, self.frame, self.strict)


def field_path(path: tuple[PathItem, ...]) -> str:
    """A field path as users write it: tasks[0].children[1].id."""
    out = ""
    for item in path:
        out += f"[{item}]" if isinstance(item, int) else (f".{item}" if out else str(item))
    return out
