import { emptyArticle, type Article, type DocumentNode } from '../common/article.js';

/** The sentences of the store bench's releases (every release is made of them). */
export const sentences = [
  'Die Verantwortlichen für die IT-Strategie auf Landesebene haben eine zentrale Entwicklung angemahnt.',
  'Anlässlich des IT- und Organisationsforums erklärten die CIOs, es werde zu viel Geld in Insellösungen gesteckt.',
  'Der Fokus solle auf nachgefragten Leistungen wie Elterngeld, Meldewesen oder Kfz-Zulassung liegen.',
  'Der Thüringer Finanzstaatssekretär Dr. Hartmut Schubert sprach von einer Komplexitätsfalle.',
  'Bürgermeisterin Müller eröffnete die sanierte Lindenstraße in Erfurt.',
  'Der Haushaltsentwurf 2027 sieht Investitionen in Schulen und Straßen vor.',
  'Die Veranstaltung findet alle zwei Jahre statt und wird von der Staatskanzlei organisiert.',
  'In der Bibliothek mit Wendeltreppe sind diverse Ausstellungsstücke zu sehen.',
  'Das Landesverwaltungsamt unterstützt die Kommunen bei der Verwaltungsdigitalisierung.',
  'Der Verdienstorden wurde im Festsaal an zwölf Bürgerinnen und Bürger verliehen.',
];

/** The same 10 German queries for every search measurement. */
export const queries = ['Verwaltung', 'Digitalisierung', 'Mueller', 'Strasse', 'Haushalt 2027', 'Kfz', 'Staatssekretär Schubert', 'Elterngeld Meldewesen', 'Bibliothek', 'Festsaal Verdienstorden'];

/** A small deterministic random source, so every run measures the same data. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

function releaseOf(title: string, lead: string, sentence: () => string, quote: { speaker: string; role: string }, meta: Partial<Article['meta']> = {}): Article {
  const paragraph = (): DocumentNode => ({ type: 'paragraph', content: [{ type: 'text', text: `${sentence()} ${sentence()} ${sentence()}` }] });
  return {
    ...emptyArticle(),
    meta: { ...emptyArticle().meta, topics: ['Verwaltung'], ...meta, title, lead },
    body: {
      type: 'doc',
      content: [
        paragraph(),
        paragraph(),
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Zwischenüberschrift' }] },
        paragraph(),
        { type: 'quote', attrs: quote, content: [paragraph()] },
        paragraph(),
        { type: 'background', attrs: { header: 'Hintergrund' }, content: [paragraph()] },
      ],
    },
  };
}

/** The store bench's release: about 3 KB of article JSON, every sentence one of ten. */
export function realisticRelease(next: () => number, index: number): Article {
  const pick = () => sentences[Math.floor(next() * sentences.length)]!;
  return releaseOf(`Pressemitteilung ${index}: ${pick().slice(0, 60)}`, `${pick()} ${pick()}`, pick, { speaker: 'Dr. Hartmut Schubert', role: 'Staatssekretär' });
}

const ministries = [
  'Thüringer Staatskanzlei',
  'Thüringer Ministerium für Inneres und Kommunales',
  'Thüringer Finanzministerium',
  'Thüringer Ministerium für Bildung, Jugend und Sport',
  'Thüringer Ministerium für Wirtschaft, Wissenschaft und Digitale Gesellschaft',
  'Thüringer Ministerium für Umwelt, Energie und Naturschutz',
  'Thüringer Ministerium für Infrastruktur und Landwirtschaft',
  'Thüringer Ministerium für Soziales, Gesundheit, Arbeit und Familie',
  'Thüringer Ministerium für Migration, Justiz und Verbraucherschutz',
  'Thüringer Ministerium für Digitales und Infrastruktur',
];
const places = ['Erfurt', 'Jena', 'Gera', 'Weimar', 'Gotha', 'Nordhausen', 'Eisenach', 'Suhl', 'Mühlhausen', 'Altenburg', 'Ilmenau', 'Saalfeld', 'Arnstadt', 'Sonneberg', 'Greiz', 'Meiningen', 'Rudolstadt', 'Apolda', 'Sömmerda', 'Zeulenroda', 'Bad Langensalza', 'Heiligenstadt', 'Schmalkalden', 'Hildburghausen', 'Pößneck'];
const firstNames = ['Anna', 'Jörg', 'Katrin', 'Stefan', 'Heike', 'Matthias', 'Sabine', 'Thomas', 'Ulrike', 'Frank', 'Birgit', 'Andreas', 'Claudia', 'Michael', 'Susanne', 'Uwe'];
const lastNames = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schubert'];
const roles = ['Ministerin', 'Minister', 'Staatssekretär', 'Staatssekretärin', 'Abteilungsleiterin', 'Landrat', 'Oberbürgermeisterin', 'Referent', 'Präsident des Landesamts', 'Beauftragte'];
const prefixes = ['Landes', 'Kreis', 'Stadt', 'Schul', 'Bau', 'Umwelt', 'Wasser', 'Forst', 'Energie', 'Verkehrs', 'Verwaltungs', 'Gesundheits', 'Kultur', 'Sport', 'Wirtschafts', 'Hochschul', 'Justiz', 'Polizei', 'Jugend', 'Denkmal'];
const suffixes = ['amt', 'planung', 'förderung', 'gesetz', 'bericht', 'konzept', 'programm', 'netz', 'verordnung', 'strategie', 'haushalt', 'beirat', 'kommission', 'initiative', 'dialog', 'preis', 'statistik', 'reform', 'projekt', 'straße'];
const verbs = ['stellte', 'eröffnete', 'besuchte', 'würdigte', 'kündigte', 'unterzeichnete', 'erläuterte', 'begrüßte'];
const objects = ['den Zwischenstand vor', 'die neuen Räume', 'die Beteiligten', 'das Vorhaben', 'die Ergebnisse der Anhörung', 'eine Vereinbarung mit den Kommunen', 'den Entwurf im Kabinett', 'die Fortschritte beim Ausbau'];
/** Sentences that make a query rare or frequent: the chance per sentence picked (about 25 per release). */
const specials: Array<[number, string]> = [
  [0.00004, sentences[9]!], // Festsaal, Verdienstorden: about 100 of 100,000
  [0.0004, sentences[2]!], // Elterngeld, Meldewesen, Kfz: about 1 %
  [0.0006, 'Die Kfz-Zulassungsstelle hat ihre Öffnungszeiten verlängert.'],
  [0.001, sentences[7]!], // Bibliothek: about 2.5 %
  [0.002, sentences[5]!], // Haushaltsentwurf 2027
  [0.002, sentences[3]!], // Staatssekretär Schubert
  [0.004, sentences[4]!], // Müller, Lindenstraße
  [0.01, sentences[8]!], // Verwaltungsdigitalisierung
  [0.01, sentences[0]!],
  [0.01, sentences[1]!],
  [0.01, sentences[6]!],
];

/**
 * A release of an archive across ministries: the store bench's shape and size, with a ministry,
 * places, people and compound words varied, so that queries match from about a hundred to tens
 * of thousands of 100,000 releases.
 */
export function archiveRelease(next: () => number, index: number): Article {
  const of = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const person = () => `${of(firstNames)} ${of(lastNames)}`;
  const compound = () => {
    const word = `${of(prefixes)}${of(suffixes)}`;
    return word[0]!.toUpperCase() + word.slice(1);
  };
  const sentence = () => {
    let chance = next();
    for (const [probability, text] of specials) {
      if (chance < probability) return text;
      chance -= probability;
    }
    return `${of(roles)} ${person()} ${of(verbs)} in ${of(places)} ${of(objects)}: ${compound()} ${2018 + Math.floor(next() * 10)}.`;
  };
  const ministry = of(ministries);
  const place = of(places);
  return releaseOf(`${compound()} in ${place}: ${sentence().slice(0, 60)}`, `${ministry} (Az. ${index.toString(36)}). ${sentence()} ${sentence()}`, sentence, { speaker: person(), role: of(roles) }, {
    ministry,
    place,
    topics: [compound(), compound()],
  });
}
