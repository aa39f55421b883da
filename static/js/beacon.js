// Counts one reading of this story for the "Most read" lists: one request to our own
// site, with nothing but the story's number (no cookie, nothing about the reader).
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !navigator.sendBeacon) return;
  var story = script.getAttribute("data-story");
  var endpoint = script.getAttribute("data-endpoint");
  function send() {
    var body = new URLSearchParams({ story: story });
    navigator.sendBeacon(endpoint, body);
  }
  // Pages opened in the background (prerendered, a tab behind) count once they are seen.
  if (document.visibilityState === "visible") {
    send();
  } else {
    document.addEventListener("visibilitychange", function once() {
      if (document.visibilityState === "visible") {
        document.removeEventListener("visibilitychange", once);
        send();
      }
    });
  }
})();
