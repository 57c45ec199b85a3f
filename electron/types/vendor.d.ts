// Type declarations for packages that ship none.
declare module 'snowball-stemmers' {
  export function newStemmer(algorithm: string): { stem(word: string): string };
  export function algorithms(): string[];
}
declare module 'stopword' {
  export const eng: string[];
  export const deu: string[];
}
