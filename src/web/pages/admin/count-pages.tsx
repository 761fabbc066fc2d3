import {
  type BreakdownKind,
  breakdownField,
  breakdownKindList,
  breakdownKinds,
  type CountSettings,
  countWords,
  type MonthReview,
  maxVisitsPerTally,
  type StoredTally,
  type TallyProblem,
  type UsageFigure,
} from '../../../domain/counting/tally.ts';
import type { ActivityWhen } from '../../../domain/schedule/model.ts';
import { formatDanishDate } from '../../../domain/time.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../components/form.tsx';
import { assetHref } from '../../../http/static-assets.ts';

type SignedIn = { name: string; csrfToken: string };

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' });

export type CountPageProps = {
  signedIn: SignedIn;
  offering: { slug: string; name: string };
  canRegister: boolean;
  /** The form as typed (or a fresh one); the client id is made when the form is drawn. */
  form: { date: string; visits: string; openAnyway: boolean; clientId: string; period: string; activity: string; breakdown: Record<string, string> };
  problems: TallyProblem[];
  /** The schedule has the place closed on the form's date. */
  closedOnDate: boolean;
  saved: { kind: 'added' | 'duplicate'; visits: number; date: string } | null;
  /** A correction just saved (ADR 028). */
  corrected?: { withdrawn: boolean; duplicate: boolean } | null;
  month: { label: string; figure: UsageFigure };
  /** The tallies of the last 31 days, each with its earlier versions (ADR 028), oldest day first. */
  tallies: { current: StoredTally; earlier: StoredTally[] }[];
  /** Last month's figure, its reviews (oldest first) and the review form. */
  lastMonth: { month: string; label: string; figure: UsageFigure; reviews: MonthReview[] };
  canConfirm: boolean;
  review: { verdict: string; comment: string; problems: { field: 'month' | 'verdict' | 'comment'; message: string }[]; saved: 'confirmed' | 'disputed' | null };
  /** How the place counts (ADR 028), the periods and activities the form offers, and this month's different members. */
  settings: CountSettings;
  periods: { opens: string; closes: string }[];
  activities: { id: string; name: string; startsAt: string; when: ActivityWhen }[];
  members: UsageFigure | null;
  member: { date: string; number: string; problems: TallyProblem[]; saved: 'added' | 'duplicate' | null };
};

const weekdays = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
const activityText = (activity: CountPageProps['activities'][number]) =>
  `${activity.name} (${activity.when.kind === 'once' ? formatDanishDate(activity.when.date) : `${weekdays[activity.when.weekday - 1]}e`} kl. ${activity.startsAt})`;

/** What a tally covers, in words: the day, a period or an activity. */
const coverText = (tally: StoredTally) =>
  tally.period ? `kl. ${tally.period.opens}–${tally.period.closes}` : tally.activity ? `«${tally.activity.name}»` : 'Hele dagen';

const breakdownText = (tally: StoredTally) =>
  breakdownKindList
    .filter((kind) => tally.breakdown?.[kind])
    .map((kind) => {
      const counts = tally.breakdown![kind]!;
      return `${breakdownKinds[kind].label}: ${Object.entries(breakdownKinds[kind].categories as Record<string, string>)
        .filter(([category]) => counts[category] !== undefined)
        .map(([category, name]) => `${name} ${counts[category]}`)
        .join(', ')}`;
    })
    .join('; ');

/** One step of a tally's history (ADR 028): «rettet fra 45 til 4 af … den …: begrundelse». */
export const historyText = (before: StoredTally, after: StoredTally) => {
  const by = `af ${after.registeredByName} den ${dateTime.format(after.registeredAt)}: ${after.reason ?? ''}`;
  if (after.withdrawn) return `Trukket tilbage ${by}`;
  const changes = [
    before.visits !== after.visits && `fra ${before.visits} til ${after.visits} ${countWords.visits}`,
    before.date !== after.date && `fra ${formatDanishDate(before.date)} til ${formatDanishDate(after.date)}`,
    coverText(before) !== coverText(after) && `fra ${coverText(before).toLowerCase()} til ${coverText(after).toLowerCase()}`,
  ].filter(Boolean);
  return `Rettet ${changes.length ? changes.join(' og ') : '(opdeling eller «åbent alligevel»)'} ${by}`;
};

/** Where a month's figure stands: confirmed (and whether it changed since), disputed with its comment, or not yet reviewed. */
function ReviewState({ figure, reviews }: { figure: UsageFigure; reviews: MonthReview[] }) {
  const latest = reviews.at(-1);
  if (!latest) return <p>Tallet er ikke bekræftet endnu.</p>;
  if (latest.verdict === 'disputed') {
    return (
      <Alert variant="warning">
        Tallet er bestridt af {latest.reviewedByName} {dateTime.format(latest.reviewedAt)}: »{latest.comment}«. Indsigelsen står på tallet, indtil det
        bekræftes.
      </Alert>
    );
  }
  return (
    <p>
      Bekræftet af {latest.reviewedByName} {dateTime.format(latest.reviewedAt)} ({latest.visitsSeen} {countWords.visits}).
      {latest.visitsSeen !== figure.value && ` Tallet er ændret siden: nu ${figure.value} ${countWords.visits}. Det skal bekræftes igen.`}
    </p>
  );
}

/** Provenance in words: method, period, coverage, who and when (ADR 026). */
export function Provenance({ figure }: { figure: UsageFigure }) {
  return (
    <p class="form-hint">
      Metode: {countWords.method[figure.method]}
      {figure.countedBy && figure.countedBy.length > 0 && ` (talt ${figure.countedBy.map((unit) => countWords.unit[unit]).join(' og ')})`}. Periode: {formatDanishDate(figure.from)}–{formatDanishDate(figure.to)}. Talt {figure.coverage.daysCounted} af{' '}
      {figure.coverage.daysOpen} dage med åbent efter åbningstiderne.
      {figure.registeredBy.length > 0 && (
        <>
          {' '}
          Registreret af {figure.registeredBy.join(', ')}
          {figure.lastRegisteredAt && `, senest ${dateTime.format(figure.lastRegisteredAt)}`}.
        </>
      )}
    </p>
  );
}

/**
 * /admin/tilbud/{slug}/optaelling: a short form for a phone at the door or at the end of the day, the
 * month so far with its provenance, and every tally of the last 31 days with who sent it.
 */
export function CountPage(props: CountPageProps) {
  const error = (field: TallyProblem['field']) => props.problems.find((problem) => problem.field === field)?.message;
  const base = `/admin/tilbud/${props.offering.slug}/optaelling`;
  const anyway = error('openAnyway');
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Optælling af besøg – ${props.offering.name}`} signedIn={props.signedIn}>
      <p>
        <a href={`/admin/tilbud/${props.offering.slug}`}>{props.offering.name}</a>
      </p>
      <h1>Optælling af besøg</h1>
      <p>{countWords.visitsExplained} Ingen besøgende bliver registreret med navn eller andet, der kan pege på en person.</p>
      {props.saved?.kind === 'added' && (
        <Alert variant="success">
          {props.saved.visits} {countWords.visits} den {formatDanishDate(props.saved.date)} er gemt.
        </Alert>
      )}
      {props.saved?.kind === 'duplicate' && (
        <Alert variant="info">
          Denne optælling var allerede gemt ({props.saved.visits} {countWords.visits} den {formatDanishDate(props.saved.date)}). Den er ikke talt med en gang til.
        </Alert>
      )}
      {props.corrected && (
        <Alert variant="success">
          {props.corrected.duplicate ? 'Rettelsen var allerede gemt. ' : ''}
          {props.corrected.withdrawn ? 'Optællingen er trukket tilbage og tæller ikke længere med.' : 'Rettelsen er gemt.'} Den gamle udgave står i historikken under
          optællingen.
        </Alert>
      )}
      <div id="count-queue" hidden />
      {props.canRegister && (
        <>
          <ErrorSummary problems={props.problems.map((problem) => (problem.field === 'clientId' ? { ...problem, field: 'visits' } : problem))} />
          <form method="post" action={base} novalidate data-count-form="">
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="clientId" value={props.form.clientId} />
            <TextInput id="date" name="date" label="Dag" type="date" width="s" value={props.form.date} error={error('date')} hint="Den dag, I har talt. Ikke en dag, der ikke er kommet endnu." />
            <input type="hidden" name="unit" value={props.settings.unit} />
            {props.settings.unit === 'period' && (
              <Select
                id="period"
                name="period"
                label="Åbningsperiode"
                hint="Den periode af dagen, tallet gælder. Hver periode tælles for sig."
                error={error('period')}
                options={[
                  { value: '', text: 'Vælg periode', selected: props.form.period === '' },
                  ...props.periods.map((period) => ({
                    value: `${period.opens}-${period.closes}`,
                    text: `${period.opens}–${period.closes}`,
                    selected: props.form.period === `${period.opens}-${period.closes}`,
                  })),
                ]}
              />
            )}
            {props.settings.unit === 'activity' && (
              <Select
                id="activity"
                name="activity"
                label="Aktivitet"
                hint="Den aktivitet, tallet gælder. Den skal have været på programmet den dag."
                error={error('activity')}
                options={[
                  { value: '', text: 'Vælg aktivitet', selected: props.form.activity === '' },
                  ...props.activities.map((activity) => ({ value: activity.id, text: activityText(activity), selected: props.form.activity === activity.id })),
                ]}
              />
            )}
            <TextInput
              id="visits"
              name="visits"
              label={`Antal ${countWords.visits}`}
              width="xs"
              value={props.form.visits}
              error={error('visits')}
              hint={`Et helt tal fra 0 til ${maxVisitsPerTally}. Tæller I flere gange ${props.settings.unit === 'period' ? 'samme periode' : props.settings.unit === 'activity' ? 'samme aktivitet' : 'samme dag'}, fx på to enheder, lægges tallene sammen.`}
            />
            {breakdownKindList.filter((kind) => props.settings.breakdowns.includes(kind) || Object.keys(props.form.breakdown).some((name) => name.startsWith(`b.${kind}.`))).map((kind) => (
              <BreakdownFields kind={kind} values={props.form.breakdown} problems={props.problems} />
            ))}
            {(props.closedOnDate || anyway) && (
              <div class={anyway ? 'form-group form-error' : 'form-group'}>
                {anyway && (
                  <span class="form-error-message" id="openAnyway-error">
                    <span class="sr-only">Fejl</span>
                    {anyway}
                  </span>
                )}
                <div class="form-group-checkbox">
                  <input
                    type="checkbox"
                    class="form-checkbox"
                    id="openAnyway"
                    name="openAnyway"
                    value="ja"
                    checked={props.form.openAnyway}
                    aria-describedby={anyway ? 'openAnyway-error' : undefined}
                  />
                  <label class="form-label" for="openAnyway">
                    Vi havde åbent alligevel
                  </label>
                </div>
              </div>
            )}
            <Button>Gem optællingen</Button>
          </form>
        </>
      )}
      {props.canRegister && (
        <p>
          I tæller {countWords.unit[props.settings.unit]}
          {props.settings.breakdowns.length > 0 && `, opdelt efter ${props.settings.breakdowns.map((kind) => breakdownKinds[kind].label.toLowerCase()).join(', ')}`}
          {props.settings.memberNumbers && ', med medlemskort'}. <a href={`${base}/indstillinger`}>Skift hvordan I tæller</a>
        </p>
      )}
      {props.settings.memberNumbers ? <MemberSection {...props} base={base} /> : <ErrorSummary problems={props.member.problems} />}
      <h2>{props.month.label}</h2>
      <p>
        <strong>
          {props.month.figure.value} {countWords.visits}
        </strong>
      </p>
      <Provenance figure={props.month.figure} />
      <BreakdownSummary figure={props.month.figure} />
      <h2>{props.lastMonth.label}</h2>
      <p>
        <strong>
          {props.lastMonth.figure.value} {countWords.visits}
        </strong>
      </p>
      <Provenance figure={props.lastMonth.figure} />
      <BreakdownSummary figure={props.lastMonth.figure} />
      {props.review.saved && (
        <Alert variant="success">{props.review.saved === 'confirmed' ? 'Tallet er bekræftet.' : 'Indsigelsen er gemt. Den står på tallet, indtil det bekræftes.'}</Alert>
      )}
      <ReviewState figure={props.lastMonth.figure} reviews={props.lastMonth.reviews} />
      {props.canConfirm && (
        <>
          <ErrorSummary problems={props.review.problems} />
          <form method="post" action={`${base}/maaned`} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="month" value={props.lastMonth.month} />
            <div class={props.review.problems.some((problem) => problem.field === 'verdict') ? 'form-group form-error' : 'form-group'}>
              <fieldset aria-describedby={props.review.problems.some((problem) => problem.field === 'verdict') ? 'verdict-error' : undefined}>
                <legend class="form-label">Er tallet rigtigt?</legend>
                {props.review.problems
                  .filter((problem) => problem.field === 'verdict')
                  .map((problem) => (
                    <span class="form-error-message" id="verdict-error">
                      <span class="sr-only">Fejl</span>
                      {problem.message}
                    </span>
                  ))}
                {(
                  [
                    ['confirmed', 'Ja, tallet er rigtigt'],
                    ['disputed', 'Nej, vi er uenige i tallet'],
                  ] as const
                ).map(([value, label], index) => (
                  <div class="form-group-radio">
                    <input type="radio" class="form-radio" id={index === 0 ? 'verdict' : 'verdict-2'} name="verdict" value={value} checked={props.review.verdict === value} />
                    <label class="form-label" for={index === 0 ? 'verdict' : 'verdict-2'}>
                      {label}
                    </label>
                  </div>
                ))}
              </fieldset>
            </div>
            <TextArea
              id="comment"
              name="comment"
              label="Kommentar"
              hint="Skal udfyldes, hvis I er uenige: hvad er forkert, og hvad har I selv talt?"
              value={props.review.comment}
              rows={3}
              error={props.review.problems.find((problem) => problem.field === 'comment')?.message}
            />
            <Button variant="secondary">Send</Button>
          </form>
        </>
      )}
      {props.lastMonth.reviews.length > 1 && (
        <>
          <h3>Tidligere bekræftelser og indsigelser</h3>
          <ul>
            {props.lastMonth.reviews.slice(0, -1).map((review) => (
              <li>
                {dateTime.format(review.reviewedAt)}: {review.verdict === 'confirmed' ? 'bekræftet' : 'bestridt'} af {review.reviewedByName} ({review.visitsSeen}{' '}
                {countWords.visits}){review.comment && ` – »${review.comment}«`}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Optællinger de sidste 31 dage</h2>
      {props.tallies.length === 0 ? (
        <p>Der er ingen optællinger de sidste 31 dage.</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">Optællinger, nyeste dag først</caption>
            <thead>
              <tr>
                <th scope="col">Dag</th>
                <th scope="col">Gælder</th>
                <th scope="col">
                  Antal {countWords.visits}
                </th>
                <th scope="col">Talt af</th>
                <th scope="col">Gemt</th>
              </tr>
            </thead>
            <tbody>
              {[...props.tallies].reverse().map(({ current: tally, earlier }) => (
                <tr>
                  <td>
                    {formatDanishDate(tally.date)}
                    {tally.openAnyway && ' (åbent uden for åbningstiderne)'}
                    {props.canRegister && !tally.withdrawn && (
                      <>
                        <br />
                        <a href={`${base}/${tally.id}/ret`} aria-label={`Ret optællingen ${formatDanishDate(tally.date)}, ${tally.visits} ${countWords.visits}`}>
                          Ret
                        </a>
                      </>
                    )}
                  </td>
                  <td>{coverText(tally)}</td>
                  <td>
                    {tally.withdrawn ? <s>{tally.visits}</s> : tally.visits}
                    {tally.withdrawn && ' (trukket tilbage, tæller ikke med)'}
                    {tally.breakdown && <span class="form-hint"> ({breakdownText(tally)})</span>}
                    {earlier.length > 0 && (
                      <ul class="form-hint">
                        {[...earlier, tally].slice(1).map((version, index) => (
                          <li>{historyText(earlier[index]!, version)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{(earlier[0] ?? tally).registeredByName}</td>
                  <td>{dateTime.format((earlier[0] ?? tally).registeredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canRegister && <script src={assetHref('/static/count.js')} defer />}
    </AdminLayout>
  );
}

/** The numbers of one breakdown (ADR 028): one small field per category, blank for not counted. */
function BreakdownFields({ kind, values, problems }: { kind: BreakdownKind; values: Record<string, string>; problems: TallyProblem[] }) {
  const categories = Object.entries(breakdownKinds[kind].categories) as [string, string][];
  const problem = problems.find((item) => item.field.startsWith(`b-${kind}-`));
  return (
    <div class={problem ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={problem ? `b-${kind}-hint b-${kind}-error` : `b-${kind}-hint`}>
        <legend class="form-label">{breakdownKinds[kind].label}</legend>
        <span class="form-hint" id={`b-${kind}-hint`}>
          Kan udelades. Tilsammen højst antallet af {countWords.visits}; dem, I ikke ved det om, skrives ingen steder.
        </span>
        {problem && (
          <span class="form-error-message" id={`b-${kind}-error`}>
            <span class="sr-only">Fejl</span>
            {problem.message}
          </span>
        )}
        {categories.map(([category, label]) => (
          <div class="form-group">
            <label class="form-label" for={`b-${kind}-${category}`}>
              {label}
            </label>
            <input
              class="form-input input-width-xs"
              type="text"
              inputmode="numeric"
              id={`b-${kind}-${category}`}
              name={breakdownField(kind, category)}
              value={values[breakdownField(kind, category)] ?? ''}
              aria-invalid={problem ? 'true' : undefined}
            />
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** Member cards (ADR 028): the number typed at the door, and this month's different members, never called visits. */
function MemberSection(props: CountPageProps & { base: string }) {
  const error = (field: string) => props.member.problems.find((problem) => problem.field === field)?.message;
  return (
    <>
      <h2>Medlemskort</h2>
      <p>{countWords.uniqueMembersExplained} Kun en kode lavet ud fra nummeret gemmes, aldrig nummeret selv eller et navn.</p>
      {props.member.saved === 'added' && <Alert variant="success">Kortet er registreret for {formatDanishDate(props.member.date)}.</Alert>}
      {props.member.saved === 'duplicate' && <Alert variant="info">Kortet var allerede registreret for {formatDanishDate(props.member.date)}. Det tælles kun én gang.</Alert>}
      {props.canRegister && (
        <>
          <ErrorSummary problems={props.member.problems} />
          <form method="post" action={`${props.base}/medlem`} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <TextInput id="memberDate" name="memberDate" label="Dag" type="date" width="s" value={props.member.date} error={error('memberDate')} />
            <TextInput
              id="memberNumber"
              name="memberNumber"
              label="Medlemsnummer"
              width="s"
              value={props.member.number}
              error={error('memberNumber')}
              hint="Nummeret på kortet, fx 1234 5674. Det sidste ciffer er et kontrolciffer, så en tastefejl bliver fanget."
              autocomplete="off"
            />
            <Button variant="secondary">Registrér kortet</Button>
          </form>
        </>
      )}
      {props.members && (
        <>
          <p>
            <strong>
              {props.members.value} {countWords.uniqueMembers}
            </strong>{' '}
            i {props.month.label.toLowerCase()}
          </p>
          <Provenance figure={props.members} />
        </>
      )}
    </>
  );
}

export type CountSettingsPageProps = {
  signedIn: SignedIn;
  offering: { slug: string; name: string };
  settings: CountSettings;
  problems: TallyProblem[];
  saved: boolean;
  hasActivities: boolean;
};

/** /admin/tilbud/{slug}/optaelling/indstillinger (ADR 028): what a tally covers, the breakdowns, member cards. */
export function CountSettingsPage(props: CountSettingsPageProps) {
  const base = `/admin/tilbud/${props.offering.slug}/optaelling`;
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Sådan tæller I – ${props.offering.name}`} signedIn={props.signedIn}>
      <p>
        <a href={base}>Optælling af besøg – {props.offering.name}</a>
      </p>
      <h1>Sådan tæller I</h1>
      {props.saved && <Alert variant="success">Indstillingerne er gemt.</Alert>}
      <ErrorSummary problems={props.problems} />
      <form method="post" action={`${base}/indstillinger`} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <Choices
          id="unit"
          name="unit"
          type="radio"
          legend="Hvad gælder et tal?"
          hint="En dag tælles kun på én måde, så ingen besøg tælles to gange. Skifter I, gælder det nye tal fra de dage, der ikke er talt endnu."
          items={[
            { value: 'day', label: 'Hele dagen', checked: props.settings.unit === 'day' },
            { value: 'period', label: 'Hver åbningsperiode for sig', checked: props.settings.unit === 'period' },
            {
              value: 'activity',
              label: props.hasActivities ? 'Hver aktivitet for sig' : 'Hver aktivitet for sig (stedet har ingen aktiviteter endnu)',
              checked: props.settings.unit === 'activity',
            },
          ]}
        />
        <Choices
          id="breakdowns"
          name="breakdowns"
          type="checkbox"
          legend="Opdeling af besøgene"
          hint="Kan udelades. Der gemmes kun tal pr. gruppe, aldrig hvem der var i hvilken gruppe."
          items={breakdownKindList.map((kind) => ({ value: kind, label: breakdownKinds[kind].label, checked: props.settings.breakdowns.includes(kind) }))}
        />
        <Choices
          id="memberNumbers"
          name="memberNumbers"
          type="checkbox"
          legend="Medlemskort"
          hint="For steder, der deler kort med et nummer ud og vil vide, hvor mange forskellige medlemmer der kom i en måned eller et år. Platformen gemmer kun en kode lavet ud fra nummeret, aldrig et navn."
          items={[{ value: 'ja', label: 'Vi registrerer medlemskort', checked: props.settings.memberNumbers }]}
        />
        <Button>Gem</Button>
      </form>
    </AdminLayout>
  );
}

/** The period's breakdowns in words (ADR 028): per breakdown, of how many visits, and the numbers per category. */
function BreakdownSummary({ figure }: { figure: UsageFigure }) {
  const kinds = breakdownKindList.filter((kind) => figure.breakdowns?.[kind]);
  if (kinds.length === 0) return null;
  return (
    <ul>
      {kinds.map((kind) => {
        const entry = figure.breakdowns![kind]!;
        const categories = Object.entries(breakdownKinds[kind].categories as Record<string, string>).filter(([category]) => entry.categories[category] !== undefined);
        return (
          <li>
            {breakdownKinds[kind].label} (opgjort for {entry.visits} {countWords.visits}): {categories.map(([category, name]) => `${name} ${entry.categories[category]}`).join(', ')}
          </li>
        );
      })}
    </ul>
  );
}

export type TallyCorrectionPageProps = {
  signedIn: SignedIn;
  offering: { slug: string; name: string };
  /** The version being corrected: the latest, as the page is drawn. */
  tally: StoredTally;
  /** Its history, oldest first, when it was corrected before. */
  earlier: StoredTally[];
  form: CountPageProps['form'] & { reason: string };
  problems: TallyProblem[];
  /** Someone corrected the tally since the person's form was drawn: what they typed, shown beside the latest version. */
  stale: { typed: { visits: string; date: string; reason: string; withdraw: boolean } } | null;
  settings: CountSettings;
  periods: { opens: string; closes: string }[];
  activities: CountPageProps['activities'];
};

/**
 * /admin/tilbud/{slug}/optaelling/{id}/ret (ADR 028): correct or withdraw one tally, with a reason. The tally
 * as it was stays in its history; the correction is checked as a new tally is.
 */
export function TallyCorrectionPage(props: TallyCorrectionPageProps) {
  const base = `/admin/tilbud/${props.offering.slug}/optaelling`;
  const error = (field: string) => props.problems.find((problem) => problem.field === field)?.message;
  const unit = props.tally.unit ?? 'day';
  const anyway = error('openAnyway');
  const chain = [...props.earlier, props.tally];
  return (
    <AdminLayout title={`${props.problems.length || props.stale ? 'Fejl: ' : ''}Ret optælling – ${props.offering.name}`} signedIn={props.signedIn}>
      <p>
        <a href={base}>Optælling af besøg – {props.offering.name}</a>
      </p>
      <h1>Ret optælling</h1>
      <p>
        Nu: <strong>{props.tally.visits} {countWords.visits}</strong> den {formatDanishDate(props.tally.date)} ({coverText(props.tally).toLowerCase()}), talt af{' '}
        {chain[0]!.registeredByName} {dateTime.format(chain[0]!.registeredAt)}.
      </p>
      {chain.length > 1 && (
        <ul>
          {chain.slice(1).map((version, index) => (
            <li>{historyText(chain[index]!, version)}</li>
          ))}
        </ul>
      )}
      <p>Optællingen, som den var, bliver stående i historikken. Tallene for måneden og rapporterne bruger den nyeste udgave.</p>
      {props.stale && (
        <Alert variant="warning">
          Optællingen er blevet rettet, siden du hentede siden. Nu: {props.tally.visits} {countWords.visits} den {formatDanishDate(props.tally.date)}, rettet af{' '}
          {props.tally.registeredByName} {dateTime.format(props.tally.registeredAt)}
          {props.tally.reason && `: »${props.tally.reason}«`}. Din rettelse er ikke gemt:{' '}
          {props.stale.typed.withdraw ? 'træk tilbage' : `${props.stale.typed.visits} ${countWords.visits} den ${props.stale.typed.date}`}
          {props.stale.typed.reason && ` (»${props.stale.typed.reason}«)`}. Er den stadig nødvendig, så send den igen herunder.
        </Alert>
      )}
      <ErrorSummary problems={props.problems} />
      <form method="post" action={`${base}/${props.tally.id}/ret`} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <input type="hidden" name="clientId" value={props.form.clientId} />
        <TextInput id="date" name="date" label="Dag" type="date" width="s" value={props.form.date} error={error('date')} />
        {unit === 'period' && (
          <Select
            id="period"
            name="period"
            label="Åbningsperiode"
            error={error('period')}
            options={[
              { value: '', text: 'Vælg periode', selected: props.form.period === '' },
              ...props.periods.map((period) => ({ value: `${period.opens}-${period.closes}`, text: `${period.opens}–${period.closes}`, selected: props.form.period === `${period.opens}-${period.closes}` })),
            ]}
          />
        )}
        {unit === 'activity' && (
          <Select
            id="activity"
            name="activity"
            label="Aktivitet"
            error={error('activity')}
            options={[
              { value: '', text: 'Vælg aktivitet', selected: props.form.activity === '' },
              ...props.activities.map((activity) => ({ value: activity.id, text: activityText(activity), selected: props.form.activity === activity.id })),
            ]}
          />
        )}
        <TextInput id="visits" name="visits" label={`Antal ${countWords.visits}`} width="xs" value={props.form.visits} error={error('visits')} hint={`Et helt tal fra 0 til ${maxVisitsPerTally}.`} />
        {breakdownKindList
          .filter((kind) => props.settings.breakdowns.includes(kind) || Object.keys(props.form.breakdown).some((name) => name.startsWith(`b.${kind}.`)))
          .map((kind) => (
            <BreakdownFields kind={kind} values={props.form.breakdown} problems={props.problems} />
          ))}
        <div class={anyway ? 'form-group form-error' : 'form-group'}>
          {anyway && (
            <span class="form-error-message" id="openAnyway-error">
              <span class="sr-only">Fejl</span>
              {anyway}
            </span>
          )}
          <div class="form-group-checkbox">
            <input type="checkbox" class="form-checkbox" id="openAnyway" name="openAnyway" value="ja" checked={props.form.openAnyway} aria-describedby={anyway ? 'openAnyway-error' : undefined} />
            <label class="form-label" for="openAnyway">
              Vi havde åbent alligevel
            </label>
          </div>
        </div>
        <TextArea id="reason" name="reason" label="Begrundelse" hint="Skal udfyldes: hvad var forkert, fx «tastet 45 for 4» eller «forkert dag»." value={props.form.reason} rows={2} error={error('reason')} />
        <button type="submit" class="button button-primary" name="action" value="correct">
          Gem rettelsen
        </button>{' '}
        <button type="submit" class="button button-secondary" name="action" value="withdraw">
          Træk optællingen tilbage
        </button>
      </form>
    </AdminLayout>
  );
}
