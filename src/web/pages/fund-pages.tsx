import type { Council } from '../../app/run-councils.ts';
import type { FundRound, FundRoundWhole } from '../../app/run-user-fund.ts';
import type { Locale } from '../../domain/locale.ts';
import { fundLimits, fundWords } from '../../domain/fund/fund.ts';
import { Alert } from '../components/alert.tsx';
import { ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, ErrorSummary, Select, TextArea, TextInput, TrapField } from '../components/form.tsx';
import { DanishText, danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';

const kroner = (locale: Locale, amount: number) => `${new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB').format(amount)} kr.`;

const words = {
  da: {
    title: 'Brugerpuljen',
    intro: 'Brugerne foreslår, hvad puljen skal bruges til, og stemmer om forslagene med en kode, de får på deres tilbud. Alt her er offentligt undtagen oplysninger om personer.',
    none: 'Der er ingen puljer endnu.',
    cityWide: 'Hele byen',
    phases: fundWords.phases,
    amount: 'Puljen',
    propose: 'Foreslå en idé',
    vote: 'Stem',
    accepted: 'Forslag til afstemning',
    noneAccepted: 'Ingen forslag er gået videre til afstemning endnu.',
    votes: (n: number) => `${n} ${n === 1 ? 'stemme' : 'stemmer'}`,
    costs: 'Koster cirka',
    fromCouncil: 'Fra',
    granted: 'Bevilget',
    responsible: 'Ansvarlig',
    followUp: 'Opfølgning',
    waiting: (n: number) => `${n} ${n === 1 ? 'forslag venter' : 'forslag venter'} på at blive gennemgået.`,
    rejected: 'Afviste forslag',
    rejections: fundWords.rejections,
  },
  en: {
    title: 'The user fund',
    intro: 'Users propose what the fund is spent on and vote on the ideas with a code they get at their offering. Everything here is public except information about people.',
    none: 'There are no funds yet.',
    cityWide: 'The whole city',
    phases: fundWords.phasesEnglish,
    amount: 'The fund',
    propose: 'Propose an idea',
    vote: 'Vote',
    accepted: 'Ideas to vote on',
    noneAccepted: 'No ideas have gone on to the vote yet.',
    votes: (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'}`,
    costs: 'Costs about',
    fromCouncil: 'From',
    granted: 'Granted',
    responsible: 'Responsible',
    followUp: 'Follow-up',
    waiting: (n: number) => `${n} ${n === 1 ? 'idea is' : 'ideas are'} waiting to be screened.`,
    rejected: 'Rejected ideas',
    rejections: {
      personal_data: 'The idea mentions other people. Send it again without names or anything that could point to someone.',
      outside_purpose: 'The idea is outside the purpose of the fund.',
      duplicate: 'Another idea says the same; it is in the vote.',
      other: 'Rejected.',
    },
  },
} satisfies Record<Locale, unknown>;

function Crumbs({ locale, round, last }: { locale: Locale; round?: FundRound; last: string }) {
  const items = [
    { text: messages[locale].allOfferings, href: hrefIn(locale, '/') },
    ...(round ? [{ text: words[locale].title, href: hrefIn(locale, '/pulje') }, { text: round.name, href: hrefIn(locale, `/pulje/${round.slug}`), lang: danishLang(locale) }] : []),
  ];
  return <Breadcrumbs ariaLabel={messages[locale].breadcrumbs} items={[...items, { text: last }]} />;
}

/** /pulje: every pool, newest year first. */
export function FundListPage(props: { rounds: FundRound[] } & PageLanguage) {
  const t = words[props.locale];
  return (
    <Layout title={t.title} locale={props.locale} path={props.path}>
      <Crumbs locale={props.locale} last={t.title} />
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      {props.rounds.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="nobullet-list">
          {props.rounds.map((round) => (
            <li>
              <a href={hrefIn(props.locale, `/pulje/${round.slug}`)} lang={danishLang(props.locale)}>
                {round.name}
              </a>
              {` · ${round.districtName ?? t.cityWide} · ${kroner(props.locale, round.amountKr)} · ${t.phases[round.phase]}`}
              {round.isExample && (
                <>
                  {' '}
                  <ExampleDataBadge locale={props.locale} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** /pulje/{slug}: the pool, the ideas in the vote with their votes, budgets, who answers for them and how it went. */
export function FundRoundPage(props: { round: FundRoundWhole } & PageLanguage) {
  const { round, locale } = props;
  const t = words[locale];
  const lang = danishLang(locale);
  const accepted = [...round.proposals.filter((proposal) => proposal.screening === 'accepted')].sort((a, b) => (round.phase === 'proposals' ? 0 : b.votes - a.votes));
  const rejected = round.proposals.filter((proposal) => proposal.screening === 'rejected');
  const waiting = round.proposals.filter((proposal) => proposal.screening === 'waiting').length;
  return (
    <Layout title={round.name} locale={locale} path={props.path}>
      <Crumbs locale={locale} last={round.name} />
      <h1 lang={lang}>
        {round.name}
        {round.isExample && (
          <>
            {' '}
            <ExampleDataBadge locale={locale} />
          </>
        )}
      </h1>
      <p class="font-lead">
        {t.amount}: {kroner(locale, round.amountKr)} · {round.districtName ?? t.cityWide} · {t.phases[round.phase]}
      </p>
      {round.phase === 'proposals' && (
        <p>
          <a class="button button-primary" href={hrefIn(locale, `/pulje/${round.slug}/forslag`)}>
            {t.propose}
          </a>
        </p>
      )}
      {round.phase === 'voting' && (
        <p>
          <a class="button button-primary" href={hrefIn(locale, `/pulje/${round.slug}/stem`)}>
            {t.vote}
          </a>
        </p>
      )}
      {waiting > 0 && <p>{t.waiting(waiting)}</p>}
      <section aria-labelledby="forslag">
        <h2 id="forslag">{t.accepted}</h2>
        {accepted.length === 0 && <p>{t.noneAccepted}</p>}
        {accepted.map((proposal) => (
          <article aria-labelledby={`forslag-${proposal.id}`}>
            <h3 id={`forslag-${proposal.id}`} lang={lang}>
              {proposal.title}
            </h3>
            <p lang={lang}>{proposal.description}</p>
            <ul class="nobullet-list">
              <li>
                {t.costs} {kroner(locale, proposal.amountKr)}
              </li>
              {proposal.councilName && (
                <li>
                  {t.fromCouncil} <span lang={lang}>{proposal.councilName}</span>
                </li>
              )}
              {round.phase !== 'proposals' && <li>{t.votes(proposal.votes)}</li>}
              {proposal.grantedKr !== null && (
                <li>
                  <strong>{t.granted}:</strong> {kroner(locale, proposal.grantedKr)}. {t.responsible}: <span lang={lang}>{proposal.responsible}</span>
                </li>
              )}
              {proposal.followUp && (
                <li>
                  <strong>{t.followUp}:</strong> <span lang={lang}>{proposal.followUp}</span>
                </li>
              )}
            </ul>
          </article>
        ))}
      </section>
      {rejected.length > 0 && (
        <section aria-labelledby="afviste">
          <h2 id="afviste">{t.rejected}</h2>
          {/* A rejected idea's own words are never shown: they may be what was wrong with it. */}
          <ul>
            {rejected.map((proposal) => (
              <li>
                {t.rejections[proposal.rejection ?? 'other']}
                {proposal.rejection !== 'personal_data' && proposal.rejectionNote && <span lang={lang}> {proposal.rejectionNote}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

export type ProposalForm = { title: string; description: string; amount: string; contact: string; council: string };

const proposalWords = {
  da: {
    title: (round: string) => `Foreslå en idé til ${round}`,
    crumb: 'Foreslå en idé',
    intro: 'Skriv ikke navne på andre personer i forslaget. Du behøver ikke skrive dit eget navn. Vil du hellere fortælle idéen, kan du gøre det på dit tilbud, så skriver en medarbejder den ind.',
    closed: 'Puljen tager ikke imod forslag lige nu.',
    heading: 'Overskrift',
    headingHint: (max: number) => `Højst ${max} tegn, fx «Tur til Bakken».`,
    what: 'Hvad går idéen ud på?',
    whatHint: 'Hvad skal der ske, og hvem er det for?',
    amount: 'Hvad koster det cirka? (kr.)',
    council: 'Kommer forslaget fra et råd? (frivilligt)',
    own: 'Nej, det er min egen idé',
    contact: 'Telefon eller e-mail (frivilligt)',
    contactHint: 'Kun hvis vi må kontakte dig med spørgsmål. Det vises ikke, og det slettes senest om et år.',
    trap: 'Lad dette felt være tomt',
    send: 'Send idéen',
    thanks: 'Tak for idéen',
    screened: 'Idéen bliver gennemgået, før den kommer med i afstemningen. Nævner den andre personer, bliver den afvist, og du kan sende den igen uden navne.',
    back: (round: string) => `Tilbage til ${round}`,
  },
  en: {
    title: (round: string) => `Suggest an idea for ${round}`,
    crumb: 'Suggest an idea',
    intro: 'Do not write other people’s names in the idea. You need not write your own name. If you would rather tell the idea, you can do so at your offering, and a member of staff will type it in. You may write in English.',
    closed: 'The fund is not taking ideas right now.',
    heading: 'Heading',
    headingHint: (max: number) => `At most ${max} characters, e.g. “A trip to Bakken”.`,
    what: 'What is the idea?',
    whatHint: 'What should happen, and who is it for?',
    amount: 'Roughly what does it cost? (kr.)',
    council: 'Does the idea come from a council? (optional)',
    own: 'No, it is my own idea',
    contact: 'Phone or e-mail (optional)',
    contactHint: 'Only if we may contact you with questions. It is not shown, and it is deleted within a year.',
    trap: 'Leave this field empty',
    send: 'Send the idea',
    thanks: 'Thank you for the idea',
    screened: 'The idea is checked before it goes to the vote. If it names other people, it is rejected, and you can send it again without names.',
    back: (round: string) => `Back to ${round}`,
  },
} satisfies Record<Locale, unknown>;

/** /pulje/{slug}/forslag: a short form, phone-friendly, without an account, in both languages. */
export function ProposalPage(props: { round: FundRound; councils: Council[]; stamp: string; form: ProposalForm; problems: { field: string; message: string }[] } & PageLanguage) {
  const { round, form, problems } = props;
  const t = proposalWords[props.locale];
  const error = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const title = t.title(round.name);
  return (
    <Layout title={`${problems.length ? messages[props.locale].form.error : ''}${title}`} locale={props.locale} path={props.path} noIndex>
      <Crumbs locale={props.locale} round={round} last={t.crumb} />
      <h1>{title}</h1>
      <p>{t.intro}</p>
      {round.phase !== 'proposals' ? (
        <Alert variant="info" locale={props.locale}>
          {t.closed}
        </Alert>
      ) : (
        <>
          <ErrorSummary problems={problems} locale={props.locale} />
          <form method="post" action={hrefIn(props.locale, `/pulje/${round.slug}/forslag`)} novalidate>
            <input type="hidden" name="stempel" value={props.stamp} />
            <TextInput id="title" name="title" label={t.heading} value={form.title} error={error('title')} hint={t.headingHint(fundLimits.title)} autocomplete="off" />
            <TextArea id="description" name="description" label={t.what} value={form.description} rows={5} error={error('description')} hint={t.whatHint} />
            <TextInput id="amount" name="amount" label={t.amount} value={form.amount} error={error('amount')} width="s" autocomplete="off" />
            {props.councils.length > 0 && (
              <Select
                id="council"
                name="council"
                label={t.council}
                options={[{ value: '', text: t.own, selected: form.council === '' }, ...props.councils.map((council) => ({ value: council.id, text: council.name, selected: form.council === council.id, lang: danishLang(props.locale) }))]}
              />
            )}
            <TextInput id="contact" name="contact" label={t.contact} value={form.contact} error={error('contact')} type="text" autocomplete="tel" hint={t.contactHint} />
            <TrapField label={t.trap} />
            <Button>{t.send}</Button>
          </form>
        </>
      )}
    </Layout>
  );
}

export function ProposalReceiptPage(props: { round: FundRound } & PageLanguage) {
  const t = proposalWords[props.locale];
  return (
    <Layout title={t.thanks} locale={props.locale} path={props.path} noIndex>
      <Crumbs locale={props.locale} round={props.round} last={t.thanks} />
      <h1>{t.thanks}</h1>
      <p>{t.screened}</p>
      <p>
        <a href={hrefIn(props.locale, `/pulje/${props.round.slug}`)}>{t.back(props.round.name)}</a>
      </p>
    </Layout>
  );
}

export type VoteForm = { code: string; proposal: string };

const voteWords = {
  da: {
    title: (round: string) => `Stem i ${round}`,
    crumb: 'Stem',
    counted: 'Tak. Din stemme er talt med. Koden kan ikke bruges igen.',
    closed: 'Der kan ikke stemmes lige nu.',
    intro: 'Du stemmer med den kode, du har fået på dit tilbud. Hver kode giver én stemme. Vi gemmer ikke, hvem der har stemt hvad.',
    code: 'Din kode',
    codeHint: 'Fx ABCDE-FGH23. Store eller små bogstaver er lige meget.',
    which: 'Hvilken idé stemmer du på?',
    send: 'Afgiv stemme',
    all: 'Se alle forslag',
  },
  en: {
    title: (round: string) => `Vote in ${round}`,
    crumb: 'Vote',
    counted: 'Thank you. Your vote has been counted. The code cannot be used again.',
    closed: 'Voting is not open right now.',
    intro: 'You vote with the code you were given at your offering. Each code gives one vote. We do not keep who voted for what.',
    code: 'Your code',
    codeHint: 'E.g. ABCDE-FGH23. Capital or small letters make no difference.',
    which: 'Which idea are you voting for?',
    send: 'Cast your vote',
    all: 'See all the ideas',
  },
} satisfies Record<Locale, unknown>;

/** /pulje/{slug}/stem: the code from the sheet, and one idea, in both languages; the ideas' own words stay Danish. */
export function VotePage(props: { round: FundRoundWhole; form: VoteForm; problems: { field: string; message: string }[]; counted: boolean } & PageLanguage) {
  const { round, form, problems, locale } = props;
  const t = voteWords[locale];
  const error = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const accepted = round.proposals.filter((proposal) => proposal.screening === 'accepted');
  const title = t.title(round.name);
  return (
    <Layout title={`${problems.length ? messages[locale].form.error : ''}${title}`} locale={locale} path={props.path} noIndex>
      <Crumbs locale={locale} round={round} last={t.crumb} />
      <h1>
        {t.title('')}
        <DanishText locale={locale}>{round.name}</DanishText>
      </h1>
      {props.counted && (
        <Alert variant="success" locale={locale}>
          {t.counted}
        </Alert>
      )}
      {round.phase !== 'voting' ? (
        <Alert variant="info" locale={locale}>
          {t.closed}
        </Alert>
      ) : (
        !props.counted && (
          <>
            <p>{t.intro}</p>
            <ErrorSummary problems={problems} locale={locale} />
            <form method="post" action={hrefIn(locale, `/pulje/${round.slug}/stem`)} novalidate>
              <TextInput id="code" name="code" label={t.code} value={form.code} error={error('code')} hint={t.codeHint} autocomplete="off" width="m" />
              <div class={error('proposal') ? 'form-group form-error' : 'form-group'}>
                <fieldset aria-describedby={error('proposal') ? 'proposal-error' : undefined}>
                  <legend class="form-label">{t.which}</legend>
                  {error('proposal') && (
                    <span class="form-error-message" id="proposal-error">
                      <span class="sr-only">{messages[locale].alert.error}</span>
                      {error('proposal')}
                    </span>
                  )}
                  {accepted.map((proposal, index) => (
                    <div class="form-group-radio">
                      <input type="radio" class="form-radio" id={index === 0 ? 'proposal' : `proposal-${index + 1}`} name="proposal" value={proposal.id} checked={form.proposal === proposal.id} />
                      <label class="form-label" for={index === 0 ? 'proposal' : `proposal-${index + 1}`}>
                        <DanishText locale={locale}>{proposal.title}</DanishText> ({kroner(locale, proposal.amountKr)})
                      </label>
                    </div>
                  ))}
                </fieldset>
              </div>
              <Button>{t.send}</Button>
            </form>
          </>
        )
      )}
      <p>
        <a href={hrefIn(locale, `/pulje/${round.slug}`)}>{t.all}</a>
      </p>
    </Layout>
  );
}
