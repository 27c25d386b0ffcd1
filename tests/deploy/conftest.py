import contextlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from deploy.loopback import NginxNotInstalled, nginx_binary
from tests.deploy.servers import SiteContent, gunicorn, nginx, prepare_site, production_env


@pytest.fixture(scope="module")
def nginx_required():
    try:
        nginx_binary()
    except NginxNotInstalled as missing:
        pytest.skip(str(missing))


@dataclass
class NginxSite:
    front: str  # nginx's base URL
    env: dict[str, str]
    content: SiteContent

    @property
    def static_root(self) -> Path:
        return Path(self.env["STATIC_ROOT"])

    @property
    def media_root(self) -> Path:
        return Path(self.env["MEDIA_ROOT"])


@pytest.fixture(scope="module")
def nginx_site(nginx_required, tmp_path_factory):
    """
    One gunicorn with production settings on a fresh SQLite database (migrated,
    static files collected, a little content), behind nginx configured from
    deploy/nginx.conf. Shared by a module's tests: each reads under an address
    of its own (servers.unique_path) where the microcache must start empty.
    """
    workdir = tmp_path_factory.mktemp("nginx-site")
    env = production_env(workdir, f"sqlite:///{workdir / 'site.sqlite3'}")
    content = prepare_site(env)
    with contextlib.ExitStack() as stack:
        app = stack.enter_context(gunicorn(env))
        front = stack.enter_context(nginx(workdir, [app], env))
        yield NginxSite(front=front, env=env, content=content)
