/*
 * Prefilled slugs for Armenian titles. Django's admin prepopulates slugs with
 * window.URLify, which has no table for Armenian; this wraps it so Armenian
 * letters are spelled in Latin first. Mirrors articles/transliteration.py.
 */
(function () {
    "use strict";
    const ARMENIAN_TO_LATIN = {
        "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e",
        "ը": "y", "թ": "t", "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts",
        "կ": "k", "հ": "h", "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m", "յ": "y",
        "ն": "n", "շ": "sh", "ո": "o", "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r",
        "ս": "s", "վ": "v", "տ": "t", "ր": "r", "ց": "ts", "ւ": "v", "փ": "p",
        "ք": "k", "և": "ev", "օ": "o", "ֆ": "f"
    };
    const ARMENIAN_DIGRAPHS = {"ու": "u"};

    function transliterate(text) {
        let result = text.toLowerCase();
        for (const [digraph, latin] of Object.entries(ARMENIAN_DIGRAPHS)) {
            result = result.split(digraph).join(latin);
        }
        return Array.from(result, (char) => ARMENIAN_TO_LATIN[char] ?? char).join("");
    }

    const urlify = window.URLify;
    if (typeof urlify === "function") {
        window.URLify = function (text, maxLength, allowUnicode) {
            return urlify(transliterate(text), maxLength, allowUnicode);
        };
    }
})();
