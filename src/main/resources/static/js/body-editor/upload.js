// Uploading images: a placeholder shows where each image goes while it uploads; the
// figure takes its place when the server answers.
import { Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { insertPoint } from "prosemirror-transform";
import { schema } from "./schema.js";
import { h } from "./nodeviews.js";

export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"];

const key = new PluginKey("body-editor-uploads");

export const uploadPlaceholders = new Plugin({
  key,
  state: {
    init: () => DecorationSet.empty,
    apply(tr, set) {
      let next = set.map(tr.mapping, tr.doc);
      const meta = tr.getMeta(key);
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
  const found = key.getState(state).find(undefined, undefined, (spec) => spec.id === id);
  return found.length ? found[0].from : null;
}

/** The images among these files. */
export function imageFiles(files) {
  return Array.from(files || []).filter((file) => file.type.startsWith("image/"));
}

/**
 * Uploads each file and puts a figure for it at `pos` (a position between top-level
 * blocks). `options`: url, csrf (token or null), announce(message), error(message).
 */
export function uploadImages(view, files, pos, options) {
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
  view.dispatch(view.state.tr.setMeta(key, { add: { id, pos, name: file.name } }));
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
  const tr = view.state.tr.setMeta(key, { remove: id });
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
