"""Atomic writes clean up after a process that was killed outright while writing."""

from __future__ import annotations

import os
import time
from pathlib import Path

from govplan.fsutil import write_atomic


def test_a_write_removes_its_targets_temporaries_left_by_a_killed_process(tmp_path: Path) -> None:
    target = tmp_path / "notice[1].yaml"  # glob characters in the name are taken literally
    left = tmp_path / ".notice[1].yaml.k3j9x.tmp"  # as a SIGKILLed extract leaves it
    left.write_text("half a spec")
    hour_ago = time.time() - 3600
    os.utime(left, (hour_ago, hour_ago))
    live = tmp_path / ".notice[1].yaml.live1.tmp"  # another process writing the same file now
    live.write_text("being written")
    other = tmp_path / ".other.yaml.zzz.tmp"
    other.write_text("not ours")
    os.utime(other, (hour_ago, hour_ago))

    write_atomic(target, "spec: 1\n")

    assert target.read_text() == "spec: 1\n"
    assert not left.exists() and live.exists() and other.exists()
