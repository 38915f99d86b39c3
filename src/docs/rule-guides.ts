/** Why a rule matters and how to fix what it finds: by rule id, else by family. */
export interface RuleGuide {
  why: string
  fix: string
}

const FAMILY: Record<string, RuleGuide> = {
  archive: {
    why: 'An artifact is read by tools that trust it: a name, link or entry that escapes the package root, or content that cannot be read, is how a tampered or broken archive hurts whoever installs it.',
    fix: 'Rebuild the artifact with the normal packing tool (`npm pack`, `python -m build`, `jar`); never hand-edit archives. If the input is hostile, do not publish it.',
  },
  file: {
    why: 'What ships is what every user downloads: files that were never meant to leave the repository leak credentials or internals, or just add weight.',
    fix: "Narrow what is packed: a `files` list in package.json (or `.npmignore`), `MANIFEST.in`/`exclude` for Python, the build tool's resource filters. Then rebuild.",
  },
  size: {
    why: 'A sudden size jump is the most visible sign of a release step gone wrong (a map, a test fixture, a vendored folder).',
    fix: 'Find the new weight in the size-by-folder table of the job summary; remove it, or raise the declared budget in `limits:` in a reviewed change.',
  },
  secret: {
    why: 'A credential in a published package is public the moment it is published: registries are mirrored and scraped within minutes.',
    fix: 'Revoke and rotate the credential first (removing it from the next release does not un-publish the old one). Then find how it got into the build (an env file, a baked-in config) and remove it.',
  },
  sourcemap: {
    why: 'A source map can carry the original source of everything it maps (`sourcesContent`), and always its file tree: shipping one by accident publishes the code base.',
    fix: 'Turn maps off for the release build, or keep them out of the package (`files`, `.npmignore`); upload them to your error tracker instead. Projects that ship maps on purpose set `sourcemaps: { sources-content: allow }`.',
  },
  content: {
    why: 'The team declared these words must not ship (codenames, internal hosts, markers).',
    fix: 'Remove the text from the build output, or narrow the rule with `files:` if the match is expected there.',
  },
  drift: {
    why: 'The artifact differs from what the release process declared (the lockfile) or produced last time (the baseline): the mark of a manual step done wrong.',
    fix: 'If the change is a mistake, fix the build. If it is intended, accept it in one reviewed commit: `packguard check <artifact> --lockfile <file> --update-lockfile`.',
  },
  metadata: {
    why: 'Package metadata that does not match its content breaks installs and imports for every user.',
    fix: 'Fix the manifest (package.json, METADATA/RECORD) or the build so both agree, then rebuild.',
  },
}

const RULE: Record<string, Partial<RuleGuide>> = {
  'archive/limit-exceeded': {
    fix: 'If the artifact is legitimately this large, raise the limit under `safety:`; otherwise treat it as hostile.',
  },
  'archive/link': {
    why: 'A link that stays inside the package is harmless where it lands, but npm drops symlinks and other tools follow them: what installs may differ from what was reviewed.',
  },
  'archive/link-escape': {
    why: 'An extractor that follows the link reads or writes outside the package: a link to `/etc` or `../../.ssh`, or a file written through a link folder, lands wherever the link points.',
  },
  'archive/ambiguous-name': {
    why: 'One entry, two names: a reviewer whose tool reads one name approves what another tool installs under the other.',
  },
  'archive/unreadable-entry': {
    fix: 'A nested archive packguard cannot read (xz, bzip2, 7z, rar): ship it in a format it reads (zip, tar, gzip, zstd), or, once you have checked it yourself, suppress the finding with `ignore:` and a reason.',
  },
  'file/sensitive-env': {
    fix: 'Remove the file from the package and rotate every value in it. Keep `.env` out with `files` or `.npmignore`.',
  },
  'file/test-folder': { fix: 'Leave tests out of the package (`files` in package.json).' },
  'drift/baseline-missing': {
    why: 'There is nothing to compare with: usually a first release.',
    fix: 'Nothing to fix for a first release.',
  },
  'metadata/version-mismatch': {
    fix: 'Bump package.json to the tag (or tag the version package.json has) and rebuild.',
  },
  'metadata/bin-not-executable': {
    fix: 'Restore the mode (`chmod +x`) before packing; check the step that copies files into the build folder.',
  },
}

export function guideFor(id: string): RuleGuide {
  const family = FAMILY[id.split('/')[0]]
  if (!family) throw new Error(`no guide for rule family of ${id}`)
  return { ...family, ...RULE[id] }
}
