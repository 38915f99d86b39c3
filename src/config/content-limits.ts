/** Counting stops here: the finding says "at least". Apart, so rules need not load the regex engine. */
export const MAX_COUNT = 10_000
