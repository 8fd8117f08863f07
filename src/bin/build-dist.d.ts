export declare function buildDist(root: string, outDir: string, opts?: { bundles?: string[] }): Promise<void>;
export declare const BUNDLE_META: string;
