import { loneSurrogateIssues } from './lone-surrogates.js';

describe('loneSurrogateIssues', () => {
  it('finds nothing in text of whole characters, surrogate pairs included', () => {
    const body = { name: 'Zoë 😀 成都', contact: { emails: ['a@b.c', '😀@x.y'] }, count: 3, none: null };
    expect(loneSurrogateIssues('body', body)).toEqual([]);
  });

  it('names every value and member name that holds one, however deep', () => {
    const body = { name: 'a\ud800', contact: { emails: ['ok', '\udc00b'], ['k\ud83d']: 1 }, pair: '\ud83d\ude00' };
    expect(loneSurrogateIssues('body', body).map((issue) => issue.path)).toEqual([
      ['name'],
      ['contact', 'emails', 1],
      ['contact', 'k\ud83d'],
    ]);
  });

  it('looks at a lone string, and at nothing past the nesting the schemas refuse', () => {
    expect(loneSurrogateIssues('query', '\ud800')).toHaveLength(1);
    let deep: unknown = '\ud800';
    for (let level = 0; level < 70; level += 1) deep = [deep];
    expect(loneSurrogateIssues('body', deep)).toEqual([]);
  });
});
