// Preloaded into a benchmarked CLI process (`node --require`): at exit, its peak resident set
// size in KiB goes to the file named by MXD_BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const file = process.env.MXD_BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
