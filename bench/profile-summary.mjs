// Summarises a .cpuprofile: self and inclusive time per function.
//   node bench/profile-summary.mjs FILE [selfRows] [inclusiveRows]
import fs from 'node:fs';
const file = process.argv[2];
const p = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map(n => [n.id, n]));
const self = new Map();
const dt = p.timeDeltas; let total = 0;
const counts = new Map();
for (let i = 0; i < p.samples.length; i++) { counts.set(p.samples[i], (counts.get(p.samples[i]) || 0) + dt[i]); total += dt[i]; }
// self time per function
const key = n => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber+1}`;
for (const [id, t] of counts) { const n = byId.get(id); const k = key(n); self.set(k, (self.get(k) || 0) + t); }
// inclusive time
const parent = new Map(); for (const n of p.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of counts) { const seen = new Set(); let cur = id; while (cur != null) { const k = key(byId.get(cur)); if (!seen.has(k)) { incl.set(k, (incl.get(k) || 0) + t); seen.add(k); } cur = parent.get(cur); } }
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, t]) => `${(t / 1000).toFixed(0).padStart(7)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log('total', (total / 1000).toFixed(0), 'ms\nSELF\n' + top(self, Number(process.argv[3] || 25)) + '\nINCLUSIVE\n' + top(incl, Number(process.argv[4] || 40)));
