import type { RangeSearch } from '../../app/search-range.ts';
import { finderOptions, finderParams, openWords, staffingWords } from '../../http/finder-query.ts';
import { shortlistParams, withShortlist } from '../../http/shortlist-query.ts';
import { Button, Choices, Select, TextInput } from './form.tsx';

/**
 * The finder: a GET form, so every search is a link that can be shared and works without JavaScript.
 * The most used choices are visible; the rest sit under "Flere valg", open when one of them is set.
 */
export function FinderForm({
  search,
  nearText,
  shortlist,
}: {
  search: RangeSearch;
  nearText: string | null;
  shortlist: readonly string[];
}) {
  const { criteria, facets } = search;
  const moreIsSet = criteria.centreSlug !== null || criteria.interests.length > 0 || criteria.staffing !== null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: hono/jsx has no <search> element type; role=search on the form is the established equivalent.
    <form method="get" action="/#resultater" role="search" aria-label="Find et sted" class="finder" novalidate>
      <TextInput
        id="q"
        name={finderParams.text}
        type="search"
        label="Hvad leder du efter?"
        hint="Skriv fx værested, musik, fællesspisning eller navnet på et sted."
        value={criteria.text ?? ''}
      />
      <TextInput
        id="naer"
        name={finderParams.near}
        label="Nær en adresse eller et postnummer"
        hint="Fx Nørrebrogade 20 eller 2300. Stederne vises med det nærmeste først."
        value={search.origin && !search.origin.isSharedPosition ? search.origin.label : (nearText ?? '')}
        autocomplete="street-address"
      />
      <Select
        id="bydel"
        name={finderParams.district}
        label="Bydel"
        options={[
          { value: '', text: 'Hele byen' },
          ...facets.districts.map((district) => ({
            value: district.slug,
            text: `${district.name} (${district.count})`,
            selected: district.slug === criteria.districtSlug,
          })),
        ]}
      />
      <Choices
        id="profil"
        name={finderParams.profile}
        type="radio"
        legend="Hvad har du brug for?"
        items={[
          { value: '', label: 'Vis alle', checked: criteria.profile === null },
          ...finderOptions.profiles.map((option) => ({
            value: option.word,
            label: option.label,
            checked: criteria.profile === option.code,
          })),
        ]}
      />
      <Choices
        id="aaben"
        name={finderParams.open}
        type="radio"
        legend="Hvornår skal stedet være åbent?"
        items={[
          { value: '', label: 'Det er lige meget', checked: criteria.open === null },
          { value: openWords.now, label: 'Åbent nu', checked: criteria.open?.kind === 'now' },
          { value: openWords.at, label: 'På en bestemt dag og et bestemt tidspunkt', checked: criteria.open?.kind === 'at' },
          { value: openWords.holidays, label: 'På helligdage (fx juleaften)', checked: criteria.open?.kind === 'holidays' },
        ]}
      />
      <div class="finder-when-time">
        <TextInput
          id="dag"
          name={finderParams.day}
          type="date"
          label="Dag"
          hint="Til «en bestemt dag». Tom betyder i dag."
          value={criteria.open?.kind === 'at' ? criteria.open.date : ''}
          width="s"
        />
        <TextInput
          id="kl"
          name={finderParams.time}
          type="time"
          label="Klokken"
          hint="Fx 18:00"
          value={criteria.open?.kind === 'at' ? criteria.open.time : ''}
          width="xs"
        />
      </div>
      <Choices
        id="maalgruppe"
        name={finderParams.targetGroup}
        type="checkbox"
        legend="Steder med særligt fokus på"
        hint="Alle steder er åbne for voksne med psykiske vanskeligheder."
        items={finderOptions.targetGroups.map((option) => ({
          value: option.word,
          label: option.label,
          checked: criteria.targetGroups.includes(option.code),
        }))}
      />
      <details class="details" open={moreIsSet}>
        <summary class="details-summary">Flere valg</summary>
        <div class="details-text">
          <Choices
            id="interesse"
            name={finderParams.interest}
            type="checkbox"
            legend="Det vil jeg gerne lave"
            items={finderOptions.interests.map((option) => ({
              value: option.word,
              label: option.label,
              checked: criteria.interests.includes(option.code),
            }))}
          />
          <Choices
            id="bemanding"
            name={finderParams.staffing}
            type="radio"
            legend="Personale"
            items={[
              { value: '', label: 'Det er lige meget', checked: criteria.staffing === null },
              { value: staffingWords.staff, label: 'Der skal være personale til stede', checked: criteria.staffing === 'staff' },
              { value: staffingWords.user_run, label: 'Brugerstyret', checked: criteria.staffing === 'user_run' },
            ]}
          />
          <Select
            id="center"
            name={finderParams.centre}
            label="Center"
            options={[
              { value: '', text: 'Alle centre' },
              ...facets.centres.map((centre) => ({
                value: centre.slug,
                text: `${centre.name} (${centre.count})`,
                selected: centre.slug === criteria.centreSlug,
              })),
            ]}
          />
        </div>
      </details>
      {/* The shortlist travels with every search, so pinning places and searching can be mixed. */}
      {shortlist.length > 0 && <input type="hidden" name={shortlistParams.places} value={shortlist.join(',')} />}
      <div class="finder-actions">
        <Button>Søg</Button>
        {search.isFiltered && <a href={withShortlist('/', shortlist)}>Ryd søgningen</a>}
      </div>
    </form>
  );
}
