import type { PopulationSource } from './population-grid.ts';

/**
 * APPROXIMATE residents of Copenhagen Municipality by district (bydel), and approximate district areas.
 *
 * Source: the public district population figures of Københavns Kommune's statistics (Statistikbanken,
 * "Befolkningen efter bydel") and Danmarks Statistik, around 1 January 2024. The figures below are ROUNDED
 * APPROXIMATIONS of those statistics (to the nearest 1,000), written in by hand without the source tables at
 * hand; they are not a copy of the official table and are off by a few per cent. The district areas are not
 * the official boundaries either: the municipality is drawn as a rough outline (Frederiksberg cut out), and
 * each 100 m cell goes to the district whose nearest anchor point lies closest. Residents are spread evenly
 * over their district's cells, so parks, harbour areas and commons hold as many people as housing blocks.
 *
 * In production, replace this file with the real grid: Danmarks Statistik's population on the 100 m
 * kvadratnet (DDKNcelle100m), and the districts from Københavns Kommune's open data (bydele). Anything that
 * satisfies `PopulationSource`, or returns `PopulationCell`s directly, can stand in for it.
 */
export const copenhagenDistrictsApprox: PopulationSource = {
  name: 'Københavns Kommune, beboere pr. bydel (ca. 2024), afrundet og tilnærmet',
  note:
    'Befolkningstallene er afrundede tilnærmelser af de offentlige bydelstal (Københavns Kommunes Statistikbank og Danmarks Statistik, ca. 2024), ' +
    'og bydelsgrænserne er tegnet omtrentligt. Beboerne er fordelt jævnt over hver bydels celler på 100 × 100 m. ' +
    'Tallene skal erstattes af Danmarks Statistiks kvadratnet, før de bruges til beslutninger.',
  noteEn:
    'Population figures are rounded approximations of the public district figures (Copenhagen Municipality statistics and Statistics Denmark, around 2024), ' +
    'and the district boundaries are drawn approximately. Residents are spread evenly over each district’s 100 × 100 m cells. ' +
    'Replace them with Statistics Denmark’s square grid before they are used for decisions.',
  approximate: true,
  // [longitude, latitude], drawn roughly around the municipality's land (Kalvebod Fælled's empty south left out).
  outline: [
    [12.577, 55.7285],
    [12.6, 55.722],
    [12.622, 55.713],
    [12.606, 55.69],
    [12.617, 55.685],
    [12.64, 55.675],
    [12.652, 55.655],
    [12.647, 55.637],
    [12.603, 55.637],
    [12.59, 55.625],
    [12.56, 55.62],
    [12.548, 55.632],
    [12.538, 55.642],
    [12.51, 55.645],
    [12.47, 55.649],
    [12.468, 55.665],
    [12.455, 55.676],
    [12.449, 55.69],
    [12.432, 55.703],
    [12.44, 55.72],
    [12.47, 55.726],
    [12.52, 55.729],
    [12.55, 55.73],
  ],
  holes: [
    // Frederiksberg Municipality, an enclave inside Copenhagen.
    [
      [12.505, 55.668],
      [12.535, 55.668],
      [12.548, 55.675],
      [12.55, 55.685],
      [12.535, 55.692],
      [12.515, 55.696],
      [12.495, 55.69],
      [12.49, 55.678],
    ],
  ],
  districts: [
    { slug: 'indre-by', name: 'Indre By', residents: 58_000, anchors: [[12.575, 55.68], [12.592, 55.673], [12.6, 55.685]] },
    { slug: 'osterbro', name: 'Østerbro', residents: 80_000, anchors: [[12.58, 55.705], [12.597, 55.715], [12.565, 55.699]] },
    { slug: 'norrebro', name: 'Nørrebro', residents: 80_000, anchors: [[12.548, 55.694], [12.535, 55.701]] },
    {
      slug: 'vesterbro-kongens-enghave',
      name: 'Vesterbro/Kongens Enghave',
      residents: 80_000,
      anchors: [[12.553, 55.668], [12.537, 55.656], [12.527, 55.648]],
    },
    { slug: 'valby', name: 'Valby', residents: 63_000, anchors: [[12.502, 55.661], [12.48, 55.66]] },
    { slug: 'vanlose', name: 'Vanløse', residents: 41_000, anchors: [[12.485, 55.687], [12.465, 55.688]] },
    { slug: 'bronshoj-husum', name: 'Brønshøj-Husum', residents: 44_000, anchors: [[12.49, 55.708], [12.458, 55.71]] },
    { slug: 'bispebjerg', name: 'Bispebjerg', residents: 56_000, anchors: [[12.53, 55.712], [12.545, 55.722], [12.515, 55.703]] },
    { slug: 'amager-ost', name: 'Amager Øst', residents: 62_000, anchors: [[12.617, 55.665], [12.632, 55.65], [12.612, 55.643]] },
    {
      slug: 'amager-vest',
      name: 'Amager Vest',
      residents: 84_000,
      anchors: [[12.578, 55.664], [12.59, 55.65], [12.577, 55.632], [12.575, 55.641]],
    },
  ],
};
