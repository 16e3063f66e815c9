import { AGENCIES, parseProfile } from '../profiles';
import { surchargeOn } from './surcharge';

// 行政处罚法 72(1)(一), 73(3): 3 % a day from the day after the due date, capped at the fine,
// not counted while a review or lawsuit is pending. Hand-worked: fine 1,000 yuan = 100,000 fen.
const FINE = 100_000;
const RULE = { dailyRatePercent: 3, cappedAtFine: true };
const at = (date: string, time = '12:00') => new Date(`${date}T${time}:00+08:00`);

it('counts nothing on the last day to pay itself', () => {
  expect(surchargeOn(FINE, '2026-12-10', at('2026-12-10', '23:59'), RULE)).toEqual({ days: 0, amountFen: 0, capped: false });
});

it('grows by 3 % of the fine each day from the day after (30 yuan a day)', () => {
  expect(surchargeOn(FINE, '2026-12-10', at('2026-12-11', '00:00'), RULE)).toEqual({ days: 1, amountFen: 3_000, capped: false });
  expect(surchargeOn(FINE, '2026-12-10', at('2026-12-20'), RULE)).toEqual({ days: 10, amountFen: 30_000, capped: false });
});

it('stops at the fine: 34 days would be 102 %, the surcharge is 1,000 yuan', () => {
  expect(surchargeOn(FINE, '2026-12-10', at('2027-01-12'), RULE)).toEqual({ days: 33, amountFen: 99_000, capped: false });
  expect(surchargeOn(FINE, '2026-12-10', at('2027-01-13'), RULE)).toEqual({ days: 34, amountFen: FINE, capped: true });
  expect(surchargeOn(FINE, '2026-12-10', at('2027-06-01'), RULE).amountFen).toBe(FINE);
});

it('does not count the days a review was pending, from its filing date to the day before it ended', () => {
  // Review filed 15 Dec, decided 25 Dec: 15..24 Dec (10 days) not counted.
  const pauses = [{ from: at('2026-12-15').toISOString(), to: at('2026-12-25').toISOString() }];
  expect(surchargeOn(FINE, '2026-12-10', at('2026-12-31'), RULE, pauses)).toEqual({ days: 11, amountFen: 33_000, capped: false });
  // Still pending: nothing counts from the filing date on.
  expect(surchargeOn(FINE, '2026-12-10', at('2026-12-31'), RULE, [{ from: at('2026-12-15').toISOString() }]).days).toBe(4);
});

it('uses China dates: 23:30 UTC on the 10th is already the 11th in China', () => {
  expect(surchargeOn(FINE, '2026-12-10', new Date('2026-12-10T16:30:00Z'), RULE).days).toBe(1);
});

it('rounds down to the fen on an odd fine', () => {
  expect(surchargeOn(33_333, '2026-12-10', at('2026-12-11'), RULE).amountFen).toBe(999);
});

describe("the cap is the profile's figure (行政处罚法 72(1)(一), 行政强制法 45 第二款)", () => {
  it('is applied as the rule says, not assumed', () => {
    const uncapped = surchargeOn(FINE, '2026-12-10', at('2027-01-20'), { dailyRatePercent: 3, cappedAtFine: false });
    expect(uncapped).toEqual({ days: 41, amountFen: 123_000, capped: false });
    expect(surchargeOn(FINE, '2026-12-10', at('2027-01-20'), RULE)).toEqual({ days: 41, amountFen: FINE, capped: true });
  });

  it('is capped in every profile, and a profile without the cap is refused: the law admits no other value', () => {
    for (const p of AGENCIES) expect(p.execution.surcharge.cappedAtFine).toBe(true);
    const copy = JSON.parse(JSON.stringify(AGENCIES[0]));
    copy.execution.surcharge.cappedAtFine = false;
    expect(() => parseProfile(copy, 'uncapped.json')).toThrow(/execution\.surcharge\.cappedAtFine/);
  });
});
