import { SMTPServer } from 'smtp-server';
import { freePort } from './ports';

/**
 * A local SMTP sink (the one stand-in allowed: mail leaves the product). `onMessage` gets each
 * message's raw text and recipients, and calls `accept` when the server should answer 250.
 */
export async function startSmtpSink(
  onMessage: (raw: string, recipients: string[], accept: () => void) => void,
): Promise<{ port: number; close: () => Promise<void> }> {
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk.toString()));
      stream.on('end', () =>
        onMessage(
          raw,
          session.envelope.rcptTo.map((recipient) => recipient.address),
          () => callback(),
        ),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
