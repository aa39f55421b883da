// "Show More": the link already works on its own (it goes to the next page). When this
// script runs, a click fetches just the next items instead, appends them in place, moves
// keyboard focus to the first new story and puts the next page's address in the bar.
(() => {
  "use strict";

  // Going back past a Show More should show that page for real. A jump to an anchor
  // (the skip link) also fires popstate, but leaves the page's address as it was.
  const addressOf = (location) => location.pathname + location.search;
  let shown = addressOf(window.location);

  async function showMore(link) {
    const list = document.getElementById(link.dataset.showMore);
    const holder = link.closest(".show-more");
    const url = new URL(link.href, window.location.href);
    const fragmentUrl = new URL(url);
    fragmentUrl.searchParams.set("fragment", "1");

    link.setAttribute("aria-busy", "true");
    link.textContent = link.dataset.loading; // in the page's language
    try {
      const response = await fetch(fragmentUrl, { headers: { Accept: "text/html" } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const template = document.createElement("template");
      template.innerHTML = await response.text();

      const next = template.content.querySelector("[data-show-more]");
      const items = Array.from(template.content.children).filter((el) => el.tagName === "LI");
      items.forEach((item) => list.append(item));
      if (next) {
        next.dataset.showMore = list.id;
        holder.replaceWith(next.closest(".show-more"));
      } else {
        holder.remove();
      }
      // The headline's link, not the kicker's: a screen reader announces the story.
      const first = items[0] && items[0].querySelector("h2 a, h3 a, a[href]");
      if (first) first.focus();
      // Only the page's main list owns the address; the sidebar feed does not.
      if (list.id === "story-list") {
        window.history.pushState({}, "", url);
        shown = addressOf(url);
      }
    } catch (error) {
      // Fall back to the plain link: the next page loads the ordinary way.
      window.location.assign(url);
    }
  }

  window.addEventListener("popstate", () => {
    if (addressOf(window.location) !== shown) window.location.reload();
  });

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-show-more]");
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!document.getElementById(link.dataset.showMore)) return;
    event.preventDefault();
    showMore(link);
  });
})();
