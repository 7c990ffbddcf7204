/**
 * The Thuringian ministries and the Staatskanzlei, until the portal's profile supplies its own list.
 */
export const defaultMinistries = [
  'Thüringer Staatskanzlei',
  'Thüringer Ministerium für Inneres, Kommunales und Landesentwicklung',
  'Thüringer Finanzministerium',
  'Thüringer Ministerium für Wirtschaft, Landwirtschaft und Ländlichen Raum',
  'Thüringer Ministerium für Bildung, Wissenschaft und Kultur',
  'Thüringer Ministerium für Soziales, Gesundheit, Arbeit und Familie',
  'Thüringer Ministerium für Justiz, Migration und Verbraucherschutz',
  'Thüringer Ministerium für Umwelt, Energie, Naturschutz und Forsten',
  'Thüringer Ministerium für Digitales und Infrastruktur',
] as const;
