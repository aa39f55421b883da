// Ctrl+S (⌘S on a Mac) saves the form and stays on it, as "Save and continue editing".
document.addEventListener("keydown", (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== "s") return;
  const button = document.querySelector("#content-main form input[name=_continue]");
  if (!button) return;
  event.preventDefault();
  button.click();
});
