"""govplan's errors: each has a stable code, a Chinese and an English message and an exit code,
all registered here (like spaCy's ``Errors.E001``); docs/errors.md lists them for users and a test
keeps the two in step and checks that every raise names a registered code.

Codes are grouped by where the error arises: E0xx usage, E1xx reading inputs, E2xx language data
and registries, E3xx specs, E4xx rendering and the ledger, E5xx outputs, E6xx evaluation,
E9xx runs and engines. A message is a template whose fields are filled when it is shown, in the
language chosen then.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govplan.i18n import language, tr

USAGE = 2  # exit code of a command line that cannot be carried out as written
FAILED = 1  # exit code when an input or output fails (the others are still done)
INTERNAL = 3  # exit code of a bug in govplan


@dataclass(frozen=True)
class Both:
    """A message field worded in each language (“（无扩展名）” / "(none)")."""

    zh: str
    en: str

    def __str__(self) -> str:
        return tr(self.zh, self.en)


@dataclass(frozen=True)
class ErrorCode:
    """One registered error: its code, its message in each language (str.format templates) and exit code."""

    code: str
    zh: str
    en: str
    exit: int = FAILED

    def text(self, fields: dict[str, Any], lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language) with ``fields`` filled in."""
        english = (lang or language()) == "en"
        values = {key: (value.en if english else value.zh) if isinstance(value, Both) else value for key, value in fields.items()}
        return (self.en if english else self.zh).format(**values)


class Errors:
    """Every user-facing error, by code."""

    # E0xx: the command line
    E001 = ErrorCode("E001", "{option} 需要 YYYY-MM-DD 格式的日期，收到“{value}”", "{option} needs a YYYY-MM-DD date, got '{value}'", USAGE)
    E002 = ErrorCode("E002", "docx/xlsx 是二进制格式，请用 -o 指定输出文件", "docx/xlsx output is binary: name a file with -o", USAGE)
    E003 = ErrorCode("E003", "--force 与 --update 只能选一个", "use either --force or --update", USAGE)
    E004 = ErrorCode("E004", "找不到：{names}", "not found: {names}", USAGE)
    E005 = ErrorCode("E005", "没有找到规格文件（.yaml/.yml/.json）", "no spec files (.yaml/.yml/.json) found", USAGE)
    E006 = ErrorCode("E006", "--split 应为 {choices} 之一", "--split: expected one of {choices}", USAGE)
    E007 = ErrorCode("E007", "{option} 不能与 {other} 同用", "{option} cannot be used with {other}", USAGE)
    E008 = ErrorCode("E008", "没有输入：请给出文件、目录或 --manifest", "no inputs: name files, directories or --manifest", USAGE)

    # E1xx: reading inputs
    E101 = ErrorCode("E101", "文件不存在。", "no such file.")
    E102 = ErrorCode("E102", "这是一个目录，不是文件。", "is a directory, not a file.")
    E103 = ErrorCode("E103", "不支持{kind}：请另存为 {instead} 再提取。", "{kind} is not supported: save it as {instead} first.")
    E104 = ErrorCode("E104", "不支持的文件类型“{suffix}”：支持 .txt、.docx、.html/.htm、.xlsx、.csv。",
                     "unsupported file type '{suffix}': use .txt, .docx, .html/.htm, .xlsx or .csv.")
    E105 = ErrorCode("E105", "无法读取文件：{reason}。", "cannot read file: {reason}.")
    E106 = ErrorCode("E106", "文件是空的。", "the file is empty.")
    E107 = ErrorCode("E107", "无法读取文件（文件可能已损坏）：{detail}。", "cannot read the file (it may be damaged): {detail}.")
    E108 = ErrorCode("E108", "看起来是二进制文件（含 NUL 字节），不是文本。", "looks like a binary file (contains NUL bytes), not text.")
    E109 = ErrorCode("E109", "无法识别文件编码（支持 UTF-8、UTF-16（带 BOM）、GB18030/GBK）：{detail}。",
                     "cannot decode the file (supported: UTF-8, UTF-16 with BOM, GB18030/GBK): {detail}.")
    E110 = ErrorCode("E110", "不是 Word 文档（没有正文部分）。", "not a Word document (no document body).")
    E111 = ErrorCode("E111", "不是 Word 文档（缺少主文档关系）。", "not a Word document (no main document relationship).")
    E112 = ErrorCode("E112", "不是有效的 .docx 文件：缺少 {part}。", "not a valid .docx file: {part} is missing.")
    E113 = ErrorCode("E113", "文件中的 XML 已损坏：{detail}。", "the XML inside the file is damaged: {detail}.")
    E114 = ErrorCode("E114", "文件中的 XML 含有 DTD 声明（Office 文件不使用 DTD），拒绝读取。",
                     "the XML inside the file declares a DTD (Office files have none); refused.")
    E115 = ErrorCode("E115", "{part} 解压后超过 {limit} MB 或压缩比异常（疑似压缩炸弹），拒绝读取。",
                     "{part} inflates beyond {limit} MB or at a suspicious ratio (a zip bomb?); refused.")
    E116 = ErrorCode("E116", "不是有效的 .docx 文件：{detail}。", "not a valid .docx file: {detail}.")
    E117 = ErrorCode("E117", "不是有效的 .xlsx 文件：{detail}。", "not a valid .xlsx file: {detail}.")
    E118 = ErrorCode("E118", "工作表“{sheet}”过大（{rows}×{columns} 个单元格）。", "sheet '{sheet}' is too large ({rows}x{columns} cells).")
    E119 = ErrorCode("E119", "工作簿解压后过大，可能是压缩炸弹，已拒绝读取。", "the workbook unpacks to far more than its size (a zip bomb?); refused.")
    E120 = ErrorCode("E120", "无法解析 CSV：{detail}。", "cannot parse the CSV: {detail}.")
    E121 = ErrorCode("E121", "无法解析 HTML：{detail}。", "cannot parse the HTML: {detail}.")
    E122 = ErrorCode("E122", "网页中没有找到正文。", "no article text found in the page.")
    E123 = ErrorCode("E123", "表格展开后超过 {limit}M 个字符（合并单元格异常），拒绝读取。",
                     "the tables expand beyond {limit}M characters (damaged merged cells?); refused.")
    E124 = ErrorCode("E124", "清单没有 {column} 列（每行一个输入文件，相对清单所在目录）。",
                     "the manifest has no {column} column (one input per row, relative to the manifest's folder).", USAGE)
    E125 = ErrorCode("E125", "无法读取清单：{detail}。", "cannot read the manifest: {detail}.", USAGE)
    E126 = ErrorCode("E126", "自动编号展开后超过 {limit}M 个字符（编号定义异常），拒绝读取。",
                     "the automatic numbering expands beyond {limit}M characters (damaged list definitions?); refused.")

    # E2xx: language data files and unit registries
    E201 = ErrorCode("E201", "无法读取数据文件：{detail}", "cannot read data file: {detail}")
    E202 = ErrorCode("E202", "YAML 格式错误：{detail}", "invalid YAML: {detail}")
    E203 = ErrorCode("E203", "数据文件的键 {key}：{problem}{hint}", "data file key {key}: {problem}{hint}")
    E204 = ErrorCode("E204", "数据文件应为映射（键: 值）", "data file must be a mapping")
    E205 = ErrorCode("E205", "别名文件应为映射：规范名称: [别名, …]", "alias file must be a mapping: canonical name: [alias, ...]")
    E206 = ErrorCode("E206", "引用了语法中不存在的片段“{name}”（见 govplan/data/grammar.yaml）。",
                     "reference to '{name}', which is not a piece of the grammar (see govplan/data/grammar.yaml).")
    E207 = ErrorCode("E207", "语法片段“{name}”循环引用自身。", "grammar piece '{name}' refers to itself.")
    E208 = ErrorCode("E208", "正则表达式有误：{detail}（{pattern}）", "invalid regular expression: {detail} ({pattern})")

    # E3xx: specs (reading, formatting, merging, loading for rendering and review)
    E301 = ErrorCode("E301", "YAML 有错误，无法读取（用 govplan validate 查看）：{where}{problem}",
                     "cannot read invalid YAML (see govplan validate): {where}{problem}")
    E302 = ErrorCode("E302", "顶层不是映射，不是规格文件，未格式化（用 govplan validate 查看）。",
                     "the top level is not a mapping, so this is not a spec; not formatted (see govplan validate).")
    E303 = ErrorCode("E303", "现有规格文件不是一个映射（YAML 对象），无法合并。", "the existing spec is not a mapping (YAML object); cannot merge.")
    E304 = ErrorCode("E304", "现有规格文件无效（{where}：{problem}），请先修正再合并。",
                     "the existing spec is invalid ({where}: {problem}); fix it before merging.")
    E305 = ErrorCode("E305", "无法合并到已有规格 {spec}：文件不是有效的规格（先用 govplan validate 检查）：{detail}",
                     "cannot merge into {spec}: it is not a valid spec (check it with govplan validate): {detail}")
    E306 = ErrorCode("E306", "规格文件已存在：{spec}（用 --update 合并、保留人工修改，或用 --force 覆盖）。",
                     "spec already exists: {spec} (use --update to merge keeping hand edits, or --force to overwrite).")
    E307 = ErrorCode("E307", "无法读取：{reason}", "cannot read: {reason}")
    E308 = ErrorCode("E308", "不是 UTF-8 文本：{detail}", "not UTF-8 text: {detail}")
    E309 = ErrorCode("E309", "目录中没有规格文件（.yaml/.yml/.json）", "no spec files (.yaml/.yml/.json) in directory")
    E310 = ErrorCode("E310", "规格无法加载（错误不在可略过的条目中）：\n{errors}",
                     "spec cannot be loaded (the errors are not in items that can be skipped):\n{errors}")
    E311 = ErrorCode("E311", "YAML 有错误，未生成任何文件：\n{report}", "the YAML has errors, nothing was rendered:\n{report}")
    E312 = ErrorCode("E312", "规格未通过校验，未生成任何文件（可用 --no-validate 略过出错的条目）：\n{errors}",
                     "the spec does not validate, nothing was rendered (--no-validate skips the failing items):\n{errors}")
    E313 = ErrorCode("E313", "无法读取规格：{detail}", "cannot read the spec: {detail}")
    E314 = ErrorCode("E314", "YAML 语法错误（用 govplan validate 查看）：{detail}", "YAML syntax error (see govplan validate): {detail}")
    E315 = ErrorCode("E315", "规格未通过校验（用 govplan validate 查看）：\n{errors}", "the spec does not validate (see govplan validate):\n{errors}")

    # E4xx: rendering and the 督办台账
    E401 = ErrorCode("E401", "模板第 {line} 行语法错误：{detail}", "template syntax error on line {line}: {detail}")
    E402 = ErrorCode("E402", "模板出错：{detail}", "template error: {detail}")
    E403 = ErrorCode("E403", "不是可用的 Word 参考文档：{detail}", "not a usable Word reference document: {detail}")
    E404 = ErrorCode("E404", "参考文档缺少样式：{names}（用 govplan templates 复制出 reference.docx 后修改）",
                     "the reference document lacks the styles {names} (start from the copy govplan templates writes)")
    E405 = ErrorCode("E405", "--template 只能是文本格式（md/html/csv）的 Jinja 模板，或输出 docx 时使用的 Word 参考文档（.docx）",
                     "--template takes a Jinja template for text output (md/html/csv), or a Word reference (.docx) for docx output")
    E406 = ErrorCode("E406", "模板文件不存在", "no such template file")
    E407 = ErrorCode("E407", "规格中没有单位“{query}”。已知单位：{known}", "no unit '{query}' in the specs. Known units: {known}")
    E408 = ErrorCode("E408", "报告只能输出为 .docx、.xlsx 或 .md", "the report is written as .docx, .xlsx or .md")
    E409 = ErrorCode("E409", "规格中没有可列入台账的任务", "the specs hold no task to follow up")
    E410 = ErrorCode("E410", "加入进展记录后规格无效，未写入：{detail}", "the spec would not validate with the records; nothing written: {detail}")
    E411 = ErrorCode("E411", "不是可读的 .xlsx 工作簿：{detail}", "not a readable .xlsx workbook: {detail}")
    E412 = ErrorCode("E412", "未知的视图“{view}”：应为 {choices} 之一", "unknown view '{view}': expected one of {choices}", USAGE)
    E413 = ErrorCode("E413", "未知的输出格式“{fmt}”：应为 {choices} 之一", "unknown output format '{fmt}': expected one of {choices}", USAGE)
    E414 = ErrorCode("E414", "--title 只能用于一份文件的表格（或 --combined 的责任矩阵）",
                     "--title heads the table of one document (or a --combined matrix)", USAGE)

    # E5xx: writing outputs
    E501 = ErrorCode("E501", "无法写入：{reason}。", "cannot write: {reason}.")
    E502 = ErrorCode("E502", "文件已存在：{names}（用 --force 覆盖）", "files exist: {names} (use --force to overwrite)")

    # E6xx: evaluation against the gold set
    E601 = ErrorCode("E601", "YAML 有误：{detail}", "invalid YAML: {detail}")
    E602 = ErrorCode("E602", "{where}：{problem}", "{where}: {problem}")
    E603 = ErrorCode("E603", "更正（{field} {match}）在金标准中匹配到 {count} 项，应恰好 1 项。",
                     "override ({field} {match}) matches {count} gold items, not exactly 1.")
    E604 = ErrorCode("E604", "金标准第 {line} 行找不到“{text}”（第 {nth} 处）。", "gold item '{text}' (occurrence {nth}) is not on line {line}.")
    E605 = ErrorCode("E605", "找不到划分文件。", "split file not found.")
    E606 = ErrorCode("E606", "金标准目录不存在。", "gold directory does not exist.")
    E607 = ErrorCode("E607", "目录中没有金标准文件（*.yaml）。", "no gold files (*.yaml) in the directory.")

    # E9xx: runs, engines and govplan's own failures
    E900 = ErrorCode("E900", "内部错误：{detail}", "internal error: {detail}", INTERNAL)
    E901 = ErrorCode("E901", "处理这个文件的工作进程两次意外退出（内存不足或崩溃），已放弃这个文件",
                     "the worker processing this file died twice (out of memory, or a crash); the file was given up")
    E902 = ErrorCode("E902", "工作进程的 govplan 版本与发起运行的不同（发起方 {mine}，工作进程 {theirs}）：请在所有机器上安装同一版本",
                     "a worker runs another govplan (the run {mine}, the worker {theirs}): install the same version everywhere", INTERNAL)
    E903 = ErrorCode("E903", "工作进程的 govplan 数据文件与发起运行的不同（摘要 {mine} 与 {theirs}）：请在所有机器上安装同一版本",
                     "a worker has other govplan data files (digest {mine}, the worker {theirs}): install the same version everywhere", INTERNAL)
    E904 = ErrorCode("E904", "{feature} 需要可选依赖：pip install govplan[{extra}]", "{feature} needs an optional dependency: pip install govplan[{extra}]",
                     USAGE)
    E905 = ErrorCode("E905", "无法连接 Dask 调度器 {address}：{detail}", "cannot reach the Dask scheduler {address}: {detail}", USAGE)


def registered() -> dict[str, ErrorCode]:
    """Every registered error by code, in code order."""
    codes = {value.code: value for value in vars(Errors).values() if isinstance(value, ErrorCode)}
    return dict(sorted(codes.items()))


class GovplanError(Exception):
    """An error a user can act on; the CLI prints it with its code, without a traceback."""

    def __init__(self, error: ErrorCode, path: str | None = None, **fields: Any) -> None:
        self.error = error
        self.path = path
        self.fields = fields
        super().__init__(self.message)

    def __reduce__(self) -> tuple[Any, ...]:
        """Rebuilt from its code and fields (for worker processes), not from its message."""
        return _rebuild, (type(self), self.error, self.path, self.fields)

    @property
    def code(self) -> str:
        return self.error.code

    @property
    def exit_code(self) -> int:
        return self.error.exit

    @property
    def zh(self) -> str:
        return self.error.text(self.fields, "zh")

    @property
    def en(self) -> str:
        return self.error.text(self.fields, "en")

    @property
    def message(self) -> str:
        """The message in the current language, after the file it concerns."""
        text = self.error.text(self.fields)
        return f"{self.path}: {text}" if self.path else text


def _rebuild(cls: type[GovplanError], error: ErrorCode, path: str | None, fields: dict[str, Any]) -> GovplanError:
    return cls(error, path, **fields)


def error_line(code: str, message: str) -> str:
    """How the CLI prints an error: 错误 E101：… / error E101: …"""
    return tr(f"错误 {code}：", f"error {code}: ") + message


class InputError(GovplanError):
    """A source file cannot be read or decoded."""


class OutputError(GovplanError, OSError):
    """An output cannot be written (no permission, no space, a directory in the way); still an
    OSError for callers that treat a failed write as harmless (the user cache)."""
