"""Render specs, print them to PDF with LibreOffice and write one PNG per page, to look at the pages.

    .venv/bin/python scripts/pdf_pages.py specs/002_7ee8fce85c601369.yaml --as tasktable -o out/pages
    .venv/bin/python scripts/pdf_pages.py specs/ --as matrix --to xlsx -o out/pages --combined

Needs LibreOffice and poppler (Debian: apt-get install libreoffice-writer libreoffice-calc
poppler-utils). Besides the PNGs (page-01.png …, and contact sheets when ImageMagick's montage is
there) it checks what can be read off the PDF text: every page carries its page number and the
table's header row, and no page is empty. The tests read the .docx and .xlsx back themselves;
this is the step a person looks at.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

HEADER_WORDS = {"tasktable": "重点任务", "matrix": "任务", "checklist": "完成时限"}


def run(*args: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=600)
    if result.returncode != 0:
        sys.exit(f"{args[0]} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("specs", nargs="+")
    parser.add_argument("--as", dest="view", default="tasktable", choices=sorted(HEADER_WORDS))
    parser.add_argument("--to", default="docx", choices=["docx", "xlsx"])
    parser.add_argument("-o", "--out", type=Path, default=Path("out/pages"))
    parser.add_argument("--dpi", type=int, default=60)
    args, extra = parser.parse_known_args()  # anything else goes to govplan render (--depth 2, --combined …)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None or shutil.which("pdftoppm") is None:
        sys.exit("needs LibreOffice (soffice) and pdftoppm")
    args.out.mkdir(parents=True, exist_ok=True)
    rendered = args.out / f"{args.view}.{args.to}"
    govplan = Path(sys.executable).with_name("govplan")
    run(govplan, "render", *args.specs, "--as", args.view, "-o", rendered, *extra)
    run(office, "--headless", "--convert-to", "pdf", "--outdir", args.out, rendered)
    pdf = rendered.with_suffix(".pdf")
    for old in args.out.glob("page-*.png"):
        old.unlink()
    run("pdftoppm", "-r", str(args.dpi), "-png", pdf, args.out / "page")
    pages = sorted(args.out.glob("page-*.png"))
    problems = check_pages(pdf, args.view, args.to == "docx")
    if shutil.which("montage"):
        for k in range(0, len(pages), 8):
            run("montage", *pages[k:k + 8], "-tile", "4x2", "-geometry", "+4+4", args.out / f"sheet-{k // 8 + 1:02d}.png")
    print(f"{pdf}: {len(pages)} pages; PNGs in {args.out}")
    for problem in problems:
        print("  " + problem)
    sys.exit(1 if problems else 0)


def check_pages(pdf: Path, view: str, numbered: bool) -> list[str]:
    """What the PDF's text shows wrong: a page without its number (— N —) or the header row, or empty."""
    problems = []
    pages = run("pdftotext", "-layout", pdf, "-").split("\f")
    for n, text in enumerate((p for p in pages if p.strip() or p is not pages[-1]), start=1):
        if not text.strip():
            problems.append(f"page {n}: empty")
            continue
        if numbered and not re.search(rf"—\s*{n}\s*—", text):
            problems.append(f"page {n}: no page number — {n} —")
        if HEADER_WORDS[view] not in text:
            problems.append(f"page {n}: no header row ({HEADER_WORDS[view]})")
    return problems


if __name__ == "__main__":
    main()
