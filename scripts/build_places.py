"""Write govplan/data/places.yaml, the names of China's administrative divisions down to the county level, from the
adcodes table that the MIT-licensed PyPI package cpca ships (cpca/resources/adcodes.csv: the national statistics bureau's
division codes with their names): `python scripts/build_places.py ADCODES.csv`. The list is data, not rules: the unit
engine reads a division named alone (浦东新区要…, 山西省要…, 由黄浦区、徐汇区负责) as that place's government."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Rows that name no division a notice would write alone: the bureau's placeholders for a city's districts and for
# counties a province runs directly, and the island groups named with their waters.
PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "中沙群岛的岛礁及其海域")
HAND_KEYS = ("generic:", "city_stem_words:")  # the lists written by hand, kept as they stand
HEADER = """\
# The names of China's administrative divisions down to the county level (province, prefecture, county, district, banner),
# as the national statistics bureau's division codes give them, taken from the adcodes table of the MIT-licensed package
# cpca (chinese_province_city_area_mapper 0.5.5) by scripts/build_places.py; regenerate `divisions` with that script, never
# by hand (it keeps the two lists above them, which are written by hand).
# A division named alone in a list of units or acting at a clause's start names its government (浦东新区要增设…, dev c676;
# 山西省要按照…, dev c758; 8月上旬,松原市将对…, dev c72; 由黄浦区、徐汇区负责). `generic` are division names that are also
# common nouns (城区, 郊区, 矿区: every town's built-up area, suburbs, mining area) or directions (东区, 西区), never read alone.
# A city named without 市 before an organ begins a unit's name, as a province's short name does (units.yaml
# sentence_prefixes): 宁波海事局, 深圳海关, 青岛银保监局, 咸宁局 (湖北省邮政管理局's news, tests/bank/units-bank.yaml); not the
# `city_stem_words`, stems that are common words or names of other things (合作单位, 东方红, 灯塔, 龙井, 普洱, 中山路).
"""


def divisions(table: Path) -> list[str]:
    """The distinct division names of the table, placeholders left out, sorted."""
    with table.open(encoding="utf-8") as handle:
        names = {row["name"].strip() for row in csv.DictReader(handle)}
    return sorted(name for name in names if name and name not in PLACEHOLDERS)


def main() -> None:
    """Write the data file from the table named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("table", type=Path, help="cpca/resources/adcodes.csv")
    args = parser.parse_args()
    names = divisions(args.table)
    target = ROOT / "govplan/data/places.yaml"
    kept = [line for line in target.read_text(encoding="utf-8").splitlines() if line.startswith(HAND_KEYS)]
    lines = [HEADER, *kept, "divisions:"]
    lines += [f"  - {name}" for name in names]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} divisions written")


if __name__ == "__main__":
    main()
