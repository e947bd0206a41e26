// OpenCC's dictionaries (`traditional simplified|…`), in a module of their own: the bundler puts them
// in a chunk that is loaded when the first report is parsed (in the worker), not with the app.
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

export const characters = TSCharacters;
export const phrases = TSPhrases;
/** Hong Kong and Taiwan forms → OpenCC's standard traditional form. */
export const regionalForms = [HKVariantsRev, TWVariantsRev];
