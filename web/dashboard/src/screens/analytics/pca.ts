/** Two principal components of a set of rows: each row's coordinates and the share of variance each axis explains. */
export type Projection = { points: [number, number][]; explained: [number, number]; loadings: [number[], number[]] };

/** Column means and standard deviations (population), a zero spread counted as one so a constant column stays zero. */
export function standardise(rows: readonly number[][]): number[][] {
  const d = rows[0]?.length ?? 0;
  const n = rows.length;
  const means = Array.from({ length: d }, (_, j) => rows.reduce((sum, row) => sum + row[j]!, 0) / n);
  const sds = means.map((mean, j) => Math.sqrt(rows.reduce((sum, row) => sum + (row[j]! - mean) ** 2, 0) / n) || 1);
  return rows.map((row) => row.map((value, j) => (value - means[j]!) / sds[j]!));
}

/**
 * Eigenvalues and eigenvectors (as columns) of a symmetric matrix by cyclic Jacobi rotations:
 * exact enough for the handful of features a chart projects, with no library.
 */
export function symmetricEigen(matrix: readonly number[][]): { values: number[]; vectors: number[][] } {
  const d = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v: number[][] = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += a[p]![q]! ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        if (Math.abs(a[p]![q]!) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]!), vectors: v };
}

/**
 * Projects rows onto their first two principal components, after standardising each column:
 * the eigenvectors of the correlation matrix with the largest eigenvalues, each signed so its
 * largest loading is positive (the same data always draws the same way round).
 */
export function principalComponents(rows: readonly number[][]): Projection {
  const d = rows[0]?.length ?? 0;
  if (rows.length < 2 || d < 2) return { points: rows.map(() => [0, 0]), explained: [0, 0], loadings: [[], []] };
  const z = standardise(rows);
  const n = z.length;
  const covariance = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => z.reduce((sum, row) => sum + row[i]! * row[j]!, 0) / n));
  const { values, vectors } = symmetricEigen(covariance);
  const order = values.map((value, index) => ({ value, index })).sort((x, y) => y.value - x.value);
  const axis = (rank: number) => {
    const column = vectors.map((row) => row[order[rank]!.index]!);
    const largest = column.reduce((best, value) => (Math.abs(value) > Math.abs(best) ? value : best), 0);
    return largest < 0 ? column.map((value) => -value) : column;
  };
  const first = axis(0);
  const second = axis(1);
  const total = values.reduce((sum, value) => sum + Math.max(0, value), 0) || 1;
  const dot = (row: number[], w: number[]) => row.reduce((sum, value, j) => sum + value * w[j]!, 0);
  return {
    points: z.map((row) => [dot(row, first), dot(row, second)]),
    explained: [Math.max(0, order[0]!.value) / total, Math.max(0, order[1]!.value) / total],
    loadings: [first, second],
  };
}
