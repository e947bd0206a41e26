import type { CheckStatus, Severity, TemplateId } from './core';

// Every word the UI shows, in one place, so that an English table can be added beside it.
export const t = {
  appTitle: '年报校对台',
  openFiles: '打开文件',
  pasteText: '粘贴文本',
  sample: '示例',
  sampleHint: '加载一份示例年报',
  exportJson: '导出 JSON',
  exportJsonHint: '下载当前报告的 JSON（report@1）',
  parsingProgress: (done: number, total: number) => `解析中 ${done}/${total}`,

  dropHint: '松开鼠标，添加文件',
  emptyTitle: '把政府信息公开工作年度报告拖到这里',
  emptyBody: '支持一次拖入多个文件。也可以“打开文件”、“粘贴文本”，或先看看“示例”。',
  emptyPrivacy: '文件只在本机浏览器中解析，不会上传。',

  queue: '队列',
  queueEmpty: '尚无文件',
  status: { parsing: '解析中', ready: '待复核', error: '错误' },
  failingBadge: (n: number) => `${n} 项校验未通过`,

  pasteTitle: '粘贴年报文本',
  pasteLabel: '报告全文',
  pastePlaceholder: '把年报的文字粘贴到这里……',
  pasteSubmit: '解析',
  cancel: '取消',
  pasteName: (n: number) => `粘贴文本-${n}.txt`,

  template: {
    '2021': '2021版',
    '2019': '2019版',
    narrative: '仅文字',
    stats: '统计表',
    unknown: '未识别',
  } satisfies Record<TemplateId, string>,
  unknownAgency: '（未识别发布机构）',
  year: (y: number) => `${y}年度`,
  failingChecks: (n: number) => (n === 0 ? '校验全部通过' : `${n} 项校验未通过`),
  noChecks: '无可运行的校验',
  editCount: (n: number) => (n === 0 ? '未修改' : `已修改 ${n} 处`),
  parsingReport: '正在解析……',
  noSelection: '从左侧队列选择一份报告。',

  source: '原文',
  sourceEmpty: '（无文字）',
  tabs: { active: '表二', requests: '表三', appeals: '表四', facts: '文中数字', issues: '问题' },
  tablesLabel: '统计表与问题',
  noTables: '未找到统计表：见“文中数字”。',

  legend: '图例',
  legendSelected: '选中',
  legendCorrected: '已修改',
  legendLow: '低置信度',
  legendFailing: '校验未通过',
  original: (raw: string) => `原: ${raw === '' ? '（空）' : raw}`,
  cellTitle: (label: string, raw: string) => `${label}：${raw === '' ? '（空）' : raw}`,
  lowConfidence: '解析器不确定此格的位置或数值',
  editCellLabel: (label: string) => `修改 ${label}`,

  active: {
    header: '信息内容',
    blocks: {
      rules: '第二十条第（一）项',
      licensing: '第二十条第（五）项',
      enforcement: '第二十条第（六）项',
      fees: '第二十条第（八）项',
      procurement: '第二十条第（九）项',
    },
  },
  requests: {
    applicants: '申请人情况',
    organisations: '法人或其他组织',
    results: '三、本年度办理结果',
    denied: '（三）不予公开',
    unable: '（四）无法提供',
    notProcessed: '（五）不予处理',
    other: '（六）其他处理',
  },
  appeals: { litigation: '行政诉讼' },

  facts: {
    empty: '正文中没有识别出数字。',
    key: '指标',
    value: '数值',
    sentence: '原句',
    approximate: '约',
    cumulative: '累计',
    names: {
      activeDisclosed: '主动公开信息',
      requestsReceived: '收到公开申请',
      reviewCases: '行政复议',
      litigationCases: '行政诉讼',
      feesCollected: '收取费用',
    } as Record<string, string>,
  },

  issues: {
    checksTitle: '校验',
    issuesTitle: '解析提示',
    noChecks: '没有可运行的校验。',
    noIssues: '没有解析提示。',
    severity: { error: '错误', warning: '注意', info: '提示' } satisfies Record<Severity, string>,
    checkStatus: { pass: '通过', fail: '未通过', uncertain: '无法判断' } satisfies Record<
      CheckStatus,
      string
    >,
    blankOperand: '空',
    passedSummary: (n: number) => `${n} 项通过`,
  },

  errors: {
    sampleFailed: '无法加载示例文件',
    unknown: '无法解析此文件',
  },
};
