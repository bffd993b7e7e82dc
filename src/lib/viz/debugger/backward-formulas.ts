/**
 * The backward formula of each (op, input) the gradient explain view covers, as TeX (rendered with
 * KaTeX when the page is built). Keys match backward-explain.ts's `formula`. Conv: the input
 * gradient is a transposed convolution of dL/dY with the kernel and the weight gradient correlates
 * the input with dL/dY (Dumoulin & Visin 2016, arXiv 1603.07285, §4); BatchNorm in inference mode
 * (Ioffe & Szegedy 2015, arXiv 1502.03167, §3.1: the running statistics are constants); the
 * activations' derivatives as PyTorch takes them at the kinks; SE's scaling is a broadcasting Mul.
 */
const d = (num: string, den: string): string => `\\frac{\\partial ${num}}{\\partial ${den}}`;
const dY = (idx: string): string => d('L', `Y_{${idx}}`);

export const BACKWARD_FORMULAS: Readonly<Record<string, string>> = {
  Loss: `L = -\\log p_t,\\quad p = \\operatorname{softmax}(z),\\qquad ${d('L', 'z_k')} = p_k - [k = t]`,
  'Conv:X':
    `${d('L', 'X_{c,i,j}')} = \\sum_{m}\\sum_{k_y,k_x} W_{m,c,k_y,k_x}\\,${dY('m,o_y,o_x')}` +
    `\\quad\\text{where } o_y s + k_y - p = i,\\; o_x s + k_x - p = j`,
  'Conv:W': `${d('L', 'W_{m,c,k_y,k_x}')} = \\sum_{o_y,o_x} X_{c,\\,o_y s + k_y - p,\\,o_x s + k_x - p}\\;${dY('m,o_y,o_x')}`,
  'Conv:B': `${d('L', 'b_m')} = \\sum_{o_y,o_x} ${dY('m,o_y,o_x')}`,
  'BatchNormalization:X': `${d('L', 'X_{c,i,j}')} = \\frac{\\gamma_c}{\\sqrt{\\sigma_c^2 + \\varepsilon}}\\;${dY('c,i,j')}`,
  'BatchNormalization:γ':
    `${d('L', '\\gamma_c')} = \\sum_{i,j} \\hat x_{c,i,j}\\,${dY('c,i,j')},\\quad ` +
    `\\hat x = \\frac{x - \\mu_c}{\\sqrt{\\sigma_c^2 + \\varepsilon}}`,
  'BatchNormalization:β': `${d('L', '\\beta_c')} = \\sum_{i,j} ${dY('c,i,j')}`,
  'Relu:X': `${d('L', 'x')} = [\\,y > 0\\,]\\;${d('L', 'y')}`,
  'Clip:X': `${d('L', 'x')} = [\\,\\mathrm{lo} < y < \\mathrm{hi}\\,]\\;${d('L', 'y')}`,
  'HardSigmoid:X': `${d('L', 'x')} = \\alpha\\,[\\,0 < y < 1\\,]\\;${d('L', 'y')}`,
  'HardSwish:X':
    `${d('L', 'x')} = f'(x)\\,${d('L', 'y')},\\quad ` +
    `f'(x) = \\begin{cases} 0 & x < -3 \\\\ (2x + 3)/6 & -3 \\le x \\le 3 \\\\ 1 & x > 3 \\end{cases}`,
  'Sigmoid:X': `${d('L', 'x')} = \\sigma(x)\\,(1 - \\sigma(x))\\;${d('L', 'y')}`,
  'GlobalAveragePool:X': `${d('L', 'X_{c,i,j}')} = \\frac{1}{HW}\\;${dY('c')}`,
  'Mul:A': `${d('L', 'A_p')} = \\sum_{q \\to p} B_q\\,${dY('q')}\\quad(q\\text{: the outputs that read }A_p)`,
  'Mul:B': `${d('L', 'B_p')} = \\sum_{q \\to p} A_q\\,${dY('q')}\\quad(q\\text{: the outputs that read }B_p)`,
  'Add:A': `${d('L', 'A_p')} = \\sum_{q \\to p} ${dY('q')}`,
  'Add:B': `${d('L', 'B_p')} = \\sum_{q \\to p} ${dY('q')}`,
};
