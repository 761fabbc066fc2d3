import type { PlanHours, ScenarioComparisonView, ScenarioSummary } from '../../../app/plan-scenarios.ts';
import type { TransitionPlan } from '../../../domain/planning/transition.ts';
import { type Hearing, type RegisteredResponse, type ResponseForm, senderKinds } from '../../../domain/planning/hearing.ts';
import { TransitionPlanView } from '../../components/transition-plan.tsx';
import { farKm, maxWeight, type PlaceCriteria, type Weights } from '../../../domain/planning/criteria.ts';
import { type ChangeKind, type ChangeProblem, changeKindLabels, type Scenario, type ScenarioPlace } from '../../../domain/planning/scenario.ts';
import { formatDanishDate } from '../../../domain/time.ts';
import { profiles } from '../../../domain/vocabulary.ts';
import { assetHref } from '../../../http/static-assets.ts';
import type { ChangeForm } from '../../../http/admin/scenario-form.ts';
import { changeKindSlugs, changeKinds } from '../../../http/admin/scenario-form.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../components/form.tsx';
import { ScenarioChangeList } from '../../components/scenario-changes.tsx';
import { ScenarioComparison } from '../../components/scenario-comparison.tsx';

type SignedIn = { name: string; csrfToken: string };

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' });
const stateWords = { draft: 'Kladde', published: 'Offentliggjort' } as const;
const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

const errorOf = (problems: readonly ChangeProblem[], field: string) => problems.find((problem) => problem.field === field)?.message;

/** /admin/planlaegning: every scenario, drafts and published, and a new one. */
export function PlanningListPage(props: {
  signedIn: SignedIn;
  scenarios: ScenarioSummary[];
  canEdit: boolean;
  form: { title: string; summary: string; startsOn: string };
  problems: ChangeProblem[];
}) {
  const error = (field: string) => errorOf(props.problems, field);
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Planlægning`} signedIn={props.signedIn}>
      <h1>Planlægning af tilbudsviften</h1>
      <p>
        Et scenarie tager udgangspunkt i viften på en valgt dato og lægger daterede ændringer til, hver med en begrundelse. En kladde ses kun her; et
        offentliggjort scenarie kan ikke ændres og kan læses af alle på <a href="/planlaegning">/planlaegning</a>.
      </p>
      <p>
        <a href="/admin/planlaegning/breve">Breve og henvendelser: loggen over breve, sagsnumre og svar</a>
      </p>
      {props.scenarios.length === 0 ? (
        <p>Der er ingen scenarier endnu.</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption>Scenarier, senest ændrede først</caption>
            <thead>
              <tr>
                <th scope="col">Scenarie</th>
                <th scope="col">Status</th>
                <th scope="col">Startdato</th>
                <th scope="col">Ændringer</th>
                <th scope="col">Senest gemt</th>
              </tr>
            </thead>
            <tbody>
              {props.scenarios.map((scenario) => (
                <tr>
                  <td>
                    <a href={`/admin/planlaegning/${scenario.id}`}>{scenario.title}</a>
                  </td>
                  <td>{stateWords[scenario.state]}</td>
                  <td>{formatDanishDate(scenario.startsOn)}</td>
                  <td>{scenario.changeCount}</td>
                  <td>
                    {dateTime.format(scenario.updatedAt)} af {scenario.updatedByName}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canEdit && (
        <>
          <h2>Nyt scenarie</h2>
          <ErrorSummary problems={props.problems} />
          <form method="post" action="/admin/planlaegning" novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <TextInput id="title" name="title" label="Titel" value={props.form.title} error={error('title')} />
            <TextInput
              id="startsOn"
              name="startsOn"
              label="Startdato"
              type="date"
              width="s"
              value={props.form.startsOn}
              error={error('startsOn')}
              hint="Scenariet tager udgangspunkt i viften, som den ser ud denne dag. Ingen ændring kan dateres før."
            />
            <TextArea id="summary" name="summary" label="Beskrivelse (valgfri)" value={props.form.summary} rows={3} error={error('summary')} />
            <Button>Opret kladden</Button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}

export type ScenarioEditPageProps = {
  signedIn: SignedIn;
  scenario: Scenario;
  canEdit: boolean;
  view: ScenarioComparisonView;
  /** The title and description as typed (a stale or refused save keeps them). */
  draft: { title: string; summary: string; version: number };
  problems: ChangeProblem[];
  /** Someone saved after the form was read: their version, shown beside the typing. */
  stale: Scenario | null;
  notice: string | null;
  /** What the scenario is compared with ('start', 'idag' or another scenario's id) and the scenarios to choose from. */
  compare: { chosen: string; others: { id: string; title: string; state: 'draft' | 'published' }[] };
};

/** /admin/planlaegning/{id}: a draft edited (autosaved with JavaScript, the save button without), or a published one read. */
export function ScenarioEditPage(props: ScenarioEditPageProps) {
  const { scenario } = props;
  const editable = props.canEdit && scenario.state === 'draft';
  const base = `/admin/planlaegning/${scenario.id}`;
  const names = new Map([...props.view.before, ...props.view.after].map((place) => [place.offeringId, place.name]));
  const error = (field: string) => errorOf(props.problems, field);
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}${scenario.title} – planlægning`} signedIn={props.signedIn} stylesheets={['/static/range-map.css', '/static/planning.css']}>
      <p>
        <a href="/admin/planlaegning">Alle scenarier</a>
      </p>
      <h1>{scenario.title}</h1>
      <p>
        {stateWords[scenario.state]}. Tager udgangspunkt i viften {formatDanishDate(scenario.startsOn)}. Senest gemt {dateTime.format(scenario.updatedAt)} af {scenario.updatedByName}.
      </p>
      {scenario.state === 'published' && (
        <Alert variant="info">
          Scenariet er offentliggjort {scenario.publishedAt ? dateTime.format(scenario.publishedAt) : ''} og kan ikke ændres. Det kan citeres på{' '}
          <a href={`/planlaegning/${scenario.id}`}>/planlaegning/{scenario.id}</a>.
        </Alert>
      )}
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      {props.stale && (
        <Alert variant="warning">
          {props.stale.updatedByName} gemte scenariet {dateTime.format(props.stale.updatedAt)}, efter du åbnede det. Din tekst står i felterne herunder og er ikke
          gemt. Den gemte udgave: titel »{props.stale.title}«; beskrivelse »{props.stale.summary || '(tom)'}«. Gem igen for at bruge din tekst.
        </Alert>
      )}
      {editable && (
        <>
          <ErrorSummary problems={props.problems} />
          <form method="post" action={base} novalidate data-autosave="">
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="version" value={String(props.draft.version)} />
            <TextInput id="title" name="title" label="Titel" value={props.draft.title} error={error('title')} />
            <TextArea id="summary" name="summary" label="Beskrivelse" value={props.draft.summary} rows={4} error={error('summary')} />
            <p class="form-hint" data-autosave-status="" aria-live="polite">
              Kladden gemmes, når du trykker på knappen{' '}
              <span data-autosave-hidden="">(med JavaScript også af sig selv, mens du skriver)</span>.
            </p>
            <Button variant="secondary">Gem kladden</Button>
          </form>
        </>
      )}
      <p>
        <a href={`${base}/kriterier`}>Kriterierne side om side: beliggenhed, lokaler og brug for hvert sted</a>
      </p>
      <p>
        <a href={`${base}/overgange`}>Overgangsplaner for de steder, der lukker</a>
      </p>
      <p>
        <a href={`${base}/rapport`}>Rapport til udvalget (til udskrift)</a>
      </p>
      {props.canEdit && scenario.state === 'published' && (
        <p>
          <a href={`${base}/hoering`}>Høring: send i høring, og registrer svarene</a>
        </p>
      )}
      <h2>Ændringer</h2>
      <ScenarioChangeList
        changes={scenario.changes}
        names={names}
        locale="da"
        action={
          editable
            ? (change) => (
                <form method="post" action={`${base}/aendring/${change.id}/fjern`}>
                  <CsrfField token={props.signedIn.csrfToken} />
                  <button type="submit" class="button button-tertiary">
                    Fjern ændringen
                  </button>
                </form>
              )
            : undefined
        }
      />
      {editable && (
        <>
          <h3>Tilføj en ændring</h3>
          <ul class="scenario-change-kinds unstyled-list">
            {changeKinds.map((kind) => (
              <li>
                <a href={`${base}/aendring?art=${changeKindSlugs[kind]}`}>{changeKindLabels[kind]}</a>
              </li>
            ))}
          </ul>
          <h2>Offentliggør</h2>
          <p>Et offentliggjort scenarie kan ikke ændres igen. Det bliver offentligt på /planlaegning med en fast adresse, præcis som det står her.</p>
          <form method="post" action={`${base}/offentliggoer`}>
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="version" value={String(scenario.version)} />
            <Button>Offentliggør scenariet</Button>
          </form>
        </>
      )}
      <h2 id="foer-og-efter">Før og efter</h2>
      <form method="get" action={`${base}#foer-og-efter`}>
        <Select
          id="sammenlign"
          name="sammenlign"
          label="Sammenlign med"
          options={[
            { value: 'start', text: 'Viften på scenariets startdato', selected: props.compare.chosen === 'start' },
            { value: 'idag', text: 'Viften i dag', selected: props.compare.chosen === 'idag' },
            ...props.compare.others.map((other) => ({ value: other.id, text: `${other.title} (${stateWords[other.state].toLowerCase()})`, selected: props.compare.chosen === other.id })),
          ]}
        />
        <Button variant="secondary">Vis sammenligningen</Button>
      </form>
      <p>Koordinaterne er sat i hånden på gadeniveau og er omtrentlige; de kan ligge flere hundrede meter ved siden af.</p>
      <ScenarioComparison before={props.view.before} after={props.view.after} comparison={props.view.comparison} changes={scenario.changes} locale="da" labels={props.view.labels} coverage={props.view.coverage} coverageLeftOut={props.view.coverageLeftOut} />
      <script src={assetHref('/static/scenario-autosave.js')} defer />
    </AdminLayout>
  );
}

const kindIntro: Record<ChangeKind, string> = {
  close: 'Et sted lukker på en dato. Vælg gerne, hvor brugerne henvises til.',
  merge: 'To eller flere steder lægges sammen i et nyt hus. Stederne lukker på datoen, og huset åbner.',
  open: 'Et nyt sted åbner på en adresse. Adressen slås op i adresseregistret; den kan udelades, mens den afsøges.',
  move: 'Et sted flytter til en ny adresse.',
  profile: 'Et sted skifter profil.',
  hours: 'Et sted får nye åbningstider.',
};

/** /admin/planlaegning/{id}/aendring?art=…: one change, with the fields its kind needs. */
export function ChangeFormPage(props: {
  signedIn: SignedIn;
  scenario: Scenario;
  form: ChangeForm;
  problems: ChangeProblem[];
  places: ScenarioPlace[];
  districts: string[];
}) {
  const { form, scenario } = props;
  const error = (field: string) => errorOf(props.problems, field);
  const open = props.places.filter((place) => place.state !== 'closed').sort((a, b) => collator.compare(a.name, b.name));
  const placeOptions = (selected: string, empty: string) => [{ value: '', text: empty, selected: selected === '' }, ...open.map((place) => ({ value: place.offeringId, text: `${place.name}${place.district ? ` (${place.district})` : ''}`, selected: place.offeringId === selected }))];
  const profileChoice = (
    <Select
      id="profile"
      name="profile"
      label="Profil"
      error={error('profile')}
      options={[{ value: '', text: 'Vælg en profil', selected: form.profile === '' }, ...Object.entries(profiles).map(([value, { label }]) => ({ value, text: label, selected: form.profile === value }))]}
    />
  );
  const districtChoice = (
    <Select
      id="district"
      name="district"
      label="Bydel (valgfri)"
      error={error('district')}
      options={[{ value: '', text: 'Ingen bydel valgt', selected: form.district === '' }, ...props.districts.map((district) => ({ value: district, text: district, selected: form.district === district }))]}
    />
  );
  const houseFields = (
    <>
      <TextInput id="name" name="name" label="Det nye steds navn" value={form.name} error={error('name')} />
      <TextInput id="address" name="address" label="Adresse (valgfri)" value={form.address} error={error('address')} hint="Fx »Enghavevej 80, 2450 København SV«. Lad feltet stå tomt, mens adressen afsøges." />
      {districtChoice}
      {profileChoice}
    </>
  );
  const mergeError = error('offeringIds');
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}${changeKindLabels[form.kind]} – ${scenario.title}`} signedIn={props.signedIn}>
      <p>
        <a href={`/admin/planlaegning/${scenario.id}`}>{scenario.title}</a>
      </p>
      <h1>{changeKindLabels[form.kind]}</h1>
      <p>{kindIntro[form.kind]}</p>
      <ErrorSummary problems={props.problems.map((problem) => (problem.field === 'offeringIds' ? { ...problem, field: 'offeringIds-1' } : problem))} />
      <form method="post" action={`/admin/planlaegning/${scenario.id}/aendring?art=${changeKindSlugs[form.kind]}`} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        {(form.kind === 'close' || form.kind === 'move' || form.kind === 'profile' || form.kind === 'hours') && (
          <Select id="offeringId" name="offeringId" label="Sted" error={error('offeringId')} options={placeOptions(form.offeringId, 'Vælg et sted')} />
        )}
        {form.kind === 'close' && (
          <Select id="successorId" name="successorId" label="Brugerne henvises til (valgfri)" error={error('successorId')} options={placeOptions(form.successorId, 'Intet bestemt sted')} />
        )}
        {form.kind === 'merge' && (
          <div class={mergeError ? 'form-group form-error' : 'form-group'}>
            <fieldset aria-describedby={mergeError ? 'offeringIds-error' : undefined}>
              <legend class="form-label">Steder, der lægges sammen</legend>
              {mergeError && (
                <span class="form-error-message" id="offeringIds-error">
                  <span class="sr-only">Fejl</span>
                  {mergeError}
                </span>
              )}
              {open.map((place, index) => (
                <div class="form-group-checkbox">
                  <input type="checkbox" class="form-checkbox" id={`offeringIds-${index + 1}`} name="offeringIds" value={place.offeringId} checked={form.offeringIds.includes(place.offeringId)} />
                  <label class="form-label" for={`offeringIds-${index + 1}`}>
                    {place.name}
                    {place.district ? ` (${place.district})` : ''}
                  </label>
                </div>
              ))}
            </fieldset>
          </div>
        )}
        {(form.kind === 'merge' || form.kind === 'open') && houseFields}
        {form.kind === 'move' && (
          <>
            <TextInput id="address" name="address" label="Ny adresse" value={form.address} error={error('address')} hint="Fx »Enghavevej 80, 2450 København SV«." />
            {districtChoice}
          </>
        )}
        {form.kind === 'profile' && profileChoice}
        {form.kind === 'hours' && (
          <>
            <TextInput id="perWeek" name="perWeek" label="Timer om ugen (valgfri)" width="xs" value={form.perWeek} error={error('perWeek')} />
            <TextArea id="hoursNote" name="hoursNote" label="De nye åbningstider i ord" value={form.hoursNote} rows={3} error={error('hoursNote')} hint="Fx »Tirsdag og torsdag 10–16, og første lørdag i måneden«." />
          </>
        )}
        <TextInput id="on" name="on" label="Dato" type="date" width="s" value={form.on} error={error('on')} hint={`Den dag, ændringen træder i kraft. Tidligst ${formatDanishDate(scenario.startsOn)}, scenariets startdato.`} />
        <TextArea id="rationale" name="rationale" label="Begrundelse" value={form.rationale} rows={4} error={error('rationale')} hint="Fx beliggenhed, lokalernes stand, brugen af stedet eller en beslutning i udvalget." />
        <fieldset>
          <legend class="form-label">Budgetvirkning (valgfri)</legend>
          <p class="form-hint">Udfyld alle felter eller ingen. Beløbet er i 1.000 kr. om året fra det første år; et negativt beløb er en besparelse.</p>
          <TextInput id="appropriation" name="appropriation" label="Bevilling (fire cifre)" width="xs" value={form.appropriation} error={error('appropriation')} />
          <TextInput id="amountPerYear" name="amountPerYear" label="Beløb om året (1.000 kr.)" width="s" value={form.amountPerYear} error={error('amountPerYear')} />
          <TextInput id="fromYear" name="fromYear" label="Fra år" width="xs" value={form.fromYear} error={error('fromYear')} />
          <TextInput id="priceLevel" name="priceLevel" label="Prisniveau (år, valgfrit)" width="xs" value={form.priceLevel} error={error('priceLevel')} hint="Tomt: det første års priser." />
        </fieldset>
        <Button>Tilføj ændringen</Button>
      </form>
    </AdminLayout>
  );
}

const criterionWords: Record<keyof Weights, string> = { location: 'Beliggenhed', premises: 'Lokaler', use: 'Brug' };
const kmText = (km: number) => `${new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(km)} km`;
const monthText = (month: string) => new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** The use criterion in words: the figure with its provenance, its confirmation or dispute, or "no figure". */
function UseText({ use, month }: { use: PlaceCriteria['use']; month: string }) {
  if (!use) return <>Intet tal for {monthText(month)}: der er ikke talt besøg.</>;
  const { figure, review } = use;
  return (
    <>
      {figure.value} besøg i {monthText(month)}, talt {figure.coverage.daysCounted} af {figure.coverage.daysOpen} dage med åbent
      {figure.registeredBy.length > 0 && `, registreret af ${figure.registeredBy.join(', ')}`}.{' '}
      {review === null
        ? 'Ikke bekræftet.'
        : review.verdict === 'confirmed'
          ? `Bekræftet af ${review.reviewedByName}${review.visitsSeen !== figure.value ? ` (${review.visitsSeen} besøg; tallet er ændret siden)` : ''}.`
          : `Bestridt af ${review.reviewedByName}: »${review.comment ?? ''}«.`}
    </>
  );
}

/** /admin/planlaegning/{id}/kriterier: location, premises and use for each place, side by side; a score only with weights. */
export function CriteriaPage(props: {
  signedIn: SignedIn;
  scenario: Scenario;
  canEdit: boolean;
  criteria: PlaceCriteria[];
  month: string;
  weights: Weights | null;
  /** The ratings as typed, by offering id (a refused or stale save keeps them). */
  ratings: Record<string, { rating: string; note: string }>;
  version: number;
  problems: ChangeProblem[];
  stale: Scenario | null;
  saved: boolean;
}) {
  const { scenario } = props;
  const editable = props.canEdit && scenario.state === 'draft';
  const base = `/admin/planlaegning/${scenario.id}/kriterier`;
  const error = (field: string) => errorOf(props.problems, field);
  const weighted = props.weights !== null && props.weights.location + props.weights.premises + props.weights.use > 0;
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Kriterier – ${scenario.title}`} signedIn={props.signedIn}>
      <p>
        <a href={`/admin/planlaegning/${scenario.id}`}>{scenario.title}</a>
      </p>
      <h1>Kriterierne side om side</h1>
      <p>
        For hvert sted i viften {formatDanishDate(scenario.startsOn)}: beliggenheden (bydelen og de nærmeste andre steder, der er åbne efter scenariet, i
        luftlinje), lokalerne (scenariets egen vurdering fra 1, dårlige, til 5, gode) og brugen (besøg talt i {monthText(props.month)}, med hvordan tallet er
        lavet, og om det er bekræftet eller bestridt).
      </p>
      {props.saved && <Alert variant="success">Vurderingen af lokalerne er gemt.</Alert>}
      {props.stale && (
        <Alert variant="warning">
          {props.stale.updatedByName} gemte scenariet {dateTime.format(props.stale.updatedAt)}, efter du åbnede siden. Din vurdering står i felterne og er ikke gemt;
          tabellen viser den gemte. Gem igen for at bruge din.
        </Alert>
      )}
      <h2>Samlet vurdering (valgfri)</h2>
      <form method="get" action={`${base}#kriterier-tabel`}>
        <p class="form-hint">
          Vælg, hvor meget hvert kriterium skal vægte (0–{maxWeight}). Så vises en samlet vurdering fra 0 til 100, hvor et højere tal er en stærkere grund til at
          bevare stedet: beliggenhed er afstanden til det nærmeste andet sted delt med {farKm} km (højst 1), lokaler er (karakter − 1) / 4, brug er besøgene delt
          med det højeste antal besøg blandt stederne. Et kriterium uden tal tæller ikke med. Kriterierne står altid ved siden af.
        </p>
        {(['location', 'premises', 'use'] as const).map((key) => (
          <Select
            id={`vaegt-${key}`}
            name={`vaegt-${key}`}
            label={`Vægt for ${criterionWords[key].toLowerCase()}`}
            options={Array.from({ length: maxWeight + 1 }, (_, value) => ({ value: String(value), text: String(value), selected: (props.weights?.[key] ?? 0) === value }))}
          />
        ))}
        <Button variant="secondary">Vis den samlede vurdering</Button>
      </form>
      <h2 id="kriterier-tabel">Stederne</h2>
      <section class="table--responsive-scroll" aria-labelledby="kriterier-tabel" tabindex={0}>
        <table class="table table--compact">
          <caption>Kriterierne for hvert sted; i scenariet: hvad der sker med stedet.</caption>
          <thead>
            <tr>
              <th scope="col">Sted</th>
              <th scope="col">I scenariet</th>
              <th scope="col">Beliggenhed</th>
              <th scope="col">Lokaler</th>
              <th scope="col">Brug</th>
              {weighted && <th scope="col">Samlet (0–100)</th>}
            </tr>
          </thead>
          <tbody>
            {props.criteria.map((item) => {
              const after = item.place;
              return (
                <tr>
                  <th scope="row">{item.place.name}</th>
                  <td>{scenarioStateText(scenario, item.place.offeringId)}</td>
                  <td>
                    {after.district ?? 'Uden bydel'}.{' '}
                    {item.nearest.length === 0
                      ? 'Ingen placering: afstande kan ikke måles.'
                      : `Nærmest: ${item.nearest.map((neighbour) => `${neighbour.place.name} ${kmText(neighbour.km)}`).join('; ')}.`}
                    {after.approximate && after.lat !== null && ' Placeringen er omtrentlig.'}
                  </td>
                  <td>{item.premises ? `${item.premises.rating} af 5${item.premises.note ? `: ${item.premises.note}` : ''}` : 'Ikke vurderet.'}</td>
                  <td>
                    <UseText use={item.use} month={props.month} />
                  </td>
                  {weighted && (
                    <td>
                      {item.score === null ? 'Ingen kriterier med tal' : item.score}
                      {item.score !== null && item.missing.length > 0 && ` (uden ${item.missing.map((key) => criterionWords[key].toLowerCase()).join(' og ')})`}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {editable && (
        <>
          <h2>Vurder lokalerne</h2>
          <ErrorSummary problems={props.problems} />
          <form method="post" action={base} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="version" value={String(props.version)} />
            {props.criteria.map((item) => {
              const id = item.place.offeringId;
              const typed = props.ratings[id] ?? { rating: '', note: '' };
              return (
                <fieldset class="scenario-change">
                  <legend class="form-label">{item.place.name}</legend>
                  <Select
                    id={`rating-${id}`}
                    name={`rating-${id}`}
                    label="Karakter for lokalerne"
                    error={error(`rating-${id}`)}
                    options={[{ value: '', text: 'Ikke vurderet', selected: typed.rating === '' }, ...[1, 2, 3, 4, 5].map((value) => ({ value: String(value), text: `${value}${value === 1 ? ' (dårlige)' : value === 5 ? ' (gode)' : ''}`, selected: typed.rating === String(value) }))]}
                  />
                  <TextInput id={`note-${id}`} name={`note-${id}`} label="Note om lokalerne" value={typed.note} error={error(`note-${id}`)} />
                </fieldset>
              );
            })}
            <Button>Gem vurderingen</Button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}

function scenarioStateText(scenario: Scenario, offeringId: string): string {
  const change = [...scenario.changes]
    .sort((a, b) => a.on.localeCompare(b.on))
    .find((item) => (item.kind === 'merge' ? item.offeringIds.includes(offeringId) : item.kind !== 'open' && item.offeringId === offeringId));
  if (!change) return 'Fortsætter uændret.';
  return `${changeKindLabels[change.kind]} ${formatDanishDate(change.on)}.`;
}

/** /admin/planlaegning/{id}/overgange: a transition plan for every place the scenario closes. */
export function TransitionsPage(props: {
  signedIn: SignedIn;
  scenario: Scenario;
  canEdit: boolean;
  plans: TransitionPlan[];
  hours: ReadonlyMap<string, PlanHours>;
  /** The plans as typed, by offering id (a refused or stale save keeps them). */
  typed: Record<string, { reducedFrom: string; reducedHours: string; helpers: string }>;
  version: number;
  problems: ChangeProblem[];
  stale: Scenario | null;
  saved: boolean;
}) {
  const { scenario } = props;
  const editable = props.canEdit && scenario.state === 'draft';
  const base = `/admin/planlaegning/${scenario.id}/overgange`;
  const error = (field: string) => errorOf(props.problems, field);
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Overgangsplaner – ${scenario.title}`} signedIn={props.signedIn} stylesheets={['/static/planning.css']}>
      <p>
        <a href={`/admin/planlaegning/${scenario.id}`}>{scenario.title}</a>
      </p>
      <h1>Overgangsplaner</h1>
      <p>
        For hvert sted, scenariet lukker: datoen, en periode med færre timer, hvem der hjælper brugerne videre, og de nærmeste åbne steder for hver gruppe af
        stedets brugere. Planen vises på stedets offentlige side, når scenariet er offentliggjort.
      </p>
      {props.saved && <Alert variant="success">Overgangsplanerne er gemt.</Alert>}
      {props.stale && (
        <Alert variant="warning">
          {props.stale.updatedByName} gemte scenariet {dateTime.format(props.stale.updatedAt)}, efter du åbnede siden. Din tekst står i felterne og er ikke gemt. Gem
          igen for at bruge den.
        </Alert>
      )}
      {props.plans.length === 0 && <p>Scenariet lukker ingen steder.</p>}
      <ErrorSummary problems={props.problems} />
      {props.plans.map((plan) => (
        <section aria-labelledby={`plan-${plan.place.offeringId}`}>
          <h2 id={`plan-${plan.place.offeringId}`}>{plan.place.name}</h2>
          <TransitionPlanView plan={plan} hours={props.hours} locale="da" headingLevel={3} showName={false} />
        </section>
      ))}
      {editable && props.plans.length > 0 && (
        <>
          <h2>Skriv planerne</h2>
          <form method="post" action={base} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="version" value={String(props.version)} />
            {props.plans.map((plan) => {
              const id = plan.place.offeringId;
              const typed = props.typed[id] ?? { reducedFrom: '', reducedHours: '', helpers: '' };
              return (
                <fieldset class="scenario-change">
                  <legend class="form-label">
                    {plan.place.name}, lukker {formatDanishDate(plan.closesOn)}
                  </legend>
                  <TextInput id={`reducedFrom-${id}`} name={`reducedFrom-${id}`} label="Færre timer fra (valgfri)" type="date" width="s" value={typed.reducedFrom} error={error(`reducedFrom-${id}`)} />
                  <TextInput id={`reducedHours-${id}`} name={`reducedHours-${id}`} label="Åbningstider i perioden" value={typed.reducedHours} error={error(`reducedHours-${id}`)} hint="Fx »Tre dage om ugen, tirsdag–torsdag 10–15«." />
                  <TextArea id={`helpers-${id}`} name={`helpers-${id}`} label="Hvem hjælper brugerne videre" value={typed.helpers} rows={3} error={error(`helpers-${id}`)} hint="Fx »Personalet følger brugerne på besøg i de nye tilbud«." />
                </fieldset>
              );
            })}
            <Button>Gem overgangsplanerne</Button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}

/** /admin/planlaegning/{id}/hoering: the hearing of a published scenario, its responses with their senders, and a new response. */
export function HearingPage(props: {
  signedIn: SignedIn;
  scenario: Scenario;
  hearing: Hearing | null;
  responses: RegisteredResponse[];
  deadline: string;
  form: ResponseForm;
  problems: ChangeProblem[];
  notice: string | null;
}) {
  const { scenario, hearing } = props;
  const base = `/admin/planlaegning/${scenario.id}/hoering`;
  const error = (field: string) => errorOf(props.problems, field);
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Høring – ${scenario.title}`} signedIn={props.signedIn} stylesheets={['/static/planning.css']}>
      <p>
        <a href={`/admin/planlaegning/${scenario.id}`}>{scenario.title}</a>
      </p>
      <h1>Høring</h1>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      <ErrorSummary problems={props.problems} />
      {!hearing && scenario.state === 'draft' && <p>Et scenarie sendes i høring, når det er offentliggjort. Offentliggør det først.</p>}
      {!hearing && scenario.state === 'published' && (
        <form method="post" action={base} novalidate>
          <CsrfField token={props.signedIn.csrfToken} />
          <p>Scenariet og høringssvarene vises på {`/planlaegning/${scenario.id}`}. Svarene vises uden navne og kontaktoplysninger.</p>
          <TextInput id="deadline" name="deadline" label="Høringsfrist" type="date" width="s" value={props.deadline} error={error('deadline')} />
          <Button>Send scenariet i høring</Button>
        </form>
      )}
      {hearing && (
        <>
          <p>
            Sendt i høring {dateTime.format(hearing.openedAt)} af {hearing.openedByName}. Frist: {formatDanishDate(hearing.deadline)}.
          </p>
          <h2>Svar ({props.responses.length})</h2>
          {props.responses.length === 0 && <p>Der er ingen svar endnu.</p>}
          <ol class="unstyled-list">
            {props.responses.map((response) => (
              <li class="scenario-change">
                <p>
                  <strong>
                    {senderKinds[response.senderKind]}
                    {response.organisation && `: ${response.organisation}`}
                  </strong>
                  , modtaget {formatDanishDate(response.receivedOn)}
                  {response.receivedOn > hearing.deadline && ' (efter fristen)'}
                  {response.caseNumber && `, sag ${response.caseNumber}`}.
                </p>
                <p>{response.summary}</p>
                <p class="form-hint">
                  Afsender (vises ikke offentligt): {response.senderName ?? 'ikke oplyst'}
                  {response.senderContact && `, ${response.senderContact}`}. Registreret af {response.registeredByName}.
                </p>
              </li>
            ))}
          </ol>
          <h2>Registrer et svar</h2>
          <form method="post" action={`${base}/svar`} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <TextInput id="receivedOn" name="receivedOn" label="Modtaget" type="date" width="s" value={props.form.receivedOn} error={error('receivedOn')} />
            <Select
              id="senderKind"
              name="senderKind"
              label="Fra"
              error={error('senderKind')}
              options={[{ value: '', text: 'Vælg', selected: props.form.senderKind === '' }, ...Object.entries(senderKinds).map(([value, text]) => ({ value, text, selected: props.form.senderKind === value }))]}
            />
            <TextInput id="organisation" name="organisation" label="Brugerråd, driftsherre eller organisation (vises offentligt)" value={props.form.organisation} error={error('organisation')} hint="Tomt for en borger: en borger vises aldrig med navn." />
            <TextArea id="summary" name="summary" label="Resumé af svaret (vises offentligt)" value={props.form.summary} rows={5} error={error('summary')} hint="Skriv det uden navne og andre personoplysninger." />
            <TextInput id="senderName" name="senderName" label="Afsenderens navn (vises ikke offentligt)" value={props.form.senderName} />
            <TextInput id="senderContact" name="senderContact" label="Afsenderens adresse eller e-mail (vises ikke offentligt)" value={props.form.senderContact} />
            <TextInput id="caseNumber" name="caseNumber" label="Sagsnummer (valgfrit)" width="m" value={props.form.caseNumber} />
            <Button>Registrer svaret</Button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}
