"""
deploy/nginx.conf, the file shipped to production, run as an unprivileged
nginx on 127.0.0.1 for the tests (tests/deploy/) and `make bench`.

The production file is not copied into a test twin that could drift from it:
it is rewritten line by line, and only where it says so. A line ending in
`# loopback: NAME` gets a local value (the port, the app servers, the folders,
the logs) or, for `drop`, is left out, as is everything between
`# loopback: begin-drop` and `# loopback: end-drop` (the HTTP redirect
server, which needs port 80). Every other line, the microcache and the
static and media rules included, reaches the test nginx exactly as shipped.
The result is wrapped in a complete nginx.conf (events, http, temporary
folders under the work folder) as Debian's main configuration wraps a site.
"""

import http.client
import os
import pwd
import re
import shutil
import socket
import subprocess
import textwrap
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

SITE_CONFIG = Path(__file__).resolve().with_name("nginx.conf")
DEBIAN_MIME_TYPES = Path("/etc/nginx/mime.types")

MARKER = re.compile(r"\s*#\s*loopback:\s*(?P<name>[\w-]+)\s*$")
# Each marked line the rewriting needs, and how often it must appear: a
# production file that lost one would otherwise be tested half-rewritten.
REQUIRED_MARKERS = {
    "cache_path": 1,
    "upstream": 1,
    "listen": 1,
    "access_log": 1,
    "error_log": 1,
    "static_root": 1,
    "media_root": 1,
}


class NginxNotInstalled(FileNotFoundError):
    """No nginx binary on this machine; callers skip (tests) or leave nginx out (bench)."""


def nginx_binary() -> str:
    # /usr/sbin is not on every user's PATH, but it is where Debian puts nginx.
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found is None:
        raise NginxNotInstalled("nginx is not installed (apt-get install nginx-light)")
    return found


def microcache_seconds(site_config: Path = SITE_CONFIG) -> int:
    """How long the shipped configuration keeps a page in the microcache."""
    match = re.search(r"^\s*proxy_cache_valid\s+200\s+(\d+)s;", site_config.read_text(), re.MULTILINE)
    if match is None:
        raise ValueError(f"{site_config} sets no proxy_cache_valid for 200 responses in seconds")
    return int(match.group(1))


def nginx_config(*, workdir: Path, listen_port: int, upstreams: list[str], static_root: Path, media_root: Path) -> Path:
    """deploy/nginx.conf rewritten for an unprivileged nginx on 127.0.0.1 (no TLS, temp paths under workdir); returns the written config's path."""
    workdir = Path(workdir).resolve()
    if not upstreams:
        raise ValueError("at least one app server is needed")
    site = rewrite_site(
        SITE_CONFIG.read_text(),
        {
            "drop": lambda line: [],
            "listen": lambda line: [_indent(line) + f"listen 127.0.0.1:{listen_port};"],
            # One copy of the production server line (and its max_fails...) per local app server.
            "upstream": lambda line: [_with_first_argument(line, address) for address in upstreams],
            "cache_path": lambda line: [_with_first_argument(line, _path(workdir / "microcache"))],
            "access_log": lambda line: [_with_first_argument(line, _path(workdir / "access.log"))],
            "error_log": lambda line: [_with_first_argument(line, _path(workdir / "error.log"))],
            "static_root": lambda line: [_with_first_argument(line, _path(Path(static_root).resolve()) + "/")],
            "media_root": lambda line: [_with_first_argument(line, _path(Path(media_root).resolve()) + "/")],
        },
    )
    config = workdir / "nginx.conf"
    config.write_text(around_site(site, workdir))
    return config


def around_site(site: str, workdir: Path) -> str:
    """A complete nginx.conf for an unprivileged nginx holding ``site`` in its http block, every path under ``workdir``."""
    temp = workdir / "temp"
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (temp / name).mkdir(parents=True, exist_ok=True)
    if DEBIAN_MIME_TYPES.exists():
        types = f"include {DEBIAN_MIME_TYPES};"
    else:
        types = (
            "types { text/html html; text/css css; application/javascript js; application/json json;"
            " image/jpeg jpg jpeg; image/png png; image/webp webp; image/gif gif; image/svg+xml svg; }"
        )
    # nginx started by root would run its workers as "nobody", who cannot read
    # pytest's temporary folders (private to their owner); started by anyone
    # else, nginx ignores the directive, so it is written only for root.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    return f"""# Written by deploy/loopback.py from {SITE_CONFIG}; do not edit.
{user}
worker_processes 2;
pid {_path(workdir / "nginx.pid")};
error_log {_path(workdir / "error.log")} warn;

events {{
    worker_connections 512;
}}

http {{
    # As Debian's /etc/nginx/nginx.conf around its sites.
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    {types}
    default_type application/octet-stream;
    gzip on;
    access_log off;

    client_body_temp_path {_path(temp / "client_body")};
    proxy_temp_path {_path(temp / "proxy")};
    fastcgi_temp_path {_path(temp / "fastcgi")};
    uwsgi_temp_path {_path(temp / "uwsgi")};
    scgi_temp_path {_path(temp / "scgi")};

{textwrap.indent(site, "    ")}
}}
"""


def rewrite_site(text: str, substitutions: dict[str, Callable[[str], list[str]]]) -> str:
    """The site file with every marked line replaced by its substitution and drop regions removed."""
    lines: list[str] = []
    seen: Counter[str] = Counter()
    dropping = False
    for number, line in enumerate(text.splitlines(), start=1):
        marker = MARKER.search(line)
        name = marker.group("name") if marker else None
        if name == "begin-drop":
            if dropping:
                raise ValueError(f"line {number}: begin-drop inside a drop region")
            dropping = True
            continue
        if name == "end-drop":
            if not dropping:
                raise ValueError(f"line {number}: end-drop without begin-drop")
            dropping = False
            continue
        if dropping:
            continue
        if name is None:
            lines.append(line)
            continue
        if name not in substitutions:
            raise ValueError(f"line {number}: unknown loopback marker {name!r}")
        seen[name] += 1
        lines.extend(substitutions[name](line[: marker.start()]))
    if dropping:
        raise ValueError("a begin-drop region is never closed")
    for name, count in REQUIRED_MARKERS.items():
        if seen[name] != count:
            raise ValueError(f"the site file marks {seen[name]} '{name}' lines, {count} expected")
    return "\n".join(lines)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _with_first_argument(line: str, value: str) -> str:
    """`directive OLD rest;` becomes `directive VALUE rest;`."""
    match = re.fullmatch(r"(\s*)(\S+)\s+([^\s;]+)(.*)", line.rstrip())
    if match is None:
        raise ValueError(f"no argument to replace in {line.strip()!r}")
    indent, directive, _old, rest = match.groups()
    return f"{indent}{directive} {value}{rest}"


def _path(path: Path) -> str:
    text = str(path)
    if re.search(r"[\s;{}\"'#]", text):
        raise ValueError(f"nginx configuration cannot take this path unquoted: {text!r}")
    return text


def start_nginx(config: Path) -> subprocess.Popen:
    """Runs `nginx -c config -g 'daemon off;'` (a full nginx.conf with events/http wrapping the site), waits until it answers; raises if nginx is not installed (callers skip)."""
    binary = nginx_binary()
    config = Path(config).resolve()
    workdir = config.parent
    match = re.search(r"^\s*listen 127\.0\.0\.1:(\d+);", config.read_text(), re.MULTILINE)
    if match is None:
        raise ValueError(f"{config} does not listen on 127.0.0.1")
    port = int(match.group(1))
    # -e: the log nginx writes before it has read the configuration (Debian's
    # default, /var/log/nginx/error.log, is root's).
    command = [binary, "-p", f"{workdir}/", "-e", str(workdir / "error.log"), "-c", str(config)]
    check = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"nginx refuses {config}:\n{check.stderr}")
    with open(workdir / "nginx.stderr", "ab") as stderr:
        process = subprocess.Popen([*command, "-g", "daemon off;"], stdin=subprocess.DEVNULL, stderr=stderr)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (workdir / "nginx.stderr").read_text(errors="replace")
            raise RuntimeError(f"nginx exited with {process.returncode}:\n{log}")
        if _nginx_answers(port):
            return process
        time.sleep(0.05)
    stop_nginx(process)
    raise RuntimeError(f"nginx did not answer on 127.0.0.1:{port}")


def stop_nginx(process: subprocess.Popen) -> None:
    """Stops an nginx from start_nginx (SIGTERM: its fast shutdown) and waits for it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _nginx_answers(port: int) -> bool:
    # A request nginx answers itself (the static folder has no index), so no
    # app server needs to be up yet, and no other program on the port passes.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("HEAD", "/static/")
        return connection.getresponse().getheader("Server", "").startswith("nginx")
    except (OSError, http.client.HTTPException, socket.timeout):
        return False
    finally:
        connection.close()
