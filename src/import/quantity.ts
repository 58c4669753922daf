// The Kubernetes resource quantity grammar (k8s.io/apimachinery resource.Quantity), exactly:
//
//   <quantity>        ::= <signedNumber><suffix>
//   <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI>
//   <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei
//   <decimalSI>       ::= m | "" | k | M | G | T | P | E
//   <decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber>
//   <signedNumber>    ::= <sign><number>
//   <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
//
// "1G" is 10^9 bytes and "1Gi" 2^30; "E" alone is exa, "E3" an exponent. Values are exact
// Decimals (a memory quantity divided by 2^30 always terminates).
import { D } from '../core/decimal.js';

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?\d+)|(m|k|M|G|T|P|E)?)$/;
const TWO = new D(2);
const GIB = TWO.pow(30);

/** The value of a quantity (bytes, for memory), or undefined when the text is not a quantity. */
export function parseQuantity(text: string): D | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const number = new D(m[1]!);
  if (m[2] !== undefined) return number.times(TWO.pow(BINARY[m[2]]!));
  if (m[3] !== undefined) {
    // An exponent beyond what any real quantity has would make a Decimal of a billion digits.
    const exponent = Number(m[3]);
    if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 100) return undefined;
    return number.times(new D(10).pow(exponent));
  }
  return number.times(new D(10).pow(DECIMAL[m[4] ?? '']!));
}

/** A memory quantity in GiB (bytes / 2^30), or undefined when the text is not a quantity. */
export function quantityGiB(text: string): D | undefined {
  const bytes = parseQuantity(text);
  return bytes === undefined ? undefined : bytes.dividedBy(GIB);
}

export const QUANTITY_HELP = 'a Kubernetes quantity such as 512Mi, 2Gi, 1G, 129e6 or 128974848';
