// The analyzer as a reader of German and English news would expect it to behave.
import { describe, expect, test } from 'vitest';
import { analyzeText, foldUmlauts, indexWords, isStopWord, strictKey, termKey, tokenize } from '../../../electron/search/analyze.ts';
import { randomText } from '../../helpers.ts';

const key = (w: string, lang = 'de') => termKey(w.toLowerCase(), lang);

describe('umlauts and their spellings', () => {
  test.each([
    ['Gütersloh', 'Guetersloh'], ['Gütersloh', 'Gutersloh'], ['Straße', 'Strasse'],
    ['Außenamtssprecherin', 'aussenamtssprecherin'], ['Lokführer', 'Lokfuehrer'], ['Österreich', 'Oesterreich'],
    ['Selenskyj', 'selenskyj'], ['Café', 'Cafe'],
  ])('%s and %s index to the same term', (a, b) => {
    expect(key(a)).toBe(key(b));
  });

  test('"Quelle" keeps its u-e: no folding after q', () => {
    expect(foldUmlauts('quelle')).toBe('quelle');
  });

  test('plain ASCII words (folded by a shortcut) fold as the full rule folds them', () => {
    const full = (t: string) => t.replace(/ß/g, 'ss').replace(/(?<!q)ue/g, 'u').replace(/ae/g, 'a').replace(/oe/g, 'o')
      .normalize('NFD').replace(/\p{M}/gu, '');
    const alphabet = [...'aeouqsz-\'19', 'ue', 'ae', 'oe', 'que', 'ß', 'é', 'ü'];
    for (let seed = 1; seed <= 3000; seed++) {
      const t = randomText(alphabet, seed, 1 + (seed % 12));
      expect(foldUmlauts(t), t).toBe(full(t));
    }
  });
});

describe('stemming per language', () => {
  test.each([
    ['nordkoreanischen', 'nordkoreanische', 'de'], ['Raketenangriffen', 'Raketenangriff', 'de'],
    ['Soldaten', 'Soldat', 'de'], ['Häuser', 'Haus', 'de'], ['warnings', 'warning', 'en'], ['evacuated', 'evacuate', 'en'],
  ])('%s and %s share a stem (%s)', (a, b, lang) => {
    expect(key(a, lang)).toBe(key(b, lang));
  });
});

describe('names and numbers', () => {
  test('"40.000", "40,000" and "40000" are one number; "3,5" stays a decimal', () => {
    expect(tokenize('40.000 40,000 40000 3,5').map((t) => t.term)).toEqual(['40000', '40000', '40000', '3.5']);
  });

  test('"F-16" and "Kim Jong-un" are tokens of their own, also found by their parts', () => {
    expect(analyzeText('F-16 Kim Jong-un', 'de')).toEqual(['f16', '16', 'kim', 'jongun', 'jong', 'un']);
  });

  test('token offsets point at the original characters, umlauts and emoji included', () => {
    const text = '🚀 Nordkoreas Außenamt: 10.000 Soldaten';
    for (const t of tokenize(text)) {
      const raw = text.slice(t.start, t.end);
      expect(raw.toLowerCase().replace(/[.,]/g, '')).toBe(t.term.replace('.', ''));
    }
  });
});

describe('stop words', () => {
  test('function words are dropped, nouns journalists search for are kept', () => {
    for (const [w, lang] of [['und', 'de'], ['der', 'de'], ['nicht', 'de'], ['the', 'en'], ['and', 'en']]) {
      expect(isStopWord(w!, lang!), w).toBe(true);
    }
    for (const w of ['jahr', 'zeit', 'recht', 'menschen', 'weg']) expect(isStopWord(w, 'de'), w).toBe(false);
    for (const w of ['world', 'state', 'people']) expect(isStopWord(w, 'en'), w).toBe(false);
  });
});

describe('the seed briefing as a reader types it', () => {
  test.each([
    ['Nordkorea', 'Nordkoreas'], ['nordkoreanischen', 'nordkoreanische'], ['Außenamtssprecherin', 'aussenamtssprecherin'],
    ['Raketenangriffen', 'Raketenangriff'], ['Kämpfe', 'Kaempfe'], ['Straße', 'STRASSE'],
  ])('%s is indexed under the same key as %s', (a, b) => {
    expect(key(a)).toBe(key(b));
  });

  test.each([
    ['F-16', 'f-16', 'f16'], ['Kim Jong-un', 'jong-un', 'jongun'], ['40.000', '40000', '40000'], ['40,000', '40000', '40000'],
    ['US-Militärhilfe', 'us-militärhilfe', 'usmilitarhilf'], ['16-jährige', '16-jährige', '16jahrige'], ['Trump’s', "trump's", 'trump'],
  ])('%s is one token (%s) with the key %s', (text, term, k) => {
    const tokens = tokenize(text);
    expect(tokens[tokens.length - 1]!.term).toBe(term);
    expect(termKey(term, text.startsWith('Trump') ? 'en' : 'de')).toBe(k);
  });

  test('numbers that are not thousands keep their decimals; dates stay apart from numbers', () => {
    expect(tokenize('1,5 Prozent, 2.5 percent, 1.234 Menschen').map((t) => t.term)).toEqual(['1.5', 'prozent', '2.5', 'percent', '1234', 'menschen']);
  });
});

describe('strict umlauts', () => {
  test('only a word written with an umlaut gets a strict key; ß is not strict', () => {
    expect(strictKey('dröge', 'de')).toBe('!drog');
    expect(strictKey('droge', 'de')).toBeNull();
    expect(strictKey('straße', 'de')).toBeNull();
    expect(key('dröge')).toBe(key('Droge'));
  });
});

describe('positions for phrases', () => {
  test('stop words count as positions and hyphen parts take consecutive ones', () => {
    const words = indexWords('Kim Jong-un traf den Präsidenten', 'de');
    expect(words.map((w) => [w.key, w.position])).toEqual([['kim', 0], ['jongun', 1], ['traf', 3], ['prasident', 5]]);
    expect(words[1]!.parts).toEqual([{ key: 'jong', offset: 0 }, { key: 'un', offset: 1 }]);
  });
});
