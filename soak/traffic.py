"""
The soak's three kinds of visitor, each on its own thread, counting every
answer by kind and status. A plain HTTP/1.1 client with a cookie jar of its
own: the moderator must keep a session and a CSRF token; readers and
commenters keep nothing, as anonymous visitors behind a shared cache do.
"""

import collections
import html
import http.client
import http.cookies
import itertools
import random
import re
import threading
import time
import urllib.parse

ADMIN_COMMENTS = "/admin/comments/comment/"
LINK = re.compile(r'href="(/(?:en|hy)/[^"#?]*)"')
# Comment pages, feeds and previews are not pages a reader browses to.
SKIPPED = re.compile(r"/(?:comments|feed|preview)/|\.xml$")

# Each comment from an address and an email of its own, 10.0.0.1 upwards, over the
# warm-up and the run alike: flood control and duplicate refusal would rightly refuse repeats.
addresses = ((n, f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}") for n in itertools.count(1))


class Client:
    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, fields: dict | None = None, headers: dict | None = None):
        """(status, headers, body text); network failures are status 0."""
        all_headers = {"Host": "127.0.0.1"} | (headers or {})
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields, doseq=True)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body, all_headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        except (OSError, http.client.HTTPException):
            return 0, {}, ""
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, text


def hidden_value(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page) or re.search(rf'value="([^"]*)"[^>]*name="{name}"', page)
    return html.unescape(match[1]) if match else ""


class Site:
    def __init__(self, port: int, moderator: tuple[str, str]):
        self.port = port
        self.moderator = moderator
        self.pages: list[str] = []
        self.articles: list[str] = []  # pages that carry a comment form

    def discover(self) -> None:
        """The reader's addresses: both home pages and the pages they link to, one level deep."""
        client = Client(self.port)
        found = {"/en/", "/hy/"}
        for home in ("/en/", "/hy/"):
            _, _, page = client.request("GET", home)
            found |= {path for path in LINK.findall(page) if not SKIPPED.search(path)}
        self.pages = sorted(found)
        for path in self.pages:
            _, _, page = client.request("GET", path)
            if 'name="timestamp"' in page:
                self.articles.append(path)
        if not self.articles:
            raise RuntimeError("the soak found no article with a comment form")

    def warm(self) -> None:
        client = Client(self.port)
        for path in self.pages * 2:
            client.request("GET", path)


class Tally:
    """Answers by (kind, status), shared by the threads."""

    def __init__(self):
        self.counts: collections.Counter = collections.Counter()
        self.approved = 0  # comments the moderator's approvals covered
        self.reasons: dict = {}  # (kind, status) -> the first refusal's message, for the report
        self.lock = threading.Lock()

    def refused(self, kind: str, status: int, page: str) -> None:
        """Keeps what the page said for the first 4xx of its kind: a refusal should be explained."""
        if 400 <= status < 500 and (kind, status) not in self.reasons:
            message = re.search(r'class="errorlist[^"]*"[^>]*>\s*<li>(.*?)</li>', page, re.DOTALL)
            self.reasons[(kind, status)] = html.unescape(message[1]).strip() if message else page[:200]

    def add(self, kind: str, status: int) -> None:
        with self.lock:
            self.counts[(kind, status)] += 1


def reader(site: Site, tally: Tally, deadline: float, seed: int) -> None:
    chooser = random.Random(seed)
    client = Client(site.port)
    while time.monotonic() < deadline:
        status, _, _ = client.request("GET", chooser.choice(site.pages))
        tally.add("read", status)
        time.sleep(0.02)


def commenter(site: Site, tally: Tally, deadline: float, addresses) -> None:
    chooser = random.Random(7)
    while time.monotonic() < deadline:
        client = Client(site.port)
        article = chooser.choice(site.articles)
        status, _, page = client.request("GET", article)
        tally.add("read", status)
        action = re.search(r'<form[^>]*action="(/(?:en|hy)/comments/\d+/)"', page)
        if not action:
            continue
        n, address = next(addresses)
        fields = {
            "text": f"Soak remark {n}: the second paragraph deserves a follow-up.",
            "name": f"Soak Reader {n}",
            "email": f"soak-{n}@example.net",
            "website": "",
            "homepage": "",
            "parent": "",
            "timestamp": hidden_value(page, "timestamp"),
        }
        status, _, answer = client.request("POST", action[1], fields, {"X-Forwarded-For": address})
        tally.add("comment post", status)
        tally.refused("comment post", status, answer)
        time.sleep(0.2)


def moderator(site: Site, tally: Tally, deadline: float) -> None:
    client = Client(site.port)
    status, _, page = client.request("GET", "/admin/login/")
    tally.add("moderator", status)
    username, password = site.moderator
    fields = {"username": username, "password": password, "next": "/admin/"}
    status, _, _ = client.request(
        "POST", "/admin/login/", fields | {"csrfmiddlewaretoken": hidden_value(page, "csrfmiddlewaretoken")}
    )
    tally.add("moderator", status)
    while time.monotonic() < deadline:
        status, _, page = client.request("GET", f"{ADMIN_COMMENTS}?status__exact=pending")
        tally.add("moderator", status)
        pending = re.findall(r'name="_selected_action" value="(\d+)"', page)
        if pending:
            approve = {
                "action": "approve",
                "_selected_action": pending,
                "csrfmiddlewaretoken": hidden_value(page, "csrfmiddlewaretoken"),
            }
            status, _, _ = client.request("POST", f"{ADMIN_COMMENTS}?status__exact=pending", approve)
            tally.add("approval", status)
            if status == 302:
                with tally.lock:
                    tally.approved += len(pending)
        time.sleep(2)


def guarded(visitor, tally: Tally):
    """``visitor`` on its thread; if it fails, the soak counts it (status 0 fails the run) and says why."""

    def run(*args) -> None:
        try:
            visitor(*args)
        except Exception as error:
            tally.add(f"{visitor.__name__} crashed", 0)
            tally.reasons.setdefault((f"{visitor.__name__} crashed", 0), repr(error))

    return run


def run(site: Site, seconds: float, readers: int, report, every_quarter_minute) -> None:
    tally = Tally()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=guarded(reader, tally), args=(site, tally, deadline, n)) for n in range(readers)]
    threads += [
        threading.Thread(target=guarded(commenter, tally), args=(site, tally, deadline, addresses)),
        threading.Thread(target=guarded(moderator, tally), args=(site, tally, deadline)),
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        time.sleep(1)
        if time.monotonic() - started >= 15:
            every_quarter_minute()
            started = time.monotonic()
    for thread in threads:
        thread.join()
    report.counts.update(tally.counts)
    report.approved += tally.approved
    report.reasons = tally.reasons | report.reasons
    report.seconds += seconds
