// Dates in German and English article text ("24. November 2026", "24.11.2026", "November 24, 2026")
// and in metadata (ISO 8601, RFC 2822 e-mail/RSS dates, PDF "D:" dates) -> ISO 8601 strings.
// Only dates with a year count: "am 9. Juni" says nothing about when an article appeared.

const MONTHS: Record<string, number> = {
  januar: 1, jänner: 1, jaenner: 1, january: 1, jan: 1, jän: 1,
  februar: 2, feber: 2, february: 2, feb: 2,
  märz: 3, maerz: 3, march: 3, mär: 3, mrz: 3, mar: 3,
  april: 4, apr: 4,
  mai: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  august: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  dezember: 12, december: 12, dez: 12, dec: 12,
};

const MONTH = '(Januar|Jänner|Jaenner|January|Februar|Feber|February|März|Maerz|March|April|Mai|May|Juni|June|Juli|July|August|'
  + 'September|Oktober|October|November|Dezember|December|Jan|Jän|Feb|Mär|Mrz|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Oct|Nov|Dez|Dec)';

const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?\b/;
const DE_NUMERIC = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/;
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s*${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function isoDay(y: number, m: number, d: number): string | null {
  return validDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase()] ?? 0;
}

export interface FoundDate {
  /** YYYY-MM-DD */
  iso: string;
  index: number;
  length: number;
}

/** The first calendar date with a year in a piece of text, German or English style. */
export function findDate(text: string): FoundDate | null {
  const found: FoundDate[] = [];
  const take = (m: RegExpExecArray | null, iso: (m: RegExpExecArray) => string | null) => {
    if (!m) return;
    const value = iso(m);
    if (value) found.push({ iso: value, index: m.index, length: m[0].length });
  };
  take(ISO.exec(text), (m) => isoDay(+m[1]!, +m[2]!, +m[3]!));
  take(DE_NUMERIC.exec(text), (m) => isoDay(+m[3]!, +m[2]!, +m[1]!));
  take(DAY_MONTH.exec(text), (m) => isoDay(+m[3]!, monthNumber(m[2]!), +m[1]!));
  take(MONTH_DAY.exec(text), (m) => isoDay(+m[3]!, monthNumber(m[1]!), +m[2]!));
  return found.sort((a, b) => a.index - b.index)[0] ?? null;
}

const ZONES: Record<string, string> = {
  GMT: 'Z', UT: 'Z', UTC: 'Z', Z: 'Z', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00',
  MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00', CET: '+01:00', CEST: '+02:00', MEZ: '+01:00', MESZ: '+02:00',
};

function zone(z: string | undefined): string {
  if (!z) return '';
  const upper = z.toUpperCase();
  if (ZONES[upper]) return ZONES[upper];
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  return m ? (m[2] === '00' && m[3] === '00' && m[1] === '+' ? 'Z' : `${m[1]}${m[2]}:${m[3]}`) : '';
}

function dateTime(y: number, mo: number, d: number, h?: string, mi?: string, s?: string, z?: string): string | null {
  const day = isoDay(y, mo, d);
  if (!day) return null;
  if (h === undefined || mi === undefined) return day;
  if (+h > 23 || +mi > 59 || +(s ?? 0) > 59) return day;
  return `${day}T${pad(+h)}:${pad(+mi)}:${pad(+(s ?? 0))}${zone(z)}`;
}

const RFC2822 = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([+-]\\d{4}|[A-Z]{1,4})?)?`, 'i');
const STRICT_ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const PDF_DATE = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/;

/**
 * Normalizes a date from metadata (ISO 8601, RFC 2822, PDF date, or a date in words) to ISO 8601,
 * keeping the time and its offset when given. Null when it is not a plausible date.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  let m = ISO.exec(v);
  if (m && m.index === 0 && STRICT_ISO.test(v) && isoDay(+m[1]!, +m[2]!, +m[3]!)) return v;
  if (m && m.index === 0) return dateTime(+m[1]!, +m[2]!, +m[3]!, m[4], m[5], m[6], m[7]);
  m = PDF_DATE.exec(v);
  if (m) {
    const z = m[7]?.replace(/'/g, '');
    return dateTime(+m[1]!, +(m[2] ?? 1), +(m[3] ?? 1), m[4], m[5], m[6], z === undefined ? undefined : z.length === 5 ? z : 'Z');
  }
  m = RFC2822.exec(v);
  if (m) return dateTime(+m[3]!, monthNumber(m[2]!), +m[1]!, m[4], m[5], m[6], m[7]);
  const inText = findDate(v);
  if (inText) return inText.iso;
  if (/^\d{9,13}$/.test(v)) {
    const ms = v.length > 10 ? +v : +v * 1000;
    const d = new Date(ms);
    return validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ? d.toISOString() : null;
  }
  return null;
}
