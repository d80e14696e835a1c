/** The report model as JSON: stable key order (the model's), two-space indent, final newline. */
import type { ReportModel } from './model';

export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
