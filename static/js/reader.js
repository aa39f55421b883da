// A signed-in reader's name on every page, without making pages differ: the page is the
// same for everyone (and cached at the edge); this asks the private endpoint who is
// signed in, only when the sign-in left its hint cookie, and fills in the footer's slot
// and the sign-up forms' address. With JavaScript off the page simply shows "Your account".
(function () {
  "use strict";
  if (!/(^|;\s*)reader_hint=/.test(document.cookie)) return;
  function fill(me) {
    if (!me || !me.signed_in) return;
    var slot = document.querySelector("[data-reader-slot]");
    // The words are the page's, in its language: "Signed in as {name}".
    if (slot) slot.textContent = slot.dataset.signedIn.replace("{name}", me.name);
    document.querySelectorAll("input[data-reader-email]").forEach(function (input) {
      if (!input.value) input.value = me.email;
    });
  }
  function start() {
    fetch("/account/me.json", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(fill)
      .catch(function () {});
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
