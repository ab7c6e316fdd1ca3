/** Where to go after logging in: only same-site paths are followed (`//evil.example` is not). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/today';
}
