// Keystroke echo from the lab page over a plain WebSocket to the web app's terminal relay (a second
// shell, `name`), without xterm.js: the same keystrokes, timed from send until the echoed character
// arrives in a message. Splits the browser path's time into network path vs terminal rendering.
async ({ name, count, timeoutMs }) => {
  const lab = JSON.parse(document.getElementById('lab-config').textContent).lab;
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${proto}//${location.host}/labs/${encodeURIComponent(lab)}/terminals/${name}?cols=120&rows=30`);
  ws.binaryType = 'arraybuffer';
  const decoder = new TextDecoder();
  let text = '';
  let waiter = null;
  ws.onmessage = e => {
    const frame = new Uint8Array(e.data);
    if (frame[0] !== 0x30) return;
    text += decoder.decode(frame.subarray(1), { stream: true });
    if (waiter) waiter();
  };
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = () => reject(new Error('relay WebSocket failed')); });
  const waitFor = (cond, what) => new Promise((resolve, reject) => {
    if (cond()) { waiter = null; resolve(performance.now()); return; }
    const timer = setTimeout(() => { waiter = null; reject(new Error('no ' + what + ' within ' + timeoutMs + ' ms')); }, timeoutMs);
    waiter = () => { if (cond()) { const t = performance.now(); clearTimeout(timer); waiter = null; resolve(t); } };
  });
  const send = s => { const b = new TextEncoder().encode(s); const f = new Uint8Array(b.length + 1); f[0] = 0x30; f.set(b, 1); ws.send(f); };
  const plain = () => text.replace(/\x1b\][^\x07]*\x07|\x1b\[[0-9;?]*[A-Za-z]|\r/g, '');
  await waitFor(() => /[#$] $/.test(plain()), 'prompt');
  const pause = ms => new Promise(r => setTimeout(r, ms));
  const samples = [];
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % 40 === 0) { send('\x15'); await pause(200); }
    const ch = String.fromCharCode(97 + i % 26);
    const mark = text.length;
    const t0 = performance.now();
    send(ch);
    const t1 = await waitFor(() => text.indexOf(ch, mark) >= 0, 'echo');
    samples.push(t1 - t0);
    await pause(5);
  }
  send('\x15exit\r');
  ws.close();
  return samples;
}
