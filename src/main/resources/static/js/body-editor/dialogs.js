// The editor's dialogs (native <dialog>, modal): link, ruby, embed and related article.
// Each opens with the focus on its first field and resolves to the answer, or to null
// when cancelled (the cancel button or Escape); the caller gives the focus back.
import { allowedHref, rubyText } from "./schema.js";
import { h, uniqueId } from "./nodeviews.js";

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
export function linkDialog() {
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
export function rubyDialog() {
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
export function embedDialog() {
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
export function relatedDialog(lookupUrl) {
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
