import { describe, expect, it } from 'vitest';
import type { PortalDelivery } from '../../common/portal-api.js';
import { deliveryText } from '../../renderer/src/release/Deliveries.js';

const wordpress = (delivery: Partial<PortalDelivery>): PortalDelivery => ({ destination: 'wordpress', status: 'pending', attempts: 0, error: null, url: null, ...delivery });

describe('a delivery as the editor and the list show it', () => {
  it('names the destination and its state in German, with the Berlin time since which it waits', () => {
    expect(deliveryText(wordpress({ status: 'delivered', attempts: 1, url: 'https://presse.example.org/radwege/' }))).toBe('WordPress: veröffentlicht');
    expect(deliveryText(wordpress({}))).toBe('WordPress: wartet');
    // 09:02 UTC on a winter day is 10:02 in Berlin.
    expect(deliveryText(wordpress({ attempts: 3, error: 'WordPress ist nicht erreichbar: Zeitüberschreitung', pendingSince: '2026-12-03T09:02:00.000Z' }))).toBe('WordPress: wartet – nicht erreichbar seit 03.12.2026, 10:02');
    expect(deliveryText(wordpress({ status: 'failed', attempts: 1, error: 'WordPress verweigert das: Sie dürfen keine Beiträge veröffentlichen.' }))).toBe('WordPress: fehlgeschlagen – WordPress verweigert das: Sie dürfen keine Beiträge veröffentlichen.');
    expect(deliveryText(wordpress({ destination: 'intranet', status: 'delivered' }))).toBe('intranet: veröffentlicht');
  });
});
