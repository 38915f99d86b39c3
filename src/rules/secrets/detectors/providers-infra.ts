import type { Detector } from '../engine/types.js'

/** Cloud and infrastructure, CI/CD and registries, AI providers (issue 15, first group). */
export const INFRA_DETECTORS = [] as const satisfies readonly Detector[]
