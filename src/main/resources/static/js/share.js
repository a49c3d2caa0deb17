/*
 * "Copy link" for the share box. Without JavaScript the button stays hidden and the URL
 * field can be selected and copied by hand.
 */
(function () {
  'use strict';

  function init() {
    var buttons = document.querySelectorAll('button[data-copy]');
    for (var i = 0; i < buttons.length; i++) {
      attach(buttons[i]);
    }
  }

  function attach(button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = document.querySelector('[data-copied-for="' + button.getAttribute('data-copy') + '"]');
    if (!field || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(field.value).then(function () {
        if (status) {
          status.textContent = status.getAttribute('data-message');
        }
      }, function () {
        field.select();
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
  else {
    init();
  }
}());
