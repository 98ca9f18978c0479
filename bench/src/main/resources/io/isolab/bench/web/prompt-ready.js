// True once the lab page's terminal 1 is connected and its cursor line ends with a shell prompt.
() => {
  const session = window.isolab && window.isolab.terminals && window.isolab.terminals.get('1');
  if (!session || !session.connected) return false;
  const b = session.term.buffer.active;
  const line = b.getLine(b.baseY + b.cursorY);
  return !!line && /[#$] $/.test(line.translateToString(false, 0, b.cursorX));
}
