import { correctionLimits } from '../../domain/correction.ts';
import { hrefIn, type Locale, messages } from '../i18n/index.ts';
import { Button, TextArea, TextInput, TrapField } from './form.tsx';

export type CorrectionFormProblem = { field: 'rettelse-tekst' | 'rettelse-email'; message: string };

/**
 * The public form for suggesting a correction: what is wrong, and an optional email with what it is
 * used for. Spam is kept out without a third party (ADR 014): a signed stamp of when the form was made,
 * a field people never see (hidden by the style sheet, so no inline style) that programs fill in, and
 * limits on links, length and how often one address may send.
 */
export function CorrectionForm(props: {
  slug: string;
  locale: Locale;
  stamp: string;
  text: string;
  email: string;
  problems: CorrectionFormProblem[];
}) {
  const t = messages[props.locale].correction;
  const problem = (field: CorrectionFormProblem['field']) => props.problems.find((item) => item.field === field)?.message;
  return (
    <form method="post" action={hrefIn(props.locale, `/tilbud/${encodeURIComponent(props.slug)}/ret`)} novalidate>
      <input type="hidden" name="stempel" value={props.stamp} />
      <TextArea
        id="rettelse-tekst"
        name="tekst"
        label={t.text}
        hint={t.textHint(correctionLimits.maxText)}
        value={props.text}
        rows={5}
        error={problem('rettelse-tekst')}
        locale={props.locale}
      />
      <TextInput
        id="rettelse-email"
        name="email"
        label={t.email}
        hint={t.emailHint}
        type="email"
        autocomplete="email"
        value={props.email}
        error={problem('rettelse-email')}
        locale={props.locale}
      />
      <TrapField label={t.honeypot} />
      <Button>{t.send}</Button>
    </form>
  );
}
