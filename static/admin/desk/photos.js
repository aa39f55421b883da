// Photos from the library inside the body. The body stores only
// <figure data-photo="12"></figure>; the server turns it into the photo with its srcset,
// caption and credit when the story is saved (articles/body.py). Here the editor shows a
// thumbnail, and a dialog lets the journalist search the library and place a photo.
import { Node } from "../../django_prose_editor/editor.js";

const known = new Map();

function lookUp(url, params) {
  const query = new URLSearchParams(params);
  return fetch(`${url}?${query}`, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then((response) => {
      if (!response.ok) throw new Error(`The photo library answered ${response.status}.`);
      return response.json();
    })
    .then((data) => {
      for (const photo of data.photos) known.set(String(photo.id), photo);
      return data.photos;
    });
}

function describe(photo) {
  return [photo.caption, photo.credit && `(${photo.credit})`].filter(Boolean).join(" ");
}

function thumbnail(photo) {
  const img = document.createElement("img");
  img.src = photo.thumbnail;
  img.alt = "";
  img.width = photo.width;
  img.height = photo.height;
  return img;
}

function fillFigure(figure, photo) {
  figure.replaceChildren();
  if (!photo) {
    const missing = document.createElement("figcaption");
    missing.textContent = "This photo is no longer in the library: it will not be shown.";
    figure.append(missing);
    return;
  }
  const caption = document.createElement("figcaption");
  caption.textContent = describe(photo) || photo.alt;
  figure.append(thumbnail(photo), caption);
  figure.setAttribute("aria-label", `Photo: ${photo.alt}`);
}

export const PhotoNode = Node.create({
  name: "deskPhoto",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,
  addOptions() {
    return { picker: "" };
  },
  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-photo"),
        renderHTML: (attributes) => ({ "data-photo": attributes.id }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "figure[data-photo]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes];
  },
  addNodeView() {
    const picker = this.options.picker;
    return ({ node }) => {
      const figure = document.createElement("figure");
      figure.className = "desk-photo";
      figure.dataset.photo = node.attrs.id;
      const id = String(node.attrs.id);
      if (known.has(id)) fillFigure(figure, known.get(id));
      else
        lookUp(picker, { id })
          .then(() => fillFigure(figure, known.get(id)))
          .catch(() => fillFigure(figure, null));
      return { dom: figure };
    };
  },
});

// The library's dialog: search by caption or credit, newest first; a click places a photo.
export class PhotoPicker {
  constructor(config, onChoose) {
    this.config = config;
    this.onChoose = onChoose;
    this.dialog = null;
  }

  build() {
    const dialog = document.createElement("dialog");
    dialog.className = "desk-picker";
    dialog.setAttribute("aria-labelledby", "desk-picker-title");
    dialog.innerHTML = `
      <h2 id="desk-picker-title">Place a photo from the library</h2>
      <form method="dialog" class="desk-picker__search" role="search">
        <label for="desk-picker-q">Search by caption or credit</label>
        <input type="search" id="desk-picker-q" name="q" autocomplete="off">
      </form>
      <p class="desk-picker__status" role="status"></p>
      <ul class="desk-picker__results"></ul>
      <p class="desk-picker__footer">
        <a href="" target="_blank" rel="noopener">Upload a new photo</a> (opens in a new tab; search again here when it is saved).
        <button type="button" class="button desk-picker__close">Close</button>
      </p>`;
    dialog.querySelector(".desk-picker__footer a").href = this.config.photoAdd;
    document.body.append(dialog);
    const input = dialog.querySelector("input");
    let timer;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.search(input.value), 250);
    });
    dialog.querySelector("form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.search(input.value);
    });
    dialog.querySelector(".desk-picker__close").addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => this.opener?.focus());
    this.dialog = dialog;
  }

  open(opener) {
    if (!this.dialog) this.build();
    this.opener = opener;
    this.dialog.showModal();
    this.search(this.dialog.querySelector("input").value);
  }

  search(q) {
    const status = this.dialog.querySelector(".desk-picker__status");
    const list = this.dialog.querySelector(".desk-picker__results");
    status.textContent = "Searching…";
    lookUp(this.config.photoPicker, { q })
      .then((photos) => {
        list.replaceChildren(
          ...photos.map((photo) => {
            const item = document.createElement("li");
            const button = document.createElement("button");
            button.type = "button";
            button.className = "desk-picker__photo";
            const text = document.createElement("span");
            text.textContent = describe(photo) || photo.alt;
            button.append(thumbnail(photo), text);
            button.setAttribute("aria-label", `Place: ${photo.alt}. ${describe(photo)}`);
            button.addEventListener("click", () => {
              this.dialog.close();
              this.onChoose(photo);
            });
            item.append(button);
            return item;
          }),
        );
        status.textContent = photos.length
          ? `${photos.length} ${photos.length === 1 ? "photo" : "photos"}, newest first.`
          : "No photo matches. Upload it first, then search again.";
      })
      .catch((error) => {
        status.textContent = error.message;
      });
  }
}
