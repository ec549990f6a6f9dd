// Thousands separators for numbers that appear inside derivation prose.
export function groupDigits(n: bigint): string {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString();
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return neg ? '-' + out : out;
}
