import { Hono } from 'hono';
import { parseShortlistQuery } from './shortlist-query.ts';
import { z } from 'zod';
import type { CourseStore } from '../app/course-store.ts';
import type { CouncilStore } from '../app/run-councils.ts';
import type { UserJobStore } from '../app/run-user-jobs.ts';
import type { PeerStore } from '../app/run-peer-counsellors.ts';
import { NotFoundError } from '../app/errors.ts';
import { getCourseCatalogue } from '../app/get-course-catalogue.ts';
import { getOfferingPage } from '../app/get-offering-page.ts';
import type { FreshnessStore } from '../app/freshness-store.ts';
import { getOfferingFreshness } from '../app/get-offering-freshness.ts';
import type { RangeRepository } from '../app/ports.ts';
import { publishedPlansFor, type ScenarioStore } from '../app/plan-scenarios.ts';
import type { FormStamps } from '../security/form-stamps.ts';
import { correctionForm } from './correction-routes.tsx';
import { hrefIn, type Locale, messages } from '../web/i18n/index.ts';
import { OfferingPage } from '../web/pages/offering-page.tsx';
import { pageLanguage } from './page-language.ts';

export type OfferingRouteDeps = {
  range: RangeRepository;
  now: () => Date;
  freshness: FreshnessStore;
  corrections: { stamps: FormStamps };
  courses: { store: CourseStore };
  /** Published planning scenarios: the transition plan of a place one of them closes (ADR 030). */
  scenarios: ScenarioStore;
  /** The offering's councils, listed on its page (ADR 033). */
  councils?: Pick<CouncilStore, 'councilsOf'>;
  /** The offering's open user jobs, on its page (ADR 033). */
  userJobs?: Pick<UserJobStore, 'openJobs'>;
  /** The peer meetings to come at the offering, on its page (ADR 036). */
  peer?: Pick<PeerStore, 'peerMeetingsBetween'>;
};

/** A slug ('nabo') or a UUID; anything else cannot name an offering. */
const slugOrIdSchema = z.string().max(100).regex(/^[a-z0-9][a-z0-9-]*$/i);

const notFound = (locale: Locale) => new NotFoundError(messages[locale].errors.offeringNotFound);

/** The public page of one offering at /tilbud/{slug}; its id answers with a permanent redirect to the slug. */
export function offeringRoutes({ range, now, freshness, corrections, courses, scenarios, councils, userJobs, peer }: OfferingRouteDeps, locale: Locale = 'da') {
  const app = new Hono();
  app.get('/tilbud/:slugOrId', async (c) => {
    const parsed = slugOrIdSchema.safeParse(c.req.param('slugOrId'));
    if (!parsed.success) throw notFound(locale);
    const page = await getOfferingPage({ range, slugOrId: parsed.data, now: now() });
    if (!page) throw notFound(locale);
    if (parsed.data !== page.offering.slug) {
      const query = new URL(c.req.url).search;
      return c.redirect(hrefIn(locale, `/tilbud/${encodeURIComponent(page.offering.slug)}${query}`), 301);
    }
    const [details, stamp, catalogue, plans, councilList, jobs, peerMeetings] = await Promise.all([
      getOfferingFreshness({ store: freshness, offeringId: page.offering.id, now: now() }),
      corrections.stamps.issue(correctionForm(page.offering.slug), now()),
      getCourseCatalogue(courses.store, { text: null, kind: null, track: null }, page.date),
      publishedPlansFor(range, scenarios, page.offering.id),
      councils ? councils.councilsOf(page.offering.id) : [],
      userJobs ? userJobs.openJobs(page.offering.id) : [],
      peer ? peer.peerMeetingsBetween(page.date, null, [page.offering.id]).then((list) => list.slice(0, 10)) : [],
    ]);
    if (!details) throw notFound(locale);
    return c.html(
      <OfferingPage
        page={page}
        shortlist={parseShortlistQuery(c.req.queries()).slugs}
        freshness={details}
        correctionStamp={stamp}
        courses={catalogue.filter((entry) => entry.course.offering.id === page.offering.id)}
        transitionPlans={plans}
        councils={councilList}
        userJobs={jobs}
        peerMeetings={peerMeetings}
        {...pageLanguage(c, locale)}
      />,
    );
  });
  return app;
}
