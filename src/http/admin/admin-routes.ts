import { Hono } from 'hono';
import type { Action } from '../../domain/access/policy.ts';
import type { Geocoder } from '../../geo/geocoder.ts';
import { accessRoutes, accessLimits } from './access-routes.tsx';
import { accountRoutes } from './account-routes.tsx';
import { backOfficeRoutes } from './back-office-routes.tsx';
import { adminBudgetRoutes } from './budget-routes.tsx';
import { countRoutes } from './count-routes.tsx';
import { cityCouncilRoutes, offeringCouncilRoutes } from './council-routes.tsx';
import { fundAdminRoutes } from './fund-routes.tsx';
import { userJobAdminRoutes } from './user-job-routes.tsx';
import { volunteerAdminRoutes } from './volunteer-routes.tsx';
import { friendAdminRoutes } from './friend-routes.tsx';
import { userMeetingAdminRoutes } from './user-meeting-routes.tsx';
import { peerAdminRoutes } from './peer-routes.tsx';
import { gloriaAdminRoutes } from './gloria-routes.tsx';
import { courseOverviewRoutes, courseRoutes } from './course-routes.tsx';
import { figuresRoutes } from './figures-routes.tsx';
import { type AdminDeps, type AdminEnv, loadSession } from './guard.ts';
import { placeRoutes } from './place-routes.tsx';
import { letterAdminRoutes } from './letter-routes.tsx';
import { planningAdminRoutes } from './planning-routes.tsx';
import { referralRoutes } from './referral-routes.tsx';
import { scheduleRoutes } from './schedule-routes.tsx';
import { ssoRoutes } from './sso-routes.tsx';

/**
 * Every route under /admin and what it takes: 'anyone' (the sign-in pages), 'signed in' (any session),
 * or an action of the access policies checked against the route's resource. A test walks this table
 * for every role and checks it against the routes the app really has.
 */
export const adminRoutePolicies: readonly { method: 'GET' | 'POST'; path: string; requires: 'anyone' | 'signed in' | Action }[] = [
  { method: 'GET', path: '/admin/log-ind', requires: 'anyone' },
  { method: 'POST', path: '/admin/log-ind', requires: 'anyone' },
  { method: 'GET', path: '/admin/glemt-adgangskode', requires: 'anyone' },
  { method: 'POST', path: '/admin/glemt-adgangskode', requires: 'anyone' },
  { method: 'GET', path: '/admin/adgangskode/:token', requires: 'anyone' },
  { method: 'POST', path: '/admin/adgangskode/:token', requires: 'anyone' },
  { method: 'GET', path: '/admin/sso', requires: 'anyone' },
  { method: 'GET', path: '/admin/sso/callback', requires: 'anyone' },
  { method: 'POST', path: '/admin/log-ud', requires: 'signed in' },
  { method: 'POST', path: '/admin/log-ud-overalt', requires: 'signed in' },
  { method: 'GET', path: '/admin', requires: 'admin.enter' },
  { method: 'GET', path: '/admin/tilbud/:slug', requires: 'offering.view' },
  { method: 'POST', path: '/admin/tilbud/:slug', requires: 'offering.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/fortryd', requires: 'offering.edit' },
  { method: 'GET', path: '/admin/tilbud/:slug/historik', requires: 'offering.history' },
  { method: 'POST', path: '/admin/tilbud/:slug/gendan', requires: 'offering.edit' },
  { method: 'GET', path: '/admin/tilbud/:slug/status', requires: 'offering.view' },
  { method: 'POST', path: '/admin/tilbud/:slug/status', requires: 'offering.status' },
  { method: 'POST', path: '/admin/tilbud/:slug/status/fjern', requires: 'offering.status' },
  // Hours and activities: a person whose edits wait for review proposes instead of saving (ADR 022).
  { method: 'GET', path: '/admin/tilbud/:slug/aabningstider', requires: 'offering.view' },
  { method: 'POST', path: '/admin/tilbud/:slug/aabningstider', requires: 'offering.edit' },
  { method: 'GET', path: '/admin/tilbud/:slug/aktiviteter', requires: 'offering.view' },
  { method: 'GET', path: '/admin/tilbud/:slug/aktiviteter/ny', requires: 'offering.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/aktiviteter/ny', requires: 'offering.edit' },
  { method: 'GET', path: '/admin/tilbud/:slug/aktiviteter/:activity', requires: 'offering.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/aktiviteter/:activity', requires: 'offering.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/aktiviteter/:activity/aflys', requires: 'offering.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/aktiviteter/:activity/fjern', requires: 'offering.edit' },
  // Places, access information and rooms (ADR 019): changing them is also refused for a person whose edits wait for review.
  { method: 'GET', path: '/admin/tilbud/:slug/steder', requires: 'offering.view' },
  { method: 'GET', path: '/admin/tilbud/:slug/steder/:location', requires: 'offering.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/steder/:location', requires: 'offering.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/steder/:location/fortryd', requires: 'offering.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/steder/:location/rum', requires: 'offering.edit' },
  { method: 'GET', path: '/admin/tilbud/:slug/steder/:location/rum/:room', requires: 'offering.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/steder/:location/rum/:room', requires: 'offering.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/steder/:location/rum/:room/fjern', requires: 'offering.edit' },
  // The person who proposed a change may also read it; undo and restore are refused for a person whose edits wait for review.
  { method: 'GET', path: '/admin/tilbud/:slug/tider/forslag/:id', requires: 'review.decide' },
  { method: 'POST', path: '/admin/tilbud/:slug/tider/forslag/:id', requires: 'review.decide' },
  { method: 'POST', path: '/admin/tilbud/:slug/tider/fortryd', requires: 'offering.edit' },
  { method: 'GET', path: '/admin/tilbud/:slug/tider/historik', requires: 'offering.history' },
  { method: 'POST', path: '/admin/tilbud/:slug/tider/gendan', requires: 'offering.edit' },
  // The list is filtered by review.decide per offering; a person with no decisions to make sees none.
  { method: 'GET', path: '/admin/godkendelser', requires: 'admin.enter' },
  { method: 'GET', path: '/admin/godkendelser/:id', requires: 'review.decide' },
  { method: 'POST', path: '/admin/godkendelser/:id', requires: 'review.decide' },
  { method: 'POST', path: '/admin/tilbud/:slug/bekraeft', requires: 'offering.verify' },
  // The overviews are open to every role and list only what the person's grants cover.
  { method: 'GET', path: '/admin/forfald', requires: 'admin.enter' },
  { method: 'GET', path: '/admin/opgaver', requires: 'admin.enter' },
  { method: 'GET', path: '/admin/opgaver/:id', requires: 'correction.read' },
  { method: 'POST', path: '/admin/opgaver/:id', requires: 'correction.close' },
  { method: 'GET', path: '/admin/revision', requires: 'audit.read' },
  { method: 'GET', path: '/admin/drift', requires: 'operations.read' },
  { method: 'GET', path: '/admin/konti', requires: 'account.manage' },
  { method: 'POST', path: '/admin/konti', requires: 'account.manage' },
  { method: 'GET', path: '/admin/konti/:id', requires: 'account.manage' },
  { method: 'POST', path: '/admin/konti/:id/rolle', requires: 'account.manage' },
  { method: 'POST', path: '/admin/konti/:id/rolle/fjern', requires: 'account.manage' },
  { method: 'POST', path: '/admin/konti/:id/link', requires: 'account.manage' },
  { method: 'POST', path: '/admin/konti/:id/luk', requires: 'account.manage' },
  { method: 'POST', path: '/admin/konti/:id/aabn', requires: 'account.manage' },
  // Referrals (ADR 025). The own list and the form are open to every role: the list holds only the person's
  // own referrals, the form only the courses `course.refer` lets them refer to, and sending it checks
  // `course.refer` on the chosen course's running offering (403 otherwise).
  { method: 'GET', path: '/admin/henvisninger', requires: 'admin.enter' },
  { method: 'GET', path: '/admin/henvisninger/ny', requires: 'admin.enter' },
  { method: 'POST', path: '/admin/henvisninger/ny', requires: 'admin.enter' },
  // One referral: the running offering's staff, or its referrer (canSeeReferral); only the staff move it on.
  { method: 'GET', path: '/admin/henvisninger/:id', requires: 'course.participants' },
  { method: 'POST', path: '/admin/henvisninger/:id', requires: 'course.participants' },
  { method: 'GET', path: '/admin/tilbud/:slug/henvisninger', requires: 'course.participants' },
  // Courses (ADR 024): the list and figures for every range role the grant covers, editing for those who
  // answer for the offering, names (list, attendance, ratings) only for the running offering's own staff.
  { method: 'GET', path: '/admin/tilbud/:slug/forloeb', requires: 'course.stats' },
  { method: 'GET', path: '/admin/tilbud/:slug/forloeb/nyt', requires: 'course.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/forloeb/nyt', requires: 'course.edit' },
  { method: 'GET', path: '/admin/tilbud/:slug/forloeb/:course', requires: 'course.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/forloeb/:course', requires: 'course.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/forloeb/:course/aflys', requires: 'course.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/forloeb/:course/moeder', requires: 'course.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/forloeb/:course/moeder/:session', requires: 'course.edit' },
  { method: 'POST', path: '/admin/tilbud/:slug/forloeb/:course/moeder/:session/aflys', requires: 'course.edit' },
  { method: 'GET', path: '/admin/tilbud/:slug/forloeb/:course/deltagere', requires: 'course.participants' },
  { method: 'POST', path: '/admin/tilbud/:slug/forloeb/:course/deltagere/:participant/fjern', requires: 'course.participants' },
  { method: 'GET', path: '/admin/tilbud/:slug/forloeb/:course/moeder/:session/fremmoede', requires: 'course.participants' },
  { method: 'POST', path: '/admin/tilbud/:slug/forloeb/:course/moeder/:session/fremmoede', requires: 'course.participants' },
  { method: 'GET', path: '/admin/tilbud/:slug/forloeb/:course/deltagere/:participant/vurdering', requires: 'course.participants' },
  { method: 'POST', path: '/admin/tilbud/:slug/forloeb/:course/deltagere/:participant/vurdering', requires: 'course.participants' },
  { method: 'GET', path: '/admin/tilbud/:slug/forloeb/:course/tal', requires: 'course.stats' },
  // Open to every role; lists the courses whose offerings the person's grants give figures for.
  { method: 'GET', path: '/admin/forloeb/tal', requires: 'admin.enter' },
  // Visitor tallies (ADR 026): figures for every range role the grant covers; counting for those who answer for the place.
  { method: 'GET', path: '/admin/tilbud/:slug/optaelling', requires: 'count.read' },
  { method: 'POST', path: '/admin/tilbud/:slug/optaelling', requires: 'count.register' },
  { method: 'POST', path: '/admin/tilbud/:slug/optaelling/maaned', requires: 'count.confirm' },
  // ADR 028: member cards and how the place counts, for the same people who count.
  { method: 'POST', path: '/admin/tilbud/:slug/optaelling/medlem', requires: 'count.register' },
  { method: 'GET', path: '/admin/tilbud/:slug/optaelling/indstillinger', requires: 'count.register' },
  { method: 'POST', path: '/admin/tilbud/:slug/optaelling/indstillinger', requires: 'count.register' },
  { method: 'GET', path: '/admin/tilbud/:slug/optaelling/:tally/ret', requires: 'count.register' },
  { method: 'POST', path: '/admin/tilbud/:slug/optaelling/:tally/ret', requires: 'count.register' },
  // Budgets (ADR 032): every range role reads them (they are public too); planners record transfers.
  { method: 'GET', path: '/admin/planlaegning/budget', requires: 'budget.read' },
  { method: 'POST', path: '/admin/planlaegning/budget/overfoersler', requires: 'budget.edit' },
  // Reports on use (ADR 029): open to every role, holding only the offerings 'count.read' allows the person.
  { method: 'GET', path: '/admin/tal', requires: 'admin.enter' },
  { method: 'GET', path: '/admin/tal/eksport.csv', requires: 'admin.enter' },
  { method: 'GET', path: '/admin/tal/eksport.xlsx', requires: 'admin.enter' },
  // Planning scenarios (ADR 030): about the whole range, so a scoped role's grant does not narrow them.
  { method: 'GET', path: '/admin/planlaegning', requires: 'planning.read' },
  { method: 'POST', path: '/admin/planlaegning', requires: 'planning.edit' },
  { method: 'GET', path: '/admin/planlaegning/:scenario', requires: 'planning.read' },
  { method: 'POST', path: '/admin/planlaegning/:scenario', requires: 'planning.edit' },
  { method: 'GET', path: '/admin/planlaegning/:scenario/aendring', requires: 'planning.edit' },
  { method: 'POST', path: '/admin/planlaegning/:scenario/aendring', requires: 'planning.edit' },
  { method: 'POST', path: '/admin/planlaegning/:scenario/aendring/:change/fjern', requires: 'planning.edit' },
  { method: 'POST', path: '/admin/planlaegning/:scenario/offentliggoer', requires: 'planning.edit' },
  { method: 'GET', path: '/admin/planlaegning/:scenario/kriterier', requires: 'planning.read' },
  { method: 'POST', path: '/admin/planlaegning/:scenario/kriterier', requires: 'planning.edit' },
  { method: 'GET', path: '/admin/planlaegning/:scenario/overgange', requires: 'planning.read' },
  { method: 'POST', path: '/admin/planlaegning/:scenario/overgange', requires: 'planning.edit' },
  { method: 'GET', path: '/admin/planlaegning/:scenario/rapport', requires: 'planning.read' },
  // The correspondence log (ADR 035): read with 'planning.read'; written, and the senders seen, with 'planning.edit'.
  { method: 'GET', path: '/admin/planlaegning/breve', requires: 'planning.read' },
  { method: 'POST', path: '/admin/planlaegning/breve', requires: 'planning.edit' },
  { method: 'GET', path: '/admin/planlaegning/breve/:letter', requires: 'planning.read' },
  { method: 'POST', path: '/admin/planlaegning/breve/:letter/svar', requires: 'planning.edit' },
  // A hearing's responses name their senders: reading them takes 'planning.edit', like registering them.
  { method: 'GET', path: '/admin/planlaegning/:scenario/hoering', requires: 'planning.edit' },
  { method: 'POST', path: '/admin/planlaegning/:scenario/hoering', requires: 'planning.edit' },
  { method: 'POST', path: '/admin/planlaegning/:scenario/hoering/svar', requires: 'planning.edit' },
  // Councils (ADR 033): an offering's with 'council.manage', the city-wide ones with 'council.city'. The person is
  // authorised before the council is looked up.
  { method: 'GET', path: '/admin/tilbud/:slug/raad', requires: 'council.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/raad', requires: 'council.manage' },
  { method: 'GET', path: '/admin/tilbud/:slug/raad/:council', requires: 'council.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/raad/:council/medlemmer', requires: 'council.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/raad/:council/medlemmer/:member/traek-tilbage', requires: 'council.manage' },
  { method: 'GET', path: '/admin/tilbud/:slug/raad/:council/nyt-moede', requires: 'council.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/raad/:council/nyt-moede', requires: 'council.manage' },
  { method: 'GET', path: '/admin/tilbud/:slug/raad/:council/moeder/:meeting', requires: 'council.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/raad/:council/moeder/:meeting', requires: 'council.manage' },
  { method: 'GET', path: '/admin/tilbud/:slug/raad/:council/moeder/:meeting/slet', requires: 'council.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/raad/:council/moeder/:meeting/slet', requires: 'council.manage' },
  { method: 'GET', path: '/admin/raad', requires: 'council.city' },
  { method: 'POST', path: '/admin/raad', requires: 'council.city' },
  { method: 'GET', path: '/admin/raad/:council', requires: 'council.city' },
  { method: 'POST', path: '/admin/raad/:council/medlemmer', requires: 'council.city' },
  { method: 'POST', path: '/admin/raad/:council/medlemmer/:member/traek-tilbage', requires: 'council.city' },
  { method: 'GET', path: '/admin/raad/:council/nyt-moede', requires: 'council.city' },
  { method: 'POST', path: '/admin/raad/:council/nyt-moede', requires: 'council.city' },
  { method: 'GET', path: '/admin/raad/:council/moeder/:meeting', requires: 'council.city' },
  { method: 'POST', path: '/admin/raad/:council/moeder/:meeting', requires: 'council.city' },
  { method: 'GET', path: '/admin/raad/:council/moeder/:meeting/slet', requires: 'council.city' },
  { method: 'POST', path: '/admin/raad/:council/moeder/:meeting/slet', requires: 'council.city' },
  // The user fund (ADR 033): the pools with 'fund.manage'; an offering's voting codes with 'fund.codes'.
  { method: 'GET', path: '/admin/pulje', requires: 'fund.manage' },
  { method: 'POST', path: '/admin/pulje', requires: 'fund.manage' },
  { method: 'GET', path: '/admin/pulje/:round', requires: 'fund.manage' },
  { method: 'POST', path: '/admin/pulje/:round/fase', requires: 'fund.manage' },
  { method: 'POST', path: '/admin/pulje/:round/forslag/:proposal/gennemgang', requires: 'fund.manage' },
  { method: 'POST', path: '/admin/pulje/:round/forslag/:proposal/bevilling', requires: 'fund.manage' },
  { method: 'GET', path: '/admin/tilbud/:slug/pulje', requires: 'fund.codes' },
  { method: 'POST', path: '/admin/tilbud/:slug/pulje', requires: 'fund.codes' },
  // User jobs (ADR 033): the jobs and who holds them, for those who answer for the offering.
  { method: 'GET', path: '/admin/tilbud/:slug/brugerjob', requires: 'userjob.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/brugerjob', requires: 'userjob.manage' },
  { method: 'GET', path: '/admin/tilbud/:slug/brugerjob/:job', requires: 'userjob.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/brugerjob/:job/indehavere', requires: 'userjob.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/brugerjob/:job/indehavere/:holder/slut', requires: 'userjob.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/brugerjob/:job/ansoegninger/:application/besvaret', requires: 'userjob.manage' },
  { method: 'GET', path: '/admin/tilbud/:slug/brugerjob/:job/slet', requires: 'userjob.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/brugerjob/:job/slet', requires: 'userjob.manage' },
  // Volunteers (ADR 033): screening, training, insurance and assignments, for those who answer for the offering.
  { method: 'GET', path: '/admin/tilbud/:slug/frivillige', requires: 'volunteer.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/frivillige', requires: 'volunteer.manage' },
  { method: 'GET', path: '/admin/tilbud/:slug/frivillige/:volunteer', requires: 'volunteer.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/frivillige/:volunteer', requires: 'volunteer.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/frivillige/:volunteer/opgaver', requires: 'volunteer.manage' },
  // Network friends (ADR 033): kept by the same people as the volunteers.
  { method: 'GET', path: '/admin/tilbud/:slug/netvaerksvenner', requires: 'volunteer.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/netvaerksvenner', requires: 'volunteer.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/netvaerksvenner/:request/match', requires: 'volunteer.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/netvaerksvenner/venskab/:match/opfoelgning', requires: 'volunteer.manage' },
  { method: 'POST', path: '/admin/tilbud/:slug/netvaerksvenner/venskab/:match/afslut', requires: 'volunteer.manage' },
  // The annual city-wide user meeting (ADR 036): kept by those who keep the city-wide councils.
  { method: 'GET', path: '/admin/brugermoede', requires: 'council.city' },
  { method: 'POST', path: '/admin/brugermoede', requires: 'council.city' },
  { method: 'GET', path: '/admin/brugermoede/:meeting', requires: 'council.city' },
  { method: 'POST', path: '/admin/brugermoede/:meeting', requires: 'council.city' },
  { method: 'POST', path: '/admin/brugermoede/:meeting/tilmeldinger', requires: 'council.city' },
  { method: 'POST', path: '/admin/brugermoede/:meeting/tilmeldinger/:registration/afmeld', requires: 'council.city' },
  { method: 'POST', path: '/admin/brugermoede/:meeting/forslag', requires: 'council.city' },
  { method: 'POST', path: '/admin/brugermoede/:meeting/forslag/:proposal/stemmer', requires: 'council.city' },
  // Peer counsellors (ADR 036): a city-wide programme, kept by the same people.
  { method: 'GET', path: '/admin/peermedarbejdere', requires: 'council.city' },
  { method: 'POST', path: '/admin/peermedarbejdere', requires: 'council.city' },
  { method: 'GET', path: '/admin/peermedarbejdere/netvaerk', requires: 'council.city' },
  { method: 'GET', path: '/admin/peermedarbejdere/:cohort', requires: 'council.city' },
  { method: 'POST', path: '/admin/peermedarbejdere/:cohort/moduler', requires: 'council.city' },
  { method: 'POST', path: '/admin/peermedarbejdere/:cohort/moeder', requires: 'council.city' },
  { method: 'GET', path: '/admin/peermedarbejdere/:cohort/moeder/:session/fremmoede', requires: 'council.city' },
  { method: 'GET', path: '/admin/peermedarbejdere/:cohort/slet', requires: 'council.city' },
  { method: 'POST', path: '/admin/peermedarbejdere/:cohort/slet', requires: 'council.city' },
  { method: 'POST', path: '/admin/peermedarbejdere/:cohort/luk', requires: 'council.city' },
  { method: 'POST', path: '/admin/peermedarbejdere/:cohort/moeder/:session/fremmoede', requires: 'council.city' },
  { method: 'POST', path: '/admin/peermedarbejdere/:cohort/deltagere', requires: 'council.city' },
  { method: 'POST', path: '/admin/peermedarbejdere/:cohort/deltagere/:counsellor/fremmoede', requires: 'council.city' },
  { method: 'POST', path: '/admin/peermedarbejdere/:cohort/deltagere/:counsellor/certificer', requires: 'council.city' },
  { method: 'POST', path: '/admin/peermedarbejdere/:cohort/deltagere/:counsellor/opgaver', requires: 'council.city' },
  // Gloria (ADR 037): every range role may hold a team membership; the membership decides which texts and what step.
  { method: 'GET', path: '/admin/gloria', requires: 'gloria.write' },
  { method: 'GET', path: '/admin/gloria/ny', requires: 'gloria.write' },
  { method: 'POST', path: '/admin/gloria/ny', requires: 'gloria.write' },
  { method: 'GET', path: '/admin/gloria/gennemsyn', requires: 'gloria.publish' },
  { method: 'GET', path: '/admin/gloria/tekster/:article', requires: 'gloria.write' },
  { method: 'POST', path: '/admin/gloria/tekster/:article', requires: 'gloria.write' },
  { method: 'GET', path: '/admin/gloria/tekster/:article/billede', requires: 'gloria.write' },
  { method: 'POST', path: '/admin/gloria/tekster/:article/send', requires: 'gloria.write' },
  { method: 'POST', path: '/admin/gloria/tekster/:article/udgiv', requires: 'gloria.publish' },
  { method: 'POST', path: '/admin/gloria/tekster/:article/tilbage', requires: 'gloria.publish' },
  { method: 'POST', path: '/admin/gloria/tekster/:article/skjul', requires: 'gloria.publish' },
  { method: 'POST', path: '/admin/gloria/tekster/:article/samtykke', requires: 'gloria.write' },
  { method: 'POST', path: '/admin/gloria/tekster/:article/samtykke/traek-tilbage', requires: 'gloria.write' },
  { method: 'GET', path: '/admin/gloria/temaer', requires: 'gloria.write' },
  { method: 'POST', path: '/admin/gloria/temaer', requires: 'gloria.publish' },
  { method: 'GET', path: '/admin/gloria/temaer/:theme', requires: 'gloria.write' },
  { method: 'POST', path: '/admin/gloria/temaer/:theme', requires: 'gloria.publish' },
  { method: 'POST', path: '/admin/gloria/temaer/:theme/udgiv', requires: 'gloria.publish' },
  { method: 'POST', path: '/admin/gloria/temaer/:theme/skjul', requires: 'gloria.publish' },
  { method: 'GET', path: '/admin/gloria/redaktioner', requires: 'gloria.teams' },
  { method: 'POST', path: '/admin/gloria/redaktioner', requires: 'gloria.teams' },
  { method: 'POST', path: '/admin/gloria/redaktioner/:team/medlemmer', requires: 'gloria.teams' },
  { method: 'POST', path: '/admin/gloria/redaktioner/:team/medlemmer/:member/fjern', requires: 'gloria.teams' },
];

/**
 * The back office (ADR 012): the session behind the cookie for every request, then sign-in or the pages behind it.
 * The geocoder is the app's own: a changed address is looked up as the finder looks up what citizens type.
 */
export function adminRoutes(deps: AdminDeps, geocoder: Geocoder, limits = accessLimits()) {
  const app = new Hono<AdminEnv>();
  app.use('*', loadSession(deps));
  app.route('/', accessRoutes(deps, limits));
  app.route('/', ssoRoutes(deps));
  app.route('/', backOfficeRoutes(deps));
  app.route('/tilbud', scheduleRoutes(deps));
  app.route('/tilbud', placeRoutes(deps, geocoder));
  app.route('/', referralRoutes(deps));
  app.route('/tilbud', courseRoutes(deps));
  app.route('/tilbud', countRoutes(deps));
  app.route('/tilbud', offeringCouncilRoutes(deps));
  app.route('/', cityCouncilRoutes(deps));
  app.route('/', fundAdminRoutes(deps));
  app.route('/tilbud', userJobAdminRoutes(deps));
  app.route('/tilbud', volunteerAdminRoutes(deps));
  app.route('/tilbud', friendAdminRoutes(deps));
  app.route('/', userMeetingAdminRoutes(deps));
  app.route('/', peerAdminRoutes(deps));
  app.route('/', gloriaAdminRoutes(deps));
  app.route('/forloeb', courseOverviewRoutes(deps));
  app.route('/tal', figuresRoutes(deps));
  app.route('/konti', accountRoutes(deps));
  app.route('/planlaegning', adminBudgetRoutes(deps));
  app.route('/planlaegning', letterAdminRoutes(deps));
  app.route('/planlaegning', planningAdminRoutes(deps, geocoder));
  return app;
}
