"""What Word's automatic numbering costs the .docx reader: every dev and seed document written as a .docx
whose heading numbers (一、 （一） 1. （1）, and their half-width or full-stop variants) are Word's
automatic numbering rather than typed characters, scored with `govplan eval` beside the plain .txt.

Each line becomes a paragraph (a tab row becomes a one-row table, cell by cell). On the line of every
gold task that opens with such a number the number is taken out of the text and the paragraph numbered
instead: one multi-level list per document, a level per label shape (its brackets, numeral and
delimiter) in the order official documents rank them, each level's w:lvlText the shape's punctuation
around %n. Where Word's count would not give the typed number (a list that skips, or continues across
sections), a new w:num over the same list restarts that level at the typed number (w:startOverride),
as an author setting "Set Numbering Value" would. A numbered line loses its leading blanks (Word
indents by the paragraph's properties, before the label), and a line its carriage return. The gold is the .txt's, its source the .docx:
lines and items stand where they stood. Held-out documents are never read (scripts/perturb.py).

Run it once with the reader to measure, and once with another checkout's govplan first on PYTHONPATH
to compare (the eval runs in the same interpreter and environment).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from perturb import FIELDS, ROOT, documents  # noqa: E402

from govplan.gold import load_split, source_text  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LABEL = re.compile(r"(?P<indent>\s*)(?P<open>[（(]?)(?P<n>[一二三四五六七八九十]+|\d{1,3})(?P<close>[、.．）)])")
FORMATS = {"cn": "chineseCounting", "arabic": "decimal"}
LIST_ID = "900"  # abstractNumId and first numId of the document's list (clear of the template's own)


def label_shape(match: re.Match[str]) -> tuple[str, str, str] | None:
    """(opening bracket, numeral kind, closing mark) of a typed heading number, or None when its
    brackets do not pair (（一、) or it is no heading number (a 1） without its opening bracket)."""
    opened, close = match.group("open"), match.group("close")
    if bool(opened) != (close in "）)"):
        return None
    return opened, "cn" if not match.group("n").isdigit() else "arabic", close


def label_value(match: re.Match[str]) -> int:
    from govplan.numerals import to_int

    return to_int(match.group("n"))


def rank(shape: tuple[str, str, str]) -> tuple[int, int, str, str]:
    """GB/T 9704's order: 一、 above （一） above 1. above （1）."""
    opened, kind, close = shape
    return (kind != "cn", bool(opened), opened, close)


def numbered_docx(text: str, task_lines: set[int]) -> bytes:
    """``text`` as a .docx: a paragraph a line, a one-row table a tab row, and the typed number of each
    task line (0-based) turned into Word's automatic numbering."""
    from docx import Document
    from docx.oxml import parse_xml

    lines = [line.removesuffix("\r") for line in text.split("\n")]  # a Word paragraph holds no line end
    numbered: dict[int, tuple[tuple[str, str, str], int, re.Match[str]]] = {}
    for index in task_lines:
        match = LABEL.match(lines[index])
        shape = label_shape(match) if match and "\t" not in lines[index] else None
        if shape is not None:
            numbered[index] = (shape, label_value(match), match)
    levels = {shape: level for level, shape in enumerate(sorted({s for s, _, _ in numbered.values()}, key=rank)[:9])}

    document = Document()
    body = document.element.body
    for paragraph in list(body.iterchildren(f"{{{W_NS}}}p")):
        body.remove(paragraph)
    nums: list[dict[int, int]] = [{}]  # each w:num's startOverrides by level (the first has none)
    counts: dict[int, int] = {}
    for index, line in enumerate(lines):
        if "\t" in line:
            cells = line.split("\t")
            table = document.add_table(rows=1, cols=len(cells))
            for cell, value in zip(table.rows[0].cells, cells):
                cell.text = value
            continue
        entry = numbered.get(index)
        if entry is None or entry[0] not in levels:
            document.add_paragraph(line)
            continue
        shape, value, match = entry
        level = levels[shape]
        # Word's count: on from the level's last number, or after a higher level from the start (the list's
        # w:startOverride for that level, which stands for its restarts too); where it is not the typed number
        # a new w:num restarts the level there.
        if (counts[level] + 1 if level in counts else nums[-1].get(level, 1)) != value:
            nums.append({level: value})
        counts = {k: v for k, v in counts.items() if k < level} | {level: value}
        paragraph = document.add_paragraph(line[match.end():])
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = int(LIST_ID) + len(nums) - 1
    numbering = document.part.numbering_part.element
    levels_xml = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{FORMATS[kind]}"/>'
        f'<w:lvlText w:val="{opened}%{level + 1}{close}"/></w:lvl>'
        for (opened, kind, close), level in levels.items())
    first_num = numbering.find(f"{{{W_NS}}}num")
    abstract = parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{LIST_ID}">'
                         f'<w:multiLevelType w:val="multilevel"/>{levels_xml}</w:abstractNum>')
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    for k, starts in enumerate(nums):
        overrides = "".join(f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                            for level, start in starts.items())
        numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{int(LIST_ID) + k}">'
                                   f'<w:abstractNumId w:val="{LIST_ID}"/>{overrides}</w:num>'))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_corpus(out: Path, numbered: bool) -> None:
    """Every dev and seed document under ``out`` (as the plain .txt, or as the numbered .docx) with its gold."""
    (out / "corpus" / "docs").mkdir(parents=True)
    (out / "corpus" / "gold").mkdir()
    seeds = load_split(ROOT / "corpus" / "split.yaml").seeds
    (out / "corpus" / "split.yaml").write_text(json.dumps({"corpora": ["corpus/gold"], "seeds": seeds}), encoding="utf-8")
    for k, (source, docs) in enumerate(sorted(documents(("dev", "seeds")).items())):
        text = source_text(docs[0])
        file = f"{k:03d}_{source.stem}" + (".docx" if numbered else ".txt")
        if numbered:
            tasks = {task.line - 1 for document in docs for task in document.gold.tasks}
            (out / "corpus" / "docs" / file).write_bytes(numbered_docx(text, tasks))
        else:
            (out / "corpus" / "docs" / file).write_text(text, encoding="utf-8")
        for document in docs:
            gold = document.gold.model_dump(mode="json", exclude_none=True) | {"source": f"docs/{file}"}
            (out / "corpus" / "gold" / f"{document.id}.yaml").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def score(out: Path) -> dict:
    """`govplan eval --json` totals on one folder, run by this interpreter (and so this PYTHONPATH)."""
    run = subprocess.run([sys.executable, "-m", "govplan", "eval", "--split-file", str(out / "corpus" / "split.yaml"), "--json"],
                         capture_output=True, text=True, cwd=ROOT)
    if run.returncode:
        sys.exit(f"govplan eval failed on {out}: {run.stderr.strip()}")
    return json.loads(run.stdout)["total"]


def main() -> None:
    """Score the plain .txt and the auto-numbered .docx of every dev and seed document."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="write the corpora here (kept) instead of a temp folder")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="docxnum-"))
    print(f"{'input':24}" + "".join(f"{f:>16}" for f in FIELDS))
    reference = None
    for name, numbered in (("plain .txt", False), ("auto-numbered .docx", True)):
        write_corpus(base / name.split()[-1].lstrip("."), numbered)
        total = score(base / name.split()[-1].lstrip("."))
        reference = reference or total
        print(f"{name:24}" + "".join(f"{total[f]['f1']:>8.3f}" + (f" ({total[f]['f1'] - reference[f]['f1']:+.3f})" if numbered else " " * 9)
                                     for f in FIELDS))
    print(f"corpora in {base}")


if __name__ == "__main__":
    main()
