const { Worker } = require('worker_threads'); const fs = require('fs'); const path=require('path');
const files=[]; (function walk(d){ for (const e of fs.readdirSync(d,{withFileTypes:true})) e.isDirectory()?walk(path.join(d,e.name)):e.name.endsWith('.txt')&&files.push(path.join(d,e.name)); })('test/fixtures/corpus/national');
const paras=files.sort().flatMap(f=>fs.readFileSync(f,'utf8').split(/\r?\n/)).filter(Boolean);
const w = new Worker('./dist/segmentationWorker.js', { execArgv: process.argv.slice(2) });
let t0, id=0, got=0; const tl=performance.now();
w.on('message', (m) => {
  if (m.type==='loaded') { t0=performance.now(); for (let i=0;i<paras.length;i+=64) w.postMessage({type:'cut', id:id++, texts: paras.slice(i,i+64)}); return; }
  if (m.type==='cut' && ++got === Math.ceil(paras.length/64)) { console.log('cut all', (performance.now()-t0).toFixed(0)); w.postMessage({type:'stop'}); }
});
w.postMessage({ type:'load', userDictionaryPaths: [], choice:'auto' });
