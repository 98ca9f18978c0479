// Live roster: polls the roster JSON every 2 s and redraws the learner × step table (no page reload);
// polls the agent's warm pool every 5 s. Text goes in with textContent only: names are learner input.
(function () {
  'use strict';
  const page = document.querySelector('.roster-page');
  const base = `/instructor/workshops/${page.dataset.workshop}`;
  const table = document.getElementById('roster');
  const state = document.getElementById('roster-state');
  const pool = document.getElementById('pool');

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '';
    if (seconds < 60) return `${seconds}s`;
    const m = Math.floor(seconds / 60), s = seconds % 60;
    if (m < 60) return `${m}m ${String(s).padStart(2, '0')}s`;
    return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
  }

  function render(roster) {
    const head = el('thead');
    const labs = el('tr');
    labs.append(el('th', 'Learner'));
    roster.labs.forEach(lab => {
      const th = el('th', lab.title);
      th.colSpan = Math.max(1, lab.steps);
      labs.append(th);
    });
    labs.append(el('th', 'Idle'), el('th', 'Terminal'));
    const steps = el('tr');
    steps.append(el('th'));
    roster.labs.forEach(lab => {
      if (lab.steps === 0) steps.append(el('th'));
      for (let n = 1; n <= lab.steps; n++) steps.append(el('th', String(n), 'roster-step'));
    });
    steps.append(el('th'), el('th'));
    head.append(labs, steps);

    const body = el('tbody');
    roster.learners.forEach(row => {
      const tr = el('tr');
      tr.dataset.participant = row.participant;
      tr.append(el('th', row.name, 'learner'));
      roster.labs.forEach(lab => {
        if (lab.steps === 0) tr.append(el('td'));
        row.cells.filter(c => c.lab === lab.id).forEach(cell => {
          const td = el('td', null, `cell ${cell.status}`);
          td.dataset.lab = cell.lab;
          td.dataset.step = cell.step;
          td.dataset.status = cell.status;
          td.dataset.failed = cell.failedChecks;
          if (row.currentLab === cell.lab && row.currentStep === cell.step) td.classList.add('current');
          if (cell.status === 'done') td.append(el('span', '✓', 'ok'), el('span', duration(cell.seconds), 'time'));
          if (cell.failedChecks > 0) td.append(el('span', `✗${cell.failedChecks}`, 'failed'));
          td.title = `${cell.status}, ${cell.attempts} checks, ${cell.failedChecks} failed`
            + (cell.seconds !== null ? `, ${duration(cell.seconds)}` : '');
          tr.append(td);
        });
      });
      tr.append(el('td', duration(row.idleSeconds), 'idle'));
      const watch = el('td');
      if (row.currentLab) {
        const a = el('a', 'watch', 'watch');
        a.href = `${base}/learners/${row.participant}/watch?lab=${encodeURIComponent(row.currentLab)}`;
        a.target = '_blank';
        watch.append(a);
      }
      tr.append(watch);
      body.append(tr);
    });
    table.replaceChildren(head, body);
    state.textContent = roster.learners.length === 0
      ? 'Nobody has joined yet. Share the join link or code.'
      : `${roster.learners.length} learner(s) · updated ${new Date().toLocaleTimeString()}`;
    page.dataset.updated = String(Date.now());
  }

  async function poll() {
    try {
      const response = await fetch(`${base}/roster`, { headers: { Accept: 'application/json' } });
      if (response.ok) render(await response.json());
      else state.textContent = `The roster could not be loaded (HTTP ${response.status}); retrying…`;
    } catch (e) {
      state.textContent = 'The server cannot be reached; retrying…';
    }
    setTimeout(poll, 2000);
  }

  async function pollPool() {
    try {
      const response = await fetch(`${base}/pool`, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const p = await response.json();
        pool.textContent = `${p.ready} ready, ${p.starting} starting, target ${p.target}`
          + (p.warming ? ' (pre-warming for this workshop)' : '');
      } else {
        pool.textContent = 'unavailable';
      }
    } catch (e) {
      pool.textContent = 'unavailable';
    }
    setTimeout(pollPool, 5000);
  }

  poll();
  pollPool();
})();
