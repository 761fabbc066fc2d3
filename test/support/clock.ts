/** The fixed instant tests run at: a Monday in Copenhagen, after the 2016 model. */
export const testNow = new Date('2026-11-23T10:00:00Z');
