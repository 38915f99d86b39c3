// Control characters, bidi overrides and zero-width characters: names in archives are chosen by
// whoever built them, so none of these may reach a terminal, a summary or a workflow command raw.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/** Makes text safe to print on one line: unsafe characters become visible `\u{..}` escapes. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)?.toString(16)}}`)
}

/** Printable text that is also inert in GitHub-flavoured markdown and HTML. */
export function markdownText(text: string): string {
  return printable(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#!~])/g, '\\$1')
    .replace(/@/g, '&#64;')
}
