import type { MouseEvent } from 'react';

/**
 * The portal's slider steps by links to its slides ("#slider-…-2"), which on the public page need
 * no script. In the app the address is the route, so a click scrolls the slide into view instead.
 */
export function followSlideLink(event: MouseEvent<HTMLElement>): void {
  if (!(event.target instanceof Element)) return;
  const link = event.target.closest<HTMLAnchorElement>('a.ce-slide-step');
  const id = link?.getAttribute('href')?.slice(1);
  if (!link || !id) return;
  event.preventDefault();
  const slide = event.currentTarget.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
  slide?.scrollIntoView({ block: 'nearest', inline: 'start' });
  // Focus stays on the same step ("Nächstes Bild"), or the other one at the end of the row.
  const steps = [...(slide?.querySelectorAll<HTMLElement>('a.ce-slide-step') ?? [])];
  (steps.find((step) => step.getAttribute('aria-label') === link.getAttribute('aria-label')) ?? steps[0])?.focus({ preventScroll: true });
}
