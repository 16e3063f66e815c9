import { contentDisposition } from './content-disposition';

it('gives the Chinese name as RFC 5987 UTF-8 and an ASCII fallback', () => {
  const h = contentDisposition('行政处罚决定书（兴罚决〔2026〕1号）-ab12cd34.pdf', 'decision-ab12cd34.pdf');
  expect(h).toMatch(/^attachment; filename="decision-ab12cd34\.pdf"; filename\*=UTF-8''[A-Za-z0-9%\-._~!]+$/);
  expect(decodeURIComponent(h.split("UTF-8''")[1])).toBe('行政处罚决定书（兴罚决〔2026〕1号）-ab12cd34.pdf');
  expect(contentDisposition("a'(b).pdf", 'x"y.pdf')).toBe(`attachment; filename="x_y.pdf"; filename*=UTF-8''a%27%28b%29.pdf`);
});
