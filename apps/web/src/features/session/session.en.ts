/** In-place re-sign-in after a 401, and the BFF reachability banner. English; loaded with the screens that use it (i18n/catalogs.ts). */
export const en = {
  session: {
    expiredTitle: 'Your session has ended',
    expiredBody:
      'Sign in again to continue. This page stays as it is: what you entered is kept, the data reloads and a failed action is sent again.',
    retried_one: 'Signed in again; sent {{count}} interrupted action again.',
    retried_other: 'Signed in again; sent {{count}} interrupted actions again.',
    resumed: 'Signed in again.',
    fullSignIn: 'Go to the sign-in page instead',
    unreachableTitle: 'The console server is not reachable',
    unreachableBody: 'Retrying automatically… Your changes on this page are kept.',
    reachableAgain: 'Connection restored.',
  },
};
