"""YAML-level faults and schema errors: one fixture per error class, each located exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplan.validate.check import check_file
from govplan.validate.rules import RuleContext

FIXTURES = Path(__file__).parent / "fixtures" / "validate"


def located(name: str) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in check_file(str(FIXTURES / name), RuleContext())]


def test_valid_fixture_has_no_findings() -> None:
    assert located("valid.yaml") == []


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("syntax_error.yaml", ("GP001", 22, 17)),  # the second ': ' on the line
        ("duplicate_key.yaml", ("GP002", 22, 5)),  # the repeated key, not the first one
        ("tab_indent.yaml", ("GP003", 20, 1)),
        ("alias_bomb.yaml", ("GP004", 18, 10)),  # the first alias use
        ("not_mapping.yaml", ("GP005", 2, 1)),
        ("unknown_field.yaml", ("GP010", 27, 5)),  # the key itself
        ("missing_field.yaml", ("GP011", 17, 5)),  # the mapping that lacks the key
        ("bad_date.yaml", ("GP012", 33, 14)),  # 2024-13-01
        ("percent_text.yaml", ("GP012", 66, 20)),  # 九十
        ("bad_literal.yaml", ("GP013", 32, 15)),
    ],
)
def test_fault_is_located(fixture: str, expected: tuple[str, int, int]) -> None:
    assert located(fixture) == [expected]


def test_unknown_field_suggests_the_closest_known_field() -> None:
    (finding,) = check_file(str(FIXTURES / "unknown_field.yaml"), RuleContext())
    assert "deadlines" in finding.hint
    assert finding.field_path == "tasks[0].dealine"


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    text = (FIXTURES / "valid.yaml").read_text(encoding="utf-8")
    text = text.replace("due: '2024-10-31'", "due: 2024-13-01", 1).replace("value: 90.0", "value: 九十")
    text = text.replace("    deadlines:", "    dealine:", 1)
    path = tmp_path / "many.yaml"
    path.write_text(text, encoding="utf-8")
    codes = [f.code for f in check_file(str(path), RuleContext())]
    assert codes == ["GP010", "GP012"]  # the bad date sits inside the unknown field, so it is not checked
    text = text.replace("    dealine:", "    deadlines:", 1)
    path.write_text(text + "fingerprint: [1]\n", encoding="utf-8")
    codes = [f.code for f in check_file(str(path), RuleContext())]
    assert codes == ["GP012", "GP012", "GP012"]


def test_all_duplicate_keys_are_reported(tmp_path: Path) -> None:
    text = (FIXTURES / "valid.yaml").read_text(encoding="utf-8")
    text = text.replace("    level: 1\n", "    level: 1\n    level: 1\n")
    path = tmp_path / "dups.yaml"
    path.write_text(text, encoding="utf-8")
    assert [(f.code, f.line) for f in check_file(str(path), RuleContext())] == [("GP002", 21), ("GP002", 112)]


def test_alias_bomb_is_refused_quickly() -> None:
    import time

    started = time.perf_counter()
    located("alias_bomb.yaml")
    assert time.perf_counter() - started < 2


def test_code_frame_puts_the_caret_under_the_column() -> None:
    (finding,) = check_file(str(FIXTURES / "percent_text.yaml"), RuleContext())
    *_, offending, caret = finding.frame
    assert offending.startswith("> 66 |")
    text_start = offending.index("|") + 2
    assert caret.index("^") - text_start == len("            value: ")


def test_the_readers_resolver_table_is_ruamels() -> None:
    """validate/scalars.py and fastyaml.py write out ruamel's YAML 1.2 resolvers and escapes (so a plain
    spec is read without importing ruamel): they must be ruamel's own, in its order."""
    from ruamel.yaml import YAML
    from ruamel.yaml.scanner import Scanner

    from govplan.validate.fastyaml import ESCAPE_REPLACEMENTS
    from govplan.spec.resolvers import implicit_resolvers

    def table(resolvers: dict) -> dict:
        return {first: [(str(tag), p.pattern, p.flags) for tag, p in pairs] for first, pairs in resolvers.items()}

    assert table(implicit_resolvers()) == table(dict(YAML(typ="safe", pure=True).resolver.versioned_resolver))
    assert list(ESCAPE_REPLACEMENTS.items()) == list(Scanner.ESCAPE_REPLACEMENTS.items())


@pytest.mark.parametrize("version", [(1, 2), (1, 1)])
def test_the_emitters_resolver_tables_are_ruamels(version: tuple[int, int]) -> None:
    """The emitter quotes a scalar either YAML version would read as other than text, by the tables
    validate/scalars.py writes out (RESOLVERS, RESOLVERS_1_1): they must be ruamel's own for that version."""
    from ruamel.yaml.resolver import VersionedResolver

    from govplan.spec.resolvers import RESOLVERS, RESOLVERS_1_1, implicit_resolvers

    def table(resolvers: dict) -> dict:
        return {first: [(str(tag), p.pattern, p.flags) for tag, p in pairs] for first, pairs in resolvers.items()}

    written = implicit_resolvers(RESOLVERS if version == (1, 2) else RESOLVERS_1_1)
    assert table(written) == table(dict(VersionedResolver(version=version).versioned_resolver))


@pytest.mark.parametrize("text", ["true", "False", "TRUE", "!!bool yes", "!!bool off", "0x1F", "1_000", "0o17", "017", "1e3",
                                  "1.1330206002954448e+16", "-2.5E-3", "+7e5", "-0e0", "1e999", "-1.e999", "12_3e4", "1.5e",
                                  ".inf", "-.INF", ".NaN", "1.5", "-0", "2024-07-01", "2024-13-01", "null", "~", "'x'",
                                  '"a\\tb\\N\\_c\\x41\\u4e00"', "3 # comment", "6d0de94ca4f8bd4c:4bcdcffc854d", "12:30",
                                  "0b101", "0b102", "0o17", "0x1Fz", "0_x1", "1x", "2024-07-01x", "1_2a", "1.5x", "1e5x"])
def test_a_scalar_reads_as_ruamel_reads_it(text: str) -> None:
    """Every reader of a scalar (the fast one, the full one) gives ruamel's value (dates excepted: a
    date that does not exist stays text for the models to report)."""
    import datetime as dt

    from ruamel.yaml import YAML

    from govplan.validate.reader import _load_full, load

    document = f"value: {text}\n"
    expected = text if text == "2024-13-01" else YAML(typ="safe", pure=True).load(document)["value"]
    if isinstance(expected, dt.datetime):
        expected = expected.date()
    for value in (load(document).data["value"], _load_full(document).data["value"]):
        assert type(value) is type(expected)
        assert value == expected or (value != value and expected != expected)  # NaN


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789_.eE-+:xbo adfTtZ", min_size=1, max_size=12).map(lambda text: str(len(text) % 10) + text))
def test_a_digit_led_plain_scalar_reads_as_the_resolver_reads_it(value: str) -> None:
    """plain() calls a digit-led scalar text at once where no number or date could start as it does (a fingerprint):
    the general resolver's tag and value, whatever the characters after the first."""
    from govplan.validate.scalars import construct, plain, resolve_plain

    expected = construct(resolve_plain(value), value)
    read = plain(value)
    assert type(read) is type(expected)
    assert read == expected or (read != read and expected != expected)  # NaN


_LINE_PIECES = ["a", "key", ":", " ", "  ", "-", "- ", "#", "'", '"', "x: ", ": ", "中", "\u3000", "\t", "\r", "_", "0"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_LINE_PIECES), max_size=8).map("".join), min_size=1, max_size=6))
def test_unpadded_lines_are_cut_as_the_general_pattern_cuts_them(lines: list[str]) -> None:
    """The fast reader cuts a text where no line ends with a space with a simpler pattern: it must give
    every line the same groups (indent, dash, key, spaces, value, rest) as the general one."""
    from govplan.validate.fastyaml import _LINES, _UNPADDED_LINES

    text = "\n".join(lines) + "\n"
    if " \n" not in text:
        assert _UNPADDED_LINES.findall(text) == _LINES.findall(text)


def test_unpadded_lines_are_cut_alike_in_every_bundled_spec() -> None:
    from govplan.validate.fastyaml import _LINES, _UNPADDED_LINES

    specs = sorted((Path(__file__).parent.parent / "specs").glob("*.yaml"))
    assert specs
    for spec in specs:
        text = spec.read_text(encoding="utf-8") + "\n"
        assert " \n" not in text
        assert _UNPADDED_LINES.findall(text) == _LINES.findall(text), spec.name


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_LINE_PIECES), max_size=8).map("".join), min_size=1, max_size=6))
def test_lines_joined_again_from_their_rows_are_the_text_lines(lines: list[str]) -> None:
    """Code frames of a text the fast reader took show its lines joined again from the pattern's groups:
    they must be the lines a YAML reader numbers (the reader leaves texts with other breaks to the full one)."""
    from govplan.validate.fastyaml import _UNPADDED_LINES, WrittenLines
    from govplan.validate.guard import yaml_lines

    text = "\n".join(lines)
    if " \n" not in text + "\n" and "\r" not in text:
        assert list(WrittenLines(_UNPADDED_LINES.findall(text + "\n"))) == yaml_lines(text)


def test_every_bundled_spec_keeps_its_lines_for_code_frames() -> None:
    from govplan.validate.fastyaml import read
    from govplan.validate.guard import yaml_lines

    specs = sorted((Path(__file__).parent.parent / "specs").glob("*.yaml"))
    assert specs
    for spec in specs:
        text = spec.read_text(encoding="utf-8")
        lines = read(text)[1].lines
        assert lines is not None and list(lines) == yaml_lines(text), spec.name


def test_a_text_with_padded_lines_has_its_lines_split_again() -> None:
    """Where a line ends with spaces the general pattern drops them, so the rows cannot give the line back."""
    from govplan.validate.fastyaml import read

    assert read("a: 1  \nb: 2\n")[1].lines is None


@pytest.mark.parametrize(("line", "shown"), [
    ("    text: 推进“五治融合”", "    text: 推进“五治融合”"),
    ("  title: 总体要求\u3000（一）", "  title: 总体要求\u3000（一）"),  # not str.isprintable, yet nothing to hide
    ("  text: a\x1b[31mred\x7f\x85", "  text: a\ufffd[31mred\ufffd\x85"),  # NEL is a line break to YAML
])
def test_a_code_frame_line_hides_only_what_yaml_cannot_carry(line: str, shown: str) -> None:
    from govplan.validate.guard import printable

    assert printable(line) == shown
