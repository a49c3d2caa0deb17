// The article body as ProseMirror sees it: the blocks the server stores, and the inline
// marks and ruby that paragraph markup can say. Parse rules read the server's template
// HTML and whatever is pasted; anything else is dropped.
import { Schema } from "prosemirror-model";

/** Whether a link may go to this address: http(s), mailto or a path of this site. */
export function allowedHref(href) {
  if (typeof href !== "string" || href === "") {
    return false;
  }
  if (href.startsWith("/")) {
    return !href.startsWith("//");
  }
  const lower = href.toLowerCase();
  return (/^https?:\/\/./.test(lower)) || (lower.startsWith("mailto:") && lower.length > 7);
}

/** The rel words the editor keeps (nofollow, sponsored), in that order. */
export function relOptions(rel) {
  const words = (rel || "").toLowerCase().split(/\s+/);
  return ["nofollow", "sponsored"].filter((word) => words.includes(word)).join(" ");
}

function data(dom, name) {
  const value = dom.getAttribute("data-" + name);
  return value == null ? "" : value;
}

function dataAttrs(prefix, attrs) {
  const out = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== "" && value != null) {
      out["data-" + prefix(name)] = String(value);
    }
  }
  return out;
}

const kebab = (name) => name.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());

/** The text of a ruby element without its rt and rp parts. */
function rubyBase(dom) {
  let base = "";
  dom.childNodes.forEach((child) => {
    if (child.nodeType === 3) {
      base += child.nodeValue;
    }
    else if (child.nodeType === 1 && !/^(RT|RP)$/.test(child.nodeName)) {
      base += child.textContent;
    }
  });
  return base;
}

/** Ruby text as the markup can carry it: no braces, bars or line breaks. */
export function rubyText(text) {
  return (text || "").replace(/[{|}\r\n]/g, "").trim();
}

/**
 * Pasted HTML with its style attributes turned into data-pasted-style="bold italic" (or
 * "normal"): the page's Content-Security-Policy drops style attributes when the pasted
 * HTML is parsed, and with them the bold and italics of word processors. Line breaks
 * become spaces (there are no hard breaks in a paragraph).
 */
export function pastedHTML(html) {
  return html
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<([a-z][a-z0-9]*)(\s[^>]*?)?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')([^>]*)>/gi,
      (tag, name, before, double, single, after) => {
        const style = (double ?? single ?? "").toLowerCase();
        const words = [];
        const weight = /font-weight\s*:\s*([a-z0-9]+)/.exec(style);
        if (weight) {
          words.push(/^(bold|bolder|[6-9]00)$/.test(weight[1]) ? "bold" : "normal");
        }
        if (/font-style\s*:\s*italic/.test(style)) {
          words.push("italic");
        }
        const data = words.length ? ' data-pasted-style="' + words.join(" ") + '"' : "";
        return "<" + name + (before || "") + data + after + ">";
      });
}

function pastedStyle(dom) {
  return (dom.getAttribute("data-pasted-style") || "").split(" ");
}

const figureAttrs = {
  mediaId: { default: "" },
  imageUrl: { default: "" },
  width: { default: "" },
  height: { default: "" },
  src: { default: "" },
  altText: { default: "" },
  caption: { default: "" },
  credit: { default: "" },
};

export const schema = new Schema({
  nodes: {
    doc: { content: "block+" },
    paragraph: {
      group: "block",
      content: "inline*",
      parseDOM: [{ tag: "p" }],
      toDOM: () => ["p", 0],
    },
    heading: {
      group: "block",
      content: "inline*",
      attrs: { level: { default: 2 } },
      defining: true,
      parseDOM: [
        { tag: "h1", attrs: { level: 2 } },
        { tag: "h2", attrs: { level: 2 } },
        { tag: "h3", attrs: { level: 3 } },
        { tag: "h4", attrs: { level: 3 } },
        { tag: "h5", attrs: { level: 3 } },
        { tag: "h6", attrs: { level: 3 } },
      ],
      toDOM: (node) => ["h" + node.attrs.level, 0],
    },
    quote: {
      group: "block",
      content: "paragraph+ quote_source",
      defining: true,
      parseDOM: [{ tag: "blockquote" }],
      toDOM: () => ["blockquote", 0],
    },
    quote_source: {
      content: "inline*",
      defining: true,
      parseDOM: [
        { tag: "p[data-quote-source]", priority: 60 },
        { tag: "footer", context: "quote/" },
        { tag: "cite", context: "quote/" },
      ],
      toDOM: () => ["p", { "data-quote-source": "", class: "quote-source" }, 0],
    },
    bullet_list: {
      group: "block",
      content: "list_item+",
      parseDOM: [{ tag: "ul" }],
      toDOM: () => ["ul", 0],
    },
    ordered_list: {
      group: "block",
      content: "list_item+",
      parseDOM: [{ tag: "ol" }],
      toDOM: () => ["ol", 0],
    },
    list_item: {
      content: "paragraph",
      defining: true,
      parseDOM: [{ tag: "li" }],
      toDOM: () => ["li", 0],
    },
    figure: {
      group: "block",
      atom: true,
      draggable: true,
      selectable: true,
      attrs: figureAttrs,
      parseDOM: [{
        tag: "figure",
        getAttrs(dom) {
          if (!dom.hasAttribute("data-media-id") && !dom.hasAttribute("data-image-url")) {
            return false;
          }
          const attrs = {};
          for (const name of Object.keys(figureAttrs)) {
            attrs[name] = data(dom, kebab(name));
          }
          return attrs;
        },
      }],
      toDOM: (node) => ["figure", dataAttrs(kebab, node.attrs)],
    },
    embed: {
      group: "block",
      atom: true,
      draggable: true,
      selectable: true,
      attrs: { url: { default: "" }, title: { default: "" } },
      parseDOM: [{
        tag: "div[data-embed-url]",
        getAttrs: (dom) => ({ url: data(dom, "embed-url"), title: data(dom, "embed-title") }),
      }],
      toDOM: (node) => ["div", { "data-embed-url": node.attrs.url, "data-embed-title": node.attrs.title }],
    },
    related: {
      group: "block",
      atom: true,
      draggable: true,
      selectable: true,
      attrs: { path: { default: "" }, headline: { default: "" } },
      parseDOM: [{
        tag: "div[data-related-path]",
        getAttrs: (dom) => ({ path: data(dom, "related-path"), headline: data(dom, "related-headline") }),
      }],
      toDOM: (node) => ["div", { "data-related-path": node.attrs.path, "data-related-headline": node.attrs.headline }],
    },
    horizontal_rule: {
      group: "block",
      atom: true,
      draggable: true,
      selectable: true,
      parseDOM: [{ tag: "hr" }],
      toDOM: () => ["hr"],
    },
    text: { group: "inline" },
    ruby: {
      group: "inline",
      inline: true,
      atom: true,
      selectable: true,
      attrs: { base: { default: "" }, reading: { default: "" } },
      parseDOM: [{
        tag: "ruby",
        getAttrs(dom) {
          const rt = dom.querySelector("rt");
          const base = rubyText(rubyBase(dom));
          const reading = rubyText(rt ? rt.textContent : "");
          return base && reading ? { base, reading } : false;
        },
      }],
      toDOM: (node) => ["ruby", node.attrs.base, ["rt", node.attrs.reading]],
    },
  },
  // the order here is the order of nesting: a link holds strong, strong holds emphasis
  marks: {
    link: {
      attrs: { href: {}, rel: { default: "" } },
      inclusive: false,
      excludes: "link",
      parseDOM: [{
        tag: "a[href]",
        getAttrs(dom) {
          const href = dom.getAttribute("href");
          return allowedHref(href) ? { href, rel: relOptions(dom.getAttribute("rel")) } : false;
        },
      }],
      toDOM: (mark) => ["a", {
        href: mark.attrs.href,
        rel: ("noopener noreferrer " + mark.attrs.rel).trim(),
      }, 0],
    },
    strong: {
      parseDOM: [
        { tag: "strong" },
        // Google Docs wraps what it copies in <b style="font-weight:normal">
        { tag: "b", getAttrs: (dom) => !pastedStyle(dom).includes("normal") && null },
        { tag: "[data-pasted-style~=bold]" },
      ],
      toDOM: () => ["strong", 0],
    },
    em: {
      parseDOM: [
        { tag: "em" },
        { tag: "i" },
        { tag: "[data-pasted-style~=italic]" },
      ],
      toDOM: () => ["em", 0],
    },
  },
});
