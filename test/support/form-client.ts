import type { createTestApp } from './app.ts';

/**
 * A browser for in-process tests: keeps cookies, and sends a form with the hidden fields of the last
 * page it read (CSRF and form tokens, versions, stamps), as a person's browser would.
 */
export function formClient(app: ReturnType<typeof createTestApp>) {
  const jar = new Map<string, string>();
  let lastPage = '';
  const send = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await app.request(path, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=');
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/.test(cookie)) jar.delete(name!);
      else jar.set(name!, value!);
    }
    return response;
  };
  return {
    jar,
    async get(path: string) {
      const response = await send(path);
      lastPage = await response.clone().text();
      return response;
    },
    async post(path: string, fields: Record<string, string>) {
      const hidden = Object.fromEntries(
        [...lastPage.matchAll(/name="(_form|_csrf|version|tilbage|stempel|noegle)" value="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]),
      );
      const response = await send(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...hidden, ...fields }),
      });
      lastPage = await response.clone().text();
      return response;
    },
    page: () => lastPage,
  };
}
