"""The review page in a real browser (headless Chromium through chromedriver): highlights, a click, a screenshot.

Skipped only when no browser is installed; .ci/run installs Debian's chromium so CI runs it. The
screenshot is kept as an artifact in the test's temporary directory (the path is printed).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from test_review import KINDS, SPEC_002, expected_counts

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--window-size=1400,900",
)
COUNT_KINDS = """
const seen = {};
for (const el of document.querySelectorAll('#text span[data-m]')) {
  const kind = [...el.classList].find(c => c.startsWith('k-')).slice(2);
  seen[el.dataset.m] = kind;
}
const counts = {};
for (const kind of Object.values(seen)) counts[kind] = (counts[kind] || 0) + 1;
return counts;
"""
IN_VIEW = """
const text = document.getElementById('text').getBoundingClientRect();
const marks = [...document.querySelectorAll('#text [data-m="' + arguments[0] + '"]')];
const box = marks[0].getBoundingClientRect();
return {current: marks.every(m => m.classList.contains('current')), inView: box.top >= text.top && box.bottom <= text.bottom,
        text: marks.map(m => m.textContent).join('')};
"""


@pytest.fixture
def browser(tmp_path: Path):
    """A headless Chromium with a fresh profile; skips the test where none is installed."""
    webdriver = pytest.importorskip("selenium.webdriver")
    if not (Path(CHROMIUM).is_file() and Path(CHROMEDRIVER).is_file()):
        pytest.skip("no chromium/chromedriver installed")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + (f"--user-data-dir={tmp_path / 'profile'}",):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def test_the_review_page_in_a_browser(run_cli, tmp_path: Path, browser) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "review-002.html"
    result = run_cli("review", str(SPEC_002), "-o", str(page), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    browser.get(page.as_uri())

    counts = browser.execute_script(COUNT_KINDS)
    expected = expected_counts(SPEC_002)
    assert {kind: counts.get(kind, 0) for kind in KINDS} == {kind: expected[kind] for kind in KINDS}

    task = browser.find_element(By.XPATH, '//button[span[@class="tid" and text()="二.(四).2"]]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", task)
    task.click()
    key = task.get_attribute("data-target")
    shown = browser.execute_script(IN_VIEW, key)
    assert shown["current"] and shown["inView"]
    assert shown["text"].startswith("2. 精准核实务工信息") and "每月25日前" in shown["text"]
    deadline = task.find_element(By.XPATH, '../div[@class="facts"]/div[contains(@class, "k-deadline")]')
    assert deadline.is_displayed()  # the task shows its facts once clicked

    deadline.click()
    shown = browser.execute_script(IN_VIEW, deadline.get_attribute("data-target"))
    assert shown == {"current": True, "inView": True, "text": "每月25日前"}
    assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-shown") == deadline.get_attribute("data-target")

    browser.execute_script("document.getAnimations().forEach(a => a.finish())")
    screenshot = tmp_path / "review-002.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 10_000
    print(f"screenshot: {screenshot}")
