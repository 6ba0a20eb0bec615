"""ruamel.yaml's syntax errors in govplan's words, in the interface language: a Chinese message never
carries the library's English ("mapping values are not allowed here"); the English one keeps it
after the explanation. The line and column come from the caller (a finding's location)."""

from __future__ import annotations

import re
from typing import Any

from govplan.i18n import tr

# A phrase of ruamel's problem or context, and what it means for the person editing the file.
PROBLEMS: tuple[tuple[str, str, str], ...] = (
    ("mapping values are not allowed", "这里不能出现“键: 值”：值里有“: ”时整个值要加引号，或者这一行的缩进不对",
     "a value holding ': ' must be quoted, or this line is indented wrong"),
    ("could not find expected ':'", "缺少冒号：每个键后面要有“: ”", "a key lacks its ': '"),
    ("found character '\\t'", "用制表符（Tab）缩进了：YAML 只允许空格", "indented with a tab: YAML allows spaces only"),
    ("while parsing a flow sequence", "方括号 [ ] 没有配对", "a [ ] list is not closed"),
    ("while parsing a flow mapping", "花括号 { } 没有配对", "a { } mapping is not closed"),
    ("while parsing a flow node", "这里缺少值，或方括号、花括号没有配对", "a value is missing here, or a bracket is not closed"),
    ("cannot start any token", "这个字符不能作为值的开头（如 @、`、%）：把整个值加上引号",
     "a value cannot start with this character (@, `, %): quote the whole value"),
    ("expected <block end>", "缩进不一致：同一层的键要对齐，列表项的“- ”要对齐", "inconsistent indentation: keys of one level, and '- ' of one list, line up"),
    ("did not find expected key", "缩进不一致：同一层的键要对齐", "inconsistent indentation: keys of one level line up"),
    ("did not find expected '-' indicator", "缩进不一致：同一个列表的“- ”要对齐", "inconsistent indentation: the '- ' of one list line up"),
    ("expected ',' or ']'", "方括号 [ ] 没有配对", "a [ ] list is not closed"),
    ("expected ',' or '}'", "花括号 { } 没有配对", "a { } mapping is not closed"),
    ("while scanning a quoted scalar", "引号没有闭合", "a quote is not closed"),
    ("found unexpected end of stream", "文件在引号或括号闭合之前就结束了", "the file ends before a quote or bracket is closed"),
    ("found undefined alias", "引用了未定义的锚点（*名称）", "an alias (*name) refers to no anchor"),
    ("found duplicate anchor", "锚点（&名称）重复", "an anchor (&name) is defined twice"),
    ("found duplicate key", "键重复", "a key appears twice"),
    ("expected a single document", "文件里有多个文档（---）：一个规格文件只放一个", "several documents (---) in one file: a spec file holds one"),
    ("expected the node content", "这里缺少值", "a value is missing here"),
    ("unacceptable character", "文件里有不可打印的控制字符", "the file holds an unprintable control character"),
    ("while scanning an alias", "别名（*名称）写法不对", "an alias (*name) is malformed"),
    ("on a list or mapping (specs need none)", "列表或映射前加了标签（如 !!str）：规格用不到标签，删掉它",
     "a tag on a list or mapping: specs need none, remove it"),
    ("an unknown tag", "未知的标签（以 ! 开头）：规格用不到标签，删掉它", "an unknown tag: specs need none, remove it"),
    ("used as a key", "列表或映射被当作键：规格的键都是文字", "a list or mapping used as a key: spec keys are text"),
    ("nested more than", "列表或映射嵌套超过 {n} 层：规格不会嵌套这么深，检查缩进或括号",
     "lists or mappings nested more than {n} levels: a spec never nests so deep"),
    ("while scanning a block scalar", "多行文本（| 或 >）的写法不对", "a block scalar (| or >) is malformed"),
)


def describe_yaml(exc: Any) -> str:
    """What a YAML error means, without the library's text in Chinese."""
    said = " ".join(str(part) for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part) or str(exc)
    for phrase, zh, en in PROBLEMS:
        if phrase in said:
            number = re.search(r"\d+", said)  # a limit the library names ({n})
            zh, en = (text.replace("{n}", number.group() if number else "") for text in (zh, en))
            return tr(zh, f"{en} ({said})")
    return tr("写法不符合 YAML 语法（检查这一处的缩进、冒号和引号）", f"{said}")


def yaml_place(exc: Any) -> str:
    """Where a YAML error stands (（第 3 行第 5 列）), where the library says."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return ""
    return tr(f"（第 {mark.line + 1} 行第 {mark.column + 1} 列）", f" (line {mark.line + 1}, column {mark.column + 1})")


def yaml_detail(exc: Any) -> str:
    """What a YAML error means and where it stands: 这里缺少值（第 2 行第 1 列）."""
    return describe_yaml(exc) + yaml_place(exc)
