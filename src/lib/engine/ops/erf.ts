/**
 * The error function, which JavaScript's Math lacks. Small |x| uses the Maclaurin series (exact
 * to float64 well past float32 precision); otherwise the Chebyshev fit of erfc from Numerical
 * Recipes §6.2 (fractional error below 1.2e-7), so erf keeps float32 accuracy everywhere.
 */
export function erf(x: number): number {
  const z = Math.abs(x);
  if (z < 0.5) {
    // erf(x) = 2/√π · Σ (−1)ⁿ x^(2n+1) / (n! (2n+1))
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let n = 1; n < 12; n++) {
      term *= -x2 / n;
      sum += term / (2 * n + 1);
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc : erfc - 1;
}
