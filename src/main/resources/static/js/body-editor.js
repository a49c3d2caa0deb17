// The article body editor: replaces the list of block fields of the article form with a
// ProseMirror editor, and keeps hidden fields with the same names in step with it, so
// that the form is saved as before.
import { DOMParser, Fragment, Slice } from "prosemirror-model";
import { EditorState, NodeSelection, Plugin, TextSelection } from "prosemirror-state";
import { Decoration, DecorationSet, EditorView } from "prosemirror-view";
import { baseKeymap, chainCommands, joinTextblockBackward, splitBlockAs, toggleMark } from "prosemirror-commands";
import { keymap } from "prosemirror-keymap";
import { history, redo, undo } from "prosemirror-history";
import { liftListItem, splitListItem } from "prosemirror-schema-list";
import { dropCursor } from "prosemirror-dropcursor";
import { gapCursor } from "prosemirror-gapcursor";

import { pastedHTML, schema } from "./body-editor/schema.js";
import { documentFields } from "./body-editor/markup.js";
import {
  applyLink, applyRuby, blockInsertion, currentKind, deleteBlocks, insertBlock, linkAt, moveBlocks, rubyAt,
  selectedBlocks, setKind,
} from "./body-editor/commands.js";
import { FigureView, embedView, h, relatedView, uniqueId } from "./body-editor/nodeviews.js";
import { embedDialog, linkDialog, relatedDialog, rubyDialog } from "./body-editor/dialogs.js";
import { IMAGE_TYPES, imageFiles, uploadImages, uploadPlaceholders } from "./body-editor/upload.js";
import { createToolbar } from "./body-editor/toolbar.js";

const { nodes, marks } = schema;

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
