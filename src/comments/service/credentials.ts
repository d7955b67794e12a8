/**
 * The moderators' credentials: the password hash (scrypt, from node:crypto), random session and
 * CSRF tokens compared in constant time, and the session cookie. No I/O: the service stores the
 * sessions and sends the cookies.
 * @see https://nodejs.org/api/crypto.html#cryptoscryptpassword-salt-keylen-options-callback
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#scrypt
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters and the key length. */
export interface ScryptParams {
	N: number;
	r: number;
	p: number;
	keyLength: number;
}

/** OWASP's minimum for scrypt (2^17 would take over a second on a small server per login). */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

/** The shortest password `hash-password` accepts. */
export const MIN_PASSWORD_LENGTH = 12;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
	const options: ScryptOptions = {
		N: params.N,
		r: params.r,
		p: params.p,
		// scrypt needs 128·N·r bytes; Node refuses anything over 32 MiB unless told.
		maxmem: 256 * params.N * params.r,
	};
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFC'), salt, params.keyLength, options, (error, key) =>
			error ? reject(error) : resolve(key)
		)
	);
}

/**
 * The hash of a password, as `scrypt:N:r:p:salt:key` (base64url): no `$`, so it can be pasted into
 * a shell, a systemd unit or an env file without quoting.
 */
export async function hashPassword(
	password: string,
	salt: Buffer = randomBytes(16),
	params: ScryptParams = DEFAULT_SCRYPT
): Promise<string> {
	const key = await derive(password, salt, params);
	return [
		'scrypt',
		params.N,
		params.r,
		params.p,
		salt.toString('base64url'),
		key.toString('base64url'),
	].join(':');
}

/** A parsed password hash; undefined when the text is not one `hashPassword` wrote. */
export function parsePasswordHash(
	encoded: string
): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
	const parts = encoded.trim().split(':');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
	const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
	const salt = Buffer.from(parts[4] ?? '', 'base64url');
	const key = Buffer.from(parts[5] ?? '', 'base64url');
	const powerOfTwo = Number.isInteger(Math.log2(N));
	if (!powerOfTwo || N < 2 ** 14 || N > 2 ** 20 || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16))
		return undefined;
	if (salt.length < 16 || key.length < 16) return undefined;
	return { params: { N, r, p, keyLength: key.length }, salt, key };
}

/** True when `password` matches the hash; false for a wrong password or an unreadable hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
	const parsed = parsePasswordHash(encoded);
	if (!parsed) return false;
	const key = await derive(password, parsed.salt, parsed.params);
	return timingSafeEqual(key, parsed.key);
}

/** A new random token (256 bits, base64url) for a session or a CSRF check. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** What the store keeps of a session token: its SHA-256, so a copy of the database logs no one in. */
export function tokenDigest(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * What sessions remember of the password hash they were made under (a digest: the hash itself
 * stays out of the database); a session whose tag is not the current hash's has ended.
 */
export function passwordTag(encodedHash: string): string {
	return createHash('sha256').update(encodedHash.trim(), 'utf8').digest('hex').slice(0, 32);
}

/** Compares two tokens in constant time (of their digests, so lengths leak nothing either). */
export function sameToken(given: string | undefined, expected: string): boolean {
	if (!given) return false;
	return timingSafeEqual(
		createHash('sha256').update(given, 'utf8').digest(),
		createHash('sha256').update(expected, 'utf8').digest()
	);
}

/** The session cookie's name. */
export const SESSION_COOKIE = 'hangar_moderation';

/** The `Set-Cookie` value of a session: script-proof, same-site only, Secure over HTTPS. */
export function sessionCookie(
	token: string,
	options: { secure: boolean; maxAgeSeconds: number }
): string {
	return [
		`${SESSION_COOKIE}=${token}`,
		'Path=/moderate',
		'HttpOnly',
		'SameSite=Strict',
		`Max-Age=${Math.floor(options.maxAgeSeconds)}`,
		...(options.secure ? ['Secure'] : []),
	].join('; ');
}

/** The `Set-Cookie` value that ends a session in the browser. */
export function clearedSessionCookie(secure: boolean): string {
	return sessionCookie('', { secure, maxAgeSeconds: 0 });
}

/** A cookie's value from a `Cookie` request header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
	for (const part of (header ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
	}
	return undefined;
}
