// How renderers emphasise text. The CLI passes chalk-backed functions on a colour terminal and
// plain ones otherwise; the core never imports chalk.
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

const same = (text: string) => text;
export const PLAIN: Style = { bold: same, dim: same, red: same, yellow: same, green: same };
