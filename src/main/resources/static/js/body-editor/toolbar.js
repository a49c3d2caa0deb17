// The toolbar: groups of buttons with one tab stop (arrow keys move between buttons,
// Home and End go to the ends, Escape goes back to the text). Buttons show their state
// with aria-pressed and aria-disabled, updated after every change.
import { h } from "./nodeviews.js";

/**
 * Builds the toolbar. `groups`: [{label, items: [{label, shortcut?, keys?, pressed?(state),
 * enabled?(state), run(), keepFocus?}]}]; `backToText()` focuses the text.
 */
export function createToolbar(label, groups, backToText) {
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
