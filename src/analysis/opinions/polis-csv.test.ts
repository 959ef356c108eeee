import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parsePolisComments,
  parsePolisParticipantsVotes,
  parsePolisVotes,
  PolisCsvError,
  polisExcludedStatements,
  polisJoinOrder,
  serialisePolisComments,
  serialisePolisParticipantsVotes,
  serialisePolisVotes,
} from './polis-csv.js';

const fixture = (name: string, file: string) =>
  readFileSync(new URL(`../../../fixtures/polis/${name}/${file}`, import.meta.url), 'utf8');

function csvError(run: () => unknown): PolisCsvError {
  try {
    run();
  } catch (error) {
    if (error instanceof PolisCsvError) return error;
    throw error;
  }
  throw new Error('expected a PolisCsvError');
}

describe('Pol.is comments.csv', () => {
  it('reads a real export, multi-line bodies included, and writes it back the same', () => {
    const comments = parsePolisComments(fixture('scoop-hivemind.ubi', 'comments.csv'));
    expect(comments).toHaveLength(71);
    const multiLine = comments.find((c) => c.body.includes('\n'));
    expect(multiLine).toBeDefined();
    expect(comments.filter((c) => c.moderated === -1)).toHaveLength(1);
    expect(parsePolisComments(serialisePolisComments(comments))).toEqual(comments);
  });

  it('names the line of a bad value, counting the lines of a multi-line body before it', () => {
    const text =
      'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n' +
      '1,x,0,1,0,0,1,"two\nlines"\n' +
      '2,x,1,1,0,0,maybe,fine\n';
    const error = csvError(() => parsePolisComments(text, 'c.csv'));
    expect(error).toMatchObject({ file: 'c.csv', line: 4, column: 7, columnName: 'moderated' });
    expect(error.message).toBe('c.csv line 4, column 7 (moderated): "maybe" is not a whole number');
  });

  it('refuses duplicate comment ids and a missing column', () => {
    const header = 'comment-id,moderated,comment-body\n';
    expect(csvError(() => parsePolisComments(`${header}1,1,a\n1,1,b\n`))).toMatchObject({
      line: 3,
      column: 1,
    });
    expect(csvError(() => parsePolisComments('comment-id,comment-body\n1,a\n')).message).toMatch(/moderated/);
  });
});

describe('Pol.is comments.csv with an is-meta column', () => {
  const text =
    'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body,is-meta\n' +
    '1,x,0,0,1,0,1,I am 55 or older,1\n2,x,1,0,1,0,1,Tax land,\n3,x,2,0,0,0,-1,spam,false\n';

  it('reads the flag, writes it back, and gives the statements Pol.is leaves out', () => {
    const comments = parsePolisComments(text);
    expect(comments.map((c) => c.isMeta)).toEqual([true, false, false]);
    expect(polisExcludedStatements(comments)).toEqual(['0', '2']);
    expect(parsePolisComments(serialisePolisComments(comments))).toEqual(comments);
    expect(csvError(() => parsePolisComments(text.replace(',1\n2', ',yes\n2'))).message).toContain(
      'line 2, column 9 (is-meta)',
    );
  });

  it('leaves files without the column as they were', () => {
    const comments = parsePolisComments(fixture('brexit-consensus', 'comments.csv'));
    expect(comments.some((c) => 'isMeta' in c)).toBe(false);
    expect(polisExcludedStatements(comments)).toEqual([]);
  });
});

describe('Pol.is votes.csv', () => {
  it('reads every vote of a real export and writes it back the same', () => {
    const votes = parsePolisVotes(fixture('brexit-consensus', 'votes.csv'));
    expect(votes.length).toBe(fixture('brexit-consensus', 'votes.csv').trim().split('\n').length - 1);
    const again = parsePolisVotes(serialisePolisVotes(votes));
    expect(again.map(({ line: _line, ...v }) => v)).toEqual(votes.map(({ line: _line, ...v }) => v));
  });

  it('names line and column of a malformed row, a bad vote, an unclosed quote and an unknown comment', () => {
    const header = 'timestamp,datetime,comment-id,voter-id,vote\n';
    expect(csvError(() => parsePolisVotes(`${header}1,x,0,1,1\n2,x,0,2,yes\n`, 'v.csv'))).toMatchObject({
      file: 'v.csv',
      line: 3,
      column: 5,
      columnName: 'vote',
    });
    expect(csvError(() => parsePolisVotes(`${header}1,x,0,1,1,9\n`))).toMatchObject({ line: 2, column: 6 });
    expect(csvError(() => parsePolisVotes(`${header}1,x,0,1\n`))).toMatchObject({ line: 2, column: 5 });
    expect(csvError(() => parsePolisVotes(`${header}1,x,0,1,1\n2,x,"0,2,1\n`))).toMatchObject({ line: 3 });
    const unknown = csvError(() =>
      parsePolisVotes(`${header}1,x,0,1,1\n2,x,7,2,1\n`, 'v.csv', new Set(['0'])),
    );
    expect(unknown).toMatchObject({ line: 3, column: 3, columnName: 'comment-id' });
    expect(unknown.message).toMatch(/comment 7/);
  });

  it('refuses an empty file', () => {
    expect(csvError(() => parsePolisVotes(''))).toMatchObject({ line: 1 });
  });
});

describe('Pol.is participants-votes.csv', () => {
  it('reads comment columns after n-disagree, with or without xid, and writes them back the same', () => {
    for (const name of ['london.youth.policing', '15-per-hour-seattle']) {
      const table = parsePolisParticipantsVotes(fixture(name, 'participants-votes.csv'));
      expect(table.hasXid).toBe(name === 'london.youth.policing');
      expect(table.commentIds).not.toContain('n-disagree');
      for (const row of table.rows) {
        expect(row.votes.filter((v) => v !== null)).toHaveLength(row.nVotes);
        expect(row.votes.filter((v) => v === 1)).toHaveLength(row.nAgree);
      }
      expect(parsePolisParticipantsVotes(serialisePolisParticipantsVotes(table))).toEqual(table);
    }
    const london = parsePolisParticipantsVotes(fixture('london.youth.policing', 'participants-votes.csv'));
    expect(london.commentIds[0]).toBe('1');
    expect(london.rows[0]).toMatchObject({ participant: '1', groupId: '1', nVotes: 12 });
  });

  it('names the cell of a bad vote', () => {
    const text =
      'participant,group-id,n-comments,n-votes,n-agree,n-disagree,5,9\n1,0,0,1,1,0,1,\n2,,0,1,0,0,,x\n';
    expect(csvError(() => parsePolisParticipantsVotes(text))).toMatchObject({
      line: 3,
      column: 8,
      columnName: '9',
    });
  });
});

describe('polisJoinOrder', () => {
  it('sorts rows by numeric participant id, the order Pol.is numbered them as they joined', () => {
    const rows = ['10', '2', '33', '1'].map((participant) => ({ participant }));
    expect(polisJoinOrder(rows).map((r) => r.participant)).toEqual(['1', '2', '10', '33']);
  });

  it('keeps the file order when an id is not a whole number', () => {
    const rows = ['b', '2', 'a'].map((participant) => ({ participant }));
    expect(polisJoinOrder(rows).map((r) => r.participant)).toEqual(['b', '2', 'a']);
  });
});
