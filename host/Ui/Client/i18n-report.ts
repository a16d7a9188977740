// Strings for the printable evidence report, in English and Chinese (zh must have every key en has).
export const en = {};

export const zh: Record<keyof typeof en, string> = {};
