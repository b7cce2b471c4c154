"""The browser the studio's page tests drive: Debian's chromium through chromedriver and
python3-selenium, headless, and the helpers they share. Every wait has a deadline (a loaded
machine is slow, never wrong); a failure prints the page's status line.
"""
import sys

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base = sys.argv[1]
DEADLINE = 60

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1400,1800", "--lang=zh-CN"):
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
# The pages redraw their tables (the fleet's every ten seconds): an element found just before a
# redraw is gone, and the condition is looked at again rather than failing.
wait = WebDriverWait(driver, DEADLINE, ignored_exceptions=(StaleElementReferenceException,))
failures = 0  # Read by the test at its end.


def ok(text):
    print("ok: " + text, flush=True)


def fail(text):
    global failures
    failures += 1
    status = driver.find_element(By.ID, "status").text if driver.find_elements(By.ID, "status") else ""
    print(f"FAIL: {text} (status line: {status!r})", file=sys.stderr, flush=True)


def element(id_):
    return wait.until(EC.presence_of_element_located((By.ID, id_)))


def click(id_):
    wait.until(EC.element_to_be_clickable((By.ID, id_))).click()


def status_says(text):
    try:
        wait.until(EC.text_to_be_present_in_element((By.ID, "status"), text))
        return True
    except Exception:
        return False


def check(condition, good, bad):
    if condition:
        ok(good)
    else:
        fail(bad)


def sign_in(user, password):
    driver.delete_all_cookies()
    driver.get(base + "/")
    element("user").send_keys(user)
    element("password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait.until(EC.url_contains("/studio"))
    wait.until(EC.text_to_be_present_in_element((By.ID, "who"), user))


