/** How far before a secret its sentence is read for a cue. */
const LOOK_BACK = 120

/** Words that present what follows as a sample of a format. */
const CUE =
  /(?<![\w$.])(?:e\.g\.|for example|for instance|such as|examples?|like|format)(?![\w$])/gi
/** The end of a line, a statement or a sentence: a cue before it is about something else. */
const BREAK = /[.!?](?=\s)|[;\r\n]|\\[nr]/

/**
 * Whether the text just before a secret presents it as an example of a format: `like`, `e.g.`,
 * `for example`, `for instance`, `such as`, `example`, `format` shortly before it, in the same
 * line and sentence (`Must be in valid uri format like dotenv://:key_1234@…`,
 * `// example: KEY="…"`, `"example": "…"`). A cue word used as code does not count: a call
 * or member (`format(…)`, `x.like`), or a key with a value of its own (`{format: "pem", …}`).
 * Read only at a hit, never per byte.
 */
export function presentedAsExample(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - LOOK_BACK), start)
  let after: string | undefined
  CUE.lastIndex = 0
  for (let m = CUE.exec(before); m; m = CUE.exec(before)) {
    const rest = before.slice(m.index + m[0].length)
    // `example` as a key (`"example": "…"`, OpenAPI) presents its value; other cue words as
    // keys are settings, and as prose they are followed by a space
    if (/^example/i.test(m[0]) && /^["'`]?[ \t]*[:=]/.test(rest)) after = rest
    else if (/^[:,]?[ \t]/.test(rest) && !/^:[ \t]*["'`{[]/.test(rest)) after = rest
  }
  return after !== undefined && !BREAK.test(after)
}

/** Why a hit presented as an example is only reported as unverified. */
export const PRESENTED_AS_EXAMPLE = 'presented as an example of its format'
