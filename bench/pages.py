"""The page types the benchmark loads, found on the running site the way a visitor finds them."""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from bench.client import ACCEPT_ENCODING, Client
from bench.wrk import LoadSpec
from tests.support.checker import JOURNEYS, START, next_form, walk_checker
from tests.support.html import Form

ARTICLE_PATH = re.compile(r"^/guidance/[^/]+/$")


@dataclass(slots=True)
class Target:
    key: str
    label: str
    path: str
    method: str = "GET"
    form: dict[str, str | list[str]] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    note: str = ""  # why a stand-in page is loaded instead of the real one
    personal: bool = False  # rendered for one person from their cookie, never from a cache
    floor: bool = False  # the simplest rendered page, which personal pages are held to
    missing: str = ""  # why this page type cannot be measured on this build

    def load_spec(self) -> LoadSpec:
        headers = [("Accept-Encoding", ACCEPT_ENCODING)]
        if self.cookies:
            cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
            headers.append(("Cookie", cookie))
        if self.method == "POST":
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
            return LoadSpec("POST", urlencode(self.form, doseq=True), tuple(headers))
        return LoadSpec("GET", "", tuple(headers))


def _status(client: Client, path: str) -> int:
    return client.request("GET", path).status


def _article(client: Client) -> Target:
    target = Target("article", "An article", "")
    for index in ("/", "/guidance/"):
        response = client.request("GET", index)
        if response.status != 200:
            continue
        articles = [link for link in client.page(response).links() if ARTICLE_PATH.match(link)]
        if articles:
            target.path = articles[0]
            return target
    target.path = "/about/"
    target.note = "no /guidance/<slug>/ article linked yet: /about/ stands in"
    return target


def _emergency_screen(client: Client) -> Form | None:
    """The emergency screen: the first question, when it has a "None of these" answer."""
    page = client.fetch("GET", START, None)
    if next_form(page) is None and (link := page.start_link()):
        page = client.fetch("GET", link, None)
    form = next_form(page)
    return form if form is not None and _none_field(form) else None


def _none_field(form: Form) -> str | None:
    return next(
        (
            name
            for name, kind in form.kinds.items()
            if kind == "checkbox" and "none" in form.choices[name]
        ),
        None,
    )


def _checker_post(client: Client) -> Target:
    target = Target("checker_post", "Checker step POST", "", method="POST")
    form = _emergency_screen(client)
    if form is None:
        target.missing = "no emergency screen with a None of these answer under /check/"
        return target
    target.path = urlsplit(form.action).path
    target.form = {name: form.fields[name] for name, kind in form.kinds.items() if kind == "hidden"}
    target.form[_none_field(form) or ""] = ["none"]
    target.cookies = dict(client.cookies)
    # Prove the request wrk will repeat: a valid answer redirects to the next step.
    status = client.request("POST", target.path, target.form).status
    if status not in {302, 303}:
        target.missing = f"posting None of these to {target.path} answered {status}, not a redirect"
    return target


def _self_care_plan(client: Client) -> Target:
    target = Target("self_care_plan", "Self-care plan", "/self-care/")
    result = walk_checker(client.fetch, JOURNEYS["self_care"])
    # The result links to the hub (in the navigation) and to the plan itself: take the plan.
    plan_links = sorted(
        (
            link
            for link in result.links()
            if link.startswith("/self-care/") and link != "/self-care/"
        ),
        key=lambda link: "plan" not in link,
    )
    if plan_links:
        target.path = urlsplit(plan_links[0]).path
        target.cookies = dict(client.cookies)
        target.personal = True
    else:
        ended = urlsplit(result.url).path
        target.note = f"the checker ended at {ended} with no plan link: /self-care/ stands in"
    return target


def discover(base_url: str) -> tuple[list[Target], str]:
    """The page types to load, and the hashed stylesheet that serves as the ceiling."""
    client = Client(base_url)
    try:
        home = client.request("GET", "/")
        stylesheets = [
            url
            for url in client.page(home).subresources()
            if urlsplit(url).path.endswith(".css") and "print" not in url
        ]
        if home.status != 200 or not stylesheets:
            raise RuntimeError(f"the home page answered {home.status} with no stylesheet")
        plan = _self_care_plan(Client(base_url))
        # The checker's start page for the same visitor: with a cookie the page cache is skipped,
        # so this is the least any page rendered for one person costs on this stack.
        floor = Target(
            "floor", "Floor: start, rendered", "/check/", cookies=plan.cookies, floor=True
        )
        targets = [
            Target("home", "Home", "/"),
            _article(client),
            Target("checker_start", "Checker start", "/check/"),
            _checker_post(Client(base_url)),
            floor,
            plan,
        ]
        for target in targets:
            if target.method == "GET" and not target.missing:
                probe = Client(base_url)
                probe.cookies.update(target.cookies)
                status = _status(probe, target.path)
                probe.close()
                if status != 200:
                    target.missing = f"{target.path} answered {status}"
        return targets, urlsplit(stylesheets[0]).path
    finally:
        client.close()
