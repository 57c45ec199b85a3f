// Snowball stemmers for German and English: a port of the `german` and `english` stemmers of the
// snowball-stemmers package (Snowball's generated Java, carried to JavaScript by ESJava) onto a plain runtime.
// The package reads every field through a getter and every call through a varargs wrapper; this port keeps
// its routines and tables line for line but works on a plain string, six to ten times faster — stemming was
// the biggest single cost of analysing text (a cold theme build, an index rebuild). Its output is the
// package's, word for word: tests/unit/search/snowball.test.ts checks both on every word of the corpora it finds
// and on generated words. Other languages still use the package (analyze.ts).
//
// The routines below keep the generated code's names and shape (labelled blocks standing in for Snowball's
// backtracking), so they can be compared with the package's source (0.6.0, pinned in package.json; converted
// mechanically: `$esjava$` suffixes and getters dropped, `this.current` a string); not meant to be edited by hand.

/** One entry of a Snowball `among` table: a suffix or prefix, the entry it extends, the case it selects. */
interface Among { s: number[]; substring_i: number; result: number }

function among(s: string, substring_i: number, result: number): Among {
  return { s: Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)), substring_i, result };
}

/** Snowball's runtime (SnowballProgram): the word being stemmed, a cursor, limits and the slice [bra, ket). */
abstract class SnowballProgram {
  protected current = '';
  protected cursor = 0;
  protected limit = 0;
  protected limit_backward = 0;
  protected bra = 0;
  protected ket = 0;

  /** The stem of one word (the package's setCurrent, stem, getCurrent). */
  stemWord(word: string): string {
    this.current = word;
    this.cursor = 0;
    this.limit = word.length;
    this.limit_backward = 0;
    this.bra = this.cursor;
    this.ket = this.limit;
    this.stem();
    return this.current;
  }

  protected abstract stem(): boolean;

  protected in_grouping(s: number[], min: number, max: number): boolean {
    if (this.cursor >= this.limit) return false;
    let ch = this.current.charCodeAt(this.cursor);
    if (ch > max || ch < min) return false;
    ch -= min;
    if ((s[ch >> 3]! & (1 << (ch & 7))) === 0) return false;
    this.cursor++;
    return true;
  }

  protected in_grouping_b(s: number[], min: number, max: number): boolean {
    if (this.cursor <= this.limit_backward) return false;
    let ch = this.current.charCodeAt(this.cursor - 1);
    if (ch > max || ch < min) return false;
    ch -= min;
    if ((s[ch >> 3]! & (1 << (ch & 7))) === 0) return false;
    this.cursor--;
    return true;
  }

  protected out_grouping(s: number[], min: number, max: number): boolean {
    if (this.cursor >= this.limit) return false;
    let ch = this.current.charCodeAt(this.cursor);
    if (ch > max || ch < min) {
      this.cursor++;
      return true;
    }
    ch -= min;
    if ((s[ch >> 3]! & (1 << (ch & 7))) === 0) {
      this.cursor++;
      return true;
    }
    return false;
  }

  protected out_grouping_b(s: number[], min: number, max: number): boolean {
    if (this.cursor <= this.limit_backward) return false;
    let ch = this.current.charCodeAt(this.cursor - 1);
    if (ch > max || ch < min) {
      this.cursor--;
      return true;
    }
    ch -= min;
    if ((s[ch >> 3]! & (1 << (ch & 7))) === 0) {
      this.cursor--;
      return true;
    }
    return false;
  }

  protected eq_s(s: string): boolean {
    if (this.limit - this.cursor < s.length) return false;
    for (let i = 0; i !== s.length; i++) {
      if (this.current.charCodeAt(this.cursor + i) !== s.charCodeAt(i)) return false;
    }
    this.cursor += s.length;
    return true;
  }

  protected eq_s_b(s: string): boolean {
    if (this.cursor - this.limit_backward < s.length) return false;
    for (let i = 0; i !== s.length; i++) {
      if (this.current.charCodeAt(this.cursor - s.length + i) !== s.charCodeAt(i)) return false;
    }
    this.cursor -= s.length;
    return true;
  }

  /** Binary search of a prefix table at the cursor; the chosen entry's `result`, or 0. */
  protected find_among(v: Among[]): number {
    let i = 0;
    let j = v.length;
    const c = this.cursor;
    const l = this.limit;
    let common_i = 0;
    let common_j = 0;
    let first_key_inspected = false;
    while (true) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = common_i < common_j ? common_i : common_j;
      const w = v[k]!;
      for (let i2 = common; i2 < w.s.length; i2++) {
        if (c + common === l) {
          diff = -1;
          break;
        }
        diff = this.current.charCodeAt(c + common) - w.s[i2]!;
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) {
        j = k;
        common_j = common;
      } else {
        i = k;
        common_i = common;
      }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      const w = v[i]!;
      if (common_i >= w.s.length) {
        this.cursor = c + w.s.length;
        return w.result;
      }
      i = w.substring_i;
      if (i < 0) return 0;
    }
  }

  /** Binary search of a suffix table before the cursor; the chosen entry's `result`, or 0. */
  protected find_among_b(v: Among[]): number {
    let i = 0;
    let j = v.length;
    const c = this.cursor;
    const lb = this.limit_backward;
    let common_i = 0;
    let common_j = 0;
    let first_key_inspected = false;
    while (true) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = common_i < common_j ? common_i : common_j;
      const w = v[k]!;
      for (let i2 = w.s.length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) {
          diff = -1;
          break;
        }
        diff = this.current.charCodeAt(c - 1 - common) - w.s[i2]!;
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) {
        j = k;
        common_j = common;
      } else {
        i = k;
        common_i = common;
      }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      const w = v[i]!;
      if (common_i >= w.s.length) {
        this.cursor = c - w.s.length;
        return w.result;
      }
      i = w.substring_i;
      if (i < 0) return 0;
    }
  }

  protected replace_s(c_bra: number, c_ket: number, s: string): number {
    const adjustment = s.length - (c_ket - c_bra);
    this.current = this.current.substring(0, c_bra) + s + this.current.substring(c_ket);
    this.limit += adjustment;
    if (this.cursor >= c_ket) this.cursor += adjustment;
    else if (this.cursor > c_bra) this.cursor = c_bra;
    return adjustment;
  }

  protected slice_check(): void {
    if (this.bra < 0 || this.bra > this.ket || this.ket > this.limit || this.limit > this.current.length) {
      throw new Error('Snowball: faulty slice operation');
    }
  }

  protected slice_from(s: string): void {
    this.slice_check();
    this.replace_s(this.bra, this.ket, s);
  }

  protected slice_del(): void {
    this.slice_from('');
  }

  protected insert(c_bra: number, c_ket: number, s: string): void {
    const adjustment = this.replace_s(c_bra, c_ket, s);
    if (c_bra <= this.bra) this.bra += adjustment;
    if (c_bra <= this.ket) this.ket += adjustment;
  }
}

const GERMAN = {
  a_0: [among('', -1, 6), among('U', 0, 2), among('Y', 0, 1), among('\u00E4', 0, 3), among('\u00F6', 0, 4), among('\u00FC', 0, 5)],
  a_1: [among('e', -1, 2), among('em', -1, 1), among('en', -1, 2), among('ern', -1, 1), among('er', -1, 1), among('s', -1, 3), among('es', 5, 2)],
  a_2: [among('en', -1, 1), among('er', -1, 1), among('st', -1, 2), among('est', 2, 1)],
  a_3: [among('ig', -1, 1), among('lich', -1, 1)],
  a_4: [among('end', -1, 1), among('ig', -1, 2), among('ung', -1, 1), among('lich', -1, 3), among('isch', -1, 2), among('ik', -1, 2), among('heit', -1, 3), among('keit', -1, 4)],
  g_v: [17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 32, 8],
  g_s_ending: [117, 30, 5],
  g_st_ending: [117, 30, 4],
};

class GermanStemmer extends SnowballProgram {
  private I_x = 0;
  private I_p2 = 0;
  private I_p1 = 0;

  private r_prelude(): boolean {
    let v_1 = 0, v_2 = 0, v_3 = 0, v_4 = 0, v_5 = 0, v_6 = 0;
    v_1 = this.cursor;
    replab0: while (true) {
      v_2 = this.cursor;
      lab1: do {
        lab2: do {
          v_3 = this.cursor;
          lab3: do {
            this.bra = this.cursor;
            if (!this.eq_s('\u00DF')) break lab3;
            this.ket = this.cursor;
            this.slice_from('ss');
            break lab2;
          } while (false);
          this.cursor = v_3;
          if (this.cursor >= this.limit) break lab1;
          this.cursor++;
        } while (false);
        continue replab0;
      } while (false);
      this.cursor = v_2;
      break replab0;
    }
    this.cursor = v_1;
    replab4: while (true) {
      v_4 = this.cursor;
      lab5: do {
        golab6: while (true) {
          v_5 = this.cursor;
          lab7: do {
            if (!this.in_grouping(GERMAN.g_v, 97, 252)) break lab7;
            this.bra = this.cursor;
            lab8: do {
              v_6 = this.cursor;
              lab9: do {
                if (!this.eq_s('u')) break lab9;
                this.ket = this.cursor;
                if (!this.in_grouping(GERMAN.g_v, 97, 252)) break lab9;
                this.slice_from('U');
                break lab8;
              } while (false);
              this.cursor = v_6;
              if (!this.eq_s('y')) break lab7;
              this.ket = this.cursor;
              if (!this.in_grouping(GERMAN.g_v, 97, 252)) break lab7;
              this.slice_from('Y');
            } while (false);
            this.cursor = v_5;
            break golab6;
          } while (false);
          this.cursor = v_5;
          if (this.cursor >= this.limit) break lab5;
          this.cursor++;
        }
        continue replab4;
      } while (false);
      this.cursor = v_4;
      break replab4;
    }
    return true;
  }

  private r_mark_regions(): boolean {
    let v_1 = 0;
    this.I_p1 = this.limit;
    this.I_p2 = this.limit;
    v_1 = this.cursor;
    {
      const c = this.cursor + 3;
      if (0 > c || c > this.limit) return false;
      this.cursor = c;
    }
    this.I_x = this.cursor;
    this.cursor = v_1;
    golab0: while (true) {
      lab1: do {
        if (!this.in_grouping(GERMAN.g_v, 97, 252)) break lab1;
        break golab0;
      } while (false);
      if (this.cursor >= this.limit) return false;
      this.cursor++;
    }
    golab2: while (true) {
      lab3: do {
        if (!this.out_grouping(GERMAN.g_v, 97, 252)) break lab3;
        break golab2;
      } while (false);
      if (this.cursor >= this.limit) return false;
      this.cursor++;
    }
    this.I_p1 = this.cursor;
    lab4: do {
      if (!(this.I_p1 < this.I_x)) break lab4;
      this.I_p1 = this.I_x;
    } while (false);
    golab5: while (true) {
      lab6: do {
        if (!this.in_grouping(GERMAN.g_v, 97, 252)) break lab6;
        break golab5;
      } while (false);
      if (this.cursor >= this.limit) return false;
      this.cursor++;
    }
    golab7: while (true) {
      lab8: do {
        if (!this.out_grouping(GERMAN.g_v, 97, 252)) break lab8;
        break golab7;
      } while (false);
      if (this.cursor >= this.limit) return false;
      this.cursor++;
    }
    this.I_p2 = this.cursor;
    return true;
  }

  private r_postlude(): boolean {
    let among_var = 0, v_1 = 0;
    replab0: while (true) {
      v_1 = this.cursor;
      lab1: do {
        this.bra = this.cursor;
        among_var = this.find_among(GERMAN.a_0);
        if (among_var === 0) break lab1;
        this.ket = this.cursor;
        switch (among_var) {
          case 0:
            break lab1;
          case 1:
            this.slice_from('y');
            break;
          case 2:
            this.slice_from('u');
            break;
          case 3:
            this.slice_from('a');
            break;
          case 4:
            this.slice_from('o');
            break;
          case 5:
            this.slice_from('u');
            break;
          case 6:
            if (this.cursor >= this.limit) break lab1;
            this.cursor++;
            break;
        }
        continue replab0;
      } while (false);
      this.cursor = v_1;
      break replab0;
    }
    return true;
  }

  private r_R1(): boolean {
    if (!(this.I_p1 <= this.cursor)) return false;
    return true;
  }

  private r_R2(): boolean {
    if (!(this.I_p2 <= this.cursor)) return false;
    return true;
  }

  private r_standard_suffix(): boolean {
    let among_var = 0, v_1 = 0, v_2 = 0, v_3 = 0, v_4 = 0, v_5 = 0, v_6 = 0, v_7 = 0, v_8 = 0, v_9 = 0, v_10 = 0;
    v_1 = this.limit - this.cursor;
    lab0: do {
      this.ket = this.cursor;
      among_var = this.find_among_b(GERMAN.a_1);
      if (among_var === 0) break lab0;
      this.bra = this.cursor;
      if (!this.r_R1()) break lab0;
      switch (among_var) {
        case 0:
          break lab0;
        case 1:
          this.slice_del();
          break;
        case 2:
          this.slice_del();
          v_2 = this.limit - this.cursor;
          lab1: do {
            this.ket = this.cursor;
            if (!this.eq_s_b('s')) {
              this.cursor = this.limit - v_2;
              break lab1;
            }
            this.bra = this.cursor;
            if (!this.eq_s_b('nis')) {
              this.cursor = this.limit - v_2;
              break lab1;
            }
            this.slice_del();
          } while (false);
          break;
        case 3:
          if (!this.in_grouping_b(GERMAN.g_s_ending, 98, 116)) break lab0;
          this.slice_del();
          break;
      }
    } while (false);
    this.cursor = this.limit - v_1;
    v_3 = this.limit - this.cursor;
    lab2: do {
      this.ket = this.cursor;
      among_var = this.find_among_b(GERMAN.a_2);
      if (among_var === 0) break lab2;
      this.bra = this.cursor;
      if (!this.r_R1()) break lab2;
      switch (among_var) {
        case 0:
          break lab2;
        case 1:
          this.slice_del();
          break;
        case 2:
          if (!this.in_grouping_b(GERMAN.g_st_ending, 98, 116)) break lab2;
          {
            const c = this.cursor - 3;
            if (this.limit_backward > c || c > this.limit) break lab2;
            this.cursor = c;
          }
          this.slice_del();
          break;
      }
    } while (false);
    this.cursor = this.limit - v_3;
    v_4 = this.limit - this.cursor;
    lab3: do {
      this.ket = this.cursor;
      among_var = this.find_among_b(GERMAN.a_4);
      if (among_var === 0) break lab3;
      this.bra = this.cursor;
      if (!this.r_R2()) break lab3;
      switch (among_var) {
        case 0:
          break lab3;
        case 1:
          this.slice_del();
          v_5 = this.limit - this.cursor;
          lab4: do {
            this.ket = this.cursor;
            if (!this.eq_s_b('ig')) {
              this.cursor = this.limit - v_5;
              break lab4;
            }
            this.bra = this.cursor;
            {
              v_6 = this.limit - this.cursor;
              lab5: do {
                if (!this.eq_s_b('e')) break lab5;
                this.cursor = this.limit - v_5;
                break lab4;
              } while (false);
              this.cursor = this.limit - v_6;
            }
            if (!this.r_R2()) {
              this.cursor = this.limit - v_5;
              break lab4;
            }
            this.slice_del();
          } while (false);
          break;
        case 2:
          {
            v_7 = this.limit - this.cursor;
            lab6: do {
              if (!this.eq_s_b('e')) break lab6;
              break lab3;
            } while (false);
            this.cursor = this.limit - v_7;
          }
          this.slice_del();
          break;
        case 3:
          this.slice_del();
          v_8 = this.limit - this.cursor;
          lab7: do {
            this.ket = this.cursor;
            lab8: do {
              v_9 = this.limit - this.cursor;
              lab9: do {
                if (!this.eq_s_b('er')) break lab9;
                break lab8;
              } while (false);
              this.cursor = this.limit - v_9;
              if (!this.eq_s_b('en')) {
                this.cursor = this.limit - v_8;
                break lab7;
              }
            } while (false);
            this.bra = this.cursor;
            if (!this.r_R1()) {
              this.cursor = this.limit - v_8;
              break lab7;
            }
            this.slice_del();
          } while (false);
          break;
        case 4:
          this.slice_del();
          v_10 = this.limit - this.cursor;
          lab10: do {
            this.ket = this.cursor;
            among_var = this.find_among_b(GERMAN.a_3);
            if (among_var === 0) {
              this.cursor = this.limit - v_10;
              break lab10;
            }
            this.bra = this.cursor;
            if (!this.r_R2()) {
              this.cursor = this.limit - v_10;
              break lab10;
            }
            switch (among_var) {
              case 0:
                this.cursor = this.limit - v_10;
                break lab10;
              case 1:
                this.slice_del();
                break;
            }
          } while (false);
          break;
      }
    } while (false);
    this.cursor = this.limit - v_4;
    return true;
  }

  protected override stem(): boolean {
    let v_1 = 0, v_2 = 0, v_3 = 0, v_4 = 0;
    v_1 = this.cursor;
    lab0: do {
      if (!this.r_prelude()) break lab0;
    } while (false);
    this.cursor = v_1;
    v_2 = this.cursor;
    lab1: do {
      if (!this.r_mark_regions()) break lab1;
    } while (false);
    this.cursor = v_2;
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    v_3 = this.limit - this.cursor;
    lab2: do {
      if (!this.r_standard_suffix()) break lab2;
    } while (false);
    this.cursor = this.limit - v_3;
    this.cursor = this.limit_backward;
    v_4 = this.cursor;
    lab3: do {
      if (!this.r_postlude()) break lab3;
    } while (false);
    this.cursor = v_4;
    return true;
  }
}

const ENGLISH = {
  a_0: [among('arsen', -1, -1), among('commun', -1, -1), among('gener', -1, -1)],
  a_1: [among("'", -1, 1), among("'s'", 0, 1), among("'s", -1, 1)],
  a_2: [among('ied', -1, 2), among('s', -1, 3), among('ies', 1, 2), among('sses', 1, 1), among('ss', 1, -1), among('us', 1, -1)],
  a_3: [among('', -1, 3), among('bb', 0, 2), among('dd', 0, 2), among('ff', 0, 2), among('gg', 0, 2), among('bl', 0, 1), among('mm', 0, 2), among('nn', 0, 2), among('pp', 0, 2), among('rr', 0, 2), among('at', 0, 1), among('tt', 0, 2), among('iz', 0, 1)],
  a_4: [among('ed', -1, 2), among('eed', 0, 1), among('ing', -1, 2), among('edly', -1, 2), among('eedly', 3, 1), among('ingly', -1, 2)],
  a_5: [among('anci', -1, 3), among('enci', -1, 2), among('ogi', -1, 13), among('li', -1, 16), among('bli', 3, 12), among('abli', 4, 4), among('alli', 3, 8), among('fulli', 3, 14), among('lessli', 3, 15), among('ousli', 3, 10), among('entli', 3, 5), among('aliti', -1, 8), among('biliti', -1, 12), among('iviti', -1, 11), among('tional', -1, 1), among('ational', 14, 7), among('alism', -1, 8), among('ation', -1, 7), among('ization', 17, 6), among('izer', -1, 6), among('ator', -1, 7), among('iveness', -1, 11), among('fulness', -1, 9), among('ousness', -1, 10)],
  a_6: [among('icate', -1, 4), among('ative', -1, 6), among('alize', -1, 3), among('iciti', -1, 4), among('ical', -1, 4), among('tional', -1, 1), among('ational', 5, 2), among('ful', -1, 5), among('ness', -1, 5)],
  a_7: [among('ic', -1, 1), among('ance', -1, 1), among('ence', -1, 1), among('able', -1, 1), among('ible', -1, 1), among('ate', -1, 1), among('ive', -1, 1), among('ize', -1, 1), among('iti', -1, 1), among('al', -1, 1), among('ism', -1, 1), among('ion', -1, 2), among('er', -1, 1), among('ous', -1, 1), among('ant', -1, 1), among('ent', -1, 1), among('ment', 15, 1), among('ement', 16, 1)],
  a_8: [among('e', -1, 1), among('l', -1, 2)],
  a_9: [among('succeed', -1, -1), among('proceed', -1, -1), among('exceed', -1, -1), among('canning', -1, -1), among('inning', -1, -1), among('earring', -1, -1), among('herring', -1, -1), among('outing', -1, -1)],
  a_10: [among('andes', -1, -1), among('atlas', -1, -1), among('bias', -1, -1), among('cosmos', -1, -1), among('dying', -1, 3), among('early', -1, 9), among('gently', -1, 7), among('howe', -1, -1), among('idly', -1, 6), among('lying', -1, 4), among('news', -1, -1), among('only', -1, 10), among('singly', -1, 11), among('skies', -1, 2), among('skis', -1, 1), among('sky', -1, -1), among('tying', -1, 5), among('ugly', -1, 8)],
  g_v: [17, 65, 16, 1],
  g_v_WXY: [1, 17, 65, 208, 1],
  g_valid_LI: [55, 141, 2],
};

class EnglishStemmer extends SnowballProgram {
  private B_Y_found = false;
  private I_p2 = 0;
  private I_p1 = 0;

  private r_prelude(): boolean {
    let v_1 = 0, v_2 = 0, v_3 = 0, v_4 = 0, v_5 = 0;
    this.B_Y_found = false;
    v_1 = this.cursor;
    lab0: do {
      this.bra = this.cursor;
      if (!this.eq_s("'")) break lab0;
      this.ket = this.cursor;
      this.slice_del();
    } while (false);
    this.cursor = v_1;
    v_2 = this.cursor;
    lab1: do {
      this.bra = this.cursor;
      if (!this.eq_s('y')) break lab1;
      this.ket = this.cursor;
      this.slice_from('Y');
      this.B_Y_found = true;
    } while (false);
    this.cursor = v_2;
    v_3 = this.cursor;
    lab2: do {
      replab3: while (true) {
        v_4 = this.cursor;
        lab4: do {
          golab5: while (true) {
            v_5 = this.cursor;
            lab6: do {
              if (!this.in_grouping(ENGLISH.g_v, 97, 121)) break lab6;
              this.bra = this.cursor;
              if (!this.eq_s('y')) break lab6;
              this.ket = this.cursor;
              this.cursor = v_5;
              break golab5;
            } while (false);
            this.cursor = v_5;
            if (this.cursor >= this.limit) break lab4;
            this.cursor++;
          }
          this.slice_from('Y');
          this.B_Y_found = true;
          continue replab3;
        } while (false);
        this.cursor = v_4;
        break replab3;
      }
    } while (false);
    this.cursor = v_3;
    return true;
  }

  private r_mark_regions(): boolean {
    let v_1 = 0, v_2 = 0;
    this.I_p1 = this.limit;
    this.I_p2 = this.limit;
    v_1 = this.cursor;
    lab0: do {
      lab1: do {
        v_2 = this.cursor;
        lab2: do {
          if (this.find_among(ENGLISH.a_0) === 0) break lab2;
          break lab1;
        } while (false);
        this.cursor = v_2;
        golab3: while (true) {
          lab4: do {
            if (!this.in_grouping(ENGLISH.g_v, 97, 121)) break lab4;
            break golab3;
          } while (false);
          if (this.cursor >= this.limit) break lab0;
          this.cursor++;
        }
        golab5: while (true) {
          lab6: do {
            if (!this.out_grouping(ENGLISH.g_v, 97, 121)) break lab6;
            break golab5;
          } while (false);
          if (this.cursor >= this.limit) break lab0;
          this.cursor++;
        }
      } while (false);
      this.I_p1 = this.cursor;
      golab7: while (true) {
        lab8: do {
          if (!this.in_grouping(ENGLISH.g_v, 97, 121)) break lab8;
          break golab7;
        } while (false);
        if (this.cursor >= this.limit) break lab0;
        this.cursor++;
      }
      golab9: while (true) {
        lab10: do {
          if (!this.out_grouping(ENGLISH.g_v, 97, 121)) break lab10;
          break golab9;
        } while (false);
        if (this.cursor >= this.limit) break lab0;
        this.cursor++;
      }
      this.I_p2 = this.cursor;
    } while (false);
    this.cursor = v_1;
    return true;
  }

  private r_shortv(): boolean {
    let v_1 = 0;
    lab0: do {
      v_1 = this.limit - this.cursor;
      lab1: do {
        if (!this.out_grouping_b(ENGLISH.g_v_WXY, 89, 121)) break lab1;
        if (!this.in_grouping_b(ENGLISH.g_v, 97, 121)) break lab1;
        if (!this.out_grouping_b(ENGLISH.g_v, 97, 121)) break lab1;
        break lab0;
      } while (false);
      this.cursor = this.limit - v_1;
      if (!this.out_grouping_b(ENGLISH.g_v, 97, 121)) return false;
      if (!this.in_grouping_b(ENGLISH.g_v, 97, 121)) return false;
      if (this.cursor > this.limit_backward) return false;
    } while (false);
    return true;
  }

  private r_R1(): boolean {
    if (!(this.I_p1 <= this.cursor)) return false;
    return true;
  }

  private r_R2(): boolean {
    if (!(this.I_p2 <= this.cursor)) return false;
    return true;
  }

  private r_Step_1a(): boolean {
    let among_var = 0, v_1 = 0, v_2 = 0;
    v_1 = this.limit - this.cursor;
    lab0: do {
      this.ket = this.cursor;
      among_var = this.find_among_b(ENGLISH.a_1);
      if (among_var === 0) {
        this.cursor = this.limit - v_1;
        break lab0;
      }
      this.bra = this.cursor;
      switch (among_var) {
        case 0:
          this.cursor = this.limit - v_1;
          break lab0;
        case 1:
          this.slice_del();
          break;
      }
    } while (false);
    this.ket = this.cursor;
    among_var = this.find_among_b(ENGLISH.a_2);
    if (among_var === 0) return false;
    this.bra = this.cursor;
    switch (among_var) {
      case 0:
        return false;
      case 1:
        this.slice_from('ss');
        break;
      case 2:
        lab1: do {
          v_2 = this.limit - this.cursor;
          lab2: do {
            {
              const c = this.cursor - 2;
              if (this.limit_backward > c || c > this.limit) break lab2;
              this.cursor = c;
            }
            this.slice_from('i');
            break lab1;
          } while (false);
          this.cursor = this.limit - v_2;
          this.slice_from('ie');
        } while (false);
        break;
      case 3:
        if (this.cursor <= this.limit_backward) return false;
        this.cursor--;
        golab3: while (true) {
          lab4: do {
            if (!this.in_grouping_b(ENGLISH.g_v, 97, 121)) break lab4;
            break golab3;
          } while (false);
          if (this.cursor <= this.limit_backward) return false;
          this.cursor--;
        }
        this.slice_del();
        break;
    }
    return true;
  }

  private r_Step_1b(): boolean {
    let among_var = 0, v_1 = 0, v_3 = 0, v_4 = 0;
    this.ket = this.cursor;
    among_var = this.find_among_b(ENGLISH.a_4);
    if (among_var === 0) return false;
    this.bra = this.cursor;
    switch (among_var) {
      case 0:
        return false;
      case 1:
        if (!this.r_R1()) return false;
        this.slice_from('ee');
        break;
      case 2:
        v_1 = this.limit - this.cursor;
        golab0: while (true) {
          lab1: do {
            if (!this.in_grouping_b(ENGLISH.g_v, 97, 121)) break lab1;
            break golab0;
          } while (false);
          if (this.cursor <= this.limit_backward) return false;
          this.cursor--;
        }
        this.cursor = this.limit - v_1;
        this.slice_del();
        v_3 = this.limit - this.cursor;
        among_var = this.find_among_b(ENGLISH.a_3);
        if (among_var === 0) return false;
        this.cursor = this.limit - v_3;
        switch (among_var) {
          case 0:
            return false;
          case 1:
            {
              const c = this.cursor;
              this.insert(this.cursor, this.cursor, 'e');
              this.cursor = c;
            }
            break;
          case 2:
            this.ket = this.cursor;
            if (this.cursor <= this.limit_backward) return false;
            this.cursor--;
            this.bra = this.cursor;
            this.slice_del();
            break;
          case 3:
            if (this.cursor !== this.I_p1) return false;
            v_4 = this.limit - this.cursor;
            if (!this.r_shortv()) return false;
            this.cursor = this.limit - v_4;
            {
              const c = this.cursor;
              this.insert(this.cursor, this.cursor, 'e');
              this.cursor = c;
            }
            break;
        }
        break;
    }
    return true;
  }

  private r_Step_1c(): boolean {
    let v_1 = 0, v_2 = 0;
    this.ket = this.cursor;
    lab0: do {
      v_1 = this.limit - this.cursor;
      lab1: do {
        if (!this.eq_s_b('y')) break lab1;
        break lab0;
      } while (false);
      this.cursor = this.limit - v_1;
      if (!this.eq_s_b('Y')) return false;
    } while (false);
    this.bra = this.cursor;
    if (!this.out_grouping_b(ENGLISH.g_v, 97, 121)) return false;
    {
      v_2 = this.limit - this.cursor;
      lab2: do {
        if (this.cursor > this.limit_backward) break lab2;
        return false;
      } while (false);
      this.cursor = this.limit - v_2;
    }
    this.slice_from('i');
    return true;
  }

  private r_Step_2(): boolean {
    let among_var = 0;
    this.ket = this.cursor;
    among_var = this.find_among_b(ENGLISH.a_5);
    if (among_var === 0) return false;
    this.bra = this.cursor;
    if (!this.r_R1()) return false;
    switch (among_var) {
      case 0:
        return false;
      case 1:
        this.slice_from('tion');
        break;
      case 2:
        this.slice_from('ence');
        break;
      case 3:
        this.slice_from('ance');
        break;
      case 4:
        this.slice_from('able');
        break;
      case 5:
        this.slice_from('ent');
        break;
      case 6:
        this.slice_from('ize');
        break;
      case 7:
        this.slice_from('ate');
        break;
      case 8:
        this.slice_from('al');
        break;
      case 9:
        this.slice_from('ful');
        break;
      case 10:
        this.slice_from('ous');
        break;
      case 11:
        this.slice_from('ive');
        break;
      case 12:
        this.slice_from('ble');
        break;
      case 13:
        if (!this.eq_s_b('l')) return false;
        this.slice_from('og');
        break;
      case 14:
        this.slice_from('ful');
        break;
      case 15:
        this.slice_from('less');
        break;
      case 16:
        if (!this.in_grouping_b(ENGLISH.g_valid_LI, 99, 116)) return false;
        this.slice_del();
        break;
    }
    return true;
  }

  private r_Step_3(): boolean {
    let among_var = 0;
    this.ket = this.cursor;
    among_var = this.find_among_b(ENGLISH.a_6);
    if (among_var === 0) return false;
    this.bra = this.cursor;
    if (!this.r_R1()) return false;
    switch (among_var) {
      case 0:
        return false;
      case 1:
        this.slice_from('tion');
        break;
      case 2:
        this.slice_from('ate');
        break;
      case 3:
        this.slice_from('al');
        break;
      case 4:
        this.slice_from('ic');
        break;
      case 5:
        this.slice_del();
        break;
      case 6:
        if (!this.r_R2()) return false;
        this.slice_del();
        break;
    }
    return true;
  }

  private r_Step_4(): boolean {
    let among_var = 0, v_1 = 0;
    this.ket = this.cursor;
    among_var = this.find_among_b(ENGLISH.a_7);
    if (among_var === 0) return false;
    this.bra = this.cursor;
    if (!this.r_R2()) return false;
    switch (among_var) {
      case 0:
        return false;
      case 1:
        this.slice_del();
        break;
      case 2:
        lab0: do {
          v_1 = this.limit - this.cursor;
          lab1: do {
            if (!this.eq_s_b('s')) break lab1;
            break lab0;
          } while (false);
          this.cursor = this.limit - v_1;
          if (!this.eq_s_b('t')) return false;
        } while (false);
        this.slice_del();
        break;
    }
    return true;
  }

  private r_Step_5(): boolean {
    let among_var = 0, v_1 = 0, v_2 = 0;
    this.ket = this.cursor;
    among_var = this.find_among_b(ENGLISH.a_8);
    if (among_var === 0) return false;
    this.bra = this.cursor;
    switch (among_var) {
      case 0:
        return false;
      case 1:
        lab0: do {
          v_1 = this.limit - this.cursor;
          lab1: do {
            if (!this.r_R2()) break lab1;
            break lab0;
          } while (false);
          this.cursor = this.limit - v_1;
          if (!this.r_R1()) return false;
          {
            v_2 = this.limit - this.cursor;
            lab2: do {
              if (!this.r_shortv()) break lab2;
              return false;
            } while (false);
            this.cursor = this.limit - v_2;
          }
        } while (false);
        this.slice_del();
        break;
      case 2:
        if (!this.r_R2()) return false;
        if (!this.eq_s_b('l')) return false;
        this.slice_del();
        break;
    }
    return true;
  }

  private r_exception2(): boolean {
    this.ket = this.cursor;
    if (this.find_among_b(ENGLISH.a_9) === 0) return false;
    this.bra = this.cursor;
    if (this.cursor > this.limit_backward) return false;
    return true;
  }

  private r_exception1(): boolean {
    let among_var = 0;
    this.bra = this.cursor;
    among_var = this.find_among(ENGLISH.a_10);
    if (among_var === 0) return false;
    this.ket = this.cursor;
    if (this.cursor < this.limit) return false;
    switch (among_var) {
      case 0:
        return false;
      case 1:
        this.slice_from('ski');
        break;
      case 2:
        this.slice_from('sky');
        break;
      case 3:
        this.slice_from('die');
        break;
      case 4:
        this.slice_from('lie');
        break;
      case 5:
        this.slice_from('tie');
        break;
      case 6:
        this.slice_from('idl');
        break;
      case 7:
        this.slice_from('gentl');
        break;
      case 8:
        this.slice_from('ugli');
        break;
      case 9:
        this.slice_from('earli');
        break;
      case 10:
        this.slice_from('onli');
        break;
      case 11:
        this.slice_from('singl');
        break;
    }
    return true;
  }

  private r_postlude(): boolean {
    let v_1 = 0, v_2 = 0;
    if (!this.B_Y_found) return false;
    replab0: while (true) {
      v_1 = this.cursor;
      lab1: do {
        golab2: while (true) {
          v_2 = this.cursor;
          lab3: do {
            this.bra = this.cursor;
            if (!this.eq_s('Y')) break lab3;
            this.ket = this.cursor;
            this.cursor = v_2;
            break golab2;
          } while (false);
          this.cursor = v_2;
          if (this.cursor >= this.limit) break lab1;
          this.cursor++;
        }
        this.slice_from('y');
        continue replab0;
      } while (false);
      this.cursor = v_1;
      break replab0;
    }
    return true;
  }

  protected override stem(): boolean {
    let v_1 = 0, v_2 = 0, v_3 = 0, v_4 = 0, v_5 = 0, v_6 = 0, v_7 = 0, v_8 = 0, v_9 = 0, v_10 = 0, v_11 = 0, v_12 = 0, v_13 = 0;
    lab0: do {
      v_1 = this.cursor;
      lab1: do {
        if (!this.r_exception1()) break lab1;
        break lab0;
      } while (false);
      this.cursor = v_1;
      lab2: do {
        {
          v_2 = this.cursor;
          lab3: do {
            {
              const c = this.cursor + 3;
              if (0 > c || c > this.limit) break lab3;
              this.cursor = c;
            }
            break lab2;
          } while (false);
          this.cursor = v_2;
        }
        break lab0;
      } while (false);
      this.cursor = v_1;
      v_3 = this.cursor;
      lab4: do {
        if (!this.r_prelude()) break lab4;
      } while (false);
      this.cursor = v_3;
      v_4 = this.cursor;
      lab5: do {
        if (!this.r_mark_regions()) break lab5;
      } while (false);
      this.cursor = v_4;
      this.limit_backward = this.cursor;
      this.cursor = this.limit;
      v_5 = this.limit - this.cursor;
      lab6: do {
        if (!this.r_Step_1a()) break lab6;
      } while (false);
      this.cursor = this.limit - v_5;
      lab7: do {
        v_6 = this.limit - this.cursor;
        lab8: do {
          if (!this.r_exception2()) break lab8;
          break lab7;
        } while (false);
        this.cursor = this.limit - v_6;
        v_7 = this.limit - this.cursor;
        lab9: do {
          if (!this.r_Step_1b()) break lab9;
        } while (false);
        this.cursor = this.limit - v_7;
        v_8 = this.limit - this.cursor;
        lab10: do {
          if (!this.r_Step_1c()) break lab10;
        } while (false);
        this.cursor = this.limit - v_8;
        v_9 = this.limit - this.cursor;
        lab11: do {
          if (!this.r_Step_2()) break lab11;
        } while (false);
        this.cursor = this.limit - v_9;
        v_10 = this.limit - this.cursor;
        lab12: do {
          if (!this.r_Step_3()) break lab12;
        } while (false);
        this.cursor = this.limit - v_10;
        v_11 = this.limit - this.cursor;
        lab13: do {
          if (!this.r_Step_4()) break lab13;
        } while (false);
        this.cursor = this.limit - v_11;
        v_12 = this.limit - this.cursor;
        lab14: do {
          if (!this.r_Step_5()) break lab14;
        } while (false);
        this.cursor = this.limit - v_12;
      } while (false);
      this.cursor = this.limit_backward;
      v_13 = this.cursor;
      lab15: do {
        if (!this.r_postlude()) break lab15;
      } while (false);
      this.cursor = v_13;
    } while (false);
    return true;
  }
}

/** Stems lower-cased words of one language, as snowball-stemmers' `newStemmer(name).stem` does. */
export interface SnowballStemmer { stem(word: string): string }

const PORTED: Record<string, new () => SnowballProgram> = { german: GermanStemmer, english: EnglishStemmer };

/** The ported stemmer for a Snowball algorithm name ('german', 'english'), or null for the others. */
export function portedStemmer(algorithm: string): SnowballStemmer | null {
  const Ported = PORTED[algorithm];
  if (!Ported) return null;
  const program = new Ported();
  return { stem: (word) => program.stemWord(word) };
}

