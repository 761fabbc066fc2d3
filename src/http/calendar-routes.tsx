import { Hono } from 'hono';
import type { CourseStore } from '../app/course-store.ts';
import type { PeerStore } from '../app/run-peer-counsellors.ts';
import { type CalendarView, calendarReachDays, getCityCalendar, getCoordination } from '../app/get-city-calendar.ts';
import { addDays, copenhagenDate, formatDate } from '../domain/time.ts';
import { type Locale, messages } from '../web/i18n/index.ts';
import { CalendarPage, calendarParams } from '../web/pages/calendar-page.tsx';
import { CoordinationPage } from '../web/pages/coordination-page.tsx';
import type { FinderDeps } from './finder-request.ts';
import { parseFinderQuery, readDay } from './finder-query.ts';
import { pageLanguage } from './page-language.ts';

/**
 * The day or week to show, read from `dato`: a date it cannot read, or one more than a year away, is
 * explained and today is shown instead.
 */
function readCalendarDate(value: string | undefined, today: string, notices: string[], locale: Locale): string {
  const say = messages[locale].calendarNotices;
  if (!value?.trim()) return today;
  const date = readDay(value.trim());
  if (date === null) {
    notices.push(say.unreadableDate(value.trim().slice(0, 40)));
    return today;
  }
  if (date < addDays(today, -calendarReachDays) || date > addDays(today, calendarReachDays)) {
    notices.push(say.outOfReach(formatDate(date, locale)));
    return today;
  }
  return date;
}

/** /kalender (day and week) and /kalender/daekning (the coordination view): public, no JavaScript needed. */
export function calendarRoutes({ range, now, courses, peer }: Pick<FinderDeps, 'range' | 'now'> & { courses: { store: CourseStore }; peer?: Pick<PeerStore, 'peerMeetingsBetween'> }, locale: Locale = 'da') {
  const app = new Hono();
  app.get('/kalender', async (c) => {
    const moment = now();
    const today = copenhagenDate(moment);
    const { criteria, notices } = parseFinderQuery(c.req.queries(), { today, locale });
    const date = readCalendarDate(c.req.query(calendarParams.date), today, notices, locale);
    const viewWord = c.req.query(calendarParams.view)?.trim() || 'dag';
    let view: CalendarView = 'dag';
    if (viewWord === 'uge') view = 'uge';
    else if (viewWord !== 'dag') notices.push(messages[locale].calendarNotices.unknownView(viewWord.slice(0, 40)));
    const calendar = await getCityCalendar({ range, courses: courses.store, peer, criteria: { ...criteria, open: null }, now: moment, date, view });
    return c.html(<CalendarPage calendar={calendar} notices={notices} {...pageLanguage(c, locale)} />);
  });
  app.get('/kalender/daekning', async (c) => {
    const moment = now();
    const today = copenhagenDate(moment);
    const { criteria, notices } = parseFinderQuery(c.req.queries(), { today, locale });
    const date = readCalendarDate(c.req.query('dato'), today, notices, locale);
    const coordination = await getCoordination({ range, criteria: { ...criteria, open: null }, now: moment, date });
    return c.html(<CoordinationPage coordination={coordination} notices={notices} {...pageLanguage(c, locale)} />);
  });
  return app;
}
