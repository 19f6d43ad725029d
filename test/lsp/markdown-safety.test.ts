/**
 * Markdown from the language server (hovers) and the VS Code report built from its
 * `mxDoctor.checkDomain` answer, for DNS data that is Markdown and HTML (issue #13): MX names
 * `[x](http://evil)`, `<img src=x onerror=alert(1)>` and a backtick run, an SPF record with a link,
 * an image, an autolink and a tag. Rendered with markdown-it (VS Code's engine) with raw HTML and
 * linkify on, nothing of it may become a link, an image or a tag.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { loadReportMarkdown, renderMarkdown } from '../vscode/extension-paths.js';
import { lsp, startLsp, type LspSession } from './lsp-client.js';

const DOMAIN = 'markdown-injection.broken.test';
const MARKUP = /<a[\s>]|<img|<b>|<script/i;

// The fixture domain's data as a zone file (the same escapes as test/dns/zones/generate.ts).
const ZONE = [
  `$ORIGIN ${DOMAIN}.`,
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300',
  '@ IN NS ns1',
  'ns1 IN A 185.101.132.53',
  '@ IN MX 10 mx1',
  '@ IN MX 30 [x]\\(http://evil\\)',
  '@ IN MX 40 <img\\032src=x\\032onerror=alert\\(1\\)>',
  '@ IN MX 50 \\`\\`<b>code</b>\\`',
  'mx1 IN A 185.101.132.10',
  '@ IN TXT "v=spf1 ip4:185.101.132.0/24 [x](http://evil) ![i](http://evil/i.png) <http://evil.example> <b>b</b> `x` -all"',
  '_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:[x](http://evil)"',
  '',
].join('\n');

let session: LspSession | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

async function hoverText(uri: string, line: number, character: number): Promise<string> {
  const result = await session!.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
}

describe('Markdown built from hostile DNS data', () => {
  it('hovers of MX, SPF and DMARC records render no link, image or tag', async () => {
    session = await startLsp({ settings: { resolvers: [inject('dohUrl')] } });
    const uri = session.open(`db.${DOMAIN}`, 'dns-zone', ZONE);
    await session.waitFor(uri, (diagnostics) => diagnostics.length > 0);
    const hovers = {
      link: await hoverText(uri, 6, 20),
      image: await hoverText(uri, 7, 20),
      code: await hoverText(uri, 8, 16),
      spf: await hoverText(uri, 10, 20),
      dmarc: await hoverText(uri, 11, 20),
    };
    for (const [what, markdown] of Object.entries(hovers)) {
      expect(markdown, what).not.toBe('');
      const html = renderMarkdown(markdown);
      expect(html, `${what}:\n${markdown}\n${html}`).not.toMatch(MARKUP);
    }
    // The data is still there, as text, in the zone reader's spelling (master-file escapes, RFC 1035 §5.1).
    expect(renderMarkdown(hovers.link)).toContain(`<code>[x]\\(http://evil\\).${DOMAIN}.</code>`);
    expect(renderMarkdown(hovers.image)).toMatch(/<code>&lt;img\\+032src=x\\+032onerror=alert\\\(1\\\)&gt;\.markdown-injection/);
    expect(renderMarkdown(hovers.code)).toContain(`<code>\\\`\\\`&lt;b&gt;code&lt;/b&gt;\\\`.${DOMAIN}.</code>`);
    expect(renderMarkdown(hovers.spf)).toContain('&lt;http://evil.example&gt;');
  });

  it('the VS Code report of mxDoctor.checkDomain renders no link, image or tag', async () => {
    session = await startLsp({ settings: { resolvers: [inject('dohUrl')] } });
    const report = (await session.connection.sendRequest(lsp.ExecuteCommandRequest.type, { command: 'mxDoctor.checkDomain', arguments: [DOMAIN] })) as {
      mx: { exchange: string }[];
      findings: { message: string }[];
    };
    // The report carries the data intact (JSON over LSP)...
    expect(report.mx.map((row) => row.exchange)).toContain(`[x](http://evil).${DOMAIN}`);
    // ...and its Markdown shows it as text.
    const { reportToMarkdown } = await loadReportMarkdown();
    const markdown = reportToMarkdown(report);
    const html = renderMarkdown(markdown);
    expect(html, markdown).not.toMatch(MARKUP);
    expect(html).toContain(`[x](http://evil).${DOMAIN}`);
    expect(html).toContain(`&lt;img src=x onerror=alert(1)&gt;.${DOMAIN}`);
  });
});
