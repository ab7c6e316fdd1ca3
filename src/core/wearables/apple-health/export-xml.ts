/**
 * A streaming reader for the XML of Apple Health's `export.xml`: text goes in chunk by chunk, each
 * element's name, attributes and depth come out, and nothing but the unread tail of the last chunk
 * is kept. Why not a general SAX library: on the shape of this file (millions of one-line elements
 * heavy with attributes) saxes and htmlparser2 read 9–12 MB/s, slower than Python's expat, while a
 * scanner that only finds tags and attributes reads well over 100 MB/s (bench:wearables). Its test
 * reads every fixture with saxes too and compares the two element by element.
 *
 * It is strict where a wrong reading would matter and refuses what Apple never writes:
 * - the inline DTD (`<!DOCTYPE HealthData [ … ]>`) is skipped, never interpreted; one that declares
 *   an entity is refused, and a reference to any entity but XML's five (`&lt;` …) and character
 *   references is an error — so no entity is ever expanded ("billion laughs" cannot happen);
 * - the first element must be `HealthData`, or the file is not an Apple Health export;
 * - a file that ends before `</HealthData>` is truncated, and says so.
 * Text content is ignored: every value Apple writes is in an attribute.
 */
import { TooLargeError, ValidationError } from '../../errors.ts';

export type Attributes = Record<string, string>;

/** Called for every start tag (self-closing or not); `depth` is 0 for the root. */
export type ElementHandler = (name: string, attributes: Attributes, depth: number) => void;

/** How big one piece of the file may be before the reader refuses it. */
export const EXPORT_XML_LIMITS = {
  /** One tag, attributes and all (Apple's longest are a few hundred characters). */
  tagChars: 64 * 1024,
  /** The DTD at the top (Apple's is about 9,000 characters). */
  doctypeChars: 1024 * 1024,
  /** Elements inside elements (Apple's go 4 deep). */
  depth: 32,
} as const;

const FIELD = 'file';

const notAnExport = () =>
  new ValidationError(
    FIELD,
    'This is not an Apple Health export. In the Health app, tap your picture, then "Export All Health Data", and upload the export.zip (or the export.xml inside it).',
    'not_apple_health',
  );

const malformed = (what: string) =>
  new ValidationError(
    FIELD,
    `The export could not be read: ${what}. Export it again from the Health app and upload the new file unchanged.`,
    'malformed_export',
  );

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces XML's five entities and character references; anything else is refused, never expanded. */
export function decodeAttribute(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  let out = '';
  let from = 0;
  for (;;) {
    const amp = raw.indexOf('&', from);
    if (amp < 0) return out + raw.slice(from);
    const semi = raw.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) throw malformed('a stray "&" in a value');
    out += raw.slice(from, amp);
    const name = raw.slice(amp + 1, semi);
    if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name[1] === 'x';
      const digits = hex ? name.slice(2) : name.slice(1);
      const code = Number.parseInt(digits, hex ? 16 : 10);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) || !(code > 0 && code <= 0x10ffff)) {
        throw malformed('a character reference that names no character');
      }
      out += String.fromCodePoint(code);
    } else {
      const ch = PREDEFINED[name];
      if (ch === undefined)
        throw malformed(`a reference to an entity ("&${name.slice(0, 20)};") it does not define`);
      out += ch;
    }
    from = semi + 1;
  }
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/**
 * Asked after an element's first attribute: true skips the element's other attributes (a
 * heart-rate reading, which Gutbrain does not use, is half of a real export). Its children are
 * still read, and its depth still counts. It may be asked more than once for one element (a tag
 * split across chunks is read again), so it must not count: `onSkipped` is told once per element.
 */
export type ElementFilter = (name: string, firstKey: string, firstValue: string, depth: number) => boolean;

export class ExportXmlReader {
  private buffer = '';
  private readonly decoded = new Map<string, string>();
  private depth = 0;
  private sawRoot = false;
  private rootClosed = false;
  private started = false;

  constructor(
    private readonly onElement: ElementHandler,
    private readonly skip?: ElementFilter,
    private readonly onSkipped?: (name: string) => void,
  ) {}

  /** Reads one more piece of the text (any size; a tag may be split across pieces). */
  push(chunk: string): void {
    this.buffer = this.buffer.length ? this.buffer + chunk : chunk;
    this.scan(false);
  }

  /** The text has ended: anything left open means the file was cut short. */
  end(): void {
    this.scan(true);
    if (!this.sawRoot) throw notAnExport();
    if (!this.rootClosed) {
      throw malformed('the file ends in the middle (it was cut short, perhaps while copying)');
    }
  }

  private scan(final: boolean): void {
    const b = this.buffer;
    let pos = 0;
    const n = b.length;
    while (pos < n) {
      const lt = b.indexOf('<', pos);
      if (lt < 0) {
        this.checkText(b, pos, n);
        pos = n;
        break;
      }
      if (lt > pos) this.checkText(b, pos, lt);
      if (lt + 1 >= n) {
        pos = lt;
        break;
      }
      const c = b.charCodeAt(lt + 1);
      let next: number;
      if (c === 63 /* ? */) next = this.skipTo(b, lt, '?>', EXPORT_XML_LIMITS.tagChars);
      else if (c === 33 /* ! */) next = this.declaration(b, lt, final);
      else if (c === 47 /* / */) next = this.closeTag(b, lt);
      else next = this.openTag(b, lt);
      if (next < 0) {
        pos = lt;
        break;
      }
      pos = next;
    }
    this.buffer = pos >= n ? '' : b.slice(pos);
    if (this.buffer.length > EXPORT_XML_LIMITS.doctypeChars) {
      throw new TooLargeError(
        'One piece of the export is larger than 1 MB, which no Apple Health export has. Export it again from the Health app.',
        FIELD,
      );
    }
  }

  /** Text between tags: only white space before the root and after it (Apple writes no text). */
  private checkText(b: string, from: number, to: number): void {
    if (this.depth > 0) return;
    for (let i = from; i < to; i++) {
      const c = b.charCodeAt(i);
      if (!isSpace(c) && !(c === 0xfeff && !this.started)) throw notAnExport();
    }
  }

  /** Index after `end`, or -1 when it has not arrived yet. */
  private skipTo(b: string, from: number, end: string, limit: number): number {
    const at = b.indexOf(end, from);
    if (at < 0) {
      if (b.length - from > limit) throw malformed('a tag that never ends');
      return -1;
    }
    this.started = true;
    return at + end.length;
  }

  private declaration(b: string, lt: number, final: boolean): number {
    if (b.length - lt < 9 && !final) return -1;
    if (b.startsWith('<!--', lt)) return this.skipTo(b, lt, '-->', EXPORT_XML_LIMITS.doctypeChars);
    if (b.startsWith('<![CDATA[', lt)) {
      if (this.depth === 0) throw notAnExport();
      return this.skipTo(b, lt, ']]>', EXPORT_XML_LIMITS.tagChars);
    }
    if (!b.startsWith('<!DOCTYPE', lt) || this.sawRoot) throw notAnExport();
    // The internal subset ends at "]" then ">"; Apple's holds ELEMENT and ATTLIST declarations and
    // comments only. Entities are refused before anything could use them.
    const open = b.indexOf('[', lt);
    const gt = b.indexOf('>', lt);
    let end: number;
    if (gt >= 0 && (open < 0 || gt < open)) end = gt + 1;
    else {
      const close = b.indexOf(']', open < 0 ? lt : open);
      const after = close < 0 ? -1 : b.indexOf('>', close);
      if (after < 0) {
        if (b.length - lt > EXPORT_XML_LIMITS.doctypeChars) throw malformed('a DTD that never ends');
        return -1;
      }
      end = after + 1;
    }
    const doctype = b.slice(lt, end);
    if (/<!ENTITY|SYSTEM|PUBLIC/.test(doctype)) {
      throw malformed('it declares entities or points to outside files, which Apple never writes');
    }
    this.started = true;
    return end;
  }

  private closeTag(b: string, lt: number): number {
    const gt = b.indexOf('>', lt);
    if (gt < 0) {
      if (b.length - lt > EXPORT_XML_LIMITS.tagChars) throw malformed('a tag that never ends');
      return -1;
    }
    this.depth--;
    if (this.depth < 0 || this.rootClosed) throw malformed('a closing tag with nothing open');
    if (this.depth === 0) this.rootClosed = true;
    return gt + 1;
  }

  /** Reads `<name attr="v" …>` or `<name … />`; -1 when the tag is not complete yet. */
  private openTag(b: string, lt: number): number {
    if (this.rootClosed) throw malformed('more elements after the end of the export');
    const n = b.length;
    let i = lt + 1;
    while (i < n) {
      const c = b.charCodeAt(i);
      if (isSpace(c) || c === 47 || c === 62) break;
      i++;
    }
    if (i >= n) return this.incomplete(b, lt);
    const name = b.slice(lt + 1, i);
    if (name.length === 0) throw malformed('a "<" that starts no tag');
    const attributes: Attributes = {};
    for (;;) {
      while (i < n && isSpace(b.charCodeAt(i))) i++;
      if (i >= n) return this.incomplete(b, lt);
      const c = b.charCodeAt(i);
      if (c === 62 /* > */) {
        this.element(name, attributes, false);
        return i + 1;
      }
      if (c === 47 /* / */) {
        if (i + 1 >= n) return this.incomplete(b, lt);
        if (b.charCodeAt(i + 1) !== 62) throw malformed('a "/" inside a tag');
        this.element(name, attributes, true);
        return i + 2;
      }
      const eq = b.indexOf('=', i);
      if (eq < 0) return this.incomplete(b, lt);
      const key = b.slice(i, eq).trim();
      let q = eq + 1;
      while (q < n && isSpace(b.charCodeAt(q))) q++;
      if (q >= n) return this.incomplete(b, lt);
      const quote = b[q];
      if (quote !== '"' && quote !== "'") throw malformed('an attribute without quotes');
      const close = b.indexOf(quote, q + 1);
      if (close < 0) return this.incomplete(b, lt);
      const raw = b.slice(q + 1, close);
      if (raw.indexOf('<') >= 0 || key.length === 0 || /[\s<>"']/.test(key)) {
        throw malformed('a tag that is not well-formed');
      }
      if (key in attributes) throw malformed(`an attribute given twice ("${key.slice(0, 40)}")`);
      attributes[key] = raw.indexOf('&') < 0 ? raw : this.decode(raw);
      i = close + 1;
      if (this.skip?.(name, key, attributes[key] as string, this.depth)) {
        const end = this.tagEnd(b, i);
        if (end < 0) return this.incomplete(b, lt);
        this.element(name, null, b.charCodeAt(end - 1) === 47);
        return end + 1;
      }
    }
  }

  /** The same text decoded once: Apple repeats each device description a million times. */
  private decode(raw: string): string {
    let text = this.decoded.get(raw);
    if (text === undefined) {
      text = decodeAttribute(raw);
      if (this.decoded.size < 1000) this.decoded.set(raw, text);
    }
    return text;
  }

  /** Index of the tag's closing ">" (outside quoted values), or -1 when it has not arrived. */
  private tagEnd(b: string, from: number): number {
    let quote = 0;
    for (let i = from; i < b.length; i++) {
      const c = b.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62) return i;
    }
    return -1;
  }

  private incomplete(b: string, lt: number): number {
    if (b.length - lt > EXPORT_XML_LIMITS.tagChars) throw malformed('a tag longer than 64 KB');
    return -1;
  }

  private element(name: string, attributes: Attributes | null, selfClosing: boolean): void {
    if (!this.sawRoot) {
      if (name !== 'HealthData') throw notAnExport();
      this.sawRoot = true;
    }
    this.started = true;
    if (attributes) this.onElement(name, attributes, this.depth);
    else this.onSkipped?.(name);
    if (!selfClosing) {
      this.depth++;
      if (this.depth > EXPORT_XML_LIMITS.depth) throw malformed('elements nested too deep');
    } else if (this.depth === 0) {
      this.rootClosed = true;
    }
  }
}
