/** Upstream Status errors shown in full. English; loaded with the screens that use it (i18n/catalogs.ts). */
export const en = {
  apiError: {
    title: 'The request failed ({{code}} {{reason}})',
    titleNoCode: 'The request failed',
    errorCode: 'CCI error code',
    object: 'Object',
    field: 'Field',
    reason: 'Reason',
    message: 'Message',
    network: 'The console server could not be reached. Check your connection and try again.',
  },
};
