export declare function buildDist(root: string, outDir: string): Promise<void>;
