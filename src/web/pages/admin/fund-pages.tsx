import type { FundRound, FundRoundWhole } from '../../../app/run-user-fund.ts';
import { fundLimits, fundWords } from '../../../domain/fund/fund.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../components/form.tsx';

type SignedIn = { name: string; csrfToken: string };
type Problems = { field: string; message: string }[];

const kroner = (amount: number) => `${new Intl.NumberFormat('da-DK').format(amount)} kr.`;
const problemOf = (problems: Problems, field: string) => problems.find((problem) => problem.field === field)?.message;

export type RoundForm = { name: string; year: string; amount: string; district: string };

/** /admin/pulje: the pools and a form for a new one. */
export function FundListAdminPage(props: { signedIn: SignedIn; rounds: FundRound[]; districts: { id: string; name: string }[]; form: RoundForm; problems: Problems }) {
  const { form, problems } = props;
  return (
    <AdminLayout title={`${problems.length ? 'Fejl: ' : ''}Brugerpuljer`} signedIn={props.signedIn}>
      <h1>Brugerpuljer</h1>
      {props.rounds.length === 0 ? (
        <p>Der er ingen puljer endnu.</p>
      ) : (
        <ul>
          {props.rounds.map((round) => (
            <li>
              <a href={`/admin/pulje/${round.id}`}>{round.name}</a> – {kroner(round.amountKr)}, {round.districtName ?? 'hele byen'}, {fundWords.phases[round.phase].toLocaleLowerCase('da')}
            </li>
          ))}
        </ul>
      )}
      <h2>Opret en pulje</h2>
      <ErrorSummary problems={problems} />
      <form method="post" action="/admin/pulje" novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <TextInput id="name" name="name" label="Navn" value={form.name} error={problemOf(problems, 'name')} hint="Fx «Brugerpuljen 2027, Nørrebro»." />
        <TextInput id="year" name="year" label="År" value={form.year} error={problemOf(problems, 'year')} width="xs" />
        <TextInput id="amount" name="amount" label="Beløb (kr.)" value={form.amount} error={problemOf(problems, 'amount')} width="s" />
        <Select
          id="district"
          name="district"
          label="Bydel"
          error={problemOf(problems, 'district')}
          options={[{ value: '', text: 'Hele byen', selected: form.district === '' }, ...props.districts.map((district) => ({ value: district.id, text: district.name, selected: form.district === district.id }))]}
        />
        <Button>Opret puljen</Button>
      </form>
    </AdminLayout>
  );
}

/** /admin/pulje/{id}: the phase, each idea with its screening, and a granted idea's budget, responsible and follow-up. */
export function FundRoundAdminPage(props: { signedIn: SignedIn; round: FundRoundWhole; notice: string | null; problems: Problems; problemFor: string | null }) {
  const { round } = props;
  const base = `/admin/pulje/${round.id}`;
  const problemsOf = (id: string) => (props.problemFor === id ? props.problems : []);
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}${round.name}`} signedIn={props.signedIn}>
      <p>
        <a href="/admin/pulje">Brugerpuljer</a>
      </p>
      <h1>{round.name}</h1>
      <p>
        {kroner(round.amountKr)}, {round.districtName ?? 'hele byen'}. {fundWords.phases[round.phase]}. Offentlig side: <a href={`/pulje/${round.slug}`}>/pulje/{round.slug}</a>
      </p>
      <p>
        Stemmekoder: {round.codesIssued} udskrevet, {round.codesUsed} brugt. Koderne udskrives på tilbuddenes egne sider under «Brugerpulje».
      </p>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      <form method="post" action={`${base}/fase`} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <Select
          id="phase"
          name="phase"
          label="Fase"
          options={(['proposals', 'voting', 'closed'] as const).map((phase) => ({ value: phase, text: fundWords.phases[phase], selected: round.phase === phase }))}
        />
        <Button variant="secondary">Skift fase</Button>
      </form>
      <h2>Forslag ({round.proposals.length})</h2>
      {round.proposals.length === 0 && <p>Ingen forslag endnu.</p>}
      {round.proposals.map((proposal, index) => {
        const problems = problemsOf(proposal.id);
        const id = (name: string) => `${name}-${index + 1}`;
        return (
          <section aria-labelledby={id('forslag')} class="mb-7">
            <h3 id={id('forslag')}>{proposal.title}</h3>
            <p>{proposal.description}</p>
            <p>
              Koster cirka {kroner(proposal.amountKr)}.{proposal.councilName && ` Fra ${proposal.councilName}.`} {proposal.votes} stemmer.
              {proposal.contact && ` Kontakt (slettes senest om et år): ${proposal.contact}.`}
            </p>
            <p>
              <strong>{proposal.screening === 'waiting' ? 'Venter på gennemgang' : proposal.screening === 'accepted' ? 'Med i afstemningen' : `Afvist: ${fundWords.rejections[proposal.rejection ?? 'other']}`}</strong>
            </p>
            <ErrorSummary problems={problems} />
            <form method="post" action={`${base}/forslag/${proposal.id}/gennemgang`} novalidate>
              <CsrfField token={props.signedIn.csrfToken} />
              <Select
                id={id('verdict')}
                name="verdict"
                label="Gennemgang"
                error={problemOf(problems, 'verdict')}
                options={[
                  { value: 'accepted', text: 'Med i afstemningen', selected: proposal.screening !== 'rejected' },
                  { value: 'rejected', text: 'Afvis', selected: proposal.screening === 'rejected' },
                ]}
              />
              <Select
                id={id('rejection')}
                name="rejection"
                label="Hvis afvist: hvorfor?"
                error={problemOf(problems, 'rejection')}
                options={[{ value: '', text: 'Vælg', selected: proposal.rejection === null }, ...Object.entries(fundWords.rejections).map(([value, text]) => ({ value, text, selected: proposal.rejection === value }))]}
              />
              <TextInput id={id('note')} name="note" label="Begrundelse (står offentligt; ikke ved personoplysninger)" value={proposal.rejectionNote ?? ''} error={problemOf(problems, 'note')} />
              <Button variant="secondary">Gem gennemgangen</Button>
            </form>
            {proposal.screening === 'accepted' && (
              <form method="post" action={`${base}/forslag/${proposal.id}/bevilling`} novalidate>
                <CsrfField token={props.signedIn.csrfToken} />
                <TextInput id={id('granted')} name="granted" label="Bevilget (kr.)" value={proposal.grantedKr === null ? '' : String(proposal.grantedKr)} error={problemOf(problems, 'granted')} width="s" />
                <TextInput id={id('responsible')} name="responsible" label="Ansvarlig" value={proposal.responsible ?? ''} error={problemOf(problems, 'responsible')} hint="En rolle eller et navn, personen har sagt ja til at vise offentligt." />
                <TextArea id={id('followUp')} name="followUp" label="Opfølgning" value={proposal.followUp ?? ''} rows={2} error={problemOf(problems, 'followUp')} hint={`Hvordan gik det? Højst ${fundLimits.followUp} tegn.`} />
                <Button variant="secondary">Gem bevillingen</Button>
              </form>
            )}
          </section>
        );
      })}
    </AdminLayout>
  );
}

/** /admin/tilbud/{slug}/pulje: print a sheet of voting codes for a pool that is not decided. */
export function FundCodesPage(props: { signedIn: SignedIn; offering: { slug: string; name: string }; rounds: FundRound[]; form: { round: string; count: string }; problems: Problems; codes: { round: FundRound; codes: string[] } | null }) {
  const { form, problems } = props;
  return (
    <AdminLayout title={`${problems.length ? 'Fejl: ' : ''}Stemmekoder – ${props.offering.name}`} signedIn={props.signedIn}>
      <p>
        <a href={`/admin/tilbud/${props.offering.slug}`}>{props.offering.name}</a>
      </p>
      <h1>Stemmekoder til brugerpuljen</h1>
      {props.codes ? (
        <>
          <Alert variant="warning">
            Koderne vises kun denne ene gang. Udskriv arket nu, og klip koderne ud. Hver kode giver én stemme i {props.codes.round.name}.
          </Alert>
          <ul class="nobullet-list">
            {props.codes.codes.map((code) => (
              <li>
                <strong>{code}</strong> – stem på /pulje/{props.codes!.round.slug}/stem
              </li>
            ))}
          </ul>
        </>
      ) : props.rounds.length === 0 ? (
        <p>Der er ingen puljer, der tager imod forslag eller stemmer lige nu.</p>
      ) : (
        <>
          <p>Giv én kode til hver bruger, der vil stemme. Koderne kan kun bruges én gang, og der gemmes ikke, hvem der fik hvilken.</p>
          <ErrorSummary problems={problems} />
          <form method="post" action={`/admin/tilbud/${props.offering.slug}/pulje`} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <Select id="round" name="round" label="Pulje" error={problemOf(problems, 'round')} options={props.rounds.map((round) => ({ value: round.id, text: round.name, selected: form.round === round.id }))} />
            <TextInput id="count" name="count" label="Antal koder" value={form.count} error={problemOf(problems, 'count')} width="xs" hint={`Fra 1 til ${fundLimits.codesPerSheet}.`} />
            <Button>Lav arket</Button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}
