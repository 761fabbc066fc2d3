import type { Child } from 'hono/jsx';
import {
  fitProjection,
  type LatLon,
  type MapBox,
  type MapPoint,
  type PlacedPoint,
  type Projection,
  placeTiles,
  scaleBarMetres,
  separateMarkers,
} from '../../domain/map-projection.ts';
import { type Profile, vocabulary } from '../../domain/vocabulary.ts';
import { DanishText, danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale, messages } from '../i18n/index.ts';

export type MapPlace = { slug: string; name: string; profile: Profile | null; point: LatLon; isApproximate: boolean };
/** `isAddress`: the label is an address as the address register writes it (Danish), not our words ("your position"). */
export type MapOrigin = { point: LatLon; label: string; isApproximate: boolean; isAddress?: boolean };

/** SVG user units; the SVG itself scales to the width of its column. */
export const mapBox: MapBox = { width: 600, height: 450, margin: 36 };
const markerRadius = 9;
/** Centre to centre when markers at (almost) the same point are fanned out. */
const markerGap = 2 * markerRadius + 4;

/** The committee's colours: blue for social community, yellow for activities in the track, both halves for both. */
const blue = '#2563a8';
const yellow = '#f2c200';
const grey = '#8a8a8a';
const ink = '#1a1a1a';

export function profileLabel(profile: Profile | null, locale: Locale = 'da'): string {
  return profile ? vocabulary[locale].profiles[profile].label : messages[locale].map.noProfile;
}

/**
 * One marker centred on 0,0: a filled disc, or a hollow ring when the placement is approximate.
 * "Both" is half blue, half yellow. A dark edge keeps even yellow visible on a light map.
 */
export function MarkerSymbol({ profile, isApproximate, r = markerRadius }: { profile: Profile | null; isApproximate: boolean; r?: number }) {
  const colour = profile === 'social' ? blue : profile === 'development' ? yellow : grey;
  const top = `0,${-r}`;
  const bottom = `0,${r}`;
  if (!isApproximate) {
    return (
      <>
        {profile === 'both' ? (
          <>
            <path d={`M${top} A${r} ${r} 0 0 0 ${bottom} Z`} fill={blue} />
            <path d={`M${top} A${r} ${r} 0 0 1 ${bottom} Z`} fill={yellow} />
          </>
        ) : (
          <circle r={r} fill={colour} />
        )}
        <circle r={r} fill="none" stroke={ink} stroke-width="1.5" />
      </>
    );
  }
  // Hollow: a coloured ring inside a thin dark edge, white in the middle.
  const ring = r - 2.5;
  return (
    <>
      <circle r={r} fill="#fff" />
      {profile === 'both' ? (
        <>
          <path d={`M0,${-ring} A${ring} ${ring} 0 0 0 0,${ring}`} fill="none" stroke={blue} stroke-width="3.5" />
          <path d={`M0,${-ring} A${ring} ${ring} 0 0 1 0,${ring}`} fill="none" stroke={yellow} stroke-width="3.5" />
        </>
      ) : (
        <circle r={ring} fill="none" stroke={colour} stroke-width="3.5" />
      )}
      <circle r={r} fill="none" stroke={ink} stroke-width="1.2" />
    </>
  );
}

export function OriginSymbol({ r = markerRadius }: { r?: number }) {
  return (
    <>
      <circle r={r + 1} fill="#fff" stroke={ink} stroke-width="2.5" />
      <circle r={r / 2.5} fill={ink} />
    </>
  );
}

/** A small picture of a marker for the legend and the list; hidden from screen readers, who get the words. */
export function Swatch({ children }: { children: Child }) {
  return (
    <svg class="range-map-swatch" viewBox="-11 -11 22 22" width="22" height="22" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

function formatScale(metres: number): string {
  return metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
}

export type MapLayout = {
  projection: Projection;
  places: (MapPlace & { at: MapPoint; bearing: number | null })[];
  origin: (MapOrigin & { at: PlacedPoint }) | null;
};

/** Where everything goes: fitted to the places and the origin, far-off places pinned to the edge, none on top of another. */
export function layoutRangeMap(places: MapPlace[], origin: MapOrigin | null): MapLayout {
  const projection = fitProjection([...places.map((place) => place.point), ...(origin ? [origin.point] : [])], mapBox);
  const placed = places.map((place) => projection.place(place.point));
  const originAt = origin ? projection.place(origin.point) : null;
  // The origin takes part, so no marker hides it.
  const separated = separateMarkers([...placed, ...(originAt ? [originAt] : [])], markerGap, mapBox);
  return {
    projection,
    places: places.map((place, index) => ({ ...place, at: separated[index]!, bearing: placed[index]!.bearing })),
    origin: origin && originAt ? { ...origin, at: { ...originAt, ...separated[places.length]! } } : null,
  };
}

/** "Ligger uden for kortet, mod vest." for a place pinned to the edge, with its bearing from the middle of the map. */
export function outsideMapText(bearing: number, locale: Locale = 'da'): string {
  const t = messages[locale].map;
  return t.outside(t.compass[Math.round(bearing / 45) % 8]!);
}

/**
 * The places as an inline SVG map: a plain background (or tiles when a tile server is configured), one
 * link per place named by its <title>, the origin of a "near" search, a scale bar and a text legend.
 * Drawn on the server; it needs no script and asks no other host for anything unless tiles are set.
 */
export function RangeMap({
  layout,
  tileUrlTemplate = null,
  locale = 'da',
}: {
  layout: MapLayout;
  tileUrlTemplate?: string | null;
  locale?: Locale;
}) {
  const t = messages[locale].map;
  const { projection, places, origin } = layout;
  const tiles = tileUrlTemplate ? placeTiles(projection, tileUrlTemplate) : [];
  const scaleMetres = scaleBarMetres(mapBox.width * 0.25 * projection.metresPerUnit);
  const scaleLength = scaleMetres / projection.metresPerUnit;
  const usedProfiles = (['social', 'development', 'both', null] as const).filter((profile) =>
    places.some((place) => place.profile === profile),
  );
  const hasApproximate = places.some((place) => place.isApproximate) || (origin?.isApproximate ?? false);
  const hasPinned = places.some((place) => place.bearing !== null);

  return (
    <figure class="range-map">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>; a group (not an image, it holds links) names the map without hiding its links, each named by its <title>. */}
      <svg
        class="range-map-svg"
        viewBox={`0 0 ${mapBox.width} ${mapBox.height}`}
        width="100%"
        role="group"
        aria-label={t.label(places.length)}
      >
        {/* Everything under the markers is decoration for screen readers: the page says the same in words. */}
        <svg class="range-map-ground" aria-hidden="true">
          <rect class="range-map-background" width={mapBox.width} height={mapBox.height} />
          {tiles.map((tile) => (
            <image
              class="range-map-tile"
              href={tile.href}
              x={round(tile.box.x)}
              y={round(tile.box.y)}
              width={round(tile.box.width)}
              height={round(tile.box.height)}
              preserveAspectRatio="none"
            />
          ))}
          {origin && <OriginMarker origin={origin} />}
        </svg>
        {places.map((place) => (
          <a
            class="range-map-marker"
            href={hrefIn(locale, `/tilbud/${encodeURIComponent(place.slug)}`)}
            lang={place.bearing === null ? danishLang(locale) : undefined}
          >
            <title>{place.bearing === null ? place.name : `${place.name}. ${outsideMapText(place.bearing, locale)}`}</title>
            <g transform={`translate(${round(place.at.x)} ${round(place.at.y)})`}>
              <g class="range-map-symbol">
                <circle class="range-map-target" r={markerRadius + 5} />
                {place.bearing !== null && <EdgeArrow bearing={place.bearing} />}
                <MarkerSymbol profile={place.profile} isApproximate={place.isApproximate} />
              </g>
            </g>
          </a>
        ))}
      </svg>
      {/* Under the map rather than on it, where a place pinned to a corner could hide it; its width is a share of the map's. */}
      <p class="range-map-scale">
        <span class="sr-only">{t.scale}</span>
        {/* An SVG's width attribute, not a style attribute: the content security policy allows no inline styles. */}
        <svg
          class="range-map-scale-bar"
          width={`${round((scaleLength / mapBox.width) * 100)}%`}
          height="8"
          viewBox="0 0 100 8"
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M0.5,0 V7.5 H99.5 V0" vector-effect="non-scaling-stroke" />
        </svg>
        {formatScale(scaleMetres)}
      </p>
      <figcaption class="range-map-legend">
        <span class="sr-only">{t.legend}</span>
        <ul class="unstyled-list">
          {usedProfiles.map((profile) => (
            <li>
              <Swatch>
                <MarkerSymbol profile={profile} isApproximate={false} />
              </Swatch>
              {profileLabel(profile, locale)}
            </li>
          ))}
          {hasApproximate && (
            <li>
              <Swatch>
                <circle r={markerRadius} fill="#fff" stroke={ink} stroke-width="1.2" />
                <circle r={markerRadius - 2.5} fill="none" stroke={ink} stroke-width="3.5" />
              </Swatch>
              {t.ring}
            </li>
          )}
          {hasPinned && (
            <li>
              <Swatch>
                <EdgeArrow bearing={90} offset={-4} />
              </Swatch>
              {t.outsideArrow}
            </li>
          )}
          {origin && (
            <li>
              <Swatch>
                <OriginSymbol r={7} />
              </Swatch>
              {t.origin}
              {origin.isAddress ? <DanishText locale={locale}>{origin.label}</DanishText> : origin.label}
            </li>
          )}
        </ul>
        {tiles.length > 0 && tileUrlTemplate && <p class="range-map-attribution">{attribution(tileUrlTemplate, locale)}</p>}
      </figcaption>
    </figure>
  );
}

/** A small dark arrow beside a pinned marker, pointing the way the place really lies. */
function EdgeArrow({ bearing, offset = markerRadius + 2 }: { bearing: number; offset?: number }) {
  return <path d={`M${offset},-5 L${offset + 8},0 L${offset},5 Z`} fill={ink} transform={`rotate(${round(bearing - 90)})`} />;
}

function OriginMarker({ origin }: { origin: NonNullable<MapLayout['origin']> }) {
  const { at } = origin;
  // The label goes on the side with room for it: about 12 units a character at the larger size phones get.
  const fitsRight = at.x + 14 + origin.label.length * 12 < mapBox.width;
  return (
    <g class="range-map-origin" transform={`translate(${round(at.x)} ${round(at.y)})`}>
      <OriginSymbol />
      <text class="range-map-text range-map-label" x={fitsRight ? 14 : -14} y="4.5" text-anchor={fitsRight ? 'start' : 'end'}>
        {origin.label}
      </text>
    </g>
  );
}

/** Tile servers ask to be credited; OpenStreetMap names its contributors. */
export function attribution(tileUrlTemplate: string, locale: Locale = 'da'): string {
  const t = messages[locale].map;
  const host = new URL(tileUrlTemplate.replace(/\{[zxy]\}/g, '0')).hostname;
  return t.background(host.endsWith('openstreetmap.org') ? t.openStreetMap : host);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
