import type { StoredAuditEntry } from '../../../app/audit.ts';
import { applyProposal, type EditableField, editableFields, fieldLabels, type OfferingTexts, type ProposedChange, type SavedChange } from '../../../app/edit-offering.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, TextArea, TextInput } from '../../components/form.tsx';
import { VerifyPanel } from './freshness-pages.tsx';
import { TimesProposalLinks, type TimesProposalLink } from './times-review-pages.tsx';
import { ReferralDashboardSection, type ReferralSummary } from './referral-pages.tsx';

type SignedIn = { name: string; csrfToken: string };

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' });

const statusWords: Record<ProposedChange['status'], string> = { pending: 'venter', approved: 'godkendt', rejected: 'afvist' };

/** The back office's front page: the offerings the person's roles cover, and what they may do with them. */
export function DashboardPage(props: {
  signedIn: SignedIn;
  roles: string[];
  /** `courses`: how many the offering runs, for those who see its courses (null for those who do not). */
  offerings: { slug: string; name: string; canEdit: boolean; updatedAt: Date; courses: { count: number; canEdit: boolean } | null }[];
  canReadAudit: boolean;
  /** The outbox and the background jobs (/admin/drift). */
  canSeeOperations: boolean;
  /** Budgets: appropriations, transfers, grants about to expire (/admin/planlaegning/budget, ADR 032). */
  canSeeBudget?: boolean;
  /** Proposed changes waiting for this person's decision. */
  decisions: number;
  /** This person's own proposals, newest first. */
  proposals: ProposedChange[];
  /** What needs verifying among the person's offerings, in words ('' when nothing), and how many. */
  due: { count: number; summary: string; isUrgent: boolean };
  /** Open corrections from citizens that reach the person; null when their roles do not read corrections. */
  openTasks: number | null;
  /** This person's own proposals of hours and activities, newest first (ADR 022). */
  timesProposals?: TimesProposalLink[];
  /** The person's referrals and the referral inboxes of their offerings (ADR 025). */
  referrals: ReferralSummary;
}) {
  return (
    <AdminLayout title="Administration" signedIn={props.signedIn}>
      <h1>Administration</h1>
      <p>Dine roller: {props.roles.join(', ')}.</p>
      {props.due.count > 0 && (
        <Alert variant={props.due.isUrgent ? 'warning' : 'info'}>
          {props.due.count === 1 ? '1 af dine tilbud skal bekræftes' : `${props.due.count} af dine tilbud skal bekræftes`}:{' '}
          {props.due.summary}. <a href="/admin/forfald">Se hvad der skal bekræftes</a>
        </Alert>
      )}
      {props.openTasks !== null && (
        <p>
          {props.openTasks === 0
            ? 'Der er ingen åbne rettelser fra borgere. '
            : props.openTasks === 1
              ? 'Der er 1 åben rettelse fra en borger. '
              : `Der er ${props.openTasks} åbne rettelser fra borgere. `}
          <a href="/admin/opgaver">Rettelser fra borgere</a>
        </p>
      )}
      {props.decisions > 0 && (
        <Alert variant="info">
          <a href="/admin/godkendelser">
            {props.decisions === 1 ? '1 ændring venter' : `${props.decisions} ændringer venter`} på din godkendelse
          </a>
        </Alert>
      )}
      {props.proposals.length + (props.timesProposals?.length ?? 0) > 0 && (
        <section aria-labelledby="my-proposals">
          <h2 id="my-proposals">Dine forslag</h2>
          <ul class="nobullet-list">
            {props.proposals.map((proposal) => (
              <li>
                <a href={`/admin/godkendelser/${proposal.id}`}>
                  {proposal.offering.name}, {dateTime.format(proposal.createdAt)}: {statusWords[proposal.status]}
                </a>
                {proposal.reason ? ` – «${proposal.reason}»` : ''}
              </li>
            ))}
            <TimesProposalLinks proposals={props.timesProposals ?? []} />
          </ul>
        </section>
      )}
      <ReferralDashboardSection summary={props.referrals} />
      <h2>Tilbud ({props.offerings.length})</h2>
      {props.offerings.some((offering) => offering.courses) && (
        <p>
          <a href="/admin/forloeb/tal">Tal for forløb</a>: leverede forløb pr. operatør og år mod årets mål.
        </p>
      )}
      {props.offerings.length > 0 && (
        <p>
          <a href="/admin/tal">Tal for brug</a>: besøg pr. tilbud, driftsherre, center, bydel, spor og målgruppe, med oprindelse, indsigelser og
          eksport.
        </p>
      )}
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
                <th scope="col">Forløb</th>
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
                  <td>
                    {offering.courses && (offering.courses.count > 0 || offering.courses.canEdit) ? (
                      <a href={`/admin/tilbud/${offering.slug}/forloeb`}>
                        {offering.courses.count === 0 ? 'Opret forløb' : `${offering.courses.count} forløb`}
                        <span class="sr-only"> på {offering.name}</span>
                      </a>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Din konto</h2>
      {props.canReadAudit && (
        <ul class="nobullet-list">
          <li>
            <a href="/admin/konti">Konti</a>
          </li>
          <li>
            <a href="/admin/revision">Revisionslog</a>
          </li>
        </ul>
      )}
      {props.canSeeBudget && (
        <ul class="nobullet-list">
          <li>
            <a href="/admin/planlaegning/budget">Budgetter</a>: bevillinger, overførsler og bevillinger, der udløber
          </li>
        </ul>
      )}
      {props.canSeeOperations && (
        <ul class="nobullet-list">
          <li>
            <a href="/admin/drift">Mails og baggrundsjob</a>
          </li>
        </ul>
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
  /** Show the texts as the public page will, before saving. */
  preview?: boolean;
  /** The person's saves wait for the centre's approval. */
  goesToReview?: boolean;
  /** Just proposed (waiting for approval). */
  proposed?: boolean;
  pending?: ProposedChange[];
  /** The verification panel (ADR 014), on the page as first shown. */
  verification?: Omit<Parameters<typeof VerifyPanel>[0], 'signedIn' | 'slug' | 'version'> | undefined;
}) {
  const { offering, texts } = props;
  const problem = (field: EditableField) => props.problems.find((item) => item.field === field)?.message;
  const differing = props.conflict ? editableFields.filter((field) => props.conflict!.theirs[field] !== props.conflict!.mine[field]) : [];
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}${offering.name}`} signedIn={props.signedIn}>
      <h1>{offering.name}</h1>
      <ul class="nobullet-list">
        <li>
          <a href={`/tilbud/${offering.slug}`}>Se den offentlige side</a>
        </li>
        <li>
          <a href={`/admin/tilbud/${offering.slug}/aabningstider`}>Åbningstider</a>
        </li>
        <li>
          <a href={`/admin/tilbud/${offering.slug}/aktiviteter`}>Aktiviteter</a>
        </li>
        <li>
          <a href={`/admin/tilbud/${offering.slug}/steder`}>Steder, adgang og rum</a>
          </li>
          <li>
          <a href={`/admin/tilbud/${offering.slug}/forloeb`}>Forløb</a>
        </li>
        <li>
          <a href={`/admin/tilbud/${offering.slug}/optaelling`}>Optælling af besøg</a>
        </li>
        <li>
          <a href={`/admin/tilbud/${offering.slug}/historik`}>Historik</a>
        </li>
        <li>
          <a href={`/admin/tilbud/${offering.slug}/status`}>Status: åbner, lukker, lægges sammen</a>
        </li>
      </ul>
      {props.proposed && (
        <Alert variant="success">Din ændring er sendt til centret. Den bliver offentlig, når den er godkendt, og du kan se svaret her.</Alert>
      )}
      {(props.pending ?? []).length > 0 && (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">Ændringer, der venter på godkendelse</h2>
          <ul class="nobullet-list">
            {props.pending!.map((proposal) => (
              <li>
                <a href={`/admin/godkendelser/${proposal.id}`}>
                  Fra {proposal.proposedBy.name}, {dateTime.format(proposal.createdAt)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.verification && <VerifyPanel signedIn={props.signedIn} slug={offering.slug} version={offering.version} {...props.verification} />}
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
      {props.preview && props.problems.length === 0 && (
        <section class="admin-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Forhåndsvisning – ikke gemt</h2>
          <p class="preserve-lines">{texts.description}</p>
          {texts.firstVisit && (
            <>
              <h3>Første gang du kommer</h3>
              <p class="preserve-lines">{texts.firstVisit}</p>
            </>
          )}
          {texts.whoMeetsYou && (
            <>
              <h3>Hvem møder dig</h3>
              <p class="preserve-lines">{texts.whoMeetsYou}</p>
            </>
          )}
          {(texts.phone || texts.email || texts.url) && (
            <p>{[texts.phone && `Telefon ${texts.phone}`, texts.email, texts.url].filter(Boolean).join(' · ')}</p>
          )}
          <p>Ser det rigtigt ud, så tryk «Gem» nedenfor.</p>
        </section>
      )}
      {props.verification && <h2>{props.canEdit ? 'Ret oplysningerne' : 'Oplysningerne'}</h2>}
      {props.canEdit && props.goesToReview && (
        <Alert variant="info">Dine ændringer bliver offentlige, når centret har godkendt dem.</Alert>
      )}
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
          <div class="button-row">
            <Button>Gem</Button>
            <button type="submit" name="handling" value="forhaandsvis" class="button button-secondary">
              Forhåndsvis
            </button>
          </div>
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

/** The fields that differ between two versions, side by side (the per-field diff of a change). */
export function FieldDiff({ before, after, beforeLabel, afterLabel }: { before: OfferingTexts; after: OfferingTexts; beforeLabel: string; afterLabel: string }) {
  const changed = editableFields.filter((field) => before[field] !== after[field]);
  if (changed.length === 0) return <p>Ingen forskel på teksterne.</p>;
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption class="sr-only">Felter, der er ændret</caption>
        <thead>
          <tr>
            <th scope="col">Felt</th>
            <th scope="col">{beforeLabel}</th>
            <th scope="col">{afterLabel}</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((field) => (
            <tr>
              <th scope="row">{fieldLabels[field]}</th>
              <td class="preserve-lines">{before[field] || '(tom)'}</td>
              <td class="preserve-lines">{after[field] || '(tom)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}


/** Changes waiting for the person's decision (a centre lead: their centre's). */
export function ProposalsPage({ signedIn, proposals, timesProposals = [] }: { signedIn: SignedIn; proposals: ProposedChange[]; timesProposals?: TimesProposalLink[] }) {
  return (
    <AdminLayout title="Ændringer til godkendelse" signedIn={signedIn}>
      <h1>Ændringer til godkendelse</h1>
      <p>Ændringer fra selvejende organisationers redaktører bliver først offentlige, når centret har godkendt dem.</p>
      {proposals.length + timesProposals.length === 0 ? (
        <p>Der er ingen ændringer, der venter på dig.</p>
      ) : (
        <ul class="nobullet-list">
          {proposals.map((proposal) => (
            <li>
              <a href={`/admin/godkendelser/${proposal.id}`}>
                {proposal.offering.name}: ændring fra {proposal.proposedBy.name}, {dateTime.format(proposal.createdAt)}
              </a>
            </li>
          ))}
          <TimesProposalLinks proposals={timesProposals} />
        </ul>
      )}
    </AdminLayout>
  );
}

/** One proposed change: what it changes compared with the offering now, and approve or reject with a reason. */
export function ProposalPage(props: {
  signedIn: SignedIn;
  proposal: ProposedChange;
  current: OfferingTexts;
  changedSince: boolean;
  canDecide: boolean;
  problem: string | null;
}) {
  const { proposal } = props;
  return (
    <AdminLayout title={`${props.problem ? 'Fejl: ' : ''}Ændring af ${proposal.offering.name}`} signedIn={props.signedIn}>
      <h1>Ændring af {proposal.offering.name}</h1>
      <p>
        Foreslået af {proposal.proposedBy.name} {dateTime.format(proposal.createdAt)}. Status: {statusWords[proposal.status]}
        {proposal.decidedByName ? ` af ${proposal.decidedByName}` : ''}
        {proposal.reason ? ` – «${proposal.reason}»` : ''}.
      </p>
      {props.changedSince && (
        <Alert variant="warning">
          Tilbuddet er ændret, siden forslaget blev skrevet. Sammenligningen nedenfor er med teksterne, som de er nu. Godkender du, ændres kun
          de felter, forslaget ændrer; resten bliver, som det er nu.
        </Alert>
      )}
      <FieldDiff before={props.current} after={applyProposal(props.current, proposal)} beforeLabel="Nu" afterLabel="Foreslået" />
      {props.canDecide && proposal.status === 'pending' && (
        <form method="post" action={`/admin/godkendelser/${proposal.id}`} novalidate>
          <CsrfField token={props.signedIn.csrfToken} />
          <ErrorSummary problems={props.problem ? [{ field: 'reason', message: props.problem }] : []} />
          <TextArea
            id="reason"
            name="reason"
            label="Begrundelse"
            hint="Skal udfyldes, hvis du afviser. Redaktøren ser den."
            value=""
            rows={3}
            error={props.problem ?? undefined}
          />
          <div class="button-row">
            <button type="submit" name="beslutning" value="godkend" class="button button-primary">
              Godkend og offentliggør
            </button>
            <button type="submit" name="beslutning" value="afvis" class="button button-secondary">
              Afvis
            </button>
          </div>
        </form>
      )}
      <p>
        <a href={`/admin/tilbud/${proposal.offering.slug}`}>Til tilbuddet</a>
      </p>
    </AdminLayout>
  );
}

/** Every saved change of an offering's texts, newest first, each restorable. */
export function HistoryPage(props: { signedIn: SignedIn; offering: { slug: string; name: string }; changes: SavedChange[]; canRestore: boolean }) {
  return (
    <AdminLayout title={`Historik for ${props.offering.name}`} signedIn={props.signedIn}>
      <h1>Historik for {props.offering.name}</h1>
      <p>
        <a href={`/admin/tilbud/${props.offering.slug}`}>Tilbage til tilbuddet</a>
      </p>
      {props.changes.length === 0 ? (
        <p>Teksterne er ikke ændret på platformen endnu. De stammer fra kildedokumenterne.</p>
      ) : (
        props.changes.map((change) => (
          <section class="history-entry" aria-labelledby={`change-${change.auditId}`}>
            <h2 class="h3" id={`change-${change.auditId}`}>
              {dateTime.format(change.at)}: {change.actorName}
            </h2>
            <p>{change.summary}</p>
            <FieldDiff before={change.before} after={change.after} beforeLabel="Før" afterLabel="Efter" />
            {props.canRestore && (
              <form method="post" action={`/admin/tilbud/${props.offering.slug}/gendan`}>
                <CsrfField token={props.signedIn.csrfToken} />
                <input type="hidden" name="post" value={change.auditId} />
                <Button variant="secondary">Gendan teksterne fra før denne ændring</Button>
              </form>
            )}
          </section>
        ))
      )}
    </AdminLayout>
  );
}
