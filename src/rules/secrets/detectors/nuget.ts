import { boundDetector } from '../kit/keyword-bound.js'
import { fake } from '../kit/samples.js'

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** `oy2` is too short to look for alone: a key is found near the word NuGet. */
export const nugetApiKey = boundDetector({
  id: 'secret/nuget-api-key',
  title: 'NuGet API key',
  provider: 'NuGet',
  description:
    'A nuget.org API key (`oy2` + 43 lower-case letters and digits) near the word NuGet.',
  near: ['nuget'],
  before: 512,
  after: 512,
  value: 'oy2[a-z0-9]{43}',
  chars: 'A-Za-z0-9_-',
  anywhere: true,
  verify: (v) => (/[0-9]/.test(v.slice(3)) ? undefined : false),
  samples: {
    match: () => [
      `dotnet nuget push app.nupkg --api-key oy2${fake(43, LOWER_ALNUM, 'nuget-1')} --source https://api.nuget.org/v3/index.json`,
      `NUGET_API_KEY=oy2${fake(43, LOWER_ALNUM, 'nuget-2')}`,
    ],
    noMatch: () => [
      `NUGET_API_KEY=oy2${'x'.repeat(43)}`,
      'dotnet nuget push app.nupkg --api-key $NUGET_API_KEY',
      `dotnet nuget push app.nupkg --api-key oy2${fake(30, LOWER_ALNUM, 'nuget-3')}`,
      `oy2${fake(43, LOWER_ALNUM, 'nuget-4')}`,
    ],
  },
})
