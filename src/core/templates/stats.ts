import type { RowDef, TableDef, TemplateDef } from './national';

// The pre-2019 政府信息公开情况统计表 (SPEC R3.8): the 2014 national form (统计指标 · 单位 · 统计数) and older
// local forms (指标名称 · 计量单位 · 本年度 · 历年累计). Their rows differ from place to place and year to
// year, so rows are matched in any order, and the row keys (docs/schema.md, "stats") name the indicator.

const STATS_ROWS: readonly [key: string, label: string, pattern: RegExp][] = [
  ['activeDisclosed', '主动公开政府信息数', /^主动公开(?:政府)?(?:信息|文件)(?:总)?数/],
  ['activeNormativeDocuments', '主动公开规范性文件数', /^主动公开规范性文件数/],
  ['normativeDocumentsIssued', '制发规范性文件总数', /^制发规范性文件总?数/],
  ['channels.gazette', '政府公报公开', /^(?:通过)?政府公报公开数?/],
  ['channels.website', '政府网站公开', /^(?:通过)?(?:政府)?网站公开数?/],
  ['channels.weibo', '政务微博公开', /^(?:通过)?政务微博公开数?/],
  ['channels.wechat', '政务微信公开', /^(?:通过)?政务微信公开数?/],
  ['channels.other', '其他方式公开', /^(?:通过)?其他方式公开数?/],
  ['requests.received', '收到申请数', /^(?:收到申请|受理依申请公开信息总|受理申请总?)数/],
  ['requests.inPerson', '当面申请数', /^当面申请数/],
  ['requests.fax', '传真申请数', /^传真申请数/],
  ['requests.email', '电子邮件申请数', /^电子邮件申请数/],
  ['requests.online', '网络申请数', /^(?:网络|网上)申请数/],
  ['requests.mail', '信函申请数', /^信函(?:、传真)?申请数/],
  ['requests.other', '其他形式申请数', /^其[他它]形式申请数/],
  ['requests.completed', '申请办结数', /^申请办结数/],
  ['requests.onTime', '按时办结数', /^按时办结数/],
  ['requests.extended', '延期办结数', /^延期办结数/],
  ['replies.total', '申请答复数', /^(?:申请答复|对申请的答复总?)数/],
  ['replies.alreadyPublic', '属于已主动公开范围数', /^属于已主动公开范围数/],
  ['replies.granted', '同意公开答复数', /^同意公开答复数/],
  ['replies.partial', '同意部分公开答复数', /^同意部分公开答复数/],
  ['replies.denied', '不同意公开答复数', /^(?:不同意|否决|不予)公开答复数/],
  ['replies.other', '其他类型答复数', /^其他类型答复数/],
  ['replies.notThisAgency', '不属于本行政机关公开数', /^不属于本行政机关公开数/],
  ['replies.nonexistent', '申请信息不存在数', /^申请信息不存在数/],
  ['replies.askedToAmend', '告知作出更改补充数', /^告知作出更改补充数/],
  ['replies.otherChannel', '告知通过其他途径办理数', /^告知通过其他途径办理数/],
  ['review.total', '行政复议数量', /^(?:政府信息公开)?行政复议数(?:量)?$/],
  ['litigation.total', '行政诉讼数量', /^(?:政府信息公开)?行政诉讼数(?:量)?$/],
  ['petitions', '行政申诉数', /^行政申诉数/],
  ['complaints', '举报投诉数量', /^(?:举报投诉数量|接受行政诉讼、举报数)/],
  ['fees', '依申请公开信息收取的费用', /^(?:依申请公开信息收取的费用|政府信息公开收费减免金额)/],
];

const rows = (columns: readonly string[]): RowDef[] =>
  STATS_ROWS.map(([key, label, pattern]) => ({ key, label, pattern, columns }));

const title = '政府信息公开情况统计表';

/** Rows whose value is the sum of others, for placing digits run together (blank read as 0). */
const STATS_SUMS: readonly [total: string, parts: readonly string[]][] = [
  [
    'activeDisclosed',
    ['channels.gazette', 'channels.website', 'channels.weibo', 'channels.wechat', 'channels.other'],
  ],
  [
    'requests.received',
    [
      'requests.inPerson',
      'requests.fax',
      'requests.email',
      'requests.online',
      'requests.mail',
      'requests.other',
    ],
  ],
  [
    'replies.total',
    [
      'replies.alreadyPublic',
      'replies.granted',
      'replies.partial',
      'replies.denied',
      'replies.other',
      'replies.notThisAgency',
      'replies.nonexistent',
      'replies.askedToAmend',
      'replies.otherChannel',
    ],
  ],
];

/** 统计指标 · 单位 · 统计数 (2014 national form). */
const statsSingle: TableDef = {
  id: 'stats',
  title,
  columns: [
    { key: 'unit', label: '单位' },
    { key: 'value', label: '统计数' },
  ],
  rows: rows(['unit', 'value']),
  groups: [],
  anyOrder: true,
  textColumns: ['unit'],
  softSums: STATS_SUMS,
};

/** 指标名称 · 计量单位 · 本年度 · 历年累计 (older local forms). */
const statsCumulative: TableDef = {
  ...statsSingle,
  columns: [
    { key: 'unit', label: '计量单位' },
    { key: 'value', label: '本年度' },
    { key: 'cumulative', label: '历年累计' },
  ],
  rows: rows(['unit', 'value', 'cumulative']),
};

/** A 统计表 announces itself by its heading and its header words (SPEC R3.8). */
export function matchStatsTemplate(folded: string): TemplateDef | null {
  if (!folded.includes('统计表') || !/指标名称|统计指标/.test(folded) || !folded.includes('单位')) {
    return null;
  }
  return { id: 'stats', tables: [folded.includes('历年累计') ? statsCumulative : statsSingle] };
}

/** Units printed in the 单位 column, which glued copies run into the label and the numbers. */
export const STATS_UNIT = /^(?:人次|万元|条|件|次|篇|个|人|元|项)/;
