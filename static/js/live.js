// A live page while its coverage runs. Every few seconds (data-live-poll-seconds) it asks
// for the entries published after the newest one shown, and offers them: "3 new updates".
// Nothing moves until the reader clicks; then they go in at the top of the stream and
// focus moves to the first. The offer is announced politely to screen readers. Checks
// pause while the tab is hidden. Without this script, reloading the page shows them.
(() => {
  "use strict";

  const bar = document.querySelector("[data-live-updates]");
  if (!bar || !window.fetch) return;
  const list = document.getElementById(bar.dataset.liveList);
  const note = bar.querySelector("[data-live-note]");
  const button = bar.querySelector("[data-live-show]");
  const status = bar.querySelector("[data-live-status]");
  const interval = Math.max(1, Number(bar.dataset.livePollSeconds) || 25) * 1000;

  let since = bar.dataset.liveSince;
  let offered = null; // the newest answer with entries, until the reader takes them
  let timer = null;
  let lastCheck = Date.now();
  let running = true; // until coverage ends

  // Every word comes from the page, in its language (data-live-waiting, -one, -many,
  // -too-many); "{count}" stands for the number.
  const say = (name, count) => bar.dataset[name].replace("{count}", count);
  note.textContent = say("liveWaiting");

  function words(answer) {
    if (answer.more) return say("liveTooMany", answer.count);
    return answer.count === 1 ? say("liveOne") : say("liveMany", answer.count);
  }

  function offer(answer) {
    offered = answer;
    const text = words(answer);
    button.textContent = text;
    note.hidden = true;
    button.hidden = false;
    // A live region speaks when its text changes: only when the offer does.
    if (status.textContent !== text) status.textContent = text;
  }

  async function check() {
    timer = null;
    if (document.hidden) return; // picked up again on visibilitychange
    lastCheck = Date.now();
    try {
      const asked = since;
      const url = new URL(bar.dataset.liveUrl, window.location.href);
      url.searchParams.set("since", asked);
      // Revalidated every time: the browser's own copy of "nothing new" may not be
      // reused. Caches in front still answer (a 304 when nothing changed).
      const response = await fetch(url, {
        headers: { Accept: "application/json" },
        cache: "no-cache",
      });
      if (response.ok) {
        const answer = await response.json();
        // An answer to a question asked before the reader took the entries in would
        // offer them again: only an answer about the page as it is now counts.
        if (answer.count > 0 && asked === since) offer(answer);
        running = answer.live;
      }
    } catch (error) {
      // The network failed this once: ask again next time.
    }
    if (running) schedule(interval);
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, delay);
  }

  function insert() {
    if (!offered) return;
    if (offered.more) {
      window.location.reload();
      return;
    }
    const template = document.createElement("template");
    template.innerHTML = offered.html;
    const entries = Array.from(template.content.children).filter((el) => el.tagName === "LI");
    list.prepend(...entries);
    since = offered.since;
    offered = null;
    button.hidden = true;
    note.hidden = false;
    status.textContent = "";
    const empty = document.querySelector("[data-live-empty]");
    if (empty) empty.remove();
    // The reader asked for them: take them there, and screen readers read the first.
    if (entries.length) {
      entries[0].setAttribute("tabindex", "-1");
      entries[0].focus();
    }
  }

  button.addEventListener("click", insert);
  document.addEventListener("visibilitychange", () => {
    if (document.hidden || !running) return;
    // Back on the tab: check now if a check is due, else when it is.
    schedule(Math.max(0, interval - (Date.now() - lastCheck)));
  });
  schedule(interval);
})();
