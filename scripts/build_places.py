"""Write govplan/data/places.yaml, the names of China's administrative divisions down to the county level, from the
adcodes table that the MIT-licensed PyPI package cpca ships (cpca/resources/adcodes.csv: the national statistics bureau's
division codes with their names): `python scripts/build_places.py ADCODES.csv NATIONS.csv` (the package's 56_nations.csv
gives the short names of autonomous divisions). The list is data, not rules: the unit engine reads a division named alone
(浦东新区要…, 山西省要…, 由黄浦区、徐汇区负责) as that place's government."""

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
# by hand (it keeps the two lists above them, which are written by hand). An autonomous county, prefecture or banner is
# also listed by the short name notices write, its place and level without its ethnic groups (民和回族土族自治县 → 民和县,
# 互助县, 恩施州: the bank's 民和县发挥…, 互助县全力推进…), from the package's list of ethnic groups.
# A division named alone in a list of units or acting at a clause's start names its government (浦东新区要增设…, dev c676;
# 山西省要按照…, dev c758; 8月上旬,松原市将对…, dev c72; 由黄浦区、徐汇区负责). `generic` are division names that are also
# common nouns (城区, 郊区, 矿区: every town's built-up area, suburbs, mining area) or directions (东区, 西区), never read alone.
# A city named without 市 before an organ begins a unit's name, as a province's short name does (units.yaml
# sentence_prefixes): 宁波海事局, 深圳海关, 青岛银保监局, 咸宁局 (湖北省邮政管理局's news, tests/bank/units-bank.yaml); not the
# `city_stem_words`, stems that are common words or names of other things (合作单位, 东方红, 灯塔, 龙井, 普洱, 中山路).
"""


AUTONOMOUS = ("自治县", "自治州", "自治旗")  # an autonomous division, written short as its place and level (民和县, 恩施州)


def divisions(table: Path, nations: Path | None = None) -> list[str]:
    """The distinct division names of the table, placeholders left out, sorted; with the ``nations`` list (one ethnic
    group a line, 回族) also each autonomous county's, prefecture's and banner's short name, as notices write it: the
    place, then the level (民和回族土族自治县 → 民和县, 恩施土家族苗族自治州 → 恩施州)."""
    with table.open(encoding="utf-8") as handle:
        names = {row["name"].strip() for row in csv.DictReader(handle)}
    names = {name for name in names if name and name not in PLACEHOLDERS}
    if nations is not None:
        groups = [line.strip() for line in nations.read_text(encoding="utf-8").splitlines() if line.strip()]
        names |= {short for name in names if (short := short_autonomous(name, groups))}
    return sorted(names)


def short_autonomous(name: str, groups: list[str]) -> str | None:
    """The short name of an autonomous division (民和回族土族自治县 → 民和县; 巴音郭楞蒙古自治州 → 巴音郭楞州), if the name is
    one: its place, the ethnic groups after it left out (each with or without 族), then its level."""
    kind = next((k for k in AUTONOMOUS if name.endswith(k)), None)
    if kind is None:
        return None
    place = name[:-len(kind)]
    forms = sorted({form for group in groups for form in (group, group.removesuffix("族"))} - {""}, key=len, reverse=True)
    while (form := next((f for f in forms if place.endswith(f) and len(place) > len(f)), None)) is not None:
        place = place[:-len(form)]
    return place + kind[-1] if len(place) >= 2 and place != name[:-len(kind)] else None


def main() -> None:
    """Write the data file from the table named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("table", type=Path, help="cpca/resources/adcodes.csv")
    parser.add_argument("nations", type=Path, help="cpca/resources/56_nations.csv (one ethnic group a line)")
    args = parser.parse_args()
    names = divisions(args.table, args.nations)
    target = ROOT / "govplan/data/places.yaml"
    kept = [line for line in target.read_text(encoding="utf-8").splitlines() if line.startswith(HAND_KEYS)]
    lines = [HEADER, *kept, "divisions:"]
    lines += [f"  - {name}" for name in names]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} divisions written")


if __name__ == "__main__":
    main()
