// The reader site's only script (served from /assets/, allowed by the CSP). Everything works
// without it; it adds the view beacon and posts comments without leaving the page.
(function () {
  'use strict';
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
})();
