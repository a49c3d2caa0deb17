/*
 * A reader's own comments: for a while after posting, its author may edit a comment in
 * place or take it back. The key the server gave at posting is kept in this browser only
 * (comment-form.js keeps it in localStorage); a comment of this page with a key that is
 * still valid gets 「編集する」 and 「削除する」, which go away when the time is over. The
 * server checks the key and the time again; when it refuses, the buttons go away too.
 * Without JavaScript (or in another browser) nothing changes: no key, no buttons.
 */
(function () {
  'use strict';

  var shared = window.Shimbun && window.Shimbun.comments;
  var section = document.getElementById('comments');
  if (!shared || !section || !section.getAttribute('data-comments') || !window.fetch) {
    return;
  }
  var base = section.getAttribute('data-comments');

  var TEXT = {
    edit: '編集する',
    withdraw: '削除する',
    save: '保存する',
    cancel: 'やめる',
    formLabel: 'コメントを編集',
    nickname: 'ニックネーム(任意、20文字まで)',
    body: 'コメント(必須、300文字まで)',
    counterBefore: '残り',
    counterAfter: '文字',
    confirm: 'このコメントを削除しますか?元に戻せません。',
    edited: 'コメントを編集しました。',
    editedLabel: '編集済み',
    pending: '編集したコメントは編集部の確認後に表示されます。',
    withdrawn: 'コメントを削除しました。',
    anonymous: '匿名',
    windowOver: '投稿から時間がたったため、このコメントはもう編集・削除できません。',
    networkSave: '接続できなかったため保存できませんでした。もう一度お試しください。',
    networkWithdraw: '接続できなかったため削除できませんでした。もう一度お試しください。',
    otherError: '操作できませんでした。時間をおいてもう一度お試しください。'
  };

  /* The page's comment form says what its fields are called and how long a comment may be. */
  var pageForm = section.querySelector('form.comment-form');

  function pageText(selector, fallback) {
    var found = pageForm && pageForm.querySelector(selector);
    return found ? found.textContent.trim() : fallback;
  }

  var labels = {
    nickname: pageText('label[for="comment-nickname"]', TEXT.nickname),
    body: pageText('label[for="comment-body"]', TEXT.body),
    counterBefore: pageText('.char-counter span:first-child', TEXT.counterBefore),
    counterAfter: pageText('.char-counter span:last-child', TEXT.counterAfter)
  };
  var pageBody = pageForm && pageForm.querySelector('textarea[data-char-limit]');
  var limit = pageBody ? pageBody.getAttribute('data-char-limit') : '300';

  /* Announcements: one polite live region, in the page before anything is said in it. */
  var live = null;

  function announce(message) {
    live.textContent = '';
    // emptied first and filled a moment later, so that the same message is read again
    window.setTimeout(function () {
      live.textContent = message;
    }, 100);
  }

  function post(id, action, body) {
    return fetch(base + '/' + encodeURIComponent(id) + '/' + action, {
      method: 'POST',
      body: body,
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      return shared.json(response).then(function (result) {
        return { status: response.status, ok: response.ok, result: result };
      });
    });
  }

  function element(name, className, text) {
    var created = document.createElement(name);
    if (className) {
      created.className = className;
    }
    if (text) {
      created.textContent = text;
    }
    return created;
  }

  function button(label) {
    var created = element('button', 'comment-own-button');
    created.type = 'button';
    created.append(document.createTextNode(label), element('span', 'visually-hidden'));
    return created;
  }

  /*
   * One of the reader's comments on this page, with its key: the buttons under its text,
   * the edit form in place of the text, and the end of it all when the time is over.
   */
  function own(comment, id, entry) {
    var body = comment.querySelector(':scope > .comment-body');
    // the text to edit: what the reader last saved, also while it waits for the moderators
    var text = body.textContent;
    var form = null;
    var toolbar = element('p', 'comment-own');
    var editButton = button(TEXT.edit);
    var withdrawButton = button(TEXT.withdraw);
    toolbar.append(editButton, withdrawButton);
    describe();
    body.after(toolbar);
    // setTimeout counts in a 32-bit integer; an edit window is minutes
    var timer = window.setTimeout(windowOver, Math.min(Math.max(0, entry.until - Date.now()), 2147483647));

    /* Buttons named after their comment for screen readers: 編集する(あなたのコメント「…」). */
    function describe() {
      var excerpt = Array.from(text.trim().replace(/\s+/g, ' '));
      var which = '(あなたのコメント「' + excerpt.slice(0, 20).join('') + (excerpt.length > 20 ? '…' : '') + '」)';
      [editButton, withdrawButton].forEach(function (each) {
        each.querySelector('.visually-hidden').textContent = which;
      });
    }

    function field(labelText, control) {
      var wrapper = element('div', 'field');
      var label = element('label', null, labelText);
      label.htmlFor = control.id;
      wrapper.append(label, control);
      return wrapper;
    }

    /* The edit form in place of the text: nickname, text with its counter, 保存する / やめる. */
    function openEditor() {
      if (form) {
        form.querySelector('textarea').focus();
        return;
      }
      var prefix = 'comment-edit-' + id;
      form = element('form', 'comment-edit-form');
      form.id = prefix;
      form.setAttribute('aria-label', TEXT.formLabel);

      var nickname = element('input');
      nickname.type = 'text';
      nickname.id = prefix + '-nickname';
      nickname.name = 'nickname';
      nickname.autocomplete = 'nickname';
      nickname.value = comment.getAttribute('data-nickname') || '';

      var textarea = element('textarea');
      textarea.id = prefix + '-body';
      textarea.name = 'body';
      textarea.rows = 5;
      textarea.required = true;
      textarea.value = text;
      textarea.setAttribute('data-char-limit', limit);
      textarea.setAttribute('data-counter', prefix + '-body-counter');
      textarea.setAttribute('data-counter-live', prefix + '-body-counter-live');
      textarea.setAttribute('aria-describedby', prefix + '-body-counter-status');
      var status = element('p', 'char-counter');
      status.id = prefix + '-body-counter-status';
      var counter = element('span', null, limit);
      counter.id = prefix + '-body-counter';
      status.append(element('span', null, labels.counterBefore), counter, element('span', null, labels.counterAfter));
      var counterLive = element('p', 'visually-hidden');
      counterLive.id = prefix + '-body-counter-live';
      counterLive.setAttribute('aria-live', 'polite');
      var bodyField = field(labels.body, textarea);
      bodyField.append(status, counterLive);

      var actions = element('p', 'comment-edit-actions');
      var save = element('button', 'button', TEXT.save);
      save.type = 'submit';
      var cancel = element('button', 'button button-secondary', TEXT.cancel);
      cancel.type = 'button';
      actions.append(save, cancel);

      form.append(field(labels.nickname, nickname), bodyField, actions);
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        submit();
      });
      cancel.addEventListener('click', function () {
        closeEditor();
        editButton.focus();
      });
      body.hidden = true;
      toolbar.hidden = true;
      body.after(form);
      // the same counter as the comment form (comment-form.js), once the field is in the page
      shared.attachCounter(textarea);
      textarea.focus();
    }

    function closeEditor() {
      if (form) {
        form.remove();
        form = null;
      }
      body.hidden = false;
      toolbar.hidden = false;
    }

    function setBusy(busy) {
      var buttons = form ? Array.from(form.querySelectorAll('button')) : [];
      buttons.concat([editButton, withdrawButton]).forEach(function (each) {
        each.disabled = busy;
      });
      if (form) {
        if (busy) {
          form.setAttribute('aria-busy', 'true');
        }
        else {
          form.removeAttribute('aria-busy');
        }
      }
    }

    function submit() {
      if (form.getAttribute('aria-busy') === 'true') {
        return;
      }
      var sent = form;
      var data = new URLSearchParams(new FormData(sent));
      data.append('key', entry.key);
      setBusy(true);
      post(id, 'edit', data).then(function (answer) {
        setBusy(false);
        if (answer.ok && answer.result) {
          saved(sent.elements.nickname.value, sent.elements.body.value, answer.result.visible !== false);
        }
        else if (answer.status === 403 || answer.status === 404 || answer.status === 409) {
          end((answer.result && answer.result.message) || TEXT.otherError);
        }
        else {
          shared.showRefusal(sent, answer.status, answer.result, TEXT.otherError);
        }
      }).catch(function () {
        setBusy(false);
        shared.clearErrors(sent);
        shared.showAlert(sent, TEXT.networkSave);
      });
    }

    /* The edit is stored: the comment shows it at once, marked 編集済み as the server marks it. */
    function saved(nicknameValue, bodyValue, visible) {
      // as the server keeps them: NFC, line breaks as \n, trimmed, the nickname on one line
      var name = nicknameValue.normalize('NFC').replace(/\r\n?|\n/g, ' ').trim();
      text = bodyValue.normalize('NFC').replace(/\r\n?/g, '\n').trim();
      closeEditor();
      if (name) {
        comment.setAttribute('data-nickname', name);
      }
      else {
        comment.removeAttribute('data-nickname');
      }
      describe();
      if (!visible) {
        body.textContent = TEXT.pending;
        editButton.focus();
        announce(TEXT.pending);
        return;
      }
      body.textContent = text;
      var meta = comment.querySelector(':scope > .comment-meta');
      if (meta) {
        meta.querySelector('.comment-nickname').textContent = name || TEXT.anonymous;
        if (!meta.querySelector('.comment-edited')) {
          var edited = element('span', 'comment-edited', TEXT.editedLabel);
          var permalink = meta.querySelector('.comment-permalink');
          if (permalink) {
            permalink.after(edited);
          }
          else {
            meta.appendChild(edited);
          }
        }
      }
      editButton.focus();
      announce(TEXT.edited);
    }

    /*
     * This browser may no longer change the comment (the time is over, or the server
     * refused: wrong key, taken down): the buttons and the key go. A message takes their
     * place when there is one, focused when the reader was using them, so that the
     * keyboard does not get lost.
     */
    function end(message) {
      var wasUsed = form !== null || toolbar.contains(document.activeElement);
      window.clearTimeout(timer);
      shared.forgetKey(id);
      closeEditor();
      if (!message) {
        toolbar.remove();
        return;
      }
      var notice = element('p', 'comment-own-notice', message);
      notice.tabIndex = -1;
      toolbar.replaceWith(notice);
      if (wasUsed) {
        notice.focus();
      }
    }

    function windowOver() {
      var wasUsed = form !== null || toolbar.contains(document.activeElement);
      end(wasUsed ? TEXT.windowOver : null);
    }

    function toolbarAlert(message) {
      var old = toolbar.querySelector('.form-alert');
      if (old) {
        old.remove();
      }
      var alert = element('span', 'form-alert', message);
      alert.setAttribute('role', 'alert');
      toolbar.appendChild(alert);
    }

    function withdraw() {
      if (!window.confirm(TEXT.confirm)) {
        return;
      }
      var data = new URLSearchParams();
      data.append('key', entry.key);
      setBusy(true);
      post(id, 'withdraw', data).then(function (answer) {
        setBusy(false);
        if (answer.ok) {
          withdrawn((answer.result && answer.result.message) || TEXT.withdrawn);
        }
        else if (answer.status === 403 || answer.status === 404 || answer.status === 409) {
          end((answer.result && answer.result.message) || TEXT.otherError);
        }
        else {
          toolbarAlert((answer.result && answer.result.message) || TEXT.otherError);
        }
      }).catch(function () {
        setBusy(false);
        toolbarAlert(TEXT.networkWithdraw);
      });
    }

    /* Taken back: the comment (and its replies, which readers no longer see) gives way to a short status. */
    function withdrawn(message) {
      window.clearTimeout(timer);
      shared.forgetKey(id);
      var status = element('p', 'comment-withdrawn', message);
      status.tabIndex = -1;
      comment.classList.add('is-withdrawn');
      comment.replaceChildren(status);
      status.focus();
      announce(message);
    }

    editButton.addEventListener('click', openEditor);
    withdrawButton.addEventListener('click', withdraw);
  }

  var keys = shared.readKeys();
  Object.keys(keys).forEach(function (id) {
    var comment = document.getElementById('comment-' + id);
    if (comment && comment.classList.contains('comment') && comment.querySelector(':scope > .comment-body')) {
      if (!live) {
        live = element('p', 'visually-hidden comment-own-live');
        live.setAttribute('aria-live', 'polite');
        section.appendChild(live);
      }
      own(comment, id, keys[id]);
    }
  });
}());
