/**
 * One resource block → its `FileRecord`s, driven by the provider table: find the type, the zone,
 * the owner, the TTL and the data where that provider keeps them, and cut MX data into
 * `[preference, exchange]` with exact ranges. Unevaluable MX targets are reported here
 * (`mx-target-unresolved-expression`), since only the reader knows the expression.
 */
import { appendAll, finding, mxTargetUnresolvedExpressionCheck, type Field, type FileRecord, type Finding } from '@mx-doctor/core';
import type { Node } from 'web-tree-sitter';
import { short, type Evaluator } from './evaluator.js';
import type { ResourceBlock } from './module-scope.js';
import type { Loc, Positions } from './positions.js';
import type { DataShape, ProviderSpec } from './providers.js';
import { RECORD_TYPES } from './providers.js';
import { charsField, valueField, type BuiltField } from './record-fields.js';
import { nestedBlocks, type BlockInfo } from './syntax-tree.js';
import { txtStrings } from './txt-strings.js';
import { knownText, splitWords, trimChars, type Value } from './values.js';
import { googleZoneByName, normalizeDnsName } from './zone-resources.js';

export interface ExtractContext {
  /** Evaluates values (locals, variables, zone names through references). */
  readonly values: Evaluator;
  /** Evaluates zone arguments (a reference to any zone attribute stands for the zone). */
  readonly zones: Evaluator;
  readonly positions: Positions;
}

/** One record's data as written, before it is cut into fields. */
interface DataItem {
  readonly value: Value;
  /** The string or block that holds the record. */
  readonly holder: Loc;
  /** A separate preference (`priority = 10`, Azure `preference`), when the provider has one. */
  readonly preference?: Value;
  /** The provider keeps the preference apart, so the string is the target alone. */
  readonly separatePreference: boolean;
  /** NS1 `answer_parts`: the fields are already split. */
  readonly parts?: readonly Value[];
}

function loc(file: string, node: Node): Loc {
  return { file, start: node.startIndex, end: node.endIndex };
}

export function extractRecords(
  resource: ResourceBlock,
  spec: ProviderSpec,
  context: ExtractContext,
): { records: FileRecord[]; findings: Finding[] } {
  const { block, file } = resource;
  const { values, positions } = context;
  const evaluate = (node: Node): Value => values.evaluate(node, file);

  // Type
  let type: string | undefined;
  let typeRange;
  if ('fixed' in spec.type) type = spec.type.fixed;
  else {
    const node = block.attributes.get(spec.type.attribute);
    const value = node ? evaluate(node) : undefined;
    type = value?.kind === 'string' ? knownText(value)?.trim().toUpperCase() : undefined;
    if (node) typeRange = positions.range(loc(file, node));
  }
  if (type === undefined || !RECORD_TYPES.has(type)) return { records: [], findings: [] };

  // Zone and owner
  const origin = zoneOf(resource, spec, context);
  const nameNode = spec.name ? block.attributes.get(spec.name) : undefined;
  let owner: string;
  if (nameNode === undefined) owner = origin ?? '@';
  else {
    const value = evaluate(nameNode);
    const text = value.kind === 'string' ? knownText(value) : undefined;
    owner =
      text === undefined ? nameNode.text.trim().toLowerCase() : ownerName(text, origin, spec.nameIsAbsolute === true);
  }
  const ownerRange = nameNode ? positions.range(loc(file, nameNode)) : undefined;

  // TTL
  let ttl: number | undefined;
  let ttlRange;
  const ttlNode = spec.ttl ? block.attributes.get(spec.ttl) : undefined;
  if (ttlNode) {
    const value = evaluate(ttlNode);
    const number = value.kind === 'number' ? value.value : value.kind === 'string' ? Number(knownText(value)) : NaN;
    const automatic = spec.ttlOneIsAutomatic === true && number === 1;
    if (Number.isInteger(number) && number >= 0 && !automatic) {
      ttl = number;
      ttlRange = positions.range(loc(file, ttlNode));
    }
  }

  const records: FileRecord[] = [];
  const findings: Finding[] = [];
  for (const item of dataItems(block, spec.data, file, values)) {
    const built = type === 'MX' ? mxFields(item, positions) : otherFields(item, type, spec, positions);
    const rdata = built.map((b) => b.field);
    records.push({
      source: 'terraform',
      file,
      owner,
      type,
      ...(ttl !== undefined && { ttl }),
      rdata,
      range: positions.range(item.holder),
      ...(ownerRange && { ownerRange }),
      ...(typeRange && { typeRange }),
      ...(ttlRange && { ttlRange }),
      ...(origin !== undefined && { origin }),
      terraform: {
        resourceType: spec.resourceType,
        resourceName: resource.name,
        targetNeedsTrailingDot: spec.targetNeedsTrailingDot,
      },
    });
    const target = type === 'MX' ? built[built.length - 1] : undefined;
    if (target?.field.unresolved && built.length >= 2) {
      findings.push(unresolvedTarget(target, owner, `${spec.resourceType}.${resource.name}`));
    }
  }
  return { records, findings };
}

/** Combines a record name with its zone (`@` and `""` are the apex; a name ending in the zone is absolute). */
export function ownerName(name: string, zone: string | undefined, absolute: boolean): string {
  const written = name.trim().toLowerCase();
  if (absolute || (written.endsWith('.') && written !== '.')) return normalizeDnsName(written);
  if (zone === undefined) return written === '' ? '@' : normalizeDnsName(written);
  if (written === '' || written === '@') return zone;
  const relative = normalizeDnsName(written);
  if (relative === zone || relative.endsWith(`.${zone}`)) return relative;
  return `${relative}.${zone}`;
}

function zoneOf(resource: ResourceBlock, spec: ProviderSpec, context: ExtractContext): string | undefined {
  for (const argument of spec.zone) {
    const node = resource.block.attributes.get(argument.attribute);
    if (!node) continue;
    let value = context.zones.evaluate(node, resource.file);
    if (value.kind !== 'string') continue;
    if (argument.kind === 'google' && !value.zone) {
      const managedZone = knownText(value);
      const found = managedZone === undefined ? undefined : googleZoneByName(context.values, managedZone);
      if (found?.kind !== 'string') continue;
      value = found;
    } else if (argument.kind === 'id' && !value.zone) continue;
    const text = knownText(value);
    if (text !== undefined && text.trim() !== '') return normalizeDnsName(text);
  }
  return undefined;
}

function dataItems(block: BlockInfo, shape: DataShape, file: string, values: Evaluator): DataItem[] {
  const items: DataItem[] = [];
  switch (shape.shape) {
    case 'list': {
      const holders: BlockInfo[] = [block];
      for (const path of shape.nested ?? []) {
        let level: BlockInfo[] = [block];
        for (const name of path) level = level.flatMap((b) => nestedBlocks(b, name));
        appendAll(holders, level);
      }
      for (const holder of holders) {
        for (const attribute of shape.attributes) {
          const node = holder.attributes.get(attribute);
          if (!node) continue;
          const value = values.evaluate(node, file);
          const elements = value.kind === 'tuple' ? value.items : [value];
          for (const element of elements) {
            if (element.kind !== 'null') items.push({ value: element, holder: element.loc, separatePreference: false });
          }
        }
      }
      break;
    }
    case 'single': {
      const node = shape.attributes.map((a) => block.attributes.get(a)).find((n) => n !== undefined);
      if (!node) break;
      const value = values.evaluate(node, file);
      const priority = shape.priority ? block.attributes.get(shape.priority) : undefined;
      items.push({
        value,
        holder: value.loc,
        separatePreference: shape.priority !== undefined,
        ...(priority && { preference: values.evaluate(priority, file) }),
      });
      break;
    }
    case 'blocks':
      for (const inner of nestedBlocks(block, shape.block)) {
        const holder = loc(file, inner.node);
        const valueNode = inner.attributes.get(shape.value);
        const partsNode = shape.parts ? inner.attributes.get(shape.parts) : undefined;
        const preference = shape.preference ? inner.attributes.get(shape.preference) : undefined;
        const base = {
          holder,
          separatePreference: shape.preference !== undefined,
          ...(preference && { preference: values.evaluate(preference, file) }),
        };
        if (valueNode) items.push({ ...base, value: values.evaluate(valueNode, file) });
        else if (partsNode) {
          const parts = values.evaluate(partsNode, file);
          items.push({ ...base, value: parts, ...(parts.kind === 'tuple' && { parts: parts.items }) });
        }
      }
      break;
  }
  return items;
}

/** MX: `[preference, exchange]`, cut from one string or taken from two attributes. */
function mxFields(item: DataItem, positions: Positions): BuiltField[] {
  const { value } = item;
  if (item.parts) return item.parts.map((part) => valueField(part, positions));
  if (item.separatePreference) {
    const target =
      value.kind === 'string' ? charsField(trimChars(value.chars), value.loc, positions) : valueField(value, positions);
    return item.preference ? [valueField(item.preference, positions), target] : [target];
  }
  if (value.kind !== 'string') {
    // `records = [each.value]`: both halves unknown; the record still counts, with its range.
    const whole = valueField(value, positions);
    return value.kind === 'unknown' ? [whole, whole] : [whole];
  }
  const words = splitWords(value.chars);
  const only = words[0];
  if (words.length === 1 && only?.length === 1 && only[0]?.unknown) {
    const whole = charsField(only, value.loc, positions);
    return [whole, whole];
  }
  return words.map((word) => charsField(word, value.loc, positions));
}

function otherFields(item: DataItem, type: string, spec: ProviderSpec, positions: Positions): BuiltField[] {
  const { value } = item;
  if (item.parts) return item.parts.map((part) => valueField(part, positions));
  if (value.kind !== 'string') return [valueField(value, positions)];
  if (type === 'TXT') return txtStrings(value.chars, spec.txt).map((chars) => charsField(chars, value.loc, positions));
  return [charsField(trimChars(value.chars), value.loc, positions)];
}

function unresolvedTarget(target: BuiltField, owner: string, address: string): Finding {
  const field: Field = target.field;
  const reason = target.unknowns[0]?.reason ?? 'it is known only when Terraform runs';
  return finding(mxTargetUnresolvedExpressionCheck, {
    message: `The MX target \`${short(field.text)}\` cannot be evaluated statically: ${reason}. Live checks skip it.`,
    subject: owner,
    evidence: `${address}: ${field.text}`,
    fix: 'Write the target as a literal (or a local with a literal value) so it can be checked before apply.',
    range: field.range,
  });
}
