import { Hono } from 'hono';
import { type CalendarView, calendarReachDays, getCityCalendar, getCoordination } from '../app/get-city-calendar.ts';
import { addDays, copenhagenDate, formatDanishDate } from '../domain/time.ts';
import { CalendarPage, calendarParams } from '../web/pages/calendar-page.tsx';
import { CoordinationPage } from '../web/pages/coordination-page.tsx';
import type { FinderDeps } from './finder-request.ts';
import { parseFinderQuery, readDay } from './finder-query.ts';

/**
 * The day or week to show, read from `dato`: a date it cannot read, or one more than a year away, is
 * explained and today is shown instead.
 */
function readCalendarDate(value: string | undefined, today: string, notices: string[]): string {
  if (!value?.trim()) return today;
  const date = readDay(value.trim());
  if (date === null) {
    notices.push(`Vi kan ikke læse datoen «${value.trim().slice(0, 40)}», så vi viser i dag. Skriv den som 24-12-2026.`);
    return today;
  }
  if (date < addDays(today, -calendarReachDays) || date > addDays(today, calendarReachDays)) {
    notices.push(`Kalenderen går et år tilbage og et år frem. ${formatDanishDate(date)} er uden for, så vi viser i dag.`);
    return today;
  }
  return date;
}

/** /kalender (day and week) and /kalender/daekning (the coordination view): public, no JavaScript needed. */
export function calendarRoutes({ range, now }: Pick<FinderDeps, 'range' | 'now'>) {
  const app = new Hono();
  app.get('/kalender', async (c) => {
    const moment = now();
    const today = copenhagenDate(moment);
    const { criteria, notices } = parseFinderQuery(c.req.queries(), { today });
    const date = readCalendarDate(c.req.query(calendarParams.date), today, notices);
    const viewWord = c.req.query(calendarParams.view)?.trim() || 'dag';
    let view: CalendarView = 'dag';
    if (viewWord === 'uge') view = 'uge';
    else if (viewWord !== 'dag') notices.push(`Vi kender ikke visningen «${viewWord.slice(0, 40)}», så vi viser én dag.`);
    const calendar = await getCityCalendar({ range, criteria: { ...criteria, open: null }, now: moment, date, view });
    return c.html(<CalendarPage calendar={calendar} notices={notices} />);
  });
  app.get('/kalender/daekning', async (c) => {
    const moment = now();
    const today = copenhagenDate(moment);
    const { criteria, notices } = parseFinderQuery(c.req.queries(), { today });
    const date = readCalendarDate(c.req.query('dato'), today, notices);
    const coordination = await getCoordination({ range, criteria: { ...criteria, open: null }, now: moment, date });
    return c.html(<CoordinationPage coordination={coordination} notices={notices} />);
  });
  return app;
}
