// Output throughput on the lab page: type a command whose output floods the terminal, count the
// bytes the page received until the end marker is in term.buffer.active. Also returns what the
// blank-page baseline needs to match: frame count (for its chunk size), geometry and options.
async ({ command, marker, timeoutMs }) => {
  const session = window.isolab.terminals.get('1');
  const term = session.term;
  let frames = 0;
  const output = session.output.bind(session);
  session.output = frame => { frames++; output(frame); };
  const found = () => {
    const b = term.buffer.active;
    const end = b.baseY + b.cursorY;
    for (let y = Math.max(0, end - 3); y <= end; y++) {
      const line = b.getLine(y);
      if (line && line.translateToString(true).includes(marker)) return true;
    }
    return false;
  };
  const received = session.received;
  const pauses = session.pauses;
  const t0 = performance.now();
  session.type(command + '\r');
  const t1 = await new Promise((resolve, reject) => {
    let sub = null;
    const timer = setTimeout(() => { sub.dispose(); reject(new Error('no end marker within ' + timeoutMs + ' ms')); }, timeoutMs);
    sub = term.onWriteParsed(() => {
      if (found()) { const t = performance.now(); clearTimeout(timer); sub.dispose(); resolve(t); }
    });
  });
  session.output = output;
  const o = term.options;
  return {
    bytes: session.received - received, ms: t1 - t0, frames, pauses: session.pauses - pauses,
    cols: term.cols, rows: term.rows,
    options: { cursorBlink: o.cursorBlink, fontSize: o.fontSize, fontFamily: o.fontFamily, scrollback: o.scrollback,
               convertEol: o.convertEol, theme: o.theme },
    vendor: Array.from(document.querySelectorAll('script[src*="/vendor/"], link[href*="/vendor/"]')).map(e => e.outerHTML)
  };
}
