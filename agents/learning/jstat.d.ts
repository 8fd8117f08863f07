// jstat ships no types; only the Beta quantile and distribution function are used.
declare module 'jstat' {
  const jStat: {
    beta: { inv(p: number, alpha: number, beta: number): number; cdf(x: number, alpha: number, beta: number): number };
  };
  export = jStat;
}
