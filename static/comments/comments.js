/*
 * The comment form's two conveniences, both optional: the form works the same
 * without this script (reply links then reload the page with ?replytocom=N).
 *
 * 1. "Reply" moves the form under the comment and sets its parent.
 * 2. The "Save my name, email, and website" cookie fills the form here, in the
 *    browser, so the server's HTML (which may be cached and shared) never holds it.
 * 3. A form sent back with errors takes the focus to its first error, so that
 *    a keyboard or screen reader user lands on what needs fixing, not at the top.
 */
(function () {
  "use strict";
  var respond = document.getElementById("respond");
  var form = document.getElementById("commentform");
  if (!respond || !form) return;

  var home = document.createElement("div");
  home.hidden = true;
  respond.parentNode.insertBefore(home, respond);
  var parentInput = form.elements.parent;
  var cancel = respond.querySelector(".comment-respond__cancel");
  var replyingTo = respond.querySelector(".comment-respond__to");

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".comment-reply-link");
    if (!link) return;
    var comment = document.getElementById("comment-" + link.dataset.comment);
    if (!comment) return;
    event.preventDefault();
    comment.querySelector(".comment__body").after(respond);
    parentInput.value = link.dataset.comment;
    if (replyingTo) replyingTo.hidden = true;
    cancel.hidden = false;
    form.elements.text.focus();
  });

  cancel.addEventListener("click", function (event) {
    event.preventDefault();
    home.after(respond);
    parentInput.value = "";
    if (replyingTo) replyingTo.hidden = true;
    cancel.hidden = true;
  });

  var firstError = form.querySelector(".comment-form__errors, [aria-invalid='true']");
  if (firstError) {
    if (!firstError.matches("input, textarea")) firstError.tabIndex = -1;
    firstError.focus();
  }

  var saved = document.cookie.split("; ").filter(function (pair) {
    return pair.indexOf("comment_author=") === 0;
  })[0];
  if (saved) {
    try {
      // Cookies set before the value was fully percent-encoded came wrapped in double quotes.
      var value = saved.slice("comment_author=".length).replace(/^"(.*)"$/, "$1");
      var details = JSON.parse(decodeURIComponent(value));
      ["name", "email", "website"].forEach(function (field) {
        if (details[field] && !form.elements[field].value) form.elements[field].value = details[field];
      });
      form.elements.remember.checked = true;
    } catch (ignored) {
      // A garbled cookie only means an empty form.
    }
  }
})();
