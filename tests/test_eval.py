"""`govplan eval`: span matching on a small hand-made gold file, and the corpus scores as a floor."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT

NOTICE = "关于做好培训工作的通知\n一、加强培训\n1.县人社局牵头，4月底前完成培训不少于100人。\n2.县财政局统筹保障经费。\n2024年3月1日\n"


def write_case(tmp_path, gold_body: str):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "n.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "n.yaml").write_text("source: src/n.txt\nlines: [1, 5]\n" + gold_body, encoding="utf-8")


def test_scores_match_spans_values_and_inherited_units(run_cli, tmp_path):
    write_case(tmp_path, """doc_date: 2024-03-01
tasks:
  - {path: "一", line: 2}
  - {path: "一.1", line: 3}
  - {path: "一.2", line: 4}
  - {path: "一.3", line: 4}
deadlines:
  - {line: 3, text: "4月底前", kind: by, due: 2024-04-30}
targets:
  - {line: 3, text: "不少于100人", value: 100, unit: 人, comparator: ">="}
assignments:
  - {task: "一.1", lead: [县人力资源和社会保障局]}
""")
    result = run_cli("eval", str(tmp_path / "gold"), "--root", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    total = json.loads(result.stdout)["total"]
    assert total["tasks"] == {"tp": 3, "predicted": 3, "expected": 4, "precision": 1.0, "recall": 0.75, "f1": 0.8571}
    assert total["deadline_spans"]["tp"] == 1 and total["deadline_dates"]["tp"] == 1
    assert total["targets"]["tp"] == 1
    # 县人社局 as written matches the gold's registry name through the alias registry
    assert total["lead_units"]["tp"] == 1


def test_responsible_units_are_scored_as_lead_and_support_are(run_cli, tmp_path):
    """Units in charge whose role the notice leaves open (a 责任单位 list, an item's bracket of units) are a field of
    their own: a unit read as responsible meets only the gold's responsible, never its lead."""
    (tmp_path / "src").mkdir()
    notice = "关于做好培训工作的通知\n一、加强培训\n1.完成培训不少于100人。（县人社局、县财政局）\n2.县教育局牵头，开展宣传。\n"
    (tmp_path / "src" / "n.txt").write_text(notice, encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "n.yaml").write_text("""source: src/n.txt
lines: [1, 4]
tasks:
  - {path: "一", line: 2}
  - {path: "一.1", line: 3}
  - {path: "一.2", line: 4}
assignments:
  - {task: "一.1", responsible: [县人社局], lead: [县财政局]}
  - {task: "一.2", lead: [县教育局]}
""", encoding="utf-8")
    result = run_cli("eval", str(tmp_path / "gold"), "--root", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    total = json.loads(result.stdout)["total"]
    assert (total["responsible_units"]["tp"], total["responsible_units"]["predicted"], total["responsible_units"]["expected"]) == (1, 2, 1)
    assert (total["lead_units"]["tp"], total["lead_units"]["predicted"], total["lead_units"]["expected"]) == (1, 1, 2)


def test_misses_name_each_disagreement_with_its_line(run_cli, tmp_path):
    write_case(tmp_path, """tasks:
  - {path: "一", line: 2}
  - {path: "一.1", line: 3}
  - {path: "一.3", line: 4, title: 不存在的任务}
deadlines:
  - {line: 3, text: "4月底前", kind: by, due: 2024-05-31}
targets:
  - {line: 3, text: "不少于100人", value: 200, unit: 人, comparator: ">="}
assignments:
  - {task: "一.1", lead: [县人力资源和社会保障局], support: [县财政局]}
""")
    result = run_cli("eval", str(tmp_path / "gold"), "--root", str(tmp_path), "--json", "--misses")
    assert result.returncode == 0, result.stderr
    (misses,) = json.loads(result.stdout)["misses"].values()
    found = {(m["field"], m["kind"], m["line"], m["text"]) for m in misses}
    assert found == {
        ("tasks", "missed", 4, "一.3"),
        ("tasks", "spurious", 4, "一.2"),
        ("deadline_dates", "different", 3, "4月底前"),
        ("targets", "different", 3, "不少于100人"),
        ("lead_units", "spurious", 4, "县财政局"),
        ("support_units", "missed", 3, "县财政局"),
    }
    text = run_cli("eval", str(tmp_path / "gold"), "--root", str(tmp_path), "--misses", env={"GOVPLAN_LANG": "en"}).stdout
    assert "n.yaml:4: tasks missed: 一.3  (不存在的任务)" in text
    # the same disagreements counted by cause, with no text of the document (so held-out can be shown)
    causes = json.loads(run_cli("eval", str(tmp_path / "gold"), "--root", str(tmp_path), "--json", "--causes").stdout)
    assert causes["causes"]["all"] == {
        "deadline_dates different -": 1,
        "lead_units spurious extra node": 1,  # 县财政局 acts on 一.2, a node the gold does not have
        "support_units missed other task": 1,  # …and the gold's 县财政局 of 一.1 is only there
        "targets different -": 1,
        "tasks missed other number": 1,  # line 4 starts 一.2, not the gold's 一.3
        "tasks spurious other number": 1,
    }
    table = run_cli("eval", str(tmp_path / "gold"), "--root", str(tmp_path), "--causes").stdout
    assert "extra node" in table and "县财政局" not in table and "不存在的任务" not in table


def test_a_unit_written_in_its_tasks_own_lines_but_found_elsewhere_is_not_read_here(run_cli, tmp_path):
    # 一.1's own lines run to the end (no later gold task): 县财政局 is written there, but the extractor
    # reads it on its own node 一.2 only, so the mention was not read where the gold states it (no placement)
    write_case(tmp_path, """tasks:
  - {path: "一", line: 2}
  - {path: "一.1", line: 3}
assignments:
  - {task: "一.1", lead: [县人社局, 县财政局]}
""")
    causes = json.loads(run_cli("eval", str(tmp_path / "gold"), "--root", str(tmp_path), "--json", "--causes").stdout)
    assert causes["causes"]["all"]["lead_units missed not read here"] == 1
    assert "lead_units missed other task" not in causes["causes"]["all"]


def test_a_gold_item_that_is_not_on_its_line_is_a_clear_error(run_cli, tmp_path):
    write_case(tmp_path, "tasks: []\ndeadlines:\n  - {line: 2, text: 4月底前, kind: by}\n")
    result = run_cli("eval", str(tmp_path / "gold"), "--root", str(tmp_path))
    assert result.returncode == 1
    assert "n.yaml" in result.stderr and "4月底前" in result.stderr


def test_a_gold_figure_located_inside_a_longer_number_is_a_clear_error(run_cli, tmp_path):
    """The nth occurrence of an item's text must be the figure meant: a 5%以上 left at nth 1 on a line whose 15%以上 comes first
    is scored inside the other target (fresh c1599); a figure found only inside run-together cells (c488) is left alone."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "n.txt").write_text("一、目标\n贷款余额增长15%以上，保险业增长5%以上。\n", encoding="utf-8")
    (tmp_path / "gold").mkdir()
    gold = tmp_path / "gold" / "n.yaml"
    gold.write_text("source: src/n.txt\nlines: [1, 2]\ntasks: []\ntargets:\n  - {line: 2, text: \"5%以上\", value: 5, unit: \"%\"}\n",
                    encoding="utf-8")
    result = run_cli("eval", str(tmp_path / "gold"), "--root", str(tmp_path), "--check")
    assert result.returncode == 1
    assert "inside a longer number" in result.stderr + result.stdout and "15%以上" in result.stderr + result.stdout
    gold.write_text(gold.read_text(encoding="utf-8").replace("5%以上\",", "5%以上\", nth: 2,"), encoding="utf-8")
    assert run_cli("eval", str(tmp_path / "gold"), "--root", str(tmp_path), "--check").returncode == 0


def test_a_unit_name_written_in_traditional_is_a_clear_error_and_a_person_is_not(run_cli, tmp_path):
    """The format writes unit names in Simplified (a gold name in Traditional never matches what the extractor reads); a
    person's name keeps its characters (欧乾震: t2s would rewrite 乾)."""
    write_case(tmp_path, 'tasks:\n  - {path: "一.1", line: 3}\n'
                         "assignments:\n  - {task: \"一.1\", lead: [縣人社局], leader: [欧乾震]}\n")
    result = run_cli("eval", str(tmp_path / "gold"), "--root", str(tmp_path), "--check")
    assert result.returncode == 1
    assert "縣人社局" in result.stderr + result.stdout and "县人社局" in result.stderr + result.stdout
    assert "欧乾震" not in result.stderr + result.stdout


def test_scores_per_split_do_not_fall_below_what_was_measured(run_cli):
    result = run_cli("eval", "--by-split", "--json", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    groups = json.loads(result.stdout)["groups"]
    # Floors a little under the figures measured when they were last raised (README, 准确率):
    # they catch regressions without pinning numbers tuned to the last decimal. The held-out floor
    # guards what we report; seeds are the documents the first rules were written from.
    floors = {
        "seeds": {"tasks": 0.99, "deadline_spans": 0.98, "deadline_dates": 0.98, "targets": 0.98,
                  "lead_units": 0.97, "support_units": 0.98},
        # dev targets 0.86 and support 0.92 (2026-11-29): new dev documents, not rule changes, moved the figures.
        # units5: c203's 3,300 / 72,000 with blanks and commas, c212 whose 二/(五) the structure stage reads as
        # preamble (none of its 17 supports can be scored); targets3: 0.873 on the dev set holding its batch
        # (c215-c228: goals lists, scoring rules, progress reports; 0.833 before that round's rules), minus 0.01.
        # dev deadline dates 0.88 (tasks4): new dev documents, not rule changes: c251's nine (年内持续推进) whose
        # year only the page address gives (0.917 on main's dev set, 0.887 with the tasks4 batches).
        # heldout7 (2026-11-29): c151 moved from held-out to dev (its gold was printed by mistake), which puts dev
        # deadline dates at 0.874 and dev targets at 0.858; the heldout7 batch (c280-c282, 171 support units) puts
        # held-out support at 0.549. Set changes, not rule changes: each floor is the new figure minus 0.01.
        # units7 (2026-11-29): c280/c281 (171 support units, read by mistake) moved from held-out to dev put dev deadline
        # dates at 0.859 and dev support at 0.741 before any units7 rule: set changes, each floor that figure minus 0.01.
        # heldout8 (2026-11-29): the heldout8 batch (c360-c367, role-rich task tables and 牵头/参加 lists;
        # 89 deadlines, 59 lead and 131 support units) puts held-out deadline spans at 0.792, deadline
        # dates at 0.752, lead units at 0.559 and support units at 0.526. Set change, not rule change:
        # each floor is the new figure minus 0.01.
        # units7 (2026-11-29): c280/c281 moved to dev and c285, c288, c291-c293 held out (lead units 0.602 on the set
        # before heldout8, before any units7 rule); the merged set's floors are checked below the figures measured
        # with main's units code on it.
        # targets4 (2026-11-29): the targets4 dev documents (c300's indicator table one cell per line, whose
        # 完成时限 months the table reader files as remarks; c306/c307 goal years) put dev deadline spans at 0.914
        # and deadline dates at 0.841 before any rule changed (set change: floors 0.90 / 0.83); the round's
        # target rules bring dev targets to 0.923 (floor 0.91).
        # tables3 (2026-11-29): the batch's dev documents (c386 a 十二五 indicator table, c387 a planting-task table,
        # c389 a budget-target table: 44 bare figures whose unit another cell gives) put dev targets at 0.874 before
        # any rule changed (set change: floor 0.86); this round's table rules bring it to 0.886.
        # End of the 2026-11-29 fourth session (all batches merged, c280/c281 in dev, five duplicate texts out):
        # dev tasks 0.988, spans 0.949, dates 0.930, targets 0.875, lead 0.973, support 0.894; held-out tasks 0.826,
        # spans 0.811, dates 0.789, targets 0.840, lead 0.641, support 0.709. Each floor is that figure minus about
        # 0.01-0.02 (set changes and rule changes together; the notes above say which moved what).
        # tables5 (2026-11-30): the batch's dev documents (c409, c410, c415: a yyyymm-yyyymm project period, 2022 年 in
        # five indicator headers, a yyyy.mm-yyyy.mm service period, none of which the deadlines annotator reads) put dev
        # deadline spans at 0.926 and dates at 0.906, with main's code and tables5's alike: set change, floors rounded down.
        # dates10 (2026-11-30): the batch's dev documents (c311's 第二步 whose 牵头 office the units stage files under 1.,
        # c333's 领导组 and c334's 督查组/领导小组办公室 acting in a printed record) put dev lead units at 0.960 with no
        # rule of the units area changed: set change, floor that figure minus 0.01.
        # Both batches together (2026-11-30): dev targets 0.858 — the tables5 dev tables (43 of 69 targets found) with
        # the dates10 documents; every shared document scores as on either branch (set change: floor 0.85).
        # With targets5 as well: dev dates 0.891 — the 18 dev documents of tables5 and dates10 hold 40 dated deadlines
        # of which 17 are found (periods in table headers, cited titles as the only year); every shared document
        # scores as on its own branch or better (set change: floor 0.88).
        # units8 (2026-11-30): the batch's six dev documents (c266-c273: “十三五”末 and bare years, 2017年第3季度, a table's
        # year-less 完成时限 whose year only a task names) put dev deadline dates at 0.893 (0.903 without them) with no
        # deadline rule changed: set change, floor that figure minus 0.01.
        # c142, c241, c345 moved to dev (texts seen by rule writers) with the units8 documents: dev spans 0.909 and
        # dates 0.877, identical with the code before the units8 merge on the same 224 documents (set change).
        # End of the 2026-11-30 session (all batches merged; c142, c241, c345 in dev): dev tasks 0.985, spans 0.909,
        # dates 0.877, targets 0.856, lead 0.960, support 0.968; held-out (117) tasks 0.822, spans 0.819, dates 0.802,
        # targets 0.824, lead 0.652, support 0.722 (after goldaudit2). Each floor is about that figure minus 0.01-0.02.
        # 20 held-out documents moved to dev to be read (2026-11-30, every sixth held-out id): with no rule
        # changed, dev tasks 0.947, spans 0.884, dates 0.847, targets 0.842, lead 0.902, support 0.907; the
        # remaining 97 held out: tasks 0.861, spans 0.834, dates 0.821, targets 0.839, lead 0.694, support 0.757.
        # Set change, not rule change: each floor that figure minus about 0.01-0.02.
        # End of the 2026-11-30 session 6 (20 moved documents, c21, 36 fresh held-out documents, conventions4/5 gold,
        # every branch merged): dev (245) tasks 0.971, spans 0.929, dates 0.912, targets 0.904, lead 0.941, support
        # 0.915; held-out (132) tasks 0.934, spans 0.844, dates 0.839, targets 0.838, lead 0.755, support 0.840 (the
        # start code scores the same held-out set within 0.007 of each). Each floor about that figure minus 0.01-0.02.
        # corpus16b (2026-11-30): the batch's dev document c502 (a township plan previewed one page a line, whose site
        # page markers 1、2、3、 the structure stage takes for the top level, so its 8 support units hang on wrong paths)
        # puts dev support units at 0.8995 with no rule changed: set change, floor 0.89.
        # corpus16a and corpus16b merged (2026-11-30, session 10, no rule changed): dev (253) tasks 0.968, spans 0.931,
        # dates 0.919, targets 0.906, lead 0.931, support 0.888 (c488, a shared-site preview of a table run together,
        # misses its 13 support units as c502 does); held-out (150) tasks 0.908, spans 0.810, dates 0.805, targets 0.797,
        # lead 0.748, support 0.830 (c491, a complete district plan whose task table arrives one cell per line,
        # carries most of the fall). Set change, not rule change: each floor that figure minus about 0.01-0.02.
        # corpus17a and corpus17b merged (2026-11-30, session 11, no rule changed): dev (268) tasks 0.969, spans
        # 0.930, dates 0.912, targets 0.913, lead 0.912 (c524's fifteen departments listed before 等…牵头 and c510's
        # units acting in sentences: 7 of the ten new dev documents' 49 lead units are found), support 0.900;
        # held-out (155) tasks 0.906, spans 0.806, dates 0.804, targets 0.790, lead 0.761, support 0.829. Set change:
        # dev lead's floor 0.90.
        # End of session 12 (2026-11-30, every branch merged, split moves in corpus/split.yaml's notes): dev (290) tasks
        # 0.974, spans 0.929, dates 0.917, targets 0.912, lead 0.926, support 0.933; held-out (145) tasks 0.916, spans
        # 0.832, dates 0.827, targets 0.820, lead 0.752, support 0.850. Floors raised to about each figure minus 0.01-0.02.
        # Session 13 (2026-11-30): a second systematic sample and nine documents rule writers saw moved to dev, 31 fresh
        # documents held out (corpus19a-e: short page openings of task tables, county and township notices, HK and
        # Taiwan pages), and eval's unit matching made strict (no bare ending matches). The session's start code on the
        # new 157 held-out: tasks 0.919, spans 0.812, dates 0.799, targets 0.801, lead 0.699, support 0.697 (set change);
        # its end code: 0.921, 0.812, 0.799, 0.802, 0.717, 0.765; dev (313) 0.975, 0.932, 0.921, 0.911, 0.930, 0.947.
        # Each floor about the end figure minus 0.01-0.02.
        # Session 14 (2026-12-01): a third systematic sample (ten) and ten documents rule writers saw moved to dev, 29
        # fresh documents held out (corpus20a-e: page openings of role statements and task lists, work reports, ministry
        # and Traditional pages). The session's start code on the new 166 held-out: tasks 0.923, spans 0.810, dates
        # 0.801, targets 0.805, lead 0.684, support 0.724 (set change); its end code the same but lead 0.687; dev (333)
        # 0.973, 0.930, 0.919, 0.913, 0.930, 0.947. Held-out lead and support floors follow the set change.
        # Session 18 (2026-12-01): c624, c630 and c631 moved from held-out to dev (their per-document scores were read
        # at the end of session 17) with no rule changed: dev (349) tasks 0.957, spans 0.927, dates 0.910, targets
        # 0.918, lead 0.901, support 0.904; held-out (180) tasks 0.944, spans 0.848, dates 0.847, targets 0.793, lead
        # 0.768, support 0.727. Set change: dev tasks, lead and support floors follow it (minus about 0.01).
        # End of session 18 (c624, c630, c631 read whole by tables24): dev (350) tasks 0.979, spans 0.936, dates 0.929,
        # targets 0.928, lead 0.933, support 0.954. Each floor about that figure minus 0.01-0.02.
        # End of session 20 (targets26b's Latin header units and 对 pairs read dev c624's and c625's figures): dev (359)
        # targets 0.944, so its floor rises to 0.93; tasks 0.982, spans 0.940, dates 0.932 keep theirs.
        # Session 24: nine dev notices of kinds dev lacked (c731-c733, c743-c745, c766-c768, gold written before any run;
        # c731's three grid-company leads all missed) and c612, c754 moved from held-out put dev (391) lead at 0.918 with
        # the start code and the end code: set change, lead floor 0.91.
        # Session 25: c751 and c765 moved from held-out (102 task lines of attachments glued after the signature) put
        # dev (393) tasks at 0.970 with the start code and the end code: set change, the tasks floor 0.96 stands.
        # Session 28: sixteen held-out documents moved to dev (ten by count, on purpose, to be read: c417, c632, c635, c637,
        # c659, c661, c670, c691, c716, c718; c673 and c772 seen) and conventions34's five 零 goals put dev (412) at tasks
        # 0.927, spans 0.931, dates 0.921, targets 0.923, lead 0.880, support 0.903 with the start code; the session's rules,
        # written from those documents, bring it to 0.964, 0.932, 0.922, 0.926, 0.901, 0.935: set change first, floors that
        # end figure minus about 0.01.
        # Session 29: eighteen held-out documents moved to dev (eleven by count, on purpose, to be read: c617, c638, c640,
        # c653, c678, c757, c758 for units and task lines, c594, c606, c609, c736 for targets; seven that rule writers saw:
        # c265, c585, c634, c645, c672, c700, c724) put dev (430) at tasks 0.957, spans 0.926, dates 0.919, targets 0.908,
        # lead 0.852, support 0.917 with the start code; the session's rules bring it to 0.959, 0.932, 0.930, 0.914, 0.873,
        # 0.927: set change first (lead most: the moved documents hold many units the code misses), floors that end
        # figure minus about 0.01.
        # Session 37: 22 fresh dev notices (c919-c941 but c940: 民生实事 lists and tables, 活动方案, county openings; read at
        # dev dates 0.20 by the start code) and eight held-out documents moved to dev because rule writers or the lead saw
        # them put dev (469) at dates 0.916 with the start code: set change, not rule change; the dates floor is that minus
        # about 0.01.
        # Session 51: corpus59 (38 fresh page openings and notices, c1178-c1216; first run at lead 0.38, support 0.24) put
        # dev (732) at spans 0.916, dates 0.904, targets 0.898, support 0.904 with the start code (d995418a): set change,
        # spans floor 0.91, dates 0.89, targets 0.89, support 0.90.
        # Session 53: corpus61 (63 fresh documents in dev, 18 of them an unread wave E kept for the next session's first
        # measure) put dev (849) at spans 0.910, lead 0.863 with the end code (0.911 and 0.870 on the 831 before wave E): set
        # change, spans floor 0.90.
        # Session 61: corpus69 (24 fresh dev documents, c1622-c1645; first run at support 6 of 18 on the first nine) put
        # dev (1041) at support 0.898 with the start code (d671505f; tasks 0.958, spans 0.905, dates 0.895, targets
        # 0.901, lead 0.866): set change, support floor 0.89.
        # Session 63: corpus71 (24 fresh dev documents, c1694-c1717; first run at dates 38/43/67, targets 52/57/135) put dev
        # (1089) at dates 0.889 (tasks 0.959, spans 0.907, targets 0.895, lead 0.863, support 0.901): set change, dates
        # floor 0.88.
        # Session 64: corpus72 (24 fresh dev documents, c1730-c1753; first run at lead 23/39/55, support 15/20/37) put dev
        # (1113) at lead 0.856 with the start code (6dc0a38e; tasks 0.959, spans 0.908, dates 0.894, targets 0.895, support
        # 0.896): set change, lead floor 0.85.
        # Session 69: corpus77 (24 fresh dev documents, c1909-c1932; first run at targets 23/45/35, c1915's 第 6週齡 and
        # c1929's run-on goals) put dev (1232) at targets 0.8899 with the start code (3dba8673; tasks 0.955, spans 0.906,
        # dates 0.894, lead 0.854, support 0.897): set change, targets floor 0.88.
        "dev": {"tasks": 0.95, "deadline_spans": 0.90, "deadline_dates": 0.88, "targets": 0.88,
                "lead_units": 0.85, "support_units": 0.89},
        # session 15: six held-out documents holding 45% of held-out disagreements moved to dev (split.yaml) and 13
        # fresh ones came in: held-out 171 measures tasks .960, spans .826, dates .813, targets .792, lead .780,
        # support .760 at the end of the session; each held-out floor is that figure minus about 0.01.
        # session 16: ten fresh held-out documents (c615-c624) came in before any rule changed; the start code
        # (fab2b0e) on the 181 measures tasks .904, spans .827, dates .813, targets .748, lead .740, support .768
        # (c624, a 116-row 任务分工表 with two indicator tables, alone: tasks 40 of 116, targets 6 of 68). Set
        # change, not rule change: tasks, targets and lead floors follow it (that figure minus about 0.01).
        # session 17: four fresh held-out task/indicator-table notices (c630-c633) came in before any rule changed;
        # the start code (ccae187) on the 183 measures tasks .811, spans .844, dates .842, targets .748, lead .671,
        # support .434 (c633 alone: 152 false supports from a project list's unit column). Set change first; the
        # session's table rules then bring the 183 to tasks .90, spans .85, dates .85, targets .76, lead .69, support
        # .56. Each held-out floor is the end figure minus about 0.01-0.02.
        # session 18: c624, c630, c631 moved to dev, c352 too (a rule writer saw its page), nine fresh held-out notices
        # (c634-c642, c644; six of the task- or indicator-table shape) came in before any rule changed. The start code
        # (fec72ed) on the 188 measures tasks .905, spans .864, dates .869, targets .805, lead .723, support .605; the end
        # code tasks .915, spans .866, dates .872, targets .812, lead .737, support .609. Each floor about the end
        # figure minus 0.01-0.02.
        # Session 19 (2026-12-01): eight fresh held-out notices (c651-c653, c657-c661: task lists numbered on across
        # their groups, 任务N labels, a 职责分工 section) score tasks 0.667 with the start code and the end code alike,
        # and put held-out tasks at 0.887 (193 documents): set change, floor 0.87.
        # End of session 20: fifteen fresh held-out notices (c645-c650, c654-c656, c666-c671) and c484, c505 moved to dev
        # put held-out (206) at tasks 0.886, spans 0.870, dates 0.871, targets 0.812, lead 0.726, support 0.637 (start
        # code: 0.886, 0.864, 0.871, 0.812, 0.725, 0.635): the floors stand.
        # Session 21: twelve fresh held-out notices rich in role statements (c672-c675, c677, c678, c690-c695; lead
        # 0.64, support 0.27 with start and end code alike; a blind second reading of five agrees with their gold at
        # lead 0.99), c77 and c555 moved to dev put held-out (216) at lead 0.718 with the start code and the end code: set
        # change, lead floor 0.70. The others stand (end: tasks 0.890, spans 0.875, dates 0.875, targets 0.814,
        # support 0.611).
        # Session 22: five fresh held-out notices (c697-c701), c613/c692/c695 moved to dev put held-out (218) at support
        # 0.624 with the start code; the units28b rules bring it to 0.630 (end: tasks 0.893, spans 0.875, dates 0.874,
        # targets 0.813, lead 0.726): support floor 0.60, the others stand.
        # Session 23: 21 fresh held-out notices (c706-c711, c716-c730; lead 0.454, support 0.190 with start and end code
        # alike) and c62/c501 moved to dev put held-out (237) at lead 0.704 and support 0.593 with the start code and the
        # end code: set change, lead floor 0.68, support 0.57. The others stand (end: tasks 0.896, spans 0.874, dates
        # 0.872, targets 0.803).
        # Session 24: 26 fresh held-out notices (c734-c742, c746-c748, c751-c753, c755-c765; lead 0.525, support 0.464
        # with start and end code alike), c612 and c754 moved to dev and c749 withdrawn put held-out (262) at tasks 0.882,
        # spans 0.864, dates 0.860, targets 0.802, lead 0.683, support 0.588 with the start code and the end code: set
        # change, lead floor 0.67.
        # Session 25: six fresh held-out page openings (c769-c774; dates 2 of 6 with start and end code alike) and c751,
        # c765 moved to dev put held-out (266) at dates 0.850 with the start code (tasks 0.894, spans 0.862, targets
        # 0.802, lead 0.682, support 0.587): set change, dates floor 0.84. The session's role rules bring support to
        # 0.606 (end: spans 0.863, dates 0.853, lead 0.682): support floor 0.59.
        # Session 26: six fresh held-out page openings (c775-c780) and c44, c708, c755 moved to dev put held-out (269)
        # at tasks 0.893, spans 0.860, dates 0.849, targets 0.800, lead 0.681, support 0.605 with the start code; the
        # session's name rules bring support to 0.612 (lead 0.682): the floors stand.
        # Session 27: twelve fresh held-out page openings (c781-c792) and c604, c674, c437, c445 moved to dev put held-out
        # (277) at tasks 0.892, spans 0.862, dates 0.846, targets 0.804, lead 0.683, support 0.629 with the start code (end:
        # lead 0.685, the rest equal): set change, support floor 0.61.
        # Session 28: twelve fresh held-out page openings (c793-c804) and sixteen moved to dev (ten of them the held-out
        # documents losing most task paths and units, moved by count on purpose) put held-out (277) at tasks 0.957, spans
        # 0.861, dates 0.841, targets 0.824, lead 0.729, support 0.718 with the start code (0.892, 0.862, 0.846, 0.804,
        # 0.685, 0.629 on the set before); the rules written from the moved documents bring the rest to tasks 0.966, spans
        # 0.864, dates 0.845, targets 0.825, lead 0.746, support 0.775. Each floor about that end figure minus 0.01-0.02.
        # Session 29: thirty-six fresh held-out page openings (c805-c840) and eighteen moved to dev (eleven of them the
        # held-out documents losing most units, task lines and targets, moved by count on purpose) put held-out (295) at
        # tasks 0.978, spans 0.861, dates 0.837, targets 0.859, lead 0.818, support 0.811 with the start code (0.966, 0.864,
        # 0.845, 0.825, 0.746, 0.775 on the set before); the end code reads the same 295 alike (dates 0.838, lead 0.819):
        # set change, not rule change. Each floor about that figure minus 0.01-0.02.
        # Session 30: twelve fresh held-out notices (c841-c852; six complete Shanghai notices, six page openings) put
        # held-out (307) at tasks 0.976, spans 0.863, dates 0.842, targets 0.842, lead 0.795, support 0.804 with the start
        # code and the end code alike (the fresh lead units: 17 of 65 found): set change, lead floor 0.78, targets 0.83.
        # Sessions 31-32: twenty-four fresh held-out notices (c853-c876; twelve complete texts, six of them town, street
        # and ministry notices with duty sections) and c649 moved to dev by count put held-out (330) at tasks 0.976, spans
        # 0.852, dates 0.844, targets 0.835, lead 0.776, support 0.811 with the start code (e04c9f70); the end code reads
        # spans 0.853, dates 0.845, lead 0.779, support 0.815 (fresh lead units: 28 of 74 found): set change, lead floor
        # 0.76, targets 0.82, spans 0.84.
        # Session 35: sixteen fresh held-out notices (c897-c904, c911-c918; the second eight mostly 民生实事 tables and
        # activity plans with long 配合/协办 lists: support 38 of 100 found) put held-out (364) at tasks 0.972, spans 0.855,
        # dates 0.837, targets 0.838, lead 0.769, support 0.766 with the start code (5ea28be4) and the end code alike: set
        # change, support floor 0.75.
        "held-out": {"tasks": 0.96, "deadline_spans": 0.84, "deadline_dates": 0.83, "targets": 0.82,
                "lead_units": 0.76, "support_units": 0.75},
    }
    for group, fields in floors.items():
        for field, floor in fields.items():
            assert groups[group][field]["f1"] >= floor, (group, field, groups[group][field])


def test_a_figure_carried_by_few_documents_gets_a_wide_interval_and_an_unchanged_run_no_change() -> None:
    from govplan.evaluate import f1_change, f1_interval

    even = [(8, 10, 10)] * 20  # every document scores alike
    one_heavy = [(0, 2, 2)] * 19 + [(200, 200, 200)]  # one document holds almost every item
    low, high = f1_interval(even)
    assert round(low, 9) == round(high, 9) == 0.8
    low, high = f1_interval(one_heavy)
    assert high - low > 0.5 and low < 0.2 < 0.9 < high
    assert f1_change(one_heavy, one_heavy) == (0.0, 0.0, 0.0)
    better = [(9, 10, 10)] * 20
    delta, low, high = f1_change(even, better)
    assert round(delta, 3) == 0.1 and low > 0
    # one document's gain, the rest unchanged: within what the choice of documents could give
    delta, low, high = f1_change(even, [(10, 10, 10)] + even[1:])
    assert delta > 0 and low == 0.0


def test_eval_prints_intervals_and_eval_diff_compares_two_runs(run_cli, tmp_path) -> None:
    import subprocess
    import sys

    result = run_cli("eval", "--split", "seeds", "--json", "--interval", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    low, high = payload["f1_interval"]["all"]["tasks"]
    assert low <= payload["total"]["tasks"]["f1"] <= high
    (tmp_path / "run.json").write_text(result.stdout, encoding="utf-8")
    diff = subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_diff.py"), str(tmp_path / "run.json"), str(tmp_path / "run.json")],
                          capture_output=True, text=True, check=True)
    assert "tasks           +0.000  [+0.000, +0.000]  within noise" in diff.stdout


def test_no_text_is_scored_twice() -> None:
    # A held-out text that is also a dev text measures nothing unseen, and a text scored twice weighs double:
    # every source the split scores must be its own text, not a copy or an excerpt of another (30-character
    # windows; a second annotation of a text belongs in corpus/agreement/).
    import re

    from govplan.gold import gold_files, load_gold, load_split, source_text

    split = load_split(ROOT / "corpus" / "split.yaml")
    texts: dict[str, str] = {}
    for folder in split.corpora:
        for path in gold_files(folder):
            document = load_gold(path)
            texts.setdefault(str(document.source), re.sub(r"\s+", "", source_text(document)))
    windows = {name: {text[i:i + 30] for i in range(0, max(1, len(text) - 30), 10)} for name, text in texts.items()}
    names = sorted(windows, key=lambda name: len(windows[name]))
    held = [(a, b) for k, a in enumerate(names) for b in names[k + 1:]
            if windows[a] and len(windows[a] & windows[b]) >= 0.9 * len(windows[a])]
    assert held == []


@pytest.mark.parametrize(("predicted", "gold", "same"), [
    ("市委组织部", "泰州市委组织部", True),  # a place before the gold name
    ("镇卫生院", "卫生院", True),
    ("国家税务总局", "税务总局", True),  # a national body's full name against its short one
    ("县文明委", "州、县文明委", True),  # a joint level written once
    ("局", "市城市管理局", False),  # a bare ending is another unit
    ("镇城建办镇农技站", "镇农技站", False),  # two names run together are not the second
    ("农办", "新农办", False),
])
def test_a_unit_matches_gold_only_by_its_name_or_with_a_place_before_it(predicted, gold, same) -> None:
    from govplan.evaluate import _same_unit

    assert _same_unit(predicted, gold) is same


def test_path_shapes_counts_differing_lines_by_shape_alone() -> None:
    # scripts/path_shapes.py tells which outline shapes cost most on held-out without a word of its text
    import importlib.util

    from govplan.evaluate import DocumentScore, Miss

    spec = importlib.util.spec_from_file_location("path_shapes", ROOT / "scripts" / "path_shapes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.path_shape("附件1.二.(三).4") == "附件1/一/(一)/1"
    score = DocumentScore("x.yaml", misses=[Miss("tasks", "missed", 7, "附件.一.(二)", "加强领导", cause="level up"),
                                            Miss("tasks", "spurious", 7, "一.(二)", "加强领导", cause="level up"),
                                            Miss("tasks", "missed", 9, "一.(三)", "", cause="no node")])
    assert module.shape_pairs([score]) == {("level up", "附件/一/(一)", "一/(一)"): 1}
