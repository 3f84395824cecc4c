// A small location sketch for the referral sheet: the person's address, the numbered services
// and the streets around them (OpenStreetMap lines, drawn as grey strokes), with a scale bar.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 480;
const HEIGHT = 230;
/** The sketch shows at least this many metres across, so one service is not a blank frame. */
const MIN_SPAN_M = 600;
const METRES_PER_DEGREE = 111320;

function svg(name, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  for (const child of children) element.append(child);
  return element;
}

/** A projection of the frame holding every point, padded, to the sketch's pixels. */
function frameOf(points) {
  const lats = points.map((point) => point.lat);
  const lons = points.map((point) => point.lon);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const cos = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max((Math.max(...lons) - Math.min(...lons)) * cos * METRES_PER_DEGREE, MIN_SPAN_M) * 1.25;
  const spanY = Math.max((Math.max(...lats) - Math.min(...lats)) * METRES_PER_DEGREE, MIN_SPAN_M * (HEIGHT / WIDTH)) * 1.25;
  const metresPerPixel = Math.max(spanX / WIDTH, spanY / HEIGHT);
  const centre = { lat: midLat, lon: (Math.min(...lons) + Math.max(...lons)) / 2 };
  const x = (lon) => WIDTH / 2 + ((lon - centre.lon) * cos * METRES_PER_DEGREE) / metresPerPixel;
  const y = (lat) => HEIGHT / 2 - ((lat - centre.lat) * METRES_PER_DEGREE) / metresPerPixel;
  return { x, y, metresPerPixel };
}

/** The street lines inside the frame, as one SVG path. */
function streetPath(streets, frame) {
  const inside = (px, py) => px > -40 && px < WIDTH + 40 && py > -40 && py < HEIGHT + 40;
  const parts = [];
  for (const feature of streets?.features || []) {
    const geometry = feature.geometry || {};
    const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
    for (const line of lines) {
      const pixels = line.map(([lon, lat]) => [frame.x(lon), frame.y(lat)]);
      if (!pixels.some(([px, py]) => inside(px, py))) continue;
      parts.push(`M${pixels.map(([px, py]) => `${px.toFixed(1)} ${py.toFixed(1)}`).join('L')}`);
    }
  }
  return parts.join('');
}

/** A scale bar of a round length near a fifth of the width. */
function scaleBar(frame, label) {
  const target = (WIDTH / 5) * frame.metresPerPixel;
  const metres = [50, 100, 200, 250, 500, 1000, 2000, 5000].reduce((best, step) => (Math.abs(step - target) < Math.abs(best - target) ? step : best));
  const pixels = metres / frame.metresPerPixel;
  return svg('g', { class: 'sketch-scale' },
    svg('rect', { x: 8, y: HEIGHT - 30, width: pixels + 14, height: 24, fill: '#ffffff', opacity: 0.85 }),
    svg('path', { d: `M14 ${HEIGHT - 14}v6h${pixels.toFixed(1)}v-6`, fill: 'none', stroke: '#16202c', 'stroke-width': 1.5 }),
    svg('text', { x: 16, y: HEIGHT - 15, 'font-size': 15 }, label(metres)));
}

/**
 * The sketch around the person's point, or null without one (a sketch of services spread over
 * the Region says nothing a list of addresses does not).
 * @param {{point: ?{lat:number, lon:number}, services: {n:number, lat:number, lon:number}[],
 *   streets: ?object, title: string, pointLabel: string, distance: (m:number)=>string}} input
 */
export function locationSketch({ point, services, streets, title, pointLabel, distance }) {
  const located = services.filter((service) => Number.isFinite(service.lat) && Number.isFinite(service.lon));
  if (!point || located.length === 0) return null;
  const points = [point, ...located];
  const frame = frameOf(points);
  const drawing = svg('svg', {
    class: 'sketch', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': title,
  }, svg('title', {}, title));
  drawing.append(svg('rect', { width: WIDTH, height: HEIGHT, fill: '#ffffff', stroke: '#c9d2de' }));
  drawing.append(svg('path', { d: streetPath(streets, frame), fill: 'none', stroke: '#b7c0cc', 'stroke-width': 1.8 }));
  const placed = [];
  for (const service of located) {
    let cx = frame.x(service.lon);
    const cy = frame.y(service.lat);
    // Services at one address side by side, not on top of each other.
    while (placed.some(([x, y]) => Math.hypot(x - cx, y - cy) < 25)) cx += 26;
    placed.push([cx, cy]);
    drawing.append(svg('g', { class: 'sketch-service' },
      svg('circle', { cx, cy, r: 13, fill: '#17457a', stroke: '#ffffff', 'stroke-width': 1.5 }),
      svg('text', { x: cx, y: cy + 5, 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 700, fill: '#ffffff' }, String(service.n))));
  }
  const px = frame.x(point.lon);
  const py = frame.y(point.lat);
  drawing.append(svg('g', { class: 'sketch-point' },
    svg('rect', { x: px - 9, y: py - 9, width: 18, height: 18, fill: '#c2410c', stroke: '#ffffff', 'stroke-width': 1.5 }),
    svg('text', { x: px + 13, y: py - 10, 'font-size': 17, 'font-weight': 700, fill: '#7c2d12' }, pointLabel)));
  drawing.append(scaleBar(frame, distance));
  drawing.append(svg('text', { x: WIDTH - 6, y: HEIGHT - 6, 'text-anchor': 'end', 'font-size': 12, fill: '#4a5566' }, '© OpenStreetMap'));
  return drawing;
}
