import { foldLabel, stripLabelNumber } from '../fold';
import type { Column, TableId } from '../types';

// The 2019 (国办公开办函〔2019〕60号) and 2021 (国办公开办函〔2021〕30号) tables as data. Patterns are
// tested against a label after foldLabel and stripLabelNumber, so they name core words only (SPEC R3).

export interface RowDef {
  key: string;
  label: string;
  pattern: RegExp;
  columns: readonly string[];
  /** A row the 2021 form splits into sub-rows; printed with no numbers, its label is a group label. */
  splitInto?: readonly string[];
}

export interface TableDef {
  id: TableId;
  title: string;
  columns: readonly Column[];
  rows: readonly RowDef[];
  /** Labels of row groups: they carry no numbers (SPEC R3.4). */
  groups: readonly RegExp[];
  /** Rows may come in any order (the 统计表 forms differ): each row is still matched once. */
  anyOrder?: boolean;
  /**
   * How the table is printed: `labelled` (the default), each row after its label; `grouped-row`, its
   * rows as groups of one printed row of numbers with no labels (表四, SPEC R3.6).
   */
  reader?: 'labelled' | 'grouped-row';
  /**
   * Every form prints every row of this table down to its last (表三 ends with （七）总计 and 四、结转下年度):
   * a row not read is reported, and rows missing after the last one read mean the table was cut short.
   */
  allRowsPrinted?: boolean;
  /** Columns that may hold a negative number (a difference such as 本年增/减). */
  signedColumns?: readonly string[];
  /** Columns of words, not counts (a 统计表's 单位): a cell there that is not a number is no issue. */
  textColumns?: readonly string[];
  /**
   * Totals and their 其中 parts that only place values run together (blank read as 0), never checked:
   * a 统计表's channels may overlap. A table without them is placed by its EQUATIONS.
   */
  softSums?: readonly (readonly [total: string, parts: readonly string[]])[];
}

export interface TemplateDef {
  id: '2019' | '2021' | 'stats';
  tables: readonly TableDef[];
}

const note = String.raw`(?:\(.*\))?`;
const exact = (core: string): RegExp => new RegExp(`^${core}${note}$`);

const ACTIVE_TITLE = '主动公开政府信息情况';

const active2021: TableDef = {
  id: 'active',
  title: ACTIVE_TITLE,
  columns: [
    { key: 'made', label: '本年制发件数' },
    { key: 'repealed', label: '本年废止件数' },
    { key: 'valid', label: '现行有效件数' },
    { key: 'decisions', label: '本年处理决定数量' },
    { key: 'amount', label: '本年收费金额（单位：万元）' },
  ],
  rows: [
    {
      key: 'regulations',
      label: '规章',
      pattern: exact('规章'),
      columns: ['made', 'repealed', 'valid'],
    },
    {
      key: 'normativeDocuments',
      label: '行政规范性文件',
      pattern: exact('(?:行政)?规范性文件'),
      columns: ['made', 'repealed', 'valid'],
    },
    { key: 'licensing', label: '行政许可', pattern: exact('行政许可'), columns: ['decisions'] },
    { key: 'punishment', label: '行政处罚', pattern: exact('行政处罚'), columns: ['decisions'] },
    { key: 'coercion', label: '行政强制', pattern: exact('行政强制'), columns: ['decisions'] },
    { key: 'fees', label: '行政事业性收费', pattern: exact('行政事业性收费'), columns: ['amount'] },
  ],
  groups: [],
};

const PROJECT_COLUMNS = ['previousCount', 'change', 'decisions'] as const;

const active2019: TableDef = {
  id: 'active',
  title: ACTIVE_TITLE,
  columns: [
    { key: 'newlyMade', label: '本年新制作数量' },
    { key: 'newlyPublished', label: '本年新公开数量' },
    { key: 'totalPublished', label: '对外公开总数量' },
    { key: 'previousCount', label: '上一年项目数量' },
    { key: 'change', label: '本年增/减' },
    { key: 'decisions', label: '处理决定数量' },
    { key: 'items', label: '采购项目数量' },
    { key: 'amount', label: '采购总金额' },
  ],
  rows: [
    {
      key: 'regulations',
      label: '规章',
      pattern: exact('规章'),
      columns: ['newlyMade', 'newlyPublished', 'totalPublished'],
    },
    {
      key: 'normativeDocuments',
      label: '规范性文件',
      pattern: exact('(?:行政)?规范性文件'),
      columns: ['newlyMade', 'newlyPublished', 'totalPublished'],
    },
    { key: 'licensing', label: '行政许可', pattern: exact('行政许可'), columns: PROJECT_COLUMNS },
    {
      key: 'otherServices',
      label: '其他对外管理服务事项',
      pattern: exact('其他对外管理服务事项'),
      columns: PROJECT_COLUMNS,
    },
    { key: 'punishment', label: '行政处罚', pattern: exact('行政处罚'), columns: PROJECT_COLUMNS },
    { key: 'coercion', label: '行政强制', pattern: exact('行政强制'), columns: PROJECT_COLUMNS },
    {
      key: 'fees',
      label: '行政事业性收费',
      pattern: exact('行政事业性收费'),
      columns: ['previousCount', 'change'],
    },
    {
      key: 'procurement',
      label: '政府集中采购',
      pattern: exact('政府集中采购'),
      columns: ['items', 'amount'],
    },
  ],
  groups: [],
  signedColumns: ['change'],
};

export const REQUEST_COLUMNS: readonly Column[] = [
  { key: 'naturalPerson', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'social', label: '社会公益组织' },
  { key: 'legal', label: '法律服务机构' },
  { key: 'otherOrg', label: '其他' },
  { key: 'total', label: '总计' },
];
const requestColumnKeys = REQUEST_COLUMNS.map((column) => column.key);

/** The five kinds of 法人或其他组织, which the form prints under one header between 自然人 and 总计. */
export const ORGANISATION_COLUMNS: readonly string[] = requestColumnKeys.filter(
  (key) => key !== 'naturalPerson' && key !== 'total',
);

function requestRow(key: string, label: string, pattern: RegExp, splitInto?: string[]): RowDef {
  return { key, label, pattern, columns: requestColumnKeys, ...(splitInto ? { splitInto } : {}) };
}

const OTHER_SPLIT = ['other.overdueCorrection', 'other.overdueFee', 'other.otherReasons'];

const requestRows: readonly RowDef[] = [
  requestRow('newReceived', '一、本年新收政府信息公开申请数量', /^本年新收/),
  requestRow('carriedOver', '二、上年结转政府信息公开申请数量', /^上年结转/),
  requestRow('granted', '（一）予以公开', exact('予以公开')),
  requestRow(
    'partialGrant',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    /^部分公开/,
  ),
  requestRow('denied.stateSecret', '1.属于国家秘密', exact('属于国家秘密')),
  requestRow('denied.lawForbidden', '2.其他法律行政法规禁止公开', /^其他法律行政法规禁止公开/),
  requestRow('denied.safetyStability', '3.危及“三安全一稳定”', /^危及/),
  requestRow('denied.thirdPartyRights', '4.保护第三方合法权益', /^保护第三方合法权益/),
  requestRow('denied.internalAffairs', '5.属于三类内部事务信息', /^属于三类内部事务/),
  requestRow('denied.processInfo', '6.属于四类过程性信息', /^属于四类过程性/),
  requestRow('denied.enforcementCase', '7.属于行政执法案卷', /^属于行政执法案卷/),
  requestRow('denied.adminQuery', '8.属于行政查询事项', /^属于行政查询事项/),
  requestRow('unable.noInfo', '1.本机关不掌握相关政府信息', /^本机关不掌握/),
  requestRow('unable.needCreation', '2.没有现成信息需要另行制作', /^没有现成信息/),
  requestRow('unable.unclear', '3.补正后申请内容仍不明确', /^补正后申请内容仍?不明确/),
  requestRow('notProcessed.complaint', '1.信访举报投诉类申请', /^信访举报投诉/),
  requestRow('notProcessed.repeat', '2.重复申请', exact('重复申请')),
  requestRow('notProcessed.publication', '3.要求提供公开出版物', /^要求提供公开出版物/),
  requestRow('notProcessed.massive', '4.无正当理由大量反复申请', /^无正当理由大量反复申请/),
  requestRow('notProcessed.confirm', '5.要求行政机关确认或重新出具已获取信息', /^要求行政机关确认/),
  requestRow('other', '（六）其他处理', exact('其他处理'), OTHER_SPLIT),
  requestRow(
    'other.overdueCorrection',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    /^申请人无正当理由逾期不补正/,
  ),
  requestRow(
    'other.overdueFee',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    /^申请人逾期未按收费通知/,
  ),
  requestRow('other.otherReasons', '3.其他', /^其他$/),
  requestRow('totalProcessed', '（七）总计', /^总计$/),
  requestRow('carriedForward', '四、结转下年度继续办理', /^结转下年度继续办理/),
];

const requests: TableDef = {
  id: 'requests',
  title: '收到和处理政府信息公开申请情况',
  columns: REQUEST_COLUMNS,
  rows: requestRows,
  groups: [/^本年度办理结果$/, exact('不予公开'), exact('无法提供'), exact('不予处理')],
  allRowsPrinted: true,
};

export const APPEAL_COLUMNS: readonly Column[] = [
  { key: 'maintained', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];
const appealColumnKeys = APPEAL_COLUMNS.map((column) => column.key);

// 表四 prints one row of 15 numbers with no label; its rows are matched by position (SPEC R3.6).
const appeals: TableDef = {
  id: 'appeals',
  title: '政府信息公开行政复议、行政诉讼情况',
  columns: APPEAL_COLUMNS,
  rows: [
    { key: 'review', label: '行政复议', pattern: /^行政复议$/, columns: appealColumnKeys },
    {
      key: 'litigationDirect',
      label: '行政诉讼·未经复议直接起诉',
      pattern: /^未经复议直接起诉$/,
      columns: appealColumnKeys,
    },
    {
      key: 'litigationAfterReview',
      label: '行政诉讼·复议后起诉',
      pattern: /^复议后起诉$/,
      columns: appealColumnKeys,
    },
  ],
  groups: [],
  reader: 'grouped-row',
};

export const TEMPLATES: readonly TemplateDef[] = [
  { id: '2021', tables: [active2021, requests, appeals] },
  { id: '2019', tables: [active2019, requests, appeals] },
];

// Any one of these decides the template (docs/templates.md §1): the tables decide, not the year.
export const FINGERPRINTS: Readonly<Record<'2019' | '2021', readonly string[]>> = {
  '2021': [
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '本年收费金额',
    '行政规范性文件',
    '申请人无正当理由逾期不补正',
  ],
  '2019': [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '其他对外管理服务事项',
    '政府集中采购',
    '采购项目数量',
  ],
};

// The label's words without its numbering or bracketed note: `（二）部分公开（区分处理的…）` → `部分公开`.
const words = new Map<RowDef, string>();

/** A template row's label as the words a garbled or glued copy is searched for. */
export function labelWords(def: RowDef): string {
  let word = words.get(def);
  if (word === undefined) {
    word = stripLabelNumber(foldLabel(def.label)).replace(/\(.*$/, '');
    words.set(def, word);
  }
  return word;
}

// 表三's outcome rows, whose sum is （七）总计 (C2); group labels are never rows.
const OUTCOME_ROW = /^(granted|partialGrant|denied\..+|unable\..+|notProcessed\..+|other(\..+)?)$/;

export function isOutcomeRow(key: string): boolean {
  return OUTCOME_ROW.test(key);
}
