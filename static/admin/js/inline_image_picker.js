// The body editor (django-prose-editor's Figure extension) opens this page
// with ?CKEditorFuncNum=N and waits for the CKEditor file-browser callback:
// window.opener.CKEDITOR.tools.callFunction(N, url, {id, alternative_text}).
// It then inserts <img src=url data-file=id>, which the server expands.
(function () {
  "use strict";
  const root = document.querySelector(".inline-image-picker");
  if (!root) return;

  function choose(button) {
    const opener = window.opener;
    if (!opener || !opener.CKEDITOR || !root.dataset.callback) return;
    opener.CKEDITOR.tools.callFunction(Number(root.dataset.callback), button.dataset.url, {
      id: button.dataset.id,
      alternative_text: button.dataset.alt || "",
    });
    window.close();
  }

  root.addEventListener("click", function (event) {
    const button = event.target.closest(".inline-image-choice");
    if (button) choose(button);
  });

  // Just uploaded: hand the new image straight back to the editor.
  if (root.dataset.chosen) {
    const button = root.querySelector('.inline-image-choice[data-id="' + root.dataset.chosen + '"]');
    if (button) choose(button);
  }
})();
