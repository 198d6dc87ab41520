/**
 * Nelder–Mead simplex minimisation (internal; used by `fitSbg`).
 *
 * Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½), as in Nelder & Mead,
 * "A simplex method for function minimization", Computer Journal 7(4), 1965, and Lagarias et al.,
 * SIAM J. Optim. 9(1), 1998. Stops when the simplex is smaller than `xTolerance` in every coordinate and
 * its values differ by less than `fTolerance`, or after `maxIterations`.
 */

export interface NelderMeadOptions {
  /** Initial step along each axis. Default 0.5. */
  step?: number;
  /** Default 1e-10. */
  xTolerance?: number;
  /** Default 1e-13. */
  fTolerance?: number;
  /** Default 2,000. */
  maxIterations?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

interface Vertex {
  x: number[];
  f: number;
}

export function nelderMead(f: (x: number[]) => number, x0: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const { step = 0.5, xTolerance = 1e-10, fTolerance = 1e-13, maxIterations = 2_000 } = options;
  const n = x0.length;
  const vertex = (x: number[]): Vertex => ({ x, f: f(x) });
  const simplex: Vertex[] = [vertex([...x0])];
  for (let i = 0; i < n; i++) simplex.push(vertex(x0.map((v, j) => (j === i ? v + step : v))));
  // x + t (y − x), the point on the line from x through y
  const along = (x: readonly number[], y: readonly number[], t: number) => x.map((xi, j) => xi + t * ((y[j] as number) - xi));

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    simplex.sort((a, b) => a.f - b.f);
    const best = simplex[0] as Vertex;
    const worst = simplex[n] as Vertex;
    const size = Math.max(...simplex.slice(1).flatMap((v) => v.x.map((xi, j) => Math.abs(xi - (best.x[j] as number)))));
    if (size <= xTolerance && worst.f - best.f <= fTolerance * (1 + Math.abs(best.f))) {
      converged = true;
      break;
    }
    iterations++;
    const centroid = best.x.map((_, j) => simplex.slice(0, n).reduce((s, v) => s + (v.x[j] as number), 0) / n);
    const reflected = vertex(along(centroid, worst.x, -1));
    const secondWorst = simplex[n - 1] as Vertex;
    if (reflected.f < best.f) {
      const expanded = vertex(along(centroid, worst.x, -2));
      simplex[n] = expanded.f < reflected.f ? expanded : reflected;
    } else if (reflected.f < secondWorst.f) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.f < worst.f;
      const contracted = vertex(along(centroid, worst.x, outside ? -0.5 : 0.5));
      if (contracted.f < (outside ? reflected.f : worst.f)) {
        simplex[n] = contracted;
      } else {
        for (let i = 1; i <= n; i++) simplex[i] = vertex(along(best.x, (simplex[i] as Vertex).x, 0.5));
      }
    }
  }
  simplex.sort((a, b) => a.f - b.f);
  const best = simplex[0] as Vertex;
  return { x: best.x, value: best.f, iterations, converged };
}
