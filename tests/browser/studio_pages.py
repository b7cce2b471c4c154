#!/usr/bin/python3
"""studio_pages.py BASE_URL SEED_TEXT BANNER_PNG OUT_DIR [DOCS_DIR]

Placard Studio's pages in a real browser (Debian's chromium, driven by chromedriver through
python3-selenium), as admins use them:
  an editor signs in, makes a draft, pastes the seed page's text and gets the article's fields
  filled, puts it in the draft, uploads a banner (its crops show), saves and submits;
  a reviewer signs in, opens the draft, approves and publishes it;
  the page's preview of the new version is saved to OUT_DIR/preview.png (the caller compares it
  with the player's own screenshot);
  the preview follows unsaved edits (the live preview);
  the reviewer publishes an urgent notice (version 3: the preview is the red notice screen) and
  cancels it with an all-clear card (version 4).
With DOCS_DIR, screenshots of the pages are written there for the README.
Every wait has a deadline (a loaded machine is slow, never wrong); a failure prints the page's
status line and exits 1.
"""
import sys
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

import studio_browser
from studio_browser import DEADLINE, check, click, driver, element, fail, ok, sign_in, status_says, wait

base, seed, banner, out = sys.argv[1:5]
docs = sys.argv[5] if len(sys.argv) > 5 else None
def preview_pixel(x, y):
    """The preview's pixel at (x, y) as fractions of its size, once the picture is loaded."""
    return driver.execute_script("""
        const i = document.getElementById('preview');
        if (!i.complete || i.naturalWidth === 0) return null;
        const c = document.createElement('canvas');
        c.width = i.naturalWidth; c.height = i.naturalHeight;
        const g = c.getContext('2d'); g.drawImage(i, 0, 0);
        return Array.from(g.getImageData(Math.floor(c.width * arguments[0]),
                                         Math.floor(c.height * arguments[1]), 1, 1).data);""", x, y)


def set_value(id_, value, css=False):
    """Sets a field (by id, or CSS selector) as a person would leave it (its events fired)."""
    driver.execute_script("""
        const e = arguments[2] ? document.querySelector(arguments[0]) : document.getElementById(arguments[0]);
        e.value = arguments[1];
        e.dispatchEvent(new Event('input', {bubbles: true}));
        e.dispatchEvent(new Event('change', {bubbles: true}));""", id_, value, css)


try:
    # A wrong password first: the page says why, in Chinese.
    driver.get(base + "/")
    element("user").send_keys("编辑甲")
    element("password").send_keys("not the password")
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".message"), "用户名或密码不正确"))
    ok("a wrong password: the sign-in page says 用户名或密码不正确")
    if docs:
        driver.set_window_size(900, 700)
        driver.save_screenshot(docs + "/studio-sign-in.png")
        driver.set_window_size(1400, 1800)

    sign_in("编辑甲", "editor password 1")
    ok("the editor signed in")
    click("new-draft")
    wait.until(EC.visibility_of_element_located((By.ID, "editor")))
    ok("a new draft is open: " + driver.find_element(By.ID, "draft-title").text)

    # Paste the seed page's text: the importer fills the fields.
    with open(seed, encoding="utf-8") as text:
        driver.execute_script("document.getElementById('paste').value = arguments[0];", text.read())
    click("import")
    wait.until(lambda d: d.find_element(By.ID, "article-title").get_attribute("value") != "")
    title = driver.find_element(By.ID, "article-title").get_attribute("value")
    highlights = driver.find_element(By.ID, "article-highlights").get_attribute("value")
    published = driver.find_element(By.ID, "article-published").get_attribute("value")
    if title == "持之以恒建强机关党支部" and highlights.count("\n") >= 1 and published == "2017-07-25":
        ok(f"the pasted page filled the article: 《{title}》, {published}, highlights")
    else:
        fail(f"the article's fields: {title!r} {published!r} {highlights!r}")
    field = driver.find_element(By.ID, "article-id")
    field.clear()
    field.send_keys("pasted")
    # Every field stays editable: the editor marks the title as a reprint.
    driver.find_element(By.ID, "article-title").send_keys("——工作室转载")
    click("put-article")
    check(status_says("已放入草稿"), "the article is in the draft", "the article was not put in the draft")
    # The live preview: the unsaved draft, drawn by the server as the editor edits.
    wait.until(lambda d: d.find_element(By.ID, "preview").get_attribute("src").startswith("blob:"))
    wait.until(EC.text_to_be_present_in_element((By.ID, "preview-of"), "尚未保存"))
    wait.until(lambda d: d.execute_script(
        "const i = document.getElementById('preview'); return i.complete && i.naturalWidth === 1920;"))
    ok("the preview follows the unsaved edits (" + element("preview-of").text + ")")

    # Screen hours from the form, seen in the preview at a chosen time: working days 08:00 to
    # 18:00 leave Saturday 2026-11-28 22:00 black and Friday 10:00 lit. Then back to always on
    # (what the screens below show must not depend on when the test runs).
    Select(driver.find_element(By.CSS_SELECTOR, "#screen-hours > select")).select_by_value("windows")
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#screen-hours .window select")))
    set_value("preview-time", "2026-11-28T22:00")
    wait.until(lambda d: preview_pixel(0.5, 0.04) == [0, 0, 0, 255] and "尚未保存" in element("preview-of").text)
    ok("screen hours set in the form: the preview at Saturday 22:00 is black (the screen is off)")
    set_value("preview-time", "2026-11-27T10:00")
    wait.until(lambda d: (preview_pixel(0.5, 0.04) or [0, 0, 0])[:3] != [0, 0, 0])
    ok(f"and at Friday 10:00 the screen is on (header {preview_pixel(0.5, 0.04)[:3]})")
    if docs:
        driver.execute_script("document.getElementById('screen-hours').scrollIntoView()")
        driver.save_screenshot(docs + "/studio-screen-hours.png")
    Select(driver.find_element(By.CSS_SELECTOR, "#screen-hours > select")).select_by_value("always")
    set_value("preview-time", "")

    # A channel added in the form shows in the table (and in the article form's channel list).
    set_value("channel-id", "dwgk")
    set_value("channel-title", "党务公开")
    click("add-channel")
    wait.until(EC.text_to_be_present_in_element((By.ID, "channels"), "dwgk"))
    check(any(o.get_attribute("value") == "dwgk" for o in
              driver.find_elements(By.CSS_SELECTOR, "#article-channel option")),
          "a channel added in the form is offered for articles", "the new channel is not offered")
    wait.until(EC.element_to_be_clickable(
        (By.XPATH, "//table[@id='channels']//tr[td[text()='dwgk']]//button[text()='删除']"))).click()
    wait.until(lambda d: "dwgk" not in element("channels").text)
    ok("and deleted again (a channel no article uses)")

    # A banner: upload, see its crops, put it first.
    driver.find_element(By.ID, "banner-file").send_keys(banner)
    wait.until(EC.visibility_of_element_located((By.ID, "crops")))
    if not status_says("图片已上传"):
        fail("the upload")
    ok("the banner uploaded; its crops for the three slots show")
    driver.find_element(By.ID, "banner-caption").send_keys("浏览器里上传的横幅")
    Select(driver.find_element(By.ID, "banner-article")).select_by_value("pasted")
    # Its schedule from the form: every day, the whole day (a time field's 00:00 "to" is 24:00).
    Select(driver.find_element(By.CSS_SELECTOR, "#banner-schedule > select")).select_by_value("windows")
    set_value("#banner-schedule .window select", "every_day", css=True)
    set_value("#banner-schedule .window input[type=time]", "00:00", css=True)
    set_value("#banner-schedule .window > label:nth-of-type(2) input", "00:00", css=True)
    click("put-banner")
    check(status_says("横幅已放入草稿"), "the banner is in the draft", "the banner was not put in the draft")

    click("save")
    check(status_says("草稿已保存"), "the draft saved (the server checked it as a screen would)", "save")
    saved = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch('/api/drafts/' + draft.id).then((r) => r.json()).then((d) => done(d.feed.banners[0]));""")
    check(saved.get("schedule") == {"windows": [{"from": "00:00", "to": "24:00"}]},
          "the banner's schedule from the form is saved: " + str(saved.get("schedule")),
          "the banner's schedule: " + str(saved))
    if docs:
        driver.save_screenshot(docs + "/studio-editor.png")
    driver.find_element(By.ID, "step-note").send_keys("转载一篇文章，新增横幅")
    click("submit")
    check(status_says("待审核"), "submitted for review", "submit")
    # An editor's page offers no approve button (the server would refuse it anyway).
    if driver.find_element(By.ID, "approve").is_displayed():
        fail("the editor's page shows 审核通过")

    sign_in("审核乙", "reviewer password")
    ok("the reviewer signed in")
    wait.until(EC.presence_of_element_located((By.XPATH, "//table[@id='drafts']//button[text()='打开']"))).click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "draft-state"), "待审核"))
    click("approve")
    check(status_says("已通过"), "approved by the reviewer", "approve")
    click("publish")
    check(status_says("已发布为版本 2"), "published as version 2", "publish")
    wait.until(EC.text_to_be_present_in_element((By.ID, "versions"), "v2（当前）"))
    wait.until(EC.text_to_be_present_in_element((By.ID, "versions"), "新增文章《持之以恒建强机关党支部——工作室转载》"))
    ok("the history shows v2 with what changed")

    # The preview the page shows, saved for the caller to compare with the player's screenshot.
    wait.until(lambda d: "version/2" in d.find_element(By.ID, "preview").get_attribute("src"))
    wait.until(lambda d: d.execute_script(
        "const i = document.getElementById('preview'); return i.complete && i.naturalWidth > 0;"))
    source = driver.find_element(By.ID, "preview").get_attribute("src")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(source.split("&n=")[0], headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=DEADLINE) as answer, open(out + "/preview.png", "wb") as png:
        png.write(answer.read())
    ok("the page shows the preview of version 2: " + source.split("?")[0])
    if docs:
        driver.execute_script("document.getElementById('preview-section').scrollIntoView()")
        driver.save_screenshot(docs + "/studio-review.png")

    # 紧急插播: the reviewer publishes an urgent notice at once (version 3), then cancels it (4).
    element("notice-title").send_keys("消防演练")
    element("notice-text").send_keys("请沿疏散指示标志有序撤离。")
    click("publish-notice")
    check(status_says("已插播，发布为版本 3"), "the urgent notice is published as version 3", "notice")
    wait.until(EC.text_to_be_present_in_element((By.ID, "notices"), "消防演练"))
    wait.until(lambda d: "version/3" in d.find_element(By.ID, "preview").get_attribute("src"))
    red = wait.until(lambda d: d.execute_script("""
        const i = document.getElementById('preview');
        if (!i.complete || i.naturalWidth === 0) return null;
        const c = document.createElement('canvas');
        c.width = i.naturalWidth; c.height = i.naturalHeight;
        const g = c.getContext('2d'); g.drawImage(i, 0, 0);
        return Array.from(g.getImageData(40, c.height / 2, 1, 1).data);"""))
    check(red[0] > 150 and red[1] < 80 and red[2] < 80, f"the preview of version 3 is the red notice screen {red[:3]}",
          f"the preview of version 3 is not red: {red}")
    if docs:
        driver.execute_script("document.getElementById('notice-section').scrollIntoView()")
        driver.save_screenshot(docs + "/studio-notice.png")
    element("notice-all-clear").send_keys("演练结束，恢复正常秩序。")
    wait.until(EC.element_to_be_clickable((By.XPATH, "//table[@id='notices']//button[text()='撤销']"))).click()
    check(status_says("插播已撤销，发布为版本 4"), "the notice is cancelled as version 4", "cancel")
    wait.until(EC.text_to_be_present_in_element((By.ID, "notices"), "已撤销"))
except Exception as error:  # A deadline passed or an element is missing: say where.
    fail(f"{type(error).__name__}: {error}".splitlines()[0])
finally:
    driver.quit()
sys.exit(1 if studio_browser.failures else 0)
