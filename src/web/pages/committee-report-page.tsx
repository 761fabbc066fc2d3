import type { Child } from 'hono/jsx';
import type { CommitteeReport } from '../../app/committee-report.ts';
import type { SenderKind } from '../../domain/planning/hearing.ts';
import { formatDate } from '../../domain/time.ts';
import { assetHref } from '../../http/static-assets.ts';
import { AdminLayout } from '../admin-layout.tsx';
import { ScenarioChangeList } from '../components/scenario-changes.tsx';
import { ScenarioComparison } from '../components/scenario-comparison.tsx';
import { TransitionPlanView } from '../components/transition-plan.tsx';
import { danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';
import type { PublicLetter } from '../../domain/planning/correspondence.ts';
import { PublicLetterTable } from '../components/letter-table.tsx';
import { QrCodeSvg } from '../qr/qr-svg.tsx';

const senderOrder: SenderKind[] = ['user_council', 'operator', 'citizen', 'other'];

export const reportWords = {
  da: {
    title: (scenario: string) => `Rapport til udvalget: ${scenario}`,
    source: 'Tilbudsvifte · Rapport til udvalget',
    back: 'Tilbage til scenariet',
    printHint: 'Rapporten er lavet til at blive udskrevet på A4 eller gemt som PDF: vælg «Udskriv» i browserens menu (Ctrl+P, på Mac ⌘P). Hvert afsnit begynder på en ny side, og menuerne kommer ikke med.',
    link: 'Rapport til udvalget (til udskrift)',
    facts: 'Fakta om scenariet',
    state: 'Status',
    published: (date: string) => `Offentliggjort ${date}`,
    draft: 'Kladde, ikke offentliggjort. Tallene kan ændre sig.',
    startsOn: 'Udgangspunkt',
    startsOnValue: (date: string) => `Viften ${date}`,
    madeOn: 'Rapporten er dannet',
    changeCount: 'Ændringer',
    sources: 'Kilder',
    sourcesValue: (refs: string) => `Bilag ${refs}`,
    cite: 'Fast adresse til at citere',
    citeDraft: 'Adresse i administrationen (kladden er ikke offentlig)',
    qrLabel: 'QR-kode med scenariets adresse',
    qrCaption: 'Scan koden for at se scenariet på nettet.',
    changes: 'Ændringerne og deres begrundelser',
    comparison: 'Før og efter: steder, bydele, budget, dækning og kort',
    approximateNote: 'Koordinaterne er sat i hånden på gadeniveau og er omtrentlige; de kan ligge flere hundrede meter ved siden af. Det gælder kortene og afstandene.',
    transitions: 'Overgangsplaner for de steder, der lukker',
    noTransitions: 'Scenariet lukker ingen steder.',
    hearing: 'Høringssvar og breve',
    noHearing: 'Scenariet har ikke været sendt i høring.',
    deadline: (date: string) => `Høringsfristen er ${date}.`,
    countsCaption: 'Antal høringssvar efter afsender',
    sender: 'Afsender',
    count: 'Antal',
    total: 'I alt',
    late: (count: number) => `${count} ${count === 1 ? 'svar kom' : 'svar kom'} efter fristen.`,
    senders: { user_council: 'Brugerråd', operator: 'Driftsherre', citizen: 'Borger', other: 'Andre' } as Record<SenderKind, string>,
    privacy: 'Svarene gengives som resuméer uden navne og kontaktoplysninger.',
    summaries: 'Resuméer af svarene',
    noResponses: 'Der er ikke kommet høringssvar.',
    received: (date: string) => `modtaget ${date}`,
    afterDeadline: 'efter fristen',
    letters: (count: number) => `Breve og henvendelser (${count})`,
  },
  en: {
    title: (scenario: string) => `Committee report: ${scenario}`,
    source: 'Tilbudsvifte · Report to the committee',
    back: 'Back to the scenario',
    printHint: 'The report is made to be printed on A4 or saved as PDF: choose «Print» in the browser menu (Ctrl+P, on a Mac ⌘P). Each section starts on a new page, and the menus are left out.',
    link: 'Committee report (for printing)',
    facts: 'About the scenario',
    state: 'State',
    published: (date: string) => `Published ${date}`,
    draft: 'Draft, not published. The figures may change.',
    startsOn: 'Starts from',
    startsOnValue: (date: string) => `The range on ${date}`,
    madeOn: 'Report made',
    changeCount: 'Changes',
    sources: 'Sources',
    sourcesValue: (refs: string) => `Documents ${refs}`,
    cite: 'Fixed address to cite',
    citeDraft: 'Address in the back office (the draft is not public)',
    qrLabel: "QR code with the scenario's address",
    qrCaption: 'Scan the code to see the scenario online.',
    changes: 'The changes and their rationales',
    comparison: 'Before and after: places, districts, budget, coverage and maps',
    approximateNote: 'The coordinates were placed by hand at street level and are approximate; they may be several hundred metres off. This holds for the maps and the distances.',
    transitions: 'Transition plans for the places that close',
    noTransitions: 'The scenario closes no places.',
    hearing: 'Consultation responses and letters',
    noHearing: 'The scenario has not been sent for consultation.',
    deadline: (date: string) => `The deadline is ${date}.`,
    countsCaption: 'Responses by sender',
    sender: 'Sender',
    count: 'Number',
    total: 'Total',
    late: (count: number) => `${count} ${count === 1 ? 'response' : 'responses'} came after the deadline.`,
    senders: { user_council: 'User council', operator: 'Operator', citizen: 'Citizen', other: 'Other' } as Record<SenderKind, string>,
    privacy: 'Responses are given as summaries without names or contact details.',
    summaries: 'Summaries of the responses',
    noResponses: 'No responses have come in.',
    received: (date: string) => `received ${date}`,
    afterDeadline: 'after the deadline',
    letters: (count: number) => `Letters and inquiries (${count})`,
  },
} as const;

type ReportProps = {
  report: CommitteeReport;
  /** The letters logged about the scenario, without personal data (ADR 035). */
  letters: PublicLetter[];
  /** The address the QR code and the title page give: the public one, or the back office's for a draft. */
  citeUrl: string;
  backHref: string;
  locale: Locale;
};

function Section({ id, title, children }: { id: string; title: string; children: Child }) {
  return (
    <section class="report-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * A scenario's committee report (ADR 035): a title page with the facts and a QR code of the citable address,
 * then one section per page on paper. Drawn on the server; printing needs no JavaScript.
 */
function CommitteeReportBody({ report, letters, citeUrl, backHref, locale }: ReportProps) {
  const t = reportWords[locale];
  const { scenario, view, hearing } = report;
  const published = scenario.state === 'published';
  const date = (value: string) => formatDate(value, locale);
  return (
    <>
      <div class="d-print-none report-tools">
        <p>
          <a href={backHref}>{t.back}</a>
        </p>
        <p class="report-print-hint">{t.printHint}</p>
      </div>
      <article class="report" aria-labelledby="report-title">
        <div class="report-title-page">
          <div class="report-head">
            <div>
              <p class="report-source">{t.source}</p>
              <h1 id="report-title" lang={danishLang(locale)}>
                {scenario.title}
              </h1>
            </div>
            <figure class="report-qr">
              <QrCodeSvg text={citeUrl} label={t.qrLabel} />
              <figcaption>{t.qrCaption}</figcaption>
            </figure>
          </div>
          <h2 class="h4">{t.facts}</h2>
          <dl class="report-facts">
            <dt>{t.state}</dt>
            <dd>{published && scenario.publishedAt ? t.published(date(scenario.publishedAt.toISOString().slice(0, 10))) : t.draft}</dd>
            <dt>{t.startsOn}</dt>
            <dd>{t.startsOnValue(date(scenario.startsOn))}</dd>
            <dt>{t.changeCount}</dt>
            <dd>{scenario.changes.length}</dd>
            {scenario.seedRefs.length > 0 && (
              <>
                <dt>{t.sources}</dt>
                <dd>{t.sourcesValue(scenario.seedRefs.join(', '))}</dd>
              </>
            )}
            <dt>{t.madeOn}</dt>
            <dd>{date(report.madeOn)}</dd>
            <dt>{published ? t.cite : t.citeDraft}</dt>
            <dd class="report-url">
              <a href={citeUrl}>{citeUrl}</a>
            </dd>
          </dl>
          {scenario.summary && <p lang={danishLang(locale)}>{scenario.summary}</p>}
        </div>

        <Section id="report-changes" title={t.changes}>
          <ScenarioChangeList changes={scenario.changes} names={report.names} locale={locale} />
        </Section>

        <Section id="report-comparison" title={t.comparison}>
          <p>{t.approximateNote}</p>
          <ScenarioComparison
            before={view.before}
            after={view.after}
            comparison={view.comparison}
            changes={scenario.changes}
            locale={locale}
            labels={view.labels}
            coverage={view.coverage}
            coverageLeftOut={view.coverageLeftOut}
          />
        </Section>

        <Section id="report-transitions" title={t.transitions}>
          {report.transitions.plans.length === 0 && <p>{t.noTransitions}</p>}
          {report.transitions.plans.map((plan) => (
            <div class="report-keep">
              <TransitionPlanView plan={plan} hours={report.transitions.hours} locale={locale} />
            </div>
          ))}
        </Section>

        <Section id="report-hearing" title={t.hearing}>
          {!hearing ? (
            <p>{t.noHearing}</p>
          ) : (
            <>
              <p>
                {t.deadline(date(hearing.deadline))} {t.privacy}
              </p>
              <table class="table table--compact report-counts">
                <caption>{t.countsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.sender}</th>
                    <th scope="col">{t.count}</th>
                  </tr>
                </thead>
                <tbody>
                  {senderOrder.map((kind) => (
                    <tr>
                      <th scope="row">{t.senders[kind]}</th>
                      <td>{hearing.summary.bySenderKind[kind]}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t.total}</th>
                    <td>
                      <strong>{hearing.summary.total}</strong>
                    </td>
                  </tr>
                </tbody>
              </table>
              {hearing.summary.late > 0 && <p>{t.late(hearing.summary.late)}</p>}
              <h3>{t.summaries}</h3>
              {hearing.responses.length === 0 && <p>{t.noResponses}</p>}
              <ol class="unstyled-list">
                {hearing.responses.map((response) => (
                  <li class="scenario-change report-keep">
                    <p>
                      <strong>
                        {t.senders[response.senderKind]}
                        {response.organisation && (
                          <>
                            : <span lang={danishLang(locale)}>{response.organisation}</span>
                          </>
                        )}
                      </strong>
                      , {t.received(date(response.receivedOn))}
                      {response.receivedOn > hearing.deadline && ` (${t.afterDeadline})`}.
                    </p>
                    <p lang={danishLang(locale)}>{response.summary}</p>
                  </li>
                ))}
              </ol>
            </>
          )}
          <h3 id="report-letters">{t.letters(letters.length)}</h3>
          <PublicLetterTable letters={letters} locale={locale} id="report-letters-caption" />
        </Section>
      </article>
    </>
  );
}

const stylesheets = ['/static/range-map.css', '/static/planning.css', '/static/report.css'];

/** /planlaegning/{id}/rapport: a published scenario's report, public. */
export function CommitteeReportPage(props: Omit<ReportProps, 'backHref'> & PageLanguage) {
  return (
    <Layout title={reportWords[props.locale].title(props.report.scenario.title)} locale={props.locale} path={props.path}>
      {stylesheets.map((href) => (
        <link rel="stylesheet" href={assetHref(href)} />
      ))}
      <CommitteeReportBody {...props} backHref={hrefIn(props.locale, `/planlaegning/${props.report.scenario.id}`)} />
    </Layout>
  );
}

/** /admin/planlaegning/{id}/rapport: the same report in the back office, drafts too. */
export function AdminCommitteeReportPage(props: Omit<ReportProps, 'backHref' | 'locale'> & { signedIn: { name: string; csrfToken: string } }) {
  return (
    <AdminLayout title={reportWords.da.title(props.report.scenario.title)} signedIn={props.signedIn} stylesheets={stylesheets}>
      <CommitteeReportBody report={props.report} letters={props.letters} citeUrl={props.citeUrl} locale="da" backHref={`/admin/planlaegning/${props.report.scenario.id}`} />
    </AdminLayout>
  );
}
