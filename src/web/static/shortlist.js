// Small enhancements of /liste and /liste/udskriv. Without this script everything still works: the link
// can be selected and copied by hand, the note form is an ordinary GET form, and the browser's menu prints.
(() => {
  // The words in the page's language (lang on <html>).
  const words =
    document.documentElement.lang === 'en'
      ? {
          copied: 'The link is copied.',
          notCopied: 'The link could not be copied. It is selected, so you can copy it yourself.',
          left: (count) => `You have ${count} ${count === 1 ? 'character' : 'characters'} left`,
          over: (count) => `You have ${count} ${count === 1 ? 'character' : 'characters'} too many`,
        }
      : {
          copied: 'Linket er kopieret.',
          notCopied: 'Linket kunne ikke kopieres. Det er markeret, så du kan kopiere det selv.',
          left: (count) => `Du har ${count} tegn tilbage`,
          over: (count) => `Du har ${count} tegn for meget`,
        };

  // "Kopiér linket": shown only where the browser can copy.
  for (const block of document.querySelectorAll('[data-copy-link]')) {
    const input = block.querySelector('input');
    const button = block.querySelector('[data-copy-button]');
    const status = block.querySelector('[data-copy-status]');
    if (!input || !button || !status) continue;
    input.addEventListener('focus', () => input.select());
    if (!navigator.clipboard || !window.isSecureContext) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(input.value);
        status.textContent = words.copied;
      } catch {
        input.focus();
        status.textContent = words.notCopied;
      }
    });
  }

  // DKFDS's character limit: the count follows what is typed; screen readers hear it after a pause.
  for (const group of document.querySelectorAll('.form-limit')) {
    const input = group.querySelector('.form-input');
    const visible = group.querySelector('.character-limit');
    const spoken = group.querySelector('.character-limit-sr-only');
    const limit = Number(group.getAttribute('data-maxlength'));
    if (!input || !visible || !spoken || !limit) continue;
    const message = () => {
      const left = limit - input.value.length;
      return left >= 0 ? words.left(left) : words.over(-left);
    };
    let timer = 0;
    const update = () => {
      const left = limit - input.value.length;
      visible.textContent = message();
      visible.classList.toggle('limit-exceeded', left < 0);
      input.classList.toggle('form-limit-error', left < 0);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        spoken.textContent = message();
      }, 1000);
    };
    input.addEventListener('input', update);
  }

  for (const button of document.querySelectorAll('[data-print-button]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
})();
