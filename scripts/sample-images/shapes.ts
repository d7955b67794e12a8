/**
 * The drawing kit of the sample illustrations: palettes and flat shapes (drones, shields, documents,
 * controllers…) as SVG fragments. `scripts/sample-images.ts` composes them into pictures.
 */
export interface Palette {
	skyTop: string;
	skyBottom: string;
	ground: string;
	groundFar: string;
	ink: string;
	body: string;
	accent: string;
	accent2: string;
	paper: string;
}

export const palettes = {
	harbour: {
		skyTop: '#0f2a44',
		skyBottom: '#2b6a8a',
		ground: '#0b1f33',
		groundFar: '#163a55',
		ink: '#0b1c2c',
		body: '#e8f1f2',
		accent: '#2ec4b6',
		accent2: '#ffbf69',
		paper: '#f7fafa',
	},
	dusk: {
		skyTop: '#3d1f4f',
		skyBottom: '#c8553d',
		ground: '#2a1236',
		groundFar: '#5b2a4a',
		ink: '#24112f',
		body: '#faf0ca',
		accent: '#f4d35e',
		accent2: '#ee964b',
		paper: '#fff8e6',
	},
	forest: {
		skyTop: '#a8d5ba',
		skyBottom: '#e9f5db',
		ground: '#1b3a2f',
		groundFar: '#3f7d5c',
		ink: '#14281f',
		body: '#22333b',
		accent: '#e9c46a',
		accent2: '#f4a261',
		paper: '#fdfcf5',
	},
	slate: {
		skyTop: '#22223b',
		skyBottom: '#4a4e69',
		ground: '#1a1a2e',
		groundFar: '#33354f',
		ink: '#141426',
		body: '#f2e9e4',
		accent: '#c9ada7',
		accent2: '#7bdff2',
		paper: '#f8f4f1',
	},
	daylight: {
		skyTop: '#8ecae6',
		skyBottom: '#dff1fa',
		ground: '#023047',
		groundFar: '#219ebc',
		ink: '#023047',
		body: '#1d3557',
		accent: '#ffb703',
		accent2: '#fb8500',
		paper: '#ffffff',
	},
	signal: {
		skyTop: '#264653',
		skyBottom: '#2a9d8f',
		ground: '#1b323b',
		groundFar: '#2f5d62',
		ink: '#10242b',
		body: '#f1faee',
		accent: '#e76f51',
		accent2: '#e9c46a',
		paper: '#fbfaf5',
	},
} satisfies Record<string, Palette>;

export const n = (value: number): string => (Math.round(value * 10) / 10).toString();

/** Sky gradient, a soft sun, a dotted texture and rolling hills. */
export function backdrop(w: number, h: number, p: Palette, seed: number): string {
	const sunX = w * (0.15 + ((seed * 37) % 70) / 100);
	const sunY = h * 0.24;
	const hill = (base: number, amp: number, phase: number, fill: string): string => {
		let d = `M0 ${n(h)} L0 ${n(base)}`;
		const steps = 8;
		for (let i = 1; i <= steps; i += 1) {
			const x = (w / steps) * i;
			const y = base + Math.sin(i * 1.3 + phase) * amp;
			const cx = x - w / steps / 2;
			const cy = base + Math.cos(i * 0.9 + phase) * amp * 1.4;
			d += ` Q${n(cx)} ${n(cy)} ${n(x)} ${n(y)}`;
		}
		return `<path d="${d} L${n(w)} ${n(h)} Z" fill="${fill}"/>`;
	};
	return `
	<defs>
		<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
			<stop offset="0" stop-color="${p.skyTop}"/>
			<stop offset="1" stop-color="${p.skyBottom}"/>
		</linearGradient>
		<radialGradient id="sun" cx="0.5" cy="0.5" r="0.5">
			<stop offset="0" stop-color="${p.accent2}" stop-opacity="0.9"/>
			<stop offset="0.55" stop-color="${p.accent2}" stop-opacity="0.25"/>
			<stop offset="1" stop-color="${p.accent2}" stop-opacity="0"/>
		</radialGradient>
		<pattern id="dots" width="28" height="28" patternUnits="userSpaceOnUse">
			<circle cx="3" cy="3" r="1.6" fill="${p.body}" fill-opacity="0.09"/>
		</pattern>
	</defs>
	<rect width="${w}" height="${h}" fill="url(#sky)"/>
	<rect width="${w}" height="${h}" fill="url(#dots)"/>
	<circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(h * 0.3)}" fill="url(#sun)"/>
	<circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(h * 0.07)}" fill="${p.accent2}" fill-opacity="0.85"/>
	${hill(h * 0.74, h * 0.035, seed, p.groundFar)}
	${hill(h * 0.84, h * 0.025, seed + 2, p.ground)}`;
}

/** A side-view quadcopter: body, arms, spinning rotor discs, gimbal camera and landing legs. */
export function quadSide(cx: number, cy: number, s: number, p: Palette, legs = true): string {
	const arm = 250 * s;
	const rotor = (x: number): string => `
		<rect x="${n(x - 14 * s)}" y="${n(cy - 52 * s)}" width="${n(28 * s)}" height="${n(34 * s)}" rx="${n(6 * s)}" fill="${p.ink}"/>
		<rect x="${n(x - 3 * s)}" y="${n(cy - 66 * s)}" width="${n(6 * s)}" height="${n(16 * s)}" fill="${p.ink}"/>
		<ellipse cx="${n(x)}" cy="${n(cy - 68 * s)}" rx="${n(118 * s)}" ry="${n(11 * s)}" fill="${p.body}" fill-opacity="0.28" stroke="${p.body}" stroke-opacity="0.7" stroke-width="${n(2.5 * s)}"/>
		<rect x="${n(x - 70 * s)}" y="${n(cy - 71 * s)}" width="${n(140 * s)}" height="${n(6 * s)}" rx="${n(3 * s)}" fill="${p.ink}" fill-opacity="0.8"/>`;
	const leg = (dir: number): string =>
		legs
			? `<path d="M${n(cx + dir * 60 * s)} ${n(cy + 30 * s)} L${n(cx + dir * 110 * s)} ${n(cy + 120 * s)} M${n(cx + dir * 80 * s)} ${n(cy + 120 * s)} L${n(cx + dir * 150 * s)} ${n(cy + 120 * s)}" stroke="${p.ink}" stroke-width="${n(9 * s)}" stroke-linecap="round" fill="none"/>`
			: '';
	return `
	<g>
		<ellipse cx="${n(cx)}" cy="${n(cy + 190 * s)}" rx="${n(240 * s)}" ry="${n(18 * s)}" fill="${p.ink}" fill-opacity="0.18"/>
		${leg(-1)}${leg(1)}
		<rect x="${n(cx - arm)}" y="${n(cy - 28 * s)}" width="${n(arm * 2)}" height="${n(18 * s)}" rx="${n(9 * s)}" fill="${p.ink}"/>
		${rotor(cx - arm)}${rotor(cx + arm)}
		<rect x="${n(cx - 120 * s)}" y="${n(cy - 45 * s)}" width="${n(240 * s)}" height="${n(80 * s)}" rx="${n(34 * s)}" fill="${p.body}"/>
		<rect x="${n(cx - 120 * s)}" y="${n(cy - 5 * s)}" width="${n(240 * s)}" height="${n(40 * s)}" rx="${n(20 * s)}" fill="${p.ink}" fill-opacity="0.16"/>
		<rect x="${n(cx - 70 * s)}" y="${n(cy - 30 * s)}" width="${n(140 * s)}" height="${n(12 * s)}" rx="${n(6 * s)}" fill="${p.accent}"/>
		<rect x="${n(cx - 10 * s)}" y="${n(cy + 30 * s)}" width="${n(20 * s)}" height="${n(22 * s)}" fill="${p.ink}"/>
		<circle cx="${n(cx)}" cy="${n(cy + 70 * s)}" r="${n(32 * s)}" fill="${p.ink}"/>
		<circle cx="${n(cx)}" cy="${n(cy + 70 * s)}" r="${n(17 * s)}" fill="${p.accent}"/>
		<circle cx="${n(cx - 5 * s)}" cy="${n(cy + 64 * s)}" r="${n(5 * s)}" fill="${p.body}" fill-opacity="0.8"/>
	</g>`;
}

/** A top-down multirotor with `arms` arms (4 for a quad, 6 for a hexacopter). */
export function multiTop(cx: number, cy: number, s: number, arms: number, p: Palette): string {
	let out = `<circle cx="${n(cx + 14 * s)}" cy="${n(cy + 18 * s)}" r="${n(300 * s)}" fill="${p.ink}" fill-opacity="0.12"/>`;
	const len = 250 * s;
	for (let i = 0; i < arms; i += 1) {
		const a = (Math.PI * 2 * i) / arms + (arms === 4 ? Math.PI / 4 : 0);
		const x = cx + Math.cos(a) * len;
		const y = cy + Math.sin(a) * len;
		out += `<line x1="${n(cx)}" y1="${n(cy)}" x2="${n(x)}" y2="${n(y)}" stroke="${p.ink}" stroke-width="${n(22 * s)}" stroke-linecap="round"/>`;
		out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(92 * s)}" fill="${p.body}" fill-opacity="0.22" stroke="${p.body}" stroke-opacity="0.75" stroke-width="${n(3 * s)}"/>`;
		const b = a + 0.9;
		out += `<line x1="${n(x - Math.cos(b) * 80 * s)}" y1="${n(y - Math.sin(b) * 80 * s)}" x2="${n(x + Math.cos(b) * 80 * s)}" y2="${n(y + Math.sin(b) * 80 * s)}" stroke="${p.ink}" stroke-opacity="0.75" stroke-width="${n(9 * s)}" stroke-linecap="round"/>`;
		out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(20 * s)}" fill="${i % 2 === 0 ? p.accent : p.accent2}" stroke="${p.ink}" stroke-width="${n(5 * s)}"/>`;
	}
	out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(92 * s)}" fill="${p.body}" stroke="${p.ink}" stroke-width="${n(8 * s)}"/>`;
	out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(48 * s)}" fill="${p.accent}" fill-opacity="0.9"/>`;
	out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(18 * s)}" fill="${p.ink}"/>`;
	return `<g>${out}</g>`;
}

/** A shield with a padlock on it. */
export function shieldLock(cx: number, cy: number, s: number, p: Palette): string {
	const w = 150 * s;
	const top = cy - 170 * s;
	const d = `M${n(cx)} ${n(top)} L${n(cx + w)} ${n(top + 50 * s)} L${n(cx + w)} ${n(cy + 10 * s)} Q${n(cx + w)} ${n(cy + 130 * s)} ${n(cx)} ${n(cy + 190 * s)} Q${n(cx - w)} ${n(cy + 130 * s)} ${n(cx - w)} ${n(cy + 10 * s)} L${n(cx - w)} ${n(top + 50 * s)} Z`;
	return `
	<g>
		<path d="${d}" fill="${p.ink}" fill-opacity="0.25" transform="translate(${n(12 * s)} ${n(14 * s)})"/>
		<path d="${d}" fill="${p.accent}" stroke="${p.body}" stroke-width="${n(10 * s)}" stroke-linejoin="round"/>
		<path d="M${n(cx)} ${n(top + 22 * s)} L${n(cx + w - 24 * s)} ${n(top + 64 * s)} L${n(cx + w - 24 * s)} ${n(cy + 10 * s)} Q${n(cx + w - 24 * s)} ${n(cy + 112 * s)} ${n(cx)} ${n(cy + 164 * s)} Z" fill="${p.body}" fill-opacity="0.18"/>
		<path d="M${n(cx - 42 * s)} ${n(cy - 10 * s)} L${n(cx - 42 * s)} ${n(cy - 45 * s)} A${n(42 * s)} ${n(42 * s)} 0 0 1 ${n(cx + 42 * s)} ${n(cy - 45 * s)} L${n(cx + 42 * s)} ${n(cy - 10 * s)}" fill="none" stroke="${p.ink}" stroke-width="${n(18 * s)}" stroke-linecap="round"/>
		<rect x="${n(cx - 70 * s)}" y="${n(cy - 14 * s)}" width="${n(140 * s)}" height="${n(110 * s)}" rx="${n(18 * s)}" fill="${p.ink}"/>
		<circle cx="${n(cx)}" cy="${n(cy + 30 * s)}" r="${n(15 * s)}" fill="${p.accent2}"/>
		<rect x="${n(cx - 6 * s)}" y="${n(cy + 36 * s)}" width="${n(12 * s)}" height="${n(34 * s)}" rx="${n(5 * s)}" fill="${p.accent2}"/>
	</g>`;
}

/** A report page with text lines, optionally a small bar chart and check marks. */
export function documentPage(
	x: number,
	y: number,
	w: number,
	h: number,
	p: Palette,
	options: { chart?: boolean; checks?: number; tilt?: number } = {}
): string {
	const fold = w * 0.18;
	const tilt = options.tilt ?? 0;
	let lines = '';
	const left = x + w * 0.12;
	let ly = y + h * 0.16;
	lines += `<rect x="${n(left)}" y="${n(ly)}" width="${n(w * 0.5)}" height="${n(h * 0.045)}" rx="${n(h * 0.02)}" fill="${p.ink}"/>`;
	ly += h * 0.1;
	for (let i = 0; i < 4; i += 1) {
		const len = w * (0.76 - (i % 3) * 0.12);
		lines += `<rect x="${n(left)}" y="${n(ly)}" width="${n(len)}" height="${n(h * 0.025)}" rx="${n(h * 0.012)}" fill="${p.ink}" fill-opacity="0.35"/>`;
		ly += h * 0.055;
	}
	if (options.chart) {
		const base = y + h * 0.86;
		const heights = [0.16, 0.26, 0.2, 0.34, 0.3];
		heights.forEach((bh, i) => {
			const bw = w * 0.1;
			const bx = left + i * bw * 1.5;
			lines += `<rect x="${n(bx)}" y="${n(base - h * bh)}" width="${n(bw)}" height="${n(h * bh)}" rx="${n(bw * 0.15)}" fill="${i % 2 === 0 ? p.accent : p.accent2}"/>`;
		});
		lines += `<rect x="${n(left - w * 0.02)}" y="${n(base)}" width="${n(w * 0.78)}" height="${n(h * 0.012)}" fill="${p.ink}" fill-opacity="0.6"/>`;
	}
	const checks = options.checks ?? 0;
	for (let i = 0; i < checks; i += 1) {
		const cy = ly + h * 0.05 + i * h * 0.09;
		const bx = left;
		lines += `<rect x="${n(bx)}" y="${n(cy - h * 0.03)}" width="${n(h * 0.06)}" height="${n(h * 0.06)}" rx="${n(h * 0.012)}" fill="none" stroke="${p.ink}" stroke-width="${n(h * 0.01)}"/>`;
		lines += `<path d="M${n(bx + h * 0.012)} ${n(cy)} L${n(bx + h * 0.028)} ${n(cy + h * 0.018)} L${n(bx + h * 0.058)} ${n(cy - h * 0.03)}" fill="none" stroke="${p.accent}" stroke-width="${n(h * 0.014)}" stroke-linecap="round" stroke-linejoin="round"/>`;
		lines += `<rect x="${n(bx + h * 0.1)}" y="${n(cy - h * 0.012)}" width="${n(w * 0.48)}" height="${n(h * 0.024)}" rx="${n(h * 0.012)}" fill="${p.ink}" fill-opacity="0.35"/>`;
	}
	const outline = `M${n(x)} ${n(y)} L${n(x + w - fold)} ${n(y)} L${n(x + w)} ${n(y + fold)} L${n(x + w)} ${n(y + h)} L${n(x)} ${n(y + h)} Z`;
	return `
	<g transform="rotate(${n(tilt)} ${n(x + w / 2)} ${n(y + h / 2)})">
		<path d="${outline}" fill="${p.ink}" fill-opacity="0.25" transform="translate(14 16)"/>
		<path d="${outline}" fill="${p.paper}"/>
		<path d="M${n(x + w - fold)} ${n(y)} L${n(x + w - fold)} ${n(y + fold)} L${n(x + w)} ${n(y + fold)} Z" fill="${p.ink}" fill-opacity="0.15"/>
		${lines}
	</g>`;
}

/** A handheld ground controller with two sticks, a screen and antennas. */
export function controller(cx: number, cy: number, s: number, p: Palette): string {
	const w = 300 * s;
	const h = 170 * s;
	return `
	<g>
		<line x1="${n(cx - w * 0.36)}" y1="${n(cy - h * 0.5)}" x2="${n(cx - w * 0.46)}" y2="${n(cy - h * 1.05)}" stroke="${p.ink}" stroke-width="${n(14 * s)}" stroke-linecap="round"/>
		<line x1="${n(cx + w * 0.36)}" y1="${n(cy - h * 0.5)}" x2="${n(cx + w * 0.46)}" y2="${n(cy - h * 1.05)}" stroke="${p.ink}" stroke-width="${n(14 * s)}" stroke-linecap="round"/>
		<rect x="${n(cx - w / 2 + 10 * s)}" y="${n(cy - h / 2 + 14 * s)}" width="${n(w)}" height="${n(h)}" rx="${n(50 * s)}" fill="${p.ink}" fill-opacity="0.25"/>
		<rect x="${n(cx - w / 2)}" y="${n(cy - h / 2)}" width="${n(w)}" height="${n(h)}" rx="${n(50 * s)}" fill="${p.body}" stroke="${p.ink}" stroke-width="${n(6 * s)}"/>
		<rect x="${n(cx - w * 0.22)}" y="${n(cy - h * 0.36)}" width="${n(w * 0.44)}" height="${n(h * 0.5)}" rx="${n(10 * s)}" fill="${p.ink}"/>
		<rect x="${n(cx - w * 0.18)}" y="${n(cy - h * 0.3)}" width="${n(w * 0.36)}" height="${n(h * 0.38)}" rx="${n(6 * s)}" fill="${p.accent}" fill-opacity="0.85"/>
		<circle cx="${n(cx - w * 0.34)}" cy="${n(cy + h * 0.12)}" r="${n(30 * s)}" fill="${p.ink}" fill-opacity="0.2"/>
		<circle cx="${n(cx + w * 0.34)}" cy="${n(cy + h * 0.12)}" r="${n(30 * s)}" fill="${p.ink}" fill-opacity="0.2"/>
		<circle cx="${n(cx - w * 0.34)}" cy="${n(cy + h * 0.12)}" r="${n(14 * s)}" fill="${p.ink}"/>
		<circle cx="${n(cx + w * 0.34)}" cy="${n(cy + h * 0.12)}" r="${n(14 * s)}" fill="${p.ink}"/>
		<circle cx="${n(cx)}" cy="${n(cy + h * 0.3)}" r="${n(9 * s)}" fill="${p.accent2}"/>
	</g>`;
}

/** Concentric radio arcs pointing in `angle` degrees (0 = right). */
export function waves(cx: number, cy: number, s: number, angle: number, color: string): string {
	let out = '';
	for (let i = 1; i <= 3; i += 1) {
		const r = 40 * s * i;
		const a0 = ((angle - 35) * Math.PI) / 180;
		const a1 = ((angle + 35) * Math.PI) / 180;
		out += `<path d="M${n(cx + Math.cos(a0) * r)} ${n(cy + Math.sin(a0) * r)} A${n(r)} ${n(r)} 0 0 1 ${n(cx + Math.cos(a1) * r)} ${n(cy + Math.sin(a1) * r)}" fill="none" stroke="${color}" stroke-width="${n(10 * s)}" stroke-linecap="round" stroke-opacity="${n(1 - i * 0.2)}"/>`;
	}
	return out;
}

/** A magnifying glass. */
export function magnifier(cx: number, cy: number, s: number, p: Palette): string {
	return `
	<g>
		<line x1="${n(cx + 70 * s)}" y1="${n(cy + 70 * s)}" x2="${n(cx + 160 * s)}" y2="${n(cy + 160 * s)}" stroke="${p.ink}" stroke-width="${n(30 * s)}" stroke-linecap="round"/>
		<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(100 * s)}" fill="${p.body}" fill-opacity="0.25" stroke="${p.ink}" stroke-width="${n(22 * s)}"/>
		<path d="M${n(cx - 55 * s)} ${n(cy - 20 * s)} A${n(60 * s)} ${n(60 * s)} 0 0 1 ${n(cx - 10 * s)} ${n(cy - 60 * s)}" stroke="${p.body}" stroke-width="${n(10 * s)}" fill="none" stroke-linecap="round"/>
	</g>`;
}

/** A clipboard holding a checklist. */
export function clipboard(x: number, y: number, w: number, h: number, p: Palette): string {
	return `
	<g>
		<rect x="${n(x + 14)}" y="${n(y + 16)}" width="${n(w)}" height="${n(h)}" rx="${n(w * 0.06)}" fill="${p.ink}" fill-opacity="0.25"/>
		<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(w * 0.06)}" fill="${p.accent2}"/>
		${documentPage(x + w * 0.08, y + h * 0.07, w * 0.84, h * 0.88, p, { checks: 5 })}
		<rect x="${n(x + w * 0.3)}" y="${n(y - h * 0.04)}" width="${n(w * 0.4)}" height="${n(h * 0.09)}" rx="${n(h * 0.03)}" fill="${p.ink}"/>
	</g>`;
}

/** A timeline of dots on a line, one highlighted. */
export function timeline(x: number, y: number, w: number, count: number, p: Palette): string {
	let out = `<rect x="${n(x)}" y="${n(y - 5)}" width="${n(w)}" height="10" rx="5" fill="${p.body}" fill-opacity="0.7"/>`;
	for (let i = 0; i < count; i += 1) {
		const cx = x + (w / (count - 1)) * i;
		const last = i === count - 1;
		out += `<circle cx="${n(cx)}" cy="${n(y)}" r="${last ? 30 : 20}" fill="${last ? p.accent2 : p.accent}" stroke="${p.ink}" stroke-width="6"/>`;
		const top = y + (i % 2 === 0 ? -170 : 60);
		out += `<line x1="${n(cx)}" y1="${n(y)}" x2="${n(cx)}" y2="${n(i % 2 === 0 ? top + 110 : top)}" stroke="${p.body}" stroke-width="6" stroke-opacity="0.6"/>`;
		out += `<rect x="${n(cx - 75)}" y="${n(top)}" width="150" height="110" rx="14" fill="${p.paper}"/>`;
		out += `<rect x="${n(cx - 55)}" y="${n(top + 22)}" width="80" height="14" rx="7" fill="${p.ink}" fill-opacity="0.75"/>`;
		out += `<rect x="${n(cx - 55)}" y="${n(top + 50)}" width="110" height="10" rx="5" fill="${p.ink}" fill-opacity="0.35"/>`;
		out += `<rect x="${n(cx - 55)}" y="${n(top + 72)}" width="70" height="10" rx="5" fill="${i % 2 === 0 ? p.accent : p.accent2}"/>`;
	}
	return out;
}

/** A landing pad seen at an angle, with a grounded drone silhouette on it and a "no fly" bar. */
export function padWithDrone(cx: number, cy: number, s: number, p: Palette): string {
	return `
	<g>
		<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(150 * s)}" ry="${n(42 * s)}" fill="${p.accent2}" stroke="${p.ink}" stroke-width="${n(6 * s)}"/>
		<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(100 * s)}" ry="${n(26 * s)}" fill="none" stroke="${p.paper}" stroke-width="${n(6 * s)}" stroke-dasharray="${n(18 * s)} ${n(12 * s)}"/>
		${quadSide(cx, cy - 66 * s, s * 0.5, p, true)}
	</g>`;
}

export function svgDoc(w: number, h: number, body: string): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;
}
