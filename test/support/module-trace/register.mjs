// `node --import` this file, with MODULE_TRACE_FILE set, to list the modules a process loads (hooks.mjs).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url, { data: { file: process.env.MODULE_TRACE_FILE } });
