// Lets a plain `node` child process run the TypeScript sources, compiled on load by swc with the
// same settings as jest (jest.config.js): the fault tests start the real worker this way, in its
// own process, so it can be killed. No type checking: `npm run typecheck` does that.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs', ignoreDynamic: true },
  sourceMaps: 'inline',
};

require.extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};

// package.json "imports" sends `#libs/…` and the other aliases to dist/; this process runs the sources.
const ROOT = join(__dirname, '../../..');
const aliases = Object.entries(require(join(ROOT, 'package.json')).imports).map(([alias, target]) => [
  alias.replace('*', ''),
  join(ROOT, target.replace(/^\.\/dist\//, '').replace('*.js', '')),
]);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const hit = aliases.find(([prefix]) => request.startsWith(prefix));
  return resolveFilename.call(this, hit ? hit[1] + request.slice(hit[0].length) : request, ...rest);
};
