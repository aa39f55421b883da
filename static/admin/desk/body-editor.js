// The story's body editor: django-prose-editor's ProseMirror build with the extensions
// the server lists (desk/admin/editor.py), a photo node for the library, and a word
// count. Loaded as a module; the editor bundle is imported by its path under our static
// files, so no import map (an inline script, which the CSP refuses) is needed.
import * as Prose from "../../django_prose_editor/editor.js";
import { PhotoNode, PhotoPicker } from "./photos.js";
import { countWords } from "./words.js";

const EMPTY = /^<(\w+)(\s[^>]*)?><\/\1>$/i;

function extensionsFrom(config) {
  const extensions = [];
  for (const [name, options] of Object.entries(config.extensions)) {
    const extension = Prose[name];
    if (!extension) {
      console.warn(`The body editor has no extension called ${name}.`);
      continue;
    }
    extensions.push(options && typeof options === "object" ? extension.configure(options) : extension);
  }
  return extensions;
}

function labelFor(textarea) {
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (label && !label.id) label.id = `${textarea.id}_label`;
  return label;
}

function createEditor(textarea) {
  const config = JSON.parse(textarea.dataset.deskEditor);
  const label = labelFor(textarea);
  // The editor, then its tools (the photo library, the word count), in one block of the
  // admin's row, where the textarea was.
  const block = document.createElement("div");
  block.className = "desk-body";
  const wrapper = document.createElement("div");
  wrapper.className = "prose-editor";
  textarea.before(block);
  wrapper.append(textarea);
  const tools = document.createElement("div");
  tools.className = "desk-tools";
  const words = document.createElement("p");
  words.className = "desk-words";
  words.id = `${textarea.id}_words`;
  block.append(wrapper, tools);

  const showCount = (editor) => {
    const { count, minutes } = countWords(editor.getText({ blockSeparator: "\n\n" }), config.wordsPerMinute);
    words.textContent = `${count} ${count === 1 ? "word" : "words"} · ${minutes} min read`;
  };

  const editor = new Prose.Editor({
    element: wrapper,
    // Its styles are in editor.css: an injected <style> would break the CSP.
    injectCSS: false,
    extensions: [...extensionsFrom(config), PhotoNode.configure({ picker: config.photoPicker })],
    content: textarea.value,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        ...(label ? { "aria-labelledby": label.id } : {}),
        "aria-describedby": words.id,
      },
    },
    onUpdate({ editor }) {
      const html = editor.getHTML();
      textarea.value = EMPTY.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
      showCount(editor);
    },
  });

  const picker = new PhotoPicker(config, (photo) => {
    editor.chain().focus().insertContent({ type: "deskPhoto", attrs: { id: String(photo.id) } }).run();
  });
  const place = document.createElement("button");
  place.type = "button";
  place.className = "button desk-tools__photo";
  place.textContent = "Place a photo from the library";
  place.addEventListener("click", () => picker.open(place));
  tools.append(place, words);
  showCount(editor);
  textarea.deskEditor = editor;
  return editor;
}

for (const textarea of document.querySelectorAll("textarea[data-desk-editor]")) {
  if (!textarea.disabled && !textarea.closest(".prose-editor")) createEditor(textarea);
}
