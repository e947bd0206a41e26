// opencc-js ships its dictionaries as modules of one string each (`繁 简|…`), without type declarations.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
