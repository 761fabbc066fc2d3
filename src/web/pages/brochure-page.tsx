import type { Child } from 'hono/jsx';
import type { Brochure } from '../../app/get-brochure.ts';
import { finderParams } from '../../http/finder-query.ts';
import { assetHref } from '../../http/static-assets.ts';
import { Alert } from '../components/alert.tsx';
import { ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, Select } from '../components/form.tsx';
import { formatDate } from '../../domain/time.ts';
import { DanishText, danishLang, WithPlaceNames } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale, messages } from '../i18n/index.ts';
import { brochureText, programmeText } from '../i18n/programme.ts';
import { Layout } from '../layout.tsx';
import { brochureTitle, placeFacts, placePath } from '../programme/brochure-text.ts';
import { QrCodeSvg } from '../qr/qr-svg.tsx';
import { PaperChoices, type ProgrammeLayout, programmeParams } from './programme-page.tsx';

export function brochureHref(
  brochure: { district: { slug: string } | null },
  layout: ProgrammeLayout = { paper: 'a4', largePrint: false },
  path: '/brochure' | '/brochure.pdf' = '/brochure',
): string {
  const params = new URLSearchParams();
  if (brochure.district) params.set(finderParams.district, brochure.district.slug);
  if (layout.paper === 'a5') params.set(programmeParams.paper, 'a5');
  if (layout.largePrint) params.set(programmeParams.type, 'stor');
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** /brochure: every place of the range for paper, with a QR code to each place's live page (ADR 034). */
export function BrochurePage({
  brochure,
  layout,
  notices,
  baseUrl,
  locale = 'da',
  path = null,
  children,
}: {
  brochure: Brochure;
  layout: ProgrammeLayout;
  notices: string[];
  baseUrl: string;
  locale?: Locale;
  /** The page's own address in Danish form, for the language switcher. */
  path?: string | null;
  /** Shown on the screen after the brochure, not printed: the district's live listings. */
  children?: Child;
}) {
  const t = brochureText[locale];
  const classes = ['programme', 'brochure', `programme-${layout.paper}`, layout.largePrint ? 'programme-large' : ''].filter(Boolean).join(' ');
  return (
    <Layout title={brochureTitle(brochure, locale)} locale={locale} path={path}>
      <link rel="stylesheet" href={assetHref('/static/programme.css')} />
      <div class="d-print-none programme-tools">
        <Breadcrumbs
          ariaLabel={messages[locale].breadcrumbs}
          items={[{ text: messages[locale].allOfferings, href: hrefIn(locale, '/') }, { text: t.tools.crumb }]}
        />
        {notices.length > 0 && (
          <Alert variant="info" locale={locale}>
            {notices.map((notice) => (
              <p>{notice}</p>
            ))}
          </Alert>
        )}
        <p>{t.tools.lead}</p>
        <form method="get" action={hrefIn(locale, '/brochure')} class="programme-form" aria-label={programmeText[locale].tools.formLabel}>
          <Select
            id="bydel"
            name={finderParams.district}
            label={programmeText[locale].tools.district}
            options={[
              { value: '', text: t.tools.wholeCity },
              ...brochure.districts.map((district) => ({
                value: district.slug,
                text: district.name,
                selected: district.slug === brochure.district?.slug,
                lang: danishLang(locale),
              })),
            ]}
          />
          <PaperChoices layout={layout} locale={locale} />
          <Button>{t.tools.show}</Button>
        </form>
        {brochure.placeCount > 0 && (
          <ul class="programme-downloads">
            <li>
              <a href={hrefIn(locale, brochureHref(brochure, layout, '/brochure.pdf'))}>
                {programmeText[locale].tools.pdf(layout.paper.toUpperCase())}
              </a>
            </li>
            <li>
              <a href={hrefIn(locale, '/program')}>{t.tools.programmeLink}</a>
            </li>
          </ul>
        )}
      </div>
      <article class={classes} aria-labelledby="brochure-titel">
        <div class="programme-head">
          <div>
            <p class="programme-source">{t.source}</p>
            <h1 id="brochure-titel">
              <span class="programme-kicker">
                {brochure.district ? (
                  <>
                    {t.districtPrefix}
                    <DanishText locale={locale}>{brochure.district.name}</DanishText>
                  </>
                ) : (
                  t.kicker(null)
                )}
              </span> {t.title}
            </h1>
            <p class="programme-date">{t.printedOn(formatDate(brochure.today, locale))}</p>
          </div>
        </div>
        <p>{t.lead}</p>
        {brochure.anyExample && <p class="programme-example">{t.exampleNote}</p>}
        {brochure.leftOut > 0 && (
          <Alert variant="warning" locale={locale}>
            {t.leftOut(brochure.placeCount, brochure.leftOut)}
          </Alert>
        )}
        {brochure.placeCount === 0 && (
          <p>
            <strong>{t.empty}</strong> <a href={hrefIn(locale, '/brochure')}>{t.tools.seeWholeCity}</a>
          </p>
        )}
        {brochure.sections.map((section, index) => (
          <section class="programme-day" aria-labelledby={`bydel-${index}`}>
            <h2 id={`bydel-${index}`}>
              {section.district ? <DanishText locale={locale}>{section.district}</DanishText> : t.withoutDistrict} <span class="brochure-count">({t.placeCount(section.places.length)})</span>
            </h2>
            <ul class="programme-places">
              {section.places.map((offering) => {
                const facts = placeFacts(offering, brochure.today, locale);
                return (
                  <li class="brochure-place">
                    <div>
                      <h3>
                        <a href={hrefIn(locale, placePath(offering))}>
                          <DanishText locale={locale}>{offering.name}</DanishText>
                        </a>
                        {facts.isExample && (
                          <>
                            {' '}
                            <ExampleDataBadge locale={locale} />
                          </>
                        )}
                      </h3>
                      {facts.status && (
                        <p class="programme-meta">
                          <strong>
                            <WithPlaceNames text={facts.status} names={offering.events.map((event) => event.relatedOfferingName)} locale={locale} />
                          </strong>
                        </p>
                      )}
                      {facts.profile && <p class="programme-meta">{facts.profile}</p>}
                      {facts.description && (
                        <p class="programme-meta" lang={locale === 'da' ? undefined : 'da'}>
                          {facts.description}
                        </p>
                      )}
                      <dl class="brochure-facts">
                        <dt>{t.address}</dt>
                        <dd>{facts.address ? <DanishText locale={locale}>{facts.address}</DanishText> : messages[locale].addressNotYet}</dd>
                        <dt>{t.hours}</dt>
                        <dd>
                          {facts.hours ?? t.noHours}
                          {facts.hours && facts.hoursAreExample && !facts.isExample && (
                            <>
                              {' '}
                              <ExampleDataBadge locale={locale} />
                            </>
                          )}
                        </dd>
                        <dt>{t.firstVisit}</dt>
                        <dd>{facts.firstVisit ? <DanishText locale={locale}>{facts.firstVisit}</DanishText> : t.noFirstVisit}</dd>
                        <dt>{t.contact}</dt>
                        <dd>{facts.contact ?? t.noContact}</dd>
                      </dl>
                    </div>
                    <figure class="brochure-qr">
                      <QrCodeSvg text={`${baseUrl}${hrefIn(locale, placePath(offering))}`} label={t.qrLabel(offering.name)} />
                    </figure>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </article>
      {children && <div class="d-print-none programme-listings">{children}</div>}
    </Layout>
  );
}
