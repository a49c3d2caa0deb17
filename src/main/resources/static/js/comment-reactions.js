/*
 * Reactions to comments with JavaScript: pressing a button asks the server (JSON) and
 * shows the new count at once, without leaving the comment; on load, the current counts
 * and the reader's own presses are fetched, since the page may come from a cache. Without
 * this script each button is a plain form that comes back to the comment.
 */
(function () {
  'use strict';

  var forms = document.querySelectorAll('form.comment-reactions');
  if (!forms.length) {
    return;
  }
  var live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('role', 'status');
  document.getElementById('comments').appendChild(live);

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

  var source = forms[0].action.replace(/\/comments\/\d+\/reactions$/, '/comments/reactions');
  fetch(source, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (current) {
      if (!current) {
        return;
      }
      forms.forEach(function (form) {
        show(form, current.counts[form.dataset.comment], current.pressed);
      });
    })
    .catch(function () {
      // the counts in the page stand
    });

  forms.forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var button = event.submitter;
      if (!button || !button.dataset.reaction) {
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
  });
}());
