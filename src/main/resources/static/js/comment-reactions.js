/*
 * Reactions to comments with JavaScript: pressing a button asks the server (JSON) and
 * shows the new count at once, without leaving the comment; on load, the current counts
 * and the reader's own presses are fetched, since the page may come from a cache. The
 * live updates (comment-live.js) ask for them again when others react, through
 * window.shimbunComments.refreshReactions. Without this script each button is a plain
 * form that comes back to the comment.
 */
(function () {
  'use strict';

  var section = document.getElementById('comments');
  if (!section || !section.getAttribute('data-comments')) {
    return;
  }
  var live = document.createElement('p');
  live.className = 'visually-hidden reactions-status';
  live.setAttribute('role', 'status');
  section.appendChild(live);

  function show(form, counts, pressed) {
    form.querySelectorAll('button[data-reaction]').forEach(function (button) {
      var kind = button.dataset.reaction;
      if (counts && kind in counts) {
        button.querySelector('.reaction-count').textContent = counts[kind];
        button.setAttribute('aria-label', button.dataset.label + ' ' + counts[kind] + '件');
      }
      if (pressed) {
        var on = pressed.indexOf(form.dataset.comment + ':' + kind) >= 0;
        button.setAttribute('aria-pressed', on ? 'true' : 'false');
      }
    });
  }

  /*
   * Asks for the current counts of the article's comments and shows them. Resolves to
   * the ids of the comments readers see now (as strings), or null when the server could
   * not be asked.
   */
  function refresh() {
    return fetch(section.getAttribute('data-comments') + '/reactions', {
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (current) {
      if (!current) {
        return null;
      }
      document.querySelectorAll('form.comment-reactions').forEach(function (form) {
        show(form, current.counts[form.dataset.comment], current.pressed);
      });
      return Object.keys(current.counts);
    }).catch(function () {
      // the counts in the page stand
      return null;
    });
  }

  window.shimbunComments = window.shimbunComments || {};
  window.shimbunComments.refreshReactions = refresh;
  refresh();

  // one listener for every reaction form, also those of comments shown later
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var button = event.submitter;
    if (!form.matches || !form.matches('form.comment-reactions') || !button || !button.dataset.reaction) {
      return;
    }
    event.preventDefault();
    var body = new URLSearchParams();
    body.append('reaction', button.dataset.reaction);
    button.disabled = true;
    fetch(form.action, {
      method: 'POST',
      body: body,
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().then(function (result) {
        if (!response.ok) {
          live.textContent = result.message || '反応を送れませんでした。';
          return;
        }
        show(form, result.counts, null);
        button.setAttribute('aria-pressed', result.pressed ? 'true' : 'false');
        live.textContent = button.dataset.label + (result.pressed ? 'を押しました' : 'を取り消しました')
          + '(' + result.counts[button.dataset.reaction] + '件)';
      });
    }).catch(function () {
      live.textContent = '接続できないため反応を送れませんでした。';
    }).then(function () {
      button.disabled = false;
    });
  });
}());
