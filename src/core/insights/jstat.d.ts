// The slice of jStat (https://github.com/jstat/jstat, MIT) that insights use; the package ships no types.
declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...params: number[]): number;
    inv(p: number, ...params: number[]): number;
  }
  const jStat: {
    studentt: Distribution;
    normal: Distribution;
  };
  export default jStat;
}
