// ESLint's JSON formatter: the results array, as is.
import type { Formatter } from './types.js';

const json: Formatter = (results) => JSON.stringify(results);
export default json;
