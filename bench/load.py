"""
Load on one address: wrk for pages (its requests per second and latency
percentiles), and a small threaded loop for comment posts, which must each
carry a distinct comment through the real form fields.
"""

import dataclasses
import html
import http.client
import re
import subprocess
import threading
import time
import urllib.parse


@dataclasses.dataclass
class Result:
    rps: float = 0.0
    p50: float = 0.0  # milliseconds
    p99: float = 0.0
    requests: int = 0
    errors: int = 0  # non-2xx/3xx answers, socket errors and timeouts
    note: str = ""  # instead of figures: why the row was not measured

    @classmethod
    def not_measured(cls, note: str) -> "Result":
        return cls(note=note)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _milliseconds(output: str, percentile: str) -> float:
    match = re.search(rf"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if not match:
        raise ValueError(f"wrk printed no {percentile}% latency:\n{output}")
    return float(match[1]) * UNITS[match[2]]


def parse_wrk(output: str) -> Result:
    """The figures of ``wrk --latency``'s report."""
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Result(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        p50=_milliseconds(output, "50"),
        p99=_milliseconds(output, "99"),
        requests=int(re.search(r"(\d+) requests in", output)[1]),
        errors=errors + (int(non_2xx[1]) if non_2xx else 0),
    )


def wrk(port: int, path: str, connections: int, seconds: int, cookie: str = "") -> Result:
    """``wrk -t2 -cN -dXs --latency`` against 127.0.0.1, bounded in time."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    return parse_wrk(output)


def get(port: int, path: str, cookie: str = "") -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Host": "127.0.0.1"} | ({"Cookie": cookie} if cookie else {})
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def warm(port: int, path: str, requests: int = 6, cookie: str = "") -> None:
    """Every worker loads its code, templates and connections before the clock runs."""
    for _ in range(requests):
        get(port, path, cookie)


def form_timestamp(page: bytes) -> str:
    """The signed timestamp the article page's comment form carries."""
    match = re.search(rb'name="timestamp" value="([^"]+)"', page) or re.search(
        rb'value="([^"]+)"[^>]*name="timestamp"', page
    )
    if not match:
        raise ValueError("the article page holds no comment form timestamp")
    return html.unescape(match[1].decode())


@dataclasses.dataclass
class PostResult(Result):
    redirects: int = 0  # 302 answers: comments the site says it stored


def post_comments(port: int, path: str, timestamp: str, connections: int, seconds: int) -> PostResult:
    """
    ``connections`` readers post distinct comments for ``seconds``. Each
    post is a new comment (its own email and words), so none is a duplicate.
    """
    deadline = time.monotonic() + seconds
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()

    def reader(number: int) -> None:
        mine, counts, sent = [], {}, 0
        while time.monotonic() < deadline:
            sent += 1
            body = urllib.parse.urlencode(
                {
                    "text": f"Reader {number} adds remark {sent}: the figures need a second look.",
                    "name": f"Bench Reader {number}",
                    "email": f"bench-{number}-{sent}@example.net",
                    "website": "",
                    "homepage": "",
                    "parent": "",
                    "timestamp": timestamp,
                }
            )
            started = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request(
                "POST",
                path,
                body,
                {"Host": "127.0.0.1", "Content-Type": "application/x-www-form-urlencoded"},
            )
            response = connection.getresponse()
            response.read()
            connection.close()
            mine.append(time.perf_counter() - started)
            counts[response.status] = counts.get(response.status, 0) + 1
        with lock:
            latencies.extend(mine)
            for status, n in counts.items():
                statuses[status] = statuses.get(status, 0) + n

    started = time.perf_counter()
    threads = [threading.Thread(target=reader, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    redirects = statuses.get(302, 0)
    return PostResult(
        rps=redirects / elapsed,
        p50=latencies[len(latencies) // 2] * 1000 if latencies else 0.0,
        p99=latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000 if latencies else 0.0,
        requests=len(latencies),
        errors=len(latencies) - redirects,
        redirects=redirects,
    )
