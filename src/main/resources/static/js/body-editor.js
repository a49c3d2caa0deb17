// The article body editor: replaces the list of block fields of the article form with a
// ProseMirror editor, and keeps hidden fields with the same names in step with it, so
// that the form is saved as before.
//
// One file, so that its fingerprinted URL (body-editor-<hash>.js) covers all of it: the
// static files are cached for a year, and modules imported by their plain names would
// outlive an update.
import { DOMParser, Fragment, Schema, Slice } from "prosemirror-model";
import { EditorState, NodeSelection, Plugin, PluginKey, Selection, TextSelection } from "prosemirror-state";
import { Decoration, DecorationSet, EditorView } from "prosemirror-view";
import { insertPoint } from "prosemirror-transform";
import { baseKeymap, chainCommands, joinTextblockBackward, splitBlockAs, toggleMark } from "prosemirror-commands";
import { keymap } from "prosemirror-keymap";
import { history, redo, undo } from "prosemirror-history";
import { liftListItem, splitListItem } from "prosemirror-schema-list";
import { dropCursor } from "prosemirror-dropcursor";
import { gapCursor } from "prosemirror-gapcursor";

// --------------------------------------------------------------------------------------
// The article body as ProseMirror sees it: the blocks the server stores, and the inline
// marks and ruby that paragraph markup can say. Parse rules read the server's template
// HTML and whatever is pasted; anything else is dropped.

/** Whether a link may go to this address: http(s), mailto or a path of this site. */
function allowedHref(href) {
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
function relOptions(rel) {
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
function rubyText(text) {
  return (text || "").replace(/[{|}\r\n]/g, "").trim();
}

/**
 * Pasted HTML with its style attributes turned into data-pasted-style="bold italic" (or
 * "normal"): the page's Content-Security-Policy drops style attributes when the pasted
 * HTML is parsed, and with them the bold and italics of word processors. Line breaks
 * become spaces (there are no hard breaks in a paragraph).
 */
function pastedHTML(html) {
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

const schema = new Schema({
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


const { nodes, marks } = schema;

// --------------------------------------------------------------------------------------
// Writes the document as the server's form fields: one block per top-level node, with
// its words in the inline markup the server parses (the server is the only reader).

const SPECIAL = /[\\*[\](){}|]/g;

/** Markup that reads as exactly this text, on one line. */
function escapeText(text) {
  return text.replace(/\r\n?|\n/g, " ").replace(SPECIAL, (c) => "\\" + c);
}

/** An address as a link's markup can hold it: no space or closing parenthesis. */
function encodeHref(href) {
  return href.trim().replace(/[\u0000-\u0020\u007f)"'<>\\`]/g,
    (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
}

const MIXABLE = new Set(["strong", "em"]);

function openMark(mark) {
  switch (mark.type.name) {
    case "link": return "[";
    case "strong": return "**";
    default: return "*";
  }
}

function closeMark(mark) {
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
function inlineMarkup(textblock) {
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
      out += closeMark(active.pop());
    }
    while (active.length < marks.length) {
      const mark = marks[active.length];
      active.push(mark);
      out += openMark(mark);
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
function blockFields(node) {
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
function documentFields(doc) {
  const blocks = [];
  doc.forEach((node) => {
    const fields = blockFields(node);
    if (fields) {
      blocks.push(fields);
    }
  });
  return blocks;
}

// --------------------------------------------------------------------------------------
// Commands on the blocks of the body: change the kind of the blocks at the cursor, move
// and delete them, insert blocks, and the inline link and ruby.

const { paragraph, heading, quote, quote_source: quoteSource, list_item: listItem } = schema.nodes;

/** The kinds a block with words can be set to, by the toolbar's names. */
const KINDS = ["paragraph", "heading2", "heading3", "quote", "bullet_list", "ordered_list"];

/** The kind of a top-level block, or null for a figure, embed, related article or rule. */
function kindOf(node) {
  switch (node.type.name) {
    case "paragraph": return "paragraph";
    case "heading": return node.attrs.level === 3 ? "heading3" : "heading2";
    case "quote":
    case "bullet_list":
    case "ordered_list": return node.type.name;
    default: return null;
  }
}

/**
 * The top-level blocks the selection touches: their first and last index and the
 * position where the first starts. A cursor beside a block (gap cursor) touches none.
 */
function selectedBlocks(state) {
  const { $from, $to, empty } = state.selection;
  const from = $from.index(0);
  let to = $to.depth === 0 ? $to.index(0) - 1 : $to.index(0);
  if ($from.depth === 0 && empty) {
    return null;
  }
  to = Math.max(from, Math.min(to, state.doc.childCount - 1));
  if (from >= state.doc.childCount) {
    return null;
  }
  let start = 0;
  for (let i = 0; i < from; i++) {
    start += state.doc.child(i).nodeSize;
  }
  let end = start;
  for (let i = from; i <= to; i++) {
    end += state.doc.child(i).nodeSize;
  }
  return { from, to, start, end };
}

/** The kind of the block with the cursor (null when it is not a block with words). */
function currentKind(state) {
  const blocks = selectedBlocks(state);
  return blocks ? kindOf(state.doc.child(blocks.from)) : null;
}

/** The words of a block, one inline fragment per line, with the position each starts at. */
function linesOf(node, start) {
  const lines = [];
  node.descendants((child, pos) => {
    if (child.isTextblock) {
      const isEmptySource = child.type === quoteSource && child.content.size === 0;
      lines.push({ content: child.content, start: start + 1 + pos + 1, size: child.content.size, dropped: isEmptySource });
      return false;
    }
    return true;
  });
  if (node.isTextblock) {
    lines.push({ content: node.content, start: start + 1, size: node.content.size, dropped: false });
  }
  return lines;
}

function build(kind, contents) {
  switch (kind) {
    case "paragraph":
      return contents.map((content) => paragraph.create(null, content));
    case "heading2":
    case "heading3": {
      const level = kind === "heading3" ? 3 : 2;
      return contents.map((content) => heading.create({ level }, content));
    }
    case "quote": {
      const paragraphs = (contents.length ? contents : [Fragment.empty]).map((c) => paragraph.create(null, c));
      return [quote.create(null, paragraphs.concat(quoteSource.create()))];
    }
    default: {
      const items = (contents.length ? contents : [Fragment.empty])
        .map((c) => listItem.create(null, paragraph.create(null, c)));
      return [schema.nodes[kind].create(null, items)];
    }
  }
}

/**
 * Sets the kind of the blocks the selection touches, keeping their words and the
 * cursor. Several paragraphs become one list or one quote; a list or quote becomes one
 * paragraph (or heading) per line. Setting the kind they all have already turns them
 * back into paragraphs.
 */
function setKind(kind) {
  return (state, dispatch) => {
    const blocks = selectedBlocks(state);
    if (!blocks) {
      return false;
    }
    const nodes = [];
    for (let i = blocks.from; i <= blocks.to; i++) {
      nodes.push(state.doc.child(i));
    }
    const kinds = nodes.map(kindOf).filter((k) => k !== null);
    if (kinds.length === 0) {
      return false;
    }
    let target = kind;
    if (kinds.every((k) => k === kind)) {
      if (kind === "paragraph") {
        return false;
      }
      target = "paragraph";
    }
    if (!dispatch) {
      return true;
    }
    const container = target === "quote" || target.endsWith("_list");
    const replacement = [];
    const lines = [];
    let run = [];
    const flush = () => {
      if (run.length) {
        replacement.push(...build(target, run));
        run = [];
      }
    };
    let pos = blocks.start;
    for (const node of nodes) {
      if (kindOf(node) === null) {
        flush();
        replacement.push(node);
      }
      else {
        for (const line of linesOf(node, pos)) {
          lines.push(line);
          if (!line.dropped) {
            run.push(line.content);
          }
        }
        if (!container) {
          flush();
        }
      }
      pos += node.nodeSize;
    }
    flush();
    const tr = state.tr.replaceWith(blocks.start, blocks.end, replacement);
    // where each kept line starts now, in order
    const starts = [];
    const newEnd = blocks.start + Fragment.from(replacement).size;
    tr.doc.nodesBetween(blocks.start, newEnd, (node, p) => {
      if (node.isTextblock) {
        starts.push(p + 1);
        return false;
      }
      return true;
    });
    const place = (old) => {
      let kept = -1;
      for (const line of lines) {
        if (!line.dropped) {
          kept++;
        }
        if (old >= line.start && old <= line.start + line.size) {
          return line.dropped ? null : starts[kept] + (old - line.start);
        }
      }
      return null;
    };
    const sel = state.selection;
    const anchor = place(sel.anchor);
    const head = place(sel.head);
    if (anchor !== null && head !== null && sel instanceof TextSelection) {
      tr.setSelection(TextSelection.create(tr.doc, anchor, head));
    }
    else {
      tr.setSelection(Selection.near(tr.doc.resolve(Math.min(blocks.start + 1, tr.doc.content.size))));
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

function shifted(selection, doc, delta) {
  const json = selection.toJSON();
  for (const key of ["anchor", "head", "pos"]) {
    if (typeof json[key] === "number") {
      json[key] += delta;
    }
  }
  return Selection.fromJSON(doc, json);
}

/**
 * Moves the top-level blocks the selection touches one place up (-1) or down (1);
 * `moved(index, count)` is told the new (0-based) place of the first and how many
 * blocks there are.
 */
function moveBlocks(direction, moved) {
  return (state, dispatch) => {
    const blocks = selectedBlocks(state);
    if (!blocks) {
      return false;
    }
    const { doc } = state;
    const range = [];
    for (let i = blocks.from; i <= blocks.to; i++) {
      range.push(doc.child(i));
    }
    let tr;
    let delta;
    if (direction < 0) {
      if (blocks.from === 0) {
        return false;
      }
      if (!dispatch) {
        return true;
      }
      const before = doc.child(blocks.from - 1);
      tr = state.tr.replaceWith(blocks.start - before.nodeSize, blocks.end, range.concat(before));
      delta = -before.nodeSize;
    }
    else {
      if (blocks.to >= doc.childCount - 1) {
        return false;
      }
      if (!dispatch) {
        return true;
      }
      const after = doc.child(blocks.to + 1);
      tr = state.tr.replaceWith(blocks.start, blocks.end + after.nodeSize, [after].concat(range));
      delta = after.nodeSize;
    }
    tr.setSelection(shifted(state.selection, tr.doc, delta));
    dispatch(tr.scrollIntoView());
    if (moved) {
      moved(blocks.from + direction, tr.doc.childCount);
    }
    return true;
  };
}

/** Deletes the top-level blocks the selection touches; `deleted(count)` is told how many are left. */
function deleteBlocks(deleted) {
  return (state, dispatch) => {
    const blocks = selectedBlocks(state);
    if (!blocks) {
      return false;
    }
    if (dispatch) {
      const tr = state.tr.delete(blocks.start, blocks.end);
      if (tr.doc.childCount === 0) {
        tr.insert(0, paragraph.create());
      }
      const at = Math.min(blocks.start, tr.doc.content.size);
      tr.setSelection(Selection.near(tr.doc.resolve(at), 1));
      dispatch(tr.scrollIntoView());
      if (deleted) {
        deleted(tr.doc.childCount);
      }
    }
    return true;
  };
}

/** Where a new block goes: after the block with the cursor (or in place of an empty paragraph). */
function blockInsertion(state) {
  const blocks = selectedBlocks(state);
  if (!blocks) {
    const pos = state.selection.from;
    return { from: pos, to: pos };
  }
  const last = state.doc.child(blocks.to);
  if (blocks.from === blocks.to && last.type === paragraph && last.content.size === 0) {
    return { from: blocks.start, to: blocks.end };
  }
  return { from: blocks.end, to: blocks.end };
}

/**
 * Inserts a block (a figure, embed, related article or rule) at the place
 * {@link blockInsertion} gives, or at `at`, and selects it. A paragraph follows it when
 * it would be last, so that the writing can go on.
 */
function insertBlock(node, at) {
  return (state, dispatch) => {
    let { from, to } = at !== undefined ? { from: at, to: at } : blockInsertion(state);
    if (from === to) {
      const point = insertPoint(state.doc, from, node.type);
      if (point == null) {
        return false;
      }
      from = to = point;
    }
    if (dispatch) {
      const tr = state.tr.replaceWith(from, to, node);
      const after = from + node.nodeSize;
      if (after >= tr.doc.content.size) {
        tr.insert(tr.doc.content.size, paragraph.create());
      }
      if (node.isAtom) {
        tr.setSelection(NodeSelection.create(tr.doc, from));
      }
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** The range of the mark of this type at (or just before) the position, if any. */
function markRange($pos, type) {
  const parent = $pos.parent;
  const start = $pos.start();
  let index = $pos.index();
  let offset = $pos.parentOffset;
  let mark = index < parent.childCount ? type.isInSet(parent.child(index).marks) : null;
  if (!mark && index > 0 && $pos.textOffset === 0) {
    index--;
    mark = type.isInSet(parent.child(index).marks);
    offset -= parent.child(index).nodeSize;
  }
  if (!mark) {
    return null;
  }
  let from = start;
  for (let i = 0; i < index; i++) {
    from += parent.child(i).nodeSize;
  }
  let first = index;
  while (first > 0 && mark.isInSet(parent.child(first - 1).marks)) {
    first--;
    from -= parent.child(first).nodeSize;
  }
  let to = from;
  for (let i = first; i < parent.childCount && mark.isInSet(parent.child(i).marks); i++) {
    to += parent.child(i).nodeSize;
  }
  return { from, to, mark };
}

/** The link at the selection: its range and attributes, or null. */
function linkAt(state) {
  const type = schema.marks.link;
  const { from, to, $from, empty } = state.selection;
  if (empty) {
    return markRange($from, type);
  }
  let found = null;
  state.doc.nodesBetween(from, to, (node) => {
    if (!found && node.isInline) {
      found = type.isInSet(node.marks);
    }
  });
  return found ? { from, to, mark: found } : null;
}

/**
 * Links the selection (or the link at the cursor) to `href` with these rel words; with
 * an empty `href`, removes the link. With nothing selected and no link, inserts the
 * address as the link's words.
 */
function applyLink(href, rel) {
  return (state, dispatch) => {
    const type = schema.marks.link;
    const existing = linkAt(state);
    let { from, to } = state.selection;
    if (state.selection.empty && existing) {
      ({ from, to } = existing);
    }
    if (!dispatch) {
      return true;
    }
    const tr = state.tr;
    if (!href) {
      if (existing) {
        tr.removeMark(from, to, type);
        dispatch(tr);
      }
      return true;
    }
    const mark = type.create({ href, rel });
    if (from === to) {
      tr.insertText(href, from);
      to = from + href.length;
      tr.setSelection(TextSelection.create(tr.doc, to));
    }
    tr.removeMark(from, to, type).addMark(from, to, mark);
    tr.removeStoredMark(type);
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** The ruby at the selection (a selected ruby), or null. */
function rubyAt(state) {
  const sel = state.selection;
  return sel instanceof NodeSelection && sel.node.type === schema.nodes.ruby ? sel.node : null;
}

/** Puts a ruby with this base and reading in place of the selection (or the selected ruby). */
function applyRuby(base, reading) {
  return (state, dispatch) => {
    if (!state.selection.$from.parent.inlineContent && !rubyAt(state)) {
      return false;
    }
    if (dispatch) {
      const { from, to, $from } = state.selection;
      const marks = from < to ? state.doc.nodeAt(from).marks : $from.marks();
      const node = schema.nodes.ruby.create({ base, reading }, null, marks);
      const tr = state.tr.replaceWith(from, to, node);
      tr.setSelection(TextSelection.create(tr.doc, from + node.nodeSize));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

// --------------------------------------------------------------------------------------
// How figures, embeds and related articles look in the editor. A figure's alt text,
// caption and credit are edited in place, in fields that ProseMirror leaves alone.

let counter = 0;

/** An id no other element of the page has. */
function uniqueId(prefix) {
  counter += 1;
  return "body-editor-" + prefix + "-" + counter;
}

/** An element with attributes and children (strings become text). */
function h(tag, attrs = {}, ...children) {
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
class FigureView {

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
function embedView(node) {
  const dom = h("div", { class: "be-card be-embed" },
    h("span", { class: "be-card-kind" }, "埋め込み: " + (host(node.attrs.url) || "—")),
    node.attrs.title ? h("span", { class: "be-card-title" }, node.attrs.title) : null,
    h("span", { class: "be-card-url" }, node.attrs.url));
  return { dom, ignoreMutation: () => true };
}

/** A related article: its headline and path. */
function relatedView(node) {
  const dom = h("div", { class: "be-card be-related" },
    h("span", { class: "be-card-title" }, "関連記事: " + node.attrs.headline),
    h("span", { class: "be-card-url" }, node.attrs.path));
  return { dom, ignoreMutation: () => true };
}

// --------------------------------------------------------------------------------------
// The editor's dialogs (native <dialog>, modal): link, ruby, embed and related article.
// Each opens with the focus on its first field and resolves to the answer, or to null
// when cancelled (the cancel button or Escape); the caller gives the focus back.

/** A text field with its label, hint and error message. */
function field(label, { hint, type = "text", inputmode } = {}) {
  const id = uniqueId("field");
  const errorId = id + "-error";
  const hintId = hint ? id + "-hint" : null;
  const input = h("input", {
    type, id, autocomplete: "off", inputmode, "aria-describedby": [hintId, errorId].filter(Boolean).join(" "),
  });
  const error = h("p", { id: errorId, class: "be-field-error" });
  const wrapper = h("div", { class: "be-dialog-field" },
    h("label", { for: id }, label), hint ? h("p", { id: hintId, class: "be-field-hint" }, hint) : null, input, error);
  return {
    wrapper,
    input,
    setError(message) {
      error.textContent = message || "";
      if (message) {
        input.setAttribute("aria-invalid", "true");
      }
      else {
        input.removeAttribute("aria-invalid");
      }
    },
  };
}

function checkbox(label) {
  const id = uniqueId("check");
  const input = h("input", { type: "checkbox", id });
  return { wrapper: h("div", { class: "be-dialog-check" }, input, h("label", { for: id }, label)), input };
}

/**
 * A modal dialog with a title, some content and the buttons: `submitLabel` (absent for
 * a dialog whose content answers) and キャンセル. `submit()` returns the answer, or
 * undefined to keep the dialog open (after showing an error).
 */
function modal(title, content, { submitLabel, submit, onOpen }) {
  const titleId = uniqueId("dialog-title");
  const buttons = h("div", { class: "be-dialog-actions" });
  if (submitLabel) {
    buttons.append(h("button", { type: "submit", class: "button" }, submitLabel));
  }
  const cancel = h("button", { type: "button", class: "button button-secondary" }, "キャンセル");
  buttons.append(cancel);
  const form = h("form", { method: "dialog", class: "be-dialog-form", novalidate: true },
    h("h2", { id: titleId, class: "be-dialog-title" }, title), ...content, buttons);
  const dialog = h("dialog", { class: "be-dialog", "aria-labelledby": titleId }, form);
  document.body.append(dialog);
  let resolve = null;
  const finish = (answer) => {
    if (resolve) {
      const done = resolve;
      resolve = null;
      done(answer);
    }
    if (dialog.open) {
      dialog.close();
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const answer = submit ? submit() : undefined;
    if (answer !== undefined) {
      finish(answer);
    }
  });
  cancel.addEventListener("click", () => finish(null));
  dialog.addEventListener("close", () => finish(null));
  return {
    dialog,
    finish,
    open(...args) {
      return new Promise((done) => {
        resolve = done;
        dialog.showModal();
        const first = onOpen(...args);
        if (first) {
          first.focus();
        }
      });
    },
  };
}

/** The link dialog: address and the rel words; an empty address removes the link. */
function linkDialog() {
  const address = field("リンク先のアドレス", {
    hint: "http(s)://、mailto: または / で始まるアドレス。空にするとリンクを外します。", inputmode: "url",
  });
  const nofollow = checkbox("nofollow（リンク先を推奨しない）");
  const sponsored = checkbox("sponsored（広告・スポンサーのリンク）");
  return modal("リンク", [address.wrapper, nofollow.wrapper, sponsored.wrapper], {
    submitLabel: "適用",
    submit() {
      const href = address.input.value.trim();
      if (href && !allowedHref(href)) {
        address.setError("http(s)://、mailto: または / で始まるアドレスを入力してください");
        address.input.focus();
        return undefined;
      }
      const rel = [nofollow.input.checked && "nofollow", sponsored.input.checked && "sponsored"].filter(Boolean);
      return { href, rel: rel.join(" ") };
    },
    onOpen(link) {
      address.setError(null);
      address.input.value = link ? link.href : "";
      const rel = link ? link.rel.split(" ") : [];
      nofollow.input.checked = rel.includes("nofollow");
      sponsored.input.checked = rel.includes("sponsored");
      return address.input;
    },
  });
}

/** The ruby dialog: the base (the selected text) and its reading. */
function rubyDialog() {
  const base = field("親文字");
  const reading = field("読み（ふりがな）");
  return modal("ルビ", [base.wrapper, reading.wrapper], {
    submitLabel: "適用",
    submit() {
      const b = rubyText(base.input.value);
      const r = rubyText(reading.input.value);
      base.setError(b ? null : "ルビを振る文字を入力してください");
      reading.setError(r ? null : "読みを入力してください");
      if (!b || !r) {
        (b ? reading : base).input.focus();
        return undefined;
      }
      return { base: b, reading: r };
    },
    onOpen(initial) {
      base.setError(null);
      reading.setError(null);
      base.input.value = initial.base || "";
      reading.input.value = initial.reading || "";
      return base.input.value ? reading.input : base.input;
    },
  });
}

/** The embed dialog: an https address and an optional title. */
function embedDialog() {
  const address = field("埋め込むページのアドレス", { hint: "https:// で始まるアドレス（YouTube など）", inputmode: "url" });
  const title = field("タイトル（任意）");
  return modal("埋め込み", [address.wrapper, title.wrapper], {
    submitLabel: "挿入",
    submit() {
      const url = address.input.value.trim();
      let valid = false;
      try {
        valid = new URL(url).protocol === "https:" && /^https:\/\//i.test(url);
      }
      catch (e) {
        valid = false;
      }
      if (!valid) {
        address.setError("https:// で始まるアドレスを入力してください");
        address.input.focus();
        return undefined;
      }
      return { url, title: title.input.value.replace(/\s+/g, " ").trim() };
    },
    onOpen() {
      address.setError(null);
      address.input.value = "";
      title.input.value = "";
      return address.input;
    },
  });
}

/**
 * The related article dialog: a search field; as one types, the matching articles
 * (from `lookupUrl`) are listed as buttons, and choosing one answers.
 */
function relatedDialog(lookupUrl) {
  const search = field("記事を検索", { hint: "見出しの一部を入力すると候補が出ます。↓キーで候補に移れます。", type: "search" });
  const status = h("p", { class: "be-dialog-status", role: "status", "aria-live": "polite" });
  const results = h("ul", { class: "be-results", "aria-label": "検索結果" });
  let timer = null;
  let controller = null;
  let latest = "";
  const buttons = () => Array.from(results.querySelectorAll("button"));

  const show = (items) => {
    results.replaceChildren(...items.map((item) => {
      const button = h("button", { type: "button", class: "be-result" },
        h("span", { class: "be-result-headline" }, item.headline), h("span", { class: "be-result-path" }, item.path));
      button.addEventListener("click", () => dialog.finish({ path: item.path, headline: item.headline }));
      return h("li", {}, button);
    }));
    status.textContent = items.length ? items.length + "件の記事が見つかりました" : "記事が見つかりませんでした";
  };

  const lookup = async (q) => {
    if (controller) {
      controller.abort();
    }
    if (!q) {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    controller = new AbortController();
    status.textContent = "検索しています…";
    try {
      const response = await fetch(lookupUrl + "?q=" + encodeURIComponent(q),
        { headers: { Accept: "application/json" }, signal: controller.signal });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const items = await response.json();
      if (q === latest) {
        show((Array.isArray(items) ? items : []).filter((item) => item && item.path).slice(0, 10));
      }
    }
    catch (e) {
      if (e.name !== "AbortError") {
        status.textContent = "検索できませんでした。もう一度お試しください。";
      }
    }
  };

  search.input.addEventListener("input", () => {
    latest = search.input.value.trim();
    clearTimeout(timer);
    timer = setTimeout(() => lookup(latest), 250);
  });
  search.input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && buttons().length) {
      event.preventDefault();
      buttons()[0].focus();
    }
  });
  results.addEventListener("keydown", (event) => {
    const list = buttons();
    const index = list.indexOf(document.activeElement);
    if (index < 0) {
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = index + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) {
        search.input.focus();
      }
      else {
        list[Math.min(next, list.length - 1)].focus();
      }
    }
  });

  const dialog = modal("関連記事", [search.wrapper, status, results], {
    submit() {
      // Enter in the search field searches at once
      latest = search.input.value.trim();
      clearTimeout(timer);
      lookup(latest);
      return undefined;
    },
    onOpen() {
      search.input.value = "";
      latest = "";
      results.replaceChildren();
      status.textContent = "";
      return search.input;
    },
  });
  return dialog;
}

// --------------------------------------------------------------------------------------
// Uploading images: a placeholder shows where each image goes while it uploads; the
// figure takes its place when the server answers.

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"];

const uploadKey = new PluginKey("body-editor-uploads");

const uploadPlaceholders = new Plugin({
  key: uploadKey,
  state: {
    init: () => DecorationSet.empty,
    apply(tr, set) {
      let next = set.map(tr.mapping, tr.doc);
      const meta = tr.getMeta(uploadKey);
      if (meta && meta.add) {
        const widget = h("div", { class: "be-upload-placeholder" }, "画像をアップロードしています…（" + meta.add.name + "）");
        next = next.add(tr.doc, [Decoration.widget(meta.add.pos, widget, { id: meta.add.id, side: -1 })]);
      }
      if (meta && meta.remove) {
        next = next.remove(next.find(undefined, undefined, (spec) => spec.id === meta.remove));
      }
      return next;
    },
  },
  props: {
    decorations(state) {
      return this.getState(state);
    },
  },
});

function placeholderPos(state, id) {
  const found = uploadKey.getState(state).find(undefined, undefined, (spec) => spec.id === id);
  return found.length ? found[0].from : null;
}

/** The images among these files. */
function imageFiles(files) {
  return Array.from(files || []).filter((file) => file.type.startsWith("image/"));
}

/**
 * Uploads each file and puts a figure for it at `pos` (a position between top-level
 * blocks). `options`: url, csrf (token or null), announce(message), error(message).
 */
function uploadImages(view, files, pos, options) {
  for (const file of files) {
    if (!IMAGE_TYPES.includes(file.type)) {
      options.error("JPEG、PNG、WebP、GIF の画像を選んでください（" + file.name + "）");
      continue;
    }
    upload(view, file, pos, options);
  }
}

async function upload(view, file, pos, options) {
  const id = {};
  view.dispatch(view.state.tr.setMeta(uploadKey, { add: { id, pos, name: file.name } }));
  options.announce("画像をアップロードしています: " + file.name);
  let message = null;
  let item = null;
  try {
    const body = new FormData();
    body.append("file", file);
    const headers = { Accept: "application/json" };
    if (options.csrf) {
      headers["X-CSRF-TOKEN"] = options.csrf;
    }
    const response = await fetch(options.url, { method: "POST", headers, body, credentials: "same-origin" });
    const json = await response.json().catch(() => null);
    if (response.ok && json && json.id != null) {
      item = json;
    }
    else {
      message = (json && json.message) || "画像をアップロードできませんでした（" + response.status + "）";
    }
  }
  catch (e) {
    message = "画像をアップロードできませんでした。接続を確かめてください。";
  }
  const at = placeholderPos(view.state, id);
  const tr = view.state.tr.setMeta(uploadKey, { remove: id });
  if (item && at != null) {
    const figure = schema.nodes.figure.create({
      mediaId: String(item.id),
      imageUrl: "",
      width: item.width != null ? String(item.width) : "",
      height: item.height != null ? String(item.height) : "",
      src: item.thumbnail || item.src || "",
      altText: item.altText || "",
      caption: item.caption || "",
      credit: item.credit || "",
    });
    const point = insertPoint(tr.doc, at, figure.type);
    if (point != null) {
      tr.insert(point, figure);
    }
    else {
      message = "画像を置く場所が見つかりませんでした";
    }
  }
  view.dispatch(tr);
  if (message) {
    options.error(message);
  }
  else {
    options.announce("画像を挿入しました: " + file.name + "。代替テキストを入力してください。");
  }
}

// --------------------------------------------------------------------------------------
// The toolbar: groups of buttons with one tab stop (arrow keys move between buttons,
// Home and End go to the ends, Escape goes back to the text). Buttons show their state
// with aria-pressed and aria-disabled, updated after every change.

/**
 * Builds the toolbar. `groups`: [{label, items: [{label, shortcut?, keys?, pressed?(state),
 * enabled?(state), run(), keepFocus?}]}]; `backToText()` focuses the text.
 */
function createToolbar(label, groups, backToText) {
  const dom = h("div", { class: "be-toolbar", role: "toolbar", "aria-label": label });
  const buttons = [];
  for (const group of groups) {
    const groupDom = h("div", { class: "be-toolbar-group", role: "group", "aria-label": group.label });
    for (const item of group.items) {
      const button = h("button", {
        type: "button",
        class: "be-button",
        tabindex: "-1",
        title: item.shortcut ? item.label + "（" + item.shortcut + "）" : null,
        "aria-keyshortcuts": item.keys || null,
      }, item.label);
      if (item.pressed) {
        button.setAttribute("aria-pressed", "false");
      }
      // a click with the mouse leaves the focus (and the selection) in the text
      button.addEventListener("mousedown", (event) => event.preventDefault());
      button.addEventListener("click", () => {
        if (button.getAttribute("aria-disabled") === "true") {
          return;
        }
        item.run();
      });
      buttons.push({ button, item });
      groupDom.append(button);
    }
    dom.append(groupDom);
  }
  let current = 0;
  const focusable = (index) => {
    current = index;
    buttons.forEach(({ button }, i) => button.setAttribute("tabindex", i === index ? "0" : "-1"));
  };
  focusable(0);
  dom.addEventListener("focusin", (event) => {
    const index = buttons.findIndex(({ button }) => button === event.target);
    if (index >= 0) {
      focusable(index);
    }
  });
  dom.addEventListener("keydown", (event) => {
    let next = null;
    switch (event.key) {
      case "ArrowRight": next = (current + 1) % buttons.length; break;
      case "ArrowLeft": next = (current - 1 + buttons.length) % buttons.length; break;
      case "Home": next = 0; break;
      case "End": next = buttons.length - 1; break;
      case "Escape":
        event.preventDefault();
        backToText();
        return;
      default: return;
    }
    event.preventDefault();
    focusable(next);
    buttons[next].button.focus();
  });
  return {
    dom,
    focus() {
      buttons[current].button.focus();
    },
    update(state) {
      for (const { button, item } of buttons) {
        const enabled = item.enabled ? item.enabled(state) : true;
        if (enabled) {
          button.removeAttribute("aria-disabled");
        }
        else {
          button.setAttribute("aria-disabled", "true");
        }
        if (item.pressed) {
          button.setAttribute("aria-pressed", item.pressed(state) ? "true" : "false");
        }
      }
    },
  };
}

// --------------------------------------------------------------------------------------
// The drag handle: one handle, beside the top-level block under the mouse (or, while the
// text has the focus, the block with the cursor), dragged to move that whole block.
// ProseMirror's own drop moves it and the drop cursor shows where. The handle is for
// the mouse only, hidden from assistive technology and out of the tab order: the
// keyboard moves blocks with Alt+Shift+arrows and the toolbar's 上へ/下へ.

/** The top-level block the selection is in (or is), or null beside a block (gap cursor). */
function selectionBlock(selection) {
  if (selection instanceof NodeSelection && selection.$from.depth === 0) {
    return selection.$from.index(0);
  }
  return selection.$head.depth > 0 ? selection.$head.index(0) : null;
}

/** Where the top-level block with this index starts. */
function blockStart(doc, index) {
  let pos = 0;
  for (let i = 0; i < index; i++) {
    pos += doc.child(i).nodeSize;
  }
  return pos;
}

class BlockHandle {

  constructor(view) {
    this.view = view;
    this.surface = view.dom.parentNode;
    // the block the handle is beside, and where the mouse is (null outside the text)
    this.index = null;
    this.mouseY = null;
    // what a drag from the handle set as the view's `dragging`
    this.dragging = null;
    this.dom = h("div", { class: "be-handle", draggable: "true", "aria-hidden": "true", title: "ドラッグして移動" },
      h("span", { class: "be-handle-grip" }));
    this.dom.hidden = true;
    this.surface.append(this.dom);

    this.listeners = [
      [this.surface, "mousemove", (event) => {
        if (!this.dom.contains(event.target)) {
          this.mouseY = event.clientY;
          this.place();
        }
      }],
      [this.surface, "mouseleave", () => {
        this.mouseY = null;
        this.place();
      }],
      [view.dom, "focus", () => this.place()],
      [view.dom, "blur", () => this.place()],
      [window, "scroll", () => {
        if (this.mouseY !== null) {
          this.place();
        }
      }],
      [window, "resize", () => this.place()],
      [this.dom, "dragstart", (event) => this.dragStart(event)],
      [this.dom, "dragend", () => this.dragEnd()],
      [this.dom, "click", () => {
        if (this.index !== null) {
          this.select(this.index);
        }
        view.focus();
      }],
    ];
    for (const [target, type, listener] of this.listeners) {
      target.addEventListener(type, listener, type === "scroll" ? { passive: true } : undefined);
    }
    // images load and text wraps anew: the block moves under the handle
    this.resize = typeof ResizeObserver === "function" ? new ResizeObserver(() => this.place()) : null;
    if (this.resize) {
      this.resize.observe(view.dom);
    }
  }

  update(view, prev) {
    if (!prev.doc.eq(view.state.doc) || !prev.selection.eq(view.state.selection)) {
      this.place();
    }
  }

  destroy() {
    for (const [target, type, listener] of this.listeners) {
      target.removeEventListener(type, listener);
    }
    if (this.resize) {
      this.resize.disconnect();
    }
    this.dom.remove();
  }

  blockDOM(index) {
    const dom = this.view.nodeDOM(blockStart(this.view.state.doc, index));
    return dom && dom.nodeType === 1 ? dom : null;
  }

  /** The top-level block at this height of the window, or the nearest one. */
  blockAt(y) {
    let best = null;
    let distance = Infinity;
    const count = this.view.state.doc.childCount;
    for (let i = 0; i < count; i++) {
      const dom = this.blockDOM(i);
      if (!dom) {
        continue;
      }
      const rect = dom.getBoundingClientRect();
      const d = y < rect.top ? rect.top - y : y > rect.bottom ? y - rect.bottom : 0;
      if (d < distance) {
        best = i;
        distance = d;
      }
      if (d === 0) {
        break;
      }
    }
    return best;
  }

  /** Puts the handle beside the block under the mouse or with the cursor, or hides it. */
  place() {
    const view = this.view;
    let index = this.mouseY !== null ? this.blockAt(this.mouseY) : null;
    if (index === null && view.hasFocus()) {
      index = selectionBlock(view.state.selection);
    }
    const dom = index === null || index >= view.state.doc.childCount ? null : this.blockDOM(index);
    if (!dom) {
      this.index = null;
      this.dom.hidden = true;
      return;
    }
    const top = dom.getBoundingClientRect().top - this.surface.getBoundingClientRect().top;
    this.dom.style.top = Math.max(0, Math.round(top)) + "px";
    this.index = index;
    this.dom.hidden = false;
  }

  select(index) {
    const state = this.view.state;
    this.view.dispatch(state.tr.setSelection(NodeSelection.create(state.doc, blockStart(state.doc, index))));
  }

  dragStart(event) {
    const view = this.view;
    if (this.index === null || !event.dataTransfer) {
      event.preventDefault();
      return;
    }
    const index = this.index;
    this.select(index);
    const selection = view.state.selection;
    const slice = selection.content();
    const { dom, text } = view.serializeForClipboard(slice);
    event.dataTransfer.clearData();
    event.dataTransfer.setData("text/html", dom.innerHTML);
    event.dataTransfer.setData("text/plain", text);
    event.dataTransfer.effectAllowed = "copyMove";
    const block = this.blockDOM(index);
    if (block) {
      event.dataTransfer.setDragImage(block, 0, 0);
    }
    // as ProseMirror's own drag of a node: the drop deletes `node` and inserts `slice`
    view.dragging = { slice, move: true, node: selection };
    this.dragging = view.dragging;
  }

  dragEnd() {
    const dragging = this.dragging;
    this.dragging = null;
    // the drop (in the editor) comes first and clears it; not so a drop elsewhere
    setTimeout(() => {
      if (this.view.dragging === dragging) {
        this.view.dragging = null;
      }
    }, 50);
  }

}

const blockHandle = new Plugin({
  view: (view) => new BlockHandle(view),
});

// --------------------------------------------------------------------------------------
// The editor on the page.

/** The empty source of a quote shows what it is for. */
const sourcePlaceholder = new Plugin({
  props: {
    decorations(state) {
      const decorations = [];
      state.doc.descendants((node, pos) => {
        if (node.type === nodes.quote_source && node.content.size === 0) {
          decorations.push(Decoration.node(pos, pos + node.nodeSize,
            { class: "is-empty", "data-placeholder": "出典（任意）" }));
        }
        return node.isBlock && !node.isTextblock;
      });
      return DecorationSet.create(state.doc, decorations);
    },
  },
});

/** Enter in a quote: in the source, leaves the quote; in an empty last paragraph, goes to the source. */
function quoteEnter(state, dispatch) {
  const { $from, empty } = state.selection;
  if (!empty || $from.depth < 2 || $from.node(-1).type !== nodes.quote) {
    return false;
  }
  const quote = $from.node(-1);
  if ($from.parent.type === nodes.quote_source) {
    if (dispatch) {
      const after = $from.after(-1);
      const tr = state.tr.insert(after, nodes.paragraph.create());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView());
    }
    return true;
  }
  const index = $from.index(-1);
  if ($from.parent.content.size === 0 && index === quote.childCount - 2 && index > 0) {
    if (dispatch) {
      const tr = state.tr.delete($from.before(), $from.after());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, $from.before() + 1)).scrollIntoView());
    }
    return true;
  }
  // a new line of the quote is a paragraph, never a second source
  return splitBlockAs(() => ({ type: nodes.paragraph }))(state, dispatch);
}

/**
 * Backspace at the start of a quote's source goes to the end of its last paragraph; at
 * the start of the first line of a quote or list, takes that line out before it.
 */
function containerBackspace(state, dispatch) {
  const { $from, empty } = state.selection;
  if (!empty || $from.parentOffset > 0 || $from.depth < 2) {
    return false;
  }
  if ($from.parent.type === nodes.quote_source) {
    if (dispatch) {
      dispatch(state.tr.setSelection(TextSelection.create(state.doc, $from.before() - 1)));
    }
    return true;
  }
  const top = $from.node(1);
  const first = $from.index(1) === 0 && (top.type !== nodes.quote || $from.depth === 2)
    && ($from.depth === 2 || $from.index(2) === 0);
  if (!first || !(top.type === nodes.quote || top.type === nodes.bullet_list || top.type === nodes.ordered_list)) {
    return false;
  }
  const lines = top.type === nodes.quote ? top.childCount - 1 : top.childCount;
  if (lines <= 1) {
    return setKind("paragraph")(state, dispatch);
  }
  if (dispatch) {
    const start = $from.before(1);
    const line = top.child(0);
    const content = line.type === nodes.list_item ? line.firstChild.content : line.content;
    const tr = state.tr.delete(start + 1, start + 1 + line.nodeSize).insert(start, nodes.paragraph.create(null, content));
    dispatch(tr.setSelection(TextSelection.create(tr.doc, start + 1)).scrollIntoView());
  }
  return true;
}

/** Backspace at the start of a later list item joins it to the item before. */
function listItemBackspace(state, dispatch) {
  const { $from, empty } = state.selection;
  if (!empty || $from.parentOffset > 0 || $from.depth < 3 || $from.node(-1).type !== nodes.list_item) {
    return false;
  }
  return joinTextblockBackward(state, dispatch);
}

/**
 * Backspace at the start of a block after a figure, embed, related article or rule
 * selects it rather than deleting it at once (an empty paragraph goes, though).
 */
function selectBlockBefore(state, dispatch) {
  const { $from, empty } = state.selection;
  if (!empty || $from.depth !== 1 || $from.parentOffset > 0 || $from.index(0) === 0) {
    return false;
  }
  const before = state.doc.child($from.index(0) - 1);
  if (!before.isAtom) {
    return false;
  }
  if (dispatch) {
    const start = $from.before(1) - before.nodeSize;
    const tr = state.tr;
    if ($from.parent.content.size === 0) {
      tr.delete($from.before(1), $from.after(1));
    }
    dispatch(tr.setSelection(NodeSelection.create(tr.doc, start)).scrollIntoView());
  }
  return true;
}

/** Delete at the end of a block before a figure, embed, related article or rule selects it. */
function selectBlockAfter(state, dispatch) {
  const { $from, empty } = state.selection;
  if (!empty || $from.depth !== 1 || $from.parentOffset < $from.parent.content.size
      || $from.index(0) >= state.doc.childCount - 1) {
    return false;
  }
  const after = state.doc.child($from.index(0) + 1);
  if (!after.isAtom) {
    return false;
  }
  if (dispatch) {
    dispatch(state.tr.setSelection(NodeSelection.create(state.doc, $from.after(1))).scrollIntoView());
  }
  return true;
}

/** Delete at the end of a quote's last paragraph goes into the source (which must stay). */
function quoteDelete(state, dispatch) {
  const { $from, empty } = state.selection;
  if (!empty || $from.depth !== 2 || $from.node(1).type !== nodes.quote
      || $from.parentOffset < $from.parent.content.size || $from.index(1) !== $from.node(1).childCount - 2) {
    return false;
  }
  if (dispatch) {
    dispatch(state.tr.setSelection(TextSelection.create(state.doc, $from.after() + 1)));
  }
  return true;
}

/** Plain text pasted: one paragraph per line, blank lines dropped. */
function textToSlice(text, $context) {
  const lines = text.split(/\r\n?|\n/).map((line) => line.replace(/\s+/g, " ")).filter((line) => line.trim() !== "");
  if (!lines.length) {
    return Slice.empty;
  }
  const inheritedMarks = $context.marks();
  const paragraphs = lines.map((line) => nodes.paragraph.create(null, schema.text(line, inheritedMarks)));
  return new Slice(Fragment.from(paragraphs), 1, 1);
}

function start(root) {
  const form = root.closest("form");
  const template = document.getElementById("body-source");
  const fieldset = root.closest("fieldset") || root.parentElement;
  const uploadUrl = root.dataset.uploadUrl;
  const lookupUrl = root.dataset.lookupUrl;
  const csrfInput = form ? form.querySelector('input[name="_csrf"]') : null;

  const source = document.createElement("div");
  if (template) {
    source.append(template.content.cloneNode(true));
  }
  const doc = DOMParser.fromSchema(schema).parse(source);

  // the fields of the page without JavaScript go, so that only the editor's are sent
  fieldset.querySelectorAll("ol.block-editor, .no-js-actions").forEach((element) => element.remove());

  const fields = h("div", { id: "body-fields", hidden: true });
  (form || root.parentElement).append(fields);

  const live = h("div", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  const errorBox = h("p", { class: "be-error", id: uniqueId("error"), hidden: true });
  const hint = h("p", { class: "be-hint", id: uniqueId("hint") },
    "Alt+Shift+↑／↓ でブロックを移動、Alt+F10 でツールバーに移ります。");
  const announce = (message) => {
    live.textContent = live.textContent === message ? message + "\u00a0" : message;
  };
  const showError = (message) => {
    errorBox.textContent = message;
    errorBox.hidden = false;
    announce(message);
  };
  const clearError = () => {
    errorBox.hidden = true;
    errorBox.textContent = "";
  };

  const writeFields = (state) => {
    const inputs = [];
    documentFields(state.doc).forEach((block, i) => {
      for (const [name, value] of Object.entries(block)) {
        inputs.push(h("input", { type: "hidden", name: "blocks[" + i + "]." + name, value }));
      }
    });
    fields.replaceChildren(...inputs);
  };

  let view = null;
  const focusText = () => view.focus();
  const uploadOptions = {
    url: uploadUrl,
    csrf: csrfInput ? csrfInput.value : null,
    announce,
    error: showError,
  };

  const moved = (index, count) => announce("ブロックを" + (index + 1) + "番目に移動しました（全" + count + "ブロック）");
  const deleted = (count) => announce("ブロックを削除しました（全" + count + "ブロック）");
  // a top-level block dragged to a new place (by its handle, or a figure or card itself)
  let blockDropped = false;
  const dropped = (state) => {
    const { $from } = state.selection;
    const index = $from.index(0);
    if ($from.depth === 0) {
      moved(index, state.doc.childCount);
    }
    else {
      announce("ブロックを" + (index + 1) + "番目の引用の中に移動しました（全" + state.doc.childCount + "ブロック）");
    }
  };
  const run = (command, keepFocus) => () => {
    command(view.state, view.dispatch, view);
    if (!keepFocus) {
      view.focus();
    }
  };

  const dialogs = {};
  const dialog = (name, create) => {
    if (!dialogs[name]) {
      dialogs[name] = create();
    }
    return dialogs[name];
  };

  const openLink = () => {
    if (!inText(view.state)) {
      return false;
    }
    const existing = linkAt(view.state);
    dialog("link", linkDialog).open(existing ? existing.mark.attrs : null).then((answer) => {
      if (answer) {
        if (!answer.href && !existing) {
          view.focus();
          return;
        }
        applyLink(answer.href, answer.rel)(view.state, view.dispatch);
        announce(answer.href ? "リンクを設定しました" : "リンクを外しました");
      }
      view.focus();
    });
    return true;
  };

  const openRuby = () => {
    const state = view.state;
    const ruby = rubyAt(state);
    if (!ruby && !state.selection.$from.parent.inlineContent) {
      return false;
    }
    const { from, to } = state.selection;
    const initial = ruby ? ruby.attrs : { base: state.doc.textBetween(from, to, " ", ""), reading: "" };
    dialog("ruby", rubyDialog).open(initial).then((answer) => {
      if (answer) {
        applyRuby(answer.base, answer.reading)(view.state, view.dispatch);
        announce("ルビを付けました");
      }
      view.focus();
    });
    return true;
  };

  const openEmbed = () => {
    dialog("embed", embedDialog).open().then((answer) => {
      if (answer) {
        insertBlock(nodes.embed.create(answer))(view.state, view.dispatch);
        announce("埋め込みを挿入しました");
      }
      view.focus();
    });
  };

  const openRelated = () => {
    dialog("related", () => relatedDialog(lookupUrl)).open().then((answer) => {
      if (answer) {
        insertBlock(nodes.related.create(answer))(view.state, view.dispatch);
        announce("関連記事を挿入しました: " + answer.headline);
      }
      view.focus();
    });
  };

  const filePicker = h("input", { type: "file", accept: IMAGE_TYPES.join(","), class: "be-file", multiple: true,
    "aria-label": "挿入する画像", tabindex: "-1" });
  filePicker.addEventListener("change", () => {
    const files = Array.from(filePicker.files || []);
    filePicker.value = "";
    if (files.length) {
      clearError();
      uploadImages(view, files, blockInsertion(view.state).from, uploadOptions);
    }
    view.focus();
  });

  const markActive = (type) => (state) => {
    const { from, to, empty, $from } = state.selection;
    if (empty) {
      return Boolean(type.isInSet(state.storedMarks || $from.marks()));
    }
    return state.doc.rangeHasMark(from, to, type);
  };
  const inText = (state) => state.selection.$from.parent.inlineContent || rubyAt(state) !== null;
  const kindButton = (label, kind) => ({
    label,
    pressed: (state) => currentKind(state) === kind,
    enabled: (state) => currentKind(state) === kind || setKind(kind)(state),
    run: run(setKind(kind)),
  });

  const toolbar = createToolbar("本文の編集", [
    {
      label: "ブロックの種類",
      items: [
        kindButton("段落", "paragraph"),
        kindButton("小見出し", "heading2"),
        kindButton("小見出し（小）", "heading3"),
        kindButton("引用", "quote"),
        kindButton("箇条書き", "bullet_list"),
        kindButton("番号付きリスト", "ordered_list"),
      ],
    },
    {
      label: "文字",
      items: [
        { label: "太字", shortcut: "Ctrl+B", keys: "Control+B Meta+B", pressed: markActive(marks.strong),
          enabled: (state) => toggleMark(marks.strong)(state), run: run(toggleMark(marks.strong)) },
        { label: "強調", shortcut: "Ctrl+I", keys: "Control+I Meta+I", pressed: markActive(marks.em),
          enabled: (state) => toggleMark(marks.em)(state), run: run(toggleMark(marks.em)) },
        { label: "リンク", shortcut: "Ctrl+K", keys: "Control+K Meta+K", pressed: (state) => linkAt(state) !== null,
          enabled: inText, run: openLink },
        { label: "ルビ", shortcut: "Ctrl+Shift+R", keys: "Control+Shift+R Meta+Shift+R",
          pressed: (state) => rubyAt(state) !== null, enabled: inText, run: openRuby },
      ],
    },
    {
      label: "挿入",
      items: [
        { label: "図を挿入", run: () => filePicker.click() },
        { label: "埋め込み", run: openEmbed },
        { label: "関連記事", run: openRelated },
        { label: "区切り線", run: run(insertBlock(nodes.horizontal_rule.create())) },
      ],
    },
    {
      label: "ブロックの移動と削除",
      items: [
        { label: "上へ", shortcut: "Alt+Shift+↑", keys: "Alt+Shift+ArrowUp",
          enabled: (state) => moveBlocks(-1)(state), run: run(moveBlocks(-1, moved), true) },
        { label: "下へ", shortcut: "Alt+Shift+↓", keys: "Alt+Shift+ArrowDown",
          enabled: (state) => moveBlocks(1)(state), run: run(moveBlocks(1, moved), true) },
        { label: "ブロックを削除", enabled: (state) => selectedBlocks(state) !== null,
          run: run(deleteBlocks(deleted), true) },
      ],
    },
    {
      label: "履歴",
      items: [
        { label: "元に戻す", shortcut: "Ctrl+Z", keys: "Control+Z Meta+Z", enabled: (state) => undo(state),
          run: run(undo) },
        { label: "やり直す", shortcut: "Ctrl+Y", keys: "Control+Y Meta+Shift+Z", enabled: (state) => redo(state),
          run: run(redo) },
      ],
    },
  ], focusText);

  const state = EditorState.create({
    doc,
    plugins: [
      keymap({
        "Mod-z": undo,
        "Shift-Mod-z": redo,
        "Mod-y": redo,
        "Mod-b": toggleMark(marks.strong),
        "Mod-i": toggleMark(marks.em),
        "Mod-k": openLink,
        "Mod-Shift-r": openRuby,
        "Alt-Shift-ArrowUp": moveBlocks(-1, moved),
        "Alt-Shift-ArrowDown": moveBlocks(1, moved),
        "Alt-F10": () => {
          toolbar.focus();
          return true;
        },
        "Enter": chainCommands(quoteEnter, splitListItem(nodes.list_item), liftListItem(nodes.list_item)),
        "Shift-Enter": chainCommands(quoteEnter, splitListItem(nodes.list_item), baseKeymap.Enter),
        "Backspace": chainCommands(containerBackspace, listItemBackspace, selectBlockBefore),
        "Delete": chainCommands(quoteDelete, selectBlockAfter),
      }),
      keymap(baseKeymap),
      history(),
      dropCursor({ color: "#0b3d91", width: 3 }),
      gapCursor(),
      uploadPlaceholders,
      sourcePlaceholder,
      blockHandle,
      new Plugin({
        view: () => ({ update: (v) => toolbar.update(v.state) }),
      }),
    ],
  });

  const surface = h("div", { class: "be-surface" });
  view = new EditorView(surface, {
    state,
    attributes: {
      class: "be-content",
      role: "textbox",
      "aria-multiline": "true",
      "aria-label": "本文",
      "aria-describedby": hint.id,
      spellcheck: "true",
    },
    nodeViews: {
      figure: (node, v, getPos) => new FigureView(node, v, getPos),
      embed: embedView,
      related: relatedView,
    },
    clipboardTextParser: textToSlice,
    transformPastedHTML: pastedHTML,
    handlePaste(v, event) {
      const files = imageFiles(event.clipboardData && event.clipboardData.files);
      if (!files.length) {
        return false;
      }
      clearError();
      uploadImages(v, files, blockInsertion(v.state).from, uploadOptions);
      return true;
    },
    handleDrop(v, event, slice, isMove) {
      const dragged = (v.dragging && v.dragging.node) || v.state.selection;
      blockDropped = isMove && dragged instanceof NodeSelection && dragged.$from.depth === 0;
      if (blockDropped) {
        // ProseMirror moves it at once, in the same event
        queueMicrotask(() => {
          blockDropped = false;
        });
      }
      const files = isMove ? [] : imageFiles(event.dataTransfer && event.dataTransfer.files);
      if (!files.length) {
        return false;
      }
      event.preventDefault();
      const at = v.posAtCoords({ left: event.clientX, top: event.clientY });
      let pos = blockInsertion(v.state).from;
      if (at) {
        const $pos = v.state.doc.resolve(at.pos);
        pos = $pos.depth > 0 ? $pos.after(1) : at.pos;
      }
      clearError();
      uploadImages(v, files, pos, uploadOptions);
      return true;
    },
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      if (tr.docChanged) {
        writeFields(view.state);
        if (form) {
          form.dispatchEvent(new CustomEvent("body-change", { bubbles: true }));
        }
      }
      if (blockDropped && tr.getMeta("uiEvent") === "drop") {
        blockDropped = false;
        if (!tr.doc.eq(tr.before)) {
          dropped(view.state);
        }
      }
    },
  });

  root.replaceChildren(toolbar.dom, errorBox, hint, surface, filePicker, live);
  root.hidden = false;
  toolbar.update(view.state);
  writeFields(view.state);
  root.dataset.ready = "true";
}

const root = document.getElementById("body-editor");
if (root) {
  start(root);
}
