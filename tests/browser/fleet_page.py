#!/usr/bin/python3
"""fleet_page.py BASE_URL [DOCS_DIR]

The studio's 终端管理 in a real browser, with two screens reporting (the caller starts them:
终端甲 with its player, 终端乙 with its content service only): an admin sees both waiting,
accepts each (the page's prompt for a name), sees 终端甲 well and 终端乙 red with the reason,
asks 终端甲 for a screenshot and sees it arrive. With DOCS_DIR, a screenshot of the section is
written there for the README.
"""
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

import studio_browser
from studio_browser import check, driver, fail, ok, sign_in, status_says, wait

docs = sys.argv[2] if len(sys.argv) > 2 else None


def row_of(table, name):
    """The row of `table` whose first text cell names `name`, once there is one."""
    return wait.until(lambda d: next((r for r in d.find_elements(By.CSS_SELECTOR, f"#{table} tbody tr")
                                      if name in r.text), None))


def press_in_row(table, name, label):
    """Presses the button `label` in the row of `table` naming `name`, found and pressed in one
    step in the page: the page redraws its tables every ten seconds, and a button found before
    a redraw is no longer the one on the page."""
    wait.until(lambda d: d.execute_script("""
        const row = [...document.querySelectorAll('#' + arguments[0] + ' tbody tr')]
          .find((r) => r.textContent.includes(arguments[1]));
        const button = row && [...row.querySelectorAll('button')].find((b) => b.textContent === arguments[2]);
        if (!button) return false;
        setTimeout(() => button.click(), 0);  // After the script: a prompt would block it.
        return true;""", table, name, label))


try:
    sign_in("管理员", "admin password")
    ok("the admin signed in")
    for name in ("终端甲", "终端乙"):
        row = row_of("pending-screens", name)
        ok(f"{name} waits to be accepted: {row.text!r}")
        press_in_row("pending-screens", name, "接入")
        wait.until(EC.alert_is_present()).accept()  # The prompt's name: the one it enrolled with.
        check(status_says(f"已接入终端“{name}”"), f"{name} accepted", f"accepting {name}")
    well = wait.until(lambda d: (r := row_of("screens", "终端甲")).get_attribute("data-state") in ("green", "amber") and r)
    ok(f"终端甲 is {well.get_attribute('data-state')}: {well.text!r}")
    # Red at once (accepted, not reported since), then red for its own reason at its next report.
    red = wait.until(lambda d: (r := row_of("screens", "终端乙")).get_attribute("data-state") == "red"
                     and "播放程序没有运行" in r.text and r)
    ok(f"终端乙, whose player does not run, is red: {red.text!r}")
    wait.until(EC.text_to_be_present_in_element((By.ID, "fleet-summary"), "有终端故障"))
    ok("the summary says a screen is failing: " + driver.find_element(By.ID, "fleet-summary").text)

    press_in_row("screens", "终端甲", "截屏")
    check(status_says("已向 1 台终端发出“截屏”"), "a screenshot of 终端甲 is asked for", "screenshot command")
    size = wait.until(lambda d: d.execute_script("""
        const row = [...document.querySelectorAll('#screens tbody tr')].find((r) => r.dataset.name === '终端甲');
        const img = row && row.querySelector('img.screenshot');
        return img && img.complete && img.naturalWidth > 0 ? [img.naturalWidth, img.naturalHeight] : null;"""))
    check(size == [640, 360], f"its screenshot is on the page ({size[0]}×{size[1]})", f"screenshot size {size}")
    if docs:
        driver.set_window_size(1400, 900)
        driver.execute_script("document.getElementById('fleet-section').scrollIntoView()")
        driver.save_screenshot(docs + "/studio-fleet.png")
except Exception as error:  # A deadline passed or an element is missing: say where.
    fail(f"{type(error).__name__}: {error}".splitlines()[0])
finally:
    driver.quit()
sys.exit(1 if studio_browser.failures else 0)
