/** What a correct server publishes for fixtures/db.example.com; shared by the stdio and Neovim tests. */
export const EXPECTED_ZONE_DIAGNOSTICS = [
  { code: 'mx-target-relative', severity: 2, range: '6:18-6:34' },
  { code: 'mx-target-cname', severity: 1, range: '7:18-7:36' },
  { code: 'mx-duplicate', severity: 2, range: '9:18-9:37' },
];
