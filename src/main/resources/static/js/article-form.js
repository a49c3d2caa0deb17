/*
 * The article editor's form, with JavaScript: character counts as readers count them,
 * autosave of a draft every few seconds while an editor types (never a revision, never
 * published), a warning before leaving unsaved changes, and who else has the article open
 * (with taking it over). Without this script the form works as a plain form.
 */
(function () {
  'use strict';

  var form = document.getElementById('article-form');
  if (!form) {
    return;
  }

  // --- character counts: grapheme clusters, as Graphemes counts them on the server ---
  var segmenter = (window.Intl && Intl.Segmenter) ? new Intl.Segmenter('ja', { granularity: 'grapheme' }) : null;

  function graphemes(text) {
    if (!segmenter) {
      return Array.from(text).length;
    }
    var count = 0;
    var iterator = segmenter.segment(text)[Symbol.iterator]();
    while (!iterator.next().done) {
      count++;
    }
    return count;
  }

  document.querySelectorAll('[data-count-for]').forEach(function (counter) {
    var field = document.getElementById(counter.dataset.countFor);
    if (!field) {
      return;
    }
    var guide = Number(counter.dataset.guide);
    var described = field.getAttribute('aria-describedby');
    field.setAttribute('aria-describedby', (described ? described + ' ' : '') + counter.id);
    function update() {
      var count = graphemes(field.value);
      var text = count + '文字(目安' + guide + '文字)';
      if (count > guide) {
        text += ' 目安を' + (count - guide) + '文字超えています';
      }
      counter.textContent = text;
      counter.classList.toggle('char-count-over', count > guide);
    }
    field.addEventListener('input', update);
    update();
  });

  // --- autosave ---
  var status = document.getElementById('autosave-status');
  var autosaveUrl = form.dataset.autosaveUrl;
  var interval = Number(form.dataset.autosaveInterval) || 5000;
  var dirty = false;
  var changed = false;
  var saving = null;
  var submitting = false;
  var readOnly = false;

  function markDirty() {
    if (!readOnly) {
      dirty = true;
      changed = true;
    }
  }
  form.addEventListener('input', markDirty);
  form.addEventListener('change', markDirty);
  form.addEventListener('body-change', markDirty);

  function token() {
    var field = form.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }

  function show(text, failed) {
    if (!status) {
      return;
    }
    status.hidden = false;
    status.textContent = text;
    status.classList.toggle('autosave-failed', failed);
    status.setAttribute('role', failed ? 'alert' : 'status');
  }

  function formBody() {
    var data = new FormData(form);
    data.delete('action');
    var body = new URLSearchParams();
    data.forEach(function (value, name) {
      if (typeof value === 'string') {
        body.append(name, value);
      }
    });
    return body;
  }

  function autosave() {
    if (!dirty || saving || readOnly || !autosaveUrl) {
      return saving || Promise.resolve();
    }
    dirty = false;
    var body = formBody();
    keepLocally(body);
    saving = fetch(autosaveUrl, {
      method: 'POST',
      body: body,
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin',
      // finishes even when the tab is being closed
      keepalive: body.toString().length < 60000
    }).then(function (response) {
      var json = (response.headers.get('Content-Type') || '').indexOf('application/json') === 0;
      return (json ? response.json() : Promise.resolve({})).then(function (result) {
        if (response.ok && json && result.savedAtText) {
          show('下書きを自動保存しました(' + result.savedAtText + ')', false);
          form.dataset.autosavedAt = result.savedAt;
          forgetLocally();
        }
        else {
          dirty = true;
          show(result.message || (response.redirected || !json
            ? 'サインインが切れたため自動保存できませんでした。別のタブでサインインし直してください。入力はこの画面に残っています。'
            : '自動保存できませんでした(' + response.status + ')。入力はこの画面に残っています。'), true);
        }
      });
    }).catch(function () {
      dirty = true;
      show('接続できないため自動保存できませんでした。入力はこの画面に残っています。つながりしだい保存します。', true);
    }).then(function () {
      saving = null;
    });
    return saving;
  }
  // --- a copy in this browser while the server cannot be reached ---
  var localKey = 'shimbun-draft:' + autosaveUrl;

  function keepLocally(body) {
    try {
      window.localStorage.setItem(localKey, JSON.stringify({ at: new Date().toISOString(), body: body.toString() }));
    }
    catch (e) {
      // storage full or refused: the server copy is all there is
    }
  }

  function forgetLocally() {
    try {
      window.localStorage.removeItem(localKey);
    }
    catch (e) {
      // nothing kept
    }
  }

  function offerLocalCopy() {
    var kept = null;
    try {
      kept = JSON.parse(window.localStorage.getItem(localKey) || 'null');
    }
    catch (e) {
      kept = null;
    }
    if (!kept || !kept.body || new URL(window.location.href).searchParams.has('restore')) {
      return;
    }
    var offer = document.createElement('div');
    offer.className = 'draft-offer';
    offer.id = 'local-draft-offer';
    offer.setAttribute('role', 'region');
    offer.setAttribute('aria-labelledby', 'local-draft-heading');
    var heading = document.createElement('h2');
    heading.id = 'local-draft-heading';
    heading.textContent = 'このブラウザーに送信できなかった下書きがあります';
    var text = document.createElement('p');
    text.textContent = new Date(kept.at).toLocaleString('ja-JP') + ' に接続が切れたため、サーバーに届いていない入力です。';
    var restore = document.createElement('button');
    restore.type = 'button';
    restore.className = 'button';
    restore.textContent = 'この下書きを復元する';
    restore.addEventListener('click', function () {
      var body = new URLSearchParams(kept.body);
      body.set('_csrf', token());
      fetch(autosaveUrl, { method: 'POST', body: body, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          forgetLocally();
          var target = new URL(window.location.href);
          target.searchParams.set('restore', 'draft');
          window.location.assign(target.toString());
        })
        .catch(function () {
          show('下書きをサーバーに送れませんでした。接続を確かめてからもう一度お試しください。', true);
        });
    });
    var discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'button button-secondary';
    discard.textContent = '破棄する';
    discard.addEventListener('click', function () {
      forgetLocally();
      offer.remove();
    });
    var actions = document.createElement('div');
    actions.className = 'draft-actions';
    actions.append(restore, discard);
    offer.append(heading, text, actions);
    form.parentNode.insertBefore(offer, document.getElementById('presence') || form);
  }
  offerLocalCopy();

  // a preview shows the autosaved draft: keep what was just typed first
  document.querySelectorAll('.preview-widths a').forEach(function (link) {
    link.addEventListener('click', function (event) {
      if (!dirty && !saving) {
        return;
      }
      event.preventDefault();
      var opened = window.open('', '_blank');
      autosave().then(function () {
        if (opened) {
          opened.location.href = link.href;
        }
        else {
          window.location.assign(link.href);
        }
      });
    });
  });

  window.setInterval(autosave, interval);
  window.addEventListener('online', autosave);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      autosave();
    }
  });

  form.addEventListener('submit', function () {
    submitting = true;
    forgetLocally();
  });
  window.addEventListener('beforeunload', function (event) {
    if (changed && !submitting && !readOnly) {
      autosave();
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // --- who else has the article open ---
  var presence = document.getElementById('presence');
  var presenceUrl = presence && presence.dataset.presenceUrl;
  if (!presenceUrl) {
    return;
  }
  var held = null;
  var dialog = null;

  function post(url) {
    var body = new URLSearchParams();
    body.append('_csrf', token());
    return fetch(url, {
      method: 'POST',
      body: body,
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).catch(function () {
      return null;
    });
  }

  function names(editors) {
    return editors.others.map(function (editor) {
      return editor.name;
    }).join('、');
  }

  function setReadOnly(value) {
    readOnly = value;
    form.inert = value;
    form.classList.toggle('editor-taken', value);
  }

  function takeOver() {
    post(presence.dataset.takeOverUrl).then(function (editors) {
      if (editors) {
        closeDialog();
        render(editors);
      }
    });
  }

  function closeDialog() {
    if (dialog && dialog.open) {
      dialog.close();
    }
  }

  function askToTakeOver(holder) {
    if (!dialog) {
      dialog = document.createElement('dialog');
      dialog.className = 'presence-dialog';
      dialog.setAttribute('aria-labelledby', 'presence-dialog-heading');
      dialog.innerHTML = '<h2 id="presence-dialog-heading"></h2>'
        + '<p>引き継ぐと、相手の画面は編集できなくなります(相手の入力は下書きとして自動保存されます)。</p>'
        + '<div class="draft-actions"><button type="button" class="button" data-take-over>編集を引き継ぐ</button>'
        + '<button type="button" class="button button-secondary" data-read-only>閲覧だけする</button>'
        + '<a class="button button-secondary" href="../../articles">記事一覧に戻る</a></div>';
      dialog.querySelector('[data-take-over]').addEventListener('click', takeOver);
      dialog.querySelector('[data-read-only]').addEventListener('click', closeDialog);
      document.body.appendChild(dialog);
    }
    dialog.querySelector('h2').textContent = holder.name + 'さんがこの記事を編集中です';
    if (!dialog.open) {
      dialog.showModal();
      dialog.querySelector('[data-take-over]').focus();
    }
  }

  function render(editors) {
    var holder = editors.others.filter(function (editor) {
      return editor.holds;
    })[0];
    presence.textContent = '';
    var line = document.createElement('p');
    if (editors.youHold) {
      if (editors.others.length) {
        line.textContent = names(editors) + 'さんもこの記事を開いています。';
        presence.appendChild(line);
      }
      setReadOnly(false);
    }
    else if (holder) {
      line.className = 'presence-holder';
      line.textContent = (held === true)
        ? holder.name + 'さんが編集を引き継ぎました。あなたの入力は下書きとして自動保存されています。'
        : holder.name + 'さんがこの記事を編集中です。閲覧だけできます。';
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button-small';
      button.textContent = '編集を引き継ぐ';
      button.addEventListener('click', takeOver);
      line.appendChild(document.createTextNode(' '));
      line.appendChild(button);
      presence.appendChild(line);
      if (held === true) {
        // taken over: keep what was typed as a draft, then stop editing here
        autosave().then(function () {
          setReadOnly(true);
        });
      }
      else {
        setReadOnly(true);
        if (held === null) {
          askToTakeOver(holder);
        }
      }
    }
    held = editors.youHold;
    presence.setAttribute('role', 'status');
  }

  post(presenceUrl).then(function (editors) {
    if (editors) {
      render(editors);
    }
  });
  window.setInterval(function () {
    post(presenceUrl).then(function (editors) {
      if (editors) {
        render(editors);
      }
    });
  }, 10000);
  window.addEventListener('pagehide', function () {
    if (submitting) {
      return;
    }
    var body = new URLSearchParams();
    body.append('_csrf', token());
    navigator.sendBeacon(presence.dataset.leaveUrl, body);
  });
}());
