import type { RecordedStatusEvent } from '../../../app/edit-offering.ts';
import { formatDanishDate } from '../../../domain/time.ts';
import { recordableKinds, type StatusChangeProblem, statusChangeLabels } from '../../../domain/status-change.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, TextArea, TextInput } from '../../components/form.tsx';

export type StatusForm = { kind: string; occursOn: string; relatedOfferingId: string; note: string };

/**
 * An offering's status over time: what the sources say and what staff recorded, and a form to record
 * that it will close, has closed, is merged into another … The public page follows at once.
 */
export function StatusPage(props: {
  signedIn: { name: string; csrfToken: string };
  offering: { slug: string; name: string };
  stateText: string;
  events: RecordedStatusEvent[];
  others: { id: string; name: string }[];
  canRecord: boolean;
  form: StatusForm;
  problems: StatusChangeProblem[];
  saved: boolean;
}) {
  const problem = (field: StatusChangeProblem['field']) => props.problems.find((item) => item.field === field)?.message;
  const date = (value: string | null) => (value ? formatDanishDate(value) : 'uden dato');
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Status for ${props.offering.name}`} signedIn={props.signedIn}>
      <h1>Status for {props.offering.name}</h1>
      <p>
        <a href={`/admin/tilbud/${props.offering.slug}`}>Tilbage til tilbuddet</a>
      </p>
      <p>I dag: {props.stateText}</p>
      {props.saved && <Alert variant="success">Gemt. Den offentlige side viser ændringen nu.</Alert>}
      <h2>Forløb</h2>
      <div class="table--responsive-scroll">
        <table class="table table--compact">
          <caption class="sr-only">Statusændringer</caption>
          <thead>
            <tr>
              <th scope="col">Hvad</th>
              <th scope="col">Gælder fra</th>
              <th scope="col">Registreret</th>
              <th scope="col">Note</th>
              <th scope="col">Kilde</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((event) => (
              <tr>
                <td>
                  {statusChangeLabels[event.status]}
                  {event.relatedOfferingName ? `: ${event.relatedOfferingName}` : ''}
                </td>
                <td>{event.isBaseline ? 'før kilderne' : date(event.occursOn)}</td>
                <td>{event.recordedOn ? formatDanishDate(event.recordedOn) : ''}</td>
                <td>{event.note ?? ''}</td>
                <td>
                  {event.fromSources ? (
                    'kildedokumenterne'
                  ) : props.canRecord ? (
                    <form method="post" action={`/admin/tilbud/${props.offering.slug}/status/fjern`}>
                      <CsrfField token={props.signedIn.csrfToken} />
                      <input type="hidden" name="event" value={event.id} />
                      <button type="submit" class="button button-tertiary">
                        Fjern<span class="sr-only"> {statusChangeLabels[event.status]}</span>
                      </button>
                    </form>
                  ) : (
                    'registreret her'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.canRecord && (
        <>
          <h2>Registrér en ændring</h2>
          <ErrorSummary problems={props.problems} />
          <form method="post" action={`/admin/tilbud/${props.offering.slug}/status`} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <div class={problem('kind') ? 'form-group form-error' : 'form-group'}>
              <fieldset aria-describedby={problem('kind') ? 'kind-error' : undefined}>
                <legend class="form-label">Hvad sker der?</legend>
                {problem('kind') && (
                  <span class="form-error-message" id="kind-error">
                    <span class="sr-only">Fejl: </span>
                    {problem('kind')}
                  </span>
                )}
                {recordableKinds.map((kind, index) => (
                  <div class="form-group-radio">
                    <input
                      type="radio"
                      class="form-radio"
                      id={index === 0 ? 'kind' : `kind-${kind}`}
                      name="kind"
                      value={kind}
                      checked={props.form.kind === kind}
                    />
                    <label class="form-label" for={index === 0 ? 'kind' : `kind-${kind}`}>
                      {statusChangeLabels[kind]}
                    </label>
                  </div>
                ))}
              </fieldset>
            </div>
            <TextInput
              id="occursOn"
              name="occursOn"
              label="Dato"
              hint="Hvornår det sker eller skete. Skal udfyldes ved åbning og lukning."
              type="date"
              width="s"
              value={props.form.occursOn}
              error={problem('occursOn')}
            />
            <div class={problem('relatedOfferingId') ? 'form-group form-error' : 'form-group'}>
              <label class="form-label" for="relatedOfferingId">
                Det andet tilbud
              </label>
              <span class="form-hint" id="relatedOfferingId-hint">
                Ved sammenlægning eller erstatning.
              </span>
              {problem('relatedOfferingId') && (
                <span class="form-error-message" id="relatedOfferingId-error">
                  <span class="sr-only">Fejl: </span>
                  {problem('relatedOfferingId')}
                </span>
              )}
              <select
                class="form-select"
                id="relatedOfferingId"
                name="relatedOfferingId"
                aria-describedby={problem('relatedOfferingId') ? 'relatedOfferingId-hint relatedOfferingId-error' : 'relatedOfferingId-hint'}
              >
                <option value="">Intet</option>
                {props.others.map((other) => (
                  <option value={other.id} selected={props.form.relatedOfferingId === other.id}>
                    {other.name}
                  </option>
                ))}
              </select>
            </div>
            <TextArea id="note" name="note" label="Note" hint="Fx beslutningen, den bygger på. Vises offentligt." value={props.form.note} rows={3} error={problem('note')} />
            <Button>Registrér</Button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}
