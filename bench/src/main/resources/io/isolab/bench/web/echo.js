// Keystroke echo on the lab page: each keystroke enters xterm.js as user input (term.input, the same
// path as a key press: onData -> WebSocket), and the time is taken when the echoed character is in
// term.buffer.active at the cursor. Letters cycle a..z so each echo is new; Ctrl-U clears the line
// every 40 characters (not timed). Returns the latencies in milliseconds.
async ({ count, timeoutMs }) => {
  const session = window.isolab.terminals.get('1');
  const term = session.term;
  const send = ch => (typeof term.input === 'function') ? term.input(ch, true) : session.type(ch);
  const beforeCursor = () => {
    const b = term.buffer.active;
    const line = b.getLine(b.baseY + b.cursorY);
    return line ? line.translateToString(false, 0, b.cursorX) : '';
  };
  const waitFor = cond => new Promise((resolve, reject) => {
    if (cond()) { resolve(performance.now()); return; }
    let sub = null;
    const timer = setTimeout(() => { sub.dispose(); reject(new Error('no echo within ' + timeoutMs + ' ms; line: ' + beforeCursor())); }, timeoutMs);
    sub = term.onWriteParsed(() => {
      if (cond()) { const t = performance.now(); clearTimeout(timer); sub.dispose(); resolve(t); }
    });
  });
  const pause = ms => new Promise(r => setTimeout(r, ms));
  const samples = [];
  let typed = '';
  for (let i = 0; i < count; i++) {
    if (typed.length === 40) {
      send('\x15');
      typed = '';
      await waitFor(() => /[#$] $/.test(beforeCursor()));
      await pause(50);
    }
    const ch = String.fromCharCode(97 + i % 26);
    typed += ch;
    const expected = typed;
    const t0 = performance.now();
    send(ch);
    const t1 = await waitFor(() => beforeCursor().endsWith(expected));
    samples.push(t1 - t0);
    await pause(5);
  }
  send('\x15');
  return samples;
}
