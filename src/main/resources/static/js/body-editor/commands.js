// Commands on the blocks of the body: change the kind of the blocks at the cursor, move
// and delete them, insert blocks, and the inline link and ruby.
import { Fragment } from "prosemirror-model";
import { NodeSelection, Selection, TextSelection } from "prosemirror-state";
import { insertPoint } from "prosemirror-transform";
import { schema } from "./schema.js";

const { paragraph, heading, quote, quote_source: quoteSource, list_item: listItem } = schema.nodes;

/** The kinds a block with words can be set to, by the toolbar's names. */
export const KINDS = ["paragraph", "heading2", "heading3", "quote", "bullet_list", "ordered_list"];

/** The kind of a top-level block, or null for a figure, embed, related article or rule. */
export function kindOf(node) {
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
export function selectedBlocks(state) {
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
export function currentKind(state) {
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
export function setKind(kind) {
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
export function moveBlocks(direction, moved) {
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
export function deleteBlocks(deleted) {
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
export function blockInsertion(state) {
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
export function insertBlock(node, at) {
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
export function markRange($pos, type) {
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
export function linkAt(state) {
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
export function applyLink(href, rel) {
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
export function rubyAt(state) {
  const sel = state.selection;
  return sel instanceof NodeSelection && sel.node.type === schema.nodes.ruby ? sel.node : null;
}

/** Puts a ruby with this base and reading in place of the selection (or the selected ruby). */
export function applyRuby(base, reading) {
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
