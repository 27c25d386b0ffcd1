from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import get_language

from articles.views import paginate, same_page_in_every_language
from pagecache.decorators import public_page

from .query import SearchTerms
from .results import matching_articles, with_excerpts


# Cached like any public page, keyed on the words and the page number: the
# same for every reader, and popular queries repeat (docs/search.md weighs it).
@public_page(query=["q", "page"])
def results(request):
    language = get_language()
    terms = SearchTerms.parse(request.GET.get("q", ""))
    words = urlencode({"q": terms.text}) if terms.text else ""
    # The language switch keeps the words: the same search in the other language.
    alternates = {
        code: f"{url}?{words}" if words else url for code, url in same_page_in_every_language(request).items()
    }
    context = {"terms": terms, "alternate_urls": alternates}
    if terms:
        page_obj = paginate(request, matching_articles(terms, language))
        context |= {
            "page_obj": page_obj,
            "results": with_excerpts(list(page_obj), terms, language),
            "query_string": f"{words}&",
        }
    return render(request, "search/results.html", context)
