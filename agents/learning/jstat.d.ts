// jstat ships no types; only the Beta quantile is used.
declare module 'jstat' {
  const jStat: { beta: { inv(p: number, alpha: number, beta: number): number } };
  export = jStat;
}
