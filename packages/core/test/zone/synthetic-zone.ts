/** A large, valid zone of mixed record types (named-checkzone accepts it), for timing and scale. */
export function syntheticZone(records: number): string {
  const lines: string[] = [
    '$ORIGIN example.com.',
    '$TTL 3600',
    '@ IN SOA ns1 hostmaster ( 2024010101 ; serial',
    '          7200 3600 1209600 300 )',
    '  IN NS ns1',
    '  IN MX 10 mail',
    'ns1 IN A 192.0.2.53',
    'mail IN A 192.0.2.25',
  ];
  let count = 5;
  for (let i = 0; count < records; i++, count++) {
    switch (i % 6) {
      case 0:
        lines.push(`host${i} IN A 192.0.${(i >> 8) & 255}.${i & 255}`);
        break;
      case 1:
        lines.push(`host${i} 300 IN AAAA 2001:db8::${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}`);
        break;
      case 2:
        lines.push(`sub${i} MX 10 mx${i}.example.net.`);
        break;
      case 3:
        lines.push(`txt${i} TXT "v=spf1 include:_spf.example.net ~all" ; note`);
        break;
      case 4:
        lines.push(`  TXT "k=${i}" "second string"`);
        break;
      default:
        lines.push(`alias${i} CNAME host${i - 5}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
