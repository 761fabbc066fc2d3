import type { Context } from 'hono';
import { Hono } from 'hono';
import type { OfferingForEdit } from '../../app/edit-offering.ts';
import { editPlace, geocodeWarnings, type PlaceForEdit, type StoredRoom, undoPlaceChange } from '../../app/edit-place.ts';
import { editRooms, roomFingerprint, undoRoomChange } from '../../app/edit-rooms.ts';
import { ForbiddenError, NotFoundError } from '../../app/errors.ts';
import { can, editGoesToReview } from '../../domain/access/policy.ts';
import { type AccessFact, accessFacts, normalisePlace, type PlaceDetails, placeLimits, placeProblems, roomLimits } from '../../domain/place.ts';
import type { Geocoder } from '../../geo/geocoder.ts';
import { PlacePage, type PlacePageProps, PlacesPage, type PlacesPageProps, RoomPage } from '../../web/pages/admin/place-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

type Body = Record<string, unknown>;

const text = (body: Body, name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).trim().slice(0, max + 1) : '');
const answer = (body: Body, fact: AccessFact) => (body[fact] === 'ja' ? true : body[fact] === 'nej' ? false : null);

/** The place form as typed: texts trimmed (one character over a limit kept, so the limit is named), choices read. */
export function readPlaceForm(body: Body): { details: PlaceDetails; version: number; scope: 'all' | 'this' | null; preview: boolean } {
  const access = Object.fromEntries(accessFacts.map((fact) => [fact, answer(body, fact)])) as Record<AccessFact, boolean | null>;
  return {
    details: {
      kind: body.kind === 'area' ? 'area' : 'address',
      name: text(body, 'name', placeLimits.name),
      address1: text(body, 'address1', placeLimits.address1),
      postalCode: text(body, 'postalCode', 10),
      city: text(body, 'city', placeLimits.city),
      areaDescription: text(body, 'areaDescription', placeLimits.areaDescription),
      districtId: text(body, 'districtId', 40),
      isAddressPending: body.isAddressPending === 'ja',
      access: {
        ...access,
        description: text(body, 'accessDescription', placeLimits.accessDescription) || null,
        url: text(body, 'accessUrl', placeLimits.accessUrl) || null,
      },
    },
    version: Number(body.version),
    scope: body.scope === 'all' ? 'all' : body.scope === 'this' ? 'this' : null,
    preview: body.handling === 'forhaandsvis',
  };
}

const readRoom = (body: Body) => ({
  name: text(body, 'name', roomLimits.name),
  description: text(body, 'description', roomLimits.description),
  isQuiet: body.isQuiet === 'ja',
});

/**
 * /admin/tilbud/{slug}/steder: an offering's places, their access information and rooms (ADR 019).
 * Seeing takes 'offering.view'; changing takes 'offering.edit', and is refused for a person whose edits
 * wait for the centre's review, since places and rooms cannot be reviewed yet.
 */
export function placeRoutes(deps: AdminDeps, geocoder: Geocoder) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();

  const load = async (slug: string) => {
    const offering = /^[a-z0-9-]{1,120}$/.test(slug) ? await deps.backOffice.offeringForEdit(slug) : null;
    if (!offering) throw new NotFoundError('Tilbuddet findes ikke. Måske har det fået et nyt navn; se listen på forsiden.');
    return offering;
  };
  const goesToReview = (c: Context<AdminEnv>, offering: OfferingForEdit) => editGoesToReview(c.get('session')!.principal, offering, offering.operatorNeedsReview);
  /** The person may change this offering's places directly. */
  const editor = (c: Context<AdminEnv>, offering: OfferingForEdit) => {
    const session = authorize(c, 'offering.edit', offering);
    if (goesToReview(c, offering)) {
      throw new ForbiddenError(
        'Dine ændringer af dette tilbud skal godkendes af centret, og ændringer af steder og rum kan ikke sendes til godkendelse endnu. Kontakt centret, hvis stedet eller rummene skal ændres. Intet er gemt.',
      );
    }
    return session;
  };
  const actorOf = (c: Context<AdminEnv>) => {
    const principal = c.get('session')!.principal;
    return { id: principal.accountId, name: principal.name };
  };
  const placeOf = async (offering: OfferingForEdit, locationId: string) => {
    const place = /^[0-9a-f-]{36}$/.test(locationId) ? (await deps.places.placesOf(offering.id)).find((item) => item.locationId === locationId) : undefined;
    if (!place) throw new NotFoundError('Stedet findes ikke for dette tilbud. Måske er tilbuddet flyttet; se listen over tilbuddets steder.');
    return place;
  };
  /** Whether the person may change every offering at a shared place directly. */
  const mayChangeForAll = async (c: Context<AdminEnv>, place: PlaceForEdit) => {
    for (const other of place.sharedWith) {
      const offering = await deps.backOffice.offeringForEdit(other.slug);
      if (!offering || !can(c.get('session')!.principal, 'offering.edit', offering) || goesToReview(c, offering)) return false;
    }
    return true;
  };

  const placesPage = async (c: Context<AdminEnv>, offering: OfferingForEdit, props: Partial<PlacesPageProps>, status: 200 | 400 | 409 = 200) => {
    const session = c.get('session')!;
    const [places, districts] = await Promise.all([deps.places.placesOf(offering.id), deps.places.districts()]);
    return c.html(
      <PlacesPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={offering}
        places={places}
        districts={districts}
        canEdit={can(session.principal, 'offering.edit', offering)}
        goesToReview={goesToReview(c, offering)}
        saved={null}
        undone={false}
        undoConflict={false}
        newRoom={null}
        {...props}
      />,
      status,
    );
  };

  app.get('/:slug/steder', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'offering.view', offering);
    const auditId = c.req.query('gemt');
    const locationId = c.req.query('sted');
    const map = c.req.query('kort');
    const warning = map === 'ikke-fundet' ? geocodeWarnings.not_found : map === 'svarer-ikke' ? geocodeWarnings.unavailable : map === 'upraecis' ? geocodeWarnings.imprecise : null;
    const saved = auditId && /^\d{1,18}$/.test(auditId) && locationId && /^[0-9a-f-]{36}$/.test(locationId) ? { auditId, locationId, warning } : null;
    return placesPage(c, offering, { saved, undone: c.req.query('fortrudt') === '1' });
  });

  const placePage = async (c: Context<AdminEnv>, offering: OfferingForEdit, place: PlaceForEdit, props: Partial<PlacePageProps>, status: 200 | 400 | 409 = 200) => {
    const session = c.get('session')!;
    return c.html(
      <PlacePage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={offering}
        place={place}
        districts={await deps.places.districts()}
        details={place.details}
        version={place.version}
        scope={null}
        mayChangeForAll={await mayChangeForAll(c, place)}
        problems={[]}
        conflict={null}
        preview={false}
        {...props}
      />,
      status,
    );
  };

  app.get('/:slug/steder/:location', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
    return placePage(c, offering, await placeOf(offering, c.req.param('location')), {});
  });

  const geocodeWords = { imprecise: 'upraecis', not_found: 'ikke-fundet', unavailable: 'svarer-ikke' } as const;

  app.post('/:slug/steder/:location', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
    const place = await placeOf(offering, c.req.param('location'));
    const form = readPlaceForm(await c.req.parseBody());
    const version = Number.isInteger(form.version) ? form.version : place.version;
    const shown = { details: form.details, version, scope: form.scope };
    if (form.preview) {
      const districts = new Set((await deps.places.districts()).map((district) => district.id));
      const problems = placeProblems(normalisePlace(form.details), districts);
      return placePage(c, offering, place, { ...shown, problems, preview: true }, problems.length ? 400 : 200);
    }
    const outcome = await editPlace({
      store: deps.places,
      geocoder,
      offering,
      locationId: place.locationId,
      readVersion: version,
      details: form.details,
      scope: form.scope,
      mayChangeForAll: await mayChangeForAll(c, place),
      actor: actorOf(c),
      at: deps.access.now(),
      source: sourceOf(c),
    });
    const back = (auditId: string, locationId: string, note: string | null) => {
      const query = new URLSearchParams({ gemt: auditId, sted: locationId });
      if (note && note in geocodeWords) query.set('kort', geocodeWords[note as keyof typeof geocodeWords]);
      return c.redirect(`/admin/tilbud/${offering.slug}/steder?${query}`, 303);
    };
    switch (outcome.status) {
      case 'invalid':
        return placePage(c, offering, place, { ...shown, problems: outcome.problems }, 400);
      // Someone saved in between: keep what this person typed, show theirs, and let the next save be deliberate.
      case 'conflict':
        return placePage(c, offering, outcome.current, { ...shown, version: outcome.current.version, conflict: outcome.current.details }, 409);
      case 'not_found':
        throw new NotFoundError('Stedet findes ikke længere for dette tilbud.');
      case 'unchanged':
        return c.redirect(`/admin/tilbud/${offering.slug}/steder`, 303);
      case 'saved': {
        const moved = outcome.moved ? (await deps.places.savedChange(outcome.auditId))?.location : null;
        return back(outcome.auditId, moved ?? place.locationId, outcome.geocode);
      }
    }
  });

  app.post('/:slug/steder/:location/fortryd', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
    const body = await c.req.parseBody();
    const auditId = typeof body.aendring === 'string' ? body.aendring : '';
    const change = await deps.places.savedChange(auditId);
    if (!change || change.offeringId !== offering.id) throw new NotFoundError('Ændringen findes ikke, så der er intet at fortryde.');
    const common = { store: deps.places, offering, auditId, actor: actorOf(c), at: deps.access.now(), source: sourceOf(c) };
    if (change.action === 'place.edit' || change.action === 'place.move') {
      const outcome = await undoPlaceChange(common);
      if (outcome.status === 'not_found') throw new NotFoundError('Stedet findes ikke længere for dette tilbud, så der er intet at fortryde.');
      // Someone changed the place after this change: show theirs and the version to go back to; nothing is lost.
      if (outcome.status === 'conflict') {
        return placePage(c, offering, outcome.current, { details: outcome.wanted.details, version: outcome.current.version, conflict: outcome.current.details, scope: 'all' }, 409);
      }
      return c.redirect(`/admin/tilbud/${offering.slug}/steder?fortrudt=1`, 303);
    }
    const outcome = await undoRoomChange(common);
    if (outcome.status === 'not_found') throw new NotFoundError('Stedet findes ikke længere for dette tilbud, så der er intet at fortryde.');
    if (outcome.status === 'conflict') return placesPage(c, offering, { undoConflict: true }, 409);
    return c.redirect(`/admin/tilbud/${offering.slug}/steder?fortrudt=1`, 303);
  });

  const savedRoom = (auditId: string, offering: OfferingForEdit, locationId: string) =>
    `/admin/tilbud/${offering.slug}/steder?${new URLSearchParams({ gemt: auditId, sted: locationId })}`;

  app.post('/:slug/steder/:location/rum', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
    const place = await placeOf(offering, c.req.param('location'));
    const room = readRoom(await c.req.parseBody());
    const outcome = await editRooms({ store: deps.places, offering, locationId: place.locationId, change: { kind: 'add', room }, actor: actorOf(c), at: deps.access.now(), source: sourceOf(c) });
    if (outcome.status === 'invalid') return placesPage(c, offering, { newRoom: { locationId: place.locationId, room: { ...room, id: '' }, problems: outcome.problems } }, 400);
    if (outcome.status !== 'saved') throw new NotFoundError('Stedet findes ikke længere for dette tilbud.');
    return c.redirect(savedRoom(outcome.auditId, offering, place.locationId), 303);
  });

  /** The room the address names, or a 404 that says where to look. */
  const roomOf = (place: PlaceForEdit, id: string): StoredRoom => {
    const found = place.rooms.find((room) => room.id === id);
    if (!found) throw new NotFoundError('Rummet findes ikke. Måske er det fjernet; se listen over tilbuddets steder og rum.');
    return found;
  };
  const roomPage = (c: Context<AdminEnv>, offering: OfferingForEdit, place: PlaceForEdit, props: Omit<Parameters<typeof RoomPage>[0], 'signedIn' | 'offering' | 'place'>, status: 200 | 400 | 409 = 200) => {
    const session = c.get('session')!;
    return c.html(
      <RoomPage signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }} offering={offering} place={{ locationId: place.locationId, name: place.details.name }} {...props} />,
      status,
    );
  };

  app.get('/:slug/steder/:location/rum/:room', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
    const place = await placeOf(offering, c.req.param('location'));
    const room = roomOf(place, c.req.param('room'));
    return roomPage(c, offering, place, { saved: room, room, readAt: roomFingerprint(room), problems: [], conflict: null });
  });

  app.post('/:slug/steder/:location/rum/:room', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
    const place = await placeOf(offering, c.req.param('location'));
    const saved = roomOf(place, c.req.param('room'));
    const body = await c.req.parseBody();
    const room = readRoom(body);
    const readAt = typeof body.readAt === 'string' ? body.readAt : '';
    const outcome = await editRooms({
      store: deps.places,
      offering,
      locationId: place.locationId,
      change: { kind: 'edit', id: saved.id, room, readAt },
      actor: actorOf(c),
      at: deps.access.now(),
      source: sourceOf(c),
    });
    const shown = { saved, room: { ...room, id: saved.id }, readAt };
    switch (outcome.status) {
      case 'invalid':
        return roomPage(c, offering, place, { ...shown, problems: outcome.problems, conflict: null }, 400);
      case 'conflict':
        return roomPage(c, offering, place, { ...shown, saved: outcome.current, readAt: roomFingerprint(outcome.current), problems: [], conflict: outcome.current }, 409);
      case 'gone':
        return placesPage(
          c,
          offering,
          {
            newRoom: {
              locationId: place.locationId,
              room: { ...room, id: '' },
              problems: [{ field: 'name', message: 'En anden har fjernet rummet, mens du rettede. Din version står i formularen; tryk «Tilføj rummet» for at oprette det igen.' }],
            },
          },
          409,
        );
      case 'not_found':
        throw new NotFoundError('Stedet findes ikke længere for dette tilbud.');
      case 'unchanged':
        return c.redirect(`/admin/tilbud/${offering.slug}/steder`, 303);
      case 'saved':
        return c.redirect(savedRoom(outcome.auditId, offering, place.locationId), 303);
    }
  });

  app.post('/:slug/steder/:location/rum/:room/fjern', signedIn, async (c) => {
    const offering = await load(c.req.param('slug'));
    editor(c, offering);
    const place = await placeOf(offering, c.req.param('location'));
    const saved = roomOf(place, c.req.param('room'));
    const body = await c.req.parseBody();
    if (body.confirm !== 'ja') {
      const problems = [{ field: 'confirm', message: `Sæt kryds for at bekræfte, at «${saved.name}» skal fjernes. Intet er fjernet.` }];
      return roomPage(c, offering, place, { saved, room: saved, readAt: roomFingerprint(saved), problems, conflict: null }, 400);
    }
    const outcome = await editRooms({ store: deps.places, offering, locationId: place.locationId, change: { kind: 'remove', id: saved.id }, actor: actorOf(c), at: deps.access.now(), source: sourceOf(c) });
    if (outcome.status === 'saved') return c.redirect(savedRoom(outcome.auditId, offering, place.locationId), 303);
    if (outcome.status === 'gone') return c.redirect(`/admin/tilbud/${offering.slug}/steder`, 303);
    throw new NotFoundError('Stedet findes ikke længere for dette tilbud.');
  });

  return app;
}
