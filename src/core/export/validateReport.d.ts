// Types of the generated validateReport.js (scripts/build-validator.ts).
export interface ValidationError {
  instancePath: string;
  keyword: string;
  message?: string;
}

export interface Validate {
  (data: unknown): boolean;
  errors?: ValidationError[] | null;
}

export declare const validate: Validate;
export default validate;
