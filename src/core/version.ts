export const PARSER_NAME = 'nianbao-review';
// Kept equal to package.json's version by a unit test.
export const PARSER_VERSION = '0.1.0';
