import type { RangeSearch } from '../../app/search-range.ts';
import { finderOptions, finderParams, openWords, staffingWords } from '../../http/finder-query.ts';
import { shortlistParams, withShortlist } from '../../http/shortlist-query.ts';
import { danishLang, WithDanish } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale, messages } from '../i18n/index.ts';
import { vocabulary } from '../../domain/vocabulary.ts';
import { Button, Choices, Select, TextInput } from './form.tsx';

/**
 * The finder: a GET form, so every search is a link that can be shared and works without JavaScript.
 * The most used choices are visible; the rest sit under "Flere valg", open when one of them is set.
 */
export function FinderForm({
  search,
  nearText,
  shortlist,
  locale,
}: {
  search: RangeSearch;
  nearText: string | null;
  shortlist: readonly string[];
  locale: Locale;
}) {
  const t = messages[locale].finder;
  const words = vocabulary[locale];
  const { criteria, facets } = search;
  const moreIsSet = criteria.centreSlug !== null || criteria.interests.length > 0 || criteria.staffing !== null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: hono/jsx has no <search> element type; role=search on the form is the established equivalent.
    <form method="get" action={hrefIn(locale, '/#resultater')} role="search" aria-label={t.label} class="finder" novalidate>
      <TextInput
        id="q"
        name={finderParams.text}
        type="search"
        label={t.text}
        hint={<WithDanish locale={locale} segments={t.textHint} />}
        value={criteria.text ?? ''}
      />
      <TextInput
        id="naer"
        name={finderParams.near}
        label={t.near}
        hint={<WithDanish locale={locale} segments={t.nearHint} />}
        value={search.origin && !search.origin.isSharedPosition ? search.origin.label : (nearText ?? '')}
        autocomplete="street-address"
      />
      <Select
        id="bydel"
        name={finderParams.district}
        label={t.district}
        options={[
          { value: '', text: t.wholeCity },
          ...facets.districts.map((district) => ({
            value: district.slug,
            text: `${district.name} (${district.count})`,
            selected: district.slug === criteria.districtSlug,
            lang: danishLang(locale),
          })),
        ]}
      />
      <Choices
        id="profil"
        name={finderParams.profile}
        type="radio"
        legend={t.need}
        items={[
          { value: '', label: t.showAll, checked: criteria.profile === null },
          ...finderOptions.profiles.map((option) => ({
            value: option.word,
            label: words.profiles[option.code].label,
            checked: criteria.profile === option.code,
          })),
        ]}
      />
      <Choices
        id="aaben"
        name={finderParams.open}
        type="radio"
        legend={t.when}
        items={[
          { value: '', label: t.noPreference, checked: criteria.open === null },
          { value: openWords.now, label: t.openNow, checked: criteria.open?.kind === 'now' },
          { value: openWords.at, label: t.openAt, checked: criteria.open?.kind === 'at' },
          { value: openWords.holidays, label: t.openOnHolidays, checked: criteria.open?.kind === 'holidays' },
        ]}
      />
      <div class="finder-when-time">
        <TextInput
          id="dag"
          name={finderParams.day}
          type="date"
          label={t.day}
          hint={t.dayHint}
          value={criteria.open?.kind === 'at' ? criteria.open.date : ''}
          width="s"
        />
        <TextInput
          id="kl"
          name={finderParams.time}
          type="time"
          label={t.time}
          hint={t.timeHint}
          value={criteria.open?.kind === 'at' ? criteria.open.time : ''}
          width="xs"
        />
      </div>
      <Choices
        id="maalgruppe"
        name={finderParams.targetGroup}
        type="checkbox"
        legend={t.focus}
        hint={t.focusHint}
        items={finderOptions.targetGroups.map((option) => ({
          value: option.word,
          label: words.targetGroups[option.code],
          checked: criteria.targetGroups.includes(option.code),
        }))}
      />
      <details class="details" open={moreIsSet}>
        <summary class="details-summary">{t.more}</summary>
        <div class="details-text">
          <Choices
            id="interesse"
            name={finderParams.interest}
            type="checkbox"
            legend={t.interests}
            items={finderOptions.interests.map((option) => ({
              value: option.word,
              label: words.interests[option.code],
              checked: criteria.interests.includes(option.code),
            }))}
          />
          <Choices
            id="bemanding"
            name={finderParams.staffing}
            type="radio"
            legend={t.staff}
            items={[
              { value: '', label: t.noPreference, checked: criteria.staffing === null },
              { value: staffingWords.staff, label: t.staffPresent, checked: criteria.staffing === 'staff' },
              { value: staffingWords.user_run, label: t.userRun, checked: criteria.staffing === 'user_run' },
            ]}
          />
          <Select
            id="center"
            name={finderParams.centre}
            label={t.centre}
            options={[
              { value: '', text: t.allCentres },
              ...facets.centres.map((centre) => ({
                value: centre.slug,
                text: `${centre.name} (${centre.count})`,
                selected: centre.slug === criteria.centreSlug,
                lang: danishLang(locale),
              })),
            ]}
          />
        </div>
      </details>
      {/* The shortlist travels with every search, so pinning places and searching can be mixed. */}
      {shortlist.length > 0 && <input type="hidden" name={shortlistParams.places} value={shortlist.join(',')} />}
      <div class="finder-actions">
        <Button>{t.search}</Button>
        {search.isFiltered && <a href={hrefIn(locale, withShortlist('/', shortlist))}>{t.clear}</a>}
      </div>
    </form>
  );
}
