import { join } from 'node:path';
import { argumentsOf, readCatalogue } from './catalogue.js';

// Each message catalogue is one JSON file per language; English is the reference. A key missing from a language,
// a key only one language has, a message that is not ICU message format, or a message that names other
// arguments than its English original fails here.
const root = join(__dirname, '..', '..');
const CATALOGUES = [
  { name: 'dashboard', dir: join(root, 'apps', 'dashboard', 'src', 'i18n') },
  { name: 'command line', dir: join(root, 'apps', 'cli', 'src', 'i18n') },
];

describe.each(CATALOGUES)('the $name catalogues', ({ dir }) => {
  const en = readCatalogue(join(dir, 'en.json'));
  const zh = readCatalogue(join(dir, 'zh-CN.json'));

  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(en).length).toBeGreaterThan(30);
    expect({
      missingInChinese: Object.keys(en).filter((key) => !(key in zh)),
      onlyInChinese: Object.keys(zh).filter((key) => !(key in en)),
    }).toEqual({ missingInChinese: [], onlyInChinese: [] });
  });

  it('hold ICU messages with the same arguments in both languages, and Chinese ones in Chinese', () => {
    for (const [key, message] of Object.entries(en)) {
      const chinese = zh[key] ?? '';
      expect({ key, args: argumentsOf(chinese, 'zh-CN') }).toEqual({ key, args: argumentsOf(message, 'en') });
      const spoken = chinese.replace(/\{[^{}]*\}/g, '');
      // Acronyms the glossary keeps (CSAT, NPS, DSO...) and numbers may stand alone; a sentence must hold Chinese.
      if (/[a-z]{3,}\s+[a-z]{3,}/i.test(spoken))
        expect({ key, chinese: /\p{Script=Han}/u.test(spoken) }).toEqual({ key, chinese: true });
    }
  });
});
