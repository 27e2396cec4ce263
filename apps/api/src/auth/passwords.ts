import bcrypt from 'bcryptjs';

/** bcrypt through bcryptjs (pure JavaScript: no native build step on machines that block install scripts). */
export function hashPassword(password: string, rounds: number): Promise<string> {
  return bcrypt.hash(password, rounds);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A password must be 10+ characters, not the username, and mix at least two kinds of character. */
export function passwordProblem(password: unknown, username?: string): string | null {
  if (typeof password !== 'string' || password.length < 10) return 'password must be at least 10 characters';
  if (password.length > 200) return 'password must be at most 200 characters';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return 'password must not contain the username';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((pattern) => pattern.test(password)).length;
  if (kinds < 2) return 'password must mix at least two of: lower case, upper case, digits, symbols';
  return null;
}
