// Progressive enhancement of the finder: results update as you type or tick, without a reload.
// Without this script the form is an ordinary GET form and everything still works.
(() => {
  const form = document.querySelector('form.finder');
  const region = document.getElementById('finder-results');
  const status = document.getElementById('finder-status');
  if (!form || !region || !status || !window.fetch || !window.DOMParser) return;

  let timer = 0;
  let controller = null;
  // The page's language (lang on <html>) chooses the words; English pages live under /en.
  const isEnglish = document.documentElement.lang === 'en';
  const words = isEnglish
    ? {
        button: 'Use my position',
        finding: 'Finding your position …',
        used: 'Your position is used. The nearest places are shown first.',
        failed: 'We could not get your position. Write an address or a postcode instead.',
      }
    : {
        button: 'Brug min position',
        finding: 'Finder din position …',
        used: 'Din position er brugt. Stederne vises med det nærmeste først.',
        failed: 'Vi kunne ikke få din position. Skriv en adresse eller et postnummer i stedet.',
      };

  const queryOf = () => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (String(value).trim() !== '') params.append(key, String(value));
    const query = params.toString();
    return query ? `?${query}` : '';
  };
  const urlFor = () => `${isEnglish ? '/en' : '/'}${queryOf()}`;

  async function update({ moveFocus }) {
    const url = urlFor();
    controller?.abort();
    controller = new AbortController();
    region.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/html' } });
      if (!response.ok) throw new Error(String(response.status));
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.getElementById('finder-results');
      if (!fresh) throw new Error('no results in page');
      region.innerHTML = fresh.innerHTML;
      document.title = page.title;
      history.replaceState(null, '', url);
      // The language switcher (and the head) lead to this search in either language.
      for (const link of document.querySelectorAll('.language-switcher a[hreflang], link[rel="alternate"][hreflang]')) {
        link.setAttribute('href', `${link.getAttribute('hreflang') === 'en' ? '/en' : '/'}${queryOf()}`);
      }
      const heading = region.querySelector('h2');
      // Say the outcome to screen readers without taking focus away from the field being typed in.
      status.textContent = heading ? heading.textContent : '';
      if (moveFocus && heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    } catch (error) {
      if (error.name === 'AbortError') return;
      // Fall back to an ordinary page load, which always works.
      window.location.assign(url);
    } finally {
      region.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('input', (event) => {
    const isTyping = event.target instanceof HTMLInputElement && (event.target.type === 'search' || event.target.type === 'text');
    window.clearTimeout(timer);
    timer = window.setTimeout(() => update({ moveFocus: false }), isTyping ? 400 : 0);
  });
  // "Use my position": only offered where the browser can tell it. The position goes into the same
  // field as an address (as "55.68,12.57"), so the result is an ordinary link like any other search.
  const near = form.querySelector('#naer');
  if (near && navigator.geolocation) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button-secondary finder-position';
    button.textContent = words.button;
    const message = document.createElement('p');
    message.className = 'form-hint finder-position-message';
    message.setAttribute('role', 'status');
    near.insertAdjacentElement('afterend', button);
    button.insertAdjacentElement('afterend', message);
    button.addEventListener('click', () => {
      message.textContent = words.finding;
      navigator.geolocation.getCurrentPosition(
        (position) => {
          const { latitude, longitude } = position.coords;
          near.value = `${latitude.toFixed(4)},${longitude.toFixed(4)}`;
          message.textContent = words.used;
          update({ moveFocus: true });
        },
        () => {
          message.textContent = words.failed;
          near.focus();
        },
        { enableHighAccuracy: false, timeout: 10000, maximumAge: 300000 },
      );
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    update({ moveFocus: true });
  });
})();
