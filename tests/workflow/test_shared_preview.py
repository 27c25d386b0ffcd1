"""
Shareable previews: an editor gives a signed link to a draft that opens
without signing in, on the real article page, for PREVIEW_LINK_HOURS. It is
marked as a preview, kept by no cache, indexed by no search engine; an
altered, expired or revoked link is a 404.
"""

import re
import time

import pytest
from django.core import signing

from articles import workflow
from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return make_article(status=Article.Status.DRAFT, title_en="Budget talks stall")


def test_a_shared_link_opens_the_draft_without_signing_in(client, draft):
    response = client.get(workflow.shared_preview_url(draft, "en"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Budget talks stall" in page
    assert "Preview: readers cannot see this article" in page
    assert '<meta name="robots" content="noindex">' in page


def test_a_shared_preview_is_never_cached_and_sets_no_cookie(client, draft):
    url = workflow.shared_preview_url(draft, "en")

    first, second = client.get(url), client.get(url)

    for response in (first, second):
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Robots-Tag"] == "noindex"
        assert "X-Cache" not in response
        assert not response.cookies
        assert "cookie" not in response.get("Vary", "").lower()


def test_a_shared_preview_links_to_the_shared_preview_in_the_other_language(client, draft):
    page = client.get(workflow.shared_preview_url(draft, "en")).content.decode()

    hy_path = workflow.shared_preview_url(draft, "hy").split(":", 1)[0]
    assert f'href="{hy_path}' in page
    assert draft.get_preview_url("hy") not in page  # the staff preview would ask a stranger to sign in


def test_a_shared_preview_in_a_language_the_draft_lacks_points_to_the_ones_it_has(client):
    english_only = make_article(status=Article.Status.DRAFT, languages=("en",))

    response = client.get(workflow.shared_preview_url(english_only, "hy"))

    assert response.status_code == 404
    assert response["Cache-Control"] == "private, no-store"
    assert workflow.shared_preview_url(english_only, "en").split(":", 1)[0] in response.content.decode()


def token_signed_ago(article, seconds: int) -> str:
    """The token a link made ``seconds`` ago carries: the same signer, its clock set back."""
    token = workflow.shared_preview_url(article, "en").rstrip("/").rsplit("/", 1)[1]
    value = workflow.preview_link_signer().unsign(token)
    earlier = workflow.preview_link_signer()
    earlier.timestamp = lambda: signing.b62_encode(int(time.time()) - seconds)
    return earlier.sign(value)


def test_a_link_opens_within_its_lifetime_of_48_hours(client, draft):
    response = client.get(f"/en/preview/shared/{token_signed_ago(draft, 47 * 3600)}/")

    assert response.status_code == 200


def test_an_expired_link_is_a_404(client, draft):
    response = client.get(f"/en/preview/shared/{token_signed_ago(draft, 49 * 3600)}/")

    assert response.status_code == 404
    assert draft.title_en not in response.content.decode()


def test_the_lifetime_is_a_setting(client, draft, settings):
    settings.PREVIEW_LINK_HOURS = 1

    assert client.get(f"/en/preview/shared/{token_signed_ago(draft, 59 * 60)}/").status_code == 200
    assert client.get(f"/en/preview/shared/{token_signed_ago(draft, 61 * 60)}/").status_code == 404


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # the signature
        lambda token: re.sub(r"^\d+", lambda m: str(int(m.group()) + 1), token),  # another article's id
        lambda token: "x" + token,
        lambda token: "not-a-token",
        lambda token: "",
    ],
    ids=["signature", "article id", "prefix", "garbage", "empty"],
)
def test_an_altered_link_is_a_404(client, draft, tamper):
    make_article(status=Article.Status.DRAFT)  # a neighbour the altered id might point to
    token = workflow.shared_preview_url(draft, "en").rstrip("/").rsplit("/", 1)[1]

    response = client.get(f"/en/preview/shared/{tamper(token)}/")

    assert response.status_code == 404


def test_renewing_the_key_revokes_every_link_given_so_far(client, draft):
    given = workflow.shared_preview_url(draft, "en")

    workflow.renew_preview_key(draft)

    assert client.get(given).status_code == 404
    assert client.get(workflow.shared_preview_url(draft, "en")).status_code == 200


def test_an_editor_revokes_the_links_from_the_admin(editor_client, client, draft):
    change_page = editor_client.get(f"/admin/articles/article/{draft.pk}/change/").content.decode()
    given = re.search(r'href="(/en/preview/shared/[^"]+)" class="shared-preview-link"', change_page).group(1)
    assert client.get(given).status_code == 200

    confirm = editor_client.get(f"/admin/articles/article/{draft.pk}/preview-link/")
    revoked = editor_client.post(f"/admin/articles/article/{draft.pk}/preview-link/")

    assert confirm.status_code == 200 and "stop working" in confirm.content.decode()
    assert revoked.status_code == 302
    assert client.get(given).status_code == 404


def test_revoking_the_links_does_not_make_an_open_form_stale(editor_client, draft):
    lock_version = draft.lock_version

    editor_client.post(f"/admin/articles/article/{draft.pk}/preview-link/")

    draft.refresh_from_db()
    assert draft.lock_version == lock_version


def test_authors_are_not_given_shareable_links(staff_author_client, staff_author):
    own = make_article(status=Article.Status.DRAFT, authors=[staff_author.author_profile])

    page = staff_author_client.get(f"/admin/articles/article/{own.pk}/change/").content.decode()

    assert "/preview/shared/" not in page
