// The baseline: xterm.js alone on a blank page (same vendor files, options and geometry as the lab
// page), writing `bytes` of base64-looking lines in `chunk`-sized writes, with the lab page's flow
// control (stop above 256 KiB unparsed, go on below 32 KiB). Time until the last write is parsed.
async ({ bytes, chunk, cols, rows, options }) => {
  const box = document.createElement('div');
  document.body.append(box);
  const term = new Terminal(Object.assign({}, options, { cols, rows }));
  term.open(box);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const chunks = [];
  for (let c = 0; c < 8; c++) {
    const data = new Uint8Array(chunk);
    for (let i = 0; i < chunk; i++) {
      const col = (c * chunk + i) % 78;
      data[i] = col === 76 ? 13 : col === 77 ? 10 : alphabet.charCodeAt((Math.random() * 64) | 0);
    }
    chunks.push(data);
  }
  const HIGH = 256 * 1024, LOW = 32 * 1024;
  let pending = 0, waiter = null;
  const t0 = performance.now();
  let sent = 0, k = 0;
  await new Promise(done => {
    const pump = () => {
      while (sent < bytes && pending <= HIGH) {
        const data = chunks[k++ % chunks.length].subarray(0, Math.min(chunk, bytes - sent));
        sent += data.length;
        pending += data.length;
        const last = sent >= bytes;
        term.write(data, () => {
          pending -= data.length;
          if (last) done();
          else if (waiter && pending < LOW) { const w = waiter; waiter = null; w(); }
        });
      }
      if (sent < bytes) waiter = pump;
    };
    pump();
  });
  const ms = performance.now() - t0;
  term.dispose();
  box.remove();
  return { bytes: sent, ms };
}
