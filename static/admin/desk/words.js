// The word count and reading time as the story page shows them: words as articles/text.py
// counts them (a letter, digit or underscore, then those, apostrophes and hyphens), at
// the server's words a minute, rounded up and never 0.
const WORD = /[\p{L}\p{N}_][\p{L}\p{N}\p{M}_'’-]*/gu;

export function countWords(text, wordsPerMinute) {
  const count = (text.match(WORD) || []).length;
  return { count, minutes: Math.max(1, Math.ceil(count / wordsPerMinute)) };
}
