// Control characters, line and paragraph separators, bidi controls, zero-width and other invisible
// format characters, and lone surrogates (the `u` flag makes the last range match only those):
// names in archives are chosen by whoever built them, so none of these may reach a terminal, a
// summary or a workflow command raw.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]/gu

// The Actions runner reads `::command::` at the start of a line (after spaces) and the legacy
// `##[command]` anywhere in one: neither may come through whole, wherever the text lands.
const COMMAND = /::|##\[/g

/** Makes text safe to print on one line: unsafe characters become visible `\u{..}` escapes. */
export function printable(text: string): string {
  return text
    .replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)?.toString(16)}}`)
    .replace(COMMAND, (m) => (m === '::' ? ':\\u{3a}' : '#\\u{23}['))
}

/**
 * Printable text that is also inert in GitHub-flavoured markdown and HTML. Names in archives are
 * chosen by whoever built them, so none may become a link: GitHub autolinks `scheme://` and
 * `www.` as they are typed and emails at `@`; a character reference in their place reads the
 * same and triggers nothing.
 */
export function markdownText(text: string): string {
  return printable(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#!~])/g, '\\$1')
    .replace(/@/g, '&#64;')
    .replace(/:(?=\/\/)/g, '&#58;')
    .replace(/\b(www)\./gi, '$1&#46;')
}

/**
 * JSON text with the same value but no `::`, `##[`, bidi control or invisible character in it,
 * for JSON printed to a log: JSON.stringify escapes control characters and newlines, not these.
 */
export function inertJson(json: string): string {
  return json
    .replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/::/g, ':\\u003a')
    .replace(/##\[/g, '#\\u0023[')
}

// What JSON.stringify leaves raw but a terminal or log viewer would act on (it escapes the rest).
const INVISIBLE =
  /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g
