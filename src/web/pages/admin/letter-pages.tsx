import { type Letter, type LetterForm, letterSenderKinds, type ReplyForm } from '../../../domain/planning/correspondence.ts';
import type { ChangeProblem } from '../../../domain/planning/scenario.ts';
import { formatDanishDate } from '../../../domain/time.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../components/form.tsx';

type SignedIn = { name: string; csrfToken: string };
const errorOf = (problems: readonly ChangeProblem[], field: string) => problems.find((problem) => problem.field === field)?.message;
const base = '/admin/planlaegning/breve';

/** Who may see the sender: those who write the log ('planning.edit'), as with a hearing's responses. */
function Sender({ letter }: { letter: Letter }) {
  return (
    <>
      Afsender (vises ikke offentligt): {letter.senderName ?? 'ikke oplyst'}
      {letter.senderContact && `, ${letter.senderContact}`}. Navn og kontakt slettes {formatDanishDate(letter.forgetOn)}.
    </>
  );
}

/** /admin/planlaegning/breve: the correspondence log, newest first, and the form to log a letter. */
export function LetterListPage(props: {
  signedIn: SignedIn;
  letters: Letter[];
  scenarios: { id: string; title: string }[];
  canEdit: boolean;
  form: LetterForm;
  problems: ChangeProblem[];
}) {
  const error = (field: string) => errorOf(props.problems, field);
  const titles = new Map(props.scenarios.map((scenario) => [scenario.id, scenario.title]));
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Breve og henvendelser`} signedIn={props.signedIn} stylesheets={['/static/planning.css']}>
      <p>
        <a href="/admin/planlaegning">Planlægning</a>
      </p>
      <h1>Breve og henvendelser</h1>
      <p>
        Henvendelser og breve om tilbudsviften fra brugerråd, driftsherrer, borgere og politikere, logget under sagsnummer med svaret og dets dato. For et
        offentliggjort scenarie vises emne, dato, afsendertype og svardato offentligt; navne, kontaktoplysninger, brevet og svaret vises kun her.
      </p>
      <h2>Logget ({props.letters.length})</h2>
      {props.letters.length === 0 ? (
        <p>Der er ikke logget nogen breve endnu.</p>
      ) : (
        <section class="table--responsive-scroll" aria-labelledby="letters-caption" tabindex={0}>
          <table class="table table--compact">
            <caption id="letters-caption">Breve, nyeste først</caption>
            <thead>
              <tr>
                <th scope="col">Sag</th>
                <th scope="col">Modtaget</th>
                <th scope="col">Fra</th>
                <th scope="col">Emne</th>
                <th scope="col">Scenarie</th>
                <th scope="col">Besvaret</th>
              </tr>
            </thead>
            <tbody>
              {props.letters.map((letter) => (
                <tr>
                  <td>{letter.caseNumber}</td>
                  <td>{formatDanishDate(letter.receivedOn)}</td>
                  <td>{letterSenderKinds[letter.senderKind]}</td>
                  <td>
                    <a href={`${base}/${letter.id}`}>{letter.subject}</a>
                  </td>
                  <td>{letter.scenarioId ? (titles.get(letter.scenarioId) ?? '–') : 'Intet'}</td>
                  <td>{letter.reply ? formatDanishDate(letter.reply.on) : 'Ikke endnu'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {props.canEdit && (
        <>
          <h2>Log et brev</h2>
          <ErrorSummary problems={props.problems} />
          <form method="post" action={base} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <TextInput id="caseNumber" name="caseNumber" label="Sagsnummer" hint="Årstal, bindestreg og syv cifre, fx 2016-0028443, og eventuelt brevets nummer i sagen, fx 2015-0135051-3." width="m" value={props.form.caseNumber} error={error('caseNumber')} />
            <TextInput id="receivedOn" name="receivedOn" label="Modtaget" type="date" width="s" value={props.form.receivedOn} error={error('receivedOn')} />
            <Select
              id="senderKind"
              name="senderKind"
              label="Afsender er"
              error={error('senderKind')}
              options={[{ value: '', text: 'Vælg', selected: props.form.senderKind === '' }, ...Object.entries(letterSenderKinds).map(([value, text]) => ({ value, text, selected: props.form.senderKind === value }))]}
            />
            <Select
              id="scenarioId"
              name="scenarioId"
              label="Handler om scenariet"
              error={error('scenarioId')}
              options={[{ value: '', text: 'Intet bestemt scenarie', selected: props.form.scenarioId === '' }, ...props.scenarios.map((scenario) => ({ value: scenario.id, text: scenario.title, selected: props.form.scenarioId === scenario.id }))]}
            />
            <TextInput id="subject" name="subject" label="Emne" hint="Kan blive vist offentligt: skriv det uden navne." value={props.form.subject} error={error('subject')} />
            <TextArea id="summary" name="summary" label="Resumé af brevet" rows={4} value={props.form.summary} error={error('summary')} />
            <TextInput id="senderName" name="senderName" label="Afsenderens navn (valgfrit)" hint="Vises kun her og slettes to år efter brevet eller svaret." value={props.form.senderName} error={error('senderName')} />
            <TextInput id="senderContact" name="senderContact" label="Afsenderens adresse, mail eller telefon (valgfrit)" value={props.form.senderContact} error={error('senderContact')} />
            <TextArea id="replyText" name="replyText" label="Svaret (valgfrit, kan tilføjes senere)" rows={4} value={props.form.replyText} error={error('replyText')} />
            <TextInput id="repliedOn" name="repliedOn" label="Svaret sendt" type="date" width="s" value={props.form.repliedOn} error={error('repliedOn')} />
            <Button>Log brevet</Button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}

/** /admin/planlaegning/breve/{id}: one letter, its reply, and the form to give or correct the reply. */
export function LetterPage(props: {
  signedIn: SignedIn;
  letter: Letter;
  scenarioTitle: string | null;
  canEdit: boolean;
  form: ReplyForm & { version: number };
  problems: ChangeProblem[];
  notice: string | null;
  stale: boolean;
}) {
  const { letter } = props;
  const error = (field: string) => errorOf(props.problems, field);
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Sag ${letter.caseNumber}: ${letter.subject}`} signedIn={props.signedIn} stylesheets={['/static/planning.css']}>
      <p>
        <a href={base}>Alle breve og henvendelser</a>
      </p>
      <h1>{letter.subject}</h1>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      {props.stale && <Alert variant="warning">Brevet er ændret af en anden, efter du åbnede det. Dit svar står i felterne herunder og er ikke gemt. Se det gemte igennem, og gem igen.</Alert>}
      <dl class="report-facts">
        <dt>Sag</dt>
        <dd>{letter.caseNumber}</dd>
        <dt>Modtaget</dt>
        <dd>{formatDanishDate(letter.receivedOn)}</dd>
        <dt>Fra</dt>
        <dd>{letterSenderKinds[letter.senderKind]}</dd>
        <dt>Scenarie</dt>
        <dd>{letter.scenarioId ? <a href={`/admin/planlaegning/${letter.scenarioId}`}>{props.scenarioTitle ?? letter.scenarioId}</a> : 'Intet bestemt scenarie'}</dd>
        <dt>Logget af</dt>
        <dd>{letter.registeredByName}</dd>
      </dl>
      <h2>Brevet</h2>
      <p>{letter.summary}</p>
      {props.canEdit && (
        <p class="form-hint">
          <Sender letter={letter} />
        </p>
      )}
      <h2>Svaret</h2>
      {letter.reply ? (
        <>
          <p>Sendt {formatDanishDate(letter.reply.on)}.</p>
          <p class="letter-reply">{letter.reply.text}</p>
        </>
      ) : (
        <p>Brevet er ikke besvaret endnu.</p>
      )}
      {props.canEdit && (
        <>
          <h2>{letter.reply ? 'Ret svaret' : 'Tilføj svaret'}</h2>
          <ErrorSummary problems={props.problems} />
          <form method="post" action={`${base}/${letter.id}/svar`} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="version" value={String(props.form.version)} />
            <TextArea id="replyText" name="replyText" label="Svaret" rows={6} value={props.form.replyText} error={error('replyText')} />
            <TextInput id="repliedOn" name="repliedOn" label="Svaret sendt" type="date" width="s" value={props.form.repliedOn} error={error('repliedOn')} />
            <Button>Gem svaret</Button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}
