import type { FriendCandidate, FriendRequest } from '../../../app/run-network-friends.ts';
import { formatDanishDate } from '../../../domain/time.ts';
import { followUpsDue, friendWords, suggestions } from '../../../domain/volunteer/friends.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../components/form.tsx';

type SignedIn = { name: string; csrfToken: string };
type Problems = { field: string; message: string }[];
const problemOf = (problems: Problems, field: string) => problems.find((problem) => problem.field === field)?.message;

export type FriendRequestForm = { name: string; contact: string; interests: string; area: string; languages: string };

/**
 * /admin/tilbud/{slug}/netvaerksvenner: the figures, each request with its friendship or the screened volunteers who
 * fit best, the follow-ups that are due, and a form for a new request.
 */
export function FriendsAdminPage(props: {
  signedIn: SignedIn;
  offering: { slug: string; name: string };
  today: string;
  requests: FriendRequest[];
  candidates: FriendCandidate[];
  figures: { waiting: number; longestWaitDays: number | null; medianWaitDays: number | null; active: number };
  form: FriendRequestForm;
  problems: Problems;
  notice: string | null;
  refusal: { request: string; message: string } | null;
}) {
  const base = `/admin/tilbud/${props.offering.slug}/netvaerksvenner`;
  const { figures } = props;
  return (
    <AdminLayout title={`${props.problems.length || props.refusal ? 'Fejl: ' : ''}Netværksvenner – ${props.offering.name}`} signedIn={props.signedIn}>
      <p>
        <a href={`/admin/tilbud/${props.offering.slug}`}>{props.offering.name}</a>
      </p>
      <h1>Netværksvenner</h1>
      <p>
        {figures.active} venskaber i gang. {figures.waiting} venter på en netværksven{figures.longestWaitDays !== null && ` (den længste i ${figures.longestWaitDays} dage)`}.
        {figures.medianWaitDays !== null && ` De, der har fået en, ventede i midten ${figures.medianWaitDays} dage.`}
      </p>
      <p class="form-hint">Formål: {friendWords.purpose} Slettes to år efter ønsket.</p>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      {props.requests.map((request, index) => {
        const running = request.matches.find((match) => match.endedOn === null);
        const id = (name: string) => `${name}-${index + 1}`;
        const fits = suggestions(request, props.candidates);
        return (
          <section aria-labelledby={id('oenske')}>
            <h2 id={id('oenske')}>{request.name}</h2>
            <p>
              Ønsket {formatDanishDate(request.requestedOn)}. {request.contact ?? 'Træffes på stedet'}.{request.interests && ` Interesser: ${request.interests}.`}
              {request.area && ` Bydel: ${request.area}.`}
              {request.languages && ` Sprog: ${request.languages}.`}
            </p>
            {request.matches
              .filter((match) => match.endedOn)
              .map((match) => (
                <p>
                  Tidligere ven: {match.volunteerName ?? 'slettet'}, {formatDanishDate(match.matchedOn)}–{formatDanishDate(match.endedOn!)} (afsluttet af {friendWords.endedBy[match.endedBy!].toLocaleLowerCase('da')}).
                </p>
              ))}
            {props.refusal?.request === request.id && <Alert variant="error">{props.refusal.message}</Alert>}
            {running ? (
              <>
                <p>
                  Netværksven: <strong>{running.volunteerName}</strong> siden {formatDanishDate(running.matchedOn)}. Opfølgning efter en måned:{' '}
                  {running.followUp1On ? formatDanishDate(running.followUp1On) : 'ikke endnu'}; efter tre måneder: {running.followUp3On ? formatDanishDate(running.followUp3On) : 'ikke endnu'}.
                </p>
                {followUpsDue(running, props.today).map((which) => (
                  <form method="post" action={`${base}/venskab/${running.id}/opfoelgning`}>
                    <CsrfField token={props.signedIn.csrfToken} />
                    <input type="hidden" name="which" value={String(which)} />
                    <Button variant="secondary">
                      Opfølgning efter {which === 1 ? 'en måned' : 'tre måneder'} er holdt<span class="sr-only">: {request.name}</span>
                    </Button>
                  </form>
                ))}
                <form method="post" action={`${base}/venskab/${running.id}/afslut`} novalidate>
                  <CsrfField token={props.signedIn.csrfToken} />
                  <Select
                    id={id('by')}
                    name="by"
                    label="Hvem ønsker at afslutte?"
                    options={Object.entries(friendWords.endedBy).map(([value, text], position) => ({ value, text, selected: position === 0 }))}
                  />
                  <Button variant="secondary">
                    Afslut venskabet<span class="sr-only">: {request.name}</span>
                  </Button>
                </form>
              </>
            ) : (
              fits.length === 0 ? (
                  <p>Ingen frivillige er screenet og forsikret endnu.</p>
                ) : (
                  <form method="post" action={`${base}/${request.id}/match`} novalidate>
                    <CsrfField token={props.signedIn.csrfToken} />
                    <Select
                      id={id('volunteer')}
                      name="volunteer"
                      label="Frivillig (bedst egnede først)"
                      options={fits.map((volunteer) => ({ value: volunteer.id, text: `${volunteer.name} – ${volunteer.fit} fælles (interesser, bydel, sprog)` }))}
                    />
                    <div class="form-group">
                      <div class="form-group-checkbox">
                        <input type="checkbox" class="form-checkbox" id={id('userConsent')} name="userConsent" value="ja" />
                        <label class="form-label" for={id('userConsent')}>
                          {request.name} har sagt ja til den frivillige
                        </label>
                      </div>
                      <div class="form-group-checkbox">
                        <input type="checkbox" class="form-checkbox" id={id('volunteerConsent')} name="volunteerConsent" value="ja" />
                        <label class="form-label" for={id('volunteerConsent')}>
                          Den frivillige har sagt ja til {request.name}
                        </label>
                      </div>
                    </div>
                    <Button variant="secondary">
                      Gem matchet<span class="sr-only">: {request.name}</span>
                    </Button>
                  </form>
                )
            )}
          </section>
        );
      })}
      <h2>Nyt ønske om en netværksven</h2>
      <ErrorSummary problems={props.problems} />
      <form method="post" action={base} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <TextInput id="name" name="name" label="Navn" value={props.form.name} error={problemOf(props.problems, 'name')} hint="Et fornavn er nok." autocomplete="off" />
        <TextInput id="contact" name="contact" label="Telefon (frivilligt)" value={props.form.contact} error={problemOf(props.problems, 'contact')} hint="Lad feltet stå tomt, hvis personen træffes på stedet." autocomplete="off" />
        <TextArea id="interests" name="interests" label="Interesser (frivilligt)" value={props.form.interests} rows={2} error={problemOf(props.problems, 'interests')} />
        <TextInput id="area" name="area" label="Bydel (frivilligt)" value={props.form.area} error={problemOf(props.problems, 'area')} />
        <TextInput id="languages" name="languages" label="Sprog (frivilligt)" value={props.form.languages} error={problemOf(props.problems, 'languages')} />
        <Button>Gem ønsket</Button>
      </form>
    </AdminLayout>
  );
}
