export const segments = {};
