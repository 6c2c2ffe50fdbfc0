"""A live class in Chromium: a teacher starts one on the teacher's page, three students (separate browsers)
join by its link and answer a quiz exercise, and the dashboard shows the room as it comes, the forgotten
bias named; Show puts the distribution on a student's page; a reload keeps a student one student; the
dashboard's address without its key shows nothing of the class."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.e2e.serve import balanced
from tests.e2e.test_browser import TIMEOUT
from tests.e2e.test_replicas import need_haproxy, replica_of
from tests.live.conftest import postgres_url

EXERCISE = 3  # z = 1 and a = 1 (ReLU); the bias of -3 forgotten gives z = 4


def student_checks(browser: Browser, link: str, z: str, a: str, replica: str = "") -> Page:
    """A student on a phone of their own (on that replica, where one is named): the link opened, the class
    joined, z and a checked."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    if replica:  # the balancer's sticky cookie, set before the first visit
        context.add_cookies([{"name": "REPLICA", "value": replica, "url": link.split("/quiz")[0]}])
    page = context.new_page()
    page.goto(link)
    expect(page.get_by_text(re.compile(r"^Part of class"))).to_be_visible(timeout=TIMEOUT)
    page.get_by_label("your z").fill(z)
    page.get_by_label("your a").fill(a)
    page.get_by_role("button", name="Check").tap()
    expect(page.get_by_test_id("stAlert").first).to_be_visible(timeout=TIMEOUT)  # the mark, right or not
    return page


def test_a_live_class_from_the_teachers_page_to_the_dashboard(browser: Browser, page: Page, app_url: str):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_url}/teach?activity=quiz&view=seed%3D{EXERCISE}%26count%3D1")
    page.get_by_role("button", name="Start a live class with this link").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile(r"^Class [A-HJ-NP-Z2-9]{6}$"), timeout=TIMEOUT)
    code = heading.inner_text().split()[-1]
    dashboard = page.url
    assert re.search(rf"/dashboard\?class={code}&key=[A-Za-z0-9_-]{{22,}}$", dashboard)
    link = page.get_by_test_id("stCode").first.inner_text().strip()
    assert link == f"{app_url}/quiz?seed={EXERCISE}&class={code}"

    first = student_checks(browser, link, "1", "1")
    student_checks(browser, link, "1", "1")
    student_checks(browser, link, "4", "4")  # the bias forgotten
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("3", timeout=TIMEOUT)
    expect(page.get_by_role("heading", name=f"Exercise {EXERCISE}: 2 of 3 right")).to_be_visible(
        timeout=TIMEOUT
    )
    expect(
        page.get_by_text("Wrong answers with a likely cause: z = 4 (1 student): forgot the bias")
    ).to_be_visible()
    expect(
        page.get_by_role("figure", name=re.compile(r"answers for z: 1: 2 ✓ right; 4: 1 · forgot the bias"))
    ).to_be_visible()

    # Show to the class: the counts on a student's page, never which is right nor who gave them.
    page.get_by_text("Show the answers to the class").click()
    expect(first.get_by_role("heading", name="The class's answers: 3 so far")).to_be_visible(timeout=TIMEOUT)
    shown = first.get_by_role("figure", name=re.compile(r"answers for z"))
    expect(shown).to_have_attribute("aria-label", re.compile(r"^The room's answers for z: 1: 2; 4: 1\.$"))

    # A reload (or a reconnect) is the same student: its browser keeps the id.
    first.reload()
    expect(first.get_by_text(re.compile(r"^Part of class"))).to_be_visible(timeout=TIMEOUT)
    first.wait_for_timeout(3000)  # two refreshes of the dashboard
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("3")

    # The projector's view: large, the right answer and the causes not marked (the room talks it over).
    page.get_by_text("Projector view").click()
    expect(page.get_by_role("heading", name=f"Exercise {EXERCISE}: 3 answered")).to_be_visible(
        timeout=TIMEOUT
    )
    projected = page.get_by_role("figure", name=re.compile(r"answers for z"))
    expect(projected).to_have_attribute("aria-label", "The room's answers for z: 1: 2; 4: 1.")
    expect(page.get_by_test_id("stCode")).to_have_count(0)  # no link, no key on the screen
    page.get_by_text("Projector view").click()

    # The dashboard's address without the key, or with another, shows nothing of the class.
    other = browser.new_page()
    for address in (f"{app_url}/dashboard?class={code}", dashboard[:-3] + "xyz"):
        other.goto(address)
        expect(other.get_by_role("heading", level=1)).to_have_text("Dashboard", timeout=TIMEOUT)
        expect(other.get_by_text(code)).to_have_count(0)
        expect(other.get_by_test_id("stMetricValue")).to_have_count(0)
    other.close()

    # End class: everything deleted; the link joins nothing any more.
    page.get_by_role("button", name="End class").click()
    page.get_by_role("button", name="End the class now").click()
    expect(page.get_by_text(f"Class {code} has ended: everything it held is deleted")).to_be_visible(
        timeout=TIMEOUT
    )
    # a student's page says so at its next look (every few seconds), and a reload sends nothing
    expect(first.get_by_text(f"Class {code} has ended: nothing more is sent.")).to_be_visible(timeout=TIMEOUT)
    first.reload()
    expect(first.get_by_text(f"There is no live class {code} now")).to_be_visible(timeout=TIMEOUT)


def test_students_on_two_replicas_appear_on_one_dashboard(browser: Browser):
    """deploy/run's shape: two replicas behind HAProxy, one PostgreSQL for their live classes."""
    need_haproxy()
    with balanced(2, env={"NEURON_LIVE_URL": postgres_url()}) as (url, _):
        teacher = browser.new_context(viewport={"width": 1280, "height": 720})
        page = teacher.new_page()
        page.goto(f"{url}/teach?activity=quiz&view=seed%3D{EXERCISE}%26count%3D1")
        page.get_by_role("button", name="Start a live class with this link").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Class "), timeout=TIMEOUT)
        link = page.get_by_test_id("stCode").first.inner_text().strip()
        for replica, (z, a) in (("r1", ("1", "1")), ("r2", ("4", "4"))):  # one student on each replica
            student = student_checks(browser, link, z, a, replica)
            assert replica_of(student.context) == replica
        expect(page.get_by_test_id("stMetricValue").first).to_have_text("2", timeout=TIMEOUT)
        expect(page.get_by_role("heading", name=f"Exercise {EXERCISE}: 1 of 2 right")).to_be_visible(
            timeout=TIMEOUT
        )
        teacher.close()
