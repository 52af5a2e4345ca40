import { AS_OF, freezeToday, serveProgramRules } from '../../../../../test/lwcTestUtils';

type ProgramRulesModule = typeof import('c/programRules');

/** A fresh module each time: the rules are cached once per page, i.e. per module instance. */
async function freshModule(): Promise<ProgramRulesModule> {
  let loaded: ProgramRulesModule | undefined;
  await jest.isolateModulesAsync(async () => {
    loaded = await import('c/programRules');
  });
  return loaded!;
}

describe('c-program-rules', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('loads the static resource once per page and validates it', async () => {
    const fetchMock = serveProgramRules();
    const { loadProgramRules } = await freshModule();

    const [first, second] = await Promise.all([loadProgramRules(), loadProgramRules()]);

    expect(first).toBe(second);
    expect(first.dealRegistration.validityDays).toBe(90);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledWith('partnerProgramRules');
  });

  it('names the bad key of an invalid rules file', async () => {
    serveProgramRules({ version: '2026.11.1' });
    const { loadProgramRules } = await freshModule();

    await expect(loadProgramRules()).rejects.toThrow(/partnerTypes/);
  });

  it('says which resource failed to load, and tries again on the next call', async () => {
    serveProgramRules({}, 404);
    const { loadProgramRules } = await freshModule();
    await expect(loadProgramRules()).rejects.toThrow(/partnerProgramRules.*HTTP 404/);

    const fetchMock = serveProgramRules();
    await expect(loadProgramRules()).resolves.toHaveProperty('version');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("gives today's date in the user's time zone as the core's asOf", async () => {
    freezeToday();
    const { today } = await freshModule();
    expect(today()).toBe(AS_OF);
  });
});
