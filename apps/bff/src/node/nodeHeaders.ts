import type { OutgoingHttpHeaders } from 'node:http';

/** A web Response's headers for ServerResponse.writeHead (Set-Cookie kept as separate lines). */
export function nodeHeaders(headers: Headers): OutgoingHttpHeaders {
  const record: OutgoingHttpHeaders = {};
  headers.forEach((value, name) => {
    if (name !== 'set-cookie') record[name] = value;
  });
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) record['set-cookie'] = cookies;
  return record;
}
