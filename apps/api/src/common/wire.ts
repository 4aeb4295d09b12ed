/** An instant as the answers carry it (ISO 8601, UTC): what JSON would make of the Date. */
export const iso = (at: Date): string => at.toISOString();

export const isoOrNull = (at: Date | null | undefined): string | null => (at ? iso(at) : null);
