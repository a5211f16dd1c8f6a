// Whether the report gets colours. The order a user of ESLint (chalk's supports-color) or of
// Node itself expects: the flag, then FORCE_COLOR (`0` or `false` turn colours off; any other
// value, the empty one too, turns them on), then NO_COLOR (any value but the empty one turns
// them off, no-color.org), then the destination: a report written to a file (`-o`) has none,
// standard output has them on a terminal (TERM other than `dumb`) and on the CI services
// whose logs show them.

const CI_WITH_COLOURS = ['GITHUB_ACTIONS', 'GITEA_ACTIONS', 'GITLAB_CI', 'BUILDKITE', 'CIRCLECI', 'TRAVIS', 'APPVEYOR', 'DRONE'];

export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, destination: 'stdout' | 'file', stdoutIsTerminal: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (destination === 'file') return false;
  if (stdoutIsTerminal) return env.TERM !== 'dumb';
  return env.CI !== undefined && CI_WITH_COLOURS.some((name) => env[name] !== undefined);
}
