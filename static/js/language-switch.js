/*
 * The reader's choice of language is remembered for "/" (docs/design.md: the
 * language cookie comes first). Set in the browser, not by the server, so
 * cached pages stay the same for everyone; a file, not an inline script, so
 * the Content Security Policy can forbid inline scripts.
 */
(function () {
    "use strict";
    document.querySelectorAll(".language-switch[data-cookie-name]").forEach(function (nav) {
        const cookieName = nav.dataset.cookieName;
        nav.querySelectorAll("a[hreflang]").forEach(function (link) {
            link.addEventListener("click", function () {
                document.cookie = cookieName + "=" + link.hreflang + "; path=/; max-age=31536000; samesite=lax";
            });
        });
    });
})();
