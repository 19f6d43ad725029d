/**
 * `mx-doctor completion bash|zsh|fish`: a shell completion script, generated from the commands'
 * own option tables (CHECK_OPTIONS, LINT_OPTIONS), so it cannot drift from what they accept.
 */
import { CHECK_OPTIONS } from './check.js';
import { CHECK_FORMATS, LINT_FORMATS } from './common-options.js';
import { FAIL_ON_LEVELS } from './fail-on.js';
import { SUMMARIZE_FORMATS, SUMMARIZE_OPTIONS } from './summarize.js';
import type { Io } from '../io.js';
import { LINT_OPTIONS } from './lint.js';
import { UsageError } from '../usage.js';

interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
}

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** Options for tests only (see check.ts): accepted, not offered. */
const NOT_OFFERED: ReadonlySet<string> = new Set(['smtp-port']);

/** Options that take one of a fixed set of values: `--format`'s differ by command, `--fail-on` is lint's. */
const VALUES: Readonly<Record<string, true>> = { format: true, 'fail-on': true };

interface CommandSpec {
  readonly name: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** What the arguments are: files (lint) or nothing to complete (check's domains). */
  readonly files: boolean;
  /** Fixed words its arguments may be. */
  readonly words?: readonly string[];
  /** What its `--format` takes. */
  readonly formats?: readonly string[];
  /** What its other fixed-value options take (see VALUES). */
  readonly choices?: Readonly<Record<string, readonly string[]>>;
}

function valuesOf(command: CommandSpec, option: string): readonly string[] | undefined {
  return option === 'format' ? command.formats : command.choices?.[option];
}

const COMMANDS: readonly CommandSpec[] = [
  { name: 'check', options: CHECK_OPTIONS, files: false, formats: CHECK_FORMATS },
  { name: 'lint', options: LINT_OPTIONS, files: true, formats: LINT_FORMATS, choices: { 'fail-on': FAIL_ON_LEVELS } },
  { name: 'summarize', options: SUMMARIZE_OPTIONS, files: true, formats: SUMMARIZE_FORMATS },
  // lsp takes a transport, not a parseArgs table (see lsp.ts).
  { name: 'lsp', options: { stdio: { type: 'boolean' }, 'node-ipc': { type: 'boolean' } }, files: false },
  { name: 'completion', options: {}, files: false, words: SHELLS },
];
const TOP_WORDS = [...COMMANDS.map((c) => c.name), '--help', '--version'];

export function runCompletion(args: readonly string[], io: Io): number {
  const [shell, ...extra] = args;
  if (!SHELLS.includes(shell as Shell) || extra.length > 0) throw new UsageError(`completion needs one shell: ${SHELLS.slice(0, -1).join(', ')} or ${SHELLS.at(-1)}`);
  io.stdout.write(completionScript(shell as Shell));
  return 0;
}

/** The words for a command's options: `--name`, `-s`, and `--no-name` for switches (parseArgs allowNegative) that are not negations already (`--no-config`). */
function optionWords(command: CommandSpec): string[] {
  const words: string[] = [];
  for (const [name, spec] of Object.entries(command.options)) {
    if (NOT_OFFERED.has(name)) continue;
    words.push(`--${name}`);
    if (spec.type === 'boolean' && name !== 'help' && !name.startsWith('no-') && command.name !== 'lsp') words.push(`--no-${name}`);
  }
  return words;
}

/** Options that take a value: after them, offer the value (a fixed set, or nothing). */
function valueOptions(command: CommandSpec): string[] {
  return Object.entries(command.options)
    .filter(([name, spec]) => spec.type === 'string' && !NOT_OFFERED.has(name))
    .flatMap(([name, spec]) => [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])]);
}

export function completionScript(shell: Shell): string {
  if (shell === 'bash') return bashScript();
  if (shell === 'zsh') return zshScript();
  return fishScript();
}

/** `--name` and its short form, as spelled on a command line. */
function spellings(name: string): string[] {
  const short = COMMANDS.flatMap((c) => Object.entries(c.options)).find(([n]) => n === name)?.[1].short;
  return short ? [`--${name}`, `-${short}`] : [`--${name}`];
}

function bashScript(): string {
  const commandCases = COMMANDS.map(
    (c) => `    ${c.name}) opts=${quote(optionWords(c).join(' '))}; words=${quote((c.words ?? []).join(' '))}; files=${c.files ? 1 : 0} ;;`,
  ).join('\n');
  const perCommand = (name: string) =>
    COMMANDS.filter((c) => valuesOf(c, name))
      .map((c) => `${c.name}) w=${quote(valuesOf(c, name)!.join(' '))} ;; `)
      .join('');
  const valueCases = Object.keys(VALUES)
    .map((name) => `    ${spellings(name).join('|')}) local w=''; case \${COMP_WORDS[1]} in ${perCommand(name)}esac; COMPREPLY=($(compgen -W "$w" -- "$cur")); return ;;`)
    .join('\n');
  const withChoices = new Set(Object.keys(VALUES).flatMap(spellings));
  const freeValues = [...new Set(COMMANDS.flatMap(valueOptions))].filter((o) => !withChoices.has(o));
  return `# mx-doctor bash completion: source <(mx-doctor completion bash)
_mx_doctor() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} opts='' words='' files=0
  COMPREPLY=()
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W ${quote(TOP_WORDS.join(' '))} -- "$cur"))
    return
  fi
  case $prev in
${valueCases}
${freeValues.length > 0 ? `    ${freeValues.join('|')}) return ;;` : ''}
  esac
  case \${COMP_WORDS[1]} in
${commandCases}
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ $files -eq 1 ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  fi
}
complete -F _mx_doctor mx-doctor
`;
}

function zshScript(): string {
  const commandCases = COMMANDS.map(
    (c) => `    ${c.name}) opts=(${optionWords(c).map(quote).join(' ')}); args=(${(c.words ?? []).map(quote).join(' ')}); files=${c.files ? 1 : 0} ;;`,
  ).join('\n');
  const perCommand = (name: string) =>
    COMMANDS.filter((c) => valuesOf(c, name))
      .map((c) => `${c.name}) compadd -- ${valuesOf(c, name)!.map(quote).join(' ')} ;; `)
      .join('');
  const valueCases = Object.keys(VALUES)
    .map((name) => `    ${spellings(name).join('|')}) case \${words[2]} in ${perCommand(name)}esac; return ;;`)
    .join('\n');
  return `#compdef mx-doctor
# mx-doctor zsh completion: source <(mx-doctor completion zsh)
_mx_doctor() {
  local -a opts args
  local files=0
  if (( CURRENT == 2 )); then
    compadd -- ${TOP_WORDS.map(quote).join(' ')}
    return
  fi
  case \${words[CURRENT-1]} in
${valueCases}
  esac
  case \${words[2]} in
${commandCases}
  esac
  if [[ $PREFIX == -* ]]; then
    compadd -- $opts
  elif (( files )); then
    _files
  else
    compadd -- $args
  fi
}
compdef _mx_doctor mx-doctor
`;
}

function fishScript(): string {
  const lines = ['# mx-doctor fish completion: mx-doctor completion fish | source', 'complete -c mx-doctor -f'];
  lines.push(`complete -c mx-doctor -n __fish_use_subcommand -a ${quote(COMMANDS.map((c) => c.name).join(' '))}`);
  for (const command of COMMANDS) {
    const when = `-n ${quote(`__fish_seen_subcommand_from ${command.name}`)}`;
    if (command.files) lines.push(`complete -c mx-doctor ${when} -F`);
    if (command.words) lines.push(`complete -c mx-doctor ${when} -a ${quote(command.words.join(' '))}`);
    for (const [name, spec] of Object.entries(command.options)) {
      if (NOT_OFFERED.has(name)) continue;
      const short = spec.short ? ` -s ${spec.short}` : '';
      const values = valuesOf(command, name);
      const takes = spec.type === 'string' ? (values ? ` -x -a ${quote(values.join(' '))}` : ' -r') : '';
      lines.push(`complete -c mx-doctor ${when} -l ${name}${short}${takes}`);
      if (spec.type === 'boolean' && name !== 'help' && !name.startsWith('no-') && command.name !== 'lsp') lines.push(`complete -c mx-doctor ${when} -l no-${name}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Single-quoted for a POSIX shell (and fish): the words are ours, but quoted all the same. */
function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
