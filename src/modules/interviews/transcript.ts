import type { TranscriptFormat } from './interviews.table.js';

// Transcript import: WebVTT (as exported by Teams, Zoom, Whisper and subtitle editors) and plain
// text. Pure functions, no I/O: the use cases store what these return.

/** A parsed segment before it is stored (times in milliseconds, null when the format has none). */
export interface ParsedSegment {
  startMs: number | null;
  endMs: number | null;
  speaker: string;
  text: string;
}

/** Why a transcript was refused: a message key of the `interviews:transcriptErrors` group and the line. */
export class TranscriptError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${reason} at line ${line}`);
  }
}

/** Most segments one transcript may have (about ten hours of subtitles). */
export const MAX_SEGMENTS = 5000;
const MAX_SPEAKER = 200;

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

function parseTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [, h, min, s, ms] = m;
  return ((Number(h ?? 0) * 60 + Number(min)) * 60 + Number(s)) * 1000 + Number(ms);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lrm: '',
  rlm: '',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      // Control characters stay out of stored text, as everywhere else.
      return Number.isFinite(code) && code >= 0x20 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const clean = (text: string): string =>
  decodeEntities(text.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Splits a cue's text by its voice spans (`<v Speaker>…</v>`, `<v.loud Speaker>…`): most cues have
 * one voice or none, a few carry a short exchange; each voice becomes its own segment.
 */
function voices(payload: string, lineNo: number): { speaker: string; text: string }[] {
  const out: { speaker: string; text: string }[] = [];
  const tag = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/g;
  let speaker = '';
  let last = 0;
  let match: RegExpExecArray | null;
  const push = (text: string) => {
    const t = clean(text);
    if (t) out.push({ speaker, text: t });
  };
  while ((match = tag.exec(payload))) {
    push(payload.slice(last, match.index));
    speaker = decodeEntities(match[1] ?? '').trim();
    if (speaker.length > MAX_SPEAKER)
      throw new TranscriptError('speakerTooLong', lineNo, { max: MAX_SPEAKER });
    last = tag.lastIndex;
  }
  push(payload.slice(last));
  return out;
}

function lines(content: string): string[] {
  return content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Whether a first line is a WebVTT signature: `WEBVTT`, alone or followed by a space or tab. */
function isSignature(line: string): boolean {
  return /^WEBVTT(?:[ \t].*)?$/.test(line);
}

/**
 * Parses a WebVTT file into segments: the `WEBVTT` header (and its header block), optional cue
 * ids, cue timings with optional settings, `<v Speaker>` voice tags; NOTE, STYLE and REGION
 * blocks are skipped; other markup is removed and character references decoded. Anything
 * malformed throws a TranscriptError naming the (1-based) line.
 */
export function parseWebVtt(content: string): ParsedSegment[] {
  const all = lines(content);
  if (!isSignature(all[0] ?? '')) throw new TranscriptError('vttHeader', 1);
  let i = 1;
  // The header block runs to the first blank line (metadata headers of older files live here).
  while (i < all.length && all[i]!.trim() !== '') {
    if (all[i]!.includes('-->')) throw new TranscriptError('vttBlankLineMissing', i + 1);
    i++;
  }
  const segments: ParsedSegment[] = [];
  let previousStart = 0;
  while (i < all.length) {
    if (all[i]!.trim() === '') {
      i++;
      continue;
    }
    const blockStart = i;
    const first = all[i]!;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first) && !first.includes('-->')) {
      while (i < all.length && all[i]!.trim() !== '') i++;
      continue;
    }
    let timingLine = first;
    let timingNo = blockStart + 1;
    if (!first.includes('-->')) {
      // A cue identifier, then the timings on the next line.
      const next = all[i + 1];
      // A line that starts like a time is a broken timing line (`00:01.000 -> 00:02.000`), not an id.
      if (/^\s*(?:\d+:)+\d+(?:[.,]\d*)?\s*-/.test(first) && !next?.includes('-->')) {
        throw new TranscriptError('vttTiming', blockStart + 1, { text: first.trim().slice(0, 60) });
      }
      if (next === undefined || next.trim() === '' || !next.includes('-->')) {
        throw new TranscriptError('vttTimingExpected', blockStart + (next === undefined ? 1 : 2));
      }
      timingLine = next;
      timingNo = blockStart + 2;
      i++;
    }
    const timing = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/.exec(timingLine.trim());
    const startMs = timing ? parseTimestamp(timing[1]!) : null;
    const endMs = timing ? parseTimestamp(timing[2]!) : null;
    if (startMs === null || endMs === null) {
      throw new TranscriptError('vttTiming', timingNo, { text: timingLine.trim().slice(0, 60) });
    }
    if (endMs <= startMs) throw new TranscriptError('vttEndBeforeStart', timingNo);
    if (startMs < previousStart) throw new TranscriptError('vttOutOfOrder', timingNo);
    previousStart = startMs;
    i++;
    const payload: string[] = [];
    while (i < all.length && all[i]!.trim() !== '') {
      if (all[i]!.includes('-->')) throw new TranscriptError('vttBlankLineMissing', i + 1);
      payload.push(all[i]!);
      i++;
    }
    for (const v of voices(payload.join('\n'), timingNo + 1)) {
      segments.push({ startMs, endMs, speaker: v.speaker, text: v.text });
      if (segments.length > MAX_SEGMENTS)
        throw new TranscriptError('tooManySegments', timingNo, { max: MAX_SEGMENTS });
    }
  }
  if (segments.length === 0) throw new TranscriptError('vttNoCues', all.length);
  return segments;
}

const SPEAKER_LINE = /^([^\s:][^:]{0,39}):[ \t]+(\S.*)$/;

/**
 * Parses a plain-text transcript: paragraphs (separated by blank lines) become segments, and a
 * line that starts with `Name: ` starts a new segment spoken by Name. Text has no times.
 */
export function parsePlainText(content: string): ParsedSegment[] {
  const segments: ParsedSegment[] = [];
  let current: ParsedSegment | null = null;
  for (const raw of lines(content)) {
    const line = raw.trim();
    if (line === '') {
      current = null;
      continue;
    }
    const speaker = SPEAKER_LINE.exec(line);
    if (speaker || !current) {
      current = {
        startMs: null,
        endMs: null,
        speaker: speaker ? speaker[1]!.trim() : '',
        text: speaker ? speaker[2]!.trim() : line,
      };
      segments.push(current);
    } else {
      current.text = `${current.text} ${line}`;
    }
  }
  if (segments.length > MAX_SEGMENTS) throw new TranscriptError('tooManySegments', 1, { max: MAX_SEGMENTS });
  return segments;
}

/**
 * The format to read a transcript in: the one asked for, else `.vtt` files and text that starts
 * with the WebVTT signature or carries cue timings (a WebVTT file missing its header is refused
 * as such, never silently read as prose).
 */
export function detectFormat(content: string, asked?: TranscriptFormat, fileName?: string): TranscriptFormat {
  if (asked) return asked;
  if (fileName && /\.vtt$/i.test(fileName)) return 'vtt';
  if (fileName && /\.(txt|text)$/i.test(fileName)) return 'text';
  const first = lines(content)[0] ?? '';
  if (first.startsWith('WEBVTT')) return 'vtt';
  if (/^\s*(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}\s+-->/m.test(content)) return 'vtt';
  return 'text';
}

/** Parses a transcript in its format. */
export function parseTranscript(content: string, format: TranscriptFormat): ParsedSegment[] {
  return format === 'vtt' ? parseWebVtt(content) : parsePlainText(content);
}

/** A time in seconds as `h:mm:ss` (or `m:ss`), for reading a transcript. */
export function formatTime(seconds: number): string {
  const total = Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
