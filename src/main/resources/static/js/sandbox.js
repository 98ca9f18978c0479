// The status line above the terminal: starts the learner's sandbox and always says what is going on
// (starting with elapsed seconds, ready, expiring soon with a countdown, expired, unavailable).
(function () {
  'use strict';

  class SandboxStatus {
    constructor(element, url, step, onReady) {
      this.element = element;
      this.url = url;
      this.step = step;
      this.onReady = onReady;
      this.status = null;
      this.receivedAt = 0;
      this.pollTimer = null;
      setInterval(() => this.render(), 1000);   // elapsed seconds and countdown tick locally
    }

    /** The CSRF header Spring Security expects on POST/DELETE (meta tags in layout.html). */
    static csrf() {
      const token = document.querySelector('meta[name="csrf-token"]');
      const header = document.querySelector('meta[name="csrf-header"]');
      return token && header ? { [header.content]: token.content } : {};
    }

    get ready() {
      return this.status && (this.status.state === 'ready' || this.status.state === 'expiring');
    }

    start() { return this.request('POST', `${this.url}?step=${this.step}`); }
    restart() { return this.request('DELETE', `${this.url}?step=${this.step}`); }
    extend() { return this.request('POST', `${this.url}/extend`); }

    async request(method, url) {
      if (method !== 'GET') this.show({ state: 'starting', message: 'asking for a sandbox', elapsedSeconds: 0 });
      let status;
      try {
        const headers = { Accept: 'application/json' };
        if (method !== 'GET') Object.assign(headers, SandboxStatus.csrf());
        const response = await fetch(url, { method, headers });
        const body = await response.json().catch(() => ({}));
        status = response.ok ? body
          : { state: 'unavailable', message: body.message || `the server answered ${response.status}` };
      } catch (e) {
        status = { state: 'unavailable', message: 'the web server cannot be reached' };
      }
      this.show(status);
      this.schedule();
      return status;
    }

    schedule() {
      clearTimeout(this.pollTimer);
      const state = this.status && this.status.state;
      const delay = state === 'starting' ? 1000 : (this.ready ? 15000 : 0);
      if (delay) this.pollTimer = setTimeout(() => this.request('GET', this.url), delay);
    }

    show(status) {
      const wasReady = this.ready;
      this.status = status;
      this.receivedAt = Date.now();
      this.render();
      if (this.ready && !wasReady) this.onReady();
    }

    render() {
      const s = this.status;
      if (!s) return;
      const since = Math.floor((Date.now() - this.receivedAt) / 1000);
      let text, actions = [];
      switch (s.state) {
        case 'starting':
          text = `starting… ${(s.elapsedSeconds || 0) + since} s — ${s.message || ''}`;
          break;
        case 'ready':
        case 'expiring': {
          const left = s.secondsLeft == null ? null : Math.max(0, s.secondsLeft - since);
          if (left === 0) { text = 'expired'; actions = [['Restart', () => this.restart()]]; break; }
          if (s.state === 'expiring' || (left !== null && left <= 300)) {
            text = `expiring soon: ${format(left)} left`;
            actions = [['Extend', () => this.extend()]];
          } else {
            text = left === null ? 'ready' : `ready — ${format(left)} left`;
            // e.g. "Replayed your solutions of steps 1–2": the learner sees what resume did for them.
            if (s.message && s.message !== 'ready') text += ` · ${s.message}`;
          }
          break;
        }
        case 'expired':
          text = 'expired: this sandbox was removed';
          actions = [['Restart', () => this.restart()]];
          break;
        case 'none':
          text = 'no sandbox yet';
          actions = [['Start', () => this.start()]];
          break;
        default:
          text = `sandbox unavailable: ${s.message || 'unknown reason'}`;
          actions = [['Retry', () => this.start()]];
      }
      const state = text.startsWith('expired') ? 'expired' : (s.state === 'failed' ? 'unavailable' : s.state);
      this.element.dataset.state = state;
      this.element.querySelector('.text').textContent = text;
      const box = this.element.querySelector('.status-actions');
      const labels = actions.map(a => a[0]).join('|');
      if (box.dataset.labels !== labels) {
        box.dataset.labels = labels;
        box.replaceChildren(...actions.map(([label, handler]) => {
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = label;
          button.onclick = handler;
          return button;
        }));
      }
      if (this.ready) {
        const restart = document.createElement('button');
        if (!box.querySelector('.restart')) {
          restart.type = 'button';
          restart.className = 'restart';
          restart.textContent = 'Restart';
          restart.title = 'Throw this sandbox away and start a fresh one';
          restart.onclick = () => { if (confirm('Start over with a fresh sandbox?')) this.restart(); };
          box.append(restart);
        }
      }
    }
  }

  function format(seconds) {
    const m = Math.floor(seconds / 60), s = seconds % 60;
    return `${m}:${String(s).padStart(2, '0')}`;
  }

  window.IsolabSandbox = SandboxStatus;
})();
