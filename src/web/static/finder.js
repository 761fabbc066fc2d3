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
        mapLoading: 'Loading the map …',
        hideMap: 'Hide the map',
      }
    : {
        button: 'Brug min position',
        finding: 'Finder din position …',
        used: 'Din position er brugt. Stederne vises med det nærmeste først.',
        failed: 'Vi kunne ikke få din position. Skriv en adresse eller et postnummer i stedet.',
        mapLoading: 'Henter kortet …',
        hideMap: 'Skjul kortet',
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
      // A map that was open follows the search.
      const mapLink = region.querySelector('a.finder-map-link');
      if (isMapOpen && mapLink) showMap(mapLink, { moveFocus: false });
      else isMapOpen = false;
    } catch (error) {
      if (error.name === 'AbortError') return;
      // Fall back to an ordinary page load, which always works.
      window.location.assign(url);
    } finally {
      region.removeAttribute('aria-busy');
    }
  }

  // "See the places on a map": the map page's map of the same search, fetched and shown above the list
  // without leaving the page. Without this script the link opens the map page (/kort), which has it all.
  let isMapOpen = false;
  async function showMap(link, { moveFocus }) {
    const shown = document.getElementById('finder-map');
    if (shown && shown.dataset.source === link.href) {
      shown.hidden = false;
      isMapOpen = true;
      if (moveFocus) shown.querySelector('h3').focus();
      return;
    }
    status.textContent = words.mapLoading;
    try {
      const response = await fetch(link.href, { headers: { accept: 'text/html' } });
      if (!response.ok) throw new Error(String(response.status));
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const map = page.querySelector('.range-map-column');
      const summary = page.querySelector('.range-map-summary');
      if (!map || !summary) throw new Error('no map in page');
      // The map's stylesheet, once, and loaded before the map is shown.
      const style = page.querySelector('link[rel="stylesheet"][href*="/range-map."]');
      if (style && !document.querySelector(`link[href="${style.getAttribute('href')}"]`)) {
        const sheet = document.createElement('link');
        sheet.rel = 'stylesheet';
        sheet.href = style.getAttribute('href');
        await new Promise((resolve) => {
          sheet.onload = resolve;
          sheet.onerror = resolve;
          document.head.append(sheet);
        });
      }
      if (!link.isConnected) return;
      const panel = document.createElement('section');
      panel.id = 'finder-map';
      panel.className = 'finder-map';
      panel.dataset.source = link.href;
      panel.setAttribute('aria-labelledby', 'finder-map-heading');
      const heading = document.createElement('h3');
      heading.id = 'finder-map-heading';
      heading.tabIndex = -1;
      heading.textContent = page.querySelector('h1')?.textContent ?? '';
      const hide = document.createElement('button');
      hide.type = 'button';
      hide.className = 'button button-secondary finder-map-hide';
      hide.textContent = words.hideMap;
      hide.addEventListener('click', () => {
        panel.hidden = true;
        isMapOpen = false;
        link.focus();
      });
      // "Skip the map" leads to the list under it, not to the map page's own list.
      const list = region.querySelector('.offering-list');
      const skip = map.querySelector('.range-map-skip');
      if (list && skip) {
        list.id = list.id || 'finder-list';
        skip.setAttribute('href', `#${list.id}`);
      }
      panel.append(heading, hide, document.importNode(summary, true), document.importNode(map, true));
      document.getElementById('finder-map')?.remove();
      link.closest('p').after(panel);
      isMapOpen = true;
      status.textContent = '';
      if (moveFocus) heading.focus();
    } catch {
      window.location.assign(link.href);
    }
  }
  region.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.finder-map-link') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    showMap(link, { moveFocus: true });
  });

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
