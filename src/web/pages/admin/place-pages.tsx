import type { Child } from 'hono/jsx';
import type { PlaceForEdit, StoredRoom } from '../../../app/edit-place.ts';
import { type AccessFact, accessFacts, changedPlaceFields, type PlaceDetails, type PlaceField, placeFieldLabels } from '../../../domain/place.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { AccessInfo } from '../../components/access-info.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../components/form.tsx';
import { StructuredList } from '../../components/structured-list.tsx';

type SignedIn = { name: string; csrfToken: string };
type OfferingRef = { slug: string; name: string };
type Problem = { field: string; message: string };
type District = { id: string; name: string };

const placesHref = (offering: OfferingRef) => `/admin/tilbud/${offering.slug}/steder`;
const placeHref = (offering: OfferingRef, locationId: string) => `${placesHref(offering)}/${locationId}`;

const precisionWords: Record<PlaceForEdit['point']['precision'], string> = {
  address: 'Slået op ved indgangen.',
  approximate: 'Omtrentligt, i gadeniveau; kan ligge et par hundrede meter ved siden af.',
  none: 'Intet kortpunkt: stedet kommer ikke med, når nogen søger efter steder tæt på en adresse.',
};

const answerWords = (value: boolean | null) => (value === null ? 'Ikke oplyst' : value ? 'Ja' : 'Nej');

/** A place's field as text, for comparing two versions. */
function fieldText(details: PlaceDetails, field: PlaceField, districts: readonly District[]): string {
  switch (field) {
    case 'kind':
      return details.kind === 'address' ? 'Fast adresse' : 'Et område, ingen fast adresse';
    case 'districtId':
      return districts.find((district) => district.id === details.districtId)?.name ?? '(ingen)';
    case 'isAddressPending':
      return details.isAddressPending ? 'Ja' : 'Nej';
    case 'accessDescription':
      return details.access.description || '(tom)';
    case 'accessUrl':
      return details.access.url || '(tom)';
    case 'stepFreeEntrance':
    case 'lift':
    case 'accessibleToilet':
    case 'hearingLoop':
      return answerWords(details.access[field]);
    default:
      return details[field] || '(tom)';
  }
}

function addressText(details: PlaceDetails): string {
  return details.kind === 'address' ? `${details.address1}, ${details.postalCode} ${details.city}` : details.areaDescription;
}

function ReadOnlyNote({ goesToReview }: { goesToReview: boolean }) {
  return (
    <Alert variant="info">
      {goesToReview
        ? 'Dine ændringer af dette tilbud skal godkendes af centret, og det kan steder og rum ikke endnu. Kontakt centret, hvis noget skal ændres.'
        : 'Du kan se, men ikke rette, dette tilbuds steder og rum. Kontakt centret, hvis noget skal ændres.'}
    </Alert>
  );
}

function Links({ offering }: { offering: OfferingRef }) {
  return (
    <ul class="nobullet-list">
      <li>
        <a href={`/admin/tilbud/${offering.slug}`}>Tilbage til {offering.name}</a>
      </li>
      <li>
        <a href={`/tilbud/${offering.slug}#adresse`}>Se den offentlige side</a>
      </li>
    </ul>
  );
}

function Checkbox(props: { id: string; name: string; label: Child; checked: boolean; hint?: string }) {
  return (
    <div class="form-group">
      <div class="form-group-checkbox">
        <input
          type="checkbox"
          class="form-checkbox"
          id={props.id}
          name={props.name}
          value="ja"
          checked={props.checked}
          aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        />
        <label class="form-label" for={props.id}>
          {props.label}
        </label>
        {props.hint && (
          <span class="form-hint" id={`${props.id}-hint`}>
            {props.hint}
          </span>
        )}
      </div>
    </div>
  );
}

/** DKFDS radio buttons; the first button carries the field's id, so the error summary can point at it. */
function Radios(props: { id: string; name: string; legend: string; hint?: string; error?: string | undefined; items: { value: string; label: string; checked: boolean }[] }) {
  const described = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={described}>
        <legend class="form-label">{props.legend}</legend>
        {props.hint && (
          <span class="form-hint" id={`${props.id}-hint`}>
            {props.hint}
          </span>
        )}
        {props.error && (
          <span class="form-error-message" id={`${props.id}-error`}>
            <span class="sr-only">Fejl: </span>
            {props.error}
          </span>
        )}
        {props.items.map((item, index) => (
          <div class="form-group-radio">
            <input type="radio" class="form-radio" id={index === 0 ? props.id : `${props.id}-${item.value || 'ukendt'}`} name={props.name} value={item.value} checked={item.checked} />
            <label class="form-label" for={index === 0 ? props.id : `${props.id}-${item.value || 'ukendt'}`}>
              {item.label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

const accessQuestions: Record<AccessFact, { legend: string; hint: string }> = {
  stepFreeEntrance: { legend: 'Er der en indgang uden trin?', hint: 'Også med rampe eller dørtelefon ved en anden dør.' },
  lift: { legend: 'Er der elevator til de rum, tilbuddet bruger?', hint: 'Svar ja, hvis alt foregår i stueplan.' },
  accessibleToilet: { legend: 'Er der et handicaptoilet?', hint: 'Et toilet med plads til en kørestol og håndtag ved siden af.' },
  hearingLoop: { legend: 'Er der teleslynge?', hint: 'Til høreapparater, i det rum hvor man mødes.' },
};

export type PlacesPageProps = {
  signedIn: SignedIn;
  offering: OfferingRef;
  places: PlaceForEdit[];
  districts: District[];
  canEdit: boolean;
  goesToReview: boolean;
  /** Just saved: the change to offer undo of, and where; a warning when the address was not found on the map. */
  saved: { auditId: string; locationId: string; warning: string | null } | null;
  undone: boolean;
  /** An undo refused because someone changed the rooms since. */
  undoConflict: boolean;
  /** The new-room form sent back, with its place and problems. */
  newRoom: { locationId: string; room: StoredRoom; problems: Problem[] } | null;
};

/** An offering's places: address, point, access information and rooms; the way to change each. */
export function PlacesPage(props: PlacesPageProps) {
  const { offering } = props;
  const editing = props.canEdit && !props.goesToReview;
  // Each place has its own form for a new room, so the fields' ids carry the place's number.
  const roomAt = (index: number, field: string) => `rum-${index + 1}-${field}`;
  const addingAt = props.places.findIndex((place) => place.locationId === props.newRoom?.locationId);
  const problems = (props.newRoom?.problems ?? []).map((item) => ({ field: roomAt(addingAt, item.field), message: item.message }));
  return (
    <AdminLayout title={`${problems.length ? 'Fejl: ' : ''}Steder og rum for ${offering.name}`} signedIn={props.signedIn}>
      <h1>Steder og rum for {offering.name}</h1>
      <Links offering={offering} />
      {props.saved && (
        <>
          <Alert variant="success">Gemt. Ændringen er synlig på den offentlige side nu.</Alert>
          {props.saved.warning && <Alert variant="warning">{props.saved.warning}</Alert>}
          <form method="post" action={`${placeHref(offering, props.saved.locationId)}/fortryd`}>
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="aendring" value={props.saved.auditId} />
            <Button variant="secondary">Fortryd ændringen</Button>
          </form>
        </>
      )}
      {props.undone && <Alert variant="success">Ændringen er fortrudt. Stedet og rummene er som før.</Alert>}
      {props.undoConflict && (
        <Alert variant="warning">En anden har ændret rummene siden, så ændringen er ikke fortrudt. Ret rummene herunder, hvis noget skal være som før.</Alert>
      )}
      {!editing && <ReadOnlyNote goesToReview={props.goesToReview} />}
      <ErrorSummary problems={problems} />
      {props.places.length === 0 && <p>Tilbuddet har ikke noget sted endnu.</p>}
      {props.places.map((place, index) => {
        const district = props.districts.find((item) => item.id === place.details.districtId)?.name;
        const adding = props.newRoom?.locationId === place.locationId ? props.newRoom : null;
        const problem = (field: string) => adding?.problems.find((item) => item.field === field)?.message;
        return (
          <section aria-labelledby={`sted-${place.locationId}`}>
            <h2 id={`sted-${place.locationId}`}>{place.details.name}</h2>
            {place.sharedWith.length > 0 && (
              <Alert variant="info">
                Stedet bruges også af {place.sharedWith.map((item) => item.name).join(' og ')}. En ændring af stedet gælder som udgangspunkt for alle.
              </Alert>
            )}
            <StructuredList
              rows={[
                { label: place.details.kind === 'address' ? 'Adresse' : 'Område', value: addressText(place.details) },
                ...(place.details.isAddressPending ? [{ label: 'Adressen', value: 'Søges stadig' }] : []),
                { label: 'Bydel', value: district ?? 'Ikke oplyst' },
                { label: 'Kortpunkt', value: place.details.kind === 'area' ? 'Et område har intet kortpunkt.' : precisionWords[place.point.precision] },
              ]}
            />
            <h3>Adgang for personer med handicap</h3>
            <AccessInfo access={place.details.access} locale="da" />
            {editing && (
              <p>
                <a class="button button-secondary" href={placeHref(offering, place.locationId)}>
                  Ret stedet og adgangsforholdene
                </a>
              </p>
            )}
            <h3>Rum</h3>
            {place.rooms.length === 0 ? (
              <p>Der er ingen rum registreret for {offering.name} her.</p>
            ) : (
              <ul class="nobullet-list">
                {place.rooms.map((room) => (
                  <li>
                    {editing ? <a href={`${placeHref(offering, place.locationId)}/rum/${room.id}`}>{room.name}</a> : room.name}
                    {room.isQuiet && ' (stille rum)'}
                    {room.description && ` – ${room.description}`}
                  </li>
                ))}
              </ul>
            )}
            {editing && (
              <form method="post" action={`${placeHref(offering, place.locationId)}/rum`} novalidate>
                <CsrfField token={props.signedIn.csrfToken} />
                <h4>Tilføj et rum på {place.details.name}</h4>
                <TextInput id={roomAt(index, 'name')} name="name" label="Rummets navn" hint="Fx «Stillerummet», «Første sal» eller et lånt lokale." value={adding?.room.name ?? ''} error={problem('name')} />
                <TextArea id={roomAt(index, 'description')} name="description" label="Beskrivelse (valgfri)" value={adding?.room.description ?? ''} error={problem('description')} rows={2} />
                <Checkbox id={roomAt(index, 'isQuiet')} name="isQuiet" label="Et stille rum, man kan trække sig tilbage til" checked={adding?.room.isQuiet ?? false} />
                <Button variant="secondary">Tilføj rummet</Button>
              </form>
            )}
          </section>
        );
      })}
    </AdminLayout>
  );
}

export type PlacePageProps = {
  signedIn: SignedIn;
  offering: OfferingRef;
  place: PlaceForEdit;
  districts: District[];
  /** What the form shows: the saved place, or what the person sent. */
  details: PlaceDetails;
  version: number;
  scope: 'all' | 'this' | null;
  /** The person may change the place for every offering there. */
  mayChangeForAll: boolean;
  problems: Problem[];
  /** The place as someone else saved it while this person was editing. */
  conflict: PlaceDetails | null;
  preview: boolean;
};

/** One place: its name, address or area, district and access information, with a preview before saving. */
export function PlacePage(props: PlacePageProps) {
  const { offering, place, details } = props;
  const problem = (field: string) => props.problems.find((item) => item.field === field)?.message;
  const differing = props.conflict ? changedPlaceFields(props.conflict, details) : [];
  const shared = place.sharedWith.length > 0;
  const others = place.sharedWith.map((item) => item.name).join(' og ');
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Ret stedet ${place.details.name}`} signedIn={props.signedIn}>
      <h1>Ret stedet {place.details.name}</h1>
      <ul class="nobullet-list">
        <li>
          <a href={placesHref(offering)}>Tilbage til steder og rum for {offering.name}</a>
        </li>
      </ul>
      {props.conflict && (
        <>
          <Alert variant="warning">
            En anden har gemt en ændring af stedet, mens du skrev. Intet er gået tabt: din version står i formularen nedenfor, og den gemte
            version står her ved siden af. Ret til, og gem igen, når du har valgt.
          </Alert>
          {differing.map((field) => (
            <div class="compare-versions">
              <div>
                <h2 class="h4">{placeFieldLabels[field]} – gemt af en anden</h2>
                <p class="preserve-lines">{fieldText(props.conflict!, field, props.districts)}</p>
              </div>
              <div>
                <h2 class="h4">{placeFieldLabels[field]} – din version</h2>
                <p class="preserve-lines">{fieldText(details, field, props.districts)}</p>
              </div>
            </div>
          ))}
        </>
      )}
      <ErrorSummary problems={props.problems} />
      {props.preview && props.problems.length === 0 && (
        <section class="admin-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Forhåndsvisning – ikke gemt</h2>
          <p>
            <strong>{details.name}</strong>
            <br />
            {addressText(details)}
            {details.kind === 'area' && details.isAddressPending && ' (adressen søges stadig)'}
          </p>
          <p>Bydel: {props.districts.find((item) => item.id === details.districtId)?.name ?? 'ikke oplyst'}</p>
          <h3>Adgang for dig med handicap</h3>
          <AccessInfo access={details.access} locale="da" />
          {shared && <p>{props.scope === 'this' ? `${others} beholder stedet, som det er.` : `Ændringen gælder også for ${others}.`}</p>}
          <p>Ser det rigtigt ud, så tryk «Gem» nedenfor. Er adressen ny, slår vi den op på kortet, når du gemmer.</p>
        </section>
      )}
      <form method="post" action={placeHref(offering, place.locationId)} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <input type="hidden" name="version" value={String(props.version)} />
        {shared && (
          <Radios
            id="scope"
            name="scope"
            legend="Hvem gælder ændringen for?"
            hint={`Stedet bruges også af ${others}.`}
            error={problem('scope')}
            items={[
              ...(props.mayChangeForAll ? [{ value: 'all', label: `Alle tilbud på stedet: ${offering.name} og ${others} (fx en rettet adresse eller ny elevator)`, checked: props.scope === 'all' }] : []),
              { value: 'this', label: `Kun ${offering.name}, som får sit eget sted (fx fordi tilbuddet er flyttet)`, checked: props.scope === 'this' },
            ]}
          />
        )}
        <TextInput id="name" name="name" label={placeFieldLabels.name} hint="Det navn, stedet står under på kortet og i listen. Ofte adressen." value={details.name} error={problem('name')} />
        <Radios
          id="kind"
          name="kind"
          legend="Har stedet en fast adresse?"
          error={problem('kind')}
          items={[
            { value: 'address', label: 'Ja, en fast adresse', checked: details.kind === 'address' },
            { value: 'area', label: 'Nej, et område (fx lånte lokaler), eller adressen søges stadig', checked: details.kind === 'area' },
          ]}
        />
        <fieldset>
          <legend class="h4">Fast adresse</legend>
          <TextInput id="address1" name="address1" label={placeFieldLabels.address1} value={details.address1} error={problem('address1')} autocomplete="address-line1" />
          <TextInput id="postalCode" name="postalCode" label={placeFieldLabels.postalCode} value={details.postalCode} error={problem('postalCode')} width="xs" autocomplete="postal-code" />
          <TextInput id="city" name="city" label={placeFieldLabels.city} value={details.city} error={problem('city')} autocomplete="address-level2" />
        </fieldset>
        <fieldset>
          <legend class="h4">Område uden fast adresse</legend>
          <TextArea
            id="areaDescription"
            name="areaDescription"
            label={placeFieldLabels.areaDescription}
            hint="Hvor finder man tilbuddet? Fx «Lånte lokaler rundt i Tingbjerg; ring og hør hvor»."
            value={details.areaDescription}
            error={problem('areaDescription')}
            rows={3}
          />
          <Checkbox id="isAddressPending" name="isAddressPending" label="Adressen søges stadig" hint="Sæt kryds, hvis tilbuddet skal have en fast adresse, men ikke har fundet den endnu." checked={details.isAddressPending} />
        </fieldset>
        <Select
          id="districtId"
          name="districtId"
          label={placeFieldLabels.districtId}
          error={problem('districtId')}
          options={[{ value: '', text: 'Ikke oplyst', selected: details.districtId === '' }, ...props.districts.map((district) => ({ value: district.id, text: district.name, selected: district.id === details.districtId }))]}
        />
        <h2>Adgang for personer med handicap</h2>
        <p>Det, en person i kørestol, med rollator eller med høreapparat har brug for at vide, før de kommer. Svar «Ikke oplyst», hvis du ikke ved det.</p>
        {accessFacts.map((fact) => (
          <Radios
            id={fact}
            name={fact}
            legend={accessQuestions[fact].legend}
            hint={accessQuestions[fact].hint}
            items={[
              { value: 'ja', label: 'Ja', checked: details.access[fact] === true },
              { value: 'nej', label: 'Nej', checked: details.access[fact] === false },
              { value: '', label: 'Ikke oplyst', checked: details.access[fact] === null },
            ]}
          />
        ))}
        <TextArea
          id="accessDescription"
          name="accessDescription"
          label={placeFieldLabels.accessDescription}
          hint="Fx hvor man ringer på, om døren er tung, eller om der er rampe på forespørgsel."
          value={details.access.description ?? ''}
          error={problem('accessDescription')}
          rows={3}
        />
        <TextInput id="accessUrl" name="accessUrl" label={placeFieldLabels.accessUrl} hint="En side med mere om adgangsforholdene (valgfri)." type="url" value={details.access.url ?? ''} error={problem('accessUrl')} />
        <div class="button-row">
          <Button>Gem</Button>
          <button type="submit" name="handling" value="forhaandsvis" class="button button-secondary">
            Forhåndsvis
          </button>
        </div>
      </form>
    </AdminLayout>
  );
}

export type RoomPageProps = {
  signedIn: SignedIn;
  offering: OfferingRef;
  place: { locationId: string; name: string };
  saved: StoredRoom;
  room: StoredRoom;
  readAt: string;
  problems: Problem[];
  conflict: StoredRoom | null;
};

/** One room: rename, describe, mark as quiet, or remove. */
export function RoomPage(props: RoomPageProps) {
  const { offering, room } = props;
  const problem = (field: string) => props.problems.find((item) => item.field === field)?.message;
  const action = `${placeHref(offering, props.place.locationId)}/rum/${props.saved.id}`;
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Rummet ${props.saved.name}`} signedIn={props.signedIn}>
      <h1>Rummet {props.saved.name}</h1>
      <ul class="nobullet-list">
        <li>
          <a href={placesHref(offering)}>Tilbage til steder og rum for {offering.name}</a>
        </li>
      </ul>
      <p>På stedet {props.place.name}.</p>
      {props.conflict && (
        <>
          <Alert variant="warning">
            En anden har gemt en ændring af rummet, mens du skrev. Intet er gået tabt: din version står i formularen, og den gemte version
            står her. Ret til, og gem igen.
          </Alert>
          <StructuredList
            rows={[
              { label: 'Navn – gemt af en anden', value: props.conflict.name },
              { label: 'Beskrivelse – gemt af en anden', value: props.conflict.description || '(tom)' },
              { label: 'Stille rum – gemt af en anden', value: props.conflict.isQuiet ? 'Ja' : 'Nej' },
            ]}
          />
        </>
      )}
      <ErrorSummary problems={props.problems} />
      <form method="post" action={action} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <input type="hidden" name="readAt" value={props.readAt} />
        <TextInput id="name" name="name" label="Rummets navn" value={room.name} error={problem('name')} />
        <TextArea id="description" name="description" label="Beskrivelse (valgfri)" value={room.description} error={problem('description')} rows={3} />
        <Checkbox id="isQuiet" name="isQuiet" label="Et stille rum, man kan trække sig tilbage til" checked={room.isQuiet} />
        <Button>Gem rummet</Button>
      </form>
      <h2>Fjern rummet</h2>
      <p>Aktiviteter peger på et sted, ikke på et rum, så ingen aktivitet bliver ændret. Du kan fortryde bagefter.</p>
      <form method="post" action={`${action}/fjern`} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <div class={problem('confirm') ? 'form-group form-error' : 'form-group'}>
          {problem('confirm') && (
            <span class="form-error-message" id="confirm-error">
              <span class="sr-only">Fejl: </span>
              {problem('confirm')}
            </span>
          )}
          <div class="form-group-checkbox">
            <input type="checkbox" class="form-checkbox" id="confirm" name="confirm" value="ja" aria-describedby={problem('confirm') ? 'confirm-error' : undefined} />
            <label class="form-label" for="confirm">
              Ja, fjern «{props.saved.name}»
            </label>
          </div>
        </div>
        <Button variant="secondary">Fjern rummet</Button>
      </form>
    </AdminLayout>
  );
}
