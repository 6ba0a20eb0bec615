"""scripts/build_places.py: the division names it keeps from a division-code table (a crafted table in a temp dir), and
the bundled places.yaml it wrote holding the divisions the unit engine reads alone."""

from __future__ import annotations

from pathlib import Path

from govplan.lexical.lexicon import data
from tests.script_modules import load_script

build_places = load_script("build_places")


def test_divisions_leave_out_placeholders_and_repeats(tmp_path: Path) -> None:
    table = tmp_path / "adcodes.csv"
    table.write_text("adcode,name,longitude,latitude\n310101000000,黄浦区,1,2\n310100000000,市辖区,1,2\n"
                     "130100000000,鼓楼区,1,2\n350102000000,鼓楼区,1,2\n469000000000,省直辖县级行政区划,1,2\n"
                     "140000000000,山西省,1,2\n", encoding="utf-8")
    assert build_places.divisions(table) == sorted(["山西省", "鼓楼区", "黄浦区"])


def test_autonomous_divisions_get_the_short_name_notices_write() -> None:
    groups = ["回族", "土族", "土家族", "苗族", "蒙古族", "朝鲜族"]
    assert build_places.short_autonomous("民和回族土族自治县", groups) == "民和县"
    assert build_places.short_autonomous("恩施土家族苗族自治州", groups) == "恩施州"
    assert build_places.short_autonomous("巴音郭楞蒙古自治州", groups) == "巴音郭楞州"
    assert build_places.short_autonomous("延边朝鲜族自治州", groups) == "延边州"
    assert build_places.short_autonomous("黄浦区", groups) is None


def test_bundled_places_hold_the_divisions_of_every_level() -> None:
    places = data("places")
    assert {"山西省", "松原市", "浦东新区", "长兴县", "香港特别行政区", "民和县", "恩施州"} <= set(places["divisions"])
    assert "市辖区" not in places["divisions"] and {"城区", "郊区"} <= set(places["generic"])
