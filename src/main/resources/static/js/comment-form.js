/*
 * The comment form: a live remaining-characters counter, reply forms that open in place
 * under a comment (without this script the reply link leads to the comment's thread, whose
 * page has the reply form), and posting without leaving the page until the comment is
 * stored (without this script each form is a plain POST, and the server answers with the
 * page).
 * Characters are counted as a reader sees them: grapheme clusters after NFC normalisation
 * and trimming, the same rule as the server. The text is never cut: past the limit the
 * counter turns into a warning and the server explains the error.
 * A stored comment comes with a key with which its author may edit or take it back for a
 * while (comment-own.js). The key is kept in localStorage, never in a cookie: it stays in
 * this browser and goes to the server only with an edit or a withdrawal, never with every
 * request.
 * The counter, the keys and the error messages are shared with comment-own.js through
 * window.Shimbun.comments.
 */
(function () {
  'use strict';

  var KEYS = 'shimbun.comment-keys';
  var NETWORK_ERROR = '接続できなかったため投稿できませんでした。もう一度お試しください。';
  var OTHER_ERROR = '投稿できませんでした。時間をおいてもう一度お試しください。';

  var segmenter = (typeof Intl !== 'undefined' && 'Segmenter' in Intl)
    ? new Intl.Segmenter('ja', { granularity: 'grapheme' })
    : null;

  function countCharacters(text) {
    var normalized = text.normalize('NFC').trim();
    if (segmenter) {
      var count = 0;
      var iterator = segmenter.segment(normalized)[Symbol.iterator]();
      while (!iterator.next().done) {
        count++;
      }
      return count;
    }
    return Array.from(normalized).length;
  }

  function attach(textarea) {
    var limit = parseInt(textarea.getAttribute('data-char-limit'), 10);
    var counter = document.getElementById(textarea.getAttribute('data-counter'));
    var live = document.getElementById(textarea.getAttribute('data-counter-live'));
    if (!counter || isNaN(limit)) {
      return;
    }
    var status = counter.parentElement;
    var announceTimer = null;

    function update(announce) {
      var remaining = limit - countCharacters(textarea.value);
      counter.textContent = String(remaining);
      var over = remaining < 0;
      status.classList.toggle('is-over', over);
      textarea.setAttribute('aria-invalid', over ? 'true' : 'false');
      if (live && announce) {
        // Announce after a pause in typing, not on every key.
        window.clearTimeout(announceTimer);
        announceTimer = window.setTimeout(function () {
          live.textContent = status.textContent.replace(/\s+/g, '');
        }, 1000);
      }
    }

    textarea.addEventListener('input', function () {
      update(true);
    });
    update(false);
  }

  /*
   * The keys of this browser's own comments, by comment id: {key, until}. Expired ones are
   * dropped on every read. Without localStorage (disabled, full, private mode) there are
   * simply no keys, and posting works as before.
   */
  function storage() {
    try {
      return window.localStorage || null;
    }
    catch (e) {
      return null;
    }
  }

  function readKeys() {
    var store = storage();
    var map = {};
    if (!store) {
      return map;
    }
    try {
      var stored = JSON.parse(store.getItem(KEYS) || '{}');
      var now = Date.now();
      var dropped = false;
      Object.keys(stored || {}).forEach(function (id) {
        var entry = stored[id];
        if (entry && typeof entry.key === 'string' && typeof entry.until === 'number' && entry.until > now) {
          map[id] = { key: entry.key, until: entry.until };
        }
        else {
          dropped = true;
        }
      });
      if (dropped) {
        writeKeys(map);
      }
    }
    catch (e) {
      // an unreadable entry counts as none
    }
    return map;
  }

  function writeKeys(map) {
    var store = storage();
    if (!store) {
      return;
    }
    try {
      if (Object.keys(map).length) {
        store.setItem(KEYS, JSON.stringify(map));
      }
      else {
        store.removeItem(KEYS);
      }
    }
    catch (e) {
      // full or refused: the key is lost, the comment stays
    }
  }

  function rememberKey(id, key, seconds) {
    if (!key || !(seconds > 0)) {
      return;
    }
    var map = readKeys();
    map[id] = { key: key, until: Date.now() + seconds * 1000 };
    writeKeys(map);
  }

  function forgetKey(id) {
    var map = readKeys();
    if (map[id]) {
      delete map[id];
      writeKeys(map);
    }
  }

  /*
   * Field errors as the server renders them: a <p class="field-error"> right after the
   * field, which names it in aria-describedby and is aria-invalid. Old errors go first.
   */
  function clearErrors(form) {
    form.querySelectorAll('.field-error, .form-alert').forEach(function (error) {
      if (error.id) {
        form.querySelectorAll('[aria-describedby]').forEach(function (field) {
          var refs = field.getAttribute('aria-describedby').split(' ');
          if (refs.indexOf(error.id) < 0) {
            return;
          }
          refs = refs.filter(function (ref) {
            return ref && ref !== error.id;
          });
          if (refs.length) {
            field.setAttribute('aria-describedby', refs.join(' '));
          }
          else {
            field.removeAttribute('aria-describedby');
          }
          // a text past its limit stays invalid (the counter says so)
          field.setAttribute('aria-invalid', isOver(field) ? 'true' : 'false');
        });
      }
      error.remove();
    });
  }

  function isOver(field) {
    var counter = document.getElementById(field.getAttribute('data-counter'));
    return Boolean(counter && counter.parentElement.classList.contains('is-over'));
  }

  /* Shows each field's message next to it; returns the first invalid field, or null. */
  function showErrors(form, errors) {
    var first = null;
    Object.keys(errors || {}).forEach(function (name) {
      var field = form.elements[name];
      if (!field || !field.id || field.type === 'hidden') {
        return;
      }
      var error = document.createElement('p');
      error.className = 'field-error';
      error.id = field.id + '-error';
      error.textContent = errors[name];
      field.after(error);
      field.setAttribute('aria-invalid', 'true');
      var described = field.getAttribute('aria-describedby');
      field.setAttribute('aria-describedby', error.id + (described ? ' ' + described : ''));
      if (!first) {
        first = field;
      }
    });
    return first;
  }

  /* A message about the whole form, read out at once, above its buttons. */
  function showAlert(form, message) {
    var alert = document.createElement('p');
    alert.className = 'form-alert';
    alert.setAttribute('role', 'alert');
    alert.textContent = message;
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.before(alert);
    }
    else {
      form.appendChild(alert);
    }
  }

  /*
   * A refusal as the server explains it: 422 with messages by field (focus moves to the
   * first field in error), any other status with one message for the form.
   */
  function showRefusal(form, status, result, fallback) {
    clearErrors(form);
    if (status === 422 && result && result.errors) {
      var first = showErrors(form, result.errors);
      if (first) {
        first.focus();
        return;
      }
    }
    showAlert(form, (result && result.message) || fallback);
  }

  /* The response's JSON, or null when there is none (an error page, a proxy's answer). */
  function json(response) {
    var type = response.headers.get('Content-Type') || '';
    if (type.indexOf('json') < 0) {
      return Promise.resolve(null);
    }
    return response.json().catch(function () {
      return null;
    });
  }

  /*
   * Goes to the stored comment. When only the hash differs (a second comment from the same
   * page) the browser would just scroll, so the page is loaded again; it scrolls to the
   * comment, not to where the reader was.
   */
  function go(location) {
    var target = new URL(location, window.location.href);
    var here = new URL(window.location.href);
    if (target.origin === here.origin && target.pathname === here.pathname && target.search === here.search) {
      if ('scrollRestoration' in window.history) {
        window.history.scrollRestoration = 'manual';
      }
      if (target.hash) {
        window.location.hash = target.hash;
      }
      window.location.reload();
    }
    else {
      window.location.assign(target.href);
    }
  }

  /* Posts a comment form for JSON; the page stays as it is until the comment is stored. */
  function send(form) {
    var button = form.querySelector('button[type="submit"]');
    var body = new URLSearchParams(new FormData(form));
    form.setAttribute('aria-busy', 'true');
    if (button) {
      button.disabled = true;
    }
    function done() {
      form.removeAttribute('aria-busy');
      if (button) {
        button.disabled = false;
      }
    }
    fetch(form.action, {
      method: 'POST',
      body: body,
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      return json(response).then(function (result) {
        if (response.ok && result) {
          if (result.id && result.editKey) {
            rememberKey(String(result.id), result.editKey, result.editableFor);
          }
          if (result.location) {
            go(result.location);
          }
          else {
            window.location.reload();
          }
          return;
        }
        done();
        showRefusal(form, response.status, result, OTHER_ERROR);
      });
    }).catch(function () {
      // the text stays in the form
      done();
      clearErrors(form);
      showAlert(form, NETWORK_ERROR);
    });
  }

  window.Shimbun = window.Shimbun || {};
  window.Shimbun.comments = {
    attachCounter: attach,
    readKeys: readKeys,
    forgetKey: forgetKey,
    clearErrors: clearErrors,
    showRefusal: showRefusal,
    showAlert: showAlert,
    json: json
  };

  /* A copy of the comment form under the comment, with its own ids and a replyTo field. */
  function openReply(link, main) {
    var id = link.getAttribute('data-reply-to');
    var existing = document.getElementById('reply-form-' + id);
    if (existing) {
      existing.querySelector('textarea').focus();
      return;
    }
    var form = main.cloneNode(true);
    var suffix = '-reply-' + id;
    form.id = 'reply-form-' + id;
    form.classList.add('is-reply-form');
    form.querySelectorAll('[id]').forEach(function (element) {
      element.id = element.id + suffix;
    });
    ['for', 'aria-labelledby', 'aria-describedby', 'data-counter', 'data-counter-live'].forEach(function (name) {
      form.querySelectorAll('[' + name + ']').forEach(function (element) {
        element.setAttribute(name, element.getAttribute(name).split(' ').map(function (ref) {
          return ref + suffix;
        }).join(' '));
      });
    });
    form.setAttribute('aria-labelledby', 'comment-form-heading' + suffix);
    // the main form's messages and sending state stay with it
    form.querySelectorAll('.field-error, .form-alert').forEach(function (error) {
      error.remove();
    });
    form.removeAttribute('aria-busy');
    form.querySelector('button[type="submit"]').disabled = false;
    form.querySelectorAll('[aria-invalid]').forEach(function (field) {
      field.removeAttribute('aria-invalid');
    });
    var textarea = form.querySelector('textarea');
    textarea.value = '';
    textarea.setAttribute('aria-describedby', 'comment-body-counter-status' + suffix);
    form.querySelector('#comment-website' + suffix).value = '';
    var heading = form.querySelector('h3');
    heading.textContent = main.getAttribute('data-reply-heading');
    var replyTo = document.createElement('input');
    replyTo.type = 'hidden';
    replyTo.name = 'replyTo';
    replyTo.value = id;
    form.appendChild(replyTo);
    var cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'button button-secondary';
    cancel.textContent = main.getAttribute('data-reply-cancel');
    cancel.addEventListener('click', function () {
      form.remove();
      link.setAttribute('aria-expanded', 'false');
      link.focus();
    });
    form.querySelector('button[type="submit"]').after(cancel);
    link.parentElement.after(form);
    link.setAttribute('aria-expanded', 'true');
    attach(textarea);
    textarea.focus();
  }

  function init() {
    var fields = document.querySelectorAll('textarea[data-char-limit]');
    for (var i = 0; i < fields.length; i++) {
      attach(fields[i]);
    }
    if (window.fetch && window.URLSearchParams && window.FormData) {
      // on document, so that reply forms opened later are posted the same way
      document.addEventListener('submit', function (event) {
        var form = event.target;
        if (event.defaultPrevented || !form.matches || !form.matches('form.comment-form')) {
          return;
        }
        event.preventDefault();
        if (form.getAttribute('aria-busy') !== 'true') {
          send(form);
        }
      });
      // a page restored from the back/forward cache still had its button disabled
      window.addEventListener('pageshow', function (event) {
        if (event.persisted) {
          document.querySelectorAll('form.comment-form[aria-busy]').forEach(function (form) {
            form.removeAttribute('aria-busy');
            form.querySelectorAll('button[type="submit"]').forEach(function (button) {
              button.disabled = false;
            });
          });
        }
      });
    }
    var main = document.getElementById('comment-form');
    if (!main) {
      return;
    }
    document.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a[data-reply-to]') : null;
      if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey
          || event.shiftKey || event.altKey) {
        return;
      }
      event.preventDefault();
      openReply(link, main);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
  else {
    init();
  }
}());
