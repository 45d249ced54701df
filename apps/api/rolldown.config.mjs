import { appBundle } from '../../scripts/app-bundle.mjs';

// `dist/main.js` (the API), `dist/demo.js` (`npm start`) and `dist/read-model-worker.js` (the read models' thread),
// from tsc's output in out-tsc/ (scripts/app-bundle.mjs says why).
export default appBundle(
  {
    main: 'out-tsc/main.js',
    demo: 'out-tsc/demo.js',
    'read-model-worker': 'out-tsc/infrastructure/read-model-worker.js',
  },
  'dist',
);
