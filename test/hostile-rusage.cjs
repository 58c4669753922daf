// Preloaded (--require) into a dtcost run by test/hostile-table.test.ts: writes the process's CPU
// time and peak resident memory to the file named by DTCOST_RUSAGE_FILE as it exits.
const { writeFileSync } = require('node:fs');
const file = process.env.DTCOST_RUSAGE_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      writeFileSync(file, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMB: u.maxRSS / 1024 }));
    } catch {}
  });
}
