/*
 * The comment form: a live remaining-characters counter, and reply forms that open in
 * place under a comment (without this script the reply link leads to the comment's
 * thread, whose page has the reply form).
 * Characters are counted as a reader sees them: grapheme clusters after NFC normalisation
 * and trimming, the same rule as the server. The text is never cut: past the limit the
 * counter turns into a warning and the server explains the error.
 */
(function () {
  'use strict';

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
    form.querySelectorAll('.field-error').forEach(function (error) {
      error.remove();
    });
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
