/*
 * Prefilled slugs for titles in any of the site's scripts. Django's admin
 * prepopulates slugs with window.URLify, whose own tables spell some letters
 * differently from the server and know no Armenian; this wraps it so letters
 * are first spelled in Latin exactly as articles/transliteration.py does,
 * from the table in transliteration_table.js (written by the server).
 */
(function () {
    "use strict";
    const table = window.NEWSROOM_TRANSLITERATION || {digraphs: {}, letters: {}};

    function transliterate(text) {
        let result = text.toLowerCase();
        for (const [digraph, latin] of Object.entries(table.digraphs)) {
            result = result.split(digraph).join(latin);
        }
        return Array.from(result, (char) => table.letters[char] ?? char).join("");
    }

    const urlify = window.URLify;
    if (typeof urlify === "function") {
        window.URLify = function (text, maxLength, allowUnicode) {
            return urlify(transliterate(text), maxLength, allowUnicode);
        };
    }
})();
