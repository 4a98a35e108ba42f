// The reader site's only script (served from /assets/, allowed by the CSP). Everything works
// without it; it adds suggestions to the search box, the view beacon, and posts comments without
// leaving the page.
(function () {
  'use strict';
  var search = document.getElementById('site-search');
  if (search && window.fetch && window.AbortController) suggestions(search);

  var article = document.querySelector('[data-article-id]');
  if (!article) return;
  var id = article.getAttribute('data-article-id');

  // Count the view once the page is shown; sendBeacon survives the reader leaving at once.
  function countView() {
    var url = '/api/v1/articles/' + id + '/views';
    if (navigator.sendBeacon && navigator.sendBeacon(url)) return;
    fetch(url, { method: 'POST', keepalive: true, credentials: 'omit' }).catch(function () {});
  }
  if (document.visibilityState === 'visible') countView();
  else
    document.addEventListener('visibilitychange', function once() {
      if (document.visibilityState !== 'visible') return;
      document.removeEventListener('visibilitychange', once);
      countView();
    });

  // Comment forms: send as JSON and show the answer in place.
  Array.prototype.forEach.call(document.querySelectorAll('form.comment-form'), function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var data = new FormData(form);
      var body = { name: String(data.get('name') || ''), body: String(data.get('body') || ''), website: String(data.get('website') || '') };
      if (data.get('parentId')) body.parentId = Number(data.get('parentId'));
      var status = form.querySelector('.comment-form__status');
      var button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        credentials: 'omit',
      })
        .then(function (res) {
          return res.json().then(function (json) {
            var message = json.message || (json.error && json.error.message) || '';
            status.textContent = message;
            status.className = 'comment-form__status ' + (res.ok ? 'is-ok' : 'is-error');
            if (res.ok) form.reset();
          });
        })
        .catch(function () {
          status.textContent = 'পাঠানো যায়নি। সংযোগ দেখে আবার চেষ্টা করুন।';
          status.className = 'comment-form__status is-error';
        })
        .finally(function () {
          button.disabled = false;
        });
    });
  });

  // The search box as a WAI-ARIA combobox: suggestions from /api/v1/suggest while typing, arrow
  // keys to move, Enter to follow the chosen one (or search, when none is chosen), Escape to close.
  // The list is positioned over the page, so nothing moves; the form still submits to /search.
  function suggestions(input) {
    var list = document.createElement('div');
    var timer, pending;
    var active = -1;
    list.id = input.id + '-list';
    list.className = 'suggest';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'পরামর্শ');
    list.hidden = true;
    input.form.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('autocomplete', 'off');

    function options() {
      return list.querySelectorAll('[role="option"]');
    }
    function close() {
      list.hidden = true;
      list.textContent = '';
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }
    function choose(index) {
      var all = options();
      active = (index + all.length) % all.length;
      for (var i = 0; i < all.length; i++) all[i].setAttribute('aria-selected', String(i === active));
      input.setAttribute('aria-activedescendant', all[active].id);
      all[active].scrollIntoView({ block: 'nearest' });
    }
    function show(q, answer) {
      if (q !== input.value.trim() || document.activeElement !== input) return; // an older text's answer, or the reader has left the box
      close();
      var n = 0;
      answer.groups.forEach(function (group) {
        var box = document.createElement('div');
        var label = document.createElement('div');
        box.setAttribute('role', 'group');
        box.setAttribute('aria-labelledby', (label.id = list.id + '-' + group.type));
        label.className = 'suggest__label';
        label.textContent = group.label;
        box.appendChild(label);
        group.items.forEach(function (item) {
          var option = document.createElement('a');
          option.id = list.id + '-' + n++;
          option.className = 'suggest__option';
          option.href = item.url;
          option.tabIndex = -1;
          option.setAttribute('role', 'option');
          option.setAttribute('aria-selected', 'false');
          option.textContent = item.name;
          box.appendChild(option);
        });
        list.appendChild(box);
      });
      if (!n) return;
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
    function ask() {
      var q = input.value.trim();
      if (pending) pending.abort();
      if (!q || q.length > 200) return close();
      pending = new AbortController();
      fetch('/api/v1/suggest?q=' + encodeURIComponent(q), { signal: pending.signal, headers: { accept: 'application/json' } })
        .then(function (res) {
          return res.ok ? res.json() : { groups: [] };
        })
        .then(function (answer) {
          show(q, answer);
        })
        .catch(function () {}); // aborted, or offline: the form still searches
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener('keydown', function (event) {
      var down = event.key === 'ArrowDown';
      if (down || event.key === 'ArrowUp') {
        event.preventDefault();
        if (list.hidden) ask();
        else choose(active < 0 && !down ? -1 : active + (down ? 1 : -1));
      } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
        event.preventDefault();
        location.assign(options()[active].href);
      } else if (event.key === 'Escape' && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', close);
    // Keeps the focus in the box while a suggestion is clicked (the click follows its link).
    list.addEventListener('mousedown', function (event) {
      event.preventDefault();
    });
  }
})();
