// web-ext's settings, read when it runs at the repository root: `npm run lint` (addons-linter on extension/dist) and
// `npm run package` (web-ext build of the Firefox package). See https://mzl.la/web-ext-config-file.
export default {
  sourceDir: 'extension/dist',
  artifactsDir: 'artifacts/packages',
  // Source maps stay in extension/dist for development; the store packages leave them out (scripts/package.mjs).
  ignoreFiles: ['**/*.map'],
  build: { overwriteDest: true },
};
