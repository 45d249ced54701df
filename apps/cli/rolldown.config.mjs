import { appBundle } from '../../scripts/app-bundle.mjs';

// `dist/main.js`, what bin/salesbook.js runs, from tsc's output in out-tsc/ (scripts/app-bundle.mjs says why).
export default appBundle({ main: 'out-tsc/main.js' }, 'dist');
