// On a lab page of a workshop learner: a small notice while the instructor watches the terminal, and
// a "let my instructor type" toggle. Polls /workshops/me every 5 s; outside a workshop it stays hidden.
(function () {
  'use strict';
  const config = JSON.parse(document.getElementById('lab-config').textContent);
  const pane = document.querySelector('.term-pane');
  if (!pane) return;
  const bar = document.createElement('div');
  bar.id = 'watched';
  bar.className = 'watched';
  bar.hidden = true;
  const notice = document.createElement('span');
  notice.className = 'notice';
  const label = document.createElement('label');
  const toggle = document.createElement('input');
  toggle.type = 'checkbox';
  toggle.id = 'allow-typing';
  label.append(toggle, ' let my instructor type');
  bar.append(notice, label);
  pane.prepend(bar);

  function csrfHeaders() {
    // The layout's CSRF meta tags, read the same way as the sandbox calls do.
    return window.IsolabSandbox ? IsolabSandbox.csrf() : {};
  }

  toggle.addEventListener('change', async () => {
    try {
      await fetch('/workshops/me/share', {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, csrfHeaders()),
        body: JSON.stringify({ allow: toggle.checked })
      });
    } catch (e) { /* the next poll shows the real state */ }
  });

  async function poll() {
    try {
      const response = await fetch(`/workshops/me?lab=${encodeURIComponent(config.lab)}`, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const me = await response.json();
        bar.hidden = !me.inWorkshop;
        notice.textContent = me.watched ? 'Your instructor is watching your terminal.' : '';
        bar.classList.toggle('on', me.watched);
        if (document.activeElement !== toggle) toggle.checked = me.allowTyping;
      }
    } catch (e) { /* try again */ }
    setTimeout(poll, 5000);
  }
  poll();
})();
