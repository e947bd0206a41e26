import { describe, expect, it } from 'vitest';
import { emptyReport } from '../core/fixtures/reports';
import type { QueueEntry } from '../store/reviewStore';
import { formatTag, middleTruncate } from './queueName';

const entry = (name: string, report: QueueEntry['report'] = null): QueueEntry => ({
  id: '1',
  name,
  status: report ? 'ready' : 'parsing',
  error: null,
  report,
  note: null,
});

describe('queue names', () => {
  it('keeps a short name whole, and cuts the middle of a long one so that copies stay apart', () => {
    expect(middleTruncate('a.txt')).toBe('a.txt');
    const names = ['txt', 'html', 'docx'].map((ext) =>
      middleTruncate(`021_平潭县人民政府关于2023年政府信息公开工作年度报告.${ext}`),
    );
    expect(names[1]).toBe('021_平潭…报告.html');
    expect(new Set(names).size).toBe(3);
    expect(middleTruncate('001_b7938c474e787140.txt')).toBe('001_b793…87140.txt');
    expect(middleTruncate('a-short-name.txt')).toBe('a-short-name.txt');
    // A character beyond the BMP counts once and is never split.
    expect(middleTruncate('𠀀'.repeat(30))).toBe(`${'𠀀'.repeat(4)}…${'𠀀'.repeat(4)}`);
  });

  it('tags the format the parser read, else the one the name says', () => {
    const report = emptyReport('x.bin');
    expect(
      formatTag(entry('x.bin', { ...report, source: { ...report.source, format: 'pdf' } })),
    ).toBe('PDF');
    expect(formatTag(entry('报告.HTM'))).toBe('HTML');
    expect(formatTag(entry('报告.docx'))).toBe('DOCX');
    expect(formatTag(entry('粘贴'))).toBeNull();
  });
});
