/** `mx-doctor lint`: the file checks over zone files and Terraform, offline unless `--live`. */
import { statSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import {
  checkFile,
  escapeControls,
  filterFileFindings,
  gatherLivePolicy,
  gatherLiveZone,
  liveRRsetsOf,
  lookupExternalTargets,
  MAX_LIVE_TARGETS,
  mailOwners,
  plainFinding,
  readZone,
  sortFindings,
  tableOf,
  type AuthoritativeQuerier,
  type Finding,
  type PolicyFetch,
  type ReadResult,
  type Resolver,
} from '@mx-doctor/core';
import { authoritativeQuerier, createLiveResolver, fetchMtaStsPolicy, findZoneAndTerraformFiles, kindOfNamedFile, readIncludeFile, readTextFile, type FoundFile } from '@mx-doctor/node-files';
import { parseArgs } from 'node:util';
import { colourWanted, painter } from '../color.js';
import { installSuffixList } from '../suffix-list.js';
import { COMMON_OPTIONS, LINT_FORMATS, commonSettings, shownFindings, tooManyWarnings, usageErrors } from './common-options.js';
import { failsOn, parseFailOn } from './fail-on.js';
import { CONFIG_OPTIONS, RunConfig, zoneFilePatternsOf } from '../project-config.js';
import type { Io } from '../io.js';
import { writeJsonArray } from '../render/json-array.js';
import { renderLintText } from '../render/lint-text.js';
import { renderCodeQuality } from '../render/gitlab-code-quality.js';
import { reportPaths } from '../render/report-paths.js';
import { renderSarif } from '../render/sarif.js';
import { USAGE, UsageError } from '../usage.js';
import { cliVersion } from '../version.js';

export async function runLint(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseLintArgs(args);
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('lint needs at least one file or directory');
  const { format, urls, timeoutMs, quiet, maxWarnings } = commonSettings(values, LINT_FORMATS);
  const failOn = parseFailOn(values['fail-on']);
  installSuffixList();
  // Passed as written: the reader reads `.` as the root zone (stripping its dot would leave no origin).
  const origin = values.origin;
  // Each file's project settings: the nearest .mx-doctor.json above it (or --config, --no-config).
  const configs = RunConfig.fromOptions(values, io);

  let unreadable = 0;
  const files: FoundFile[] = [];
  // Files named outright may be pipes (`<(zcat db.gz)`); a directory search finds regular files only.
  const named = new Set<string>();
  for (const arg of positionals) {
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      io.stderr.write(`mx-doctor: cannot read ${escapeControls(arg)}: no such file or directory\n`);
      unreadable++;
      continue;
    }
    if (stat.isDirectory()) findZoneAndTerraformFiles(arg, files, zoneFilePatternsOf(configs.forDirectory(arg)));
    else {
      files.push({ path: arg, kind: kindOfNamedFile(arg) });
      named.add(arg);
    }
  }

  const texts = new Map<string, string>();
  const readText = (path: string): string | undefined => {
    if (texts.has(path)) return texts.get(path);
    // Capped (64 MiB) and checked before reading: a huge file is refused, not read into memory.
    const read = readTextFile(path, { streams: named.has(path) });
    if ('error' in read) {
      io.stderr.write(`mx-doctor: cannot read ${escapeControls(path)}: ${escapeControls(read.error)}\n`);
      unreadable++;
      return undefined;
    }
    texts.set(path, read.text);
    return read.text;
  };

  const reads: ReadResult[] = [];
  // The folder whose project settings apply to each read: its zone file's, its module's.
  const folderOf = new Map<ReadResult, string>();
  // $INCLUDEd files' texts as the reader read them, by the name its findings give (their suppression comments).
  const includedTexts = new Map<string, string>();
  for (const file of files.filter((f) => f.kind === 'zone')) {
    const text = readText(file.path);
    if (text === undefined) continue;
    const read = readZone(text, {
      file: file.path,
      ...(origin !== undefined && { origin }),
      // Beside the including file, and only regular files inside the zone's folder (see node-files).
      readInclude: (path, fromFile) => {
        const included = readIncludeFile(path, fromFile, { roots: [dirname(file.path)], rootsName: "the zone's folder", fileName: (full) => relative(process.cwd(), full) || full });
        if ('text' in included) includedTexts.set(included.file, included.text);
        return included;
      },
    });
    reads.push(read);
    folderOf.set(read, dirname(file.path));
  }
  const terraformFiles = files.filter((f) => f.kind === 'terraform');
  if (terraformFiles.length > 0) {
    // Loaded only when there is Terraform to read: the parser's wasm is the costly part of start-up.
    const { createTerraformReader } = await import('@mx-doctor/terraform');
    const reader = await createTerraformReader();
    // One Terraform module is one directory: locals, variables and zones are shared across its files.
    const byDir = new Map<string, { text: string; file: string }[]>();
    for (const file of terraformFiles) {
      const text = readText(file.path);
      if (text === undefined) continue;
      const dir = dirname(file.path);
      const module = byDir.get(dir);
      if (module) module.push({ text, file: file.path });
      else byDir.set(dir, [{ text, file: file.path }]);
    }
    for (const [dir, module] of byDir) {
      const read = reader.readModule(module);
      reads.push(read);
      folderOf.set(read, dir);
    }
  }

  // With --live: the resolvers named by --resolver, else the file's project's, else the defaults.
  const resolvers = new Map<string, Resolver>();
  const resolverFor = (read: ReadResult): Resolver | undefined => {
    if (!values.live) return undefined;
    const chosen = urls.length > 0 ? urls : configs.forDirectory(folderOf.get(read) ?? process.cwd()).resolvers;
    const key = JSON.stringify(chosen);
    let resolver = resolvers.get(key);
    if (!resolver) resolvers.set(key, (resolver = createLiveResolver({ urls: chosen, timeoutMs }).resolver));
    return resolver;
  };
  // With --live, the zone's name servers are asked what they serve now (file-differs-from-live).
  const querier = values.live ? authoritativeQuerier({ timeoutMs }) : undefined;
  const checked: Finding[] = [];
  for (const read of reads) {
    const resolver = resolverFor(read);
    const external = resolver ? await lookupExternalTargets(read, resolver) : undefined;
    const liveTargets = external?.targets;
    if (external && external.skipped > 0) {
      io.stderr.write(`mx-doctor: --live looked up the first ${MAX_LIVE_TARGETS} MX targets outside the file's zone; ${external.skipped} more got the file's own checks only\n`);
    }
    const liveZone = resolver && querier ? await liveZoneOf(read, resolver, querier) : undefined;
    const livePolicies = resolver ? await livePoliciesOf(read, resolver) : undefined;
    // Findings only: each RRset is dropped once checked (see FileCheckOptions.keepMxSets).
    // A loop, not push(...): a spread of ~130,000 findings overflows the stack.
    for (const found of checkFile(read, { keepMxSets: false, ...(liveTargets && { liveTargets }), ...(liveZone && { liveZone }), ...(livePolicies && { livePolicies }) }).findings) checked.push(found);
  }
  // Suppression comments (and unused ones reported), then the project's rule settings.
  const findings = filterFileFindings(checked, {
    files: texts.keys(),
    // An $INCLUDEd file a finding sits in was read (and allowed) by the reader: its comments count too.
    textOf: (file) => texts.get(file) ?? includedTexts.get(file),
    rulesOf: (file) => configs.forDirectory(file === undefined ? process.cwd() : dirname(file)).rules,
    liveChecksRan: values.live === true,
  });
  const sorted = sortByPlace(findings);
  const shown = shownFindings(sorted, quiet);

  if (format === 'json') writeJsonArray(shown, plainFinding, (text) => io.stdout.write(text));
  else if (format === 'sarif') io.stdout.write(`${renderSarif(sortFindings(shown), { version: cliVersion(), files: { paths: reportPaths(), textOf: (file) => texts.get(file) } })}\n`);
  else if (format === 'gitlab') io.stdout.write(`${renderCodeQuality(shown, { paths: reportPaths(), textOf: (file) => texts.get(file) })}\n`);
  else io.stdout.write(renderLintText(shown, { files: files.length, readText, paint: painter(colourWanted(io.stdout, values.color)), showSource: io.stdout.isTTY === true, ...(quiet && { beforeQuiet: sorted }) }));

  if (files.length === 0 && unreadable === 0) io.stderr.write('mx-doctor: no zone or Terraform files found\n');
  const overLimit = tooManyWarnings(sorted, maxWarnings);
  if (overLimit) (format === 'text' ? io.stdout : io.stderr).write(overLimit);
  if (unreadable > 0 || files.length === 0) return 2;
  return overLimit || failsOn(sorted, failOn) ? 1 : 0;
}

/**
 * What the name servers of the file's zone serve now at the owners the file writes mail records
 * for: only for a zone the file is authoritative for (a zone file's origin; a Terraform module
 * whose records all lie in one zone).
 */
async function liveZoneOf(read: ReadResult, resolver: Resolver, querier: AuthoritativeQuerier) {
  const zone = read.origin ?? singleZoneOf(read);
  if (zone === undefined || zone === '') return undefined;
  const owners = mailOwners(read).filter((owner) => owner === zone || owner.endsWith(`.${zone}`));
  if (owners.length === 0) return undefined;
  const live = await gatherLiveZone(resolver, querier, zone, owners);
  return live && liveRRsetsOf(live);
}

/** MX owners whose live MTA-STS policy is fetched, at most (a file may name many domains). */
const MAX_POLICY_OWNERS = 16;

/** The MTA-STS policy each of the file's mail owners publishes now (mta-sts-mx-mismatch on the file's MX records). */
async function livePoliciesOf(read: ReadResult, resolver: Resolver): Promise<Map<string, PolicyFetch> | undefined> {
  const owners = mailOwners(read).filter((owner) => owner !== '').slice(0, MAX_POLICY_OWNERS);
  const fetcher = fetchMtaStsPolicy();
  const policies = new Map<string, PolicyFetch>();
  await Promise.all(
    owners.map(async (owner) => {
      const policy = await gatherLivePolicy(resolver, owner, fetcher);
      if (policy !== undefined) policies.set(owner, policy);
    }),
  );
  return policies.size > 0 ? policies : undefined;
}

function singleZoneOf(read: ReadResult): string | undefined {
  const table = tableOf(read);
  let zone: string | undefined;
  for (let i = 0; i < table.size; i++) {
    const origin = table.origin(i);
    if (origin === undefined || (zone !== undefined && origin !== zone)) return undefined;
    zone = origin;
  }
  return zone;
}

/** File order, then position: how a compiler lists problems. */
function sortByPlace(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const fa = a.range?.file ?? '';
    const fb = b.range?.file ?? '';
    if (fa !== fb) return fa.localeCompare(fb);
    return (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0) || (a.range?.start.character ?? 0) - (b.range?.start.character ?? 0) || a.id.localeCompare(b.id);
  });
}

/** The options of `lint` (also what `mx-doctor completion` offers). */
export const LINT_OPTIONS = { ...COMMON_OPTIONS, ...CONFIG_OPTIONS, origin: { type: 'string' }, live: { type: 'boolean' }, 'fail-on': { type: 'string' } } as const;

function parseLintArgs(args: readonly string[]) {
  return usageErrors(() => parseArgs({ args: [...args], allowPositionals: true, allowNegative: true, options: LINT_OPTIONS }));
}
