// The live desk: Ctrl+Enter (⌘+Enter on a Mac) in the entry's text sends the form with its
// first button (Publish now, or Save as draft for a role that cannot publish).
(() => {
  "use strict";
  const form = document.getElementById("live-entry-form");
  if (!form) return;
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    if (event.target.tagName !== "TEXTAREA" && event.target.tagName !== "INPUT") return;
    event.preventDefault();
    const button = form.querySelector("[data-live-default]");
    if (form.requestSubmit) form.requestSubmit(button);
    else button.click();
  });
})();
