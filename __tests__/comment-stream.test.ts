import { describe, expect, test } from '@jest/globals'
import { MappingUrlStream, type StreamedUrl } from '../src/rules/sourcemaps/comment-stream.js'
import { findMappingUrls } from '../src/rules/sourcemaps/comments.js'
import { prng } from './helpers/hostile.js'

// A streamed file's `sourceMappingURL` comments must be the ones `findMappingUrls` finds in the
// whole text, wherever the chunks cut it: through the marker, the lead, the URL or a CSS `*/`.

/** URL and line of each comment in the whole text. */
function whole(text: string): Array<[string, number]> {
  return findMappingUrls(text).map((u) => [u.url, text.slice(0, u.offset).split('\n').length])
}

function streamed(text: string, cuts: number[]): Array<[string, number]> {
  const out: StreamedUrl[] = []
  const s = new MappingUrlStream((u) => out.push(u))
  const bytes = Buffer.from(text, 'latin1')
  let at = 0
  for (const n of [...cuts, bytes.length]) {
    s.write(bytes.subarray(at, Math.max(at, n)))
    at = Math.max(at, n)
  }
  s.end()
  return out.map((u) => [u.url ?? '', u.line])
}

const COMMENTS = [
  '//# sourceMappingURL=app.js.map\n',
  '//@ sourceMappingURL=https://cdn.example.com/a.map\n',
  '/*# sourceMappingURL=site.css.map */\n',
  '/*# sourceMappingURL=tight.css.map*/\n',
  '/*#sourceMappingURL=data:application/json;base64,eyJ2ZXJzaW9uIjozfQ==*/',
  '//# sourceMappingURL=star*in*url.map\n',
  'x = "sourceMappingURL=not-a-comment"\n',
  '//# sourceMappingURL=',
  // A marker inside a URL is part of it, not a second comment.
  '//# sourceMappingURL=a.map//#sourceMappingURL=b.map\n',
  // Any spaces or tabs after the lead, as V8 reads it; a run the chunks may cut anywhere.
  '//#  \t sourceMappingURL=spaced.map\n',
  `//#${' '.repeat(40)}\tsourceMappingURL=wide.map\n`,
  '// # sourceMappingURL=not-a-lead.map\n',
  '<script>//# sourceMappingURL=page.js.map</script>\n',
]

describe('MappingUrlStream', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'finds what the whole-text search finds, in random chunks (seed %i)',
    (seed) => {
      const rnd = prng(seed)
      const parts: string[] = []
      for (let i = 0; i < 30; i++) {
        parts.push(rnd() < 0.5 ? COMMENTS[Math.floor(rnd() * COMMENTS.length)] : 'code();\n')
      }
      const text = parts.join('')
      const cuts: number[] = []
      for (let at = 0; at < text.length; at += 1 + Math.floor(rnd() * 9)) cuts.push(at)
      expect(streamed(text, cuts)).toEqual(whole(text))
    },
  )

  test('any spaces or tabs after the lead, however long the run and wherever it is cut', () => {
    const text = `a()\n//#${' \t'.repeat(2500)}sourceMappingURL=far.map\n// #  sourceMappingURL=no.map\n`
    expect(whole(text)).toEqual([['far.map', 2]])
    const cuts = (step: number) => Array.from({ length: text.length / step }, (_, i) => i * step)
    for (const step of [1, 7, 1000, 4999]) expect(streamed(text, cuts(step))).toEqual(whole(text))
  })

  test('a CSS comment cut between its `*` and `/` ends the URL there', () => {
    const text = 'a{}\n/*# sourceMappingURL=a.css.map*/\n'
    const star = text.indexOf('*/')
    for (const cut of [star, star + 1, star + 2]) {
      expect(streamed(text, [cut])).toEqual([['a.css.map', 2]])
    }
  })

  test('a marker inside a URL is not a second comment, whole or streamed', () => {
    const text = '//# sourceMappingURL=a.map//#sourceMappingURL=b.map\n'
    const url = 'a.map//#sourceMappingURL=b.map'
    expect(whole(text)).toEqual([[url, 1]])
    for (let cut = 20; cut < text.length; cut++) expect(streamed(text, [cut])).toEqual([[url, 1]])
  })

  test('a `*` that ends the file is part of the URL, as in the whole text', () => {
    const text = '//# sourceMappingURL=a.map*'
    expect(whole(text)).toEqual([['a.map*', 1]])
    expect(streamed(text, [text.length - 1])).toEqual([['a.map*', 1]])
  })
})
