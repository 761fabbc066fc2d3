import type { Locale } from './index.ts';

/**
 * The printed programme's and brochure's own words (ADR 034), Danish and English, shared by the pages, the
 * PDFs and the routes' notices. Dates come formatted. Every character is one Helvetica's WinAnsi encoding
 * holds (a test checks), since the PDF uses the standard font.
 */

type ProgrammeWords = {
  kicker: string;
  source: string;
  wholeCity: string;
  week: string;
  month: string;
  qrCaption: string;
  qrLabel: string;
  online: (url: string) => string;
  printedOn: (date: string) => string;
  allExample: string;
  someExample: string;
  exampleMark: string;
  empty: (period: string, where: string) => string;
  nearest: (period: string) => string;
  noNearest: string;
  open: string;
  and: string;
  closedWord: string;
  coursePrefix: string;
  placePrefix: string;
  cut: (withinDay: boolean, date: string) => string;
  page: (number: number, count: number) => string;
  titleFor: (where: string, period: string) => string;
  kickerFor: (where: string) => string;
  kickerPrefix: string;
  weekLabel: (week: number, from: string, to: string) => string;
  weekInSentence: (week: number, from: string, to: string) => string;
  emptyTitle: (title: string) => string;
  showNearest: (period: string) => string;
  seeWholeCity: string;
  tools: {
    crumbCalendar: string;
    crumb: string;
    lead: string;
    brochureLink: string;
    brochureAfter: string;
    changePeriod: string;
    previous: Record<'uge' | 'maaned', string>;
    next: Record<'uge' | 'maaned', string>;
    wholeMonth: string;
    oneWeek: string;
    formLabel: string;
    district: string;
    show: string;
    pdf: (paper: string) => string;
    largePrint: string;
    ordinaryPrint: string;
    print: string;
    paper: string;
    a5: string;
    type: string;
    ordinary: string;
  };
  notices: {
    month: (value: string) => string;
    week: (value: string) => string;
    reach: string;
    district: (value: string) => string;
    paper: (value: string) => string;
    type: (value: string) => string;
  };
};

type BrochureWords = {
  source: string;
  title: string;
  lead: string;
  printedOn: (date: string) => string;
  withoutDistrict: string;
  placeCount: (count: number) => string;
  firstVisit: string;
  hours: string;
  contact: string;
  address: string;
  noAddress: string;
  phone: (number: string) => string;
  noHours: string;
  noFirstVisit: string;
  noContact: string;
  qrLabel: (name: string) => string;
  exampleNote: string;
  exampleMark: string;
  leftOut: (shown: number, leftOut: number) => string;
  empty: string;
  titleFor: (district: string | null) => string;
  kicker: (district: string | null) => string;
  districtPrefix: string;
  page: (number: number, count: number) => string;
  tools: { crumb: string; lead: string; show: string; programmeLink: string; seeWholeCity: string; wholeCity: string };
};

export const programmeText: Record<Locale, ProgrammeWords> = {
  da: {
    kicker: 'Program',
    source: 'Tilbudsvifte København · aktivitets- og samværstilbud',
    wholeCity: 'hele byen',
    week: 'Uge',
    month: 'Måned',
    qrCaption: 'Scan koden for det nyeste program',
    qrLabel: 'QR-kode til programmet på nettet',
    online: (url) => `Programmet på nettet: ${url}`,
    printedOn: (date) => `Udskrevet ${date}. Tider kan ændre sig: ring eller se på nettet før du går.`,
    allExample: 'Alle tider og aktiviteter i dette program er eksempeldata (opdigtede eksempler).',
    someExample: 'Tider og aktiviteter mærket «eksempeldata» er opdigtede eksempler.',
    exampleMark: 'eksempeldata',
    empty: (period, where) => `Der er ingen åbningstider, aktiviteter eller forløb i ${period} (${where}).`,
    nearest: (period) => `Det nærmeste med aktiviteter er ${period}.`,
    noNearest: 'Vi har ingen aktiviteter inden for et år herfra. Vælg en anden bydel, eller se hele byen.',
    open: 'Åbent',
    and: 'og',
    closedWord: 'Ingen åbningstid – kun aktiviteter',
    coursePrefix: 'Forløb: ',
    placePrefix: 'Sted: ',
    cut: (withinDay, date) =>
      `Programmet er for langt til én udskrift, så det stopper ${withinDay ? 'midt i' : 'efter'} ${date}. Vælg en bydel eller en uge for at få det hele med.`,
    page: (number, count) => `Side ${number} af ${count}`,
    titleFor: (where, period) => `Program for ${where}: ${period}`,
    kickerFor: (where) => `Program for ${where}`,
    kickerPrefix: 'Program for ',
    weekLabel: (week, from, to) => `Uge ${week}, ${from} til ${to}`,
    weekInSentence: (week, from, to) => `uge ${week} (${from} til ${to})`,
    emptyTitle: (title) => `${title} (intet program)`,
    showNearest: (period) => `Vis programmet for ${period}`,
    seeWholeCity: 'Se hele byen',
    tools: {
      crumbCalendar: 'Kalender',
      crumb: 'Program',
      lead: 'Et program til opslagstavlen eller venteværelset. Udskriv siden, eller hent den som PDF. QR-koden fører tilbage til programmet på nettet.',
      brochureLink: 'Brochure over alle steder',
      brochureAfter: ' med adresse, åbningstider og hvordan man kommer første gang.',
      changePeriod: 'Skift periode',
      previous: { uge: 'Forrige uge', maaned: 'Forrige måned' },
      next: { uge: 'Næste uge', maaned: 'Næste måned' },
      wholeMonth: 'Vis hele måneden',
      oneWeek: 'Vis én uge',
      formLabel: 'Vælg bydel og udskrift',
      district: 'Bydel',
      show: 'Vis program',
      pdf: (paper) => `Hent som PDF (${paper})`,
      largePrint: 'Stor skrift',
      ordinaryPrint: 'Almindelig skrift',
      print: 'Udskriv',
      paper: 'Papir',
      a5: 'A5 (foldet A4)',
      type: 'Skrift',
      ordinary: 'Almindelig',
    },
    notices: {
      month: (value) => `Vi kan ikke læse måneden «${value}». Skriv den som år og måned, fx 2026-12. Vi viser denne uge.`,
      week: (value) => `Vi kan ikke læse ugen «${value}». Skriv den som år og ugenummer, fx 2026-W50. Vi viser denne uge.`,
      reach: 'Programmet går et år tilbage og et år frem. Vi viser denne uge.',
      district: (value) => `Vi kender ikke bydelen «${value}», så vi viser hele byen. Vælg en bydel på listen.`,
      paper: (value) => `Vi kender ikke papiret «${value}», så vi bruger A4. Vælg A4 eller A5.`,
      type: (value) => `Vi kender ikke skriften «${value}», så vi bruger almindelig skrift.`,
    },
  },
  en: {
    kicker: 'Programme',
    source: 'Tilbudsvifte Copenhagen · activity and community services',
    wholeCity: 'the whole city',
    week: 'Week',
    month: 'Month',
    qrCaption: 'Scan the code for the latest programme',
    qrLabel: 'QR code for the programme online',
    online: (url) => `The programme online: ${url}`,
    printedOn: (date) => `Printed on ${date}. Times can change: call or look online before you go.`,
    allExample: 'Every time and activity in this programme is example data (made-up examples).',
    someExample: 'Times and activities marked “example data” are made-up examples.',
    exampleMark: 'example data',
    empty: (period, where) => `There are no opening hours, activities or courses in ${period} (${where}).`,
    nearest: (period) => `The nearest with activities is ${period}.`,
    noNearest: 'We have no activities within a year from here. Choose another district, or see the whole city.',
    open: 'Open',
    and: 'and',
    closedWord: 'No opening hours – activities only',
    coursePrefix: 'Course: ',
    placePrefix: 'Where: ',
    cut: (withinDay, date) =>
      `The programme is too long for one printout, so it stops ${withinDay ? 'partway through' : 'after'} ${date}. Choose a district or a week to get all of it.`,
    page: (number, count) => `Page ${number} of ${count}`,
    titleFor: (where, period) => `Programme for ${where}: ${period}`,
    kickerFor: (where) => `Programme for ${where}`,
    kickerPrefix: 'Programme for ',
    weekLabel: (week, from, to) => `Week ${week}, ${from} to ${to}`,
    weekInSentence: (week, from, to) => `week ${week} (${from} to ${to})`,
    emptyTitle: (title) => `${title} (no programme)`,
    showNearest: (period) => `Show the programme for ${period}`,
    seeWholeCity: 'See the whole city',
    tools: {
      crumbCalendar: 'Calendar',
      crumb: 'Programme',
      lead: 'A programme for the notice board or the waiting room. Print the page, or download it as a PDF. The QR code leads back to the programme online.',
      brochureLink: 'Brochure of every place',
      brochureAfter: ' with address, opening hours and how to come the first time.',
      changePeriod: 'Change period',
      previous: { uge: 'Previous week', maaned: 'Previous month' },
      next: { uge: 'Next week', maaned: 'Next month' },
      wholeMonth: 'Show the whole month',
      oneWeek: 'Show one week',
      formLabel: 'Choose district and print',
      district: 'District',
      show: 'Show programme',
      pdf: (paper) => `Download as PDF (${paper})`,
      largePrint: 'Large print',
      ordinaryPrint: 'Ordinary print',
      print: 'Print',
      paper: 'Paper',
      a5: 'A5 (A4 folded)',
      type: 'Type size',
      ordinary: 'Ordinary',
    },
    notices: {
      month: (value) => `We cannot read the month “${value}”. Write it as year and month, e.g. 2026-12. We show this week.`,
      week: (value) => `We cannot read the week “${value}”. Write it as year and week number, e.g. 2026-W50. We show this week.`,
      reach: 'The programme reaches a year back and a year ahead. We show this week.',
      district: (value) => `We do not know the district “${value}”, so we show the whole city. Choose a district from the list.`,
      paper: (value) => `We do not know the paper “${value}”, so we use A4. Choose A4 or A5.`,
      type: (value) => `We do not know the type size “${value}”, so we use ordinary print.`,
    },
  },
};

export const brochureText: Record<Locale, BrochureWords> = {
  da: {
    source: 'Tilbudsvifte København · aktivitets- og samværstilbud',
    title: 'Alle aktivitets- og samværstilbud',
    lead: 'Steder hvor du kan komme, møde andre og være med i aktiviteter. Det er gratis, og du skal ikke visiteres.',
    printedOn: (date) => `Udskrevet ${date}. Se altid de nyeste oplysninger på nettet.`,
    withoutDistrict: 'Uden kendt bydel',
    placeCount: (count) => (count === 1 ? '1 sted' : `${count} steder`),
    firstVisit: 'Første gang',
    hours: 'Åbent',
    contact: 'Kontakt',
    address: 'Adresse',
    noAddress: 'Adressen er ikke oplyst endnu.',
    phone: (number) => `Telefon ${number}`,
    noHours: 'Åbningstiderne er ikke oplyst endnu. Ring og spørg.',
    noFirstVisit: 'Ikke beskrevet endnu. Ring eller skriv, så tager de imod dig.',
    noContact: 'Ikke oplyst endnu.',
    qrLabel: (name) => `QR-kode til siden om ${name}`,
    exampleNote: 'Oplysninger mærket «eksempeldata» er opdigtede eksempler.',
    exampleMark: 'eksempeldata',
    leftOut: (shown, leftOut) =>
      `Brochuren viser de første ${shown} steder; ${leftOut} flere er ikke med, fordi én brochure ikke kan rumme dem. Vælg en bydel for at få dem med.`,
    empty: 'Der er ingen åbne steder her. Vælg en anden bydel, eller se hele byen.',
    titleFor: (district) => (district ? `Brochure for ${district}` : 'Brochure over hele tilbudsviften'),
    kicker: (district) => (district ? `Bydel: ${district}` : 'Hele byen'),
    districtPrefix: 'Bydel: ',
    page: (number, count) => `Side ${number} af ${count}`,
    tools: {
      crumb: 'Brochure',
      lead: 'Hele tilbudsviften til at lægge frem eller give med: hvert sted med adresse, åbningstider, hvordan man kommer første gang, og en QR-kode til stedets side. Udskriv siden, eller hent den som PDF.',
      show: 'Vis brochure',
      programmeLink: 'Ugens og månedens program',
      seeWholeCity: 'Se hele byen',
      wholeCity: 'Hele byen',
    },
  },
  en: {
    source: 'Tilbudsvifte Copenhagen · activity and community services',
    title: 'All activity and community services',
    lead: 'Places where you can come, meet others and join in activities. It is free, and you do not need a referral.',
    printedOn: (date) => `Printed on ${date}. Always see the latest information online.`,
    withoutDistrict: 'District not known',
    placeCount: (count) => (count === 1 ? '1 place' : `${count} places`),
    firstVisit: 'The first time',
    hours: 'Open',
    contact: 'Contact',
    address: 'Address',
    noAddress: 'The address has not been given yet.',
    phone: (number) => `Phone ${number}`,
    noHours: 'The opening hours have not been given yet. Call and ask.',
    noFirstVisit: 'Not described yet. Call or write, and they will welcome you.',
    noContact: 'Not given yet.',
    qrLabel: (name) => `QR code for the page about ${name}`,
    exampleNote: 'Information marked “example data” is made-up examples.',
    exampleMark: 'example data',
    leftOut: (shown, leftOut) =>
      `The brochure shows the first ${shown} places; ${leftOut} more are left out, because one brochure cannot hold them. Choose a district to get them in.`,
    empty: 'There are no open places here. Choose another district, or see the whole city.',
    titleFor: (district) => (district ? `Brochure for ${district}` : 'Brochure of the whole range'),
    kicker: (district) => (district ? `District: ${district}` : 'The whole city'),
    districtPrefix: 'District: ',
    page: (number, count) => `Page ${number} of ${count}`,
    tools: {
      crumb: 'Brochure',
      lead: 'The whole range to put out or hand over: every place with address, opening hours, how to come the first time, and a QR code to the place’s page. Print the page, or download it as a PDF.',
      show: 'Show brochure',
      programmeLink: 'The programme for the week and the month',
      seeWholeCity: 'See the whole city',
      wholeCity: 'The whole city',
    },
  },
};
