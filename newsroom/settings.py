"""
Newsroom's one settings module. Every value a deployment may change is read
from the environment; README's "Configuration" table lists them all.

Safe by default: DEBUG is off, and with DEBUG off the site refuses to serve
without SECRET_KEY and ALLOWED_HOSTS.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp import constants as csp
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from metadata.identity import translated_setting

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

# Both are required to serve the site with DEBUG off: newsroom/wsgi.py and
# asgi.py refuse to start without them (newsroom.startup). Management commands
# such as migrate or makemigrations run without them.
SECRET_KEY = env.str("SECRET_KEY", default="development-only-key-never-used-in-production" if DEBUG else "")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"] if DEBUG else [])

# Addresses of reverse proxies whose X-Forwarded-For header is believed.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.redirects",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_prose_editor",
    "django_tasks",
    "django_tasks_db",
    "reversion",
    "images",
    "articles",
    "comments",
    "feeds",
    "pagecache",
    "metadata",
    "django.contrib.sitemaps",
    "crawlers",
    "wordpress",
    "search",
    "axes",
]

# The demo newsroom (demo/, `manage.py seed_demo`) is for development and
# trials; a production site, where DEBUG is off, leaves it out unless asked.
DEMO = env.bool("DEMO", default=DEBUG)
if DEMO:
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside everything that adds a header to a page, so a stored page keeps them.
    "pagecache.middleware.PageCacheMiddleware",
    # Inside the page cache: a stored page keeps its policies and a hit replays them;
    # outside everything else, so that every answer below carries them, a 400 included.
    "newsroom.policies.ContentSecurityPolicyMiddleware",
    "newsroom.policies.PermissionsPolicyMiddleware",
    # Before anything reads the body (CSRF, the views): an unreadable one is a 400.
    "newsroom.requests.UnreadableBodyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    # After authentication: answers a locked-out sign-in with the lockout page (django-axes).
    "axes.middleware.AxesMiddleware",
    # Innermost, so that it sees a failed query from any view or template.
    "newsroom.unavailable.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

# SQLite in WAL mode with a busy timeout lets readers and one writer work at
# once; IMMEDIATE transactions make concurrent writers queue instead of failing.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
# Full-text search (search/) uses django.contrib.postgres on PostgreSQL, FTS5 on SQLite.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
    # A database that does not answer costs a request a few seconds and a 503,
    # never the worker (gunicorn kills a worker stuck past its timeout).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )

# Caches: "pages" holds the page cache (pagecache/), "default" anything else.
# Local memory is per process: with several workers or app servers, set
# REDIS_URL so that they share one cache and one notion of what is fresh.
REDIS_URL = env.str("REDIS_URL", default="")
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)  # 0 turns the page cache off
PAGE_CACHE_RETRY_SECONDS = env.float("PAGE_CACHE_RETRY_SECONDS", default=5)  # after the cache server failed
if REDIS_URL:
    # Short timeouts: a cache server that stops answering costs a request
    # a quarter of a second once, then pagecache.store stops asking for a while.
    REDIS_OPTIONS = {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25}
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": REDIS_OPTIONS | {"IGNORE_EXCEPTIONS": True},
        },
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
            "OPTIONS": REDIS_OPTIONS,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "newsroom"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsroom-pages",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# Slow work (mail) leaves the request through django-tasks; `manage.py
# db_worker` runs what the database backend queues.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# django-axes first: it refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Admin sign-in lockout (django-axes; docs/abuse-and-faults.md): after
# AXES_FAILURE_LIMIT failed sign-ins for one user name, or from one address,
# that name or address is refused for AXES_COOLOFF_MINUTES (0: until
# `manage.py axes_reset_username` / `axes_reset_ip` / `axes_reset`). Failures
# are kept in the database, so every app server sees the same count.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_MINUTES = env.int("AXES_COOLOFF_MINUTES", default=30)
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES) if AXES_COOLOFF_MINUTES else None
# Each counted apart: one name tried from many addresses, and many names tried from one address.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The comments' rule for X-Forwarded-For (TRUSTED_PROXIES), not django-ipware's.
AXES_CLIENT_IP_CALLABLE = "newsroom.client_address.client_ip"
# The lockout page, in the site's style and the reader's language.
AXES_LOCKOUT_CALLABLE = "newsroom.signin.locked_out"
# Locks are lifted with the axes_reset* commands. django-axes 8.3's own admin
# pages are left out: their "Clean up expired attempts" action reads a request
# attribute only a sign-in sets, so running it from the admin was a 500.
AXES_ENABLE_ADMIN = False
# Locked out means locked out: more tries while locked do not lengthen the wait.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# (AXES_RESET_ON_SUCCESS stays off: with it, signing in to any account of one's
# own would wipe the failures an address had run up against everyone else's.)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: a comma-separated list of codes; the first is the default.
# A new language is this setting plus `manage.py makemigrations` (README).
LANGUAGE_CODES = env.list("LANGUAGES", default=["en", "hy"])
try:
    LANGUAGES = [(code, LANG_INFO[code]["name"]) for code in LANGUAGE_CODES]
except KeyError as unknown:
    raise ImproperlyConfigured(f"LANGUAGES names {unknown}, which Django does not know.") from None
LANGUAGE_CODE = LANGUAGE_CODES[0]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Yerevan")
USE_TZ = True

# A page never mixes content languages, so a missing translation stays
# missing instead of falling back to another language's text.
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_ENABLE_FALLBACKS = False
# The article form's language tabs (modeltranslation's tabbed admin) call
# jQuery UI's tabs(); this small script of ours provides it, so that the admin
# loads nothing from a CDN (static/admin/js/language_tabs.js).
JQUERY_UI_URL = "admin/js/language_tabs.js"

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads larger than this many bytes are refused (images, see images.fields).
MAX_UPLOAD_SIZE = env.int("MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
# Pictures with more pixels than this are refused before they are decoded
# (decompression bombs); 50 million is above any press camera's 45.
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=50_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=5 * 1024 * 1024)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Absolute address of the site, for links in emails sent outside a request,
# sitemaps and robots.txt; `migrate` copies its host into the Site row (crawlers.site).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# URLs per sitemap page: the sitemaps protocol's limit (crawlers/).
SITEMAP_LIMIT = env.int("SITEMAP_LIMIT", default=50_000)

# The site's identity (metadata.identity, docs/metadata.md): each is one value for every
# language or one per language ("en=Newsroom,hy=Նյուզռում"); languages left out get the
# default, translated by the interface catalogue. Logos and the card image are static paths.
SITE_NAME = translated_setting(env.str("SITE_NAME", default=""), _("Newsroom"))
SITE_TAGLINE = translated_setting(env.str("SITE_TAGLINE", default=""), _("Independent analysis in two languages"))
SITE_LOGO = translated_setting(env.str("SITE_LOGO", default=""), "metadata/logo.svg")
# A PNG for search engines' publisher logo, and the picture shared for pages without their own.
SITE_PUBLISHER_LOGO = env.str("SITE_PUBLISHER_LOGO", default="metadata/publisher-logo.png")
SITE_CARD_IMAGE = env.str("SITE_CARD_IMAGE", default="metadata/card.png")
ARTICLES_PER_PAGE = env.int("ARTICLES_PER_PAGE", default=10)
# How long a shareable preview link (articles.workflow) opens its draft.
PREVIEW_LINK_HOURS = env.int("PREVIEW_LINK_HOURS", default=48)
# Feeds (feeds/, docs/feeds.md): how many items each holds, and whether articles carry their whole body.
FEEDS_ITEMS = env.int("FEEDS_ITEMS", default=20)
FEEDS_FULL_TEXT = env.bool("FEEDS_FULL_TEXT", default=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Production hardening, on whenever DEBUG is off; each can be relaxed from
# the environment (e.g. SECURE_SSL_REDIRECT=false behind a TLS-terminating proxy).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Joining browsers' preload list is hard to undo, so it is the operator's
# explicit choice rather than a deploy-check warning on every site.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp through newsroom.policies; docs/security.md
# says why each source is here). One static policy: public pages are cached and
# shared, so no per-request nonce. Nothing inline runs or styles; the admin adds
# the hashes of the few fixed inline blocks its editor needs (newsroom.policies).
# MEDIA_ORIGINS: where images come from besides the site, e.g. an S3 custom domain.
MEDIA_ORIGINS = env.list("MEDIA_ORIGINS", default=[])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, *MEDIA_ORIGINS],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.NONE],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    },
}
# Browser features no page of the site uses, switched off for it and anything it might embed.
PERMISSIONS_POLICY = {
    feature: ()
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # django-axes announces itself at every start, management commands included; its failures are warnings.
    "loggers": {"axes.apps": {"level": "WARNING"}},
}


# Comments (docs/design.md, "Comments"): every rule's number, changeable from the environment.
COMMENTS_MAX_DEPTH = env.int("COMMENTS_MAX_DEPTH", default=5)  # replies nest this deep at most
COMMENTS_AUTO_APPROVE = env.bool("COMMENTS_AUTO_APPROVE", default=False)  # known approved emails skip the queue
COMMENTS_CLOSE_AFTER_DAYS = env.int("COMMENTS_CLOSE_AFTER_DAYS", default=0)  # 0: never close by age
COMMENTS_RETENTION_DAYS = env.int("COMMENTS_RETENTION_DAYS", default=60)  # then IP and user agent are erased
COMMENTS_FLOOD_SECONDS = env.int("COMMENTS_FLOOD_SECONDS", default=15)  # one comment per IP and per email
# Comments per address (IPv6: per /64) per clock hour, counted in the "default" cache
# (Redis with REDIS_URL, shared by every app server); 0: no limit. comments/rate_limit.py.
COMMENTS_PER_HOUR = env.int("COMMENTS_PER_HOUR", default=20)
COMMENTS_MIN_SECONDS = env.float("COMMENTS_MIN_SECONDS", default=3)  # faster submits are held as spam
COMMENTS_MAX_LINKS = env.int("COMMENTS_MAX_LINKS", default=2)  # more links: held for moderation
