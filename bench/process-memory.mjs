// Memory of a process tree, sampled from Linux's /proc (no other dependency): for the benchmarks
// that run Chromium (bench/browser-scale.mjs), whose renderer and dedicated worker are not this
// process.
//
// sampleTree(rootPid, {intervalMs = 100}) → {stop()}. Every intervalMs, reads every descendant of
//   rootPid (not rootPid itself): /proc/<pid>/status (VmRSS, RssAnon, VmHWM) and
//   /proc/<pid>/smaps_rollup (Pss), and the process's Chromium role (--type=… of its command line,
//   "browser" without one). stop() → {samples, intervalMs, processes, peakTotalRssMB,
//   peakTotalPssMB} where processes = [{pid, type, peakRssMB, peakRssAnonMB, peakPssMB, hwmMB}]
//   (hwmMB: the kernel's own high-water mark of the process's RSS, VmHWM, read at its last sample:
//   exact whatever the sampling misses), largest hwmMB first; peakTotal*: the largest sum over one
//   sample of every process's RSS (shared pages counted once per process) and of PSS (shared pages
//   split between the processes sharing them: the tree's own footprint). MB = KiB / 1024.
//   Processes that start or end between two samples are caught at the samples they live through.
//   rssTimeline(pid) → [[ms since sampling started, RSS MB], …] of one process (after stop() too).
import fs from 'node:fs';

const MB = (kib) => +(kib / 1024).toFixed(1);

// pid → parent pid of every process, from /proc/<pid>/stat (the field after the command's ')').
function parents() {
  const map = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      map.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* ended meanwhile */ }
  }
  return map;
}

function descendants(rootPid) {
  const parentOf = parents();
  const found = [];
  for (const pid of parentOf.keys()) {
    for (let at = parentOf.get(pid), hops = 0; at && hops < 64; at = parentOf.get(at), hops++) {
      if (at === rootPid) { found.push(pid); break; }
    }
  }
  return found;
}

// KiB fields of one /proc file ("Name:   123 kB" lines).
function kibFields(file, names) {
  const text = fs.readFileSync(file, 'utf8');
  const out = {};
  for (const name of names) {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
    out[name] = m ? Number(m[1]) : 0;
  }
  return out;
}

// Chromium's role of a process: its --type= ("renderer", "gpu-process", "zygote", "utility"), with
// the utility's sub-type, or "browser" for the one without --type. Chromium rewrites its command
// line as one space-separated string, so the flags are searched in the whole text.
function roleOf(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    const type = /(?:^|\s)--type=([\w-]+)/.exec(text);
    const sub = /--utility-sub-type=([\w.]+)/.exec(text);
    if (type) return type[1] + (sub ? ` (${sub[1]})` : '');
    return /chrom/.test(text.split(' ')[0]) ? 'browser' : text.split(' ')[0].split('/').pop();
  } catch {
    return 'unknown';
  }
}

export function sampleTree(rootPid, { intervalMs = 100 } = {}) {
  const procs = new Map();  // pid → record
  let samples = 0, peakTotalRss = 0, peakTotalPss = 0;
  const started = Date.now();
  const timeline = [];  // [ms since start, {pid: RSS KiB}]
  const tick = () => {
    let totalRss = 0, totalPss = 0;
    const rssNow = {};
    for (const pid of descendants(rootPid)) {
      let status, rollup;
      try {
        status = kibFields(`/proc/${pid}/status`, ['VmRSS', 'RssAnon', 'VmHWM']);
        rollup = kibFields(`/proc/${pid}/smaps_rollup`, ['Pss']);
      } catch { continue; /* ended meanwhile */ }
      let p = procs.get(pid);
      if (!p) procs.set(pid, (p = { pid, type: roleOf(pid), rss: 0, anon: 0, pss: 0, hwm: 0 }));
      p.rss = Math.max(p.rss, status.VmRSS);
      p.anon = Math.max(p.anon, status.RssAnon);
      p.pss = Math.max(p.pss, rollup.Pss);
      p.hwm = Math.max(p.hwm, status.VmHWM);
      rssNow[pid] = status.VmRSS;
      totalRss += status.VmRSS;
      totalPss += rollup.Pss;
    }
    samples++;
    timeline.push([Date.now() - started, rssNow]);
    peakTotalRss = Math.max(peakTotalRss, totalRss);
    peakTotalPss = Math.max(peakTotalPss, totalPss);
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    // The RSS of process `pid` (MB) at every sample: [[ms since the start, MB], …].
    rssTimeline(pid) {
      return timeline.filter(([, r]) => r[pid] !== undefined).map(([t, r]) => [t, MB(r[pid])]);
    },
    stop() {
      tick();
      clearInterval(timer);
      return {
        samples, intervalMs,
        peakTotalRssMB: MB(peakTotalRss),
        peakTotalPssMB: MB(peakTotalPss),
        processes: [...procs.values()].sort((a, b) => b.hwm - a.hwm)
          .map((p) => ({ pid: p.pid, type: p.type, hwmMB: MB(p.hwm), peakRssMB: MB(p.rss), peakRssAnonMB: MB(p.anon), peakPssMB: MB(p.pss) })),
      };
    },
  };
}
