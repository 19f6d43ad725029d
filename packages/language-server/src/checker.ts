/**
 * Runs the checks for open documents and publishes diagnostics. One unit per zone file or
 * Terraform module. Edits are debounced (the first edit after a pause runs at once, a burst is
 * coalesced into one run 150 ms after its last keystroke); every run carries a generation number
 * and publishes only if no newer edit came in meanwhile. Offline findings are published first;
 * live ones (targets outside the zone, trusted workspaces only) follow when their lookups finish.
 * Before publishing, the files' suppression comments and the project's `.mx-doctor.json` (the
 * nearest above the document, re-read when it changes) apply, as in `mx-doctor lint`.
 */
import { dirname, isAbsolute } from 'node:path';
import { MAX_LIVE_TARGETS, SetCheckCache, checkFile, filterFileFindings, liveRRsetsOf, liveTargetNames, mailOwners, type FileCheck, type Finding, type LiveZone, type PolicyFetch, type ReadResult, type TargetFacts } from '@mx-doctor/core';
import { NO_PROJECT_CONFIG, ProjectConfigCache, type ProjectConfig } from '@mx-doctor/node-files';
import type { TerraformReader } from '@mx-doctor/terraform';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseTerraform, analyseZone, unitKey, type Analysis } from './analysis.js';
import { diagnosticsByUri } from './diagnostics.js';
import { IdleCollector } from './idle-collector.js';
import { documentKind, fileOfUri, type DocumentKind } from './documents.js';
import type { LiveTargets } from './live-cache.js';
import type { Settings } from './settings.js';
import type { SmtpProbes } from './smtp.js';

export const DEBOUNCE_MS = 150;

/** What the last run of a unit left: for hover and quick fixes. */
export interface UnitView {
  readonly analysis: Analysis;
  readonly read: ReadResult;
  readonly check: FileCheck;
  readonly findings: readonly Finding[];
  readonly liveTargets: ReadonlyMap<string, TargetFacts> | undefined;
  /** What the zone's name servers serve now (live checks on, a zone file with an origin). */
  readonly liveZone?: LiveZone | undefined;
  /** The MTA-STS policy each MX owner's domain publishes now (live checks on). */
  readonly livePolicies?: ReadonlyMap<string, PolicyFetch> | undefined;
}

interface Unit {
  generation: number;
  kind: DocumentKind;
  trigger: string;
  timer: NodeJS.Timeout | undefined;
  lastEdit: number;
  view: UnitView | undefined;
  /** The live MTA-STS policies fetched for one analysis of the unit. */
  policies?: { analysis: Analysis; policies: ReadonlyMap<string, PolicyFetch> };
  /** Set-check results from the last run, so an edit re-checks only the RRsets it touched. */
  readonly cache: SetCheckCache;
  published: Set<string>;
}

export interface CheckerDeps {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly settings: () => Settings;
  /** Resolves once the client's settings are in. */
  readonly ready: () => Promise<unknown>;
  readonly trusted: () => boolean;
  readonly live: LiveTargets;
  readonly smtp: SmtpProbes;
  readonly terraformReader: () => Promise<TerraformReader>;
  /** The workspace folders (paths): where `$INCLUDE` may read. */
  readonly workspaceFolders?: () => readonly string[];
}

export class Checker {
  private readonly units = new Map<string, Unit>();
  private readonly idle = new IdleCollector();
  /** Resolves when no run is pending or in progress (tests, benchmarks). */
  private running = 0;
  private readonly configs = new ProjectConfigCache();
  /** Per open document: how many external targets the log was last told were left out. */
  private readonly toldSkipped = new Map<string, number>();

  constructor(private readonly deps: CheckerDeps) {}

  kindOf(document: TextDocument): DocumentKind | undefined {
    const patterns = this.deps.settings().zoneFilePatterns;
    const extra = this.projectConfigOf(fileOfUri(document.uri)).zoneFiles;
    return documentKind({ uri: document.uri, languageId: document.languageId, text: document.getText() }, extra.length === 0 ? patterns : [...patterns, ...extra]);
  }

  /**
   * The `.mx-doctor.json` that applies to `file` (none for a document that is not a file). Each
   * call checks the file's modification time, so an edit to it applies at the next analysis; its
   * mistakes go to the client's log once per version of the file.
   */
  projectConfigOf(file: string): ProjectConfig {
    if (!isAbsolute(file)) return NO_PROJECT_CONFIG;
    const loaded = this.configs.forDirectory(dirname(file));
    if (loaded.fresh) for (const problem of loaded.problems) this.deps.connection.console.warn(`mx-doctor: ${problem}`);
    return loaded.config;
  }

  /** A document was opened or changed (or settings/trust changed: `reason` 'refresh'). */
  schedule(uri: string, reason: 'open' | 'change' | 'refresh'): void {
    const document = this.deps.documents.get(uri);
    if (!document) return;
    const kind = this.kindOf(document);
    // Units that $INCLUDE this document (or share its module) see the edit too.
    for (const [key, unit] of this.units) {
      if (unit.view?.analysis.uris.includes(uri) && key !== (kind && unitKey(kind, uri))) this.start(key, unit, reason);
    }
    if (!kind) return;
    const key = unitKey(kind, uri);
    let unit = this.units.get(key);
    if (!unit) {
      unit = { generation: 0, kind, trigger: uri, timer: undefined, lastEdit: 0, view: undefined, published: new Set(), cache: new SetCheckCache() };
      this.units.set(key, unit);
    }
    unit.trigger = uri;
    this.start(key, unit, reason);
  }

  private start(key: string, unit: Unit, reason: 'open' | 'change' | 'refresh'): void {
    this.idle.busy();
    const generation = ++unit.generation;
    if (unit.timer) clearTimeout(unit.timer);
    const now = Date.now();
    const burst = reason === 'change' && now - unit.lastEdit < DEBOUNCE_MS;
    if (reason === 'change') unit.lastEdit = now;
    unit.timer = setTimeout(() => {
      unit.timer = undefined;
      this.running++;
      this.run(key, unit, generation)
        .catch((error: unknown) => this.deps.connection.console.error(`mx-doctor: checking failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
        .finally(() => this.running--);
    }, burst ? DEBOUNCE_MS : 0);
  }

  /** A document was closed: drop its unit (or re-run its module without it). */
  close(uri: string): void {
    this.toldSkipped.delete(uri);
    for (const [key, unit] of this.units) {
      if (unit.trigger !== uri) continue;
      const other = this.deps.documents.all().find((doc) => doc.uri !== uri && unitKey(unit.kind, doc.uri) === key && this.kindOf(doc) === unit.kind);
      if (other) {
        unit.trigger = other.uri;
        this.start(key, unit, 'refresh');
        continue;
      }
      unit.generation++;
      if (unit.timer) clearTimeout(unit.timer);
      for (const published of unit.published) void this.deps.connection.sendDiagnostics({ uri: published, diagnostics: [] });
      this.units.delete(key);
    }
  }

  /** Re-check every open document (settings or trust changed). */
  refreshAll(): void {
    for (const document of this.deps.documents.all()) this.schedule(document.uri, 'refresh');
  }

  /** The last results covering a document, if any. */
  viewFor(uri: string): UnitView | undefined {
    for (const unit of this.units.values()) if (unit.trigger === uri && unit.view) return unit.view;
    for (const unit of this.units.values()) if (unit.view?.analysis.uris.includes(uri)) return unit.view;
    return undefined;
  }

  private async run(key: string, unit: Unit, generation: number): Promise<void> {
    const current = () => unit.generation === generation && this.units.get(key) === unit;
    await this.deps.ready();
    const document = this.deps.documents.get(unit.trigger);
    if (!document || !current()) return;
    const openText = (file: string) => this.openDocumentByFile(file)?.getText();
    let analysis: Analysis;
    if (unit.kind === 'zone') {
      analysis = analyseZone(document.uri, document.getText(), openText, this.deps.workspaceFolders?.() ?? []);
    } else {
      const reader = await this.deps.terraformReader();
      if (!current()) return;
      const dir = document.uri.startsWith('file:') ? dirname(fileOfUri(document.uri)) : undefined;
      const openTf = this.deps.documents
        .all()
        .filter((doc) => doc.uri !== document.uri && doc.uri.startsWith('file:') && dirname(fileOfUri(doc.uri)) === dir && this.kindOf(doc) === 'terraform')
        .map((doc) => fileOfUri(doc.uri));
      analysis = analyseTerraform(document.uri, document.getText(), openText, reader, openTf);
    }

    const settings = withProjectResolvers(this.deps.settings(), this.projectConfigOf(fileOfUri(document.uri)));
    const liveWanted = settings.liveChecks && this.deps.trusted();
    // One offline pass also tells which targets need live lookups.
    const offline = checkFile(analysis.read, { cache: unit.cache });
    // At most MAX_LIVE_TARGETS live target lookups per file, as `lint --live` (said once per file and count).
    const { asked: names, skipped } = liveTargetNames(liveWanted ? offline.external : []);
    if (skipped > 0 && this.toldSkipped.get(document.uri) !== skipped) {
      this.toldSkipped.set(document.uri, skipped);
      this.deps.connection.console.info(`mx-doctor: ${fileOfUri(document.uri)}: live checks looked up the first ${MAX_LIVE_TARGETS} MX targets outside the file's zone; ${skipped} more get the file's own checks only`);
    }
    // Facts already known (and fresh) go into the first publication, so live diagnostics do not
    // flicker away and back on every keystroke.
    const known = liveWanted ? this.deps.live.knownNow(names) : new Map<string, TargetFacts>();
    this.publish(unit, analysis, known.size > 0 ? known : undefined, [], known.size > 0 ? undefined : offline);
    // Beside the targets: the zone's own name servers (hover "live on N of M", file-differs-from-live).
    if (liveWanted && unit.kind === 'zone') void this.liveZone(unit, analysis, settings, current);
    // And the MTA-STS policy of each domain the file writes MX records for (mta-sts-mx-mismatch).
    if (liveWanted) void this.livePolicies(unit, analysis, settings, current);
    if (names.length === 0 || known.size === names.length) {
      if (liveWanted && settings.smtpProbe && known.size > 0) await this.probe(unit, analysis, known, current);
      return;
    }

    const liveTargets = await this.deps.live.lookup(names, settings);
    if (!current()) return;
    this.publish(unit, analysis, liveTargets, []);
    if (settings.smtpProbe) await this.probe(unit, analysis, liveTargets, current);
  }

  /** The name servers of a zone file's zone, asked what they serve at its mail owners: hover and file-differs-from-live. */
  private async liveZone(unit: Unit, analysis: Analysis, settings: Settings, current: () => boolean): Promise<void> {
    const zone = analysis.read.origin;
    if (zone === undefined || zone === '') return;
    const owners = mailOwners(analysis.read).filter((owner) => owner === zone || owner.endsWith(`.${zone}`));
    if (owners.length === 0) return;
    const live = await this.deps.live.liveZone(zone, owners, settings);
    if (!current() || live === undefined || unit.view === undefined) return;
    this.publish(unit, analysis, unit.view.liveTargets, [], undefined, live);
  }

  /** The live MTA-STS policies of the file's MX owners (at most 16), then the diagnostics again. */
  private async livePolicies(unit: Unit, analysis: Analysis, settings: Settings, current: () => boolean): Promise<void> {
    const owners = mailOwners(analysis.read).filter((owner) => owner !== '').slice(0, 16);
    const fetched = await Promise.all(owners.map(async (owner) => [owner, await this.deps.live.livePolicy(owner, settings)] as const));
    const policies = new Map(fetched.flatMap(([owner, policy]) => (policy === undefined ? [] : [[owner, policy] as const])));
    if (!current() || policies.size === 0 || unit.view === undefined) return;
    unit.policies = { analysis, policies };
    this.publish(unit, analysis, unit.view.liveTargets, []);
  }

  private async probe(unit: Unit, analysis: Analysis, liveTargets: ReadonlyMap<string, TargetFacts>, current: () => boolean): Promise<void> {
    const check = unit.view!.check;
    const extra = await this.deps.smtp.findings(check, liveTargets, { port: this.deps.settings().smtpPort });
    if (!current() || extra.length === 0) return;
    this.publish(unit, analysis, liveTargets, extra);
  }

  private publish(
    unit: Unit,
    analysis: Analysis,
    liveTargets: ReadonlyMap<string, TargetFacts> | undefined,
    extra: readonly Finding[],
    offline?: FileCheck,
    liveZone: LiveZone | undefined = unit.view?.analysis === analysis ? unit.view.liveZone : undefined,
  ): void {
    const livePolicies = unit.policies?.analysis === analysis ? unit.policies.policies : undefined;
    const check = offline ?? checkFile(analysis.read, { cache: unit.cache, ...(liveTargets && { liveTargets }), ...(liveZone && { liveZone: liveRRsetsOf(liveZone) }), ...(livePolicies && { livePolicies }) });
    // Suppression comments and the project's rule settings, as `mx-doctor lint` applies them.
    const findings = filterFileFindings([...check.findings, ...extra], {
      files: analysis.texts.keys(),
      textOf: (file) => this.openDocumentByFile(file)?.getText() ?? analysis.texts.get(file),
      syntaxOf: () => analysis.kind,
      rulesOf: (file) => this.projectConfigOf(file ?? fileOfUri(unit.trigger)).rules,
      liveChecksRan: liveTargets !== undefined,
    });
    unit.view = { analysis, read: analysis.read, check, findings, liveTargets, ...(liveZone && { liveZone }), ...(livePolicies && { livePolicies }) };
    const byUri = diagnosticsByUri(findings, analysis.read, check, analysis.uris);
    for (const uri of unit.published) if (!byUri.has(uri)) byUri.set(uri, []);
    unit.published = new Set([...byUri].filter(([, list]) => list.length > 0).map(([uri]) => uri));
    for (const [uri, diagnostics] of byUri) {
      const open = this.deps.documents.get(uri);
      void this.deps.connection.sendDiagnostics({ uri, ...(open && { version: open.version }), diagnostics });
    }
    this.idle.analysed(this.deps.documents.get(unit.trigger)?.getText().length ?? 0);
  }

  private openDocumentByFile(file: string): TextDocument | undefined {
    return this.deps.documents.all().find((doc) => fileOfUri(doc.uri) === file);
  }
}

/** The settings with the project's resolvers when the editor names none (`mxDoctor.resolvers` empty). */
function withProjectResolvers(settings: Settings, config: ProjectConfig): Settings {
  return settings.resolvers.length === 0 && config.resolvers.length > 0 ? { ...settings, resolvers: config.resolvers } : settings;
}
