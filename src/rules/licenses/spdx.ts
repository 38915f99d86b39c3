import { OSI_APPROVED } from './osi.generated.js'

/**
 * Public-domain dedications that OSI never reviewed but that put the source in everyone's hands
 * all the same.
 */
const DEDICATIONS = ['CC0-1.0', 'WTFPL']

const OPEN = new Set([...OSI_APPROVED, ...DEDICATIONS].map((id) => id.toLowerCase()))

/** Whether one SPDX license id (`MIT`, `GPL-2.0+`, `Apache-2.0`) is an open-source license. */
export function isOpenLicenseId(id: string): boolean {
  const bare = id.trim().toLowerCase().replace(/\+$/, '')
  return OPEN.has(bare) || OPEN.has(`${bare}-only`)
}

/**
 * Whether an SPDX license expression puts the code under an open-source license: `OR` needs
 * one open choice, `AND` needs all, `WITH` an exception keeps the license it qualifies.
 * Anything that does not parse (`SEE LICENSE IN ...`, `UNLICENSED`, `LicenseRef-...`, free text)
 * is not open.
 */
export function isOpenExpression(expression: string): boolean {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? []
  let at = 0
  const fail = Symbol('fail')
  const peek = () => tokens[at]
  const word = (w: string) => peek()?.toUpperCase() === w
  const primary = (): boolean => {
    if (peek() === '(') {
      at++
      const v = or()
      if (peek() !== ')') throw fail
      at++
      return v
    }
    const id = tokens[at++]
    if (!id || id === ')' || /^(AND|OR|WITH)$/i.test(id)) throw fail
    if (word('WITH')) {
      at++
      if (!tokens[at++]) throw fail
    }
    return isOpenLicenseId(id)
  }
  const and = (): boolean => {
    let v = primary()
    while (word('AND')) {
      at++
      v = primary() && v
    }
    return v
  }
  const or = (): boolean => {
    let v = and()
    while (word('OR')) {
      at++
      v = and() || v
    }
    return v
  }
  try {
    const v = or()
    return at === tokens.length && v
  } catch (err) {
    if (err !== fail) throw err
    return false
  }
}
