// The lab page: sandbox status, terminal tabs, code-block buttons, checks and answers.
// window.isolab is a small hook for people and tests: isolab.terminals, isolab.text(name).
(function () {
  'use strict';
  const config = JSON.parse(document.getElementById('lab-config').textContent);
  const terminals = new Map();
  let active = null;
  let foregroundDone = false;
  const csrfHeader = () => IsolabSandbox.csrf();

  const sandbox = new IsolabSandbox(document.getElementById('sandbox-status'), config.sandboxUrl, config.step, () => {
    terminals.forEach(t => { if (!t.connected) { t.attempt = 0; t.connect(); } });
    if (!terminals.size) openTerminal('1');
    runForeground();
    showReplay();
    if (config.poll) schedulePoll();
  });

  // ---- terminals -------------------------------------------------------------------------------
  function openTerminal(name) {
    if (terminals.has(name)) { activate(name); return terminals.get(name); }
    const box = document.createElement('div');
    box.className = 'terminal-box';
    box.dataset.term = name;
    const note = document.createElement('div');
    note.className = 'terminal-note';
    box.append(note);
    document.getElementById('terminals').append(box);
    ensureTab(name);
    activate(name);
    const session = new IsolabTerminal(config.lab, name, box, note);
    terminals.set(name, session);
    if (sandbox.ready) session.connect();
    else session.showNote('waiting for the sandbox…');
    return session;
  }

  function ensureTab(name) {
    const tabs = document.querySelector('.tabs');
    if (tabs.querySelector(`.tab[data-term="${name}"]`)) return;
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.className = 'tab';
    tab.dataset.term = name;
    tab.textContent = `Terminal ${name}`;
    tabs.insertBefore(tab, document.getElementById('add-terminal'));
  }

  function activate(name) {
    active = name;
    document.querySelectorAll('.tab[data-term]').forEach(t => t.classList.toggle('active', t.dataset.term === name));
    document.querySelectorAll('.terminal-box').forEach(b => b.classList.toggle('active', b.dataset.term === name));
    const session = terminals.get(name);
    if (session) { session.refit(); session.term.focus(); }
  }

  document.querySelector('.tabs').addEventListener('click', event => {
    const tab = event.target.closest('.tab[data-term]');
    if (tab) openTerminal(tab.dataset.term);
  });
  document.getElementById('add-terminal').addEventListener('click', () => {
    let n = 1;
    while (terminals.has(String(n))) n++;
    openTerminal(String(n));
  });

  /** Types into terminal `name`, waiting until it is connected (the sandbox may still be starting). */
  async function typeInto(name, text, interrupt) {
    const session = openTerminal(name);
    const deadline = Date.now() + 120000;
    while (!session.connected && Date.now() < deadline) await new Promise(r => setTimeout(r, 200));
    if (!session.connected) return;
    if (interrupt) await session.interruptAndType(text);
    else session.type(text);
    session.term.focus();
  }

  function runForeground() {
    const key = `isolab-fg-${config.lab}-${config.step}`;
    if (!config.foreground || foregroundDone || sessionStorage.getItem(key)) return;
    foregroundDone = true;
    sessionStorage.setItem(key, '1');
    typeInto('1', config.foreground.replace(/\s*$/, '\n'), false);
  }

  // Resume replayed earlier steps' solutions into this fresh sandbox: show the learner what ran.
  let replayShown = false;
  function showReplay() {
    const message = (sandbox.status && sandbox.status.message) || '';
    const log = message.match(/\(see: (cat \S+)\)/);
    if (replayShown || !message.startsWith('Replayed') || !log) return;
    replayShown = true;
    typeInto('1', `${log[1]}\n`, false);
  }

  // ---- code blocks: Run / Copy / Write file (code-blocks.js) ------------------------------------
  document.querySelectorAll('.step-text, .solution').forEach(root => IsolabCodeBlocks.decorateAll(root, typeInto));

  // ---- checks ------------------------------------------------------------------------------------
  const results = document.getElementById('check-results');
  const next = document.getElementById('next');
  const checkButton = document.getElementById('check');
  let checking = false, passed = !next.classList.contains('locked'), pollTimer = null;

  async function check(quiet) {
    if (checking) return;
    checking = true;
    if (!quiet) checkButton.disabled = true;
    const answers = Array.from(document.querySelectorAll('#answers fieldset.answer')).map(field => {
      const text = field.querySelector('input[type=text]');
      if (text) return text.value;
      return Array.from(field.querySelectorAll('input:checked')).map(i => i.value).join('\n');
    });
    try {
      const response = await fetch(config.checkUrl, {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, csrfHeader()),
        body: JSON.stringify({ answers })
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        if (!quiet) showError(body.message || `The check failed (${response.status}).`);
        return;
      }
      showResult(body, quiet);
    } catch (e) {
      if (!quiet) showError('The web server cannot be reached.');
    } finally {
      checking = false;
      checkButton.disabled = false;
    }
  }

  let shown = '';
  function showResult(result, quiet) {
    // Polling repeats the same answer most of the time: only touch the DOM when something changed.
    const key = JSON.stringify(result);
    if (quiet && key === shown) return;
    shown = key;
    results.replaceChildren(...result.conditions.map(c => {
      const li = document.createElement('li');
      li.className = c.passed ? 'pass' : 'fail';
      li.append(span('mark', c.passed ? '✓' : '✗'), span('label', c.label));
      if (!c.passed && c.reason) li.append(span('reason', c.reason));
      if (!c.passed && c.hint) li.append(span('hint', 'Hint: ' + c.hint));
      if (!c.passed && c.output) {
        const pre = document.createElement('pre');
        pre.textContent = c.output;
        li.append(pre);
      }
      return li;
    }));
    if (result.passed) {
      const li = document.createElement('li');
      li.className = 'summary';
      li.textContent = 'Step complete — well done!';
      results.prepend(li);
      passed = true;
      next.classList.remove('locked');
      next.setAttribute('aria-disabled', 'false');
      if (result.next) next.href = result.next;
      const dot = document.querySelector('.steps-nav li.current');
      if (dot) dot.classList.add('done');
      const note = document.getElementById('poll-note');
      if (note) note.textContent = '';
    }
  }

  function showError(message) {
    const li = document.createElement('li');
    li.className = 'error';
    li.textContent = message;
    results.replaceChildren(li);
  }

  function span(cls, text) {
    const s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    return s;
  }

  function schedulePoll() {
    clearTimeout(pollTimer);
    if (passed) return;
    pollTimer = setTimeout(async () => {
      if (sandbox.ready && !document.hidden) await check(true);
      schedulePoll();
    }, 1000);
  }

  checkButton.addEventListener('click', () => check(false));
  window.addEventListener('resize', () => { const t = terminals.get(active); if (t) t.refit(); });

  window.isolab = {
    terminals,
    sandbox,
    text: name => (terminals.get(name || '1') || { text: () => '' }).text(),
    type: (name, text) => typeInto(name, text, false)
  };

  openTerminal('1');
  sandbox.start();
})();
