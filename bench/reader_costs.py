"""What reading a folder of specs costs with validate's fast reader against libyaml's C parser (issue 17).

    python bench/reader_costs.py FOLDER [--reader fast|ruamel-c|pyyaml-c|none] [--specs N]

Reads the first ``--specs`` spec texts of FOLDER, then passes them through one reader, and prints its CPU
time: ``fast`` is validate/fastyaml.read (data and positions), ``ruamel-c`` only pulls every event (each
with its start and end marks) out of ruamel.yaml.clib's CParser, ``pyyaml-c`` the same from PyYAML's
CParser when installed, ``none`` reads the files only. Run each under callgrind
(`valgrind --tool=callgrind python bench/reader_costs.py …`) and subtract ``none`` for steady counts:
the C parsers' events alone, before any tree or data is made of them, are the figure to beat.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Callable

READERS = ("fast", "ruamel-c", "pyyaml-c", "none")


def reader(name: str) -> Callable[[str], object]:
    """The reading of one text by the named reader."""
    if name == "fast":
        from govplan.validate.fastyaml import read

        return read
    if name == "ruamel-c":
        from _ruamel_yaml import CParser

        return lambda text: _drain(CParser(text).get_event)
    if name == "pyyaml-c":
        import yaml

        return lambda text: _drain(yaml.CSafeLoader(text).get_event)
    return lambda text: None


def _drain(next_event: Callable[[], object]) -> int:
    """Pull events until the stream ends; how many there were."""
    count = 0
    while type(next_event()).__name__ != "StreamEndEvent":
        count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--reader", choices=READERS, default="fast")
    parser.add_argument("--specs", type=int, default=1000)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in sorted(args.folder.glob("*.yaml"))[: args.specs]]
    read = reader(args.reader)
    started = time.process_time()
    for text in texts:
        read(text)
    print(f"{args.reader}: {len(texts)} specs, {time.process_time() - started:.3f} s CPU")


if __name__ == "__main__":
    main()
