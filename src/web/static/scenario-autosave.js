// The draft form at /admin/planlaegning/{id} (ADR 030). Without this script the form is saved by its
// button. With it, the title and description are sent as JSON a moment after the typing stops; the
// answer's version goes into the form, so the next save is checked against it. When someone else saved
// in between, nothing is overwritten: the status says so, and the button shows both versions.
(() => {
  const form = document.querySelector('[data-autosave]');
  const status = form?.querySelector('[data-autosave-status]');
  if (!form || !status || !window.fetch) return;
  const version = form.elements.namedItem('version');
  let timer = null;
  let sending = false;
  let again = false;
  const say = (text) => {
    status.textContent = text;
  };
  const time = () => new Date().toLocaleTimeString('da-DK', { hour: '2-digit', minute: '2-digit' });

  const save = async () => {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin',
      });
      const answer = await response.json();
      if (answer.outcome === 'saved') {
        version.value = String(answer.version);
        say(`Kladden er gemt kl. ${time()}.`);
      } else if (answer.outcome === 'stale') {
        say('En anden har gemt scenariet, efter du åbnede det. Din tekst er ikke gemt: tryk på »Gem kladden« for at se begge udgaver.');
        return;
      } else if (answer.outcome === 'invalid') {
        say(`Ikke gemt: ${answer.problems.map((problem) => problem.message).join(' ')}`);
      } else {
        say('Scenariet kan ikke længere ændres. Hent siden igen.');
        return;
      }
    } catch {
      say('Kladden kunne ikke gemmes lige nu. Din tekst står stadig i felterne; tryk på »Gem kladden«, når forbindelsen er tilbage.');
    } finally {
      sending = false;
    }
    if (again) {
      again = false;
      save();
    }
  };

  form.addEventListener('input', () => {
    say('Ændringer, der ikke er gemt endnu …');
    clearTimeout(timer);
    timer = setTimeout(save, 1200);
  });
  say('Kladden gemmes af sig selv, mens du skriver.');
})();
