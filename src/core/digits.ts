// Thousands grouping of an integer's digits, for numbers people read (formulas, tables):
// "1234567" -> "1,234,567", "-1234" -> "-1,234". A loop, not a look-ahead regular expression:
// the formulas of a large estate call it a few hundred thousand times.
export function groupThousands(digits: string): string {
  if (digits.startsWith('-')) return `-${groupThousands(digits.slice(1))}`;
  const n = digits.length;
  if (n < 4) return digits;
  let head = n % 3 || 3;
  let out = digits.slice(0, head);
  for (; head < n; head += 3) out += `,${digits.slice(head, head + 3)}`;
  return out;
}
