"""
The test suite's settings: Newsroom's own settings module, given the values a
deployment would put in the environment, plus speed-ups that change no behaviour.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-suite-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# The suite tests the demo app too, whatever DEMO the shell around it says.
os.environ["DEMO"] = "true"

from newsroom.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Static files straight from the finders: no collectstatic before tests.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# SQLite: a test database in a file rather than shared-cache memory, so the live
# server's request threads each get their own connection with WAL and the busy
# timeout, as in production (tests/test_comment_concurrency.py). One file per
# pytest process, so runs side by side do not share it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import atexit
    import glob
    import tempfile

    TEST_DATABASE_FILE = os.path.join(tempfile.gettempdir(), f"newsroom-test-{os.getpid()}.sqlite3")
    DATABASES["default"]["TEST"] = {"NAME": TEST_DATABASE_FILE}  # noqa: F405

    @atexit.register
    def remove_test_database_files():
        # Django deletes the database file; WAL's -wal and -shm companions may outlive it.
        for path in glob.glob(f"{TEST_DATABASE_FILE}*"):
            os.remove(path)


# The benchmark's app (bench/): its seed_bench command is tested like any other.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
