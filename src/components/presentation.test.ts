import { describe, expect, it } from 'vitest';
import { tallyChecks, type Check, type Issue, type Report } from '../core';
import { emptyReport } from '../core/fixtures/reports';
import { queueBadges, statusLine } from './checkStatus';
import { describeCheck, factWords } from './checkText';
import { exportFileName } from './download';
import {
  collectMarks,
  lineIndexAt,
  parseSpanKey,
  ROW_CHARS,
  spanKey,
  splitLines,
} from './sourceLines';

const ref = (row: string, column: string) => ({ table: 'requests', row, column });

function requests(values: Record<string, number>): Report {
  const rows = [
    ['newReceived', '一、本年新收政府信息公开申请数量'],
    ['carriedOver', '二、上年结转政府信息公开申请数量'],
    ['totalProcessed', '(七)总计'],
    ['carriedForward', '四、结转下年度继续办理'],
  ];
  return {
    tables: [
      {
        id: 'requests',
        title: '收到和处理政府信息公开申请情况',
        columns: [{ key: 'total', label: '总计' }],
        rows: rows.map(([key = '', label = '']) => ({
          key,
          label,
          cells: {
            total: {
              value: values[key] ?? null,
              raw: String(values[key] ?? ''),
              kind: values[key] === undefined ? 'blank' : 'number',
              span: null,
              confidence: 'high',
            },
          },
        })),
      },
    ],
  } as unknown as Report;
}

describe('checks as arithmetic', () => {
  const c1: Check = {
    id: 'C1:requests:total',
    rule: 'C1',
    status: 'fail',
    expected: 3,
    actual: 2,
    cells: [],
    left: [ref('newReceived', 'total'), ref('carriedOver', 'total')],
    right: [ref('totalProcessed', 'total'), ref('carriedForward', 'total')],
  };

  it('reads like the form: 一 + 二 = 3 + 0 = 3 ≠ (七) + 四 = 2 + 0 = 2', () => {
    const report = requests({
      newReceived: 3,
      carriedOver: 0,
      totalProcessed: 2,
      carriedForward: 0,
    });
    expect(describeCheck(c1, report)).toEqual({
      place: '表三 · 总计',
      equation: '一 + 二 = 3 + 0 = 3 ≠ (七) + 四 = 2 + 0 = 2',
    });
  });

  it('names a row the report lacks as the form prints it, its operand 缺', () => {
    const check: Check = { ...c1, status: 'uncertain', actual: null };
    const full = requests({ newReceived: 3, carriedOver: 0 });
    const [table] = full.tables;
    const cut: Report = {
      ...full,
      tables: table
        ? [
            {
              ...table,
              rows: table.rows.filter(
                (row) => row.key.endsWith('Received') || row.key === 'carriedOver',
              ),
            },
          ]
        : [],
    };
    expect(describeCheck(check, cut).equation).toBe(
      '一 + 二 = 3 + 0 = 3 ? （七） + 四 = 缺 + 缺 = ?',
    );
  });

  it('shows a blank operand as 空, and an undecided check with ?', () => {
    const check: Check = {
      id: 'C1:requests:total',
      rule: 'C1',
      status: 'uncertain',
      expected: null,
      actual: 2,
      cells: [],
      left: [ref('newReceived', 'total'), ref('carriedOver', 'total')],
      right: [ref('totalProcessed', 'total')],
    };
    const report = requests({ newReceived: 3, totalProcessed: 2 });
    expect(describeCheck(check, report).equation).toBe('一 + 二 = 3 + 空 = ? ? (七) = 2');
  });
});

describe('keys from an imported file', () => {
  it('reads a column named toString as a missing cell, not as a function', () => {
    const report = requests({ newReceived: 3 });
    const check: Check = {
      id: 'C9:requests:toString',
      rule: 'C9',
      status: 'fail',
      expected: 3,
      actual: 0,
      cells: [],
      left: [ref('newReceived', 'toString')],
      right: [ref('constructor', '__proto__')],
    };
    expect(describeCheck(check, report).equation).toBe(
      '一toString = 缺 ≠ constructor__proto__ = 缺',
    );
  });
});

describe('the prose against the table (T1)', () => {
  const sentence = '2023年，本机关共收到政府信息公开申请75件，均已按时答复。';
  const text = `一、总体情况\n${sentence}\n`;
  const start = text.indexOf('75件');
  const fact = { key: 'requestsReceived', value: 75, span: [start, start + 3] as [number, number] };
  const at = text.indexOf(sentence);
  const base = requests({ newReceived: 74 });
  const report: Report = {
    ...base,
    text,
    facts: [
      {
        ...fact,
        unit: '件',
        approximate: false,
        cumulative: false,
        sentence: [at, at + sentence.length],
      },
    ],
  };
  const t1: Check = {
    id: 'T1:requestsReceived',
    rule: 'T1',
    status: 'fail',
    expected: 75,
    actual: 74,
    cells: [ref('newReceived', 'total')],
    left: [],
    right: [ref('newReceived', 'total')],
    fact,
  };

  it('R6.12 shows the prose figure with its words against the table: 正文 …75件 ≠ 表三 本年新收 74', () => {
    expect(describeCheck(t1, report)).toEqual({
      place: '正文 · 表三',
      equation: '正文 本机关共收到政府信息公开申请75件 ≠ 表三 本年新收 74',
    });
  });

  it('R6.12 takes the clause that states the figure, without spaces, and cuts a long one from the front', () => {
    const words = (line: string, figure: string) => {
      const span: [number, number] = [line.indexOf(figure), line.indexOf(figure) + figure.length];
      const withFact: Report = {
        ...emptyReport(),
        text: line,
        facts: [
          {
            ...fact,
            span,
            unit: null,
            approximate: false,
            cumulative: false,
            sentence: [0, line.length],
          },
        ],
      };
      return factWords(withFact, { ...fact, span });
    };
    expect(words('全年共受理政府信息公开申请 749 件，其中自然人申请741件。', '749 件')).toBe(
      '全年共受理政府信息公开申请749件',
    );
    // A statement of none: the words after the negation belong to it.
    expect(words('本年度未收到政府信息公开申请。', '未收到')).toBe('本年度未收到政府信息公开申请');
    expect(
      words(
        '本机关在本年度内通过网上申请平台和信函等多种渠道共计收到各类政府信息公开申请75件。',
        '75件',
      ),
    ).toBe('…信函等多种渠道共计收到各类政府信息公开申请75件');
  });

  it('R6.12 a blank table cell leaves T1 undecided, shown as 空; two cells are added up', () => {
    const blank = requests({});
    const uncertain = { ...t1, status: 'uncertain' as const, actual: null };
    expect(describeCheck(uncertain, { ...blank, text, facts: report.facts }).equation).toBe(
      '正文 本机关共收到政府信息公开申请75件 ? 表三 本年新收 空',
    );
    const litigation: Check = {
      ...t1,
      id: 'T1:litigationCases',
      fact: { ...fact, key: 'litigationCases' },
      actual: 3,
      right: [ref('newReceived', 'total'), ref('carriedOver', 'total')],
    };
    const both = requests({ newReceived: 1, carriedOver: 2 });
    expect(describeCheck(litigation, { ...both, text, facts: [] }).equation).toMatch(
      / ≠ 表三 行政诉讼 1 \+ 2 = 3$/,
    );
  });
});

describe('the status of a report (R6.11)', () => {
  const check = (status: Check['status'], verdict?: Check['verdict']): Check => ({
    id: `C3:${status}`,
    rule: 'C3',
    status,
    expected: null,
    actual: null,
    cells: [],
    left: [],
    right: [],
    ...(verdict ? { verdict } : {}),
  });
  const issue = (code: string): Issue => ({ code, severity: 'warning', message: '', span: null });
  // Each part as `tone: text`, so that a test sees both what is said and how it is coloured.
  const line = (checks: Check[], issues: Issue[] = []) => {
    const status = statusLine(tallyChecks({ checks, issues }));
    return { ...status, parts: status.parts.map((part) => `${part.tone}: ${part.text}`) };
  };

  it('R6.11 says 校验全部通过 only when every check ran and passed', () => {
    expect(line([check('pass'), check('pass')])).toEqual({
      tone: 'good',
      icon: '✓',
      parts: ['good: 校验全部通过'],
    });
  });

  it('R6.11 checks that could not run are counted, never passed, beside the failing ones', () => {
    expect(line([check('pass'), check('uncertain'), check('uncertain')])).toEqual({
      tone: 'unsure',
      icon: '?',
      parts: ['unsure: 2 项无法判断'],
    });
    expect(line([check('fail'), check('uncertain')]).parts).toEqual([
      'bad: 1 项校验未通过',
      'unsure: 1 项无法判断',
    ]);
    expect(line([check('fail'), check('uncertain')]).tone).toBe('bad');
  });

  it('R6.11 a table cut short is said, even when every check that ran passed', () => {
    expect(line([check('pass')], [issue('table-incomplete')])).toEqual({
      tone: 'unsure',
      icon: '?',
      parts: ['unsure: 表不完整'],
    });
    expect(line([], [issue('table-incomplete')]).parts).toEqual(['unsure: 表不完整']);
  });

  it('R6.11 no checks at all, or no report, never says all passed', () => {
    expect(line([])).toEqual({ tone: 'none', icon: '', parts: ['none: 无可运行的校验'] });
    expect(line([], [issue('no-report-data')])).toEqual({
      tone: 'bad',
      icon: '⚠',
      parts: ['bad: 没有年报数据'],
    });
  });

  it('R6.11 the queue badges: failing checks, and beside them what could not be checked', () => {
    const badges = (checks: Check[], issues: Issue[] = []) => {
      const { failing, unsure } = queueBadges(tallyChecks({ checks, issues }));
      return [failing?.text ?? null, unsure?.text ?? null];
    };
    expect(badges([check('pass')])).toEqual([null, null]);
    expect(badges([check('fail'), check('uncertain'), check('uncertain')])).toEqual([
      '⚠ 1',
      '2 项无法判断',
    ]);
    expect(
      badges([check('fail', 'dismissed'), check('uncertain')], [issue('table-incomplete')]),
    ).toEqual(['✓ 1', '表不完整']);
    expect(badges([check('uncertain', 'dismissed')])).toEqual([null, null]);
  });

  it('R6.11 judged checks are shown as judged, and no longer call for attention', () => {
    expect(line([check('fail', 'source-error'), check('uncertain', 'dismissed')])).toEqual({
      tone: 'good',
      icon: '✓',
      parts: ['good: 1 项校验未通过（已判定 1 项）', 'good: 1 项无法判断（已判定 1 项）'],
    });
  });
});

describe('source lines', () => {
  const text = '第一行 12 件\n第二行 3\n';
  const report = {
    text,
    tables: [
      {
        id: 't',
        title: '',
        columns: [],
        rows: [
          {
            key: 'r',
            label: '',
            cells: {
              a: { span: [4, 6] },
              b: { span: [13, 14] },
              c: { span: [4, 6] },
              d: { span: null },
              e: { span: [90, 99] },
            },
          },
        ],
      },
    ],
    facts: [{ span: [4, 8] }, { span: [0, 3] }],
  } as unknown as Report;

  it('marks cells before facts, never overlapping, and skips spans outside the text', () => {
    expect(collectMarks(report)).toEqual([
      { start: 0, end: 3, kind: 'fact' },
      { start: 4, end: 6, kind: 'cell' },
      { start: 13, end: 14, kind: 'cell' },
    ]);
  });

  it('cuts the text into numbered lines of plain and marked pieces', () => {
    const lines = splitLines(text, collectMarks(report));
    expect(lines).toHaveLength(2);
    expect(lines[0]?.pieces.map((p) => [p.text, p.mark?.kind ?? null])).toEqual([
      ['第一行', 'fact'],
      [' ', null],
      ['12', 'cell'],
      [' 件', null],
    ]);
    expect(lines[1]).toMatchObject({ number: 2, start: 9, end: 14 });
    expect(lines[1]?.pieces.map((p) => p.text)).toEqual(['第二行 ', '3']);
  });

  it('shows a mark that runs over a line break on both lines', () => {
    const lines = splitLines('ab\ncd', [{ start: 1, end: 4, kind: 'cell' }]);
    expect(lines.map((l) => l.pieces.map((p) => [p.text, p.mark !== null]))).toEqual([
      [
        ['a', false],
        ['b', true],
      ],
      [
        ['c', true],
        ['d', false],
      ],
    ]);
  });

  it('draws a line longer than ROW_CHARS as rows, numbered once, a mark on both rows it spans', () => {
    const long = 'x'.repeat(ROW_CHARS * 2 + 500);
    const mark = { start: ROW_CHARS - 1, end: ROW_CHARS + 1, kind: 'cell' as const };
    const lines = splitLines(`${long}\nend`, [mark]);
    expect(lines.map((l) => [l.number, l.start, l.end, l.continued])).toEqual([
      [1, 0, ROW_CHARS, false],
      [1, ROW_CHARS, ROW_CHARS * 2, true],
      [1, ROW_CHARS * 2, long.length, true],
      [2, long.length + 1, long.length + 4, false],
    ]);
    expect(lines[0]?.pieces.at(-1)).toEqual({ text: 'x', mark });
    expect(lines[1]?.pieces[0]).toEqual({ text: 'x', mark });
    expect(lineIndexAt(lines, ROW_CHARS * 2 + 1)).toBe(2);
  });

  it('never cuts a row between the halves of a character outside the BMP', () => {
    const text = `${'x'.repeat(ROW_CHARS - 1)}𠀀${'x'.repeat(10)}`;
    const [first, second] = splitLines(text, []);
    expect(first?.end).toBe(ROW_CHARS - 1);
    expect(second?.pieces[0]?.text.startsWith('𠀀')).toBe(true);
  });

  it('finds the line that holds a place, its line break included', () => {
    const lines = splitLines('ab\ncd\n\nef', []);
    expect([0, 1, 2, 3, 5, 6, 7, 9].map((offset) => lineIndexAt(lines, offset))).toEqual([
      0, 0, 0, 1, 1, 2, 3, 3,
    ]);
    expect(lineIndexAt(splitLines('', []), 0)).toBe(0);
  });

  it('writes and reads span keys as start-end', () => {
    expect(spanKey([3, 9])).toBe('3-9');
    expect(parseSpanKey('3-9')).toEqual([3, 9]);
    expect(parseSpanKey('x')).toBeNull();
  });
});

describe('export file name', () => {
  it('is the source name with its extension, then .report.json: two formats never collide', () => {
    expect(exportFileName('021_x.html')).toBe('021_x.html.report.json');
    expect(exportFileName('021_x.txt')).toBe('021_x.txt.report.json');
    expect(exportFileName('README')).toBe('README.report.json');
    expect(exportFileName('.hidden')).toBe('.hidden.report.json');
  });
});
