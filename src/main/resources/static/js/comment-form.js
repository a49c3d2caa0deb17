/*
 * Live remaining-characters counter for the comment form.
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

  function init() {
    var fields = document.querySelectorAll('textarea[data-char-limit]');
    for (var i = 0; i < fields.length; i++) {
      attach(fields[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
  else {
    init();
  }
}());
