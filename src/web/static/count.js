// The tally form at /admin/tilbud/{slug}/optaelling, made to survive a lost connection (ADR 026). Without
// this script the form is an ordinary form. With it, a tally is first written to a queue in localStorage,
// then sent; it leaves the queue only when the server answers that it is saved ('added') or was saved
// before ('duplicate'). Every tally carries the id made for it, so a retry never counts twice.
(() => {
  const form = document.querySelector('[data-count-form]');
  const status = document.getElementById('count-queue');
  if (!form || !status || !window.localStorage || !window.fetch) return;
  const key = `tilbudsvifte.optaelling.${form.getAttribute('action')}`;
  const field = (name) => form.elements.namedItem(name);
  const newId = () =>
    window.crypto?.randomUUID ? window.crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

  const read = () => {
    try {
      const items = JSON.parse(localStorage.getItem(key) || '[]');
      return Array.isArray(items) ? items : [];
    } catch {
      return [];
    }
  };
  const write = (items) => localStorage.setItem(key, JSON.stringify(items));

  status.setAttribute('role', 'status');
  const say = (text) => {
    status.hidden = !text;
    status.className = text ? 'alert alert-info' : '';
    status.textContent = text;
  };
  const waiting = () => {
    const count = read().length;
    return count === 0 ? '' : `${count} ${count === 1 ? 'optælling venter' : 'optællinger venter'} på forbindelse og sendes, så snart der er net. De er gemt på denne enhed.`;
  };

  let sending = false;
  const flush = async () => {
    if (sending) return;
    sending = true;
    let saved = 0;
    try {
      for (;;) {
        const [item] = read();
        if (!item) break;
        if (navigator.onLine === false) break; // no network: wait for the 'online' event
        let response;
        try {
          response = await fetch(form.getAttribute('action'), {
            method: 'POST',
            headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ _csrf: field('_csrf').value, ...item }),
            credentials: 'same-origin',
            redirect: 'manual',
          });
        } catch {
          break; // offline: the tally stays in the queue
        }
        // Only the server's own word that the tally is saved takes it off the queue; a sign-in page after an
        // expired session, a proxy's error page or anything else leaves it there.
        const answer = response.ok ? await response.json().catch(() => null) : null;
        if (answer?.outcome === 'invalid') {
          // The server refused the tally (a closed day, a future date, …): put it back in the form and send the
          // form itself, so the page shows why, with the numbers as typed. It leaves the queue only now.
          // Every field of the tally goes back, also those the form no longer shows (a unit or a breakdown
          // chosen since): they travel as hidden fields, so nothing typed is lost on the way.
          write(read().filter((other) => other.clientId !== item.clientId));
          const openAnyway = field('openAnyway');
          if (openAnyway) openAnyway.checked = item.openAnyway === 'ja';
          for (const [name, value] of Object.entries(item)) {
            if (name === 'openAnyway') continue;
            let control = field(name);
            if (!control) {
              control = document.createElement('input');
              control.type = 'hidden';
              control.name = name;
              form.append(control);
            }
            control.value = value;
          }
          form.submit();
          return;
        }
        if (answer?.outcome !== 'added' && answer?.outcome !== 'duplicate') {
          say(`${waiting()} Serveren tog ikke imod dem lige nu; log ind igen, hvis du er blevet logget ud. Optællingerne bliver på enheden.`);
          return;
        }
        write(read().filter((other) => other.clientId !== item.clientId));
        saved++;
      }
      const left = waiting();
      say(left || (saved > 0 ? `${saved} ${saved === 1 ? 'optælling er gemt' : 'optællinger er gemt'}. Hent siden igen for at se dem i listen.` : ''));
    } finally {
      sending = false;
    }
  };

  form.addEventListener('submit', (event) => {
    const openAnyway = field('openAnyway');
    event.preventDefault();
    // Every field of the form goes into the queue (day, count, period or activity, breakdowns), so a field
    // added to the form later travels too; only the form's token is left out, it is read when sending.
    const item = {};
    for (const [name, value] of new FormData(form)) if (name !== '_csrf' && typeof value === 'string') item[name] = value;
    if (!openAnyway?.checked) delete item.openAnyway;
    write([...read().filter((other) => other.clientId !== item.clientId), item]);
    field('clientId').value = newId();
    field('visits').value = '';
    for (const input of form.querySelectorAll('input[name^="b."]')) input.value = '';
    say(waiting());
    flush();
  });

  window.addEventListener('online', flush);
  say(waiting());
  flush();
})();
