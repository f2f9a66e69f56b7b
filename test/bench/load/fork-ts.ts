/**
 * Forks a TypeScript entry point with tsx's loader, whatever runs this process (`tsx bench/main.ts`, or
 * a vitest worker, whose own flags hold no tsx). A fork and not `tsx/cli`: the child's pid is the
 * process doing the work (settle.ts reads its CPU time).
 */
import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export const forkTs = (file: string, args: readonly string[], options: ForkOptions): ChildProcess =>
  fork(file, args, { ...options, execArgv: ['--import', tsxLoader] });
