// The way back in: an exported report, accepted only as report.schema.json describes it. Kept apart
// from json.ts so that exporting does not load the validator.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Report } from '../types';
import schema from './report.schema.json';

// Compiled on first use: most sessions never import a file, and compiling costs a few milliseconds.
let validator: ValidateFunction<Report> | undefined;

function describe(errors: ErrorObject[] | null | undefined): string {
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
  validator ??= new Ajv2020({ strict: true, allowUnionTypes: true }).compile<Report>(schema);
  if (validator(data)) return { ok: true, report: data };
  return { ok: false, error: `不符合 nianbao/report@1：${describe(validator.errors)}` };
}
