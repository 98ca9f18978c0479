// One terminal tab: xterm.js on a WebSocket to /labs/{lab}/terminals/{name} (docs/agent-api.md frames).
// Flow control: bytes handed to xterm but not yet rendered (write callback) are counted; above HIGH
// the agent is told to pause reading the PTY, below LOW to resume. Reconnects after a blip; the agent
// keeps the shell and replays its recent output, so the screen is reset before the replay.
(function () {
  'use strict';
  const INPUT = 0x30, RESIZE = 0x31, PAUSE = 0x32, RESUME = 0x33;
  // Output frames carry up to 64 KiB: pause 8 frames ahead of xterm.js (about 25 ms of its parsing), resume
  // with 2 frames still queued, so xterm.js does not run dry while the resume travels to the agent.
  const HIGH = 512 * 1024, LOW = 128 * 1024;
  const encoder = new TextEncoder();

  class TerminalSession {
    constructor(lab, name, box, note) {
      this.lab = lab;
      this.name = name;
      this.box = box;
      this.note = note;
      this.pending = 0;
      this.paused = false;
      this.received = 0;          // output bytes seen, so callers can wait for "the shell answered"
      this.pauses = 0;            // how often flow control held the agent back (shown to tests)
      this.high = HIGH;           // flow-control marks; per session so a test can make them small
      this.low = LOW;
      this.listeners = [];
      this.attempt = 0;
      this.closedByUs = false;
      this.term = new Terminal({ cursorBlink: true, fontSize: 14, scrollback: 5000, convertEol: false,
        fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, monospace',
        theme: { background: '#111418' } });
      this.fit = new FitAddon.FitAddon();
      this.term.loadAddon(this.fit);
      this.term.open(box);
      this.term.onData(data => this.send(INPUT, encoder.encode(data)));
      this.term.onBinary(data => this.send(INPUT, Uint8Array.from(data, c => c.charCodeAt(0) & 0xff)));
      this.term.onResize(size => this.send(RESIZE, encoder.encode(JSON.stringify({ cols: size.cols, rows: size.rows }))));
      new ResizeObserver(() => this.refit()).observe(box);
      this.refit();
    }

    refit() {
      if (this.box.offsetParent === null) return;   // hidden tab: fit when shown
      try { this.fit.fit(); } catch (e) { /* not laid out yet */ }
    }

    connect() {
      this.closedByUs = false;
      this.showNote(this.attempt === 0 ? 'connecting…' : 'reconnecting…');
      const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
      const url = `${proto}//${location.host}/labs/${encodeURIComponent(this.lab)}/terminals/${encodeURIComponent(this.name)}`
        + `?cols=${this.term.cols}&rows=${this.term.rows}`;
      const ws = new WebSocket(url);
      ws.binaryType = 'arraybuffer';
      this.ws = ws;
      let opened = false;
      ws.onopen = () => {
        opened = true;
        this.attempt = 0;
        this.pending = 0;
        this.paused = false;
        this.term.reset();                       // the agent replays recent output next
        this.hideNote();
        this.send(RESIZE, encoder.encode(JSON.stringify({ cols: this.term.cols, rows: this.term.rows })));
      };
      ws.onmessage = event => this.output(new Uint8Array(event.data));
      ws.onclose = event => {
        if (this.ws !== ws || this.closedByUs) return;
        if (event.code === 4000) {
          this.showNote('The shell ended.', 'New shell', () => this.connect());
          return;
        }
        this.attempt++;
        if (this.attempt > 8) {
          const why = event.reason || 'the connection to the terminal was lost';
          this.showNote(why, 'Reconnect', () => { this.attempt = 0; this.connect(); });
          return;
        }
        const delay = Math.min(10000, 500 * 2 ** (this.attempt - 1));
        this.showNote((event.reason || (opened ? 'connection lost' : 'cannot connect')) + ' — retrying…');
        setTimeout(() => this.connect(), delay);
      };
    }

    close() {
      this.closedByUs = true;
      if (this.ws) this.ws.close();
    }

    output(frame) {
      if (frame.length === 0 || frame[0] !== INPUT) return;
      const data = frame.subarray(1);
      this.received += data.length;
      this.pending += data.length;
      this.term.write(data, () => {
        this.pending -= data.length;
        if (this.paused && this.pending < this.low) {
          this.paused = false;
          this.send(RESUME);
        }
        this.listeners.slice().forEach(l => l());
      });
      if (!this.paused && this.pending > this.high) {
        this.paused = true;
        this.pauses++;
        this.send(PAUSE);
      }
    }

    send(command, payload) {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
      const frame = new Uint8Array(1 + (payload ? payload.length : 0));
      frame[0] = command;
      if (payload) frame.set(payload, 1);
      this.ws.send(frame);
      return true;
    }

    type(text) {
      return this.send(INPUT, encoder.encode(text));
    }

    get connected() {
      return this.ws && this.ws.readyState === WebSocket.OPEN;
    }

    /** Resolves once output arrived after `since` and then stayed quiet briefly, or after `max` ms. */
    answered(since, quietMs = 200, max = 4000) {
      return new Promise(resolve => {
        const started = Date.now();
        let last = Date.now();
        const listener = () => { last = Date.now(); };
        this.listeners.push(listener);
        const tick = setInterval(() => {
          const now = Date.now();
          if ((this.received > since && now - last >= quietMs) || now - started >= max) {
            clearInterval(tick);
            this.listeners = this.listeners.filter(l => l !== listener);
            resolve();
          }
        }, 50);
      });
    }

    /** Ctrl+C, wait until the shell answered (a fresh prompt), then type `text`. */
    async interruptAndType(text) {
      const before = this.received;
      this.type('\x03');
      await this.answered(before);
      this.type(text);
    }

    /** The whole buffer as text; tests read it because DOM rows can miss lines. */
    text() {
      const buffer = this.term.buffer.active;
      const lines = [];
      for (let i = 0; i < buffer.length; i++) {
        const line = buffer.getLine(i);
        if (line) lines.push(line.translateToString(true));
      }
      return lines.join('\n');
    }

    showNote(text, action, onAction) {
      this.note.textContent = text;
      if (action) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = action;
        button.onclick = onAction;
        this.note.append(button);
      }
      this.note.classList.add('show');
    }

    hideNote() {
      this.note.classList.remove('show');
    }
  }

  window.IsolabTerminal = TerminalSession;
})();
