// Buttons for the code in a step, as the catalog renders it (docs/lab-format.md, "Rendered step HTML"):
//   <div class="code-block" data-action="run|copy|write" data-terminal="N" data-interrupt="true"
//        data-filename="app.js" data-target="replace|append|prepend|insert" data-marker="…"><pre><code>
//   <code class="snippet" data-action="run|copy" data-terminal="N" data-interrupt="true|false">  (inline)
// Plain <pre> blocks get Copy. Run/Write call type(terminal, text, interrupt).
(function () {
  'use strict';
  const EDITOR_DIR = '/root';   // Katacoda's default uieditorpath: relative file names live here

  function decorateAll(root, type) {
    root.querySelectorAll('.code-block').forEach(block => decorateBlock(block, type));
    root.querySelectorAll('pre').forEach(pre => {
      if (!pre.closest('.code-block')) decorateBlock(pre, type);
    });
    root.querySelectorAll('code.snippet[data-action]').forEach(code => decorateSnippet(code, type));
    root.querySelectorAll('a.preview-link').forEach(a => { a.target = '_blank'; a.rel = 'noopener'; });
  }

  function options(element) {
    const d = element.dataset;
    return {
      action: d.action || 'copy',
      terminal: d.terminal || '1',
      interrupt: d.interrupt === 'true' || d.interrupt === '',
      file: d.filename || d.file,
      target: d.target || 'replace',
      marker: d.marker
    };
  }

  function decorateBlock(block, type) {
    const pre = block.tagName === 'PRE' ? block : block.querySelector('pre');
    if (!pre || pre.querySelector('.code-actions')) return;
    const code = pre.querySelector('code') || pre;
    const o = options(block);
    const text = () => code.textContent;
    const bar = document.createElement('div');
    bar.className = 'code-actions';
    const add = (label, cls, handler) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = cls;
      b.textContent = label;
      b.title = cls === 'copy' ? 'Copy to the clipboard' : `Type into terminal ${o.terminal}`;
      b.addEventListener('click', handler);
      bar.append(b);
    };
    if (o.action === 'run') add('Run', 'run', () => type(o.terminal, withNewline(text()), o.interrupt));
    if (o.action === 'write' && o.file) {
      add('Write file', 'run write', () => type(o.terminal, writeCommand(o, text()), o.interrupt));
    }
    add('Copy', 'copy', event => copy(text(), event.target));
    pre.append(bar);
  }

  function decorateSnippet(code, type) {
    const o = options(code);
    code.tabIndex = 0;
    if (o.action === 'run') {
      code.classList.add('runnable');
      code.title = `Click to run in terminal ${o.terminal}`;
      const run = () => type(o.terminal, withNewline(code.textContent), o.interrupt);
      code.addEventListener('click', run);
      code.addEventListener('keydown', e => { if (e.key === 'Enter') run(); });
    } else {
      code.classList.add('copyable');
      code.title = 'Click to copy';
      code.addEventListener('click', () => copy(code.textContent, null));
    }
  }

  function withNewline(text) {
    return text.replace(/\s*$/, '\n');
  }

  /** A shell command that writes `content` to the file as Katacoda's editor would. */
  function writeCommand(o, content) {
    const path = o.file.startsWith('/') ? o.file : `${EDITOR_DIR}/${o.file}`;
    const file = quote(path);
    const body = content.endsWith('\n') ? content : content + '\n';
    let eof = 'ISOLAB_EOF';
    while (body.includes(eof)) eof += '_';
    const doc = `<<'${eof}'\n${body}${eof}\n`;
    const mkdir = `mkdir -p "$(dirname ${file})" && `;
    switch (o.target) {
      case 'append':
        return `${mkdir}cat >> ${file} ${doc}`;
      case 'prepend':
        return `${mkdir}{ cat - ${file} 2>/dev/null > ${file}.isolab; mv ${file}.isolab ${file}; } ${doc}`;
      case 'insert':
        if (o.marker) {
          // The line holding the marker is replaced by the content.
          return `cat > /tmp/.isolab-insert ${doc}awk -v m=${quote(o.marker)} 'index($0,m){while((getline l < "/tmp/.isolab-insert")>0) print l; next} {print}' `
            + `${file} > ${file}.isolab && mv ${file}.isolab ${file}\n`;
        }
        return `${mkdir}cat >> ${file} ${doc}`;
      default:
        return `${mkdir}cat > ${file} ${doc}`;
    }
  }

  function quote(value) {
    return "'" + value.replace(/'/g, "'\"'\"'") + "'";
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
    if (!button) return;
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => { button.textContent = label; }, 1200);
  }

  window.IsolabCodeBlocks = { decorateAll, writeCommand };
})();
