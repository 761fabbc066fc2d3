import { countWords, type MonthReview, maxVisitsPerTally, type StoredTally, type TallyProblem, type UsageFigure } from '../../../domain/counting/tally.ts';
import { formatDanishDate } from '../../../domain/time.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, TextArea, TextInput } from '../../components/form.tsx';
import { assetHref } from '../../../http/static-assets.ts';

type SignedIn = { name: string; csrfToken: string };

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' });

export type CountPageProps = {
  signedIn: SignedIn;
  offering: { slug: string; name: string };
  canRegister: boolean;
  /** The form as typed (or a fresh one); the client id is made when the form is drawn. */
  form: { date: string; visits: string; openAnyway: boolean; clientId: string };
  problems: TallyProblem[];
  /** The schedule has the place closed on the form's date. */
  closedOnDate: boolean;
  saved: { kind: 'added' | 'duplicate'; visits: number; date: string } | null;
  month: { label: string; figure: UsageFigure };
  tallies: StoredTally[];
  /** Last month's figure, its reviews (oldest first) and the review form. */
  lastMonth: { month: string; label: string; figure: UsageFigure; reviews: MonthReview[] };
  canConfirm: boolean;
  review: { verdict: string; comment: string; problems: { field: 'month' | 'verdict' | 'comment'; message: string }[]; saved: 'confirmed' | 'disputed' | null };
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
      Metode: {countWords.method[figure.method]}. Periode: {formatDanishDate(figure.from)}–{formatDanishDate(figure.to)}. Talt {figure.coverage.daysCounted} af{' '}
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
      <div id="count-queue" hidden />
      {props.canRegister && (
        <>
          <ErrorSummary problems={props.problems.map((problem) => (problem.field === 'clientId' ? { ...problem, field: 'visits' } : problem))} />
          <form method="post" action={base} novalidate data-count-form="">
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="clientId" value={props.form.clientId} />
            <TextInput id="date" name="date" label="Dag" type="date" width="s" value={props.form.date} error={error('date')} hint="Den dag, I har talt. Ikke en dag, der ikke er kommet endnu." />
            <TextInput
              id="visits"
              name="visits"
              label={`Antal ${countWords.visits}`}
              width="xs"
              value={props.form.visits}
              error={error('visits')}
              hint={`Et helt tal fra 0 til ${maxVisitsPerTally}. Tæller I flere gange samme dag, fx på to enheder, lægges tallene sammen.`}
            />
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
      <h2>{props.month.label}</h2>
      <p>
        <strong>
          {props.month.figure.value} {countWords.visits}
        </strong>
      </p>
      <Provenance figure={props.month.figure} />
      <h2>{props.lastMonth.label}</h2>
      <p>
        <strong>
          {props.lastMonth.figure.value} {countWords.visits}
        </strong>
      </p>
      <Provenance figure={props.lastMonth.figure} />
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
                <th scope="col">
                  Antal {countWords.visits}
                </th>
                <th scope="col">Talt af</th>
                <th scope="col">Gemt</th>
              </tr>
            </thead>
            <tbody>
              {[...props.tallies].reverse().map((tally) => (
                <tr>
                  <td>
                    {formatDanishDate(tally.date)}
                    {tally.openAnyway && ' (åbent uden for åbningstiderne)'}
                  </td>
                  <td>{tally.visits}</td>
                  <td>{tally.registeredByName}</td>
                  <td>{dateTime.format(tally.registeredAt)}</td>
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
