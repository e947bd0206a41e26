import { cellAddress } from './core';
import type { CellRef, CheckStatus, ReviewStatus, Severity, TemplateId, Verdict } from './core';

// Every word the UI shows, in one place, so that an English table can be added beside it.
export const t = {
  appTitle: '年报校对台',
  openFiles: '打开文件',
  pasteText: '粘贴文本',
  sample: '示例',
  sampleHint: '加载一份示例年报',
  exportMenu: '导出',
  exportThis: '本报告 JSON',
  exportThisHint: '下载当前报告的 JSON（report@1），含修改、判定与复核状态',
  exportAll: '全部 JSON Lines',
  exportAllHint: '队列中全部报告，每行一份 report@1（reports.jsonl）',
  exportCsv: 'CSV 长表',
  exportCsvHint: '每个单元格一行（reports.csv，UTF-8 带 BOM，可直接用 Excel 打开）',
  parsingProgress: (done: number, total: number) => `解析中 ${done}/${total}`,

  dropHint: '松开鼠标，添加文件',
  emptyTitle: '把政府信息公开工作年度报告拖到这里',
  emptyBody: '支持一次拖入多个文件。也可以“打开文件”、“粘贴文本”，或先看看“示例”。',
  emptyPrivacy: '文件只在本机浏览器中解析，不会上传。',

  queue: '队列',
  queueEmpty: '尚无文件',
  queueNoneShown: '没有符合筛选条件的报告。',
  queueShown: (shown: number, total: number) =>
    shown === total ? `${total}` : `${shown}/${total}`,
  status: { parsing: '解析中', ready: '待复核', error: '错误' },
  problemsBadge: (n: number) => `${n} 项未通过的校验尚未判定`,
  judgedBadge: (n: number) => `${n} 项未通过的校验均已判定`,
  uncertainBadge: (n: number) => `${n} 项校验缺少数字（空格、“/”或缺行），无法判断，尚未判定`,
  incompleteBadge: '有统计表在中途中断：其后各行没有读到，相关校验无法进行',
  filterLabel: '筛选',
  sortLabel: '排序',
  filters: { all: '全部', todo: '待复核', reviewed: '已复核', error: '错误' },
  sorts: { attention: '需复核优先', name: '文件名', agency: '机构', year: '年份' },
  restoring: '正在恢复工作区…',
  imported: (file: string) => `导入自 ${file}`,
  importReplaced: (file: string) => `已替换队列中的同一报告（导入自 ${file}）`,
  importLine: (file: string, line: number) => `${file} 第 ${line} 行`,
  noProblems: '没有尚未判定的未通过校验',
  cancelParse: (name: string) => `取消解析 ${name}`,
  remove: {
    button: (name: string) => `移除 ${name}`,
    title: '移除此报告？',
    body: (name: string) =>
      `“${name}”及其修改、判定将从队列和本机删除。可以立即撤销（Ctrl+Z），但重新加载页面后无法恢复。`,
    confirm: '移除',
  },

  review: {
    status: {
      unreviewed: '未复核',
      'in-progress': '复核中',
      reviewed: '已复核',
    } satisfies Record<ReviewStatus, string>,
    markReviewed: '标记为已复核',
    unmarkReviewed: '取消已复核',
    updatedAt: (at: string) => `最后操作 ${at.slice(0, 16).replace('T', ' ')} UTC`,
  },

  verdicts: {
    'parse-error': '解析错误',
    'source-error': '原文错误',
    dismissed: '忽略',
  } satisfies Record<Verdict, string>,
  verdictHints: {
    'parse-error': '解析器读错了：请随后修改单元格',
    'source-error': '报告原文本身有误',
    dismissed: '不影响使用，忽略此项',
  } satisfies Record<Verdict, string>,
  verdictGroup: '判定',
  comment: '备注',
  commentPlaceholder: '备注（可选），输入即保存',

  undo: '撤销',
  redo: '重做',
  undoHint: (label: string | null) => (label ? `撤销：${label}（Ctrl+Z）` : '没有可撤销的操作'),
  redoHint: (label: string | null) =>
    label ? `重做：${label}（Ctrl+Shift+Z / Ctrl+Y）` : '没有可重做的操作',
  history: {
    edit: (ref: CellRef, from: string, to: string) =>
      `修改 ${cellAddress(ref)}：${from || '（空）'} → ${to || '（空）'}`,
    editCells: (count: number) => `修改 ${count} 个单元格`,
    // Called after `t` is built, so they can use its other words.
    verdict: (checkId: string, verdict: Verdict | null) =>
      `判定 ${checkId}：${verdict === null ? '无' : t.verdicts[verdict]}`,
    comment: (checkId: string) => `备注 ${checkId}`,
    status: (status: ReviewStatus) => `复核状态：${t.review.status[status]}`,
    acceptSuggestion: (checkId: string) => `采纳建议 ${checkId}`,
    rejectSuggestion: (checkId: string) => `不采纳建议 ${checkId}`,
  },

  suggestions: {
    change: (cell: string, from: string, to: string) => `${cell} ${from}→${to}`,
    /** `建议：自然人 1→12，商业企业 20→0（可使 C3 校验通过）` */
    line: (changes: string[], rule: string, fixes: number) =>
      `建议：${changes.join('，')}（可使 ${rule}${fixes > 1 ? ` 等 ${fixes} 项` : ' '}校验通过）`,
    group: '修正建议',
    selectHint: '在表格和原文中标出这些单元格',
    accept: '采纳',
    reject: '不采纳',
    hints: { accept: '按建议修改这些单元格（可撤销）', reject: '不再提出此建议（可撤销）' },
    count: (n: number) => `${n} 条修正建议`,
  },

  save: {
    saved: '已保存',
    saving: '保存中…',
    failed: (reason: string) => `保存失败：${reason}`,
    savedHint: '所有修改已写入本机浏览器（IndexedDB）',
    failedHint: '修改仍在内存中；请导出以免丢失',
    quota: '存储空间不足',
    unavailable: '浏览器不允许本地存储（隐私模式？）',
    newerVersion: '工作区由更新版本的本应用保存',
    blocked: '另一个标签页正在使用旧版本的工作区，请关闭它',
    upgradedElsewhere: '另一个标签页升级了工作区，请重新加载本页',
    terminated: '浏览器关闭了本地存储',
    textMissing: '无法恢复：原文缺失',
    unknown: '未知错误',
    stale: '另一个标签页修改了工作区，此页的修改不能再保存',
    readOnly: '此页只读',
    unsaved: (names: readonly string[]) =>
      `未保存：${names.slice(0, 3).join('、')}${names.length > 3 ? ` 等 ${names.length} 份报告` : ''}`,
    /** The reports that did not fit; the edits to the others are saved. */
    full: (names: readonly string[]) =>
      `存储空间已满：${t.save.unsaved(names)}。其余报告的修改照常保存。` +
      '可用队列中各报告的移除按钮删去不需要的报告，或清空工作区（请先导出），腾出空间后会自动重试。',
    staleHint: '请先导出此页的修改，再重新加载本页',
  },

  readOnly: {
    banner: '本工作区已在另一个标签页中打开，此页只读，显示的是打开时已保存的内容。',
    takeOver: '在此编辑',
    takeOverHint: '请另一个标签页保存并交出编辑权',
    asking: '正在请求另一个标签页交出编辑权…',
    refused: '另一个标签页没有交出编辑权（它可能有未保存的修改）。',
    stale: '另一个标签页修改了工作区，此页只读。此页未保存的修改请先导出，再重新加载本页。',
    reload: '重新加载',
    blocked: '此页只读：工作区正在另一个标签页中编辑',
    uncoordinated: '此浏览器无法协调多个标签页：请只在一个标签页中打开本工作区。',
  },

  clear: {
    button: '清空工作区',
    title: '清空工作区？',
    body: (n: number) =>
      `队列中的 ${n} 份报告及其修改、判定将从本机删除，无法撤销。需要保留的请先导出。`,
    confirm: '清空',
  },

  shortcuts: {
    button: '?',
    title: '快捷键',
    items: [
      ['J / Alt+↓', '下一份报告'],
      ['K / Alt+↑', '上一份报告'],
      ['N / F8', '下一个问题（未判定的未通过校验，跨报告）'],
      ['Shift+N / Shift+F8', '上一个问题'],
      ['Ctrl+Z', '撤销'],
      ['Ctrl+Shift+Z / Ctrl+Y', '重做'],
      ['方向键 / Tab', '在表格中移动'],
      ['输入数字 / Enter / F2', '修改单元格；Enter 确认，Esc 取消'],
      ['?', '显示或关闭本说明'],
    ] as [string, string][],
  },

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
  failingChecks: (n: number) => `${n} 项校验未通过`,
  uncertainChecks: (n: number) => `${n} 项无法判断`,
  tableIncomplete: '表不完整',
  allPassed: '校验全部通过',
  judgedCount: (n: number) => `（已判定 ${n} 项）`,
  noChecks: '无可运行的校验',
  noReportData: '没有年报数据',
  editCount: (n: number) => (n === 0 ? '未修改' : `已修改 ${n} 处`),
  parsingReport: '正在解析……',
  noSelection: '从左侧队列选择一份报告。',

  source: '原文',
  sourceEmpty: '（无文字）',
  sourceSearch: {
    label: '在原文中查找',
    placeholder: '查找（Enter 下一处，Shift+Enter 上一处）',
    none: '无匹配',
  },
  tabs: { active: '表二', requests: '表三', appeals: '表四', facts: '文中数字', issues: '问题' },
  tablesLabel: '统计表与问题',
  noTables: '未找到统计表：见“文中数字”。',

  rowsCut: (rows: number, shown: number) => `表中有 ${rows} 行，仅显示前 ${shown} 行`,
  columnsCut: (columns: number, shown: number) => `表中有 ${columns} 列，仅显示前 ${shown} 列`,
  paneError: {
    report: (message: string) => `此报告无法显示：${message}`,
    queue: (message: string) => `队列无法显示：${message}`,
    topBar: (message: string) => `工具栏无法显示：${message}`,
    remove: '移除此报告',
    retry: '重试',
  },

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
    missingOperand: '缺',
    /** T1: `正文 收到申请75件 ≠ 表三 本年新收 74`. */
    prose: '正文',
    factTargets: {
      requestsReceived: '本年新收',
      requestsCarriedForward: '结转下年度',
      reviewCases: '行政复议',
      litigationCases: '行政诉讼',
    } as Record<string, string>,
    passedSummary: (n: number) => `${n} 项通过`,
    uncertainNote: (n: number) =>
      `${n} 项无法判断：有单元格是空格、“/”、文字或整行缺失，无法计算（空格不当作 0）`,
    backToList: '返回问题列表',
  },

  errors: {
    sampleFailed: '无法加载示例文件',
    unknown: '无法解析此文件',
    readFailed: '无法读取该文件',
    emptyImport: '文件中没有报告',
    importBytes: (size: string, limit: string) => `文件过大（${size}），导入上限为 ${limit}`,
    importRows: (rows: number, limit: number) =>
      `表格共有 ${rows} 行，超过上限 ${limit} 行，未导入`,
    importCells: (cells: number, limit: number) =>
      `表格共有 ${cells} 个单元格，超过上限 ${limit} 个，未导入`,
    importText: (chars: number, limit: number) =>
      `原文有 ${chars} 个字符，超过上限 ${limit} 个，未导入`,
    importLines: (lines: number, limit: number) =>
      `原文有 ${lines} 行，超过上限 ${limit} 行，未导入`,
  },

  // The queue as a desk: search, names, files dropped twice, removal undone.
  queueDesk: {
    searchLabel: '搜索队列',
    searchPlaceholder: '机构、年份或文件名',
    alreadyQueued: (names: readonly string[]) => `已在队列中：${names.join('、')}`,
    removed: (name: string) => `已移除 ${name}（Ctrl+Z 撤销）`,
    removeStep: (name: string) => `移除 ${name}`,
    format: (format: string) => `格式：${format}`,
  },

  // 跨年度校验: one agency's reports for consecutive years, in the 问题 tab (SPEC R15).
  yearChecks: {
    title: '跨年度校验',
    none: '队列中没有同一机关上一年或下一年的报告。',
    status: { pass: '通过', fail: '不一致', uncertain: '无法判断' } satisfies Record<
      CheckStatus,
      string
    >,
    rule: {
      Y1: '表三 本年“上年结转” = 上年“结转下年度继续办理”',
      Y2: '表二 现行有效件数 = 上年现行有效 + 本年制发 − 本年废止',
    },
    values: (expected: number | null, actual: number | null) =>
      `应为 ${expected ?? '—'}，实为 ${actual ?? '—'}`,
    other: (name: string, year: number) => `对照 ${name}（${year} 年）`,
    cell: (year: number, row: string, column: string) => `${year} 年 ${row} · ${column}`,
  },

  // The original beside the table (source pane: 原文 | 文本).
  originalView: {
    tabs: '原文视图',
    page: '原文',
    text: '文本',
    pageLabel: (n: number) => `第 ${n} 页`,
    loading: '正在打开原文……',
    failed: '原文无法显示（文件已损坏或无法读取），请在「文本」中查看。',
    none: '此报告没有原文：导入的 JSON 不含原文件，请在「文本」中查看。',
    notStored: '原文未能保存（存储空间不足）：本次可以查看，重新加载后将没有原文。',
    boxesMissing: '正在定位单元格在页面上的位置……',
    cellOnPage: (text: string) => `单元格 ${text}`,
    tablesLoading: '正在读取原文中的表格……',
    tablesFailed: '原文中的表格无法读取（文件已损坏或无法读取），请在「文本」中查看。',
    noTables: '原文中没有表格，请在「文本」中查看。',
    tableLabel: (n: number) => `原文表格 ${n}`,
    tablesCut: (n: number) => `另有 ${n} 个表格单元格过多，未显示，请在「文本」中查看。`,
  },

  // Spreadsheet keys in the grid, and the panes beside it.
  gridKeys: {
    notNumber: '不是数字：此单元格不参与校验',
    notNumberMark: '非数字',
    shortcuts: [
      ['Shift+方向键 / Shift+单击', '选择一块单元格'],
      ['Ctrl+C / Ctrl+V', '复制选区（可粘贴到 Excel）/ 从选中单元格起粘贴（一步撤销）'],
      ['Delete / Backspace', '清空选中的单元格'],
      ['Home / End', '本行第一个 / 最后一个单元格'],
      ['Ctrl+Home / Ctrl+End', '表格第一个 / 最后一个单元格'],
    ] as [string, string][],
    separator: '调整原文与表格的宽度',
    collapseSource: '收起原文',
    expandSource: '展开原文',
    collapseTables: '收起表格',
    expandTables: '展开表格',
  },
};
