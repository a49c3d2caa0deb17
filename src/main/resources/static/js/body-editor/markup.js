// Writes the document as the server's form fields: one block per top-level node, with
// its words in the inline markup the server parses (the server is the only reader).
import { rubyText } from "./schema.js";

const SPECIAL = /[\\*[\](){}|]/g;

/** Markup that reads as exactly this text, on one line. */
export function escapeText(text) {
  return text.replace(/\r\n?|\n/g, " ").replace(SPECIAL, (c) => "\\" + c);
}

/** An address as a link's markup can hold it: no space or closing parenthesis. */
export function encodeHref(href) {
  return href.trim().replace(/[\u0000-\u0020\u007f)"'<>\\`]/g,
    (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
}

const MIXABLE = new Set(["strong", "em"]);

function open(mark) {
  switch (mark.type.name) {
    case "link": return "[";
    case "strong": return "**";
    default: return "*";
  }
}

function close(mark) {
  switch (mark.type.name) {
    case "link": {
      const rel = mark.attrs.rel ? " " + mark.attrs.rel : "";
      return "](" + encodeHref(mark.attrs.href) + rel + ")";
    }
    case "strong": return "**";
    default: return "*";
  }
}

function ruby(node) {
  const base = rubyText(node.attrs.base);
  const reading = rubyText(node.attrs.reading);
  if (!base) {
    return "";
  }
  return reading ? "{" + base + "|" + reading + "}" : escapeText(base);
}

/**
 * The markup of a textblock's content. Marks are opened and closed the way
 * prosemirror-markdown does it: a mark that goes on over neighbouring pieces is written
 * once, and strong and emphasis are reordered to keep an open one open.
 */
export function inlineMarkup(textblock) {
  let out = "";
  const active = [];
  const progress = (node) => {
    let marks = node ? node.marks.slice() : [];
    // keep a strong or emphasis that is already open outside one that starts here,
    // as long as the link (always outermost) stays the same
    const fixed = marks.filter((m) => !MIXABLE.has(m.type.name));
    const activeFixed = active.filter((m) => !MIXABLE.has(m.type.name));
    if (fixed.length === activeFixed.length && fixed.every((m, i) => m.eq(activeFixed[i]))) {
      const mixed = marks.filter((m) => MIXABLE.has(m.type.name));
      const kept = [];
      for (const m of active.filter((a) => MIXABLE.has(a.type.name))) {
        if (!mixed.some((x) => x.eq(m))) {
          break;
        }
        kept.push(m);
      }
      marks = fixed.concat(kept, mixed.filter((x) => !kept.some((k) => k.eq(x))));
    }
    let keep = 0;
    while (keep < Math.min(active.length, marks.length) && marks[keep].eq(active[keep])) {
      keep++;
    }
    while (keep < active.length) {
      out += close(active.pop());
    }
    while (active.length < marks.length) {
      const mark = marks[active.length];
      active.push(mark);
      out += open(mark);
    }
  };
  textblock.forEach((node) => {
    progress(node);
    if (node.isText) {
      out += escapeText(node.text);
    }
    else if (node.type.name === "ruby") {
      out += ruby(node);
    }
  });
  progress(null);
  return out;
}

function joinLines(container) {
  const lines = [];
  container.descendants((node) => {
    if (node.isTextblock) {
      lines.push(inlineMarkup(node));
      return false;
    }
    return true;
  });
  return lines.join("\n");
}

/**
 * The form fields of one top-level node: an object of field name (without the
 * {@code blocks[i].} prefix) to value, kind first.
 */
export function blockFields(node) {
  const name = node.type.name;
  switch (name) {
    case "paragraph":
      return { kind: "PARAGRAPH", text: inlineMarkup(node) };
    case "heading":
      return { kind: node.attrs.level === 3 ? "SUBHEADING" : "HEADING", text: inlineMarkup(node) };
    case "quote": {
      const paragraphs = [];
      let source = "";
      node.forEach((child) => {
        if (child.type.name === "quote_source") {
          source = inlineMarkup(child);
        }
        else {
          paragraphs.push(inlineMarkup(child));
        }
      });
      return { kind: "QUOTE", text: paragraphs.join("\n"), source };
    }
    case "bullet_list":
      return { kind: "BULLETED_LIST", text: joinLines(node) };
    case "ordered_list":
      return { kind: "NUMBERED_LIST", text: joinLines(node) };
    case "figure": {
      const a = node.attrs;
      return {
        kind: "FIGURE",
        mediaId: String(a.mediaId ?? ""),
        imageUrl: a.imageUrl || "",
        width: String(a.width ?? ""),
        height: String(a.height ?? ""),
        altText: a.altText || "",
        caption: a.caption || "",
        credit: a.credit || "",
      };
    }
    case "embed":
      return { kind: "EMBED", url: node.attrs.url, text: escapeText(node.attrs.title || "") };
    case "related":
      return { kind: "RELATED", url: node.attrs.path };
    case "horizontal_rule":
      return { kind: "SEPARATOR" };
    default:
      return null;
  }
}

/** The fields of the whole document, one object per block in document order. */
export function documentFields(doc) {
  const blocks = [];
  doc.forEach((node) => {
    const fields = blockFields(node);
    if (fields) {
      blocks.push(fields);
    }
  });
  return blocks;
}
