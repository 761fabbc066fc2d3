import { accessFacts, hasAccessInformation, type PlaceAccess } from '../../domain/place.ts';
import { danishLang } from '../i18n/danish-text.tsx';
import { type Locale, messages } from '../i18n/index.ts';
import { StructuredList } from './structured-list.tsx';

/**
 * What a person with a disability needs to know about a place: the four facts as yes, no or not told,
 * anything more in the place's own words, and a link to more. The public page and the back office's
 * preview both draw it, so staff see exactly what citizens will.
 */
export function AccessInfo({ access, locale }: { access: PlaceAccess; locale: Locale }) {
  const t = messages[locale].offering;
  if (!hasAccessInformation(access)) return <p>{t.accessNotTold}</p>;
  const answer = (value: boolean | null) => (value === null ? t.notToldYet : value ? t.yes : t.no);
  return (
    <>
      <StructuredList
        rows={[
          ...accessFacts.map((fact) => ({ label: t[fact], value: answer(access[fact]) })),
          ...(access.description ? [{ label: t.accessMore, value: <span lang={danishLang(locale)} class="preserve-lines">{access.description}</span> }] : []),
        ]}
      />
      {access.url && (
        <p>
          <a href={access.url}>{t.accessPage}</a>
        </p>
      )}
    </>
  );
}
