import { resetDom } from '../../../../../test/lwcTestUtils';
import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';

async function render(props: Record<string, unknown>): Promise<HTMLElement> {
  const element = createElement('c-error-panel', { is: ErrorPanel });
  Object.assign(element, props);
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

describe('c-error-panel', () => {
  afterEach(() => {
    resetDom();
  });

  it('lists every message of the errors under a heading', async () => {
    const element = await render({
      errors: [
        { body: { message: 'No access to Deal_Registration__c' } },
        new Error('The rules are not valid')
      ],
      friendlyMessage: 'The program rules could not be loaded.'
    });

    const items = [...element.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['No access to Deal_Registration__c', 'The rules are not valid']);
    expect(element.shadowRoot!.querySelector('p')!.textContent).toBe(
      'The program rules could not be loaded.'
    );
  });

  it('falls back to the generic heading and renders messages as text', async () => {
    const element = await render({ errors: new Error('<img src=x onerror=alert(1)>') });

    expect(element.shadowRoot!.querySelector('p')!.textContent).toBe(
      'Something went wrong loading this panel.'
    );
    expect(element.shadowRoot!.querySelector('li')!.textContent).toBe(
      '<img src=x onerror=alert(1)>'
    );
    expect(element.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await render({ errors: new Error('boom') });
    await expect(element).toBeAccessible();
  });
});
