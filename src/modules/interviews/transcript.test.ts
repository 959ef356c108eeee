import { describe, expect, it } from 'vitest';
import { SAMPLE_VTT } from '../../../test/support/interview-factory.js';
import { detectFormat, formatTime, parsePlainText, parseWebVtt, TranscriptError } from './transcript.js';

function refusal(content: string): { reason: string; line: number } {
  try {
    parseWebVtt(content);
  } catch (error) {
    if (error instanceof TranscriptError) return { reason: error.reason, line: error.line };
    throw error;
  }
  throw new Error('expected the transcript to be refused');
}

describe('WebVTT import', () => {
  it('reads the header, cue ids, timings with settings, voices and entities; skips NOTE and STYLE', () => {
    expect(parseWebVtt(SAMPLE_VTT)).toEqual([
      { startMs: 1000, endMs: 4500, speaker: 'Interviewer', text: 'How was the wait today?' },
      { startMs: 4500, endMs: 9000, speaker: 'Ann', text: 'Long. Nobody told us what was going on & why.' },
    ]);
  });

  it('accepts a byte order mark, CRLF line ends, hours and cues without voices', () => {
    const vtt = '\uFEFFWEBVTT\r\n\r\n01:02:03.004 --> 01:02:05.000\r\nJust text\r\n';
    expect(parseWebVtt(vtt)).toEqual([
      { startMs: 3_723_004, endMs: 3_725_000, speaker: '', text: 'Just text' },
    ]);
  });

  it('splits a cue with several voices into one segment per voice, and drops other markup', () => {
    const vtt =
      'WEBVTT\n\n00:01.000 --> 00:03.000\n<v Ann>Hi <b>there</b></v> <v Bo>Hello <00:02.000>again</v>';
    expect(parseWebVtt(vtt)).toEqual([
      { startMs: 1000, endMs: 3000, speaker: 'Ann', text: 'Hi there' },
      { startMs: 1000, endMs: 3000, speaker: 'Bo', text: 'Hello again' },
    ]);
  });

  it('skips multi-line NOTE blocks and cues without text', () => {
    const vtt = [
      'WEBVTT',
      '',
      'NOTE',
      'a comment',
      'over two lines',
      '',
      '00:01.000 --> 00:02.000',
      '',
      '00:02.000 --> 00:03.000',
      'Said',
    ].join('\n');
    expect(parseWebVtt(vtt)).toEqual([{ startMs: 2000, endMs: 3000, speaker: '', text: 'Said' }]);
  });

  it.each([
    ['a missing header', 'Hello\n\n00:01.000 --> 00:02.000\nHi', 'vttHeader', 1],
    ['a header with text glued on', 'WEBVTTX\n\n00:01.000 --> 00:02.000\nHi', 'vttHeader', 1],
    ['a cue id without timings', 'WEBVTT\n\nintro\nHello there', 'vttTimingExpected', 4],
    ['a lone cue id at the end', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\nlast', 'vttTimingExpected', 6],
    ['a malformed timestamp', 'WEBVTT\n\n00:01.5 --> 00:02.000\nHi', 'vttTiming', 3],
    ['sixty seconds', 'WEBVTT\n\n00:00:60.000 --> 00:01:02.000\nHi', 'vttTiming', 3],
    ['a missing arrow space', 'WEBVTT\n\n00:01.000-->00:02.000\nHi', 'vttTiming', 3],
    ['a broken arrow', 'WEBVTT\n\n00:01.000 -> 00:02.000\nHi', 'vttTiming', 3],
    ['an end before the start', 'WEBVTT\n\nid\n00:05.000 --> 00:02.000\nHi', 'vttEndBeforeStart', 4],
    [
      'cues out of order',
      'WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB',
      'vttOutOfOrder',
      6,
    ],
    [
      'a missing blank line',
      'WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:02.000 --> 00:03.000\nB',
      'vttBlankLineMissing',
      5,
    ],
    ['a cue right under the header', 'WEBVTT\n00:01.000 --> 00:02.000\nA', 'vttBlankLineMissing', 2],
    ['no cues at all', 'WEBVTT\n\nNOTE nothing here\n', 'vttNoCues', 4],
  ])('refuses %s, naming the line', (_name, content, reason, line) => {
    expect(refusal(content)).toEqual({ reason, line });
  });
});

describe('plain-text import', () => {
  it('makes paragraphs and "Name:" lines into segments without times', () => {
    const text =
      'Interviewer: How was it?\nAnn: Long.\nVery long.\n\nA note without a speaker\ncontinues here.';
    expect(parsePlainText(text)).toEqual([
      { startMs: null, endMs: null, speaker: 'Interviewer', text: 'How was it?' },
      { startMs: null, endMs: null, speaker: 'Ann', text: 'Long. Very long.' },
      { startMs: null, endMs: null, speaker: '', text: 'A note without a speaker continues here.' },
    ]);
  });
});

describe('format detection', () => {
  it('reads WebVTT from the header, the file name or cue timings, and prose as text', () => {
    expect(detectFormat('WEBVTT\n\n')).toBe('vtt');
    expect(detectFormat('anything', undefined, 'call.VTT')).toBe('vtt');
    expect(detectFormat('WEBVTT', undefined, 'notes.txt')).toBe('text');
    // A WebVTT file that lost its header is read as WebVTT, so it is refused rather than taken as prose.
    expect(detectFormat('1\n00:00:01.000 --> 00:00:02.000\nHi')).toBe('vtt');
    expect(detectFormat('We talked for an hour.')).toBe('text');
    expect(detectFormat('WEBVTT', 'text')).toBe('text');
  });

  it('formats times for reading', () => {
    expect(formatTime(4.5)).toBe('0:04');
    expect(formatTime(3723)).toBe('1:02:03');
  });
});
