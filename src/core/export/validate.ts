// The way back in: an exported report, accepted only as report.schema.json describes it. The schema
// is compiled ahead of time (scripts/build-validator.ts): no ajv and no eval in the page. Kept apart
// from json.ts so that exporting does not load the validator.
import type { Report } from '../types';
import { validate, type ValidationError } from './validateReport.js';

function describe(errors: ValidationError[] | null | undefined): string {
  const first = errors?.[0];
  return first ? `${first.instancePath || '/'} ${first.message ?? first.keyword}` : '未知错误';
}

/** Reads an exported report back, accepting only what report.schema.json accepts. */
export function parseReportJson(
  text: string,
): { ok: true; report: Report } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: `不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (validate(data)) return { ok: true, report: data as Report };
  return { ok: false, error: `不符合 nianbao/report@1：${describe(validate.errors)}` };
}
