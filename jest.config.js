// Layers (see README "Tests"): pure unit tests next to the code, workflow tests on the time-skipping
// server, end-to-end tests over HTTP, fault tests. Global setup starts PostgreSQL and Temporal once.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs', ignoreDynamic: true },
  },
];
// package.json "imports" maps `#libs/…` and the other aliases to the compiled dist/; tests run the sources.
const moduleNameMapper = Object.fromEntries(
  Object.entries(require('./package.json').imports).map(([alias, target]) => [
    `^${alias.replace('*', '(.*)')}$`,
    `<rootDir>/${target.replace(/^\.\/dist\//, '').replace('*.js', '$1')}`,
  ]),
);
const common = { transform: { '^.+\\.ts$': swc }, testEnvironment: 'node', setupFiles: ['reflect-metadata'], moduleNameMapper };
const withServers = { ...common, setupFiles: ['reflect-metadata', '<rootDir>/test/setup/quiet-runtime.ts'], slowTestThreshold: 60 };

module.exports = {
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps,activities,workflows,bench,test/docker}/**/*.spec.ts'] },
    { ...withServers, displayName: 'workflow', testMatch: ['<rootDir>/test/workflow/**/*.test.ts'] },
    { ...withServers, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'] },
    // The workbench in Chromium (Debian's package) against the whole system (README "Workbench").
    { ...withServers, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser.ts'] },
    // Kill the worker, restart Temporal and PostgreSQL under a running system (README "Faults").
    { ...withServers, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.fault.ts'], slowTestThreshold: 120 },
  ],
  testTimeout: 120000,
};
