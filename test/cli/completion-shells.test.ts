/**
 * `mx-doctor completion zsh|fish` run in the real shells (scripts/setup.sh installs both): fish
 * answers `complete -C` from the script as it would at a prompt; zsh parses the script, and its
 * completion function is called with zsh's own `words`/`CURRENT`/`PREFIX`, `compadd` and `_files`
 * standing in for the completion system (which needs a terminal), so what it offers is seen.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const scripts: Record<string, string> = {};
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mxd-completion-'));
  for (const shell of ['zsh', 'fish']) {
    const run = await runCli(['completion', shell]);
    expect(run.code).toBe(0);
    scripts[shell] = join(dir, `mx-doctor.${shell}`);
    writeFileSync(scripts[shell]!, run.stdout);
  }
});

describe('fish', () => {
  const complete = (line: string) =>
    execFileSync('fish', ['--no-config', '-c', `source ${scripts['fish']}; complete -C '${line}'`], { encoding: 'utf8', env: { ...process.env, HOME: dir } })
      .split('\n')
      .map((row) => row.split('\t')[0]!)
      .filter(Boolean)
      .sort();

  it('offers the commands, each command its own options and --format values', () => {
    expect(complete('mx-doctor l')).toEqual(['lint', 'lsp']);
    expect(complete('mx-doctor check --s')).toEqual(['--shard', '--smtp']);
    expect(complete('mx-doctor check --format ')).toEqual(['csv', 'json', 'jsonl', 'sarif', 'text']);
    expect(complete('mx-doctor summarize --format ')).toEqual(['html', 'json', 'text']);
    expect(complete('mx-doctor completion ')).toEqual(['bash', 'fish', 'zsh']);
  });
});

describe('zsh', () => {
  it('parses', () => {
    execFileSync('zsh', ['-n', scripts['zsh']!]);
  });

  /** What `_mx_doctor` offers for the words typed so far (the last one being completed). */
  const offered = (...words: string[]) => {
    const quoted = words.map((word) => `'${word}'`).join(' ');
    const program = [
      'compdef() { :; }',
      'compadd() { while [[ $1 == -* && $1 != -- ]]; do shift; done; [[ $1 == -- ]] && shift; print -l -- "$@"; }',
      "_files() { print -- '<files>'; }",
      `source ${scripts['zsh']}`,
      `words=(${quoted}); CURRENT=${words.length}; PREFIX='${words.at(-1)}'`,
      '_mx_doctor',
    ].join('\n');
    return execFileSync('zsh', ['-f', '-c', program], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  };

  it('offers the commands, the options of the command being typed, --format values and files', () => {
    expect(offered('mx-doctor', '')).toEqual(['--help', '--version', 'check', 'completion', 'lint', 'lsp', 'summarize']);
    expect(offered('mx-doctor', 'check', '--format', '')).toEqual(['csv', 'json', 'jsonl', 'sarif', 'text']);
    expect(offered('mx-doctor', 'summarize', '-f', '')).toEqual(['html', 'json', 'text']);
    expect(offered('mx-doctor', 'lint', '--')).toContain('--live');
    expect(offered('mx-doctor', 'lint', '--')).not.toContain('--shard');
    expect(offered('mx-doctor', 'lint', 'zo')).toEqual(['<files>']);
    expect(offered('mx-doctor', 'completion', '')).toEqual(['bash', 'fish', 'zsh']);
  });
});
