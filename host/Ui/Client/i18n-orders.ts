// Strings for the orders list, the order detail and its timeline, in English and Chinese (zh must have every key en has).
export const en = {};

export const zh: Record<keyof typeof en, string> = {};
