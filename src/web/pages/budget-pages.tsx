import type { BudgetOverview } from '../../app/plan-budget.ts';
import { grantWarningMonths, type TransferInput, type TransferProblem } from '../../domain/planning/budget.ts';
import { formatDate } from '../../domain/time.ts';
import { AdminLayout } from '../admin-layout.tsx';
import { Alert } from '../components/alert.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { BudgetTables } from '../components/budget-tables.tsx';
import { Button, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../components/form.tsx';
import { hrefIn, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';

/** The budget pages (ADR 032): public and read-only at /planlaegning/budget; with the transfer form at /admin/planlaegning/budget. */

const publicWords = {
  da: {
    title: 'Budgetter for tilbudsviften',
    lead: (date: string, unit: string) =>
      `Bevillinger, overførsler mellem dem og bevillinger, der udløber, som de står ${date}. Beløb i ${unit} i det prisniveau, der står ved dem.`,
    unit: '1.000 kr.',
  },
  en: {
    title: 'Budgets of the range',
    lead: (date: string, unit: string) =>
      `Appropriations, transfers between them and grants that expire, as they stand on ${date}. Amounts in ${unit} at the price level given with them.`,
    unit: 'DKK 1,000',
  },
};

export function PublicBudgetPage({ overview, locale, path }: { overview: BudgetOverview } & PageLanguage) {
  const t = publicWords[locale];
  return (
    <Layout title={t.title} locale={locale} path={path}>
      <Breadcrumbs ariaLabel={messages[locale].breadcrumbs} items={[{ text: messages[locale].allOfferings, href: hrefIn(locale, '/') }, { text: t.title }]} />
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead(formatDate(overview.today, locale), t.unit)}</p>
      <BudgetTables overview={overview} locale={locale} warningMonths={grantWarningMonths} />
    </Layout>
  );
}

export const emptyTransferForm: TransferInput = { from: '', to: '', firstYear: '', lastYear: '', amountOut: '', amountIn: '', priceLevel: '', reason: '' };

const fieldIds: Record<keyof TransferInput, string> = {
  from: 'overfoersel-fra',
  to: 'overfoersel-til',
  firstYear: 'overfoersel-foerste-aar',
  lastYear: 'overfoersel-sidste-aar',
  amountOut: 'overfoersel-tages',
  amountIn: 'overfoersel-gives',
  priceLevel: 'overfoersel-prisniveau',
  reason: 'overfoersel-begrundelse',
};

export function AdminBudgetPage(props: {
  signedIn: { name: string; csrfToken: string };
  overview: BudgetOverview;
  canEdit: boolean;
  form: TransferInput;
  problems: TransferProblem[];
  saved: boolean;
}) {
  const { overview, form, problems } = props;
  const errorOf = (field: keyof TransferInput) => problems.find((problem) => problem.field === field)?.message;
  const options = (selected: string, placeholder: string) => [
    { value: '', text: placeholder, selected: selected === '' },
    ...overview.appropriations.map((item) => ({ value: item.number, text: `${item.number} ${item.name}`, selected: item.number === selected })),
  ];
  return (
    <AdminLayout title="Budgetter" signedIn={props.signedIn}>
      <h1>Budgetter</h1>
      <p>
        Bevillinger, overførsler og bevillinger, der udløber. Beløb i 1.000 kr. i det prisniveau, der står ved dem. Det samme kan læses offentligt på{' '}
        <a href="/planlaegning/budget">/planlaegning/budget</a>.
      </p>
      {props.saved && <Alert variant="success">Overførslen er gemt.</Alert>}
      <ErrorSummary problems={problems.map((problem) => ({ field: fieldIds[problem.field], message: problem.message }))} />
      {props.canEdit && (
        <form method="post" action="/admin/planlaegning/budget/overfoersler">
          <CsrfField token={props.signedIn.csrfToken} />
          <fieldset>
            <legend class="h2">Registrér en overførsel</legend>
            <p>Det beløb, der tages fra den ene bevilling, skal gives til den anden, så overførslen går op.</p>
            <Select id={fieldIds.from} name="fra" label="Fra bevilling" error={errorOf('from')} options={options(form.from, 'Vælg bevilling')} />
            <Select id={fieldIds.to} name="til" label="Til bevilling" error={errorOf('to')} options={options(form.to, 'Vælg bevilling')} />
            <TextInput id={fieldIds.amountOut} name="tages" label="Beløb, der tages, om året (1.000 kr.)" hint="Fx 3.400 for 3,4 mio. kr." value={form.amountOut} error={errorOf('amountOut')} width="s" />
            <TextInput id={fieldIds.amountIn} name="gives" label="Beløb, der gives, om året (1.000 kr.)" value={form.amountIn} error={errorOf('amountIn')} width="s" />
            <TextInput id={fieldIds.firstYear} name="foerste_aar" label="Første år" value={form.firstYear} error={errorOf('firstYear')} width="xs" />
            <TextInput id={fieldIds.lastYear} name="sidste_aar" label="Sidste år" hint="Lad feltet stå tomt, hvis overførslen er varig." value={form.lastYear} error={errorOf('lastYear')} width="xs" />
            <TextInput id={fieldIds.priceLevel} name="prisniveau" label="Prisniveau (år)" hint="Fx 2013." value={form.priceLevel} error={errorOf('priceLevel')} width="xs" />
            <TextArea id={fieldIds.reason} name="begrundelse" label="Begrundelse" value={form.reason} error={errorOf('reason')} rows={3} />
            <Button>Gem overførslen</Button>
          </fieldset>
        </form>
      )}
      <BudgetTables overview={overview} locale="da" warningMonths={grantWarningMonths} />
    </AdminLayout>
  );
}
