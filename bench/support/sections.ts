/** `NOF1_BENCH_ONLY=a,b npm run bench -- name` runs only those sections of a benchmark (quick reruns while profiling). */
export function wanted(section: string): boolean {
  const only = process.env.NOF1_BENCH_ONLY;
  return !only || only.split(',').includes(section);
}
