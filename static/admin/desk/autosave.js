// Never lose a sentence: a few seconds after the journalist stops typing (and at least
// every so often while they type on), the form's text goes to the server as a draft copy
// (articles/autosave.py). It is not a save: the article does not change. When the tab is
// closed or hidden with changes not yet sent, they are sent then. After each autosave
// the page announces "desk:autosaved" (the preview follows it).
const QUIET_MS = 2000;
const MAX_WAIT_MS = 15000;
const FIELDS = ["title", "standfirst", "body", "based_on"];

function startAutosave(desk) {
  const form = document.getElementById(desk.dataset.form);
  const status = document.getElementById("desk-autosave-status");
  if (!form || !form.elements.body) return;
  let quietTimer = null;
  let firstChange = null;
  let dirty = false;
  let submitting = false;

  const payload = () => {
    const data = new FormData();
    data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    for (const name of FIELDS) {
      if (form.elements[name]) data.append(name, form.elements[name].value);
    }
    return data;
  };

  const say = (text, problem = false) => {
    status.textContent = text;
    status.classList.toggle("desk-autosave--problem", problem);
  };

  const send = (keepalive = false) => {
    clearTimeout(quietTimer);
    quietTimer = null;
    firstChange = null;
    if (!dirty || submitting) return Promise.resolve();
    dirty = false;
    return fetch(desk.dataset.autosaveUrl, {
      method: "POST",
      body: payload(),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      keepalive,
    })
      .then((response) => response.json().then((data) => ({ ok: response.ok, data })))
      .then(({ ok, data }) => {
        if (!ok) {
          dirty = true;
          say(`Not autosaved: ${data.error}`, true);
          return;
        }
        say(`Autosaved at ${data.saved_at_display}. ${data.warning || ""}`.trim(), Boolean(data.warning));
        document.dispatchEvent(new CustomEvent("desk:autosaved", { detail: data }));
      })
      .catch(() => {
        dirty = true;
        say("Not autosaved: the server could not be reached. Your text is still here; it will be tried again.", true);
      });
  };

  const changed = () => {
    if (submitting) return;
    dirty = true;
    firstChange ??= Date.now();
    clearTimeout(quietTimer);
    const wait = Math.min(QUIET_MS, Math.max(0, firstChange + MAX_WAIT_MS - Date.now()));
    quietTimer = setTimeout(send, wait);
  };

  form.addEventListener("input", (event) => {
    if (FIELDS.includes(event.target.name)) changed();
  });
  form.addEventListener("submit", () => {
    submitting = true;
    clearTimeout(quietTimer);
  });
  // A closed tab, a crash of the browser after hiding, a phone switching apps.
  const flush = () => {
    if (dirty && !submitting) send(true);
  };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
}

// Loaded in the page's head: the form exists once the document is parsed.
document.addEventListener("DOMContentLoaded", () => {
  const desk = document.getElementById("desk");
  if (desk && desk.dataset.autosaveUrl) startAutosave(desk);
});
