import type { Plugin } from 'esbuild';
export declare function rewriteSourceUrls(source: string, sourceFile: string, outDir: string): string;
export declare function sourceUrlPlugin(outDir: string): Plugin;
