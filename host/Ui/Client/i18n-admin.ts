// Strings for the settings and stats pages, in English and Chinese (zh must have every key en has).
export const en = {};

export const zh: Record<keyof typeof en, string> = {};
