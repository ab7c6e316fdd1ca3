/**
 * The invitation token from the link (`/clinic-invitation#<token>`). Browsers never send what follows
 * `#`, so the token reaches no server log; it is kept in this tab's sessionStorage while the person
 * signs in or creates an account, and taken out of the address bar and history at once.
 */
const KEY = 'gutbrain.clinicInvitation';

export function takeInvitationToken(): string | null {
  const fromLink = window.location.hash.slice(1);
  if (fromLink) {
    sessionStorage.setItem(KEY, fromLink);
    window.history.replaceState(window.history.state, '', window.location.pathname);
    return fromLink;
  }
  return sessionStorage.getItem(KEY);
}

export function forgetInvitationToken(): void {
  sessionStorage.removeItem(KEY);
}
