import type { Brochure } from '../../app/get-brochure.ts';
import { finderParams } from '../../http/finder-query.ts';
import { assetHref } from '../../http/static-assets.ts';
import { Alert } from '../components/alert.tsx';
import { ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, Select } from '../components/form.tsx';
import { messages } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';
import { brochureTitle, brochureWords as t, placeFacts, placePath } from '../programme/brochure-text.ts';
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
}: {
  brochure: Brochure;
  layout: ProgrammeLayout;
  notices: string[];
  baseUrl: string;
}) {
  const classes = ['programme', 'brochure', `programme-${layout.paper}`, layout.largePrint ? 'programme-large' : ''].filter(Boolean).join(' ');
  return (
    <Layout title={brochureTitle(brochure)} locale="da" path={null}>
      <link rel="stylesheet" href={assetHref('/static/programme.css')} />
      <div class="d-print-none programme-tools">
        <Breadcrumbs ariaLabel={messages.da.breadcrumbs} items={[{ text: messages.da.allOfferings, href: '/' }, { text: 'Brochure' }]} />
        {notices.length > 0 && (
          <Alert variant="info" locale="da">
            {notices.map((notice) => (
              <p>{notice}</p>
            ))}
          </Alert>
        )}
        <p>
          Hele tilbudsviften til at lægge frem eller give med: hvert sted med adresse, åbningstider, hvordan man kommer første
          gang, og en QR-kode til stedets side. Udskriv siden, eller hent den som PDF.
        </p>
        <form method="get" action="/brochure" class="programme-form" aria-label="Vælg bydel og udskrift">
          <Select
            id="bydel"
            name={finderParams.district}
            label="Bydel"
            options={[
              { value: '', text: 'Hele byen' },
              ...brochure.districts.map((district) => ({ value: district.slug, text: district.name, selected: district.slug === brochure.district?.slug })),
            ]}
          />
          <PaperChoices layout={layout} />
          <Button>Vis brochure</Button>
        </form>
        {brochure.placeCount > 0 && (
          <ul class="programme-downloads">
            <li>
              <a href={brochureHref(brochure, layout, '/brochure.pdf')}>Hent som PDF ({layout.paper.toUpperCase()})</a>
            </li>
            <li>
              <a href="/program">Ugens og månedens program</a>
            </li>
          </ul>
        )}
      </div>
      <article class={classes} aria-labelledby="brochure-titel">
        <div class="programme-head">
          <div>
            <p class="programme-source">{t.source}</p>
            <h1 id="brochure-titel">
              <span class="programme-kicker">{brochure.district ? `Bydel: ${brochure.district.name}` : 'Hele byen'}</span> {t.title}
            </h1>
            <p class="programme-date">{t.printedOn(brochure.today)}</p>
          </div>
        </div>
        <p>{t.lead}</p>
        {brochure.anyExample && <p class="programme-example">{t.exampleNote}</p>}
        {brochure.leftOut > 0 && (
          <Alert variant="warning" locale="da">
            {t.leftOut(brochure.placeCount, brochure.leftOut)}
          </Alert>
        )}
        {brochure.placeCount === 0 && (
          <p>
            <strong>{t.empty}</strong> <a href="/brochure">Se hele byen</a>
          </p>
        )}
        {brochure.sections.map((section, index) => (
          <section class="programme-day" aria-labelledby={`bydel-${index}`}>
            <h2 id={`bydel-${index}`}>
              {section.district ?? t.withoutDistrict} <span class="brochure-count">({t.placeCount(section.places.length)})</span>
            </h2>
            <ul class="programme-places">
              {section.places.map((offering) => {
                const facts = placeFacts(offering, brochure.today);
                return (
                  <li class="brochure-place">
                    <div>
                      <h3>
                        <a href={placePath(offering)}>{offering.name}</a>
                        {facts.isExample && (
                          <>
                            {' '}
                            <ExampleDataBadge locale="da" />
                          </>
                        )}
                      </h3>
                      {facts.status && (
                        <p class="programme-meta">
                          <strong>{facts.status}</strong>
                        </p>
                      )}
                      {facts.profile && <p class="programme-meta">{facts.profile}</p>}
                      {facts.description && <p class="programme-meta">{facts.description}</p>}
                      <dl class="brochure-facts">
                        <dt>Adresse</dt>
                        <dd>{facts.address ?? messages.da.addressNotYet}</dd>
                        <dt>{t.hours}</dt>
                        <dd>
                          {facts.hours ?? t.noHours}
                          {facts.hours && facts.hoursAreExample && !facts.isExample && (
                            <>
                              {' '}
                              <ExampleDataBadge locale="da" />
                            </>
                          )}
                        </dd>
                        <dt>{t.firstVisit}</dt>
                        <dd>{facts.firstVisit ?? t.noFirstVisit}</dd>
                        <dt>{t.contact}</dt>
                        <dd>{facts.contact ?? t.noContact}</dd>
                      </dl>
                    </div>
                    <figure class="brochure-qr">
                      <QrCodeSvg text={`${baseUrl}${placePath(offering)}`} label={t.qrLabel(offering.name)} />
                    </figure>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </article>
    </Layout>
  );
}
