/**
 * What one Terraform module (a directory of .tf files) declares, gathered across its files:
 * `locals`, `variable` defaults, resources and data sources. Terraform merges a directory's files
 * into one namespace, so a record in `mail.tf` may use a local from `locals.tf` and a zone from
 * `zones.tf`.
 */
import type { Node } from 'web-tree-sitter';
import type { BlockInfo } from './syntax-tree.js';

export interface Declared<T> {
  readonly file: string;
  readonly value: T;
}

export interface ResourceBlock {
  readonly file: string;
  readonly block: BlockInfo;
  /** `aws_route53_record` */
  readonly type: string;
  /** The second label: `mx` in `resource "aws_route53_record" "mx"`. */
  readonly name: string;
}

export interface ParsedFile {
  readonly file: string;
  readonly text: string;
  /** The file's top-level blocks. */
  readonly blocks: readonly BlockInfo[];
}

export class ModuleScope {
  readonly locals = new Map<string, Declared<Node>>();
  /** Variable name → its `default` expression (undefined when it has none). */
  readonly variables = new Map<string, Declared<Node | undefined>>();
  /** `type.name` → resource. */
  readonly resources = new Map<string, ResourceBlock>();
  /** `type.name` → data source. */
  readonly dataSources = new Map<string, ResourceBlock>();
  /** Resources in file order, for extraction. */
  readonly resourceList: ResourceBlock[] = [];
  private readonly texts = new Map<string, string>();

  constructor(files: readonly ParsedFile[]) {
    for (const { file, text, blocks } of files) {
      this.texts.set(file, text);
      for (const block of blocks) this.add(file, block);
    }
  }

  /** The source text of a file of the module. */
  text(file: string): string {
    return this.texts.get(file) ?? '';
  }

  private add(file: string, block: BlockInfo): void {
    const [first, second] = block.labels;
    switch (block.type) {
      case 'locals':
        for (const [name, expression] of block.attributes) {
          if (!this.locals.has(name)) this.locals.set(name, { file, value: expression });
        }
        break;
      case 'variable':
        if (first !== undefined && !this.variables.has(first)) {
          this.variables.set(first, { file, value: block.attributes.get('default') });
        }
        break;
      case 'resource':
      case 'data': {
        if (first === undefined || second === undefined) break;
        const resource: ResourceBlock = { file, block, type: first, name: second };
        const map = block.type === 'resource' ? this.resources : this.dataSources;
        const key = `${first}.${second}`;
        if (!map.has(key)) map.set(key, resource);
        if (block.type === 'resource') this.resourceList.push(resource);
        break;
      }
      default:
        break;
    }
  }
}
