import { letterSenderKinds, letterSenderKindsEn, type PublicLetter } from '../../domain/planning/correspondence.ts';
import { formatDate } from '../../domain/time.ts';
import { danishLang } from '../i18n/danish-text.tsx';
import type { Locale } from '../i18n/index.ts';

const words = {
  da: {
    caption: 'Breve og henvendelser om scenariet, nyeste først. Navne, kontaktoplysninger, brevene og svarene vises ikke.',
    received: 'Modtaget',
    from: 'Fra',
    subject: 'Emne',
    replied: 'Besvaret',
    notYet: 'Ikke endnu',
    none: 'Der er ikke logget breve om scenariet.',
  },
  en: {
    caption: 'Letters and inquiries about the scenario, newest first. Names, contact details, the letters and the replies are not shown.',
    received: 'Received',
    from: 'From',
    subject: 'Subject',
    replied: 'Replied',
    notYet: 'Not yet',
    none: 'No letters about the scenario have been logged.',
  },
} as const;

/** The letters logged about a published scenario (ADR 035), as the public sees them. */
export function PublicLetterTable({ letters, locale, id }: { letters: PublicLetter[]; locale: Locale; id: string }) {
  const t = words[locale];
  if (letters.length === 0) return <p>{t.none}</p>;
  const kinds = locale === 'da' ? letterSenderKinds : letterSenderKindsEn;
  return (
    <section class="table--responsive-scroll" aria-labelledby={id} tabindex={0}>
      <table class="table table--compact">
        <caption id={id}>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.received}</th>
            <th scope="col">{t.from}</th>
            <th scope="col">{t.subject}</th>
            <th scope="col">{t.replied}</th>
          </tr>
        </thead>
        <tbody>
          {letters.map((letter) => (
            <tr>
              <td>{formatDate(letter.receivedOn, locale)}</td>
              <td>{kinds[letter.senderKind]}</td>
              <td lang={danishLang(locale)}>{letter.subject}</td>
              <td>{letter.repliedOn ? formatDate(letter.repliedOn, locale) : t.notYet}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
