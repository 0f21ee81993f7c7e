import type { Money } from '../api/models';

/** "€19.99" from minor units and an ISO currency code. */
export function formatMoney(money?: Money): string {
  if (!money || !money.currency) return '';
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).format((money.amountMinor ?? 0) / 10 ** digits);
}

/** Minor units from a typed price ("19.99" -> 1999); null when it is not a price. */
export function parsePrice(text: string): number | null {
  const value = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return null;
  return Math.round(Number(value) * 100);
}

export function formatDate(iso?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString('en');
}

export const statusLabels: Record<string, string> = {
  PENDING: 'Pending',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
};

export function statusLabel(status: string): string {
  return statusLabels[status] ?? status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, ' ');
}

export const terminalStatuses = new Set(['CONFIRMED', 'CANCELLED']);
