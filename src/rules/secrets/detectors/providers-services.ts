import type { Detector } from '../engine/types.js'

/** Observability and messaging, payments and SaaS (issue 15, second group). */
export const SERVICE_DETECTORS = [] as const satisfies readonly Detector[]
