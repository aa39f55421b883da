// The preview beside the form: the story as readers will see it, at phone or desktop
// width, or as a search result and a social card. It shows the journalist's latest
// autosaved copy, and reloads at each autosave.
function startPreview(panel) {
  const frame = panel.querySelector("iframe");
  const buttons = [...panel.querySelectorAll("[data-preview-mode]")];
  let mode = "phone";

  const load = () => {
    const url = new URL(mode === "cards" ? panel.dataset.cardsUrl : panel.dataset.pageUrl, location.href);
    url.searchParams.set("at", Date.now());
    frame.src = url;
  };

  const choose = (button) => {
    mode = button.dataset.previewMode;
    for (const other of buttons) other.setAttribute("aria-pressed", String(other === button));
    panel.dataset.mode = mode;
    load();
  };

  for (const button of buttons) button.addEventListener("click", () => choose(button));
  document.addEventListener("desk:autosaved", load);
}

// Loaded in the page's head: the panel exists once the document is parsed.
document.addEventListener("DOMContentLoaded", () => {
  const panel = document.querySelector(".desk-preview");
  if (panel) startPreview(panel);
});
