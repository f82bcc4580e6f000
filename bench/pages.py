"""The page types the benchmark loads, found on the running site the way a visitor finds them."""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from bench.client import ACCEPT_ENCODING, Client
from bench.html import Form, parse_page
from bench.journeys import question_form, start_action, walk
from bench.wrk import LoadSpec

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
        page = parse_page(response.url, response.text())
        articles = [link for link in page.links if ARTICLE_PATH.match(urlsplit(link).path)]
        if articles:
            target.path = urlsplit(articles[0]).path
            return target
    target.path = "/about/"
    target.note = "no /guidance/<slug>/ article linked yet: /about/ stands in"
    return target


def _emergency_screen(client: Client) -> tuple[str, Form] | None:
    """The emergency screen: the first question form with a "None of these" answer."""
    response = client.follow("GET", "/check/")[-1]
    for _ in range(3):
        page = parse_page(response.url, response.text())
        form = question_form(page, "/check/")
        if form is not None:
            return (form.action, form) if _none_field(form) else None
        begin = start_action(page, "/check/")
        if begin is None:
            return None
        method, url = begin
        response = client.follow(method, url)[-1]
    return None


def _none_field(form: Form) -> str | None:
    return next(
        (item.name for item in form.fields if item.kind == "checkbox" and "none" in item.choices),
        None,
    )


def _checker_post(client: Client) -> Target:
    target = Target("checker_post", "Checker step POST", "", method="POST")
    found = _emergency_screen(client)
    if found is None:
        target.missing = "no emergency screen with a None of these answer under /check/"
        return target
    action, form = found
    target.path = urlsplit(action).path
    target.form = {item.name: item.value for item in form.fields if item.kind == "hidden"}
    target.form[_none_field(form) or ""] = ["none"]
    target.cookies = dict(client.cookies)
    # Prove the request wrk will repeat: a valid answer redirects to the next step.
    status = client.request("POST", target.path, target.form).status
    if status not in {302, 303}:
        target.missing = f"posting None of these to {target.path} answered {status}, not a redirect"
    return target


def _self_care_plan(client: Client) -> Target:
    target = Target("self_care_plan", "Self-care plan", "/self-care/")
    journey = walk(client, "self_care")
    links = journey.end_page.links_under("/self-care/") if journey.end_page else []
    # The result links to the hub (in the navigation) and to the plan itself: take the plan.
    plan_links = sorted(
        (link for link in links if urlsplit(link).path != "/self-care/"),
        key=lambda link: "plan" not in link,
    )
    if plan_links and not journey.stuck:
        target.path = urlsplit(plan_links[0]).path
        target.cookies = dict(client.cookies)
        target.personal = True
    else:
        ended = journey.end_path
        target.note = f"the checker ended at {ended} with no plan link: /self-care/ stands in"
    return target


def discover(base_url: str) -> tuple[list[Target], str]:
    """The page types to load, and the hashed stylesheet that serves as the ceiling."""
    client = Client(base_url)
    try:
        home = client.request("GET", "/")
        stylesheets = [
            url
            for url in parse_page(home.url, home.text()).subresources
            if urlsplit(url).path.endswith(".css") and "print" not in url
        ]
        if home.status != 200 or not stylesheets:
            raise RuntimeError(f"the home page answered {home.status} with no stylesheet")
        targets = [
            Target("home", "Home", "/"),
            _article(client),
            Target("checker_start", "Checker start", "/check/"),
            _checker_post(Client(base_url)),
            _self_care_plan(Client(base_url)),
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
