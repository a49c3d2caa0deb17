/*
 * Live updates of the comments while the article is open. The server says on a
 * Server-Sent Events stream when comments or reaction counts changed; this script then
 * asks for the comments section as the page would show it now (the same address and
 * parameters, answered by the page cache) and for the current counts.
 *
 * - Reaction counts are updated in place (they move nothing).
 * - New comments and replies are not shown by themselves: a polite announcement says how
 *   many there are ("新しいコメントが3件あります") and a button shows them, so that
 *   nothing moves while the reader reads. Focus then goes to the first one shown.
 * - A comment that readers no longer see (hidden by a moderator, or taken back by its
 *   author) says so in its place, and its replies go with it.
 *
 * Without JavaScript, without EventSource, or when the server refuses the stream, the
 * page simply stays as it was loaded.
 */
(function () {
  'use strict';

  var section = document.getElementById('comments');
  var base = section ? section.getAttribute('data-comments') : null;
  if (!base || !window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }
  var heading = document.getElementById('comments-heading');

  var bar = document.createElement('div');
  bar.className = 'comments-live';
  var status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'button comments-live-button';
  button.hidden = true;
  bar.appendChild(status);
  bar.appendChild(button);
  heading.after(bar);

  /* New comments not shown yet, in the order the section lists them. */
  var waiting = [];
  var busy = false;
  /* An update asked for while one runs: null, false (counts) or true (comments too). */
  var queued = null;

  function idOf(item) {
    return item.id.replace(/^comment-/, '');
  }

  function isWaiting(id) {
    return waiting.some(function (entry) {
      return entry.id === id || entry.inside.indexOf(id) >= 0;
    });
  }

  function waitingCount() {
    return waiting.reduce(function (sum, entry) {
      return sum + 1 + entry.inside.length;
    }, 0);
  }

  /* The parameters of this page that choose what the section shows. */
  function sectionQuery() {
    var here = new URLSearchParams(window.location.search);
    var kept = new URLSearchParams();
    ['corder', 'cpage', 'thread'].forEach(function (name) {
      if (here.has(name)) {
        kept.set(name, here.get(name));
      }
    });
    var query = kept.toString();
    return query ? '?' + query : '';
  }

  /* Finds, in the section as it is now, the comments this page does not show yet. */
  function take(fetched) {
    var count = fetched.querySelector('#comments-heading');
    if (count) {
      heading.textContent = count.textContent;
    }
    fetched.querySelectorAll('li.comment[id^="comment-"]').forEach(function (item) {
      var id = idOf(item);
      if (document.getElementById('comment-' + id) || isWaiting(id)) {
        return;
      }
      var replies = item.parentElement.closest('li.comment');
      var previous = item.previousElementSibling;
      waiting.push({
        id: id,
        node: document.importNode(item, true),
        parent: replies ? idOf(replies) : null,
        previous: previous && previous.id.indexOf('comment-') === 0 ? idOf(previous) : null,
        inside: Array.prototype.map.call(item.querySelectorAll('li.comment[id^="comment-"]'), idOf)
      });
    });
    var n = waitingCount();
    if (n > 0) {
      var text = '新しいコメントが' + n + '件あります';
      if (status.textContent !== text) {
        status.textContent = text;
      }
      button.textContent = '新しいコメントを表示する(' + n + '件)';
      button.hidden = false;
    }
  }

  /* Says in place of each comment readers no longer see that it is gone. */
  function withdrawGone(visible) {
    section.querySelectorAll('li.comment[id^="comment-"]').forEach(function (item) {
      // a comment its author just took back already says so (comment-own.js)
      if (visible.indexOf(idOf(item)) >= 0 || item.classList.contains('is-gone')
          || item.querySelector('.comment-withdrawn')) {
        return;
      }
      item.classList.add('is-gone');
      while (item.firstChild) {
        item.removeChild(item.firstChild);
      }
      var note = document.createElement('p');
      note.className = 'comment-gone';
      note.textContent = 'このコメントは表示されなくなりました。';
      item.appendChild(note);
    });
    waiting = waiting.filter(function (entry) {
      return visible.indexOf(entry.id) >= 0;
    });
    if (waitingCount() === 0) {
      button.hidden = true;
    }
  }

  function repliesOf(parent) {
    var list = parent.querySelector(':scope > ol.comment-replies');
    if (!list) {
      list = document.createElement('ol');
      list.className = 'comment-replies';
      list.setAttribute('aria-label', '返信');
      var link = parent.querySelector(':scope > .comment-reply-link');
      (link || parent.lastElementChild).after(list);
    }
    return list;
  }

  function mainList() {
    var list = section.querySelector(':scope > ol.comment-list');
    if (!list) {
      list = document.createElement('ol');
      list.className = 'comment-list';
      var empty = section.querySelector(':scope > .comments-empty');
      var before = empty || section.querySelector(':scope > .comment-order')
        || section.querySelector(':scope > .comment-form, :scope > .comments-closed');
      if (empty) {
        empty.after(list);
        empty.remove();
      }
      else if (before) {
        before.before(list);
      }
      else {
        section.appendChild(list);
      }
    }
    return list;
  }

  function showWaiting() {
    var first = null;
    waiting.forEach(function (entry) {
      var node = entry.node;
      if (entry.parent) {
        var parent = document.getElementById('comment-' + entry.parent);
        if (!parent) {
          return;
        }
        repliesOf(parent).appendChild(node);
      }
      else {
        var previous = entry.previous ? document.getElementById('comment-' + entry.previous) : null;
        if (previous && previous.parentElement.matches('ol.comment-list')) {
          previous.after(node);
        }
        else if (entry.previous) {
          mainList().appendChild(node);
        }
        else {
          mainList().prepend(node);
        }
      }
      node.classList.add('is-new');
      node.setAttribute('tabindex', '-1');
      first = first || node;
    });
    var n = waitingCount();
    waiting = [];
    button.hidden = true;
    status.textContent = n + '件の新しいコメントを表示しました';
    if (first) {
      first.focus();
    }
  }

  button.addEventListener('click', showWaiting);

  function update(comments) {
    if (busy) {
      queued = queued === true || comments;
      return;
    }
    busy = true;
    var asked = comments
      ? fetch(base + '/section' + sectionQuery(), {
        headers: { 'Accept': 'text/html' },
        credentials: 'same-origin',
        cache: 'no-cache'
      }).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        if (html) {
          take(new DOMParser().parseFromString(html, 'text/html'));
        }
      })
      : Promise.resolve();
    asked.then(function () {
      var counts = window.shimbunComments && window.shimbunComments.refreshReactions;
      return counts ? counts() : null;
    }).then(function (visible) {
      if (visible && comments) {
        withdrawGone(visible);
      }
    }).catch(function () {
      // the page stays as it is; the next change asks again
    }).then(function () {
      busy = false;
      if (queued !== null) {
        var next = queued;
        queued = null;
        update(next);
      }
    });
  }

  var stream = new EventSource(base + '/stream');
  // for whoever needs to know whether updates arrive (the browser tests wait for it)
  window.shimbunComments = window.shimbunComments || {};
  window.shimbunComments.liveStream = stream;
  stream.addEventListener('comments', function () {
    update(true);
  });
  stream.addEventListener('reactions', function () {
    update(false);
  });
  stream.addEventListener('error', function () {
    // the browser opens the stream again by itself; when the server refused it, it stops
    if (stream.readyState === EventSource.CLOSED) {
      bar.remove();
    }
  });
  window.addEventListener('pagehide', function () {
    stream.close();
  });
}());
