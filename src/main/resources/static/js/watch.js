// The instructor's live view of a learner's terminal 1: read-only (mode=watch) unless the learner lets
// the instructor type, then mode=share. Polls the learner's consent every 2 s and reconnects when it
// changes; the server closes a share socket with 4001 the moment consent is withdrawn.
(function () {
  'use strict';
  const INPUT = 0x30;
  const page = document.querySelector('.watch-page');
  const modeNote = document.getElementById('watch-mode');
  const encoder = new TextEncoder();
  const term = new Terminal({ fontSize: 14, scrollback: 5000, disableStdin: false,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, monospace', theme: { background: '#111418' } });
  const fit = new FitAddon.FitAddon();
  term.loadAddon(fit);
  term.open(document.getElementById('watch-term'));
  try { fit.fit(); } catch (e) { /* not laid out yet */ }
  let ws = null, mode = null, allowed = false, retry = 0;

  function connect(wanted) {
    if (ws) { const old = ws; ws = null; old.close(); }
    mode = wanted;
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${proto}//${location.host}${page.dataset.socket}${wanted === 'share' ? '?mode=share' : ''}`);
    socket.binaryType = 'arraybuffer';
    ws = socket;
    socket.onopen = () => {
      retry = 0;
      term.reset();                                    // the agent replays recent output first
      modeNote.textContent = wanted === 'share'
        ? 'The learner lets you type: what you type goes into their shell.'
        : 'Watching read-only.';
      modeNote.dataset.mode = wanted;
    };
    socket.onmessage = event => {
      const frame = new Uint8Array(event.data);
      if (frame.length > 0 && frame[0] === INPUT) term.write(frame.subarray(1));
    };
    socket.onclose = event => {
      if (ws !== socket) return;                       // replaced on purpose
      ws = null;
      modeNote.dataset.mode = '';
      if (event.code === 4001) { allowed = false; connect('watch'); return; }
      retry++;
      modeNote.textContent = (event.reason || 'The learner has no open terminal right now') + ' — retrying…';
      setTimeout(() => { if (!ws) connect(allowed ? 'share' : 'watch'); }, Math.min(10000, 1000 * retry));
    };
  }

  term.onData(data => {
    if (mode !== 'share' || !ws || ws.readyState !== WebSocket.OPEN) return;   // watch mode: input goes nowhere
    const bytes = encoder.encode(data);
    const frame = new Uint8Array(bytes.length + 1);
    frame[0] = INPUT;
    frame.set(bytes, 1);
    ws.send(frame);
  });

  async function pollConsent() {
    try {
      const response = await fetch(page.dataset.socket.replace(/\/labs\/[^/]+\/terminal$/, '/share'),
        { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const now = (await response.json()).allowTyping;
        if (now !== allowed) {
          allowed = now;
          if (ws) connect(allowed ? 'share' : 'watch');
        }
      }
    } catch (e) { /* next poll */ }
    setTimeout(pollConsent, 2000);
  }

  window.isolabWatch = { term, get mode() { return mode; }, get connected() { return ws && ws.readyState === WebSocket.OPEN; } };
  connect('watch');
  pollConsent();
})();
