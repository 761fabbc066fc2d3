// Gloria's article form (ADR 037). Without this script the text's LIX is shown after each save. With it, the
// number is counted again a second after the typing stops, by the same rules as domain/gloria/text.ts (a test
// runs both over the same texts): paragraphs, «## » subheadings and «- » list items count, live listings do not.
(() => {
  const units = (body) => {
    const out = [];
    let paragraph = [];
    const flush = () => {
      if (paragraph.length) out.push(paragraph.join(' '));
      paragraph = [];
    };
    for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
      const line = raw.trim();
      if (line === '' || /^\[\[\s*liste\s*:.*\]\]$/iu.test(line)) flush();
      else if (line.startsWith('## ') || line.startsWith('- ')) {
        flush();
        if (line.slice(2).trim()) out.push(line.slice(2).trim());
      } else paragraph.push(line);
    }
    flush();
    return out;
  };
  const lix = (body) => {
    let words = 0;
    let sentences = 0;
    let longWords = 0;
    for (const text of units(body)) {
      const found = text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
      if (found.length === 0) continue;
      words += found.length;
      longWords += found.filter((word) => [...word.replace(/[-'’]/g, '')].filter((ch) => /\p{L}/u.test(ch)).length > 6).length;
      sentences += (text.match(/[.!?:]+(?=\s|$)/g)?.length ?? 0) + (/[.!?:]\s*$/.test(text) ? 0 : 1);
    }
    return words === 0 ? null : Math.round(words / sentences + (longWords * 100) / words);
  };
  globalThis.gloriaLix = lix;
  if (typeof document === 'undefined') return;
  const body = document.getElementById('body');
  const live = document.getElementById('lix-live');
  if (!body || !live) return;
  const band = (score) => (score < 25 ? 'meget let at læse' : score < 35 ? 'let at læse' : score < 45 ? 'middelsvær' : score < 55 ? 'svær at læse' : 'meget svær at læse');
  let timer = null;
  const show = () => {
    const score = lix(body.value);
    live.textContent = score === null ? 'Mens du skriver: ingen ord endnu.' : `Mens du skriver: LIX ${score}, ${band(score)}${score <= 35 ? '.' : '. Målet er 35 eller mindre.'}`;
  };
  live.hidden = false;
  body.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(show, 1000);
  });
})();
