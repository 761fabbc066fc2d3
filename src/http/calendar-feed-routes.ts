import type { CourseStore } from '../app/course-store.ts';
import type { PeerStore } from '../app/run-peer-counsellors.ts';
import { addDays, copenhagenDate } from '../domain/time.ts';
import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { NotFoundError } from '../app/errors.ts';
import type { RangeRepository } from '../app/ports.ts';
import type { Offering } from '../domain/range.ts';
import { feedHorizon, presentCalendar } from './presenters/ical.ts';

export type CalendarFeedRouteDeps = { range: RangeRepository; now: () => Date; baseUrl: string; courses: { store: CourseStore }; peer?: Pick<PeerStore, 'peerMeetingsBetween'> };

const slugOrIdSchema = z.string().max(100).regex(/^[a-z0-9][a-z0-9-]*$/i);

// The offering's words are the offering page's, so a wrong link reads the same on either.
const offeringNotFound = () =>
  new NotFoundError(
    'Vi kan ikke finde det tilbud, du leder efter. Måske er adressen skrevet forkert, eller stedet har fået et nyt navn. Du kan se alle tilbud på forsiden.',
  );
const centreNotFound = () =>
  new NotFoundError(
    'Vi kan ikke finde det center, du leder efter. Måske er adressen skrevet forkert. Du kan se alle tilbud på forsiden.',
  );

const about = `Åbningstider, aktiviteter, forløb og peermøder fra Tilbudsvifte. Helligdage, lukkedage og aflysninger er regnet med ${feedHorizon.daysAhead} dage frem.`;

/** A calendar response: the feed, a file name, a modest cache and a weak ETag that ignores DTSTAMP. */
function calendarResponse(c: Context, body: string, fileName: string) {
  const etag = `W/"${createHash('sha256')
    .update(body.replace(/^DTSTAMP:.*\r\n/gm, ''))
    .digest('base64url')
    .slice(0, 27)}"`;
  const headers = {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'public, max-age=900',
    etag,
  };
  const match = c.req.header('if-none-match');
  if (match?.split(',').some((tag) => tag.trim() === etag)) return c.body(null, 304, headers);
  return c.body(body, 200, headers);
}

/**
 * iCalendar feeds (RFC 5545) to subscribe to: one offering at /tilbud/{slug}/kalender.ics, a centre's
 * offerings at /centre/{slug}/kalender.ics and the whole city at /kalender.ics.
 */
export function calendarFeedRoutes({ range, now, baseUrl, courses, peer }: CalendarFeedRouteDeps) {
  const app = new Hono();
  const all = async () => (await range.findOfferings({}, 'all')).items;
  const feed = async (name: string, description: string, offerings: readonly Offering[]) => {
    const ids = new Set(offerings.map((offering) => offering.id));
    const courseList = (await courses.store.listCourses({ offeringIds: [...ids] })).map((item) => item.course);
    const today = copenhagenDate(now());
    const peerMeetings = peer ? await peer.peerMeetingsBetween(addDays(today, -feedHorizon.daysBack), addDays(today, feedHorizon.daysAhead), [...ids]) : [];
    return presentCalendar({ name, description, offerings, courses: courseList, peerMeetings, now: now(), baseUrl });
  };

  app.get('/tilbud/:slugOrId/kalender.ics', async (c) => {
    const parsed = slugOrIdSchema.safeParse(c.req.param('slugOrId'));
    if (!parsed.success) throw offeringNotFound();
    const key = parsed.data.toLowerCase();
    const items = await all();
    const offering = items.find((item) => item.slug === key) ?? items.find((item) => item.id.toLowerCase() === key);
    if (!offering) throw offeringNotFound();
    if (parsed.data !== offering.slug) {
      return c.redirect(`/tilbud/${encodeURIComponent(offering.slug)}/kalender.ics`, 301);
    }
    return calendarResponse(c, await feed(offering.name, about, [offering]), `${offering.slug}.ics`);
  });

  app.get('/centre/:centreSlug/kalender.ics', async (c) => {
    const parsed = slugOrIdSchema.safeParse(c.req.param('centreSlug'));
    if (!parsed.success) throw centreNotFound();
    const key = parsed.data.toLowerCase();
    const { items: organizations } = await range.findOrganizations({}, 'all');
    const centre = organizations.find((item) => item.kind === 'centre' && item.slug === key);
    if (!centre) throw centreNotFound();
    // The same offerings the finder's centre filter shows: the centre's own and those it also serves.
    const offerings = (await all()).filter((item) =>
      [item.centre, ...item.alsoServes].some((organization) => organization?.id === centre.id),
    );
    return calendarResponse(c, await feed(centre.name, about, offerings), `${centre.slug}.ics`);
  });

  app.get('/kalender.ics', async (c) => {
    const body = await feed('Aktivitets- og samværstilbud i København', about, await all());
    return calendarResponse(c, body, 'tilbudsvifte.ics');
  });

  return app;
}
