import type { JSX } from 'hono/jsx/jsx-runtime';
import type { GloriaMember, GloriaTeam } from '../../../app/run-gloria.ts';
import { type Article, type ArticleForm, type ArticleState, bylineOf, consentHows, gloriaWords, type Problem, type TeamRole, type Theme } from '../../../domain/gloria/article.ts';
import { type Lix, lixExplanation, lixTarget, lixVerdict, parseBody } from '../../../domain/gloria/text.ts';
import { copenhagenDate, formatDanishDate } from '../../../domain/time.ts';
import { assetHref } from '../../../http/static-assets.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { ExampleDataBadge } from '../../components/badge.tsx';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../components/form.tsx';
import { GloriaBody } from '../../components/gloria-body.tsx';

type SignedIn = { name: string; csrfToken: string };
const base = '/admin/gloria';
const errorOf = (problems: readonly Problem[], field: string) => problems.find((problem) => problem.field === field)?.message;
const states: ArticleState[] = ['draft', 'review', 'published', 'withdrawn'];
const stateHeadings: Record<ArticleState, string> = { draft: 'Kladder', review: 'Til gennemsyn', published: 'Udgivet', withdrawn: 'Trukket tilbage' };

function GloriaNav({ canManageTeams, isEditor }: { canManageTeams: boolean; isEditor: boolean }) {
  return (
    <nav aria-label="Gloria">
      <ul class="nobullet-list gloria-nav">
        <li>
          <a href={base}>Mine redaktioners tekster</a>
        </li>
        <li>
          <a href={`${base}/ny`}>Skriv en ny tekst</a>
        </li>
        {isEditor && (
          <li>
            <a href={`${base}/gennemsyn`}>Gennemsyn</a>
          </li>
        )}
        <li>
          <a href={`${base}/temaer`}>Temanumre</a>
        </li>
        {canManageTeams && (
          <li>
            <a href={`${base}/redaktioner`}>Redaktioner</a>
          </li>
        )}
        <li>
          <a href="/gloria">Gloria på hjemmesiden</a>
        </li>
      </ul>
    </nav>
  );
}

function ArticleTable({ articles, caption, id }: { articles: Article[]; caption: string; id: string }) {
  return (
    <section class="table--responsive-scroll" aria-labelledby={id} tabindex={0}>
      <table class="table table--compact">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Overskrift</th>
            <th scope="col">Slags</th>
            <th scope="col">Redaktion</th>
            <th scope="col">Skrevet af</th>
            <th scope="col">Sidst ændret</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((article) => (
            <tr>
              <td>
                <a href={`${base}/tekster/${article.id}`}>{article.title || 'Uden overskrift'}</a>
                {article.isExample && (
                  <>
                    {' '}
                    <ExampleDataBadge />
                  </>
                )}
              </td>
              <td>{gloriaWords.kinds[article.kind]}</td>
              <td>{article.teamName}</td>
              <td>{article.authorName}</td>
              <td>{formatDanishDate(copenhagenDate(article.updatedAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** /admin/gloria: the person's teams, their role in each, and the teams' texts by state. */
export function GloriaHomePage(props: { signedIn: SignedIn; teams: { team: GloriaTeam; role: TeamRole }[]; articles: Article[]; canManageTeams: boolean; notice: string | null }) {
  const isEditor = props.teams.some((item) => item.role === 'editor');
  return (
    <AdminLayout title="Gloria" signedIn={props.signedIn}>
      <h1>Gloria</h1>
      <GloriaNav canManageTeams={props.canManageTeams} isEditor={isEditor} />
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      {props.teams.length === 0 ? (
        <p>
          Du er ikke med i nogen af Glorias redaktioner endnu. En systemadministrator kan sætte dig på en redaktion som skribent eller redaktør
          {props.canManageTeams && (
            <>
              {' '}
              under <a href={`${base}/redaktioner`}>Redaktioner</a>
            </>
          )}
          .
        </p>
      ) : (
        <>
          <p>
            Du er med i {props.teams.map((item, index) => `${index > 0 ? (index === props.teams.length - 1 ? ' og ' : ', ') : ''}${item.team.name} (${gloriaWords.roles[item.role].toLowerCase()})`).join('')}. Skribenter skriver
            kladder og sender dem til gennemsyn. En redaktør, der ikke selv har skrevet teksten, udgiver den.
          </p>
          {states.map((state) => {
            const inState = props.articles.filter((article) => article.state === state);
            return (
              <>
                <h2>
                  {stateHeadings[state]} ({inState.length})
                </h2>
                {inState.length === 0 ? <p>Ingen.</p> : <ArticleTable articles={inState} caption={`${stateHeadings[state]}, senest ændret først`} id={`state-${state}`} />}
              </>
            );
          })}
        </>
      )}
    </AdminLayout>
  );
}

function LixBox({ lix }: { lix: Lix | null }) {
  const verdict = lix ? lixVerdict(lix.score) : null;
  return (
    <section class="gloria-lix" aria-labelledby="lix-heading">
      <h2 id="lix-heading">Hvor let er teksten at læse?</h2>
      {lix && verdict ? (
        <p>
          <strong>LIX {lix.score}</strong>: teksten er {verdict.band}.{' '}
          {verdict.meetsTarget ? `Den når målet for tekster til borgere (${lixTarget} eller mindre).` : `Målet for tekster til borgere er ${lixTarget} eller mindre: prøv kortere sætninger og kortere ord.`} ({lix.words} ord, {lix.sentences}{' '}
          {lix.sentences === 1 ? 'sætning' : 'sætninger'}, {lix.longWords} lange ord.)
        </p>
      ) : (
        <p>Når du har skrevet og gemt teksten, står dens LIX her.</p>
      )}
      <p id="lix-live" aria-live="polite" hidden />
      <p class="form-hint">{lixExplanation}</p>
    </section>
  );
}

export type ArticlePageProps = {
  signedIn: SignedIn;
  article: Article | null;
  role: TeamRole | null;
  accountId: string;
  teams: { team: GloriaTeam; role: TeamRole }[];
  themes: Theme[];
  form: ArticleForm & { version: number; removeImage: boolean };
  problems: Problem[];
  lix: Lix | null;
  notice: string | null;
  refusal: string | null;
  stale: Article | null;
  consent: { on: string; how: string; name: string; anonymous: boolean };
  consentProblems: Problem[];
  /** The live listings in the body by their line, when connected (see GloriaBody). */
  listings?: ReadonlyMap<string, JSX.Element>;
};

function SavedVersion({ article }: { article: Article }) {
  return (
    <section class="gloria-saved" aria-labelledby="saved-heading">
      <h2 id="saved-heading">Den gemte udgave ({gloriaWords.states[article.state].toLowerCase()})</h2>
      <p>
        <strong>{article.title}</strong>
      </p>
      {article.lead && <p>{article.lead}</p>}
      <GloriaBody blocks={parseBody(article.body)} mode="preview" headingLevel={3} />
    </section>
  );
}

/** /admin/gloria/ny and /admin/gloria/tekster/{id}: the text's form, its LIX, its preview and its next steps. */
export function ArticlePage(props: ArticlePageProps) {
  const { article, form } = props;
  const error = (field: string) => errorOf(props.problems, field);
  const action = article ? `${base}/tekster/${article.id}` : `${base}/ny`;
  const editable = !article || article.state === 'draft' || article.state === 'review';
  const isEditor = props.role === 'editor';
  const heading = article ? article.title || 'Uden overskrift' : 'Ny tekst til Gloria';
  const failed = props.problems.length > 0 || props.consentProblems.length > 0 || props.refusal !== null;
  return (
    <AdminLayout title={`${failed ? 'Fejl: ' : ''}${heading} – Gloria`} signedIn={props.signedIn}>
      <p>
        <a href={base}>Gloria: mine redaktioners tekster</a>
      </p>
      <h1>{heading}</h1>
      {article && (
        <p>
          {gloriaWords.kinds[article.kind]} · {article.teamName} · <strong>{gloriaWords.states[article.state]}</strong> · skrevet af {article.authorName}
          {article.isExample && (
            <>
              {' '}
              <ExampleDataBadge />
            </>
          )}
        </p>
      )}
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      {props.refusal && <Alert variant="error">{props.refusal}</Alert>}
      {article?.state === 'draft' && article.reviewComment && (
        <Alert variant="info">
          <strong>Redaktørens kommentar:</strong> {article.reviewComment}
        </Alert>
      )}
      {article?.state === 'published' && article.slug && (
        <p>
          Teksten er udgivet: <a href={`/gloria/${article.slug}`}>se den på Gloria</a>.
        </p>
      )}
      {article?.state === 'withdrawn' && <Alert variant="warning">Fortælleren har trukket sit samtykke tilbage. Historien er taget af siden, og teksten er slettet. Den kan ikke udgives igen.</Alert>}
      {props.stale && (
        <>
          <Alert variant="warning">
            Teksten er ændret af en anden, efter du åbnede den{props.stale.state === 'published' ? ', og den er nu udgivet' : ''}. Din udgave står i felterne herunder og er ikke gemt. Den gemte udgave
            står lige her under. Se dem igennem, ret til, og gem igen{props.stale.state === 'published' ? ', når en redaktør har taget teksten af siden' : ''}.
          </Alert>
          <SavedVersion article={props.stale} />
        </>
      )}
      {editable || props.stale ? (
        <>
          <LixBox lix={props.lix} />
          <h2>{article ? 'Ret teksten' : 'Skriv teksten'}</h2>
          <ErrorSummary problems={props.problems} />
          <form method="post" action={action} enctype="multipart/form-data" novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="version" value={String(form.version)} />
            <Select
              id="teamId"
              name="teamId"
              label="Redaktion"
              error={error('teamId')}
              options={[{ value: '', text: 'Vælg', selected: form.teamId === '' }, ...props.teams.map((item) => ({ value: item.team.id, text: item.team.name, selected: form.teamId === item.team.id }))]}
            />
            {error('kind') && (
              <p class="form-error-message" id="kind">
                {error('kind')}
              </p>
            )}
            <Choices id="kind" name="kind" legend="Slags tekst" type="radio" items={(['news', 'article', 'life_story'] as const).map((kind) => ({ value: kind, label: gloriaWords.kinds[kind], checked: form.kind === kind }))} />
            <TextInput id="title" name="title" label="Overskrift" value={form.title} error={error('title')} />
            <TextArea id="lead" name="lead" label="Indledning (valgfri)" hint="En eller to sætninger, der står øverst og i oversigten." rows={2} value={form.lead} error={error('lead')} />
            <TextArea
              id="body"
              name="body"
              label="Brødtekst"
              hint="Lav en tom linje mellem afsnit. En linje, der begynder med «## », bliver en mellemrubrik. Linjer, der begynder med «- », bliver en punktopstilling. Tekst fra Word bliver renset for skjult formatering, når du gemmer."
              rows={16}
              value={form.body}
              error={error('body')}
            />
            <Select
              id="themeId"
              name="themeId"
              label="Temanummer"
              error={error('themeId')}
              options={[{ value: '', text: 'Intet temanummer', selected: form.themeId === '' }, ...props.themes.map((theme) => ({ value: theme.id, text: `${theme.title} (${theme.teamName})`, selected: form.themeId === theme.id }))]}
            />
            <TextInput id="themePosition" name="themePosition" label="Plads i temanummeret" hint="1 er først." width="xs" value={form.themePosition} error={error('themePosition')} />
            <Choices id="anonymous" name="anonymous" legend="Kun for livshistorier" type="checkbox" items={[{ value: 'ja', label: 'Historien er anonym: der står intet navn på den', checked: form.anonymous }]} />
            <h3>Billede (valgfrit)</h3>
            {article?.image && (
              <figure class="gloria-figure">
                <img src={`${base}/tekster/${article.id}/billede`} alt={article.image.alt} />
                <figcaption class="form-hint">Billedet, som det er gemt nu.</figcaption>
              </figure>
            )}
            <div class={error('image') ? 'form-group form-error' : 'form-group'}>
              <label class="form-label" for="image">
                {article?.image ? 'Skift billedet' : 'Vælg et billede'}
              </label>
              <span class="form-hint" id="image-hint">
                Et foto i formatet JPEG, PNG eller WebP på højst 2 MB. Vis ikke genkendelige personer uden deres ja.
              </span>
              {error('image') && (
                <span class="form-error-message" id="image-error">
                  <span class="sr-only">Fejl:</span>
                  {error('image')}
                </span>
              )}
              <input type="file" id="image" name="image" accept="image/jpeg,image/png,image/webp" aria-describedby={error('image') ? 'image-hint image-error' : 'image-hint'} />
            </div>
            <TextInput id="imageAlt" name="imageAlt" label="Hvad viser billedet?" hint="Skrives til dem, der ikke kan se billedet. Skal udfyldes, når der er et billede." value={form.imageAlt} error={error('imageAlt')} />
            {article?.image && <Choices id="removeImage" name="removeImage" legend="Fjern billedet" type="checkbox" items={[{ value: 'ja', label: 'Fjern billedet fra teksten', checked: form.removeImage }]} />}
            <Button>{article ? 'Gem teksten' : 'Gem som kladde'}</Button>
          </form>
        </>
      ) : null}
      {article && article.state !== 'withdrawn' && (
        <>
          <h2>Sådan ser teksten ud</h2>
          <div class="gloria-preview">
            {article.lead && <p class="font-lead">{article.lead}</p>}
            <p class="form-hint">Byline: {bylineOf(article)}</p>
            <GloriaBody blocks={parseBody(article.body)} mode="preview" headingLevel={3} listings={props.listings} />
          </div>
        </>
      )}
      {article && article.kind === 'life_story' && article.state !== 'withdrawn' && <ConsentSection {...props} article={article} />}
      {article && <NextSteps article={article} isEditor={isEditor} accountId={props.accountId} csrfToken={props.signedIn.csrfToken} />}
      {(editable || props.stale) && <script src={assetHref('/static/gloria-lix.js')} defer />}
    </AdminLayout>
  );
}

function ConsentSection(props: ArticlePageProps & { article: Article }) {
  const { article } = props;
  const consent = article.storyteller?.consent ?? null;
  const error = (field: string) => errorOf(props.consentProblems, field);
  return (
    <section aria-labelledby="consent-heading">
      <h2 id="consent-heading">Fortællerens samtykke</h2>
      {consent ? (
        <p>
          {article.storyteller?.name ?? 'Fortælleren'} sagde ja {formatDanishDate(consent.on)} ({gloriaWords.consentHows[consent.how].toLowerCase()}); skrevet ind af {consent.recordedByName}.{' '}
          {article.storyteller?.anonymous ? 'Historien er anonym.' : 'Fornavnet står på historien.'} Navnet slettes {article.storyteller?.deleteAfter ? formatDanishDate(article.storyteller.deleteAfter) : 'efter to år'}, og
          så står historien som anonym.
        </p>
      ) : (
        <p>Samtykket er ikke skrevet ind. Historien kan ikke sendes til gennemsyn, før det er.</p>
      )}
      <ErrorSummary problems={props.consentProblems} />
      <form method="post" action={`${base}/tekster/${article.id}/samtykke`} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <TextInput id="consentOn" name="consentOn" label="Dato for samtykket" type="date" width="s" value={props.consent.on} error={error('consentOn')} />
        <Select
          id="consentHow"
          name="consentHow"
          label="Hvordan sagde fortælleren ja?"
          error={error('consentHow')}
          options={[{ value: '', text: 'Vælg', selected: props.consent.how === '' }, ...consentHows.map((how) => ({ value: how, text: gloriaWords.consentHows[how], selected: props.consent.how === how }))]}
        />
        <TextInput id="consentName" name="storytellerName" label="Fortællerens fornavn" hint="Kun fornavnet. Vises ikke, hvis historien er anonym." value={props.consent.name} error={error('consentName')} />
        <Choices id="consentAnonymous" name="anonymous" legend="Navn på historien" type="checkbox" items={[{ value: 'ja', label: 'Fortælleren vil være anonym', checked: props.consent.anonymous }]} />
        <Button variant="secondary">{consent ? 'Ret samtykket' : 'Skriv samtykket ind'}</Button>
      </form>
      <h3>Trækker fortælleren sit samtykke tilbage?</h3>
      <p>Så bliver historien taget af siden med det samme, og teksten, navnet og billedet bliver slettet. Det kan ikke fortrydes.</p>
      <form method="post" action={`${base}/tekster/${article.id}/samtykke/traek-tilbage`}>
        <CsrfField token={props.signedIn.csrfToken} />
        <Button variant="secondary">Fortælleren trækker samtykket tilbage</Button>
      </form>
    </section>
  );
}

function NextSteps({ article, isEditor, accountId, csrfToken }: { article: Article; isEditor: boolean; accountId: string; csrfToken: string }) {
  const url = `${base}/tekster/${article.id}`;
  const own = article.authorAccountId === accountId;
  if (article.state === 'withdrawn') return null;
  return (
    <section aria-labelledby="steps-heading">
      <h2 id="steps-heading">Næste skridt</h2>
      {article.state === 'draft' && (
        <form method="post" action={`${url}/send`}>
          <CsrfField token={csrfToken} />
          <p>Når teksten er færdig, sender du den til gennemsyn hos en redaktør. Gem dine ændringer først.</p>
          <Button>Send til gennemsyn</Button>
        </form>
      )}
      {article.state === 'review' && !isEditor && <p>Teksten venter på, at en redaktør læser den.</p>}
      {article.state === 'review' && isEditor && (
        <>
          {article.themeId ? (
            <p>
              Teksten hører til et temanummer og udgives sammen med det fra <a href={`${base}/temaer/${article.themeId}`}>temanummerets side</a>.
            </p>
          ) : own ? (
            <p>Du har selv skrevet teksten. En anden redaktør fra redaktionen skal læse og udgive den.</p>
          ) : (
            <form method="post" action={`${url}/udgiv`}>
              <CsrfField token={csrfToken} />
              <Button>Udgiv teksten</Button>
            </form>
          )}
          <form method="post" action={`${url}/tilbage`} novalidate>
            <CsrfField token={csrfToken} />
            <TextArea id="comment" name="comment" label="Send tilbage til skribenten med en kommentar" hint="Skriv, hvad der skal rettes. Skribenten ser kommentaren over teksten." rows={3} value="" />
            <Button variant="secondary">Send tilbage til kladde</Button>
          </form>
        </>
      )}
      {article.state === 'published' &&
        (isEditor ? (
          <form method="post" action={`${url}/skjul`}>
            <CsrfField token={csrfToken} />
            <p>Teksten kan tages af siden. Den bliver en kladde igen og kan rettes og sendes til gennemsyn på ny.</p>
            <Button variant="secondary">Tag teksten af siden</Button>
          </form>
        ) : (
          <p>Teksten er udgivet. Skal den rettes, så bed en redaktør om at tage den af siden.</p>
        ))}
    </section>
  );
}

/** /admin/gloria/gennemsyn: texts waiting for an editor, in the teams where the person is editor. */
export function ReviewQueuePage(props: { signedIn: SignedIn; articles: Article[]; canManageTeams: boolean }) {
  return (
    <AdminLayout title="Gennemsyn – Gloria" signedIn={props.signedIn}>
      <h1>Gennemsyn</h1>
      <GloriaNav canManageTeams={props.canManageTeams} isEditor />
      <p>Tekster, som skribenterne har sendt til gennemsyn i de redaktioner, hvor du er redaktør. Du kan ikke udgive en tekst, du selv har skrevet.</p>
      {props.articles.length === 0 ? <p>Der venter ingen tekster.</p> : <ArticleTable articles={props.articles} caption="Tekster til gennemsyn, senest ændret først" id="review-caption" />}
    </AdminLayout>
  );
}

/** /admin/gloria/temaer: the theme issues of the person's teams, and a new one for the teams where they edit. */
export function ThemesPage(props: { signedIn: SignedIn; themes: Theme[]; editorTeams: GloriaTeam[]; form: { teamId: string; title: string; intro: string }; problems: Problem[]; canManageTeams: boolean }) {
  const error = (field: string) => errorOf(props.problems, field);
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Temanumre – Gloria`} signedIn={props.signedIn}>
      <h1>Temanumre</h1>
      <GloriaNav canManageTeams={props.canManageTeams} isEditor={props.editorTeams.length > 0} />
      <p>Et temanummer samler flere tekster om ét emne, fx ensomhed. Teksterne vælger temanummeret på deres egen side. Temanummeret og alle dets tekster udgives på én gang.</p>
      {props.themes.length === 0 ? (
        <p>Dine redaktioner har ingen temanumre endnu.</p>
      ) : (
        <ul>
          {props.themes.map((theme) => (
            <li>
              <a href={`${base}/temaer/${theme.id}`}>{theme.title}</a> ({theme.teamName}, {theme.state === 'published' ? 'udgivet' : 'ikke udgivet'})
              {theme.isExample && (
                <>
                  {' '}
                  <ExampleDataBadge />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.editorTeams.length > 0 && (
        <>
          <h2>Nyt temanummer</h2>
          <ErrorSummary problems={props.problems} />
          <form method="post" action={`${base}/temaer`} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <Select
              id="teamId"
              name="teamId"
              label="Redaktion"
              error={error('teamId')}
              options={[{ value: '', text: 'Vælg', selected: props.form.teamId === '' }, ...props.editorTeams.map((team) => ({ value: team.id, text: team.name, selected: props.form.teamId === team.id }))]}
            />
            <TextInput id="title" name="title" label="Titel" value={props.form.title} error={error('title')} />
            <TextArea id="intro" name="intro" label="Indledning" rows={4} value={props.form.intro} error={error('intro')} />
            <Button>Opret temanummeret</Button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}

/** /admin/gloria/temaer/{id}: the texts in order, its title and introduction, publishing it as one. */
export function ThemePage(props: {
  signedIn: SignedIn;
  theme: Theme;
  articles: Article[];
  isEditor: boolean;
  form: { title: string; intro: string; version: number };
  problems: Problem[];
  notice: string | null;
  refusal: string | null;
  stale: Theme | null;
}) {
  const { theme } = props;
  const error = (field: string) => errorOf(props.problems, field);
  const failed = props.problems.length > 0 || props.refusal !== null;
  return (
    <AdminLayout title={`${failed ? 'Fejl: ' : ''}Temanummer: ${theme.title} – Gloria`} signedIn={props.signedIn}>
      <p>
        <a href={`${base}/temaer`}>Alle temanumre</a>
      </p>
      <h1>Temanummer: {theme.title}</h1>
      <p>
        {theme.teamName} · <strong>{theme.state === 'published' ? 'Udgivet' : 'Ikke udgivet'}</strong>
        {theme.isExample && (
          <>
            {' '}
            <ExampleDataBadge />
          </>
        )}
      </p>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      {props.refusal && <Alert variant="error">{props.refusal}</Alert>}
      {theme.state === 'published' && (
        <p>
          <a href={`/gloria/tema/${theme.slug}`}>Se temanummeret på Gloria</a>
        </p>
      )}
      <h2>Tekster ({props.articles.length})</h2>
      {props.articles.length === 0 ? (
        <p>Ingen tekster endnu. Vælg temanummeret på en teksts egen side.</p>
      ) : (
        <ol>
          {props.articles.map((article) => (
            <li>
              <a href={`${base}/tekster/${article.id}`}>{article.title}</a> ({gloriaWords.kinds[article.kind].toLowerCase()}, {gloriaWords.states[article.state].toLowerCase()})
            </li>
          ))}
        </ol>
      )}
      {props.isEditor && (
        <>
          {theme.state === 'draft' ? (
            <form method="post" action={`${base}/temaer/${theme.id}/udgiv`}>
              <CsrfField token={props.signedIn.csrfToken} />
              <p>Når alle teksterne er sendt til gennemsyn og læst, udgiver du temanummeret og dets tekster på én gang.</p>
              <Button>Udgiv temanummeret</Button>
            </form>
          ) : (
            <form method="post" action={`${base}/temaer/${theme.id}/skjul`}>
              <CsrfField token={props.signedIn.csrfToken} />
              <Button variant="secondary">Tag temanummeret af siden</Button>
            </form>
          )}
          <h2>Ret titel og indledning</h2>
          {props.stale && <Alert variant="warning">Temanummeret er ændret af en anden, efter du åbnede det. Din udgave står i felterne og er ikke gemt. Den gemte titel er «{props.stale.title}».</Alert>}
          <ErrorSummary problems={props.problems} />
          <form method="post" action={`${base}/temaer/${theme.id}`} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="version" value={String(props.form.version)} />
            <TextInput id="title" name="title" label="Titel" value={props.form.title} error={error('title')} />
            <TextArea id="intro" name="intro" label="Indledning" rows={4} value={props.form.intro} error={error('intro')} />
            <Button variant="secondary">Gem temanummeret</Button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}

/** /admin/gloria/redaktioner: every team, its writers and editors, and adding a person (optionally as a user job). */
export function TeamsPage(props: {
  signedIn: SignedIn;
  teams: GloriaTeam[];
  members: GloriaMember[];
  accounts: { id: string; name: string }[];
  jobs: { id: string; title: string; offeringName: string }[];
  problems: Problem[];
  notice: string | null;
}) {
  const error = (field: string) => errorOf(props.problems, field);
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Redaktioner – Gloria`} signedIn={props.signedIn}>
      <h1>Glorias redaktioner</h1>
      <GloriaNav canManageTeams isEditor={false} />
      <p>
        Der er en redaktion i hver bydel og en for hele byen. Skribenter skriver og sender til gennemsyn; redaktører udgiver. Brugere, der er ansat i et brugerjob på redaktionen, kobles til jobbet.
      </p>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      <ErrorSummary problems={props.problems} />
      <form method="post" action={`${base}/redaktioner`}>
        <CsrfField token={props.signedIn.csrfToken} />
        <Button variant="secondary">Opret redaktioner for bydele, der mangler en</Button>
      </form>
      {props.teams.map((team) => {
        const members = props.members.filter((member) => member.teamId === team.id);
        return (
          <section aria-labelledby={`team-${team.id}`}>
            <h2 id={`team-${team.id}`}>{team.name}</h2>
            {members.length === 0 ? (
              <p>Ingen i redaktionen endnu.</p>
            ) : (
              <ul class="nobullet-list">
                {members.map((member) => (
                  <li>
                    <form method="post" action={`${base}/redaktioner/${team.id}/medlemmer/${member.id}/fjern`} class="gloria-member">
                      <CsrfField token={props.signedIn.csrfToken} />
                      {member.accountName}: {gloriaWords.roles[member.role].toLowerCase()}
                      {member.userJob && ` (brugerjob: ${member.userJob.title}, ${member.userJob.offeringName})`}{' '}
                      <button type="submit" class="button button-tertiary">
                        Fjern {member.accountName} fra {team.name}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
            <details class="details">
              <summary class="details-summary">Tilføj en person til {team.name}</summary>
              <div class="details-text">
                <form method="post" action={`${base}/redaktioner/${team.id}/medlemmer`} novalidate>
                  <CsrfField token={props.signedIn.csrfToken} />
                  <Select
                    id={`accountId-${team.id}`}
                    name="accountId"
                    label="Konto"
                    error={error(`accountId-${team.id}`)}
                    options={[{ value: '', text: 'Vælg', selected: true }, ...props.accounts.map((account) => ({ value: account.id, text: account.name }))]}
                  />
                  <Select
                    id={`role-${team.id}`}
                    name="role"
                    label="Rolle"
                    error={error(`role-${team.id}`)}
                    options={[
                      { value: 'writer', text: 'Skribent', selected: true },
                      { value: 'editor', text: 'Redaktør' },
                    ]}
                  />
                  <Select
                    id={`userJobId-${team.id}`}
                    name="userJobId"
                    label="Brugerjob (valgfrit)"
                    error={error(`userJobId-${team.id}`)}
                    options={[{ value: '', text: 'Intet brugerjob', selected: true }, ...props.jobs.map((job) => ({ value: job.id, text: `${job.title}, ${job.offeringName}` }))]}
                  />
                  <Button>Tilføj til {team.name}</Button>
                </form>
              </div>
            </details>
          </section>
        );
      })}
    </AdminLayout>
  );
}
