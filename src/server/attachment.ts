/**
 * Sends a download: a file name for the browser, and never cached by the browser or a proxy —
 * every download is health data. Route tables use it for their raw outputs (PDF, CSV, exports).
 *
 * @example return sendAttachment(reply, 'gutbrain-summary.pdf', 'application/pdf', pdf);
 */
import type { FastifyReply } from 'fastify';

export function sendAttachment(
  reply: FastifyReply,
  fileName: string,
  contentType: string,
  body: string | Uint8Array,
): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
