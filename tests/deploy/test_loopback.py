"""deploy/loopback.py tests the shipped nginx file, not a twin of it: only marked lines change."""

import re

import pytest

from deploy.loopback import MARKER, SITE_CONFIG, nginx_config, rewrite_site

MARKER_NAMES = ["drop", "listen", "upstream", "cache_path", "access_log", "error_log", "static_root", "media_root"]


def loopback_config(tmp_path) -> str:
    return nginx_config(
        workdir=tmp_path,
        listen_port=18080,
        upstreams=["127.0.0.1:18081", "127.0.0.1:18082"],
        static_root=tmp_path / "static",
        media_root=tmp_path / "media",
    ).read_text()


def shipped_unmarked_lines() -> list[str]:
    """Every line of deploy/nginx.conf outside drop regions and without a marker, stripped."""
    kept, dropping = [], False
    for line in SITE_CONFIG.read_text().splitlines():
        marker = MARKER.search(line)
        if marker:
            dropping = {"begin-drop": True, "end-drop": False}.get(marker.group("name"), dropping)
        elif not dropping and line.strip():
            kept.append(line.strip())
    return kept


def test_every_unmarked_line_of_the_shipped_file_reaches_the_loopback_config_in_order(tmp_path):
    written = iter(line.strip() for line in loopback_config(tmp_path).splitlines())

    # `in` on an iterator consumes it: each line must come after the one before.
    missing = [line for line in shipped_unmarked_lines() if line not in written]

    assert missing == []


def test_loopback_config_listens_on_loopback_only_without_tls(tmp_path):
    written = loopback_config(tmp_path)

    assert re.findall(r"^\s*listen .*$", written, re.MULTILINE) == ["        listen 127.0.0.1:18080;"]
    assert "ssl_certificate" not in written
    assert "return 301 https://" not in written


def test_loopback_config_names_each_app_server_with_the_shipped_parameters(tmp_path):
    servers = re.findall(r"^\s*server (\S+) (.*);$", loopback_config(tmp_path), re.MULTILINE)

    assert servers == [
        ("127.0.0.1:18081", "max_fails=3 fail_timeout=10s"),
        ("127.0.0.1:18082", "max_fails=3 fail_timeout=10s"),
    ]


def test_loopback_config_keeps_every_path_under_its_work_folder(tmp_path):
    written = loopback_config(tmp_path)

    for production_path in ["/var/", "/srv/", "/etc/letsencrypt"]:
        assert production_path not in written
    assert f"alias {tmp_path.resolve()}/static/;" in written
    assert f"alias {tmp_path.resolve()}/media/;" in written


def test_site_file_that_lost_a_marked_line_is_refused():
    without_static = SITE_CONFIG.read_text().replace("# loopback: static_root", "")

    with pytest.raises(ValueError, match="static_root"):
        rewrite_site(without_static, {name: lambda line: [line] for name in MARKER_NAMES})


def test_unknown_marker_is_refused():
    with pytest.raises(ValueError, match="unknown loopback marker 'listne'"):
        rewrite_site("listen 443 ssl;  # loopback: listne\n", {"listen": lambda line: [line]})


def test_microcache_passes_by_exactly_the_cookies_the_app_names_personal(settings):
    """The nginx map cannot import the app's names, so this keeps the two from drifting apart."""
    from comments.cookies import PENDING_COOKIE

    personal_map = re.search(r"map \$http_cookie \$newsroom_personal \{(.*?)\}", SITE_CONFIG.read_text(), re.DOTALL)
    names = re.search(r"\(\?:([\w|]+)\)=", personal_map.group(1)).group(1).split("|")

    assert sorted(names) == sorted([settings.SESSION_COOKIE_NAME, PENDING_COOKIE])
