// How figures, embeds and related articles look in the editor. A figure's alt text,
// caption and credit are edited in place, in fields that ProseMirror leaves alone.

let counter = 0;

/** An id no other element of the page has. */
export function uniqueId(prefix) {
  counter += 1;
  return "body-editor-" + prefix + "-" + counter;
}

/** An element with attributes and children (strings become text). */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) {
      element.setAttribute(name, "");
    }
    else if (value !== false && value != null) {
      element.setAttribute(name, String(value));
    }
  }
  element.append(...children.filter((child) => child != null));
  return element;
}

const FIGURE_FIELDS = [
  ["altText", "代替テキスト", "画像が見えない人に伝える内容"],
  ["caption", "キャプション", null],
  ["credit", "クレジット", null],
];

/** A figure: its image and the fields for alt text, caption and credit. */
export class FigureView {

  constructor(node, view, getPos) {
    this.node = node;
    this.view = view;
    this.getPos = getPos;
    this.image = h("img", { class: "be-figure-image", alt: "" });
    this.missing = h("p", { class: "be-figure-missing" }, "画像がありません");
    this.inputs = {};
    this.fields = h("div", { class: "be-figure-fields" });
    for (const [attr, label, hint] of FIGURE_FIELDS) {
      const id = uniqueId(attr);
      const hintId = hint ? id + "-hint" : null;
      const input = h("input", { type: "text", id, autocomplete: "off", "aria-describedby": hintId });
      input.addEventListener("input", () => this.set(attr, input.value));
      input.addEventListener("keydown", (event) => {
        // Enter would submit the article form
        if (event.key === "Enter") {
          event.preventDefault();
        }
      });
      this.inputs[attr] = input;
      this.fields.append(h("div", { class: "be-figure-field" },
        h("label", { for: id }, label), hintId ? h("span", { id: hintId, class: "be-field-hint" }, hint) : null, input));
    }
    // text in the fields is selected with the mouse, not dragged with the figure
    this.fields.addEventListener("pointerdown", () => {
      this.dom.draggable = false;
    });
    this.fields.addEventListener("pointerup", () => {
      this.dom.draggable = true;
    });
    this.dom = h("figure", { class: "be-figure", draggable: "true" },
      h("span", { class: "be-block-label", "aria-hidden": "true" }, "図"), this.image, this.missing, this.fields);
    this.render();
  }

  render() {
    const attrs = this.node.attrs;
    const src = attrs.src || attrs.imageUrl;
    if (src) {
      if (this.image.getAttribute("src") !== src) {
        this.image.setAttribute("src", src);
      }
      if (attrs.width && attrs.height) {
        this.image.setAttribute("width", attrs.width);
        this.image.setAttribute("height", attrs.height);
      }
    }
    this.image.hidden = !src;
    this.missing.hidden = Boolean(src);
    for (const [attr] of FIGURE_FIELDS) {
      const value = attrs[attr] || "";
      if (this.inputs[attr].value !== value) {
        this.inputs[attr].value = value;
      }
    }
  }

  set(attr, value) {
    const pos = this.getPos();
    if (pos == null) {
      return;
    }
    this.view.dispatch(this.view.state.tr.setNodeAttribute(pos, attr, value));
  }

  update(node) {
    if (node.type !== this.node.type) {
      return false;
    }
    this.node = node;
    this.render();
    return true;
  }

  selectNode() {
    this.dom.classList.add("ProseMirror-selectednode");
  }

  deselectNode() {
    this.dom.classList.remove("ProseMirror-selectednode");
  }

  stopEvent(event) {
    return this.fields.contains(event.target);
  }

  ignoreMutation() {
    return true;
  }

}

/** The host name of an address, without "www.". */
function host(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  }
  catch (e) {
    return "";
  }
}

/** An embed, as a card: where it comes from, its title and address (nothing is loaded). */
export function embedView(node) {
  const dom = h("div", { class: "be-card be-embed" },
    h("span", { class: "be-card-kind" }, "埋め込み: " + (host(node.attrs.url) || "—")),
    node.attrs.title ? h("span", { class: "be-card-title" }, node.attrs.title) : null,
    h("span", { class: "be-card-url" }, node.attrs.url));
  return { dom, ignoreMutation: () => true };
}

/** A related article: its headline and path. */
export function relatedView(node) {
  const dom = h("div", { class: "be-card be-related" },
    h("span", { class: "be-card-title" }, "関連記事: " + node.attrs.headline),
    h("span", { class: "be-card-url" }, node.attrs.path));
  return { dom, ignoreMutation: () => true };
}
