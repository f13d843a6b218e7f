#!/usr/bin/env node
// Renders DiceBear avatars to PNG files for the charagen portrait training set.
//
// Usage: node render.mjs JOBS.json      (or: node render.mjs - < JOBS.json)
//        node render.mjs --meta STYLE...  (licence and creator of each style, package versions)
//        node render.mjs --serve          (a worker: one job per stdin line, raw pixels out)
//
// JOBS.json is a JSON array of jobs: {"style": "adventurer", "options": {...}, "out": "x.png",
// "size": 256}. `style` is a DiceBear collection style in kebab-case, `options` are passed to
// createAvatar unchanged, `out` is the PNG to write and `size` its width and height in pixels.
// Nothing random happens here: the Python builder (charagen_train/data/portrait_builder.py)
// chooses every variant and colour and passes them in `options`.
//
// Prints one line per 100 jobs to stderr as progress and a final JSON summary to stdout:
// {"rendered": N, "ms": total milliseconds}. Exits 1 naming the job on the first failure,
// 2 on bad usage.
//
// --serve is for training on faces drawn on the fly (charagen_train/data/face_worker.py): each
// stdin line is one job {style, options, size} without "out", answered on stdout by exactly
// size * size * 4 bytes, the RGBA pixels (straight alpha, row-major). A bad job ends the worker
// with exit 1 and its reason on stderr. It ends with exit 0 when stdin closes.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAvatar } from '@dicebear/core';
import * as collection from '@dicebear/collection';
import { Resvg } from '@resvg/resvg-js';

function fail(code, message) {
  process.stderr.write(`render.mjs: ${message}\n`);
  process.exit(code);
}

function camelCase(style) {
  return style.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

function readJobs(arg) {
  let text;
  try {
    text = readFileSync(arg === '-' ? 0 : arg, 'utf8');
  } catch (e) {
    fail(2, `cannot read jobs from ${arg === '-' ? 'stdin' : arg}: ${e.message}`);
  }
  let jobs;
  try {
    jobs = JSON.parse(text);
  } catch (e) {
    fail(2, `jobs are not valid JSON: ${e.message}`);
  }
  if (!Array.isArray(jobs)) fail(2, 'jobs must be a JSON array of {style, options, out, size}');
  return jobs;
}

function checkJob(job, i) {
  if (job === null || typeof job !== 'object') fail(2, `job ${i}: expected an object`);
  if (typeof job.style !== 'string' || !(camelCase(job.style) in collection)) {
    fail(2, `job ${i}: unknown style ${JSON.stringify(job.style)}`);
  }
  if (typeof job.out !== 'string' || job.out === '') fail(2, `job ${i}: "out" must be a path`);
  if (!Number.isInteger(job.size) || job.size < 8 || job.size > 4096) {
    fail(2, `job ${i}: "size" must be an integer from 8 to 4096, got ${JSON.stringify(job.size)}`);
  }
  if (job.options !== undefined && (job.options === null || typeof job.options !== 'object')) {
    fail(2, `job ${i}: "options" must be an object`);
  }
}

function packageJson(name) {
  const url = new URL(`./node_modules/${name}/package.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8'));
}

// --meta: what the installed packages say about themselves, for the data set's credits.
function printMeta(styles) {
  const out = { packages: {}, styles: {} };
  for (const name of ['@dicebear/core', '@dicebear/collection', '@resvg/resvg-js']) {
    out.packages[name] = packageJson(name).version;
  }
  for (const style of styles) {
    if (!(camelCase(style) in collection)) fail(2, `unknown style ${JSON.stringify(style)}`);
    const pkg = packageJson(`@dicebear/${style}`);
    out.styles[style] = {
      package: pkg.name,
      version: pkg.version,
      license: pkg.license,
      meta: collection[camelCase(style)].meta,
    };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

function rasterise(job) {
  const svg = createAvatar(collection[camelCase(job.style)], job.options ?? {}).toString();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: job.size },
    font: { loadSystemFonts: false },
  });
  return resvg.render();
}

async function serve() {
  const { createInterface } = await import('node:readline');
  const { writeSync } = await import('node:fs');
  let n = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let job;
    try {
      job = JSON.parse(line);
    } catch (e) {
      fail(1, `job ${n}: not valid JSON: ${e.message}`);
    }
    checkJob({ ...job, out: '-' }, n);
    let pixels;
    try {
      const image = rasterise(job);
      if (image.width !== job.size || image.height !== job.size) {
        throw new Error(`rendered ${image.width}x${image.height}, expected ${job.size}x${job.size}`);
      }
      pixels = image.pixels;
    } catch (e) {
      fail(1, `job ${n} (${job.style}): ${e.message}`);
    }
    // Synchronous: the reader waits for each answer before it sends the next job.
    for (let offset = 0; offset < pixels.length; ) offset += writeSync(1, pixels, offset);
    n += 1;
  }
}

const args = process.argv.slice(2);
if (args[0] === '--meta') {
  printMeta(args.slice(1));
  process.exit(0);
}
if (args[0] === '--serve' && args.length === 1) {
  await serve();
  process.exit(0);
}
if (args.length !== 1) fail(2, 'usage: node render.mjs JOBS.json   (or - for stdin) | --meta STYLE... | --serve');
const jobs = readJobs(args[0]);
jobs.forEach(checkJob);

const start = performance.now();
for (let i = 0; i < jobs.length; i++) {
  const job = jobs[i];
  try {
    writeFileSync(job.out, rasterise(job).asPng());
  } catch (e) {
    fail(1, `job ${i} (${job.style} -> ${job.out}): ${e.message}`);
  }
  if ((i + 1) % 100 === 0) {
    process.stderr.write(`rendered ${i + 1}/${jobs.length}\n`);
    // Node runs the finalizers that free resvg's native images from the event loop: yield to it
    // now and then, or a long batch grows by the size of every image it rendered.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ rendered: jobs.length, ms: Math.round(ms) }) + '\n');
