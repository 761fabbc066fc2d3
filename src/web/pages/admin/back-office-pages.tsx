import type { StoredAuditEntry } from '../../../app/audit.ts';
import { type EditableField, editableFields, fieldLabels, type OfferingTexts } from '../../../app/edit-offering.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, TextArea, TextInput } from '../../components/form.tsx';

type SignedIn = { name: string; csrfToken: string };

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' });

/** The back office's front page: the offerings the person's roles cover, and what they may do with them. */
export function DashboardPage(props: {
  signedIn: SignedIn;
  roles: string[];
  offerings: { slug: string; name: string; canEdit: boolean; updatedAt: Date }[];
  canReadAudit: boolean;
}) {
  return (
    <AdminLayout title="Administration" signedIn={props.signedIn}>
      <h1>Administration</h1>
      <p>Dine roller: {props.roles.join(', ')}.</p>
      <h2>Tilbud ({props.offerings.length})</h2>
      {props.offerings.length === 0 ? (
        <p>Dine roller dækker ingen tilbud endnu.</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">De tilbud, dine roller dækker</caption>
            <thead>
              <tr>
                <th scope="col">Tilbud</th>
                <th scope="col">Sidst ændret</th>
                <th scope="col">Du kan</th>
              </tr>
            </thead>
            <tbody>
              {props.offerings.map((offering) => (
                <tr>
                  <td>
                    <a href={`/admin/tilbud/${offering.slug}`}>{offering.name}</a>
                  </td>
                  <td>{dateTime.format(offering.updatedAt)}</td>
                  <td>{offering.canEdit ? 'se og rette' : 'se'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Din konto</h2>
      {props.canReadAudit && (
        <p>
          <a href="/admin/revision">Revisionslog</a>
        </p>
      )}
      <form method="post" action="/admin/log-ud-overalt">
        <CsrfField token={props.signedIn.csrfToken} />
        <p>Har du mistet en telefon eller glemt at logge ud på en fælles computer, kan du logge ud alle steder på én gang.</p>
        <Button variant="secondary">Log ud på alle enheder</Button>
      </form>
    </AdminLayout>
  );
}

export type FieldProblem = { field: EditableField; message: string };

const textAreas: readonly EditableField[] = ['description', 'firstVisit', 'whoMeetsYou'];
const inputTypes: Partial<Record<EditableField, 'email' | 'tel' | 'url'>> = { email: 'email', phone: 'tel', url: 'url' };

/**
 * One offering's texts and contact details: a form when the person may edit, the saved values
 * otherwise. After a save it offers undo; after someone else's save it shows both versions.
 */
export function OfferingEditPage(props: {
  signedIn: SignedIn;
  offering: { slug: string; name: string; version: number };
  texts: OfferingTexts;
  canEdit: boolean;
  problems: FieldProblem[];
  saved: { auditId: string } | null;
  undone: boolean;
  conflict: { theirs: OfferingTexts; mine: OfferingTexts } | null;
}) {
  const { offering, texts } = props;
  const problem = (field: EditableField) => props.problems.find((item) => item.field === field)?.message;
  const differing = props.conflict ? editableFields.filter((field) => props.conflict!.theirs[field] !== props.conflict!.mine[field]) : [];
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}${offering.name}`} signedIn={props.signedIn}>
      <h1>{offering.name}</h1>
      <p>
        <a href={`/tilbud/${offering.slug}`}>Se den offentlige side</a>
      </p>
      {props.saved && (
        <>
          <Alert variant="success">Gemt. Ændringen er synlig på den offentlige side nu.</Alert>
          <form method="post" action={`/admin/tilbud/${offering.slug}/fortryd`}>
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="aendring" value={props.saved.auditId} />
            <Button variant="secondary">Fortryd ændringen</Button>
          </form>
        </>
      )}
      {props.undone && <Alert variant="success">Ændringen er fortrudt. Teksterne er som før.</Alert>}
      {props.conflict && (
        <>
          <Alert variant="warning">
            En anden har gemt en ændring af tilbuddet, mens du skrev. Intet er gået tabt: din version står i formularen nedenfor, og den
            gemte version står her ved siden af. Ret til, og gem igen, når du har valgt.
          </Alert>
          {differing.map((field) => (
            <div class="compare-versions">
              <div>
                <h2 class="h4">{fieldLabels[field]} – gemt af en anden</h2>
                <p class="preserve-lines">{props.conflict!.theirs[field] || '(tom)'}</p>
              </div>
              <div>
                <h2 class="h4">{fieldLabels[field]} – din version</h2>
                <p class="preserve-lines">{props.conflict!.mine[field] || '(tom)'}</p>
              </div>
            </div>
          ))}
        </>
      )}
      <ErrorSummary problems={props.problems} />
      {props.canEdit ? (
        <form method="post" action={`/admin/tilbud/${offering.slug}`} novalidate>
          <CsrfField token={props.signedIn.csrfToken} />
          <input type="hidden" name="version" value={String(offering.version)} />
          {editableFields.map((field) =>
            textAreas.includes(field) ? (
              <TextArea id={field} name={field} label={fieldLabels[field]} value={texts[field]} error={problem(field)} rows={field === 'description' ? 8 : 4} />
            ) : (
              <TextInput id={field} name={field} label={fieldLabels[field]} value={texts[field]} type={inputTypes[field] ?? 'text'} error={problem(field)} />
            ),
          )}
          <Button>Gem</Button>
        </form>
      ) : (
        <dl>
          {editableFields.map((field) => (
            <>
              <dt>{fieldLabels[field]}</dt>
              <dd class="preserve-lines">{texts[field] || '(tom)'}</dd>
            </>
          ))}
        </dl>
      )}
    </AdminLayout>
  );
}

/** The audit log, newest first, searchable; for the system administrator. */
export function AuditPage(props: { signedIn: SignedIn; text: string; entries: StoredAuditEntry[]; total: number; page: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const link = (page: number) => `/admin/revision?${new URLSearchParams({ ...(props.text ? { q: props.text } : {}), side: String(page) })}`;
  return (
    <AdminLayout title="Revisionslog" signedIn={props.signedIn}>
      <h1>Revisionslog</h1>
      <p>Hver ændring og hver læsning af personoplysninger: hvem, hvornår, hvad og hvorfra. Loggen kan ikke ændres eller slettes.</p>
      <form method="get" action="/admin/revision">
        <TextInput id="q" name="q" label="Søg i loggen" hint="Navn, handling, tilbud eller id" type="search" value={props.text} />
        <Button>Søg</Button>
      </form>
      <p aria-live="polite">
        {props.total} {props.total === 1 ? 'post' : 'poster'}
        {pages > 1 ? `, side ${props.page} af ${pages}` : ''}
      </p>
      <div class="table--responsive-scroll">
        <table class="table table--compact">
          <caption class="sr-only">Revisionslog</caption>
          <thead>
            <tr>
              <th scope="col">Tidspunkt</th>
              <th scope="col">Hvem</th>
              <th scope="col">Hvad</th>
              <th scope="col">Handling</th>
              <th scope="col">Hvorfra</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((entry) => (
              <tr>
                <td>{dateTime.format(entry.at)}</td>
                <td>{entry.actorName}</td>
                <td>{entry.summary}</td>
                <td>
                  <code>{entry.action}</code>
                  {entry.resourceId ? ` ${entry.resourceType} ${entry.resourceId}` : ''}
                </td>
                <td>{entry.source ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="Sider i loggen">
          <ul class="nobullet-list">
            {props.page > 1 && (
              <li>
                <a href={link(props.page - 1)}>Nyere poster</a>
              </li>
            )}
            {props.page < pages && (
              <li>
                <a href={link(props.page + 1)}>Ældre poster</a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </AdminLayout>
  );
}
