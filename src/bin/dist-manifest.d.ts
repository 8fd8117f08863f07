export declare const MANIFEST: string;
export declare const BUNDLE: string;
export type Fingerprint = { format: number; files: Record<string, { size: number; mtimeMs: number; hash: string }> };
export declare function sourceFiles(root: string): string[];
export declare function fingerprint(root: string): Fingerprint;
export declare function isFresh(root: string, outDir: string): boolean;
