import type { Context } from 'hono';
import { danishPathOf, type Locale, type PageLanguage } from '../web/i18n/index.ts';

/**
 * What a page needs to know about its language: the locale its routes were mounted with, and the
 * request's own address in Danish form, which the language switcher turns into either version.
 */
export function pageLanguage(c: Context, locale: Locale): PageLanguage {
  return { locale, path: danishPathOf(c.req.url) };
}
