// The lab page: sandbox status, terminal tabs, code-block buttons, checks and answers.
// window.isolab is a small hook for people and tests: isolab.terminals, isolab.text(name).
(function () {
  'use strict';
  const config = JSON.parse(document.getElementById('lab-config').textContent);
  const terminals = new Map();
  let active = null;
  let foregroundDone = false;

  const sandbox = new IsolabSandbox(document.getElementById('sandbox-status'), config.sandboxUrl, config.step, () => {
    terminals.forEach(t => { if (!t.connected) { t.attempt = 0; t.connect(); } });
    if (!terminals.size) openTerminal('1');
    runForeground();
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

  // ---- code blocks: Run / Copy / Write file -----------------------------------------------------
  function decorate(pre) {
    const code = pre.querySelector('code') || pre;
    const action = pre.dataset.action || code.dataset.action || 'copy';
    const terminal = pre.dataset.terminal || code.dataset.terminal || '1';
    const interrupt = 'interrupt' in pre.dataset || 'interrupt' in code.dataset;
    const file = pre.dataset.file || code.dataset.file;
    const text = () => code.textContent;
    const bar = document.createElement('div');
    bar.className = 'code-actions';
    const button = (label, cls, handler) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = cls;
      b.textContent = label;
      b.addEventListener('click', handler);
      bar.append(b);
    };
    if (action === 'run') {
      button('Run', 'run', () => typeInto(terminal, text().replace(/\s*$/, '\n'), interrupt));
    }
    if (action === 'write' && file) {
      button('Write file', 'run', () => typeInto(terminal, heredoc(file, text()), interrupt));
    }
    button('Copy', 'copy', event => copy(text(), event.target));
    pre.append(bar);
  }

  function heredoc(file, content) {
    let marker = 'ISOLAB_EOF';
    while (content.includes(marker)) marker += '_';
    const quoted = "'" + file.replace(/'/g, "'\"'\"'") + "'";
    const body = content.endsWith('\n') ? content : content + '\n';
    return `mkdir -p "$(dirname ${quoted})" && cat > ${quoted} <<'${marker}'\n${body}${marker}\n`;
  }

  async function copy(text, button) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      const area = document.createElement('textarea');
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => { button.textContent = label; }, 1200);
  }

  document.querySelectorAll('.step-text pre, .solution pre').forEach(decorate);

  // ---- checks ------------------------------------------------------------------------------------
  const results = document.getElementById('check-results');
  const next = document.getElementById('next');
  const checkButton = document.getElementById('check');
  let checking = false, passed = !next.classList.contains('locked'), pollTimer = null;

  async function check(quiet) {
    if (checking) return;
    checking = true;
    if (!quiet) checkButton.disabled = true;
    const answers = Array.from(document.querySelectorAll('#answers input[name=answer]')).map(i => i.value);
    try {
      const response = await fetch(config.checkUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
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
