import type { ChangeProblem, ChangeKind, NewHouse, ScenarioChange, ScenarioPlace } from '../../domain/planning/scenario.ts';
import { type Profile, profiles } from '../../domain/vocabulary.ts';
import type { Geocoder } from '../../geo/geocoder.ts';

/** The change form as typed: every field a string (checkboxes a list), kept whole when something is refused. */
export type ChangeForm = {
  kind: ChangeKind;
  on: string;
  rationale: string;
  offeringId: string;
  offeringIds: string[];
  successorId: string;
  name: string;
  address: string;
  district: string;
  profile: string;
  perWeek: string;
  hoursNote: string;
  appropriation: string;
  amountPerYear: string;
  fromYear: string;
  priceLevel: string;
};

export const changeKinds: readonly ChangeKind[] = ['close', 'merge', 'open', 'move', 'profile', 'hours'];

/** The kinds in the address (?art=luk …), Danish words. */
export const changeKindSlugs: Record<ChangeKind, string> = { close: 'luk', merge: 'saml', open: 'aabn', move: 'flyt', profile: 'profil', hours: 'tider' };

export function kindOfSlug(slug: string | undefined): ChangeKind | null {
  return (Object.entries(changeKindSlugs).find(([, value]) => value === slug)?.[0] as ChangeKind | undefined) ?? null;
}

export function emptyChangeForm(kind: ChangeKind, on: string): ChangeForm {
  return { kind, on, rationale: '', offeringId: '', offeringIds: [], successorId: '', name: '', address: '', district: '', profile: '', perWeek: '', hoursNote: '', appropriation: '', amountPerYear: '', fromYear: '', priceLevel: '' };
}

/** The form's fields out of a parsed body, each cut to a sane length. */
export function readChangeForm(kind: ChangeKind, body: Record<string, string | File | (string | File)[]>): ChangeForm {
  const text = (name: string, max = 200) => {
    const value = body[name];
    return typeof value === 'string' ? value.slice(0, max).trim() : '';
  };
  const list = (name: string) => {
    const value = body[name] ?? body[`${name}[]`];
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return values.filter((item): item is string => typeof item === 'string').slice(0, 40);
  };
  return {
    kind,
    on: text('on', 20),
    rationale: text('rationale', 4000),
    offeringId: text('offeringId', 60),
    offeringIds: list('offeringIds'),
    successorId: text('successorId', 60),
    name: text('name'),
    address: text('address'),
    district: text('district', 100),
    profile: text('profile', 20),
    perWeek: text('perWeek', 10),
    hoursNote: text('hoursNote', 1000),
    appropriation: text('appropriation', 10),
    amountPerYear: text('amountPerYear', 20),
    fromYear: text('fromYear', 10),
    priceLevel: text('priceLevel', 10),
  };
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/**
 * The form read into a change, or what is wrong with it in plain Danish, field by field. The address of a
 * new house or a move is looked up through the geocoder; the district is chosen from the range's districts.
 */
export async function changeFromForm(
  form: ChangeForm,
  context: { places: readonly ScenarioPlace[]; districts: readonly string[]; geocoder: Geocoder; newId: () => string },
): Promise<{ change: ScenarioChange; problems: [] } | { change: null; problems: ChangeProblem[] }> {
  const problems: ChangeProblem[] = [];
  // Closed places count as known: the domain's check says they are closed, in words, rather than "not found".
  const known = new Set(context.places.map((place) => place.offeringId));
  if (!isDate(form.on)) problems.push({ field: 'on', message: 'Skriv datoen, ændringen træder i kraft, fx 2027-03-01.' });
  if (form.rationale.length === 0) problems.push({ field: 'rationale', message: 'Skriv en begrundelse for ændringen, fx »Lokalerne er utidssvarende«.' });

  const budget = readBudget(form, problems);
  const place = (field: 'offeringId' | 'successorId', required: boolean) => {
    const id = form[field];
    if (!id) {
      if (required) problems.push({ field, message: 'Vælg et sted fra listen.' });
      return null;
    }
    if (!known.has(id)) {
      problems.push({ field, message: 'Stedet findes ikke i scenariets vifte. Vælg et sted fra listen.' });
      return null;
    }
    return id;
  };
  const profile = (required: boolean): Profile | null => {
    if (form.profile in profiles) return form.profile as Profile;
    if (required || form.profile) problems.push({ field: 'profile', message: 'Vælg en profil: socialt samvær, aktiviteter i det faglige spor eller begge dele.' });
    return null;
  };
  const district = () => {
    if (!form.district) return null;
    if (!context.districts.includes(form.district)) {
      problems.push({ field: 'district', message: 'Vælg en bydel fra listen.' });
      return null;
    }
    return form.district;
  };
  const locate = async (required: boolean) => {
    if (!form.address) {
      if (required) problems.push({ field: 'address', message: 'Skriv adressen, fx »Enghavevej 80, 2450 København SV«.' });
      return { address: null, lat: null, lon: null, approximate: true };
    }
    const outcome = await context.geocoder.search(form.address);
    if (outcome.status === 'found') {
      return { address: outcome.best.label, lat: outcome.best.latitude, lon: outcome.best.longitude, approximate: outcome.best.precision !== 'address' };
    }
    problems.push({ field: 'address', message: outcome.status === 'not_found' ? `${outcome.message} ${outcome.suggestion}` : outcome.message });
    return { address: null, lat: null, lon: null, approximate: true };
  };
  const house = async (targetGroups: string[]): Promise<NewHouse> => {
    if (form.name.length === 0) problems.push({ field: 'name', message: 'Skriv det nye steds navn, fx »Multihuset i Sydhavnen«.' });
    const located = await locate(false);
    return { offeringId: `ny-${context.newId()}`, slug: null, name: form.name, ...located, district: district(), profile: profile(true), targetGroups };
  };

  const base = { id: context.newId(), on: form.on, rationale: form.rationale, budget };
  let change: ScenarioChange | null = null;
  switch (form.kind) {
    case 'close': {
      const offeringId = place('offeringId', true);
      const successorId = place('successorId', false);
      if (offeringId && successorId === offeringId) problems.push({ field: 'successorId', message: 'Brugerne kan ikke henvises til det sted, der lukker. Vælg et andet sted, eller lad feltet stå tomt.' });
      if (offeringId) change = { ...base, kind: 'close', offeringId, successorId };
      break;
    }
    case 'merge': {
      if (form.offeringIds.length === 0) problems.push({ field: 'offeringIds', message: 'Vælg de steder, der skal lægges sammen i det nye hus.' });
      const unknown = form.offeringIds.filter((id) => !known.has(id));
      if (unknown.length) problems.push({ field: 'offeringIds', message: 'Et af stederne findes ikke i scenariets vifte. Vælg fra listen.' });
      const groups = [...new Set(context.places.filter((item) => form.offeringIds.includes(item.offeringId)).flatMap((item) => item.targetGroups))];
      change = { ...base, kind: 'merge', offeringIds: form.offeringIds, into: await house(groups) };
      break;
    }
    case 'open':
      change = { ...base, kind: 'open', house: await house([]) };
      break;
    case 'move': {
      const offeringId = place('offeringId', true);
      const located = await locate(true);
      const chosen = district();
      if (offeringId && located.address) change = { ...base, kind: 'move', offeringId, address: located.address, lat: located.lat, lon: located.lon, approximate: located.approximate, district: chosen };
      break;
    }
    case 'profile': {
      const offeringId = place('offeringId', true);
      const chosen = profile(true);
      if (offeringId && chosen) change = { ...base, kind: 'profile', offeringId, profile: chosen };
      break;
    }
    case 'hours': {
      const offeringId = place('offeringId', true);
      let perWeek: number | null = null;
      if (form.perWeek) {
        perWeek = Number(form.perWeek.replace(',', '.'));
        if (!Number.isFinite(perWeek) || perWeek < 0 || perWeek > 168) {
          problems.push({ field: 'perWeek', message: 'Skriv timer om ugen som et tal fra 0 til 168, fx 24.' });
          perWeek = null;
        }
      }
      if (form.hoursNote.length === 0) problems.push({ field: 'hoursNote', message: 'Skriv de nye åbningstider i ord, fx »Tirsdag og torsdag 10–16«.' });
      if (offeringId) change = { ...base, kind: 'hours', offeringId, perWeek, note: form.hoursNote };
      break;
    }
  }
  if (problems.length || !change) return { change: null, problems: problems.length ? problems : [{ field: 'offeringId', message: 'Vælg et sted fra listen.' }] };
  return { change, problems: [] };
}

/** The optional budget effect: all four fields or none. */
function readBudget(form: ChangeForm, problems: ChangeProblem[]): ScenarioChange['budget'] {
  const any = form.appropriation || form.amountPerYear || form.fromYear || form.priceLevel;
  if (!any) return null;
  const before = problems.length;
  if (!/^\d{4}$/.test(form.appropriation)) problems.push({ field: 'appropriation', message: 'Bevillingen er et nummer på fire cifre, fx 1613.' });
  const amount = Number(form.amountPerYear.replaceAll('.', '').replace(/\s/g, '').replace('−', '-'));
  if (!/^-?[\d.\s]+$/.test(form.amountPerYear.replace('−', '-')) || !Number.isInteger(amount) || Math.abs(amount) > 10_000_000) {
    problems.push({ field: 'amountPerYear', message: 'Skriv beløbet i hele 1.000 kr. om året, fx -3400 for en besparelse på 3,4 mio. kr.' });
  }
  if (!/^\d{4}$/.test(form.fromYear) || Number(form.fromYear) < 2000 || Number(form.fromYear) > 2100) problems.push({ field: 'fromYear', message: 'Skriv det første år, beløbet gælder, fx 2027.' });
  if (form.priceLevel && !/^\d{4}$/.test(form.priceLevel)) problems.push({ field: 'priceLevel', message: 'Prisniveauet er et årstal, fx 2026. Lad feltet stå tomt for det første års priser.' });
  if (problems.length > before) return null;
  return { appropriation: form.appropriation, amountPerYear: amount, fromYear: Number(form.fromYear), priceLevel: form.priceLevel || form.fromYear };
}
