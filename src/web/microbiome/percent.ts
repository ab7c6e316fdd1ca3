/** A share (0–1) as a percentage; tiny shares keep three decimals so they do not read as 0.0%. */
export const percent = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.001 ? 3 : 1)}%`;
